// The core's front door: what the command line and every host (Excel, WPS, the offline page) use of
// the model, the checks and the readers. Nothing here does I/O.

// The model: editions, tables, cells, the template.
export type { Area, Pos } from './report/address.js';
export { areaAddress, columnName, parseAddress, parseArea, toAddress } from './report/address.js';
export { compact } from './report/labels.js';
export { hash53 } from './report/hash.js';
export {
  hasCopyEvidence,
  isUnfilled,
  numbersOf,
  rowNumbers,
  tableNumbers,
  tablesNotReadWhole,
} from './report/numbers-key.js';
export { cellList, cellSpec, cellSpecs, type DataCellSpec } from './report/model.js';
export { PART_TITLES, TABLE_NAME, TABLE_PART } from './report/parts.js';
export {
  POINTS_PER_CHAR,
  ROLE_STYLE,
  type RoleStyle,
  TABLE_FONT_SIZE,
  TEMPLATE_FONT,
  TEMPLATE_PRINT,
  type TemplateCell,
  type TemplateLayout,
  type TemplateValues,
  templateGrid,
  templateLayout,
} from './report/template.js';
export { type InputRule, inputRule } from './report/validation.js';
export type { CellKey, CellKind, Edition, RawValue, ReadCell, Report, TableId } from './report/types.js';
export { EDITIONS, FIRST_FORMAT_YEAR, TABLE_IDS } from './report/types.js';

// Findings and the rules they come from.
export { isRuleId, type RuleId, type RuleInfo, RULES, ruleInfo } from './report/catalog.js';
export {
  countBySeverity,
  type Finding,
  findingAddress,
  listedCells,
  findingPlaceOnSheet,
  type FindingNote,
  type Severity,
  SEVERITY_LABEL,
  SEVERITY_ORDER,
} from './report/finding.js';

// Checking.
export { check, type CheckOptions } from './checks/engine.js';
export { DEFAULT_SIMILARITY } from './checks/rules/similarity.js';
export { editionForYear } from './checks/rules/edition.js';
export {
  clusterByCulprit,
  type FindingCluster,
  type FindingGroup,
  groupByTable,
  summary,
} from './checks/overview.js';

// 说明 that answer warnings, and the 审核报告 to file.
export {
  canExplain,
  fingerprint,
  formatTime,
  blankTables,
  notFilledIn,
  type Note,
  noteFor,
  NOTES_SHEET,
  notesGrid,
  readNotes,
  withNotes,
} from './report/notes.js';
export {
  type Audit,
  AUDIT_COLUMNS,
  AUDIT_ROW_STYLE,
  AUDIT_SHEET,
  AUDIT_TITLE,
  auditHtml,
  auditOf,
  auditResult,
  type AuditRow,
  auditRows,
  type AuditRowStyle,
  findingPlace,
  GENERATOR,
  htmlText,
} from './checks/audit.js';
export { endSentence, shownText } from './report/shown.js';

// Reading: sheets, published text and pages.
export { bytesToText } from './readers/bytes.js';
export { MEND_INSTALL, missingPackage } from './readers/problem.js';
export { decodeText } from './readers/decode.js';
export {
  EXPLAINED_EXTENSIONS,
  extensionOf,
  type FileRead,
  FORMATS_SAID,
  MAX_FILE_BYTES,
  NotAReport,
  ReadProblem,
  type ReadOptions,
  formatOf,
  readPublished,
  readReportFile,
  readWorkbookSheets,
  REPORT_EXTENSIONS,
  tooLarge,
  unsupported,
} from './readers/files.js';
export { type Grid, type GridOptions, type GridResult, readGrid } from './readers/grid.js';
export { readText, type TextResult } from './readers/text/index.js';
export {
  isolatedPdfReader,
  PDF_LIMITS,
  type PdfLimits,
  type PdfReader,
  type PdfRequest,
  type PdfResponse,
  type PdfThread,
} from './readers/pdf/isolated.js';
export { unsupportedFormat } from './readers/formats.js';
export {
  bodyKey,
  previousReport,
  readWorkbook,
  type SheetSource,
  type WorkbookRead,
} from './readers/workbook.js';
export type { Crc32, RawInflate, SheetState, XlsxRead, XlsxSheet } from './readers/xlsx/index.js';
export { XLSX_LIMITS, type XlsxLimits } from './readers/xlsx/limits.js';

// Importing a published report into the template.
export {
  freeSheetName,
  importedMessage,
  importedValues,
  reportName,
  whoseReport,
  tidiedNote,
  workbookValues,
  importJson,
  reportSheetName,
  unreadParts,
} from './report/imported.js';

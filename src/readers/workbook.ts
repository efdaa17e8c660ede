import type { Pos } from '../report/address.js';
import { compact } from '../report/labels.js';
import type { Edition, Report, TableId } from '../report/types.js';
import { tableSpecs } from '../report/model.js';
import { manualCalculationFinding, type SeenAt } from './findings.js';
import { findTables, type Grid, type GridResult, withMissingTables } from './grid.js';
import { mergedFromAreas, unstretch } from './stretched.js';

/** One worksheet of a workbook, as a host or a file reader gives it. */
export interface SheetSource {
  readonly name: string;
  readonly grid: Grid;
  /** Where grid[0][0] sits on the sheet. */
  readonly origin?: Pos;
  /** Its merged areas (「A1:F1」, on the grid), where the host has them: as a file reader gives its look. */
  readonly look?: { readonly merges: readonly string[] };
  /** Some cell of it holds a formula. */
  readonly formulas?: boolean;
}

export interface WorkbookRead {
  /** Every report of the workbook, in sheet order. */
  readonly reports: readonly Report[];
  /** Sheets with no report on them, and why. */
  readonly skipped: readonly { readonly sheet: string; readonly problem: string }[];
}

interface Part {
  readonly sheet: string;
  readonly report: Report;
  /** Its tables read the same in both editions: it takes the edition of the sheets around it. */
  readonly editionUnsure: boolean;
  /** The sheet's place in the workbook, to keep reports in tab order. */
  readonly index: number;
  /** Its tables not found whose labels are there, laid out otherwise (see findTables). */
  readonly laidOtherwise?: Partial<Record<TableId, SeenAt>>;
}

/** Parts of one edition and year (or no year) whose tables do not overlap: one report. */
function groups(parts: readonly Part[]): Part[][] {
  const out: { key: string; parts: Part[] }[] = [];
  const keyOf = (r: Report) => `${r.edition}|${r.year ?? ''}`;
  const dated = new Set(parts.filter((p) => p.report.year !== undefined).map((p) => keyOf(p.report)));
  const editions = new Set(parts.filter((p) => !p.editionUnsure).map((p) => p.report.edition));
  for (const p of parts) {
    const edition = p.editionUnsure && editions.size === 1 ? [...editions][0]! : p.report.edition;
    // A sheet without a year joins the only dated group of its edition.
    const sameEdition = [...dated].filter((k) => k.startsWith(`${edition}|`));
    const key =
      p.report.year === undefined && sameEdition.length === 1
        ? sameEdition[0]!
        : `${edition}|${p.report.year ?? ''}`;
    const disjoint = (g: Part[]) =>
      g.every((x) => x.report.tables.every((t) => !p.report.tables.includes(t)));
    const home = out.find((g) => g.key === key && disjoint(g.parts));
    if (home) home.parts.push(p);
    else out.push({ key, parts: [p] });
  }
  // The edition the group was filed under is the edition of every part of it.
  return out.map((g) =>
    g.parts.map((p) => {
      const edition = g.key.slice(0, 4) as Edition;
      return p.report.edition === edition ? p : { ...p, report: { ...p.report, edition } };
    }),
  );
}

/** The parts of a report on several sheets as one report; each table keeps its sheet. */
function merge(parts: readonly Part[]): Report {
  // Where a table's labels were seen, on the first sheet they were seen on.
  const laidOtherwise: Partial<Record<TableId, SeenAt>> = {};
  for (const p of [...parts].reverse()) Object.assign(laidOtherwise, p.laidOtherwise);
  if (parts.length === 1) return withMissingTables(parts[0]!.report, laidOtherwise);
  const first = parts[0]!.report;
  const sheets: Partial<Record<TableId, string>> = {};
  for (const p of parts) for (const t of p.report.tables) sheets[t] = p.sheet;
  const dated = parts.find((p) => p.report.year !== undefined)?.report;
  const year = dated?.year;
  const yearCell = (dated ?? parts.find((p) => p.report.yearCell)?.report)?.yearCell;
  const yearWritten = dated ? undefined : parts.find((p) => p.report.yearWritten)?.report.yearWritten;
  const named = parts.find((p) => p.report.agency)?.report;
  const agency = named?.agency;
  const agencyCell = (named ?? parts.find((p) => p.report.agencyCell)?.report)?.agencyCell;
  return withMissingTables(
    {
      edition: first.edition,
      ...(year !== undefined ? { year } : {}),
      ...(yearCell ? { yearCell } : {}),
      ...(yearWritten ? { yearWritten } : {}),
      ...(agency ? { agency } : {}),
      ...(agencyCell ? { agencyCell } : {}),
      source: parts.map((p) => p.sheet).join('、'),
      sheets,
      tables: parts.flatMap((p) => p.report.tables),
      cells: new Map(parts.flatMap((p) => [...p.report.cells])),
      findings: parts.flatMap((p) => p.report.findings),
    },
    laidOtherwise,
  );
}

/**
 * A sheet's tables. Where some are not found on a sheet with merged cells, it may be a page saved
 * as a workbook, its tables stretched over one grid of columns: read again on their own columns,
 * it is taken if more tables are found so.
 */
function readSheet(s: SheetSource): GridResult {
  const options = { sheet: s.name, ...(s.origin ? { origin: s.origin } : {}) };
  const merges = s.look?.merges;
  const mergedFrom = merges?.length ? mergedFromAreas(s.grid.length, merges) : undefined;
  const plain = findTables(s.grid, { ...options, ...(mergedFrom ? { mergedFrom } : {}) });
  const tables = plain.report?.tables.length ?? 0;
  if (!merges?.length || (plain.report && tables === tableSpecs(plain.report.edition).length)) return plain;
  const flat = unstretch(s.grid, merges);
  if (!flat) return plain;
  const again = findTables(flat.grid, { ...options, columnAt: flat.columnAt });
  if (again.twoReports) return again;
  return (again.report?.tables.length ?? 0) > tables ? again : plain;
}

/**
 * Every report in a workbook: a sheet that holds all three tables is a report; tables on separate
 * sheets of the same edition and year (表二, 表三, 表四 each on its own sheet) are one report. Where
 * the workbook calculates by hand (`manualCalculation`: a file saved so, or Excel or WPS set so), a
 * report on a sheet with formulas says G-06: their results may be older than their numbers.
 */
export function readWorkbook(
  sheets: readonly SheetSource[],
  { manualCalculation = false }: { manualCalculation?: boolean } = {},
): WorkbookRead {
  const parts: Part[] = [];
  const skipped: { sheet: string; problem: string }[] = [];
  sheets.forEach((s, index) => {
    const r = readSheet(s);
    if (r.report)
      parts.push({
        sheet: s.name,
        report: r.report,
        index,
        editionUnsure: Boolean(r.editionUnsure),
        ...(r.laidOtherwise ? { laidOtherwise: r.laidOtherwise } : {}),
      });
    else skipped.push({ sheet: s.name, problem: r.problem });
  });
  const reports = groups(parts).map(merge);
  if (!manualCalculation) return { reports, skipped };
  const withFormulas = new Set(sheets.filter((s) => s.formulas).map((s) => s.name));
  return {
    reports: reports.map((r) =>
      Object.values(r.sheets ?? {}).some((s) => withFormulas.has(s))
        ? { ...r, findings: [...r.findings, manualCalculationFinding()] }
        : r,
    ),
    skipped,
  };
}

/**
 * The body a report is of, as pairing compares it: spacing aside, 「保定市竞秀区人民政府」,
 * 「保定市竞秀区政府」, 「保定市竞秀区」 (as a page's title may give it) and 「保定市竞秀区（本级）」
 * are one body; 「…人民政府办公室」 is another.
 */
export function bodyKey(agency: string): string {
  return compact(agency)
    .replace(/[（(]本级[）)]$/, '')
    .replace(/(?:人民)?政府$/, '');
}

/**
 * Last year's report among `reports` (a workbook or a batch): the one report of the year before
 * from the same body. Reports of one workbook count as one body when one of them names none.
 */
export function previousReport(
  report: Report,
  reports: readonly Report[],
  options: { sameBody?: boolean } = {},
): Report | undefined {
  if (report.year === undefined) return undefined;
  const body = (r: Report) => (r.agency ? bodyKey(r.agency) : undefined);
  const sameBody = (r: Report) =>
    body(r) && body(report) ? body(r) === body(report) : Boolean(options.sameBody);
  const candidates = reports.filter((r) => r !== report && r.year === report.year! - 1 && sameBody(r));
  // Two candidates for last year: no guess.
  return candidates.length === 1 ? candidates[0] : undefined;
}

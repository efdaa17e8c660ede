import { Remembered } from '../../report/remembered.js';
import type { RawValue } from '../../report/types.js';
import { utf8Lenient } from '../decode.js';
import { otherKindProblem } from '../kinds.js';
import { ReadProblem } from '../problem.js';
import { mib, XLSX_LIMITS, type XlsxLimits } from './limits.js';
import { readSheet, type SheetLook } from './sheet.js';
import { readSharedStrings } from './strings.js';
import { readStyles, type Shown } from './styles.js';
import { attr, eachElement } from './xml.js';
import { type Crc32, type RawInflate, unzipEntry, type ZipEntry, zipEntries } from './zip.js';

export { XLSX_LIMITS, type XlsxLimits } from './limits.js';
export type { Crc32, RawInflate } from './zip.js';

export type SheetState = 'visible' | 'hidden' | 'veryHidden';

export interface XlsxSheet {
  readonly name: string;
  readonly state: SheetState;
  /** As Office.js `values` would give the used range from A1; empty when the sheet is not kept. */
  readonly grid: RawValue[][];
  /** Why the sheet's cells were not kept (content far beyond any report), in Chinese. */
  readonly problem?: string;
  /** Merged areas and column widths, for a view of the sheet. */
  readonly look?: SheetLook;
  /** Some cell holds a formula. */
  readonly formulas?: true;
}

export interface XlsxRead {
  /** In workbook (tab) order, hidden ones included. */
  readonly sheets: readonly XlsxSheet[];
  /** The workbook was saved set to calculate by hand (F9): its formulas' results may be old. */
  readonly manualCalculation?: true;
  /** The sheet it opens on (workbookView's activeTab), as an index of `sheets`. */
  readonly activeSheet?: number;
  /** The cells it shows as an object embedded in a document (oleSize: 「A1:I30」). */
  readonly oleSize?: string;
}

const NOT_XLSX = '不是有效的 .xlsx 文件';
/**
 * Whether a sheet's XML holds a cell's formula: an `</f>` (or `</x:f>`) ends one, and every sheet
 * with formulas has one (a shared formula's cells, `<f t="shared" si="0"/>`, share one written out).
 * Most sheets have no 「f>」 at all: looked for first, it is quick where a pattern is not.
 */
const hasFormula = (xml: string): boolean => xml.includes('f>') && /<\/(?:\w+:)?f>/.test(xml);
/** Parts of a workbook other than sheets: a package with far more files is not a report workbook. */
const MAX_ENTRIES = 20_000;

function notZip(bytes: Uint8Array): ReadProblem {
  const ole = bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
  return new ReadProblem(
    ole
      ? '这是设置了打开密码的工作簿，或改了扩展名的旧版 .xls 文件：请取消密码，或在 Excel 中另存为 .xlsx'
      : (otherKindProblem(bytes, 'Excel 工作簿（.xlsx）') ??
          `${NOT_XLSX}：文件已损坏，或不是 Excel 工作簿（在 Excel 或 WPS 中能打开的，请另存为 .xlsx 后再校验）`),
  );
}

function decodePart(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  return utf8Lenient(bytes);
}

/** Targets resolved, by their part: a batch's workbooks name the same few. */
const RESOLVED = new Remembered<string, string>(1000);

/** A path in the package from a relationship target: relative to the part's folder, or absolute. */
const resolve = (base: string, target: string) =>
  RESOLVED.of(`${base}\n${target}`, () => resolved(base, target));

function resolved(base: string, target: string): string {
  const parts = target.startsWith('/') ? [] : base.split('/').slice(0, -1);
  for (const seg of target.replace(/\\/g, '/').split('/')) {
    if (seg === '..') parts.pop();
    else if (seg && seg !== '.') parts.push(seg);
  }
  return parts.join('/');
}

const relsOf = (part: string) => {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
};

interface Relationship {
  readonly type: string;
  readonly target: string;
}

function readRels(xml: string | undefined, base: string): Map<string, Relationship> {
  const out = new Map<string, Relationship>();
  if (xml === undefined) return out;
  eachElement(xml, (name, attrs) => {
    if (name !== 'Relationship' || attr(attrs, 'TargetMode') === 'External') return;
    const id = attr(attrs, 'Id');
    const target = attr(attrs, 'Target');
    if (id && target) out.set(id, { type: attr(attrs, 'Type') ?? '', target: resolve(base, target) });
  });
  return out;
}

interface SheetEntry {
  readonly name: string;
  readonly state: SheetState;
  readonly rid?: string;
}

interface WorkbookPart {
  sheets: SheetEntry[];
  date1904: boolean;
  manual: boolean;
  activeTab?: number;
  oleSize?: string;
}

function readWorkbookPart(xml: string): WorkbookPart {
  const sheets: SheetEntry[] = [];
  let date1904 = false;
  let manual = false;
  let activeTab: number | undefined;
  let oleSize: string | undefined;
  eachElement(xml, (name, attrs) => {
    if (name === 'sheet') {
      const state = attr(attrs, 'state');
      const rid = attr(attrs, 'id');
      sheets.push({
        name: attr(attrs, 'name') ?? `Sheet${sheets.length + 1}`,
        state: state === 'hidden' || state === 'veryHidden' ? state : 'visible',
        ...(rid ? { rid } : {}),
      });
    } else if (name === 'workbookPr') {
      const v = attr(attrs, 'date1904');
      date1904 = v === '1' || v === 'true';
    } else if (name === 'calcPr') {
      manual = attr(attrs, 'calcMode') === 'manual';
    } else if (name === 'workbookView' && activeTab === undefined) {
      const tab = Number(attr(attrs, 'activeTab') ?? 0);
      activeTab = Number.isInteger(tab) && tab >= 0 ? tab : 0;
    } else if (name === 'oleSize') {
      oleSize = attr(attrs, 'ref');
    }
  });
  return {
    sheets,
    date1904,
    manual,
    ...(activeTab === undefined ? {} : { activeTab }),
    ...(oleSize === undefined ? {} : { oleSize }),
  };
}

/** The package's parts by name, found whatever case the writer used, inflated within the limits. */
class Package {
  private readonly byName = new Map<string, ZipEntry>();
  private used = 0;
  private usedZipped = 0;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly limits: XlsxLimits,
    private readonly inflate?: RawInflate,
    private readonly crc?: Crc32,
  ) {
    for (const e of zipEntries(bytes, MAX_ENTRIES).values()) this.byName.set(e.name.toLowerCase(), e);
  }

  entry(name: string): ZipEntry | undefined {
    return this.byName.get(name.replace(/^\//, '').toLowerCase());
  }

  /** Refuses, before inflating anything, parts whose declared sizes break the limits together. */
  reserve(names: readonly string[]): void {
    const entries = [...new Set(names)].map((n) => this.entry(n)).filter((e): e is ZipEntry => !!e);
    const size = entries.reduce((s, e) => s + e.size, 0);
    const zipped = entries.reduce((s, e) => s + e.compressedSize, 0);
    this.check(size, zipped);
  }

  private check(size: number, zipped: number): void {
    const { maxUnzippedBytes, maxRatio, ratioFrom } = this.limits;
    if (size > maxUnzippedBytes) {
      throw new ReadProblem(
        `工作簿解压后有 ${mib(size)}，超过上限 ${mib(maxUnzippedBytes)}（疑为压缩炸弹，或表格以外有大量内容）`,
      );
    }
    if (size > ratioFrom && size > zipped * maxRatio) {
      throw new ReadProblem(
        `工作簿解压后是压缩时的 ${Math.round(size / Math.max(zipped, 1))} 倍（${mib(size)}），疑为压缩炸弹，未读取`,
      );
    }
  }

  text(name: string): string | undefined {
    const e = this.entry(name);
    if (!e) return undefined;
    this.used += e.size;
    this.usedZipped += e.compressedSize;
    this.check(this.used, this.usedZipped);
    return decodePart(unzipEntry(this.bytes, e, this.inflate, this.crc));
  }
}

const RELS_TYPE = (rel: Relationship, kind: string) => rel.type.endsWith(`/${kind}`);

/**
 * An .xlsx file's sheets as grids of cell values, without any spreadsheet library: the zip's
 * directory is checked against the limits before anything is inflated, and each part is held to
 * its declared size. Throws a ReadProblem (Chinese) when the file cannot be read at all.
 */
export function readXlsx(
  bytes: Uint8Array,
  limits: XlsxLimits = XLSX_LIMITS,
  inflate?: RawInflate,
  crc?: Crc32,
): XlsxRead {
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (!zip) throw notZip(bytes);
  const pkg = new Package(bytes, limits, inflate, crc);

  const rootRels = readRels(pkg.text('_rels/.rels'), '');
  const office = [...rootRels.values()].find((r) => RELS_TYPE(r, 'officeDocument'));
  const workbookPath = office?.target ?? 'xl/workbook.xml';
  const workbookXml = pkg.text(workbookPath);
  // A Word or PowerPoint file renamed: its main part is a document, not a workbook.
  const other = /^word\//i.test(workbookPath)
    ? '这是 Word 文件改了扩展名：请按 .docx 打开或校验'
    : /^ppt\//i.test(workbookPath)
      ? '这是 PowerPoint 文件改了扩展名'
      : undefined;
  if (other) throw new ReadProblem(`${NOT_XLSX}（${other}）`);
  if (workbookXml === undefined)
    throw new ReadProblem(`${NOT_XLSX}（其中没有工作簿：可能是 Word 或其他文件）`);
  const { sheets, date1904, manual, activeTab, oleSize } = readWorkbookPart(workbookXml);
  if (sheets.length > limits.maxSheets) {
    throw new ReadProblem(`工作簿有 ${sheets.length} 个工作表，超过上限 ${limits.maxSheets}`);
  }
  const rels = readRels(pkg.text(relsOf(workbookPath)), workbookPath);
  const relOf = (kind: string) => [...rels.values()].find((r) => RELS_TYPE(r, kind))?.target;
  const dir = workbookPath.slice(0, workbookPath.lastIndexOf('/') + 1);
  const stringsPath = relOf('sharedStrings') ?? `${dir}sharedStrings.xml`;
  const stylesPath = relOf('styles') ?? `${dir}styles.xml`;
  const sheetPaths = sheets.map((s) => (s.rid ? rels.get(s.rid) : undefined));
  pkg.reserve([stringsPath, stylesPath, ...sheetPaths.flatMap((r) => (r ? [r.target] : []))]);

  const stringsXml = pkg.text(stringsPath);
  const stylesXml = pkg.text(stylesPath);
  const context = {
    strings: stringsXml === undefined ? [] : readSharedStrings(stringsXml),
    styles: stylesXml === undefined ? ([] as Shown[]) : readStyles(stylesXml),
    date1904,
    limits,
    budget: { cells: limits.maxCells },
  };
  return {
    sheets: sheets.map((s, i): XlsxSheet => {
      const base = { name: s.name, state: s.state };
      const rel = sheetPaths[i];
      // A chart sheet or a dialog sheet has no cells.
      if (rel && !RELS_TYPE(rel, 'worksheet')) return { ...base, grid: [] };
      const xml = rel ? pkg.text(rel.target) : undefined;
      if (xml === undefined) return { ...base, grid: [], problem: '工作簿中缺少该工作表的数据' };
      const read = readSheet(xml, context);
      const formulas = hasFormula(xml) ? { formulas: true as const } : {};
      return 'grid' in read
        ? {
            ...base,
            grid: read.grid,
            look: { merges: read.merges, columnWidths: read.columnWidths },
            ...formulas,
          }
        : { ...base, grid: [], problem: read.problem };
    }),
    ...(manual ? { manualCalculation: true as const } : {}),
    ...(activeTab !== undefined && activeTab < sheets.length ? { activeSheet: activeTab } : {}),
    ...(oleSize === undefined ? {} : { oleSize }),
  };
}

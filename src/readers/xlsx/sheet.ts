import { type Area, toAddress } from '../../report/address.js';
import { Remembered } from '../../report/remembered.js';
import type { RawValue } from '../../report/types.js';
import type { XlsxLimits } from './limits.js';
import { readStringItem, unescapeOoxml } from './strings.js';
import { serialText, type Shown } from './styles.js';
import { attr, decodeEntities, eachAttr, END, OPEN, TEXT, XmlReader } from './xml.js';

export interface SheetContext {
  readonly strings: readonly string[];
  readonly styles: readonly Shown[];
  readonly date1904: boolean;
  readonly limits: XlsxLimits;
  /** Grid cells the workbook's sheets may still take: `maxCells` for them all, not for each. */
  readonly budget: { cells: number };
}

/** A sheet as Office.js `values` gives it, or why it is not kept. */
/** How a sheet looks, for a view of it (the offline page): its merged areas and column widths. */
export interface SheetLook {
  /** 「A1:O1」 */
  readonly merges: readonly string[];
  /** Widths in characters by column (0-based), where the sheet sets them. */
  readonly columnWidths: readonly (number | undefined)[];
}

export type SheetRead = ({ readonly grid: RawValue[][] } & SheetLook) | { readonly problem: string };

/** Columns a sheet's widths may be read for: a <col> may span to XFD, the view needs the first few. */
const MAX_WIDTH_COLUMNS = 256;

/** "AB12" → zero-based row and column; undefined for anything else. */
export function parseRef(ref: string): { row: number; col: number } | undefined {
  let i = 0;
  let col = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c === 36 /* $ */ && i === 0) continue;
    const u = c & ~32;
    if (u < 65 || u > 90) break;
    col = col * 26 + (u - 64);
  }
  if (i < ref.length && ref.charCodeAt(i) === 36) i++;
  const start = i;
  let row = 0;
  for (; i < ref.length; i++) {
    const d = ref.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return undefined;
    row = row * 10 + d;
  }
  if (!col || i === start || i - start > 7) return undefined;
  return { row: row - 1, col: col - 1 };
}

/** String literals and quoted sheet names: no reference inside them moves. */
const QUOTED = /("(?:[^"]|"")*"|'(?:[^']|'')*')/;
const REF = /(?<![A-Za-z0-9_.$])(\$?)([A-Za-z]{1,3})(\$?)([0-9]{1,7})(?![0-9A-Za-z_(])/g;

/** A shared formula as its dependent cell reads it: relative references moved by the offset. */
export function shiftFormula(formula: string, rows: number, cols: number): string {
  return formula
    .split(QUOTED)
    .map((part, i) =>
      i % 2
        ? part
        : part.replace(REF, (whole, colAbs: string, name: string, rowAbs: string, digits: string) => {
            const p = parseRef(`${name}${digits}`);
            if (!p) return whole;
            const row = rowAbs ? p.row : p.row + rows;
            const col = colAbs ? p.col : p.col + cols;
            if (row < 0 || col < 0) return '#REF!';
            const moved = toAddress({ row, col });
            const letters = moved.replace(/[0-9]+$/, '');
            return `${colAbs}${letters}${rowAbs}${row + 1}`;
          }),
    )
    .join('');
}

interface Cell {
  readonly row: number;
  readonly col: number;
  readonly type: string;
  readonly style: number;
  /** The text of `<v>`, undefined when there is none. */
  value?: string;
  formula?: string;
  formulaAttrs: string;
  inline?: string;
}

const farMessage = (row: number, col: number, l: XlsxLimits) =>
  `${toAddress({ row, col })} 有内容，超出可读的范围（最多 ${l.maxRows} 行、${l.maxColumns} 列）：请删除表格以外多余的内容后再校验`;

/** The inside of a `<c>`, read up to its end tag: `<v>`, `<f>` and `<is>`. */
function readCellBody(r: XmlReader, cell: Cell): void {
  let capture: 'v' | 'f' | undefined;
  for (let t = r.next(); t !== END; t = r.next()) {
    if (t === TEXT) {
      if (capture === 'v') cell.value += r.text;
      else if (capture === 'f') cell.formula += r.text;
    } else if (t === OPEN) {
      if (r.name === 'v') {
        cell.value ??= '';
        capture = 'v';
      } else if (r.name === 'f') {
        cell.formula ??= '';
        cell.formulaAttrs = r.attrs;
        capture = 'f';
      } else if (r.name === 'is' && !r.selfClosing) cell.inline = readStringItem(r, 'is');
    } else if (r.name === 'c') return;
    else capture = undefined;
  }
}

/**
 * A formula is kept only to be shown, where a cell has no value calculated: the first thousand
 * characters say what it is. A megabyte's formula shared by 10,000 cells, each given its own moved
 * copy, took the process past 4 GB.
 */
const MAX_FORMULA = 1000;
const clipFormula = (f: string) => (f.length > MAX_FORMULA ? `${f.slice(0, MAX_FORMULA)}…` : f);

/** The cells of a sheet as they are read, whichever way, and the grid made of them. */
class SheetBuilder {
  private readonly rows: (RawValue[] | undefined)[] = [];
  readonly merges: string[] = [];
  readonly columnWidths: (number | undefined)[] = [];
  private readonly shared = new Map<string, { formula: string; row: number; col: number }>();
  private width = 0;
  private far: string | undefined;
  /** Where a cell without a reference goes: after the one before, in the row last opened. */
  rowIndex = -1;
  colIndex = -1;

  constructor(private readonly ctx: SheetContext) {}

  /** A <col min max width>, from its attributes. */
  column(attrs: string): void {
    let min = 0;
    let max = 0;
    let width = NaN;
    eachAttr(attrs, (key, value) => {
      if (key === 'min') min = Number(value);
      else if (key === 'max') max = Number(value);
      else if (key === 'width') width = Number(value);
    });
    if (!(Number.isInteger(min) && min >= 1 && width >= 0 && width < 256)) return;
    const last = Math.min(Number.isInteger(max) && max >= min ? max : min, MAX_WIDTH_COLUMNS);
    for (let c = min; c <= last; c++) this.columnWidths[c - 1] = width;
  }

  openRow(r: string | undefined): void {
    const n = Number(r);
    this.rowIndex = r !== undefined && Number.isInteger(n) && n >= 1 ? n - 1 : this.rowIndex + 1;
    this.colIndex = -1;
  }

  /** A <c> from its attributes; its body is read into it before `add`. */
  cell(attrs: string): Cell {
    let ref: string | undefined;
    let type = 'n';
    let style = 0;
    eachAttr(attrs, (key, value) => {
      if (key === 'r') ref = value;
      else if (key === 't') type = value;
      else if (key === 's') style = Number(value) || 0;
    });
    return this.place(ref, type, style);
  }

  place(ref: string | undefined, type: string, style: number): Cell {
    const p = ref === undefined ? undefined : parseRef(ref);
    return this.placeAt(p ? p.row : Math.max(this.rowIndex, 0), p ? p.col : this.colIndex + 1, type, style);
  }

  placeAt(row: number, col: number, type: string, style: number): Cell {
    this.colIndex = col;
    return { row, col, type, style, formulaAttrs: '' };
  }

  add(cell: Cell): void {
    this.put(cell.row, cell.col, this.value(cell));
  }

  /** A cell whose body is its value alone (「<v>12</v>」), placed without a Cell made for it. */
  addValue(row: number, col: number, type: string, style: number, v: string): void {
    this.colIndex = col;
    this.put(row, col, this.shown(type, style, v, true, undefined) ?? '');
  }

  private put(row: number, col: number, value: RawValue): void {
    if (value === '') return;
    const limits = this.ctx.limits;
    if (row >= limits.maxRows || col >= limits.maxColumns) {
      this.far ??= farMessage(row, col, limits);
      return;
    }
    (this.rows[row] ??= [])[col] = value;
    if (col + 1 > this.width) this.width = col + 1;
  }

  private value(c: Cell): RawValue {
    const v = c.value ?? '';
    let formula = c.formula === undefined ? '' : clipFormula(unescapeOoxml(c.formula));
    /** A shared formula's own cells hold none: theirs is the first cell's, moved; made only if shown. */
    let master: { formula: string; row: number; col: number } | undefined;
    if (c.formula !== undefined && attr(c.formulaAttrs, 't') === 'shared') {
      const si = attr(c.formulaAttrs, 'si');
      if (formula && si !== undefined) this.shared.set(si, { formula, row: c.row, col: c.col });
      else if (!formula && si !== undefined) master = this.shared.get(si);
    }
    const shown = this.shown(c.type, c.style, v, c.value !== undefined, c.inline);
    if (shown !== undefined) return shown;
    if (!formula && master) formula = shiftFormula(master.formula, c.row - master.row, c.col - master.col);
    return formula ? `=${formula}` : '';
  }

  /** What a cell of this type and style shows of its value `v`; undefined where that is its formula's to say. */
  private shown(
    type: string,
    style: number,
    v: string,
    valued: boolean,
    inline: string | undefined,
  ): RawValue | undefined {
    const ctx = this.ctx;
    switch (type) {
      case 's':
        return v.trim() ? (ctx.strings[Number(v)] ?? '') : '';
      case 'inlineStr':
        return inline ?? '';
      case 'str':
        return valued ? unescapeOoxml(v) : undefined;
      case 'b':
        return v.trim() ? v.trim() === '1' || v.trim() === 'true' : undefined;
      case 'e':
        return v.trim() ? v.trim() : undefined;
      case 'd': {
        const d = v.trim();
        if (!d) return undefined;
        return /^\d{4}-\d{2}-\d{2}T00:00:00(?:\.0+)?Z?$/.test(d) ? d.slice(0, 10) : d;
      }
      default: {
        const text = v.trim();
        if (!text) return undefined;
        const n = Number(text);
        if (!Number.isFinite(n)) return text;
        const shown = ctx.styles[style] ?? 'number';
        return shown === 'number' ? n : (serialText(n, shown, ctx.date1904) ?? n);
      }
    }
  }

  finish(): SheetRead {
    const limits = this.ctx.limits;
    if (this.far) return { problem: this.far };
    const height = this.rows.length;
    const width = this.width;
    if (height * width > limits.maxCells) {
      return {
        problem: `有内容的区域有 ${height} 行 × ${width} 列，超过可读的 ${limits.maxCells} 格：请删除表格以外多余的内容后再校验`,
      };
    }
    // Two hundred sheets each just within the cap, kept together, took the process past 4 GB.
    if (height * width > this.ctx.budget.cells) {
      return {
        problem: `有内容的区域有 ${height} 行 × ${width} 列，与前面各表合计超过整个工作簿可读的 ${limits.maxCells} 格，该表未读取：请删除表格以外多余的内容或不用的工作表后再校验`,
      };
    }
    this.ctx.budget.cells -= height * width;
    const grid: RawValue[][] = new Array<RawValue[]>(height);
    for (let r = 0; r < height; r++) {
      const dense = new Array<RawValue>(width).fill('');
      const sparse = this.rows[r];
      if (sparse) sparse.forEach((v, c) => (dense[c] = v));
      grid[r] = dense;
    }
    let work = 0;
    for (const ref of this.merges) {
      work += clearMerged(grid, ref, height, width);
      // Merged areas never overlap in a valid sheet: this much clearing means they do.
      if (work > limits.maxCells) return { problem: '合并单元格互相重叠，不是有效的工作表' };
    }
    return { grid, merges: this.merges, columnWidths: this.columnWidths };
  }
}

/** The general way: every token of the part, comments, CDATA and odd quoting included. */
function readSheetTokens(xml: string, ctx: SheetContext): SheetRead {
  const sheet = new SheetBuilder(ctx);
  const r = new XmlReader(xml);
  for (let t = r.next(); t !== END; t = r.next()) {
    if (t !== OPEN) continue;
    const name = r.name;
    if (name === 'c') {
      // An empty cell (<c r="B1" s="1"/>, most of a formatted sheet) holds nothing to read.
      if (r.selfClosing) {
        sheet.colIndex++;
        continue;
      }
      const cell = sheet.cell(r.attrs);
      readCellBody(r, cell);
      sheet.add(cell);
    } else if (name === 'row') sheet.openRow(attr(r.attrs, 'r'));
    else if (name === 'col') sheet.column(r.attrs);
    else if (name === 'mergeCell') {
      const ref = attr(r.attrs, 'ref');
      if (ref) sheet.merges.push(ref);
    }
  }
  return sheet.finish();
}

const isSpaceCode = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;

function evenQuotes(xml: string, from: number, to: number): boolean {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = xml.charCodeAt(i);
    if (c === 34) n++;
    else if (c === 39) return false;
  }
  return n % 2 === 0;
}

/** The attributes of the tag whose name ends at `at`: r, s and t, where the tag ends, and whether it closes itself. */
interface QuickTag {
  r?: string;
  s?: string;
  t?: string;
  end: number;
  selfClosing: boolean;
}

function quickTag(xml: string, at: number): QuickTag | undefined {
  const tag: QuickTag = { end: -1, selfClosing: false };
  let i = at;
  for (;;) {
    let c = xml.charCodeAt(i);
    while (isSpaceCode(c)) c = xml.charCodeAt(++i);
    if (c === 62) {
      tag.end = i + 1;
      return tag;
    }
    if (c === 47 && xml.charCodeAt(i + 1) === 62) {
      tag.end = i + 2;
      tag.selfClosing = true;
      return tag;
    }
    const eq = xml.indexOf('=', i);
    if (eq < 0 || xml.charCodeAt(eq + 1) !== 34) return undefined; // name=" only; anything else the general way
    const close = xml.indexOf('"', eq + 2);
    if (close < 0) return undefined;
    // One-letter names (r, s, t) are compared by their code, without making a string of them.
    const one = eq === i + 1 ? xml.charCodeAt(i) : 0;
    if (one === 114) tag.r = decodeEntities(xml.slice(eq + 2, close));
    else if (one === 115) tag.s = xml.slice(eq + 2, close);
    else if (one === 116) tag.t = xml.slice(eq + 2, close);
    else if (eq - i > 40 || /[<>\s]/.test(xml.slice(i, eq))) return undefined;
    i = close + 1;
  }
}

/**
 * A cell's body from `i`, just past its tag, read into it: a plain <v> as it stands, anything else
 * by the general reader. Where the body ends, or -1 where it has no end.
 */
function readBody(xml: string, i: number, cell: Cell): number {
  PLAIN_VALUE.lastIndex = i;
  const plain = PLAIN_VALUE.exec(xml);
  if (plain) {
    cell.value = decodeEntities(plain[1]!);
    return PLAIN_VALUE.lastIndex;
  }
  const end = xml.indexOf('</c>', i);
  if (end < 0) return -1;
  readCellBody(new XmlReader(xml.slice(i, end)), cell);
  return end + 4;
}

/**
 * The tags the quick way stops at, found by the regular expression engine: a batch's first sheets
 * are read before V8 has optimised a loop over the characters, and the engine's own code is quick
 * from the first. A cell as writers write it (「<c r="B7" s="6" t="s">」: its reference first, then
 * attributes in double quotes) is taken apart here, with its body where that is a plain <v>, in one
 * match: its s and t where they stand in that order right after the reference, as writers put them;
 * elsewhere, they are looked for in the other attributes. A <row> whose r comes first is read here
 * as quickTag would read it. Any other <c> or <row> is read by quickTag. <sheetData again is a part
 * read the general way.
 */
const QUICK_TAG =
  /<(?:c r="([A-Z]{1,3})([1-9]\d{0,6})"(?: s="([^"<]*)")?(?: t="([^"<]*)")?((?:\s+[\w:.-]+="[^"<]*")*)\s*(?:(\/)>|>(?:<v>([^<]*)<\/v><\/c>)?)|row r="([^"<&]*)"(?:[ \t\n\r]+(?!r=)[\w:.-]{1,40}="[^"<]*")*[ \t\n\r]*\/?>|(c|row)[\s>/]|(\/)?sheetData\b)/g;
/** A cell's body that is its value alone, right after its tag: 「<v>12</v></c>」. */
const PLAIN_VALUE = /<v>([^<]*)<\/v><\/c>/y;
const STYLE_ATTR = /\ss="([^"]*)"/;
const TYPE_ATTR = /\st="([^"]*)"/;

/** Zero-based column of a reference's letters (「AB」). */
function columnOf(letters: string): number {
  let col = 0;
  for (let k = 0; k < letters.length; k++) col = col * 26 + letters.charCodeAt(k) - 64;
  return col - 1;
}

/**
 * The quick way, for the XML every writer produces: <row> and <c> tags read where they are, a
 * cell's plain <v> taken as it stands, any other body read by the general reader. A part with
 * prefixed names, comments, CDATA or a DTD, or a tag quoted otherwise, is read the general way.
 */
function readSheetQuickly(xml: string, ctx: SheetContext): SheetRead | undefined {
  if (xml.includes('<!') || !xml.includes('<worksheet')) return undefined;
  const start = xml.indexOf('<sheetData');
  if (start < 0) return undefined;
  const sheet = new SheetBuilder(ctx);
  const cols = xml.lastIndexOf('<cols', start);
  if (cols >= 0) for (const m of xml.slice(cols, start).matchAll(/<col\b([^>]*)>/g)) sheet.column(m[1]!);
  const tags = new RegExp(QUICK_TAG);
  tags.lastIndex = start + 10;
  let i = -1;
  for (;;) {
    const m = tags.exec(xml);
    if (!m) return undefined;
    if (m[1] !== undefined) {
      // A cell as writers write it.
      i = tags.lastIndex;
      if (m[6]) {
        sheet.colIndex++;
        continue;
      }
      const others = m[5]!;
      const style = m[3] ?? (others ? STYLE_ATTR.exec(others)?.[1] : undefined);
      const type = m[4] ?? (others ? TYPE_ATTR.exec(others)?.[1] : undefined);
      const row = Number(m[2]) - 1;
      const col = columnOf(m[1]);
      const styleIndex = Number(style ?? 0) || 0;
      if (m[7] !== undefined) {
        sheet.addValue(row, col, type ?? 'n', styleIndex, decodeEntities(m[7]));
        continue;
      }
      const cell = sheet.placeAt(row, col, type ?? 'n', styleIndex);
      i = readBody(xml, i, cell);
      if (i < 0) return undefined;
      tags.lastIndex = i;
      sheet.add(cell);
      continue;
    }
    if (m[8] !== undefined) {
      sheet.openRow(m[8]);
      continue;
    }
    if (m[10] !== undefined) break;
    if (m[9] === undefined) return undefined; // <sheetData again
    i = m.index;
    if (m[9] === 'c') {
      // An empty cell (<c r="B1" s="1"/>, most of a formatted sheet) is passed over unread, when no
      // quoted value could hold the '>' that seems to end it.
      const gt = xml.indexOf('>', i);
      if (xml.charCodeAt(gt - 1) === 47 && evenQuotes(xml, i, gt)) {
        sheet.colIndex++;
        tags.lastIndex = gt + 1;
        continue;
      }
      const tag = quickTag(xml, i + 2);
      if (!tag) return undefined;
      i = tag.end;
      if (tag.selfClosing) {
        sheet.colIndex++;
        tags.lastIndex = i;
        continue;
      }
      const cell = sheet.place(tag.r, tag.t ?? 'n', Number(tag.s ?? 0) || 0);
      i = readBody(xml, i, cell);
      if (i < 0) return undefined;
      sheet.add(cell);
    } else {
      const tag = quickTag(xml, i + 4);
      if (!tag) return undefined;
      sheet.openRow(tag.r);
      i = tag.end;
    }
    tags.lastIndex = i;
  }
  i = tags.lastIndex;
  const merges = xml.indexOf('<mergeCells', i);
  const mergesEnd = merges < 0 ? -1 : xml.indexOf('</mergeCells>', merges);
  for (const m of merges < 0
    ? []
    : xml.slice(merges, mergesEnd < 0 ? undefined : mergesEnd).matchAll(/<mergeCell\b([^>]*)>/g)) {
    const ref = attr(m[1]!, 'ref');
    if (ref) sheet.merges.push(ref);
  }
  return sheet.finish();
}

/**
 * One worksheet part → its grid: "" for empty, numbers, strings, booleans, error texts, a formula's
 * cached result (0 included), a formula never calculated as 「=SUM(…)」, a date per its style as
 * text; a merged area's value in its top-left cell only. Rows and columns run to the last non-empty
 * cell; a non-empty cell too far away makes the sheet unread, with the reason.
 */
export function readSheet(xml: string, ctx: SheetContext): SheetRead {
  return readSheetQuickly(xml, ctx) ?? readSheetTokens(xml, ctx);
}

/** Both ways, for the tests that hold them to the same grid. */
export const readSheetWays = { quickly: readSheetQuickly, tokens: readSheetTokens };

/**
 * The areas of the merges met: a batch's sheets made from one template merge the same cells. Only
 * short references are kept (「A1:O1」): a longer one may be V8's slice of its sheet's text, and
 * would keep that alive.
 */
const MERGED_AREAS = new Remembered<string, Area | undefined>(5_000);
const MAX_KEPT_REF = 12;

const mergedArea = (ref: string) => (ref.length > MAX_KEPT_REF ? areaOf(ref) : MERGED_AREAS.of(ref, areaOf));

/** The area a merge reference (「A1:O1」) covers, or undefined where it names none. */
function areaOf(ref: string): Area | undefined {
  const [a, b] = ref.split(':');
  const p = a ? parseRef(a) : undefined;
  const q = b ? parseRef(b) : p;
  return p && q
    ? {
        top: Math.min(p.row, q.row),
        left: Math.min(p.col, q.col),
        bottom: Math.max(p.row, q.row),
        right: Math.max(p.col, q.col),
      }
    : undefined;
}

/** Office.js gives a merged area's value in its top-left cell only. Returns the cells visited. */
function clearMerged(grid: RawValue[][], ref: string, height: number, width: number): number {
  const area = mergedArea(ref);
  if (!area) return 0;
  const { top, left } = area;
  const bottom = Math.min(area.bottom, height - 1);
  const right = Math.min(area.right, width - 1);
  let n = 0;
  for (let r = top; r <= bottom; r++) {
    const row = grid[r]!;
    for (let c = left; c <= right; c++, n++) if (r !== top || c !== left) row[c] = '';
  }
  return n;
}

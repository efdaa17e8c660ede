import { toAddress } from '../../report/address.js';
import type { RawValue } from '../../report/types.js';
import type { XlsxLimits } from './limits.js';
import { readStringItem, unescapeOoxml } from './strings.js';
import { serialText, type Shown } from './styles.js';
import { attr, eachAttr, END, OPEN, TEXT, XmlReader } from './xml.js';

export interface SheetContext {
  readonly strings: readonly string[];
  readonly styles: readonly Shown[];
  readonly date1904: boolean;
  readonly limits: XlsxLimits;
}

/** A sheet as Office.js `values` gives it, or why it is not kept. */
export type SheetRead = { readonly grid: RawValue[][] } | { readonly problem: string };

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
  const digits = ref.slice(i);
  if (!col || !/^[0-9]{1,7}$/.test(digits)) return undefined;
  return { row: Number(digits) - 1, col: col - 1 };
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
 * One worksheet part → its grid: "" for empty, numbers, strings, booleans, error texts, a formula's
 * cached result (0 included), a formula never calculated as 「=SUM(…)」, a date per its style as
 * text; a merged area's value in its top-left cell only. Rows and columns run to the last non-empty
 * cell; a non-empty cell too far away makes the sheet unread, with the reason.
 */
export function readSheet(xml: string, ctx: SheetContext): SheetRead {
  const limits = ctx.limits;
  const rows: (RawValue[] | undefined)[] = [];
  const merges: string[] = [];
  const shared = new Map<string, { formula: string; row: number; col: number }>();
  let width = 0;
  let rowIndex = -1;
  let colIndex = -1;
  let far: string | undefined;

  const cellValue = (c: Cell): RawValue => {
    const v = c.value ?? '';
    let formula = c.formula === undefined ? '' : unescapeOoxml(c.formula);
    if (c.formula !== undefined && attr(c.formulaAttrs, 't') === 'shared') {
      const si = attr(c.formulaAttrs, 'si');
      const master = si === undefined ? undefined : shared.get(si);
      if (formula && si !== undefined) shared.set(si, { formula, row: c.row, col: c.col });
      else if (!formula && master)
        formula = shiftFormula(master.formula, c.row - master.row, c.col - master.col);
    }
    switch (c.type) {
      case 's':
        return v.trim() ? (ctx.strings[Number(v)] ?? '') : '';
      case 'inlineStr':
        return c.inline ?? '';
      case 'str':
        if (c.value !== undefined) return unescapeOoxml(v);
        break;
      case 'b':
        if (v.trim()) return v.trim() === '1' || v.trim() === 'true';
        break;
      case 'e':
        if (v.trim()) return v.trim();
        break;
      case 'd': {
        const d = v.trim();
        if (d) return /^\d{4}-\d{2}-\d{2}T00:00:00(?:\.0+)?Z?$/.test(d) ? d.slice(0, 10) : d;
        break;
      }
      default: {
        const text = v.trim();
        if (!text) break;
        const n = Number(text);
        if (!Number.isFinite(n)) return text;
        const shown = ctx.styles[c.style] ?? 'number';
        return shown === 'number' ? n : (serialText(n, shown, ctx.date1904) ?? n);
      }
    }
    return formula ? `=${formula}` : '';
  };

  const r = new XmlReader(xml);
  for (let t = r.next(); t !== END; t = r.next()) {
    if (t !== OPEN) continue;
    const name = r.name;
    if (name === 'c') {
      // An empty cell (<c r="B1" s="1"/>, most of a formatted sheet) holds nothing to read.
      if (r.selfClosing) {
        colIndex++;
        continue;
      }
      let ref: string | undefined;
      let type = 'n';
      let style = 0;
      eachAttr(r.attrs, (key, value) => {
        if (key === 'r') ref = value;
        else if (key === 't') type = value;
        else if (key === 's') style = Number(value) || 0;
      });
      const p = ref === undefined ? undefined : parseRef(ref);
      const cell: Cell = {
        row: p ? p.row : Math.max(rowIndex, 0),
        col: p ? p.col : colIndex + 1,
        type,
        style,
        formulaAttrs: '',
      };
      colIndex = cell.col;
      readCellBody(r, cell);
      const value = cellValue(cell);
      if (value === '') continue;
      if (cell.row >= limits.maxRows || cell.col >= limits.maxColumns) {
        far ??= farMessage(cell.row, cell.col, limits);
        continue;
      }
      (rows[cell.row] ??= [])[cell.col] = value;
      if (cell.col + 1 > width) width = cell.col + 1;
    } else if (name === 'row') {
      const n = Number(attr(r.attrs, 'r'));
      rowIndex = Number.isInteger(n) && n >= 1 ? n - 1 : rowIndex + 1;
      colIndex = -1;
    } else if (name === 'mergeCell') {
      const ref = attr(r.attrs, 'ref');
      if (ref) merges.push(ref);
    }
  }

  if (far) return { problem: far };
  const height = rows.length;
  if (height * width > limits.maxCells) {
    return {
      problem: `有内容的区域有 ${height} 行 × ${width} 列，超过可读的 ${limits.maxCells} 格：请删除表格以外多余的内容后再校验`,
    };
  }
  const grid: RawValue[][] = new Array<RawValue[]>(height);
  for (let r = 0; r < height; r++) {
    const dense = new Array<RawValue>(width).fill('');
    const sparse = rows[r];
    if (sparse) sparse.forEach((v, c) => (dense[c] = v));
    grid[r] = dense;
  }
  let work = 0;
  for (const ref of merges) {
    work += clearMerged(grid, ref, height, width);
    // Merged areas never overlap in a valid sheet: this much clearing means they do.
    if (work > limits.maxCells) return { problem: '合并单元格互相重叠，不是有效的工作表' };
  }
  return { grid };
}

/** Office.js gives a merged area's value in its top-left cell only. Returns the cells visited. */
function clearMerged(grid: RawValue[][], ref: string, height: number, width: number): number {
  const [a, b] = ref.split(':');
  const p = a ? parseRef(a) : undefined;
  const q = b ? parseRef(b) : p;
  if (!p || !q) return 0;
  const top = Math.min(p.row, q.row);
  const left = Math.min(p.col, q.col);
  const bottom = Math.min(Math.max(p.row, q.row), height - 1);
  const right = Math.min(Math.max(p.col, q.col), width - 1);
  let n = 0;
  for (let r = top; r <= bottom; r++) {
    const row = grid[r]!;
    for (let c = left; c <= right; c++, n++) if (r !== top || c !== left) row[c] = '';
  }
  return n;
}

import { type Area, parseArea } from '../report/address.js';
import { canonical } from '../report/labels.js';
import { isTableLabel } from '../report/model.js';
import type { RawValue } from '../report/types.js';
import type { Grid } from './locate.js';

/** A sheet's grid with each run of table rows on columns of its own, and where each cell came from. */
export interface Unstretched {
  readonly grid: Grid;
  /** The grid column on the sheet of a cell of the new grid. */
  readonly columnAt: (row: number, col: number) => number;
}

/** Merged rows walked at most: a sheet's merges are few; a crafted file's are not walked. */
const MAX_MERGED_ROWS = 200_000;

const AREA = /^\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?$/;

/** Merged areas more than one column wide, by the rows they cover (within the grid). */
function wideAreasByRow(rows: number, merges: readonly string[]): Area[][] | undefined {
  const byRow: Area[][] = Array.from({ length: rows }, () => []);
  let walked = 0;
  for (const ref of merges) {
    if (!AREA.test(ref)) continue;
    const a = parseArea(ref);
    if (a.right === a.left) continue;
    for (let r = a.top; r <= Math.min(a.bottom, rows - 1); r++) {
      if (++walked > MAX_MERGED_ROWS) return undefined;
      byRow[r]!.push(a);
    }
  }
  return byRow;
}

const filled = (v: RawValue | undefined) => v !== null && v !== undefined && v !== '';

/**
 * A page opened in Excel or LibreOffice and saved as a workbook puts all its tables on one grid of
 * columns, the edges of every table's cells: each cell is merged over the columns it spans, and no
 * table sits on columns of its own. Each run of table rows (two cells or more, or a table's label
 * of one) gets back its own: a column that every row of the run covers with a cell merged from its
 * left is dropped. Undefined where nothing is dropped.
 */
export function unstretch(grid: Grid, merges: readonly string[]): Unstretched | undefined {
  const byRow = wideAreasByRow(grid.length, merges);
  if (!byRow || byRow.every((a) => !a.length)) return undefined;
  const width = grid.reduce((w, row) => Math.max(w, row.length), 0);
  // Per row: 1 for a column covered by a cell merged from its left, 2 for a merged cell's first
  // column (rows without wide merged cells have none); how many cells the row has.
  const covered = byRow.map((areas) => {
    if (!areas.length) return undefined;
    const c = new Uint8Array(width);
    for (const a of areas) {
      c.fill(1, a.left + 1, Math.min(a.right + 1, width));
      if (a.left < width) c[a.left] = 2;
    }
    return c;
  });
  // Merged areas that do not cover empty cells are not how the sheet's cells lie (a sheet edited
  // out of shape): nothing is taken from them.
  for (let r = 0; r < grid.length; r++) {
    const cover = covered[r];
    if (cover && grid[r]!.some((v, c) => cover[c] === 1 && filled(v))) return undefined;
  }
  const cells = grid.map((row, r) => {
    const cover = covered[r];
    let n = 0;
    let text: RawValue | undefined;
    for (let c = 0; c < width; c++) {
      if (cover?.[c] !== 2 && (cover?.[c] === 1 || !filled(row[c]))) continue;
      n++;
      text = row[c];
    }
    // A table's own row of one cell (表二's 「第二十条第（五）项」) keeps its table's rows together.
    return n === 1 && typeof text === 'string' && isTableLabel(canonical(text)) ? 2 : n;
  });
  const rows: RawValue[][] = grid.map((row) => [...row]);
  const columns: (readonly number[] | undefined)[] = grid.map(() => undefined);
  let changed = false;
  for (let top = 0; top < grid.length;) {
    if (cells[top]! < 2) {
      top++;
      continue;
    }
    let bottom = top;
    while (bottom + 1 < grid.length && cells[bottom + 1]! >= 2) bottom++;
    const kept: number[] = [];
    for (let c = 0; c < width; c++) {
      let own = false;
      for (let r = top; r <= bottom && !own; r++) own = covered[r]?.[c] !== 1;
      if (own) kept.push(c);
    }
    if (kept.length < width) {
      changed = true;
      for (let r = top; r <= bottom; r++) {
        rows[r] = kept.map((c) => grid[r]![c] ?? null);
        columns[r] = kept;
      }
    }
    top = bottom + 1;
  }
  if (!changed) return undefined;
  return { grid: rows, columnAt: (row, col) => columns[row]?.[col] ?? col };
}

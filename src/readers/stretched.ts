import { type Area, parseArea } from '../report/address.js';
import type { RawValue } from '../report/types.js';
import { Remembered } from '../report/remembered.js';
import { chooseEdition } from './grid.js';
import { type Grid, isNumberCell, labelHits, textCells } from './locate.js';

/** A sheet's grid with each table on columns of its own, and where each cell came from. */
export interface Unstretched {
  readonly grid: Grid;
  /** The grid column on the sheet of a cell of the new grid. */
  readonly columnAt: (row: number, col: number) => number;
}

/** Merged rows walked at most: a sheet's merges are few; a crafted file's are not walked. */
const MAX_MERGED_ROWS = 200_000;

const AREA = /^\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?$/;

/**
 * The areas of each list of merges met, by its grid's height: a batch's sheets made from one
 * template merge the same cells. Lists longer than a template's are not kept.
 */
const WIDE_AREAS = new Remembered<string, readonly (readonly Area[])[] | undefined>(200);
const MAX_KEPT_MERGES = 1000;

/** Merged areas more than one column wide, by the rows they cover (within the grid). */
function wideAreasByRow(rows: number, merges: readonly string[]): readonly (readonly Area[])[] | undefined {
  if (merges.length > MAX_KEPT_MERGES) return wideAreasOf(rows, merges);
  return WIDE_AREAS.of(`${rows} ${merges.join(' ')}`, () => wideAreasOf(rows, merges));
}

function wideAreasOf(rows: number, merges: readonly string[]): Area[][] | undefined {
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

/**
 * A sheet's merges as the grid reader takes them (GridOptions.mergedFrom): for a place a merged
 * area runs over from its left, the area's first column. Undefined past the merged rows walked.
 */
export function mergedFromAreas(
  rows: number,
  merges: readonly string[],
): ((row: number, col: number) => number | undefined) | undefined {
  const byRow = wideAreasByRow(rows, merges);
  if (!byRow) return undefined;
  return (row, col) => byRow[row]?.find((a) => col > a.left && col <= a.right)?.left;
}

const filled = (v: RawValue | undefined) => v !== null && v !== undefined && v !== '';
/** How many cells of a row hold numbers. */
const numbers = (row: readonly RawValue[] | undefined) => (row ?? []).filter(isNumberCell).length;

/** Rows a clerk may have put into a table (a note, a blank row) before its last row. */
const MAX_INSERTED = 6;

/**
 * The rows each table takes, found by its labels whatever columns they stand in (see locate): from
 * the row most of its labels put it at down to its last row, past rows put in. In row order, not
 * overlapping.
 */
function tableRows(grid: Grid): [number, number][] {
  const texts = textCells(grid);
  const hits = labelHits(texts);
  // A table found twice (a copy kept for reference, two reports) has each copy's rows: the grid
  // reader then sees both, and says which it read.
  const places = (chooseEdition(texts, hits, true)?.found ?? []).flatMap(({ table, origin, copies }) =>
    [origin, ...copies].map((at) => ({ table, origin: at })),
  );
  const ranges = places.map(({ table, origin }): [number, number] => {
    // Rows put in push the labels below them down: the furthest pushed tells where the table
    // ends. A label is where it should be, or the nearest below (表二 repeats 「信息内容」).
    const byLabel = hits.get(table)!;
    let pushed = 0;
    table.labels.forEach((label, li) => {
      const expected = origin.row + label.area.top;
      let by = Infinity;
      for (const ti of byLabel[li]!) {
        const row = texts[ti]!.pos.row;
        if (row >= expected) by = Math.min(by, row - expected);
      }
      if (by <= MAX_INSERTED) pushed = Math.max(pushed, by);
    });
    let bottom = Math.min(origin.row + table.rows - 1 + pushed, grid.length - 1);
    // A last row without labels (表四's numbers) pushed down by a note put in above it: no label
    // says so, its numbers do.
    if (!table.labels.some((l) => l.area.bottom === table.rows - 1) && !numbers(grid[bottom])) {
      const below = [...Array(MAX_INSERTED).keys()]
        .map((k) => bottom + 1 + k)
        .find((r) => numbers(grid[r]) >= 2);
      if (below !== undefined) bottom = below;
    }
    // It begins on the first row holding one of its labels: with its header's rows deleted, the
    // labels below put it a row or two up, on the table above; with its sections' headers repeated
    // (2019's 表二), their votes may put it a section down, below its first row's labels.
    let top = bottom;
    table.labels.forEach((label, li) => {
      for (const ti of byLabel[li]!) {
        const row = texts[ti]!.pos.row;
        const from = label.area.top === 0 ? origin.row - MAX_INSERTED : origin.row;
        if (row >= from && row < top) top = row;
      }
    });
    return [Math.min(top, bottom), bottom];
  });
  ranges.sort(([a], [b]) => a - b);
  return ranges.map(([top, bottom], i) => [top, Math.min(bottom, (ranges[i + 1]?.[0] ?? Infinity) - 1)]);
}

/**
 * A page opened in Excel or LibreOffice and saved as a workbook puts all its tables on one grid of
 * columns, the edges of every table's cells: each cell is merged over the columns it spans, and no
 * table sits on columns of its own. Each table, its rows found by its labels, gets back its own:
 * the columns where one of its cells begins. Undefined where nothing is dropped, or where the
 * merged areas do not describe the cells (a sheet edited out of shape).
 */
export function unstretch(grid: Grid, merges: readonly string[]): Unstretched | undefined {
  const byRow = wideAreasByRow(grid.length, merges);
  if (!byRow || byRow.every((a) => !a.length)) return undefined;
  const width = grid.reduce((w, row) => Math.max(w, row.length), 0);
  // Per row: 1 for a column covered by a cell merged from its left, 2 for a merged cell's first
  // column (rows without wide merged cells have none).
  const covered = byRow.map((areas) => {
    if (!areas.length) return undefined;
    const c = new Uint8Array(width);
    for (const a of areas) {
      c.fill(1, a.left + 1, Math.min(a.right + 1, width));
      if (a.left < width) c[a.left] = 2;
    }
    return c;
  });
  // Values under merged cells, or merged cells mostly empty where text stands beside them: the
  // merged areas are not how the cells lie.
  let kept = 0;
  let areas = 0;
  for (let r = 0; r < grid.length; r++) {
    const cover = covered[r];
    if (cover && grid[r]!.some((v, c) => cover[c] === 1 && filled(v))) return undefined;
    for (const a of byRow[r]!) {
      if (a.top !== r) continue;
      areas++;
      if (filled(grid[r]![a.left])) kept++;
    }
  }
  if (kept * 2 < areas) return undefined;
  // Where each row's cells begin: merged cells, and cells with a value.
  const starts = (r: number): number[] => {
    const cover = covered[r];
    const row = grid[r]!;
    const out: number[] = [];
    for (let c = 0; c < width; c++) if (cover?.[c] === 2 || (cover?.[c] !== 1 && filled(row[c]))) out.push(c);
    return out;
  };
  const rows: RawValue[][] = grid.map((row) => [...row]);
  const columns: (readonly number[] | undefined)[] = grid.map(() => undefined);
  let changed = false;
  for (const [top, bottom] of tableRows(grid)) {
    const own = new Set<number>();
    for (let r = top; r <= bottom; r++) for (const c of starts(r)) own.add(c);
    const edges = [...own].sort((x, y) => x - y);
    if (!edges.length || edges.length >= width) continue;
    changed = true;
    for (let r = top; r <= bottom; r++) {
      rows[r] = edges.map((c) => grid[r]![c] ?? null);
      columns[r] = edges;
    }
  }
  if (!changed) return undefined;
  return { grid: rows, columnAt: (row, col) => columns[row]?.[col] ?? col };
}

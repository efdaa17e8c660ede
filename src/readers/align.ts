import type { LabelSpec, TableSpec } from '../report/model.js';
import { type Grid, type Located, matchAt, textAt } from './locate.js';

/** How the table's rows and columns map onto the grid, and what was found in between. */
export interface Alignment {
  /** Grid row of each layout row; undefined where the row is missing. */
  readonly rows: readonly (number | undefined)[];
  readonly columns: readonly (number | undefined)[];
  /** Grid rows and columns inside the table that the official form does not have. */
  readonly insertedRows: readonly number[];
  readonly insertedColumns: readonly number[];
  /** Layout rows not found in the grid. */
  readonly missingRows: readonly number[];
}

const MAX_INSERTED = 6;
const FIRST_ROW_SLACK = 10;

type Matcher = (layoutIndex: number, gridIndex: number) => boolean;

/**
 * Walks the layout's rows (or columns) in order and finds each where its labels are. A run of grid
 * lines before the expected one is an insertion; a line whose labels are elsewhere but whose
 * neighbours are in place was edited and is read by position; a line whose successor already
 * stands where it should is missing.
 */
function walk(
  count: number,
  start: number,
  anchored: (i: number) => boolean,
  matches: Matcher,
): { map: (number | undefined)[]; inserted: number[]; missing: number[] } {
  const map: (number | undefined)[] = [];
  const inserted: number[] = [];
  const missing: number[] = [];
  let next: number | undefined;
  for (let i = 0; i < count; i++) {
    const expected = next ?? start + i;
    if (!anchored(i) || matches(i, expected)) {
      map.push(expected);
      next = expected + 1;
      continue;
    }
    let found: number | undefined;
    if (next === undefined) {
      for (let d = 1; d <= FIRST_ROW_SLACK && found === undefined; d++) {
        if (expected - d >= 0 && matches(i, expected - d)) found = expected - d;
        else if (matches(i, expected + d)) found = expected + d;
      }
    } else {
      for (let k = 1; k <= MAX_INSERTED && found === undefined; k++)
        if (matches(i, expected + k)) found = expected + k;
      if (found !== undefined) for (let g = expected; g < found; g++) inserted.push(g);
    }
    if (found !== undefined) {
      map.push(found);
      next = found + 1;
      continue;
    }
    const later = Array.from({ length: count - i - 1 }, (_, k) => i + 1 + k).find(anchored);
    if (
      later !== undefined &&
      !matches(later, expected + (later - i)) &&
      matches(later, expected + (later - i) - 1)
    ) {
      map.push(undefined);
      missing.push(i);
      next = expected;
      continue;
    }
    // Edited in place: its neighbours say where it is.
    map.push(expected);
    next = expected + 1;
  }
  return { map, inserted, missing };
}

interface Anchors {
  readonly byRow: ReadonlyMap<number, readonly LabelSpec[]>;
  readonly byColumn: ReadonlyMap<number, readonly LabelSpec[]>;
}

/** A table's labels by their first row and by their first column, found once per table. */
const ANCHORS = new WeakMap<TableSpec, Anchors>();

function anchorsOf(table: TableSpec): Anchors {
  let a = ANCHORS.get(table);
  if (!a) {
    const byRow = new Map<number, LabelSpec[]>();
    const byColumn = new Map<number, LabelSpec[]>();
    for (const l of table.labels) {
      (byRow.get(l.area.top) ?? byRow.set(l.area.top, []).get(l.area.top)!).push(l);
      (byColumn.get(l.area.left) ?? byColumn.set(l.area.left, []).get(l.area.left)!).push(l);
    }
    ANCHORS.set(table, (a = { byRow, byColumn }));
  }
  return a;
}

const NONE: readonly LabelSpec[] = [];

export function align(grid: Grid, located: Located): Alignment {
  const { table, origin } = located;
  const anchors = anchorsOf(table);
  const rowAnchors = (r: number) => anchors.byRow.get(r) ?? NONE;
  const rows = walk(
    table.rows,
    origin.row,
    (r) => rowAnchors(r).length > 0,
    (r, g) => rowAnchors(r).some((l) => matchAt(grid, g, origin.col + l.area.left, l.text) !== undefined),
  );
  const colAnchors = (c: number) =>
    (anchors.byColumn.get(c) ?? NONE).filter((l) => rows.map[l.area.top] !== undefined);
  const columns = walk(
    table.columns,
    origin.col,
    (c) => colAnchors(c).length > 0,
    (c, g) => colAnchors(c).some((l) => matchAt(grid, rows.map[l.area.top]!, g, l.text) !== undefined),
  );
  return {
    rows: rows.map,
    columns: columns.map,
    insertedRows: rows.inserted,
    insertedColumns: columns.inserted,
    missingRows: rows.missing,
  };
}

/** The text of a grid line within the table's span, for messages. */
export function lineText(grid: Grid, alignment: Alignment, row: number): string {
  const cols = alignment.columns.filter((c): c is number => c !== undefined);
  const from = Math.min(...cols);
  const to = Math.max(...cols) + alignment.insertedColumns.length;
  const parts: string[] = [];
  for (let c = from; c <= to; c++) {
    const v = grid[row]?.[c];
    if (v !== undefined && v !== null && String(v).trim())
      parts.push(typeof v === 'string' ? v.trim() : String(v));
  }
  return parts.join(' ');
}

/** The text of a grid column within the table's rows, for messages. */
export function columnText(grid: Grid, alignment: Alignment, col: number): string {
  return alignment.rows
    .filter((r): r is number => r !== undefined)
    .map((r) => textAt(grid, r, col).trim())
    .filter(Boolean)
    .slice(0, 3)
    .join(' ');
}

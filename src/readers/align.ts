import { canonical, likeness, matchLabel, mayReword, wordingOf } from '../report/labels.js';
import { isTableLabel, type LabelSpec, type TableSpec } from '../report/model.js';
import type { RawValue } from '../report/types.js';
import { type Grid, isNumberCell, type Located, matchAt, textAt } from './locate.js';
import { type MovedHeader, movedByHeaders } from './headers.js';

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
  /** Layout columns not found in the grid (a column deleted). */
  readonly missingColumns: readonly number[];
  /**
   * Columns that stand, with their own headers, where others should be (two columns swapped, 商业企业
   * and 科研机构): layout column → the grid column that holds it, already in `columns`.
   */
  readonly movedColumns: ReadonlyMap<number, number>;
  /** Headers over groups of columns read where they stand, out of the form's order (see movedByHeaders). */
  readonly movedGroups: readonly MovedHeader[];
  /**
   * Data rows that stand, with their own labels, where other rows of the table should be (two rows
   * swapped): layout row → the grid row that holds it. Their numbers are read from there.
   */
  readonly movedRows: ReadonlyMap<number, number>;
}

const MAX_INSERTED = 6;
const FIRST_ROW_SLACK = 10;

type Matcher = (layoutIndex: number, gridIndex: number) => boolean;

/** What the walk asks of a layout line (row or column) and a grid line. */
interface Lines {
  readonly count: number;
  /** The grid line where the layout's first is expected. */
  readonly start: number;
  /** Whether layout line `i` has labels to be found by. */
  readonly anchored: (i: number) => boolean;
  readonly matches: Matcher;
  /** Whether grid line `g` holds a layout line after `i`: lines moved up, not inserted ones. */
  readonly holdsLater?: Matcher;
  /** A weaker match, taken where no line matches: its label reworded, yet that line's and no other's. */
  readonly reworded?: Matcher;
  /**
   * For a line without labels (表四's numbers): how many of its numbers grid line `g` holds. A line
   * put in before it (a note) holds none, and the line below holds them.
   */
  readonly numbersAt?: (i: number, g: number) => number;
  /** Whether grid line `g` holds nothing of the table: where the table's last line was deleted. */
  readonly emptyAt?: (g: number) => boolean;
  /** Whether grid line `g` holds words and no number: a title or a note, where numbers were deleted. */
  readonly wordsAt?: (g: number) => boolean;
  /** Whether grid line `g` holds a number for every cell of line `i` (a line without labels). */
  readonly allNumbersAt?: (i: number, g: number) => boolean;
}

const never = () => false;

/**
 * Walks the layout's rows (or columns) in order and finds each where its labels are. A run of grid
 * lines before the expected one is an insertion; a line whose labels are elsewhere but whose
 * neighbours are in place was edited and is read by position; a line whose successor already
 * stands where it should is missing. A label reworded yet still that line's own counts only where no
 * label as printed is found: a note inserted that names a line is not taken for it.
 */
function walk({
  count,
  start,
  anchored,
  matches,
  holdsLater = never,
  reworded = never,
  numbersAt,
  emptyAt = never,
  wordsAt = never,
  allNumbersAt = never,
}: Lines): { map: (number | undefined)[]; inserted: number[]; missing: number[] } {
  const map: (number | undefined)[] = [];
  const inserted: number[] = [];
  const missing: number[] = [];
  /** Where layout line `i` is, expected at grid line `expected`; undefined where it is missing. */
  const lineAt = (i: number, expected: number, first: boolean): number | undefined => {
    if (numbersAt && !anchored(i) && !first && numbersAt(i, expected) === 0) {
      for (let k = 1; k <= MAX_INSERTED; k++)
        if (numbersAt(i, expected + k) > 0) {
          for (let g = expected; g < expected + k; g++) inserted.push(g);
          return expected + k;
        }
      // The numbers deleted: what stands there is the next part's title, not them.
      if (wordsAt(expected)) return undefined;
    }
    if (!anchored(i) || matches(i, expected)) return expected;
    if (first) {
      for (let d = 1; d <= FIRST_ROW_SLACK; d++) {
        if (expected - d >= 0 && matches(i, expected - d)) return expected - d;
        if (matches(i, expected + d)) return expected + d;
      }
    } else {
      // Lines skipped are inserted only if none is a later line of the table: a row moved up
      // from further down (two rows swapped) is no insertion, and the rows between stay where they are.
      for (let k = 1; k <= MAX_INSERTED; k++) {
        if (holdsLater(i, expected + k - 1)) break;
        if (matches(i, expected + k)) {
          for (let g = expected; g < expected + k; g++) inserted.push(g);
          return expected + k;
        }
      }
    }
    if (reworded(i, expected)) return expected;
    // Missing: the lines after it stand as many places up as lines were deleted (one, or a few).
    const holds = (j: number, g: number) => matches(j, g) || reworded(j, g);
    const deleted = (d: number) => {
      const later = Array.from({ length: count - i - d }, (_, k) => i + d + k).find(anchored);
      return (
        later !== undefined &&
        !holds(later, expected + (later - i)) &&
        holds(later, expected + (later - i) - d)
      );
    };
    if ([1, 2, 3].some(deleted)) return undefined;
    // The table's last labelled line deleted: what follows the table is nothing of it, or the line
    // of numbers that came after it (表四's), whole: a table found a group of columns off has
    // some of its numbers there too.
    const last = !Array.from({ length: count - i - 1 }, (_, k) => i + 1 + k).some(anchored);
    const numbersNext = i + 1 < count && !anchored(i + 1) && allNumbersAt(i + 1, expected);
    if (last && (emptyAt(expected) || numbersNext)) return undefined;
    // Edited in place: its neighbours say where it is.
    return expected;
  };
  let next: number | undefined;
  for (let i = 0; i < count; i++) {
    const expected = next ?? start + i;
    const at = lineAt(i, expected, next === undefined);
    map.push(at);
    if (at === undefined) missing.push(i);
    next = at === undefined ? expected : at + 1;
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
  const own = rowLabelsOf(table);
  const ownRows = [...own.keys()];
  const holdsOwn = ownLabelAt(grid, located);
  const rewordedAt = ownLabelAt(grid, located, true);
  // A row with a label of its own is where that label is: a group's label (「（三）不予公开」) that
  // stands beside it moves down to the next row when the group's first row is deleted.
  const rowAt = (r: number, g: number) =>
    own.has(r)
      ? holdsOwn(g, r)
      : rowAnchors(r).some((l) => matchAt(grid, g, origin.col + l.area.left, l.text) !== undefined);
  const rows = walk({
    count: table.rows,
    start: origin.row,
    anchored: (r) => rowAnchors(r).length > 0,
    matches: rowAt,
    holdsLater: (r, g) => ownRows.some((l) => l > r && holdsOwn(g, l)),
    reworded: (r, g) => rewordedAt(g, r),
    numbersAt: numbersIn(grid, located),
    emptyAt: (g) => nothingOfIt(grid, located, g),
    wordsAt: (g) => wordsOnly(grid, located, g),
    allNumbersAt: allNumbersIn(grid, located),
  });
  // A label whose row is missing is looked for on the row left above or below it: Excel and Calc
  // keep a merged label (「自然人」 over two header rows) on a row of it that stays.
  const rowOfLabel = (l: LabelSpec) =>
    rows.map[l.area.top] ?? rows.map[l.area.top - 1] ?? rows.map[l.area.bottom + 1];
  const colAnchors = (c: number) =>
    (anchors.byColumn.get(c) ?? NONE).filter((l) => rowOfLabel(l) !== undefined);
  // As for rows: a column with a label of its own one column wide (「自然人」) is where that label is,
  // not where a label over several columns (「申请人情况」) moved when its first column was deleted.
  const columnAt = (c: number, g: number) => {
    const labels = colAnchors(c);
    const narrow = labels.filter((l) => l.area.right === l.area.left);
    return (narrow.length ? narrow : labels).some(
      (l) => matchAt(grid, rowOfLabel(l)!, g, l.text) !== undefined,
    );
  };
  // 表四 repeats its column labels in each group: a column deleted is no reason to read the next
  // group's 「总计」 as this one's.
  const laterColumns = (c: number) => Array.from({ length: table.columns - c - 1 }, (_, k) => c + 1 + k);
  const columns = walk({
    count: table.columns,
    start: origin.col,
    anchored: (c) => colAnchors(c).length > 0,
    matches: columnAt,
    holdsLater: (c, g) => laterColumns(c).some((later) => columnAt(later, g) && !columnAt(c, g)),
    // The table's last column deleted: nothing in its rows there.
    emptyAt: (g) => rows.map.every((r) => r === undefined || isBlank(grid[r]?.[g])),
  });
  // Columns swapped with their headers are read where their headers are, as rows are.
  const ownColumns = [...new Set(ownHeadersOf(table).map((l) => l.area.left))];
  const movedColumns = movedLines(
    (g, c) => columnAt(c, g),
    ownColumns,
    columns.map,
    columns.inserted,
    columns.missing,
  );
  for (const [c, g] of movedColumns) columns.map[c] = g;
  // Groups of columns swapped with their headers (表四's two groups of suits) too.
  const movedGroups = movedByHeaders(table, (l) => {
    const row = rowOfLabel(l);
    if (l.area.left === l.area.right || row === undefined) return undefined;
    const from = columns.map.find((g) => g !== undefined) ?? origin.col;
    for (let g = from; g < from + table.columns + columns.inserted.length; g++)
      if (matchAt(grid, row, g, l.text) !== undefined) return g;
    return undefined;
  });
  if (movedGroups) {
    const before = [...columns.map];
    for (const [c, s] of movedGroups.columns) columns.map[c] = before[s];
  }
  const movedTo = new Set(movedColumns.values());
  const missingColumns = columns.missing
    .filter((c) => !movedColumns.has(c))
    .filter((c) => {
      const at = c > 0 ? columns.map[c - 1] : undefined;
      const labels = colAnchors(c);
      // A column drawn with no width (a page's table whose merges do not line up, as a browser prints
      // it): its labels stand in the column before it, and it is read there where no row has both.
      if (at === undefined || !labels.length || sharesARow(table, c - 1, c)) return true;
      if (!labels.every((l) => matchAt(grid, rowOfLabel(l)!, at, l.text) !== undefined)) return true;
      columns.map[c] = at;
      return false;
    });
  const moved = movedLines(
    (g, r) => holdsOwn(g, r) || rewordedAt(g, r),
    ownRows,
    rows.map,
    rows.inserted,
    rows.missing,
  );
  return {
    rows: rows.map,
    columns: columns.map,
    insertedRows: rows.inserted.filter((g) => ![...moved.values()].includes(g)),
    insertedColumns: columns.inserted.filter((g) => !movedTo.has(g)),
    missingRows: rows.missing.filter((r) => !moved.has(r)),
    missingColumns,
    movedRows: moved,
    movedColumns,
    movedGroups: movedGroups?.moved ?? [],
  };
}

/**
 * The headers one column wide over a column of numbers that no other column of the table has
 * (「商业企业」; not 表四's repeated 「结果维持」), left to right: a column swapped is told by its own.
 */
const OWN_HEADERS = new WeakMap<TableSpec, readonly LabelSpec[]>();
export function ownHeadersOf(table: TableSpec): readonly LabelSpec[] {
  let own = OWN_HEADERS.get(table);
  if (!own) {
    const narrow = table.labels.filter((l) => l.area.left === l.area.right);
    const dataColumns = new Set(table.cells.map((c) => c.area.left));
    own = narrow
      .filter((l) => dataColumns.has(l.area.left) && narrow.filter((o) => o.text === l.text).length === 1)
      .sort((a, b) => a.area.left - b.area.left);
    OWN_HEADERS.set(table, own);
  }
  return own;
}

/** Whether a row of the table has a cell or a label starting in each of columns `a` and `b`. */
function sharesARow(table: TableSpec, a: number, b: number): boolean {
  const rowsOf = (c: number) =>
    new Set([...table.cells, ...table.labels].filter((x) => x.area.left === c).map((x) => x.area.top));
  const first = rowsOf(a);
  return [...rowsOf(b)].some((r) => first.has(r));
}

export const isBlank = (v: RawValue | undefined) => v === null || v === undefined || String(v).trim() === '';

/** What grid row `g` holds across the table's columns, blanks left out. */
const filledIn = (grid: Grid, { table, origin }: Located, g: number) =>
  (grid[g] ?? []).slice(origin.col, origin.col + table.columns).filter((v) => !isBlank(v));

/**
 * Whether grid row `g` holds nothing of the table: nothing at all across its columns, or only
 * another table's labels (a document's next table follows with no row between).
 */
function nothingOfIt(grid: Grid, located: Located, g: number): boolean {
  const texts = filledIn(grid, located, g);
  if (!texts.length) return true;
  const { table } = located;
  return texts.every(
    (v) =>
      typeof v === 'string' &&
      isTableLabel(canonical(v)) &&
      !table.labels.some((l) => matchLabel(v, l.text) !== undefined),
  );
}

/** Words of a title or a note: not what a clerk writes in a cell for no number (「—」, 「无」, 「暂无」). */
const WORDS = /[\u4e00-\u9fff]{4}/;

/** Whether grid row `g` holds words across the table's columns, and no number. */
function wordsOnly(grid: Grid, located: Located, g: number): boolean {
  const filled = filledIn(grid, located, g);
  return filled.some((v) => typeof v === 'string' && WORDS.test(v)) && !filled.some(isNumberCell);
}

/**
 * How many numbers grid row `g` holds across the table's columns (and a few put in), where layout
 * row `r`'s cells are half filled or more: a row of numbers, not a stray one in a note.
 */
function numbersIn(grid: Grid, { table, origin }: Located): (r: number, g: number) => number {
  const cellsIn = new Map<number, number>();
  for (const c of table.cells) cellsIn.set(c.area.top, (cellsIn.get(c.area.top) ?? 0) + 1);
  return (r, g) => {
    const row = grid[g];
    if (!row) return 0;
    let n = 0;
    const end = Math.min(row.length, origin.col + table.columns + MAX_INSERTED);
    for (let c = origin.col; c < end; c++) if (isNumberCell(row[c])) n++;
    return n * 2 >= (cellsIn.get(r) ?? 1) ? n : 0;
  };
}

/** Whether grid row `g` holds a number in every cell of layout row `r`, in the table's columns. */
function allNumbersIn(grid: Grid, { table, origin }: Located): (r: number, g: number) => boolean {
  return (r, g) => {
    const cells = table.cells.filter((c) => c.area.top === r);
    return cells.length > 0 && cells.every((c) => isNumberCell(grid[g]?.[origin.col + c.area.left]));
  };
}

/** Each data row's own label: the one-row label nearest its numbers (「1.属于国家秘密」, not 「（三）不予公开」). */
const ROW_LABELS = new WeakMap<TableSpec, ReadonlyMap<number, LabelSpec>>();

export function rowLabelsOf(table: TableSpec): ReadonlyMap<number, LabelSpec> {
  let labels = ROW_LABELS.get(table);
  if (!labels) {
    const dataRows = new Set(table.cells.map((c) => c.area.top));
    const own = new Map<number, LabelSpec>();
    for (const l of table.labels) {
      if (l.area.top !== l.area.bottom || !dataRows.has(l.area.top)) continue;
      const seen = own.get(l.area.top);
      if (!seen || l.area.right > seen.area.right) own.set(l.area.top, l);
    }
    ROW_LABELS.set(table, (labels = own));
  }
  return labels;
}

/**
 * Whether grid row `g` holds layout row `r`'s own label, in its column; or, `reworded`, holds it with
 * a word added or changed, so that it is still that row's label and no other's (see rewordedRow).
 */
function ownLabelAt(
  grid: Grid,
  { table, origin }: Located,
  reworded = false,
): (g: number, r: number) => boolean {
  const own = rowLabelsOf(table);
  return (g, r) => {
    const l = own.get(r);
    if (!l) return false;
    const text = textAt(grid, g, origin.col + l.area.left);
    return reworded ? rewords(table, text, r) : matchLabel(text, l.text) !== undefined;
  };
}

/** Whether `text` is layout row `r`'s own label reworded, no other row's (see rewordedRow). */
export function rewords(table: TableSpec, text: string, r: number): boolean {
  return rewordedRow(table, text) === r;
}

const REWORDED = new WeakMap<TableSpec, Map<string, number | undefined>>();
const MAX_REWORDED = 2_000;

/**
 * The row whose own label `text` rewords: no label of the table, it is likest that row's label, and
 * like it enough (see mayReword), or has its very words under another number. Alike two rows'
 * labels (numbered sub-rows with the same words), it is neither's: such a row is read by its place.
 */
function rewordedRow(table: TableSpec, text: string): number | undefined {
  const seen = REWORDED.get(table) ?? REWORDED.set(table, new Map()).get(table)!;
  if (seen.has(text)) return seen.get(text);
  let row: number | undefined;
  if (text.trim() && !table.labels.some((l) => matchLabel(text, l.text))) {
    const words = wordingOf(text);
    let best = 0;
    for (const [r, l] of rowLabelsOf(table)) {
      const k = likeness(words, wordingOf(l.text));
      if (k > best) [best, row] = [k, r];
      else if (k === best) row = undefined;
    }
    // Its very words under another number (「3.保护第三方合法权益」 for 「4.…」, the items below a
    // deleted one renumbered) are that row's too.
    if (row !== undefined && best < 1 && !mayReword(text, rowLabelsOf(table).get(row)!.text)) row = undefined;
  }
  if (seen.size >= MAX_REWORDED) seen.clear();
  seen.set(text, row);
  return row;
}

/**
 * Rows (or columns) moved with their labels: a grid row in a row's place (or inserted, for a row
 * missing) that holds another row's own label, where that row's place holds a third's, and so
 * round. Only a closed round is taken: then every row's numbers are where its label says, and
 * nothing is guessed.
 */
function movedLines(
  holds: (g: number, r: number) => boolean,
  ownRows: readonly number[],
  map: readonly (number | undefined)[],
  inserted: readonly number[],
  missing: readonly number[],
): Map<number, number> {
  // Rows not where their label is: read by position (edited in place) or missing.
  const astray = ownRows.filter((r) => (map[r] === undefined ? missing.includes(r) : !holds(map[r]!, r)));
  if (!astray.length) return new Map();
  // The grid rows they leave, and the inserted rows: which row's label does each hold?
  const places = [...astray.flatMap((r) => (map[r] === undefined ? [] : [map[r]!])), ...inserted];
  const found = new Map<number, number[]>();
  for (const g of places) {
    const rows = astray.filter((r) => holds(g, r));
    if (rows.length === 1) found.set(rows[0]!, [...(found.get(rows[0]!) ?? []), g]);
  }
  const to = new Map<number, number>();
  for (const [r, gs] of found) if (gs.length === 1) to.set(r, gs[0]!);
  // A closed round: a row read from elsewhere leaves its own place to another row of the round.
  for (let changed = true; changed;) {
    changed = false;
    const taken = new Set(to.values());
    for (const r of [...to.keys()]) {
      if (map[r] !== undefined && !taken.has(map[r]!)) {
        to.delete(r);
        changed = true;
      }
    }
  }
  return to;
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

import type { Pos } from '../report/address.js';
import { canonical, type LabelMatch, matchLabel, QUOTE_MARKS } from '../report/labels.js';
import { type TableSpec, tableSpecs } from '../report/model.js';
import { EDITIONS, type RawValue } from '../report/types.js';

export type Grid = readonly (readonly RawValue[])[];

export function textAt(grid: Grid, row: number, col: number): string {
  const v = grid[row]?.[col];
  return typeof v === 'string' ? v : '';
}

const NUMBER = /^\s*[-+]?[\d０-９][\d０-９,，.．\s]*$/;

/** A cell holding a number, or a number written as text (「3,440」, 「１２」). */
export const isNumberCell = (v: RawValue | undefined): boolean =>
  typeof v === 'number' || (typeof v === 'string' && NUMBER.test(v));

export function matchAt(grid: Grid, row: number, col: number, label: string): LabelMatch | undefined {
  return matchLabel(textAt(grid, row, col), label);
}

export interface Located {
  readonly table: TableSpec;
  /** Where the table's A1 sits in the grid. */
  readonly origin: Pos;
  /**
   * Labels found where the majority of labels put the table, or more of them in order from one place
   * (rows deleted or put in; see locate): what the editions are compared by.
   */
  readonly votes: number;
  readonly score: number;
  /** Where other whole copies of the table sit (half its labels in place or more), apart from this one. */
  readonly copies: readonly Pos[];
}

/** Half of a table's labels in place make it found. */
export const MIN_SCORE = 0.5;
/** Rows deleted from or put into a table, at most, for its labels below them to count as in place (see locate). */
const MAX_SHIFT = 6;
/**
 * A table whose labels' votes are split by rows put in is found with this share of them in order:
 * most, not half, as a PDF's table cut into parts that stand apart (each with its header) is no
 * table with rows put in. Rows deleted need half, as for a table found at once.
 */
const MIN_INSERTED_SCORE = 0.75;
/** Where a table might sit, tried for rows deleted or put in: the offsets most labels put it at. */
const MAX_ORIGINS = 5;

/** A non-empty string cell of the grid, with the key that finds the labels it may be. */
export interface TextCell {
  readonly pos: Pos;
  readonly text: string;
  readonly key: string;
}

// Every way a cell matches a label (see matchLabel) keeps the first two characters of their
// comparable forms equal: equal forms, the label with a number or remark after it, the label cut
// short to three characters or more. The known word variants begin two characters in or later.
// So a label is only ever compared with cells that share its first two comparable characters.
const KEY_LENGTH = 2;
/** What compact() removes: \s of a regular expression (and U+3000, which it includes). */
function isSpace(c: number): boolean {
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}
const KEYS = new Map<string, string>();
const MAX_KEYS = 5_000;
const BY_TEXT = new Map<string, string>();
/** No label is longer: longer texts (a note, a paragraph) are not kept. */
const MAX_KEYED_TEXT = 100;

/** The first two characters of canonical(text), from a short prefix of it (texts can be long). */
export function labelKey(text: string): string {
  // A batch's sheets hold the same label texts: each is looked up whole, before its head is made.
  const short = text.length <= MAX_KEYED_TEXT;
  const known = short ? BY_TEXT.get(text) : undefined;
  if (known !== undefined) return known;
  let head = '';
  // Spaces and quotes are dropped by canonical(): they are skipped here too.
  for (let i = 0; i < text.length && head.length < KEY_LENGTH + 2; i++)
    if (!isSpace(text.charCodeAt(i)) && !QUOTE_MARKS.includes(text[i]!)) head += text[i];
  let key = KEYS.get(head);
  if (key === undefined) {
    key = canonical(head).slice(0, KEY_LENGTH);
    if (KEYS.size >= MAX_KEYS) KEYS.clear();
    KEYS.set(head, key);
  }
  if (short) {
    if (BY_TEXT.size >= MAX_KEYS) BY_TEXT.clear();
    BY_TEXT.set(text, key);
  }
  return key;
}

/** Texts of the grid, once: where each non-empty string cell is. */
export function textCells(grid: Grid): TextCell[] {
  const out: TextCell[] = [];
  for (let r = 0; r < grid.length; r++) {
    const row = grid[r]!;
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (typeof v === 'string' && v.trim()) out.push({ pos: { row: r, col: c }, text: v, key: labelKey(v) });
    }
  }
  return out;
}

interface LabelEntry {
  readonly table: TableSpec;
  readonly index: number;
}

/**
 * Every label of both editions by its key, then by its text: each distinct text is matched once per
 * cell. Made with the first grid read: a check of texts alone never needs it.
 */
let labels: Map<string, Map<string, LabelEntry[]>> | undefined;
function labelsByKey(): Map<string, Map<string, LabelEntry[]>> {
  if (labels) return labels;
  labels = new Map();
  for (const edition of EDITIONS) {
    for (const table of tableSpecs(edition)) {
      table.labels.forEach((label, index) => {
        const key = canonical(label.text).slice(0, KEY_LENGTH);
        const byText = labels!.get(key) ?? labels!.set(key, new Map()).get(key)!;
        const entries = byText.get(label.text) ?? byText.set(label.text, []).get(label.text)!;
        entries.push({ table, index });
      });
    }
  }
  return labels;
}

/** For each table, for each of its labels, the texts (by index, in grid order) that read as it. */
export type LabelHits = ReadonlyMap<TableSpec, readonly (readonly number[])[]>;

const NO_ENTRIES: readonly LabelEntry[] = [];
const NO_HITS: readonly number[] = [];
// The sheets of a batch hold the same label texts: each is matched once.
const MATCHED = new Map<string, readonly LabelEntry[]>();
const MAX_MATCHED = 20_000;

/** The labels a cell's text reads as, of every table of both editions. */
function entriesOf(cell: TextCell): readonly LabelEntry[] {
  let found = MATCHED.get(cell.text);
  if (!found) {
    const list: LabelEntry[] = [];
    for (const [text, entries] of labelsByKey().get(cell.key) ?? [])
      if (matchLabel(cell.text, text)) list.push(...entries);
    found = list.length ? list : NO_ENTRIES;
    if (MATCHED.size >= MAX_MATCHED) MATCHED.clear();
    MATCHED.set(cell.text, found);
  }
  return found;
}

/**
 * Where the texts that read as labels stand, and which labels each reads as: all that locating the
 * tables looks at (see labelHits). Sheets made from one template have the same, whatever else is
 * filled in.
 */
export function labelLayout(texts: readonly TextCell[]): string {
  let layout = '';
  for (const cell of texts) {
    const entries = entriesOf(cell);
    if (entries !== NO_ENTRIES) layout += `${cell.pos.row},${cell.pos.col},${labelsId(entries)};`;
  }
  return layout;
}

/**
 * A number for each list of labels a text reads as: texts that read as the same labels are the
 * same to locate, and a layout named by these numbers is short.
 */
const LABELS_IDS = new WeakMap<readonly LabelEntry[], number>();
let lastLabelsId = 0;
function labelsId(entries: readonly LabelEntry[]): number {
  let id = LABELS_IDS.get(entries);
  if (id === undefined) LABELS_IDS.set(entries, (id = ++lastLabelsId));
  return id;
}

/** Which cells read as which labels, for every table of both editions, in one pass over the texts. */
export function labelHits(texts: readonly TextCell[]): LabelHits {
  // A label no text reads as (most, of the edition a sheet is not) shares one empty list.
  const hits = new Map<TableSpec, (readonly number[])[]>();
  texts.forEach((cell, i) => {
    for (const { table, index } of entriesOf(cell)) {
      let lists = hits.get(table);
      if (!lists) hits.set(table, (lists = new Array<readonly number[]>(table.labels.length).fill(NO_HITS)));
      const list = lists[index]!;
      if (list === NO_HITS) lists[index] = [i];
      else (list as number[]).push(i);
    }
  });
  return hits;
}

/** What locate needs of a table's layout, worked out once per table. */
interface TableShape {
  /** A column of numbers is the table's first: 表四's. */
  readonly numbersFirst: boolean;
  /** Its labels' indices, top to bottom. */
  readonly order: readonly number[];
  /** How many different label texts it has (表四's repeat). */
  readonly distinct: number;
}
const SHAPES = new WeakMap<TableSpec, TableShape>();
function shapeOf(table: TableSpec): TableShape {
  let shape = SHAPES.get(table);
  if (!shape)
    SHAPES.set(
      table,
      (shape = {
        numbersFirst: table.cells.some((c) => c.area.left === 0),
        order: table.labels
          .map((_, i) => i)
          .sort((a, b) => table.labels[a]!.area.top - table.labels[b]!.area.top),
        distinct: new Set(table.labels.map((l) => l.text)).size,
      }),
    );
  return shape;
}

/**
 * Where the table sits: every cell that reads as one of its labels votes for the offset that would
 * put that label in place; the offset with most votes wins. A title above, other content around
 * or a few edited labels do not move it. `rowsOnly`: the row alone, wherever the labels' columns
 * are (a page's tables stretched over other columns); the origin's column is then 0.
 */
export function locate(
  table: TableSpec,
  texts: readonly TextCell[],
  hits: LabelHits = labelHits(texts),
  rowsOnly = false,
): Located | undefined {
  const byLabel = hits.get(table);
  if (!byLabel) return undefined;
  // Offsets as (row + MAX_SHIFT) × 2^16 + column (a sheet has 16,384 columns): numbers, not strings,
  // as keys. A label below rows deleted from a table at the top of the grid (a document's first
  // table) puts it above the grid: such offsets count for the rows-deleted search, never as a place.
  const { numbersFirst, order, distinct } = shapeOf(table);
  const votes = new Map<number, number>();
  // Votes for places above the grid: where the rows-deleted search starts from the grid's first row.
  const above = new Map<number, number>();
  // The offsets each label voted for.
  // A few each: a list, not a set; those of a label without hits share one.
  const byLabelOffsets = table.labels.map((label, li): readonly number[] => {
    const hitsOf = byLabel[li]!;
    if (!hitsOf.length) return NO_HITS;
    const seen: number[] = [];
    for (const ti of hitsOf) {
      const { pos } = texts[ti]!;
      const row = pos.row - label.area.top;
      // A table's first column of numbers deleted (表四's first 「结果维持」) moves every label one
      // column left: they put the table one column before the grid's first, where it begins with that
      // column gone. Not a column of labels: without its rows' labels, a table is not read by guess.
      const left = rowsOnly ? 0 : pos.col - label.area.left;
      const col = left === -1 && numbersFirst ? 0 : left;
      if (row < -MAX_SHIFT || col < 0) continue;
      const key = (row + MAX_SHIFT) * 65536 + col;
      if (seen.includes(key)) continue;
      seen.push(key);
      const at = row >= 0 ? votes : above;
      at.set(key, (at.get(key) ?? 0) + 1);
    }
    return seen;
  });
  let best: [number, number] | undefined;
  for (const entry of votes) if (!best || entry[1] > best[1]) best = entry;
  if (!best) return undefined;
  const at = (key: number): Pos => ({ row: Math.floor(key / 65536) - MAX_SHIFT, col: key % 65536 });
  const bestKey = best[0];
  const origin = at(bestKey);
  // Other places where most labels are: a second copy of the table, not one offset by a shared label.
  const copies: Pos[] = [];
  const apart = (a: Pos, b: Pos) =>
    Math.abs(a.row - b.row) >= table.rows || Math.abs(a.col - b.col) >= table.columns;
  const many = [...votes]
    .filter(([key, n]) => key !== bestKey && n >= table.labels.length * MIN_SCORE)
    .sort((a, b) => b[1] - a[1]);
  for (const [key] of many) {
    const p = at(key);
    if (apart(p, origin) && copies.every((c) => apart(p, c))) copies.push(p);
  }
  // Rows deleted from the table or put into it move the labels below them up or down, and split the
  // votes: the table is found where its labels, read down the layout, stand where they should or ever
  // higher (rows deleted, `way` -1), or ever lower (rows put in, `way` 1).
  const inOrder = (o: Pos, way: number) => {
    let shift = 0;
    let count = 0;
    // How far the labels counted stand from their places, in all.
    let moved = 0;
    for (const li of order) {
      let found: number | undefined;
      for (const k of byLabelOffsets[li]!) {
        // at(k), without making a Pos for every offset of every label.
        const s = (Math.floor(k / 65536) - MAX_SHIFT - o.row) * way;
        if (k % 65536 === o.col && s >= shift && s <= MAX_SHIFT && (found === undefined || s < found))
          found = s;
      }
      if (found === undefined) continue;
      count++;
      shift = found;
      moved += found;
    }
    return { origin: o, count, score: count / table.labels.length, moved };
  };
  const direct = { table, origin, votes: best[1], score: best[1] / table.labels.length, copies };
  // Every label in place: no search can find more of them (a report as most are).
  if (direct.votes === table.labels.length) return direct;
  let shifted: ReturnType<typeof inOrder> | undefined;
  // Places tried: those most labels put the table at, the grid's first row for those above it.
  const starts = [
    ...votes,
    ...[...above].map(([key, n]): [number, number] => [(key % 65536) + MAX_SHIFT * 65536, n]),
  ]
    .sort((a, b) => b[1] - a[1])
    .map(([key]) => key)
    .filter((key, i, all) => all.indexOf(key) === i)
    .slice(0, MAX_ORIGINS);
  for (const key of starts)
    for (const way of [-1, 1]) {
      const found = inOrder(at(key), way);
      // As many labels in order from two places: the table is where they stand nearer their places.
      // A table whose sections repeat their headers (2019's 表二) has its labels in order from a
      // section further down too, every one of them far from its place.
      const better =
        !shifted ||
        found.count > shifted.count ||
        (found.count === shifted.count && found.moved < shifted.moved);
      if (found.score >= (way < 0 ? MIN_SCORE : MIN_INSERTED_SCORE) && better) shifted = found;
    }
  // The labels in order are the table's votes, whether it was found at once or not: the edition is
  // chosen by them, and a table with rows deleted in its middle has more of them than in one place.
  const inOrderVotes = Math.max(direct.votes, shifted?.count ?? 0);
  if (direct.score >= MIN_SCORE) return { ...direct, votes: inOrderVotes };
  // A table whose labels repeat (表四's 「结果维持」 in each group) can lose most of them with one
  // header row and still have every one of its labels' words in place: it is found there.
  const inPlace = new Set(
    table.labels.filter((_, li) => byLabelOffsets[li]!.includes(bestKey)).map((l) => l.text),
  );
  if (distinct < table.labels.length && inPlace.size === distinct)
    return { ...direct, votes: inOrderVotes, score: MIN_SCORE };
  return shifted ? { ...direct, origin: shifted.origin, votes: inOrderVotes, score: shifted.score } : direct;
}

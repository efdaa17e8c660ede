import type { Finding } from '../../report/finding.js';
import {
  canonicalOf,
  type LabelIndex,
  labelIndex,
  likeness,
  matchLabel,
  mayReword,
  wordingOf,
} from '../../report/labels.js';
import { type LabelSpec, type TableSpec, tableSpec, tableSpecs } from '../../report/model.js';
import type { ReadCell } from '../../report/types.js';
import { type CellKey, EDITIONS, type TableId } from '../../report/types.js';
import { clipped } from '../../report/shown.js';
import { columnPutIn, formFinding } from '../findings.js';
import { headerRows, headerTexts, type MovedHeader, movedByHeaders } from '../headers.js';
import { type Piece, piecesOf, readCopiedRows, type RowOutcome, type RowsRead } from './copied.js';
import { type TextRow, textRows } from './rows.js';
import { looksLikeValue, plainNumber, type Token } from './tokens.js';

export interface TableRead {
  readonly findings: Finding[];
  /** Half its labels or more are there: the table is in the text. */
  readonly found: boolean;
  /** Where the copy's order breaks the table's (numbers before their labels): nothing was read. */
  readonly disorder?: Token | undefined;
  /** The number there that no row can own, where a number breaks it. */
  readonly stray?: string;
  /** A copy of a PDF gave the table's labels and no number at all: empty, or its numbers moved away. */
  readonly bare?: boolean;
  /** Every row has a number more than its cells (a 「小计」 column put in): where, and nothing was read. */
  readonly extraColumn?: Token;
}

/** What cellRows reads beyond the rows: rows and columns put into the table. */
type CellRowsRead = RowsRead & {
  readonly extraColumn?: Token;
  readonly inserted?: readonly Token[];
  /** The header of a 「小计」 column put in, whose numbers were passed over (see subtotalColumn). */
  readonly subtotal?: Token;
  /** Of each row, the cell passed over where cells that are not blank are (see cellRowsSkipping). */
  readonly passed?: readonly (Token | undefined)[];
};

/** As for sheets: half of a table's labels in place make it found. */
const MIN_SHARE = 0.5;

/**
 * What a text's lines are called, where not a file's own lines: 「网页文字」 (「网页文字第3行」), or
 * each line's own name (a PDF's page it is on).
 */
export type LineNames = string | ((line: number) => string);

/** Where a token sits, for messages and for ReadCell.address; `lines` names them. */
export const lineOf = (t: Token | undefined, lines: LineNames = ''): string => {
  if (!t) return '文末';
  if (typeof lines === 'function') return lines(t.line);
  if (t.line >= MAX_LINE_NAMES) return `${lines}第${t.line}行`;
  // Every cell of every report names its line: the few hundred names are made once, for a file's
  // own lines and for the last other name of lines (「网页文字」, every page of a batch's).
  if (!lines) return (LINE_NAMES[t.line] ??= `第${t.line}行`);
  if (lines !== namedBy) {
    namedBy = lines;
    NAMED_LINES.length = 0;
  }
  return (NAMED_LINES[t.line] ??= `${lines}第${t.line}行`);
};
const MAX_LINE_NAMES = 5_000;
const LINE_NAMES: string[] = [];
const NAMED_LINES: string[] = [];
let namedBy = '';

const INDEXES = new WeakMap<TableSpec, LabelIndex>();
function indexOf(table: TableSpec): LabelIndex {
  let index = INDEXES.get(table);
  if (!index) INDEXES.set(table, (index = labelIndex(table.labels.map((l) => l.text))));
  return index;
}

const OWN = new WeakMap<TableSpec, Set<string>>();
/** The table's labels that no other table of its edition has (「结果维持」, not 「总计」): where it begins. */
function ownLabels(table: TableSpec): Set<string> {
  let own = OWN.get(table);
  if (!own) {
    const others = new Set(
      tableSpecs(table.edition)
        .filter((t) => t.id !== table.id)
        .flatMap((t) => t.labels.map((l) => l.text)),
    );
    OWN.set(table, (own = new Set(table.labels.map((l) => l.text).filter((l) => !others.has(l)))));
  }
  return own;
}

const ANCHORS = new WeakMap<TableSpec, string>();
/**
 * A label the table has once and no other table has, the longest of its rows' (「其他对外管理服务事项」,
 * 「5.要求行政机关确认或重新出具已获取信息」), or 表四's longest (「未经复议直接起诉」): a copy of the
 * table has it too, and a report's sentences hardly. Not one with a remark in brackets: its words
 * before the remark (「（二）部分公开」) are a line of a report's own list too.
 */
function anchorOf(table: TableSpec): string {
  let anchor = ANCHORS.get(table);
  if (anchor === undefined) {
    const texts = table.labels.map((l) => l.text);
    const once = [...ownLabels(table)].filter((l) => texts.indexOf(l) === texts.lastIndexOf(l));
    const rows = new Set(textRows(table).map((r) => r.label));
    const plain = once.filter((l) => !/[（(]/.test(l.slice(1)));
    const longest = (labels: string[]) => labels.reduce((a, b) => (b.length > a.length ? b : a), '');
    anchor = longest(plain.filter((l) => rows.has(l))) || longest(plain);
    ANCHORS.set(table, anchor);
  }
  return anchor;
}

/** Where each copy of the table begins in the text: the token of its anchor label (see anchorOf). */
export function tableCopies(table: TableSpec, tokens: readonly Token[], text: string): number[] {
  const anchor = anchorOf(table);
  // Its first words, as any variant of it has them: a text with them once has one copy at most,
  // and only the few tokens with them are matched.
  const words = /[\u4e00-\u9fff]{2,4}/.exec(anchor)?.[0] ?? anchor;
  const first = text.indexOf(words);
  if (first < 0 || text.indexOf(words, first + 1) < 0) return [];
  const index = indexOf(table);
  const at: number[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.text.includes(words) && index.matches(t.text).includes(anchor)) at.push(i);
  }
  // Where a copy has cells (a page's), a line of text that is the label alone is the report's prose.
  const cells = at.filter((i) => tokens[i]!.cell);
  return cells.length ? cells : at;
}

/** 「危及“三安全一稳定”0」: the label with its first number glued on. */
function gluedNumber(text: string, label: string): string | undefined {
  const seen = canonicalOf(text);
  // Most labels end in no digit: nothing is glued on, and they are not matched to see.
  const last = seen.charCodeAt(seen.length - 1);
  if (!(last >= 48 && last <= 57)) return undefined;
  const official = canonicalOf(label);
  if (!seen.startsWith(official) && !matchLabel(text, label)) return undefined;
  const m = /(\d+)$/.exec(seen);
  return m && matchLabel(seen.slice(0, -m[1]!.length), label) ? m[1] : undefined;
}

/**
 * The tokens of a table's part. A web page's copy has its cells in tabs; a copy of a PDF has none,
 * and is read as words (see copied.ts).
 */
export class TableText {
  private words: Piece[] | undefined;
  private text: string | undefined;
  /** The labels of each table found in a copy of a PDF: counted for both editions, then again to read one. */
  readonly labels = new Map<TableSpec, Set<string>>();
  /** The labels of either edition's table met in the tokens, by table: how many of each edition's. */
  private readonly met = new Map<TableId, LabelsMet>();
  /** Of each token, the labels of either edition's table it is, by table. */
  private readonly bothAt = new Map<TableId, readonly (readonly string[])[]>();
  /** Of each token, the labels of one edition's table it is: a report reads one edition's. */
  private readonly own = new Map<TableSpec, TokenLabels>();
  readonly copied: boolean;

  constructor(
    readonly tokens: readonly Token[],
    readonly start: number,
    readonly end: number,
    /** What the lines are, where not the file's own (a page's text): 「网页文字」. */
    readonly lines: LineNames = '',
  ) {
    let cells = false;
    for (let i = start; i < end && !cells; i++) cells = !!tokens[i]!.cell;
    this.copied = !cells;
  }

  get pieces(): readonly Piece[] {
    return (this.words ??= piecesOf(this.tokens, this.start, this.end));
  }

  /** The text pieces one after the other, a label's numbering set apart (「3.」) left out. */
  get joined(): string {
    return (this.text ??= this.pieces
      .filter((p) => !p.value && !/^\d+\.$/.test(p.canon))
      .map((p) => p.canon)
      .join(''));
  }

  /**
   * How many of table `id`'s labels in each edition the tokens are: each token looked up once for
   * both, and the labels met counted once for both.
   */
  labelsMet(id: TableId): LabelsMet {
    let met = this.met.get(id);
    if (!met) {
      const labels = new Set<string>();
      const { index, editions } = bothEditions(id);
      const at: (readonly string[])[] = [];
      for (let i = this.start; i < this.end; i++) {
        const matched = index.matches(this.tokens[i]!.text);
        at.push(matched);
        // Indexed: most tokens match none, and a `for…of` makes an iterator for each until optimised.
        for (let k = 0; k < matched.length; k++) labels.add(matched[k]!);
      }
      this.met.set(id, (met = countByEdition(labels, editions)));
      this.bothAt.set(id, at);
    }
    return met;
  }

  /**
   * Which of the table's labels each token of the part is: the tokens looked up once (see labelsMet)
   * for every pass of the table's reading over them.
   */
  labelsOf(table: TableSpec): TokenLabels {
    let labels = this.own.get(table);
    if (!labels) {
      const foreign = (this.labelsMet(table.id).notOf >> EDITIONS.indexOf(table.edition)) & 1;
      const both = this.bothAt.get(table.id)!;
      // Most parts have no label of the other edition's table only: their tokens' labels are the table's.
      this.own.set(
        table,
        (labels = new TokenLabels(this.start, foreign ? ownOnly(both, labelSet(table)) : both)),
      );
    }
    return labels;
  }
}

/** Labels of a table met in a part, by edition (by place in EDITIONS). */
interface LabelsMet {
  /** How many of each edition's table. */
  readonly counts: readonly number[];
  /** The editions whose table lacks one of them, a bit each. */
  readonly notOf: number;
}

/** How many of `labels` each edition's table has, and which editions' tables lack one. */
function countByEdition(labels: ReadonlySet<string>, editions: ReadonlyMap<string, number>): LabelsMet {
  // Made by a loop, not by `map`, whose arrays are of more than one kind (see ownOnly).
  const counts: number[] = [];
  for (let e = 0; e < EDITIONS.length; e++) counts.push(0);
  let notOf = 0;
  for (const l of labels) {
    const of = editions.get(l)!;
    notOf |= ~of;
    for (let e = 0; e < counts.length; e++) counts[e]! += (of >> e) & 1;
  }
  return { counts, notOf };
}

/**
 * Of each token's labels, those of `own`. Made by a loop, not by `map`: `map` makes arrays of more
 * than one kind, and the optimised reading of the rows was undone when it met the other kind.
 */
function ownOnly(labels: readonly (readonly string[])[], own: ReadonlySet<string>): (readonly string[])[] {
  const at: (readonly string[])[] = [];
  for (const l of labels) at.push(l.every((x) => own.has(x)) ? l : l.filter((x) => own.has(x)));
  return at;
}

/** The labels of a table that each token of its part is (see TableText.labelsOf), by token index. */
export class TokenLabels {
  constructor(
    private readonly start: number,
    private readonly labels: readonly (readonly string[])[],
  ) {}

  /** The table's labels token `i` is, none for a token outside the part. */
  at(i: number): readonly string[] {
    return this.labels[i - this.start] ?? NONE;
  }

  /** Whether token `i` is one of the table's labels. */
  isLabel(i: number): boolean {
    return this.at(i).length > 0;
  }
}

const NONE: readonly string[] = [];

/** Table `id`'s labels in both editions: their index, and the editions whose table has each, a bit each. */
interface BothEditions {
  readonly index: LabelIndex;
  readonly editions: ReadonlyMap<string, number>;
}

const BOTH = new Map<TableId, BothEditions>();
/** Table `id`'s labels in both editions: a label matches a text alike in either. */
function bothEditions(id: TableId): BothEditions {
  let both = BOTH.get(id);
  if (!both) {
    const editions = new Map<string, number>();
    EDITIONS.forEach((e, k) => {
      for (const l of labelSet(tableSpec(e, id))) editions.set(l, (editions.get(l) ?? 0) | (1 << k));
    });
    BOTH.set(
      id,
      (both = {
        index: labelIndex(EDITIONS.flatMap((e) => tableSpec(e, id).labels.map((l) => l.text))),
        editions,
      }),
    );
  }
  return both;
}

const LABEL_SETS = new WeakMap<TableSpec, ReadonlySet<string>>();
/** The table's labels, each once (表四's repeat), in the form's order. */
function labelSet(table: TableSpec): ReadonlySet<string> {
  let labels = LABEL_SETS.get(table);
  if (!labels) LABEL_SETS.set(table, (labels = new Set(table.labels.map((l) => l.text))));
  return labels;
}

/** The labels of the table a copy of a PDF's part contains (see findLabels). */
function labelsFound(table: TableSpec, text: TableText): Set<string> {
  let found = text.labels.get(table);
  if (!found) text.labels.set(table, (found = findLabels(table, text)));
  return found;
}

/** How many of the table's labels a page's copy of its part has, its tokens being them. */
function ownLabelsMet(table: TableSpec, text: TableText): number {
  return text.labelsMet(table.id).counts[EDITIONS.indexOf(table.edition)]!;
}

/** The labels of the table a copy of a PDF's part contains: its words, and its words joined. */
function findLabels(table: TableSpec, text: TableText): Set<string> {
  const votes = new Set<string>();
  const index = indexOf(table);
  for (const p of text.pieces) if (!p.value) for (const l of index.matches(p.text)) votes.add(l);
  // A label wrapped in its cell comes in pieces: it is there when its pieces follow one another.
  const joined = text.joined;
  for (const l of table.labels) {
    const body = canonicalOf(l.text).replace(/^\d+\./, '');
    if (body.length >= MIN_JOINED && joined.includes(body)) votes.add(l.text);
  }
  return votes;
}

/** A label this long found in the joined pieces of a copy is no accident. */
const MIN_JOINED = 4;

/** How many of the table's labels its part has: the editions are told apart by how many. */
export function labelVotes(table: TableSpec, text: TableText): number {
  return text.copied ? labelsFound(table, text).size : ownLabelsMet(table, text);
}

/**
 * Half of the table's labels make it found. In a copy of a PDF, short header labels stand one
 * character a line (「结」 「果」 「维」 「持」): half of the labels' text found is as good.
 */
function isFound(table: TableSpec, text: TableText): boolean {
  const distinct = labelSet(table);
  if (!text.copied) return ownLabelsMet(table, text) >= distinct.size * MIN_SHARE;
  const found = labelsFound(table, text);
  if (found.size >= distinct.size * MIN_SHARE) return true;
  const length = (ls: Iterable<string>) => [...ls].reduce((n, l) => n + canonicalOf(l).length, 0);
  return length(found) >= length(distinct) * MIN_SHARE;
}

/** Labels of the table's rows (「1.属于国家秘密」), not of groups of them (「（三）不予公开」). */
const ROW_LABELS = new WeakMap<TableSpec, ReadonlySet<string>>();
function rowLabels(table: TableSpec): ReadonlySet<string> {
  let labels = ROW_LABELS.get(table);
  if (!labels)
    ROW_LABELS.set(table, (labels = new Set(textRows(table).flatMap((r) => (r.label ? [r.label] : [])))));
  return labels;
}

/** Where the next row's label should be from `from`: past blank cells and group labels; or -1. */
function nextWord(
  table: TableSpec,
  labels: TokenLabels,
  tokens: readonly Token[],
  from: number,
  end: number,
): number {
  const rowLabelled = rowLabels(table);
  for (let i = from; i < end; i++) {
    if (tokens[i]!.blank) continue;
    const met = labels.at(i);
    if (met.length && !met.some((l) => rowLabelled.has(l))) continue;
    return i;
  }
  return -1;
}

/**
 * How many lines from `from` complete the label just before them to the row's `label`, when it is
 * its beginning (a cell's label broken by 「<br>」 or in two paragraphs); 0 where they do not.
 */
function labelRest(tokens: readonly Token[], from: number, end: number, label: string): number {
  const whole = canonicalOf(label);
  let got = canonicalOf(tokens[from - 1]!.text);
  if (got === whole || !whole.startsWith(got)) return 0;
  for (let i = from; i < end; i++) {
    const t = tokens[i]!;
    if (t.blank || looksLikeValue(t.text)) return 0;
    got += canonicalOf(t.text);
    if (got === whole) return i - from + 1;
    if (!whole.startsWith(got)) return 0;
  }
  return 0;
}

/** Whether the `count` cells from `from` are all numbers or blank: a row's, not a label cut in two. */
function valuesFollow(tokens: readonly Token[], from: number, end: number, count: number): boolean {
  if (from + count > end) return false;
  for (let i = from; i < from + count; i++) {
    const t = tokens[i]!;
    if (!t.blank && !looksLikeValue(t.text)) return false;
  }
  return true;
}

/**
 * Whether `text`, no label of the table and no number, is `label` with a word added or dropped:
 * numbered alike, and nearer to it than to the table's other row labels (see mayReword).
 */
function rewordedLabel(
  table: TableSpec,
  labels: TokenLabels,
  tokens: readonly Token[],
  i: number,
  label: string,
): boolean {
  const text = tokens[i]!.text;
  if (looksLikeValue(text) || labels.isLabel(i)) return false;
  const words = wordingOf(text);
  const own = likeness(words, wordingOf(label));
  for (const other of rowLabels(table))
    if (other !== label && likeness(words, wordingOf(other)) > own) return false;
  return mayReword(text, label);
}

/**
 * A row's label met once before `to` (among the rows already passed over), not taken by another row,
 * with its numbers after it: the row moved up, out of the table's order; or -1.
 */
function earlierRow(
  labels: TokenLabels,
  tokens: readonly Token[],
  from: number,
  to: number,
  end: number,
  row: TextRow,
  taken: ReadonlySet<number>,
): number {
  let at = -1;
  for (let i = from; i < to; i++) {
    const t = tokens[i]!;
    if (t.blank || !labels.at(i).includes(row.label!)) continue;
    if (at >= 0) return -1;
    at = i;
  }
  return at >= 0 && !taken.has(at) && valuesFollow(tokens, at + 1, end, row.keys.length) ? at : -1;
}

/**
 * Rows of a web page's copy, one cell per line or per tab: each row's label, then as many values as
 * the row has cells, whatever they hold. A row whose values are cut short by the next label, or the
 * end of the part, is not read at all: which of its cells are missing cannot be known.
 */
function cellRows(table: TableSpec, text: TableText): CellRowsRead {
  const read = cellRowsSkipping(table, text);
  const skip = insertedColumn(read.runs);
  if (skip !== undefined) return cellRowsSkipping(table, text, skip);
  const subtotal = read.extraColumn && subtotalColumn(table, text);
  if (!subtotal) return read;
  const again = cellRowsSkipping(table, text, subtotal.at, true);
  return subtotalsPassed(again, subtotal.sums) ? { ...again, subtotal: subtotal.header } : read;
}

/** A header of a column that sums others, put into a table: 「小计」, 「法人或其他组织合计」. */
const SUBTOTAL = /^(?:法人或其他组织)?(?:小计|合计)$/;

/** Where the first number of the table's text is: the header stands before it. */
function headerEnd(text: TableText): number {
  const { tokens } = text;
  let end = text.start;
  while (end < text.end && (tokens[end]!.blank || !looksLikeValue(tokens[end]!.text))) end++;
  return end;
}

/**
 * Where each of the table's headers (see headerTexts) stands in its text's header, undefined where
 * it is not there once.
 */
function headerPlaces(
  table: TableSpec,
  text: TableText,
  end: number,
): (label: LabelSpec) => number | undefined {
  // Each label's token, -1 where it stands twice: one pass over the header, every text of a report's.
  const labels = text.labelsOf(table);
  const wanted = headerTexts(table);
  const where = new Map<string, number>();
  for (let i = text.start; i < end; i++) {
    const met = labels.at(i);
    for (let k = 0; k < met.length; k++) {
      const l = met[k]!;
      if (wanted.has(l)) where.set(l, where.has(l) ? -1 : i);
    }
  }
  return (label) => {
    const at = where.get(label.text);
    return at === undefined || at < 0 ? undefined : at;
  };
}

/**
 * A 「小计」 column put among the columns of the table's lowest row of headers (表三's 法人 columns,
 * 「商业企业」…「其他」): which of a row's numbers it is, its header, and the numbers it sums (those
 * under that row of headers). Told by where its header stands among them, which a web page's copy
 * gives in the columns' order; one standing before them all may as well close the row above, and is
 * not taken.
 */
function subtotalColumn(
  table: TableSpec,
  text: TableText,
): { at: number; header: Token; sums: readonly number[] } | undefined {
  const end = headerEnd(text);
  let header: number | undefined;
  for (let i = text.start; i < end; i++) {
    if (!SUBTOTAL.test(text.tokens[i]!.text.replace(/\s+/g, ''))) continue;
    if (header !== undefined) return undefined;
    header = i;
  }
  const lowest = headerRows(table).at(-1);
  if (header === undefined || !lowest) return undefined;
  const place = headerPlaces(table, text, end);
  const places = lowest.map(place);
  if (places.some((p, i) => p === undefined || (i > 0 && p < places[i - 1]!))) return undefined;
  const before = places.filter((p) => p! < header).length;
  if (!before) return undefined;
  const left = Math.min(...table.cells.map((c) => c.area.left));
  const right = Math.max(...table.cells.map((c) => c.area.right));
  // Each row of numbers spans the table's columns: the column's place is the same in each.
  if (textRows(table).some((r) => r.label && r.keys.length !== right - left + 1)) return undefined;
  const column = before < lowest.length ? lowest[before]!.area.left : lowest.at(-1)!.area.right + 1;
  const sums = lowest.flatMap((l) =>
    Array.from({ length: l.area.right - l.area.left + 1 }, (_, k) => l.area.left + k - left),
  );
  return { at: column - left, header: text.tokens[header]!, sums };
}

/**
 * The numbers passed over are those of a 「小计」 of `sums` (a row's places): in each row read whose
 * numbers are all plain, and in two rows at least. A column that sums nothing is none.
 */
function subtotalsPassed(read: CellRowsRead, sums: readonly number[]): boolean {
  let rows = 0;
  for (const [r, outcome] of read.rows.entries()) {
    const passed = read.passed?.[r];
    if (outcome.kind !== 'read' || !passed) continue;
    const numbers = [...sums.map((i) => outcome.values[i]?.raw ?? ''), passed.text].map(plainNumber);
    if (numbers.some((n) => typeof n !== 'number')) continue;
    const total = numbers.pop() as number;
    if (Math.abs((numbers as number[]).reduce((a, b) => a + b, 0) - total) > 1e-9) return false;
    rows++;
  }
  return rows >= 2;
}

/** The first words in [from, to) that are no label of the table and have a number right after them. */
function insertedRowAt(
  labels: TokenLabels,
  tokens: readonly Token[],
  from: number,
  to: number,
): Token | undefined {
  for (let i = from; i < to; i++) {
    const t = tokens[i]!;
    if (t.blank || looksLikeValue(t.text) || labels.isLabel(i)) continue;
    let j = i + 1;
    while (j < to && tokens[j]!.blank) j++;
    if (j < to && looksLikeValue(tokens[j]!.text)) return t;
  }
  return undefined;
}

/** How many cells stand from `from` up to the next label. */
function cellsFrom(labels: TokenLabels, tokens: readonly Token[], from: number, end: number): number {
  let i = from;
  while (i < end && (tokens[i]!.blank || !labels.isLabel(i))) i++;
  return i - from;
}

/** Where the blank cells are among `cells`. */
const blanksIn = (cells: readonly Token[]) => cells.flatMap((t, i) => (t.blank ? [i] : []));

/**
 * A row of one number: the cell at `i` holds it, and the row ends there (the table, or the next label).
 * A blank before it is a column put in; else the blank is the row's own empty cell.
 */
function numberEndsRow(labels: TokenLabels, tokens: readonly Token[], end: number, i: number): boolean {
  const t = tokens[i];
  const after = tokens[i + 1];
  return (
    !!t &&
    !t.blank &&
    looksLikeValue(t.text) &&
    (!after || i + 1 >= end || (!after.blank && labels.isLabel(i + 1)))
  );
}

/**
 * A column put into the table (an empty one, not last): each row has one cell more, blank, at the
 * same place. Found only where two rows or more show it and no row says otherwise; that place.
 */
function insertedColumn(runs: readonly (readonly Token[])[]): number | undefined {
  let place: number | undefined;
  let seen = 0;
  for (const run of runs) {
    const blanks = blanksIn(run);
    if (blanks.length !== 1 || (place !== undefined && blanks[0] !== place)) return undefined;
    place = blanks[0];
    seen++;
  }
  return seen >= 2 ? place : undefined;
}

/** Where the one blank cell is among `count` + 1 cells of numbers from `from`, if so many stand there. */
function blankTooMany(
  tokens: readonly Token[],
  from: number,
  end: number,
  count: number,
): number | undefined {
  if (!valuesFollow(tokens, from, end, count + 1)) return undefined;
  const next = tokens[from + count + 1];
  if (next && (next.blank || looksLikeValue(next.text))) return undefined;
  const blanks = blanksIn(tokens.slice(from, from + count + 1));
  return blanks.length === 1 ? blanks[0] : undefined;
}

/**
 * The rows as cellRows reads them, the cell at `skip` of each row passed over where it is blank
 * (`filled`: whatever it holds); and each row's run of one cell too many.
 */
function cellRowsSkipping(
  table: TableSpec,
  text: TableText,
  skip?: number,
  filled = false,
): CellRowsRead & { runs: Token[][] } {
  const runs: Token[][] = [];
  let uneven = false;
  const inserted: Token[] = [];
  /** Rows of numbers read, and of them those with a number more than their cells before the next label. */
  let counted = 0;
  let numberMore = 0;
  let firstValue: Token | undefined;
  const { tokens, end } = text;
  const labels = text.labelsOf(table);
  const rows: RowOutcome[] = [];
  const passedOver: (Token | undefined)[] = [];
  let pos = text.start;
  /** The tokens rows were read at. */
  const labelled = new Set<number>();
  const formRows = textRows(table);
  for (let r = 0; r < formRows.length; r++) {
    const row = formRows[r]!;
    const values: { raw: string; token: Token }[] = [];
    /** Where to go on from, after a row read where it was moved to. */
    let resume: number | undefined;
    let at: Token | undefined;
    let glued: string | undefined;
    let seen: string | undefined;
    if (row.label) {
      let hit = -1;
      for (let i = pos; i < end && hit < 0; i++) {
        const t = tokens[i]!;
        if (t.blank) continue;
        if (labels.at(i).includes(row.label)) {
          hit = i;
          glued = gluedNumber(t.text, row.label);
        }
      }
      const next = hit < 0 ? nextWord(table, labels, tokens, pos, end) : -1;
      // A label a 「<br>」 broke where a copy has a row a line (「2.没有现成信息需要另行」 / 「制作\t0…」):
      // where the row should be, its beginning, and its rest on the next line.
      if (next >= 0 && labelRest(tokens, next + 1, end, row.label)) hit = next;
      if (hit < 0) {
        // A label reworded (「1.属于国家秘密的」) where the row should be is read by its place.
        if (
          next >= 0 &&
          rewordedLabel(table, labels, tokens, next, row.label) &&
          valuesFollow(tokens, next + 1, end, row.keys.length)
        ) {
          hit = next;
          seen = tokens[hit]!.text;
        } else {
          // A row moved up (two rows swapped): its label, once, among those passed over.
          hit = earlierRow(labels, tokens, text.start, pos, end, row, labelled);
          if (hit < 0) {
            rows.push({ kind: 'missing', at: tokens[pos] });
            continue;
          }
          resume = pos;
        }
      }
      labelled.add(hit);
      // Words with numbers after them between a row and the next: a row put in (「其中：网上申请」),
      // passed over. The header, before the first row, is not looked at.
      if (rows.length) {
        const put = insertedRowAt(labels, tokens, pos, hit);
        if (put) inserted.push(put);
      }
      at = tokens[hit]!;
      pos = hit + 1;
      // A label broken over lines (「（二）部分公开」 / 「（区分处理的…）」): its rest is no number.
      const rest = glued === undefined && seen === undefined ? labelRest(tokens, pos, end, row.label) : 0;
      pos += rest;
      if (glued !== undefined) {
        seen = at.text;
        values.push({ raw: glued, token: at });
      } else if (!rest && seen === undefined && matchLabel(at.text, row.label) === 'variant') seen = at.text;
    } else {
      // A row with no label of its own (table 4) starts after the header, and after a line of
      // prose (「具体情况见下表：」) that is neither a cell nor a number. The header comes first: a
      // page of the tables alone, without the parts' titles, has other tables' cells before it.
      const own = ownLabels(table);
      while (pos < end && !labels.at(pos).some((l) => own.has(l))) pos++;
      // Blank cells between the header's are passed over; those after it are the row's, left blank.
      const header = (i: number) =>
        labels.isLabel(i) || (!tokens[i]!.cell && !looksLikeValue(tokens[i]!.text));
      let after = pos;
      for (let i = pos; i < end; i++) {
        const t = tokens[i]!;
        if (t.blank) continue;
        if (!header(i)) break;
        after = i + 1;
      }
      pos = after;
      // A note put in above the row (「注：……」) is no number of it, when the row's numbers follow it.
      while (
        pos < end &&
        !tokens[pos]!.blank &&
        !looksLikeValue(tokens[pos]!.text) &&
        valuesFollow(tokens, pos + 1, end, row.keys.length)
      )
        pos++;
      at = tokens[pos];
    }
    // A row a line whose first cell is empty: its copy's line begins with the tab after that cell.
    if (!row.label && tokens[pos]?.lead && cellsFrom(labels, tokens, pos, end) === row.keys.length - 1)
      values.push({ raw: '', token: tokens[pos]! });
    const first = pos;
    // 表四's one row: a column put in shows as one blank cell too many among its numbers.
    const extra = row.label ? skip : blankTooMany(tokens, pos, end, row.keys.length);
    let passedHere: Token | undefined;
    while (values.length < row.keys.length && pos < end) {
      const t = tokens[pos]!;
      if (!t.blank && labels.isLabel(pos)) break;
      const passed =
        pos - first === extra &&
        (t.blank || filled) &&
        (row.keys.length >= 2 || (extra === 0 && numberEndsRow(labels, tokens, end, pos + 1)));
      if (!passed) values.push({ raw: t.blank ? '' : t.text, token: t });
      else passedHere = t;
      pos++;
    }
    if (filled) passedOver[rows.length] = passedHere;
    // Rows of two cells or more whose cells run one past their count up to the next label.
    if (skip === undefined && row.label && row.keys.length >= 2) {
      const next = pos + cellsFrom(labels, tokens, pos, end);
      if (next - first === row.keys.length + 1) runs.push(tokens.slice(first, next));
      else if (next - first !== row.keys.length && next < end) uneven = true;
      // (A row whose first number is glued to its label is left out: its count is its label's too.)
      if (values.length === row.keys.length && glued === undefined) {
        counted++;
        let numbers = 0;
        for (let i = first; i < next; i++)
          if (!tokens[i]!.blank && looksLikeValue(tokens[i]!.text)) numbers++;
        if (numbers === row.keys.length + 1) numberMore++;
        firstValue ??= values[0]!.token;
      }
    }
    if (resume !== undefined) pos = resume;
    if (values.length < row.keys.length) rows.push({ kind: 'short', at, got: values.length });
    // One shape for every row read, its label's variant and glued number undefined where there are none.
    else rows.push({ kind: 'read', values, at: at!, seen, glued });
  }
  // Every row with a number more than its cells, up to the next label: a column of numbers put in
  // (a 「小计」 of the 法人 columns). Which one is not known; read as they stand, its numbers went to
  // the wrong cells. (Blank cells more, where a page's editor left a 「<br>」, are no such column.)
  const extra = counted >= 2 && numberMore === counted ? { extraColumn: firstValue! } : {};
  return { rows, runs: uneven ? [] : runs, inserted, ...extra, ...(filled ? { passed: passedOver } : {}) };
}

/**
 * Headers of the table standing in another order than the form's, before its first number (see
 * movedByHeaders), and the token of the first of them.
 */
function movedHeaders(
  table: TableSpec,
  text: TableText,
): (ReturnType<typeof movedByHeaders> & { at: Token }) | undefined {
  const place = headerPlaces(table, text, headerEnd(text));
  const moved = movedByHeaders(table, place);
  if (!moved) return undefined;
  const first = Math.min(...moved.moved.map((m) => place(m.header)!));
  return { ...moved, at: text.tokens[first]! };
}

/** For a row's keys, where each key's number stands among them, its column moved (see movedByHeaders). */
function columnsFrom(table: TableSpec, columns: ReadonlyMap<number, number>) {
  const columnOf = new Map(table.cells.map((c) => [c.key, c.area.left]));
  return (keys: readonly CellKey[], i: number): number | undefined => {
    const to = columns.get(columnOf.get(keys[i]!)!);
    if (to === undefined) return undefined;
    const j = keys.findIndex((k) => columnOf.get(k) === to);
    return j < 0 ? undefined : j;
  };
}

/** Columns read by their headers, out of the form's order: what the copy has, and the form's order. */
function outOfOrder(table: TableSpec, moved: readonly MovedHeader[], at: Token, lines: LineNames): Finding {
  const here = moved.map((m) => m.header.text).join('、');
  const official = moved
    .map((m) => m.inPlaceOf)
    .sort((a, b) => a.area.left - b.area.left)
    .map((l) => l.text)
    .join('、');
  const where = lineOf(at, lines);
  return formFinding(
    table.id,
    `表头的列顺序与官方表格不同（${where}起）：这里依次是「${here}」，官方表格是「${official}」。已按各列自己的标题读取其数字；请按官方顺序排列。`,
    { at: [where] },
  );
}

const atOf = (o: RowOutcome) => o.at;

/**
 * The rows read out of the table's order (a row moved up, see earlierRow): each row read whose label
 * stands before an earlier row's or after a later row's.
 */
function rowsOutOfOrder(tokens: readonly Token[], outcomes: readonly RowOutcome[]): number[] {
  // Most copies have their rows in order, each on a later line: told so in one pass.
  let last: Token | undefined;
  let inOrder = true;
  for (let r = 0; r < outcomes.length; r++) {
    const o = outcomes[r]!;
    if (o.kind !== 'read') continue;
    if (last && o.at !== last && o.at.line <= last.line) inOrder = false;
    last = o.at;
  }
  if (inOrder) return [];
  const read = outcomes.flatMap((o, r) => (o.kind === 'read' ? [{ r, at: o.at }] : []));
  const index = new Map(tokens.map((t, i) => [t, i]));
  const at = read.map((x) => index.get(x.at)!);
  return read
    .filter((_, i) => at.some((a, j) => (j < i && a > at[i]!) || (j > i && a < at[i]!)))
    .map((x) => x.r);
}

/**
 * Reads one table from the tokens of its part into the report's `cells`, after the tables read
 * before it. Rows not found, or cut short, are errors that say where; a copy whose numbers cannot
 * be told apart from their rows is not read at all.
 */
export function readTable(table: TableSpec, text: TableText, cells: Map<CellKey, ReadCell>): TableRead {
  const findings: Finding[] = [];
  if (!isFound(table, text)) return { findings, found: false };
  const read: CellRowsRead = text.copied
    ? readCopiedRows(table, text.pieces, indexOf(table))
    : cellRows(table, text);
  if (read.extraColumn) return { findings, found: true, extraColumn: read.extraColumn };
  if (read.disorder)
    return {
      findings,
      found: true,
      disorder: read.disorder,
      ...(read.stray !== undefined ? { stray: read.stray } : {}),
    };

  /** An error: with `unread`, numbers this copy did not give whole (see Finding.unread). */
  const problem = (message: string, at: Token | undefined, unread = false) =>
    findings.push(
      formFinding(table.id, message, {
        at: [lineOf(at, text.lines)],
        severity: 'error',
        ...(unread ? { unread: true as const } : {}),
      }),
    );
  // Columns moved with their headers (a page's table laid out so) are read by their headers.
  const moved = text.copied ? undefined : movedHeaders(table, text);
  const from = moved && columnsFrom(table, moved.columns);
  if (moved) findings.push(outOfOrder(table, moved.moved, moved.at, text.lines));
  if (read.subtotal) {
    const where = lineOf(read.subtotal, text.lines);
    findings.push(
      formFinding(table.id, columnPutIn(`${where}所在的列`, read.subtotal.text.trim()), { at: [where] }),
    );
  }
  /** Rows not found: their index, and where their finding is in `findings`. */
  const missing: { row: number; finding: number; at: Token | undefined }[] = [];
  const variants: string[] = [];
  const rows = textRows(table);
  /** Where the table's last cell read is. */
  let lastRead: string | undefined;
  for (let r = 0; r < read.rows.length; r++) {
    const outcome = read.rows[r]!;
    const row = rows[r]!;
    if (outcome.kind === 'missing') {
      missing.push({ row: r, finding: findings.length, at: outcome.at });
      problem(
        row.label ? `找不到「${row.label}」这一行，该行的数字未读取。` : '找不到表格的数据行，其数字未读取。',
        outcome.at,
      );
      continue;
    }
    if (outcome.kind === 'short') {
      const what = row.label ? `「${row.label}」行` : '数据行';
      problem(
        `${what}应有 ${row.keys.length} 个数，只读到 ${outcome.got} 个（表格在此中断或缺格），该行的数字未读取。`,
        outcome.at,
        true,
      );
      continue;
    }
    if (outcome.glued !== undefined)
      variants.push(
        `「${outcome.seen}」是标签「${row.label}」与数字 ${outcome.glued} 连写（${lineOf(outcome.at, text.lines)}）`,
      );
    else if (outcome.seen !== undefined)
      variants.push(`「${outcome.seen}」按「${row.label}」读取（${lineOf(outcome.at, text.lines)}）`);
    for (let i = 0; i < row.keys.length; i++) {
      const v = outcome.values[from?.(row.keys, i) ?? i]!;
      lastRead = lineOf(v.token, text.lines);
      cells.set(row.keys[i]!, { raw: plainNumber(v.raw), address: lastRead });
    }
  }
  // Every row missing from one on to the end: the table was cut off there, and one finding says so.
  const first = missing[0];
  if (first && missing.length > 1 && missing.length === rows.length - first.row) {
    findings.splice(first.finding);
    problem(
      `表格在${lastRead ? `${lastRead}之后` : '开头'}中断：「${rows[first.row]!.label}」及以后共 ${missing.length} 行没有找到，其数字未读取。`,
      first.at,
      true,
    );
  }
  if (variants.length) {
    findings.unshift(formFinding(table.id, `标签与官方表述不同，已按官方标签读取：${variants.join('；')}。`));
  }
  if (!text.copied) {
    const moved = rowsOutOfOrder(text.tokens, read.rows);
    if (moved.length) {
      const named = moved.map((r) => `「${rows[r]!.label}」在${lineOf(atOf(read.rows[r]!), text.lines)}`);
      findings.push(
        formFinding(
          table.id,
          `有 ${moved.length} 行的上下顺序与官方表格不同：${named.join('，')}。已按各行自己的标签读取其数字；请按官方顺序排列。`,
          { at: moved.map((r) => lineOf(atOf(read.rows[r]!), text.lines)) },
        ),
      );
    }
  }
  for (const t of read.inserted ?? [])
    findings.push(
      formFinding(
        table.id,
        `${lineOf(t, text.lines)}「${clipped(t.text)}」是官方表格没有的行，其数字未读取；请删除，保持官方格式。`,
        { at: [lineOf(t, text.lines)] },
      ),
    );
  const bare =
    text.copied &&
    read.rows.some((o) => o.kind === 'read') &&
    read.rows.every((o) => o.kind !== 'read' || o.values.every((v) => v.raw === ''));
  return { findings, found: true, ...(bare ? { bare } : {}) };
}

import type { Finding } from '../report/finding.js';
import { type Area, type Pos, toAddress } from '../report/address.js';
import { matchLabel, wordingOf } from '../report/labels.js';
import { type LabelSpec, type TableSpec, tableSpecs } from '../report/model.js';
import { unitInLabel } from '../report/parse-value.js';
import type { RawValue, ReadCell, Report } from '../report/types.js';
import { type CellKey, type Edition, EDITIONS, type TableId } from '../report/types.js';
import {
  type Alignment,
  align,
  columnText,
  isBlank,
  lineText,
  ownHeadersOf,
  rewords,
  rowLabelsOf,
} from './align.js';
import {
  type Grid,
  type LabelHits,
  labelHits,
  labelLayout,
  type Located,
  locate,
  isNumberCell,
  MIN_SCORE,
  textAt,
  type TextCell,
  textCells,
} from './locate.js';
import { readHeading } from './heading.js';
import { columnPutIn, formFinding, missingTable, type SeenAt } from './findings.js';
import { TABLE_NAME, TABLE_PART } from '../report/parts.js';
import { Remembered } from '../report/remembered.js';

export type { Grid };

/**
 * The rows to move to put the table's rows back in the official order: those outside the longest
 * run of rows already in that order. A row cut and put lower is one row; two swapped are two; three
 * rotated are one. As [row, grid row].
 */
function outOfOrder(table: TableSpec, alignment: Alignment): [number, number][] {
  const { movedRows, rows } = alignment;
  const seq: [number, number][] = [];
  for (const r of rowLabelsOf(table).keys()) {
    const g = movedRows.get(r) ?? rows[r];
    if (g !== undefined) seq.push([r, g]);
  }
  seq.sort(([, a], [, b]) => a - b);
  // A row at its own place: as many rows before it in the grid as in the form. Of the longest
  // runs, the one keeping most such rows: three rows standing 3, 2, 1 are the first and the
  // last swapped, the middle one where it belongs.
  const official = seq.map(([r]) => r).sort((a, b) => a - b);
  const home = seq.map(([r], i): number => (official[i] === r ? 1 : 0));
  // The longest run in official order, by grid order (a few dozen rows: quadratic is fine).
  const best = seq.map(() => 1);
  const atHome = [...home];
  const before = seq.map(() => -1);
  for (let i = 0; i < seq.length; i++)
    for (let j = 0; j < i; j++) {
      if (seq[j]![0] >= seq[i]![0]) continue;
      const [length, kept] = [best[j]! + 1, atHome[j]! + home[i]!];
      if (length > best[i]! || (length === best[i]! && kept > atHome[i]!))
        [best[i], atHome[i], before[i]] = [length, kept, j];
    }
  const longest = Math.max(...best);
  let end = -1;
  for (let i = 0; i < seq.length; i++)
    if (best[i] === longest && (end < 0 || atHome[i]! > atHome[end]!)) end = i;
  const kept = new Set<number>();
  for (let i = end; i >= 0; i = before[i]!) kept.add(i);
  return seq.filter((_, i) => !kept.has(i)).sort(([a], [b]) => a - b);
}

export interface GridOptions {
  /** The sheet's name, for messages. */
  readonly sheet?: string;
  /** Where grid[0][0] sits on the sheet (Office.js `usedRange` need not start at A1). */
  readonly origin?: Pos;
  /**
   * The grid is a document's tables (PDF, Word), not a sheet: an empty column there comes of how
   * the page was drawn (a table's parts with different column edges), and nobody can delete it.
   */
  readonly document?: boolean;
  /** Where a grid column is on the sheet, row by row, when the grid's columns are not the sheet's. */
  readonly columnAt?: (row: number, col: number) => number;
  /**
   * Where the file tells its merges (a Word table's w:gridSpan, a PDF's ruled cells, a workbook's merged cells): for a
   * grid place that a cell to its left runs over, that cell's column; undefined for a cell's own.
   */
  readonly mergedFrom?: (row: number, col: number) => number | undefined;
}

export type GridResult =
  | {
      readonly report: Report;
      /** Tables not found whose rows' labels are on the sheet, laid out otherwise: where the first is. */
      readonly laidOtherwise?: Partial<Record<TableId, SeenAt>>;
      /** The tables found read the same in both editions (table 4 alone): another sheet must tell. */
      readonly editionUnsure?: true;
      readonly twoReports?: undefined;
    }
  | {
      readonly report?: undefined;
      readonly problem: string;
      /** Tables were found, each twice: the sheet holds two reports. */
      readonly twoReports?: true;
    };

interface Found {
  readonly located: Located;
  readonly alignment: Alignment;
}

/** The edition whose tables' labels are found most, and where its tables sit (see locate). */
export function chooseEdition(
  texts: readonly TextCell[],
  hits: LabelHits = labelHits(texts),
  rowsOnly = false,
): { edition: Edition; found: Located[]; unsure: boolean } | undefined {
  // An edition's votes are at most its labels that some text reads as: the edition that may have
  // most is located first, and one that cannot reach the votes found is not located at all.
  const bound = (edition: Edition) => {
    let n = 0;
    for (const t of tableSpecs(edition)) for (const hitsOf of hits.get(t) ?? []) if (hitsOf.length) n++;
    return n;
  };
  const bounds = new Map(EDITIONS.map((e) => [e, bound(e)]));
  const located = new Map<Edition, { found: Located[]; votes: number; unfound: number }>();
  let most = 0;
  for (const edition of [...EDITIONS].sort((a, b) => bounds.get(b)! - bounds.get(a)!)) {
    if (bounds.get(edition)! < most) continue;
    const found = tableSpecs(edition)
      .map((t) => locate(t, texts, hits, rowsOnly))
      .filter((l): l is Located => !!l && l.score >= MIN_SCORE);
    const votes = found.reduce((s, l) => s + l.votes, 0);
    // As many labels found: the edition with fewer of its tables' labels not found. 2019's 表三 is
    // 2021's with rows left out, which read as rows a clerk deleted.
    const unfound = found.reduce((s, l) => s + l.table.labels.length - l.votes, 0);
    located.set(edition, { found, votes, unfound });
    if (found.length) most = Math.max(most, votes);
  }
  // Chosen in EDITIONS' order, as two alike are told apart: one not located has fewer votes.
  let best:
    { edition: Edition; found: Located[]; votes: number; unfound: number; unsure: boolean } | undefined;
  for (const edition of EDITIONS) {
    const l = located.get(edition);
    if (!l?.found.length) continue;
    const { found, votes, unfound } = l;
    if (!best || votes > best.votes || (votes === best.votes && unfound < best.unfound))
      best = { edition, found, votes, unfound, unsure: false };
    else if (votes === best.votes && unfound === best.unfound) best.unsure = true;
  }
  return best;
}

/** Addresses made once, near the top left of a sheet: a batch's sheets hold their numbers in the same cells. */
const ADDRESSES: string[][] = [];
const ADDRESSES_KEPT = { rows: 1024, columns: 64 };
function cellAddress(row: number, col: number): string {
  if (row >= ADDRESSES_KEPT.rows || col >= ADDRESSES_KEPT.columns) return toAddress({ row, col });
  const ofRow = (ADDRESSES[row] ??= []);
  return (ofRow[col] ??= toAddress({ row, col }));
}

/** The tables located for each layout of labels met (see labelLayout): a batch's sheets share a few. */
const CHOSEN = new Remembered<string, ReturnType<typeof chooseEdition>>(200);

/** chooseEdition for a sheet, once for each layout of its labels. */
const chooseEditionOnce = (texts: readonly TextCell[]) =>
  CHOSEN.of(labelLayout(texts), () => chooseEdition(texts));

class Reading {
  readonly cells = new Map<CellKey, ReadCell>();
  readonly findings: Finding[] = [];
  constructor(
    readonly grid: Grid,
    readonly origin: Pos,
    readonly document = false,
    readonly columnAt: (row: number, col: number) => number = (_, col) => col,
    readonly mergedFrom?: (row: number, col: number) => number | undefined,
  ) {}

  address(row: number, col: number): string {
    return cellAddress(row + this.origin.row, this.columnAt(row, col) + this.origin.col);
  }

  warn(table: TableId, message: string, at: string[], severity: 'warning' | 'error' = 'warning'): void {
    this.findings.push(formFinding(table, message, { at, severity }));
  }

  readTable({ located, alignment }: Found): void {
    const { table } = located;
    for (const cell of table.cells) {
      const r = alignment.movedRows.get(cell.area.top) ?? alignment.rows[cell.area.top];
      const c = alignment.columns[cell.area.left];
      if (r === undefined || c === undefined) continue;
      const at = this.columnOfNumber(table, cell.area, r, c, alignment);
      const raw: RawValue = this.grid[r]?.[at] ?? null;
      this.cells.set(cell.key, { raw, address: this.address(r, at) });
    }
    this.reportLabels(table, alignment);
    this.reportStructure(table, alignment);
  }

  /**
   * Where a cell of the form merged over columns (「本年增/减」 over C:D) holds its number: its first
   * column, or where that is blank, the next of its columns that is not. A Word or Excel table whose
   * merges do not line up (上一年项目数量 over B:C in the rows, the change alone in D) has it there.
   * Not a column another of the form's columns is read in too (one a page drew with no width), and
   * not where the next cell of the row is blank: merged the other way (the next cell over D:E), the
   * number is that cell's.
   */
  private columnOfNumber(table: TableSpec, area: Area, r: number, c: number, alignment: Alignment): number {
    if (this.mergedFrom) return this.columnOfMerged(table, area, r, c, alignment, this.mergedFrom);
    const blankAt = (g: number | undefined) => g === undefined || isBlank(this.grid[r]?.[g]);
    // Most cells are one column wide: a blank one (a report's many) is blank, nothing looked up.
    if (area.right === area.left || !blankAt(c)) return c;
    const next = table.cells.find((x) => x.area.top === area.top && x.area.left === area.right + 1);
    if (next && blankAt(alignment.columns[next.area.left])) return c;
    for (let left = area.left + 1; left <= area.right; left++) {
      const g = alignment.columns[left];
      const shared = alignment.columns.some((o, l) => o === g && (l < area.left || l > area.right));
      if (g !== undefined && !shared && !blankAt(g)) return g;
    }
    return c;
  }

  /**
   * The same where the file tells its merges. The form's cell has the row's cell that starts at its
   * first column, blank or not. Where a cell to the left runs over that column, it is ours if it
   * starts inside another of the form's cells past that one's first column (本年新公开数量 over C:D,
   * the row's C alone and D:E merged: D:E is 对外公开总数量's); otherwise ours is the first cell that
   * starts within our columns (上一年项目数量 over B:C in the rows, 本年增/减 alone in D), or none.
   */
  private columnOfMerged(
    table: TableSpec,
    area: Area,
    r: number,
    c: number,
    alignment: Alignment,
    mergedFrom: (row: number, col: number) => number | undefined,
  ): number {
    const start = mergedFrom(r, c);
    if (start === undefined) return c;
    // The form's cell of the row the merged cell starts in, if any (not a label's columns).
    const holder = table.cells.find((x) => {
      const [from, to] = [alignment.columns[x.area.left], alignment.columns[x.area.right]];
      return (
        x.area.top === area.top && from !== undefined && to !== undefined && from <= start && start <= to
      );
    });
    if (holder && alignment.columns[holder.area.left] !== start) return start;
    for (let left = area.left + 1; left <= area.right; left++) {
      const g = alignment.columns[left];
      if (g !== undefined && mergedFrom(r, g) === undefined) return g;
    }
    return c;
  }

  /**
   * Whether grid row `g` holds the rest of the header cells above it, each completing its label: a
   * page's 「本年新<br>制作数量」 that Excel or Calc put on two rows. That is the header, not a row put in.
   */
  private headerRest(table: TableSpec, alignment: Alignment, g: number): boolean {
    const cols = alignment.columns.filter((c): c is number => c !== undefined);
    let any = false;
    for (let c = Math.min(...cols); c <= Math.max(...cols) + alignment.insertedColumns.length; c++) {
      const rest = textAt(this.grid, g, c).trim();
      if (!rest) continue;
      const head = textAt(this.grid, g - 1, c).trim();
      if (!head || !table.labels.some((l) => matchLabel(head + rest, l.text) === 'exact')) return false;
      any = true;
    }
    return any;
  }

  private reportLabels(table: TableSpec, alignment: Alignment): void {
    const variants: string[] = [];
    const variantAt: string[] = [];
    /** Rows' own labels with their words and another number (the items below a deleted one renumbered). */
    const renumbered: { at: string; seen: string; label: string }[] = [];
    for (const label of table.labels) {
      // A moved row's own label is where its numbers are read from: said once, in reportStructure.
      const moved = alignment.movedRows.has(label.area.top) && label.area.top === label.area.bottom;
      const r = moved
        ? alignment.movedRows.get(label.area.top)
        : label.area.top === label.area.bottom || alignment.rows[label.area.top] === undefined
          ? alignment.rows[label.area.top]
          : spanTop(label, alignment);
      const c = this.leftColumnOf(label, alignment);
      if (r === undefined || c === undefined) continue;
      const seen = textAt(this.grid, r, c);
      const match = matchLabel(seen, label.text);
      if (match === 'exact') continue;
      this.noteUnit(table, label, seen);
      const at = this.address(r, c);
      if (match === 'variant') {
        variants.push(`${at}「${seen.trim()}」（官方：「${label.text}」）`);
        variantAt.push(at);
      } else {
        const what = seen.trim() ? `为「${seen.trim()}」` : '是空的';
        // A row's own label reworded (a word added) says which row it is, wherever it stands.
        const ownWords =
          rowLabelsOf(table).get(label.area.top) === label && rewords(table, seen, label.area.top);
        if (ownWords && wordingOf(seen) === wordingOf(label.text)) {
          renumbered.push({ at, seen: seen.trim(), label: label.text });
          continue;
        }
        this.warn(
          table.id,
          `${at} 的标签${what}，官方文字为「${label.text}」：已按${ownWords ? '其文字' : '所在位置'}读作该项，请恢复官方文字。`,
          [at],
        );
      }
    }
    if (variants.length) {
      this.warn(
        table.id,
        `有 ${variants.length} 处标签与官方文字略有不同，已按官方项目读取：${variants.join('；')}。`,
        variantAt,
      );
    }
    if (renumbered.length) {
      const listed = renumbered.map((x) => `${x.at}「${x.seen}」（官方：「${x.label}」）`).join('；');
      this.warn(
        table.id,
        `有 ${renumbered.length} 行的编号与官方表格不同（如删去上面一行后重新编了号）：${listed}。已按各行的文字读取；请恢复官方编号。`,
        renumbered.map((x) => x.at),
      );
    }
  }

  /**
   * The grid column a label starts in: its first column's, or for a label over several columns one
   * of which was swapped in (「法人或其他组织」 over 商业企业 and 科研机构, swapped; 「行政诉讼」 over its
   * two groups), the leftmost of theirs.
   */
  private leftColumnOf(label: LabelSpec, alignment: Alignment): number | undefined {
    const { left, right } = label.area;
    if (right === left || (!alignment.movedColumns.size && !alignment.movedGroups.length))
      return alignment.columns[left];
    const cols = alignment.columns.slice(left, right + 1).filter((c): c is number => c !== undefined);
    return cols.length ? Math.min(...cols) : undefined;
  }

  /** A unit the clerk wrote into a label, kept with the amounts under it (T2-21-02, T2-19-06 read it). */
  private noteUnit(table: TableSpec, label: LabelSpec, seen: string): void {
    const unit = unitInLabel(seen);
    if (!unit || unit === unitInLabel(label.text)) return;
    for (const cell of table.cells) {
      const { top, left } = cell.area;
      if (cell.kind !== 'amount' || top <= label.area.bottom) continue;
      if (left < label.area.left || left > label.area.right) continue;
      const read = this.cells.get(cell.key);
      if (read) this.cells.set(cell.key, { ...read, labelUnit: { unit, official: label.text } });
    }
  }

  /**
   * Where a copy of the table is, in a message: its rows on a sheet, and its columns where another
   * copy stands beside it (`columns`); in a document, its first cell's place.
   */
  span(table: TableSpec, at: Pos, columns = false): string {
    if (this.document) return `${this.address(at.row, at.col)} 起`;
    const top = at.row + this.origin.row + 1;
    const rows = `第 ${top}–${top + table.rows - 1} 行`;
    if (!columns) return rows;
    const letter = (col: number) => this.address(at.row, col).replace(/\d+$/, '');
    return `${rows} ${letter(at.col)}–${letter(at.col + table.columns - 1)} 列`;
  }

  /** A copy of a table that is not read: said, so that nobody takes its numbers for the checked ones. */
  unread(located: Located, copy: Pos, underTitle: boolean): void {
    const { table, origin } = located;
    const which = underTitle ? `标题「${TABLE_PART[table.id]}」下` : '';
    // Side by side (last year's beside this year's), their rows are the same: their columns tell them apart.
    const beside = copy.row === origin.row;
    this.warn(
      table.id,
      `${this.span(table, copy, beside)}另有一份本表，未读取；读取和校验的是${this.span(table, origin, beside)}${which}的那份。多余的一份请删去，以免看错。`,
      [this.address(copy.row, copy.col)],
    );
  }

  /** A grid row in a message: its number on a sheet; in a document, its first cell's place (page, table). */
  private rowName(row: number, col: number): string {
    return this.document ? `${this.address(row, col)} 所在的行` : `第 ${row + this.origin.row + 1} 行`;
  }

  /**
   * The row whose own label grid row `g` holds too, the grid row it was read from, and the label:
   * one row twice.
   */
  private sameRowAs(
    table: TableSpec,
    alignment: Alignment,
    g: number,
  ): { row: number; read: number; label: string } | undefined {
    for (const [row, label] of rowLabelsOf(table)) {
      const read = alignment.movedRows.get(row) ?? alignment.rows[row];
      const c = alignment.columns[label.area.left];
      if (read === undefined || c === undefined || read === g) continue;
      if (matchLabel(textAt(this.grid, g, c), label.text) !== undefined)
        return { row, read, label: label.text };
    }
    return undefined;
  }

  /**
   * A second row of numbers right under a last row that has no label (表四's): last year's kept, or
   * this year's under it. The form has one; which is this year's cannot be known.
   */
  private secondNumbersRow(table: TableSpec, alignment: Alignment, first: number): void {
    const last = table.rows - 1;
    const g = alignment.rows[last];
    if (g === undefined || rowLabelsOf(table).has(last)) return;
    const cells = table.cells.filter((c) => c.area.top === last);
    const numbers = cells.every((c) => {
      const col = alignment.columns[c.area.left];
      return col !== undefined && isNumberCell(this.grid[g + 1]?.[col]);
    });
    if (!cells.length || !numbers) return;
    this.warn(
      table.id,
      `${this.rowName(g + 1, first)}紧接着又有一行数字（「${lineText(this.grid, alignment, g + 1)}」），官方表格本表只有一行数字：读取和校验的是${this.rowName(g, first)}，不能确定哪一行是本年度的。请删去多余的一行（也可能是隐藏的行），再校验。`,
      [this.address(g + 1, first), this.address(g, first)],
      'error',
    );
  }

  /**
   * Columns read where their headers are, out of the form's order (two swapped): each named, where
   * its header is, as the clerk would put them back; the places are the headers' cells.
   */
  private columnsOutOfOrder(table: TableSpec, alignment: Alignment): void {
    const headers = ownHeadersOf(table).flatMap((l) => {
      const [row, col] = [alignment.rows[l.area.top], alignment.columns[l.area.left]];
      return row === undefined || col === undefined ? [] : [{ label: l.text, row, col }];
    });
    const inOrder = headers.map((h) => h.col).sort((a, b) => a - b);
    const out = headers.filter((h, i) => h.col !== inOrder[i]);
    if (!out.length) return;
    // Each header's cell, not its column's letter: a Word or PDF table has no letters, and its cells are named.
    const named = out.map((h) => `「${h.label}」（${this.address(h.row, h.col)}）`);
    this.warn(
      table.id,
      `有 ${out.length} 列的左右顺序与官方表格不同：${named.join('、')}。已按各列自己的标题读取其数字；请按官方顺序排列。`,
      out.map((h) => this.address(h.row, h.col)),
    );
  }

  /** Groups of columns read where their headers are, out of the form's order (表四's suits): each header named where it is. */
  private groupsOutOfOrder(table: TableSpec, alignment: Alignment): void {
    const at = alignment.movedGroups.flatMap(({ header }) => {
      const [row, col] = [alignment.rows[header.area.top], alignment.columns[header.area.left]];
      return row === undefined || col === undefined
        ? []
        : [{ label: header.text, at: this.address(row, col) }];
    });
    this.warn(
      table.id,
      `表头中${at.map((h) => `「${h.label}」（${h.at}）`).join('、')}各组列的左右顺序与官方表格不同：已按各组自己的标题读取其数字；请按官方顺序排列。`,
      at.map((h) => h.at),
    );
  }

  private reportStructure(table: TableSpec, alignment: Alignment): void {
    const first = alignment.columns.find((c) => c !== undefined) ?? 0;
    for (const row of alignment.insertedRows) {
      if (this.headerRest(table, alignment, row)) continue;
      const text = lineText(this.grid, alignment, row);
      const twice = this.sameRowAs(table, alignment, row);
      if (twice) {
        // Which of them is this year's cannot be known: neither is read, nor checked by its sums.
        for (const cell of table.cells) if (cell.area.top === twice.row) this.cells.delete(cell.key);
        const both = [twice.read, row].sort((x, y) => x - y);
        const [a, b] = both.map((g) => this.rowName(g, first));
        this.warn(
          table.id,
          `${a}与${b}都是「${twice.label}」这一行（其中一行可能是隐藏的行）：不能确定哪一行是本年度的，两行都未读取，涉及这一行的等式无法校验。请删去多余的一行，再校验。`,
          both.map((g) => this.address(g, first)),
          'error',
        );
        continue;
      }
      this.warn(
        table.id,
        `${this.rowName(row, first)}是官方表格没有的行${text ? `（「${text}」）` : '（空行）'}，未读取；请删除，保持官方格式。`,
        [this.address(row, first)],
      );
    }
    this.secondNumbersRow(table, alignment, first);
    for (const col of alignment.insertedColumns) {
      const text = columnText(this.grid, alignment, col);
      if (!text && this.document) continue;
      const rows = alignment.rows.filter((r): r is number => r !== undefined);
      // Its first cell written (its header, 「小计」): a document's table is named by its cells, not
      // by letters, and the first row's cell there may be a title's merged over it.
      const top = rows.find((r) => !isBlank(this.grid[r]?.[col])) ?? rows[0] ?? 0;
      const at = this.address(top, col);
      const name = this.document ? `${at} 所在的列` : `${at.replace(/\d+$/, '')} 列`;
      this.warn(
        table.id,
        text ? columnPutIn(name, text) : `${name}是官方表格没有的空列，未读取；请删除，保持官方格式。`,
        [at],
      );
    }
    if (alignment.movedRows.size) {
      // Rows read from elsewhere yet in order (a row read from further down, past an inserted one): named as moved.
      const order = outOfOrder(table, alignment);
      const moved = order.length ? order : [...alignment.movedRows].sort(([a], [b]) => a - b);
      const named = moved.map(([row, at]) => {
        const label = rowLabelsOf(table).get(row);
        return `「${label?.text ?? `第 ${row + 1} 行`}」在${this.rowName(at, first)}`;
      });
      this.warn(
        table.id,
        `有 ${moved.length} 行的上下顺序与官方表格不同：${named.join('，')}。已按各行自己的标签读取其数字；请按官方顺序排列。`,
        moved.map(([, at]) => this.address(at, first)),
      );
    }
    if (alignment.movedColumns.size) this.columnsOutOfOrder(table, alignment);
    if (alignment.movedGroups.length) this.groupsOutOfOrder(table, alignment);
    for (const row of alignment.missingRows) {
      // A header row holds no number: its columns are found by the labels of the other rows.
      if (!table.cells.some((c) => c.area.top === row)) {
        const labels = [
          ...new Set(table.labels.filter((l) => l.area.top === row).map((l) => `「${l.text}」`)),
        ];
        this.warn(table.id, `缺少表头中${labels.join('')}所在的一行：请恢复官方格式。`, []);
        continue;
      }
      // The row's own label (「1.属于国家秘密」), not the group's that starts on it (「（三）不予公开」).
      const label = rowLabelsOf(table).get(row) ?? table.labels.find((l) => l.area.top === row);
      // Where it belongs: the label cell of the row that now stands in its place (the next one found).
      const nextRow = alignment.rows.findIndex((g, r) => r > row && g !== undefined);
      const next = nextRow < 0 ? undefined : alignment.rows[nextRow];
      const col = alignment.columns[label?.area.left ?? 0] ?? first;
      // Said as where to put it back: above the row that now stands in its place.
      const above = nextRow < 0 ? undefined : rowLabelsOf(table).get(nextRow)?.text;
      const where = above && label ? `（应在「${above}」这一行之上）` : '';
      this.warn(
        table.id,
        `${label ? `缺少「${label.text}」这一行${where}` : `缺少本表第 ${row + 1} 行（数字所在的行）`}：该行各格无法读取，涉及它的等式无法校验。`,
        next !== undefined ? [this.address(next, col)] : [],
        'error',
      );
    }
    for (const col of alignment.missingColumns) {
      // The column's lowest header label (「商业企业」), not the group's over it (「法人或其他组织」).
      const label = table.labels
        .filter((l) => l.area.left === col)
        .sort((a, b) => b.area.bottom - a.area.bottom)[0];
      this.warn(
        table.id,
        `缺少「${label?.text ?? `第 ${col + 1} 列`}」这一列：该列各格无法读取，涉及它的等式无法校验。`,
        [],
        'error',
      );
    }
  }
}

/**
 * Of a table found more than once, the copy right under its part title (「三、收到和处理…」): the
 * report's own, not one kept above it for reference. Without such a title, the one most labels
 * put in place, as for a table found once.
 */
function underItsTitle(
  located: Located,
  texts: readonly TextCell[],
): { located: Located; underTitle?: true } {
  const title = TABLE_PART[located.table.id];
  const titleRows = texts.filter((t) => matchLabel(t.text, title)).map((t) => t.pos.row);
  const all = [located.origin, ...located.copies];
  let pick: Pos | undefined;
  let gap = Infinity;
  for (const top of titleRows)
    for (const p of all) if (p.row >= top && p.row - top < gap) [pick, gap] = [p, p.row - top];
  if (!pick || pick === located.origin) return { located, ...(pick ? { underTitle: true as const } : {}) };
  return { located: { ...located, origin: pick, copies: all.filter((p) => p !== pick) }, underTitle: true };
}

/**
 * The tables found on a sheet, as a report that may lack some: a workbook can hold its tables on
 * separate sheets (see workbook.ts). Findings say which sheet they are on.
 */
/**
 * Where a label over several rows (「（五）不予处理」) stands: the first of its rows in the grid, where
 * its merged cell begins, though the row the form has first was moved within it (two rows swapped).
 * (Its first row deleted, the label went with it: that row is said missing, the label not looked for.)
 */
function spanTop(label: LabelSpec, alignment: Alignment): number | undefined {
  let top: number | undefined;
  for (let row = label.area.top; row <= label.area.bottom; row++) {
    const at = alignment.movedRows.get(row) ?? alignment.rows[row];
    if (at !== undefined && (top === undefined || at < top)) top = at;
  }
  return top;
}

export function findTables(grid: Grid, options: GridOptions = {}): GridResult {
  const texts = textCells(grid);
  const chosen = chooseEditionOnce(texts);
  const where = options.sheet ? `工作表「${options.sheet}」` : '该表';
  if (!chosen) return { problem: `${where}中没有找到年报表格（按官方标签查找表二、表三、表四均未找到）。` };

  const reading = new Reading(
    grid,
    options.origin ?? { row: 0, col: 0 },
    options.document,
    options.columnAt,
    options.mergedFrom,
  );
  const first = chosen.found[0]!;
  if (chosen.found.length > 1 && chosen.found.every((l) => l.copies.length)) {
    const both = [first.origin, ...first.copies].sort((a, b) => a.row - b.row || a.col - b.col);
    return {
      problem: `${where}中有两份年报：每张表都出现了两次（如${TABLE_NAME[first.table.id]}在${both.map((p) => reading.span(first.table, p)).join('和')}）。请把每份年报放在单独的工作表中，再分别校验。`,
      twoReports: true,
    };
  }
  const placed = chosen.found.map((l) => (l.copies.length ? underItsTitle(l, texts) : { located: l }));
  // Only rows with a 机 (机关名称) or a 报 (报告年度, 年度报告) can hold the heading: the rest are not searched.
  const headingRows = new Set(
    texts.filter((t) => t.text.includes('机') || t.text.includes('报')).map((t) => t.pos.row),
  );
  const tables = placed.map(({ located }) => ({ located, alignment: align(grid, located) }));
  for (const t of tables) reading.readTable(t);
  for (const { located, underTitle } of placed)
    for (const copy of located.copies) reading.unread(located, copy, underTitle ?? false);
  const found = tables.map((t) => t.located.table.id);
  const sheet = options.sheet;
  const laidOtherwise = labelsElsewhere(chosen.edition, found, texts, (p) => ({
    address: reading.address(p.row, p.col),
    ...(sheet ? { sheet } : {}),
  }));
  const { yearAt, agencyAt, ...heading } = readHeading(grid, headingRows);
  return {
    report: {
      edition: chosen.edition,
      ...heading,
      ...(yearAt && sheet ? { yearCell: { sheet, address: reading.address(yearAt.row, yearAt.col) } } : {}),
      ...(agencyAt && sheet
        ? { agencyCell: { sheet, address: reading.address(agencyAt.row, agencyAt.col) } }
        : {}),
      ...(sheet ? { source: sheet, sheets: Object.fromEntries(found.map((t) => [t, sheet])) } : {}),
      tables: found,
      cells: reading.cells,
      findings: sheet ? reading.findings.map((f) => ({ ...f, sheet })) : reading.findings,
    },
    ...(chosen.unsure ? { editionUnsure: true as const } : {}),
    ...(Object.keys(laidOtherwise).length ? { laidOtherwise } : {}),
  };
}

/**
 * The tables of the edition not found whose rows' labels are on the sheet, half of them or more,
 * and where the first of them is: a table laid out otherwise (its label columns merged into one).
 */
function labelsElsewhere(
  edition: Edition,
  found: readonly TableId[],
  texts: readonly TextCell[],
  address: (p: Pos) => SeenAt,
): Partial<Record<TableId, SeenAt>> {
  const out: Partial<Record<TableId, SeenAt>> = {};
  for (const table of tableSpecs(edition)) {
    if (found.includes(table.id)) continue;
    const labels = [...rowLabelsOf(table).values()];
    const seen = labels.map((l) => texts.find((t) => matchLabel(t.text, l.text) !== undefined));
    const first = seen.find(Boolean);
    if (first && seen.filter(Boolean).length * 2 >= labels.length) out[table.id] = address(first.pos);
  }
  return out;
}

/**
 * A report whose tables are not all there says so: each missing table is an error, not a silence;
 * one whose labels are there laid out otherwise (see labelsElsewhere) says that.
 */
export function withMissingTables(
  report: Report,
  laidOtherwise: Partial<Record<TableId, SeenAt>> = {},
): Report {
  const missing = tableSpecs(report.edition).filter((t) => !report.tables.includes(t.id));
  if (!missing.length) return report;
  return {
    ...report,
    findings: [...report.findings, ...missing.map((t) => missingTable(t.id, laidOtherwise[t.id]))],
  };
}

/** A sheet's cell values → the report on it, wherever it sits on the sheet. */
export function readGrid(grid: Grid, options: GridOptions = {}): GridResult {
  const r = findTables(grid, options);
  return r.report ? { report: withMissingTables(r.report, r.laidOtherwise) } : r;
}

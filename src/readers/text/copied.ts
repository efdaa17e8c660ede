import { canonicalOf, type LabelIndex } from '../../report/labels.js';
import { type TableSpec, tableSpecs } from '../../report/model.js';
import { EDITIONS } from '../../report/types.js';
import { type TextRow, textRows } from './rows.js';
import { looksLikeValue, type Token } from './tokens.js';

/**
 * Tables in text copied from a PDF (its layout kept, like `pdftotext -layout`, or in reading
 * order): no tabs mark the cells, a label wrapped in its cell comes in pieces with the row's
 * numbers on one of its lines, pieces of merged labels stand beside it, and page numbers and
 * repeated headers come in between. Such a copy is read word by word: a row is its label put
 * together again from its pieces, and the numbers met meanwhile. Only what looks like a number is
 * a number; a piece of text never is.
 */

/** A word of a copied table. */
export interface Piece {
  readonly text: string;
  readonly canon: string;
  readonly token: Token;
  readonly value: boolean;
  /** A cell of no-break spaces (see Token): empty, where a row's numbers are short of it. */
  readonly spaces?: boolean;
}

/** A page number or a 「第 3 页 共 6 页」 footer, standing alone on its line. */
export const PAGE_NUMBER =
  /^(?:[-—–－]\s*\d{1,3}\s*[-—–－]|第\s*\d+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?|\d+\s*\/\s*\d+|page\s*\d+(?:\s*of\s*\d+)?)$/i;
/** 「3.」 set apart from its label: a label's numbering, never a number. */
const NUMBERING_ONLY = /^\d+[.．、]$/;
const UNIT = /^(?:万元|元|件|个|项)$/;
/** 「。」 ends a sentence; 「2025 年 1 月」 is a date: no table cell holds either. */
const PROSE = /。|\d\s*[年月日]/;
const NUMBER = /^[\d０-９][\d０-９.．,，]*$/;
/** Longer than this, a word with digits in it is running text, not a cell written wrong. */
const MAX_CELL = 8;

/** Labels of every table, canonical: what a word with digits in it may be a piece of. */
let labels: readonly string[] | undefined;

function isLabelPiece(canon: string): boolean {
  labels ??= EDITIONS.flatMap((e) => tableSpecs(e).flatMap((t) => t.labels.map((l) => canonicalOf(l.text))));
  return labels.some((l) => l.includes(canon));
}

/** The words of the tokens from `start` to `end`: values, and pieces of text. */
export function piecesOf(tokens: readonly Token[], start: number, end: number): Piece[] {
  const out: Piece[] = [];
  const push = (text: string, token: Token, value: boolean) =>
    out.push({ text, canon: canonicalOf(text), token, value });
  /** A unit met before its number, for the number next. */
  let unit: string | undefined;
  for (let i = start; i < end; i++) {
    const token = tokens[i]!;
    if (token.spaces) {
      out.push({ text: '', canon: '', token, value: false, spaces: true });
      continue;
    }
    // The tokens of one line are its words again: 「减」 「13」 is 「减13」.
    let text = token.text.trim();
    while (i + 1 < end && tokens[i + 1]!.line === token.line) text += ` ${tokens[++i]!.text.trim()}`;
    text = text.trim();
    if (!text || PAGE_NUMBER.test(text)) continue;
    // A sentence or a date is running text, whatever numbers it holds.
    if (PROSE.test(text)) {
      push(text, token, false);
      continue;
    }
    const words = text.split(/\s+/);
    // The spaces after each word: a copy that keeps the layout sets columns wide apart.
    const gaps = words.length > 1 ? (text.match(/\s+/g) ?? []) : [];
    for (let w = 0; w < words.length; w++) {
      let word = words[w]!;
      if (PAGE_NUMBER.test(word)) continue;
      const next = words[w + 1];
      const near = (gaps[w]?.length ?? 0) <= MAX_CELL_GAP;
      // 「减 13」, 「7441.879403 万元」: one cell a copy spaced.
      if ((word === '增' || word === '减') && next && NUMBER.test(next)) word += words[++w];
      else if (NUMBER.test(word) && next && UNIT.test(next) && near) word += words[++w];
      if (unit !== undefined && NUMBER.test(word)) {
        word += unit;
        unit = undefined;
      }
      let value = looksLikeValue(word) && !NUMBERING_ONLY.test(word);
      if (!value && /\d/.test(word) && !NUMBERING_ONLY.test(word)) {
        // 「稳定”0」: the end of a label with the row's first number glued on.
        const glued = /^(.*[^\d.．,，])(\d+)$/.exec(word);
        if (glued && isLabelPiece(canonicalOf(glued[1]!))) {
          push(glued[1]!, token, false);
          push(glued[2]!, token, true);
          continue;
        }
        // 「约5」, 「2件左右」: a cell written wrong is a cell, unless it is a piece of a label or of
        // a sentence (a line of running text broken before its 「。」).
        value = word.length <= MAX_CELL && !isLabelPiece(canonicalOf(word));
      }
      // 「7441.879403」 … 「万元」: a unit the copy put after a header is the amount's, not a cell.
      // A unit a cell wrapped onto the line above its number (「7 … 元」 / 「717789」) is the next's.
      const stray = !value && AMOUNT_UNIT.test(word);
      if (stray && NUMBER.test(words[w + 1] ?? firstWord(tokens[i + 1], i + 1 < end))) unit = word;
      else if (stray && lastValue(out) >= 0) {
        const amount = lastValue(out);
        out[amount] = { ...out[amount]!, text: out[amount]!.text + word };
      } else push(word, token, value);
    }
  }
  return out;
}

const AMOUNT_UNIT = /^(?:万元|元)$/;
/** Spaces within one cell of a copy; more part two columns. */
const MAX_CELL_GAP = 2;

/** The first word of a token, where there is one to look at. */
const firstWord = (token: Token | undefined, inRange: boolean): string =>
  (inRange && token?.text.trim().split(/\s+/)[0]) || '';

/** The value just before the last two pieces or nearer, when it is a plain number; or -1. */
function lastValue(pieces: readonly Piece[]): number {
  for (let i = pieces.length - 1; i >= Math.max(0, pieces.length - 3); i--)
    if (pieces[i]!.value) return NUMBER.test(pieces[i]!.text) ? i : -1;
  return -1;
}

/** A row label as the pieces of a copy are matched against it. */
interface RowLabel {
  readonly text: string;
  readonly canon: string;
  /** A numbering 「3.」 a copy may set apart from the rest (「3.」 「危及“三安全一稳定”」). */
  readonly detachable: string;
  readonly body: string;
  /** A piece this long that begins the label begins it: 「1.属于」, not 「1.」. */
  readonly strong: number;
}

const DETACHABLE = /^\d+\./;
const NUMBERING = /^(?:\d+\.|（[一二三四五六七八九十]+）|[一二三四五六七八九十]+、)/;

function rowLabel(text: string): RowLabel {
  const canon = canonicalOf(text);
  const detachable = DETACHABLE.exec(canon)?.[0] ?? '';
  const numbering = NUMBERING.exec(canon)?.[0] ?? '';
  return {
    text,
    canon,
    detachable,
    body: canon.slice(detachable.length),
    strong: Math.min(canon.length, numbering.length + 2),
  };
}

/** What became of one row of the table. */
export type RowOutcome =
  | {
      readonly kind: 'read';
      readonly values: readonly { readonly raw: string; readonly token: Token }[];
      readonly at: Token;
      /** The label as the copy gives it, when that is not the official wording. */
      readonly seen?: string;
      /** The label's first number, glued to it (「危及“三安全一稳定”0」). */
      readonly glued?: string;
    }
  | { readonly kind: 'missing'; readonly at: Token | undefined }
  | { readonly kind: 'short'; readonly at: Token | undefined; readonly got: number };

export interface RowsRead {
  readonly rows: readonly RowOutcome[];
  /**
   * Where the copy's order is not the table's: numbers no row can own, or a row's label met
   * only after a later row's. Its numbers cannot be told apart reliably.
   */
  readonly disorder?: Token;
  /** The number no row can own that puts it out of order, where that is what does. */
  readonly stray?: string;
}

interface Start {
  /** How much of the canonical label the first piece covers. */
  readonly covered: number;
  readonly glued?: string;
  /** The piece is a variant of the whole label (other brackets, a remark added). */
  readonly variant?: boolean;
}

/** Pieces assembled into rows, in the table's order. */
class CopiedRows {
  private readonly rows: readonly TextRow[];
  private readonly labels: readonly (RowLabel | undefined)[];
  /** The table's labels, canonical: the header a row without a label follows. */
  private readonly header: readonly string[];
  private readonly outcomes: RowOutcome[] = [];
  private disorder: Token | undefined;
  private strayText: string | undefined;
  /** Values passed over since the last row read. */
  private stray: Piece[] = [];
  private pos = 0;

  constructor(
    table: TableSpec,
    private readonly pieces: readonly Piece[],
    private readonly index: LabelIndex,
  ) {
    this.rows = textRows(table);
    this.labels = this.rows.map((r) => (r.label ? rowLabel(r.label) : undefined));
    this.header = table.labels.map((l) => canonicalOf(l.text));
  }

  read(): RowsRead {
    // What stands before the table's first label (a sentence of the part) is not the table's.
    const first = this.pieces.findIndex((p) => !p.value && this.index.matches(p.text).length > 0);
    this.pos = first < 0 ? this.pieces.length : first;
    let missingCells = 0;
    this.rows.forEach((row, r) => {
      const before = this.outcomes.length;
      if (row.label) this.labelled(r);
      else this.unlabelled(r);
      const outcome = this.outcomes[before]!;
      if (outcome.kind === 'missing') {
        missingCells += row.keys.length;
        return;
      }
      // Numbers passed over belong to the rows not found just before, or to no row at all.
      if (this.stray.length && this.stray.length !== missingCells) this.outOfOrder();
      this.stray = [];
      missingCells = 0;
    });
    for (let i = this.pos; i < this.pieces.length; i++)
      if (this.pieces[i]!.value) this.stray.push(this.pieces[i]!);
    if (this.stray.length && this.stray.length !== missingCells) this.outOfOrder();
    return {
      rows: this.outcomes,
      ...(this.disorder ? { disorder: this.disorder } : {}),
      ...(this.strayText !== undefined ? { stray: this.strayText } : {}),
    };
  }

  /** Numbers passed over that no row can own: the first of them is where the order breaks. */
  private outOfOrder(): void {
    if (this.disorder) return;
    this.disorder = this.stray[0]!.token;
    this.strayText = this.stray[0]!.text;
  }

  /** Whether piece `p` begins row `r`'s label, and how. */
  private startOf(p: Piece, r: number): Start | undefined {
    const label = this.labels[r];
    if (!label || p.value || !p.canon) return undefined;
    const c = p.canon;
    if (c === label.canon) return { covered: c.length };
    // The row looked for may begin with less than a later one must: 「（七）总」 wrapped before 「计」.
    if (label.canon.startsWith(c))
      return c.length >= Math.max(2, label.strong - 1) ? { covered: c.length } : undefined;
    if (label.detachable && c.length >= Math.min(3, label.body.length) && label.body.startsWith(c))
      return { covered: label.detachable.length + c.length };
    if (c.startsWith(label.canon) && /^\d+$/.test(c.slice(label.canon.length)))
      return { covered: label.canon.length, glued: c.slice(label.canon.length) };
    if (this.index.matches(p.text).includes(label.text))
      return { covered: label.canon.length, variant: true };
    return undefined;
  }

  /** A piece that can only begin a row after `r`: its label, or the label's numbering and more. */
  private laterStart(p: Piece, r: number): boolean {
    for (let k = r + 1; k < this.labels.length; k++) {
      const l = this.labels[k];
      if (l && l.canon.startsWith(p.canon) && p.canon.length >= l.strong) return true;
    }
    return false;
  }

  private labelled(r: number): void {
    const label = this.labels[r]!;
    const k = this.rows[r]!.keys.length;
    // The label's first piece; numbers passed over are noted, a later row's label passed is disorder.
    let start: Start | undefined;
    let later: Token | undefined;
    const passed: Piece[] = [];
    let i = this.pos;
    for (; i < this.pieces.length; i++) {
      const p = this.pieces[i]!;
      if (p.value) {
        passed.push(p);
        continue;
      }
      start = this.startOf(p, r);
      if (start) break;
      if (!later && this.laterStart(p, r)) later = p.token;
    }
    if (!start) {
      this.outcomes.push({ kind: 'missing', at: this.pieces[this.pos]?.token });
      return;
    }
    if (later) this.disorder ??= later;
    this.stray.push(...passed);
    const first = this.pieces[i]!;
    let covered = start.covered;
    const seen = [first.text];
    const values: { raw: string; token: Token }[] = [];
    if (start.glued !== undefined) values.push({ raw: start.glued, token: first.token });
    let last = i;
    let foreign = 0;
    const complete = () => covered >= label.canon.length;
    // The row's cells in order, cells of no-break spaces among them.
    const cells: { raw: string; token: Token; at: number }[] = [];
    for (let j = i + 1; j < this.pieces.length && !(complete() && values.length >= k); j++) {
      const p = this.pieces[j]!;
      if (p.spaces) {
        cells.push({ raw: '', token: p.token, at: j });
        continue;
      }
      if (p.value) {
        if (values.length >= k) break;
        values.push({ raw: p.text, token: p.token });
        cells.push({ ...values.at(-1)!, at: j });
        last = j;
        foreign = 0;
        continue;
      }
      if (!complete() && label.canon.startsWith(p.canon, covered)) {
        covered += p.canon.length;
        seen.push(p.text);
        last = j;
        foreign = 0;
        continue;
      }
      if (this.startOf(p, r + 1) || this.laterStart(p, r)) break;
      // The rest of a label comes within a few pieces of what it follows, or not at all.
      if (values.length >= k && ++foreign > 3) break;
    }
    this.pos = last + 1;
    // Numbers short of the row, and empty cells that make it whole: those cells are its own.
    if (values.length < k && filled(cells, values.length, k)) {
      values.splice(0, values.length, ...cells.map(({ raw, token }) => ({ raw, token })));
      this.pos = Math.max(this.pos, cells[k - 1]!.at + 1);
    }
    if (values.length && values.length < k) {
      this.outcomes.push({ kind: 'short', at: first.token, got: values.length });
      return;
    }
    const asSeen = seen.join('');
    const exact = complete() && !start.variant && start.glued === undefined;
    this.outcomes.push({
      kind: 'read',
      // Nothing between this label and the next: a row left empty (a copy drops empty cells).
      values: values.length ? values : Array.from({ length: k }, () => ({ raw: '', token: first.token })),
      at: first.token,
      ...(exact ? {} : { seen: asSeen }),
      ...(start.glued !== undefined ? { glued: start.glued } : {}),
    });
  }

  /** A row without a label of its own (table 4): the numbers after the header. */
  private unlabelled(r: number): void {
    const k = this.rows[r]!.keys.length;
    const values: { raw: string; token: Token }[] = [];
    const cells: { raw: string; token: Token; at: number }[] = [];
    let i = this.pos;
    for (; i < this.pieces.length && values.length < k; i++) {
      const p = this.pieces[i]!;
      if (p.spaces) cells.push({ raw: '', token: p.token, at: i });
      else if (p.value) {
        values.push({ raw: p.text, token: p.token });
        cells.push({ ...values.at(-1)!, at: i });
      } else if (values.length && this.laterStart(p, r)) break;
      else if (values.length && p.canon && this.header.some((h) => h.includes(p.canon))) {
        // The header's words among the row's numbers (「…总计 31 6 17 4 结果 其他 复议后起诉 …」): a
        // copy in reading order laid the header's lines and the numbers' between each other. Which
        // number is whose is not known: the table is not read.
        this.disorder ??= p.token;
        break;
      }
    }
    this.pos = i;
    if (values.length < k && filled(cells, values.length, k)) {
      values.splice(0, values.length, ...cells.map(({ raw, token }) => ({ raw, token })));
      this.pos = cells[k - 1]!.at + 1;
    }
    if (values.length < k) {
      this.outcomes.push(
        values.length
          ? { kind: 'short', at: values[0]!.token, got: values.length }
          : { kind: 'missing', at: this.pieces[this.pos]?.token },
      );
      return;
    }
    this.outcomes.push({ kind: 'read', values, at: values[0]!.token });
  }
}

/**
 * Whether a row's numbers, short of its `k` cells, and the empty cells met among them are just its
 * `k` cells. One more, and they are not all cells (a spacer paragraph): the row stays short.
 */
const filled = (cells: readonly unknown[], numbers: number, k: number) => numbers > 0 && cells.length === k;

/** The rows of `table` from the words of a copied PDF. */
export function readCopiedRows(table: TableSpec, pieces: readonly Piece[], index: LabelIndex): RowsRead {
  return new CopiedRows(table, pieces, index).read();
}

import { canonicalOf } from '../../report/labels.js';
import { tableSpecs } from '../../report/model.js';
import { EDITIONS } from '../../report/types.js';
import { type DocBlock, shownColumn, struckThrough } from '../text/document.js';
import type { PageContent, Rule, TextPiece } from './page.js';
import { type RuledTable, ruledTables } from './ruled.js';

/** A page number or a 「第 3 页 共 6 页」 footer: not the report's text. */
const PAGE_NUMBER =
  /^(?:[-—–－\s]*\d{1,3}[-—–－\s]*|第\s*\d+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?|\d+\s*\/\s*\d+|page\s*\d+(?:\s*of\s*\d+)?)$/i;
/** Headers and footers stand in this share of the page's height from its top or bottom. */
const MARGIN = 0.12;

interface PieceTable {
  /** The last page it is on. */
  page: number;
  readonly top: number;
  xs: readonly number[];
  rows: (string | null)[][];
  /** Whether each place is run over by the cell to its left (no rule between them on that row). */
  joined: boolean[][];
  /**
   * The page and table row each row came from, for addresses; and which of the page's tables, top
   * first, where the page has several.
   */
  origin: { page: number; row: number; table?: number }[];
}

type Placed =
  { readonly y: number; readonly line: string } | { readonly y: number; readonly table: PieceTable };

/** Pieces in reading order: top to bottom by line, then left to right. */
function inLines(pieces: readonly TextPiece[]): TextPiece[][] {
  const sorted = [...pieces].sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: TextPiece[][] = [];
  for (const p of sorted) {
    const line = lines[lines.length - 1];
    if (line && Math.abs(line[0]!.y - p.y) <= Math.max(line[0]!.size, p.size) * 0.4) line.push(p);
    else lines.push([p]);
  }
  for (const line of lines) line.sort((a, b) => a.x - b.x);
  return lines;
}

/** A line's text: pieces far apart (table cells, a signature) get a tab, a word gap a space. */
function lineText(line: readonly TextPiece[]): string {
  let text = '';
  let end = -Infinity;
  for (const p of line) {
    const gap = p.x - end;
    if (text) text += gap > p.size * 1.5 ? '\t' : gap > p.size * 0.25 ? ' ' : '';
    text += p.text;
    end = p.x + p.width;
  }
  return text;
}

/** A cell's text: its lines one after the other, as a label wrapped in its cell reads. */
const cellText = (pieces: readonly TextPiece[]) =>
  inLines(withoutMarks(pieces))
    .map((l) => l.map((p) => p.text).join(''))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();

/** A footnote's mark: digits or a sign, set small and raised (「15¹」). */
const MARK = /^[\d*＊†‡※]{1,2}$/;

/**
 * A cell's pieces without the footnote marks set after its numbers (「314」 and a small raised
 * 「2」): read with them, the number was another (2314, its mark taken for a line above it). A mark
 * is a piece much smaller than a number it follows, and above that number's baseline.
 */
function withoutMarks(pieces: readonly TextPiece[]): readonly TextPiece[] {
  if (pieces.length < 2) return pieces;
  const isMark = (m: TextPiece) =>
    MARK.test(m.text.trim()) &&
    pieces.some(
      (n) =>
        n !== m &&
        /\d$/.test(n.text.trim()) &&
        m.size <= n.size * 0.8 &&
        m.y - n.y >= n.size * 0.2 &&
        m.y - n.y <= n.size &&
        Math.abs(m.x - (n.x + n.width)) <= n.size * 0.5,
    );
  return pieces.some(isMark) ? pieces.filter((p) => !isMark(p)) : pieces;
}

function slotOf(edges: readonly number[], v: number, descending: boolean): number {
  for (let i = 0; i + 1 < edges.length; i++) {
    const [a, b] = descending ? [edges[i + 1]!, edges[i]!] : [edges[i]!, edges[i + 1]!];
    if (v >= a && v < b) return i;
  }
  return -1;
}

/**
 * A line of a cell's text that the page's end left just under the table it cut (a merged label's
 * 「开」 of 「（三）不予公开」): its top touches the table's bottom, in a column the page cut open.
 */
function spiltBelow(t: RuledTable, p: TextPiece, cx: number): boolean {
  const bottom = t.ys[t.ys.length - 1]!;
  return (
    t.openBelow.some(([a, b]) => cx >= a && cx < b) &&
    p.y < bottom &&
    p.y + p.size >= bottom - SPILL &&
    p.y + p.size <= bottom + SPILL
  );
}

/** How far (points) a spilt line's top may stand from the edge the page cut the table at. */
const SPILL = 2.5;

/** A piece's characters cross a column rule by more than this (points): it spans two cells. */
const CROSSING = 1;

/**
 * A piece of text that runs across a column rule is the text of two cells that the PDF wrote as
 * one run (narrow number columns printed by Chromium: 「3」 and 「3525」 as 「33525」): it is cut
 * into its characters, each placed where it stands. Characters of one piece are taken as equally
 * wide, as digits are.
 */
function splitAtRules(p: TextPiece, tables: readonly RuledTable[]): TextPiece[] {
  const chars = [...p.text];
  if (chars.length < 2) return [p];
  const cy = p.y + p.size * 0.3;
  const crossed = tables.some(
    (t) =>
      cy <= t.ys[0]! &&
      cy >= t.ys[t.ys.length - 1]! &&
      t.xs.some((x) => x > p.x + CROSSING && x < p.x + p.width - CROSSING),
  );
  if (!crossed) return [p];
  const w = p.width / chars.length;
  return chars.map((text, i) => ({ ...p, text, x: p.x + i * w, width: w }));
}

/**
 * A line through the middle of a piece, no longer than it (not a table's rule): the piece is struck
 * through, as a deletion shows with its revision marks (an underline, below the text, is an insertion).
 */
function isStruck(p: TextPiece, rules: readonly Rule[]): boolean {
  return rules.some(
    (r) =>
      r.horizontal &&
      r.at >= p.y + p.size * 0.15 &&
      r.at <= p.y + p.size * 0.6 &&
      r.from <= p.x + 1 &&
      r.to >= p.x + p.width - 1 &&
      r.to - r.from <= p.width + p.size,
  );
}

/** One page: its tables as rows of cells, its other text as lines, top to bottom. */
function pageBlocks(page: PageContent): Placed[] {
  const tables = ruledTables(page.rules);
  const inCell = tables.map((t) => t.origins.map(() => [] as TextPiece[]));
  const free: TextPiece[] = [];
  const marked = page.pieces.map((p) =>
    isStruck(p, page.rules) ? { ...p, text: struckThrough(p.text) } : p,
  );
  const pieces = tables.length ? marked.flatMap((p) => splitAtRules(p, tables)) : marked;
  for (const p of pieces) {
    const cx = p.x + p.width / 2;
    const cy = p.y + p.size * 0.3;
    const k = tables.findIndex(
      (t) => cx >= t.xs[0]! && cx <= t.xs[t.xs.length - 1]! && cy <= t.ys[0]! && cy >= t.ys[t.ys.length - 1]!,
    );
    const t: RuledTable | undefined = tables[k];
    const row = t ? slotOf(t.ys, cy, true) : -1;
    const col = t ? slotOf(t.xs, cx, false) : -1;
    const spilt = t ? -1 : tables.findIndex((u) => spiltBelow(u, p, cx));
    if (t && row >= 0 && col >= 0) inCell[k]![t.cell[row]![col]!]!.push(p);
    else if (spilt >= 0) {
      const u = tables[spilt]!;
      inCell[spilt]![u.cell[u.ys.length - 2]![slotOf(u.xs, cx, false)]!]!.push(p);
    } else free.push(p);
  }
  /** A table's place among the page's, top first (1 the first). */
  const nth = (k: number) =>
    1 +
    tables.filter((u, j) => u.ys[0]! > tables[k]!.ys[0]! || (u.ys[0] === tables[k]!.ys[0] && j < k)).length;
  const placed: Placed[] = tables.map((t, k) => {
    const at = (c: number, i: number, j: number) => t.origins[c]!.row === i && t.origins[c]!.col === j;
    // A sliver row with no text at all comes of borders drawn a little apart: it is no row.
    const kept = t.cell
      .map((_, i) => i)
      .filter((i) => t.cell[i]!.some((c, j) => at(c, i, j) && inCell[k]![c]!.length));
    const rows = kept.map((i) => t.cell[i]!.map((c, j) => (at(c, i, j) ? cellText(inCell[k]![c]!) : null)));
    const joined = kept.map((i) =>
      t.cell[i]!.map((c, j) => t.origins[c]!.row === i && t.origins[c]!.col < j),
    );

    return {
      y: t.ys[0]!,
      table: {
        page: page.number,
        top: t.ys[0]!,
        xs: t.xs,
        rows,
        joined,
        origin: rows.map((_, row) => ({
          page: page.number,
          row,
          ...(tables.length > 1 ? { table: nth(k) } : {}),
        })),
      },
    };
  });
  const lines = inLines(free);
  const right = (l: readonly TextPiece[]) => l[l.length - 1]!.x + l[l.length - 1]!.width;
  const full = Math.max(0, ...lines.map(right));
  const left = Math.min(...lines.map((l) => l[0]!.x));
  // A line that runs to the right margin from the left one (a first line indented two characters):
  // one set to the right (a signature, its date) is no line of a paragraph, full as it may be.
  const runsFull = (l: readonly TextPiece[]) =>
    right(l) >= full - l[0]!.size * 1.5 && l[0]!.x <= left + l[0]!.size * 3;
  let previous: { y: number; line: string; full: boolean } | undefined;
  for (const line of lines) {
    const text = lineText(line);
    const y = line[0]!.y;
    const margin = y < page.height * MARGIN || y > page.height * (1 - MARGIN);
    if (margin && PAGE_NUMBER.test(text.trim())) continue;
    // A paragraph wrapped by the page: a full line not ending a sentence goes on in the next one.
    // Lines of cells spaced apart (a table drawn without rules) are rows, never a paragraph.
    if (
      previous?.full &&
      !previous.line.includes('\t') &&
      !text.includes('\t') &&
      !/[。：:；;！？!?]$/.test(previous.line) &&
      !/^[一二三四五六七八九十]、/.test(text.trim())
    ) {
      previous.line += text.trim();
      previous.full = runsFull(line);
      continue;
    }
    previous = { y, line: text, full: runsFull(line) };
    placed.push(previous);
  }
  return placed.sort((a, b) => b.y - a.y);
}

const rowText = (row: readonly (string | null)[]) => row.map((c) => c ?? '').join('|');
const isNumber = (c: string | null) => c !== null && /^[\d.,，]+$/.test(c.replace(/\s/g, ''));

const near = (a: number, b: number) => Math.abs(a - b) <= 3;

/** Column edges of one part of a table that the other part may lack: those of merged label cells. */
const LABEL_EDGES = 2;

/**
 * The next page's table goes on with this one: nothing but a page break between, the same right
 * edge, a left edge that is one of the other's, and the same columns but for edges one part lacks (a
 * row broken onto the next page has its cells merged, a merged label column carried over may not be
 * drawn at all) or a few label edges each lacks. Parts that each have number columns of their own
 * are two tables, each drawn with its own columns (a table its writer split in two): read as such.
 */
function continues(a: PieceTable, b: PieceTable): boolean {
  const among = (x: number, edges: readonly number[]) => edges.some((e) => near(e, x));
  const lacking = (p: readonly number[], q: readonly number[]) => p.filter((x) => !among(x, q)).length;
  const [ofA, ofB] = [lacking(a.xs, b.xs), lacking(b.xs, a.xs)];
  return (
    b.page === a.page + 1 &&
    near(a.xs.at(-1)!, b.xs.at(-1)!) &&
    (among(b.xs[0]!, a.xs) || among(a.xs[0]!, b.xs)) &&
    (ofA === 0 || ofB === 0 || (ofA <= LABEL_EDGES && ofB <= LABEL_EDGES))
  );
}

/** A part's rows laid on finer columns: a cell over several keeps its text in the first. */
function relay(t: PieceTable, to: readonly number[]): void {
  const start = t.xs.map((x) => to.findIndex((e) => near(e, x)));
  t.rows = t.rows.map((row) => {
    const out: (string | null)[] = Array.from({ length: to.length - 1 }, () => null);
    row.forEach((c, j) => (out[start[j]!] = c));
    return out;
  });
  // The finer columns within a cell are run over by it.
  t.joined = t.joined.map((row) => {
    const out = Array.from({ length: to.length - 1 }, () => true);
    row.forEach((j, c) => (out[start[c]!] = j));
    return out;
  });
  t.xs = to;
}

/** Both parts on the same columns: every edge either has. */
function onColumns(a: PieceTable, b: PieceTable): void {
  // As many columns each, the same edges at both ends: the label columns drawn narrower or wider on
  // one page (a merged label cell carried over, squeezed) are the same columns, one for one.
  if (a.xs.length === b.xs.length && near(a.xs[0]!, b.xs[0]!) && near(a.xs.at(-1)!, b.xs.at(-1)!)) {
    b.xs = [...a.xs];
    return;
  }
  const edges = [...a.xs];
  for (const x of b.xs) if (!edges.some((e) => near(e, x))) edges.push(x);
  edges.sort((p, q) => p - q);
  if (edges.length !== a.xs.length) relay(a, edges);
  if (edges.length !== b.xs.length) relay(b, edges);
}

let labels: ReadonlySet<string> | undefined;
/** Text that is an official label by itself, not the rest of one. */
function isLabel(text: string): boolean {
  labels ??= new Set(
    EDITIONS.flatMap((e) => tableSpecs(e).flatMap((t) => t.labels.map((l) => canonicalOf(l.text)))),
  );
  return labels.has(canonicalOf(text));
}

/**
 * The part of a table on the next page joined to the part before it: a repeated header is dropped,
 * and text at the top of a column that carries on a label broken by the page (a merged label cell
 * still open, or a row whose label wrapped onto the next page) goes back to that label.
 */
function join(a: PieceTable, b: PieceTable): void {
  let skip = 0;
  while (skip < b.rows.length && skip < a.rows.length && rowText(b.rows[skip]!) === rowText(a.rows[skip]!))
    skip++;
  const first = b.rows[skip];
  const last = a.rows.length - 1;
  if (first && last >= 0) {
    /** The cell above column j's bottom: the last row's, or the merged cell that covers it. */
    const owner = (j: number) => {
      let r = last;
      while (r > 0 && a.rows[r]![j] === null) r--;
      return r;
    };
    // Carried on: the label above is whole with this text, and was not whole by itself, or this
    // text is none (「其他」, 表三's header, is the beginning of 表四's 「其他结果」 too).
    const carried = (c: string | null, j: number) => {
      const above = a.rows[owner(j)]![j];
      return !!c && !!above && !isNumber(c) && (!isLabel(above) || !isLabel(c)) && isLabel(above + c);
    };
    const labelOnly = first.every((c) => !c || !isNumber(c));
    first.forEach((c, j) => {
      if (!carried(c, j)) return;
      a.rows[owner(j)]![j] += c!;
      first[j] = labelOnly ? '' : null;
    });
    if (labelOnly && first.every((c) => !c)) skip++;
    // A row broken by the page in the middle of a number (「74」 / 「5」, a narrow 总计 column wraps it):
    // nothing but digits on the next page, each under a number of the row above. A row of the form
    // has a label, or more numbers than it has (表四's): no row stands so alone.
    const above = a.rows[last]!;
    const filled = first.flatMap((c, j) => (c ? [j] : []));
    if (
      !labelOnly &&
      filled.length > 0 &&
      filled.length * 2 < first.length &&
      filled.every((j) => isNumber(first[j]!) && isNumber(above[j] ?? null))
    ) {
      for (const j of filled) above[j] += first[j]!.trim();
      skip++;
    }
  }
  a.rows.push(...b.rows.slice(skip));
  a.joined.push(...b.joined.slice(skip));
  a.origin.push(...b.origin.slice(skip));
  a.page = b.page;
}

/** Lines that stand at the same place on several pages (a running header or footer): kept once. */
function repeated(pages: readonly Placed[][], heights: readonly number[]): Set<string> {
  const seen = new Map<string, number>();
  pages.forEach((placed, p) => {
    for (const b of placed) {
      if (!('line' in b)) continue;
      const h = heights[p]!;
      if (b.y > h * MARGIN && b.y < h * (1 - MARGIN)) continue;
      const key = b.line.trim();
      seen.set(key, (seen.get(key) ?? 0) + 1);
    }
  });
  return new Set([...seen].filter(([, n]) => n >= 2 && pages.length >= 2).map(([k]) => k));
}

/** A PDF's pages as the blocks of a document: tables split over pages joined, page furniture dropped. */
export function pdfBlocks(pages: readonly PageContent[]): DocBlock[] {
  const placed = pages.map(pageBlocks);
  const furniture = repeated(
    placed,
    pages.map((p) => p.height),
  );
  const kept = new Set<string>();
  const blocks: DocBlock[] = [];
  let open: PieceTable | undefined;
  placed.forEach((page, p) => {
    for (const b of page) {
      if ('line' in b) {
        const key = b.line.trim();
        if (furniture.has(key)) {
          if (kept.has(key)) continue;
          kept.add(key);
        }
        open = undefined;
        blocks.push({ line: b.line, page: pages[p]!.number });
        continue;
      }
      if (open && continues(open, b.table)) {
        onColumns(open, b.table);
        join(open, b.table);
        continue;
      }
      const t = b.table;
      open = t;
      const joined = (r: number, c: number) => t.joined[r]?.[c] === true;
      blocks.push({
        table: {
          get rows() {
            return t.rows;
          },
          where: (r, c) => {
            const o = t.origin[r];
            if (!o) return `第${t.page}页`;
            const table = o.table === undefined ? '表格' : `第${o.table}个表格`;
            return `第${o.page}页${table}第${o.row + 1}行第${shownColumn(joined, r, c)}列`;
          },
          joined,
          pageOf: (r) => t.origin[r]?.page,
        },
      });
    }
  });
  return blocks;
}

/** Text this far (points) past the page's right edge is cut off where the page ends: not all shown. */
const OVER_EDGE = 1;

/** The first page whose text runs off its right edge (a table wider than the page, cut by the export). */
export function cutOffPage(pages: readonly PageContent[]): PageContent | undefined {
  return pages.find((p) => p.pieces.some((x) => x.x + x.width > p.width + OVER_EDGE));
}

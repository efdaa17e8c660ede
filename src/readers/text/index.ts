import { withoutInvisible } from '../../report/shown.js';
import type { Finding } from '../../report/finding.js';
import { TABLE_NAME } from '../../report/parts.js';
import { cellSpec, tableSpec, tableSpecs } from '../../report/model.js';
import { identities } from '../../report/identities.js';
import { PART_TITLES } from '../../report/parts.js';
import type { PublishedText, ReadCell, Report } from '../../report/types.js';
import { type CellKey, type Edition, EDITIONS, type TableId } from '../../report/types.js';
import { formFinding, missingTable } from '../findings.js';
import { normalizeGlyphs } from './glyphs.js';
import { isSignatureLine, readMeta } from './meta.js';
import { PAGE_NUMBER, type Piece, piecesOf } from './copied.js';
import { findParts, misplacedParts, reportEnd, reportRuns } from './parts.js';
import {
  labelVotes,
  type LineNames,
  lineOf,
  readTable,
  tableCopies,
  type TableRead,
  TableText,
} from './tables.js';
import { looksLikeValue, type Token, tokenize } from './tokens.js';

export type TextResult =
  | { readonly report: Report; readonly problem?: undefined }
  | {
      readonly report?: undefined;
      readonly problem: string;
      /** Nothing in it is of a report: no label of the form, no part's title, no 「政府信息公开」, no 「年度报告」. */
      readonly notReport?: true;
      /** No table read and no part's title: a 解读 or a news item about a report, or one badly damaged. */
      readonly noReportParts?: true;
    };

/**
 * Words every report has, in its title at least: a text without them, and without a part's title,
 * is something else. Not 「年报」: a supervisor's own notes say it (「2024年年报审核进度」).
 */
const REPORT_WORDS = /政府信息公开|年度报告/;

const PART_OF: Readonly<Record<TableId, number>> = { t2: 1, t3: 2, t4: 3 };

/** Token range of part `p`: after its title (or the previous title found) up to the next title found. */
function partRange(parts: readonly number[], p: number, length: number): [number, number] {
  const before = parts.slice(0, p + 1).filter((x) => x >= 0);
  const start = parts[p]! >= 0 ? parts[p]! + 1 : before.length ? before[before.length - 1]! + 1 : 0;
  const end = parts.slice(p + 1).find((x) => x >= start) ?? length;
  return [start, end];
}

function partText(tokens: readonly Token[], parts: readonly number[], p: number): string | undefined {
  if (parts[p]! < 0) return undefined;
  const [start, end] = partRange(parts, p, tokens.length);
  let last = end;
  if (end === tokens.length)
    while (last > start && (!tokens[last - 1]!.text || isSignatureLine(tokens[last - 1]!.text))) last--;
  // An empty line between two lines of text is kept: a paragraph ends there. A page number
  // (「- 3 -」) is left out, and the page's break with it: a sentence goes on over it. The lines are
  // joined once: a string added to line by line is flattened later by the first search of it, at
  // several times the cost.
  const lines: string[] = [];
  let line = -1;
  let broken = false;
  for (let i = start; i < last; i++) {
    const t = tokens[i]!;
    if (!t.text) continue;
    const skip = t.line !== line && mayBePageNumber(t.text) ? pageNumberEnd(tokens, i, last) : i;
    if (skip > i) {
      broken = true;
      i = skip - 1;
      continue;
    }
    if (lines.length && t.line > line + 1 && !broken) lines.push('');
    lines.push(t.text);
    line = t.line;
    broken = false;
  }
  return lines.join('\n');
}

/** Whether a line that begins with this text may be a page number: 「-」, 「第」, 「page」, or 「3/6」. */
function mayBePageNumber(text: string): boolean {
  const c = text.charCodeAt(0);
  // 「-」 「—」 「–」 「－」 「第」 「p」 「P」
  if (c === 0x2d || c === 0x2014 || c === 0x2013 || c === 0xff0d || c === 0x7b2c || c === 0x70 || c === 0x50)
    return true;
  return c >= 0x30 && c <= 0x39 && text.length <= 9 && text.includes('/');
}

/**
 * Past the page number whose line begins at token `i` (「- 3 -」, tokens 「-」 「3」 「-」), or `i` when
 * the line is no page number.
 */
function pageNumberEnd(tokens: readonly Token[], i: number, end: number): number {
  let j = i + 1;
  while (j < end && tokens[j]!.line === tokens[i]!.line) j++;
  if (j - i > 5) return i;
  let line = '';
  for (let k = i; k < j; k++) line += tokens[k]!.text;
  return PAGE_NUMBER.test(line) ? j : i;
}

/**
 * Where each part's title is, and each part's text. A part put out of order is looked for in the
 * whole text (`all`): after the report's date line too.
 */
export function publishedText(
  tokens: readonly Token[],
  parts: readonly number[],
  all: readonly Token[] = tokens,
): PublishedText {
  const misplaced = misplacedParts(all, parts);
  return {
    titles: parts.map((i) => (i >= 0 ? tokens[i]!.line : -1)),
    parts: PART_TITLES.map((_, p) => partText(tokens, parts, p)),
    ...(misplaced.length ? { misplaced } : {}),
  };
}

/** The tokens of each table's part, the same for both editions. */
function tableTexts(
  tokens: readonly Token[],
  parts: readonly number[],
  lines: LineNames,
): Record<TableId, TableText> {
  const of = (id: TableId) => new TableText(tokens, ...partRange(parts, PART_OF[id], tokens.length), lines);
  return { t2: of('t2'), t3: of('t3'), t4: of('t4') };
}

/** Labels of the edition's tables met in their parts; only the edition with more is read. */
function editionVotes(edition: Edition, texts: Record<TableId, TableText>): number {
  let votes = 0;
  for (const t of tableSpecs(edition)) votes += labelVotes(t, texts[t.id]);
  return votes;
}

/** The edition with the most labels in the parts: of two alike, 2019's for a report of before 2021. */
function bestEdition(
  texts: Record<TableId, TableText>,
  year: number | undefined,
): { edition: Edition; votes: number } {
  let best = { edition: EDITIONS[0]!, votes: editionVotes(EDITIONS[0]!, texts) };
  for (let i = 1; i < EDITIONS.length; i++) {
    const b = { edition: EDITIONS[i]!, votes: editionVotes(EDITIONS[i]!, texts) };
    if (b.votes > best.votes || (b.votes === best.votes && (year ?? 2021) < 2021 && b.edition === '2019'))
      best = b;
  }
  return best;
}

/** A table read from its part. */
interface TableReading {
  readonly id: TableId;
  readonly read: TableRead;
}

/**
 * Each table of the edition read from its part, into `cells` one after the other. Arrays made by
 * loops, not by `map`: in optimised code, an array `map` made there and one it made before are of
 * other kinds, and each batch's first reports undid the optimised reading for that.
 */
function readTables(
  edition: Edition,
  texts: Record<TableId, TableText>,
  cells: Map<CellKey, ReadCell>,
): TableReading[] {
  const reads: TableReading[] = [];
  for (const spec of tableSpecs(edition))
    reads.push({ id: spec.id, read: readTable(spec, texts[spec.id], cells) });
  return reads;
}

/**
 * A table whose numbers cannot be told apart from their rows in this copy: one error, nothing read.
 * Where a number no row can own is the cause, it is named: a number too many (a column put in, a
 * cell filled twice) does that as well as a copy that shuffles the table.
 */
function unreliable(id: TableId, at: readonly string[], stray?: string): Finding {
  const why =
    stray !== undefined && at[0]
      ? `${at[0]}的「${stray}」不属于任何一行（表中多了数，如多出一列或一格；或数字与标签的先后顺序被打乱，从 PDF 按阅读顺序复制的文字常见）`
      : '数字与标签的先后顺序被打乱（从 PDF 按阅读顺序复制的文字常见）';
  return formFinding(
    id,
    `${TABLE_NAME[id]}无法从这段文字可靠读取：${why}，为免读错，该表的数字未读取。请核对原文；从 PDF 复制的文字，请直接校验 PDF 文件，或从网页复制年报文字。`,
    { at, severity: 'error', unread: true },
  );
}

function extraColumn(id: TableId, at: string): Finding {
  return formFinding(
    id,
    `${TABLE_NAME[id]}每行的数都比官方表格多一个（${at}起），像是加了一列（如「小计」）：无法确定多出的是哪一列，为免读错，该表的数字未读取。请删去多出的列，保持官方格式。`,
    { at: [at], severity: 'error' },
  );
}

const hasError = (t: TableRead) => t.findings.some((f) => f.severity === 'error');

/** A 总计 that is only the first digits of its items' sum: 「3」 for 3525. */
interface CutTotal {
  readonly total: CellKey;
  readonly written: number;
  readonly sum: number;
}

/**
 * Totals that are the first digits of their items' sum: a copy that lost the right of each line,
 * as text copied from a PDF whose table runs past the page's edge (the PDF itself is refused so).
 */
function cutTotals(
  edition: Edition,
  reads: readonly TableReading[],
  cells: ReadonlyMap<CellKey, ReadCell>,
): Map<TableId, CutTotal[]> {
  const out = new Map<TableId, CutTotal[]>();
  for (const { id } of reads) out.set(id, []);
  // One pass over the edition's identities for all tables: every text report is read so.
  const all = identities(edition);
  for (let i = 0; i < all.length; i++) {
    const identity = all[i]!;
    const cut = out.get(identity.table);
    if (!cut || !identity.total) continue;
    const written = cells.get(identity.total)?.raw;
    if (typeof written !== 'number') continue;
    let sum = 0;
    const { rhs } = identity;
    for (let k = 0; k < rhs.length; k++) {
      const v = cells.get(rhs[k]!)?.raw;
      sum = typeof v === 'number' ? sum + v : NaN;
    }
    // Most totals are their items' sum: no digits to compare.
    if (written === sum) continue;
    const [a, b] = [String(written), String(sum)];
    if (a.length < b.length && b.startsWith(a)) cut.push({ total: identity.total, written, sum });
  }
  return out;
}

/** Totals cut alike: one so is a slip of the hand, as many as this are a copy cut short. */
const MIN_CUT_ROWS = 3;

function cutOff(
  edition: Edition,
  id: TableId,
  cut: readonly CutTotal[],
  cells: ReadonlyMap<CellKey, ReadCell>,
): Finding {
  const [first] = cut;
  const at = cells.get(first!.total)?.address;
  return formFinding(
    id,
    `${TABLE_NAME[id]}有 ${cut.length} 个「总计」只是各项之和的前几位数字（如「${cellSpec(edition, first!.total)!.name}」${at ? `（${at}）` : ''}写 ${first!.written}，各项之和为 ${first!.sum}）：这段文字像是每行的右边被截掉了（表格比 PDF 页面宽时，从 PDF 复制的文字常见），为免读错，该表的数字未读取。请直接校验 PDF、Word 文件或网页。`,
    { ...(at ? { at: [at] } : {}), severity: 'error', unread: true },
  );
}

/**
 * A table read with no number at all, where numbers stand alone elsewhere: they may be its own,
 * moved away by the copy. Where the first of them is, so that a page's stray number (a footer's
 * count of visits) can be seen for what it is.
 */
function bareAndMoved(id: TableId, loose: readonly Piece[], lines?: LineNames): Finding {
  const at = lineOf(loose[0]!.token, lines);
  const more = loose.length > 1 ? `等 ${loose.length} 个` : '';
  return formFinding(
    id,
    `${TABLE_NAME[id]}的格子都是空的，而表格以外另有单独成行的数字（${at}「${loose[0]!.text}」${more}）：可能是复制时数字与标签分开了（从 PDF 复制的文字常见），为免读错，该表未读取。若该表本来就是空的，请删去这些数字后再校验；也可直接校验原网页、PDF 或 Word 文件。`,
    { at: [at], severity: 'error', unread: true },
  );
}

/** A date written with dots or dashes (「2025.01.20」), which a footer or a heading gives. */
const DATE = /^\d{4}[.．\-/]\d{1,2}[.．\-/]\d{1,2}$/;
/** Ten digits or more: a record's number (备案号, 索引号), no count a table holds. */
const ID = /^\d{10,}$/;

/**
 * A number that is its line's only word, as a table's numbers moved away by a copy stand: not one
 * in a line of text (「浏览次数：356」, 「收取信息处理费 0 元」, 「© 2025」), not a date, not a
 * record's number.
 */
const standsAlone = (p: Piece) =>
  p.value &&
  looksLikeValue(p.text) &&
  p.token.text.trim() === p.text &&
  !DATE.test(p.text) &&
  !ID.test(p.text);

/** Numbers standing alone outside the parts that hold the tables (not in a sentence, not a page number). */
function looseNumbers(tokens: readonly Token[], texts: Record<TableId, TableText>): Piece[] {
  const inTable = new Uint8Array(tokens.length);
  for (const t of Object.values(texts)) inTable.fill(1, t.start, t.end);
  const out: Piece[] = [];
  for (let i = 0; i < tokens.length;) {
    let j = i;
    while (j < tokens.length && inTable[j] === inTable[i]) j++;
    if (!inTable[i]) out.push(...piecesOf(tokens, i, j).filter(standsAlone));
    i = j;
  }
  return out;
}

/**
 * A table the text holds twice (kept for reference, or pasted again): which copy was read and
 * checked is said, as for a sheet (grid.ts), where nothing said it.
 */
function twiceSaid(
  edition: Edition,
  id: TableId,
  whole: string,
  tokens: readonly Token[],
  text: TableText,
  lines?: LineNames,
): Finding | undefined {
  const spec = tableSpec(edition, id);
  const at = tableCopies(spec, tokens, whole);
  if (at.length < 2) return undefined;
  const read = at.find((i) => i >= text.start && i < text.end) ?? at[0]!;
  const where = (i: number) => lineOf(tokens[i], lines);
  return formFinding(
    id,
    `${TABLE_NAME[id]}在文中出现了 ${at.length} 遍（${at.map(where).join('、')}）：读取和校验的是${where(read)}起的那份。多余的请删去，以免看错。`,
    { at: at.map(where) },
  );
}

/** What to say of a text that holds `n` reports (a page with two years' reports on it). */
export const twoReports = (n: number) =>
  `其中有 ${n} 份年报（「一、总体情况」到「六、其他需要报告的事项」出现了 ${n} 遍），只读一份会漏掉其余的：请把每份年报分别保存为一个文件后再校验。`;

/**
 * The text with each line's end a line feed: a file saved with a carriage return alone ending its
 * lines (an old Mac's, some editors' choice) shows its lines as such, and is read so. 「\r\n」 is
 * left: the lines' own reading drops its 「\r」.
 */
const lineBreaks = (text: string) => (text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text);

/**
 * Far more lines than a report's text has (a whole page copied is some 1,200, each cell of a table
 * counted as a line): past it the text is no report, and reading its lines took seconds and
 * hundreds of megabytes (a million numbers, one a line, some 4 s and 430 MB).
 */
const MAX_TEXT_LINES = 50_000;

/** Whether the text has more than `max` lines and tab-separated cells together. */
function linesOver(text: string, max: number): boolean {
  // Each line or cell is a character at least: most reports are shorter than the cap.
  if (text.length <= max) return false;
  let n = 0;
  for (const mark of ['\n', '\t'])
    for (let at = text.indexOf(mark); at >= 0; at = text.indexOf(mark, at + 1)) if (++n > max) return true;
  return false;
}

/** A published report, as text copied from its page (or an .html page turned into text). */
export function readText(text: string, options: { source?: string; lines?: LineNames } = {}): TextResult {
  const lined = lineBreaks(text);
  if (linesOver(lined, MAX_TEXT_LINES))
    return { problem: `文字超过 ${MAX_TEXT_LINES / 10_000} 万行（表格每格算一行），不像一份年报，未读取。` };
  // A page's copy leaves zero-width spaces after numbers (「387\u200b」): no one sees them, and they are read so.
  const normalized = normalizeGlyphs(withoutInvisible(lined));
  const all = tokenize(normalized);
  const runs = reportRuns(all);
  if (runs.length > 1) return { problem: twoReports(runs.length) };
  // A 解读 after the report is not the report's: its numbers are not said of the tables.
  const tokens = runs[0] ? all.slice(0, reportEnd(all, runs[0])) : all;
  const parts = findParts(tokens, runs[0]);
  const meta = readMeta(tokens, parts[0]);
  const texts = tableTexts(tokens, parts, options.lines ?? '');
  const best = bestEdition(texts, meta.year);
  const noParts = parts.every((p) => p < 0);
  if (best.votes === 0) {
    return {
      problem: noParts
        ? '没有找到年报表格：文中没有官方表格的标签（如「一、本年新收政府信息公开申请数量」）。'
        : // Its parts' titles are there: its tables are not text (pictures, as some sites publish them).
          '没有找到年报表格：文中有年报各部分的标题，却没有官方表格的标签（如「一、本年新收政府信息公开申请数量」）。表格可能是图片（截图或扫描，不做文字识别），或文字中缺了表格部分；请改用表格为文字的 Word、PDF 文件或网页。',
      ...(!noParts || REPORT_WORDS.test(lined.replace(/\s+/g, '')) ? {} : { notReport: true as const }),
      ...(noParts ? { noReportParts: true as const } : {}),
    };
  }
  // Every table's cells, in their order; those of a table not kept after all are taken out again.
  const cells = new Map<CellKey, ReadCell>();
  const reads = readTables(best.edition, texts, cells);
  // A copy that shuffles one table's numbers shuffles them anywhere: a table it reads with rows
  // missing or cut short is not trusted either.
  const shuffled = reads.some((t) => t.read.disorder);
  // A copy that gives a table's labels without one number, and numbers elsewhere on their own, may
  // have moved that table's numbers away: it cannot be told from an empty table.
  const loose = reads.some((t) => t.read.bare) ? looseNumbers(tokens, texts) : [];
  // A copy that cut one table's lines short cut every table's: one total cut so is then not trusted either.
  const cuts = cutTotals(best.edition, reads, cells);
  const cutShort = [...cuts.values()].some((c) => c.length >= MIN_CUT_ROWS);
  const findings: Finding[] = [];
  const found: TableId[] = [];
  /** A table not kept: its finding said, its cells taken out. */
  const refuse = (id: TableId, finding: Finding) => {
    findings.push(finding);
    for (const c of tableSpec(best.edition, id).cells) cells.delete(c.key);
  };
  for (const { id, read } of reads) {
    if (!read.found) {
      refuse(id, missingTable(id));
      continue;
    }
    if (loose.length && read.bare) {
      refuse(id, bareAndMoved(id, loose, options.lines));
      continue;
    }
    if (read.extraColumn) {
      refuse(id, extraColumn(id, lineOf(read.extraColumn, options.lines)));
      continue;
    }
    const cut = cuts.get(id)!;
    if (cut.length >= MIN_CUT_ROWS || (cutShort && cut.length)) {
      refuse(id, cutOff(best.edition, id, cut, cells));
      continue;
    }
    if (read.disorder || (shuffled && hasError(read))) {
      const at = read.disorder
        ? [lineOf(read.disorder, options.lines)]
        : (read.findings.find((f) => f.severity === 'error')?.at ?? []);
      refuse(id, unreliable(id, at, read.stray));
      continue;
    }
    found.push(id);
    findings.push(...read.findings);
    // After the report's end too: a copy put after it (「附表」) is a copy all the same.
    const twice = twiceSaid(best.edition, id, normalized, all, texts[id], options.lines);
    if (twice) findings.push(twice);
  }
  // A word of a label in a sentence (「全市行政复议440件」 in a 解读 or a news item), and nothing
  // else of a report: no table read, no part's title. Taken for a report, it had its every table
  // missing, and in a batch it stood as a second report of its body's year.
  if (!found.length && noParts) {
    return {
      problem:
        '没有找到年报表格，也没有年报各部分的标题（「一、总体情况」等）：不像一份年报（可能是年报解读或新闻稿），未校验。',
      noReportParts: true,
    };
  }
  return {
    report: {
      edition: best.edition,
      ...meta,
      ...(options.source ? { source: options.source } : {}),
      tables: found,
      cells,
      findings,
      published: publishedText(tokens, parts, all),
    },
  };
}

import { canonical, canonicalOf, likeness } from '../../report/labels.js';
import { isTableLabel, tableSpec } from '../../report/model.js';
import { PART_KEYS, PART_TITLES } from '../../report/parts.js';
import { Remembered } from '../../report/remembered.js';
import { textRows } from './rows.js';
import { isDateLine, isSignatureLine } from './meta.js';
import type { Token } from './tokens.js';

const NUMERALS = '一二三四五六';
const NUMERAL_CODES = [...NUMERALS].map((n) => n.charCodeAt(0));
/** Each numeral's part and one more (0 for none), by its code less the lowest numeral's. */
const NUMERAL_FROM = Math.min(...NUMERAL_CODES);
const PART_BY_CODE = new Uint8Array(Math.max(...NUMERAL_CODES) - NUMERAL_FROM + 1);
NUMERAL_CODES.forEach((c, p) => (PART_BY_CODE[c - NUMERAL_FROM] = p + 1));

/**
 * Which part's numeral a text begins with, -1 for none (an empty text too): told by its first
 * character's code, looked up, not by that character made into a string of its own for every line.
 */
function numeralOf(text: string): number {
  // Not the code past an empty text's end: the optimised code was undone for that.
  if (!text) return -1;
  const i = text.charCodeAt(0) - NUMERAL_FROM;
  return i >= 0 && i < PART_BY_CODE.length ? PART_BY_CODE[i]! - 1 : -1;
}

const NUMERAL = /^[一二三四五六][、.．，,]?/;
const OFFICIAL = PART_TITLES.map((t) => canonical(t).replace(NUMERAL, ''));
/** A title is short: the official wording and a few added words at most. */
const MAX_ADDED = 16;
/** Longer lines, spaces included, are text, not titles. */
const MAX_TITLE = 80;

/**
 * How well a line reads as part `i`'s title: 2 for its official wording (brackets and spacing
 * aside), 1 for its numeral with the part's key words or nearly its wording, 0 for not at all.
 */
export function titleScore(text: string, i: number): 0 | 1 | 2 {
  // A paragraph that begins 「一是…」 is no title: spare it the canonical form.
  if (text.length > MAX_TITLE) return 0;
  const known = SCORES.of(text, partScore);
  return known.part === i ? known.score : 0;
}

/**
 * Lines scored, by their text: a line is scored by up to four passes over a report (its runs,
 * its parts, its end, its parts put out of order), and titles are every report's.
 */
const SCORES = new Remembered<string, { readonly part: number; readonly score: 0 | 1 | 2 }>(5_000);

/** Which part's title a line may be, by its numeral, and how well it reads as that title. */
function partScore(text: string): { readonly part: number; readonly score: 0 | 1 | 2 } {
  const c = canonicalOf(text);
  const part = numeralOf(c);
  return { part, score: part < 0 ? 0 : partTitleScore(c, part) };
}

/** titleScore of a line's canonical form `c`, which begins with part `i`'s numeral. */
function partTitleScore(c: string, i: number): 0 | 1 | 2 {
  const body = c.replace(NUMERAL, '');
  if (body === OFFICIAL[i]) return 2;
  if (!body || body.length > OFFICIAL[i]!.length + MAX_ADDED || /[。；;]$/.test(body) || isTableLabel(c))
    return 0;
  if (PART_KEYS[i]!.every((k) => k.test(body))) return 1;
  return likeness(body, OFFICIAL[i]!) >= 0.75 ? 1 : 0;
}

/**
 * Token index of each part's title, or -1. Titles come in order; of the orders possible, the one
 * with the best-matching titles wins, and of equals the later line (part 一 may quote later
 * titles as its own subheadings, such as 「二、主动公开政府信息的情况」). Given the report's
 * run, titles outside it (a 解读 after the report that repeats them all) are not the report's.
 */
export function findParts(tokens: readonly Token[], run?: ReportRun): number[] {
  const parts = PART_TITLES.length;
  // One list for all parts: lists of their own, most of one title, each had its first title put in
  // while a second undid the optimised code.
  const candidates: { part: number; at: number; score: number }[] = [];
  const end = run ? Math.min(run.last + 1, tokens.length) : tokens.length;
  for (let at = run ? run.first : 0; at < end; at++) {
    const t = tokens[at]!;
    // Tokens are trimmed; a blank cell's text is empty.
    const i = numeralOf(t.text);
    if (i < 0) continue;
    const score = titleScore(t.text, i);
    if (score) candidates.push({ part: i, at, score });
  }
  const memo = new Map<number, Picks>();
  const best = (i: number, after: number): Picks | undefined => {
    if (i === parts) return undefined;
    const key = (after + 1) * parts + i;
    const known = memo.get(key);
    if (known) return known;
    const skip = best(i + 1, after);
    let result: Picks = { score: skip?.score ?? 0, at: -1, rest: skip };
    for (let k = 0; k < candidates.length; k++) {
      const c = candidates[k]!;
      if (c.part !== i || c.at <= after) continue;
      const rest = best(i + 1, c.at);
      const score = c.score + (rest?.score ?? 0);
      if (score >= result.score) result = { score, at: c.at, rest };
    }
    memo.set(key, result);
    return result;
  };
  const picks: number[] = [];
  for (let p = best(0, -1); p; p = p.rest) picks.push(p.at);
  return picks;
}

/** The best titles of the parts from one on: their score, the first one's token (-1 for none), the next ones'. */
interface Picks {
  readonly score: number;
  readonly at: number;
  readonly rest: Picks | undefined;
}

/** Parts not found in order whose official title is in the text all the same: put out of order. */
export function misplacedParts(tokens: readonly Token[], parts: readonly number[]): number[] {
  const missing = parts.flatMap((at, i) => (at < 0 ? [i] : []));
  if (!missing.length) return [];
  return missing.filter((i) => tokens.some((t) => numeralOf(t.text) === i && titleScore(t.text, i) === 2));
}

/**
 * 表三's first row label, its numbering aside (「本年新收政府信息公开申请数量」, the same in both
 * editions): a report's body holds it, a contents list or a 解读 does not.
 */
const TABLE_THREE = textRows(tableSpec('2021', 't3'))[0]!.label!.replace(NUMERAL, '');

/**
 * A cell or line that is 表三's first row: its label, numbered or not, alone or with the row's
 * numbers after it; not a sentence that quotes the label (「本年新收政府信息公开申请数量3525件」).
 */
export function isTableThreeRow(text: string): boolean {
  const at = text.indexOf(TABLE_THREE);
  if (at < 0) return false;
  return (
    /^[\s一1１][、.．，,]?\s*$/.test(text.slice(0, at)) &&
    /^[\s\d０-９]*$/.test(text.slice(at + TABLE_THREE.length))
  );
}

/** Token indices of a report's part 一 and part 六 titles. */
export interface ReportRun {
  readonly first: number;
  readonly last: number;
}

/**
 * The reports the text holds: runs from part 一's title to part 六's that have 表三 in them (a
 * page may put two years' reports on it). A contents list, titles quoted in part 一, or a 解读
 * after the report that repeats the titles hold no table. A document whose tables are not in its
 * text gives the lines its 表三 follows (`tablesAfter`, 1-based): a run holds one of those.
 */
export function reportRuns(tokens: readonly Token[], tablesAfter?: readonly number[]): ReportRun[] {
  const last = PART_TITLES.length - 1;
  const runs: ReportRun[] = [];
  let first = -1;
  let table = false;
  for (let at = 0; at < tokens.length; at++) {
    const t = tokens[at]!;
    if (t.blank || !t.text) continue;
    const numeral = numeralOf(t.text);
    if (numeral === 0 && titleScore(t.text, 0)) {
      first = at;
      table = false;
    } else if (first >= 0 && numeral === last && titleScore(t.text, last)) {
      const from = tokens[first]!.line;
      if (tablesAfter ? tablesAfter.some((l) => l >= from && l < t.line) : table)
        runs.push({ first, last: at });
      first = -1;
    } else if (first >= 0 && !table && !tablesAfter && isTableThreeRow(t.text)) table = true;
  }
  return runs;
}

/** A heading standing before a 解读's own part 一: short, no sentence in it. */
const isHeading = (t: Token) => !t.blank && t.text.length <= MAX_TITLE && !/[。；;，,]/.test(t.text);
/** Non-blank lines of a 解读's heading looked back over. */
const HEADING_LINES = 3;

/**
 * Where the report of `run` ends: after its signature's date line, where more follows it (a 解读,
 * a site's links); or at a 解读 after it that has its own part 一 (「一、总体情况」 again), with the
 * heading before that. A subheading of part 六 (「（一）政策解读」) does not end it.
 */
export function reportEnd(tokens: readonly Token[], run: ReportRun): number {
  let dated = false;
  for (let at = run.last + 1; at < tokens.length; at++) {
    const t = tokens[at]!;
    if (t.blank || !t.text) continue;
    if (numeralOf(t.text) === 0 && titleScore(t.text, 0)) {
      let start = at;
      for (let back = at - 1, n = 0; back > run.last && n < HEADING_LINES; back--) {
        const b = tokens[back]!;
        if (!b.text) continue;
        if (!isHeading(b) || isSignatureLine(b.text)) break;
        start = back;
        n++;
      }
      return start;
    }
    if (isDateLine(t.text)) dated = true;
    else if (dated && !isSignatureLine(t.text)) return at;
  }
  return tokens.length;
}

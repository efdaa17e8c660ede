import { compact } from '../report/labels.js';

/**
 * A report's prose cut into sentences, spacing removed; empty ones dropped. A line ends a sentence
 * too, unless `acrossLines`: a copy that keeps a PDF's layout breaks a sentence wherever the page
 * wrapped it (「…行政诉」 / 「讼77件」). With `having` (a pattern that allows for spacing, and not
 * global: it is tested on each), only the sentences it finds: most of a report's sentences are of
 * no interest to a rule, and are not compacted. `near`, a quicker pattern that matches in every
 * sentence `having` finds (a count's unit, 「件」), is what they are looked for by.
 */
export function sentences(
  text: string | undefined,
  { acrossLines = false, having, near }: { acrossLines?: boolean; having?: RegExp; near?: RegExp } = {},
): string[] {
  const source = acrossLines ? joinedLines(text ?? '') : (text ?? '');
  const ends = acrossLines ? /[。！？；;]+/ : /[。！？；;\n]+/;
  if (!having) return source.split(ends).map(compact).filter(Boolean);
  return found(source, having, near ?? having, acrossLines ? END_ACROSS : END_LINE)
    .map(compact)
    .filter(Boolean);
}

/**
 * The text with its lines joined, where `headingsApart` leaves them joined: a word the copy broke
 * (「行政诉」 / 「讼」) is whole again. The last one is kept: a report's rules ask for it of one text
 * several times.
 */
function joinedLines(text: string): string {
  if (text !== joined.text) joined = { text, lines: headingsApart(text).replace(/\n/g, '') };
  return joined.lines;
}
let joined = { text: '', lines: '' };

/** What ends a sentence (「。！？；;」), and a line too, as character codes. */
const END_ACROSS: ReadonlySet<number> = new Set([...'。！？；;'].map((c) => c.charCodeAt(0)));
const END_LINE: ReadonlySet<number> = new Set([...END_ACROSS, 10]);

/**
 * The sentences of `text` that `having` finds, in order: each looked for where `near` matches in
 * the whole text, then tested whole. Splitting a report into all its sentences to test each was
 * most of the time its text-and-table rules took.
 */
function found(text: string, having: RegExp, near: RegExp, end: ReadonlySet<number>): string[] {
  const global = new RegExp(near.source, `${near.flags.replace('g', '')}g`);
  const out: string[] = [];
  for (let m = global.exec(text); m; m = global.exec(text)) {
    let start = m.index;
    while (start > 0 && !end.has(text.charCodeAt(start - 1))) start--;
    let stop = m.index;
    while (stop < text.length && !end.has(text.charCodeAt(stop))) stop++;
    const sentence = text.slice(start, stop);
    // A match across a sentence's end (「3\n件」 where a line ends one) finds none.
    if (having.test(sentence)) out.push(sentence);
    // The next sentence is looked for after this one.
    global.lastIndex = Math.max(global.lastIndex, stop);
  }
  return out;
}

/** How a heading or a numbered item begins: 「四、」, 「（二）」, 「3.」. */
const NUMBERED = /^\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d+[.．、](?!\d))/;
/** A heading's line (「（一）存在的主要问题」): numbered, short, no sentence in it. */
export const isHeading = (line: string) =>
  NUMBERED.test(line) && line.length <= 30 && !/[，,。；;：:]/.test(line);

/**
 * The text with a sentence's end put where a line ends that no full stop ends but a heading does,
 * where a numbered item begins, or before an empty line (a paragraph's end): sentences joined over
 * lines stop there.
 */
function headingsApart(text: string): string {
  const lines = text.split('\n');
  const ends = (i: number) =>
    i + 1 < lines.length && (isHeading(lines[i]!) || NUMBERED.test(lines[i + 1]!) || !lines[i + 1]!.trim());
  return lines.map((l, i) => (ends(i) ? `${l}。` : l)).join('\n');
}

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
  const source = acrossLines ? joinedLines(text ?? '').text : (text ?? '');
  const ends = acrossLines ? /[。！？；;]+/ : /[。！？；;\n]+/;
  if (!having) return source.split(ends).map(compact).filter(Boolean);
  return found(source, having, near ?? having, !acrossLines);
}

/**
 * The text with its lines joined, where a sentence goes on over a line's end (see `apart`): a word
 * the copy broke (「行政诉」 / 「讼」) is whole again; and whether any does. The last one is kept: a
 * report's rules ask for it of one text several times.
 */
function joinedLines(text: string): Joined {
  if (text !== joined.source) joined = { source: text, ...apart(text) };
  return joined;
}
interface Joined {
  readonly source: string;
  readonly text: string;
  /** A sentence goes on over a line's end somewhere: across lines, the text has sentences its lines do not. */
  readonly goesOn: boolean;
}
let joined: Joined = { source: '', text: '', goesOn: false };

/** Whether some sentence of the text goes on over a line's end: if not, its sentences across lines are its lines'. */
export const goesOnOverLines = (text: string): boolean => joinedLines(text).goesOn;

/**
 * Whether the text has the word in a line, or broken over a line's end (「复\n议」), as its lines
 * joined have it: a quick look before a text is searched for what only a sentence with the word says.
 */
export function hasWord(text: string, word: string): boolean {
  if (text.includes(word)) return true;
  for (let i = 1; i < word.length; i++)
    if (text.includes(`${word.slice(0, i)}\n${word.slice(i)}`)) return true;
  return false;
}

/**
 * Whether the character code ends a sentence (「。！？；;」), or with `lines` a line too. Compared,
 * not looked up in a set: it is asked of every character of a sentence that has a count.
 */
const endsSentence = (c: number, lines: boolean): boolean =>
  c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 0xff1b || c === 0x3b || (lines && c === 10);

/** Each pattern's global form, made once: a report's rules look for the same ones in every report. */
const GLOBAL = new WeakMap<RegExp, RegExp>();
function globalOf(pattern: RegExp): RegExp {
  let global = GLOBAL.get(pattern);
  if (!global)
    GLOBAL.set(pattern, (global = new RegExp(pattern.source, `${pattern.flags.replace('g', '')}g`)));
  return global;
}

/**
 * The sentences of `text` that `having` finds, in order, compacted: each looked for where `near`
 * matches in the whole text, then tested whole. Splitting a report into all its sentences to test
 * each was most of the time its text-and-table rules took.
 */
function found(text: string, having: RegExp, near: RegExp, lines: boolean): string[] {
  const global = globalOf(near);
  global.lastIndex = 0;
  const out: string[] = [];
  for (let m = global.exec(text); m; m = global.exec(text)) {
    let start = m.index;
    while (start > 0 && !endsSentence(text.charCodeAt(start - 1), lines)) start--;
    let stop = m.index;
    while (stop < text.length && !endsSentence(text.charCodeAt(stop), lines)) stop++;
    const sentence = text.slice(start, stop);
    // A match across a sentence's end (「3\n件」 where a line ends one) finds none.
    if (having.test(sentence)) {
      const compacted = compact(sentence);
      if (compacted) out.push(compacted);
    }
    // The next sentence is looked for after this one.
    global.lastIndex = Math.max(global.lastIndex, stop);
  }
  return out;
}

/** How a heading or a numbered item begins: 「四、」, 「（二）」, 「3.」. */
const NUMBERED = /^\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d+[.．、](?!\d))/;
/** A heading's line (「（一）存在的主要问题」): numbered, short, no sentence in it. */
export const isHeading = (line: string) => NUMBERED.test(line) && headingLike(line);
/** Short, no sentence in it: a heading's line, if numbered. */
const headingLike = (line: string) => line.length <= 30 && !/[，,。；;：:]/.test(line);

/**
 * The text's lines joined, with a sentence's end put where a line ends that no full stop ends but a
 * heading does, where a numbered item begins, or before an empty line (a paragraph's end):
 * sentences joined over lines stop there.
 */
function apart(text: string): { text: string; goesOn: boolean } {
  const lines = text.split('\n');
  let goesOn = false;
  // Whether each line is numbered, looked at once: a line's own, then the next one's.
  let numbered = NUMBERED.test(lines[0]!);
  for (let i = 0; i + 1 < lines.length; i++) {
    const l = lines[i]!;
    const next = lines[i + 1]!;
    const nextNumbered = NUMBERED.test(next);
    if ((numbered && headingLike(l)) || nextNumbered || !next.trim()) lines[i] = `${l}。`;
    else if (l.trim() && !ENDED.test(l)) goesOn = true;
    numbered = nextNumbered;
  }
  return { text: lines.join(''), goesOn };
}
const ENDED = /[。！？；;]\s*$/;

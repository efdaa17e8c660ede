import { compact } from '../report/labels.js';

/**
 * A report's prose cut into sentences, spacing removed; empty ones dropped. A line ends a sentence
 * too, unless `acrossLines`: a copy that keeps a PDF's layout breaks a sentence wherever the page
 * wrapped it (「…行政诉」 / 「讼77件」). With `having` (a pattern that allows for spacing, and not
 * global: it is tested on each), only the sentences it finds: most of a report's sentences are of
 * no interest to a rule, and are not compacted.
 */
export function sentences(
  text: string | undefined,
  { acrossLines = false, having }: { acrossLines?: boolean; having?: RegExp } = {},
): string[] {
  const all = (acrossLines ? headingsApart(text ?? '') : (text ?? '')).split(
    acrossLines ? /[。！？；;]+/ : /[。！？；;\n]+/,
  );
  return (having ? all.filter((s) => having.test(s)) : all).map(compact).filter(Boolean);
}

/** How a heading or a numbered item begins: 「四、」, 「（二）」, 「3.」. */
const NUMBERED = /^\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d+[.．、](?!\d))/;
/** A heading's line (「（一）存在的主要问题」): numbered, short, no sentence in it. */
export const isHeading = (line: string) =>
  NUMBERED.test(line) && line.length <= 30 && !/[，,。；;：:]/.test(line);

/**
 * The text with a sentence's end put where a line ends that no full stop ends but a heading does,
 * or where a numbered item begins: sentences joined over lines stop there.
 */
function headingsApart(text: string): string {
  const lines = text.split('\n');
  return lines
    .map((l, i) => (i + 1 < lines.length && (isHeading(l) || NUMBERED.test(lines[i + 1]!)) ? `${l}。` : l))
    .join('\n');
}

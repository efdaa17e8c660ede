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
  const all = (text ?? '').split(acrossLines ? /[。！？；;]+/ : /[。！？；;\n]+/);
  return (having ? all.filter((s) => having.test(s)) : all).map(compact).filter(Boolean);
}

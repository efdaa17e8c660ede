import { compact } from '../report/labels.js';

/**
 * A report's prose cut into sentences, spacing removed; empty ones dropped. A line ends a sentence
 * too, unless `acrossLines`: a copy that keeps a PDF's layout breaks a sentence wherever the page
 * wrapped it (「…行政诉」 / 「讼77件」).
 */
export function sentences(text: string | undefined, { acrossLines = false } = {}): string[] {
  return (text ?? '')
    .split(acrossLines ? /[。！？；;]+/ : /[。！？；;\n]+/)
    .map(compact)
    .filter(Boolean);
}

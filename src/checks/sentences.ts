import { compact } from '../report/labels.js';

/**
 * Sentences ended only by their punctuation, lines joined: a copy that keeps a PDF's layout breaks a
 * sentence wherever the page wrapped it (「…行政诉」 / 「讼77件」).
 */
export function sentencesAcrossLines(text: string | undefined): string[] {
  return (text ?? '')
    .split(/[。！？；;]+/)
    .map(compact)
    .filter(Boolean);
}

/** A report's prose cut into sentences, spacing removed; empty ones dropped. */
export function sentences(text: string | undefined): string[] {
  return (text ?? '')
    .split(/[。！？；;\n]+/)
    .map(compact)
    .filter(Boolean);
}

import { compact } from '../report/labels.js';

/** A report's prose cut into sentences, spacing removed; empty ones dropped. */
export function sentences(text: string | undefined): string[] {
  return (text ?? '')
    .split(/[。！？；;\n]+/)
    .map(compact)
    .filter(Boolean);
}

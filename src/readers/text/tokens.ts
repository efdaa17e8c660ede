/** One cell or line of a published report's text, with the line it came from (1-based). */
export interface Token {
  readonly text: string;
  readonly line: number;
  /** An empty table cell: a line that holds only a tab. */
  readonly blank?: boolean;
}

const VALUE = /^(?:[+\-－]?[\d０-９][\d０-９.．,，]*(?:万元|元|件|个|项)?|[—\-－/／]|[增减][\d０-９]+)$/;

/** Text that can only be a cell value: a number (with a unit), a sign change, or a dash. */
export function looksLikeValue(text: string): boolean {
  return VALUE.test(text);
}

/**
 * Cells of a page as copied: tables come one cell per line or per tab. A run of values separated by
 * spaces on one line, or a label followed by such a run, is split into cells too.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = i + 1;
    const cells = raw.split('\t');
    if (cells.length > 1 && cells.every((c) => c.trim() === '')) {
      tokens.push({ text: '', line, blank: true });
      return;
    }
    for (const cell of cells) {
      const t = cell.replace(/^[\s\u3000]+|[\s\u3000]+$/g, '');
      if (!t) continue;
      const parts = t.split(/[\s\u3000]+/);
      const rest = parts.slice(1);
      if (rest.length && rest.every(looksLikeValue)) {
        for (const p of parts) tokens.push({ text: p, line });
      } else {
        tokens.push({ text: t, line });
      }
    }
  });
  return tokens;
}

/** One cell or line of a published report's text, with the line it came from (1-based). */
export interface Token {
  readonly text: string;
  readonly line: number;
  /** An empty table cell: a line that holds only a tab. */
  readonly blank?: boolean;
  /** From a line with tabs: a table cell as a web page's copy gives it, whatever its text. */
  readonly cell: boolean;
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
  const pageNumbers = text.includes('\f') ? pageNumberLines(text) : undefined;
  const n = text.length;
  let line = 0;
  // One scan of the characters: this runs on every line of every report of a batch.
  for (let start = 0; start <= n;) {
    // The line's end, and its first tab.
    let end = start;
    let tab = -1;
    for (let c = 0; end < n && (c = text.charCodeAt(end)) !== 10; end++) if (c === 9 && tab < 0) tab = end;
    line++;
    const lineEnd = end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
    if (pageNumbers?.has(line)) {
      start = end + 1;
      continue;
    }
    // trim() takes the same white space as \s, the ideographic space included.
    if (tab < 0) {
      const t = text.substring(start, lineEnd).trim();
      if (t) push(tokens, t, line, false);
    } else {
      const before = tokens.length;
      for (let from = start; ;) {
        const t = text.substring(from, tab).trim();
        if (t) push(tokens, t, line, true);
        if (tab >= lineEnd) break;
        from = tab + 1;
        for (tab = from; tab < lineEnd && text.charCodeAt(tab) !== 9;) tab++;
      }
      if (tokens.length === before) tokens.push({ text: '', line, cell: true, blank: true });
    }
    start = end + 1;
  }
  return tokens;
}

/** One or two characters standing alone: a piece of a vertical merged label a PDF copy put here. */
const FRAGMENT = /^[\u4e00-\u9fff（）()]{1,2}$/;

/**
 * A cell's text: split into cells when it is a label or value followed by values, spaced. In a
 * copy that keeps a PDF's layout, characters of a vertical merged label (「本」, 「果」) may stand
 * in front of a row's label and numbers: they are cells of their own, which no row takes.
 */
function push(tokens: Token[], t: string, line: number, cell: boolean): void {
  if (/\s/.test(t)) {
    const parts = t.split(/\s+/);
    let lead = 0;
    while (lead < parts.length - 2 && FRAGMENT.test(parts[lead]!) && !looksLikeValue(parts[lead]!)) lead++;
    if (parts.slice(lead + 1).every(looksLikeValue)) {
      for (const p of parts) tokens.push({ text: p, line, cell });
      return;
    }
  }
  tokens.push({ text: t, line, cell });
}

/**
 * Lines (1-based) of a copy with form feeds (pdftotext's page breaks) that hold only a page
 * number: the last line of a page or the first of the next.
 */
function pageNumberLines(text: string): Set<number> {
  const lines = text.split('\n');
  const out = new Set<number>();
  const bare = (i: number) => /^\s*\d{1,3}\s*$/.test(lines[i] ?? '');
  lines.forEach((l, i) => {
    if (!l.includes('\f')) return;
    // The page's last line before the break, and the next page's first line.
    let before = i - 1;
    while (before >= 0 && !lines[before]!.trim()) before--;
    if (before >= 0 && bare(before)) out.add(before + 1);
    if (bare(i)) out.add(i + 1);
  });
  return out;
}

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
  // One pass with indexOf: this runs on every line of every report of a batch.
  let line = 0;
  for (let start = 0; start <= text.length;) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    line++;
    const lineEnd = end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
    const before = tokens.length;
    let tabs = 0;
    for (let from = start; ;) {
      let tab = text.indexOf('\t', from);
      if (tab < 0 || tab > lineEnd) tab = lineEnd;
      // trim() takes the same white space as \s, the ideographic space included.
      const t = text.substring(from, tab).trim();
      if (t) push(tokens, t, line);
      if (tab >= lineEnd) break;
      tabs++;
      from = tab + 1;
    }
    if (tabs && tokens.length === before) tokens.push({ text: '', line, blank: true });
    start = end + 1;
  }
  return tokens;
}

/** One or two characters standing alone: a piece of a vertical merged label a PDF copy put here. */
const FRAGMENT = /^[\u4e00-\u9fff（）()]{1,2}$/;

/**
 * A cell's text: split into cells when it is a label or value followed by values, spaced. In a
 * copy that keeps a PDF's layout, characters of a vertical merged label (「本」, 「果」) stand in
 * front of a row's label and numbers: they are left out.
 */
function push(tokens: Token[], t: string, line: number): void {
  let parts = /\s/.test(t) ? t.split(/\s+/) : undefined;
  if (parts) {
    let lead = 0;
    while (lead < parts.length - 2 && FRAGMENT.test(parts[lead]!) && !looksLikeValue(parts[lead]!)) lead++;
    if (lead && parts.slice(lead + 1).every(looksLikeValue)) parts = parts.slice(lead);
  }
  if (parts && parts.slice(1).every(looksLikeValue)) for (const p of parts) tokens.push({ text: p, line });
  else tokens.push({ text: t, line });
}

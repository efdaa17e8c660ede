import { PART_TITLES } from '../../report/parts.js';
import type { RawValue } from '../../report/types.js';

/** One cell or line of a published report's text, with the line it came from (1-based). */
export interface Token {
  readonly text: string;
  readonly line: number;
  /** An empty table cell: a line that holds only a tab. */
  readonly blank: boolean;
  /** From a line with tabs: a table cell as a web page's copy gives it, whatever its text. */
  readonly cell: boolean;
  /**
   * A line of no-break spaces only, in a copy with no tabs: a cell of 「&nbsp;」 as a browser
   * copies it, which may be a table's empty cell. Its text is empty.
   */
  readonly spaces: boolean;
  /**
   * The first cell of a line of cells that begins with a tab taken for an indent, or of a line after
   * a tab taken for a 「<br>」's: in a copy a row a line, a row's empty first cell (「<td></td>」)
   * may stand before that tab.
   */
  readonly lead: boolean;
}

/**
 * A token, every one with the same properties in the same order: the readers' loops over a
 * report's thousands of tokens then meet one kind of object, not four.
 */
function token(text: string, line: number, cell: boolean, kind?: 'blank' | 'spaces'): Token {
  return { text, line, cell, blank: kind === 'blank', spaces: kind === 'spaces', lead: false };
}

/** What a cell value is written as (see looksLikeValue). */
export const VALUE =
  /^(?:[+\-－]?[\d０-９][\d０-９.．,，]*(?:万元|元|件|个|项)?|[—\-－/／]|[增减][\d０-９]+)$/;

/**
 * A cell's text as the grid reader wants it: plain digits are a number, anything else is text. Digits
 * a double cannot hold exactly (past 15) stay text, so 「99999999999999999999999999」 is said and
 * imported as written, not as 1e+26.
 */
export function plainNumber(text: string): RawValue {
  // Most of a table's cells are one digit (「0」), or empty: told without the pattern.
  if (text.length === 1) {
    const digit = text.charCodeAt(0) - 48;
    return digit >= 0 && digit <= 9 ? digit : text;
  }
  if (!text) return text;
  if (!/^\d+(?:\.\d+)?$/.test(text)) return text;
  // Most are short: no more digits than a double holds, leading zeros or not.
  if (text.length <= 15) return Number(text);
  return text.replace(/^0+(?=\d)|\./g, '').replace(/^0+/, '').length > 15 ? text : Number(text);
}

/** The texts of one character VALUE matches: a digit, a dash or a slash. */
const ONE_CHAR_VALUES = new Set([...'0123456789０１２３４５６７８９—-－/／'].map((c) => c.charCodeAt(0)));

/** Text that can only be a cell value: a number (with a unit), a sign change, or a dash. */
export function looksLikeValue(text: string): boolean {
  // Most of a table's values are one digit (「0」): told without the pattern.
  if (text.length !== 1) return VALUE.test(text);
  const c = text.charCodeAt(0);
  return (c >= 0x30 && c <= 0x39) || ONE_CHAR_VALUES.has(c);
}

/**
 * Cells of a page as copied: tables come one cell per line or per tab. A run of values separated by
 * spaces on one line, or a label followed by such a run, is split into cells too.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  if (FRAMED_TAB.test(text)) {
    const lines = text.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
    const spacing = framedCells(lines);
    if (spacing) return framedTokens(lines, spacing);
  }
  const pageNumbers = text.includes('\f') ? pageNumberLines(text) : undefined;
  // A browser's copy with no tabs may give an empty cell as a line of no-break spaces, or (each cell a
  // paragraph, a blank line between) of spaces: Chromium's clipboard turns the 「&nbsp;」 into one. It
  // ends cells that are no paragraphs (「<td>&nbsp;</td>」) with tabs, on a line of their own.
  if ((text.includes('\u00a0') || PARAGRAPH_OF_SPACES.test(text)) && tabsOnlyBetweenSpaces(text))
    return spacedTokens(text, pageNumbers);
  const n = text.length;
  let line = 0;
  // Lines and tabs are found by the string's own search, not a loop over the characters: its native
  // code is as quick in a batch's first reports as later, while a loop runs slowly until V8 has
  // optimised it. The next tab is kept across lines: the searches stay linear in the text's length.
  let nextTab = text.indexOf('\t');
  /** The last line of a tab only whose tab stood between the cell above and a number below it. */
  let tabBetween = 0;
  for (let start = 0; start <= n;) {
    // The line's end, and its first tab.
    let end = text.indexOf('\n', start);
    if (end < 0) end = n;
    if (nextTab >= 0 && nextTab < start) nextTab = text.indexOf('\t', start);
    let tab = nextTab >= 0 && nextTab < end ? nextTab : -1;
    line++;
    const lineEnd = end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
    if (pageNumbers?.has(line)) {
      start = end + 1;
      continue;
    }
    // trim() takes the same white space as \s, the ideographic space included.
    const before = tokens.length;
    /** Whether the line begins with a tab (with nothing but spaces before it). */
    let indented = false;
    let tabs = 0;
    if (tab < 0) {
      const t = text.substring(start, lineEnd).trim();
      if (t) push(tokens, t, line, false);
    } else {
      // A row of a table whose cells hold no paragraph, as a browser copies it (「文件\t1\t\t3」,
      // 「规章\t\t\t」): nothing between two tabs after the row's first cell is an empty cell. Tabs
      // before the first are the copy's indent, unless the line goes on with the row of the line
      // above, that ended in a cell (a 「<br>」 after it: 「0<br></td><td></td><td>3」 is 「0」 /
      // 「\t\t3」), and a number follows them: its first tab ends that cell, and each tab more is an
      // empty cell. The last tab is a cell's end where the row goes on on the next line: a 「<br>」
      // before the next cell's number (「文件\t」 / 「3\t5」). Before a line of tabs, the cell it
      // begins holds a 「<br>」 only: an empty cell (「文件\t」 / 「\t\t」).
      let empty = 0;
      /** Nothing between this line's tabs before its first cell. */
      let leading = 0;
      for (let from = start; ;) {
        // Nothing between two tabs (most lines begin with one): no string made for it.
        const t = tab > from ? text.substring(from, tab).trim() : '';
        if (from === start) indented = !t;
        if (t) {
          if (leading && tokens.length === before && endsAbove(tokens, line) && looksLikeValue(t))
            empty += leading;
          leading = 0;
          if (empty) empty = pushBlanks(tokens, empty, line);
          push(tokens, t, line, true);
        } else if (tokens.length > before) empty++;
        else if (from > start) leading++;
        if (tab >= lineEnd) break;
        tabs++;
        from = tab + 1;
        tab = text.indexOf('\t', from);
        if (tab < 0 || tab > lineEnd) {
          // The first tab of a later line, if any: not looked for again from the next line's start.
          nextTab = tab;
          tab = lineEnd;
        }
      }
      if (empty) pushBlanks(tokens, numberNext(text, end + 1) ? empty - 1 : empty, line);
      else if (tokens.length === before) {
        // A line of tabs only: alone, one empty cell. Before a number a 「<br>」 put on a line of its
        // own, after a cell (「<td>0<br></td><td><br>27</td>」), its first tab is the one between their
        // cells, and each tab more an empty cell between them (「0<br></td><td></td><td><br>27」).
        // After a cell that ended the line above, where no number goes on with the row, each tab
        // begins an empty cell, up to the row's end (「3<br></td><td></td><td></td></tr>」).
        const last = tokens[tokens.length - 1];
        if (last && !last.blank && numberNext(text, end + 1)) {
          if (tabs === 1) tabBetween = line;
          pushBlanks(tokens, tabs - 1, line);
        } else pushBlanks(tokens, endsAbove(tokens, line) ? tabs : 1, line);
      }
    }
    if (tokens.length > before && (indented ? tabs > 1 : tabBetween === line - 1)) markLead(tokens, before);
    start = end + 1;
  }
  return tokens;
}

/** Whether the line above ended in a cell: its text, or one its last tab began. */
function endsAbove(tokens: readonly Token[], line: number): boolean {
  const last = tokens[tokens.length - 1];
  return !!last && last.line === line - 1;
}

/** Marks the token at `i` as a line's first cell after a tab taken for an indent or a 「<br>」's (see Token). */
function markLead(tokens: Token[], i: number): void {
  const t = tokens[i]!;
  tokens[i] = { text: t.text, line: t.line, cell: t.cell, blank: t.blank, spaces: t.spaces, lead: true };
}

/** `n` empty cells of the line; none left to push. */
function pushBlanks(tokens: Token[], n: number, line: number): 0 {
  for (let i = 0; i < n; i++) tokens.push(token('', line, true, 'blank'));
  return 0;
}

/**
 * Whether the line from `start` goes on with a row: its text up to its first tab is a number, a
 * cell's after a 「<br>」 (「文件\t」 / 「3\t5」).
 */
function numberNext(text: string, start: number): boolean {
  let stop = start;
  while (stop < text.length && text[stop] !== '\t' && text[stop] !== '\n') stop++;
  return looksLikeValue(text.substring(start, stop).trim());
}

/**
 * How many empty lines part a cell from the tab line next to it, before it and after it, as most
 * of a framed copy's cells show: one, or two where the page ends (or begins) its cells with a
 * 「<br>」. Told apart for numbers and words, as a page may break only one of them.
 */
interface Spacing {
  readonly before: Gaps;
  readonly after: Gaps;
  /**
   * The empty lines an empty cell leaves between two tab lines: one for 「<p></p>」, four for
   * 「<p><br></p>」, as most empty cells of the copy show. Four are also an empty cell ending a row
   * and one beginning the next, where empty cells are 「<p></p>」.
   */
  readonly emptyCell: number;
}
type Gaps = Readonly<Record<'value' | 'words', number>>;

/**
 * Whether the text is a page's copy (`innerText`) whose cells hold paragraphs: each cell's text
 * stands between empty lines, and the tabs between cells on lines of their own. A line of one tab
 * there parts two cells; in a copy of one cell a line (「\t28」) it is an empty cell. If it is, its
 * spacing.
 */
function framedCells(lines: readonly string[]): Spacing | undefined {
  let tabLines = 0;
  let framed = 0;
  const seen = { before: tally(), after: tally() };
  /** Empty runs between two tab lines: one line, four lines. */
  let oneLine = 0;
  let fourLines = 0;
  for (let i = 1; i < lines.length - 1; i++) {
    const l = lines[i]!;
    if (!l.includes('\t') || l.trim()) continue;
    tabLines++;
    if (
      !lines[i - 1]!.trim() &&
      !lines[i + 1]!.trim() &&
      !lines[i - 1]!.includes('\t') &&
      !lines[i + 1]!.includes('\t')
    ) {
      framed++;
      const after = runFrom(lines, i + 1, 1);
      if (isTabLine(after.past ?? '')) {
        if (after.n === 1) oneLine++;
        else if (after.n === 4) fourLines++;
      } else if (cellKind(after.past) === 'value' || cellKind(content(lines, i, -1)) === 'words') {
        // Words after a number's tab line may be the next row's label, the row's last cell empty
        // (「<td></td>」): a gap a row's end makes, which a page with many such rows would make usual.
        count(seen.after, after);
      }
      const before = runFrom(lines, i - 1, -1);
      if (!isTabLine(before.past ?? '')) count(seen.before, before);
    }
  }
  if (framed < MIN_FRAMED || framed < tabLines * 0.9) return undefined;
  return {
    before: usual(seen.before),
    after: usual(seen.after),
    emptyCell: fourLines > oneLine ? 4 : 1,
  };
}

/** The empty lines from one on, going either way: how many, and the line past them (none at an end). */
interface Run {
  readonly n: number;
  readonly past: string | undefined;
}

function runFrom(lines: readonly string[], i: number, step: number): Run {
  let k = i;
  while (k >= 0 && k < lines.length && lines[k] === '') k += step;
  return { n: (k - i) * step, past: lines[k] };
}

/** The last line, going either way from line `i`, of its cell: a cell's lines have no empty line or tab between them. */
function cellEdge(lines: readonly string[], i: number, step: number): number {
  let k = i;
  for (let next = k + step; next >= 0 && next < lines.length; next += step) {
    if (!lines[next]!.trim() || lines[next]!.includes('\t')) break;
    k = next;
  }
  return k;
}

/** The nearest line either way that is neither empty nor a tab line: a cell's text. */
function content(lines: readonly string[], i: number, step: number): string | undefined {
  for (let k = i + step; k >= 0 && k < lines.length; k += step) if (lines[k]!.trim()) return lines[k];
  return undefined;
}

/** A line of a cell: a number's, or words (or nothing). */
function cellKind(line: string | undefined): keyof Gaps {
  const l = line?.trim();
  return l && looksLikeValue(l) ? 'value' : 'words';
}

/** How many cells of each kind stand one, and two, empty lines from a tab line. */
type Tally = Record<keyof Gaps, [number, number]>;
const tally = (): Tally => ({ value: [0, 0], words: [0, 0] });

function count(t: Tally, { n, past }: Run): void {
  if (n === 1 || n === 2) t[cellKind(past)][n - 1]! += 1;
}

/** The gap most cells of a kind show; one where none does. */
const usual = (t: Tally): Gaps => ({
  value: t.value[1] > t.value[0] ? 2 : 1,
  words: t.words[1] > t.words[0] ? 2 : 1,
});

/**
 * A tab line between empty lines, as a framed copy has many: a copy without one is not looked over.
 * One pattern for both line ends: a text is searched once, not once for each.
 */
const FRAMED_TAB = /\n\n\t\n\n|\r\n\r\n\t\r\n\r\n/;

/** Framed tab lines that tell such a copy: a table's row has a few. */
const MIN_FRAMED = 10;

const TITLES: ReadonlySet<string> = new Set(PART_TITLES);

const isTabLine = (l: string) => l.includes('\t') && !l.trim();

/**
 * Where a framed copy's rows break (see framedCells): at the tab line `i`, whether its row ends
 * after it (a cell empty at its end) and whether a row begins with it (a cell empty at its start),
 * told by the empty lines on either side.
 */
function rowBreaks(lines: readonly string[], spacing: Spacing) {
  const gap = ({ past }: Run, step: number) => (step > 0 ? spacing.after : spacing.before)[cellKind(past)];
  /** More empty lines than part a cell from a tab line, or than an empty cell leaves: a row's end (or start) is there. */
  const breaks = (run: Run, step: number) =>
    isTabLine(run.past ?? '') ? run.n > 1 && run.n !== spacing.emptyCell : run.n > gap(run, step);
  /**
   * One empty line more than a number's usual gap after a tab line: a 「<br>」 before the number in
   * its cell, as a page's editor leaves in a few. An empty cell without a paragraph (「<td></td>」)
   * ending a row leaves the same gap, but before the next row's label.
   */
  const brokenNumber = (run: Run) => cellKind(run.past) === 'value' && run.n === gap(run, 1) + 1;
  /** Whether the cell whose last line is `at` begins its row, or follows (by `cells` at most) the cell that does. */
  const leadsRow = (at: number, cells = 1): boolean => {
    const first = cellEdge(lines, at, -1);
    const above = runFrom(lines, first - 1, -1);
    if (!isTabLine(above.past ?? '')) return true;
    const tab = first - 1 - above.n;
    // A row's break after the tab line: more than a 「<br>」 before the cell makes, or a row of
    // numbers ending in an empty cell (「<td></td>」) before it.
    const below = runFrom(lines, tab + 1, 1);
    const numbersAbove = cellKind(content(lines, tab, -1)) === 'value';
    if (below.n > gap(below, 1) + (numbersAbove ? 0 : 1)) return true;
    // The cell before, a cell's gap away, or a 「<br>」 more.
    const before = runFrom(lines, tab - 1, -1);
    const inRow = before.past !== undefined && !isTabLine(before.past) && before.n <= gap(before, -1) + 1;
    return cells > 0 && inRow && leadsRow(tab - 1 - before.n, cells - 1);
  };
  /** Words after the tab line at `i`, and a number in the cell after them: a row's label, 「1.属于国家秘密」. */
  const labelOfNumbersNext = (i: number) => {
    const label = runFrom(lines, i + 1, 1);
    if (label.past === undefined || isTabLine(label.past) || cellKind(label.past) !== 'words') return false;
    const last = cellEdge(lines, i + 1 + label.n, 1);
    const after = runFrom(lines, last + 1, 1);
    return isTabLine(after.past ?? '') && cellKind(content(lines, last + 1 + after.n, 1)) === 'value';
  };
  /**
   * A row's label with a 「<br>」 after it, numbers following: one empty line more than words' usual
   * gap, where the label begins its row or follows the cell that does (「三、本年度办理结果」). After a
   * header's last cell (table 4's 「总计」), the same gap is its row's end, and an empty cell
   * (「<td></td>」) begins the row of numbers.
   */
  const brokenLabel = (run: Run, at: number) =>
    cellKind(run.past) === 'words' &&
    !isTabLine(run.past ?? '') &&
    run.n === gap(run, -1) + 1 &&
    leadsRow(at);
  return {
    breaks,
    at(i: number): { rowEnd: boolean; rowStart: boolean } {
      const l = lines[i]!;
      const after = runFrom(lines, i + 1, 1);
      const before = runFrom(lines, i - 1, -1);
      // No row of a report's tables begins with an empty cell and then numbers, and table 4's row of
      // numbers follows its header's words: where a number follows the tab line, past its empty
      // cells, a longer gap between numbers, or between two tab lines, is a few cells' own 「<br>」
      // or 「<p><br></p>」, not a row's break.
      const numberNext = cellKind(content(lines, i, 1)) === 'value';
      const oneRow = (run: Run) =>
        numberNext && (isTabLine(run.past ?? '') || cellKind(content(lines, i, -1)) === 'value');
      return {
        rowEnd:
          !!l.slice(l.lastIndexOf('\t') + 1) || (breaks(after, 1) && !oneRow(after) && !brokenNumber(after)),
        rowStart:
          breaks(before, -1) &&
          !oneRow(before) &&
          !((numberNext || labelOfNumbersNext(i)) && brokenLabel(before, i - 1 - before.n)),
      };
    },
  };
}

/**
 * The cells of a framed copy (see framedCells). A line of tabs parts cells: as many empty cells as
 * tabs less one, and one more for each end of the line where a cell is empty. A cell is empty at
 * the line's end when spaces follow its last tab (「&nbsp;」) or the row ends after it, at its start
 * when the row began before it: a row's end is an empty line more than a cell's. A line of spaces
 * after a tab line is an empty cell, and so is nothing between two tab lines. Lines with no empty
 * line between them are one cell's (a label broken by 「<br>」) where a tab line stands before or
 * after them; elsewhere (the report's prose) each line is read as in any copy.
 */
function framedTokens(lines: readonly string[], spacing: Spacing): Token[] {
  const tokens: Token[] = [];
  const blanks = (n: number, i: number) => {
    for (; n > 0; n--) tokens.push(token('', i + 1, true, 'blank'));
  };
  const rows = rowBreaks(lines, spacing);
  let afterTab = false;
  for (let i = 0; i < lines.length;) {
    const l = lines[i]!;
    if (isTabLine(l)) {
      const { rowEnd, rowStart } = rows.at(i);
      // A cell begun by the tab line before, with nothing in it: 「<p></p>」.
      const emptied = afterTab ? 1 : 0;
      blanks(emptied + countTabs(l) - 1 + (rowEnd ? 1 : 0) + (rowStart ? 1 : 0), i);
      afterTab = !rowEnd;
      i++;
      continue;
    }
    if (!l.trim()) {
      // A cell of spaces (「&nbsp;」) after a tab line, or before one where the row begins with it.
      const next = runFrom(lines, i + 1, 1);
      if (l && (afterTab || (isTabLine(next.past ?? '') && !rows.breaks(next, 1)))) blanks(1, i);
      if (l) afterTab = false;
      i++;
      continue;
    }
    let j = i;
    while (j < lines.length && lines[j]!.trim() && !lines[j]!.includes('\t')) j++;
    // A table's last row has no empty line more at its end: the part after it tells it.
    if (afterTab && j > i && TITLES.has(lines.slice(i, j).join('').replace(/\s/g, ''))) {
      blanks(1, i - 1 - runFrom(lines, i - 1, -1).n);
      afterTab = false;
    }
    const next = j + runFrom(lines, j, 1).n;
    if (j > i && (afterTab || (next < lines.length && isTabLine(lines[next]!)))) {
      push(
        tokens,
        lines
          .slice(i, j)
          .map((x) => x.trim())
          .join(''),
        i + 1,
        true,
      );
    } else {
      j = Math.max(j, i + 1);
      for (let m = i; m < j; m++) pushLine(tokens, lines[m]!, m + 1);
    }
    afterTab = false;
    i = j;
  }
  return tokens;
}

/** Whether every tab of the text is on a line of nothing but spaces and tabs. */
function tabsOnlyBetweenSpaces(text: string): boolean {
  for (let at = text.indexOf('\t'); at >= 0; at = text.indexOf('\t', at + 1)) {
    const start = text.lastIndexOf('\n', at) + 1;
    const end = text.indexOf('\n', at);
    if (text.slice(start, end < 0 ? text.length : end).trim()) return false;
    if (end < 0) break;
    at = end;
  }
  return true;
}

/** A line of spaces alone between blank lines: a paragraph of nothing but spaces. */
const PARAGRAPH_OF_SPACES = /\n\r?\n[ \u3000]+\r?\n\r?\n/;
const isEmptyLine = (l: string | undefined) => l === '' || l === '\r';

/**
 * The lines of a copy with no tabs, each line of no-break spaces only as a cell of them, and each
 * line of spaces only that stands between blank lines (a copy that makes each cell a paragraph). A
 * line of spaces between lines of text is no cell: a paragraph's spacing.
 */
function spacedTokens(text: string, pageNumbers: ReadonlySet<number> | undefined): Token[] {
  const tokens: Token[] = [];
  const lines = text.split('\n');
  lines.forEach((l, i) => {
    if (pageNumbers?.has(i + 1)) return;
    if (l.trim()) return pushLine(tokens, l, i + 1);
    if (l.includes('\t')) {
      // 「 \t \t」: a cell of spaces before each tab, and after the last; a tab alone is one empty cell.
      const parts = l.split('\t');
      const cells = Math.max(parts.length - 1, parts.filter((p) => p && p !== '\r').length);
      for (let c = 0; c < cells; c++) tokens.push(token('', i + 1, false, 'spaces'));
    } else if (
      l.includes('\u00a0') ||
      (!isEmptyLine(l) && isEmptyLine(lines[i - 1]) && isEmptyLine(lines[i + 1]))
    )
      tokens.push(token('', i + 1, false, 'spaces'));
  });
  return tokens;
}

/** A line's cells, by its tabs: what `tokenize` does with each line, in a copy read line by line. */
function pushLine(tokens: Token[], l: string, line: number): void {
  if (!l.includes('\t')) {
    const t = l.trim();
    if (t) push(tokens, t, line, false);
    return;
  }
  const before = tokens.length;
  for (const part of l.split('\t')) {
    const t = part.trim();
    if (t) push(tokens, t, line, true);
  }
  if (tokens.length === before) tokens.push(token('', line, true, 'blank'));
}

function countTabs(line: string): number {
  let n = 0;
  for (let i = line.indexOf('\t'); i >= 0; i = line.indexOf('\t', i + 1)) n++;
  return n;
}

/** The characters a value (see VALUE) may end with, but for digits: by their codes. */
const VALUE_ENDS = [...'.．,，元件个项—-－/／'].map((c) => c.charCodeAt(0));

/**
 * Whether the text's last character may end a value: if not, its last word is none, and the text
 * is no run of values to split. A sentence's line seldom ends so, and is not searched for spacing.
 */
function mayEndValue(t: string): boolean {
  const c = t.charCodeAt(t.length - 1);
  return (c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19) || VALUE_ENDS.includes(c);
}

/** One or two characters standing alone: a piece of a vertical merged label a PDF copy put here. */
const FRAGMENT = /^[\u4e00-\u9fff（）()]{1,2}$/;

/**
 * A cell's text: split into cells when it is a label or value followed by values, spaced. In a
 * copy that keeps a PDF's layout, characters of a vertical merged label (「本」, 「果」) may stand
 * in front of a row's label and numbers: they are cells of their own, which no row takes.
 */
function push(tokens: Token[], t: string, line: number, cell: boolean): void {
  // One character is no run of values (most cells: 「0」), nor is text that ends in none.
  if (t.length > 1 && mayEndValue(t) && /\s/.test(t)) {
    const parts = t.split(/\s+/);
    let lead = 0;
    while (lead < parts.length - 2 && FRAGMENT.test(parts[lead]!) && !looksLikeValue(parts[lead]!)) lead++;
    if (parts.slice(lead + 1).every(looksLikeValue)) {
      for (const p of parts) tokens.push(token(p, line, cell));
      return;
    }
  }
  tokens.push(token(t, line, cell));
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

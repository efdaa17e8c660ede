import { decodeHTML } from 'entities';
import { hasBodyWords } from '../report/parts.js';

const BLOCK = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'br',
  'caption',
  'dd',
  'div',
  'dl',
  'dt',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'ol',
  'p',
  'pre',
  'section',
  'table',
  'title',
  'ul',
]);
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'svg']);
/** Their content is text up to their end tag, never markup. */
const RAW = new Set(['script', 'style', 'textarea', 'title']);
const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'wbr',
]);
const CELL = new Set(['td', 'th']);

/** Past this, nesting is no page a person wrote; the reader's work grows with depth × tags. */
export const MAX_PAGE_DEPTH = 500;

// Elements that never hold others, and those whose end tag a page may leave out (browsers close
// them themselves): neither deepens the nesting.
const FLAT = new Set(
  'area base br col embed hr img input link meta source track wbr p li dt dd tr td th option optgroup thead tbody tfoot colgroup caption rb rt rp'.split(
    ' ',
  ),
);
/** What the reader does with an element of a name: each tag's name is looked up once. */
interface Element {
  /** The name, the same string for every tag of it: compared by reference. */
  readonly name: string;
  readonly block: boolean;
  readonly skip: boolean;
  readonly raw: boolean;
  readonly void: boolean;
  readonly cell: boolean;
  readonly flat: boolean;
  /** A raw element's end tag (see RAW), where its text stops. */
  readonly end: RegExp | undefined;
}

const elementOf = (name: string): Element => ({
  name,
  block: BLOCK.has(name),
  skip: SKIP.has(name),
  raw: RAW.has(name),
  void: VOID.has(name),
  cell: CELL.has(name),
  flat: FLAT.has(name),
  // Set on every element, undefined on most: all of one shape.
  end: RAW.has(name) ? new RegExp(`</${name}`, 'ig') : undefined,
});
const ELEMENTS = new Map(
  [...new Set([...BLOCK, ...SKIP, ...RAW, ...VOID, ...CELL, ...FLAT, 'tr', 'table'])].map((name) => [
    name,
    elementOf(name),
  ]),
);
/** Any element the reader does nothing with but nest it. */
const OTHER = elementOf('');
const TD = ELEMENTS.get('td')!;

/** Names this short are looked up by a number (see nameCode): a page has a tag every few characters. */
const MAX_CODED = 5;

/**
 * A name of ASCII letters and digits, at most MAX_CODED of them, as a number, capitals as small
 * letters; -1 for any other. Looking up a new string hashes it; a number is its own hash.
 */
function nameCode(html: string, from: number, to: number): number {
  if (to - from > MAX_CODED) return -1;
  let code = 0;
  for (let i = from; i < to; i++) {
    // Capitals to small letters; digits stay digits (no character of a name is below 「!」).
    const c = html.charCodeAt(i) | 0x20;
    const digit = c >= 97 && c <= 122 ? c - 96 : c >= 48 && c <= 57 ? c - 21 : -1;
    if (digit < 0) return -1;
    code = code * 64 + digit;
  }
  return code;
}
const CODED = new Map(
  [...ELEMENTS.values()].flatMap((e) => {
    const code = nameCode(e.name, 0, e.name.length);
    return code < 0 ? [] : [[code, e] as const];
  }),
);

/**
 * Codes of names of one or two characters (「p」, 「td」, 「tr」: most of a page's tags) are below
 * this: looked up in an array, quicker than a map.
 */
const SHORT_CODES = 64 * 64;
const SHORT_CODED: (Element | undefined)[] = Array.from({ length: SHORT_CODES }, () => undefined);
for (const [code, e] of CODED) if (code < SHORT_CODES) SHORT_CODED[code] = e;
const elementCoded = (code: number) => (code < SHORT_CODES ? SHORT_CODED[code] : CODED.get(code));

const SPACE = /[\s\u00a0]/;
const SPACES = /[\s\u00a0]+/g;

/** Where the tag that opens at `lt` ends (after its 「>」): quoted attribute values may hold 「>」. */
function tagEnd(html: string, lt: number): number {
  let quote = 0;
  for (let i = lt + 1; i < html.length; i++) {
    const c = html.charCodeAt(i);
    if (quote) {
      if (c === quote) quote = 0;
    } else if (c === 34 || c === 39) quote = c;
    else if (c === 62) return i + 1;
  }
  return html.length;
}

const isLetter = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);

const GROUPED = /^ *\d{1,3}(?: \d{3})+ *$/;

/**
 * A cell holding one number written in groups of three with spaces (「3 440」, 「3&nbsp;440」) is one
 * number, as the page shows it: written with commas, which the reader reads (and warns of), not as
 * two cells' numbers.
 */
function groupedNumber(out: string[], start: number): void {
  if (out.length - start > 4) return;
  // Every cell of a page closes here: most hold no space, and joining their pieces cost more than the rest of the scan.
  let spaced = false;
  for (let i = start; i < out.length; i++) if (out[i]!.includes(' ')) spaced = true;
  if (!spaced) return;
  const text = out.slice(start).join('');
  if (!GROUPED.test(text)) return;
  out.length = start;
  out.push(text.trim().replace(/ /g, ','));
}

/**
 * A saved report page as the text a reader copies from it: one table cell per line (tab first),
 * a blank line after each row, paragraphs on lines of their own. A cell's text stays on one line,
 * however the page breaks it, and merged cells (rowspan, colspan) appear once, as in a copy.
 * A single scan over the markup: batches read thousands of pages.
 */
export function htmlToText(html: string): string {
  return pageText(html, Infinity)!;
}

/** Table tags, and the starts of what holds none however it reads: comments, scripts, styles. */
const TABLE_TAGS = /<!--|<(script|style)\b|<(\/?)table\b/gi;
const SCRIPT_END = /<\/script\s*>/gi;
const STYLE_END = /<\/style\s*>/gi;

/**
 * Where a comment (`element` undefined), a script or a style that opens before `from` ends, or -1
 * where it runs to the page's end: looked for once. A pattern that matched each whole scanned the
 * rest of the page again from each one left open (150,000 「<!--」 in 600 KB took 40 s).
 */
function endOf(html: string, element: string | undefined, from: number): number {
  if (!element) {
    const at = html.indexOf('-->', from);
    return at < 0 ? -1 : at + 3;
  }
  const end = element.toLowerCase() === 'script' ? SCRIPT_END : STYLE_END;
  end.lastIndex = from;
  return end.exec(html) ? end.lastIndex : -1;
}

/**
 * Where the page's layout tables open: tables that hold others and the report's own words (older
 * sites lay out the whole page, report and all, in one), or several tables. Their cells are the
 * page's blocks, not a table's cells. A table of the report with a small table in a header cell
 * holds no part title: it stays a table.
 */
function layoutTables(html: string): Set<number> {
  const layout = new Set<number>();
  const open: OpenTable[] = [];
  TABLE_TAGS.lastIndex = 0;
  for (let m = TABLE_TAGS.exec(html); m; m = TABLE_TAGS.exec(html)) {
    if (m[1] || m[0] === '<!--') {
      const end = endOf(html, m[1], TABLE_TAGS.lastIndex);
      if (end < 0) break;
      TABLE_TAGS.lastIndex = end;
      continue;
    }
    if (!m[2]) {
      open.push({ at: m.index, inner: [] });
      continue;
    }
    const t = open.pop();
    if (!t) continue;
    const parent = open.at(-1);
    parent?.inner.push([t.at, m.index]);
    if (!t.inner.length) continue;
    if (t.holdsLayout || t.inner.length > 1 || hasBodyWords(ownText(html, t, m.index))) {
      layout.add(t.at);
      // What holds a layout table is one too: the page's frame around its content's frame.
      if (parent) parent.holdsLayout = true;
    }
  }
  return layout;
}

interface OpenTable {
  readonly at: number;
  /** Where the tables it holds open and close. */
  readonly inner: [number, number][];
  holdsLayout?: boolean;
}

/** A table's markup without the tables it holds. */
function ownText(html: string, t: OpenTable, end: number): string {
  let own = '';
  let from = t.at;
  for (const [start, stop] of t.inner) {
    own += html.slice(from, start);
    from = stop;
  }
  return own + html.slice(from, end);
}

/** A tag's name, lower-cased only when it has capitals: toLowerCase on a slice of a page of Chinese text is slow. */
const lowerCased = (name: string, capitals: boolean) => (capitals ? name.toLowerCase() : name);

/** The same, or undefined when elements nest deeper than `maxDepth` (counted as a browser closes them). */
export function pageText(html: string, maxDepth: number): string | undefined {
  const found = layoutTables(html);
  const layout = found.size ? found : undefined;
  /** For each table open, whether it is a layout table. */
  const tables: boolean[] = [];
  const out: string[] = [];
  const nesting: string[] = [];
  let skipping = 0;
  let cellDepth = 0;
  /** Where the open cell's text starts in `out`. */
  let cellStart = 0;
  /** Ends the line, without the spaces it ended with. */
  const endLine = () => {
    for (let last = out.length - 1; last >= 0; last--) {
      const piece = out[last]!;
      let e = piece.length;
      while (e && (piece.charCodeAt(e - 1) === 32 || piece.charCodeAt(e - 1) === 0x3000)) e--;
      if (e === piece.length) break;
      if (e) {
        out[last] = piece.slice(0, e);
        break;
      }
      out.pop();
    }
    out.push('\n');
  };
  const newline = () => {
    if (out.length && !out[out.length - 1]!.endsWith('\n')) endLine();
  };
  const text = (raw: string) => {
    if (skipping || !raw) return;
    // Spacing alone (a line's end and an indent between two tags, as most are) is one space.
    if (!raw.trim()) {
      out.push(' ');
      return;
    }
    const decoded = raw.includes('&') ? decodeHTML(raw) : raw;
    out.push(SPACE.test(decoded) ? decoded.replace(SPACES, ' ') : decoded);
  };
  const open = (e: Element) => {
    // A cell or row left open is closed by the next one, as browsers do.
    if ((e.cell || e.name === 'tr') && cellDepth) close(TD);
    if (e.skip) skipping++;
    else if (e.cell) {
      newline();
      // Put with the line's end before it where there is one: a page has thousands of cells, and
      // fewer pieces are quicker joined.
      if (out[out.length - 1] === '\n') out[out.length - 1] = '\n\t';
      else out.push('\t');
      cellStart = out.length;
      cellDepth++;
    } else if (e.block && !cellDepth) newline();
  };
  const close = (e: Element) => {
    if (e.skip) skipping = Math.max(0, skipping - 1);
    else if (e.cell) {
      if (!cellDepth) return;
      cellDepth--;
      groupedNumber(out, cellStart);
      endLine();
    } else if (e.name === 'tr') {
      if (cellDepth) close(TD);
      endLine();
    } else if (e.block && !cellDepth) newline();
  };

  let at = 0;
  for (let lt = html.indexOf('<'); lt >= 0; lt = html.indexOf('<', at)) {
    const closing = html.charCodeAt(lt + 1) === 47;
    const first = lt + (closing ? 2 : 1);
    if (html.startsWith('<!--', lt)) {
      text(html.slice(at, lt));
      const end = html.indexOf('-->', lt + 4);
      at = end < 0 ? html.length : end + 3;
      continue;
    }
    const c = html.charCodeAt(lt + 1);
    if (!isLetter(html.charCodeAt(first)) && c !== 33 && c !== 63) {
      // A lone 「<」 is text.
      text(html.slice(at, lt + 1));
      at = lt + 1;
      continue;
    }
    text(html.slice(at, lt));
    const end = tagEnd(html, lt);
    at = end;
    if (c === 33 || c === 63) continue; // <!doctype>, <?xml?>
    // The name's end, and whether it has capitals.
    let n = first;
    let capitals = false;
    for (let k = html.charCodeAt(n); n < end && k > 32 && k !== 47 && k !== 62; k = html.charCodeAt(++n))
      if (k >= 65 && k <= 90) capitals = true;
    const code = nameCode(html, first, n);
    const known = code < 0 ? ELEMENTS.get(lowerCased(html.slice(first, n), capitals)) : elementCoded(code);
    const e = known ?? OTHER;
    const name = known ? known.name : lowerCased(html.slice(first, n), capitals);
    if (layout && tables.at(-1) && (e.cell || name === 'tr')) {
      newline();
      continue;
    }
    if (closing) {
      // An element that deepens no nesting is not in it.
      const k = e.flat ? -1 : nesting.lastIndexOf(name);
      if (k >= 0) nesting.length = k;
      close(e);
      if (layout && name === 'table') tables.pop();
      continue;
    }
    if (layout && name === 'table') tables.push(layout.has(lt));
    if (!e.flat && html.charCodeAt(end - 2) !== 47 && nesting.push(name) > maxDepth) return undefined;
    open(e);
    // 「<svg/>」 ends itself; 「<p/>」 does not, in HTML.
    if (e.void || (e.skip && html.charCodeAt(end - 2) === 47)) close(e);
    else if (e.raw) {
      const stop = e.end!;
      stop.lastIndex = at;
      const until = stop.exec(html)?.index ?? html.length;
      if (name === 'title' || name === 'textarea') text(html.slice(at, until));
      at = until;
    }
  }
  text(html.slice(at));
  if (cellDepth) close(TD);
  return out.join('');
}

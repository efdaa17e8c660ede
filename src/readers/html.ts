import { Parser } from 'htmlparser2';

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

/**
 * A saved report page as the text a reader copies from it: one table cell per line (tab first),
 * a blank line after each row, paragraphs on lines of their own. A cell's text stays on one line,
 * however the page breaks it, and merged cells (rowspan, colspan) appear once, as in a copy.
 */
export function htmlToText(html: string): string {
  const out: string[] = [];
  let skipping = 0;
  let cellDepth = 0;
  const newline = () => {
    if (out.length && !out[out.length - 1]!.endsWith('\n')) out.push('\n');
  };
  const parser = new Parser(
    {
      onopentag(name) {
        if (SKIP.has(name)) skipping++;
        else if (name === 'td' || name === 'th') {
          newline();
          out.push('\t');
          cellDepth++;
        } else if (BLOCK.has(name) && !cellDepth) newline();
      },
      ontext(text) {
        if (skipping) return;
        out.push(text.replace(/[\s\u00a0]+/g, ' '));
      },
      onclosetag(name) {
        if (SKIP.has(name)) skipping--;
        else if (name === 'td' || name === 'th') {
          cellDepth = Math.max(0, cellDepth - 1);
          out.push('\n');
        } else if (name === 'tr') out.push('\n');
        else if (BLOCK.has(name) && !cellDepth) newline();
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  return out.join('').replace(/[ \u3000]+\n/g, '\n');
}

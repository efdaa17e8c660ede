import { decodeXML } from 'entities';
import { type DocBlock, struckThrough } from '../text/document.js';

interface Cell {
  text: string;
  span: number;
  /** A cell merged into the one above (w:vMerge without 「restart」). */
  covered: boolean;
}

/** The value of an attribute in a tag's text, e.g. w:val. */
function attr(tag: string, name: string): string | undefined {
  const at = tag.indexOf(` ${name}="`);
  if (at < 0) return undefined;
  const from = at + name.length + 3;
  return tag.slice(from, tag.indexOf('"', from));
}

/**
 * The body of word/document.xml as lines and tables: each paragraph a line, each table's rows of
 * cells laid on its grid (w:gridSpan, w:gridBefore), a cell merged into the one above (w:vMerge)
 * null. A table inside a cell is text of that cell. One scan over the markup.
 */
export function bodyBlocks(xml: string): DocBlock[] {
  const blocks: DocBlock[] = [];
  let line = '';
  let inText = false;
  let deleted = false;
  let skip = 0;
  let depth = 0;
  let rows: Cell[][] = [];
  let row: Cell[] | undefined;
  let cell: Cell | undefined;
  let before = 0;
  let tables = 0;
  const endLine = () => {
    if (line.trim()) blocks.push({ line });
    line = '';
  };
  const endTable = () => {
    const n = ++tables;
    const grid = rows.map((cells) => {
      const out: (string | null)[] = [];
      for (const c of cells) {
        out.push(c.covered ? null : c.text.trim());
        for (let i = 1; i < c.span; i++) out.push(null);
      }
      return out;
    });
    blocks.push({ table: { rows: grid, where: (r, c) => `表格${n} 第${r + 1}行第${c + 1}列` } });
    rows = [];
  };

  let at = 0;
  for (let lt = xml.indexOf('<'); lt >= 0; lt = xml.indexOf('<', at)) {
    if (inText && !skip) {
      const raw = xml.slice(at, lt);
      const decoded = raw.includes('&') ? decodeXML(raw) : raw;
      const text = deleted ? struckThrough(decoded) : decoded;
      if (cell) cell.text += text;
      else if (!depth) line += text;
    }
    const gt = xml.indexOf('>', lt);
    if (gt < 0) break;
    at = gt + 1;
    const tag = xml.slice(lt + 1, gt);
    const closing = tag.startsWith('/');
    const selfClosing = tag.endsWith('/');
    let n = closing ? 1 : 0;
    while (n < tag.length && tag.charCodeAt(n) > 32 && tag[n] !== '/' && tag[n] !== '>') n++;
    const name = tag.slice(closing ? 1 : 0, n);
    if (name === 'mc:Fallback') {
      // The same content again, for older readers.
      if (!selfClosing) skip += closing ? -1 : 1;
      continue;
    }
    if (skip) continue;
    switch (name) {
      case 'w:t':
        inText = !closing && !selfClosing;
        deleted = false;
        break;
      case 'w:delText':
        // A deletion not yet accepted: Word shows it struck through.
        inText = deleted = !closing && !selfClosing;
        break;
      case 'w:tab':
        if (!closing) {
          if (cell) cell.text += ' ';
          else if (!depth) line += '\t';
        }
        break;
      case 'w:br':
      case 'w:cr':
        if (!closing && !depth) endLine();
        break;
      case 'w:p':
        if (closing && !depth) endLine();
        break;
      case 'w:tbl':
        if (closing) {
          depth--;
          if (!depth) endTable();
        } else if (!selfClosing) {
          if (!depth) endLine();
          depth++;
        }
        break;
      case 'w:tr':
        if (depth !== 1) break;
        if (closing) {
          if (row) rows.push(row);
          row = undefined;
        } else {
          row = [];
          before = 0;
        }
        break;
      case 'w:gridBefore':
        if (depth === 1 && row && !row.length) before = Number(attr(tag, 'w:val') ?? 0) || 0;
        break;
      case 'w:tc':
        if (depth !== 1 || !row) break;
        if (closing) {
          cell = undefined;
        } else {
          for (; before > 0; before--) row.push({ text: '', span: 1, covered: false });
          cell = { text: '', span: 1, covered: false };
          row.push(cell);
        }
        break;
      case 'w:gridSpan':
        if (depth === 1 && cell) cell.span = Math.max(1, Math.min(64, Number(attr(tag, 'w:val')) || 1));
        break;
      case 'w:vMerge':
        if (depth === 1 && cell) cell.covered = attr(tag, 'w:val') !== 'restart';
        break;
    }
  }
  endLine();
  return blocks;
}

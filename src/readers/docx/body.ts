import { decodeXML } from 'entities';
import { hasBodyWords } from '../../report/parts.js';
import { ReadProblem } from '../problem.js';
import { type DocBlock, shownColumn, struckThrough } from '../text/document.js';
import type { ChunkTexts } from './chunks.js';
import type { EmbeddedTables } from './embedded.js';
import type { Numbering } from './numbering.js';

/** What the body refers to in the document's other parts: its lists, embedded workbooks, chunks of pages. */
export interface BodyParts {
  readonly numbering?: Numbering;
  readonly objects?: EmbeddedTables;
  readonly chunks?: ChunkTexts;
}

type Rows = (string | null)[][];
/** What a cell or the body holds, in order: its paragraphs (a tab as \t) and its tables. */
type Block =
  | { readonly line: string }
  | {
      readonly rows: Rows;
      readonly joined: boolean[][];
      /** An embedded workbook's: where a place is in its sheet (「B5」). */
      readonly address?: (row: number, col: number) => string;
    };

interface Holder {
  readonly blocks: Block[];
  /** The paragraph being read. */
  line: string;
}

interface Cell extends Holder {
  span: number;
  /** A cell merged into the one above (w:vMerge without 「restart」). */
  covered: boolean;
}

interface Frame {
  readonly rows: Cell[][];
  row?: Cell[];
  cell?: Cell;
  /** Empty cells before the row's first (w:gridBefore). */
  before: number;
  /** How many tables its cells hold, and whether one of them is a layout table. */
  tables: number;
  holdsLayout: boolean;
}

/**
 * Tables nested deeper than this are text of the cell that holds them: each level's cells repeat
 * the text of the tables they hold, so a bound keeps time and memory linear in the markup.
 */
const MAX_FRAMES = 8;
/** A cell spans at most this many grid columns, and a row starts at most this many columns in. */
const MAX_SPAN = 64;
/**
 * Grid places in one table: the official tables have some 500. A table far past it is no report's,
 * and laying it out (a 15 MB document of cells 64 columns wide) took 680 MB.
 */
const MAX_TABLE_CELLS = 100_000;

/** The value of an attribute in a tag's text, e.g. w:val. */
function attr(tag: string, name: string): string | undefined {
  const at = tag.indexOf(` ${name}="`);
  if (at < 0) return undefined;
  const from = at + name.length + 3;
  return tag.slice(from, tag.indexOf('"', from));
}

function endLine(h: Holder): void {
  if (h.line) h.blocks.push({ line: h.line });
  h.line = '';
}

const blockText = (b: Block) => ('line' in b ? b.line : b.rows.flat().join(''));

/** A cell's text as one grid cell: its paragraphs, and the tables it holds, run together. */
const cellText = (c: Cell) => (c.blocks.map(blockText).join('') + c.line).replaceAll('\t', ' ').trim();

/** Its cells' own paragraphs, without the tables they hold. */
const ownText = (f: Frame) =>
  f.rows
    .flat()
    .flatMap((c) => c.blocks.map((b) => ('line' in b ? b.line : '')))
    .join('\n');

/**
 * A table that lays out the document rather than being one of its tables, as in a report saved
 * from a web page: it holds tables, and besides them the report's own words, several tables, a
 * layout table, or nothing but one cell a row. A table of the report with a small table in a
 * header cell holds none of these: it stays a table. (The page reader tells them apart alike.)
 */
const isLayout = (f: Frame) =>
  f.tables > 0 &&
  (f.holdsLayout || f.tables > 1 || f.rows.every((r) => r.length <= 1) || hasBodyWords(ownText(f)));

/**
 * The body of word/document.xml as lines and tables: each paragraph a line, each table's rows of
 * cells laid on its grid (w:gridSpan, w:gridBefore), a cell merged into the one above (w:vMerge)
 * null. A table inside a cell is text of that cell, unless the outer table lays out the document:
 * then its cells' paragraphs are lines and the tables they hold are tables. One scan over the markup.
 */
export function bodyBlocks(xml: string, { numbering, objects, chunks }: BodyParts = {}): DocBlock[] {
  const body: Holder = { blocks: [], line: '' };
  const frames: Frame[] = [];
  /** Tables open beyond MAX_FRAMES. */
  let untracked = 0;
  let inText = false;
  let deleted = false;
  /** Within a run marked hidden (w:vanish): Word neither shows nor prints it. */
  let hidden = false;
  /** Within text moved away (w:moveFrom), not yet accepted: Word shows it struck through, as a deletion. */
  let movedFrom = 0;
  let inDeletion = 0;
  /** Within a run's or a paragraph's properties before a tracked change (w:rPrChange, w:pPrChange). */
  let formerly = 0;
  /** The paragraph's list (w:numPr), or its style's (w:pStyle): Word shows its number (「一、」) before its text. */
  let numId: string | undefined;
  let ilvl: number | undefined;
  let pStyle: string | undefined;
  let tabStops = false;
  let skip = 0;
  /** Where text goes: the innermost open cell, or the body; nowhere between a table's cells. */
  const holder = (): Holder | undefined => (frames.length ? frames.at(-1)!.cell : body);
  const frame = () => (untracked ? undefined : frames.at(-1));

  const closeTable = () => {
    const f = frames.pop()!;
    if (f.cell) endLine(f.cell);
    const parent = frames.at(-1);
    const into = holder();
    if (parent) parent.tables++;
    if (isLayout(f)) {
      if (parent) parent.holdsLayout = true;
      for (const cells of f.rows) for (const c of cells) if (!c.covered) into?.blocks.push(...c.blocks);
      return;
    }
    let places = 0;
    for (const cells of f.rows) for (const c of cells) places += c.span;
    if (places > MAX_TABLE_CELLS)
      throw new ReadProblem(
        `文档中有一个表格超过 ${MAX_TABLE_CELLS / 10_000} 万格（按合并前的格子计），不像年报的表格，未读取。`,
      );
    const joined: boolean[][] = [];
    const rows = f.rows.map((cells) => {
      const out: (string | null)[] = [];
      const ran: boolean[] = [];
      for (const c of cells) {
        out.push(c.covered ? null : cellText(c));
        ran.push(false);
        for (let i = 1; i < c.span; i++) {
          out.push(null);
          ran.push(true);
        }
      }
      joined.push(ran);
      return out;
    });
    into?.blocks.push({ rows, joined });
  };

  let at = 0;
  for (let lt = xml.indexOf('<'); lt >= 0; lt = xml.indexOf('<', at)) {
    if (inText && !skip && !hidden) {
      const raw = xml.slice(at, lt);
      const decoded = raw.includes('&') ? decodeXML(raw) : raw;
      const h = holder();
      if (h) h.line += deleted || movedFrom ? struckThrough(decoded) : decoded;
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
      case 'w:r':
        // Each run says for itself whether it is hidden (its w:rPr comes first).
        hidden = false;
        break;
      case 'w:rPrChange':
      case 'w:pPrChange':
        // A run's or a paragraph's properties before a tracked change: not what Word shows now.
        if (!selfClosing) formerly = Math.max(0, formerly + (closing ? -1 : 1));
        break;
      case 'w:vanish': {
        const val = attr(tag, 'w:val');
        if (!formerly) hidden = !closing && val !== 'false' && val !== '0' && val !== 'off';
        break;
      }
      case 'w:moveFrom':
        if (!selfClosing) movedFrom = Math.max(0, movedFrom + (closing ? -1 : 1));
        break;
      case 'w:del':
        // Runs deleted, not yet accepted (their text is w:delText, struck through): an object among them is gone.
        if (!selfClosing) inDeletion = Math.max(0, inDeletion + (closing ? -1 : 1));
        break;
      case 'w:t':
        inText = !closing && !selfClosing;
        deleted = false;
        break;
      case 'w:delText':
        // A deletion not yet accepted: Word shows it struck through.
        inText = deleted = !closing && !selfClosing;
        break;
      case 'o:OLEObject':
      case 'w:objectEmbed': {
        // An embedded workbook (an Excel object): its cells, where the page shows their picture.
        const rid = closing || inDeletion || movedFrom ? undefined : attr(tag, 'r:id');
        const table = rid === undefined ? undefined : objects?.(rid);
        const h = holder();
        if (!table || !h) break;
        endLine(h);
        h.blocks.push(table);
        break;
      }
      case 'w:altChunk': {
        // A page laid out in the document's place: its text, lines and cells as a page's copy has them.
        const rid = closing ? undefined : attr(tag, 'r:id');
        const text = rid === undefined ? undefined : chunks?.(rid);
        const h = holder();
        if (text === undefined || !h) break;
        endLine(h);
        h.blocks.push({ line: text });
        break;
      }
      case 'w:tabs':
        // A paragraph's tab stops, each a w:tab too: no character of its text.
        if (!selfClosing) tabStops = !closing;
        break;
      case 'w:tab':
        if (!closing && !tabStops) {
          const h = holder();
          if (h) h.line += '\t';
        }
        break;
      case 'w:numId':
        if (!closing && !formerly) numId = attr(tag, 'w:val');
        break;
      case 'w:ilvl':
        if (!closing && !formerly) ilvl = Number(attr(tag, 'w:val')) || 0;
        break;
      case 'w:pStyle':
        if (!closing && !formerly) pStyle = attr(tag, 'w:val');
        break;
      case 'w:pPr': {
        if (!closing || selfClosing || formerly) break;
        const styled = numId === undefined && pStyle !== undefined ? numbering?.ofStyle(pStyle) : undefined;
        const list = numId ?? styled?.numId;
        const number = list && list !== '0' ? numbering?.next(list, ilvl ?? styled?.ilvl ?? 0) : undefined;
        const h = holder();
        if (number && h) h.line += number;
        break;
      }
      case 'w:br':
      case 'w:cr':
      case 'w:p': {
        if (name === 'w:p' && !closing) [numId, ilvl, pStyle] = [undefined, undefined, undefined];
        const h = holder();
        if (h && (name === 'w:p' ? closing : !closing)) endLine(h);
        break;
      }
      case 'w:tbl':
        if (selfClosing) break;
        if (closing) {
          if (untracked) untracked--;
          else if (frames.length) closeTable();
        } else if (frames.length >= MAX_FRAMES) {
          untracked++;
        } else {
          const h = holder();
          if (h) endLine(h);
          frames.push({ rows: [], before: 0, tables: 0, holdsLayout: false });
        }
        break;
      case 'w:tr': {
        const f = frame();
        if (!f) break;
        if (closing) {
          if (f.row) f.rows.push(f.row);
          f.row = undefined;
        } else {
          f.row = [];
          f.before = 0;
        }
        break;
      }
      case 'w:gridBefore': {
        const f = frame();
        if (f?.row && !f.row.length)
          f.before = Math.max(0, Math.min(MAX_SPAN, Number(attr(tag, 'w:val')) || 0));
        break;
      }
      case 'w:tc': {
        const f = frame();
        if (!f?.row) break;
        if (closing) {
          if (f.cell) endLine(f.cell);
          f.cell = undefined;
        } else {
          for (; f.before > 0; f.before--) f.row.push({ blocks: [], line: '', span: 1, covered: false });
          f.cell = { blocks: [], line: '', span: 1, covered: false };
          f.row.push(f.cell);
        }
        break;
      }
      case 'w:gridSpan': {
        const c = frame()?.cell;
        if (c) c.span = Math.max(1, Math.min(MAX_SPAN, Number(attr(tag, 'w:val')) || 1));
        break;
      }
      case 'w:vMerge': {
        const c = frame()?.cell;
        if (c) c.covered = attr(tag, 'w:val') !== 'restart';
        break;
      }
    }
  }
  while (frames.length) closeTable();
  endLine(body);
  let [tables, objectTables] = [0, 0];
  return body.blocks.flatMap((b): DocBlock[] => {
    if ('line' in b) return b.line.trim() ? [{ line: b.line }] : [];
    const joined = (r: number, c: number) => b.joined[r]?.[c] === true;
    const { address } = b;
    if (address) {
      const n = ++objectTables;
      return [
        { table: { rows: b.rows, where: (r, c) => `第${n}个嵌入的 Excel 表格 ${address(r, c)}`, joined } },
      ];
    }
    const n = ++tables;
    return [
      {
        table: {
          rows: b.rows,
          where: (r, c) => `第${n}个表格第${r + 1}行第${shownColumn(joined, r, c)}列`,
          joined,
        },
      },
    ];
  });
}

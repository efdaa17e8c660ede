import { withoutInvisible } from '../../report/shown.js';
import { parseAddress, toAddress } from '../../report/address.js';
import type { Finding } from '../../report/finding.js';
import { compact } from '../../report/labels.js';
import type { RawValue, ReadCell, Report, TableId } from '../../report/types.js';
import { formFinding } from '../findings.js';
import { findTables, withMissingTables } from '../grid.js';
import { type TextResult, publishedText, readText, twoReports } from './index.js';
import { readMeta } from './meta.js';
import { findParts, isTableThreeRow, reportEnd, reportRuns } from './parts.js';
import type { LineNames } from './tables.js';
import { plainNumber, tokenize } from './tokens.js';

/** A table of a document as rows of cells: a merged cell's text in its first cell, null in the rest. */
export interface DocTable {
  readonly rows: readonly (readonly (string | null)[])[];
  /** Where a cell is, in the reader's words: 「第2个表格第5行第3列」, 「第3页表格第5行第3列」, its columns as shown. */
  readonly where: (row: number, col: number) => string;
  /**
   * Where the file tells its merges: whether a place is run over by the cell to its left (a Word
   * cell's w:gridSpan, a PDF's cell with no rule between), not merely empty.
   */
  readonly joined?: (row: number, col: number) => boolean;
  /** The page a row is on, where the file has pages (a PDF). */
  readonly pageOf?: (row: number) => number | undefined;
}

/**
 * The column a reader counts a place in (1 first): the cells shown in its row up to it, a cell run
 * over several of the file's grid columns (a label's 「w:gridSpan」) counted once.
 */
export function shownColumn(
  joined: ((row: number, col: number) => boolean) | undefined,
  row: number,
  col: number,
): number {
  let n = 0;
  for (let c = 0; c <= col; c++) if (!joined?.(row, c)) n++;
  return Math.max(1, n);
}

/**
 * A document as a reader sees it: lines of running text and tables, in reading order; a line's
 * page, where the file has pages (a PDF).
 */
export type DocBlock = { readonly line: string; readonly page?: number } | { readonly table: DocTable };

/**
 * Marks each character of text struck through on the page (a deletion shown with its revision
 * marks): 「4̶5」 is a 4 deleted and a 5 put in its place.
 */
export const STRUCK = '\u0336';
const STRUCK_CHARS = /[^\u0336]\u0336/gu;

/** Text as struck through: each character marked. */
export const struckThrough = (text: string) => [...text].map((c) => c + STRUCK).join('');

/** Text with what is struck through left out. */
const unstruck = (text: string) => text.replace(STRUCK_CHARS, '');

/** A cell's value as the grid reader wants it: a plain number is a number, spaces and struck text dropped. */
function cellValue(text: string | null): RawValue {
  if (text === null) return null;
  const t = withoutInvisible(unstruck(text)).replace(/[\s\u3000]+/g, '');
  return plainNumber(t);
}

const rowKey = (row: readonly (string | null)[]) =>
  row
    .map((c) => (c ?? '').replace(/[\s\u3000]+/g, ''))
    .filter(Boolean)
    .join('|');

/** 「续表」, 「续表三」, 「（续上表）」: the table goes on, its header repeated below. */
const CONTINUED = /^[（(]?续(?:表[一二三四五六七八九十\d]*|上表)[）)]?[:：]?$/;

interface Shift {
  /** The first column moved: the first of the header's past its first cell. */
  readonly from: number;
  /** How far right. */
  readonly by: number;
}

/**
 * How a part's repeated header stands against the first part's (a table its writer split in two,
 * the second drawn on columns of its own, with fewer label columns where no row of it needs them):
 * every header cell past the first the same number of columns further right there; or undefined.
 */
function columnShift(
  first: readonly (readonly (string | null)[])[],
  again: readonly (readonly (string | null)[])[],
): Shift | undefined {
  const at = (row: readonly (string | null)[]) => row.flatMap((c, col) => (c?.trim() ? [col] : []));
  let by: number | undefined;
  let from = Infinity;
  for (let r = 0; r < again.length; r++) {
    const a = at(first[r]!);
    const b = at(again[r]!);
    if (a.length !== b.length) return undefined;
    for (let i = 0; i < b.length; i++) {
      if (b[i] === 0 && a[i] === 0) continue;
      by ??= a[i]! - b[i]!;
      if (a[i]! - b[i]! !== by) return undefined;
      from = Math.min(from, b[i]!);
    }
  }
  return by && by > 0 && from < Infinity ? { from, by } : undefined;
}

/**
 * A table whose first rows come again further down (two tables its writer drew one right under the
 * other, the second with the header repeated, that a PDF gives as one): the parts, each from its
 * header, as tables one after another are read.
 */
function headerAgain(b: DocBlock): DocBlock[] {
  if ('line' in b) return [b];
  const { rows } = b.table;
  const first = rows[0] ? rowKey(rows[0]) : '';
  if (!first) return [b];
  const starts = [0];
  for (let r = 1; r < rows.length; r++) if (rowKey(rows[r]!) === first) starts.push(r);
  if (starts.length === 1) return [b];
  return starts.map((from, i) => {
    const part = rows.slice(from, starts[i + 1] ?? rows.length);
    // Each part on columns of its own: those that no cell of it starts in (the other part's label
    // columns, where a PDF laid both on one set) are left out.
    const width = Math.max(...part.map((row) => row.length));
    const kept = Array.from({ length: width }, (_, c) => c).filter((c) =>
      part.some((row) => row[c] !== null),
    );
    const { where, joined, pageOf } = b.table;
    return {
      table: {
        rows: part.map((row) => kept.map((c) => row[c] ?? null)),
        where: (r, c) => where(r + from, kept[c] ?? c),
        ...(joined ? { joined: (r: number, c: number) => joined(r + from, kept[c] ?? c) } : {}),
        ...(pageOf ? { pageOf: (r: number) => pageOf(r + from) } : {}),
      },
    };
  });
}

/** A row's cells from `from` on moved `by` columns right. */
const shifted = (row: readonly (string | null)[], { from, by }: Shift): (string | null)[] => [
  ...row.slice(0, from),
  ...Array<null>(by).fill(null),
  ...row.slice(from),
];

/** Text struck through in a cell: left out, and said, since a report published so shows its revisions. */
interface Struck {
  readonly row: number;
  readonly col: number;
  readonly text: string;
  /** Its table of the document, counted from 1. */
  readonly table: number;
}

/** A row of a document's table whose every cell is struck through or empty: deleted, not yet accepted. */
interface DeletedRow {
  readonly table: number;
  /** Where it is: 「第2个表格第8行」. */
  readonly where: string;
  readonly cells: readonly (string | null)[];
}

const isDeletedRow = (row: readonly (string | null)[]) =>
  row.some((c) => c?.includes(STRUCK)) && row.every((c) => !c || !unstruck(c).trim());

function deletedRowFinding(d: DeletedRow, table: TableId): Finding {
  const texts = d.cells.flatMap((c) =>
    c ? [[...c.matchAll(STRUCK_CHARS)].map((m) => m[0][0]).join('')] : [],
  );
  return formFinding(
    table,
    `${d.where}整行带删除线（未接受的修订：「${texts.join(' ')}」），按已删除处理，未读取。发布前请接受或拒绝全部修订。`,
    { at: [d.where] },
  );
}

function struckFinding(
  s: Struck,
  report: Report,
  place: (address: string) => string,
  ofTable: TableId | undefined,
): Finding {
  const address = toAddress(s);
  const key = [...report.cells].find(([, c]) => c.address === address)?.[0];
  const table = (key?.split('.')[0] as TableId | undefined) ?? ofTable ?? report.tables[0] ?? 't3';
  const deleted = [...s.text.matchAll(STRUCK_CHARS)].map((m) => m[0][0]).join('');
  const kept = unstruck(s.text).trim();
  return formFinding(
    table,
    `${place(address)} 有带删除线的文字「${deleted}」（未接受的修订），未读取${kept ? `，该格按「${kept}」读取` : ''}。发布前请接受或拒绝全部修订。`,
    { at: [place(address)] },
  );
}

/** A line break as the text reader takes one (see lineBreaks in index.ts). */
const LINE_BREAK = /\r\n|\r|\n/g;

/** A line of a document read as text, and the page it is on where the document has pages. */
interface PagedLine {
  readonly text: string;
  readonly page?: number;
}

/**
 * What each line of a document read as text is called: its page, where the document has pages and
 * `page` names them (a clerk finds a place in a PDF by its page, not by a line of the text taken
 * from it); else 「Word 文字第N行」.
 */
function lineNames(
  lines: readonly PagedLine[],
  { lines: name = '', page }: { lines?: string; page?: (page: number) => string },
): LineNames {
  if (!page) return name;
  const pages: (number | undefined)[] = [];
  for (const l of lines) {
    const breaks = l.text.match(LINE_BREAK)?.length ?? 0;
    for (let i = 0; i <= breaks; i++) pages.push(l.page);
  }
  return (line) => {
    const p = pages[line - 1];
    return p === undefined ? `${name}第${line}行` : page(p);
  };
}

/**
 * A report from a document's blocks: the tables as one grid, read by the grid reader, each cell
 * told where it is in the document; title, parts, year and body from the running text. A table
 * split by its writer into two, its header repeated in the second, is read as one: the repeat is
 * left out. A document whose tables are not tables (a PDF without ruled cells) is read as text,
 * line by line. Text struck through is left out, and said where it was in a cell.
 */
export function readDocument(
  blocks: readonly DocBlock[],
  options: {
    source?: string;
    /** What its lines are, read as text (no table as a grid): 「Word 文字」, not a line of a file of text. */
    lines?: string;
    /** What a page is called (「PDF 第3页」): read as text, a line on a page is named by its page. */
    page?: (page: number) => string;
  } = {},
): TextResult {
  const lines: string[] = [];
  const grid: RawValue[][] = [];
  const where: ((col: number) => string)[] = [];
  const struck: Struck[] = [];
  /** Each grid row's table of the document, counted from 1: a struck cell is said under its report table. */
  const tableOf: number[] = [];
  const deletedRows: DeletedRow[] = [];
  let tableCount = 0;
  const tablesAfter: number[] = [];
  /** Where the tables tell their merges (all of them, or none is used): each row's cells' starts. */
  const startsOf: (number | undefined)[][] = [];
  let merges = true;
  // The table a run of tables (nothing but blank lines between) starts with: its rows, and their keys.
  let header: { rows: readonly (readonly (string | null)[])[]; keys: string[] } | undefined;
  for (const b of blocks.flatMap(headerAgain)) {
    if ('line' in b) {
      lines.push(unstruck(b.line));
      if (b.line.trim() && !CONTINUED.test(compact(b.line))) header = undefined;
      continue;
    }
    const rows = b.table.rows;
    if (rows.some((row) => row.some((c) => c !== null && isTableThreeRow(compact(c)))))
      tablesAfter.push(lines.length);
    let skip = 0;
    if (header)
      while (skip + 1 < rows.length && rowKey(rows[skip]!) && rowKey(rows[skip]!) === header.keys[skip])
        skip++;
    else header = { rows, keys: rows.map(rowKey) };
    // A part whose header repeats the first's on columns of its own: its cells laid on the first's.
    const shift = skip ? columnShift(header.rows.slice(0, skip), rows.slice(0, skip)) : undefined;
    const from = (col: number) => (shift && col >= shift.from + shift.by ? col - shift.by : col);
    const to = (col: number) => (shift && col >= shift.from ? col + shift.by : col);
    const joined = b.table.joined;
    if (!joined) merges = false;
    const table = ++tableCount;
    rows.forEach((row, r) => {
      if (r < skip) return;
      const laid = shift ? shifted(row, shift) : row;
      // A row deleted with its revisions shown, not yet accepted: the table as it will be, said once.
      if (isDeletedRow(laid)) {
        deletedRows.push({
          table,
          where: b.table.where(r, 0).replace(/第\d+列$/, ''),
          cells: laid,
        });
        return;
      }
      laid.forEach((c, col) => {
        if (c?.includes(STRUCK)) struck.push({ row: grid.length, col, text: c, table });
      });
      tableOf.push(table);
      if (joined) {
        const starts: (number | undefined)[] = [];
        for (let col = 1; col < row.length; col++)
          if (joined(r, col)) starts[to(col)] = joined(r, col - 1) ? starts[to(col - 1)] : to(col - 1);
        startsOf[grid.length] = starts;
      }
      grid.push(laid.map(cellValue));
      where.push((c) => b.table.where(r, from(c)));
    });
  }
  const found = findTables(grid, {
    document: true,
    ...(merges && startsOf.length ? { mergedFrom: (r: number, c: number) => startsOf[r]?.[c] } : {}),
  });
  if (!found.report && !found.twoReports) {
    // No table as a grid: the tables are lines of the text (a copy of a page, a PDF without rules).
    const asText = blocks.flatMap((b): PagedLine[] =>
      'line' in b
        ? [{ text: unstruck(b.line), ...(b.page !== undefined ? { page: b.page } : {}) }]
        : b.table.rows.map((row, r) => {
            const page = b.table.pageOf?.(r);
            return {
              text: unstruck(row.filter((c) => c !== null).join('\t')),
              ...(page !== undefined ? { page } : {}),
            };
          }),
    );
    return readText(asText.map((l) => l.text).join('\n'), { ...options, lines: lineNames(asText, options) });
  }
  const place = (address: string): string => {
    const p = parseAddress(address);
    return where[p.row]?.(p.col) ?? address;
  };
  const all = tokenize(lines.join('\n'));
  // Two reports' 表三 are two reports, where a title between them is lost (a PDF's page head).
  const runs = reportRuns(all, tablesAfter);
  const reports = Math.max(runs.length, tablesAfter.length, found.twoReports ? 2 : 1);
  if (reports > 1 || !found.report) return { problem: twoReports(Math.max(reports, 2)) };
  const tokens = runs[0] ? all.slice(0, reportEnd(all, runs[0])) : all;
  const parts = findParts(tokens, runs[0]);
  const meta = readMeta(tokens, parts[0]);
  const report = withMissingTables(found.report);
  const cells = new Map<string, ReadCell>(
    [...report.cells].map(([k, c]) => [k, c.address ? { ...c, address: place(c.address) } : c]),
  );
  // Every place a grid message names is the document's: the cells it marks, and those it only speaks
  // of (「B3 起的那份」, 「B7 所在的行」), outside the text it quotes.
  const placed = (message: string, at: readonly string[]) =>
    message
      .split(/(「[^」]*」)/)
      .map((part) =>
        part.startsWith('「')
          ? part
          : part.replace(
              /(?<![A-Za-z\d])([A-Z]{1,3}[1-9]\d*)(?!\d)( 起| 所在的)?( (?=[\u0080-\uffff]))?/g,
              (whole, a: string, after: string | undefined, space: string | undefined) => {
                if (!at.includes(a) && !after) return whole;
                // The space that set 「D22」 apart from the words after it goes where the place ends
                // in words (「第2个表格第3行第2列的」), not where it ends in a cell's (「… Excel 表格 B3 起」).
                const named = place(a);
                const apart = /[!-~]$/.test(named);
                return named + (after ? (apart ? after : after.trimStart()) : apart ? (space ?? '') : '');
              },
            ),
      )
      .join('');
  const findings: Finding[] = report.findings.map((f) => {
    const message = placed(f.message, f.at ?? []);
    if (!f.at?.length && message === f.message) return f;
    return { ...f, ...(f.at ? { at: f.at.map(place) } : {}), message };
  });
  /** The report's table a table of the document holds: the one its read cells are of. */
  const reportTable = (table: number): TableId | undefined => {
    for (const [key, c] of report.cells) {
      if (!c.address) continue;
      const { row } = parseAddress(c.address);
      if (tableOf[row] === table) return key.split('.')[0] as TableId;
    }
    return undefined;
  };
  for (const s of struck) findings.push(struckFinding(s, report, place, reportTable(s.table)));
  for (const d of deletedRows)
    findings.push(deletedRowFinding(d, reportTable(d.table) ?? report.tables[0] ?? 't3'));
  const year = meta.year ?? report.year;
  const agency = meta.agency ?? report.agency;
  return {
    report: {
      edition: report.edition,
      ...(year !== undefined ? { year } : {}),
      ...(agency ? { agency } : {}),
      ...(options.source ? { source: options.source } : {}),
      tables: report.tables,
      cells,
      findings,
      published: publishedText(tokens, parts, all),
    },
  };
}

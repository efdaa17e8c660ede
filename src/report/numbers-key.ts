import type { Finding } from './finding.js';
import { cellList, rowKeys, tableSpec } from './model.js';
import { isBlankMark } from './parse-value.js';
import { type CellKey, type Edition, type RawValue, type Report, TABLE_IDS, type TableId } from './types.js';

const PLAIN_NUMBER = /^(?:0|[1-9]\d*)$/;

/** A cell's value as copies are compared: 「1,234」, 「1234」 and 1234 are the same. */
function comparable(raw: RawValue): string {
  if (typeof raw !== 'string' || PLAIN_NUMBER.test(raw)) return String(raw);
  const bare = raw.replace(/[\s\u3000,，]+/g, '');
  return /^-?\d+(?:\.\d+)?$/.test(bare) ? String(Number(bare)) : bare;
}

/**
 * Each table's cells and what they hold, as one text per table in TABLE_IDS order; undefined for a
 * table not read (a copy whose table 3 came apart): copies of one report (its .txt and its PDF, two
 * sheets of a workbook) agree on every table both read, whatever their sources.
 */
export function tableNumbers(report: Report): (string | undefined)[] {
  return TABLE_IDS.map((table) => {
    if (!report.tables.includes(table)) return undefined;
    // Every cell of the table in one order: the values alone say which cell they are.
    let all = `${report.edition}|${table}`;
    for (const spec of cellList(report.edition)) {
      if (spec.table !== table) continue;
      const cell = report.cells.get(spec.key);
      all += cell ? `;${comparable(cell.raw)}` : ';\0'; // NUL: no cell's text holds one (readers show it as ␀)
    }
    return all;
  });
}

/** A report's cells and what they hold, as one text: two reports with the same are copies of one report. */
export function numbersOf(report: Report): string {
  return tableNumbers(report)
    .map((t) => t ?? '')
    .join('\n');
}

/** Nothing written in any cell (a blank template): no body's report of a year, last year's least of all. */
export function isUnfilled(report: Report): boolean {
  for (const cell of report.cells.values()) if (!isBlankMark(cell.raw)) return false;
  return true;
}

/**
 * A published report's tables with rows its copy did not give whole (see Finding.unread): their
 * numbers are not all there. A row the report itself lacks (a sheet's, a Word table's) is no such.
 * Of a report, or of its check's findings (which carry the reader's).
 */
export function tablesNotReadWhole(of: { readonly findings: readonly Finding[] }): Set<TableId> {
  const out = new Set<TableId>();
  for (const f of of.findings) if (f.unread && f.table) out.add(f.table);
  return out;
}

const FNV_START = 0x811c9dc5;
const SEMICOLON = 0x3b;

/** FNV-1a, 32 bits, of `text` after what `h` hashed: a row's cells are hashed one after another, not joined first. */
function fnv(h: number, text: string): number {
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h;
}

const ROWS = new Map<Edition, readonly (readonly CellKey[])[]>();

/** Each data row's cells of an edition, table by table in TABLE_IDS order, row by row as the form has them. */
function rowCells(edition: Edition): readonly (readonly CellKey[])[] {
  let rows = ROWS.get(edition);
  if (!rows) {
    rows = TABLE_IDS.flatMap((id) => {
      const cells = tableSpec(edition, id).cells;
      return rowKeys(edition, id).map((row) => cells.filter((c) => c.row === row).map((c) => c.key));
    });
    ROWS.set(edition, rows);
  }
  return rows;
}

/**
 * Each data row's numbers, hashed (0 for a row not read whole): copies of one report agree on every
 * row both read, though one copy lost a row or a table another has.
 */
export function rowNumbers(report: Report): Uint32Array {
  const rows = rowCells(report.edition);
  const out = new Uint32Array(rows.length);
  row: for (let i = 0; i < rows.length; i++) {
    let h = FNV_START;
    for (const key of rows[i]!) {
      const cell = report.cells.get(key);
      if (!cell) continue row;
      h = fnv(Math.imul(h ^ SEMICOLON, 0x01000193), comparable(cell.raw));
    }
    // Never 0, which says a row not read.
    out[i] = h >>> 0 || 1;
  }
  return out;
}

/**
 * Numbers enough that the same ones twice are no chance: so many cells not 0, adding up to so much
 * at least. A body of a few cases a year may see the same two years running, and many a small
 * body's report is all zeros.
 */
export const COPY_EVIDENCE = { nonzero: 4, sum: 20 } as const;

/** Whether the report's numbers are COPY_EVIDENCE: its cells that hold plain numbers, all tables. */
export function hasCopyEvidence(report: Report): boolean {
  let nonzero = 0;
  let sum = 0;
  for (const { raw } of report.cells.values()) {
    const v =
      typeof raw === 'number' ? raw : typeof raw === 'string' && PLAIN_NUMBER.test(raw) ? Number(raw) : 0;
    if (v > 0) {
      nonzero++;
      sum += v;
    }
  }
  return nonzero >= COPY_EVIDENCE.nonzero && sum >= COPY_EVIDENCE.sum;
}

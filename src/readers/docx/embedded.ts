// Excel objects embedded in a Word document (Word's 「插入 › 对象 › Excel 工作表」, or a table pasted as
// one): the page shows a picture of the cells, the document keeps the workbook itself. Its cells are
// read as a table of the document, where the object stands.
import { parseArea, toAddress, type Area } from '../../report/address.js';
import type { RawValue } from '../../report/types.js';
import { readXlsx, XLSX_LIMITS, type XlsxLimits, type XlsxRead } from '../xlsx/index.js';
import type { Crc32, RawInflate } from '../xlsx/zip.js';
import type { PartReader } from './relationships.js';

/** The cells an embedded workbook shows, as a table's rows: a merged cell's text in its first place. */
export interface EmbeddedTable {
  readonly rows: (string | null)[][];
  /** Whether a place is run over by the merged cell to its left. */
  readonly joined: boolean[][];
  /** A place's address in its sheet (「B5」), as the clerk sees it when editing the object. */
  readonly address: (row: number, col: number) => string;
}

/** The embedded workbook a relationship id of the body names, read; or undefined. */
export type EmbeddedTables = (rid: string) => EmbeddedTable | undefined;

/** A report's table embedded is a few hundred cells: far past these, the object is not read. */
const MAX_BYTES = 8 * 2 ** 20;
const MAX_OBJECTS = 8;
const LIMITS: XlsxLimits = {
  ...XLSX_LIMITS,
  maxUnzippedBytes: 16 * 2 ** 20,
  maxSheets: 64,
  maxCells: 200_000,
};

/** 1234 as 「1234」, 0.1 + 0.2 as 「0.3」: as a cell in the General format shows it. */
function shown(v: RawValue): string {
  if (v === null) return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(15)));
  return v;
}

/** The sheet the object shows (the one it opens on), cut to the cells it shows. */
function tableOf(read: XlsxRead): EmbeddedTable | undefined {
  const sheet = read.sheets[read.activeSheet ?? 0] ?? read.sheets.find((s) => s.grid.length);
  if (!sheet?.grid.length) return undefined;
  const grid = sheet.grid;
  const width = Math.max(...grid.map((r) => r.length));
  let area: Area = { top: 0, left: 0, bottom: grid.length - 1, right: width - 1 };
  try {
    if (read.oleSize) {
      const shows = parseArea(read.oleSize);
      area = {
        top: shows.top,
        left: shows.left,
        bottom: Math.min(shows.bottom, area.bottom),
        right: Math.min(shows.right, area.right),
      };
    }
  } catch {
    // An area that is no address: the cells used are what it shows.
  }
  if (area.bottom < area.top || area.right < area.left) return undefined;
  const rows: (string | null)[][] = [];
  const joined: boolean[][] = [];
  for (let r = area.top; r <= area.bottom; r++) {
    rows.push(
      Array.from({ length: area.right - area.left + 1 }, (_, c) => shown(grid[r]?.[area.left + c] ?? null)),
    );
    joined.push(new Array<boolean>(area.right - area.left + 1).fill(false));
  }
  for (const ref of sheet.look?.merges ?? []) {
    let m: Area;
    try {
      m = parseArea(ref);
    } catch {
      continue;
    }
    for (let r = Math.max(m.top, area.top); r <= Math.min(m.bottom, area.bottom); r++)
      for (let c = Math.max(m.left, area.left); c <= Math.min(m.right, area.right); c++) {
        if (r === m.top && c === m.left) continue;
        rows[r - area.top]![c - area.left] = null;
        joined[r - area.top]![c - area.left] = c > m.left;
      }
  }
  return { rows, joined, address: (r, c) => toAddress({ row: area.top + r, col: area.left + c }) };
}

/**
 * The document's embedded workbooks by relationship id, each read when the body first names it. An
 * object that is no workbook (a picture, an old binary .xls), too large or broken is none.
 */
export function embeddedTables(
  parts: PartReader,
  options: { inflate?: RawInflate; crc32?: Crc32 },
): EmbeddedTables {
  const read = new Map<string, EmbeddedTable | undefined>();
  return (rid) => {
    if (read.has(rid)) return read.get(rid);
    if (read.size >= MAX_OBJECTS) return undefined;
    const workbook = parts.part(rid, MAX_BYTES)?.bytes;
    let table: EmbeddedTable | undefined;
    if (workbook && workbook[0] === 0x50 && workbook[1] === 0x4b)
      try {
        table = tableOf(readXlsx(workbook, LIMITS, options.inflate, options.crc32));
      } catch {
        table = undefined;
      }
    read.set(rid, table);
    return table;
  };
}

/** Zero-based cell position. */
export interface Pos {
  readonly row: number;
  readonly col: number;
}

/** Zero-based, inclusive rectangle. */
export interface Area {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

export function columnName(col: number): string {
  let name = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  }
  return name;
}

export function columnIndex(name: string): number {
  let n = 0;
  for (const ch of name.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function toAddress(pos: Pos): string {
  return `${columnName(pos.col)}${pos.row + 1}`;
}

/** A sheet's cell address (「D48」), not a place in a document (「第105行」, 「第3页表格第5行第4列」). */
export const isCellAddress = (address: string): boolean => /^[A-Z]{1,3}\d+$/.test(address);

/** 「D48」, 「$D$48」, 「d48」 (spaces round it aside): one to three letters, then digits. */
export function parseAddress(address: string): Pos {
  const pos = cellAt(address.trim());
  if (!pos) throw new Error(`not a cell address: ${address}`);
  return pos;
}

/**
 * The cell an address names, read character by character: a workbook's merges and a report's cells
 * are parsed by the hundred for each file, where a pattern and a string for each took a few percent
 * of a batch.
 */
function cellAt(s: string): Pos | undefined {
  let i = s.charCodeAt(0) === 36 ? 1 : 0; // $
  const letters = i;
  let col = 0;
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i) | 0x20; // capitals as small letters
    if (c < 97 || c > 122) break;
    col = col * 26 + (c - 96);
  }
  if (i === letters || i - letters > 3) return undefined;
  if (s.charCodeAt(i) === 36) i++;
  const digits = i;
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) break;
  }
  if (i === digits || i !== s.length) return undefined;
  return { row: Number(s.slice(digits)) - 1, col: col - 1 };
}

export function parseArea(range: string): Area {
  const colon = range.indexOf(':');
  const a = colon < 0 ? range : range.slice(0, colon);
  const next = colon < 0 ? -1 : range.indexOf(':', colon + 1);
  const b = colon < 0 ? a : range.slice(colon + 1, next < 0 ? range.length : next);
  const p = parseAddress(a);
  const q = parseAddress(b);
  return {
    top: Math.min(p.row, q.row),
    left: Math.min(p.col, q.col),
    bottom: Math.max(p.row, q.row),
    right: Math.max(p.col, q.col),
  };
}

export function areaAddress(area: Area): string {
  const a = toAddress({ row: area.top, col: area.left });
  const b = toAddress({ row: area.bottom, col: area.right });
  return a === b ? a : `${a}:${b}`;
}

export function shiftArea(area: Area, rows: number, cols: number): Area {
  return {
    top: area.top + rows,
    bottom: area.bottom + rows,
    left: area.left + cols,
    right: area.right + cols,
  };
}

export function covers(area: Area, pos: Pos): boolean {
  return pos.row >= area.top && pos.row <= area.bottom && pos.col >= area.left && pos.col <= area.right;
}

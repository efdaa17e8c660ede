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

export function parseAddress(address: string): Pos {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  if (!m) throw new Error(`not a cell address: ${address}`);
  return { row: Number(m[2]) - 1, col: columnIndex(m[1]!) };
}

export function parseArea(range: string): Area {
  const [a, b = a] = range.split(':');
  const p = parseAddress(a!);
  const q = parseAddress(b!);
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

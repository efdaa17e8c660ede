import type { Pos } from '../report/address.js';
import { type LabelMatch, matchLabel } from '../report/labels.js';
import type { TableSpec } from '../report/model.js';
import type { RawValue } from '../report/types.js';

export type Grid = readonly (readonly RawValue[])[];

export function textAt(grid: Grid, row: number, col: number): string {
  const v = grid[row]?.[col];
  return typeof v === 'string' ? v : '';
}

export function matchAt(grid: Grid, row: number, col: number, label: string): LabelMatch | undefined {
  return matchLabel(textAt(grid, row, col), label);
}

export interface Located {
  readonly table: TableSpec;
  /** Where the table's A1 sits in the grid. */
  readonly origin: Pos;
  /** Labels found where the majority of labels put the table. */
  readonly votes: number;
  readonly score: number;
}

/** Texts of the grid, once: where each non-empty string cell is. */
export function textCells(grid: Grid): { pos: Pos; text: string }[] {
  const out: { pos: Pos; text: string }[] = [];
  grid.forEach((row, r) =>
    row.forEach((v, c) => {
      if (typeof v === 'string' && v.trim()) out.push({ pos: { row: r, col: c }, text: v });
    }),
  );
  return out;
}

/**
 * Where the table sits: every cell that reads as one of its labels votes for the offset that would
 * put that label in place; the offset with most votes wins. A title above, other content around
 * or a few edited labels do not move it.
 */
export function locate(table: TableSpec, texts: readonly { pos: Pos; text: string }[]): Located | undefined {
  const votes = new Map<string, number>();
  for (const label of table.labels) {
    const seen = new Set<string>();
    for (const { pos, text } of texts) {
      if (!matchLabel(text, label.text)) continue;
      const row = pos.row - label.area.top;
      const col = pos.col - label.area.left;
      if (row < 0 || col < 0) continue;
      const key = `${row},${col}`;
      if (seen.has(key)) continue;
      seen.add(key);
      votes.set(key, (votes.get(key) ?? 0) + 1);
    }
  }
  let best: [string, number] | undefined;
  for (const entry of votes) if (!best || entry[1] > best[1]) best = entry;
  if (!best) return undefined;
  const [row, col] = best[0].split(',').map(Number) as [number, number];
  return { table, origin: { row, col }, votes: best[1], score: best[1] / table.labels.length };
}

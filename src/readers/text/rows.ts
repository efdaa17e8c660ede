import { covers } from '../../report/address.js';
import type { TableSpec } from '../../report/model.js';
import type { CellKey } from '../../report/types.js';

/** A table row as text gives it: the label just before its values, then its cells left to right. */
export interface TextRow {
  /** The innermost row label; none when the row starts the line (table 4). */
  readonly label?: string;
  readonly keys: readonly CellKey[];
}

const ROWS = new WeakMap<TableSpec, readonly TextRow[]>();

/** The data rows of a table in reading order. */
export function textRows(table: TableSpec): readonly TextRow[] {
  let rows = ROWS.get(table);
  if (!rows) ROWS.set(table, (rows = rowsOf(table)));
  return rows;
}

function rowsOf(table: TableSpec): TextRow[] {
  const byRow = new Map<number, TableSpec['cells'][number][]>();
  for (const c of table.cells) {
    const list = byRow.get(c.area.top) ?? [];
    list.push(c);
    byRow.set(c.area.top, list);
  }
  return [...byRow.entries()]
    .sort(([a], [b]) => a - b)
    .map(([top, cells]) => {
      cells.sort((a, b) => a.area.left - b.area.left);
      const left = cells[0]!.area.left - 1;
      const label = left >= 0 ? table.labels.find((l) => covers(l.area, { row: top, col: left })) : undefined;
      return { ...(label ? { label: label.text } : {}), keys: cells.map((c) => c.key) };
    });
}

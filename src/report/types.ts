export type Edition = '2019' | '2021';
export const EDITIONS: readonly Edition[] = ['2021', '2019'];

export type TableId = 't2' | 't3' | 't4';
export const TABLE_IDS: readonly TableId[] = ['t2', 't3', 't4'];

/** count: whole number ≥ 0; amount: decimal ≥ 0, may carry a unit; signedChange: "+3", "减13" … */
export type CellKind = 'count' | 'amount' | 'signedChange';

/** `table.row.column`, e.g. `t3.r3_7.natural` */
export type CellKey = string;

export interface TableLayout {
  readonly columns: number;
  readonly rows: number;
  readonly labels: readonly (readonly [cell: string, text: string])[];
  readonly merges: readonly string[];
  readonly cells: readonly (readonly [cell: string, key: CellKey, kind: CellKind])[];
}

export type EditionLayouts = Readonly<Record<Edition, Readonly<Record<TableId, TableLayout>>>>;

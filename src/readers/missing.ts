import type { Finding } from '../checks/finding.js';
import { TABLE_PART } from '../report/parts.js';
import type { TableId } from '../report/types.js';

/** A table the reader could not find: its numbers go unchecked, which is an error, not a silence. */
export function missingTable(table: TableId): Finding {
  return {
    rule: 'G-04',
    severity: 'error',
    table,
    cells: [],
    at: [],
    message: `没有找到「${TABLE_PART[table]}」的表格：该表无法校验；请检查标签是否被改动。`,
  };
}

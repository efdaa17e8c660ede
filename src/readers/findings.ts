import type { Finding } from '../report/finding.js';
import { TABLE_PART } from '../report/parts.js';
import type { TableId } from '../report/types.js';

/** What readers emit: G-04, a table that is not the official form. */
export const READER_RULES = ['G-04'] as const;

/**
 * G-04: part of a table could not be read as the official form. A warning when it was read all
 * the same (a label variant, an extra row left out); an error when numbers went unread.
 */
export function formFinding(
  table: TableId,
  message: string,
  options: { at?: readonly string[]; severity?: 'warning' | 'error'; unread?: true } = {},
): Finding {
  return {
    rule: 'G-04',
    severity: options.severity ?? 'warning',
    table,
    cells: [],
    ...(options.at ? { at: options.at } : {}),
    message,
    ...(options.unread ? { unread: true as const } : {}),
  };
}

/** A table the reader could not find: its numbers go unchecked, which is an error, not a silence. */
export function missingTable(table: TableId): Finding {
  return formFinding(table, `没有找到「${TABLE_PART[table]}」的表格：该表无法校验；请检查标签是否被改动。`, {
    at: [],
    severity: 'error',
  });
}

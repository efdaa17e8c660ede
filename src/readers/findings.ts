import type { Finding } from '../report/finding.js';
import { TABLE_PART } from '../report/parts.js';
import type { TableId } from '../report/types.js';

/** What readers emit: G-04, a table that is not the official form; G-06, a workbook calculated by hand. */
export const READER_RULES = ['G-04', 'G-06'] as const;

/**
 * A workbook saved set to calculate by hand (Excel's 「手动」, WPS's likewise), with formulas: their
 * results are as last calculated, which may be before numbers were changed. A total may then be
 * named wrong that a recalculation mends.
 */
export function manualCalculationFinding(): Finding {
  return {
    rule: 'G-06',
    severity: 'warning',
    cells: [],
    message:
      '工作簿设成了「手动计算」：公式的结果是上次计算时的，改过数字后可能没有更新，校验用的是保存时的结果。请在 Excel 或 WPS 中按 F9 重新计算（或在「公式」→「计算选项」中改为「自动」），保存后再校验。',
  };
}

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

/**
 * A table the reader could not find: its numbers go unchecked, which is an error, not a silence.
 * Where its rows' labels are there (`seenAt`, the first), laid out otherwise than the form (label
 * columns merged into fewer, a header deleted), that is said: its labels are not what to fix.
 */
/** A column of numbers put into a table (a 「小计」), named as the copy shows it (`column`: 「F 列」, 「第3行所在的列」). */
export const columnPutIn = (column: string, header: string): string =>
  `${column}是官方表格没有的列（「${header}」），未读取；官方表格没有小计列，请删除。`;

export function missingTable(table: TableId, seen?: SeenAt): Finding {
  if (!seen)
    return formFinding(
      table,
      `没有找到「${TABLE_PART[table]}」的表格：该表无法校验；请检查标签是否被改动。`,
      {
        at: [],
        severity: 'error',
      },
    );
  const at = `${seen.sheet ? `工作表「${seen.sheet}」` : ''}${seen.address}`;
  return {
    ...formFinding(
      table,
      `没有按官方格式找到「${TABLE_PART[table]}」的表格：本表各行的标签在（如${at}），但行列排列与官方表格不同（如几列标签合成了一列、删去了表头），无法逐格读取，该表无法校验。请把数字填入官方模板（「插入模板」），或恢复官方表格的行列。`,
      { at: [seen.address], severity: 'error' },
    ),
    ...(seen.sheet ? { sheet: seen.sheet } : {}),
  };
}

/** Where a table's first row label is, on a sheet of a workbook. */
export interface SeenAt {
  readonly address: string;
  readonly sheet?: string;
}

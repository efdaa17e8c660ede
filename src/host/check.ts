import { check, type Finding, readGrid, type Report } from '../core.js';
import { planMarks } from './marks.js';
import type { SheetHost, SheetRef } from './sheet-host.js';

/** The result of one 校验 of a sheet. */
export interface SheetCheck {
  readonly sheet: SheetRef;
  readonly report?: Report;
  readonly findings: readonly Finding[];
  /** Why the sheet could not be checked or marked, in Chinese. */
  readonly problem?: string;
  readonly marked: boolean;
}

/** 校验: read the active sheet (one round trip), check it, mark every finding (one more). */
export async function checkActiveSheet(
  host: SheetHost,
  options: { previous?: Report } = {},
): Promise<SheetCheck> {
  const read = await host.readActive();
  const sheet = read.sheet;
  const r = readGrid(read.grid, { sheet: sheet.name, origin: read.origin });
  if (!r.report) {
    if (read.marked) await host.writeMarks(read, new Map());
    return { sheet, findings: [], problem: r.problem, marked: false };
  }
  const findings = check(r.report, options);
  if (read.formatLocked) {
    return {
      sheet,
      report: r.report,
      findings,
      marked: false,
      problem: `工作表「${sheet.name}」受保护且不允许设置单元格格式，无法在单元格上标记；问题已在下方列出。撤销工作表保护（或允许设置单元格格式）后再校验即可标记。`,
    };
  }
  await host.writeMarks(read, planMarks(findings));
  return { sheet, report: r.report, findings, marked: true };
}

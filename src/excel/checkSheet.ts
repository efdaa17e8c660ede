import { check } from '../checks/engine.js';
import type { Finding } from '../checks/finding.js';
import { readGrid } from '../readers/grid.js';
import type { Report } from '../report/report.js';
import { clearMarks, readActiveSheet, writeMarks } from './adapter.js';
import { planMarks } from './marks-plan.js';

/** Excel.run, or the fake's. */
export type Runner = <T>(batch: (ctx: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface SheetCheck {
  readonly sheet: string;
  readonly sheetId: string;
  readonly report?: Report;
  readonly findings: readonly Finding[];
  /** Why the sheet could not be checked or marked, in Chinese. */
  readonly problem?: string;
  readonly marked: boolean;
}

/** 校验: read the active sheet (one sync), check it, mark every finding (one more sync). */
export function checkActiveSheet(run: Runner, options: { previous?: Report } = {}): Promise<SheetCheck> {
  return run(async (ctx) => {
    const read = await readActiveSheet(ctx);
    const r = readGrid(read.grid, { sheet: read.sheet, origin: read.origin });
    if (!r.report) {
      if (read.state[read.sheet]) await clearMarks(ctx, read);
      return { sheet: read.sheet, sheetId: read.sheetId, findings: [], problem: r.problem, marked: false };
    }
    const findings = check(r.report, options);
    if (read.formatLocked) {
      return {
        sheet: read.sheet,
        sheetId: read.sheetId,
        report: r.report,
        findings,
        marked: false,
        problem: `工作表「${read.sheet}」受保护且不允许设置单元格格式，无法在单元格上标记；问题已在下方列出。撤销工作表保护（或允许设置单元格格式）后再校验即可标记。`,
      };
    }
    await writeMarks(ctx, read, planMarks(findings));
    return { sheet: read.sheet, sheetId: read.sheetId, report: r.report, findings, marked: true };
  });
}

/** 清除标记 on the active sheet. */
export function clearActiveSheet(run: Runner): Promise<number> {
  return run(async (ctx) => clearMarks(ctx, await readActiveSheet(ctx)));
}

/** Office.js errors a clerk can meet, in Chinese. */
export function explainExcelError(e: unknown): string {
  const code = (e as { code?: string }).code;
  switch (code) {
    case 'InvalidOperationInCellEditMode':
      return '单元格正在编辑中：请先按回车或 Esc 结束编辑，再点「校验」。';
    case 'AccessDenied':
      return '工作表受保护或只读，无法完成此操作。';
    case 'ItemNotFound':
      return '找不到该工作表或单元格：它可能已被删除或改名，请重新校验。';
    default:
      return `Excel 未能完成操作（${code ?? (e instanceof Error ? e.message : String(e))}），请重试。`;
  }
}

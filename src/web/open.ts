import { formatOf, readPublished, readWorkbookSheets } from '../core.js';
import type { OpenFile } from './file-host.js';
import { installInlineChunks } from './inline-chunks.js';
import { pagePdfReader } from '../host/pdf-thread.js';

/**
 * Reads what the offline page opens, through the core's readers: a workbook's sheets to show and
 * check, or a published report (text, page, PDF, Word).
 */
export const openFile: OpenFile = async (name, bytes) => {
  // Code the page runs only when needed (the workbook and PDF readers) is made ready first.
  installInlineChunks();
  // By what it holds: 「导出 Excel」 saves .xlsx files and pages as .xls.
  if (formatOf(name, bytes) === '.xlsx') {
    const { sheets, manualCalculation } = await readWorkbookSheets(bytes);
    const read = sheets.filter((s) => !s.problem);
    if (!read.length)
      throw new Error(
        sheets.map((s) => `工作表「${s.name}」：${s.problem}`).join('；') || '工作簿中没有工作表',
      );
    return {
      kind: 'workbook',
      sheets: read.map((s) => ({
        name: s.name,
        hidden: s.state !== 'visible',
        grid: s.grid,
        ...(s.look ? { look: s.look } : {}),
        ...(s.formulas ? { formulas: true as const } : {}),
      })),
      ...(manualCalculation ? { manualCalculation: true as const } : {}),
    };
  }
  // A PDF in a thread of its own, within a time, where the page carries one.
  const readPdf = pagePdfReader();
  const r = await readPublished(name, bytes, readPdf ? { readPdf } : {});
  if (!r.report) throw new Error(r.problem);
  return { kind: 'report', report: r.report };
};

// What the builds put in place of the PDF reader in a program's own thread: the panes and the
// offline page read PDFs in their Web Worker (src/host/pdf-thread.ts), the command line in its
// worker thread (src/cli/pdf-isolated.ts). pdf.js and its character maps are carried once, there.
import type { TextResult } from '../text/index.js';

export function readPdf(): Promise<TextResult> {
  return Promise.resolve({ problem: 'PDF 读取组件没有加载，该文件未读取。' });
}

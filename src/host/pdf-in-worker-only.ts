// What the browser builds put in place of the PDF reader in a page's own thread: the panes and the
// offline page read PDFs in their worker (pdf-thread.ts), and carry pdf.js once, there.
import type { TextResult } from '../core.js';

export function readPdf(): Promise<TextResult> {
  return Promise.resolve({ problem: 'PDF 读取组件没有加载，该文件未读取。' });
}

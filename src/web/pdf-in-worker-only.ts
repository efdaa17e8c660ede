// What the offline page's build puts in place of the PDF reader in the page's own thread: the page
// reads PDFs in its worker (pdf-thread.ts), and carries pdf.js once, there.
import type { TextResult } from '../core.js';

export function readPdf(): Promise<TextResult> {
  return Promise.resolve({ problem: 'PDF 读取组件没有加载，该文件未读取。' });
}

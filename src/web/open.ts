import {
  decodeText,
  htmlToText,
  readDocx,
  readPdf,
  readText,
  type TextResult,
  unsupportedFormat,
} from '../core.js';
import type { FileContent, OpenFile } from './file-host.js';
import { installInlineChunks } from './inline-chunks.js';

const extension = (name: string) => /\.[^.]*$/.exec(name.toLowerCase())?.[0] ?? '';

/** A published report's reading → its report, or the reader's Chinese reason as an error. */
function published(r: TextResult): FileContent {
  if (!r.report) throw new Error(r.problem);
  return { kind: 'report', report: r.report };
}

/** Reads what the offline page opens, by the file's extension. */
export const openFile: OpenFile = async (name, bytes) => {
  const unsupported = unsupportedFormat(name);
  if (unsupported) throw new Error(unsupported);
  switch (extension(name)) {
    case '.txt':
      return published(readText(decodeText(bytes), { source: name }));
    case '.html':
    case '.htm':
      return published(readText(htmlToText(decodeText(bytes)), { source: name }));
    case '.pdf':
      // pdf.js comes with the page but runs only when a PDF is opened.
      installInlineChunks();
      return published(await readPdf(bytes, { source: name }));
    case '.docx':
      return published(await readDocx(bytes, { source: name }));
    default:
      throw new Error(
        `不支持的文件类型「${extension(name) || name}」：请选择 .xlsx、.txt、.html、.pdf 或 .docx 文件。`,
      );
  }
};

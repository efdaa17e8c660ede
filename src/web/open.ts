import { decodeText, htmlToText, readText } from '../core.js';
import type { FileContent, OpenFile } from './file-host.js';

const extension = (name: string) => /\.[^.]*$/.exec(name.toLowerCase())?.[0] ?? '';

/** A published report's text → its report, or the reader's Chinese reason as an error. */
function published(text: string, source: string): FileContent {
  const r = readText(text, { source });
  if (!r.report) throw new Error(r.problem);
  return { kind: 'report', report: r.report };
}

/** Reads what the offline page opens, by the file's extension. */
export const openFile: OpenFile = async (name, bytes) => {
  switch (extension(name)) {
    case '.txt':
      return published(decodeText(bytes), name);
    case '.html':
    case '.htm':
      return published(htmlToText(decodeText(bytes)), name);
    default:
      throw new Error(
        `不支持的文件类型「${extension(name) || name}」：请选择 .xlsx、.txt、.html、.pdf 或 .docx 文件。`,
      );
  }
};

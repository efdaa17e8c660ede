import { unzipSync } from 'fflate';
import { utf8Lenient } from '../decode.js';
import { readDocument } from '../text/document.js';
import type { TextResult } from '../text/index.js';
import { bodyBlocks } from './body.js';

/** An OLE compound file: a .doc, .wps or .et, or an .docx saved with a password. */
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP = [0x50, 0x4b, 0x03, 0x04];
/** More markup than any report: a bound on time and memory. */
const MAX_XML = 64 * 2 ** 20;

const startsWith = (bytes: Uint8Array, magic: readonly number[]) => magic.every((b, i) => bytes[i] === b);

/** A Word report (.docx): its tables straight into the grid reader, its paragraphs as the text. */
export async function readDocx(bytes: Uint8Array, options: { source?: string } = {}): Promise<TextResult> {
  if (startsWith(bytes, OLE)) {
    return {
      problem:
        '这不是 .docx 文件：可能是旧版 Word（.doc）、WPS 文字（.wps）文件，或设置了打开密码的文档。请在 Word 或 WPS 中取消密码，另存为 .docx 或 PDF 后再校验。',
    };
  }
  if (!startsWith(bytes, ZIP))
    return { problem: '这不是 .docx 文件（文件内容不是 Word 文档格式），无法读取。' };
  let xml: Uint8Array | undefined;
  try {
    xml = unzipSync(bytes, { filter: (f) => f.name === 'word/document.xml' && f.originalSize <= MAX_XML })[
      'word/document.xml'
    ];
  } catch {
    return {
      problem: '.docx 文件已损坏或不完整（可能没有下载完整），无法读取。请重新下载或在 Word 中另存后再校验。',
    };
  }
  if (!xml) return { problem: '.docx 文件中没有正文（word/document.xml），可能已损坏，或不是 Word 文档。' };
  const blocks = bodyBlocks(utf8Lenient(xml));
  return readDocument(blocks, options);
}

import { otherKindProblem } from './kinds.js';
import { ReadProblem } from './problem.js';
import { beginsAsMessage, isWebArchive } from './mhtml.js';
import { zipEntries } from './xlsx/directory.js';

/**
 * What a file holds, whatever its name says. Sites' 「导出 Excel」 often save a web page, or an
 * .xlsx, under the name .xls; a clerk renames files; a supervisor's folder holds both. A file is
 * read by what it holds where that is certain: a zip's own parts, a PDF's header, a page's tags.
 */
export type Content = 'xlsx' | 'docx' | 'zip' | 'ole' | 'pdf' | 'page' | 'archive' | 'other';

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const startsWith = (bytes: Uint8Array, magic: readonly number[]) => magic.every((b, i) => bytes[i] === b);

/** A zip whose directory cannot be read (a download cut short): its part names are looked for here, at its end. */
const ZIP_TAIL = 2 ** 20;
/** A PDF's header may follow some junk (a server's), within its first kilobyte. */
const PDF_HEAD = 1024;
const PAGE_HEAD = 4096;

const LATIN1 = new TextDecoder('latin1');
const UTF16LE = new TextDecoder('utf-16le');
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * Bytes as characters one to one (Latin-1). Each byte widened to a 16-bit unit and decoded as
 * UTF-16 natively: Node's own Latin-1 decoder took 29 µs for a text's 4 KiB head, this 6 µs. (A
 * big-endian machine's units are in the other order: it takes the decoder.)
 */
function latin1(bytes: Uint8Array): string {
  return LITTLE_ENDIAN ? UTF16LE.decode(new Uint16Array(bytes)) : LATIN1.decode(bytes);
}

/** Where the ASCII `text` is in bytes[from, to), or -1. Byte by byte: no text is made of the file. */
function findAscii(bytes: Uint8Array, text: string, from: number, to: number): number {
  const first = text.charCodeAt(0);
  const last = to - text.length;
  for (let at = bytes.indexOf(first, from); at >= 0 && at <= last; at = bytes.indexOf(first, at + 1)) {
    let i = 1;
    while (i < text.length && bytes[at + i] === text.charCodeAt(i)) i++;
    if (i === text.length) return at;
  }
  return -1;
}

/** The file's first characters as ASCII, NUL bytes (of UTF-16) left out. */
function asciiHead(bytes: Uint8Array, chars: number, within = PAGE_HEAD): string {
  // Decoded, not built a character at a time: a batch looks at thousands of files' heads.
  const decoded = (n: number) => {
    const head = latin1(bytes.subarray(0, n));
    return (head.includes('\0') ? head.replace(/\0/g, '') : head).slice(0, chars);
  };
  // A byte is a character or a NUL: the first 2 × chars bytes hold the characters asked for, even
  // in UTF-16, and decoding 4 KiB for 300 characters took most of a text's look at its head.
  const short = Math.min(within, 2 * chars);
  const head = decoded(short);
  return head.length === chars || short >= Math.min(within, bytes.length) ? head : decoded(within);
}

/** Tags a page has and text has not (an address in 「<mail@163.com>」 is no tag). */
const MARKUP =
  /<\/?(?:!doctype\s+html|html|head|body|meta|title|table|tr|td|div|p|span|font|br|style|script)\b/i;
/** How far into a file its markup is looked for. */
const MARKUP_HEAD = 64 * 1024;

/**
 * Markup in the file's first kilobytes, wherever its first tag is (a comment, a style sheet). No
 * 「<」 byte, no tag: in UTF-8, UTF-16 and GB18030 alike no other character has that byte, and
 * most texts have none, which spares decoding their head.
 */
function hasMarkup(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, MARKUP_HEAD);
  return head.includes(0x3c) && MARKUP.test(asciiHead(head, MARKUP_HEAD, MARKUP_HEAD));
}

/**
 * NUL bytes, and the control bytes no text has: all but its whitespace (tab, line feed, form feed
 * between pages, carriage return). Counted in the bytes decoded one to a character, by native
 * searches: as quick in a batch's first files as later, where a loop over the bytes ran slowly
 * until V8 had optimised it. Most files have neither, and are told by one search that finds none.
 */
const NUL = /\0/g;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\x01-\x08\x0b\x0e-\x1f\x7f]/g;

/**
 * Bytes no text is made of (an image, a damaged file, random bytes), whose 64 KiB hold a 「<p 」 by
 * chance: control bytes are one in ten of them, and next to none of a text's. UTF-16, whose every
 * other byte may be NUL, is text.
 */
function isBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, PAGE_HEAD);
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return false;
  const head = latin1(bytes.subarray(0, n));
  const nul = head.match(NUL)?.length ?? 0;
  const controls = head.match(CONTROL)?.length ?? 0;
  return nul * 5 <= n && (nul + controls) * 100 > n;
}

const NOT_TEXT = '文件内容不是文字，也不是 Excel、Word、PDF 或网页，无法读取：文件可能已损坏，或不是年报';

/** A web page: its first tag, after a byte-order mark and blank lines, is one a page begins with. */
const PAGE =
  /^(?:\xef\xbb\xbf|\xff\xfe|\xfe\xff)?\s*<(?:!doctype\s+html|html|head|meta|body|table|\?xml[^>]*>\s*<html)/i;

/** More parts than any report file has: a zip of attachments is told by its names well before. */
const MAX_PARTS = 100_000;

/**
 * The part names of the zip's own directory: not those of a workbook stored in it uncompressed (a
 * zip of attachments). Undefined where the directory cannot be read (a download cut short).
 */
function partNames(bytes: Uint8Array): ReadonlyMap<string, unknown> | undefined {
  try {
    return zipEntries(bytes, MAX_PARTS);
  } catch {
    return undefined;
  }
}

export function contentOf(bytes: Uint8Array): Content {
  if (startsWith(bytes, ZIP)) {
    const names = partNames(bytes);
    const has = (part: string) =>
      names
        ? names.has(part)
        : findAscii(bytes, part, Math.max(0, bytes.length - ZIP_TAIL), bytes.length) >= 0;
    if (has('xl/workbook.xml')) return 'xlsx';
    if (has('word/document.xml')) return 'docx';
    return 'zip';
  }
  if (startsWith(bytes, OLE)) return 'ole';
  if (findAscii(bytes, '%PDF-', 0, Math.min(bytes.length, PDF_HEAD)) >= 0) return 'pdf';
  const head = asciiHead(bytes, 300);
  if (PAGE.test(head)) return 'page';
  // The longer look only for a file that begins as a MIME message: a batch reads thousands of texts.
  if (beginsAsMessage(head) && isWebArchive(asciiHead(bytes, PAGE_HEAD))) return 'archive';
  return 'other';
}

/**
 * The names in an OLE file's first directory sector, wherever the header puts it (Office writes
 * an encrypted file's directory after its contents: past the first megabyte of a large one).
 */
function directoryNames(bytes: Uint8Array): string {
  if (bytes.length < 512) return '';
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const shift = view.getUint16(0x1e, true);
  if (shift !== 9 && shift !== 12) return '';
  const size = 1 << shift;
  const at = (view.getUint32(0x30, true) + 1) * size;
  return at + size <= bytes.length ? latin1(bytes.subarray(at, at + size)).replace(/\0/g, '') : '';
}

/** An encrypted Office file is an OLE file holding the real one as 「EncryptedPackage」 (UTF-16). */
function isEncrypted(bytes: Uint8Array): boolean {
  const named = (text: string) => text.includes('EncryptedPackage');
  return (
    named(directoryNames(bytes)) ||
    named(latin1(bytes.subarray(0, Math.min(bytes.length, 2 ** 20))).replace(/\0/g, ''))
  );
}

const SPREADSHEETS = ['.xlsx', '.xls', '.et', '.ett'];
const DOCUMENTS = ['.docx', '.doc', '.wps', '.wpt', '.dot'];

/** What to tell of an OLE file (old Office or WPS format, or a password-protected one) named `ext`. */
function oleProblem(ext: string, bytes: Uint8Array, refused: string | undefined): ReadProblem {
  if (isEncrypted(bytes))
    return new ReadProblem(
      '文件设置了打开密码（已加密），无法读取：请在 Excel、Word 或 WPS 中取消打开密码并另存后再校验',
    );
  if (refused) return new ReadProblem(refused);
  if (SPREADSHEETS.includes(ext))
    return new ReadProblem(
      `这是旧版 Excel（.xls）或 WPS 表格（.et）格式的文件${ext === '.xlsx' ? '，只是扩展名为 .xlsx' : ''}：请在 Excel 或 WPS 中另存为 .xlsx 后再校验`,
    );
  if (DOCUMENTS.includes(ext))
    return new ReadProblem(
      `这是旧版 Word（.doc）或 WPS 文字（.wps）格式的文件${ext === '.docx' ? '，只是扩展名为 .docx' : ''}：请在 Word 或 WPS 中另存为 .docx 或 PDF 后再校验`,
    );
  return new ReadProblem(
    `文件内容是旧版 Office 或 WPS 格式，不是 ${ext} 文件：请在 Office 或 WPS 中另存为 .xlsx、.docx 或 PDF 后再校验`,
  );
}

/** Names of pages: their own, and those sites serve them by (.shtml is the most common on government sites). */
export const PAGE_EXTENSIONS = [
  '.html',
  '.htm',
  '.shtml',
  '.shtm',
  '.xhtml',
  '.jhtml',
  '.asp',
  '.aspx',
  '.jsp',
  '.php',
];
const isPageName = (ext: string) => PAGE_EXTENSIONS.includes(ext);

/** Names under which a file is read by what it holds: a report may hide behind each. */
export const READ_BY_CONTENT: readonly string[] = ['.xls', '.et', '.doc', '.wps'];

/** What a file of each readable extension is called, to say what a picture named so is not. */
const NAMED_AS: Readonly<Record<string, string>> = {
  '.xlsx': 'Excel 工作簿（.xlsx）',
  '.docx': 'Word 文件（.docx）',
  '.pdf': 'PDF 文件',
  '.txt': '文字',
};

/** The kind each readable extension's files are, when they are what they say. */
const EXPECTED: Readonly<Record<string, Content>> = {
  '.xlsx': 'xlsx',
  '.docx': 'docx',
  '.pdf': 'pdf',
  '.mht': 'archive',
  '.mhtml': 'archive',
};

/**
 * The extension a file is read as: its own, or what it holds where that differs and is certain
 * (an .xlsx or a page saved as .xls, a PDF saved as .txt). A file nothing here reads (old Office
 * and WPS formats, a password, a zip of other files) is a ReadProblem that says what to do;
 * `refused` is what to say of a file of its name that holds nothing else.
 */
export function readAs(ext: string, bytes: Uint8Array, refused?: string): string {
  if (ext === '.pdf' && startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return ext;
  const content = contentOf(bytes);
  if (content === EXPECTED[ext]) return ext;
  switch (content) {
    case 'xlsx':
      return '.xlsx';
    case 'docx':
      return '.docx';
    case 'ole':
      throw oleProblem(ext, bytes, refused);
    case 'pdf':
      return '.pdf';
    case 'zip':
      // A damaged workbook or document: its reader says what is wrong with it.
      if (ext === '.xlsx' || ext === '.docx') return ext;
      throw new ReadProblem('文件内容是 zip 压缩包，不是年报文件：请先解压，再校验其中的文件');
    case 'page':
      return isPageName(ext) ? ext : '.html';
    case 'archive':
      return '.mht';
    case 'other': {
      // A picture or an archive named as a report: said as what it is.
      const kind = otherKindProblem(bytes, NAMED_AS[ext] ?? '年报文件');
      if (kind) throw new ReadProblem(kind);
      // Bytes no text is made of are no page and no text, whatever tags they hold by chance.
      const text = !isBinary(bytes);
      // A page whose first tag is a comment, a script or a style sheet (「导出 Excel」 saves such as
      // .xls; a failed download as .pdf), and copied text saved as .html, whose lines a page's
      // reader would run together.
      if (text && (READ_BY_CONTENT.includes(ext) || ext === '' || EXPECTED[ext]) && hasMarkup(bytes))
        return '.html';
      if (refused) throw new ReadProblem(refused);
      if (!text && (ext === '' || ext === '.txt' || isPageName(ext))) throw new ReadProblem(NOT_TEXT);
      if (ext === '') return '.txt';
      return isPageName(ext) && !hasMarkup(bytes) ? '.txt' : ext;
    }
  }
}

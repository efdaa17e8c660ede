import type { Report } from '../report/types.js';
import { bytesToText } from './bytes.js';
import { NotAReport, ReadProblem } from './problem.js';
import { PAGE_EXTENSIONS, READ_BY_CONTENT, readAs } from './content.js';
import { DOCUMENT_FORMATS, unsupportedFormat } from './formats.js';
import { readText, type TextResult } from './text/index.js';
import { NOTES_SHEET, readNotes } from '../report/notes.js';
import { readWorkbook } from './workbook.js';
import type { Crc32, RawInflate, XlsxRead } from './xlsx/index.js';
import type { PdfReader } from './pdf/isolated.js';
import { XLSX_LIMITS, type XlsxLimits } from './xlsx/limits.js';

export { NotAReport, ReadProblem } from './problem.js';

/** Everything one file holds: its reports, and the sheets that hold none (and why). */
export interface FileRead {
  readonly reports: readonly Report[];
  readonly skipped: readonly { readonly sheet: string; readonly problem: string }[];
}

/** A published report's bytes → its reading. */
type PublishedReader = (
  bytes: Uint8Array,
  source: string,
  options: ReadOptions,
) => TextResult | Promise<TextResult>;

// The readers of pages, PDFs and Word files load with the first such file: a command that checks
// one .txt starts without them.
let html: Promise<typeof import('./html.js')> | undefined;
const htmlReader = () => (html ??= import('./html.js'));

const PUBLISHED: Readonly<Record<string, PublishedReader>> = {
  '.txt': (bytes, source) => readText(bytesToText(bytes), { source }),
  ...Object.fromEntries(
    PAGE_EXTENSIONS.map((ext): [string, PublishedReader] => [
      ext,
      async (bytes, source) => readPage(bytesToText(bytes), source, await htmlReader()),
    ]),
  ),
  '.mht': readArchive,
  '.mhtml': readArchive,
  '.pdf': async (bytes, source, options) =>
    options.readPdf
      ? options.readPdf(bytes, source)
      : (await import('./pdf/index.js')).readPdf(bytes, { source }),
  '.docx': async (bytes, source, { inflate, crc32 }) =>
    (await import('./docx/index.js')).readDocx(bytes, { source, inflate, crc32 }),
};

/** A web archive (.mht): the page it holds, read as a saved page is. */
async function readArchive(bytes: Uint8Array, source: string): Promise<TextResult> {
  const [reader, archive] = await Promise.all([htmlReader(), import('./mhtml.js')]);
  const page = archive.archivedPage(bytes);
  if (page === undefined)
    return { problem: '网页存档（.mht）中没有网页，无法读取：请在浏览器中打开后另存为 .html 再校验' };
  return readPage(page, source, reader);
}

function readPage(html: string, source: string, reader: typeof import('./html.js')): TextResult {
  const text = reader.pageText(html, reader.MAX_PAGE_DEPTH);
  if (text === undefined)
    return { problem: `网页的元素嵌套超过 ${reader.MAX_PAGE_DEPTH} 层，不像是年报网页，未读取` };
  // Its lines are those of the page's text as a browser copies it, not of the .html file.
  return readText(text, { source, lines: '网页文字' });
}

const MiB = 2 ** 20;

/**
 * The largest file of each kind that is read. A report is a few hundred KB at most; past these,
 * reading would cost more memory than a batch may take (a 50 MB page took 1 GB).
 */
export const MAX_FILE_BYTES: Readonly<Record<string, number>> = {
  '.xlsx': 50 * MiB,
  '.txt': 8 * MiB,
  ...Object.fromEntries(PAGE_EXTENSIONS.map((ext) => [ext, 8 * MiB])),
  '.pdf': 50 * MiB,
  '.docx': 20 * MiB,
  // A web archive holds the page's pictures too.
  '.mht': 20 * MiB,
  '.mhtml': 20 * MiB,
  // Read by what they hold (see content.ts): an .xlsx, a page, a .docx, a PDF.
  '.xls': 50 * MiB,
  '.et': 50 * MiB,
  '.doc': 20 * MiB,
  '.wps': 20 * MiB,
  '': 50 * MiB,
};

/** The name without its folders. */
const baseName = (name: string) => name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);

/**
 * Lower-case extension with its dot, or '' (「年报.XLSX」 → 「.xlsx」). A page saved with the address's
 * query in its name (「index.html?from=groupmessage」) is the .html it was.
 */
export function extensionOf(name: string): string {
  const base = baseName(name).replace(/[?#].*$/, '');
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot).toLowerCase() : '';
}

/** Extensions of the files a folder is searched for: the ones read, and the ones explained. */
export const REPORT_EXTENSIONS: readonly string[] = ['.xlsx', ...Object.keys(PUBLISHED)];
export const EXPLAINED_EXTENSIONS: readonly string[] = DOCUMENT_FORMATS;
/** The formats read, as messages name them (pages' other names, .shtml and the like, go unsaid). */
export const FORMATS_SAID = '.xlsx、.txt、.html、.pdf、.docx';

/**
 * Why a file of this name is not read at all (and what to do instead), or undefined when it is
 * read: by its name, or by what it holds (an .xls that is an .xlsx or a page).
 */
export function unsupported(name: string): string | undefined {
  const ext = extensionOf(name);
  // A file without an extension, named by the user, is read by what it holds too.
  if (REPORT_EXTENSIONS.includes(ext) || READ_BY_CONTENT.includes(ext) || ext === '') return undefined;
  return unsupportedFormat(name) ?? `不支持的文件类型「${ext || '无扩展名'}」（支持 ${FORMATS_SAID}）`;
}

export function tooLarge(name: string, size: number): string | undefined {
  const max = MAX_FILE_BYTES[extensionOf(name)];
  return max !== undefined && size > max
    ? `文件有 ${(size / MiB).toFixed(1)} MB，超过 ${extensionOf(name)} 文件的上限 ${max / MiB} MB，未读取`
    : undefined;
}

// Heavy readers load when a file needs them: the command line starts without them, and a bundler
// puts them in a chunk of their own that a page loads only when it reads a workbook.
const xlsxReader = () => import('./xlsx/index.js');

/**
 * How a host reads files: the workbook limits, a native inflater and CRC-32 where it has them, and
 * its own way to read a PDF (the command line's bounds pdf.js's time and memory).
 */
export interface ReadOptions {
  readonly limits?: XlsxLimits;
  readonly inflate?: RawInflate;
  readonly crc32?: Crc32;
  readonly readPdf?: PdfReader;
}

/** A workbook's sheets, each with its grid or the reason it was left unread. */
export async function readWorkbookSheets(bytes: Uint8Array, options: ReadOptions = {}): Promise<XlsxRead> {
  const { readXlsx } = await xlsxReader();
  return readXlsx(bytes, options.limits ?? XLSX_LIMITS, options.inflate, options.crc32);
}

/** A file of no bytes: saved before anything was written, or a download that failed. */
const EMPTY = '文件是空的（0 字节）：可能没有保存好或下载没有完成，请重新保存或下载后再校验';

/**
 * The extension a file is read as: its own, or what it holds where that differs (see content.ts).
 * Throws a ReadProblem for a file nothing here reads.
 */
export function formatOf(name: string, bytes: Uint8Array): string {
  const refused = unsupported(name) ?? tooLarge(name, bytes.length) ?? (bytes.length ? undefined : EMPTY);
  if (refused) throw new ReadProblem(refused);
  const ext = extensionOf(name);
  const format = readAs(ext, bytes, unsupportedFormat(name));
  // What it holds has its own limit: a 45 MB page saved as .pdf (or .xls, or with no extension)
  // took 1.9 GB and 9 s to read, where the page's limit keeps a page to a few hundred MB.
  const max = MAX_FILE_BYTES[format];
  if (format !== ext && max !== undefined && bytes.length > max)
    throw new ReadProblem(
      `文件有 ${(bytes.length / MiB).toFixed(1)} MB，内容是${READ_AS[format]!.trim()}，超过这类文件的上限 ${max / MiB} MB，未读取`,
    );
  return format;
}

/** A published report's file (text, page, PDF, Word) → its reading, by what it holds. */
export async function readPublished(
  name: string,
  bytes: Uint8Array,
  options: ReadOptions = {},
): Promise<TextResult> {
  let format: string;
  try {
    format = formatOf(name, bytes);
  } catch (e) {
    if (e instanceof ReadProblem) return { problem: e.message };
    throw e;
  }
  const reader = PUBLISHED[format];
  if (!reader) return { problem: '这是工作簿，不是已发布的年报：请在表格中直接校验' };
  return reader(bytes, name, options);
}

const MAX_SHEETS_SAID = 5;

async function fromWorkbook(bytes: Uint8Array, options: ReadOptions): Promise<FileRead> {
  const { sheets, manualCalculation } = await readWorkbookSheets(bytes, options);
  const unread = sheets
    .filter((s) => s.problem)
    .map((s) => ({ sheet: s.name, problem: `工作表「${s.name}」：${s.problem}` }));
  const { reports: found, skipped } = readWorkbook(
    sheets.filter((s) => !s.problem),
    manualCalculation ? { manualCalculation } : {},
  );
  // The 说明 the clerk wrote in Excel, WPS or the offline page, on the workbook's hidden sheet.
  const notes = readNotes(sheets.find((s) => s.name === NOTES_SHEET && !s.problem)?.grid);
  const reports = notes.size ? found.map((r) => ({ ...r, notes })) : found;
  if (!reports.length) {
    const all = [...unread, ...skipped];
    // A workbook of hundreds of sheets is said in a line, not in hundreds.
    const more =
      all.length > MAX_SHEETS_SAID ? `；另有 ${all.length - MAX_SHEETS_SAID} 个工作表也未读取或没有年报` : '';
    const said = all.slice(0, MAX_SHEETS_SAID).map((s) => s.problem.replace(/。$/, ''));
    const why = all.length > 1 ? `${said.join('；')}${more}。` : all[0]?.problem;
    throw new ReadProblem(why || '工作簿中没有工作表');
  }
  return { reports, skipped: [...unread, ...skipped] };
}

/**
 * The one way every front end reads a report file (the command line, the offline page): by its
 * extension, or by what it holds where that differs. Throws a ReadProblem, in Chinese and without
 * the file's name, when nothing in it can be read.
 */
export async function readReportFile(
  name: string,
  bytes: Uint8Array,
  options: ReadOptions = {},
): Promise<FileRead> {
  const format = formatOf(name, bytes);
  // A file read as other than its name says: a failure says what it was read as (a 「PDF」 that
  // is a site's error page, saved by a download that failed).
  const ext = extensionOf(name);
  const as = (problem: string) =>
    format === ext || !READ_AS[format]
      ? problem
      : format === '.html' && ext === '.pdf'
        ? `这不是 PDF 文件，而是网页（下载失败时网站常返回这样的页面），按网页读取：${problem}`
        : `文件内容是${READ_AS[format]}，按此读取：${problem}`;
  try {
    if (format === '.xlsx') return await fromWorkbook(bytes, options);
  } catch (e) {
    throw e instanceof ReadProblem ? new ReadProblem(as(e.message)) : e;
  }
  const read = await PUBLISHED[format]!(bytes, name, options);
  // Only a text file that is what its name says: a 「PDF」 or page with nothing of a report may be a
  // download that failed, which is to be said as not read.
  if (!read.report && read.notReport && format === '.txt' && ext === '.txt')
    throw new NotAReport(
      '不是年报：文中没有官方表格的标签和年报各部分的标题，也没有「政府信息公开」「年度报告」等字样。',
    );
  // Sites publish a 解读 beside each report, and a supervisor's folder of downloads holds both. Its
  // name and its text agree that it is none: it is no report that could not be read.
  if (!read.report && read.noReportParts && INTERPRETATION.test(baseName(name)))
    throw new NotAReport(
      '是年报的解读或图解，不是年报本身：文件名这样写，文中也没有年报的表格和各部分标题。',
    );
  if (!read.report) throw new ReadProblem(as(read.problem));
  return { reports: [read.report], skipped: [] };
}

/** A file's name that says it is about a report, not the report: 「…年度报告解读」, 「一图读懂…」. */
const INTERPRETATION = /解读|图解|一图读懂|答记者问/;

/** What a file was read as, where its name said otherwise. */
const READ_AS: Readonly<Record<string, string>> = {
  '.xlsx': ' .xlsx 工作簿',
  '.docx': ' Word 文档（.docx）',
  '.pdf': ' PDF',
  '.html': '网页',
  '.mht': '网页存档（.mht）',
  '.txt': '文字',
};

import { readDocument } from '../text/document.js';
import type { TextResult } from '../text/index.js';
import { cMapReader } from './cmap.js';
import { type PdfJsOps, type PdfPage, pageContent } from './extract.js';
import { cutOffPage, pdfBlocks } from './layout.js';
import { ensureDomMatrix } from './matrix.js';
import type { PageContent } from './page.js';
import { GuardedPort, MAX_PAGE_OPERATIONS, MAX_PAGE_TEXT_PIECES, PageTooBusy } from './guarded-port.js';
import { capStreams, type Preprocessor, streamsCut } from './stream-cap.js';

/** No report runs this long: past it the file is something else, and reading it would take long. */
export const MAX_PAGES = 200;
/**
 * Text pieces and lines kept of a whole document until its pages are laid out: each page within
 * its caps, 200 of them held 16 million lines (3 GB) before the host's timer ended the thread. The
 * fullest report seen keeps 6,600; a 46-page report with a watermark drawn glyph by glyph, 151,000.
 */
export const MAX_DOCUMENT_ITEMS = 500_000;
const MAX_BYTES = 100 * 2 ** 20;

interface PdfJs {
  readonly OPS: PdfJsOps;
  readonly PDFWorker: new (params: { port: GuardedPort; verbosity: number }) => { destroy(): void };
  /** From the worker module: starts pdf.js's worker half on a port. */
  readonly WorkerMessageHandler: { initializeFromPort(port: GuardedPort): void };
  getDocument(params: object): {
    readonly promise: Promise<{
      numPages: number;
      getPage(n: number): Promise<PdfPage>;
      destroy(): Promise<void>;
    }>;
    destroy(): Promise<void>;
  };
}

let pdfjs: Promise<PdfJs> | undefined;

/** Loads pdf.js before the first PDF: a host that times each reading starts the clock after it. */
export async function loadPdfJs(): Promise<void> {
  await pdfJs();
}

/**
 * pdf.js, loaded on the first PDF only. Its worker runs in this thread: the worker module is
 * imported too and started on each document's own port (GuardedPort), so neither Node nor a
 * single-file offline page needs a worker file. Bundlers put both modules in a chunk of their own.
 */
function pdfJs(): Promise<PdfJs> {
  pdfjs ??= keepingBuiltins(() =>
    withoutLoadWarnings(async () => {
      ensureDomMatrix();
      const worker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
      const lib = await import('pdfjs-dist/legacy/build/pdf.mjs');
      // pdf.js (5.4) tells its page mapper of every document, for a viewer that reorders pages, and
      // never takes it back: each document read stayed in memory for the life of the thread (40 MB
      // for one refused as too busy). This reader reorders no pages.
      lib.PagesMapper.prototype.addListener = () => undefined;
      // Exported where pdf.js is loaded as the builds load it (scripts/pdfjs-expose.mjs).
      const { EvaluatorPreprocessor } = worker as { EvaluatorPreprocessor?: Preprocessor };
      if (EvaluatorPreprocessor) capStreams(EvaluatorPreprocessor, lib.OPS);
      return {
        OPS: lib.OPS,
        PDFWorker: lib.PDFWorker,
        WorkerMessageHandler: worker.WorkerMessageHandler,
        getDocument: lib.getDocument,
      } as unknown as PdfJs;
    }),
  );
  return pdfjs;
}

/**
 * Runs `load` without the warnings pdf.js writes as it loads: in Node, that its optional drawing
 * package (@napi-rs/canvas) is missing, which matters only for drawing pages. They went to the
 * command line's output, in English. Its warnings while reading are turned off by `verbosity`.
 */
async function withoutLoadWarnings<T>(load: () => Promise<T>): Promise<T> {
  const warn = console.warn;
  console.warn = (...args: unknown[]) => {
    if (!(typeof args[0] === 'string' && args[0].startsWith('Warning: '))) warn(...args);
  };
  try {
    return await load();
  } finally {
    console.warn = warn;
  }
}

/** Built-ins whose methods the legacy build's core-js replaces in V8 (`push`, `JSON.parse`). */
const BUILTINS: readonly object[] = [Array.prototype, JSON, Object, String.prototype, Promise.prototype];

/**
 * Runs `load` and puts back every built-in method it replaced. The legacy build of pdf.js carries
 * core-js, which in V8 swaps `Array.prototype.push` and `JSON.parse` for slower spec-edge-case
 * versions for the whole program: a fifth of the time of reading a PDF, and every later `push`
 * of the checks. What it adds (methods this engine lacks) stays.
 */
async function keepingBuiltins<T>(load: () => Promise<T>): Promise<T> {
  const saved = BUILTINS.map(
    (o) => new Map(Reflect.ownKeys(o).map((k) => [k, Object.getOwnPropertyDescriptor(o, k)!])),
  );
  try {
    return await load();
  } finally {
    BUILTINS.forEach((o, i) => {
      for (const [k, d] of saved[i]!) {
        const now = Object.getOwnPropertyDescriptor(o, k);
        if (now && (now.value !== d.value || now.get !== d.get)) Object.defineProperty(o, k, d);
      }
    });
  }
}

let inflating = 0;
let decompression: PropertyDescriptor | undefined;

/**
 * Runs `read` with `DecompressionStream` out of pdf.js's sight: pdf.js then inflates the small
 * streams of a report (page contents, fonts) itself, at once, instead of through a stream each,
 * which in Node costs two fifths of reading the text. Nested and overlapping reads share it.
 */
async function withSyncInflate<T>(read: () => Promise<T>): Promise<T> {
  const g = globalThis as { DecompressionStream?: unknown };
  if (inflating++ === 0) {
    decompression = Object.getOwnPropertyDescriptor(g, 'DecompressionStream');
    if (decompression?.configurable) delete g.DecompressionStream;
  }
  try {
    return await read();
  } finally {
    if (--inflating === 0 && decompression?.configurable)
      Object.defineProperty(g, 'DecompressionStream', decompression);
  }
}

const PDF_MAGIC = '%PDF-';

function startsAsPdf(bytes: Uint8Array): boolean {
  // The header may follow some junk; readers look in the first kilobyte.
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  return head.includes(PDF_MAGIC);
}

function problemOf(error: unknown): string {
  const name = (error as { name?: string } | undefined)?.name;
  if (name === 'PasswordException') {
    return 'PDF 文件设置了打开密码（已加密），无法读取。请取消密码后另存为 PDF，或改用 .docx、网页文本校验。';
  }
  return 'PDF 文件已损坏或不完整（可能没有下载完整），无法读取。请重新下载，或改用 .docx、网页文本校验。';
}

export interface PdfOptions {
  readonly source?: string;
  /** Told how many pages the document has, once it is open: a host that times the reading may allow for them. */
  readonly opened?: (pages: number) => void;
}

/**
 * A published report as a PDF (made by WPS, Word or a browser): the text pieces and ruling lines
 * of each page become its tables (as grids, for the grid reader) and its running text.
 */
export async function readPdf(bytes: Uint8Array, options: PdfOptions = {}): Promise<TextResult> {
  if (!startsAsPdf(bytes)) return { problem: '这不是 PDF 文件（文件开头没有 PDF 标识），无法读取。' };
  if (bytes.length > MAX_BYTES)
    return { problem: `PDF 文件过大（${Math.round(bytes.length / 2 ** 20)} MB），不像一份年报，未读取。` };
  const lib = await pdfJs();
  const turn = reading.then(() => withSyncInflate(() => readWith(lib, bytes, options)));
  reading = turn.catch(() => undefined);
  return turn;
}

/**
 * The reading before the next in this thread: one at a time, so that a stream pdf.js read only in
 * part (stream-cap.ts) is the reading's own, not another's beside it.
 */
let reading: Promise<unknown> = Promise.resolve();

async function readWith(lib: PdfJs, bytes: Uint8Array, options: PdfOptions): Promise<TextResult> {
  const missingCMaps = new Set<string>();
  // Readings take turns (readPdf): a stream cut since this one began is this one's.
  const streamsCutBefore = streamsCut();
  const port = new GuardedPort(undefined, () => streamsCut() !== streamsCutBefore);
  lib.WorkerMessageHandler.initializeFromPort(port);
  const worker = new lib.PDFWorker({ port, verbosity: 0 });
  // pdf.js takes the buffer over: a copy keeps the caller's bytes intact.
  const task = lib.getDocument({
    worker,
    data: bytes.slice(),
    CMapReaderFactory: cMapReader(missingCMaps),
    useWorkerFetch: false,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  let doc;
  try {
    doc = await task.promise;
  } catch (e) {
    await task.destroy().catch(() => undefined);
    worker.destroy();
    return { problem: problemOf(e) };
  }
  let busy = 0;
  try {
    if (doc.numPages > MAX_PAGES) {
      return { problem: `PDF 有 ${doc.numPages} 页，超过 ${MAX_PAGES} 页，不像一份年报，未读取。` };
    }
    options.opened?.(doc.numPages);
    const pages: PageContent[] = [];
    let kept = 0;
    for (let n = 1; n <= doc.numPages; n++) {
      busy = n;
      const page = await doc.getPage(n);
      // Only a page's drawing and text stream back: the port stops there, if anywhere.
      const content = await Promise.race([pageContent(page, n, lib.OPS), port.overflow]);
      // What pdf.js keeps of the page (its drawing) goes: only the page read is kept.
      page.cleanup();
      // A stream of the page's (a pattern, a glyph) that pdf.js read only in part: more than a report's.
      if (streamsCut() !== streamsCutBefore) return { problem: tooBusy(n, 'operations') };
      kept += content.pieces.length + content.rules.length;
      if (kept > MAX_DOCUMENT_ITEMS)
        return {
          problem: `PDF 的内容过于繁复（到第 ${n} 页已有超过 ${MAX_DOCUMENT_ITEMS / 10_000} 万段文字和线条），不像一份年报，未读取。请改用 .docx 或网页文本校验。`,
        };
      pages.push(content);
    }
    if (!pages.some((p) => p.pieces.length)) {
      return {
        problem: pages.some((p) => p.images)
          ? 'PDF 中只有图片，没有文字（可能是扫描件）：无法读取其中的数字（不做文字识别）。请使用带文字层的 PDF、.docx 或网页文本校验。'
          : missingCMaps.size
            ? `PDF 的字体使用了本工具没有收录的字符映射（${[...missingCMaps].join('、')}），其中的文字无法读取。请另存为嵌入字体的 PDF，或改用 .docx、网页文本校验。`
            : 'PDF 中没有文字，无法读取。',
      };
    }
    const cut = cutOffPage(pages);
    if (cut) {
      return {
        problem: `PDF 第 ${cut.number} 页有文字印在页面右边缘之外（表格比页面宽，导出 PDF 时被截断），其中的数字读不完整，为免读错，未读取。请校验原 Word 文件或网页，或把表格调窄后重新导出 PDF。`,
      };
    }
    return readDocument(pdfBlocks(pages), {
      source: options.source,
      lines: 'PDF 文字',
      page: (p) => `PDF 第${p}页`,
    });
  } catch (e) {
    if (e instanceof PageTooBusy) return { problem: tooBusy(busy, e.what) };
    return { problem: problemOf(e) };
  } finally {
    // A port that stopped carries no more: the document lets go of its pages at once, but its
    // goodbye to pdf.js's other half gets no answer, and is not waited for.
    const destroyed = doc.destroy().catch(() => undefined);
    if (!port.stopped) await destroyed;
    worker.destroy();
  }
}

const tooBusy = (page: number, what: PageTooBusy['what']) =>
  `PDF 第 ${page} 页的内容过于繁复（${what === 'operations' ? `超过 ${MAX_PAGE_OPERATIONS / 10_000} 万笔绘制` : `超过 ${MAX_PAGE_TEXT_PIECES / 10_000} 万段文字`}），不像一份年报，未读取。请改用 .docx 或网页文本校验。`;

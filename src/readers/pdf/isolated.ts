// PDFs read in a thread of their own, within a time (and, where the host can measure it, a memory):
// pdf.js works through a page's drawing whatever it holds, and a small file can hold millions of
// strokes, a page's contents listed thousands of times, or a stream that inflates to hundreds of
// megabytes (40 s and 3 GB for an 82 KB file). Its work cannot be stopped from within: it never
// pauses for a timer. What it keeps of a page is capped as it reads (guarded-port.ts), its time and
// what it inflates are not. A thread can be ended. The command line's threads are Node's worker threads,
// the offline page's are Web Workers: each host says how to start one (PdfThread), the rest is here.
import type { TextResult } from '../text/index.js';
import { MEND_INSTALL, missingPackage } from '../problem.js';

/** Reads a PDF of a published report, the way a host chooses (in a thread of its own). */
export type PdfReader = (bytes: Uint8Array, source: string) => Promise<TextResult>;

export type PdfRequest = { readonly id: number; readonly bytes: Uint8Array; readonly source: string };
export type PdfResponse =
  | { readonly ready: true }
  | { readonly unloaded: string }
  | { readonly id: number; readonly pages: number }
  | { readonly id: number; readonly result: TextResult }
  | { readonly id: number; readonly failed: string };

/** What happened to a thread, other than its messages. */
export interface ThreadEvents {
  message(m: PdfResponse): void;
  /** It failed: `outOfMemory` where the host tells so. */
  error(why: string, outOfMemory: boolean): void;
  /** It ended by itself (a host that cannot tell never calls this). */
  exit(): void;
}

/** A started thread that runs the PDF server (see serve.ts), as its host makes one. */
export interface PdfThread {
  post(request: PdfRequest, transfer: ArrayBuffer[]): void;
  /** Listens until the function returned is called. */
  listen(events: ThreadEvents): () => void;
  terminate(): void;
  /** Whether it keeps the process alive (Node): while a file is read, and not when idle. */
  hold?(held: boolean): void;
}

export interface PdfLimits {
  /** A file's time, and a page's more: a report's PDF takes a few tenths of a second. */
  readonly baseMs: number;
  readonly perPageMs: number;
  /**
   * The memory grown while a file is read, where the host can measure it: what pdf.js inflates (a
   * page's contents, fonts, images) is held outside the heap, which no thread's limit counts.
   */
  readonly growthMb: number;
  /** Loading pdf.js in the thread, before the first file. */
  readonly loadMs: number;
}

export const PDF_LIMITS: PdfLimits = { baseMs: 5_000, perPageMs: 40, growthMb: 256, loadMs: 60_000 };
/** How often the memory is looked at while a file is read. */
const WATCH_MS = 50;

const seconds = (ms: number) => Number((ms / 1000).toFixed(1));
const tooLong = (ms: number) =>
  `PDF 的内容过于繁复，${seconds(ms)} 秒内没有读完（一份年报的 PDF 通常不到 1 秒），不像一份年报，未读取。请改用 .docx 或网页文本校验。`;
const PDF_TOO_LARGE =
  'PDF 的内容过于繁复，读取所需的内存超过上限，不像一份年报，未读取。请改用 .docx 或网页文本校验。';
/**
 * The thread failed: its reason on one line. A package not found is a broken install (the command
 * line copied without node_modules): said so, with how to mend it.
 */
function broken(why: string): string {
  const missing = missingPackage(why);
  if (missing) return `PDF 读取组件不完整（缺少「${missing}」），该文件未读取：${MEND_INSTALL}。`;
  return `PDF 读取组件出错（${why.split('\n')[0]!.trim()}），该文件未读取。`;
}

export interface IsolatedOptions {
  readonly limits?: PdfLimits;
  /** The memory in use, in bytes, where the host can tell (Node's RSS). */
  readonly memory?: () => number;
}

/**
 * Reads PDFs one at a time in a thread `spawn` starts: a reading that runs past its time or its
 * memory, or that the thread dies of, ends the thread and is said to be too much; the next file
 * gets a new thread.
 */
export function isolatedPdfReader(
  spawn: () => PdfThread,
  { limits = PDF_LIMITS, memory }: IsolatedOptions = {},
): PdfReader {
  let current: { thread: PdfThread; loaded: Promise<string | undefined> } | undefined;
  let queue: Promise<unknown> = Promise.resolve();
  let next = 0;

  const end = () => {
    current?.thread.terminate();
    current = undefined;
  };

  /** The thread, started with its first file; `loaded` resolves to why it could not load pdf.js, if so. */
  const start = () => {
    if (current) return current;
    const thread = spawn();
    const loaded = new Promise<string | undefined>((resolve) => {
      const timer = setTimeout(() => settle(`${seconds(limits.loadMs)} 秒内没有加载完成`), limits.loadMs);
      const settle = (why: string | undefined) => {
        clearTimeout(timer);
        unlisten();
        resolve(why);
      };
      const unlisten = thread.listen({
        message: (m) => {
          if ('ready' in m) settle(undefined);
          else if ('unloaded' in m) settle(m.unloaded);
        },
        error: (why) => settle(why),
        exit: () => settle('线程已退出'),
      });
    });
    const started = { thread, loaded };
    current = started;
    // A thread gone between files is started again for the next.
    const unwatch = thread.listen({
      message: () => undefined,
      error: () => undefined,
      exit: () => {
        unwatch();
        if (current === started) current = undefined;
      },
    });
    return started;
  };

  const readNow = async (bytes: Uint8Array, source: string): Promise<TextResult> => {
    const { thread, loaded } = start();
    thread.hold?.(true);
    const unloaded = await loaded;
    if (unloaded !== undefined) {
      end();
      return { problem: broken(unloaded) };
    }
    const id = ++next;
    return new Promise<TextResult>((resolve) => {
      const started = Date.now();
      let budget = limits.baseMs;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const before = memory?.();
      const watch =
        memory &&
        setInterval(() => {
          if (memory() - before! > limits.growthMb * 2 ** 20) done({ problem: PDF_TOO_LARGE }, true);
        }, WATCH_MS);
      const done = (result: TextResult, ended = false) => {
        clearTimeout(timer);
        clearInterval(watch);
        unlisten();
        if (ended) end();
        else thread.hold?.(false);
        resolve(result);
      };
      const arm = () => {
        clearTimeout(timer);
        timer = setTimeout(() => done({ problem: tooLong(budget) }, true), started + budget - Date.now());
      };
      const unlisten = thread.listen({
        message: (m) => {
          if (!('id' in m) || m.id !== id) return;
          if ('pages' in m) {
            budget += limits.perPageMs * m.pages;
            arm();
          } else if ('result' in m) done(m.result);
          else done({ problem: broken(m.failed) }, true);
        },
        error: (why, outOfMemory) => done({ problem: outOfMemory ? PDF_TOO_LARGE : broken(why) }, true),
        exit: () => done({ problem: broken('线程已退出') }, true),
      });
      arm();
      // A copy goes to the thread: the caller's bytes stay its own.
      const copy = bytes.slice();
      thread.post({ id, bytes: copy, source }, [copy.buffer]);
    });
  };

  return (bytes, source) => {
    const read = queue.then(() => readNow(bytes, source));
    queue = read.catch(() => undefined);
    return read;
  };
}

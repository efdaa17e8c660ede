// PDFs read in a thread of their own, within a time and a heap: pdf.js works through a page's
// drawing whatever it holds, and a small file can hold millions of strokes, a page's contents listed
// thousands of times, or a stream that inflates to hundreds of megabytes (40 s and 3 GB for an 82 KB
// file). Its work cannot be stopped from within: it never pauses for a timer. A thread can be ended.
import { Worker } from 'node:worker_threads';
import type { TextResult } from '../core.js';

export type PdfRequest = { readonly id: number; readonly bytes: Uint8Array; readonly source: string };
export type PdfResponse =
  | { readonly ready: true }
  | { readonly unloaded: string }
  | { readonly id: number; readonly pages: number }
  | { readonly id: number; readonly result: TextResult }
  | { readonly id: number; readonly failed: string };

export interface PdfLimits {
  /** A file's time, and a page's more: a report's PDF takes a few tenths of a second. */
  readonly baseMs: number;
  readonly perPageMs: number;
  /** The thread's JavaScript heap. */
  readonly heapMb: number;
  /**
   * The process's memory grown while a file is read: what pdf.js inflates (a page's contents, fonts,
   * images) is held outside the heap, which no thread's limit counts.
   */
  readonly growthMb: number;
  /** Loading pdf.js in the thread, before the first file. */
  readonly loadMs: number;
}

export const PDF_LIMITS: PdfLimits = {
  baseMs: 5_000,
  perPageMs: 40,
  heapMb: 512,
  growthMb: 256,
  loadMs: 60_000,
};
/** How often the memory is looked at while a file is read. */
const WATCH_MS = 50;

const seconds = (ms: number) => Number((ms / 1000).toFixed(1));
const tooLong = (ms: number) =>
  `PDF 的内容过于繁复，${seconds(ms)} 秒内没有读完（一份年报的 PDF 通常不到 1 秒），不像一份年报，未读取。请改用 .docx 或网页文本校验。`;
const TOO_LARGE =
  'PDF 的内容过于繁复，读取所需的内存超过上限，不像一份年报，未读取。请改用 .docx 或网页文本校验。';
const broken = (why: string) => `PDF 读取组件出错（${why}），该文件未读取。`;

/**
 * Reads PDFs one at a time in a worker thread running `workerFile` (dist/cli/pdf-worker.cjs): a
 * reading that runs past its time, or past the thread's heap, ends the thread and is said to be too
 * much; the next file gets a new thread. An idle thread does not keep the process alive.
 */
export function isolatedPdfReader(
  workerFile: string,
  limits: PdfLimits = PDF_LIMITS,
): (bytes: Uint8Array, source: string) => Promise<TextResult> {
  let worker: Worker | undefined;
  let ready: Promise<string | undefined> | undefined;
  let queue: Promise<unknown> = Promise.resolve();
  let next = 0;

  const end = () => {
    void worker?.terminate();
    worker = undefined;
    ready = undefined;
  };

  /** The thread, started with its first file; resolves to why it could not load pdf.js, if so. */
  const start = (): { thread: Worker; loaded: Promise<string | undefined> } => {
    if (!worker || !ready) {
      const thread = new Worker(workerFile, { resourceLimits: { maxOldGenerationSizeMb: limits.heapMb } });
      worker = thread;
      ready = new Promise((resolve) => {
        const timer = setTimeout(() => resolve(`${seconds(limits.loadMs)} 秒内没有加载完成`), limits.loadMs);
        const settle = (why: string | undefined) => {
          clearTimeout(timer);
          thread.off('message', onMessage);
          resolve(why);
        };
        const onMessage = (m: PdfResponse) => {
          if ('ready' in m) settle(undefined);
          else if ('unloaded' in m) settle(m.unloaded);
        };
        thread.on('message', onMessage);
        thread.once('error', (e) => settle(e.message));
        thread.once('exit', () => {
          settle('线程已退出');
          // A thread gone between files is started again for the next.
          if (worker === thread) {
            worker = undefined;
            ready = undefined;
          }
        });
      });
    }
    return { thread: worker, loaded: ready };
  };

  const readNow = async (bytes: Uint8Array, source: string): Promise<TextResult> => {
    const { thread, loaded } = start();
    thread.ref();
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
      const before = process.memoryUsage.rss();
      const watch = setInterval(() => {
        if (process.memoryUsage.rss() - before > limits.growthMb * 2 ** 20)
          done({ problem: TOO_LARGE }, true);
      }, WATCH_MS);
      const done = (result: TextResult, ended = false) => {
        clearTimeout(timer);
        clearInterval(watch);
        thread.off('message', onMessage);
        thread.off('error', onError);
        thread.off('exit', onExit);
        if (ended) end();
        else thread.unref();
        resolve(result);
      };
      const arm = () => {
        clearTimeout(timer);
        timer = setTimeout(() => done({ problem: tooLong(budget) }, true), started + budget - Date.now());
      };
      const onMessage = (m: PdfResponse) => {
        if (!('id' in m) || m.id !== id) return;
        if ('pages' in m) {
          budget += limits.perPageMs * m.pages;
          arm();
        } else if ('result' in m) done(m.result);
        else done({ problem: broken(m.failed) }, true);
      };
      const onError = (e: Error & { code?: string }) =>
        done({ problem: e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? TOO_LARGE : broken(e.message) }, true);
      const onExit = () => done({ problem: broken('线程已退出') }, true);
      thread.on('message', onMessage);
      thread.once('error', onError);
      thread.once('exit', onExit);
      arm();
      // A copy goes to the thread: the caller's bytes stay its own.
      const copy = bytes.slice();
      thread.postMessage({ id, bytes: copy, source } satisfies PdfRequest, [copy.buffer]);
    });
  };

  return (bytes, source) => {
    const read = queue.then(() => readNow(bytes, source));
    queue = read.catch(() => undefined);
    return read;
  };
}

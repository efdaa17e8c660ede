import { isolatedPdfReader, type PdfResponse, type PdfThread, type TextResult } from '../core.js';

/** The PDF thread's script in the page: inert text, made a worker when the first PDF is opened. */
export const WORKER_TYPE = 'text/x-nianbao-worker';

function webWorker(url: string): PdfThread {
  const worker = new Worker(url);
  return {
    post: (request, transfer) => worker.postMessage(request, transfer),
    listen(events) {
      const message = (e: MessageEvent<PdfResponse>) => events.message(e.data);
      const error = (e: ErrorEvent) => {
        e.preventDefault();
        events.error(e.message || '线程出错', false);
      };
      worker.addEventListener('message', message);
      worker.addEventListener('error', error);
      return () => {
        worker.removeEventListener('message', message);
        worker.removeEventListener('error', error);
      };
    },
    terminate: () => worker.terminate(),
  };
}

let reader: ((bytes: Uint8Array, source: string) => Promise<TextResult>) | undefined;

/**
 * Reads PDFs in a Web Worker, within a time (a browser does not tell a worker's memory): an 82 KB
 * file of millions of strokes froze the page for a minute and took 4 GB when read in the page's
 * own thread. Undefined where the page carries no worker (the development server).
 */
export function pagePdfReader(doc: Document | undefined = globalThis.document) {
  if (reader) return reader;
  const code = doc?.querySelector(`script[type="${WORKER_TYPE}"]`)?.textContent;
  if (!code) return undefined;
  const url = URL.createObjectURL(new Blob([code], { type: 'text/javascript' }));
  reader = isolatedPdfReader(() => webWorker(url));
  return reader;
}

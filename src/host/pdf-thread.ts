import { isolatedPdfReader, type PdfReader, type PdfResponse, type PdfThread } from '../core.js';

/** The PDF thread's script in the offline page: inert text, made a worker when the first PDF is opened. */
const WORKER_TYPE = 'text/x-nianbao-worker';
/** The PDF thread's script beside a pane (the add-in's, WPS's), as the build names it. */
const WORKER_FILE = 'pdf-worker.js';

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

/**
 * Reads PDFs in a Web Worker whose script is at `url`, within a time (a browser does not tell a
 * worker's memory): an 82 KB file of millions of strokes froze the page for a minute and took 4 GB
 * when read in the page's own thread.
 */
export const workerPdfReader = (url: string): PdfReader => isolatedPdfReader(() => webWorker(url));

let inPage: PdfReader | undefined;

/** The offline page's: its worker made from its own text. Undefined where it carries none (the development server). */
export function pagePdfReader(doc: Document | undefined = globalThis.document): PdfReader | undefined {
  if (inPage) return inPage;
  const code = doc?.querySelector(`script[type="${WORKER_TYPE}"]`)?.textContent;
  if (!code) return undefined;
  inPage = workerPdfReader(URL.createObjectURL(new Blob([code], { type: 'text/javascript' })));
  return inPage;
}

/** A pane's: the worker's script served beside the pane's page. */
export const servedPdfReader = (page: string = globalThis.location.href): PdfReader =>
  workerPdfReader(new URL(WORKER_FILE, page).href);

// The PDF thread of the panes and the offline page (see pdf-thread.ts): a Web Worker, pdf.js and
// all in this one script (served beside the pane, or made from the offline page's own inert text).
import type { PdfRequest, PdfResponse } from '../core.js';
import { servePdfReads } from '../core-pdf.js';

/** What a dedicated worker's global scope is here (the page's types are the window's). */
const scope = globalThis as unknown as {
  postMessage(message: PdfResponse): void;
  addEventListener(type: 'message', listener: (e: MessageEvent<PdfRequest>) => void): void;
};

servePdfReads(
  (message) => scope.postMessage(message),
  (read) => scope.addEventListener('message', (e) => read(e.data)),
);

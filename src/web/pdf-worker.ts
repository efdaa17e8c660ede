// The offline page's PDF thread (see pdf-thread.ts): a Web Worker made from the page's own inert
// copy of this script, pdf.js and all, so the page stays one file that fetches nothing.
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

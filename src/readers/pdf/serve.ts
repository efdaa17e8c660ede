// What a PDF thread runs (see isolated.ts), in Node's worker threads and Web Workers alike: pdf.js
// is loaded first, then each file sent is read and its reading sent back.
import { loadPdfJs, readPdf } from './index.js';
import type { PdfRequest, PdfResponse } from './isolated.js';

const why = (e: unknown) => (e instanceof Error ? e.message : String(e));

export function servePdfReads(
  send: (message: PdfResponse) => void,
  receive: (read: (request: PdfRequest) => void) => void,
): void {
  loadPdfJs().then(
    () => {
      send({ ready: true });
      receive(({ id, bytes, source }) => {
        readPdf(bytes, { source, opened: (pages) => send({ id, pages }) }).then(
          (result) => send({ id, result }),
          (e: unknown) => send({ id, failed: why(e) }),
        );
      });
    },
    (e: unknown) => send({ unloaded: why(e) }),
  );
}

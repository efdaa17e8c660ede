// The thread that reads PDFs for the command line (see pdf-isolated.ts): pdf.js is loaded first,
// then each file sent is read and its reading sent back. Built as dist/cli/pdf-worker.cjs.
import { parentPort } from 'node:worker_threads';
import { loadPdfJs, readPdf } from '../core-pdf.js';
import type { PdfRequest, PdfResponse } from './pdf-isolated.js';

const port = parentPort!;
const send = (message: PdfResponse) => port.postMessage(message);

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

loadPdfJs().then(
  () => {
    send({ ready: true });
    port.on('message', ({ id, bytes, source }: PdfRequest) => {
      readPdf(bytes, { source, opened: (pages) => send({ id, pages }) }).then(
        (result) => send({ id, result }),
        (e: unknown) => send({ id, failed: message(e) }),
      );
    });
  },
  (e: unknown) => send({ unloaded: message(e) }),
);

// The thread that reads PDFs for the command line (see pdf-isolated.ts). Built as dist/cli/pdf-worker.cjs,
// with pdf.js's worker half as the copy beside it (scripts/pdfjs-expose.mjs).
import { parentPort } from 'node:worker_threads';
import type { PdfRequest } from '../core.js';
import { servePdfReads } from '../core-pdf.js';

const port = parentPort!;
servePdfReads(
  (message) => port.postMessage(message),
  (read) => port.on('message', (request: PdfRequest) => read(request)),
);

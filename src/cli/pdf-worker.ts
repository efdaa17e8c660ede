// The thread that reads PDFs for the command line (see pdf-isolated.ts). Built as dist/cli/pdf-worker.cjs.
import { register } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parentPort } from 'node:worker_threads';
import type { PdfRequest } from '../core.js';
import { servePdfReads } from '../core-pdf.js';

// pdf.js loaded as the builds load it (scripts/pdfjs-expose.mjs, written beside this file); Node
// before 20.6 has no module hooks, and reads without the streams' cap.
(register as typeof register | undefined)?.(pathToFileURL(join(__dirname, 'pdfjs-hooks.mjs')));
const port = parentPort!;
servePdfReads(
  (message) => port.postMessage(message),
  (read) => port.on('message', (request: PdfRequest) => read(request)),
);

/**
 * The core's PDF reader: a front door of its own, so that what imports the core does not load it
 * (the readers import it with the first PDF), and a thread that reads only PDFs needs nothing else.
 */
export { loadPdfJs, type PdfOptions, readPdf } from './readers/pdf/index.js';
export { servePdfReads } from './readers/pdf/serve.js';

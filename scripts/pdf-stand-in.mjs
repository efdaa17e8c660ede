// Every build puts a stand-in in place of the PDF reader that src/readers/files.ts imports: the
// command line, the panes and the offline page each read PDFs in a thread of their own, which
// carries pdf.js and the character maps once (bundle-cli.mjs, webpack.config.js).
import { fileURLToPath } from 'node:url';

/** The import of the PDF reader, and the module that makes it. */
export const PDF_READER = { request: /\/pdf\/index\.js$/, importer: /[\\/]src[\\/]readers[\\/]files\.ts$/ };
export const PDF_STAND_IN = fileURLToPath(new URL('../src/readers/pdf/in-worker-only.ts', import.meta.url));

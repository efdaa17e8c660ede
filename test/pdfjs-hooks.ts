// The tests read PDFs with pdf.js as the builds load it (see scripts/pdfjs-expose.mjs).
import { register } from 'node:module';

register(new URL('../scripts/pdfjs-expose.mjs', import.meta.url));

// pdf.js's worker half keeps to itself the class that reads a content stream's operations. A
// pattern's cell or a glyph of a Type3 font is read whole before anything of it crosses the port
// that caps a page (src/readers/pdf/guarded-port.ts): two million strokes in one took 4 GB. Every
// build, the tests and the command line's PDF thread load the module with that class exported as
// well, and src/readers/pdf/stream-cap.ts holds each stream it reads to a cap.

/** The module, wherever it is installed. */
export const PDF_WORKER = /[\\/]pdfjs-dist[\\/]legacy[\\/]build[\\/]pdf\.worker\.mjs$/;

const EXPORTS = '\nexport { WorkerMessageHandler };\n';
const EXPOSED = '\nexport { WorkerMessageHandler, EvaluatorPreprocessor };\n';

/** The module's source, exporting EvaluatorPreprocessor too; an error if pdf.js ends otherwise. */
export function expose(source) {
  if (source.includes(EXPOSED)) return source;
  if (source.split(EXPORTS).length !== 2)
    throw new Error(
      'pdf.worker.mjs no longer ends with the exports scripts/pdfjs-expose.mjs knows (pdf.js upgraded?)',
    );
  return source.replace(EXPORTS, EXPOSED);
}

/** As a webpack loader (webpack.config.js). */
export default function exposeLoader(source) {
  return expose(source);
}

/** As Node's module hook (module.register): the command line's PDF thread and the tests. */
export async function load(url, context, nextLoad) {
  const loaded = await nextLoad(url, context);
  if (!url.startsWith('file:') || !PDF_WORKER.test(new URL(url).pathname)) return loaded;
  const text = typeof loaded.source === 'string' ? loaded.source : new TextDecoder().decode(loaded.source);
  return { ...loaded, source: expose(text) };
}

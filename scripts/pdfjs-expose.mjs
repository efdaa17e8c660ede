// pdf.js's worker half keeps to itself the class that reads a content stream's operations. A
// pattern's cell or a glyph of a Type3 font is read whole before anything of it crosses the port
// that caps a page (src/readers/pdf/guarded-port.ts): two million strokes in one took 4 GB. Every
// build and the tests load the module with that class exported as well (the panes' and the
// offline page's through webpack, the command line's as a copy beside its PDF thread, the tests'
// through Node's module hook), and src/readers/pdf/stream-cap.ts holds each stream it reads to a cap.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/** The module as imported, and as a path wherever it is installed. */
const INSTALLED = 'pdfjs-dist/legacy/build/pdf.worker.mjs';
const escaped = INSTALLED.replace(/[.]/g, '\\.');
export const PDF_WORKER = new RegExp(`[\\\\/]${escaped.replace(/\//g, '[\\\\/]')}$`);

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

/**
 * For esbuild (scripts/bundle-cli.mjs): the thread's import of pdf.js's worker half goes to the
 * copy beside it that writeWorkerBeside makes, not to the package.
 */
export const workerBeside = {
  name: 'pdf-worker-beside',
  setup(build) {
    build.onResolve({ filter: new RegExp(`^${escaped}$`) }, () => ({
      path: './pdf.worker.mjs',
      external: true,
    }));
  },
};

/** The installed module, exposed, as `dir`/pdf.worker.mjs (its source map's comment left out). */
export function writeWorkerBeside(dir) {
  const source = readFileSync(createRequire(import.meta.url).resolve(INSTALLED), 'utf8');
  writeFileSync(
    join(dir, 'pdf.worker.mjs'),
    expose(source).replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n'),
  );
}

/** As a webpack loader (webpack.config.js). */
export default function exposeLoader(source) {
  return expose(source);
}

/** As Node's module hook (module.register): the tests, and the bench. */
export async function load(url, context, nextLoad) {
  const loaded = await nextLoad(url, context);
  if (!url.startsWith('file:') || !PDF_WORKER.test(new URL(url).pathname)) return loaded;
  const text = typeof loaded.source === 'string' ? loaded.source : new TextDecoder().decode(loaded.source);
  return { ...loaded, source: expose(text) };
}

// The command line as one CommonJS file, and the code V8 compiles for it (see bin/cli.cjs): Node
// resolves and compiles about a hundred small modules in some 45 ms, and the bundle in some 20 ms
// more, where the whole start of `nianbao check one.txt` is about 140 ms. Packages stay outside the
// bundle and load as before: pdf.js, ExcelJS and fflate with the first file that needs them.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { PDF_READER, PDF_STAND_IN } from './pdf-stand-in.mjs';
import { workerBeside, writeWorkerBeside } from './pdfjs-expose.mjs';

const outdir = new URL('../dist/cli', import.meta.url).pathname;
const outfile = `${outdir}/main.cjs`;
rmSync(outdir, { recursive: true, force: true });
/** Both bundles: CommonJS for Node 20, packages left outside. */
const common = {
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
};
/**
 * The command line reads PDFs in its worker thread (below): the main bundle, read and compiled at
 * every start, leaves out the reader (40% of its size).
 */
const pdfInWorkerOnly = {
  name: 'pdf-in-worker-only',
  setup(b) {
    b.onResolve({ filter: PDF_READER.request }, (args) =>
      PDF_READER.importer.test(args.importer) ? { path: PDF_STAND_IN } : undefined,
    );
  },
};
await build({
  ...common,
  entryPoints: [new URL('../src/cli/main.ts', import.meta.url).pathname],
  outfile,
  sourcemap: 'linked',
  plugins: [pdfInWorkerOnly],
});

// The loader hands the bundle its own import() as `__import`. Each import() the bundle keeps takes
// a package or Node module by name; anything else would be a change this rewrite does not know.
const source = readFileSync(outfile, 'utf8');
const calls = source.match(/\bimport\(/g)?.length ?? 0;
const named = source.match(/\bimport\("(?:node:)?[\w@/.-]+"\)/g)?.length ?? 0;
if (calls !== named) throw new Error(`dist/cli/main.cjs: ${calls - named} import() not by name`);
// esbuild writes strings in ASCII but leaves regular expressions' own characters (「（」, 「０-９」)
// as they are, which makes the whole bundle a two-byte string: reading it took twice as long at
// each start. Each is written as its \u escape, which means the same character in a pattern, a
// comment or a name; an identity escape (\（) loses its backslash, as \\uFF08 would be two characters.
const ascii = source.replace(/(\\*)([^\0-\x7f])/g, (_, slashes, char) => {
  const kept = slashes.length % 2 ? slashes.slice(1) : slashes;
  return `${kept}\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
});
writeFileSync(outfile, ascii.replace(/\bimport\("/g, '__import("'));

// The thread that reads PDFs within a time and a heap (src/cli/pdf-isolated.ts): a file of its own,
// started by Node as a worker, whose import() of pdf.js is Node's own.
// pdf.js's worker half it loads is a copy beside it, with one more export (scripts/pdfjs-expose.mjs).
await build({
  ...common,
  entryPoints: [new URL('../src/cli/pdf-worker.ts', import.meta.url).pathname],
  outfile: `${outdir}/pdf-worker.cjs`,
  plugins: [workerBeside],
});
writeWorkerBeside(outdir);

execFileSync(process.execPath, [new URL('./make-cli-cache.cjs', import.meta.url).pathname], {
  stdio: 'inherit',
});

// Proves the PDF reader runs in a browser from ONE self-contained HTML file: builds a tiny page
// with webpack (its programmatic API, a config of its own), puts every chunk into the page (pdf.js,
// its worker module, the CMaps), opens it from file:// in headless Chromium, feeds it fixture PDFs
// and checks the reports cell by cell against the transcriptions. Prints the gzip sizes of the
// main chunk and of the PDF part, and the time to read a PDF in the page.
//   npx tsx scripts/pdf-in-browser.ts [--one-chunk] [--modern]
// --one-chunk: webpack merges everything into one chunk (LimitChunkCountPlugin) instead of the page
// holding each chunk as a script of its own.
// --modern: pdf.js's modern build instead of the legacy one the reader imports (an alias; for
// browsers of late 2025 on: it needs Uint8Array.prototype.toHex).
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import webpack from 'webpack';
import { jingxiu } from '../test/helpers.js';

const root = resolve(import.meta.dirname, '..');
const oneChunk = process.argv.includes('--one-chunk');
const work = mkdtempSync(join(tmpdir(), 'nianbao-pdf-page-'));

/** What the page answers for a PDF: the report in short, or the problem. */
interface Answer {
  readonly problem?: string;
  readonly edition?: string;
  readonly year?: number;
  readonly tables?: readonly string[];
  readonly values?: Record<string, unknown>;
  readonly errors?: readonly string[];
}

const ENTRY = `import { readPdf } from ${JSON.stringify(join(root, 'src/readers/pdf/index.ts'))};

function bytesOf(base64: string): Uint8Array {
  const text = atob(base64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

(globalThis as { nianbao?: unknown }).nianbao = {
  async read(base64: string) {
    const r = await readPdf(bytesOf(base64), { source: 'page.pdf' });
    if (!r.report) return { problem: r.problem };
    const values: Record<string, unknown> = {};
    for (const [k, c] of r.report.cells) values[k] = c.raw;
    return {
      edition: r.report.edition,
      year: r.report.year,
      tables: r.report.tables,
      values,
      errors: r.report.findings.filter((f) => f.severity === 'error').map((f) => f.message),
    };
  },
  async time(base64: string, runs: number) {
    const bytes = bytesOf(base64);
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      await readPdf(bytes);
      times.push(performance.now() - t);
    }
    return times.sort((a, b) => a - b);
  },
};
`;

/** The webpack settings of the page: the point of this script. */
function config(): webpack.Configuration {
  return {
    mode: 'production',
    target: 'web',
    context: root,
    entry: { main: join(work, 'entry.ts') },
    output: {
      path: join(work, 'out'),
      filename: '[name].js',
      chunkFilename: '[name].chunk.js',
      // Scripts written into the page have no URL to take a public path from; none is needed.
      publicPath: '',
    },
    resolve: {
      extensions: ['.ts', '.js'],
      extensionAlias: { '.js': ['.ts', '.js'] },
      ...(process.argv.includes('--modern')
        ? {
            alias: {
              'pdfjs-dist/legacy/build/pdf.mjs': 'pdfjs-dist/build/pdf.mjs',
              'pdfjs-dist/legacy/build/pdf.worker.mjs': 'pdfjs-dist/build/pdf.worker.mjs',
            },
          }
        : {}),
    },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: {
              transpileOnly: true,
              configFile: join(root, 'tsconfig.json'),
              compilerOptions: { module: 'esnext', moduleResolution: 'bundler', noEmit: false },
            },
          },
        },
      ],
    },
    optimization: { chunkIds: 'named' },
    performance: { hints: false },
    plugins: oneChunk ? [new webpack.optimize.LimitChunkCountPlugin({ maxChunks: 1 })] : [],
  };
}

function build(): Promise<webpack.Stats> {
  return new Promise((done, fail) =>
    webpack(config(), (error, stats) => {
      if (error) fail(error);
      else if (!stats || stats.hasErrors()) fail(new Error(stats?.toString('errors-only')));
      else done(stats);
    }),
  );
}

const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
const gz = (s: string | Buffer) => gzipSync(s, { level: 9 }).length;

try {
  writeFileSync(join(work, 'entry.ts'), ENTRY);
  await build();
  const out = join(work, 'out');
  const files = readdirSync(out).filter((f) => f.endsWith('.js'));
  const chunks = files.filter((f) => f !== 'main.js');
  const text = (f: string) => readFileSync(join(out, f), 'utf8');
  // Chunks first: the runtime takes what they registered and import() never fetches.
  const scripts = [...chunks, 'main.js'].map(
    (f) => `<script>${text(f).replaceAll('</script', '<\\/script')}</script>`,
  );
  const html = join(work, 'page.html');
  writeFileSync(
    html,
    `<!doctype html><html><head><meta charset="utf-8"><title>PDF</title></head><body>${scripts.join('\n')}</body></html>`,
  );

  const part = (test: (f: string) => boolean) => chunks.filter(test).reduce((n, f) => n + gz(text(f)), 0);
  console.log(
    `webpack: ${oneChunk ? 'LimitChunkCountPlugin({ maxChunks: 1 })' : 'chunks kept, each a <script> in the page'}, publicPath ''`,
  );
  console.log(`main chunk ${kb(text('main.js').length)}, gzip ${kb(gz(text('main.js')))}`);
  if (!oneChunk) {
    console.log(`pdf.js (API and worker) gzip ${kb(part((f) => f.includes('pdfjs')))}`);
    console.log(`CMaps gzip ${kb(part((f) => /cmaps|GB/i.test(f)))}`);
    console.log(
      `other chunks: ${chunks.filter((f) => !f.includes('pdfjs') && !/cmaps|GB/i.test(f)).join(', ') || 'none'}`,
    );
  }
  console.log(`page ${kb(readFileSync(html).length)}, gzip ${kb(gz(readFileSync(html)))}`);

  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  const page = await browser.newPage();
  const fetched: string[] = [];
  page.on('request', (r) => {
    if (!r.url().startsWith('file://') && !r.url().startsWith('data:')) fetched.push(r.url());
  });
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(`file://${html}`);
  const base64 = (name: string) => readFileSync(join(root, 'test/fixtures', name)).toString('base64');
  const read = (name: string) =>
    page.evaluate(
      (b) => (globalThis as unknown as { nianbao: { read(b: string): Promise<Answer> } }).nianbao.read(b),
      base64(name),
    );
  const expected = jingxiu().values;
  let failed = false;
  for (const name of ['jingxiu-2019.writer.pdf', 'jingxiu-2019.chromium.pdf', 'jingxiu-2019.unigb.pdf']) {
    const t = performance.now();
    const a = await read(name);
    const ms = performance.now() - t;
    const wrong = Object.keys(expected).filter((k) => a.values?.[k] !== expected[k as keyof typeof expected]);
    const ok = !a.problem && a.edition === '2019' && a.year === 2019 && !wrong.length && !a.errors?.length;
    failed ||= !ok;
    console.log(
      `${ok ? '✓' : '✗'} ${name}: ${a.problem ?? `${a.tables?.join(' ')}，${Object.keys(a.values ?? {}).length} 格，与转录不符 ${wrong.length} 格，错误 ${a.errors?.length}`}（${ms.toFixed(0)} ms）`,
    );
  }
  for (const [name, pages] of [
    ['suqian-2024.pages.pdf', 9],
    ['jingxiu-2019.writer.pdf', 4],
  ] as const) {
    const times = await page.evaluate(
      (b) =>
        (
          globalThis as unknown as { nianbao: { time(b: string, n: number): Promise<number[]> } }
        ).nianbao.time(b, 15),
      base64(name),
    );
    const per6 = (ms: number) => ((ms / pages) * 6).toFixed(0);
    console.log(
      `in the page: ${name} (${pages} pages) median ${per6(times[7]!)} ms, best ${per6(times[0]!)} ms per 6 pages`,
    );
  }
  await browser.close();
  if (fetched.length) console.log(`✗ the page fetched: ${fetched.join(', ')}`);
  if (problems.length) console.log(`✗ errors in the page: ${problems.join('; ')}`);
  if (failed || fetched.length || problems.length) process.exitCode = 1;
} finally {
  rmSync(work, { recursive: true, force: true });
}

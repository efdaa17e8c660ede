// PDFs read in a thread of their own within a time and a memory: a PDF that takes long, draws
// millions of strokes or inflates to hundreds of megabytes is refused in seconds, and the next file
// is read as before.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { threadPdfReader } from '../../src/cli/pdf-isolated.js';
import { PDF_LIMITS } from '../../src/core.js';
import { readPdf } from '../../src/core-pdf.js';
import { pdfDrawing, pdfPattern, pdfType3 } from '../../bench/pdf-files.js';
import { fixturePath } from '../helpers.js';
import { workerBeside, writeWorkerBeside } from '../../scripts/pdfjs-expose.mjs';

/** The worker as `npm run build:cli` makes it, in the project (where it finds pdf.js). */
let worker: string;
beforeAll(async () => {
  const dir = new URL('../../node_modules/.cache/nianbao-test/', import.meta.url).pathname;
  mkdirSync(dir, { recursive: true });
  worker = join(dir, 'pdf-worker.cjs');
  await build({
    entryPoints: [new URL('../../src/cli/pdf-worker.ts', import.meta.url).pathname],
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    outfile: worker,
    logLevel: 'error',
    plugins: [workerBeside],
  });
  writeWorkerBeside(dir);
});

const fixture = (name: string) => new Uint8Array(readFileSync(fixturePath(name)));

describe('PDFs read in a thread of their own', () => {
  it('a report reads as it does in this thread', async () => {
    // The tests share a process, whose memory other tests move: only the time is bounded here.
    const read = threadPdfReader(worker, { ...PDF_LIMITS, growthMb: 8192 });
    for (const name of ['suqian-2024.pages.pdf', 'jingxiu-2019.writer.pdf', 'scanned.pdf']) {
      expect(await read(fixture(name), name)).toEqual(await readPdf(fixture(name), { source: name }));
    }
  }, 60_000);

  it('a page of thirty million words pdf.js does not know is refused in its time, and the next file is read', async () => {
    const read = threadPdfReader(worker, { ...PDF_LIMITS, baseMs: 3_000, growthMb: 8192 });
    // Nothing pdf.js keeps, only time: eleven seconds in this thread, where a report takes a tenth.
    const words = pdfDrawing('xx\n'.repeat(30_000_000));
    expect(words.length).toBeLessThan(200_000);
    const started = Date.now();
    const refused = await read(words, 'words.pdf');
    expect(refused.problem).toBe(
      'PDF 的内容过于繁复，3 秒内没有读完（一份年报的 PDF 通常不到 1 秒），不像一份年报，未读取。请改用 .docx 或网页文本校验。',
    );
    // The first file waits for pdf.js to load in the thread; its own time is three seconds.
    expect(Date.now() - started).toBeLessThan(20_000);
    const next = await read(fixture('jingxiu-2019.writer.pdf'), 'next.pdf');
    expect(next.report?.cells.get('t3.r1.natural')?.raw).toBe(5);
  }, 60_000);

  it('a page of a million strokes is refused by the thread as it reads, which goes on to the next file', async () => {
    const read = threadPdfReader(worker, { ...PDF_LIMITS, growthMb: 8192 });
    const strokes = pdfDrawing('0 0 m 1 1 l S\n'.repeat(1_000_000));
    expect((await read(strokes, 'strokes.pdf')).problem).toBe(
      'PDF 第 1 页的内容过于繁复（超过 10 万笔绘制），不像一份年报，未读取。请改用 .docx 或网页文本校验。',
    );
    const next = await read(fixture('jingxiu-2019.writer.pdf'), 'next.pdf');
    expect(next.report?.cells.get('t3.r1.natural')?.raw).toBe(5);
  }, 60_000);

  it('a pattern or a glyph of two million strokes, which pdf.js reads whole, is refused by the thread as it reads', async () => {
    // Each took 4 GB in a thread that has no memory watch (a browser's).
    const read = threadPdfReader(worker, { ...PDF_LIMITS, growthMb: 8192 });
    const strokes = '0 0 m 1 1 l S\n'.repeat(2_000_000);
    for (const [name, pdf] of [
      ['pattern.pdf', pdfPattern(strokes)],
      ['type3.pdf', pdfType3(strokes)],
    ] as const)
      expect((await read(pdf, name)).problem).toBe(
        'PDF 第 1 页的内容过于繁复（超过 10 万笔绘制），不像一份年报，未读取。请改用 .docx 或网页文本校验。',
      );
    const next = await read(fixture('jingxiu-2019.writer.pdf'), 'next.pdf');
    expect(next.report?.cells.get('t3.r1.natural')?.raw).toBe(5);
  }, 60_000);

  it('a page whose contents inflate past the memory allowed is refused for it', async () => {
    const read = threadPdfReader(worker, { ...PDF_LIMITS, baseMs: 60_000, growthMb: 64 });
    const spaces = pdfDrawing(' '.repeat(400 * 2 ** 20));
    expect(spaces.length).toBeLessThan(1_000_000);
    const refused = await read(spaces, 'spaces.pdf');
    expect(refused.problem).toBe(
      'PDF 的内容过于繁复，读取所需的内存超过上限，不像一份年报，未读取。请改用 .docx 或网页文本校验。',
    );
  }, 60_000);
});

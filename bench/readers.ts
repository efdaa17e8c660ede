// Readers of published reports: PDF and .docx per report, the text and .html readers in reports/s,
// each beside its goal and beside a floor measured on the same input (one regex pass over it).
import { readFileSync } from 'node:fs';
import { register } from 'node:module';
import { readDocx } from '../src/readers/docx/index.js';
import { htmlToText } from '../src/readers/html.js';
import { readPdf } from '../src/readers/pdf/index.js';
import { readText } from '../src/readers/text/index.js';

// pdf.js loaded as every build loads it, its streams capped (scripts/pdfjs-expose.mjs).
register(new URL('../../scripts/pdfjs-expose.mjs', import.meta.url));

const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../../test/fixtures/${name}`, import.meta.url)));

/** Best of several rounds: other work on the machine only ever slows a round down. */
async function perSecond(fn: () => unknown, rounds = 7, ms = 150): Promise<number> {
  let best = 0;
  for (let r = 0; r < rounds; r++) {
    let n = 0;
    const t = performance.now();
    while (performance.now() - t < ms) {
      await fn();
      n++;
    }
    best = Math.max(best, (n / (performance.now() - t)) * 1000);
  }
  return best;
}

/** Median and best of `runs` runs, in ms. */
async function timesMs(fn: () => Promise<unknown>, runs: number): Promise<{ median: number; best: number }> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)]!, best: times[0]! };
}

async function medianMs(fn: () => Promise<unknown>, runs: number): Promise<number> {
  return (await timesMs(fn, runs)).median;
}

export async function benchReaders(): Promise<void> {
  console.log('\n已发布年报的读取（目标与同一输入上的参照并列）');
  console.log('项目\t实测\t目标\t参照');
  const pdfs = ['suqian-2024.pages.pdf', 'jingxiu-2019.writer.pdf'];
  const first = performance.now();
  await readPdf(fixture(pdfs[1]!));
  console.log(`首次读取 PDF（含加载 pdf.js）\t${(performance.now() - first).toFixed(0)} ms\t—\t—`);
  for (const name of pdfs) {
    const bytes = fixture(name);
    const pages = name.includes('pages') ? 9 : 4;
    const { median, best } = await timesMs(() => readPdf(bytes), 15);
    const per6 = (ms: number) => ((ms / pages) * 6).toFixed(0);
    // The same pages copied as text (pdftotext -layout), read by the text reader.
    const copy = new TextDecoder().decode(fixture(name.replace(/\.pdf$/, '.layout.txt')));
    const text = await medianMs(async () => readText(copy), 200);
    console.log(
      `PDF ${name}（${pages} 页）\t${median.toFixed(0)} ms（最快 ${best.toFixed(0)} ms），折合 6 页 ${per6(median)} ms（最快 ${per6(best)} ms）\t6 页 ≤ 100 ms\t同一报告复制的文字读取 ${text.toFixed(2)} ms`,
    );
  }
  const txt = new TextDecoder().decode(fixture('jingxiu-2019.txt'));
  const sameReport: Record<string, string> = {
    'jingxiu-2019.docx': txt,
    'suqian-2024.docx': htmlToText(new TextDecoder().decode(fixture('suqian-2024.html'))),
  };
  for (const [name, same] of Object.entries(sameReport)) {
    const bytes = fixture(name);
    const ms = await medianMs(() => readDocx(bytes), 50);
    const text = await medianMs(async () => readText(same), 200);
    console.log(`.docx ${name}\t${ms.toFixed(1)} ms\t≤ 20 ms\t同一报告的文字读取 ${text.toFixed(2)} ms`);
  }
  const html = new TextDecoder().decode(fixture('jingxiu-2019.html'));
  const regex = /政府信息公开工作年度报告\d/;
  const floorTxt = await perSecond(() => regex.test(txt));
  const floorHtml = await perSecond(() => regex.test(html));
  console.log(
    `.txt 文字读取\t${(await perSecond(() => readText(txt))).toFixed(0)} 份/秒\t≥ 3000 份/秒\t一次正则扫描 ${floorTxt.toFixed(0)} 份/秒`,
  );
  console.log(
    `.html 网页读取\t${(await perSecond(() => readText(htmlToText(html)))).toFixed(0)} 份/秒\t≥ 2000 份/秒\t一次正则扫描 ${floorHtml.toFixed(0)} 份/秒`,
  );
}

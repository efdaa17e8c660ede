// What must stay bounded, each beside its limit: the command line's start, 内容雷同 on long reports,
// a sheet of 10,000 rows, a zip bomb, PDFs that draw or inflate far more than a report.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkBatch } from '../src/cli/batch.js';
import { readText } from '../src/readers/text/index.js';
import { BIN_NODE_OPTIONS, inChild } from './batch.js';
import { longReports, longSheet, seedText, zipBomb } from './files.js';
import { pdfDrawing, pdfPattern, pdfType3 } from './pdf-files.js';

const bin = new URL('../../bin/nianbao.cjs', import.meta.url).pathname;
const pass = (ok: boolean) => (ok ? '达到' : '未达到');

function medianWall(runs: number, args: readonly string[]): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const r = spawnSync(process.execPath, [...BIN_NODE_OPTIONS, ...args], { stdio: 'ignore' });
    times.push(performance.now() - t);
    if (r.status === null) throw new Error(`${args.join(' ')} did not finish`);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

/** Wall time and peak memory of one command-line run in a child process of its own. */
function timed(args: readonly string[]): { ms: number; mib: number; code: number } {
  const r = inChild('run', ...args);
  return { ms: r.ms, mib: r.maxRssKiB! / 1024, code: r.code! };
}

/**
 * What a batch does once its reports are read (pairing the years, the remarks on names alike), for
 * `count` reports of two years whose bodies each have one: the reports stand in for files read.
 */
async function pairingTime(count: number): Promise<number> {
  const read = readText(seedText(), { source: 'seed.txt' });
  if (!read.report) throw new Error(read.problem);
  const report = read.report;
  const files = Array.from({ length: count }, (_, i) => `${i}.txt`);
  let readAll = 0;
  await checkBatch(
    files,
    { keep: () => 0, emit: () => {} },
    {
      read: (file) => {
        const i = Number.parseInt(file, 10);
        return Promise.resolve({
          reports: [{ ...report, agency: `第${i}区人民政府`, year: 2023 + (i % 2) }],
          skipped: [],
        });
      },
      onProgress: (said) => {
        if (said.startsWith(`校验中 ${count}/`)) readAll = performance.now();
      },
    },
  );
  return performance.now() - readAll;
}

export async function benchBounded(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-bounded-'));
  try {
    console.log('\n有界：每项旁边是它的限度');
    console.log('项目\t实测\t限度\t结果\t说明');

    const one = join(dir, 'one.txt');
    writeFileSync(one, seedText());
    const node = medianWall(9, ['-e', '0']);
    const start = medianWall(9, [bin, 'check', one]);
    console.log(
      `nianbao check 一份 .txt\t${start.toFixed(0)} ms\t≤ 150 ms\t${pass(start <= 150)}\t进程从启动到退出；空的 node -e 0 为 ${node.toFixed(0)} ms`,
    );
    // No goal: what a supervisor waits for one PDF, most of it pdf.js loading and reading cold.
    const pdf = new URL('../../test/fixtures/jingxiu-2019.writer.pdf', import.meta.url).pathname;
    const onePdf = medianWall(5, [bin, 'check', pdf]);
    console.log(
      `nianbao check 一份 PDF（4 页）\t${onePdf.toFixed(0)} ms\t\t\t进程从启动到退出，含读 PDF 的线程加载 pdf.js`,
    );

    for (const kb of [70, 700]) {
      const d = join(dir, `sim-${kb}`);
      mkdirSync(d);
      const [last, now] = longReports(kb);
      writeFileSync(join(d, '2019.txt'), last);
      writeFileSync(join(d, '2020.txt'), now);
      const r = timed(['check', d]);
      const limit = kb === 700 ? '≤ 10 s' : '';
      console.log(
        `内容雷同：同一机关两份 ${kb} KB 报告\t${(r.ms / 1000).toFixed(2)} s\t${limit}\t${kb === 700 ? pass(r.ms <= 10_000) : ''}\t整个批次（读取、配对、SIM-01），曾为 86 s`,
      );
    }

    const paired = await pairingTime(20_000);
    console.log(
      `配对与提示：两万份报告（两个年度，各机关只有一份）\t${paired.toFixed(0)} ms\t≤ 1 s\t${pass(paired <= 1000)}\t读完所有报告之后的配对、名称相近的提示等（读取用现成的报告代替）；曾逐份比较所有报告，69 s`,
    );

    const long = join(dir, 'long.xlsx');
    writeFileSync(long, await longSheet(10_000));
    const rows = timed(['check', long]);
    console.log(
      `nianbao check 一万行的工作表\t${(rows.ms / 1000).toFixed(2)} s\t≤ 2 s\t${pass(rows.ms <= 2000)}\t表格下方一万行数字（退出码 ${rows.code}）`,
    );

    for (const kind of ['honest', 'lying'] as const) {
      const bomb = join(dir, `bomb-${kind}.xlsx`);
      const bytes = await zipBomb(5, kind);
      writeFileSync(bomb, bytes);
      const t = performance.now();
      const r = timed(['check', bomb]);
      const wall = performance.now() - t;
      const what = kind === 'honest' ? '声明解压后约 4 GB' : '声明 1000 字节、实际解压约 5 GB';
      console.log(
        `${(bytes.length / 2 ** 20).toFixed(1)} MB 的压缩炸弹（${what}）\t${r.ms.toFixed(0)} ms，${r.mib.toFixed(0)} MiB\t< 1 s，< 200 MiB\t${pass(r.ms < 1000 && r.mib < 200 && r.code === 2)}\t拒绝读取（退出码 ${r.code}）；含进程启动 ${wall.toFixed(0)} ms`,
      );
    }

    // A page saved under a name of a larger limit (a download named .pdf) is held to a page's.
    const page = join(dir, 'page.pdf');
    writeFileSync(
      page,
      `<!doctype html><html><body><p>${'政府信息公开'.repeat(2_500_000)}</p></body></html>`,
    );
    const misnamed = timed(['check', page]);
    console.log(
      `45 MB 的网页、文件名为 .pdf\t${misnamed.ms.toFixed(0)} ms，${misnamed.mib.toFixed(0)} MiB\t< 1 s，< 200 MiB\t${pass(misnamed.ms < 1000 && misnamed.mib < 200 && misnamed.code === 2)}\t按网页的上限（8 MB）拒绝读取（退出码 ${misnamed.code}）；曾按 .pdf 的上限读取，9 s、1.9 GB`,
    );

    // PDFs read in a thread of their own, within a time and a memory (src/cli/pdf-isolated.ts).
    const strokes = (n: number) => '0 0 m 1 1 l S\n'.repeat(n);
    const pdfs: [string, () => Uint8Array, string][] = [
      ['三百万笔画的 PDF', () => pdfDrawing(strokes(3_000_000)), '40 s、2.9 GB'],
      ['三千万个无效操作符的 PDF', () => pdfDrawing('xx\n'.repeat(30_000_000)), '11 s'],
      ['解压后 400 MB 的 PDF', () => pdfDrawing(' '.repeat(400 * 2 ** 20)), '15 s、780 MB'],
      ['底纹图案画两百万笔的 PDF', () => pdfPattern(strokes(2_000_000)), '浏览器线程中 4 GB'],
      ['Type3 字形画两百万笔的 PDF', () => pdfType3(strokes(2_000_000)), '浏览器线程中 4 GB'],
    ];
    for (const [what, make, before] of pdfs) {
      const file = join(dir, 'hostile.pdf');
      const bytes = make();
      writeFileSync(file, bytes);
      const r = timed(['check', file]);
      console.log(
        `${(bytes.length / 2 ** 10).toFixed(0)} KB 的${what}\t${(r.ms / 1000).toFixed(1)} s，${r.mib.toFixed(0)} MiB\t< 8 s，< 500 MiB\t${pass(r.ms < 8000 && r.mib < 500 && r.code === 2)}\t拒绝读取（退出码 ${r.code}）；不设限时曾为 ${before}`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

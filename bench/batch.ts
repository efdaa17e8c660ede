// Reports per second for a batch of generated reports (text and .xlsx), and the batch's peak memory.
// The batch runs in a child process per size, so peak RSS is the batch's own.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkBatch } from '../src/cli/batch.js';
import { writeTemplate } from '../src/cli/xlsx-write.js';
import { templateLayout } from '../src/report/template.js';

const seedPath = new URL('../../test/fixtures/jingxiu-2019.txt', import.meta.url);
const valuesPath = new URL('../../test/fixtures/jingxiu-2019.values.json', import.meta.url);

/** The seed report under another name and year, its (一) 予以公开 and the totals moved by the same amount. */
function variant(seed: string, i: number): string {
  const n = 2 + (i % 50);
  return seed
    .replace('保定市竞秀区人民政府', `第${i}区人民政府`)
    .replace('2020年2月15日', `${2020 + (i % 2)}年2月15日`)
    .replace(/(（一）予以公开\n\t)2(\n(?:\t0\n){5}\t)2/, `$1${n}$2${n}`)
    .replace(/(一、本年新收政府信息公开申请数量\n\t)5(\n(?:\t0\n){5}\t)5/, `$1${n + 3}$2${n + 3}`)
    .replace(/(（七）总计\n\t)5(\n(?:\t0\n){5}\t)5/, `$1${n + 3}$2${n + 3}`);
}

async function generate(dir: string, count: number): Promise<void> {
  const seed = readFileSync(seedPath, 'utf8');
  mkdirSync(join(dir, 'txt'), { recursive: true });
  mkdirSync(join(dir, 'xlsx'), { recursive: true });
  for (let i = 0; i < count; i++) writeFileSync(join(dir, 'txt', `${i}.txt`), variant(seed, i));
  const values = JSON.parse(readFileSync(valuesPath, 'utf8')).values;
  const first = join(dir, 'xlsx', '0.xlsx');
  await writeTemplate(first, '2019年度年报', templateLayout('2019'), { values, year: 2019, agency: '某区' });
  for (let i = 1; i < count; i++) copyFileSync(first, join(dir, 'xlsx', `${i}.xlsx`));
}

/** In the child: check one folder, print the time and the peak memory. */
async function worker(dir: string): Promise<void> {
  const { readdirSync } = await import('node:fs');
  const files = readdirSync(dir).map((f) => join(dir, f));
  const t = performance.now();
  const totals = await checkBatch(files, { keep: () => 0, emit: () => {} });
  const ms = performance.now() - t;
  console.log(
    JSON.stringify({
      reports: totals.reports,
      errors: totals.withErrors,
      ms,
      maxRssKiB: process.resourceUsage().maxRSS,
    }),
  );
}

export async function benchBatch(count = 1000): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-bench-'));
  try {
    await generate(dir, count);
    console.log(`\n批量校验（生成的 ${count} 份报告，每种格式一个子进程）`);
    console.log('格式\t份数\t有错误\t耗时 (s)\t份/秒\t峰值内存 (MiB)');
    for (const kind of ['txt', 'xlsx']) {
      for (const n of [count / 10, count]) {
        const sub = join(dir, `${kind}-${n}`);
        mkdirSync(sub);
        for (let i = 0; i < n; i++) copyFileSync(join(dir, kind, `${i}.${kind}`), join(sub, `${i}.${kind}`));
        const out = execFileSync(process.execPath, [new URL(import.meta.url).pathname, sub], {
          encoding: 'utf8',
        });
        const r = JSON.parse(out) as { reports: number; errors: number; ms: number; maxRssKiB: number };
        console.log(
          `.${kind}\t${r.reports}\t${r.errors}\t${(r.ms / 1000).toFixed(1)}\t${((r.reports / r.ms) * 1000).toFixed(0)}\t${(r.maxRssKiB / 1024).toFixed(0)}`,
        );
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === new URL(import.meta.url).pathname && process.argv[2]) await worker(process.argv[2]);

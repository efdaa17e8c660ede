import { benchAddin } from './addin.js';
import { benchBatch } from './batch.js';
import { benchReaders } from './readers.js';
import { benchBounded } from './bounded.js';
import { readFileSync } from 'node:fs';
import { arch, cpus, loadavg, platform, totalmem } from 'node:os';
import { check } from '../src/checks/engine.js';
import { readGrid } from '../src/readers/grid.js';
import type { RawValue } from '../src/report/types.js';
import { templateGrid, templateLayout } from '../src/report/template.js';
import type { Edition } from '../src/report/types.js';

interface Fixture {
  readonly edition: Edition;
  readonly values: Record<string, RawValue>;
}

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`../../test/fixtures/${name}`, import.meta.url), 'utf8'));

function medianMicros(fn: () => unknown, runs: number): number {
  for (let i = 0; i < Math.min(200, runs); i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    fn();
    times.push(Number(process.hrtime.bigint() - t) / 1000);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

const cases: [string, Fixture][] = [
  ['2019 保定市竞秀区', fixture('jingxiu-2019.values.json') as Fixture],
  ['2021 宿迁市 2024', (fixture('suqian-2023-2024.json') as { reports: Fixture[] }).reports[1]!],
];

const pass = (ok: boolean) => (ok ? '达到' : '未达到');
console.log(
  `机器：${cpus()[0]?.model ?? '?'} × ${cpus().length}，${platform()} ${arch()}，内存 ${(totalmem() / 2 ** 30).toFixed(0)} GiB，Node ${process.version}`,
);
// Other work on a shared machine slows every figure below: its load is printed beside them.
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' / ');
console.log(`开始时的负载（1 / 5 / 15 分钟平均）：${load()}`);
process.on('exit', () => console.log(`\n结束时的负载：${load()}`));
console.log('\ncheck() 与读取表格（中位数，5000 次）');
console.log('项目\t读取表格 (µs)\t全部校验 (µs)\t目标\t结果\t一格出错时校验 (µs)\t目标\t结果');
const RUNS = 5000;
for (const [name, f] of cases) {
  const grid = templateGrid(templateLayout(f.edition), { values: f.values });
  const report = readGrid(grid).report!;
  const wrong = readGrid(
    templateGrid(templateLayout(f.edition), { values: { ...f.values, 't3.r3_1.natural': 999 } }),
  ).report!;
  const read = medianMicros(() => readGrid(grid), RUNS);
  const checked = medianMicros(() => check(report), RUNS);
  const culprit = medianMicros(() => check(wrong), RUNS);
  console.log(
    `${name}\t${read.toFixed(0)}\t${checked.toFixed(0)}\t≤ 40\t${pass(checked <= 40)}\t${culprit.toFixed(0)}\t≤ 80\t${pass(culprit <= 80)}`,
  );
}
await benchReaders();
await benchBatch();
await benchBounded();
await benchAddin();

// Reports per second for a folder of each kind, beside the floor measured on the same files in the
// same run; peak memory for a batch of 5,000 with --json, and a batch of long reports in a heap
// smaller than their text. Each measurement runs in a child process.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generate, longText, seedText } from './files.js';

const child = new URL('./child.js', import.meta.url).pathname;

/** The options bin/nianbao.cjs's first line gives Node (`#!/usr/bin/env -S node …`): each run is run with them, as `nianbao` is. */
export const BIN_NODE_OPTIONS: readonly string[] =
  /^#!\/usr\/bin\/env -S node(.*)$/
    .exec(readFileSync(new URL('../../bin/nianbao.cjs', import.meta.url), 'utf8').split('\n')[0]!)?.[1]
    ?.trim()
    .split(/\s+/)
    .filter(Boolean) ?? [];

interface Run {
  readonly ms: number;
  readonly cpuMs?: number;
  /** The main thread's time on a CPU, and waiting for one (Linux). */
  readonly mainMs?: number;
  readonly waitMs?: number;
  readonly code?: number;
  readonly maxRssKiB?: number;
}

export function inChild(...args: string[]): Run {
  return JSON.parse(
    execFileSync(process.execPath, [...BIN_NODE_OPTIONS, child, ...args], {
      encoding: 'utf8',
      maxBuffer: 2 ** 26,
    }),
  ) as Run;
}

/**
 * The best of a few runs of each, taken in turn: what the machine can do when nothing else runs on
 * it (other work on a shared machine slows some runs down, never speeds one up), with both measured
 * at the same moments.
 */
function bestOfEach(runs: number, a: () => Run, b: () => Run): [Run, Run] {
  let fa: Run | undefined;
  let fb: Run | undefined;
  for (let i = 0; i < runs; i++) {
    const ra = a();
    const rb = b();
    if (!fa || ra.ms < fa.ms) fa = ra;
    if (!fb || rb.ms < fb.ms) fb = rb;
  }
  return [fa!, fb!];
}

const ms = (n: number | undefined) => (n === undefined ? '—' : n.toFixed(0));
const timesOf = (r: Run) => [r.ms, r.mainMs, r.waitMs, r.cpuMs].map(ms).join('\t');

const GOALS: Record<string, number> = { txt: 3000, html: 2000, xlsx: 1000 };
/** The issue states the .xlsx goal as well as a share of its floor: 1,000/s was 65% of it there. */
const SHARE_GOALS: Record<string, number> = { xlsx: 0.65 };
const pass = (ok: boolean) => (ok ? '达到' : '未达到');

/** Long reports (about 350 KB each) in a batch, and the heap V8 is held to for them: under a quarter of their text. */
const LONG = { lines: 3000, reports: 400, heapMiB: 32 };

/**
 * A batch of long reports with V8's heap held to under a quarter of their text: a batch keeps
 * each report's result, never its text, or it runs out of memory.
 */
async function benchLongTexts(dir: string): Promise<void> {
  const seed = seedText();
  const d = join(dir, 'long');
  mkdirSync(d);
  let bytes = 0;
  for (let i = 0; i < LONG.reports; i++) {
    const text = longText(seed, i, LONG.lines);
    bytes += Buffer.byteLength(text);
    writeFileSync(join(d, `${i}.txt`), text);
  }
  const heap = `--max-old-space-size=${LONG.heapMiB}`;
  let run: Run | undefined;
  try {
    run = JSON.parse(
      execFileSync(process.execPath, [...BIN_NODE_OPTIONS, heap, child, 'run', 'check', d, '--json'], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      }),
    ) as Run;
  } catch {
    // Out of memory: V8 ends the process.
  }
  rmSync(d, { recursive: true, force: true });
  const mib = (n: number) => (n / 2 ** 20).toFixed(0);
  console.log(
    `\n长报告：${LONG.reports} 份、每份约 ${(bytes / LONG.reports / 1024).toFixed(0)} KB 的文字报告（共 ${mib(bytes)} MB），V8 堆限 ${LONG.heapMiB} MiB（${heap}），nianbao check 文件夹 --json`,
  );
  console.log('结果\t耗时 (s)\t峰值内存 (MiB)\t说明');
  console.log(
    run
      ? `${pass(run.code === 0)}\t${(run.ms / 1000).toFixed(1)}\t${mib(run.maxRssKiB! * 1024)}\t批次只留每份的结果，不留其文字`
      : `未达到\t—\t—\t内存不足，进程中止：批次留住了报告的文字`,
  );
}

export async function benchBatch(count = 500, big = 5000): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-bench-'));
  try {
    await generate(dir, Math.max(count, big));
    const sub = (kind: string, n: number) => {
      const d = join(dir, `${kind}-${n}`);
      execFileSync('mkdir', ['-p', d]);
      // The first n files of the kind, as a folder of their own.
      execFileSync('sh', [
        '-c',
        `cd ${join(dir, kind)} && ls | sort -n | head -n ${n} | xargs -I{} ln "$PWD/{}" ${d}/{}`,
      ]);
      return d;
    };
    console.log(
      `\n批量校验：每种格式 ${count} 份生成的报告（nianbao check 文件夹 --json，不计进程启动），旁边是同一批文件的下限；都按 bin/nianbao.cjs 首行给 Node 的选项运行（${BIN_NODE_OPTIONS.join(' ') || '无'}）`,
    );
    console.log('格式\t份/秒\t下限（份/秒）\t占下限\t目标\t结果\t占下限的目标\t结果\t下限是什么');
    const floors: Record<string, string> = {
      txt: '读取 + 一次正则扫描',
      html: '读取 + htmlparser2 分词',
      xlsx: '读取 + fflate 解压 + saxes 分词成表格',
    };
    const split: string[] = [];
    for (const kind of ['txt', 'html', 'xlsx']) {
      const d = sub(kind, count);
      const [ours, floor] = bestOfEach(
        5,
        () => inChild('run', 'check', d, '--json'),
        () => inChild('limit', kind, d),
      );
      const rate = (count / ours.ms) * 1000;
      const floorRate = (count / floor.ms) * 1000;
      const share = SHARE_GOALS[kind];
      const shareGoal = share ? `≥ ${share * 100}%\t${pass(rate / floorRate >= share)}` : '\t';
      console.log(
        `.${kind}\t${rate.toFixed(0)}\t${floorRate.toFixed(0)}\t${((rate / floorRate) * 100).toFixed(0)}%\t≥ ${GOALS[kind]}\t${pass(rate >= GOALS[kind]!)}\t${shareGoal}\t${floors[kind]}`,
      );
      split.push(`.${kind}\t${timesOf(ours)}\t${timesOf(floor)}`);
    }
    console.log(
      '\n上表各次的用时构成（ms）：总用时、主线程在 CPU 上计算、主线程等待 CPU（机器越忙越长）、进程 CPU（含 V8 的编译与回收线程）',
    );
    console.log('格式\t总用时\t计算\t等待\t进程 CPU\t下限总用时\t计算\t等待\t进程 CPU');
    for (const line of split) console.log(line);
    console.log(`\n峰值内存：${big} 份报告，nianbao check 文件夹 --json（输出边写边丢弃）`);
    console.log('格式\t份数\t耗时 (s)\t峰值内存 (MiB)\t目标\t结果');
    for (const kind of ['xlsx', 'txt']) {
      const d = sub(kind, big);
      const r = inChild('run', 'check', d, '--json');
      const mib = r.maxRssKiB! / 1024;
      console.log(
        `.${kind}\t${big}\t${(r.ms / 1000).toFixed(1)}\t${mib.toFixed(0)}\t≤ 150\t${pass(mib <= 150)}`,
      );
    }
    await benchLongTexts(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

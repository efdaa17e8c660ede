// One measurement in a process of its own, so that its time and peak memory are its own.
//   child.js run <args…>          the command line (output dropped): {ms, maxRssKiB, code}
//   child.js limit <kind> <dir>    the floor for reading those files: {ms, files}
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
/**
 * The main thread's time on a CPU and waiting for one, in ms, where Linux tells it
 * (/proc/…/schedstat): on a busy machine, a batch's time is its work plus its waiting.
 */
function mainThread(): { onCpu: number; waited: number } | undefined {
  try {
    const [onCpu, waited] = readFileSync(`/proc/self/task/${process.pid}/schedstat`, 'utf8')
      .split(' ')
      .map(Number);
    return { onCpu: onCpu! / 1e6, waited: waited! / 1e6 };
  } catch {
    return undefined;
  }
}

/** What `measure` took: wall and process CPU time, and the main thread's share of the wall. */
async function measure<T>(work: () => Promise<T> | T): Promise<{ result: T; times: Record<string, number> }> {
  const before = mainThread();
  const t = performance.now();
  const cpu = process.cpuUsage();
  const result = await work();
  const ms = performance.now() - t;
  const used = process.cpuUsage(cpu);
  const after = mainThread();
  const times: Record<string, number> = { ms, cpuMs: (used.user + used.system) / 1000 };
  if (before && after) {
    times.mainMs = after.onCpu - before.onCpu;
    times.waitMs = after.waited - before.waited;
  }
  return { result, times };
}

/**
 * This process's own peak memory. Linux's VmHWM is the peak of this program's memory alone:
 * getrusage's maxRSS also counts the parent's memory at the fork, carried through exec, and the
 * bench's own process (its generated files) was larger than a refused zip bomb's check.
 */
function peakRssKiB(): number {
  try {
    const hwm = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (hwm) return Number(hwm[1]);
  } catch {
    // Not Linux: getrusage is what there is.
  }
  return process.resourceUsage().maxRSS;
}

const [mode, ...args] = process.argv.slice(2);
if (mode === 'run') {
  // The bundle as bin/nianbao.cjs loads it (with its code cache), not the modules tsc wrote beside it.
  const { loadCli } = createRequire(import.meta.url)('../../bin/cli.cjs') as {
    loadCli: () => { run: typeof import('../src/cli/main.js').run };
  };
  const { run } = loadCli();
  const { result: code, times } = await measure(() => run(args, { out: () => {}, err: () => {} }));
  console.log(JSON.stringify({ ...times, code, maxRssKiB: peakRssKiB() }));
} else if (mode === 'limit') {
  const [kind, dir] = args as [string, string];
  const files = readdirSync(dir).map((f) => join(dir, f));
  // Loaded here only: a run of the command line has none of them loaded, as `nianbao` has not.
  const floor = (await import('./floors.js')).FLOORS[kind]!;
  const { times } = await measure(() => {
    for (const f of files) floor(readFileSync(f));
  });
  console.log(JSON.stringify({ ...times, files: files.length }));
}

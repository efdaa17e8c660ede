import { spawnSync } from 'node:child_process';
import { type Io, run } from '../../src/cli/main.js';

export interface CliResult {
  readonly code: number;
  readonly out: string;
  readonly err: string;
  readonly progress: readonly string[];
}

/** The command line in this process, with its output captured. */
export async function cli(...argv: string[]): Promise<CliResult> {
  let out = '';
  let err = '';
  const progress: string[] = [];
  const io: Io = {
    out: (t) => (out += `${t}\n`),
    err: (t) => (err += `${t}\n`),
    progress: (t) => progress.push(t),
  };
  const code = await run(argv, io);
  return { code, out, err, progress };
}

/** The command line as the unprivileged user `nobody`: root reads every file, whatever its mode. */
export function cliAsNobody(...argv: string[]): CliResult {
  const child = new URL('./cli-child.ts', import.meta.url).pathname;
  const r = spawnSync(process.execPath, ['--import', 'tsx', child, ...argv], {
    uid: 65534,
    gid: 65534,
    encoding: 'utf8',
    cwd: new URL('../..', import.meta.url).pathname,
    timeout: 60_000,
  });
  if (r.status !== 0) throw new Error(`child failed: ${r.stderr}`);
  return { ...(JSON.parse(r.stdout) as Omit<CliResult, 'progress'>), progress: [] };
}

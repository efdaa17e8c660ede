import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BuildOptions, buildSync } from 'esbuild';
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

/** A child process's script, bundled with the packages it uses into `outfile`, from an entry or a source. */
function bundleChild(outfile: string, from: Pick<BuildOptions, 'entryPoints' | 'stdin'>): void {
  buildSync({
    ...from,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    outfile,
    // Packages written for CommonJS ask for Node's modules with require().
    banner: {
      js: "import { createRequire as bannerRequire } from 'node:module'; const require = bannerRequire(import.meta.url);",
    },
    logLevel: 'error',
  });
}

/**
 * The command line as the unprivileged user `nobody`: root reads every file, whatever its mode. The
 * project may sit where `nobody` cannot go (a clone in /root), so the child is bundled, packages
 * and all, into a folder anyone may read.
 */
export function cliAsNobody(...argv: string[]): CliResult {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-nobody-'));
  try {
    chmodSync(dir, 0o755);
    const child = join(dir, 'cli-child.mjs');
    bundleChild(child, { entryPoints: [new URL('./cli-child.ts', import.meta.url).pathname] });
    chmodSync(child, 0o644);
    const r = spawnSync(process.execPath, [child, ...argv], {
      uid: 65534,
      gid: 65534,
      encoding: 'utf8',
      cwd: dir,
      timeout: 60_000,
    });
    if (r.status !== 0) throw new Error(`child failed: ${r.stderr}`);
    return { ...(JSON.parse(r.stdout) as Omit<CliResult, 'progress'>), progress: [] };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The command line in a process of its own writing to the standard output and error it is given
 * (`stdout`: a file descriptor, such as /dev/full's), as `nianbao` is run: its exit code and error.
 */
export function cliWritingTo(stdout: number, ...argv: string[]): { code: number | null; err: string } {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-std-'));
  try {
    const child = join(dir, 'cli-std.mjs');
    const main = JSON.stringify(new URL('../../src/cli/main.ts', import.meta.url).pathname);
    bundleChild(child, {
      stdin: {
        contents: `import { run } from ${main};\nprocess.exitCode = await run(process.argv.slice(2));`,
        resolveDir: dir,
        loader: 'ts',
      },
    });
    const r = spawnSync(process.execPath, [child, ...argv], {
      stdio: ['ignore', stdout, 'pipe'],
      encoding: 'utf8',
      timeout: 60_000,
    });
    return { code: r.status, err: r.stderr };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// Every temporary folder a test run makes (the tests' own, the command line's, LibreOffice's and
// Chromium's) goes into one folder of the run, removed when the run ends: a run leaves nothing in
// the machine's temporary folder. Run by vitest before any test file is loaded, so that the workers
// it starts, and the processes they start, take this TMPDIR with them.
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const before = process.env.TMPDIR;
  const root = mkdtempSync(join(tmpdir(), 'nianbao-tests-'));
  // The audit's checks as another user (nobody) read folders made in here.
  chmodSync(root, 0o755);
  process.env.TMPDIR = root;
  return () => {
    if (before === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = before;
    rmSync(root, { recursive: true, force: true });
  };
}

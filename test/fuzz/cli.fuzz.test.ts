// The command line fed folders of random and damaged files: it answers for each file and goes on;
// its exit code is 0, 1 or 2, never 3 (an internal error); its JSON always parses.
import fc from 'fast-check';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { templateBytes } from '../../src/cli/xlsx-write.js';
import { templateLayout } from '../../src/report/template.js';
import { cli } from '../cli/run.js';
import { fixturePath, jingxiu } from '../helpers.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 40);

let xlsx: Uint8Array;
let text: string;
beforeAll(async () => {
  xlsx = await templateBytes('2019年度年报', templateLayout('2019'), {
    values: jingxiu().values,
    year: 2019,
  });
  text = readFileSync(fixturePath('jingxiu-2019.txt'), 'utf8');
});

const file = fc.record({
  ext: fc.constantFrom('.xlsx', '.txt', '.html', '.htm', '.xls'),
  kind: fc.constantFrom('random', 'damaged', 'real'),
  seed: fc.nat(),
  bytes: fc.uint8Array({ maxLength: 2048 }),
});

describe('nianbao check on folders of random and damaged files', () => {
  it('answers for every file, exits 0, 1 or 2, and prints JSON that parses', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(file, { minLength: 1, maxLength: 6 }), async (files) => {
        const dir = mkdtempSync(join(tmpdir(), 'nianbao-fuzz-'));
        try {
          files.forEach((f, i) => {
            const real = f.ext === '.xlsx' ? xlsx : new TextEncoder().encode(text);
            let bytes: Uint8Array = f.kind === 'random' ? f.bytes : real;
            if (f.kind === 'damaged') {
              bytes = real.slice();
              for (let k = 0; k < f.bytes.length && k < 16; k++)
                bytes[(f.seed + k * 7919) % bytes.length] = f.bytes[k]!;
            }
            writeFileSync(join(dir, `${i}${f.ext}`), bytes);
          });
          const r = await cli('check', dir, '--json');
          expect([0, 1, 2]).toContain(r.code);
          const out = JSON.parse(r.out) as { files: unknown[]; unreadable?: { message: string }[] };
          const answered = out.files.length + (out.unreadable?.length ?? 0);
          expect(answered).toBeGreaterThanOrEqual(files.length);
          expect(r.err).not.toContain('内部错误');
          expect(r.err).not.toMatch(/\n\s+at /);
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      }),
      { numRuns: Math.max(5, Math.round(RUNS / 2)) },
    );
  }, 60_000);
});

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
/** A minute for the default runs, and as much again for each as many more. */
const TIMEOUT = 60_000 * Math.max(1, RUNS / 40);

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
  it(
    'answers for every file, exits 0, 1 or 2, and prints JSON that parses',
    async () => {
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
            const out = JSON.parse(r.out) as {
              files: { file: string }[];
              unreadable?: { file: string }[];
              notChecked?: { file: string }[];
            };
            // Each file by its name: checked, unreadable, or no report and not checked.
            const answered = new Set(
              [...out.files, ...(out.unreadable ?? []), ...(out.notChecked ?? [])].map((f) => f.file),
            );
            expect(files.map((f, i) => join(dir, `${i}${f.ext}`)).filter((f) => !answered.has(f))).toEqual(
              [],
            );
            expect(r.err).not.toContain('内部错误');
            expect(r.err).not.toMatch(/\n\s+at /);
          } finally {
            rmSync(dir, { recursive: true, force: true });
          }
        }),
        { numRuns: Math.max(5, Math.round(RUNS / 2)) },
      );
    },
    TIMEOUT,
  );
});

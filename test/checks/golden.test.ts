import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { check } from '../../src/checks/engine.js';
import { readGrid } from '../../src/readers/grid.js';
import { readText } from '../../src/readers/text/index.js';
import { templateGrid, templateLayout } from '../../src/report/template.js';
import { fixturePath, jingxiu, suqian } from '../helpers.js';
import { goldenCases, type Lib } from './golden-cases.js';

// golden.json holds, for each generated case, a hash of what check() said before it was made faster
// (commit 9a5b487, the same generator run on that code). A faster check() must say the same. A
// message changed on purpose changes its hash, and the file with it (its history says which).
const golden = JSON.parse(readFileSync(new URL('./golden.json', import.meta.url), 'utf8')) as Record<
  string,
  string
>;
const hash = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 16);

describe('check() says what it said before it was made faster', () => {
  it('on 261 generated reports: values, blank totals, culprits, last year, published text', () => {
    const cases = goldenCases({ check, readGrid, templateGrid, templateLayout, readText } as Lib, {
      jingxiu: jingxiu(),
      suqian: suqian(),
      seedText: readFileSync(fixturePath('jingxiu-2019.txt'), 'utf8'),
    });
    expect(cases.map((c) => c.name)).toEqual(Object.keys(golden));
    const differ = cases.filter((c) => hash(c.findings) !== golden[c.name]).map((c) => c.name);
    expect(differ).toEqual([]);
  });
});

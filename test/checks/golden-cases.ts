// Reports made by a seeded generator, for the golden test: what check() says of each must not change
// when check() is made faster. The generator takes the code it runs against, so that the same cases
// could be run on the code before the speed work to record what it said.
import type { CheckOptions } from '../../src/checks/engine.js';
import type { Finding } from '../../src/report/finding.js';
import type { CellKey, Edition, RawValue, Report } from '../../src/report/types.js';

export interface Lib {
  readonly check: (report: Report, options?: CheckOptions) => Finding[];
  readonly readGrid: (
    grid: readonly (readonly RawValue[])[],
    options?: { sheet?: string },
  ) => { report?: Report };
  readonly templateGrid: (
    layout: unknown,
    fill: { values?: Record<CellKey, RawValue>; year?: number; agency?: string },
  ) => RawValue[][];
  readonly templateLayout: (edition: Edition) => unknown;
  readonly readText: (text: string) => { report?: Report };
}

export interface Fixtures {
  readonly jingxiu: { readonly values: Record<CellKey, RawValue> };
  readonly suqian: readonly [
    { readonly values: Record<CellKey, RawValue> },
    { readonly values: Record<CellKey, RawValue> },
  ];
  readonly seedText: string;
}

/** mulberry32: the same numbers everywhere, for a seed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Values a clerk writes: numbers, text numbers, words, marks, formulas and their errors. */
const ODD: readonly RawValue[] = [
  '５',
  ' 2 ',
  '2件',
  '五',
  '约5',
  '-1',
  -3,
  2.5,
  '2.5',
  '',
  '/',
  '—',
  '#VALUE!',
  '=SUM(D1:D2)',
  true,
  '增1',
  '减2',
  '+3',
  '0',
  12,
];

/** Each case: a name, and the findings of check() as JSON. */
export function goldenCases(lib: Lib, fx: Fixtures, count = 240): { name: string; findings: string }[] {
  const rnd = random(20241126);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const out: { name: string; findings: string }[] = [];
  const sources: [Edition, Record<CellKey, RawValue>, number][] = [
    ['2019', fx.jingxiu.values, 2019],
    ['2021', fx.suqian[1].values, 2024],
  ];
  const previous2023 = lib.readGrid(
    lib.templateGrid(lib.templateLayout('2021'), {
      values: fx.suqian[0].values,
      year: 2023,
      agency: '宿迁市',
    }),
  ).report!;
  for (let i = 0; i < count; i++) {
    const [edition, base, year] = pick(sources);
    const values: Record<CellKey, RawValue> = { ...base };
    const keys = Object.keys(values);
    const changes = 1 + Math.floor(rnd() * 3);
    const what: string[] = [];
    for (let c = 0; c < changes; c++) {
      const key = pick(keys);
      const r = rnd();
      const v: RawValue = r < 0.5 ? Math.floor(rnd() * 50) : r < 0.7 ? null : pick(ODD);
      if (v === null) delete values[key];
      else values[key] = v;
      what.push(`${key}=${JSON.stringify(v)}`);
    }
    // Blank a total now and then: it is derived from its parts.
    if (rnd() < 0.3) {
      const total = pick(keys.filter((k) => k.endsWith('.total')));
      values[total] = '';
      what.push(`${total}=""`);
    }
    const grid = lib.templateGrid(lib.templateLayout(edition), { values, year, agency: '某机关' });
    const report = lib.readGrid(grid, { sheet: '年报' }).report!;
    const options = edition === '2021' && rnd() < 0.5 ? { previous: previous2023 } : {};
    out.push({
      name: `${i} ${edition} ${what.join(' ')}${'previous' in options ? ' +previous' : ''}`,
      findings: JSON.stringify(lib.check(report, options)),
    });
  }
  // Published text: the seed, and the seed a year later with its numbers and words changed.
  const seed = lib.readText(fx.seedText).report!;
  out.push({ name: 'seed text', findings: JSON.stringify(lib.check(seed)) });
  for (let i = 0; i < 20; i++) {
    const n = 1 + Math.floor(rnd() * 9);
    const text = fx.seedText
      .replace('2020年2月15日', '2021年2月10日')
      .replace('（一）予以公开\n\t2', `（一）予以公开\n\t${n}`)
      .replace(
        /一是认识不够到位[^\n]*/,
        rnd() < 0.5 ? '今年新建了依申请公开登记台账，办理流程全程留痕。' : '一是认识不够到位',
      );
    const report = lib.readText(text).report!;
    out.push({
      name: `text ${i} n=${n}`,
      findings: JSON.stringify(lib.check(report, { previous: seed, similarity: pick([0.3, 0.5, 0.9]) })),
    });
  }
  return out;
}

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { check } from '../../src/checks/engine.js';
import { reportFromValues } from '../../src/report/from-values.js';
import { cellSpecs, columnKeys, rowKeys } from '../../src/report/model.js';
import type { CellKey, Edition } from '../../src/report/types.js';
import { checkGrid, errors, filledGrid, type Values } from '../helpers.js';

const count = fc.nat({ max: 60 });

/** A report whose every identity holds: results and carry-forward drawn, the rest computed. */
function balanced(edition: Edition): fc.Arbitrary<Values> {
  const rows = rowKeys(edition, 't3');
  const parts = columnKeys(edition, 't3').filter((c) => c !== 'total');
  const results = rows.filter((r) => r.startsWith('r3_') && r !== 'r3_7');
  const t4groups = rowKeys(edition, 't4');
  const t2cells = [...cellSpecs(edition).values()].filter((c) => c.table === 't2' && c.kind === 'count');
  return fc
    .record({
      results: fc.array(fc.array(count, { minLength: parts.length, maxLength: parts.length }), {
        minLength: results.length,
        maxLength: results.length,
      }),
      r4: fc.array(count, { minLength: parts.length, maxLength: parts.length }),
      share: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), {
        minLength: parts.length,
        maxLength: parts.length,
      }),
      t4: fc.array(fc.array(count, { minLength: 4, maxLength: 4 }), { minLength: 3, maxLength: 3 }),
      t2: fc.array(count, { minLength: t2cells.length, maxLength: t2cells.length }),
    })
    .map(({ results: res, r4, share, t4, t2 }) => {
      const v: Values = {};
      const set = (row: string, c: string, n: number) => (v[`t3.${row}.${c}`] = n);
      parts.forEach((c, j) => {
        results.forEach((r, i) => set(r, c, res[i]![j]!));
        const r37 = res.reduce((s, row) => s + row[j]!, 0);
        set('r3_7', c, r37);
        set('r4', c, r4[j]!);
        const r2 = Math.floor((r37 + r4[j]!) * share[j]! * 0.3);
        set('r2', c, r2);
        set('r1', c, r37 + r4[j]! - r2);
      });
      for (const r of rows) v[`t3.${r}.total`] = parts.reduce((s, c) => s + (v[`t3.${r}.${c}`] as number), 0);
      t4groups.forEach((g, i) => {
        ['upheld', 'corrected', 'other', 'pending'].forEach((c, j) => (v[`t4.${g}.${c}`] = t4[i]![j]!));
        v[`t4.${g}.total`] = t4[i]!.reduce((s, n) => s + n, 0);
      });
      t2cells.forEach((c, i) => (v[c.key] = t2[i]!));
      // Keep the table-2 plausibility rules quiet: they are not what these properties are about.
      if (edition === '2019') {
        for (const row of ['rules', 'normative']) {
          v[`t2.${row}.published`] = v[`t2.${row}.made`]!;
          v[`t2.${row}.publicTotal`] = (v[`t2.${row}.made`] as number) + 5;
        }
        for (const row of ['license', 'otherServices', 'penalty', 'enforcement', 'fees'])
          v[`t2.${row}.change`] = '+1';
        v['t2.procurement.amount'] = '12.5万元';
      } else v['t2.fees.amount'] = 3.5;
      return v;
    });
}

const t3keys = (edition: Edition): CellKey[] =>
  [...cellSpecs(edition).values()].filter((c) => c.table === 't3').map((c) => c.key);

for (const edition of ['2019', '2021'] as const) {
  describe(`generated ${edition} reports`, () => {
    it('balanced → no error', () => {
      fc.assert(
        fc.property(balanced(edition), (v) => {
          expect(errors(check(reportFromValues(edition, v)))).toEqual([]);
        }),
        { numRuns: 150 },
      );
    });

    it('balanced, through the template and the grid reader → no error', () => {
      fc.assert(
        fc.property(balanced(edition), (v) => {
          expect(errors(checkGrid(filledGrid(edition, v)))).toEqual([]);
        }),
        { numRuns: 30 },
      );
    });

    it('one cell perturbed → that cell is the culprit, with its value as the fix', () => {
      fc.assert(
        fc.property(
          balanced(edition),
          fc.constantFrom(...t3keys(edition)),
          fc.integer({ min: 1, max: 40 }),
          (v, key, by) => {
            const original = v[key] as number;
            const findings = errors(check(reportFromValues(edition, { ...v, [key]: original + by })));
            expect(findings.length).toBeGreaterThan(0);
            for (const f of findings) expect([f.culprit, f.suggested]).toEqual([key, original]);
          },
        ),
        { numRuns: 300 },
      );
    });

    it('two cells perturbed in different rows and columns → both among the cells flagged', () => {
      fc.assert(
        fc.property(
          balanced(edition),
          fc.constantFrom(...t3keys(edition)),
          fc.constantFrom(...t3keys(edition)),
          fc.integer({ min: 1, max: 40 }),
          fc.integer({ min: 1, max: 40 }),
          (v, a, b, da, db) => {
            const [, ra, ca] = a.split('.');
            const [, rb, cb] = b.split('.');
            fc.pre(ra !== rb && ca !== cb);
            const findings = errors(
              check(
                reportFromValues(edition, { ...v, [a]: (v[a] as number) + da, [b]: (v[b] as number) + db }),
              ),
            );
            const flagged = new Set(findings.flatMap((f) => f.cells));
            expect(flagged.has(a) && flagged.has(b)).toBe(true);
            // Whatever is named as culprit is one of the two, with its original value.
            for (const f of findings.filter((f) => f.culprit)) {
              expect([a, b]).toContain(f.culprit);
              expect(f.suggested).toBe(v[f.culprit!]);
            }
          },
        ),
        { numRuns: 300 },
      );
    });
  });
}

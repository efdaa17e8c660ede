// One rule catalog: docs/rules.md, the catalog and the checks agree on every rule id.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CheckOptions, CHECKS, checkContext } from '../../src/checks/engine.js';
import { RULES } from '../../src/report/catalog.js';
import { readText } from '../../src/readers/text/index.js';
import { READER_RULES } from '../../src/readers/findings.js';
import type { Report } from '../../src/report/types.js';
import { reportFromValues } from '../../src/report/from-values.js';
import { cellSpecs } from '../../src/report/model.js';
import { filledGrid, fixturePath, jingxiu, readReport, suqian } from '../helpers.js';

/** `| T3-01 | error | …` rows of the doc's tables. */
function documented(): Map<string, string> {
  const doc = readFileSync(new URL('../../docs/rules.md', import.meta.url), 'utf8');
  const rows = new Map<string, string>();
  for (const m of doc.matchAll(/^\|\s*([A-Z][A-Z0-9]*(?:-\d+)+)\s*\|\s*(error|warning|info)\s*\|/gm))
    rows.set(m[1]!, m[2]!);
  return rows;
}

describe('the rule catalog', () => {
  it('docs/rules.md lists exactly the rules of the catalog, with the same severities', () => {
    const doc = documented();
    expect(doc.size).toBeGreaterThan(25);
    expect(Object.fromEntries(RULES.map((r) => [r.id, r.severity]))).toEqual(Object.fromEntries(doc));
  });

  it('every rule is emitted by exactly one check or reader, except notes', () => {
    const emitted = [...CHECKS.flatMap((c) => c.emits), ...READER_RULES];
    expect(new Set(emitted).size).toBe(emitted.length);
    expect(new Set(emitted)).toEqual(new Set(RULES.filter((r) => !r.note).map((r) => r.id)));
  });

  it('every rule has a Chinese title and description for the sidebar', () => {
    for (const r of RULES) {
      expect(r.title, r.id).toMatch(/[\u4e00-\u9fff]/);
      expect(r.description, r.id).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  /** Each check's findings on real and perturbed reports are of the rules it declares, at a declared severity. */
  it('checks emit only what they declare, at the severities the catalog allows', () => {
    const allowed = new Map(RULES.map((r) => [r.id, new Set([r.severity, ...(r.alsoAs ?? [])])]));
    const expectDeclared = (report: Report, options: CheckOptions = {}) => {
      for (const f of report.findings) {
        expect(READER_RULES as readonly string[]).toContain(f.rule);
        expect(allowed.get(f.rule)?.has(f.severity), f.rule).toBe(true);
      }
      const ctx = checkContext(report, options);
      for (const c of CHECKS) {
        for (const f of c.run(ctx)) {
          expect(c.emits, f.message).toContain(f.rule);
          expect(allowed.get(f.rule)?.has(f.severity), `${f.rule} ${f.severity}`).toBe(true);
        }
      }
    };
    const keys = [...cellSpecs('2019').keys()];
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.constantFrom(...keys),
          fc.oneof(
            fc.integer({ min: -3, max: 50 }),
            fc.constantFrom('五', '５', '', '/', '增1', '1.5万元', '#REF!', 2.5),
          ),
        ),
        (changes) => {
          expectDeclared(readReport(filledGrid('2019', { ...jingxiu().values, ...changes }, { year: 2021 })));
        },
      ),
      { numRuns: 60 },
    );
    const [y2023, y2024] = suqian();
    const prev = reportFromValues('2021', y2023.values, { year: 2023 });
    expectDeclared(reportFromValues('2021', { ...y2024.values, 't3.r2.natural': 999 }, { year: 2024 }), {
      previous: prev,
    });
    const text = readText(readFileSync(fixturePath('jingxiu-2019.txt'), 'utf8')).report!;
    expectDeclared(text, { previous: text });
  });
});

import { describe, expect, it } from 'vitest';
import { check } from '../../src/checks/engine.js';
import { reportFromValues } from '../../src/report/from-values.js';
import { cellSpecs } from '../../src/report/model.js';
import { checkGrid, errors, filledGrid, jingxiu, ofRule, readReport, suqian } from '../helpers.js';

describe('the real reports', () => {
  it('保定市竞秀区 2019, typed into the 2019 template, checks with no error', () => {
    const seed = jingxiu();
    const findings = checkGrid(filledGrid('2019', seed.values, { year: seed.year, agency: seed.agency }));
    expect(errors(findings)).toEqual([]);
    // Nothing but the info that 2019 has no earlier year in this format.
    expect(findings.map((f) => f.rule)).toEqual(['X-02']);
  });

  it('reads back every number of the seed from the template, by address', () => {
    const seed = jingxiu();
    const report = readReport(filledGrid('2019', seed.values, { year: 2019, agency: seed.agency }));
    expect(report.edition).toBe('2019');
    expect(report.year).toBe(2019);
    expect(report.agency).toBe('保定市竞秀区人民政府');
    for (const [key, value] of Object.entries(seed.values)) expect(report.cells.get(key)?.raw).toBe(value);
    expect(report.cells.get('t3.r3_7.natural')?.address).toBe('D49');
    expect(report.cells.get('t2.procurement.amount')?.address).toBe('D22');
  });

  it('宿迁市 2023 and 2024 balance, and the 2023 carry-forward is the 2024 carry-over', () => {
    const [y2023, y2024] = suqian();
    const last = reportFromValues('2021', y2023.values, { year: 2023 });
    const now = reportFromValues('2021', y2024.values, { year: 2024 });
    expect(check(last)).toEqual([]);
    expect(check(now, { previous: last })).toEqual([]);
  });

  it('a carry-over that does not match last year gives T3-05 with both numbers', () => {
    const [y2023, y2024] = suqian();
    const last = reportFromValues('2021', { ...y2023.values, 't3.r4.natural': 120 }, { year: 2023 });
    const now = reportFromValues('2021', y2024.values, { year: 2024 });
    const [f, ...rest] = ofRule(check(now, { previous: last }), 'T3-05');
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ severity: 'warning', cells: ['t3.r2.natural'] });
    expect(f!.message).toContain(`填 ${y2024.values['t3.r2.natural']}`);
    expect(f!.message).toContain('上年（2023 年）报告');
    expect(f!.message).toContain('为 120');
    // This year's table balances with its own number: last year's is no one-click fix, which
    // would unbalance it; what else must change is said.
    expect(f!.suggested).toBeUndefined();
    expect(f!.message).toContain(
      `本年表三按 ${y2024.values['t3.r2.natural']} 是平衡的：如上年无误，本格与本年新收或办理结果、结转下年度要一并改正，不能只改本格。`,
    );
  });

  it('a carry-over mistyped this year (its table unbalanced, last year’s number balancing it) is fixed by last year’s', () => {
    const [y2023, y2024] = suqian();
    const last = reportFromValues('2021', y2023.values, { year: 2023 });
    const carried = Number(y2024.values['t3.r2.natural']);
    const now = reportFromValues('2021', { ...y2024.values, 't3.r2.natural': carried + 1 }, { year: 2024 });
    const [f] = ofRule(check(now, { previous: last }), 'T3-05');
    expect(f).toMatchObject({ cells: ['t3.r2.natural'], culprit: 't3.r2.natural', suggested: carried });
  });
});

describe('one cell changed', () => {
  for (const edition of ['2019', '2021'] as const) {
    const base = edition === '2019' ? jingxiu().values : suqian()[1].values;
    const t3 = [...cellSpecs(edition).values()].filter((c) => c.table === 't3');

    it(`${edition}: every table-3 cell changed alone is named as the culprit with its original value`, () => {
      for (const cell of t3) {
        const original = base[cell.key] as number;
        const findings = checkGrid(filledGrid(edition, { ...base, [cell.key]: original + 7 }));
        const errs = errors(findings);
        expect(errs.length, cell.key).toBeGreaterThan(0);
        for (const f of errs) {
          expect(f.culprit, `${cell.key}: ${f.message}`).toBe(cell.key);
          expect(f.suggested).toBe(original);
          expect(f.message).toContain(`改为 ${original}`);
        }
      }
    });

    it(`${edition}: every table-4 cell changed alone breaks its group's identity, which flags it`, () => {
      for (const cell of [...cellSpecs(edition).values()].filter((c) => c.table === 't4')) {
        const findings = errors(
          checkGrid(filledGrid(edition, { ...base, [cell.key]: (base[cell.key] as number) + 2 })),
        );
        expect(findings).toHaveLength(1);
        expect(findings[0]!.cells).toContain(cell.key);
        // Five cells, one identity: any of them could be wrong, so none is named.
        expect(findings[0]!.culprit).toBeUndefined();
        expect(findings[0]!.message).toContain('无法确定是哪一格填错');
      }
    });
  }

  it('the message writes the identity out with its numbers and the cell address', () => {
    const seed = jingxiu().values;
    const [f] = ofRule(checkGrid(filledGrid('2019', { ...seed, 't3.r3_7.natural': 4 })), 'T3-03');
    expect(f!.message).toBe(
      '「自然人」列：（七）总计应等于各项办理结果之和 2+3 = 5（其余 17 项为 0），实填 4。' +
        '最可能填错的是（七）总计·自然人（D49）：改为 5 即可使相关等式全部成立。',
    );
    expect(f!.addresses).toContain('D49');
  });

  it('a long identity with no term 0 says no 「其余 0 项为 0」', () => {
    const items = [...cellSpecs('2019').values()].filter(
      (c) => /^t3\.r3_\d/.test(c.key) && c.key.endsWith('.natural') && c.key !== 't3.r3_7.natural',
    );
    const ones = Object.fromEntries(items.map((c) => [c.key, 1]));
    const [f] = ofRule(
      checkGrid(filledGrid('2019', { ...jingxiu().values, ...ones, 't3.r3_7.natural': 4 })),
      'T3-03',
    ).filter((x) => x.message.startsWith('「自然人」列'));
    expect(f!.message).toContain(`${items.map(() => '1').join('+')} = ${items.length}，实填 4。`);
  });
});

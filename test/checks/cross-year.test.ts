import { describe, expect, it } from 'vitest';
import { check } from '../../src/checks/engine.js';
import { reportFromValues } from '../../src/report/from-values.js';
import { jingxiu, ofRule, suqian, type Values } from '../helpers.js';

const t2021 = (values: Record<string, number>, year: number) =>
  reportFromValues('2021', { ...suqian()[1].values, ...values }, { year });

describe('table 2 across years', () => {
  it('2021: in force now = in force last year + issued − repealed (T2-21-03), repealed ≤ what existed (T2-21-04)', () => {
    const last = t2021({ 't2.rules.inForce': 10, 't2.normative.inForce': 40 }, 2023);
    const fine = t2021({ 't2.rules.issued': 2, 't2.rules.repealed': 1, 't2.rules.inForce': 11 }, 2024);
    expect(ofRule(check(fine, { previous: last }), 'T2-21-03')).toEqual([]);

    const off = t2021({ 't2.rules.issued': 2, 't2.rules.repealed': 15, 't2.rules.inForce': 12 }, 2024);
    const findings = check(off, { previous: last });
    expect(ofRule(findings, 'T2-21-03')[0]!.message).toContain(
      '上年（2023 年）报告现行有效 10 + 本年制发 2 − 本年废止 15 = -3',
    );
    expect(ofRule(findings, 'T2-21-04')[0]!.message).toContain(
      '15 件，多于上年（2023 年）报告现行有效 10 件与本年制发 2 件之和 12',
    );
  });

  it('2019: last year items carry forward with their change (T2-19-05); public totals do not shrink (T2-19-04)', () => {
    const seed = jingxiu().values;
    const last = reportFromValues(
      '2019',
      { ...seed, 't2.license.lastYearItems': 69, 't2.rules.publicTotal': 5 },
      { year: 2019 },
    );
    const now = reportFromValues('2019', { ...seed, 't2.license.lastYearItems': 71 }, { year: 2020 });
    const findings = check(now, { previous: last });
    const [items] = ofRule(findings, 'T2-19-05');
    // Last year: 69 items, change 增1 → 70 this year, not 71.
    expect(items).toMatchObject({ culprit: 't2.license.lastYearItems', suggested: 70 });
    expect(items!.message).toContain('上一年项目数量 69 加本年增/减 +1 = 70');
    expect(ofRule(findings, 'T2-19-04')[0]!.message).toContain(
      '规章·对外公开总数量 1 少于上年（2019 年）报告的 5',
    );
  });

  it('2019, the format’s first year: X-02 says there is no last year to compare with, unless the clerk gives one', () => {
    const seed = jingxiu().values;
    const last = reportFromValues('2019', { ...seed, 't2.license.lastYearItems': 69 }, { year: 2018 });
    const now = reportFromValues('2019', { ...seed, 't2.license.lastYearItems': 71 }, { year: 2019 });
    expect(ofRule(check(now), 'X-02')).toHaveLength(1);
    // A 2018 report put into the form: compared, and X-02 no longer says the rules cannot run.
    const rules = check(now, { previous: last }).map((f) => f.rule);
    expect(rules).not.toContain('X-02');
    expect(rules).toContain('T2-19-05');
  });

  it('across editions only the carry-over is compared', () => {
    const last = reportFromValues('2019', jingxiu().values, { year: 2020 });
    const now = t2021({}, 2021);
    const rules = new Set(check(now, { previous: last }).map((f) => f.rule));
    expect(rules.has('T3-05')).toBe(true);
    expect([...rules].filter((r) => r.startsWith('T2-'))).toEqual([]);
  });
});

describe('a table copied from last year (SIM-02)', () => {
  const [y2023, y2024] = suqian();
  const t3and4 = (values: Values): Values =>
    Object.fromEntries(Object.entries(values).filter(([k]) => /^t[34]\./.test(k)));

  it('表三 and 表四 with every number of last year’s are said, each once, as a copy', () => {
    const last = reportFromValues('2021', y2023.values, { year: 2023 });
    const now = reportFromValues('2021', { ...y2024.values, ...t3and4(y2023.values) }, { year: 2024 });
    const said = ofRule(check(now, { previous: last }), 'SIM-02');
    expect(said.map((f) => [f.table, f.severity])).toEqual([
      ['t3', 'warning'],
      ['t4', 'warning'],
    ]);
    expect(said[0]!.message).toMatch(
      /^表三的每个数都与上年（2023 年）报告的表三相同（\d+ 个不为 0 的数一一相等）/,
    );
  });

  it('one number changed, another year’s real tables, or a few small numbers twice: nothing said', () => {
    const last = reportFromValues('2021', y2023.values, { year: 2023 });
    const changed = {
      ...y2024.values,
      ...t3and4(y2023.values),
      't4.review.upheld': 1 + Number(y2023.values['t4.review.upheld']),
    };
    expect(
      ofRule(check(reportFromValues('2021', changed, { year: 2024 }), { previous: last }), 'SIM-02').map(
        (f) => f.table,
      ),
    ).toEqual(['t3']);
    expect(
      ofRule(check(reportFromValues('2021', y2024.values, { year: 2024 }), { previous: last }), 'SIM-02'),
    ).toEqual([]);
    // One application a year, answered alike: the same table twice, and no copy.
    const few = {
      't3.r1.natural': 1,
      't3.r1.total': 1,
      't3.r3_1.natural': 1,
      't3.r3_1.total': 1,
      't3.r3_7.natural': 1,
      't3.r3_7.total': 1,
    };
    const small = (year: number) => reportFromValues('2021', few, { year });
    expect(ofRule(check(small(2024), { previous: small(2023) }), 'SIM-02')).toEqual([]);
  });
});

describe('the edition fits the year (X-01)', () => {
  it('a 2024 report in the 2019 edition, or a 2020 report in the 2021 edition, is warned', () => {
    const old = check(reportFromValues('2019', jingxiu().values, { year: 2024 }));
    expect(ofRule(old, 'X-01')[0]!.message).toBe(
      '报告年度为 2024 年，本表是 2019 版格式（国办公开办函〔2019〕60号）；应使用 2021 版格式（国办公开办函〔2021〕30号）。',
    );
    expect(ofRule(check(t2021({}, 2020)), 'X-01')).toHaveLength(1);
    expect(ofRule(check(t2021({}, 2021)), 'X-01')).toEqual([]);
    expect(ofRule(check(reportFromValues('2019', jingxiu().values, { year: 2020 })), 'X-01')).toEqual([]);
  });
});

describe('the sheet’s name and the report year (X-04)', () => {
  const onSheet = (sheet: string, year?: number) => {
    const r = reportFromValues('2021', suqian()[1].values, year ? { year } : {});
    return { ...r, source: sheet, sheets: { t2: sheet, t3: sheet, t4: sheet } };
  };
  it('a sheet named for 2024 whose 报告年度 still says 2023 (last year’s sheet copied) is warned', () => {
    const [f] = ofRule(check(onSheet('2024年度年报', 2023)), 'X-04');
    expect(f!.message).toBe(
      '工作表名「2024年度年报」是 2024 年度，而「报告年度」是 2023 年：复制上年的表格后常忘了改年度，请改正「报告年度」或工作表名；跨年度核对按「报告年度」找上年报告。',
    );
    expect(f!.severity).toBe('warning');
    // Left blank, it is to be filled in, the sheet's name saying which year.
    const blank = check(onSheet('2024年度年报'));
    expect(ofRule(blank, 'X-04')).toEqual([]);
    expect(ofRule(blank, 'X-05')[0]!.message).toContain('（工作表名「2024年度年报」是 2024 年度）');
    for (const name of ['二〇二四年报', '２０２４', ' 2024 ', '2024年度'])
      expect(ofRule(check(onSheet(name, 2023)), 'X-04'), name).toHaveLength(1);
  });

  it('agrees, or names no year, or a date or two years: nothing is said', () => {
    for (const name of [
      '2024年度年报',
      'Sheet1',
      '年报',
      '2025年1月发布',
      '2023-2024对比',
      '2024年度年报 (2)',
    ])
      expect(ofRule(check(onSheet(name, 2024)), 'X-04'), name).toEqual([]);
    // A published text's report has no sheets.
    expect(ofRule(check(reportFromValues('2021', suqian()[1].values, { year: 2023 })), 'X-04')).toEqual([]);
  });
});

describe('last year’s report with parts not read (X-03)', () => {
  it('is said once, with what was not read; a report read whole says nothing', () => {
    const [y2023, y2024] = suqian();
    const last = reportFromValues('2021', y2023.values, { year: 2023 });
    const now = reportFromValues('2021', y2024.values, { year: 2024 });
    expect(ofRule(check(now, { previous: last }), 'X-03')).toEqual([]);
    const unread = (message: string) =>
      ({ rule: 'G-04', severity: 'error', table: 't3', cells: [], message }) as const;
    const cut = {
      ...last,
      findings: [unread('「四、结转下年度继续办理」行应有 7 个数，只读到 6 个。'), unread('表四没有找到。')],
    };
    const said = ofRule(check(now, { previous: cut }), 'X-03');
    expect(said.map((f) => [f.severity, f.message])).toEqual([
      [
        'info',
        '上年（2023 年）报告有 2 处没有读出，那里的数字未做跨年度核对：「四、结转下年度继续办理」行应有 7 个数，只读到 6 个。……',
      ],
    ]);
  });
});

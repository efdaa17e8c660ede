import { describe, expect, it } from 'vitest';
import { check } from '../../src/checks/engine.js';
import { cardsOf, clusterByCulprit, groupByTable, summary } from '../../src/checks/overview.js';
import { reportFromValues } from '../../src/report/from-values.js';
import { auditOf, auditResult, findingPlace } from '../../src/checks/audit.js';
import { findingAddress, findingPlaceOnSheet } from '../../src/report/finding.js';
import { checkGrid, filledGrid, jingxiu, ofRule } from '../helpers.js';

describe('what the sidebar and the CLI show above the list', () => {
  it('「全部通过」 when nothing but info is found', () => {
    const findings = check(reportFromValues('2019', jingxiu().values, { year: 2019 }));
    expect(findings.map((f) => f.severity)).toEqual(['info']);
    expect(summary(findings)).toBe('全部通过');
  });

  it('counts errors and warnings, and groups findings under their part titles in report order', () => {
    const values = {
      ...jingxiu().values,
      't3.r3_7.natural': 4,
      't4.review.total': 3,
      't2.license.change': '略增',
    };
    const findings = check(reportFromValues('2019', values, { year: 2024 }));
    expect(summary(findings)).toBe('4 个错误，2 个警告');
    // The three identities 4 breaks are one card, as one cell mends them: the sidebar counts the
    // errors as the 审核报告 does, and says in how few places they are.
    expect(cardsOf(findings).map((f) => f.rule)).toEqual(['G-05', 'T3-01', 'T4-01', 'X-01']);
    expect(summary(findings, { places: true })).toBe('4 个错误（2 处要改），2 个警告');
    expect(groupByTable(findings).map((g) => [g.title, g.findings.map((f) => f.rule)])).toEqual([
      ['二、主动公开政府信息情况', ['G-05']],
      ['三、收到和处理政府信息公开申请情况', ['T3-01', 'T3-02', 'T3-03']],
      ['四、政府信息公开行政复议、行政诉讼情况', ['T4-01']],
      ['全表', ['X-01']],
    ]);
  });
});

describe('one card for each cell to change', () => {
  it('a cell’s own problem (「2.5 不是整数」) goes on the card of the identities that name it, under their fix', () => {
    const findings = checkGrid(
      filledGrid(
        '2019',
        { ...jingxiu().values, 't3.r3_1.natural': 2.5 },
        { year: 2020, agency: '保定市竞秀区人民政府' },
      ),
    );
    const own = ofRule(findings, 'G-01')[0]!;
    expect(own.culprit).toBeUndefined();
    const clusters = clusterByCulprit(findings.filter((f) => f.table === 't3'));
    expect(clusters).toHaveLength(1);
    expect(clusters[0]!.culprit).toEqual({ cell: 't3.r3_1.natural', suggested: 2 });
    // The fix first (what 改为 writes), the cell's own problem after.
    expect(clusters[0]!.findings.map((f) => f.rule)).toEqual(['T3-02', 'T3-03', 'G-01']);
    expect(summary(findings, { places: true })).toBe('3 个错误（1 处要改）');
    // A problem of a cell no identity names keeps a card of its own.
    const apart = checkGrid(
      filledGrid('2019', { ...jingxiu().values, 't3.r3_1.natural': 3, 't2.rules.made': 2.5 }),
    );
    const cards = clusterByCulprit(apart);
    expect(
      cards.find((c) => c.culprit?.cell === 't3.r3_1.natural')!.findings.map((f) => f.rule),
    ).not.toContain('G-01');
    expect(cards.find((c) => c.findings[0]!.rule === 'G-01')!.findings).toHaveLength(1);
  });

  it('a count written as text, its row’s SUM short of it: one card, whose one 改为 answers both', () => {
    const seed = jingxiu().values;
    const key = 't3.r1.natural';
    const findings = checkGrid(
      filledGrid(
        '2019',
        { ...seed, [key]: String(seed[key]), 't3.r1.total': Number(seed['t3.r1.total']) - Number(seed[key]) },
        { year: 2020, agency: '保定市竞秀区人民政府' },
      ),
    );
    const own = ofRule(findings, 'G-01')[0]!;
    expect(own).toMatchObject({ severity: 'warning', culprit: key, suggested: seed[key] });
    const withOwn = clusterByCulprit(findings.filter((f) => f.table === 't3')).find((c) =>
      c.findings.includes(own),
    )!;
    expect(withOwn.culprit).toEqual({ cell: key, suggested: seed[key] });
    expect(withOwn.findings.map((f) => f.rule)).toEqual(['T3-02', 'G-01']);
  });
});

describe('a culprit left blank', () => {
  it('has one card: the blank (a warning, G-03) is said under the fix that fills it, and visited once', () => {
    const findings = checkGrid(
      filledGrid(
        '2019',
        { ...jingxiu().values, 't3.r3_1.natural': '' },
        { year: 2020, agency: '保定市竞秀区人民政府' },
      ),
    );
    const blank = ofRule(findings, 'G-03')[0]!;
    expect(blank).toMatchObject({ severity: 'warning', cells: ['t3.r3_1.natural'] });
    const clusters = clusterByCulprit(findings.filter((f) => f.table === 't3'));
    expect(clusters).toHaveLength(1);
    expect(clusters[0]!.culprit).toEqual({ cell: 't3.r3_1.natural', suggested: 2 });
    expect(clusters[0]!.findings.map((f) => f.rule)).toEqual(['T3-02', 'T3-03', 'G-03']);
    expect(summary(findings, { places: true })).toBe('2 个错误（1 处要改），1 个警告');
  });
});

describe('a table left blank is named in the summary, as the 审核报告 fails the report for it', () => {
  it('「表四尚未填写」, not counted again among the warnings', () => {
    const values = Object.fromEntries(
      Object.entries(jingxiu().values).map(([k, v]) => [k, k.startsWith('t4.') ? '' : v]),
    );
    const findings = check(reportFromValues('2019', values, { year: 2019 }));
    expect(summary(findings)).toBe('表四尚未填写');
    const audit = auditOf({ edition: '2019' }, findings, { checkedAt: new Date() });
    expect(auditResult(audit)).toBe('未通过（表四尚未填写）');
    // A warning that a 说明 can answer is still counted beside it.
    const doubt = check(reportFromValues('2019', { ...values, 't2.rules.published': 0 }, { year: 2019 }));
    const withDoubt = auditOf({ edition: '2019' }, doubt, { checkedAt: new Date() });
    expect(auditResult(withDoubt)).toBe('未通过（表四尚未填写，1 个警告未说明）');
  });
});

describe('where a finding is, as the sidebar’s card and the 审核报告 say it', () => {
  it('a culprit’s cell; with none, the block of cells that may hold the wrong one', () => {
    const grid = filledGrid('2019', { ...jingxiu().values, 't4.review.total': 3, 't3.r3_7.natural': 4 });
    const findings = checkGrid(grid);
    const t4 = ofRule(findings, 'T4-01')[0]!;
    expect(t4.culprit).toBeUndefined();
    const row = Number(/\d+$/.exec(t4.addresses![0]!)![0]);
    expect(findingPlaceOnSheet(t4)).toBe(`A${row}:E${row}`);
    expect(findingPlace(t4)).toBe(`表四 A${row}:E${row}`);
    const t3 = ofRule(findings, 'T3-03').find((f) => f.culprit)!;
    expect(findingPlaceOnSheet(t3)).toBe(findingAddress(t3));
  });

  it('a list of cells each said alike (numbers as text, blanks): its first and how many, not the block around them', () => {
    const values = jingxiu().values;
    const keys = ['t3.r1.natural', 't3.r3_1.natural', 't3.r3_7.natural', 't3.r1.total'] as const;
    const grid = filledGrid('2019', {
      ...values,
      ...Object.fromEntries(keys.map((k) => [k, String(values[k])])),
    });
    const [g01] = ofRule(checkGrid(grid), 'G-01');
    expect(g01!.cells).toHaveLength(4);
    expect(findingPlaceOnSheet(g01!)).toBe(`${g01!.addresses![0]} 等 4 格`);
  });
});

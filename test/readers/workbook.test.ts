import { describe, expect, it } from 'vitest';
import { auditOf, auditResult, auditRows } from '../../src/checks/audit.js';
import { check } from '../../src/checks/engine.js';
import { summary } from '../../src/checks/overview.js';
import { canExplain } from '../../src/report/notes.js';
import { previousReport, readWorkbook } from '../../src/readers/workbook.js';
import { toAddress } from '../../src/report/address.js';
import { reportFromValues } from '../../src/report/from-values.js';
import { templateLayout } from '../../src/report/template.js';
import type { Edition, RawValue, TableId } from '../../src/report/types.js';
import { errors, filledGrid, jingxiu, ofRule, suqian, type Values } from '../helpers.js';

/** One table of the template on a sheet of its own, under its part title, with the heading rows. */
function tableSheet(edition: Edition, table: TableId, values: Values, year?: number): RawValue[][] {
  const grid = filledGrid(edition, values, year ? { year, agency: '保定市竞秀区人民政府' } : {});
  const area = templateLayout(edition).tableAreas.find((a) => a.table === table)!.area;
  return [...grid.slice(0, 2), [], ...grid.slice(area.top - 1, area.bottom + 1)];
}

describe('a workbook', () => {
  it('whose rows are merged otherwise than the form’s header (the last number over D:E) reads each number where its merge says', () => {
    const layout = templateLayout('2019');
    const grid = filledGrid('2019', jingxiu().values);
    const merges = layout.merges.map((m) => ({ ...m }));
    for (const key of ['rules', 'normative', 'license', 'otherServices', 'penalty', 'enforcement']) {
      const last = layout.cells.find((c) => c.key?.startsWith(`t2.${key}.`) && c.pos.col === 4)!.pos;
      const row = grid[last.row]!;
      [row[3], row[4]] = [row[4]!, null];
      const merged = merges.find((m) => m.top === last.row && m.left === 2)!;
      [merged.left, merged.right] = [3, 4];
    }
    const refs = merges.map(
      (m) => `${toAddress({ row: m.top, col: m.left })}:${toAddress({ row: m.bottom, col: m.right })}`,
    );
    const read = (look?: { merges: string[] }) =>
      readWorkbook([{ name: '年报', grid, ...(look ? { look } : {}) }]).reports[0]!;
    const told = read({ merges: refs });
    expect(Object.fromEntries([...told.cells].map(([k, c]) => [k, c.raw]))).toEqual(jingxiu().values);
    expect(told.cells.get('t2.license.decisions')?.address).toBe(
      toAddress({ row: layout.cells.find((c) => c.key === 't2.license.decisions')!.pos.row, col: 3 }),
    );
    // Without the merges (a host that has none), those six are not guessed at: said as not filled.
    expect(ofRule(check(read()), 'G-03')[0]?.message).toMatch(/^表二有 6 格未填数字/);
  });

  it('with 表二, 表三 and 表四 on three sheets is one report that checks clean', () => {
    const v = jingxiu().values;
    const { reports, skipped } = readWorkbook([
      { name: '封面', grid: [['保定市竞秀区2019年政府信息公开工作年度报告']] },
      { name: '表二', grid: tableSheet('2019', 't2', v, 2019) },
      { name: '表三', grid: tableSheet('2019', 't3', v) },
      { name: '表四', grid: tableSheet('2019', 't4', v) },
    ]);
    expect(skipped.map((s) => s.sheet)).toEqual(['封面']);
    expect(reports).toHaveLength(1);
    const report = reports[0]!;
    expect(report).toMatchObject({
      edition: '2019',
      year: 2019,
      source: '表二、表三、表四',
      sheets: { t2: '表二', t3: '表三', t4: '表四' },
      tables: ['t2', 't3', 't4'],
    });
    expect(report.cells.size).toBe(Object.keys(v).length);
    expect(check(report).map((f) => f.rule)).toEqual(['X-02']);
  });

  it("a finding is on its table's sheet, with that sheet's address", () => {
    const v = { ...jingxiu().values, 't3.r3_7.natural': 4 };
    const { reports } = readWorkbook([
      { name: '表二', grid: tableSheet('2019', 't2', v, 2019) },
      { name: '表三', grid: tableSheet('2019', 't3', v) },
      { name: '表四', grid: tableSheet('2019', 't4', v) },
    ]);
    const culprit = check(reports[0]!).find((f) => f.culprit === 't3.r3_7.natural')!;
    expect(culprit.sheet).toBe('表三');
    // On its own sheet table 3 starts at row 5 (two heading rows, a blank one, its part title).
    const layout = templateLayout('2019');
    const top = layout.tableAreas.find((a) => a.table === 't3')!.area.top;
    const at = layout.cells.find((c) => c.key === 't3.r3_7.natural')!.pos;
    expect(culprit.addresses![culprit.cells.indexOf('t3.r3_7.natural')]).toBe(
      toAddress({ row: 4 + at.row - top, col: at.col }),
    );
  });

  it('a finding about the year points to 报告年度’s cell, on the sheet that holds it', () => {
    const yearAt = toAddress(templateLayout('2021').year);
    const sheet = (name: string, year?: number) =>
      readWorkbook([{ name, grid: filledGrid('2021', suqian()[1].values, year ? { year } : {}) }])
        .reports[0]!;
    const copied = check(sheet('2024年度年报', 2023));
    expect(ofRule(copied, 'X-04')[0]).toMatchObject({ sheet: '2024年度年报', at: [yearAt] });
    // Left empty, the cell to fill in.
    expect(ofRule(check(sheet('2024年度年报')), 'X-05')[0]).toMatchObject({ at: [yearAt] });
    // The 2021 form for 2020.
    expect(ofRule(check(sheet('年报', 2020)), 'X-01')[0]).toMatchObject({ sheet: '年报', at: [yearAt] });

    // Tables on three sheets, the year on the second: the finding goes there.
    const v = jingxiu().values;
    const { reports } = readWorkbook([
      { name: '表二', grid: tableSheet('2019', 't2', v) },
      { name: '表三', grid: tableSheet('2019', 't3', v, 2021) },
      { name: '表四', grid: tableSheet('2019', 't4', v) },
    ]);
    expect(ofRule(check(reports[0]!), 'X-01')[0]).toMatchObject({
      sheet: '表三',
      at: [toAddress(templateLayout('2019').year)],
    });
  });

  it('报告年度 or 机关名称 left blank is said at its cell (X-05, X-06), and fails the 审核报告 until filled in', () => {
    const layout = templateLayout('2021');
    const sheet = (name: string, heading: { year?: number; agency?: string }, values = suqian()[1].values) =>
      readWorkbook([{ name, grid: filledGrid('2021', values, heading) }]).reports[0]!;
    const undated = sheet('本年年报', { agency: '宿迁市' });
    const noYear = ofRule(check(undated), 'X-05');
    expect(noYear).toEqual([
      expect.objectContaining({
        severity: 'warning',
        sheet: '本年年报',
        at: [toAddress(layout.year)],
        message: `「报告年度」（${toAddress(layout.year)}）没有填写：请填写本报告是哪一年度的（如「2024」）。跨年度核对按报告年度找上年报告，审核报告也要写明年度。`,
      }),
    ]);
    // Written, but no year: said as what it holds, not as left blank.
    const short = ofRule(check(sheet('本年年报', { year: 19, agency: '宿迁市' })), 'X-05');
    expect(short.map((f) => f.message)).toEqual([
      `「报告年度」（${toAddress(layout.year)}）填的是「19」，不是年度：请填写本报告是哪一年度的（四位数，如「2024」）。跨年度核对按报告年度找上年报告，审核报告也要写明年度。`,
    ]);
    // 「/」 or 「无」 in 机关名称 names no body.
    for (const agency of ['/', '无', '—'])
      expect(ofRule(check(sheet('本年年报', { year: 2024, agency })), 'X-06'), agency).toHaveLength(1);
    const noBody = ofRule(check(sheet('本年年报', { year: 2024, agency: '' })), 'X-06');
    expect(noBody).toEqual([expect.objectContaining({ sheet: '本年年报', at: [toAddress(layout.agency)] })]);
    expect(noBody[0]!.message).toContain(`「机关名称」（${toAddress(layout.agency)}）没有填写`);
    // Not a doubt a 说明 answers: the report is not finished, and the 审核报告 says so, as for a blank table.
    expect(canExplain(noYear[0]!)).toBe(false);
    const audit = auditOf(undated, check(undated), { checkedAt: new Date() });
    expect(auditResult(audit)).toBe('未通过（报告年度、表二尚未填写）');
    expect(auditRows(audit).map((r) => r.cells.join(''))).toContain(
      '对照上年报告：无（没有注明报告年度，无法查找上年报告，跨年度关系未核对）',
    );
    expect(summary(check(undated))).toBe('报告年度、表二尚未填写');
    // Both filled in: nothing. Left blank where the sheet's name gives the year, that year is named.
    const filled = check(sheet('本年年报', { year: 2024, agency: '宿迁市' }));
    expect([...ofRule(filled, 'X-05'), ...ofRule(filled, 'X-06')]).toEqual([]);
    const named = check(sheet('2024年度年报', { agency: '宿迁市' }));
    expect(ofRule(named, 'X-05')[0]!.message).toContain(
      '请填写本报告是哪一年度的（工作表名「2024年度年报」是 2024 年度）',
    );
    expect(ofRule(named, 'X-04')).toEqual([]);
    // A template not begun says so (本表尚未填写), not its heading too; a published report has no cells for them.
    const unbegun = check(sheet('本年年报', { agency: '' }, {}));
    expect([...ofRule(unbegun, 'X-05'), ...ofRule(unbegun, 'X-06')]).toEqual([]);
    expect(ofRule(check(reportFromValues('2021', suqian()[1].values)), 'X-05')).toEqual([]);
    // A sheet of the clerk's own with no heading at all: the year is looked for in vain, and said so.
    const own = filledGrid('2021', suqian()[1].values).slice(2);
    const bare = check(readWorkbook([{ name: '表', grid: own }]).reports[0]!);
    expect(ofRule(bare, 'X-05').map((f) => f.message)).toEqual([
      expect.stringMatching(/^没有找到报告年度：/),
    ]);
  });

  it('表二, 表三 and 表四 of the 2019 edition on three sheets with no year anywhere are one report', () => {
    // 表四 alone reads the same in both editions: it takes the edition of the sheets beside it.
    const v = jingxiu().values;
    const { reports } = readWorkbook([
      { name: '表二', grid: tableSheet('2019', 't2', v) },
      { name: '表三', grid: tableSheet('2019', 't3', v) },
      { name: '表四', grid: tableSheet('2019', 't4', v) },
    ]);
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({ edition: '2019', tables: ['t2', 't3', 't4'] });
    expect(errors(check(reports[0]!))).toEqual([]);
  });

  it('a sheet with table 3 alone is a report that misses tables 2 and 4, and says so', () => {
    const { reports } = readWorkbook([{ name: '表三', grid: tableSheet('2019', 't3', jingxiu().values) }]);
    const missing = ofRule(errors(check(reports[0]!)), 'G-04').map((f) => f.table);
    expect(missing).toEqual(['t2', 't4']);
  });

  it('two years on two sheets are two reports, and last year is found for the later one', () => {
    const [y2023, y2024] = suqian();
    const { reports } = readWorkbook([
      { name: '2023', grid: filledGrid('2021', y2023.values, { year: 2023 }) },
      { name: '2024', grid: filledGrid('2021', y2024.values, { year: 2024 }) },
    ]);
    expect(reports.map((r) => r.year)).toEqual([2023, 2024]);
    // No 机关名称 filled in: one workbook is one body.
    expect(previousReport(reports[1]!, reports)).toBeUndefined();
    expect(previousReport(reports[1]!, reports, { sameBody: true })).toBe(reports[0]);
    expect(previousReport(reports[0]!, reports, { sameBody: true })).toBeUndefined();
  });

  it('the same table on two sheets of one year is never merged into one report', () => {
    const v = jingxiu().values;
    const { reports } = readWorkbook([
      { name: '表三', grid: tableSheet('2019', 't3', v, 2019) },
      { name: '表三 (2)', grid: tableSheet('2019', 't3', v, 2019) },
    ]);
    expect(reports.map((r) => r.source)).toEqual(['表三', '表三 (2)']);
  });

  it('two bodies of the same year are not each other’s last year', () => {
    const [, y2024] = suqian();
    const a = readWorkbook([
      { name: 'a', grid: filledGrid('2021', y2024.values, { year: 2024, agency: '甲' }) },
    ]);
    const b = readWorkbook([
      { name: 'b', grid: filledGrid('2021', y2024.values, { year: 2023, agency: '乙' }) },
    ]);
    expect(previousReport(a.reports[0]!, [...a.reports, ...b.reports])).toBeUndefined();
  });

  it('a body’s name is read without controls or direction marks, which would reverse the rest of a line', () => {
    const [, y2024] = suqian();
    const grid = filledGrid('2021', y2024.values, { year: 2024, agency: '宿迁市\u202e人民政府\u0007' });
    expect(readWorkbook([{ name: 'a', grid }]).reports[0]!.agency).toBe('宿迁市人民政府');
  });
});

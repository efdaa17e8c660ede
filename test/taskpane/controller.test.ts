import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AUDIT_SHEET } from '../../src/checks/audit.js';
import { NOTES_SHEET } from '../../src/report/notes.js';
import { FakeExcel, OfficeError } from '../../src/dev/fake-excel.js';
import type { Sheet } from '../../src/web/workbook-model.js';
import { ExcelHost } from '../../src/excel/host.js';
import { isMarkFormula, MARK_FILL } from '../../src/host/marks.js';
import { parseAddress, toAddress } from '../../src/report/address.js';
import { findingAddress } from '../../src/report/finding.js';
import { templateLayout } from '../../src/report/template.js';
import type { Edition, RawValue, TableId } from '../../src/report/types.js';
import { PaneController, stopsOf } from '../../src/taskpane/controller.js';
import { addTemplateSheet } from '../../src/cli/xlsx-write.js';
import {
  errors,
  filledGrid,
  fixturePath,
  jingxiu,
  ofRule,
  reportHtml,
  seedTextWith,
  suqian,
  type Values,
} from '../helpers.js';

const DELAY = 20;
const quiet = () => new Promise((r) => setTimeout(r, DELAY * 5));
const WRONG = { ...jingxiu().values, 't3.r3_7.natural': 4 };

function setup(values: Values = WRONG) {
  const excel = new FakeExcel();
  const sheet = excel.addSheet('2019年度年报');
  sheet.setValues(filledGrid('2019', values, { year: 2019, agency: '保定市竞秀区人民政府' }));
  const pane = new PaneController(new ExcelHost(excel.run), {
    recheckDelay: DELAY,
    now: () => new Date(2020, 0, 20, 15, 4),
  });
  return { excel, sheet, pane };
}

const shown = (sheet: Sheet, address: string) => {
  const p = parseAddress(address);
  return sheet.shownFill(p.row, p.col);
};
const marks = (excel: FakeExcel) =>
  excel.sheets.flatMap((s) => s.conditionalFormats.filter((cf) => isMarkFormula(cf.formula)));

/** One table of the template on a sheet of its own, under its part title. */
function tableSheet(edition: Edition, table: TableId, values: Values, year?: number): RawValue[][] {
  const grid = filledGrid(edition, values, year ? { year, agency: '某某局' } : { agency: '某某局' });
  const area = templateLayout(edition).tableAreas.find((a) => a.table === table)!.area;
  return [...grid.slice(0, 2), [], ...grid.slice(area.top - 1, area.bottom + 1)];
}

describe('the sidebar controller', () => {
  it('校验 lists the findings and marks the cell; the list re-checks by itself when the clerk fixes it', async () => {
    const { excel, sheet, pane } = setup();
    await pane.check();
    const wrong = pane.getState().result!.findings.find((f) => f.culprit === 't3.r3_7.natural')!;
    expect(findingAddress(wrong)).toBe('D49');
    expect(shown(sheet, 'D49')).toBe(MARK_FILL.culprit);

    excel.edit(sheet.name, 'D49', 5);
    await quiet();
    expect(errors(pane.getState().result!.findings)).toEqual([]);
    // 「第 N 次校验」 counts the clerk's presses; the re-checks since are counted apart, from 0 at each.
    expect(pane.getState().checks).toBe(1);
    expect(pane.getState().rechecks).toBe(1);
    await pane.check();
    expect(pane.getState()).toMatchObject({ checks: 2, rechecks: 0 });
    expect(shown(sheet, 'D49')).toBeUndefined();
  });

  it('edits in quick succession give one re-check, after the last', async () => {
    const { excel, sheet, pane } = setup();
    await pane.check();
    const syncs = excel.syncs;
    for (const v of [1, 2, 3, 5]) excel.edit(sheet.name, 'D49', v);
    await quiet();
    expect(excel.syncs - syncs).toBe(2);
    expect(errors(pane.getState().result!.findings)).toEqual([]);
  });

  it('edits on another sheet, or before any 校验, do not re-check', async () => {
    const { excel, sheet, pane } = setup();
    await pane.watch();
    excel.edit(sheet.name, 'D49', 5);
    await quiet();
    expect(pane.getState().result).toBeUndefined();
    await pane.check();
    const syncs = excel.syncs;
    excel.addSheet('草稿');
    excel.edit('草稿', 'A1', 1);
    await quiet();
    expect(excel.syncs).toBe(syncs);
  });

  it('the re-check follows the sheet that was checked, wherever the clerk is now', async () => {
    const { excel, sheet, pane } = setup();
    excel.addSheet('草稿').setValues([['随手记']]);
    await pane.check();
    excel.select('草稿');
    excel.edit(sheet.name, 'D49', 5);
    await quiet();
    expect(pane.getState().result?.sheet.name).toBe('2019年度年报');
    expect(errors(pane.getState().result!.findings)).toEqual([]);
  });

  it('last year’s sheet copied and renamed for this year, its 报告年度 not changed: X-04 says so', async () => {
    const { excel, sheet, pane } = setup(jingxiu().values);
    excel.book.rename(sheet.name, '2020年度年报');
    await pane.check();
    const [x04] = ofRule(pane.getState().result!.findings, 'X-04');
    const yearAt = toAddress(templateLayout('2019').year);
    expect(x04!.message).toMatch(
      new RegExp(`^工作表名「2020年度年报」是 2020 年度，而「报告年度」（${yearAt}）是 2019 年`),
    );
    // A click goes to 报告年度's cell, and the cell is marked.
    await pane.select(x04!);
    expect(sheet.selected).toBe(yearAt);
    expect(shown(sheet, yearAt)).toBe(MARK_FILL.warning);
  });

  it('a sheet renamed is still the one re-checked; a sheet deleted ends the list with a message', async () => {
    const { excel, sheet, pane } = setup();
    excel.addSheet('其他');
    await pane.check();
    excel.book.rename(sheet.name, '年报');
    excel.edit('年报', 'D49', 5);
    await quiet();
    expect(pane.getState().result?.sheet.name).toBe('年报');
    excel.book.deleteSheet('年报');
    await quiet();
    expect(pane.getState().result).toBeUndefined();
    expect(pane.getState().notice).toMatchObject({ intent: 'error', text: '所校验的工作表已被删除。' });
  });

  it('a sheet renamed shows its new name at once where Excel tells of renames (ExcelApi 1.17); below, when the clerk comes back to the pane', async () => {
    for (const version of [17, 9]) {
      const requirements = {
        isSetSupported: (_set: string, v = '1.1') => Number(v.split('.')[1]) <= version,
      };
      Object.assign(globalThis, { Office: { context: { requirements } } });
      try {
        const excel = new FakeExcel();
        const sheet = excel.addSheet('2019年度年报');
        sheet.setValues(filledGrid('2019', WRONG, { year: 2019 }));
        excel.addSheet('说明页');
        const window = new EventTarget();
        const pane = new PaneController(new ExcelHost(excel.run, window), { recheckDelay: DELAY });
        await pane.watch();
        await pane.check();
        excel.book.rename(sheet.name, '年报');
        await quiet();
        expect([version, pane.getState().result?.sheet.name]).toEqual([
          version,
          version >= 17 ? '年报' : '2019年度年报',
        ]);
        expect(pane.getState().rechecks).toBe(version >= 17 ? 1 : 0);
        window.dispatchEvent(new Event('focus'));
        await quiet();
        expect(pane.getState().result?.sheet.name).toBe('年报');
        expect(pane.getState().rechecks).toBe(1);
        // Another sheet renamed, or nothing renamed: nothing to check again.
        excel.book.rename('说明页', '附注');
        window.dispatchEvent(new Event('focus'));
        await quiet();
        window.dispatchEvent(new Event('focus'));
        await quiet();
        expect(pane.getState().rechecks).toBe(1);
      } finally {
        Reflect.deleteProperty(globalThis, 'Office');
      }
    }
  });

  it('two 校验 pressed at once run one check and write the marks once', async () => {
    const { excel, pane } = setup();
    await pane.watch();
    await pane.check();
    excel.syncs = 0;
    const [a, b] = await Promise.all([pane.check(), pane.check()]);
    expect(a).toBe(b);
    expect(excel.syncs).toBe(2);
    expect(marks(excel)).toHaveLength(2);
  });

  it('「改为 N」 writes only the suggested value into the culprit cell, then the list clears', async () => {
    const { sheet, pane } = setup();
    await pane.check();
    const before = sheet.snapshot();
    const wrong = pane.getState().result!.findings.find((f) => f.culprit)!;
    expect(wrong.suggested).toBe(5);
    await pane.apply(wrong);
    await quiet();
    expect(sheet.at('D49').value).toBe(5);
    for (const [address, cell] of Object.entries(sheet.snapshot().cells))
      if (address !== 'D49') expect(cell.value, address).toEqual(before.cells[address]!.value);
    expect(errors(pane.getState().result!.findings)).toEqual([]);
  });

  it('「改为 N」 on a cell changed since 校验, or now a formula, writes nothing and says why', async () => {
    const { excel, sheet, pane } = setup();
    await pane.check();
    const wrong = pane.getState().result!.findings.find((f) => f.culprit)!;
    sheet.at('D49').value = 7;
    await pane.apply(wrong);
    expect(sheet.at('D49').value).toBe(7);
    expect(pane.getState().notice?.text).toContain('已被改动，未写入');
    expect(pane.getState().result!.findings.find((f) => f.culprit)?.suggested).toBe(5);

    const again = pane.getState().result!.findings.find((f) => f.culprit)!;
    excel.book.editFormula(sheet.name, 'D49', '=SUM(D30:D48)', 7);
    await pane.apply(again);
    expect(sheet.at('D49')).toMatchObject({ value: 7, formula: '=SUM(D30:D48)' });
    expect(pane.getState().notice?.text).toContain('该格是公式，未写入');
    // Its card offers 改为 no more (see FindingCard); other cells' cards still do.
    const now = pane.getState().result!.findings.find((f) => f.culprit)!;
    expect(findingAddress(now)).toBe('D49');
    expect(pane.isFormula(now)).toBe(true);
    // A number typed over it: 改为 is offered again.
    excel.book.edit(sheet.name, [['D49', 6]]);
    await quiet();
    expect(pane.isFormula(pane.getState().result!.findings.find((f) => f.culprit)!)).toBe(false);
    expect(
      pane
        .getState()
        .result!.findings.filter((f) => f.culprit && findingAddress(f) !== 'D49')
        .map((f) => pane.isFormula(f)),
    ).not.toContain(true);
  });

  it('a click on a finding selects its cell; 上一个/下一个 go round the findings in order', async () => {
    const { sheet, pane } = setup({ ...WRONG, 't4.review.total': 99 });
    await pane.check();
    await pane.select(pane.getState().result!.findings.find((f) => f.culprit)!);
    expect(sheet.selected).toBe('D49');
    await pane.step(1);
    const second = sheet.selected;
    expect(second).not.toBe('D49');
    await pane.step(1);
    await pane.step(-1);
    expect(sheet.selected).toBe(second);
    await pane.step(-1);
    expect(sheet.selected).toBe('D49');
  });

  it('上一个/下一个 go through each cell of a card that lists cells to mend, then on to the next card', async () => {
    const values = jingxiu().values;
    const keys = ['t3.r1.natural', 't3.r3_1.natural', 't3.r3_7.natural', 't3.r1.total'] as const;
    const { sheet, pane } = setup({
      ...values,
      ...Object.fromEntries(keys.map((k) => [k, String(values[k])])),
      't4.review.total': 99,
    });
    await pane.check();
    const g01 = pane.getState().result!.findings.find((f) => f.rule === 'G-01')!;
    expect(g01.addresses).toHaveLength(4);
    // A click on the card goes to its first cell; each 下一个 to the next of its cells, in the card's order.
    await pane.select(g01);
    const visited = [sheet.selected];
    for (let i = 0; i < 3; i++) {
      await pane.step(1);
      visited.push(sheet.selected);
    }
    expect(visited).toEqual(g01.addresses);
    await pane.step(1);
    expect(g01.addresses).not.toContain(sheet.selected);
    await pane.step(-1);
    expect(sheet.selected).toBe(g01.addresses![3]);
  });

  it('清除标记 removes the marks everywhere, closes the list and stops re-checking', async () => {
    const { excel, sheet, pane } = setup();
    const before = sheet.snapshot();
    await pane.check();
    await pane.clear();
    expect(pane.getState().result).toBeUndefined();
    expect(pane.getState().notice?.text).toBe('已清除 1 张工作表上的校验标记。');
    expect(sheet.snapshot()).toEqual(before);
    const syncs = excel.syncs;
    excel.edit(sheet.name, 'D49', 5);
    await quiet();
    expect(excel.syncs).toBe(syncs);
  });

  it('插入模板 asks for the year (last year by default), names the sheet after it and fills 报告年度', async () => {
    const { excel, pane } = setup();
    pane.requestInsert('2021');
    expect(pane.getState().asking).toBe('2021');
    expect(pane.defaultYear('2021')).toBe(2021);
    expect(pane.defaultYear('2019')).toBe(2019);
    // In November and December, the year ending is the one whose report is being got ready.
    const at = (month: number) =>
      new PaneController(new ExcelHost(excel.run), { now: () => new Date(2026, month, 29) });
    expect([at(0), at(9), at(10), at(11)].map((p) => p.defaultYear('2021'))).toEqual([
      2025, 2025, 2026, 2026,
    ]);
    // The body of the report checked last is offered; given, it is filled in too.
    expect(pane.defaultAgency()).toBe('');
    await pane.check();
    expect(pane.defaultAgency()).toBe('保定市竞秀区人民政府');
    await pane.insert('2021', 2024, ' 保定市竞秀区人民政府 ');
    expect(pane.getState().asking).toBeUndefined();
    const layout = templateLayout('2021');
    expect(excel.sheet('2024年度年报').cell(layout.year.row, layout.year.col).value).toBe(2024);
    expect(excel.sheet('2024年度年报').cell(layout.agency.row, layout.agency.col).value).toBe(
      '保定市竞秀区人民政府',
    );
    expect(pane.getState().notice).toEqual({
      intent: 'success',
      text: '已插入 2021 版模板「2024年度年报」。填好数字后点「校验」。',
    });
  });

  it('an Office.js failure becomes a Chinese message, and the pane stays usable', async () => {
    const { excel, pane } = setup();
    await pane.watch();
    excel.failNextSync = new OfficeError('InvalidOperationInCellEditMode', 'cell edit mode');
    await pane.check();
    expect(pane.getState().notice).toEqual({
      intent: 'error',
      text: '单元格正在编辑中：请先按回车或 Esc 结束编辑，再点「校验」。',
    });
    expect(pane.getState().busy).toBeUndefined();
    await pane.check();
    expect(pane.getState().result?.findings.length).toBeGreaterThan(0);
    expect(pane.getState().notice).toBeUndefined();
  });

  it('a check that fails after one that listed findings keeps the list, said to be out of date, until the next check', async () => {
    const { excel, sheet, pane } = setup();
    await pane.check();
    const listed = pane.getState().result!.findings;
    excel.failNextSync = new OfficeError('InvalidOperationInCellEditMode', 'cell edit mode');
    excel.edit(sheet.name, 'D49', 5);
    await quiet();
    expect(pane.getState().result!.findings).toBe(listed);
    expect(pane.getState().stale).toBe(true);
    expect(pane.getState().notice?.intent).toBe('error');
    // The next re-check that succeeds: the list is current, and why the last one failed is not said.
    excel.edit(sheet.name, 'D49', 5);
    await quiet();
    expect(pane.getState().stale).toBe(false);
    expect(pane.getState().notice).toBeUndefined();
    expect(errors(pane.getState().result!.findings)).toEqual([]);
  });

  it('a sheet with no report gives a message, not an empty list', async () => {
    const excel = new FakeExcel();
    excel.addSheet('Sheet1').setValues([['姓名', '电话']]);
    const pane = new PaneController(new ExcelHost(excel.run));
    await pane.check();
    expect(pane.getState().result).toBeUndefined();
    expect(pane.getState().notice?.intent).toBe('error');
    expect(pane.getState().notice?.text).toContain('没有找到年报表格');
    expect(pane.getState().notice?.text).not.toContain('年报在工作表');
    // No report anywhere: what to do next, not a dead end.
    expect(pane.getState().notice?.text).toContain('要新填一份年报，请点「插入模板」');
  });

  it('校验 on a sheet with no report names the sheets that hold one', async () => {
    const { excel, pane } = setup();
    excel.addSheet('Sheet1').setValues([['姓名', '电话']]);
    excel.select('Sheet1');
    await pane.check();
    expect(pane.getState().notice?.text).toBe(
      '工作表「Sheet1」中没有找到年报表格（按官方标签查找表二、表三、表四均未找到）。年报在工作表「2019年度年报」中：请点它的工作表标签，再点「校验」。',
    );
  });
});

describe('last year’s report', () => {
  function twoYears(carried = 0) {
    const [y2023, y2024] = suqian();
    const excel = new FakeExcel();
    excel.addSheet('2023').setValues(filledGrid('2021', y2023.values, { year: 2023 }));
    const now = { ...y2024.values, 't3.r2.natural': Number(y2024.values['t3.r2.natural']) + carried };
    excel.addSheet('2024').setValues(filledGrid('2021', now, { year: 2024 }));
    excel.select('2024');
    return { excel, pane: new PaneController(new ExcelHost(excel.run), { recheckDelay: DELAY }) };
  }

  it('is found in the workbook by itself: a carry-over mismatch is T3-05 with no choice made', async () => {
    const { pane } = twoYears(1);
    await pane.check();
    const result = pane.getState().result!;
    expect(result.previous).toEqual({
      label: '2023 年度 · 工作表「2023」',
      auto: true,
      sheets: [{ id: expect.any(String), name: '2023' }],
    });
    expect(ofRule(result.findings, 'T3-05').map((f) => f.cells)).toContainEqual(['t3.r2.natural']);
    expect(result.candidates.map((c) => c.label)).toEqual(['2023 年度 · 工作表「2023」']);
    // Last year's cell is named where it is, as this year's is.
    expect(ofRule(result.findings, 'T3-05')[0]!.message).toContain(
      '而上年（2023 年）报告「四、结转下年度继续办理·自然人」（工作表「2023」D48）为',
    );
  });

  it('an edit on last year’s sheet re-checks, as one on this year’s: the list never speaks of numbers gone', async () => {
    const { excel, pane } = twoYears(1);
    await pane.check();
    void pane.watch();
    const [f] = ofRule(pane.getState().result!.findings, 'T3-05');
    // Last year's carried-forward count, where the message says it is, made to agree.
    const [, at, was] = /工作表「2023」(\w+)）为 (\d+)/.exec(f!.message)!;
    excel.edit('2023', at!, Number(was) + 1);
    await quiet();
    expect(ofRule(pane.getState().result!.findings, 'T3-05')).toEqual([]);
    // Wrong again, then last year's sheet deleted: nothing compared, nothing said of it.
    excel.edit('2023', at!, Number(was));
    await quiet();
    expect(ofRule(pane.getState().result!.findings, 'T3-05')).not.toEqual([]);
    excel.book.deleteSheet('2023');
    await quiet();
    expect(pane.getState().result!.previous).toBeUndefined();
    expect(ofRule(pane.getState().result!.findings, 'T3-05')).toEqual([]);
  });

  it('can be switched off, and chosen again', async () => {
    const { pane } = twoYears(1);
    await pane.check();
    pane.setPrevious({ kind: 'none' });
    await quiet();
    expect(ofRule(pane.getState().result!.findings, 'T3-05')).toEqual([]);
    pane.setPrevious({ kind: 'sheet', sheetId: pane.getState().result!.candidates[0]!.sheetId });
    await quiet();
    expect(pane.getState().result!.previous).toMatchObject({
      label: '2023 年度 · 工作表「2023」',
      auto: false,
    });
    expect(ofRule(pane.getState().result!.findings, 'T3-05')).not.toEqual([]);
  });

  it('itself, the same year or a later year is refused with a clear message', async () => {
    const { excel, pane } = twoYears();
    await pane.check();
    pane.setPrevious({ kind: 'sheet', sheetId: excel.sheet('2024').id });
    await quiet();
    expect(pane.getState().notice?.text).toContain('上年报告不能选本表自己');
    excel.select('2023');
    await pane.check();
    pane.setPrevious({ kind: 'sheet', sheetId: excel.sheet('2024').id });
    await quiet();
    expect(pane.getState().notice?.text).toContain(
      '所选的上年报告是 2024 年度，不是本表 2023 年度的上一年度',
    );
    expect(ofRule(pane.getState().result!.findings, 'T3-05')).toEqual([]);
  });

  it('pasted text of a year long before, or of another body, is refused: no cross-year finding is invented', async () => {
    const excel = new FakeExcel();
    excel
      .addSheet('2020年度年报')
      .setValues(filledGrid('2019', jingxiu().values, { year: 2020, agency: '保定市莲池区人民政府' }));
    const pane = new PaneController(new ExcelHost(excel.run), { recheckDelay: DELAY });
    pane.usePreviousText(readFileSync(fixturePath('jingxiu-2019.txt'), 'utf8'));
    await pane.check();
    expect(pane.getState().notice?.text).toContain(
      '所选的上年报告是「保定市竞秀区人民政府」的，本表是「保定市莲池区人民政府」的，不是同一机关',
    );
    expect(
      pane.getState().result!.findings.filter((f) => f.rule.startsWith('T2-19') || f.rule === 'T3-05'),
    ).toEqual([]);
    excel
      .sheet('2020年度年报')
      .setValues(filledGrid('2019', jingxiu().values, { year: 2024, agency: '保定市竞秀区' }));
    await pane.check();
    expect(pane.getState().notice?.text).toContain(
      '所选的上年报告是 2019 年度，不是本表 2024 年度的上一年度',
    );
    // 「…竞秀区」 and 「…竞秀区人民政府」 are one body.
    excel
      .sheet('2020年度年报')
      .setValues(filledGrid('2019', jingxiu().values, { year: 2020, agency: '保定市竞秀区' }));
    await pane.check();
    expect(pane.getState().result!.previous).toEqual({
      label: '粘贴的文字（保定市竞秀区人民政府 2019 年度）',
      auto: false,
      sheets: [],
    });
  });

  it('from last year’s file: its workbook (of several years, the year before) or its page; a file of no report says so', async () => {
    const [y2023, y2024] = suqian();
    const excel = new FakeExcel();
    const now = { ...y2024.values, 't3.r2.natural': Number(y2024.values['t3.r2.natural']) + 1 };
    excel.addSheet('2024').setValues(filledGrid('2021', now, { year: 2024 }));
    const pane = new PaneController(new ExcelHost(excel.run), { recheckDelay: DELAY });
    await pane.check();
    expect(pane.getState().result!.previous).toBeUndefined();
    const wb = new ExcelJS.Workbook();
    // Two years in one workbook, alike but for the year: the year before this report's is taken.
    addTemplateSheet(wb, '2022年度年报', templateLayout('2021'), { values: y2023.values, year: 2022 });
    addTemplateSheet(wb, '2023年度年报', templateLayout('2021'), { values: y2023.values, year: 2023 });
    await pane.usePreviousFile('历年年报.xlsx', new Uint8Array(await wb.xlsx.writeBuffer()));
    await quiet();
    const result = pane.getState().result!;
    expect(result.previous).toEqual({ label: '历年年报.xlsx（2023 年度）', auto: false, sheets: [] });
    // Checked again with it, which is no update after an edit of the sheet.
    expect(pane.getState()).toMatchObject({ checks: 1, rechecks: 0 });
    expect(ofRule(result.findings, 'T3-05').map((f) => f.cells)).toContainEqual(['t3.r2.natural']);
    // Last year's cell is named in its own file, not taken for a sheet of this workbook.
    expect(ofRule(result.findings, 'T3-05')[0]!.message).toContain(
      '而上年（2023 年）报告「四、结转下年度继续办理·自然人」（历年年报.xlsx 工作表「2023年度年报」D48）为',
    );
    // Last year's published report as a saved page.
    const page = reportHtml('2021', y2023.values, {
      title: '2023年政府信息公开工作年度报告',
      parts: ['本年度……', '存在的问题……', '无。'],
      signature: '',
      date: '2024年1月20日',
    });
    await pane.usePreviousFile('2023.html', new TextEncoder().encode(page));
    await quiet();
    expect(pane.getState().result!.previous?.label).toBe('2023.html（2023 年度）');
    expect(ofRule(pane.getState().result!.findings, 'T3-05').map((f) => f.cells)).toContainEqual([
      't3.r2.natural',
    ]);
    await pane.usePreviousFile('说明.txt', new TextEncoder().encode('明天把 2023 年的再核对一遍。'));
    expect(pane.getState().notice?.text).toBe(
      '上年报告：说明.txt：不是年报：文中没有官方表格的标签和年报各部分的标题，也没有「政府信息公开」「年度报告」等字样。',
    );
    // What was chosen before stays.
    expect(pane.getState().previous).toMatchObject({ kind: 'text', label: '2023.html（2023 年度）' });
  });

  it('from pasted text; a paste that is not a report says so', async () => {
    const { pane } = setup(jingxiu().values);
    pane.usePreviousText(readFileSync(fixturePath('jingxiu-2019.txt'), 'utf8'));
    expect(pane.getState().previous).toMatchObject({
      kind: 'text',
      label: '粘贴的文字（保定市竞秀区人民政府 2019 年度）',
    });
    pane.usePreviousText('你好');
    expect(pane.getState().notice?.text).toMatch(/^上年报告：没有找到年报表格/);
  });
});

describe('a workbook as clerks build it', () => {
  it('tables on three sheets are one report: clean, and marks land on each table’s own sheet', async () => {
    const excel = new FakeExcel();
    const v = jingxiu().values;
    const bad = { ...v, 't3.r3_7.natural': 4, 't4.review.total': 99 };
    excel.addSheet('表二').setValues(tableSheet('2019', 't2', bad, 2019));
    excel.addSheet('表三').setValues(tableSheet('2019', 't3', bad));
    excel.addSheet('表四').setValues(tableSheet('2019', 't4', bad));
    excel.select('表三');
    const pane = new PaneController(new ExcelHost(excel.run), { recheckDelay: DELAY });
    await pane.check();
    const result = pane.getState().result!;
    expect(result.sheets.map((s) => s.name)).toEqual(['表二', '表三', '表四']);
    expect(marks(excel).length).toBeGreaterThan(0);
    expect(excel.sheet('表三').conditionalFormats.some((cf) => isMarkFormula(cf.formula))).toBe(true);
    expect(excel.sheet('表四').conditionalFormats.some((cf) => isMarkFormula(cf.formula))).toBe(true);
    expect(excel.sheet('表二').conditionalFormats).toEqual([]);
    // A click on a table-4 finding switches to its sheet.
    await pane.select(result.findings.find((f) => f.table === 't4' && f.addresses)!);
    expect(excel.active).toBe('表四');
    // Editing table 4's sheet re-checks the report.
    const t4 = result.findings.find((f) => f.rule === 'T4-01')!;
    excel.edit('表四', t4.addresses![0]!, '');
    await quiet();
    expect(ofRule(pane.getState().result!.findings, 'T4-01')).toEqual([]);

    const clean = new FakeExcel();
    clean.addSheet('表二').setValues(tableSheet('2019', 't2', v, 2019));
    clean.addSheet('表三').setValues(tableSheet('2019', 't3', v));
    clean.addSheet('表四').setValues(tableSheet('2019', 't4', v));
    const p2 = new PaneController(new ExcelHost(clean.run));
    await p2.check();
    expect(p2.getState().result!.findings.map((f) => f.rule)).toEqual(['X-02']);
  });
});

describe('说明 and the 审核报告', () => {
  /** A count typed in full-width digits: text Excel does not add up, a G-01 warning the clerk can answer. */
  const wide = (n: unknown) => String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
  const natural = Number(jingxiu().values['t3.r1.natural']);
  const TEXT_COUNT = { ...jingxiu().values, 't3.r1.natural': wide(natural) };

  it('a 说明 answers a warning, is kept on a hidden sheet, survives re-checks and lapses when the value changes', async () => {
    const { excel, sheet, pane } = setup(TEXT_COUNT);
    await pane.check();
    const warning = pane.getState().result!.findings.find((f) => f.rule === 'G-01')!;
    expect(warning.severity).toBe('warning');
    await pane.explain(warning, '原始台账即为此数，已核实');
    const notes = excel.sheet(NOTES_SHEET);
    expect(notes.visibility).toBe('VeryHidden');
    const answered = pane.getState().result!.findings.find((f) => f.rule === 'G-01')!;
    expect(answered.note).toEqual({ text: '原始台账即为此数，已核实', at: '2020-01-20 15:04' });
    expect(pane.getState().result!.findings.filter((f) => f.severity === 'warning' && !f.note)).toEqual([]);
    // Answered warnings are not marked on the sheet.
    const at = findingAddress(answered)!;
    expect(shown(sheet, at)).toBeUndefined();

    // A new session on the same workbook (reopened): the 说明 is still there.
    const reopened = new PaneController(new ExcelHost(excel.run));
    await reopened.check();
    expect(reopened.getState().result!.findings.find((f) => f.rule === 'G-01')!.note).toBeDefined();

    excel.edit(sheet.name, at, wide(natural + 1));
    await quiet();
    const lapsed = pane
      .getState()
      .result!.findings.find((f) => f.rule === 'G-01' && f.cells[0] === 't3.r1.natural');
    expect(lapsed?.note).toBeUndefined();
    // Not silently: the 说明 that lapsed is named, with its text, to be given again.
    expect(pane.getState().notice?.text).toMatch(
      /^1 条说明因所说明的数字已改动而失效，请核实后重新说明：表三 \w+\d+「原始台账即为此数，已核实」（2020-01-20 15:04）。$/,
    );
    // Explained again: what lapsed is said no more, and the answered warning is no place to go through.
    await pane.explain(lapsed!, '已再次核实');
    expect(pane.getState().notice).toBeUndefined();
    expect(stopsOf(pane.getState().result!.findings).map((s) => s.finding.rule)).not.toContain('G-01');
  });

  it('an empty 说明 withdraws it', async () => {
    const { pane } = setup(TEXT_COUNT);
    await pane.check();
    const warning = pane.getState().result!.findings.find((f) => f.rule === 'G-01')!;
    await pane.explain(warning, '已核实');
    await pane.explain(
      pane.getState().result!.findings.find((f) => f.rule === 'G-01')!,
      '  ',
    );
    expect(pane.getState().result!.findings.find((f) => f.rule === 'G-01')!.note).toBeUndefined();
  });

  it('生成审核报告 checks afresh, writes a sheet that prints on A4 in two syncs more, and rewrites it next time', async () => {
    const { excel, pane } = setup();
    await pane.check();
    excel.syncs = 0;
    await pane.check();
    const perCheck = excel.syncs;
    excel.syncs = 0;
    await pane.audit();
    expect(excel.syncs).toBe(perCheck + 2);
    const audit = excel.sheet(AUDIT_SHEET);
    const texts = [...audit.cells.values()].map((c) => String(c.value));
    expect(texts).toContain('政府信息公开工作年度报告审核报告');
    expect(texts.some((t) => t.includes('审核结果：未通过（3 个错误）'))).toBe(true);
    // On paper no hover explains a rule id: each one cited is said under the table.
    const legend = texts.find((t) => t.startsWith('规则：'));
    expect(legend).toMatch(/^规则：T3-01 .+；T3-02 .+；T3-03 .+。$/);
    expect(audit.pageLayout).toMatchObject({ orientation: 'Portrait', paperSize: 'A4' });
    // Messages wrap in column E, and the rows grow to show them whole.
    expect(audit.cells.get('E6')?.format).toMatchObject({ wrapText: true, autofitRows: true });
    expect(excel.active).toBe(AUDIT_SHEET);
    expect(pane.getState().notice?.text).toBe('审核报告已写入「审核报告」，可直接打印或存档。');
    await pane.audit();
    expect(excel.sheets.filter((s) => s.name.startsWith(AUDIT_SHEET))).toHaveLength(1);
    // The 审核报告 sheet is never taken for a report, and a re-check is not disturbed by it.
    excel.select('2019年度年报');
    await pane.check();
    expect(pane.getState().result!.sheet.name).toBe('2019年度年报');
  });
});

describe('生成审核报告 as the sheet is now', () => {
  it('names the sheet as it is called now, renamed since 校验', async () => {
    const { excel, sheet, pane } = setup();
    await pane.check();
    excel.book.rename(sheet.name, '竞秀区2019');
    await pane.audit();
    const texts = [...excel.sheet(AUDIT_SHEET).cells.values()].map((c) => String(c.value));
    expect(texts.some((t) => t.includes('工作表「竞秀区2019」'))).toBe(true);
    expect(texts.some((t) => t.includes('2019年度年报'))).toBe(false);
  });

  it('says another report of the same year with other numbers in the workbook (a draft kept), hidden or not', async () => {
    const { excel, pane } = setup(jingxiu().values);
    const draft = excel.addSheet('2019年度年报(2)');
    draft.setValues(
      filledGrid(
        '2019',
        { ...jingxiu().values, 't3.r1.natural': 6, 't3.r1.total': 6 },
        { year: 2019, agency: '保定市竞秀区人民政府' },
      ),
    );
    excel.select('2019年度年报');
    await pane.audit();
    const said = () =>
      [...excel.sheet(AUDIT_SHEET).cells.values()]
        .map((c) => String(c.value))
        .filter((t) => t.startsWith('需要确认'));
    expect(said()).toEqual([
      '需要确认：本文件中另有同一年度、数字不同的报告（2019 年度 · 保定市竞秀区人民政府 · 工作表「2019年度年报(2)」）：请确认审核的是要发布的那一份。',
    ]);
    excel.book.setVisibility(excel.book.sheet('2019年度年报(2)')!, 'Hidden');
    excel.select('2019年度年报');
    await pane.audit();
    expect(said()[0]).toContain('工作表「2019年度年报(2)」（隐藏）');
    // The same numbers (a copy) are no other report.
    draft.setValues(filledGrid('2019', jingxiu().values, { year: 2019, agency: '保定市竞秀区人民政府' }));
    excel.select('2019年度年报');
    await pane.audit();
    expect(said()).toEqual([]);
  });

  it('from the ribbon before any 校验: checks first, then writes it; on a sheet with no report, says why', async () => {
    const { excel, pane } = setup();
    await pane.audit();
    expect(excel.sheets.some((s) => s.name === AUDIT_SHEET)).toBe(true);
    expect(pane.getState().checks).toBe(1);

    const empty = new FakeExcel();
    empty.addSheet('Sheet1').setValues([['姓名', '电话']]);
    const other = new PaneController(new ExcelHost(empty.run));
    await other.audit();
    expect(empty.sheets.some((s) => s.name === AUDIT_SHEET)).toBe(false);
    expect(other.getState().notice?.text).toContain('没有找到年报表格');
  });
});

describe('改为 and 第 N 次校验', () => {
  it('改为 pressed before an edit was re-checked: the list is made again first, and a stale fix is not written', async () => {
    const { excel, sheet, pane } = setup();
    await pane.watch();
    await pane.check();
    const fix = pane.getState().result!.findings.find((f) => f.culprit === 't3.r3_7.natural')!;
    expect(fix.suggested).toBe(5);
    // The clerk decides (七)总计 4 was right and changes 予以公开 2 → 1 and 本年新收 5 → 4 to
    // match, the re-check not yet run: 改为 5 no longer mends anything.
    const at = (key: string) => toAddress(templateLayout('2019').cells.find((c) => c.key === key)!.pos);
    excel.edit(sheet.name, at('t3.r3_1.natural'), 1);
    excel.edit(sheet.name, at('t3.r1.natural'), 4);
    // Excel has told of the edits; the re-check waits for the clerk to pause.
    await new Promise((r) => setTimeout(r, 1));
    await pane.apply(fix);
    expect(excel.sheet(sheet.name).cells.get('D49')?.value).toBe(4);
    expect(pane.getState().notice?.text).toContain('原来的建议已不适用');
  });

  it('第 N 次校验 counts the checks of the sheet in front, from one on another sheet', async () => {
    const { excel, sheet, pane } = setup();
    const other = excel.addSheet('2020年度年报');
    other.setValues(filledGrid('2019', WRONG, { year: 2020 }));
    excel.select(sheet.name);
    await pane.check();
    await pane.check();
    expect(pane.getState().checks).toBe(2);
    excel.select(other.name);
    await pane.check();
    expect(pane.getState().checks).toBe(1);
  });
});

describe('导入已发布年报', () => {
  it('from its file: a Word file fills a new template sheet; a .doc says to save it as .docx', async () => {
    const excel = new FakeExcel();
    excel.addSheet('Sheet1');
    const pane = new PaneController(new ExcelHost(excel.run));
    await pane.importFile('宿迁2024.docx', readFileSync(fixturePath('suqian-2024.docx')));
    expect(pane.getState().notice?.text).toMatch(
      // 表二 is empty in the published report: its cells are not counted as numbers, and said.
      /^已导入 宿迁市 2024 年度的 190 个数字（2021 版）到「2024年度年报」；表二有 10 格原文没有填数（空着，或只有「\/」「-」「无」之类），已留空。/,
    );
    await pane.importFile('年报.doc', readFileSync(fixturePath('jingxiu-2019.doc')));
    expect(pane.getState().notice).toMatchObject({
      intent: 'error',
      text: expect.stringContaining('另存为 .docx'),
    });
    expect(excel.sheets.map((s) => s.name)).toEqual(['Sheet1', '2024年度年报']);
  });

  it('fills a new template sheet that checks clean', async () => {
    const excel = new FakeExcel();
    excel.addSheet('Sheet1');
    const pane = new PaneController(new ExcelHost(excel.run));
    await pane.importText(readFileSync(fixturePath('jingxiu-2019.txt'), 'utf8'));
    expect(pane.getState().notice?.text).toBe(
      '已导入 保定市竞秀区人民政府 2019 年度的 198 个数字（2019 版）到「2019年度年报」。点「校验」检查。',
    );
    expect(excel.active).toBe('2019年度年报');
    const result = await pane.check();
    expect(result!.report!.agency).toBe('保定市竞秀区人民政府');
    expect(errors(result!.findings)).toEqual([]);
  });

  it('a number the page wrote full-width goes in as the number, and the notice says so', async () => {
    const excel = new FakeExcel();
    excel.addSheet('Sheet1');
    const pane = new PaneController(new ExcelHost(excel.run));
    await pane.importText(seedTextWith('０'));
    expect(pane.getState().notice?.text).toMatch(
      /「０」写成了求和时会被略过的文本（如千分位逗号、全角数字、带单位），已按数字填入。点「校验」检查。$/,
    );
    const result = await pane.check();
    expect(result!.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });
});

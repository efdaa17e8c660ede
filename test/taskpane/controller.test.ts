import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FakeExcel, OfficeError } from '../../src/dev/fake-excel.js';
import { MARK_FILL } from '../../src/host/marks.js';
import { findingAddress } from '../../src/report/finding.js';
import { ExcelHost } from '../../src/excel/host.js';
import { PaneController } from '../../src/taskpane/controller.js';
import { errors, filledGrid, fixturePath, jingxiu, ofRule, suqian, type Values } from '../helpers.js';

const DELAY = 20;
const quiet = () => new Promise((r) => setTimeout(r, DELAY * 5));

function setup(values: Values = { ...jingxiu().values, 't3.r3_7.natural': 4 }) {
  const excel = new FakeExcel();
  const sheet = excel.addSheet('2019年度年报');
  sheet.setValues(filledGrid('2019', values, { year: 2019 }));
  const pane = new PaneController(new ExcelHost(excel.run), { recheckDelay: DELAY });
  return { excel, sheet, pane };
}

describe('the sidebar controller', () => {
  it('校验 lists the findings, and the list re-checks by itself when the clerk fixes the cell', async () => {
    const { excel, sheet, pane } = setup();
    await pane.check();
    const wrong = pane.getState().result!.findings.find((f) => f.culprit === 't3.r3_7.natural')!;
    expect(findingAddress(wrong)).toBe('D49');
    expect(sheet.cells.get('D49')!.fill.color).toBe(MARK_FILL.culprit);

    excel.edit(sheet.name, 'D49', 5);
    await quiet();
    expect(errors(pane.getState().result!.findings)).toEqual([]);
    expect(pane.getState().checks).toBe(2);
    expect(sheet.cells.get('D49')!.fill.pattern).toBe('None');
  });

  it('edits in quick succession give one re-check, after the last', async () => {
    const { excel, sheet, pane } = setup();
    await pane.check();
    for (const v of [1, 2, 3, 5]) excel.edit(sheet.name, 'D49', v);
    await quiet();
    expect(pane.getState().checks).toBe(2);
    expect(errors(pane.getState().result!.findings)).toEqual([]);
  });

  it('edits on another sheet, or before any 校验, do not re-check', async () => {
    const { excel, sheet, pane } = setup();
    await pane.watch();
    excel.edit(sheet.name, 'D49', 5);
    await quiet();
    expect(pane.getState().checks).toBe(0);
    await pane.check();
    excel.addSheet('草稿');
    excel.edit('草稿', 'A1', 1);
    await quiet();
    expect(pane.getState().checks).toBe(1);
  });

  it('「改为 N」 writes only the suggested value into the culprit cell, then the list clears', async () => {
    const { sheet, pane } = setup();
    await pane.check();
    const before = sheet.snapshot();
    const wrong = pane.getState().result!.findings.find((f) => f.culprit)!;
    expect(wrong.suggested).toBe(5);
    await pane.apply(wrong);
    await quiet();
    expect(sheet.cells.get('D49')!.value).toBe(5);
    for (const [address, cell] of sheet.cells)
      if (address !== 'D49') expect(cell.value, address).toEqual(before[address]!.value);
    expect(errors(pane.getState().result!.findings)).toEqual([]);
  });

  it('a click on a finding selects its cell', async () => {
    const { sheet, pane } = setup();
    await pane.check();
    await pane.select(pane.getState().result!.findings.find((f) => f.culprit)!);
    expect(sheet.selected).toBe('D49');
  });

  it('清除标记 removes the marks, closes the list and stops re-checking', async () => {
    const { excel, sheet, pane } = setup();
    const before = sheet.snapshot();
    await pane.check();
    await pane.clear();
    expect(pane.getState().result).toBeUndefined();
    expect(pane.getState().notice?.text).toMatch(/已清除 \d+ 个单元格的标记/);
    expect(sheet.snapshot()).toEqual(before);
    excel.edit(sheet.name, 'D49', 5);
    await quiet();
    expect(pane.getState().checks).toBe(1);
  });

  it('插入模板 adds a sheet and says so', async () => {
    const { excel, pane } = setup();
    await pane.insert('2021', 2024);
    expect(excel.sheets.map((s) => s.name)).toContain('2024年度年报');
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

  it('a sheet with no report gives a message, not an empty list', async () => {
    const excel = new FakeExcel();
    excel.addSheet('Sheet1').setValues([['姓名', '电话']]);
    const pane = new PaneController(new ExcelHost(excel.run));
    await pane.check();
    expect(pane.getState().result).toBeUndefined();
    expect(pane.getState().notice?.intent).toBe('error');
    expect(pane.getState().notice?.text).toContain('没有找到年报表格');
  });

  it('last year from another sheet: the cross-year rules run, and say which sheet', async () => {
    const [y2023, y2024] = suqian();
    const excel = new FakeExcel();
    excel.addSheet('2023').setValues(filledGrid('2021', y2023.values, { year: 2023 }));
    const wrong = { ...y2024.values, 't3.r2.natural': Number(y2024.values['t3.r2.natural']) + 1 };
    const sheet = excel.addSheet('2024');
    sheet.setValues(filledGrid('2021', wrong, { year: 2024 }));
    excel.select('2024');
    const pane = new PaneController(new ExcelHost(excel.run));
    expect(await pane.sheets()).toEqual(['2023', '2024']);
    await pane.check();
    expect(ofRule(pane.getState().result!.findings, 'T3-05')).toEqual([]);
    await pane.usePreviousSheet('2023');
    await quiet();
    expect(pane.getState().previous?.label).toBe('工作表「2023」');
    const t305 = ofRule(pane.getState().result!.findings, 'T3-05');
    expect(t305.map((f) => f.cells)).toContainEqual(['t3.r2.natural']);
  });

  it('last year from pasted text, and a paste that is not a report says so', async () => {
    const { pane } = setup(jingxiu().values);
    pane.usePreviousText(readFileSync(fixturePath('jingxiu-2019.txt'), 'utf8'));
    expect(pane.getState().previous?.label).toBe('粘贴的文字（保定市竞秀区人民政府 2019 年度）');
    pane.usePreviousText('你好');
    expect(pane.getState().notice?.text).toMatch(/^上年报告：没有找到年报表格/);
  });

  it('导入已发布年报 fills a new template sheet that checks clean', async () => {
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
});

import { describe, expect, it } from 'vitest';
import { FakeExcel, OfficeError } from '../../src/dev/fake-excel.js';
import { explainExcelError } from '../../src/excel/errors.js';
import { ExcelHost } from '../../src/excel/host.js';
import { insertTemplate } from '../../src/excel/insert.js';
import { LEGACY_SETTING } from '../../src/excel/read.js';
import { checkWorkbook } from '../../src/host/check.js';
import { isMarkFormula, MARK_FILL } from '../../src/host/marks.js';
import { parseAddress, toAddress } from '../../src/report/address.js';
import { templateLayout } from '../../src/report/template.js';
import { filledGrid, jingxiu, type Values } from '../helpers.js';

/** The 2019 template two rows down and one column right of A1, as a clerk may have pasted it. */
function workbook(values: Values = jingxiu().values) {
  const excel = new FakeExcel();
  const sheet = excel.addSheet('2019年度年报');
  sheet.setValues(filledGrid('2019', values, { year: 2019, agency: '保定市竞秀区人民政府' }), 2, 1);
  return { excel, sheet, host: new ExcelHost(excel.run) };
}

const WRONG = { ...jingxiu().values, 't3.r3_7.natural': 4 };
/** Where the wrong total and a cell of its identity sit on that sheet. */
const TOTAL = 'E51';
const PART = 'E32';

const ours = (excel: FakeExcel) =>
  excel.sheets.flatMap((s) => s.conditionalFormats.filter((cf) => isMarkFormula(cf.formula)));
/** The fill a person sees on the cell: a mark's, the clerk's own rule's, or the cell's own. */
const shown = (excel: FakeExcel, sheet: string, address: string) => {
  const p = parseAddress(address);
  return excel.sheet(sheet).shownFill(p.row, p.col);
};

describe('the fake behaves like Office.js', () => {
  it('properties cannot be read before load and sync', async () => {
    const { excel } = workbook();
    const ctx = excel.context() as unknown as Excel.RequestContext;
    const range = ctx.workbook.worksheets.getActiveWorksheet().getRange('B3');
    expect(() => range.values).toThrow(/not available/);
    range.load('values');
    expect(() => range.values).toThrow(/not available/);
    await ctx.sync();
    expect(range.values).toEqual([['政府信息公开工作年度报告']]);
    expect(excel.syncs).toBe(1);
  });

  it('conditional formats are listed through a range, and a new one goes on top', async () => {
    const { excel, sheet } = workbook();
    sheet.addConditionalFormat({
      type: 'CellValue',
      fill: '#00FF00',
      areas: [{ top: 0, left: 0, bottom: 9, right: 9 }],
    });
    const ctx = excel.context() as unknown as Excel.RequestContext;
    const ws = ctx.workbook.worksheets.getActiveWorksheet();
    const added = ws.getRanges('A1,C3').conditionalFormats.add('Custom');
    added.custom.rule.formula = '=TRUE';
    added.custom.format.fill.color = '#ff0000';
    const all = ws.getRange().conditionalFormats;
    all.load('items/id,items/type,items/customOrNullObject/rule/formula');
    await ctx.sync();
    expect(all.items.map((cf) => [cf.type, cf.customOrNullObject.isNullObject])).toEqual([
      ['Custom', false],
      ['CellValue', true],
    ]);
    expect(shown(excel, '2019年度年报', 'C3')).toBe('#FF0000');
    expect(shown(excel, '2019年度年报', 'B2')).toBe('#00FF00');
  });
});

describe('校验 through Office.js', () => {
  it('a report that balances: one read sync (after the first listing), one write sync, nothing marked', async () => {
    const { excel, sheet, host } = workbook();
    const before = sheet.snapshot();
    await host.watchChanges(() => undefined);
    await checkWorkbook(host);
    excel.syncs = 0;
    const result = await checkWorkbook(host);
    expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(result.marked).toBe(true);
    expect(excel.syncs).toBe(2);
    expect(sheet.snapshot()).toEqual(before);
  });

  it('Excel calculating by hand (F9), with a formula in the report: G-06 said, read with the sheets in one sync', async () => {
    const { excel, host } = workbook();
    excel.syncs = 0;
    expect((await checkWorkbook(host)).findings.some((f) => f.rule === 'G-06')).toBe(false);
    excel.book.calculation = 'manual';
    // No formula yet: nothing to be old.
    expect((await checkWorkbook(host)).findings.some((f) => f.rule === 'G-06')).toBe(false);
    excel.book.editFormula('2019年度年报', TOTAL, '=SUM(E32:E50)', 5);
    excel.book.calculation = 'automatic';
    await checkWorkbook(host);
    excel.syncs = 0;
    await checkWorkbook(host);
    const automatic = excel.syncs;
    excel.book.calculation = 'manual';
    excel.syncs = 0;
    const result = await checkWorkbook(host);
    expect(result.findings.filter((f) => f.rule === 'G-06')).toEqual([
      expect.objectContaining({
        severity: 'warning',
        message: expect.stringMatching(/^工作簿设成了「手动计算」/),
      }),
    ]);
    // The calculation is read with the sheets: no sync more.
    expect(excel.syncs).toBe(automatic);
  });

  it('reads the used range wherever it starts, with sheet addresses', async () => {
    const { host } = workbook(WRONG);
    const result = await checkWorkbook(host);
    const culprit = result.findings.find((f) => f.culprit === 't3.r3_7.natural')!;
    expect(culprit.addresses![culprit.cells.indexOf('t3.r3_7.natural')]).toBe(TOTAL);
  });

  it('marks with conditional formats, one per kind, on top; no cell format and no value changes', async () => {
    const { excel, sheet, host } = workbook(WRONG);
    const before = sheet.snapshot();
    await checkWorkbook(host);
    expect(shown(excel, sheet.name, TOTAL)).toBe(MARK_FILL.culprit);
    expect(shown(excel, sheet.name, PART)).toBe(MARK_FILL.involved);
    const mine = ours(excel);
    expect(new Set(mine.map((cf) => cf.fill))).toEqual(new Set([MARK_FILL.culprit, MARK_FILL.involved]));
    expect(mine).toHaveLength(2);
    const after = sheet.snapshot();
    expect(after.cells).toEqual(before.cells);
    expect(after.merges).toEqual(before.merges);
  });

  it('more than 500 marked areas are written in several rules that getRanges accepts', async () => {
    const values = Object.fromEntries(
      Object.keys(jingxiu().values).map((k) => [k, k.startsWith('t3') ? '五' : 0]),
    );
    const { excel, host } = workbook(values);
    const read = await host.read();
    const plan = new Map([
      [
        read.active.id,
        new Map(
          Array.from({ length: 1200 }, (_, i) => [
            toAddress({ row: 100 + i, col: i % 3 }),
            'warning' as const,
          ]),
        ),
      ],
    ]);
    excel.syncs = 0;
    await host.writeMarks(read, plan);
    expect(excel.syncs).toBe(1);
    expect(ours(excel).length).toBe(3);
    expect(ours(excel).flatMap((cf) => cf.areas)).toHaveLength(1200);
  });

  it('the inserted template stays protected and is still marked: its protection allows formats', async () => {
    const excel = new FakeExcel();
    excel.addSheet('Sheet1');
    const name = await excel.run((ctx) => insertTemplate(ctx, '2019', { year: 2019 }));
    const layout = templateLayout('2019');
    const total = layout.cells.find((c) => c.key === 't3.r3_7.natural')!;
    excel.edit(
      name,
      layout.cells
        .filter((c) => c.key)
        .map((c) => [toAddress(c.pos), c === total ? 4 : (jingxiu().values[c.key!] ?? '')] as const),
    );
    const result = await checkWorkbook(new ExcelHost(excel.run));
    expect(excel.sheet(name).protected).toBe(true);
    expect(result.marked).toBe(true);
    expect(excel.sheet(name).shownFill(total.pos.row, total.pos.col)).toBe(MARK_FILL.culprit);
  });

  it('a protected sheet is checked and listed, but not marked, with a message saying why', async () => {
    const { sheet, host } = workbook(WRONG);
    sheet.protected = true;
    const before = sheet.snapshot();
    const result = await checkWorkbook(host);
    expect(result.marked).toBe(false);
    expect(result.problem).toContain('受保护');
    expect(result.findings.some((f) => f.culprit === 't3.r3_7.natural')).toBe(true);
    expect(sheet.snapshot()).toEqual(before);
  });

  it('a sheet with no report gives a message, and an empty sheet too', async () => {
    const excel = new FakeExcel();
    excel.addSheet('Sheet1').setValues([['姓名', '电话']]);
    expect((await checkWorkbook(new ExcelHost(excel.run))).problem).toContain(
      '工作表「Sheet1」中没有找到年报表格',
    );
    const empty = new FakeExcel();
    empty.addSheet('空表');
    expect((await checkWorkbook(new ExcelHost(empty.run))).problem).toContain(
      '工作表「空表」中没有找到年报表格',
    );
  });

  it('a click on a finding activates its sheet and selects its cell, in one sync', async () => {
    const { excel, sheet, host } = workbook();
    excel.addSheet('其他');
    excel.active = '其他';
    excel.syncs = 0;
    await host.select(sheet.id, TOTAL);
    expect([excel.active, sheet.selected, excel.syncs]).toEqual(['2019年度年报', TOTAL, 1]);
  });

  it('Office.js errors get a Chinese message', () => {
    expect(explainExcelError(new OfficeError('InvalidOperationInCellEditMode', 'x'))).toContain(
      '单元格正在编辑中',
    );
    expect(explainExcelError(new Error('boom'))).toContain('boom');
  });
});

describe('清除标记 leaves every format of the clerk as it was, whatever happened after 校验', () => {
  /** A sheet with the clerk's own fills (a tint, a pattern, white) and the clerk's own conditional format. */
  function dressed() {
    const w = workbook(WRONG);
    w.excel.fill(w.sheet.name, TOTAL, { pattern: 'Solid', color: '#FFFFFF' });
    w.excel.fill(w.sheet.name, PART, { pattern: 'Solid', color: '#C6EFCE', tintAndShade: 0.4 });
    w.excel.fill(w.sheet.name, 'B51:K51', { pattern: 'LightUp', color: '#DDEBF7', patternColor: '#1F4E78' });
    w.sheet.addConditionalFormat({
      type: 'CellValue',
      fill: '#FFC000',
      areas: [{ top: 30, left: 4, bottom: 50, right: 4 }],
    });
    return w;
  }
  const clean = (w: ReturnType<typeof workbook>) => {
    expect(ours(w.excel)).toEqual([]);
  };
  /** What the clerk made of the sheet: everything but our marks. */
  const clerks = (w: ReturnType<typeof workbook>) => {
    const snap = w.sheet.snapshot();
    const own = snap.conditionalFormats.filter((cf) => !isMarkFormula(cf.formula));
    // Their order among themselves is what the clerk set; ours sat on top.
    return { ...snap, conditionalFormats: own.map((cf, i) => ({ ...cf, priority: i })) };
  };

  it('nothing happened: the sheet is exactly as before', async () => {
    const w = dressed();
    await w.host.watchChanges(() => undefined);
    const before = w.sheet.snapshot();
    await checkWorkbook(w.host);
    expect(shown(w.excel, w.sheet.name, TOTAL)).toBe(MARK_FILL.culprit);
    w.excel.syncs = 0;
    expect(await w.host.clearMarks()).toBe(1);
    expect(w.excel.syncs).toBeLessThanOrEqual(2);
    clean(w);
    expect(w.sheet.snapshot()).toEqual(before);
  });

  it('a row deleted (the one 校验 asked to delete) and a row inserted', async () => {
    const w = dressed();
    await checkWorkbook(w.host);
    w.excel.book.deleteRows(w.sheet.name, 45);
    w.excel.book.insertRows(w.sheet.name, 10, 2);
    const before = clerks(w);
    await checkWorkbook(w.host);
    await w.host.clearMarks();
    clean(w);
    expect(w.sheet.snapshot()).toEqual(before);
  });

  it('the sheet renamed', async () => {
    const w = dressed();
    await checkWorkbook(w.host);
    w.excel.book.rename(w.sheet.name, '年报（改名）');
    const before = clerks(w);
    await w.host.clearMarks();
    clean(w);
    expect(w.sheet.snapshot()).toEqual(before);
  });

  it('a marked cell filled anew by the clerk keeps the new fill', async () => {
    const w = dressed();
    await checkWorkbook(w.host);
    w.excel.fill(w.sheet.name, TOTAL, { pattern: 'Solid', color: '#FFFF00' });
    await checkWorkbook(w.host);
    const before = clerks(w);
    await w.host.clearMarks();
    clean(w);
    expect(w.sheet.snapshot()).toEqual(before);
    expect(w.sheet.at(TOTAL).fill.color).toBe('#FFFF00');
  });

  it('two 校验 at once leave one set of marks', async () => {
    const w = dressed();
    const before = w.sheet.snapshot();
    await Promise.all([checkWorkbook(w.host), checkWorkbook(w.host)]);
    expect(ours(w.excel).length).toBeGreaterThan(0);
    await w.host.clearMarks();
    clean(w);
    expect(w.sheet.snapshot()).toEqual(before);
  });

  it('marks of an earlier version (fills and a saved record, even a damaged one) are put back once', async () => {
    const w = workbook(WRONG);
    const before = w.sheet.snapshot();
    // What the earlier version did: red fill on the cell, its own fill in a setting.
    w.sheet.at(TOTAL).fill = { pattern: 'Solid', color: MARK_FILL.culprit };
    w.excel.settings.set(
      LEGACY_SETTING,
      JSON.stringify({ [w.sheet.name]: { [TOTAL]: { pattern: 'None', color: '#FFFFFF' } } }),
    );
    await checkWorkbook(w.host);
    expect(w.excel.settings.has(LEGACY_SETTING)).toBe(false);
    expect(w.sheet.at(TOTAL).fill.pattern).toBe('None');
    await w.host.clearMarks();
    expect(w.sheet.snapshot()).toEqual(before);

    w.excel.settings.set(LEGACY_SETTING, '{not json');
    await checkWorkbook(w.host);
    expect(w.excel.settings.has(LEGACY_SETTING)).toBe(false);
  });
});

describe('改为 N', () => {
  it('writes only into the cell as it was at 校验, in two syncs', async () => {
    const { excel, sheet, host } = workbook(WRONG);
    excel.syncs = 0;
    expect(await host.applyValue(sheet.id, TOTAL, 4, 5)).toBe('written');
    expect(excel.syncs).toBe(2);
    expect(sheet.at(TOTAL).value).toBe(5);
  });

  it('writes nothing into a cell changed since, or holding a formula', async () => {
    const { excel, sheet, host } = workbook(WRONG);
    excel.edit(sheet.name, TOTAL, 7);
    expect(await host.applyValue(sheet.id, TOTAL, 4, 5)).toBe('changed');
    expect(sheet.at(TOTAL).value).toBe(7);
    excel.book.editFormula(sheet.name, TOTAL, '=SUM(E32:E50)', 4);
    expect(await host.applyValue(sheet.id, TOTAL, 4, 5)).toBe('formula');
    expect(sheet.at(TOTAL)).toMatchObject({ value: 4, formula: '=SUM(E32:E50)' });
  });
});

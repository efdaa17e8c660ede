import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/report/finding.js';
import { readActiveSheet, writeMarks } from '../../src/excel/marks.js';
import { explainExcelError } from '../../src/excel/errors.js';
import { ExcelHost } from '../../src/excel/host.js';
import { checkActiveSheet } from '../../src/host/check.js';
import { MARK_FILL, planMarks } from '../../src/host/marks.js';
import { insertTemplate } from '../../src/excel/insert.js';
import { toAddress } from '../../src/report/address.js';
import { templateLayout } from '../../src/report/template.js';
import { filledGrid, jingxiu } from '../helpers.js';
import { FakeExcel, OfficeError } from '../../src/dev/fake-excel.js';

function workbook(values = jingxiu().values) {
  const excel = new FakeExcel();
  const sheet = excel.addSheet('2019年度年报');
  sheet.setValues(filledGrid('2019', values, { year: 2019 }), 2, 1);
  return { excel, sheet };
}

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
});

describe('校验 through Office.js', () => {
  it('a report that balances: one read sync, one write sync, nothing marked', async () => {
    const { excel, sheet } = workbook();
    const before = sheet.snapshot();
    const result = await checkActiveSheet(new ExcelHost(excel.run));
    expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(result.marked).toBe(true);
    expect(excel.syncs).toBe(2);
    expect(sheet.snapshot()).toEqual(before);
  });

  it('reads the used range wherever it starts, with sheet addresses', async () => {
    const { excel } = workbook({ ...jingxiu().values, 't3.r3_7.natural': 4 });
    const result = await checkActiveSheet(new ExcelHost(excel.run));
    const culprit = result.findings.find((f) => f.culprit === 't3.r3_7.natural')!;
    // The template's D49 sits two rows down and one column right on this sheet.
    expect(culprit.addresses![culprit.cells.indexOf('t3.r3_7.natural')]).toBe('E51');
  });

  it('marks the culprit red and the rest of the identity amber; values never change', async () => {
    const { excel, sheet } = workbook({ ...jingxiu().values, 't3.r3_7.natural': 4 });
    const before = sheet.snapshot();
    await checkActiveSheet(new ExcelHost(excel.run));
    expect(sheet.cells.get('E51')!.fill).toEqual({ pattern: 'Solid', color: MARK_FILL.culprit });
    expect(sheet.cells.get('E32')!.fill).toEqual({ pattern: 'Solid', color: MARK_FILL.involved });
    for (const [address, cell] of sheet.cells)
      expect(cell.value, address).toEqual(before[address]?.value ?? '');
  });

  for (const n of [0, 1, 300]) {
    it(`writes ${n} findings' marks in one sync`, async () => {
      const { excel } = workbook();
      const ctx = excel.context() as unknown as Excel.RequestContext;
      const read = await readActiveSheet(ctx);
      const findings: Finding[] = Array.from({ length: n }, (_, i) => ({
        rule: 'T3-02',
        severity: 'error',
        cells: [`k${i}`],
        addresses: [toAddress({ row: 60 + (i % 30), col: i % 10 === 0 ? 20 : Math.floor(i / 30) })],
        message: '',
      }));
      excel.syncs = 0;
      await writeMarks(ctx, read, planMarks(findings));
      expect(excel.syncs).toBe(1);
      expect([...excel.sheets[0]!.cells.values()].filter((c) => c.fill.pattern === 'Solid').length).toBe(
        planMarks(findings).size,
      );
    });
  }

  it('more than 500 marked cells are written in chunks that getRanges accepts', async () => {
    const { excel, sheet } = workbook(
      Object.fromEntries(Object.keys(jingxiu().values).map((k) => [k, k.startsWith('t3') ? '五' : 0])),
    );
    const ctx = excel.context() as unknown as Excel.RequestContext;
    const read = await readActiveSheet(ctx);
    const many: Finding[] = Array.from({ length: 1200 }, (_, i) => ({
      rule: 'G-01',
      severity: 'warning',
      cells: [`k${i}`],
      addresses: [toAddress({ row: 100 + Math.floor(i / 20), col: i % 20 })],
      message: '',
    }));
    await writeMarks(ctx, read, planMarks(many));
    expect([...sheet.cells.values()].filter((c) => c.fill.color === MARK_FILL.warning).length).toBe(1200);
  });

  it('清除标记 and every re-check leave each cell exactly as it was before the first mark', async () => {
    const { excel, sheet } = workbook({ ...jingxiu().values, 't3.r3_7.natural': 4 });
    // The clerk's own fills: a white fill (which Office.js reports like no fill) and a coloured one.
    sheet.cells.get('E51')!.fill = { pattern: 'Solid', color: '#FFFFFF' };
    sheet.cells.get('E32')!.fill = { pattern: 'Solid', color: '#C6EFCE' };
    const original = sheet.snapshot();

    await checkActiveSheet(new ExcelHost(excel.run));
    expect(sheet.cells.get('E51')!.fill.color).toBe(MARK_FILL.culprit);
    // The clerk fixes the total; the re-check takes the marks away and restores the own fills.
    sheet.cells.get('E51')!.value = 5;
    const fixed = await checkActiveSheet(new ExcelHost(excel.run));
    expect(fixed.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(sheet.cells.get('E51')!.fill).toEqual({ pattern: 'Solid', color: '#FFFFFF' });
    expect(sheet.cells.get('E32')!.fill).toEqual({ pattern: 'Solid', color: '#C6EFCE' });

    sheet.cells.get('E51')!.value = 4;
    await checkActiveSheet(new ExcelHost(excel.run));
    await checkActiveSheet(new ExcelHost(excel.run));
    excel.syncs = 0;
    expect(await new ExcelHost(excel.run).clearMarks()).toBeGreaterThan(0);
    expect(excel.syncs).toBe(2);
    expect(sheet.snapshot()).toEqual({ ...original, E51: { ...original.E51!, value: 4 } });
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
    const result = await checkActiveSheet(new ExcelHost(excel.run));
    expect(excel.sheet(name).protected).toBe(true);
    expect(result.marked).toBe(true);
    expect(excel.sheet(name).cells.get(toAddress(total.pos))!.fill.color).toBe(MARK_FILL.culprit);
  });

  it('a protected sheet is checked and listed, but not marked, with a message saying why', async () => {
    const { excel, sheet } = workbook({ ...jingxiu().values, 't3.r3_7.natural': 4 });
    sheet.protected = true;
    const before = sheet.snapshot();
    const result = await checkActiveSheet(new ExcelHost(excel.run));
    expect(result.marked).toBe(false);
    expect(result.problem).toContain('受保护');
    expect(result.findings.some((f) => f.culprit === 't3.r3_7.natural')).toBe(true);
    expect(sheet.snapshot()).toEqual(before);
  });

  it('a sheet with no report gives a message, and an empty sheet too', async () => {
    const excel = new FakeExcel();
    excel.addSheet('Sheet1').setValues([['姓名', '电话']]);
    expect((await checkActiveSheet(new ExcelHost(excel.run))).problem).toContain(
      '工作表「Sheet1」中没有找到年报表格',
    );
    const empty = new FakeExcel();
    empty.addSheet('空表');
    expect((await checkActiveSheet(new ExcelHost(empty.run))).problem).toContain(
      '工作表「空表」中没有找到年报表格',
    );
  });

  it('a click on a finding activates its sheet and selects its cell, in one sync', async () => {
    const { excel, sheet } = workbook();
    excel.addSheet('其他');
    excel.active = '其他';
    excel.syncs = 0;
    await new ExcelHost(excel.run).select('2019年度年报', 'E51');
    expect([excel.active, sheet.selected, excel.syncs]).toEqual(['2019年度年报', 'E51', 1]);
  });

  it('Office.js errors get a Chinese message', () => {
    expect(explainExcelError(new OfficeError('InvalidOperationInCellEditMode', 'x'))).toContain(
      '单元格正在编辑中',
    );
    expect(explainExcelError(new Error('boom'))).toContain('boom');
  });
});

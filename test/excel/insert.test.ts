import { describe, expect, it } from 'vitest';
import { ExcelHost } from '../../src/excel/host.js';
import { checkWorkbook } from '../../src/host/check.js';
import { insertTemplate } from '../../src/excel/insert.js';
import { freeSheetName } from '../../src/report/imported.js';
import { areaAddress, toAddress } from '../../src/report/address.js';
import { templateLayout } from '../../src/report/template.js';
import { TEXT_MAX } from '../../src/report/validation.js';
import { jingxiu } from '../helpers.js';
import { FakeExcel } from '../../src/dev/fake-excel.js';

describe('插入模板 through Office.js', () => {
  for (const edition of ['2021', '2019'] as const) {
    it(`${edition}: writes exactly the core's layout in at most two syncs`, async () => {
      const excel = new FakeExcel();
      excel.addSheet('Sheet1');
      const name = await excel.run((ctx) => insertTemplate(ctx, edition, { year: 2024 }));
      expect(name).toBe('2024年度年报');
      expect(excel.syncs).toBe(2);
      expect(excel.active).toBe(name);
      const sheet = excel.sheet(name);
      const layout = templateLayout(edition);

      for (const c of layout.cells.filter((c) => c.text))
        expect(sheet.cell(c.pos.row, c.pos.col).value).toBe(c.text);
      expect(sheet.cell(layout.year.row, layout.year.col).value).toBe(2024);
      expect(sheet.merges.map(areaAddress).sort()).toEqual(layout.merges.map(areaAddress).sort());
      expect(layout.rowHeights.size).toBeGreaterThan(0);
      for (const [row, height] of layout.rowHeights) expect(sheet.cell(row, 0).format.rowHeight).toBe(height);

      const textCells = layout.cells.filter(
        (c) => c.kind === 'signedChange' || c.key === 't2.procurement.amount',
      );
      expect(textCells.length).toBe(edition === '2019' ? 6 : 0);
      for (const c of layout.cells.filter((c) => c.role === 'input')) {
        const cell = sheet.cell(c.pos.row, c.pos.col);
        expect(cell.value, c.key).toBe('');
        expect(cell.format['protection.locked'], c.key).toBe(false);
        if (c.kind === 'count') {
          expect(cell.numberFormat).toBe('General');
          expect(cell.validation?.rule).toEqual({
            wholeNumber: { formula1: 0, operator: 'GreaterThanOrEqualTo' },
          });
          expect(cell.validation?.prompt).toMatchObject({
            showPrompt: true,
            message: expect.stringContaining('不小于 0 的整数'),
          });
        }
        // 2019's cells written as text (「增1」, 「7441.88万元」) prompt for what goes in them.
        if (c.kind === 'signedChange' || c.key === 't2.procurement.amount') {
          expect(cell.numberFormat, c.key).toBe('@');
          expect(cell.validation?.rule).toEqual({
            textLength: { formula1: TEXT_MAX, operator: 'LessThanOrEqualTo' },
          });
          expect(cell.validation?.prompt).toMatchObject({
            showPrompt: true,
            message: expect.stringMatching(c.kind === 'signedChange' ? /「增1」/ : /连同单位/),
          });
        }
      }
      for (const c of layout.cells.filter((c) => c.role === 'label')) {
        const cell = sheet.cell(c.pos.row, c.pos.col);
        expect(cell.format['protection.locked']).toBeUndefined();
        expect(cell.format['borders.EdgeTop.style']).toBe('Continuous');
      }
      expect(sheet.protected).toBe(true);
      expect(sheet.protectOptions).toMatchObject({ allowFormatCells: true });
      expect(sheet.pageLayout).toMatchObject({
        orientation: 'Landscape',
        paperSize: 'A4',
        // One page: fitted to its width alone, the 2019 edition printed 表四's header apart from its row.
        zoom: { horizontalFitToPages: 1, verticalFitToPages: 1 },
      });
      expect(sheet.selected).toBe(toAddress(layout.agency));
    });
  }

  it('never overwrites a sheet: the next free name is taken', async () => {
    const excel = new FakeExcel();
    excel.addSheet('2024年度年报');
    expect(await excel.run((ctx) => insertTemplate(ctx, '2021', { year: 2024 }))).toBe('2024年度年报 (2)');
    expect(excel.sheets.map((s) => s.name)).toEqual(['2024年度年报', '2024年度年报 (2)']);
    expect(freeSheetName(['年报', '年报 (2)'])).toBe('年报 (3)');
  });

  it('the inserted template, filled with the seed numbers, checks with no error', async () => {
    const excel = new FakeExcel();
    const name = await excel.run((ctx) => insertTemplate(ctx, '2019', { year: 2019 }));
    const sheet = excel.sheet(name);
    const layout = templateLayout('2019');
    for (const c of layout.cells.filter((c) => c.key)) {
      sheet.cell(c.pos.row, c.pos.col).value = jingxiu().values[c.key!]!;
    }
    // 插入模板 asks for the year alone: 机关名称 is left for the clerk, and said until she fills it in.
    const blank = await checkWorkbook(new ExcelHost(excel.run));
    expect(blank.findings.map((f) => f.rule)).toEqual(['X-06', 'X-02']);
    expect(blank.findings[0]).toMatchObject({ sheet: name, at: [toAddress(layout.agency)] });
    sheet.cell(layout.agency.row, layout.agency.col).value = '保定市竞秀区人民政府';
    const result = await checkWorkbook(new ExcelHost(excel.run));
    expect(result.report).toMatchObject({ edition: '2019', year: 2019, tables: ['t2', 't3', 't4'] });
    expect(result.findings.map((f) => f.rule)).toEqual(['X-02']);
  });
});

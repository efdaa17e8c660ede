import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { check } from '../../src/checks/engine.js';
import { readReportFile, readWorkbookSheets } from '../../src/readers/files.js';
import { unstretch } from '../../src/readers/stretched.js';
import { readWorkbook } from '../../src/readers/workbook.js';
import { areaAddress, parseAddress } from '../../src/report/address.js';
import { templateGrid, templateLayout } from '../../src/report/template.js';
import type { Report } from '../../src/report/types.js';
import { errors, fixturePath, jingxiu, ofRule, suqian } from '../helpers.js';

const bytes = (name: string) => new Uint8Array(readFileSync(fixturePath(name)));

async function read(name: string): Promise<Report> {
  const r = await readReportFile(name, bytes(name));
  expect(r.reports).toHaveLength(1);
  return r.reports[0]!;
}

const raws = (r: Report, table?: string) =>
  Object.fromEntries([...r.cells].filter(([k]) => !table || k.startsWith(table)).map(([k, c]) => [k, c.raw]));

describe('a page opened in a spreadsheet and saved as a workbook (its tables stretched over one grid of columns)', () => {
  it('保定市竞秀区 2019: every cell of the three tables, no column called extra, no error', async () => {
    const r = await read('jingxiu-2019.calc.xlsx');
    expect(r).toMatchObject({ edition: '2019', year: 2019, tables: ['t2', 't3', 't4'] });
    expect(raws(r)).toEqual(jingxiu().values);
    expect(errors(check(r))).toEqual([]);
    expect(ofRule(r.findings, 'G-04')).toEqual([]);
  });

  it('宿迁市 2024 (2021 edition): tables 3 and 4 cell by cell', async () => {
    const [, y2024] = suqian();
    const r = await read('suqian-2024.calc.xlsx');
    expect(r).toMatchObject({ edition: '2021', year: 2024, tables: ['t2', 't3', 't4'] });
    expect({ ...raws(r, 't3.'), ...raws(r, 't4.') }).toEqual(y2024.values);
    expect(errors(check(r))).toEqual([]);
  });

  it('each cell is named by its address on the sheet, where its number is', async () => {
    const name = 'jingxiu-2019.calc.xlsx';
    const r = await read(name);
    const { sheets } = await readWorkbookSheets(bytes(name));
    const grid = sheets[0]!.grid;
    const at = (address: string) => {
      const p = parseAddress(address);
      return grid[p.row]?.[p.col];
    };
    for (const [key, cell] of r.cells) expect([key, at(cell.address!)]).toEqual([key, cell.raw]);
  });
});

describe('a sheet whose merged areas do not describe its cells', () => {
  it('is read as if it had none: a table found on its columns read all wrong is not taken', async () => {
    const { sheets } = await readWorkbookSheets(bytes('shifted-merges.xlsx'));
    const summary = (r: Report) => [r.tables, r.findings.map((f) => f.message)];
    const withMerges = readWorkbook(sheets).reports.map(summary);
    const without = readWorkbook(sheets.map(({ name, grid }) => ({ name, grid }))).reports.map(summary);
    expect(withMerges).toEqual(without);
  });
});

describe('unstretch', () => {
  it('leaves the official template’s tables as they are: their merged labels sit over columns of their own', () => {
    for (const edition of ['2019', '2021'] as const) {
      const layout = templateLayout(edition);
      const grid = templateGrid(layout, { values: {} });
      const tables = layout.tableAreas[0]!.area.top;
      const flat = unstretch(grid, layout.merges.map(areaAddress));
      expect(flat?.grid.slice(tables) ?? grid.slice(tables)).toEqual(grid.slice(tables));
    }
  });

  it('takes nothing from merged areas that cover cells holding values (a sheet edited out of shape)', () => {
    expect(unstretch([['x', 'y', 'z']], ['A1:B1'])).toBeUndefined();
    expect(unstretch([['x', '', 'z']], ['A1:B1'])?.grid).toEqual([['x', 'z']]);
  });

  it('gives up on merges that cover more rows than any sheet holds (a crafted file), quickly', () => {
    const grid = Array.from({ length: 1000 }, () => ['a', 'b', 'c']);
    const merges = Array.from({ length: 300 }, () => 'A1:C1048576');
    expect(unstretch(grid, merges)).toBeUndefined();
    // Rows past the grid are not walked: a few merges over the whole sheet cost nothing.
    expect(unstretch([['x', null, 'y']], ['A1:B1048576'])?.grid).toEqual([['x', 'y']]);
  });
});

import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { check } from '../../src/checks/engine.js';
import { readReportFile, readWorkbookSheets } from '../../src/readers/files.js';
import { mergedFromAreas, unstretch } from '../../src/readers/stretched.js';
import { readWorkbook } from '../../src/readers/workbook.js';
import { areaAddress, parseAddress, parseArea, shiftArea } from '../../src/report/address.js';
import { templateGrid, templateLayout } from '../../src/report/template.js';
import type { RawValue, Report } from '../../src/report/types.js';
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

  it('宿迁市 2024’s three tables only, one right after another: each read on its own columns', async () => {
    const [, y2024] = suqian();
    const r = await read('suqian-2024.tables.calc.xlsx');
    expect(r.tables).toEqual(['t2', 't3', 't4']);
    expect({ ...raws(r, 't3.'), ...raws(r, 't4.') }).toEqual(y2024.values);
    expect(errors(check(r))).toEqual([]);
  });

  describe('as a clerk then edits it', () => {
    async function sheet(name = 'suqian-2024.calc.xlsx'): Promise<{ grid: RawValue[][]; merges: string[] }> {
      const { sheets } = await readWorkbookSheets(bytes(name));
      return { grid: sheets[0]!.grid.map((row) => [...row]), merges: [...sheets[0]!.look!.merges] };
    }
    /** A row put in above `at` (0-based), as Excel does it: merged areas below move down, those across it grow. */
    function insertRow(s: { grid: RawValue[][]; merges: string[] }, at: number, row: RawValue[]) {
      s.grid.splice(at, 0, row);
      s.merges = s.merges.map((m) => {
        const a = parseArea(m);
        if (a.top >= at) return areaAddress(shiftArea(a, 1, 0));
        return areaAddress(a.bottom >= at ? { ...a, bottom: a.bottom + 1 } : a);
      });
    }
    /** Row `at` deleted, as Calc does it: a merged cell that began on it keeps its text on the next row. */
    function deleteRow(s: { grid: RawValue[][]; merges: string[] }, at: number) {
      s.merges = s.merges.flatMap((m) => {
        const a = parseArea(m);
        if (a.top > at) return [areaAddress(shiftArea(a, -1, 0))];
        if (a.bottom < at) return [m];
        if (a.top === a.bottom) return [];
        if (a.top === at && (s.grid[at + 1]![a.left] ?? '') === '')
          s.grid[at + 1]![a.left] = s.grid[at]![a.left]!;
        return [areaAddress({ ...a, bottom: a.bottom - 1 })];
      });
      s.grid.splice(at, 1);
    }
    const report = (s: { grid: RawValue[][]; merges: string[] }) =>
      readWorkbook([{ name: 'Sheet1', grid: s.grid, look: { merges: s.merges } }]).reports[0]!;
    const rowOf = (s: { grid: RawValue[][] }, label: string) => s.grid.findIndex((r) => r[0] === label);

    it('a note put in as a row inside 表三: every number still read, the row said', async () => {
      const [, y2024] = suqian();
      const s = await sheet();
      const at = rowOf(s, '四、结转下年度继续办理');
      insertRow(s, at, ['注：单位为件']);
      const r = report(s);
      expect({ ...raws(r, 't3.'), ...raws(r, 't4.') }).toEqual(y2024.values);
      expect(ofRule(r.findings, 'G-04').map((f) => f.message)).toContainEqual(
        `第 ${at + 1} 行是官方表格没有的行（「注：单位为件」），未读取；请删除，保持官方格式。`,
      );
      expect(errors(check(r))).toEqual([]);
    });

    it('表三’s header rows of 「申请人情况」 and 「商业企业」 deleted: every number read, 表二’s last row just above too', async () => {
      const [, y2024] = suqian();
      const s = await sheet('suqian-2024.tables.calc.xlsx');
      // 表二's last row, right above 表三, holds a number (宿迁市 charged no fee).
      const fees = s.grid.findIndex((row) => row.includes('行政事业性收费'));
      s.grid[fees]![s.grid[fees - 1]!.findIndex((v) => String(v).startsWith('本年收费金额'))] = 110.5;
      const t2 = raws(report(s), 't2.');
      expect(t2['t2.fees.amount']).toBe(110.5);
      deleteRow(
        s,
        s.grid.findIndex((row) => row.includes('商业企业')),
      );
      deleteRow(
        s,
        s.grid.findIndex((row) => row.includes('申请人情况')),
      );
      const r = report(s);
      expect({ ...raws(r, 't3.'), ...raws(r, 't4.') }).toEqual(y2024.values);
      expect(raws(r, 't2.')).toEqual(t2);
    });

    it('2019 表二’s third 「信息内容」 header row deleted: its sections’ repeated headers do not put it a section down', async () => {
      const s = await sheet('jingxiu-2019.calc.xlsx');
      const headers = s.grid.flatMap((row, r) => (row[0] === '信息内容' ? [r] : []));
      deleteRow(s, headers[2]!);
      const r = report(s);
      expect(raws(r, 't2.')).toEqual(
        Object.fromEntries(Object.entries(jingxiu().values).filter(([k]) => k.startsWith('t2.'))),
      );
    });

    it('labels worded a little otherwise: read by their places, each said', async () => {
      const [, y2024] = suqian();
      const s = await sheet();
      const changed = [
        '（一）予以公开',
        '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
        '（六）其他处理',
        '（七）总计',
        '二、上年结转政府信息公开申请数量',
        '四、结转下年度继续办理',
      ];
      for (const label of changed) {
        const r = s.grid.findIndex((row) => row.includes(label));
        const c = s.grid[r]!.indexOf(label);
        s.grid[r]![c] = `${label}的`;
      }
      const r = report(s);
      expect({ ...raws(r, 't3.'), ...raws(r, 't4.') }).toEqual(y2024.values);
      expect(errors(check(r))).toEqual([]);
      const said = ofRule(r.findings, 'G-04')
        .map((f) => f.message)
        .join('\n');
      for (const label of changed) expect(said).toContain(`「${label}的」`);
    });

    it('a note put in as a row above 表四’s numbers: every number still read (it kept the stretched columns)', async () => {
      const [, y2024] = suqian();
      const s = await sheet();
      const at = s.grid.findIndex((row) => row.includes(y2024.values['t4.review.upheld']!));
      insertRow(s, at, ['注：本表数据统计截至12月31日。']);
      const r = report(s);
      expect(raws(r, 't4.')).toEqual(
        Object.fromEntries(Object.entries(y2024.values).filter(([k]) => k.startsWith('t4.'))),
      );
      expect(errors(check(r))).toEqual([]);
    });
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
  it('leaves the official template’s tables where they are: only empty columns past a table’s right edge go', () => {
    for (const edition of ['2019', '2021'] as const) {
      const layout = templateLayout(edition);
      const grid = templateGrid(layout, { values: jingxiu().values });
      const flat = unstretch(grid, layout.merges.map(areaAddress));
      grid.forEach((row, r) => {
        const kept = flat?.grid[r] ?? row;
        expect(kept).toEqual(row.slice(0, kept.length));
        expect(row.slice(kept.length).every((v) => v === '' || v === null)).toBe(true);
      });
    }
  });

  /** The fixture page saved by Calc: its grid and merged areas. */
  async function calcSheet(): Promise<{ grid: RawValue[][]; merges: string[] }> {
    const { sheets } = await readWorkbookSheets(bytes('jingxiu-2019.calc.xlsx'));
    return { grid: sheets[0]!.grid.map((row) => [...row]), merges: [...sheets[0]!.look!.merges] };
  }

  it('takes nothing from merged areas that cover values, or that leave their first cells empty', async () => {
    const { grid, merges } = await calcSheet();
    expect(unstretch(grid, merges)).toBeDefined();
    // A value under a merged cell.
    const [area] = merges.filter((m) => parseArea(m).right > parseArea(m).left);
    const a = parseArea(area!);
    const covered = grid.map((row) => [...row]);
    covered[a.top]![a.left + 1] = 1;
    expect(unstretch(covered, merges)).toBeUndefined();
    // The merged areas two columns off the cells (a sheet's columns moved, its merges not).
    const moved = merges.map((m) => areaAddress(shiftArea(parseArea(m), 0, 2)));
    expect(unstretch(grid, moved)).toBeUndefined();
  });

  it('gives up on merged areas over more rows than a sheet holds (a crafted file)', async () => {
    const { grid, merges } = await calcSheet();
    const long = [...grid, ...Array.from({ length: 3000 }, () => [] as RawValue[])];
    const few = Array.from({ length: 20 }, (_, i) => `A${100 + i}:B3000`);
    expect(unstretch(long, [...merges, ...few])).toBeDefined();
    const many = Array.from({ length: 100 }, (_, i) => `A${100 + i}:B3000`);
    expect(unstretch(long, [...merges, ...many])).toBeUndefined();
  });
});

describe('a sheet’s merges as the grid reader takes them', () => {
  it('tells for each place the first column of the wide merged area over it, for every list of merges and height', () => {
    const area = fc
      .record({ top: fc.nat(8), left: fc.nat(5), height: fc.nat(3), width: fc.nat(3) })
      .map(({ top, left, height, width }) => ({ top, left, bottom: top + height, right: left + width }));
    // Few lists, met again and again, at other heights: as a batch's sheets meet them.
    const lists = fc.sample(fc.array(area, { maxLength: 4 }), { numRuns: 6, seed: 7 });
    fc.assert(
      fc.property(fc.constantFrom(...lists), fc.integer({ min: 1, max: 12 }), (areas, rows) => {
        const from = mergedFromAreas(rows, areas.map(areaAddress));
        for (let row = 0; row < rows; row++)
          for (let col = 0; col < 10; col++) {
            const over = areas.find(
              (a) => a.right > a.left && a.top <= row && row <= a.bottom && col > a.left && col <= a.right,
            );
            expect(from?.(row, col)).toBe(over?.left);
          }
      }),
      { numRuns: 200 },
    );
  });
});

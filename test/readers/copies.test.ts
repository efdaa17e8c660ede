import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readGrid } from '../../src/readers/grid.js';
import { readWorkbookSheets } from '../../src/readers/files.js';
import { readWorkbook } from '../../src/readers/workbook.js';
import { areaAddress, parseArea, shiftArea } from '../../src/report/address.js';
import { TABLE_PART } from '../../src/report/parts.js';
import type { RawValue, Report } from '../../src/report/types.js';
import { filledGrid, fixturePath, ofRule, readReport, suqian } from '../helpers.js';

const raws = (r: Report, table: string) =>
  Object.fromEntries([...r.cells].filter(([k]) => k.startsWith(table)).map(([k, c]) => [k, c.raw]));

/** The rows of 表三 in a filled template: from its first label row to its last data row. */
function tableThreeRows(grid: RawValue[][]): [number, number] {
  const title = grid.findIndex((row) => row.includes(TABLE_PART.t3));
  const end = grid.findIndex((row) => row.some((v) => typeof v === 'string' && v.startsWith('四、结转')));
  return [title + 1, end];
}

describe('a table found twice on one sheet', () => {
  const [, y2024] = suqian();
  const t3 = Object.fromEntries(Object.entries(y2024.values).filter(([k]) => k.startsWith('t3.')));

  it('a copy of 表三 with other numbers above part 一: the one under its title is read, the copy is named', () => {
    const grid = filledGrid('2021', y2024.values, { year: 2024 });
    const stray = filledGrid('2021', { ...y2024.values, 't3.r1.natural': 9999, 't3.r3_7.natural': 9999 });
    const [top, bottom] = tableThreeRows(stray);
    const copy = stray.slice(top, bottom + 1);
    grid.unshift(['上年表格（仅供参考）'], ...copy);
    const r = readReport(grid);
    expect(raws(r, 't3.')).toEqual(t3);
    const said = ofRule(r.findings, 'G-04').map((f) => f.message);
    expect(said).toContainEqual(
      `第 2–${copy.length + 1} 行另有一份本表，未读取；读取和校验的是第 ${top + copy.length + 2}–${bottom + copy.length + 2} 行标题「${TABLE_PART.t3}」下的那份。多余的一份请删去，以免看错。`,
    );
    expect(ofRule(r.findings, 'G-04').find((f) => f.message.includes('另有一份'))?.at).toEqual(['A2']);
  });

  it('a copy below the report: still the one under the title, and the copy is named', () => {
    const grid = filledGrid('2021', y2024.values, { year: 2024 });
    const [top, bottom] = tableThreeRows(grid);
    const copy = grid
      .slice(top, bottom + 1)
      .map((row) => row.map((v) => (typeof v === 'number' ? v + 1 : v)));
    const at = grid.length + 2;
    grid.push([], [], ...copy);
    const r = readReport(grid);
    expect(raws(r, 't3.')).toEqual(t3);
    expect(ofRule(r.findings, 'G-04').map((f) => f.message)).toContainEqual(
      `第 ${at + 1}–${at + copy.length} 行另有一份本表，未读取；读取和校验的是第 ${top + 1}–${bottom + 1} 行标题「${TABLE_PART.t3}」下的那份。多余的一份请删去，以免看错。`,
    );
  });

  it('two copies and no part title: the first is read, the other named (no title to tell them apart)', () => {
    const grid = filledGrid('2021', y2024.values, { year: 2024 });
    const [top, bottom] = tableThreeRows(grid);
    const only = grid.slice(top, bottom + 1);
    const twice = [...only, [], ...only.map((row) => row.map((v) => (typeof v === 'number' ? v + 1 : v)))];
    const r = readReport(twice);
    expect(raws(r, 't3.')).toEqual(t3);
    expect(ofRule(r.findings, 'G-04').map((f) => f.message)).toContainEqual(
      `第 ${only.length + 2}–${2 * only.length + 1} 行另有一份本表，未读取；读取和校验的是第 1–${only.length} 行的那份。多余的一份请删去，以免看错。`,
    );
  });

  it('a copy beside the table (last year’s, to the right): named by its columns too, its rows being the same', () => {
    const grid = filledGrid('2021', y2024.values, { year: 2024 });
    const [top, bottom] = tableThreeRows(grid);
    const width = Math.max(...grid.map((row) => row.length));
    for (let r = top; r <= bottom; r++) {
      const row = grid[r]!;
      const copy = row.map((v) => (typeof v === 'number' ? v + 1 : v));
      grid[r] = [...row, ...Array<RawValue>(width - row.length + 2).fill(null), ...copy];
    }
    const r = readReport(grid);
    expect(raws(r, 't3.')).toEqual(t3);
    const said = ofRule(r.findings, 'G-04').find((f) => f.message.includes('另有一份'))!.message;
    expect(said).toMatch(
      new RegExp(
        `^第 ${top + 1}–${bottom + 1} 行 [A-Z]+–[A-Z]+ 列另有一份本表，未读取；读取和校验的是第 ${top + 1}–${bottom + 1} 行 A–J 列`,
      ),
    );
  });

  it('two whole reports on one sheet: refused, with what to do, not read as one', () => {
    const [y2023] = suqian();
    const grid = [
      ...filledGrid('2021', y2024.values, { year: 2024 }),
      [],
      ...filledGrid('2021', y2023.values, { year: 2023 }),
    ];
    const r = readGrid(grid, { sheet: 'Sheet1' });
    expect(r.report).toBeUndefined();
    expect(r.report ? '' : r.problem).toMatch(
      /^工作表「Sheet1」中有两份年报：每张表都出现了两次（如表二在第 \d+–\d+ 行和第 \d+–\d+ 行）。请把每份年报放在单独的工作表中，再分别校验。$/,
    );
  });

  it('a page saved as a workbook with two reports on its sheet: refused as two reports', async () => {
    const { sheets } = await readWorkbookSheets(
      new Uint8Array(readFileSync(fixturePath('suqian-2024.calc.xlsx'))),
    );
    const grid = sheets[0]!.grid.map((row) => [...row]);
    const merges = [...sheets[0]!.look!.merges];
    const below = grid.length + 1;
    const twice = [...grid, [], ...grid];
    const moved = merges.map((m) => areaAddress(shiftArea(parseArea(m), below, 0)));
    const read = readWorkbook([{ name: 'Sheet1', grid: twice, look: { merges: [...merges, ...moved] } }]);
    expect(read.reports).toEqual([]);
    expect(read.skipped).toEqual([
      { sheet: 'Sheet1', problem: expect.stringMatching(/^工作表「Sheet1」中有两份年报：/) as unknown },
    ]);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chooseEdition, readGrid } from '../../src/readers/grid.js';
import {
  labelHits,
  locate,
  type Located,
  MIN_SCORE,
  type TextCell,
  textCells,
} from '../../src/readers/locate.js';
import { tableSpecs } from '../../src/report/model.js';
import { PART_TITLES } from '../../src/report/parts.js';
import { parseAddress, toAddress } from '../../src/report/address.js';
import { readDocument } from '../../src/readers/text/document.js';
import { type Edition, EDITIONS, type RawValue, type Report } from '../../src/report/types.js';
import { checkGrid, errors, filledGrid, jingxiu, ofRule, readReport, suqian } from '../helpers.js';

const seedGrid = () => filledGrid('2019', jingxiu().values, { year: 2019 });
const rowOf = (grid: RawValue[][], text: string) => grid.findIndex((r) => r.includes(text));

/** Two item rows of a group swapped, labels and numbers together (column C on), the group's label left where it is. */
function swapItems(grid: RawValue[][], first: string, second: string): [number, number] {
  const a = rowOf(grid, first);
  const b = rowOf(grid, second);
  const rowA = grid[a]!.slice(2);
  grid[a]!.splice(2, rowA.length, ...grid[b]!.slice(2));
  grid[b]!.splice(2, rowA.length, ...rowA);
  return [a, b];
}

/** chooseEdition as it was: every edition located, then chosen in EDITIONS' order. */
function everyEditionLocated(texts: readonly TextCell[]) {
  const hits = labelHits(texts);
  let best:
    { edition: Edition; found: Located[]; votes: number; unfound: number; unsure: boolean } | undefined;
  for (const edition of EDITIONS) {
    const found = tableSpecs(edition)
      .map((t) => locate(t, texts, hits))
      .filter((l): l is Located => !!l && l.score >= MIN_SCORE);
    const votes = found.reduce((s, l) => s + l.votes, 0);
    const unfound = found.reduce((s, l) => s + l.table.labels.length - l.votes, 0);
    if (!found.length) continue;
    if (!best || votes > best.votes || (votes === best.votes && unfound < best.unfound))
      best = { edition, found, votes, unfound, unsure: false };
    else if (votes === best.votes && unfound === best.unfound) best.unsure = true;
  }
  return best;
}

describe('telling the edition', () => {
  it('locates an edition that cannot have the most labels not at all, and chooses as when every edition was located', () => {
    const rows = (e: Edition) => filledGrid(e, e === '2019' ? jingxiu().values : suqian()[1].values);
    // Each sheet's tables apart: 表二, 表三 and 表四 from under their parts' titles.
    const tables = (e: Edition) => {
      const g = rows(e);
      const at = [1, 2, 3].map((p) => rowOf(g, PART_TITLES[p]!));
      return [g.slice(at[0], at[1]), g.slice(at[1], at[2]), g.slice(at[2])];
    };
    const of = { '2019': tables('2019'), '2021': tables('2021') };
    const table = (i: number) =>
      fc
        .constantFrom(...EDITIONS)
        .chain((e) => fc.subarray(of[e][i]!, { minLength: Math.floor(of[e][i]!.length / 2) }));
    fc.assert(
      // Each table of either edition, some of its rows left out: editions near each other in votes.
      fc.property(table(0), table(1), table(2), (t2, t3, t4) => {
        const texts = textCells([...t2, ...t3, ...t4]);
        expect(chooseEdition(texts)).toEqual(everyEditionLocated(texts));
      }),
      { numRuns: 150 },
    );
  });
});

describe('finding the tables wherever they sit', () => {
  it('reads each sheet for its own layout, whatever sheets of other layouts were read before it', () => {
    const seed = seedGrid();
    const right = seedGrid().map((row) => ['', '', '', '', '', ...row]);
    const below = [...Array.from({ length: 30 }, () => []), ...seedGrid()];
    const other = filledGrid('2021', suqian()[1].values);
    const moved = (report: Report, rows: number, cols: number) =>
      [...report.cells].map(([key, { raw, address }]) => {
        const { row, col } = parseAddress(address!);
        return [key, raw, toAddress({ row: row + rows, col: col + cols })];
      });
    const truth = readReport(seed);
    const checks = [
      () => expect(readReport(seed)).toEqual(truth),
      () => expect(moved(readReport(right), 0, 0)).toEqual(moved(truth, 0, 5)),
      () => expect(moved(readReport(below), 0, 0)).toEqual(moved(truth, 30, 0)),
      () => expect(readReport(other).edition).toBe('2021'),
    ];
    fc.assert(
      fc.property(fc.shuffledSubarray([...checks.keys()], { minLength: 2 }), (order) => {
        for (const i of order) checks[i]!();
      }),
      { numRuns: 20 },
    );
  });

  it('at an offset, under a title, with blank rows and other content around', () => {
    const grid = seedGrid().map((row) => ['', '', '备注', ...row, '', '旁注']);
    grid.splice(rowOf(grid, '三、收到和处理政府信息公开申请情况'), 0, [], [], ['说明：以下为本机关数据']);
    const shifted = [['某某区2019年政府信息公开工作年度报告'], [], ...grid];
    const report = readReport(shifted);
    expect(report.tables).toEqual(['t2', 't3', 't4']);
    expect(report.cells.get('t3.r1.natural')).toEqual({ raw: 5, address: 'G33' });
    expect(errors(checkGrid(shifted))).toEqual([]);
  });

  it('uses the sheet position of the grid (a used range not at A1)', () => {
    const r = readGrid(seedGrid(), { origin: { row: 4, col: 2 } });
    expect(r.report?.cells.get('t3.r3_7.natural')?.address).toBe('F53');
  });

  it('tells the editions apart by their labels', () => {
    expect(readReport(seedGrid()).edition).toBe('2019');
    expect(readReport(filledGrid('2021', suqian()[1].values)).edition).toBe('2021');
    // Table 3 alone: the three sub-items of (六) make it 2021.
    const t3only = (e: '2019' | '2021') => {
      const g = filledGrid(e, {});
      return g.slice(
        rowOf(g, '三、收到和处理政府信息公开申请情况'),
        rowOf(g, '四、政府信息公开行政复议、行政诉讼情况'),
      );
    };
    expect(readReport(t3only('2019')).edition).toBe('2019');
    expect(readReport(t3only('2021')).edition).toBe('2021');
  });

  it('reads the agency and year from the heading cells or from a title', () => {
    const r = readReport(filledGrid('2021', {}, { agency: '宿迁市人民政府', year: 2024 }));
    expect([r.agency, r.year]).toEqual(['宿迁市人民政府', 2024]);
    const titled = [['宿迁市2023年政府信息公开工作年度报告'], ...filledGrid('2021', {})];
    expect([readReport(titled).agency, readReport(titled).year]).toEqual(['宿迁市', 2023]);
    expect(readReport(filledGrid('2021', {})).agency).toBeUndefined();
    // Years in Chinese digits, as some clerks and titles write them.
    expect(readReport(filledGrid('2021', {}, { agency: '宿迁市', year: '二〇二四' as never })).year).toBe(
      2024,
    );
    const chinese = [['宿迁市二零二三年政府信息公开工作年度报告'], ...filledGrid('2021', {})];
    expect(readReport(chinese).year).toBe(2023);
  });

  it('a sheet that is not a report says so, in Chinese, and does not crash', () => {
    const r = readGrid(
      [
        ['姓名', '电话'],
        ['张三', 13800000000],
        [true, null],
      ],
      { sheet: '通讯录' },
    );
    expect(r.report).toBeUndefined();
    expect(r).toMatchObject({ problem: expect.stringContaining('工作表「通讯录」中没有找到年报表格') });
    expect(readGrid([]).report).toBeUndefined();
  });
});

describe('label variants seen in published reports', () => {
  const variants: [string, string][] = [
    [
      '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
      '（二）部分公开(区分处理的，只计这一情况，不计其他情形)',
    ],
    ['5.属于三类内部事务信息', '5.属于三类内容事务信息'],
    ['3.危及“三安全一稳定”', '3.危及"三安全一稳定"0'],
    ['（一）予以公开', '(一)予以公开'],
    ['本年新制作数量', '本年新'],
    ['本年新公开数量', '本年新\n公开数量'],
  ];
  for (const [official, seen] of variants) {
    it(`「${seen}」 is read as 「${official}」`, () => {
      const grid = seedGrid();
      const r = rowOf(grid, official);
      grid[r]![grid[r]!.indexOf(official)] = seen;
      const findings = checkGrid(grid);
      expect(errors(findings)).toEqual([]);
      const g04 = ofRule(findings, 'G-04');
      if (seen.replace(/\s/g, '') === official) expect(g04).toEqual([]);
      else expect(g04[0]!.message).toContain(`官方：「${official}」`);
    });
  }
});

describe('a damaged template: what could and could not be read, never a silent misread', () => {
  it('a row inserted inside table 3 is reported and the numbers below are still read right', () => {
    const grid = seedGrid();
    const at = rowOf(grid, '（一）予以公开') + 1;
    grid.splice(at, 0, ['', '小计', '', 2, 0, 0, 0, 0, 0, 2]);
    const findings = checkGrid(grid);
    expect(errors(findings)).toEqual([]);
    const [f] = ofRule(findings, 'G-04');
    expect(f!.message).toBe(
      '第 31 行是官方表格没有的行（「小计 2 0 0 0 0 0 2」），未读取；请删除，保持官方格式。',
    );
    expect(readReport(grid).cells.get('t3.r3_7.natural')).toEqual({ raw: 5, address: 'D50' });
  });

  it('a subtotal column added to table 3 is reported and not read', () => {
    const grid = seedGrid();
    const top = rowOf(grid, '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）');
    const bottom = rowOf(grid, '四、结转下年度继续办理');
    for (let r = top; r <= bottom; r++)
      grid[r]!.splice(9, 0, r === top + 1 ? '法人小计' : r > top + 2 ? 0 : '');
    const findings = checkGrid(grid);
    expect(errors(findings)).toEqual([]);
    expect(ofRule(findings, 'G-04')[0]!.message).toContain('J 列是官方表格没有的列（「法人小计」）');
    expect(readReport(grid).cells.get('t3.r1.total')).toEqual({ raw: 5, address: 'K28' });
  });

  it('a label edited in place is read by position, with a warning naming it', () => {
    const grid = seedGrid();
    const r = rowOf(grid, '8.属于行政查询事项');
    grid[r]![2] = '8.其他';
    const findings = checkGrid(grid);
    expect(errors(findings)).toEqual([]);
    expect(ofRule(findings, 'G-04')[0]!.message).toBe(
      'C39 的标签为「8.其他」，官方文字为「8.属于行政查询事项」：已按所在位置读作该项，请恢复官方文字。',
    );
  });

  it('rows moved with their labels are read by their labels, with one warning naming them', () => {
    const values = suqian()[1].values;
    const grid = filledGrid('2021', values, { year: 2024 });
    const [a, b] = swapItems(grid, '1.属于国家秘密', '4.保护第三方合法权益');
    const r = readReport(grid);
    for (const key of ['t3.r3_3_1.total', 't3.r3_3_4.total', 't3.r3_3_1.natural'])
      expect(r.cells.get(key)!.raw).toBe(values[key]);
    expect(r.cells.get('t3.r3_3_1.total')!.address).toBe(`J${b + 1}`);
    const findings = checkGrid(grid);
    expect(errors(findings)).toEqual([]);
    expect(ofRule(findings, 'G-04').map((f) => f.message)).toEqual([
      `有 2 行的上下顺序与官方表格不同：「1.属于国家秘密」在第 ${b + 1} 行，「4.保护第三方合法权益」在第 ${a + 1} 行。已按各行自己的标签读取其数字；请按官方顺序排列。`,
    ]);
  });

  it('rows moved several places (swapped 3 apart, or one row cut and put 4 rows lower) are read by their labels', () => {
    const values = suqian()[1].values;
    const swapped = filledGrid('2021', values, { year: 2024 });
    swapItems(swapped, '2.其他法律行政法规禁止公开', '5.属于三类内部事务信息');
    const moved = filledGrid('2021', values, { year: 2024 });
    const c = rowOf(moved, '2.其他法律行政法规禁止公开');
    const cut = moved[c]!.slice(2);
    for (let r = c; r < c + 4; r++) moved[r]!.splice(2, cut.length, ...moved[r + 1]!.slice(2));
    moved[c + 4]!.splice(2, cut.length, ...cut);
    for (const grid of [swapped, moved]) {
      const r = readReport(grid);
      for (const [key, value] of Object.entries(values))
        if (key.startsWith('t3.')) expect([key, r.cells.get(key)?.raw]).toEqual([key, value]);
      expect(errors(checkGrid(grid))).toEqual([]);
      expect(ofRule(checkGrid(grid), 'G-04')[0]!.message).toContain('的上下顺序与官方表格不同');
    }
    // The row to move back, and only it.
    expect(ofRule(checkGrid(moved), 'G-04').map((f) => f.message)).toEqual([
      `有 1 行的上下顺序与官方表格不同：「2.其他法律行政法规禁止公开」在第 ${c + 5} 行。已按各行自己的标签读取其数字；请按官方顺序排列。`,
    ]);
  });

  it('three rows rotated: read by their labels, and the one row to move back is named', () => {
    const values = suqian()[1].values;
    const grid = filledGrid('2021', values, { year: 2024 });
    const a = rowOf(grid, '1.属于国家秘密');
    const [ra, rb, rc] = [a, a + 1, a + 2].map((r) => grid[r]!.slice(2)) as [
      RawValue[],
      RawValue[],
      RawValue[],
    ];
    expect(rb[0]).toBe('2.其他法律行政法规禁止公开');
    grid[a]!.splice(2, ra.length, ...rc);
    grid[a + 1]!.splice(2, ra.length, ...ra);
    grid[a + 2]!.splice(2, ra.length, ...rb);
    const r = readReport(grid);
    for (const key of ['t3.r3_3_1.total', 't3.r3_3_2.total', 't3.r3_3_3.total', 't3.r3_3_3.natural'])
      expect([key, r.cells.get(key)!.raw]).toEqual([key, values[key]]);
    const findings = checkGrid(grid);
    expect(errors(findings)).toEqual([]);
    expect(ofRule(findings, 'G-04')).toMatchObject([
      {
        message: `有 1 行的上下顺序与官方表格不同：「3.危及“三安全一稳定”」在第 ${a + 1} 行。已按各行自己的标签读取其数字；请按官方顺序排列。`,
        at: [`A${a + 1}`],
      },
    ]);
  });

  it('the first two rows of table 3 swapped are read by their labels too', () => {
    const values = suqian()[1].values;
    const grid = filledGrid('2021', values, { year: 2024 });
    const a = rowOf(grid, '一、本年新收政府信息公开申请数量');
    [grid[a], grid[a + 1]] = [grid[a + 1]!, grid[a]!];
    const r = readReport(grid);
    expect(r.cells.get('t3.r1.total')!.raw).toBe(values['t3.r1.total']);
    expect(r.cells.get('t3.r2.total')!.raw).toBe(values['t3.r2.total']);
    expect(errors(checkGrid(grid))).toEqual([]);
  });

  it('a row deleted is an error: its cells cannot be read and its identities are not guessed', () => {
    const grid = seedGrid();
    const at = rowOf(grid, '（六）其他处理');
    const col = grid[at]!.indexOf('（六）其他处理');
    grid.splice(at, 1);
    const findings = checkGrid(grid);
    const [f] = ofRule(findings, 'G-04');
    expect(f).toMatchObject({ severity: 'error', table: 't3' });
    expect(f!.message).toContain('缺少「（六）其他处理」这一行');
    // Where it belongs, to click to: the label cell of the row now in its place.
    expect(f!.at).toEqual([`${String.fromCharCode(65 + col)}${at + 1}`]);
    expect(readReport(grid).cells.has('t3.r3_6.natural')).toBe(false);
    expect(readReport(grid).cells.get('t3.r3_7.natural')).toEqual({ raw: 5, address: 'D48' });
  });

  it('two or three rows deleted together are each missing; the rows below keep their own numbers', () => {
    const [, y2024] = suqian();
    for (const n of [2, 3]) {
      const grid = filledGrid('2021', y2024.values);
      grid.splice(rowOf(grid, '2.其他法律行政法规禁止公开'), n);
      const r = readReport(grid);
      const missing = ofRule(r.findings, 'G-04').filter((f) => f.message.startsWith('缺少'));
      expect(missing).toHaveLength(n);
      const misread = Object.entries(y2024.values).filter(
        ([k, v]) => r.cells.has(k) && r.cells.get(k)!.raw !== v,
      );
      expect(misread).toEqual([]);
    }
  });

  /** Table 3's cells that are not of the given rows, as read and as written: they must agree. */
  const othersMisread = (values: Record<string, unknown>, read: Report, rows: readonly string[]) =>
    Object.entries(values).filter(
      ([k, v]) =>
        k.startsWith('t3.') && !rows.some((r) => k.startsWith(`${r}.`)) && read.cells.get(k)?.raw !== v,
    );
  const t3Keys = (values: Record<string, unknown>, row: string) =>
    Object.keys(values).filter((k) => k.startsWith(`${row}.`));

  it('a row deleted and the next one reworded: the reworded row is read as itself, the deleted one is missing', () => {
    const values = suqian()[1].values;
    for (const deleted of [1, 2]) {
      const grid = filledGrid('2021', values, { year: 2024 });
      const at = rowOf(grid, '2.其他法律行政法规禁止公开');
      grid.splice(at, deleted);
      const next = deleted === 1 ? '3.危及“三安全一稳定”' : '4.保护第三方合法权益';
      const reworded = deleted === 1 ? '3.危及“三安全一稳定”的' : '4.保护第三人合法权益';
      grid[at]![grid[at]!.indexOf(next)] = reworded;
      const r = readReport(grid);
      const row = deleted === 1 ? 't3.r3_3_3' : 't3.r3_3_4';
      for (const key of t3Keys(values, row)) expect([key, r.cells.get(key)?.raw]).toEqual([key, values[key]]);
      expect(r.cells.get(`${row}.total`)!.address).toBe(`J${at + 1}`);
      expect(r.cells.has('t3.r3_3_2.total')).toBe(false);
      expect(othersMisread(values, r, ['t3.r3_3_2', 't3.r3_3_3'])).toEqual([]);
      const messages = ofRule(r.findings, 'G-04').map((f) => f.message);
      // Each where to put it back: above the next row found.
      expect(messages).toContain(
        `缺少「2.其他法律行政法规禁止公开」这一行（应在「${next}」这一行之上）：该行各格无法读取，涉及它的等式无法校验。`,
      );
      if (deleted === 2)
        expect(messages).toContain(
          '缺少「3.危及“三安全一稳定”」这一行（应在「4.保护第三方合法权益」这一行之上）：该行各格无法读取，涉及它的等式无法校验。',
        );
      expect(messages.filter((m) => m.startsWith('缺少'))).toHaveLength(deleted);
      expect(messages).toContain(
        `C${at + 1} 的标签为「${reworded}」，官方文字为「${next}」：已按其文字读作该项，请恢复官方文字。`,
      );
    }
  });

  it('a row deleted and the items below it renumbered: each read by its words, the deleted one missing', () => {
    const values = suqian()[1].values;
    const grid = filledGrid('2021', values, { year: 2024 });
    const at = rowOf(grid, '3.危及“三安全一稳定”');
    grid.splice(at, 1);
    const renumbered = [
      '4.保护第三方合法权益',
      '5.属于三类内部事务信息',
      '6.属于四类过程性信息',
      '7.属于行政执法案卷',
      '8.属于行政查询事项',
    ];
    renumbered.forEach((label, i) => {
      const row = grid[at + i]!;
      row[row.indexOf(label)] = label.replace(/^\d/, (n) => String(Number(n) - 1));
    });
    const r = readReport(grid);
    expect(othersMisread(values, r, ['t3.r3_3_3'])).toEqual([]);
    expect(r.cells.has('t3.r3_3_3.total')).toBe(false);
    const messages = ofRule(r.findings, 'G-04').map((f) => f.message);
    expect(messages.filter((m) => m.startsWith('缺少'))).toEqual([
      '缺少「3.危及“三安全一稳定”」这一行（应在「4.保护第三方合法权益」这一行之上）：该行各格无法读取，涉及它的等式无法校验。',
    ]);
    // The renumbering said once, not a card a row.
    const said = messages.filter((m) => m.includes('编号'));
    expect(said).toHaveLength(1);
    expect(said[0]).toMatch(
      new RegExp(
        `^有 5 行的编号与官方表格不同（如删去上面一行后重新编了号）：C${at + 1}「3.保护第三方合法权益」（官方：「4.保护第三方合法权益」）；.*。已按各行的文字读取；请恢复官方编号。$`,
      ),
    );
    expect(messages).toHaveLength(2);
  });

  it('a row of table 3 twice (last year’s kept above, perhaps hidden): an error naming both, not 「delete the other」', () => {
    const values = suqian()[1].values;
    const grid = filledGrid('2021', values, { year: 2024 });
    const at = rowOf(grid, '一、本年新收政府信息公开申请数量');
    const lastYear = grid[at]!.map((v) => (typeof v === 'number' ? v + 1 : v));
    grid.splice(at, 0, lastYear);
    const r = readReport(grid);
    const [twice] = ofRule(r.findings, 'G-04').filter((f) => f.message.includes('都是'));
    expect(twice).toMatchObject({
      severity: 'error',
      message: `第 ${at + 1} 行与第 ${at + 2} 行都是「一、本年新收政府信息公开申请数量」这一行（其中一行可能是隐藏的行）：不能确定哪一行是本年度的，两行都未读取，涉及这一行的等式无法校验。请删去多余的一行，再校验。`,
    });
    expect(r.findings.some((f) => f.message.includes('官方表格没有的行'))).toBe(false);
    // Neither row read: no sum is checked with a row that may be last year's (a sidebar audit's false errors).
    expect([...r.cells.keys()].some((k) => k.startsWith('t3.r1.'))).toBe(false);
    expect(errors(checkGrid(grid)).map((f) => f.rule)).toEqual(['G-04']);
  });

  it('table 4 with a second row of numbers under its own (last year’s kept, or this year’s under it): an error, not a silent pick', () => {
    const values = suqian()[1].values;
    const grid = filledGrid('2021', values, { year: 2024 });
    const at = Number(/\d+$/.exec(readReport(grid).cells.get('t4.review.upheld')!.address!)![0]!) - 1;
    grid.splice(
      at + 1,
      0,
      grid[at]!.map((v) => (typeof v === 'number' ? v + 1 : v)),
    );
    const r = readReport(grid);
    expect(r.cells.get('t4.review.upheld')!.raw).toBe(values['t4.review.upheld']);
    const [second] = ofRule(r.findings, 'G-04').filter((f) => f.message.includes('又有一行数字'));
    expect(second).toMatchObject({ severity: 'error', table: 't4' });
    expect(second!.message).toMatch(
      new RegExp(
        `^第 ${at + 2} 行紧接着又有一行数字（「.+」），官方表格本表只有一行数字：读取和校验的是第 ${at + 1} 行`,
      ),
    );
    // A note under it is no second row.
    const noted = filledGrid('2021', values, { year: 2024 });
    noted.splice(at + 1, 0, ['注：本年度无行政复议案件变化。']);
    expect(readReport(noted).findings.filter((f) => f.message.includes('又有一行数字'))).toEqual([]);
  });

  it('two columns of table 3 swapped with their headers are read by their headers, and said', () => {
    const values = suqian()[1].values;
    const grid = filledGrid('2021', values, { year: 2024 });
    const header = rowOf(grid, '商业企业');
    const [a, b] = [grid[header]!.indexOf('商业企业'), grid[header]!.indexOf('科研机构')];
    // From their own headers down: 「法人或其他组织」 over both stays where it is.
    const t4 = rowOf(grid, '四、政府信息公开行政复议、行政诉讼情况');
    for (let r = header; r < t4; r++) [grid[r]![a], grid[r]![b]] = [grid[r]![b]!, grid[r]![a]!];
    const r = readReport(grid);
    const misread = Object.entries(values).filter(([k, v]) => r.cells.get(k)?.raw !== v);
    expect(misread).toEqual([]);
    const letter = (c: number) => String.fromCharCode(65 + c);
    // Both named, each where its header is (the place to click), not a cell of the title merged over them.
    expect(ofRule(r.findings, 'G-04').map((f) => [f.message, f.at])).toEqual([
      [
        `有 2 列的左右顺序与官方表格不同：「商业企业」（${letter(b)}${header + 1}）、「科研机构」（${letter(a)}${header + 1}）。已按各列自己的标题读取其数字；请按官方顺序排列。`,
        [`${letter(b)}${header + 1}`, `${letter(a)}${header + 1}`],
      ],
    ]);
    expect(errors(checkGrid(grid))).toEqual([]);
  });

  it('表四’s two groups of suits swapped with their headers are read by their headers, and said where the headers are', () => {
    const values = suqian()[1].values;
    const grid = filledGrid('2021', values, { year: 2024 });
    const header = rowOf(grid, '未经复议直接起诉');
    const direct = grid[header]!.indexOf('未经复议直接起诉');
    const after = grid[header]!.indexOf('复议后起诉');
    expect(after - direct).toBe(5);
    // The two groups of five columns, from their headers down; 「行政诉讼」 over both stays.
    for (let r = header; r < grid.length; r++)
      for (let k = 0; k < 5; k++) {
        const row = grid[r]!;
        [row[direct + k], row[after + k]] = [row[after + k]!, row[direct + k]!];
      }
    const r = readReport(grid);
    const misread = Object.entries(values).filter(([k, v]) => r.cells.get(k)?.raw !== v);
    expect(misread).toEqual([]);
    const letter = (c: number) => String.fromCharCode(65 + c);
    expect(ofRule(r.findings, 'G-04').map((f) => [f.message, f.at])).toEqual([
      [
        `表头中「复议后起诉」（${letter(direct)}${header + 1}）、「未经复议直接起诉」（${letter(after)}${header + 1}）各组列的左右顺序与官方表格不同：已按各组自己的标题读取其数字；请按官方顺序排列。`,
        [`${letter(direct)}${header + 1}`, `${letter(after)}${header + 1}`],
      ],
    ]);
    expect(errors(checkGrid(grid))).toEqual([]);
  });

  it('table 3 with its label columns merged into one: not found, and said to be laid out otherwise, not 「check the labels」', () => {
    const values = suqian()[1].values;
    const grid = filledGrid('2021', values, { year: 2024 });
    const t3 = rowOf(grid, '一、本年新收政府信息公开申请数量');
    const t4 = rowOf(grid, '四、政府信息公开行政复议、行政诉讼情况');
    for (let r = t3; r < t4; r++) {
      const row = grid[r]!;
      const label = row
        .slice(0, 3)
        .filter((v) => typeof v === 'string' && v.trim())
        .join(' ');
      grid[r] = [label, ...row.slice(3)];
    }
    const r = readReport(grid);
    expect(r.tables).toEqual(['t2', 't4']);
    expect(ofRule(r.findings, 'G-04').filter((f) => f.table === 't3')).toEqual([
      expect.objectContaining({
        severity: 'error',
        at: [`A${t3 + 1}`],
        message: expect.stringMatching(
          new RegExp(
            `^没有按官方格式找到「三、收到和处理政府信息公开申请情况」的表格：本表各行的标签在（如(工作表「.*」)?A${t3 + 1}），但行列排列与官方表格不同`,
          ),
        ),
      }),
    ]);
  });

  it('a row deleted and the next one reworded, in the 2019 edition too', () => {
    const values = jingxiu().values;
    const grid = filledGrid('2019', values, { year: 2019 });
    const at = rowOf(grid, '6.属于四类过程性信息');
    grid.splice(at, 1);
    grid[at]![2] = '7.属于行政执法案卷的';
    const r = readReport(grid);
    for (const key of t3Keys(values, 't3.r3_3_7'))
      expect([key, r.cells.get(key)?.raw]).toEqual([key, values[key]]);
    expect(r.cells.get('t3.r3_3_7.natural')!.address).toBe(`D${at + 1}`);
    expect(r.cells.has('t3.r3_3_6.natural')).toBe(false);
    expect(othersMisread(values, r, ['t3.r3_3_6'])).toEqual([]);
    expect(ofRule(r.findings, 'G-04').map((f) => f.message)).toContain(
      '缺少「6.属于四类过程性信息」这一行（应在「7.属于行政执法案卷」这一行之上）：该行各格无法读取，涉及它的等式无法校验。',
    );
  });

  it('two rows swapped and each reworded are read by their labels, with the order and the wording both said', () => {
    const values = suqian()[1].values;
    for (const [first, second] of [
      ['3.危及“三安全一稳定”', '4.保护第三方合法权益'],
      ['2.重复申请', '4.无正当理由大量反复申请'],
    ] as const) {
      const grid = filledGrid('2021', values, { year: 2024 });
      const [a, b] = swapItems(grid, first, second);
      grid[a]![2] = `${second}的`;
      grid[b]![2] = `${first}的`;
      const r = readReport(grid);
      expect(othersMisread(values, r, [])).toEqual([]);
      const findings = checkGrid(grid);
      expect(errors(findings)).toEqual([]);
      const messages = ofRule(findings, 'G-04').map((f) => f.message);
      expect(messages.filter((m) => /^有 \d 行的上下顺序与官方表格不同：/.test(m))).toHaveLength(1);
      expect(messages).toContain(
        `C${b + 1} 的标签为「${first}的」，官方文字为「${first}」：已按其文字读作该项，请恢复官方文字。`,
      );
      expect(messages).toContain(
        `C${a + 1} 的标签为「${second}的」，官方文字为「${second}」：已按其文字读作该项，请恢复官方文字。`,
      );
      expect(messages).toHaveLength(3);
    }
  });

  it('a label reworded in place (no row deleted) is still read in place', () => {
    const values = suqian()[1].values;
    const grid = filledGrid('2021', values, { year: 2024 });
    const at = rowOf(grid, '3.危及“三安全一稳定”');
    grid[at]![2] = '3.危及“三安全一稳定”的';
    const r = readReport(grid);
    expect(othersMisread(values, r, [])).toEqual([]);
    expect(errors(checkGrid(grid))).toEqual([]);
    expect(ofRule(r.findings, 'G-04').map((f) => f.message)).toEqual([
      `C${at + 1} 的标签为「3.危及“三安全一稳定”的」，官方文字为「3.危及“三安全一稳定”」：已按其文字读作该项，请恢复官方文字。`,
    ]);
  });

  it('a row deleted with the next one as printed, and two rows swapped as printed, read as before', () => {
    const values = suqian()[1].values;
    const deleted = filledGrid('2021', values, { year: 2024 });
    deleted.splice(rowOf(deleted, '2.其他法律行政法规禁止公开'), 1);
    const r = readReport(deleted);
    expect(othersMisread(values, r, ['t3.r3_3_2'])).toEqual([]);
    expect(ofRule(r.findings, 'G-04').map((f) => f.message)).toEqual([
      '缺少「2.其他法律行政法规禁止公开」这一行（应在「3.危及“三安全一稳定”」这一行之上）：该行各格无法读取，涉及它的等式无法校验。',
    ]);
    const swapped = filledGrid('2021', values, { year: 2024 });
    swapItems(swapped, '3.危及“三安全一稳定”', '4.保护第三方合法权益');
    expect(othersMisread(values, readReport(swapped), [])).toEqual([]);
    expect(ofRule(checkGrid(swapped), 'G-04')).toHaveLength(1);
  });

  it('a note inserted above a row, naming it or the row after, is a line inserted, not the row', () => {
    const values = suqian()[1].values;
    for (const words of ['危及“三安全一稳定”', '保护第三方合法权益']) {
      const grid = filledGrid('2021', values, { year: 2024 });
      const at = rowOf(grid, '3.危及“三安全一稳定”');
      grid.splice(at, 0, ['', '', `注：其中${words}的情形另行说明`]);
      const r = readReport(grid);
      expect(othersMisread(values, r, [])).toEqual([]);
      expect(ofRule(r.findings, 'G-04').map((f) => f.message)).toEqual([
        `第 ${at + 1} 行是官方表格没有的行（「注：其中${words}的情形另行说明」），未读取；请删除，保持官方格式。`,
      ]);
    }
  });

  it('the first row of a group deleted is named by its own label, not the group’s', () => {
    const grid = seedGrid();
    // The merged group label's text goes with its top row.
    grid.splice(rowOf(grid, '1.属于国家秘密'), 1);
    const [f] = ofRule(checkGrid(grid), 'G-04');
    expect(f!.message).toContain('缺少「1.属于国家秘密」这一行');
  });

  it('a merged cell of the form whose row is merged otherwise (Word, Excel) is read from the column that holds its number', () => {
    // 上海市人民政府办公厅 2019 (a real page, saved by Word and Excel): 本年增/减 over C:D as printed,
    // and in the rows 上一年项目数量 over B:C, the change alone in D. It was read as not filled.
    const grid = seedGrid();
    const changes: [string, number][] = [
      ['行政许可', 3],
      ['行政处罚', -1],
    ];
    for (const [label, change] of changes) {
      const row = grid[rowOf(grid, label)]!;
      const col = row.indexOf(label);
      row[col + 2] = null;
      row[col + 3] = change;
    }
    const report = readReport(grid);
    expect(report.cells.get('t2.license.change')).toEqual({ raw: 3, address: 'D11' });
    expect(report.cells.get('t2.penalty.change')).toEqual({ raw: -1, address: 'D15' });
    // As printed, the number in the first of its columns is read there, the rest of it not looked at.
    expect(readReport(seedGrid()).cells.get('t2.license.change')?.address).toBe('C11');
    // Merged the other way in the rows (the next cell over D:E) with this one blank: D is the next
    // cell's number, not this one's (an audit's case; the next cell's own column is blank then).
    const other = seedGrid();
    const row = other[rowOf(other, '规章')]!;
    const col = row.indexOf('规章');
    const total = row[col + 4];
    [row[col + 2], row[col + 3], row[col + 4]] = [null, total!, null];
    expect(readReport(other).cells.get('t2.rules.published')?.raw ?? null).toBe(null);
  });

  it('where the file tells its merges, a cell merged over the next one’s columns is that one’s, and a blank one is blank', () => {
    // Word's w:gridSpan: 本年新公开数量 (C:D on the form) alone in C, and 对外公开总数量 over D:E.
    const grid = seedGrid();
    const runs = new Map<number, Map<number, number>>();
    const mergedFrom = (r: number, c: number) => runs.get(r)?.get(c);
    const label = (text: string) => {
      const r = rowOf(grid, text);
      return [r, grid[r]!.indexOf(text)] as const;
    };
    for (const [text, middle] of [
      ['规章', null],
      ['规范性文件', 3],
    ] as const) {
      const [r, col] = label(text);
      const row = grid[r]!;
      const total = row[col + 4];
      [row[col + 2], row[col + 3], row[col + 4]] = [middle, total!, null];
      runs.set(r, new Map([[col + 4, col + 3]]));
    }
    // And the other way (上一年项目数量 over B:C in the row, 本年增/减 alone in D), as the real page.
    const [license, col] = label('行政许可');
    const row = grid[license]!;
    [row[col + 2], row[col + 3]] = [null, 3];
    runs.set(license, new Map([[col + 2, col + 1]]));
    // A row's label over its first number's column too: no number is taken from a label.
    const [penalty, at] = label('行政处罚');
    grid[penalty]![at + 1] = null;
    runs.set(penalty, new Map([[at + 1, at]]));
    const cells = readGrid(grid, { mergedFrom }).report!.cells;
    const raw = (key: string) => cells.get(key)?.raw ?? null;
    expect([raw('t2.rules.published'), raw('t2.rules.publicTotal')]).toEqual([null, 1]);
    expect(cells.get('t2.rules.publicTotal')?.address).toBe(
      cells.get('t2.rules.published')?.address?.replace('C', 'D'),
    );
    expect([raw('t2.normative.published'), raw('t2.normative.publicTotal')]).toEqual([3, 3]);
    expect([raw('t2.license.lastYearItems'), raw('t2.license.change')]).toEqual([70, 3]);
    expect(raw('t2.penalty.lastYearItems')).toBe(null);
    // Without the merges told, the first layout's total is not guessed at (see the test above).
    expect(readGrid(grid).report!.cells.get('t2.rules.publicTotal')?.raw ?? null).toBe(null);
  });

  it('a column a page draws with no width (its merges do not line up) is read in the column before it', () => {
    // Chromium's PDF of 上海市人民政府办公厅 2019's table 2: C has no width, so 本年增/减 of (八) and
    // 采购总金额 (D:E on the form) stand in the column of 本年新公开数量 (C:D). 「缺少这一列」 was said.
    const rows = [
      ['第二十条第（一）项', null, null, null],
      ['信息内容', '本年新制作数量', '本年新公开数量', '对外公开总数量'],
      ['规章', '2', '2', '30'],
      ['规范性文件', '5', '5', '40'],
      ['第二十条第（五）项', null, null, null],
      ['信息内容', '上一年项目数量', '本年增/减', '处理决定数量'],
      ['行政许可', '12', '+3', '150'],
      ['其他对外管理服务事项', '4', '0', '9'],
      ['第二十条第（六）项', null, null, null],
      ['信息内容', '上一年项目数量', '本年增/减', '处理决定数量'],
      ['行政处罚', '7', '-1', '20'],
      ['行政强制', '1', '0', '2'],
      ['第二十条第（八）项', null, null, null],
      ['信息内容', '上一年项目数量', '本年增/减', null],
      ['行政事业性收费', '3', '-2', null],
      ['第二十条第（九）项', null, null, null],
      ['信息内容', '采购项目数量', '采购总金额', null],
      ['政府集中采购', '4', '56000', null],
    ];
    const r = readDocument([{ table: { rows, where: (row, col) => `表格第${row + 1}行第${col + 1}列` } }]);
    const raw = (key: string) => String(r.report!.cells.get(key as never)?.raw);
    expect([raw('t2.rules.published'), raw('t2.license.change'), raw('t2.fees.change')]).toEqual([
      '2',
      '+3',
      '-2',
    ]);
    expect([raw('t2.procurement.count'), raw('t2.procurement.amount')]).toEqual(['4', '56000']);
    expect(r.report!.findings.filter((f) => f.table === 't2')).toEqual([]);
    // A blank 上一年项目数量 or 采购项目数量 stays blank: the column it shares is 本年增/减's, not its own.
    const blanks = rows.map((row) =>
      ['行政事业性收费', '政府集中采购'].includes(row[0]!) ? [row[0]!, null, row[2]!, null] : row,
    );
    const b = readDocument([
      { table: { rows: blanks, where: (row, col) => `表格第${row + 1}行第${col + 1}列` } },
    ]);
    const read = (key: string) => b.report!.cells.get(key as never)?.raw ?? null;
    expect([read('t2.fees.lastYearItems'), read('t2.fees.change')]).toEqual([null, '-2']);
    expect([read('t2.procurement.count'), read('t2.procurement.amount')]).toEqual([null, 56000]);
  });

  it('a header a page broke with <br>, put on two rows by Excel or Calc, is the header, not a row inserted', () => {
    // 上海市人民政府办公厅 2019 opened in Calc: 「本年新<br>制作数量」 became 「本年新」 over 「制作数量」.
    const grid = seedGrid();
    const at = rowOf(grid, '本年新制作数量');
    const header = grid[at]!;
    const second = header.map(() => null as RawValue);
    for (const [label, head, rest] of [
      ['本年新制作数量', '本年新', '制作数量'],
      ['本年新公开数量', '本年新', '公开数量'],
    ] as const) {
      const col = header.indexOf(label);
      header[col] = head;
      second[col] = rest;
    }
    grid.splice(at + 1, 0, second);
    const g04 = ofRule(checkGrid(grid), 'G-04').map((f) => f.message);
    expect(g04.filter((m) => m.includes('官方表格没有的行'))).toEqual([]);
    expect(readReport(grid).cells.get('t2.rules.made')?.raw).toBe(
      readReport(seedGrid()).cells.get('t2.rules.made')?.raw,
    );
    // A row of other words there is still a row inserted.
    const other = seedGrid();
    other.splice(rowOf(other, '本年新制作数量') + 1, 0, ['', '', '其中：', '市级']);
    expect(ofRule(checkGrid(other), 'G-04').some((f) => f.message.includes('官方表格没有的行'))).toBe(true);
  });

  it('an empty column inserted is said to be empty, not a subtotal', () => {
    const grid = seedGrid();
    for (const row of grid) row.splice(4, 0, null);
    const messages = ofRule(checkGrid(grid), 'G-04').map((f) => f.message);
    expect(messages.length).toBeGreaterThan(0);
    for (const m of messages) expect(m).toMatch(/^E 列是官方表格没有的空列，未读取；请删除，保持官方格式。$/);
  });

  it('in a document (PDF, Word) an empty column comes of how the page was drawn: not said', () => {
    const grid = seedGrid();
    for (const row of grid) row.splice(4, 0, null);
    const rows = grid.map((row) => row.map((v) => (v === null || v === undefined ? null : String(v))));
    const r = readDocument([{ table: { rows, where: (row, col) => `表格第${row + 1}行第${col + 1}列` } }]);
    expect(r.report!.findings.filter((f) => f.message.includes('空列'))).toEqual([]);
    expect(r.report!.cells.get('t3.r3_7.natural')!.raw).toBe(5);
  });

  it('table 3 split by its writer, the second part on columns of its own with one label column fewer: read on the first’s', () => {
    // As a page whose second <table> holds only （六）, （七） and 四 prints: their labels need two
    // label columns, not three, so every number stands one column further left than above.
    const grid = seedGrid();
    const text = (row: RawValue[]) => row.map((v) => (v === null || v === undefined ? null : String(v)));
    const top = rowOf(grid, '三、收到和处理政府信息公开申请情况');
    const cut = grid.findIndex((r) => r.includes('（六）其他处理'));
    const end = rowOf(grid, '四、政府信息公开行政复议、行政诉讼情况');
    const header = grid.slice(top + 1, top + 4);
    const fewer = (row: RawValue[]) => text(row.filter((_, col) => col !== 2));
    const at = (row: number, col: number) => `表格第${row + 1}行第${col + 1}列`;
    const r = readDocument([
      { table: { rows: grid.slice(0, top).map(text), where: at } },
      { line: '三、收到和处理政府信息公开申请情况' },
      { table: { rows: grid.slice(top + 1, cut).map(text), where: at } },
      { table: { rows: [...header, ...grid.slice(cut, end)].map(fewer), where: at } },
      ...grid.slice(end, end + 1).map((row) => ({ line: String(row[0]) })),
      { table: { rows: grid.slice(end + 1).map(text), where: at } },
    ]);
    expect(Object.fromEntries([...r.report!.cells].map(([k, c]) => [k, c.raw]))).toEqual(jingxiu().values);
    expect(r.report!.cells.get('t3.r4.natural')!.address).toBe('表格第6行第3列');
    // Its second part under 「续表三」, the header repeated on the same columns: the header is no row.
    const continued = readDocument([
      { table: { rows: grid.slice(0, top).map(text), where: at } },
      { line: '三、收到和处理政府信息公开申请情况' },
      { table: { rows: grid.slice(top + 1, cut).map(text), where: at } },
      { line: '续表三' },
      { table: { rows: [...header, ...grid.slice(cut, end)].map(text), where: at } },
      ...grid.slice(end, end + 1).map((row) => ({ line: String(row[0]) })),
      { table: { rows: grid.slice(end + 1).map(text), where: at } },
    ]);
    expect(Object.fromEntries([...continued.report!.cells].map(([k, c]) => [k, c.raw]))).toEqual(
      jingxiu().values,
    );
    expect(continued.report!.findings.map((f) => f.message).join()).not.toContain('官方表格没有的行');
  });

  it('a table that cannot be found is an error, and the others are still checked', () => {
    const grid = seedGrid().slice(0, rowOf(seedGrid(), '四、政府信息公开行政复议、行政诉讼情况'));
    const findings = checkGrid(grid);
    expect(readReport(grid).tables).toEqual(['t2', 't3']);
    expect(errors(findings).map((f) => f.message)).toEqual([
      '没有找到「四、政府信息公开行政复议、行政诉讼情况」的表格：该表无法校验；请检查标签是否被改动。',
    ]);
  });
});

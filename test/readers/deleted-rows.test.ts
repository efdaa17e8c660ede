import { describe, expect, it } from 'vitest';
import { readGrid } from '../../src/readers/grid.js';
import type { Edition, RawValue, Report } from '../../src/report/types.js';
import { filledGrid, jingxiu, ofRule, suqian } from '../helpers.js';

const values = (edition: Edition) => (edition === '2019' ? jingxiu().values : suqian()[1].values);
const grid = (edition: Edition) => filledGrid(edition, values(edition), { year: 2020 });
const rowOf = (g: RawValue[][], label: string) => g.findIndex((r) => r.includes(label));

function read(g: RawValue[][]): Report {
  const r = readGrid(g);
  if (!r.report) throw new Error(r.problem);
  return r.report;
}

/** Table 3's numbers as read: each its own value, or not read at all (its row missing). */
function misread(edition: Edition, report: Report): string[] {
  return Object.entries(values(edition))
    .filter(([k]) => k.startsWith('t3.'))
    .filter(([k, v]) => report.cells.has(k) && report.cells.get(k)!.raw !== v)
    .map(([k, v]) => `${k}: ${String(v)} → ${String(report.cells.get(k)!.raw)}`);
}

/** Any table's numbers read into another cell: a value read that is not the cell's own (blank is no number). */
function moved(edition: Edition, report: Report): string[] {
  return Object.entries(values(edition))
    .filter(([k, v]) => {
      const raw = report.cells.get(k)?.raw;
      return raw !== undefined && raw !== null && raw !== '' && raw !== v;
    })
    .map(([k]) => k);
}

/** A table's cells (「t4.」) not read at all. */
const unread = (edition: Edition, report: Report, table: string) =>
  Object.keys(values(edition)).filter((k) => k.startsWith(table) && !report.cells.has(k));

/** 表三's data rows in a filled template: its first row's and its last row's grid rows. */
const tableThree = (g: RawValue[][]) =>
  [rowOf(g, '一、本年新收政府信息公开申请数量'), rowOf(g, '四、结转下年度继续办理')] as const;

const missingRows = (r: Report) =>
  ofRule(r.findings, 'G-04')
    .filter((f) => f.table === 't3')
    .map((f) => /^缺少「(.+?)」这一行/.exec(f.message)?.[1] ?? f.message);

describe('rows a clerk deleted from 表三', () => {
  it('2019: 「3.危及“三安全一稳定”」 deleted (it split the labels’ votes, and the table was not found)', () => {
    const g = grid('2019');
    g.splice(rowOf(g, '3.危及“三安全一稳定”'), 1);
    const r = read(g);
    expect(r.tables).toContain('t3');
    expect(missingRows(r)).toEqual(['3.危及“三安全一稳定”']);
    expect(misread('2019', r)).toEqual([]);
  });

  it('2021: three rows far apart deleted: each said missing, every other number read as written', () => {
    const g = grid('2021');
    for (const label of ['2.重复申请', '4.保护第三方合法权益', '（一）予以公开'])
      g.splice(rowOf(g, label), 1);
    const r = read(g);
    expect(missingRows(r).sort()).toEqual(['（一）予以公开', '2.重复申请', '4.保护第三方合法权益'].sort());
    expect(misread('2021', r)).toEqual([]);
  });

  it.each(['2019', '2021'] as const)(
    '%s: any two rows deleted (the last aside): the table found, both rows said missing, no number moved',
    (edition) => {
      const base = grid(edition);
      const [first, last] = tableThree(base);
      const wrong: string[] = [];
      for (let a = first; a < last; a++)
        for (let b = a + 1; b < last; b++) {
          const r = read(base.filter((_, i) => i !== a && i !== b));
          const missing = missingRows(r);
          const bad = misread(edition, r);
          if (!r.tables.includes('t3') || missing.length !== 2 || bad.length)
            wrong.push(`rows ${a + 1}, ${b + 1}: ${r.tables.join()} ${missing.join('、')} ${bad.join('; ')}`);
        }
      expect(wrong).toEqual([]);
    },
  );
});

describe('rows put into 表三 (a note, a repeated header) are not taken for rows deleted', () => {
  it.each(['2019', '2021'] as const)(
    '%s: the header’s three rows repeated at any row: 表三 read right, or not found (an error), never a number moved',
    (edition) => {
      const base = grid(edition);
      const [first, last] = tableThree(base);
      const header = base.slice(first - 3, first);
      const wrong: string[] = [];
      for (let at = first + 1; at <= last; at++) {
        const g = [...base.slice(0, at), ...header, ...base.slice(at)];
        const r = read(g);
        const bad = misread(edition, r);
        if (bad.length) wrong.push(`at row ${at + 1}: ${bad.join('; ')}`);
      }
      expect(wrong).toEqual([]);
    },
  );
});

describe('any two rows deleted anywhere on the sheet (titles, headers, any table’s rows)', () => {
  it.each(['2019', '2021'] as const)('%s: no number is ever read into another cell', (edition) => {
    const base = grid(edition);
    const wrong: string[] = [];
    for (let a = 0; a < base.length; a++)
      for (let b = a + 1; b < base.length; b++) {
        const r = readGrid(base.filter((_, i) => i !== a && i !== b)).report;
        if (!r) continue;
        const wrongCells = moved(edition, r);
        if (wrongCells.length) wrong.push(`rows ${a + 1}, ${b + 1}: ${wrongCells.join(' ')}`);
      }
    expect(wrong).toEqual([]);
  });

  it.each(['2019', '2021'] as const)(
    '%s: every table found, unless two of its header rows go (表四 was lost with its 「结果维持」 row alone)',
    (edition) => {
      const base = grid(edition);
      const first = (r: number) => String(base[r]!.find((v) => v !== null && v !== '') ?? '');
      const lost: string[] = [];
      for (let a = 0; a < base.length; a++)
        for (let b = a + 1; b < base.length; b++) {
          const r = readGrid(base.filter((_, i) => i !== a && i !== b)).report;
          const gone = (['t2', 't3', 't4'] as const).filter((t) => !r?.tables.includes(t));
          if (gone.length) lost.push(`${first(a)} + ${first(b)}: ${gone.join()}`);
        }
      expect(lost.sort()).toEqual([
        '信息内容 + 信息内容: t2',
        '结果维持 + 结果维持: t4',
        '行政复议 + 结果维持: t4',
      ]);
    },
  );
});

describe('notes a clerk put in as rows', () => {
  it('a note above 表四’s row of numbers: an inserted row, the numbers read (the note was read as the first number)', () => {
    const g = grid('2021');
    const at = g.findIndex((r) => r[0] === values('2021')['t4.review.upheld']);
    g.splice(at, 0, ['注：本行为说明']);
    const r = read(g);
    const t4 = Object.entries(values('2021')).filter(([k]) => k.startsWith('t4.'));
    expect(t4.filter(([k, v]) => r.cells.get(k)?.raw !== v)).toEqual([]);
    expect(ofRule(r.findings, 'G-04').map((f) => f.message)).toContainEqual(
      `第 ${at + 1} 行是官方表格没有的行（「注：本行为说明」），未读取；请删除，保持官方格式。`,
    );
  });

  it.each(['2019', '2021'] as const)(
    '%s: two notes anywhere: every table found, no number moved (notes in 表二 split its labels’ votes, and it was not found)',
    (edition) => {
      const base = grid(edition);
      const wrong: string[] = [];
      for (let a = 1; a < base.length; a++)
        for (let b = a; b < base.length; b += 3) {
          const g = [...base];
          g.splice(b, 0, ['注：本行为说明']);
          g.splice(a, 0, ['注：另一说明']);
          const r = read(g);
          const wrongCells = moved(edition, r);
          if (r.tables.length < 3 || wrongCells.length)
            wrong.push(`notes at ${a + 1}, ${b + 2}: ${r.tables.join()} ${wrongCells.join(' ')}`);
        }
      expect(wrong).toEqual([]);
    },
  );
});

describe('a table’s last row deleted', () => {
  it.each([
    ['2019', '政府集中采购', 't2'],
    ['2021', '行政事业性收费', 't2'],
    ['2019', '四、结转下年度继续办理', 't3'],
    ['2021', '四、结转下年度继续办理', 't3'],
  ] as const)('%s 「%s」: said missing, not read from the blank line below it', (edition, label, table) => {
    const g = grid(edition);
    g.splice(rowOf(g, label), 1);
    const r = read(g);
    const said = ofRule(r.findings, 'G-04').filter((f) => f.table === table);
    expect(said.map((f) => f.message)).toEqual([
      `缺少「${label}」这一行：该行各格无法读取，涉及它的等式无法校验。`,
    ]);
    const own = Object.keys(values(edition)).filter((k) => k.startsWith(`${table}.`));
    expect(own.filter((k) => r.cells.get(k)?.raw === '')).toEqual([]);
  });
});

describe('a sheet column deleted', () => {
  it.each(['2019', '2021'] as const)(
    '%s: any one column: no number read into another cell (表四 read the next group’s 「总计」 for a group’s)',
    (edition) => {
      const base = grid(edition);
      const width = Math.max(...base.map((r) => r.length));
      const wrong: string[] = [];
      for (let c = 0; c < width; c++) {
        const r = readGrid(base.map((row) => row.filter((_, i) => i !== c))).report;
        if (!r) continue;
        const wrongCells = moved(edition, r);
        if (wrongCells.length) wrong.push(`column ${c + 1}: ${wrongCells.join(' ')}`);
      }
      expect(wrong).toEqual([]);
    },
  );
});

describe('表四’s columns deleted (its cells shifted left, as Excel does for the table’s rows)', () => {
  it.each(['2019', '2021'] as const)(
    '%s: any one column: said missing, no number read into another cell, no other number lost',
    (edition) => {
      const base = grid(edition);
      const top = rowOf(base, '行政复议');
      const wrong: string[] = [];
      for (let c = 0; c < 15; c++) {
        const g = base.map((row, r) => (r >= top ? row.filter((_, i) => i !== c) : row));
        const r = read(g);
        const lost = unread(edition, r, 't4.');
        const said = ofRule(r.findings, 'G-04').filter((f) => /^缺少「.+」这一列/.test(f.message));
        if (moved(edition, r).length || lost.length !== 1 || said.length !== 1)
          wrong.push(`column ${c + 1}: moved ${moved(edition, r).join(' ')}; lost ${lost.join(' ')}`);
      }
      expect(wrong).toEqual([]);
    },
  );
});

describe('as Excel, Word or a page editor deletes: a merged label stays, on the next row or column', () => {
  /** Deletes grid row `r`; a label that started on it moves to the next row, as a merged cell's text does. */
  function deleteRowKeepingLabels(g: RawValue[][], r: number, labels: readonly string[]): void {
    const next = g[r + 1]!;
    g[r]!.forEach((v, c) => {
      if (typeof v === 'string' && labels.includes(v) && (next[c] === '' || next[c] === null)) next[c] = v;
    });
    g.splice(r, 1);
  }

  it.each(['2019', '2021'] as const)(
    '%s: a group’s first row deleted (「1.属于国家秘密」 under 「（三）不予公开」): that row missing, the next read as itself',
    (edition) => {
      const g = grid(edition);
      deleteRowKeepingLabels(g, rowOf(g, '1.属于国家秘密'), ['（三）不予公开']);
      const r = read(g);
      expect(missingRows(r)).toEqual(['1.属于国家秘密']);
      expect(misread(edition, r)).toEqual([]);
    },
  );

  it('2021: the 自然人 column deleted, 「申请人情况」 moved onto the next: said missing, no column read as another', () => {
    const g = grid('2021');
    const col = g[rowOf(g, '自然人')]!.indexOf('自然人');
    const top = rowOf(g, '申请人情况');
    for (const row of g) {
      if (row === g[top] && row[col + 1] === '') row[col + 1] = row[col]!;
      row.splice(col, 1);
    }
    const r = read(g);
    expect(misread('2021', r)).toEqual([]);
    expect(ofRule(r.findings, 'G-04').map((f) => f.message)).toContainEqual(
      '缺少「自然人」这一列：该列各格无法读取，涉及它的等式无法校验。',
    );
  });

  it('a document’s 2019 表二, its sections’ headers repeated, any one row deleted: 2019, no number moved', () => {
    const g = grid('2019');
    const t2 = rowOf(g, '第二十条第（一）项');
    const t2End = rowOf(g, '三、收到和处理政府信息公开申请情况');
    const doc = [
      ...g.slice(t2, t2End).filter((r) => r.some((v) => v !== null && v !== '')),
      ...g.slice(
        rowOf(g, '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）'),
        rowOf(g, '四、政府信息公开行政复议、行政诉讼情况'),
      ),
      ...g.slice(rowOf(g, '行政复议')),
    ];
    const wrong: string[] = [];
    for (
      let row = 0;
      doc[row]![0] !== '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';
      row++
    ) {
      const r = readGrid([...doc.slice(0, row), ...doc.slice(row + 1)], { document: true }).report!;
      if (r.edition !== '2019' || moved('2019', r).length)
        wrong.push(`${String(doc[row]![0])}: ${r.edition} ${moved('2019', r).join(' ')}`);
    }
    expect(wrong).toEqual([]);
  });

  it.each(['2019', '2021'] as const)(
    '%s: 表四’s header row of 「未经复议直接起诉」 deleted, 行政复议’s labels moved down: every number read as itself',
    (edition) => {
      const g = grid(edition);
      deleteRowKeepingLabels(g, rowOf(g, '未经复议直接起诉'), [
        '结果维持',
        '结果纠正',
        '其他结果',
        '尚未审结',
        '总计',
      ]);
      g.push(['五、存在的主要问题及改进情况']);
      const r = read(g);
      expect(moved(edition, r)).toEqual([]);
      expect(unread(edition, r, 't4.')).toEqual([]);
    },
  );

  it.each(['2019', '2021'] as const)(
    '%s: 表四’s numbers deleted, part 五’s title below: said missing, the title not read as a number',
    (edition) => {
      const g = grid(edition);
      const numbers = rowOf(g, '未经复议直接起诉') + 2;
      g.splice(numbers, 1, ['五、存在的主要问题及改进情况']);
      const r = read(g);
      expect([...r.cells.keys()].filter((k) => k.startsWith('t4.'))).toEqual([]);
      expect(ofRule(r.findings, 'G-04').map((f) => f.message)).toContainEqual(
        '缺少本表第 4 行（数字所在的行）：该行各格无法读取，涉及它的等式无法校验。',
      );
    },
  );

  it('2021: 表三’s header rows of 「申请人情况」 and 「商业企业」 deleted, a column put in: every number read as itself', () => {
    const g = grid('2021');
    const note = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';
    deleteRowKeepingLabels(g, rowOf(g, '申请人情况'), [note]);
    g.splice(rowOf(g, '商业企业'), 1);
    // Without the column labels of the rows deleted, only 「自然人」 and 「总计」 say where columns are.
    const col = g[rowOf(g, '自然人')]!.indexOf('自然人');
    for (const row of g) row.splice(col, 0, '');
    const r = read(g);
    expect(misread('2021', r)).toEqual([]);
    expect(unread('2021', r, 't3.')).toEqual([]);
  });

  it('a document’s tables stacked from its first row, 表三’s last row deleted: missing, not read from 表四’s header below', () => {
    const g = grid('2019');
    const start = rowOf(g, '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）');
    const t4 = rowOf(g, '行政复议');
    const doc = [...g.slice(start, rowOf(g, '四、结转下年度继续办理')), ...g.slice(t4)];
    const r = readGrid(doc, { document: true }).report!;
    expect(r.edition).toBe('2019');
    expect(missingRows(r)).toEqual(['四、结转下年度继续办理']);
    expect(misread('2019', r)).toEqual([]);
  });
});

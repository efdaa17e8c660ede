import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { check } from '../../src/checks/engine.js';
import { htmlToText } from '../../src/readers/html.js';
import { readText } from '../../src/readers/text/index.js';
import { PART_TITLES } from '../../src/report/parts.js';
import type { Report } from '../../src/report/types.js';
import {
  errors,
  fixturePath,
  jingxiu,
  ofRule,
  reportHtml,
  seedHtml,
  suqian,
  type Values,
} from '../helpers.js';

const seedText = () => readFileSync(fixturePath('jingxiu-2019.txt'), 'utf8');

function read(text: string): Report {
  const r = readText(text, { source: 'test.txt' });
  if (!r.report) throw new Error(r.problem);
  return r.report;
}

const raws = (r: Report) => Object.fromEntries([...r.cells].map(([k, c]) => [k, c.raw]));

/** The seed with one row's numbers replaced (the row starts at the line holding `label`). */
function withRow(text: string, label: string, values: readonly string[]): string {
  const lines = text.split('\n');
  let i = lines.findIndex((l) => l.includes(label));
  let n = 0;
  while (n < values.length) {
    i++;
    if (lines[i]!.trim() === '') continue;
    lines[i] = `\t${values[n++]}`;
  }
  return lines.join('\n');
}

/** The copy a row a line, its cells parted by tabs: as a browser copies a table without paragraphs. */
const rowPerLine = (text: string) =>
  text
    .split(/\n\s*\n/)
    .map((block) =>
      block
        .split('\n')
        .map((l) => l.trim())
        .join('\t'),
    )
    .join('\n');

/** The seed's values, the cells of `row` named by `columns` left empty. */
function emptiedIn(row: string, columns: readonly string[]): Values {
  const values = { ...jingxiu().values };
  for (const c of columns) values[`${row}.${c}`] = '';
  return values;
}

describe('a published report as copied text (保定市竞秀区 2019)', () => {
  it('reads every number of the three tables, cell by cell, with edition, agency and year', () => {
    const r = read(seedText());
    const expected = jingxiu();
    expect(r.edition).toBe('2019');
    expect(r.agency).toBe('保定市竞秀区人民政府');
    expect(r.year).toBe(2019);
    expect(r.tables).toEqual(['t2', 't3', 't4']);
    expect(raws(r)).toEqual(expected.values);
  });

  it('a signature with a control or a direction mark in it is still the body’s name, without them', () => {
    const text = seedText().replace('保定市竞秀区人民政府   ', '保定市竞秀区\u202e人民政府\u0007   ');
    expect(read(text).agency).toBe('保定市竞秀区人民政府');
  });

  it('finds the six part titles, not the subheadings of part 一 that resemble them', () => {
    const r = read(seedText());
    const lines = seedText().split('\n');
    expect(r.published!.titles.map((l) => lines[l - 1]!.trim())).toEqual([...PART_TITLES]);
    // Part 一's own subheadings 「二、主动公开政府信息的情况」 and 「三、依申请公开政府信息情况」 are not titles.
    expect(r.published!.titles.slice(1, 3)).toEqual([10, 86]);
    expect(r.published!.parts[5]).toContain('无其他需要报告的事项');
  });

  it('balances: no error; the glued label is read and said', () => {
    const findings = check(read(seedText()));
    expect(errors(findings)).toEqual([]);
    expect(ofRule(findings, 'G-04').map((f) => f.message)).toEqual([
      '标签与官方表述不同，已按官方标签读取：「3.危及“三安全一稳定”0」是标签「3.危及“三安全一稳定”」与数字 0 连写（第166行）。',
    ]);
  });

  it('one row per line with tabs between cells reads the same', () => {
    expect(raws(read(rowPerLine(seedText())))).toEqual(jingxiu().values);
  });

  it('lines ended by a carriage return alone, or by 「\\r\\n」, read as lines: the same cells, findings and line numbers', () => {
    const lf = read(seedText());
    for (const end of ['\r', '\r\n']) {
      const other = read(seedText().replace(/\n/g, end));
      expect(raws(other)).toEqual(jingxiu().values);
      expect([...other.cells].map(([, c]) => c.address)).toEqual([...lf.cells].map(([, c]) => c.address));
      expect(check(other)).toEqual(check(lf));
    }
  });

  it('a label a page broke over two lines (「<br>」) is its row’s, and its rest no number: one cell a line or a row a line', () => {
    const broken = seedText()
      .replace('\t（二）部分公开（区分处理的', '\t（二）部分公开\n（区分处理的')
      .replace('\t一、本年新收政府信息公开申请数量', '\t一、本年新收政府信息公开\n申请数量');
    // As a browser copies a row whose label a 「<br>」 breaks: the label's first line alone.
    const rows = rowPerLine(broken)
      .replace('部分公开\t', '部分公开\n')
      .replace('政府信息公开\t申请', '政府信息公开\n申请');
    for (const text of [broken, rows]) {
      expect(text).toContain('（二）部分公开\n');
      const r = read(text);
      expect(raws(r)).toEqual(jingxiu().values);
      expect(
        ofRule(check(r), 'G-04')
          .map((f) => f.message)
          .join(),
      ).not.toContain('部分公开');
    }
  });

  // As Chromium copies a table whose cells hold no paragraph: an empty cell is nothing between two
  // tabs, and a 「<br>」 in a cell breaks the row's line (「<td>5<br></td>」, 「<td><br>0</td>」).
  it('a row a line: empty cells between tabs and at the end are empty, a cell’s <br> moves no number', () => {
    const rows = rowPerLine(seedText());
    const row = '一、本年新收政府信息公开申请数量\t5\t0\t0\t0\t0\t0\t5';
    expect(rows).toContain(row);
    const label = '一、本年新收政府信息公开申请数量';
    const emptied = read(rows.replace(row, `${label}\t5\t\t0\t0\t0\t0\t`));
    expect(raws(emptied)).toEqual({ ...jingxiu().values, 't3.r1.business': '', 't3.r1.total': '' });
    for (const broken of [
      `${label}\t5\n\t0\t0\t0\t0\t0\t5`,
      `${label}\t5\t\n0\t0\t0\t0\t0\t5`,
      `${label}\t5\t\n0\n\t\n0\t0\t0\t0\t5`,
      `${label}\n\t\n5\t0\t0\t0\t0\t0\t5`,
    ])
      expect(raws(read(rows.replace(row, broken))), broken).toEqual(jingxiu().values);
  });

  // Where a cell's 「<br>」 broke the row's line, the tabs after it go on with the row: the first ends
  // the cell above, each one more is an empty cell. Taken for an indent, they moved each number after
  // them a cell to the left (「5<br></td><td></td><td>0」: the 0 read as the empty cell's).
  it('a row a line: an empty cell after a cell’s <br> is read empty, no number moved', () => {
    const rows = rowPerLine(seedText());
    const label = '一、本年新收政府信息公开申请数量';
    const row = `${label}\t5\t0\t0\t0\t0\t0\t5`;
    expect(rows).toContain(row);
    const cases: [string, string[]][] = [
      [`${label}\t5\n\t\t0\t0\t0\t0\t5`, ['business']],
      [`${label}\t5\n\t\t\n0\t0\t0\t0\t5`, ['business']],
      [`${label}\t5\t0\n\t\t\t0\t0\t5`, ['research', 'nonprofit']],
      [`${label}\n\t\t0\t0\t0\t0\t0\t5`, ['natural']],
      // A cell of a 「<br>」 only.
      [`${label}\t\n\t0\t0\t0\t0\t0\t5`, ['natural']],
      [`${label}\t5\t\n\t0\t0\t0\t0\t5`, ['business']],
      // The row ends after them: each tab begins an empty cell.
      [`${label}\t5\t0\t0\t0\t0\n\t\t`, ['other', 'total']],
    ];
    for (const [broken, emptied] of cases) {
      expect(raws(read(rows.replace(row, broken))), broken).toEqual(emptiedIn('t3.r1', emptied));
    }
  });

  // Table 4's row of numbers has no label: where its first cells are empty (「<td></td>」), its line
  // begins with their tabs, which a row a line also begins with where a 「<br>」 ended the label.
  it('a row a line: table 4’s first cells empty are read empty, with or without a <br> after them', () => {
    const rows = rowPerLine(seedText());
    const row = '0\t0\t1\t0\t1\t7\t0\t0\t0\t7\t1\t0\t0\t0\t1';
    expect(rows).toContain(`总计\n${row}\n`);
    const cases: [string, string[]][] = [
      ['\t0\t1\t0\t1\t7\t0\t0\t0\t7\t1\t0\t0\t0\t1', ['upheld']],
      ['\t\n0\t1\t0\t1\t7\t0\t0\t0\t7\t1\t0\t0\t0\t1', ['upheld']],
      ['\t\t\t0\t1\t7\t0\t0\t0\t7\t1\t0\t0\t0\t1', ['upheld', 'corrected', 'other']],
      ['\t\t\n1\t0\t1\t7\t0\t0\t0\t7\t1\t0\t0\t0\t1', ['upheld', 'corrected']],
    ];
    for (const [broken, emptied] of cases) {
      expect(raws(read(rows.replace(`总计\n${row}\n`, `总计\n${broken}\n`))), broken).toEqual(
        emptiedIn('t4.review', emptied),
      );
    }
  });

  it('cells written wrong on one line (a row a line) are listed by that line once, with how many', () => {
    const rows = rowPerLine(seedText()).replace(
      /(二、上年结转政府信息公开申请数量)((?:\t0){7})/,
      (_, label: string) => `${label}${'\t０'.repeat(7)}`,
    );
    const line = rows.split('\n').findIndex((l) => l.startsWith('二、上年结转')) + 1;
    const [wrong] = ofRule(check(read(rows)), 'G-01');
    expect(wrong!.message).toMatch(new RegExp(`全部：第${line}行（7 格）。$`));
  });

  it('numbers on one line separated by spaces read the same', () => {
    const spaced = seedText().replace(
      /一、本年新收政府信息公开申请数量\n(\t\d+\n){7}/,
      '一、本年新收政府信息公开申请数量 5 0 0 0 0 0 5\n',
    );
    expect(spaced).not.toBe(seedText());
    expect(raws(read(spaced))).toEqual(jingxiu().values);
  });

  it('a wrong total is an error naming the culprit and the line it is on', () => {
    const text = withRow(seedText(), '（七）总计', ['4', '0', '0', '0', '0', '0', '5']);
    const culprit = errors(check(read(text))).find((f) => f.culprit);
    expect(culprit?.culprit).toBe('t3.r3_7.natural');
    expect(culprit?.suggested).toBe(5);
    expect(culprit?.message).toContain('（七）总计·自然人（第330行）');
  });

  it('full-width digits, 「—」, 「/」 and half-width brackets are read and said, never guessed', () => {
    let text = withRow(seedText(), '（七）总计', ['５', '—', '/', '0', '0', '0', '5']);
    text = text.replace('（六）其他处理', '(六)其他处理');
    const findings = check(read(text));
    expect(errors(findings)).toEqual([]);
    expect(ofRule(findings, 'G-01').map((f) => f.cells)).toEqual([['t3.r3_7.natural']]);
    expect(ofRule(findings, 'G-03').flatMap((f) => f.cells)).toEqual([
      't3.r3_7.business',
      't3.r3_7.research',
    ]);
    expect(ofRule(findings, 'G-04')[0]!.message).toContain(
      '「(六)其他处理」按「（六）其他处理」读取（第319行）',
    );
  });

  it('an amount with its unit in 元 is read with its unit', () => {
    const r = read(seedText().replace('7441.879403万元', '251000元'));
    expect(r.cells.get('t2.procurement.amount')!.raw).toBe('251000元');
    expect(ofRule(check(r), 'T2-19-06')).toEqual([]);
  });

  it('a table cut off: the rows that are there are read, the rest is an error saying where', () => {
    const text = seedText();
    const cut = text.slice(0, text.indexOf('2.重复申请') + 20);
    const r = read(cut);
    expect(r.cells.get('t3.r3_5_1.natural')!.raw).toBe(0);
    expect(r.cells.has('t3.r3_5_2.natural')).toBe(false);
    const g04 = errors(r.findings);
    expect(g04[0]!.message).toBe(
      '「2.重复申请」行应有 7 个数，只读到 5 个（表格在此中断或缺格），该行的数字未读取。',
    );
    expect(g04[0]!.at).toEqual(['第276行']);
    expect(g04.slice(1).map((f) => f.message)).toEqual([
      '表格在第272行之后中断：「3.要求提供公开出版物」及以后共 6 行没有找到，其数字未读取。',
      '没有找到「四、政府信息公开行政复议、行政诉讼情况」的表格：该表无法校验；请检查标签是否被改动。',
    ]);
    expect(ofRule(check(r), 'S-01')[0]!.message).toBe(
      '缺少「四、政府信息公开行政复议、行政诉讼情况」、「五、存在的主要问题及改进情况」、「六、其他需要报告的事项」：年报应按顺序包含全部六个部分的标题。',
    );
  });

  it('a row label missing in the middle: that row is an error, its numbers are not given to another row', () => {
    const r = read(seedText().replace('\t2.重复申请\n', ''));
    expect(errors(r.findings).map((f) => [f.message, f.at])).toEqual([
      ['找不到「2.重复申请」这一行，该行的数字未读取。', ['第274行']],
    ]);
    expect([...r.cells.keys()].filter((k) => k.startsWith('t3.r3_5_2.'))).toEqual([]);
    expect(r.cells.get('t3.r3_5_3.natural')).toEqual({ raw: 0, address: '第287行' });
  });

  it('a line of prose between a part title and its table (「具体情况见下表：」) is not read as a cell', () => {
    const title = '四、政府信息公开行政复议、行政诉讼情况\n';
    const intro = seedText().replace(title, `${title}具体情况见下表：\n`);
    const r = read(intro);
    expect(raws(r)).toEqual(jingxiu().values);
    expect(check(r).filter((f) => f.severity !== 'info')).toEqual(
      check(read(seedText())).filter((f) => f.severity !== 'info'),
    );
    // Nor does it hide a wrong total of table 4.
    const line = Number(/第(\d+)行/.exec(r.cells.get('t4.review.total')!.address!)![1]);
    const lines = intro.split('\n');
    lines[line - 1] = '\t9';
    expect(ofRule(check(read(lines.join('\n'))), 'T4-01')).toHaveLength(1);
  });

  it('a copy without title, period or signature gives the year it counts to (「截至 2019年 12月 31日」); a date line comes first', () => {
    const lines = seedText().trimEnd().split('\n');
    const bare = lines.slice(0, -2).join('\n');
    expect(bare).not.toContain('2020年2月15日');
    expect(read(bare).year).toBe(2019);
    expect(read(bare.replace('截至 2019年 12月 31日', '截至 2018年 12月 31日')).year).toBe(2018);
    // Dated 2021 (a report of 2020): the date says the year, not the text's 「截至」.
    expect(read(`${bare}\n2021年1月20日`).year).toBe(2020);
    expect(read(bare.replace(/截至 2019年 12月 31日/, '')).year).toBeUndefined();
  });

  it('a title with the year in Chinese digits gives the year', () => {
    const titled = `保定市竞秀区人民政府二〇二〇年政府信息公开工作年度报告\n${seedText()}`;
    expect(read(titled).year).toBe(2020);
  });

  it('a column of numbers put into table 3 (a 「小计」): the table is not read, and the copy is told why', () => {
    const isNumber = (l: string | undefined) => /^\s*\d+\s*$/.test(l ?? '');
    for (const text of [seedText(), htmlToText(seedHtml())]) {
      const lines = text.split('\n');
      const from = lines.findIndex((l) => l.includes('三、收到和处理'));
      const to = lines.findIndex((l) => l.includes('四、政府信息公开行政复议'));
      // Each row's first number written twice: a number more in every row.
      const more = lines.flatMap((l, i) =>
        i > from && i < to && isNumber(l) && !isNumber(lines[i - 1]) && lines[i - 1]!.trim() ? [l, l] : [l],
      );
      const r = read(more.join('\n'));
      expect(r.tables).toEqual(['t2', 't4']);
      expect(r.findings.filter((f) => f.table === 't3').map((f) => f.message)).toEqual([
        expect.stringMatching(
          /^表三每行的数都比官方表格多一个（(网页文字)?第\d+行起），像是加了一列（如「小计」）/,
        ),
      ]);
      expect(ofRule(check(r), 'T3-02')).toEqual([]);
    }
  });

  it('a 「小计」 column of the 法人 columns put into table 3 of a web page: passed over by its header, said, the rest read', () => {
    const page = readFileSync(fixturePath('suqian-2024.html'), 'utf8');
    const headers = ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'].map(
      (h) => `<td><p>${h}</p></td>`,
    );
    const from = page.indexOf(headers.join(''));
    const end = page.indexOf('</table>', from);
    /** Table 3 with `header` put before the `at`-th of its 法人 columns' headers, and in each row its numbers' `cell`. */
    const withColumn = (header: string, at: number, cell: (numbers: number[]) => string) => {
      const put = headers.toSpliced(at, 0, `<td><p>${header}</p></td>`).join('');
      const table = page
        .slice(from, end)
        .replace(headers.join(''), put)
        .replace(/(?:<td><p>\d+<\/p><\/td>){7}<\/tr>/g, (row: string) => {
          const numbers = [...row.matchAll(/\d+/g)].map((m) => Number(m[0]));
          const cells = numbers.map((n) => `<td><p>${n}</p></td>`);
          return `${cells.toSpliced(1 + at, 0, `<td><p>${cell(numbers)}</p></td>`).join('')}</tr>`;
        });
      return page.slice(0, from) + table + page.slice(end);
    };
    const subtotal = (n: number[]) => String(n.slice(1, 6).reduce((a, b) => a + b, 0));
    const official = read(htmlToText(page));
    const put = read(htmlToText(withColumn('小计', 5, subtotal)));
    expect(raws(put)).toEqual(raws(official));
    expect(put.findings.filter((f) => f.table === 't3').map((f) => [f.severity, f.message])).toEqual([
      [
        'warning',
        expect.stringMatching(
          /^第\d+行所在的列是官方表格没有的列（「小计」），未读取；官方表格没有小计列，请删除。$/,
        ),
      ],
    ]);
    // Put before 「其他」, 「法人或其他组织合计」 too.
    expect(raws(read(htmlToText(withColumn('法人或其他组织合计', 4, subtotal))))).toEqual(raws(official));
    // Numbers that are no sum of the 法人 columns, or a 「小计」 before them all (the row above's
    // last?): which column is more is not known, and the table is not read.
    for (const page of [withColumn('小计', 5, (n) => String(n[0]! + 1)), withColumn('小计', 0, subtotal)]) {
      const r = read(htmlToText(page));
      expect(r.tables).toEqual(['t2', 't4']);
      expect(r.findings.find((f) => f.table === 't3')!.message).toMatch(/^表三每行的数都比官方表格多一个/);
    }
  });

  it('a row put into table 3 (「其中：网上申请」) is said and passed over: the other rows read as before', () => {
    const lines = seedText().split('\n');
    const first = lines.findIndex((l) => l.includes('一、本年新收政府信息公开申请数量'));
    const put = [
      ...lines.slice(0, first + 8),
      '\t其中：网上申请',
      ...Array(7).fill('\t1'),
      ...lines.slice(first + 8),
    ];
    const r = read(put.join('\n'));
    expect(raws(r)).toEqual(raws(read(seedText())));
    expect(r.findings.filter((f) => f.table === 't3').map((f) => f.message)).toContain(
      `第${first + 9}行「其中：网上申请」是官方表格没有的行，其数字未读取；请删除，保持官方格式。`,
    );
  });

  it('text that is not a report says so', () => {
    expect(readText('通知\n请各单位于3月31日前报送材料。').problem).toContain('没有找到年报表格');
    // A 解读 that names table 4's cases in a sentence: no table, no part of a report.
    const reading = '宿迁市2023年政府信息公开工作年度报告解读\n2023年全市行政复议440件，行政诉讼113件。';
    expect(readText(reading).problem).toBe(
      '没有找到年报表格，也没有年报各部分的标题（「一、总体情况」等）：不像一份年报（可能是年报解读或新闻稿），未校验。',
    );
  });
});

describe('a published report as a saved .html page', () => {
  it('reads tables with rowspan and colspan into the same numbers as the text', () => {
    const r = read(htmlToText(seedHtml()));
    expect(r.edition).toBe('2019');
    expect(r.agency).toBe('保定市竞秀区');
    expect(r.year).toBe(2019);
    expect(raws(r)).toEqual(jingxiu().values);
    expect(errors(check(r))).toEqual([]);
  });

  it('says where a cell is as a line of the page’s text, not of the .html file', async () => {
    const { readPublished } = await import('../../src/readers/files.js');
    const r = await readPublished('竞秀区.html', new TextEncoder().encode(seedHtml()));
    const addresses = [...r.report!.cells.values()].map((c) => c.address);
    expect(addresses.length).toBeGreaterThan(100);
    for (const a of addresses) expect(a).toMatch(/^网页文字第\d+行$/);
  });

  it('a cell of one number in groups of three (「3 440」, 「3&nbsp;440」) is one number, read with a warning, not two cells', () => {
    const [, y2024] = suqian();
    const natural = Number(y2024.values['t3.r1.natural']);
    expect(natural).toBeGreaterThan(999);
    const grouped = `${Math.floor(natural / 1000)}&nbsp;${String(natural % 1000).padStart(3, '0')}`;
    const page = reportHtml('2021', y2024.values, {
      title: '宿迁市2024年政府信息公开工作年度报告',
      parts: ['本年收到申请。', '一是公开质量仍需提高。', '本年度未收取信息处理费。'],
      signature: '宿迁市人民政府办公室',
      date: '2025年1月20日',
    }).replace(`<td><p>${natural}</p></td>`, `<td><p>${grouped}</p></td>`);
    expect(page).toContain(grouped);
    const r = read(htmlToText(page));
    const findings = check(r);
    expect(errors(findings)).toEqual([]);
    expect(ofRule(findings, 'G-01').map((f) => f.cells)).toEqual([['t3.r1.natural']]);
  });

  it('rows of a table swapped in the copy are read by their labels, with one warning naming them', () => {
    const lines = seedText().split('\n');
    const row = (label: string) => {
      const at = lines.findIndex((l) => l.trim() === label);
      return [at, lines.slice(at, at + 8)] as const;
    };
    const [one, first] = row('1.本机关不掌握相关政府信息');
    const [three, third] = row('3.补正后申请内容仍不明确');
    expect(first.slice(1).some((l) => l.trim() !== '0')).toBe(true);
    const swapped = [...lines];
    swapped.splice(three, 8, ...first);
    swapped.splice(one, 8, ...third);
    const r = read(swapped.join('\n'));
    expect(raws(r)).toEqual(raws(read(seedText())));
    const said = ofRule(r.findings, 'G-04').filter((f) => f.message.includes('上下顺序'));
    expect(said.map((f) => f.message)).toEqual([
      `有 3 行的上下顺序与官方表格不同：「1.本机关不掌握相关政府信息」在第${three + 1}行，「2.没有现成信息需要另行制作」在第${one + 12}行，「3.补正后申请内容仍不明确」在第${one + 1}行。已按各行自己的标签读取其数字；请按官方顺序排列。`,
    ]);
    expect(errors(check(r))).toEqual([]);
  });

  it('columns moved with their headers (表三’s two swapped, 表四’s two groups of suits) are read by their headers, with a warning', () => {
    const [, y2024] = suqian();
    /** The values with each pair of columns' numbers swapped, as the page shows them under swapped headers. */
    const swapped = (pairs: readonly (readonly [string, string])[]): Values =>
      Object.fromEntries(
        Object.entries(y2024.values).map(([k, v]) => {
          const [t, r, c] = k.split('.');
          const pair = pairs.find((p) => p.includes(c!) || p.includes(r!));
          if (!pair) return [k, v];
          if (pair.includes(c!)) return [k, y2024.values[`${t}.${r}.${pair.find((x) => x !== c)}`]!];
          return [k, y2024.values[`${t}.${pair.find((x) => x !== r)}.${c}`]!];
        }),
      );
    const page = reportHtml(
      '2021',
      swapped([
        ['business', 'research'],
        ['suitDirect', 'suitAfterReview'],
      ]),
      {
        title: '宿迁市2024年政府信息公开工作年度报告',
        parts: ['本年收到申请。', '一是公开质量仍需提高。', '本年度未收取信息处理费。'],
        signature: '宿迁市人民政府办公室',
        date: '2025年1月20日',
      },
    )
      .replace(/商业企业([\s\S]*?)科研机构/, '科研机构$1商业企业')
      .replace(/未经复议直接起诉([\s\S]*?)复议后起诉/, '复议后起诉$1未经复议直接起诉');
    const r = read(htmlToText(page));
    const t34 = Object.fromEntries(Object.entries(raws(r)).filter(([k]) => !k.startsWith('t2.')));
    expect(t34).toEqual(y2024.values);
    const findings = check(r);
    expect(errors(findings)).toEqual([]);
    const said = findings.filter((f) => f.message.includes('表头的列顺序与官方表格不同'));
    expect(said.map((f) => f.table)).toEqual(['t3', 't4']);
    expect(said[0]!.message).toContain('这里依次是「科研机构、商业企业」，官方表格是「商业企业、科研机构」');
    expect(said[1]!.message).toContain('这里依次是「复议后起诉、未经复议直接起诉」');
  });

  it('keeps a cell on one line however the page breaks it, and skips scripts', () => {
    const text = htmlToText(seedHtml());
    expect(text).toContain('\t本年新制作数量\n');
    expect(text).not.toContain('var x');
  });

  it('a 2021 page (宿迁市 2024): tables 3 and 4 cell by cell, the edition told by its labels, the text against table 4', () => {
    const [, y2024] = suqian();
    const text = (y2024 as unknown as { text: string }).text;
    const page = reportHtml('2021', y2024.values, {
      title: '宿迁市2024年政府信息公开工作年度报告',
      parts: [text, '一是公开质量仍需提高。二是加强培训。', '本年度未收取信息处理费。'],
      signature: '宿迁市人民政府办公室',
      date: '2025年1月20日',
    });
    const r = read(htmlToText(page));
    expect(r).toMatchObject({ edition: '2021', year: 2024, agency: '宿迁市', tables: ['t2', 't3', 't4'] });
    const t34 = Object.fromEntries(Object.entries(raws(r)).filter(([k]) => !k.startsWith('t2.')));
    expect(t34).toEqual(y2024.values);
    const findings = check(r);
    expect(errors(findings)).toEqual([]);
    expect(ofRule(findings, 'T4-04').map((f) => f.cells)).toEqual([
      ['t4.review.total'],
      ['t4.suitDirect.total', 't4.suitAfterReview.total'],
    ]);
  });
});

describe('a page of the three tables alone (a site’s 「导出」), without the parts’ titles', () => {
  it('reads each table where its own header is: 表四 is not taken from the cells of 表二 before it', () => {
    const page = readFileSync(fixturePath('jingxiu-2019.html'), 'utf8');
    const tables = page.match(/<table[\s\S]*?<\/table>/g)!;
    expect(tables).toHaveLength(3);
    const report = read(htmlToText(`<html><body>${tables.join('\n')}</body></html>`));
    expect(report.tables).toEqual(['t2', 't3', 't4']);
    const expected = jingxiu().values;
    for (const [key, raw] of Object.entries(raws(report)))
      expect([key, Number(raw)]).toEqual([key, Number(expected[key as keyof typeof expected])]);
    expect(Object.keys(raws(report)).filter((k) => k.startsWith('t4.'))).toHaveLength(15);
    // Not a whole report: the titles are said to be missing, the numbers are all right.
    expect(errors(check(report)).map((f) => f.rule)).toEqual(['S-01']);
  });
});

describe('row labels numbered in full-width digits (「１．属于国家秘密」)', () => {
  it('are the official labels: every row is read as from 「1.」', () => {
    const full = (d: string) => String.fromCharCode(d.charCodeAt(0) + 0xfee0);
    const text = seedText().replace(/^(\s*)(\d)\.(?=\D)/gm, (_, s: string, d: string) => `${s}${full(d)}．`);
    expect(text).toContain('１．属于国家秘密');
    const report = read(text);
    expect(raws(report)).toEqual(raws(read(seedText())));
  });
});

describe('a copy whose lines ran together (text put through a page reader)', () => {
  it('says which rows it could not find in words, never 「undefined」', () => {
    const r = readText(htmlToText(seedText()), { source: 'test.html' });
    const messages = (r.report?.findings ?? []).map((f) => f.message).join('\n') + (r.problem ?? '');
    expect(messages).not.toContain('undefined');
  });
});

describe('a page laid out in a table (older sites): the report inside one of its cells', () => {
  it('reads as the page without it: the parts’ titles found, the numbers the same', () => {
    const page = readFileSync(fixturePath('jingxiu-2019.html'), 'utf8');
    const body = /<body[^>]*>([\s\S]*)<\/body>/i.exec(page)![1]!;
    const laidOut = `<html><body><table width="100%"><tr><td>首页 &gt; 政务公开</td></tr><tr><td width="80%">${body}</td><td>相关链接</td></tr></table></body></html>`;
    const plain = read(htmlToText(page));
    const inLayout = read(htmlToText(laidOut));
    expect(raws(inLayout)).toEqual(raws(plain));
    expect(inLayout.published?.titles.every((line) => line >= 0)).toBe(true);
    expect(ofRule(check(inLayout), 'S-01')).toEqual([]);
  });
});

describe('the title is the last one before the report', () => {
  it('a sidebar listing other years’ reports above it gives neither their year nor their body', () => {
    const copy = `宿迁市人民政府\n年报\n宿迁市2018年政府信息公开工作年度报告\n宿迁市2017年政府信息公开工作年度报告\n保定市竞秀区2019年政府信息公开工作年度报告\n${seedText()}`;
    expect(read(copy)).toMatchObject({ agency: '保定市竞秀区', year: 2019 });
  });

  it('a breadcrumb or a date cell before the title is no part of the body’s name', () => {
    for (const before of ['首页 > 政务公开 > 年度报告 > ', '2020-01-20\t标题：'])
      expect(read(`${before}保定市竞秀区2019年政府信息公开工作年度报告\n${seedText()}`)).toMatchObject({
        agency: '保定市竞秀区',
        year: 2019,
      });
  });
  it('「关于」 before the year or before the body is no part of the body’s name (it would not pair with last year)', () => {
    for (const title of [
      '保定市竞秀区人民政府关于2019年政府信息公开工作年度报告',
      '关于保定市竞秀区2019年政府信息公开工作年度报告',
      '关于2019年保定市竞秀区政府信息公开工作年度报告',
    ])
      expect(read(`${title}\n${seedText()}`), title).toMatchObject({
        agency: title.includes('人民政府') ? '保定市竞秀区人民政府' : '保定市竞秀区',
        year: 2019,
      });
  });
});

describe('a copy with the site’s heading rows above the report', () => {
  it('「名称：」 before the title is no part of the body’s name (it would not pair with last year)', () => {
    const copy = `首页 > 政务公开 > 年度报告\n索引号：\t000014349/2020-00001\n名称：\t保定市竞秀区2019年政府信息公开工作年度报告\n${seedText()}`;
    expect(read(copy)).toMatchObject({ agency: '保定市竞秀区', year: 2019 });
  });

  it('the site’s info bar put on the title’s line (a PDF printed from the page) is no part of the body’s name', () => {
    const bar = '发布时间：2020-01-20 来源：保定市竞秀区人民政府 浏览次数：670 字号：[大 中 小]';
    for (const title of [
      '保定市竞秀区2019年政府信息公开工作年度报告',
      '2019年保定市竞秀区政府信息公开工作年度报告',
    ])
      expect(read(`${bar}${title}\n${seedText()}`)).toMatchObject({ agency: '保定市竞秀区', year: 2019 });
  });
});

describe('two reports on one page (two years, one after the other)', () => {
  it('are refused with what to do, not read as one (one of them went unread, unsaid)', () => {
    const r = readText(`${seedText()}\n${seedText()}`, { source: 'test.txt' });
    expect(r.problem).toBe(
      '其中有 2 份年报（「一、总体情况」到「六、其他需要报告的事项」出现了 2 遍），只读一份会漏掉其余的：请把每份年报分别保存为一个文件后再校验。',
    );
    // Part 一 that names later titles as its subheadings is one report still.
    expect(read(seedText()).cells.size).toBeGreaterThan(150);
  });

  it('a contents list of the six titles before the report is no second report', () => {
    const contents = `目录\n${PART_TITLES.join('\n')}\n`;
    expect(read(`${contents}${seedText()}`).cells.size).toBe(read(seedText()).cells.size);
  });

  it('a 解读 after the report that repeats all six titles is no second report: the parts are the report’s', () => {
    const explained = `图文解读：保定市竞秀区2019年政府信息公开工作年度报告\n${PART_TITLES.map((t) => `${t}\n本部分的要点。`).join('\n')}`;
    const alone = read(seedText());
    const r = read(`${seedText()}\n${explained}`);
    expect(r.cells.size).toBe(alone.cells.size);
    expect(r.findings).toEqual(alone.findings);
    expect(r.published!.titles).toEqual(alone.published!.titles);
  });

  it('a 解读 after the report is not its part 六: its numbers are not said of the tables, nor its end of the body', () => {
    const explained = `图文解读：保定市竞秀区2019年政府信息公开工作年度报告\n${PART_TITLES.map((t, i) => `${t}\n${i === 2 ? '全年收到政府信息公开申请9件，办结9件。' : '要点。'}`).join('\n')}\n来源：区政府办`;
    const alone = read(seedText());
    const r = read(`${seedText()}\n${explained}`);
    expect(r).toMatchObject({ agency: alone.agency, year: alone.year });
    expect(r.published!.parts).toEqual(alone.published!.parts);
    expect(ofRule(check(r), 'T3-06')).toEqual([]);
  });

  it('the report ends after its date line, and not at a subheading of part 六 that names a 解读', () => {
    const alone = read(seedText());
    expect(read(`${seedText()}\n一张图看懂：全年共收到申请9件\n相关链接`).published!.parts).toEqual(
      alone.published!.parts,
    );
    const subheading = read(
      seedText().replace(
        '六、其他需要报告的事项',
        '六、其他需要报告的事项\n（一）政策解读\n本年度未收取信息处理费。',
      ),
    );
    expect(subheading.published!.parts[5]).toContain('本年度未收取信息处理费。');
  });

  it('a 解读 before the report that quotes its title (「图解《……》」): the body’s name without the quote mark', () => {
    const before = `图解《保定市竞秀区2019年政府信息公开工作年度报告》\n${PART_TITLES.map((t) => `${t}\n要点。`).join('\n')}`;
    expect(read(`${before}\n${seedText()}`)).toMatchObject({ agency: '保定市竞秀区', year: 2019 });
  });

  it('a 解读 that quotes 表三’s first row in a sentence is no second report', () => {
    const explained = `图文解读\n${PART_TITLES.map((t, i) => `${t}\n${i === 2 ? '本年新收政府信息公开申请数量5件，办结5件。' : '要点。'}`).join('\n')}`;
    for (const text of [`${seedText()}\n${explained}`, `${explained}\n${seedText()}`])
      expect(read(text).cells.size).toBe(read(seedText()).cells.size);
  });

  it('the second report’s titles worded a little otherwise (「一、总体情况概述」) still make two', () => {
    const second = seedText()
      .replace('一、总体情况', '一、总体情况概述')
      .replace('六、其他需要报告的事项', '六、其他需要报告事项');
    expect(readText(`${seedText()}\n${second}`).problem).toMatch(/^其中有 2 份年报/);
  });
});

describe('a page laid out in an upper-case <TABLE> (as older editors wrote it)', () => {
  it('is read as one laid out in lower case', () => {
    const page = readFileSync(fixturePath('jingxiu-2019.html'), 'utf8');
    const body = /<body[^>]*>([\s\S]*)<\/body>/i.exec(page)![1]!;
    const upper = body.replace(
      /<(\/?)(table|tr|td|th|p)\b/g,
      (_, slash: string, tag: string) => `<${slash}${tag.toUpperCase()}`,
    );
    const laidOut = `<HTML><BODY><TABLE><TR><TD>${upper}</TD></TR></TABLE></BODY></HTML>`;
    expect(ofRule(check(read(htmlToText(laidOut))), 'S-01')).toEqual([]);
  });
});

describe('a title written in full-width digits (「２０１９年」)', () => {
  it('gives the year as one in half-width digits does', () => {
    expect(read(`保定市竞秀区２０１９年政府信息公开工作年度报告\n${seedText()}`)).toMatchObject({
      agency: '保定市竞秀区',
      year: 2019,
    });
  });
});

describe('a published report whose numbers are all in full-width digits', () => {
  it('gets one warning a table, naming how many and one of them, not one a cell', () => {
    const full = (s: string) => s.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
    const text = seedText()
      .split('\n')
      .map((l) => (/^\t\d+$/.test(l) ? full(l) : l))
      .join('\n');
    const report = read(text);
    expect(raws(report)).not.toEqual(raws(read(seedText())));
    const g01 = ofRule(check(report), 'G-01');
    expect(g01.map((f) => f.table)).toEqual(['t2', 't3', 't4']);
    expect(g01[1]!.message).toMatch(/^表三有 \d{2,} 个数的写法不规范，均已按数字读取，例如.*全角数字/);
    expect(g01[1]!.cells.length).toBeGreaterThan(100);
    // The numbers are the same: nothing else is found.
    expect(errors(check(report))).toEqual(errors(check(read(seedText()))));
  });
});

describe('tables in tables that are no layout', () => {
  const page = () => readFileSync(fixturePath('jingxiu-2019.html'), 'utf8');

  it('a small table in a header cell of 表三 leaves 表三 a table: every number read', () => {
    const nested = page().replace('<p>申请人情况</p>', '<table><tr><td>申请人情况</td></tr></table>');
    expect(nested).not.toBe(page());
    expect(raws(read(htmlToText(nested)))).toEqual(raws(read(htmlToText(page()))));
  });

  it('a 「</table>」 in a comment or a script, and a frame three tables deep, do not hide the titles', () => {
    const body = /<body[^>]*>([\s\S]*)<\/body>/i.exec(page())![1]!;
    const framed = `<html><body><!-- </table> --><table><tr><td><script>var s = "</table>";</script><table><tr><td>导航</td></tr><tr><td><table><tr><td>${body}</td></tr></table></td></tr></table></td></tr></table></body></html>`;
    const report = read(htmlToText(framed));
    expect(ofRule(check(report), 'S-01')).toEqual([]);
    expect(raws(report)).toEqual(raws(read(htmlToText(page()))));
  });
});

describe('a page whose 表四 is left blank (its cells there, empty)', () => {
  it('is a table not filled in, not a row cut short', () => {
    const page = readFileSync(fixturePath('jingxiu-2019.html'), 'utf8');
    const tables = page.match(/<table[\s\S]*?<\/table>/g)!;
    const t4 = tables[2]!;
    const rows = t4.split('<tr');
    rows[rows.length - 1] = rows.at(-1)!.replace(/<p>\d+<\/p>/g, '<p></p>');
    const blank = page.replace(t4, rows.join('<tr'));
    expect(blank).not.toBe(page);
    const findings = check(read(htmlToText(blank)));
    expect(errors(findings)).toEqual([]);
    expect(ofRule(findings, 'G-03').map((f) => [f.table, f.message])).toContainEqual([
      't4',
      '原文中本表的格子都是空的：发布的年报应填写本表，没有的项目填 0。',
    ]);
  });
});

describe('the three tables twice in one text (a copy kept in part 一, or pasted again before part 五)', () => {
  // 保定市竞秀区 2019 with a second copy of its tables, every number 7: one copy was read, without a word.
  const lines = seedText().split('\n');
  const start = lines.findIndex((l) => l.startsWith('二、主动公开政府信息情况'));
  const end = lines.findIndex((l) => l.startsWith('五、'));
  const copy = lines.slice(start + 1, end).map((l) => l.replace(/^(\t?)\d+$/, '$17'));
  const twice = (text: string) =>
    ofRule(check(read(text)), 'G-04')
      .filter((f) => f.message.includes('遍'))
      .map((f) => f.message);

  it('says which copy of each table was read and checked', () => {
    const inPartOne = [...lines.slice(0, start), ...copy, ...lines.slice(start)].join('\n');
    const said = twice(inPartOne);
    expect(said).toHaveLength(3);
    expect(said[0]).toMatch(
      /^表二在文中出现了 2 遍（第\d+行、第\d+行）：读取和校验的是第\d+行起的那份。多余的请删去，以免看错。$/,
    );
    // The copy in part 一 is not read: the tables under their parts' titles are.
    expect(read(inPartOne).cells.get('t3.r1.total')?.raw).toBe(raws(read(seedText()))['t3.r1.total']);
    const beforeFive = [...lines.slice(0, end), ...copy, ...lines.slice(end)].join('\n');
    expect(twice(beforeFive)).toHaveLength(3);
  });

  it('the report as published says nothing of it, nor of a line of its prose that is a label', () => {
    expect(twice(seedText())).toEqual([]);
    // 「（二）部分公开」 as a line of part 三's list, and 「未经复议直接起诉」 as a line of part 四's (an audit's).
    const prose = seedText()
      .replace(
        '三、收到和处理政府信息公开申请情况',
        '三、收到和处理政府信息公开申请情况\n本年度办理结果：\n（二）部分公开\n1件',
      )
      .replace(
        '四、政府信息公开行政复议、行政诉讼情况',
        '四、政府信息公开行政复议、行政诉讼情况\n未经复议直接起诉\n0件',
      );
    expect(prose).not.toBe(seedText());
    expect(twice(prose)).toEqual([]);
  });

  it('a copy after the report’s end (「附表」) is said too', () => {
    expect(twice([...lines, '附表', ...copy].join('\n'))).toHaveLength(3);
  });
});

describe('a page whose 表四 row could not be read (cells missing)', () => {
  it('is a row not read, not a table not filled in', () => {
    const page = readFileSync(fixturePath('jingxiu-2019.html'), 'utf8');
    const t4 = page.match(/<table[\s\S]*?<\/table>/g)![2]!;
    const rows = t4.split('<tr');
    // Six of its fifteen cells gone, as a copy that lost them gives it.
    rows[rows.length - 1] = rows.at(-1)!.replace(/^(?:[\s\S]*?<\/td>){6}/, '');
    const cut = page.replace(t4, rows.join('<tr'));
    expect(cut).not.toBe(page);
    const findings = check(read(htmlToText(cut)));
    expect(ofRule(findings, 'G-04').filter((f) => f.table === 't4' && f.severity === 'error')).toHaveLength(
      1,
    );
    expect(ofRule(findings, 'G-03').filter((f) => f.table === 't4')).toEqual([]);
  });
});

describe('a page whose empty 表二 lacks a row (the page’s own, not its copy’s)', () => {
  it('is still a table not filled in, and the row missing is an error of the report', () => {
    const page = readFileSync(fixturePath('suqian-2024.html'), 'utf8');
    const rows = page.split(/(?=<tr)/);
    const at = rows.findIndex((r) => r.includes('行政强制'));
    expect(at).toBeGreaterThan(0);
    const findings = check(read(htmlToText([...rows.slice(0, at), ...rows.slice(at + 1)].join(''))));
    expect(
      ofRule(findings, 'G-03')
        .filter((f) => f.table === 't2')
        .map((f) => f.message),
    ).toEqual(['原文中本表的格子都是空的：发布的年报应填写本表，没有的项目填 0。']);
    const missing = errors(findings).filter((f) => f.table === 't2');
    expect(missing.map((f) => [f.message.slice(0, 12), f.unread])).toEqual([
      ['找不到「行政强制」这一行', undefined],
    ]);
  });
});

describe('a page’s copy with 表二 left empty (as 宿迁市 publishes it) and the site’s footer after the report', () => {
  // As a browser copies a page: a cell a line, no tabs.
  const page = () => htmlToText(readFileSync(fixturePath('suqian-2024.html'), 'utf8')).replace(/\t/g, '');
  const footer = '网站标识码：3213000001　苏ICP备05003434号\n建议使用1366×768分辨率 IE9以上浏览器';

  it('is an empty 表二, not a table whose numbers the copy moved away', () => {
    for (const more of [
      '本年度收取信息处理费 0 元',
      '浏览次数：\t356',
      '版权所有 © 2025',
      '2025.01.20',
      '32130202000123',
    ])
      expect(errors(check(read(`${page()}\n${more}\n${footer}`))), more).toEqual([]);
    const r = read(`${page()}\n${footer}`);
    expect(r.tables).toContain('t2');
    expect(errors(check(r))).toEqual([]);
    expect(ofRule(check(r), 'G-03').map((f) => f.table)).toEqual(['t2']);
  });

  it('a number standing alone in it (a count of visits) is named with its line, so it can be seen for what it is', () => {
    // In the report (after the date line the site's footer is no part of it).
    const text = `${page().replace('六、其他需要报告的事项', '六、其他需要报告的事项\n浏览次数：\n168')}\n${footer}`;
    expect(errors(check(read(`${page()}\n浏览次数：\n168\n${footer}`)))).toEqual([]);
    const [error] = errors(check(read(text)));
    const line = text.split('\n').indexOf('168') + 1;
    expect(error).toMatchObject({ table: 't2', rule: 'G-04' });
    expect(error!.message).toContain(
      `表二的格子都是空的，而表格以外另有单独成行的数字（第${line}行「168」）`,
    );
  });
});

describe('labels reworded on the page (a word added, a comma put in)', () => {
  it('are read by their rows’ places, each said; the numbers are the same', () => {
    const reworded: [string, string][] = [
      ['1.属于国家秘密', '1.属于国家秘密的'],
      ['2.其他法律行政法规禁止公开', '2.其他法律、行政法规禁止公开'],
      ['（六）其他处理', '（六）其他处理情况'],
    ];
    let text = seedText();
    for (const [label, page] of reworded) text = text.replace(label, page);
    const r = read(text);
    expect(raws(r)).toEqual(raws(read(seedText())));
    const said = ofRule(r.findings, 'G-04')
      .map((f) => f.message)
      .join('\n');
    for (const [label, page] of reworded) expect(said).toContain(`「${page}」按「${label}」读取`);
  });

  it('not a row deleted, its place taken by the next one retyped; a label its copy cut in two is its row’s', () => {
    const lines = seedText().split('\n');
    const r1 = lines.indexOf('\t一、本年新收政府信息公开申请数量');
    // Row 一 and its numbers gone; row 二 typed otherwise.
    const deleted = [...lines.slice(0, r1), ...lines.slice(r1 + 9)]
      .join('\n')
      .replace('二、上年结转', '二、本年结转');
    const r = read(deleted);
    expect(r.cells.get('t3.r1.natural')).toBeUndefined();
    expect(r.cells.get('t3.r2.natural')?.raw).toBe(read(seedText()).cells.get('t3.r2.natural')?.raw);
    // 「另行」 and 「制作」 on lines of their own, one cell a line or a row a line (a 「<br>」 in the
    // label): the two make the row's label, and no number moves.
    const whole = '2.没有现成信息需要另行制作';
    for (const text of [seedText(), rowPerLine(seedText())]) {
      const cut = read(text.replace(whole, '2.没有现成信息需要另行\n\t制作'));
      expect(raws(cut)).toEqual(raws(read(text)));
    }
  });
});

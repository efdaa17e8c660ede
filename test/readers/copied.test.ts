import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { check } from '../../src/checks/engine.js';
import { readText } from '../../src/readers/text/index.js';
import type { Finding } from '../../src/report/finding.js';
import type { Report } from '../../src/report/types.js';
import { errors, fixturePath, jingxiu, ofRule, suqian, type Values } from '../helpers.js';

// Text copied from our PDF fixtures by poppler (made by scripts/make-fixtures.ts): with the layout
// kept (`pdftotext -layout`) and in reading order (`pdftotext`).

const copy = (name: string) => readFileSync(fixturePath(name), 'utf8');

function read(text: string): Report {
  const r = readText(text, { source: 'copy.txt' });
  if (!r.report) throw new Error(r.problem);
  return r.report;
}

const raws = (r: Report) => Object.fromEntries([...r.cells].map(([k, c]) => [k, c.raw]));
const ofTable = (values: Values | Record<string, unknown>, t: string) =>
  Object.fromEntries(Object.entries(values).filter(([k]) => k.startsWith(`${t}.`)));

/** What the transcription holds for a fixture: 宿迁's table 2 was not captured, and is empty in its PDFs. */
function expected(name: string): { values: Values; tables: string[] } {
  if (name.startsWith('jingxiu')) return { values: jingxiu().values, tables: ['t2', 't3', 't4'] };
  return { values: suqian()[1].values, tables: ['t3', 't4'] };
}

/** A copy of a fixture whose every table reads as transcribed, with no error. */
function readsAsTranscribed(name: string): { r: Report; findings: Finding[] } {
  const r = read(copy(name));
  const { values, tables } = expected(name);
  expect(r.tables).toEqual(['t2', 't3', 't4']);
  for (const t of tables) expect(ofTable(raws(r), t), t).toEqual(ofTable(values, t));
  const findings = check(r);
  expect(errors(findings)).toEqual([]);
  expect(ofRule(findings, 'G-04')).toEqual([]);
  return { r, findings };
}

/** `text` with the first line holding `from` (trimmed) replaced by `to`'s lines. */
function replaceLine(text: string, from: string, to: string): string {
  const lines = text.split('\n');
  const i = lines.findIndex((l) => l.trim() === from);
  expect(i, `no line 「${from}」`).toBeGreaterThanOrEqual(0);
  lines.splice(i, 1, ...to.split('\n'));
  return lines.join('\n');
}

const LAYOUT = [
  'jingxiu-2019.writer.layout.txt',
  'jingxiu-2019.chromium.layout.txt',
  'suqian-2024.writer.layout.txt',
  'suqian-2024.pages.layout.txt',
];

describe('text copied from a PDF with its layout kept (pdftotext -layout)', () => {
  it('lines cut short on the right (a table wider than the page) are said, their tables not read: no totals of a digit or two', () => {
    // Each line's last number cut to its first digit, as a copy of a PDF whose table runs past the page.
    const cut = copy('suqian-2024.writer.layout.txt')
      .split('\n')
      .map((l) => l.replace(/(\s)(\d)\d+$/, '$1$2'))
      .join('\n');
    const r = read(cut);
    const findings = check(r);
    const said = errors(findings).filter((f) => f.message.includes('个「总计」只是各项之和的前几位数字'));
    expect(said.map((f) => [f.rule, f.table, f.unread])).toEqual([
      ['G-04', 't3', true],
      ['G-04', 't4', true],
    ]);
    expect(said[0]!.message).toMatch(
      /^表三有 \d+ 个「总计」只是各项之和的前几位数字（如「一、本年新收政府信息公开申请数量·总计」（第\d+行）写 3，各项之和为 3525）/,
    );
    // Neither table read: no false error about their totals.
    expect(r.tables).not.toContain('t3');
    expect(errors(findings).filter((f) => /^T[34]-0/.test(f.rule))).toEqual([]);
    // One total cut so is a slip of the hand in the report: its identity error stands.
    const one = copy('suqian-2024.writer.layout.txt').replace(/(\s)3525$/m, '$13');
    expect(ofRule(check(read(one)), 'T3-02').map((f) => f.cells[0])).toContainEqual('t3.r1.total');
  });

  it.each(LAYOUT)('%s: every cell as transcribed, labels put together again from their lines', (name) => {
    const { r, findings } = readsAsTranscribed(name);
    if (name.startsWith('suqian')) {
      // Its table 2 is empty: said once, as for a sheet.
      expect(ofRule(findings, 'G-03').map((f) => [f.table, f.message])).toEqual([
        ['t2', '原文中本表的格子都是空的：发布的年报应填写本表，没有的项目填 0。'],
      ]);
      expect(r).toMatchObject({ edition: '2021', year: 2024, agency: '宿迁市' });
      // 行政诉讼 57 in the text, 77 in table 4, as the page and the Word file say: the sentence is
      // found though the copy breaks it over two lines (「…行政诉」 / 「讼…」).
      expect(
        ofRule(findings, 'T4-04')
          .map((f) => f.message)
          .join(),
      ).toContain('正文说行政诉讼 57 件');
    } else expect(r).toMatchObject({ edition: '2019', year: 2019, agency: '保定市竞秀区' });
  });

  it('cells say the line their number is on', () => {
    const text = copy('suqian-2024.pages.layout.txt');
    const r = read(text);
    const line = (key: string) => Number(/^第(\d+)行$/.exec(r.cells.get(key)!.address!)![1]);
    // 「（三） 1.属于国 2」 then 「不予公 家秘密  0 0 0 0 0 2」: the row's numbers over two lines.
    const lines = text.split('\n');
    expect(lines[line('t3.r3_3_1.natural') - 1]).toMatch(/1\.属于国\s+2$/);
    expect(lines[line('t3.r3_3_1.total') - 1]).toMatch(/家秘密(\s+0){5}\s+2$/);
  });

  it('the table-4 header broken into fragments (「结果 结果 其他结 尚未」 / 「维持 纠正 果 审结」) gives no value', () => {
    let text = copy('jingxiu-2019.writer.layout.txt');
    text = replaceLine(text, '结果 结果 其他 尚未', '结果 结果 其他结 尚未');
    text = replaceLine(
      text,
      '维持 纠正 结果 审结    结果 结果 其他 尚未    结果 结果 其他 尚未',
      '维持 纠正 果 审结    结果 结果 其他结 尚未    结果 结果 其他结 尚未',
    );
    text = replaceLine(
      text,
      '维持 纠正 结果 审结    维持 纠正 结果 审结',
      '维持 纠正 果 审结    维持 纠正 果 审结',
    );
    const r = read(text);
    expect(ofTable(raws(r), 't4')).toEqual(ofTable(jingxiu().values, 't4'));
    const findings = check(r);
    expect(errors(findings)).toEqual([]);
    expect(ofRule(findings, 'G-04')).toEqual([]);
  });

  it('page numbers and a header repeated inside table 3 are not read', () => {
    let text = copy('jingxiu-2019.writer.layout.txt');
    // A page break after 「7.属于行政执法案卷」: its footer, a form feed, the header again.
    text = replaceLine(
      text,
      '7.属于行政执法案卷 0     0     0    0     0   0   0',
      [
        '           7.属于行政执法案卷 0     0     0    0     0   0   0',
        '',
        '                                   - 3 -',
        '                              第 3 页 共 4 页',
        '                                     3',
        '\f                      申请人情况',
        '                      自然人     法人或其他组织          总计',
        '                            商业企业 科研机构 社会公益组织 法律服务机构 其他',
      ].join('\n'),
    );
    const r = read(text);
    expect(raws(r)).toEqual(jingxiu().values);
    expect(errors(check(r))).toEqual([]);
  });

  it('an amount’s unit wrapped onto the line above its number is the amount’s, not the count’s before it', () => {
    const text = replaceLine(
      copy('jingxiu-2019.writer.layout.txt'),
      '政府集中采购       62             7441.879403 万元',
      '政府集中采购       62                       万元\n                                7441.879403',
    );
    const r = read(text);
    expect(raws(r)).toMatchObject({ 't2.procurement.count': 62, 't2.procurement.amount': '7441.879403万元' });
    expect(errors(check(r))).toEqual([]);
  });

  it('labels wrapped over lines, the numbers on any of them, read right', () => {
    let text = copy('jingxiu-2019.writer.layout.txt');
    // Numbers on the label's first line, on its middle line, and on a line of their own.
    text = replaceLine(
      text,
      '7.属于行政执法案卷 0     0     0    0     0   0   0',
      '           7.属于行政执法 0  0  0  0  0  0  0\n           案卷',
    );
    text = replaceLine(
      text,
      '（七）总计                5       0       0       0       0       0   5',
      '        （七）总\n                5       0       0       0       0       0   5\n            计',
    );
    text = replaceLine(
      text,
      '一、本年新收政府信息公开申请数量      5     0     0    0     0   0   5',
      '一、本年新收政府信\n息公开申请数量      5     0     0    0     0   0   5\n',
    );
    const r = read(text);
    expect(raws(r)).toEqual(jingxiu().values);
    expect(ofRule(check(r), 'G-04')).toEqual([]);
  });

  it('a number missing from a row: that row is an error, its numbers go to no other row', () => {
    const text = replaceLine(
      copy('jingxiu-2019.writer.layout.txt'),
      '8.属于行政查询事项 0     0     0    0     0   0   0',
      '           8.属于行政查询事项 0     0     0    0     0   0',
    );
    const r = read(text);
    expect(errors(r.findings).map((f) => f.message)).toEqual([
      '「8.属于行政查询事项」行应有 7 个数，只读到 6 个（表格在此中断或缺格），该行的数字未读取。',
    ]);
    expect([...r.cells.keys()].filter((k) => k.startsWith('t3.r3_3_8.'))).toEqual([]);
    const rest = Object.fromEntries(
      Object.entries(jingxiu().values).filter(([k]) => !k.startsWith('t3.r3_3_8.')),
    );
    expect(raws(r)).toEqual(rest);
  });
});

const READING = [
  'jingxiu-2019.writer.reading.txt',
  'jingxiu-2019.chromium.reading.txt',
  'suqian-2024.writer.reading.txt',
  'suqian-2024.pages.reading.txt',
];

const UNRELIABLE = (table: string) =>
  expect.stringMatching(
    new RegExp(
      `^${table}无法从这段文字可靠读取：(?:第\\d+行的「\\d+」不属于任何一行（表中多了数，如多出一列或一格；或数字与标签的先后顺序被打乱，从 PDF 按阅读顺序复制的文字常见）|数字与标签的先后顺序被打乱（从 PDF 按阅读顺序复制的文字常见）)，为免读错，该表的数字未读取。请核对原文；从 PDF 复制的文字，请直接校验 PDF 文件，或从网页复制年报文字。$`,
    ),
  );

/** A table read with no number, while numbers stand alone elsewhere: where the first of them is. */
const BARE_MOVED = (table: string) =>
  new RegExp(
    `^${table}的格子都是空的，而表格以外另有单独成行的数字（第(\\d+)行「(\\d+)」(?:等 \\d+ 个)?）：可能是复制时数字与标签分开了（从 PDF 复制的文字常见），为免读错，该表未读取。若该表本来就是空的，请删去这些数字后再校验；也可直接校验原网页、PDF 或 Word 文件。$`,
  );

/** The line (its index and text) and the number a BARE_MOVED message names. */
function namedNumber(message: string, table: string, text: string): [number, string, string] {
  const [, line, number] = BARE_MOVED(table).exec(message)!;
  const at = Number(line) - 1;
  return [at, text.split('\n')[at]!.trim(), number!];
}

describe('text copied from a PDF in reading order (pdftotext)', () => {
  it.each(READING)(
    '%s: a table whose numbers come apart from their labels is one error; the others read as transcribed',
    (name) => {
      const r = read(copy(name));
      const findings = check(r);
      // Table 3's rows come out of order in every one of them. 宿迁's large print also moves table
      // 4's numbers into part 六: its empty table 2 can then not be told from one whose numbers moved.
      const shuffled = name === 'suqian-2024.pages.reading.txt' ? ['t2', 't3', 't4'] : ['t3'];
      const names: Record<string, string> = { t2: '表二', t3: '表三', t4: '表四' };
      // 宿迁's empty table 2 is said with where a number that may be its own stands.
      expect(errors(findings).map((f) => [f.rule, f.table, f.message])).toEqual(
        shuffled.map((t) => [
          'G-04',
          t,
          t === 't2' ? expect.stringMatching(BARE_MOVED('表二')) : UNRELIABLE(names[t]!),
        ]),
      );
      const bare = errors(findings).find((f) => f.table === 't2');
      if (bare) {
        const [, line, number] = namedNumber(bare.message, '表二', copy(name));
        expect(line).toContain(number);
      }
      expect(r.tables).toEqual(['t2', 't3', 't4'].filter((t) => !shuffled.includes(t)));
      // Nothing is taken from a shuffled table, and no piece of a label is ever a value.
      for (const t of shuffled) expect(ofTable(raws(r), t)).toEqual({});
      expect(ofRule(findings, 'G-01')).toEqual([]);
      const { values } = expected(name);
      for (const t of r.tables)
        if (t !== 't2' || name.startsWith('jingxiu'))
          expect(ofTable(raws(r), t), t).toEqual(ofTable(values, t));
    },
  );

  it('table 4’s header words between its numbers (a reading-order copy of a table in columns) is one error, not a misread row', () => {
    // The order 淮安市's PDF of 2024 copies in: part of the header, the first numbers, more of the
    // header, more numbers. Read in turn, its numbers went to the wrong cells: three false errors.
    const lines = readFileSync(fixturePath('jingxiu-2019.txt'), 'utf8')
      .replace('稳定”0', '稳定”')
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    const from = lines.indexOf('四、政府信息公开行政复议、行政诉讼情况');
    const numbers = lines.slice(from).findIndex((l) => /^\d+$/.test(l)) + from;
    const header = lines.slice(from + 1, numbers);
    const row = lines.slice(numbers, numbers + 15);
    lines.splice(
      from + 1,
      header.length + 15,
      ...header.slice(0, 6),
      ...row.slice(0, 5),
      ...header.slice(6, 11),
      ...row.slice(5, 10),
      ...header.slice(11),
      ...row.slice(10),
    );
    const r = read(lines.join('\n'));
    expect(errors(check(r)).map((f) => [f.rule, f.table, f.message])).toEqual([
      ['G-04', 't4', UNRELIABLE('表四')],
    ]);
    expect(ofTable(raws(r), 't4')).toEqual({});
  });

  it.each([
    'jingxiu-2019.writer.browser.txt',
    'jingxiu-2019.chromium.browser.txt',
    'suqian-2024.writer.browser.txt',
    'suqian-2024.pages.browser.txt',
  ])(
    '%s (a browser viewer’s copy, pieces in the file’s order): every cell as transcribed',
    (name) => void readsAsTranscribed(name),
  );

  describe('table 3 labels first, its numbers after them', () => {
    /** The seed as a copy with no tabs, table 3's numbers taken out and put after `anchor`'s line. */
    function numbersAfter(anchor: string): string {
      const lines = readFileSync(fixturePath('jingxiu-2019.txt'), 'utf8')
        .replace('稳定”0', '稳定”')
        .split('\n')
        .map((l) => l.trim());
      const from = lines.indexOf('三、收到和处理政府信息公开申请情况');
      const to = lines.indexOf('四、政府信息公开行政复议、行政诉讼情况');
      const numbers = lines.slice(from, to).filter((l) => /^\d+$/.test(l));
      const rest = lines.filter((l, i) => i < from || i >= to || !/^\d+$/.test(l));
      rest.splice(rest.indexOf(anchor) + 1, 0, ...numbers);
      return rest.join('\n');
    }

    it('in its part: the numbers no row can own make it one error', () => {
      const r = read(numbersAfter('四、结转下年度继续办理'));
      expect(errors(check(r)).map((f) => [f.table, f.message])).toEqual([['t3', UNRELIABLE('表三')]]);
      expect(ofTable(raws(r), 't3')).toEqual({});
    });

    it('moved into part 六: not an empty table but one error, naming where the numbers are', () => {
      const text = numbersAfter('六、其他需要报告的事项');
      const r = read(text);
      const found = errors(check(r));
      expect(found.map((f) => [f.table, f.message])).toEqual([
        ['t3', expect.stringMatching(BARE_MOVED('表三'))],
      ]);
      const lines = text.split('\n');
      const [at, line, number] = namedNumber(found[0]!.message, '表三', text);
      expect(line).toBe(number);
      expect(at).toBeGreaterThan(lines.indexOf('六、其他需要报告的事项'));
      expect(ofTable(raws(r), 't4')).toEqual(ofTable(jingxiu().values, 't4'));
    });
  });

  it('a copy one cell a line with no tabs and wrapped labels, each label before its numbers, reads right', () => {
    // (The seed's 「3.危及“三安全一稳定”0」 has seven numbers after it besides: the 0 is dropped.)
    const seed = readFileSync(fixturePath('jingxiu-2019.txt'), 'utf8').replace('稳定”0', '稳定”');
    // As a browser copies a PDF whose cells are in order: no tabs, long labels over two lines.
    const text = seed
      .split('\n')
      .map((l) => {
        const t = l.trim();
        return t.length > 12 && !/[。，]/.test(t) && /^(?:\d\.|（)/.test(t)
          ? `${t.slice(0, 9)}\n${t.slice(9)}`
          : t;
      })
      .join('\n');
    expect(text).not.toContain('\t');
    expect(text).toContain('2.其他法律行政法\n规禁止公开');
    const r = read(text);
    expect(raws(r)).toEqual(jingxiu().values);
    expect(errors(check(r))).toEqual([]);
  });
});

describe('a browser’s copy of a page whose empty cells hold 「&nbsp;」 (no tabs)', () => {
  /** The seed one cell a line, as Chromium copies a page whose cells are paragraphs. */
  const tabless = () =>
    readFileSync(fixturePath('jingxiu-2019.txt'), 'utf8')
      .replace('稳定”0', '稳定”')
      .split('\n')
      .map((l) => l.trim());
  /** The copy with the `n`th line after `label`'s set to `to`. */
  const withLine = (lines: string[], label: string, n: number, to: string) => {
    const at = lines.indexOf(label);
    expect(at).toBeGreaterThan(0);
    expect(lines[at + n]).toEqual(n ? expect.stringMatching(/^\d+$/) : label);
    lines[at + n] = to;
    return lines;
  };

  it('a cell of no-break spaces, at a row’s end or in its middle, is the row’s empty cell', () => {
    const lines = tabless();
    withLine(lines, '一、本年新收政府信息公开申请数量', 7, '\u00a0');
    withLine(lines, '二、上年结转政府信息公开申请数量', 1, '\u00a0');
    // Table 4's row of numbers, its third (复议·其他结果 1) left empty.
    withLine(lines, '五、存在的主要问题及改进情况', -16, '\u00a0');
    const r = read(lines.join('\n'));
    const values: Record<string, unknown> = {
      ...jingxiu().values,
      't3.r1.total': '',
      't3.r2.natural': '',
      't4.review.other': '',
    };
    expect(raws(r)).toEqual(values);
    const findings = check(r);
    expect(ofRule(findings, 'G-04')).toEqual([]);
    expect(ofRule(findings, 'G-03').find((f) => f.cells.includes('t3.r1.total'))?.suggested).toBe(5);
    // A line of the copy alone does not say which cell is blank: each is named too.
    const at = lines.indexOf('二、上年结转政府信息公开申请数量') + 2;
    expect(ofRule(findings, 'G-03').map((f) => f.message)).toContainEqual(
      expect.stringContaining(`：二、上年结转政府信息公开申请数量·自然人（第${at}行）`),
    );
  });

  it('Chromium’s clipboard: each cell a paragraph, a 「&nbsp;」 cell a line of a space, and cells that are no paragraphs ended by tabs', () => {
    const lines = tabless();
    withLine(lines, '一、本年新收政府信息公开申请数量', 7, ' ');
    withLine(lines, '二、上年结转政府信息公开申请数量', 1, ' ');
    // Table 4's 复议·其他结果 and 尚未审结 (1 and 0), as 「<td>&nbsp;</td>」 twice.
    withLine(lines, '五、存在的主要问题及改进情况', -16, ' \t \t');
    withLine(lines, '五、存在的主要问题及改进情况', -15, '');
    const text = lines.join('\n\n');
    const r = read(text);
    expect(raws(r)).toEqual({
      ...jingxiu().values,
      't3.r1.total': '',
      't3.r2.natural': '',
      't4.review.other': '',
      't4.review.pending': '',
    });
    expect(ofRule(check(r), 'G-04')).toEqual([]);
    // A line of spaces between lines of text, not between blank lines, is no cell.
    const spaced = tabless().join('\n\n').replace('\n\n（一）予以公开', '\n \n（一）予以公开');
    expect(raws(read(spaced))).toEqual(jingxiu().values);
  });

  it('a number too many in a row (typed beside the table) is named where it stands, and the table not read', () => {
    const lines = tabless();
    withLine(lines, '（一）予以公开', 7, '0\n9');
    const text = lines.join('\n');
    const r = read(text);
    const [unread] = errors(check(r));
    const at = text.split('\n').indexOf('9') + 1;
    expect(unread!.message).toContain(
      `表三无法从这段文字可靠读取：第${at}行的「9」不属于任何一行（表中多了数`,
    );
    expect(ofTable(raws(r), 't3')).toEqual({});
  });

  it('spacer paragraphs of no-break spaces around a table and in a full row change nothing', () => {
    const lines = tabless();
    withLine(lines, '三、收到和处理政府信息公开申请情况', 0, '三、收到和处理政府信息公开申请情况\n\u00a0');
    withLine(lines, '四、结转下年度继续办理', 0, '四、结转下年度继续办理\n\u00a0');
    withLine(
      lines,
      '四、政府信息公开行政复议、行政诉讼情况',
      0,
      '\u00a0\n四、政府信息公开行政复议、行政诉讼情况',
    );
    const r = read(lines.join('\n'));
    expect(raws(r)).toEqual(jingxiu().values);
    expect(errors(check(r))).toEqual([]);
  });
});

// A page's text as `innerText` gives it (a script, a page's 「复制全文」 button), made from our pages
// by Chromium: each cell's paragraph between empty lines, the tabs between cells on lines of their own.
describe('a page’s innerText, its cells framed by empty lines', () => {
  it.each(['jingxiu-2019.innertext.txt', 'suqian-2024.innertext.txt'])(
    '%s: every cell as transcribed, none moved by the tab lines',
    (name) => void readsAsTranscribed(name),
  );

  it('a label broken by <br> over two lines is its row’s one cell', () => {
    const text = copy('jingxiu-2019.innertext.txt').replace(
      '2.没有现成信息需要另行制作',
      '2.没有现成信息需要另行\n制作',
    );
    expect(text).toContain('另行\n制作');
    expect(raws(read(text))).toEqual(jingxiu().values);
  });

  it('empty cells, at a row’s end (none, a space, a paragraph of a space) or in its middle, are read empty', () => {
    const r = read(copy('suqian-2024.blanks.innertext.txt'));
    const emptied = ['t3.r1.total', 't3.r2.total', 't3.r3_1.total', 't3.r3_3_1.natural'];
    const { values } = expected('suqian');
    for (const k of emptied) expect(r.cells.get(k as never)?.raw, k).toBe('');
    const others = (v: Record<string, unknown>) =>
      Object.fromEntries(Object.entries(ofTable(v, 't3')).filter(([k]) => !emptied.includes(k)));
    expect(others(raws(r))).toEqual(others(values));
    expect(ofTable(raws(r), 't4')).toEqual(ofTable(values, 't4'));
    // Not a row cut short (G-04), but cells left empty: the totals' sums are said.
    const findings = check(r);
    expect(ofRule(findings, 'G-04')).toEqual([]);
    expect(
      ofRule(findings, 'G-03')
        .filter((f) => f.table === 't3')
        .flatMap((f) => f.cells),
    ).toEqual(expect.arrayContaining(['t3.r1.total', 't3.r2.total', 't3.r3_1.total']));
  });

  // Chromium's innerText gives a 「<br>」 as a line end of its own: 「<p>3440<br></p>」 is 「3440\n」.
  const BR_AROUND = [
    ['after', (n: string) => `${n}\n`],
    ['before', (n: string) => `\n${n}`],
    ['before and after', (n: string) => `\n${n}\n`],
  ] as const;
  it.each(BR_AROUND)('numbers with a <br> %s them in their cells: every cell as transcribed', (_, br) => {
    for (const name of ['jingxiu-2019.innertext.txt', 'suqian-2024.innertext.txt']) {
      const text = copy(name).replace(/^\d+$/gm, br);
      const r = read(text);
      const { values, tables } = expected(name);
      for (const t of tables) expect(ofTable(raws(r), t), `${name} ${t}`).toEqual(ofTable(values, t));
      expect(errors(check(r)), name).toEqual([]);
    }
  });

  // A page whose editor left a 「<br>」 in a few cells only: their gap to the tab line is one line
  // longer than most cells', as an empty cell beginning or ending a row also makes it. Read as a
  // row's break, the numbers after it were a row of their own (the total 「未填」, silently).
  it.each(BR_AROUND)(
    'numbers with a <br> %s them in a few cells only: every cell as transcribed',
    (_, br) => {
      for (const name of ['jingxiu-2019.innertext.txt', 'suqian-2024.innertext.txt']) {
        for (const every of [1000, 37, 7, 2]) {
          let k = 0;
          // The 6th number (a row's middle), and then every `every`-th: first cells, last ones, totals.
          const text = copy(name).replace(/^\d+$/gm, (n) => (++k === 6 || k % every === 0 ? br(n) : n));
          const r = read(text);
          const { values, tables } = expected(name);
          for (const t of tables)
            expect(ofTable(raws(r), t), `${name} ${t} every ${every}`).toEqual(ofTable(values, t));
          expect(errors(check(r)), `${name} every ${every}`).toEqual([]);
        }
      }
    },
  );

  // As Chromium copies 「<p>2.重复申请<br></p>」: a label's gap one line longer, as a row whose first
  // cell is 「<td></td>」 also begins.
  it.each(['（一）予以公开', '（三）不予公开', '1.属于国家秘密', '2.重复申请', '（七）总计'])(
    'a label with a <br> after it (%s) is its row’s',
    (label) => {
      const r = read(replaceLine(copy('suqian-2024.innertext.txt'), label, `${label}\n`));
      for (const t of ['t3', 't4'])
        expect(ofTable(raws(r), t), t).toEqual(ofTable(expected('suqian').values, t));
    },
  );

  it('table 4’s numbers after its header and an empty first cell (「<td></td>」) are its row’s', () => {
    const row = '总计\n\n\n\n\n88\n\n\t\n\n18';
    const text = copy('suqian-2024.innertext.txt');
    expect(text).toContain(row);
    const r = read(text.replace(row, '总计\n\n\n\t\n\n18'));
    const values = { ...expected('suqian').values, 't4.review.upheld': '' };
    expect(ofTable(raws(r), 't4')).toEqual(ofTable(values, 't4'));
  });

  // A row whose last cell is 「<td></td>」 leaves two empty lines before the next row's label, as a
  // 「<br>」 before a header's words does: where such rows outnumbered the header's cells, the gap was
  // taken for words' usual one, and each row ran on into the next.
  it('rows ending in an empty cell (「<td></td>」), more of them than header cells after a tab: each row ends', () => {
    const page = copy('suqian-2024.innertext.txt')
      .replace(/\n\t\n\n(?=(结果纠正|其他结果|尚未审结)\n)/g, '\n\t\n\n\n')
      .replace(/\n\t\n\n\d+\n\n\n\n\n(?=\S)/g, '\n\t\n\n\n');
    const r = read(page);
    const { values } = expected('suqian');
    const t3 = Object.fromEntries(
      Object.entries(ofTable(values, 't3')).map(([k, v]) => [
        k,
        k.endsWith('.total') && k !== 't3.r4.total' ? '' : v,
      ]),
    );
    expect(ofTable(raws(r), 't3')).toEqual(t3);
    expect(ofTable(raws(r), 't4')).toEqual(ofTable(values, 't4'));
    expect(ofRule(check(r), 'G-04')).toEqual([]);
  });

  it('empty cells as a page editor leaves them (「<p><br></p>」, 「<p>&nbsp;</p>」 beginning a row) are read empty', () => {
    /** The text with the `k`-th cell after the line at `at` replaced by `to`. */
    const emptyCell = (lines: string[], at: number, k: number, to: string) => {
      let i = at;
      for (let n = 0; n < k;) if (lines[++i]!.trim() && !lines[i]!.includes('\t')) n++;
      lines[i] = to;
    };
    // The page's editor makes every empty cell so, the header's too.
    const page = copy('suqian-2024.innertext.txt').replace(/(?<=\n\t\n)\n(?=\t\n)/g, '\n\n\n\n');
    expect(page).toContain('\t\n\n\n\n\n\t');
    const lines = page.split('\n');
    const carried = lines.indexOf('二、上年结转政府信息公开申请数量');
    for (const k of [6, 5, 4, 3]) emptyCell(lines, carried, k, '\n');
    emptyCell(lines, lines.lastIndexOf('总计'), 1, '\u00a0');
    const r = read(lines.join('\n'));
    const emptied = ['t3.r2.research', 't3.r2.nonprofit', 't3.r2.legal', 't3.r2.other', 't4.review.upheld'];
    const values: Record<string, unknown> = { ...expected('suqian').values };
    for (const k of emptied) values[k] = '';
    for (const t of ['t3', 't4']) expect(ofTable(raws(r), t), t).toEqual(ofTable(values, t));
    expect(ofRule(check(r), 'G-04')).toEqual([]);
  });
});

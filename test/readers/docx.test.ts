import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { check } from '../../src/checks/engine.js';
import { bodyBlocks } from '../../src/readers/docx/body.js';
import { readDocx } from '../../src/readers/docx/index.js';
import { unsupportedFormat } from '../../src/readers/formats.js';
import { PART_TITLES } from '../../src/report/parts.js';
import type { Report } from '../../src/report/types.js';
import { readDocument, STRUCK, struckThrough } from '../../src/readers/text/document.js';
import { errors, filledGrid, fixturePath, jingxiu, mergedOtherWay, ofRule, suqian } from '../helpers.js';

const bytes = (name: string) => new Uint8Array(readFileSync(fixturePath(name)));

async function read(name: string): Promise<Report> {
  const r = await readDocx(bytes(name), { source: name });
  if (!r.report) throw new Error(r.problem);
  return r.report;
}

const raws = (r: Report) => Object.fromEntries([...r.cells].map(([k, c]) => [k, c.raw]));

describe('a Word report (.docx, saved by LibreOffice from the published page)', () => {
  it('保定市竞秀区 2019: every cell of the three tables, the edition, year and body; balanced, no error', async () => {
    const r = await read('jingxiu-2019.docx');
    expect(r).toMatchObject({
      edition: '2019',
      year: 2019,
      agency: '保定市竞秀区',
      source: 'jingxiu-2019.docx',
    });
    expect(r.tables).toEqual(['t2', 't3', 't4']);
    expect(raws(r)).toEqual(jingxiu().values);
    expect(errors(check(r))).toEqual([]);
    expect(r.published!.titles.every((l) => l > 0)).toBe(true);
    expect(r.published!.parts[5]).toContain('无其他需要报告的事项');
  });

  it('table 2 merged otherwise in its rows than in its header (the last number over D:E): every number, as on its page', async () => {
    // Read as blank before (8 「未填」), the merged cells' numbers lost; the two left blank said as such.
    const r = await read('merged-other-way.docx');
    expect(raws(r)).toEqual(mergedOtherWay());
    expect(ofRule(check(r), 'G-03').map((f) => f.message)).toEqual([
      '表二有 2 格未填数字或填了「/」「—」（不参与计算）：规章·本年新公开数量（第1个表格第3行第3列）、行政许可·本年增/减（第1个表格第7行第3列）。表格要求没有的填 0。',
    ]);
    const [t] = bodyBlocks(strFromU8(unzipSync(bytes('merged-other-way.docx'))['word/document.xml']!)).filter(
      (b) => 'table' in b,
    );
    const table = t && 'table' in t ? t.table : undefined;
    const row = table!.rows.findIndex((cells) => cells[0] === '行政许可');
    expect(table!.rows[row]).toEqual(['行政许可', '31', '', '33', null]);
    expect([0, 1, 2, 3, 4].map((c) => table!.joined!(row, c))).toEqual([false, false, false, false, true]);
  });

  it('a 解读 after the report that repeats all six titles: the parts are still the report’s', async () => {
    const xml = strFromU8(unzipSync(bytes('jingxiu-2019.docx'))['word/document.xml']!);
    const blocks = bodyBlocks(xml);
    const explained = PART_TITLES.flatMap((t) => [{ line: t }, { line: '本部分的要点。' }]);
    const alone = readDocument(blocks).report!;
    const r = readDocument([...blocks, { line: '图文解读' }, ...explained]).report!;
    expect(r.published!.titles).toEqual(alone.published!.titles);
    expect(r.published!.parts).toEqual(alone.published!.parts);
  });

  it('two reports in one document are refused, even where the second one’s first title is lost', async () => {
    const xml = strFromU8(unzipSync(bytes('jingxiu-2019.docx'))['word/document.xml']!);
    const blocks = bodyBlocks(xml);
    const twice = readDocument([...blocks, ...blocks]);
    expect(twice.problem).toMatch(/^其中有 2 份年报/);
    const untitled = blocks.filter((b) => !('line' in b && b.line.trim() === PART_TITLES[0]));
    expect(readDocument([...blocks, ...untitled]).problem).toMatch(/^其中有 2 份年报/);
    // A 解读 after the report with a small table of its own, quoting 表三's first row in a sentence: one report.
    const explained = [
      { line: '图文解读' },
      { line: PART_TITLES[0] },
      { line: '本年新收政府信息公开申请数量5件。' },
      { table: { rows: [['本年新收', '5']], where: () => '' } },
      { line: PART_TITLES[5] },
    ];
    expect(readDocument([...blocks, ...explained]).report?.tables).toEqual(['t2', 't3', 't4']);
  });

  it('says where each cell is: its table, row and column in the document', async () => {
    const r = await read('jingxiu-2019.docx');
    // Table 2, row 「（七）总计」 of table 3: its columns as a reader counts them, a label run over two
    // of the file's grid columns (w:gridSpan) counted once, the merged cell above it (w:vMerge) as one.
    expect(r.cells.get('t3.r3_7.natural')!.address).toBe('第2个表格第25行第3列');
    expect(r.cells.get('t4.review.upheld')!.address).toBe('第3个表格第4行第1列');
  });

  it('宿迁市 2024 (2021 edition): tables 3 and 4 cell by cell; the text against table 4', async () => {
    const [, y2024] = suqian();
    const r = await read('suqian-2024.docx');
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

  it('a body past its size, a zip bomb, or one that inflates past what it declares is refused, saying which, before it is read', async () => {
    const body = (n: number) => new TextEncoder().encode(`<w:document>${'<w:p/>'.repeat(n)}</w:document>`);
    const problem = async (b: Uint8Array) => (await readDocx(b)).problem;
    expect(await problem(zipSync({ 'word/document.xml': body(3_000_000) }))).toBe(
      '.docx 文件的正文（word/document.xml）解压后有 17 MB，超过上限 16 MB，不像一份年报，未读取。',
    );
    expect(await problem(zipSync({ 'word/document.xml': body(400_000) }))).toMatch(
      /^\.docx 文件的正文解压后是压缩时的 \d+ 倍（2 MB），疑为压缩炸弹，未读取。$/,
    );
    // The body's declared size made smaller than it is, in the zip's directory and its own header.
    const zip = zipSync({ 'word/document.xml': body(1000) }, { level: 0 });
    const view = new DataView(zip.buffer);
    for (let at = 0; at + 4 <= zip.length; at++) {
      if (view.getUint32(at, true) === 0x04034b50) view.setUint32(at + 22, 100, true);
      if (view.getUint32(at, true) === 0x02014b50) view.setUint32(at + 24, 100, true);
    }
    expect(await problem(zip)).toBe(
      '.docx 文件已损坏或不完整（可能没有下载完整），无法读取。请重新下载或在 Word 中另存后再校验。',
    );
    const deflated = zipSync({ 'word/document.xml': body(1000) });
    const dview = new DataView(deflated.buffer);
    for (let at = 0; at + 4 <= deflated.length; at++) {
      if (dview.getUint32(at, true) === 0x04034b50) dview.setUint32(at + 22, 100, true);
      if (dview.getUint32(at, true) === 0x02014b50) dview.setUint32(at + 24, 100, true);
    }
    expect(await problem(deflated)).toBe('.docx 文件的正文解压后比声明的大小更大，疑为压缩炸弹，未读取。');
  });

  it('a body with a DTD (entities that expand a billion times, or name a file) is refused', async () => {
    const xml = strFromU8(unzipSync(bytes('jingxiu-2019.docx'))['word/document.xml']!);
    const withDtd = xml.replace(
      '?>',
      '?><!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>',
    );
    const docx = zipSync({
      'word/document.xml': new TextEncoder().encode(withDtd.replace('保定市', '&b;保定市')),
    });
    expect((await readDocx(docx)).problem).toBe(
      '.docx 文件的正文含有 DTD 声明（Word 不会写入），不是 Word 保存的文档，未读取。',
    );
  });

  it('a title in the page header alone (word/header1.xml) gives the body and year, as the printed page does', async () => {
    const parts = unzipSync(bytes('jingxiu-2019.docx'));
    const xml = strFromU8(parts['word/document.xml']!);
    const title = /<w:p\b(?:(?!<\/w:p>)[\s\S])*?保定市竞秀区[\s\S]*?<\/w:p>/.exec(xml)![0];
    expect(title).toContain('年度报告');
    const body = (x: string) => new TextEncoder().encode(x);
    // Another body's name and year in the header than the report's, to tell where they were read.
    const header = body(
      '<w:hdr><w:p><w:r><w:t>张家口市桥东区2018年政府信息公开工作年度报告</w:t></w:r></w:p></w:hdr>',
    );
    const without = await readDocx(zipSync({ ...parts, 'word/document.xml': body(xml.replace(title, '')) }));
    expect(without.report?.agency).not.toBe('张家口市桥东区');
    const r = await readDocx(
      zipSync({ ...parts, 'word/document.xml': body(xml.replace(title, '')), 'word/header1.xml': header }),
    );
    expect(r.report).toMatchObject({ year: 2018, agency: '张家口市桥东区' });
    // With its own title, the body's is the report's.
    const both = await readDocx(zipSync({ ...parts, 'word/header1.xml': header }));
    expect(both.report).toMatchObject({ year: 2019, agency: '保定市竞秀区' });
  });

  it('a truncated download, an old .doc, random bytes and a zip without a body each get their own message', async () => {
    const problem = async (b: Uint8Array) => (await readDocx(b)).problem;
    expect(await problem(bytes('truncated.docx'))).toContain('已损坏或不完整');
    expect(await problem(bytes('jingxiu-2019.doc'))).toContain('旧版 Word（.doc）');
    const random = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 251);
    expect(await problem(random)).toContain('不是 Word 文档格式');
    expect(await problem(zipSync({ 'a.txt': new Uint8Array([65]) }))).toContain('没有正文');
  });

  describe('a report laid out in tables, as Word keeps a web page pasted or saved into it', () => {
    const xml = strFromU8(unzipSync(bytes('jingxiu-2019.docx'))['word/document.xml']!);
    const start = xml.indexOf('<w:body>') + '<w:body>'.length;
    const end = xml.lastIndexOf('<w:sectPr');
    const content = xml.slice(start, end);
    const p = (text: string) => `<w:p><w:r><w:t>${text}</w:t></w:r></w:p>`;
    const tc = (inner: string) => `<w:tc>${inner}<w:p/></w:tc>`;
    const tbl = (...rows: string[][]) =>
      `<w:tbl>${rows.map((r) => `<w:tr>${r.map(tc).join('')}</w:tr>`).join('')}</w:tbl>`;
    const docx = (body: string) =>
      zipSync({ 'word/document.xml': new TextEncoder().encode(xml.slice(0, start) + body + xml.slice(end)) });
    const alone = () => read('jingxiu-2019.docx');

    it.each([
      [
        'the whole report in a cell, between the site’s navigation and footer',
        tbl([p('首页 > 政务公开')], [content], [p('版权所有')]),
      ],
      ['the report in a cell beside the site’s menu', tbl([p('栏目导航') + p('通知公告'), content])],
      ['each table alone in a one-cell frame', content.replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, (t) => tbl([t]))],
      ['a frame in a frame', tbl([tbl([content])])],
    ])('%s: read as the report itself', async (_, body) => {
      const r = await readDocx(docx(body));
      const want = await alone();
      expect(raws(r.report!)).toEqual(raws(want));
      expect(r.report!.published!.parts).toEqual(want.published!.parts);
      expect(check(r.report!)).toEqual(check(want));
    });

    it('a table of the report with a small table in a cell stays a table', () => {
      const small = tbl([p('注')]);
      const blocks = bodyBlocks(tbl([p('申请人情况') + small, p('5')], [p('A'), p('6')]));
      expect(blocks).toEqual([
        {
          table: {
            rows: [
              ['申请人情况注', '5'],
              ['A', '6'],
            ],
            where: expect.any(Function),
            joined: expect.any(Function),
          },
        },
      ]);
    });

    it('a row that starts a billion columns in, or a table of a million grid places, is bounded', async () => {
      // w:gridBefore of 1e9 took 4.7 GB and ended the process; it is held to 64 columns as w:gridSpan is.
      const before = tbl([p('申请人情况'), p('5')]).replace(
        '<w:tr>',
        '<w:tr><w:trPr><w:gridBefore w:val="1000000000"/></w:trPr>',
      );
      const [t] = bodyBlocks(before);
      expect(t && 'table' in t && t.table.rows[0]).toEqual([
        ...Array<string>(64).fill(''),
        '申请人情况',
        '5',
      ]);
      const wide = `<w:tbl><w:tr>${'<w:tc><w:tcPr><w:gridSpan w:val="64"/></w:tcPr><w:p/></w:tc>'.repeat(2000)}</w:tr></w:tbl>`;
      const r = await readDocx(docx(content + wide));
      expect(r.problem).toBe('文档中有一个表格超过 10 万格（按合并前的格子计），不像年报的表格，未读取。');
    });

    it('tables nested thousands deep are read in bounded time, the deepest as text of a cell', () => {
      const deep = `${'<w:tbl><w:tr><w:tc><w:p><w:r><w:t>a</w:t></w:r></w:p>'.repeat(5000)}${'</w:tc><w:tc><w:p/></w:tc></w:tr></w:tbl>'.repeat(5000)}`;
      const blocks = bodyBlocks(`<w:document><w:body>${deep}</w:body></w:document>`);
      expect(blocks).toHaveLength(1);
      expect(JSON.stringify(blocks).length).toBeLessThan(8 * 5000 * 2);
    });
  });

  it('a .docx with no report in it says so', async () => {
    const xml = `<w:document xmlns:w="w"><w:body><w:p><w:r><w:t>会议通知</w:t></w:r></w:p></w:body></w:document>`;
    const docx = zipSync({ 'word/document.xml': new TextEncoder().encode(xml) });
    expect((await readDocx(docx)).problem).toContain('没有找到年报表格');
  });
});

describe('formats no reader reads', () => {
  it.each([
    ['年报.doc', '.doc 是旧版 Word 格式，请在 Word 或 WPS 中另存为 .docx 或 PDF 后再校验'],
    ['年报.WPS', '.wps 是 WPS 文字格式'],
    ['年报.ofd', '.ofd 是版式文件格式'],
    ['表格.xls', '另存为 .xlsx'],
    ['表格.et', 'WPS 表格'],
    ['表格.ods', '.ods 是 LibreOffice 表格格式，请在 LibreOffice 或 WPS 中另存为 .xlsx 后再校验'],
    ['扫描件.jpg', '是图片'],
  ])('%s: %s', (name, message) => {
    expect(unsupportedFormat(name)).toContain(message);
  });

  it.each(['年报.docx', '年报.pdf', '年报.xlsx', '年报.txt', '年报.html', '年报.htm', 'README'])(
    '%s is read: no message',
    (name) => expect(unsupportedFormat(name)).toBeUndefined(),
  );
});

describe("a document's tables", () => {
  const [, y2024] = suqian();
  const rows = () =>
    filledGrid('2021', y2024.values).map((row) => row.map((c) => (c === null ? null : String(c))));
  const table = (rows: (string | null)[][]) => ({
    table: { rows, where: (r: number, c: number) => `第1个表格第${r + 1}行第${c + 1}列` },
  });

  it('a row the official table has not is named by where it is in the document, not by a sheet row', () => {
    const grid = rows();
    const at = grid.findIndex((r) => r.some((c) => c?.includes('（一）予以公开')));
    grid.splice(at, 0, ['备注', ...grid[at]!.slice(1).map(() => null)]);
    const message = ofRule(readDocument([table(grid)]).report!.findings, 'G-04')[0]!.message;
    expect(message).toContain(`第1个表格第${at + 1}行第1列所在的行是官方表格没有的行（「备注」）`);
  });

  it('rows swapped under 「（四）无法提供」 and 「（五）不予处理」: the rows are said, the groups’ labels (merged over them, where they were) are not said to be empty', () => {
    const grid = rows();
    /** Swaps two rows' own cells (from their label on); a group's label stays in its merged cell's first row. */
    const swap = (first: string, second: string) => {
      const a = grid.findIndex((r) => r.some((c) => c?.includes(first)));
      const b = grid.findIndex((r) => r.some((c) => c?.includes(second)));
      const own = grid[a]!.findIndex((c) => c?.includes(first));
      for (let c = own; c < grid[a]!.length; c++) [grid[a]![c], grid[b]![c]] = [grid[b]![c]!, grid[a]![c]!];
    };
    swap('1.本机关不掌握相关政府信息', '3.补正后申请内容仍不明确');
    swap('1.信访举报投诉类申请', '2.重复申请');
    const r = readDocument([table(grid)]).report!;
    for (const key of ['t3.r3_4_1.total', 't3.r3_4_3.total', 't3.r3_5_1.total', 't3.r3_5_2.total'])
      expect(r.cells.get(key)!.raw, key).toBe(y2024.values[key]);
    const messages = ofRule(r.findings, 'G-04').map((f) => f.message);
    expect(messages).toEqual([expect.stringMatching(/^有 \d 行的上下顺序与官方表格不同/)]);
    // The rows named are the two swapped, not the one between them, which stands where it belongs.
    expect(messages[0]).toContain('「1.本机关不掌握相关政府信息」');
    expect(messages[0]).toContain('「3.补正后申请内容仍不明确」');
    expect(messages[0]).not.toContain('2.没有现成信息需要另行制作');
  });

  it('a label changed is named where it is, followed by the words as they are written (no space between)', () => {
    const grid = rows();
    const at = grid.findIndex((r) => r.some((c) => c?.includes('（一）予以公开')));
    const col = grid[at]!.findIndex((c) => c?.includes('（一）予以公开'));
    grid[at]![col] = '（一）公开';
    const message = ofRule(readDocument([table(grid)]).report!.findings, 'G-04')[0]!.message;
    expect(message).toMatch(new RegExp(`^第1个表格第${at + 1}行第${col + 1}列的标签`));
  });

  it('a column put in (a 「小计」) is named by its header’s cell in the document, not a sheet’s column letter', () => {
    const grid = rows();
    const header = grid.findIndex((r) => r.includes('商业企业'));
    const col = grid[header]!.indexOf('商业企业');
    const end = grid.findIndex((r) => r.some((c) => c?.includes('四、结转下年度继续办理')));
    grid.forEach((r, i) => r.splice(col, 0, i === header ? '小计' : i > header && i <= end ? '0' : null));
    const message = ofRule(readDocument([table(grid)]).report!.findings, 'G-04')
      .map((f) => f.message)
      .find((m) => m.includes('小计'));
    expect(message).toBe(
      `第1个表格第${header + 1}行第${col + 1}列所在的列是官方表格没有的列（「小计」），未读取；官方表格没有小计列，请删除。`,
    );
  });

  it('a number struck through (a revision shown) is left out of its cell, and said', () => {
    const grid = rows();
    const at = grid.findIndex((r) => r.some((c) => c?.includes('一、本年新收')));
    const col = grid[at]!.findIndex((c) => c === String(y2024.values['t3.r1.natural']));
    grid[at]![col] = `9${STRUCK}${grid[at]![col]}`;
    const r = readDocument([table(grid)]).report!;
    expect(r.cells.get('t3.r1.natural')!.raw).toBe(y2024.values['t3.r1.natural']);
    expect(ofRule(r.findings, 'G-04')).toMatchObject([
      {
        table: 't3',
        severity: 'warning',
        message: `第1个表格第${at + 1}行第${col + 1}列 有带删除线的文字「9」（未接受的修订），未读取，该格按「${y2024.values['t3.r1.natural']}」读取。发布前请接受或拒绝全部修订。`,
      },
    ]);
  });

  it('a row deleted, not yet accepted (every cell struck): read as deleted, said once under its own table', () => {
    const grid = rows();
    const head = grid.findIndex((r) => r.some((c) => c?.includes('申请人情况')));
    const at = grid.findIndex((r) => r.some((c) => c?.includes('（二）部分公开')));
    const copy = grid[at]!.map((c) => (c ? struckThrough(c) : c));
    grid.splice(at + 1, 0, copy);
    // 表二 in a table of its own before 表三's: a finding is never said under the first table of the report.
    const tables = [grid.slice(0, head), grid.slice(head)].map((part, n) => ({
      table: { rows: part, where: (r: number, c: number) => `第${n + 1}个表格第${r + 1}行第${c + 1}列` },
    }));
    const r = readDocument(tables).report!;
    const plain = readDocument([table(rows())]).report!;
    expect([...r.cells].map(([k, c]) => [k, c.raw])).toEqual([...plain.cells].map(([k, c]) => [k, c.raw]));
    const said = copy.filter((c) => c).map((c) => c!.replace(new RegExp(STRUCK, 'g'), ''));
    expect(ofRule(r.findings, 'G-04')).toEqual([
      expect.objectContaining({
        table: 't3',
        severity: 'warning',
        message: `第2个表格第${at + 2 - head}行整行带删除线（未接受的修订：「${said.join(' ')}」），按已删除处理，未读取。发布前请接受或拒绝全部修订。`,
      }),
    ]);
  });

  it('in a .docx, a deletion not yet accepted is struck text of its cell; the insertion is the cell’s text', () => {
    const run = (tag: string, text: string) => `<w:r><w:${tag}>${text}</w:${tag}></w:r>`;
    const cell = (p: string) => `<w:tc><w:p>${p}</w:p></w:tc>`;
    const xml = `<w:document><w:body><w:tbl><w:tr>${cell(run('t', 'A'))}${cell(
      `<w:del w:id="1">${run('delText', '4')}</w:del><w:ins w:id="2">${run('t', '5')}</w:ins>`,
    )}</w:tr></w:tbl></w:body></w:document>`;
    expect(bodyBlocks(xml)).toMatchObject([{ table: { rows: [['A', `4${STRUCK}5`]] } }]);
  });

  it('in a .docx, text moved away and not yet accepted is struck; hidden text (w:vanish) is none of its cell', () => {
    const run = (text: string, props = '') =>
      `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ''}<w:t>${text}</w:t></w:r>`;
    const cell = (p: string) => `<w:tc><w:p>${p}</w:p></w:tc>`;
    const xml = `<w:document><w:body><w:tbl><w:tr>${cell(run('A'))}${cell(
      `<w:moveFrom w:id="1">${run('20')}</w:moveFrom><w:moveTo w:id="2">${run('2')}</w:moveTo>`,
    )}${cell(`${run('21', '<w:vanish/>')}${run('14')}`)}${cell(
      // Hidden once, shown now (a tracked change of its format), and hidden said false: shown.
      `${run('3', '<w:vanish w:val="0"/>')}${run('7', '<w:rPrChange><w:rPr><w:vanish/></w:rPr></w:rPrChange>')}`,
    )}</w:tr></w:tbl></w:body></w:document>`;
    expect(bodyBlocks(xml)).toMatchObject([
      { table: { rows: [['A', `2${STRUCK}0${STRUCK}2`, '14', '37']] } },
    ]);
  });

  it('a number with a zero-width space after it (a page’s copy pasted into Word) is the number', () => {
    const grid = rows();
    const at = grid.findIndex((r) => r.some((c) => c?.includes('一、本年新收')));
    const col = grid[at]!.findIndex((c) => c === String(y2024.values['t3.r1.natural']));
    grid[at]![col] = `${grid[at]![col]}\u200b`;
    const r = readDocument([table(grid)]).report!;
    expect(r.cells.get('t3.r1.natural')!.raw).toBe(y2024.values['t3.r1.natural']);
    expect(check(r).filter((f) => f.cells.includes('t3.r1.natural'))).toEqual([]);
  });

  it('a table its writer split in two, the header repeated in the second, is read as one', () => {
    const grid = rows();
    const head = grid.findIndex((r) => r.some((c) => c?.includes('申请人情况')));
    const cut = grid.findIndex((r) => r.some((c) => c?.includes('（三）不予公开')));
    const repeated = [...grid.slice(head, head + 3), ...grid.slice(cut)];
    const r = readDocument([
      table(grid.slice(0, head)),
      { line: '表三' },
      table(grid.slice(head, cut)),
      { line: '' },
      table(repeated),
    ]).report!;
    expect(r.findings).toEqual([]);
    expect(
      Object.fromEntries([...r.cells].filter(([k]) => !k.startsWith('t2.')).map(([k, c]) => [k, c.raw])),
    ).toEqual(y2024.values);
  });

  it('two such parts a PDF gives as one table, each part’s labels on columns of its own: read as one, nothing said', () => {
    const grid = rows();
    const head = grid.findIndex((r) => r.some((c) => c?.includes('申请人情况')));
    // Cut within （三）, as a page's editor cuts a long table: both parts have rows of three label levels.
    const cut = grid.findIndex((r) => r.some((c) => c?.includes('6.属于四类过程性信息')));
    const labels = grid[head]!.findIndex((c) => c?.includes('申请人情况'));
    // Both parts on the columns of both: the first's labels two columns further right, the second's
    // where they were; a label's places run over by it are none (null), as a PDF gives them.
    const wide = (row: (string | null)[], at: number) =>
      [...row.slice(0, at), null, null, ...row.slice(at)].map((c, i) =>
        i < labels + 2 && c === '' ? null : c,
      );
    const first = grid.slice(head, cut).map((row, i) => (i < 3 ? wide(row, labels) : wide(row, 1)));
    const second = [...grid.slice(head, head + 3), ...grid.slice(cut)].map((row) => wide(row, labels));
    const r = readDocument([
      table(grid.slice(0, head)),
      { line: '表三' },
      table([...first, ...second]),
    ]).report!;
    expect(r.findings).toEqual([]);
    expect(
      Object.fromEntries([...r.cells].filter(([k]) => !k.startsWith('t2.')).map(([k, c]) => [k, c.raw])),
    ).toEqual(y2024.values);
  });
});

import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { addTemplateSheet, writeTemplate } from '../../src/cli/xlsx-write.js';
import { templateLayout } from '../../src/report/template.js';
import { encodeGbk, fixturePath, jingxiu, seedHtml, seedTextWith, suqian } from '../helpers.js';
import { cli } from './run.js';

const seedText = readFileSync(fixturePath('jingxiu-2019.txt'), 'utf8');

const json = (out: string) =>
  JSON.parse(out) as {
    files: {
      file: string;
      agency?: string;
      previous?: string;
      findings: { rule: string; severity: string; message: string; cells: string[] }[];
    }[];
    unreadable?: { file: string }[];
  };

/** The same report a year later, word for word but for its date (a report copied from last year). */
const nextYear = (text: string) => text.replace('2020年2月15日', '2021年2月10日');

describe('nianbao import', () => {
  it('fills the template with the seed text; the .xlsx checks clean and gives the same numbers', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-import-'));
    const txt = join(dir, '竞秀区2019.txt');
    writeFileSync(txt, seedText);
    const xlsx = join(dir, '竞秀区2019.xlsx');
    const imported = await cli('import', txt, '-o', xlsx);
    expect(imported).toMatchObject({
      code: 0,
      out: `已导入 保定市竞秀区人民政府 2019 年度的 198 个数字（2019 版）到 ${xlsx}（工作表「2019年度年报」）。\n`,
    });
    // The text's own findings do not come with the numbers, and the user is told.
    expect(imported.err).toContain(
      '! 原文件有 1 个警告与正文或原文格式有关（G-04），导入的工作表中没有正文，不会再出现',
    );
    const checked = await cli('check', xlsx, '--json');
    expect(checked.code).toBe(0);
    expect(json(checked.out).files[0]!.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    const fromText = JSON.parse((await cli('import', txt, '--json')).out);
    const fromXlsx = JSON.parse((await cli('import', xlsx, '--json')).out);
    expect(fromXlsx).toEqual(fromText);
    expect(fromText).toMatchObject({ edition: '2019', year: 2019, agency: '保定市竞秀区人民政府' });
    expect(fromText.values['t3.r3_7.total']).toBe(5);
    expect(fromText.values['t2.procurement.amount']).toBe(7441.879403);
    expect(fromText.units).toEqual({ 't2.procurement.amount': '万元' });
    expect(Object.keys(fromText.values)).toHaveLength(198);
    // A report that writes no amount's unit (宿迁's 表二 is empty) still has the field, empty.
    const word = JSON.parse((await cli('import', fixturePath('suqian-2024.docx'), '--json')).out);
    expect(word.units).toEqual({});
  });
});

describe('nianbao import says what it could not take', () => {
  it('cells that hold no number are imported as written, counted apart and named', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-import-'));
    const txt = join(dir, 'a.txt');
    // The seed's 商业企业 count of 新收 written in words.
    writeFileSync(txt, seedTextWith('五'));
    const r = await cli('import', txt, '-o', join(dir, 'a.xlsx'));
    expect(r.code).toBe(0);
    expect(r.out).toContain('的 197 个数字');
    expect(r.err).toMatch(
      /^! 一、本年新收政府信息公开申请数量·\S+（第\d+行）「五」不是这一格能填的数（如汉字数字、带「约」、件数有小数或是负数），已照原样填入，请核对后改正。\n! 原文件有 1 个警告与正文或原文格式有关（G-04）/,
    );
    // --json: null, as an empty cell is, and what was written beside it; said on stderr as with -o.
    const j = await cli('import', txt, '--json');
    expect(j.code).toBe(0);
    const out = JSON.parse(j.out);
    const [key] = Object.keys(out.notNumbers);
    expect(out.notNumbers).toEqual({ [key!]: '五' });
    expect(out.values[key!]).toBeNull();
    expect(out.unread).toEqual([]);
    expect(j.err).toMatch(/^! 一、本年新收政府信息公开申请数量·\S+「五」不是这一格能填的数/);
  });

  it('a table it could not read: written with that table empty, said, and exit 1; in --json too', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-import-'));
    const source = fixturePath('jingxiu-2019.writer.reading.txt');
    const xlsx = join(dir, 'a.xlsx');
    const r = await cli('import', source, '-o', xlsx);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/! 表三无法从这段文字可靠读取/);
    expect(r.err).toContain('✗ 导入不完整');
    expect(existsSync(xlsx)).toBe(true);
    const j = await cli('import', source, '--json');
    expect(j.code).toBe(1);
    const out = JSON.parse(j.out);
    expect(out.unread).toEqual([expect.stringMatching(/^表三无法从这段文字可靠读取/)]);
    expect(out.values['t3.r1.natural']).toBeNull();
    expect(j.err).toMatch(/^! 表三无法从这段文字可靠读取/);
  });

  it('a workbook of two years: the latest is imported, and the other named', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-import-'));
    const [y2023, y2024] = suqian();
    const wb = new ExcelJS.Workbook();
    addTemplateSheet(wb, '2023年度年报', templateLayout('2021'), {
      values: y2023.values,
      year: 2023,
      agency: '宿迁市',
    });
    addTemplateSheet(wb, '2024年度年报', templateLayout('2021'), {
      values: y2024.values,
      year: 2024,
      agency: '宿迁市',
    });
    const both = join(dir, 'both.xlsx');
    await wb.xlsx.writeFile(both);
    const r = await cli('import', both, '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ year: 2024, agency: '宿迁市' });
    expect(r.err).toBe(
      `! ${both} 中有 2 份年报，只导入了年度最近的一份：宿迁市 2024 年度（工作表「2024年度年报」）；未导入：宿迁市 2023 年度（工作表「2023年度年报」）。\n`,
    );
  });

  it('--previous a workbook of two years: the sheet compared with is named, in the output and the 审核报告', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-previous-'));
    const [y2023, y2024] = suqian();
    const wb = new ExcelJS.Workbook();
    for (const [y, values] of [
      [2023, y2023.values],
      [2024, y2024.values],
    ] as const)
      addTemplateSheet(wb, `${y}年度年报`, templateLayout('2021'), { values, year: y, agency: '宿迁市' });
    const both = join(dir, 'both.xlsx');
    await wb.xlsx.writeFile(both);
    const r = await cli('check', fixturePath('suqian-2024.html'), '--previous', both, '--json');
    expect(JSON.parse(r.out).files[0].previous).toBe(`${both}「2023年度年报」`);
    const plain = await cli('check', fixturePath('suqian-2024.html'), '--previous', both);
    expect(plain.out).toContain(`对照上年：${both}「2023年度年报」`);
    const audit = join(dir, '审核报告.html');
    await cli('check', fixturePath('suqian-2024.html'), '--previous', both, '--report', audit);
    expect(readFileSync(audit, 'utf8')).toContain(`对照上年报告：${both}「2023年度年报」`);
  });

  it('a number written as text a sum skips (「０」) is filled in as the number, and said', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-import-'));
    const txt = join(dir, 'a.txt');
    // The seed's zero, written full-width: the same number, in a form Excel's SUM passes over.
    writeFileSync(txt, seedTextWith('０'));
    const xlsx = join(dir, 'a.xlsx');
    const r = await cli('import', txt, '-o', xlsx);
    expect(r.code).toBe(0);
    expect(r.out).toContain('的 198 个数字');
    expect(r.err).toMatch(
      /^! 一、本年新收政府信息公开申请数量·\S+（第\d+行）「０」写成了求和时会被略过的文本（如千分位逗号、全角数字、带单位），已按数字填入。\n/,
    );
    // In the workbook it is the number: the check finds nothing to say of it.
    const checked = await cli('check', xlsx, '--json');
    expect(checked.code).toBe(0);
    expect(json(checked.out).files[0]!.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });

  it('digits a number cannot hold exactly are imported as the text written, as it says', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-import-'));
    const txt = join(dir, 'a.txt');
    writeFileSync(txt, seedTextWith('9007199254740993'));
    const xlsx = join(dir, 'a.xlsx');
    const r = await cli('import', txt, '-o', xlsx);
    expect(r.code).toBe(0);
    expect(r.err).toContain('「9007199254740993」不是这一格能填的数');
    // In the sheet it is that text (a number would have become …992 and be said without 「」).
    const checked = json((await cli('check', xlsx, '--json')).out).files[0]!.findings;
    expect(checked.map((f) => f.message).join('\n')).toContain('「9007199254740993」有 16 位');
  });

  it('a report that names no body or year: what was imported is said as plainly', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-import-'));
    const txt = join(dir, 'a.txt');
    const lines = seedText.split('\n').filter((l) => !/保定市竞秀区人民政府|2020年2月15日/.test(l));
    writeFileSync(txt, lines.join('\n').replace(/2019年/g, '本年'));
    const r = await cli('import', txt, '-o', join(dir, 'a.xlsx'));
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^已导入 198 个数字（2019 版）到 /);
    // The year pairs reports across years: the clerk is asked to write in what was not found.
    expect(r.out).toContain('；原文中没有找到机关名称和报告年度，已留空，请在表中填写。');
  });

  it('a row it could not read: the line that says what was imported says so too', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-import-'));
    const txt = join(dir, 'a.txt');
    // The seed's 二、上年结转 row one number short.
    const lines = seedText.split('\n');
    const row = lines.findIndex((l) => l.includes('二、上年结转政府信息公开申请数量'));
    lines.splice(row + 1, 1);
    writeFileSync(txt, lines.join('\n'));
    const r = await cli('import', txt, '-o', join(dir, 'a.xlsx'));
    // Written, but not done: the row's cells are empty in the workbook, which a check calls 未填.
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/的 191 个数字（2019 版）到 .*；有 1 处没有读出，相应的格子留空。\n$/);
    expect(r.err).toMatch(/^! 「二、上年结转政府信息公开申请数量」行应有 7 个数，只读到 6 个/);
    expect(r.err).toContain('✗ 导入不完整：没有读出的格子在工作簿中是空的');
    // Said once: not counted again among what the template cannot hold (the seed's one label warning).
    expect(r.err).toContain('! 原文件有 1 个警告与正文或原文格式有关（G-04）');
  });

  it('check: a finding of no cell says its line first where its message does not (a row not found, a table not read)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-check-'));
    const txt = join(dir, 'a.txt');
    const lines = seedText.split('\n');
    const row = lines.findIndex((l) => l.includes('（二）部分公开'));
    lines.splice(row, 1);
    writeFileSync(txt, lines.join('\n'));
    const r = await cli('check', txt);
    const [at] = JSON.parse((await cli('check', txt, '--json')).out).files[0].findings.find(
      (f: { message: string }) => f.message.startsWith('找不到「（二）部分公开'),
    ).at;
    expect(at).toMatch(/^第\d+行$/);
    expect(r.out).toContain(`✗ 错误 [G-04] ${at}：找不到「（二）部分公开`);
    // A message that says its place is not given it twice.
    expect(r.out).toMatch(/与数字 0 连写（第\d+行）。/);
    expect(r.out).not.toMatch(/\[G-04\] 第\d+行：标签与官方表述不同/);
  });

  it('a copy it cannot read any number from writes nothing, says why, and exits 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-import-'));
    const out = join(dir, 'r.xlsx');
    const r = await cli('import', fixturePath('suqian-2024.pages.reading.txt'), '-o', out);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(
      /^年报无法导入：.*中没有读出任何数字。表二的格子都是空的，而表格以外另有单独成行的数字/,
    );
    expect(existsSync(out)).toBe(false);
  });

  it('--json with -o, no file, or two files: said, not silently half done', async () => {
    expect((await cli('import', fixturePath('jingxiu-2019.txt'), '--json', '-o', '/tmp/x.xlsx')).err).toBe(
      '--json 与 -o 只能选一个：--json 把数字输出到终端，-o 把它们填入模板文件\n',
    );
    expect((await cli('import', '--json')).err).toMatch(/^请指定要导入的年报文件\n用法：/);
    expect((await cli('import', 'a.txt', 'b.txt', '--json')).err).toMatch(/^一次只能导入一份年报\n/);
    expect((await cli('import', 'a.txt')).err).toMatch(
      /^请用 -o 指定输出的 .xlsx 文件，或用 --json 输出数字\n/,
    );
  });
});

describe('nianbao check on a folder', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-batch-'));
  const [y2023, y2024] = suqian();

  async function setUp() {
    writeFileSync(join(dir, '竞秀区2019.txt'), seedText);
    // A page saved before it had loaded: nothing of a report in it.
    writeFileSync(join(dir, '竞秀区2020.html'), '<html><body>加载中…</body></html>');
    writeFileSync(join(dir, '竞秀区2019.html'), seedHtml());
    writeFileSync(join(dir, '竞秀区2020.txt'), nextYear(seedText));
    writeFileSync(join(dir, '坏文件.xlsx'), 'not a workbook');
    writeFileSync(join(dir, '照片.png'), 'ignored');
    mkdirSync(join(dir, '宿迁'));
    for (const r of [y2023, y2024])
      await writeTemplate(join(dir, '宿迁', `${r.year}.xlsx`), `${r.year}年度年报`, templateLayout('2021'), {
        values: r.values as Record<string, number>,
        year: r.year,
        agency: '宿迁市',
      });
  }

  it('checks every report file under it, pairs consecutive years and says which file failed', async () => {
    await setUp();
    const r = await cli('check', dir, '--json', '--summary', join(dir, '汇总.csv'));
    expect(r.code).toBe(2);
    const out = json(r.out);
    expect(out.files.map((f) => f.file.slice(dir.length + 1))).toEqual([
      '竞秀区2019.html',
      '竞秀区2019.txt',
      '竞秀区2020.txt',
      join('宿迁', '2023.xlsx'),
      join('宿迁', '2024.xlsx'),
    ]);
    expect(out.unreadable?.map((u) => u.file.slice(dir.length + 1))).toEqual([
      '坏文件.xlsx',
      '竞秀区2020.html',
    ]);
    const suqian2024 = out.files.find((f) => f.file.endsWith('2024.xlsx'))!;
    expect(suqian2024.previous).toBe(`${join(dir, '宿迁', '2023.xlsx')}「2023年度年报」`);
    expect(suqian2024.findings.filter((f) => f.rule === 'T3-05')).toEqual([]);
    // The page signs as 保定市竞秀区, the text as 保定市竞秀区人民政府: one body, with two reports of
    // 2019 (the page and the text). They are copies of one report, the same numbers: either will do.
    expect(out.files.find((f) => f.file.endsWith('竞秀区2020.txt'))!.previous).toBe(
      join(dir, '竞秀区2019.html'),
    );
    expect(r.err).not.toContain('不能确定哪份是上年报告');
    // On a terminal, the batch in one line at the end.
    expect(r.err.trimEnd().split('\n').at(-1)).toBe(
      '共 5 份报告（去掉数字相同的副本和其他格式，为 4 份），0 份有错误，2 个文件无法读取，1 个文件不是年报格式、未校验。',
    );
    // The picture is no report: said, so the folder is known to be read whole.
    expect(r.err).toContain(`! ${join(dir, '照片.png')}：未校验（.png 是图片`);
    // Seven report files, two of them unreadable; the pairs are checked again once all are read.
    expect(r.progress.at(0)).toBe('校验中 1/7…');
    expect(r.progress).toContain('核对跨年度 2/2…');
    expect(r.progress.at(-1)).toBe('');

    const csv = readFileSync(join(dir, '汇总.csv'), 'utf8');
    const rows = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(rows[0]).toBe(
      '文件,工作表,机关,年度,格式,错误,警告,已说明,未填写的表,第一个错误,对照上年,未能完整读取的表,数字相同的副本,结果',
    );
    // Five reports, two files unread, and the picture not checked: the printed summary says all.
    expect(rows).toHaveLength(1 + 5 + 2 + 1);
    expect(rows.at(-1)).toMatch(/照片\.png,,,,,,,,,.*：未校验（\.png 是图片.*,,,未校验$/);
    // Each row says what came of it, to filter by.
    expect(rows.slice(1).map((l) => l.split(',').at(-1))).toEqual([
      '通过',
      '有警告',
      '有警告',
      '有表未填写',
      '有表未填写',
      '无法读取',
      '无法读取',
      '未校验',
    ]);
    expect(rows.find((l) => l.includes('2024.xlsx'))).toBe(
      // Its 表二 is left blank in this workbook: the summary names it; and the report it was checked against.
      `${join(dir, '宿迁', '2024.xlsx')},2024年度年报,宿迁市,2024,2021 版,0,${suqian2024.findings.filter((f) => f.severity === 'warning').length},0,表二,,${join(dir, '宿迁', '2023.xlsx')}「2023年度年报」,,,有表未填写`,
    );
  });

  it('a workbook with 报告年度 or 机关名称 left blank is 「年度或机关未填写」 in the summary, as its 审核报告 fails it', async () => {
    const d = mkdtempSync(join(tmpdir(), 'nianbao-heading-'));
    const values = jingxiu().values as Record<string, number>;
    const layout = templateLayout('2019');
    await writeTemplate(join(d, '无年度.xlsx'), '年报', layout, { values, agency: '保定市竞秀区人民政府' });
    await writeTemplate(join(d, '无机关.xlsx'), '年报', layout, { values, year: 2019 });
    await writeTemplate(join(d, '完整.xlsx'), '年报', layout, {
      values,
      year: 2019,
      agency: '保定市竞秀区人民政府',
    });
    const r = await cli('check', d, '--summary', join(d, '汇总.csv'), '--report', join(d, '审核.html'));
    const rows = readFileSync(join(d, '汇总.csv'), 'utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(
      Object.fromEntries(
        rows
          .filter((l) => l.startsWith(d))
          .map((l) => [l.split(',')[0]!.slice(d.length + 1), l.split(',').at(-1)]),
      ),
    ).toEqual({
      '完整.xlsx': '通过',
      '无年度.xlsx': '年度或机关未填写',
      '无机关.xlsx': '年度或机关未填写',
    });
    expect(r.out).toContain('结果：报告年度尚未填写');
    const audit = readFileSync(join(d, '审核.html'), 'utf8');
    expect(audit).toContain('未通过（报告年度尚未填写）');
    expect(audit).toContain('未通过（机关名称尚未填写）');
  });

  it('T3-05 across the pair when the carry-over does not match, with both numbers', async () => {
    const d = mkdtempSync(join(tmpdir(), 'nianbao-pair-'));
    for (const r of [
      y2023,
      { ...y2024, values: { ...y2024.values, 't3.r2.natural': 9, 't3.r2.total': 9 + 0 } },
    ])
      await writeTemplate(join(d, `${r.year}.xlsx`), `${r.year}年度年报`, templateLayout('2021'), {
        values: r.values as Record<string, number>,
        year: r.year,
        agency: '宿迁市',
      });
    const out = json((await cli('check', d, '--json')).out);
    const t305 = out.files[1]!.findings.filter((f) => f.rule === 'T3-05');
    expect(t305.map((f) => f.cells)).toContainEqual(['t3.r2.natural']);
    const message = t305.find((f) => f.cells[0] === 't3.r2.natural')!.message;
    expect(message).toContain(String(y2023.values['t3.r4.natural']));
    expect(message).toContain('9');
  });

  it('the HTML summary lists every report and its findings', async () => {
    const r = await cli('check', join(dir, '宿迁'), '--summary', join(dir, '汇总.html'));
    expect(r.err).toContain('汇总已写入');
    const html = readFileSync(join(dir, '汇总.html'), 'utf8');
    expect(html).toContain('共 2 份报告，0 份有错误');
    expect(html).toContain('2024.xlsx');
    // Each file below the folder they are all in, which is said once.
    expect(html).toContain(`对照上年：2023.xlsx「2023年度年报」`);
    expect(html).toContain(`<p>文件都在 ${join(dir, '宿迁', sep)} 中，下面只写其后的部分。</p>`);
  });

  it('a published report whose only errors are tables not read whole is counted apart from reports with errors', async () => {
    const d = mkdtempSync(join(tmpdir(), 'nianbao-unread-'));
    writeFileSync(join(d, 'a.txt'), seedTextWith('3'));
    // 表四's row with six of its fifteen cells lost: one G-04 error, and nothing wrong found.
    const page = readFileSync(fixturePath('jingxiu-2019.html'), 'utf8');
    const t4 = page.match(/<table[\s\S]*?<\/table>/g)![2]!;
    const rows = t4.split('<tr');
    rows[rows.length - 1] = rows.at(-1)!.replace(/^(?:[\s\S]*?<\/td>){6}/, '');
    writeFileSync(join(d, 'b.html'), page.replace(t4, rows.join('<tr')));
    // The report as published: the page's copy that lost a row of table 4 is still one with it.
    writeFileSync(join(d, 'c.txt'), seedText);
    const r = await cli('check', d, '--summary', join(d, '汇总.html'));
    expect(r.code).toBe(1);
    // The CSV summary's last column names the tables not read whole; the rest stand where they stood.
    await cli('check', d, '--summary', join(d, '汇总.csv'));
    const csv = readFileSync(join(d, '汇总.csv'), 'utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    const line = (name: string) => csv.find((l) => l.startsWith(`${join(d, name)},`))!.split(',');
    // b.html and c.txt give the same numbers: each names the other as its copy.
    expect(
      [line('a.txt'), line('b.html'), line('c.txt')].map((l) => [l.length, l.at(-3), l.at(-2), l.at(-1)]),
    ).toEqual([
      [14, '', '', '有错误'],
      [14, '表四', join(d, 'c.txt'), '表格未能完整读取'],
      [14, '', join(d, 'b.html'), '有警告'],
    ]);
    expect(line('b.html')[9]).toMatch(/^\[G-04\] /);
    expect(r.out).toContain(
      `${join(d, 'a.txt')} 与 ${join(d, 'b.html')}、${join(d, 'c.txt')}（数字相同；${join(d, 'b.html')} 的表四未能读取）：是同一机关 2019 年度的 2 份数字不同的报告`,
    );
    const counts =
      '共 3 份报告（去掉数字相同的副本和其他格式，为 2 份），1 份有错误，1 份有表格未能完整读取。';
    expect(r.out).toContain(counts);
    // The summary's page says the batch as the terminal does, copies and all.
    expect(readFileSync(join(d, '汇总.html'), 'utf8')).toContain(`<p>${counts}生成于`);
    // Alone, it still exits 1: its table 4 is to be read in the original.
    const alone = await cli('check', join(d, 'b.html'));
    expect(alone.code).toBe(1);
    // --json marks what was not read whole, and nothing else.
    const { files } = JSON.parse((await cli('check', d, '--json')).out) as {
      files: { file: string; findings: { rule: string; severity: string; unread?: true }[] }[];
    };
    const unread = (name: string) =>
      files
        .find((f) => f.file === join(d, name))!
        .findings.filter((f) => f.unread)
        .map((f) => f.rule);
    expect([unread('a.txt'), unread('b.html'), unread('c.txt')]).toEqual([[], ['G-04'], []]);
  });

  it('copies are compared row by row: a copy that lost a row is one with the report, a copy with another number is not', async () => {
    const d = mkdtempSync(join(tmpdir(), 'nianbao-rows-'));
    const page = readFileSync(fixturePath('jingxiu-2019.html'), 'utf8');
    const received =
      /<tr><td[^>]*><p>一、本年新收政府信息公开申请数量<\/p><\/td>(?:<td><p>\d+<\/p><\/td>){7}<\/tr>/;
    expect(page).toMatch(received);
    // The row 一、本年新收 with three of its seven cells lost (as a copy loses them).
    const lost = page.replace(received, (row) => row.replace(/(?:<td><p>\d+<\/p><\/td>){3}<\/tr>$/, '</tr>'));
    writeFileSync(join(d, 'a.html'), page);
    writeFileSync(join(d, 'b.html'), lost);
    // The same loss, and 予以公开 2 written 3 in table 3 as well: another report.
    writeFileSync(
      join(d, 'c.html'),
      lost.replace('<p>（一）予以公开</p></td><td><p>2</p>', '<p>（一）予以公开</p></td><td><p>3</p>'),
    );
    const r = await cli('check', d);
    expect(r.out).toContain(
      `${join(d, 'a.html')}、${join(d, 'b.html')}（数字相同；${join(d, 'b.html')} 的表三未能读取） 与 ${join(d, 'c.html')}：是同一机关 2019 年度的 2 份数字不同的报告`,
    );
  });

  it('a UTF-8 text with a stray byte is read as UTF-8, the byte shown as 「\ufffd」; a GBK text is still GBK', async () => {
    const utf8 = Buffer.from(seedText, 'utf8');
    // After a sentence of part 一: no title or label is touched.
    const at = utf8.indexOf(Buffer.from('。')) + 3;
    const stray = join(dir, 'stray.txt');
    writeFileSync(stray, Buffer.concat([utf8.subarray(0, at), Buffer.from([0xff]), utf8.subarray(at)]));
    const r = await cli('check', stray, '--json');
    expect(r.code).toBe(0);
    expect(json(r.out).files[0]!.agency).toBe('保定市竞秀区人民政府');
    const gbk = join(dir, 'gbk.txt');
    writeFileSync(gbk, encodeGbk(seedText));
    expect(json((await cli('check', gbk, '--json')).out).files[0]!.agency).toBe('保定市竞秀区人民政府');
  });

  it('a GBK page is read, and --previous takes a text report', async () => {
    const gbk = join(dir, 'gbk.html');
    writeFileSync(gbk, encodeGbk(seedHtml().replace(/竞秀区2019年/g, '竞秀区2020年')));
    const r = await cli('check', gbk, '--previous', join(dir, '竞秀区2019.txt'), '--json');
    expect(r.code).toBe(0);
    expect(json(r.out).files[0]!.previous).toBe(join(dir, '竞秀区2019.txt'));
  });
});

describe('内容雷同', () => {
  it('of last year’s copies, the one with the report’s text is compared: a workbook of its numbers has none', async () => {
    const d = mkdtempSync(join(tmpdir(), 'nianbao-sim-'));
    writeFileSync(join(d, '2019.txt'), seedText);
    // The same report imported into the template: its numbers without its text, listed first.
    expect((await cli('import', join(d, '2019.txt'), '-o', join(d, '0-2019.xlsx'))).code).toBe(0);
    writeFileSync(join(d, '2020.txt'), nextYear(seedText));
    const r = await cli('check', d, '--json');
    expect(r.err).not.toContain('数字不同');
    const now = json(r.out).files.find((f) => f.file.endsWith('2020.txt'))!;
    expect(now.previous).toBe(join(d, '2019.txt'));
    expect(now.findings.filter((f) => f.rule === 'SIM-01')).toHaveLength(2);
  });

  it('a report copied from last year is flagged per part, with the threshold the user sets', async () => {
    const d = mkdtempSync(join(tmpdir(), 'nianbao-sim-'));
    writeFileSync(join(d, '2019.txt'), seedText);
    writeFileSync(
      join(d, '2020.txt'),
      nextYear(seedText).replace('2019年，我区收到5例', '2020年，我区收到5例'),
    );
    const out = json((await cli('check', d, '--json')).out);
    const sim = out.files[1]!.findings.filter((f) => f.rule === 'SIM-01');
    expect(sim.map((f) => f.message.slice(0, f.message.indexOf('%') + 1))).toEqual([
      '「一、总体情况」有 100%',
      '「五、存在的主要问题及改进情况」有 100%',
    ]);
    expect(sim[0]!.severity).toBe('warning');
    // Its headings are in every year's report, copied or not: neither counted nor quoted.
    expect(sim[1]!.message).toContain('（按字数计；4 句中有 4 句），如：“一是认识不够到位');
    expect(sim[1]!.message).not.toContain('存在的主要问题”');
    expect(out.files[0]!.findings.filter((f) => f.rule === 'SIM-01')).toEqual([]);

    const rewritten = nextYear(seedText).replace(
      /一是认识不够到位[^\n]*/,
      '今年新建了依申请公开登记台账，办理流程全程留痕，答复质量明显提高。',
    );
    writeFileSync(join(d, '2020.txt'), rewritten);
    const partly = json((await cli('check', d, '--json', '--similarity', '0.9')).out).files[1]!;
    expect(
      partly.findings
        .filter((f) => f.rule === 'SIM-01')
        .map((f) => f.message.slice(0, f.message.indexOf('有') + 1)),
    ).toEqual(['「一、总体情况」有']);
    expect((await cli('check', d, '--similarity', '2')).err).toContain(
      '--similarity 应为大于 0、不超过 1 的比例',
    );
  });
});

describe('PDF and Word reports on the command line', () => {
  it('nianbao check reads a PDF and a .docx of a published report; import fills the template from a PDF', async () => {
    const r = await cli(
      'check',
      fixturePath('jingxiu-2019.writer.pdf'),
      fixturePath('suqian-2024.docx'),
      '--json',
    );
    const out = JSON.parse(r.out) as {
      files: { agency: string; year: number; edition: string; findings: { severity: string }[] }[];
    };
    expect(out.files.map((f) => [f.agency, f.year, f.edition])).toEqual([
      [expect.stringMatching(/^保定市竞秀区/), 2019, '2019'],
      ['宿迁市', 2024, '2021'],
    ]);
    expect(out.files[0]!.findings.filter((f) => f.severity === 'error')).toEqual([]);
    const d = mkdtempSync(join(tmpdir(), 'nianbao-pdf-'));
    const imported = await cli('import', fixturePath('jingxiu-2019.writer.pdf'), '-o', join(d, 'a.xlsx'));
    expect(imported.code).toBe(0);
    expect(imported.out).toMatch(/已导入 保定市竞秀区\S* 2019 年度的 198 个数字（2019 版）/);
    const doc = await cli('check', fixturePath('jingxiu-2019.doc'));
    expect(doc).toMatchObject({ code: 2, out: expect.stringContaining('另存为 .docx 或 PDF') });
  });
});

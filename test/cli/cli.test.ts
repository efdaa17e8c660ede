import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import { readXlsx } from '../../src/readers/xlsx/index.js';
import { writeTemplate } from '../../src/cli/xlsx-write.js';
import { readGrid } from '../../src/readers/grid.js';
import { templateLayout } from '../../src/report/template.js';
import { parseAddress, toAddress } from '../../src/report/address.js';
import { jingxiu, suqian } from '../helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'nianbao-cli-'));

async function cli(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await run(argv, { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`) });
  return { code, out, err };
}

async function filled(name: string, edition: '2019' | '2021', values: Record<string, unknown>, year: number) {
  const path = join(dir, name);
  await writeTemplate(path, `${year}年度年报`, templateLayout(edition), {
    values: values as Record<string, string | number>,
    year,
    agency: '测试机关',
  });
  return path;
}

describe('nianbao template', () => {
  it('writes the 2021 template by default, which reads back as an empty 2021 report', async () => {
    const path = join(dir, 'blank.xlsx');
    const r = await cli('template', '--year', '2024', '-o', path);
    expect(r).toMatchObject({ code: 0, out: `已生成 2021 版模板：${path}\n` });
    const [sheet, ...more] = readXlsx(readFileSync(path)).sheets;
    expect(more).toEqual([]);
    expect(sheet!.name).toBe('2024年度年报');
    const read = readGrid(sheet!.grid);
    expect(read.report).toMatchObject({ edition: '2021', year: 2024, tables: ['t2', 't3', 't4'] });
    expect(read.report!.findings).toEqual([]);
    // 「-o=path」, as 「--output=path」.
    const eq = join(dir, 'blank-eq.xlsx');
    expect(await cli('template', '--year', '2024', `-o=${eq}`)).toMatchObject({
      code: 0,
      out: `已生成 2021 版模板：${eq}\n`,
    });
  });

  it('prints as it reads: wrapped labels get the rows they need, a count shows as written, labels are locked', async () => {
    const path = join(dir, 'look.xlsx');
    const layout = templateLayout('2021');
    const key = layout.cells.find((c) => c.kind === 'count')!;
    await writeTemplate(path, '2024年度年报', layout, { values: { [key.key!]: 2.5 } });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    const ws = wb.worksheets[0]!;
    const rowOf = (text: string) => layout.cells.find((c) => c.text === text)!.pos.row;
    // 「2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请」: three lines in its column.
    const three = rowOf('2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请');
    const two = rowOf('1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请');
    expect(ws.getRow(three + 1).height).toBeGreaterThanOrEqual(3 * 13.5);
    expect(ws.getRow(two + 1).height).toBeGreaterThanOrEqual(2 * 13.5);
    expect(ws.getRow(two + 1).height).toBeLessThan(3 * 13.5);
    // A one-line label's row keeps the default height.
    expect(ws.getRow(rowOf('3.其他') + 1).height).toBeUndefined();
    const cell = ws.getCell(key.pos.row + 1, key.pos.col + 1);
    expect(cell.value).toBe(2.5);
    // General (ExcelJS reads it as no format), not '0', which shows 2.5 as 3.
    expect(cell.numFmt ?? 'General').toBe('General');
    // Protected with no password, formatting allowed (formatCells="0" is "not forbidden").
    const xml = strFromU8(unzipSync(readFileSync(path))['xl/worksheets/sheet1.xml']!);
    const protection = /<sheetProtection [^>]*>/.exec(xml)?.[0] ?? '';
    expect(protection).toMatch(/sheet="1"/);
    expect(protection).toMatch(/formatCells="0"/);
    expect(protection).not.toMatch(/hashValue|password/);
    expect(
      ws.getCell(layout.cells.find((c) => c.role === 'label')!.pos.row + 1, 1).protection?.locked,
    ).not.toBe(false);
    expect(cell.protection?.locked).toBe(false);
  });

  it('2019: the cells written as text (本年增/减, 采购总金额) prompt for what goes in them', async () => {
    const path = join(dir, 'prompt-2019.xlsx');
    const layout = templateLayout('2019');
    await writeTemplate(path, '2020年度年报', layout, {});
    const xml = strFromU8(unzipSync(readFileSync(path))['xl/worksheets/sheet1.xml']!);
    // The cells each text-length validation covers (ExcelJS joins neighbours: 「C11:C12」).
    const covered = (prompt: RegExp) =>
      [...xml.matchAll(/<dataValidation [^>]*>/g)]
        .map((m) => m[0])
        .filter((v) => /type="textLength"/.test(v) && /operator="lessThanOrEqual"/.test(v))
        .filter((v) => /showInputMessage="1"/.test(v) && prompt.test(v))
        .flatMap((v) => /sqref="([^"]*)"/.exec(v)![1]!.split(' '))
        .flatMap((ref) => {
          const [a, b = a] = ref.split(':').map(parseAddress);
          const out: string[] = [];
          for (let row = a!.row; row <= b!.row; row++) out.push(toAddress({ row, col: a!.col }));
          return out;
        })
        .sort();
    const at = (keep: (c: (typeof layout.cells)[number]) => boolean) =>
      layout.cells
        .filter(keep)
        .map((c) => toAddress(c.pos))
        .sort();
    expect(covered(/prompt="[^"]*「增1」/)).toEqual(at((c) => c.kind === 'signedChange'));
    expect(covered(/prompt="[^"]*连同单位/)).toEqual(at((c) => c.key === 't2.procurement.amount'));
  });

  it('--agency is written on one line; an empty or overlong one is refused', async () => {
    const path = join(dir, 'agency.xlsx');
    expect((await cli('template', '--agency', ' 某市\n 人民政府　', '-o', path)).code).toBe(0);
    const report = readGrid(readXlsx(readFileSync(path)).sheets[0]!.grid).report!;
    expect(report.agency).toBe('某市 人民政府');
    expect(await cli('template', '--agency', '  ', '-o', join(dir, 'a2.xlsx'))).toMatchObject({
      code: 2,
      err: '--agency 机关名称是空的\n',
    });
    expect((await cli('template', '--agency', '某'.repeat(101), '-o', join(dir, 'a3.xlsx'))).err).toBe(
      '--agency 机关名称过长（101 个字，上限 100）\n',
    );
  });

  it('takes the edition the year calls for, and refuses one that does not fit it', async () => {
    const path = join(dir, 'y2020.xlsx');
    expect(await cli('template', '--year', '2020', '-o', path)).toMatchObject({
      code: 0,
      out: `已生成 2019 版模板：${path}\n`,
    });
    expect(readGrid(readXlsx(readFileSync(path)).sheets[0]!.grid).report!.findings).toEqual([]);
    expect(
      await cli('template', '--year', '2019', '--edition', '2021', '-o', join(dir, 'no.xlsx')),
    ).toMatchObject({
      code: 2,
      err: '--edition 2021 与 --year 2019 不符：2019、2020 年度用 2019 版格式，2021 年度起用 2021 版格式（不加 --edition 时按年度选择）\n',
    });
  });

  it('refuses a bad edition or a missing output with a Chinese message', async () => {
    expect(await cli('template', '--edition', '2020', '-o', join(dir, 'x.xlsx'))).toMatchObject({
      code: 2,
      err: expect.stringContaining('--edition 只能是 2021 或 2019'),
    });
    expect((await cli('template')).err).toContain('请用 -o 指定输出文件');
  });
});

describe('the command line’s own words', () => {
  it('says what is wrong with an option in Chinese, then how to use it', async () => {
    const cases: [string[], string][] = [
      [['check', '--bogus', 'x'], '没有「--bogus」这个选项'],
      [['check', '-j', 'x'], '没有「-j」这个选项'],
      [['check', '-x.txt'], '没有「-x」这个选项（若「-x.txt」是文件名，请写成 ./-x.txt）'],
      [['check', 'x', '--summary'], '--summary 后面要跟一个值'],
      [
        ['check', 'x', '-summary', 'a.csv'],
        '没有「-summary」这个选项：长选项前面是两个「-」，是 --summary 吗？',
      ],
      [['check', 'x', '--sumary', 'a.csv'], '没有「--sumary」这个选项，是 --summary 吗？'],
      [['check', 'x', '--frobnicate'], '没有「--frobnicate」这个选项'],
      [['check', '--json=1', 'x'], '--json 后面不跟值'],
      [['template', 'x'], '多余的参数「x」'],
      [['check', 'x', '--similarity', '-1'], '--similarity 的值以「-」开头时，请写成 --similarity=值'],
      [
        ['check', 'x', '--summary', 'a.csv', '--summary=b.csv'],
        '--summary 最多给两次：一个 .csv、一个 .html',
      ],
      [
        ['check', 'x', '--summary', 'a.csv', '--summary=b.html', '--summary', 'c.html'],
        '--summary 最多给两次：一个 .csv、一个 .html',
      ],
      [['check', 'x', '--previous', 'a.txt', '--previous', 'b.txt'], '--previous 只能给一次'],
      [['import', 'x', '-o', 'a.xlsx', '--output', 'b.xlsx'], '-o（--output） 只能给一次'],
      [['template', '-o', 'a.xlsx', '-o', 'b.xlsx'], '-o（--output） 只能给一次'],
      [['check'], '请指定要校验的年报文件或文件夹'],
      [['import', 'x'], '请用 -o 指定输出的 .xlsx 文件，或用 --json 输出数字'],
    ];
    for (const [argv, said] of cases) {
      const r = await cli(...argv);
      expect(r.code).toBe(2);
      expect(r.err.split('\n')[0]).toBe(said);
      expect(r.err).toContain('用法：');
      // The usage of the command given, not of all three.
      expect(r.err).toContain(`  nianbao ${argv[0]} `);
      expect(r.err.match(/^ {2}nianbao /gm)).toHaveLength(1);
    }
  });

  it('a command mistyped, or a folder given without one, is said with the command meant', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'nianbao-cmd-'));
    for (const [argv, said] of [
      [['chek', folder], '未知命令「chek」，是 check 吗？'],
      [[folder], `未知命令「${folder}」：要校验它，请写 nianbao check ${folder}`],
      [['年报.xlsx'], '未知命令「年报.xlsx」：要校验它，请写 nianbao check 年报.xlsx'],
      [['frob'], '未知命令「frob」'],
    ] as const) {
      const r = await cli(...argv);
      expect(r.code).toBe(2);
      expect(r.err.split('\n')[0]).toBe(said);
    }
  });

  it('--help after a command shows how to use that command', async () => {
    for (const argv of [
      ['check', '--help'],
      ['import', '-h'],
      ['template', '--help'],
    ]) {
      const r = await cli(...argv);
      expect(r).toMatchObject({ code: 0, err: '' });
      expect(r.out).toContain('用法：');
      // Its own lines, not the other commands'.
      const commands = [...r.out.matchAll(/^ {2}nianbao (\w+)/gm)].map((m) => m[1]);
      expect(commands).toEqual([argv[0]]);
    }
    // The whole help names all three.
    const all = await cli('--help');
    expect([...all.out.matchAll(/^ {2}nianbao (\w+)/gm)].map((m) => m[1])).toEqual([
      'check',
      'import',
      'template',
    ]);
  });
});

describe('nianbao check', () => {
  let good: string;
  let bad: string;
  beforeAll(async () => {
    good = await filled('good.xlsx', '2019', jingxiu().values, 2019);
    bad = await filled('bad.xlsx', '2021', { ...suqian()[1].values, 't3.r3_1.natural': 1000 }, 2024);
  });

  it('exit 0 and 「全部通过」 for a report that balances', async () => {
    const r = await cli('check', good);
    expect(r.code).toBe(0);
    expect(r.out).toContain('工作表「2019年度年报」 · 测试机关 · 2019 年度 · 2019 版格式');
    expect(r.out).toContain('结果：全部通过');
  });

  it('exit 1 with the findings grouped by table when a total does not add up', async () => {
    const r = await cli('check', bad);
    expect(r.code).toBe(1);
    const lines = r.out.split('\n');
    const t3 = lines.indexOf('  三、收到和处理政府信息公开申请情况');
    expect(t3).toBeGreaterThan(0);
    expect(lines[t3 + 1]).toMatch(/^ {4}✗ 错误 \[T3-02\] 「（一）予以公开」行：/);
    expect(r.out).toContain('改为 1408');
    expect(r.out).toContain('结果：2 个错误，表二尚未填写');
  });

  it('--json gives the documented shape', async () => {
    const r = await cli('check', '--json', good, bad);
    const json = JSON.parse(r.out);
    // Every list is there, empty ones too: a script reads them without looking first.
    expect(json).toMatchObject({ unreadable: [], notChecked: [], remarks: [expect.any(String)] });
    expect(Object.keys(json)).toEqual(['files', 'unreadable', 'notChecked', 'remarks']);
    expect(json.files).toHaveLength(2);
    expect(json.files[0]).toEqual({
      file: good,
      sheet: '2019年度年报',
      edition: '2019',
      year: 2019,
      agency: '测试机关',
      findings: [expect.objectContaining({ rule: 'X-02', severity: 'info' })],
    });
    const t302 = json.files[1].findings.find((f: { rule: string }) => f.rule === 'T3-02');
    expect(t302).toMatchObject({
      severity: 'error',
      culprit: 't3.r3_1.natural',
      suggested: 1408,
      address: 'D26',
      cells: expect.arrayContaining(['t3.r3_1.natural', 't3.r3_1.total']),
    });
  });

  it('exit 2 for a file it cannot read, and still checks the others', async () => {
    const junk = join(dir, 'junk.xlsx');
    writeFileSync(junk, 'not a zip');
    const notReport = join(dir, 'other.xlsx');
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('通讯录').addRow(['姓名', '电话']);
    await wb.xlsx.writeFile(notReport);
    const key = join(dir, 'a.key');
    writeFileSync(key, 'x');
    const r = await cli('check', junk, notReport, bad, join(dir, 'missing.xlsx'), key, join(dir, 'gone.doc'));
    expect(r.code).toBe(2);
    expect(r.out).toContain('结果：2 个错误，表二尚未填写');
    expect(r.out).toContain(`${junk}：不是有效的 .xlsx 文件：文件已损坏，或不是 Excel 工作簿`);
    expect(r.out).toContain('工作表「通讯录」中没有找到年报表格');
    expect(r.out).toContain('missing.xlsx');
    expect(r.out).toContain(`找不到文件或文件夹 ${join(dir, 'missing.xlsx')}`);
    expect(r.out).not.toContain('missing.xlsx：不是有效的');
    expect(r.out).toContain('a.key：不支持的文件类型');
    // A file that is not there is not there, whatever its type: no advice to save it as .docx.
    expect(r.out).toContain(`找不到文件或文件夹 ${join(dir, 'gone.doc')}`);
    // The batch's total, also when the output is no terminal (「> 结果.txt」): with the reports.
    expect(r.out).toContain('共 1 份报告，1 份有错误，5 个文件无法读取。');
    expect(r.err).toBe('');
  });

  it('a file named twice, or also in a folder named, is checked once', async () => {
    const r = await cli('check', bad, bad, dir, '--json');
    const files = (JSON.parse(r.out) as { files: { file: string }[] }).files.map((f) => f.file);
    expect(files.filter((f) => f === bad)).toHaveLength(1);
  });

  it('its own 汇总 and 审核报告 in the folder checked are passed by the next time', async () => {
    const d = mkdtempSync(join(tmpdir(), 'nianbao-own-'));
    copyFileSync(good, join(d, 'good.xlsx'));
    const first = await cli(
      'check',
      d,
      '--summary',
      join(d, '汇总.html'),
      '--report',
      join(d, '审核报告.html'),
    );
    expect(first.code).toBe(0);
    const again = await cli('check', d, '--json');
    expect([again.code, again.err]).toEqual([0, '']);
    expect((JSON.parse(again.out) as { files: unknown[] }).files).toHaveLength(1);
    // Named as a file, it is said what it is, and listed as not checked: the batch is no failure for it.
    const named = await cli('check', join(d, '汇总.html'), join(d, 'good.xlsx'), '--json');
    expect(named.code).toBe(0);
    expect(JSON.parse(named.out).notChecked).toEqual([
      {
        file: join(d, '汇总.html'),
        message: `${join(d, '汇总.html')}：未校验（是 nianbao 生成的审核报告或汇总，不是年报）`,
      },
    ]);
    // Alone, nothing was checked: that is no pass.
    expect((await cli('check', join(d, '汇总.html'))).code).toBe(2);
    // Named, and in a folder named too: said as when named alone.
    const both = await cli('check', d, join(d, '汇总.html'), '--json');
    expect(JSON.parse(both.out).notChecked.map((o: { file: string }) => o.file)).toEqual([
      join(d, '汇总.html'),
    ]);
  });

  it('a folder checked again says what a folder of its reports alone says, and one of its own pages alone holds no report', async () => {
    const d = mkdtempSync(join(tmpdir(), 'nianbao-own-'));
    copyFileSync(good, join(d, 'good.xlsx'));
    const alone = await cli('check', d);
    await cli('check', d, '--summary', join(d, '汇总.html'), '--report', join(d, '审核报告.html'));
    // The pages are found to be ours as the batch reads them: no line for a batch of three files.
    expect(await cli('check', d)).toEqual(alone);
    rmSync(join(d, 'good.xlsx'));
    const none = await cli('check', d);
    expect(none.code).toBe(2);
    expect(none.out).toContain(`文件夹 ${d} 中没有可校验的年报文件`);
  });

  it('a note among the reports (no label, no 「政府信息公开」) is not checked; a report whose tables are not found is not read', async () => {
    const d = mkdtempSync(join(tmpdir(), 'nianbao-note-'));
    copyFileSync(good, join(d, 'good.xlsx'));
    writeFileSync(join(d, '说明.txt'), '这是我的工作笔记。\n明天把 2023 年的再核对一遍。\n');
    // A supervisor's note says 「年报」 too.
    writeFileSync(join(d, '进度.txt'), '2024年年报审核进度：宿城区已交，泗洪县未交。\n');
    const r = await cli('check', d);
    expect(r.out).toContain(`! ${join(d, '进度.txt')}：未校验（不是年报：`);
    expect(r.code).toBe(0);
    expect(r.out).toContain(
      `! ${join(d, '说明.txt')}：未校验（不是年报：文中没有官方表格的标签和年报各部分的标题，也没有「政府信息公开」「年度报告」等字样）`,
    );
    expect(r.out).toContain('共 1 份报告，0 份有错误，2 个文件不是年报格式、未校验。');
    // Given to import, it is not imported: said as what it is, not as a report that could not be read.
    const imported = await cli('import', join(d, '说明.txt'), '-o', join(d, 'n.xlsx'));
    expect(imported).toMatchObject({
      code: 2,
      err: `${join(d, '说明.txt')}：不是年报：文中没有官方表格的标签和年报各部分的标题，也没有「政府信息公开」「年度报告」等字样，未导入\n`,
    });
    // A text that is of a report, but whose tables are not there: said as not read, exit 2.
    writeFileSync(join(d, '残缺.txt'), '某区2024年政府信息公开工作年度报告\n一、总体情况\n本年度……\n');
    const cut = await cli('check', d);
    expect(cut.code).toBe(2);
    expect(cut.out).toContain(
      `✗ ${join(d, '残缺.txt')}：没有找到年报表格：文中有年报各部分的标题，却没有官方表格的标签（如「一、本年新收政府信息公开申请数量」）。表格可能是图片`,
    );
  });

  it('a 解读 or 一图读懂 beside the report is not checked; the same text under a report’s name is not read', async () => {
    const d = mkdtempSync(join(tmpdir(), 'nianbao-reading-'));
    copyFileSync(good, join(d, 'good.xlsx'));
    const reading =
      '《某区2024年政府信息公开工作年度报告》解读\n近日，区政府发布了年度报告。\n全年共收到政府信息公开申请5件，行政复议2件。\n';
    writeFileSync(join(d, '某区2024年政府信息公开工作年度报告解读.txt'), reading);
    writeFileSync(
      join(d, '一图读懂某区2024年年报.html'),
      `<!doctype html><html><body>${reading
        .split('\n')
        .map((l) => `<p>${l}</p>`)
        .join('')}</body></html>`,
    );
    const r = await cli('check', d);
    expect(r.code).toBe(0);
    for (const name of ['某区2024年政府信息公开工作年度报告解读.txt', '一图读懂某区2024年年报.html'])
      expect(r.out).toContain(
        `! ${join(d, name)}：未校验（是年报的解读或图解，不是年报本身：文件名这样写，文中也没有年报的表格和各部分标题）`,
      );
    expect(r.out).toContain('共 1 份报告，0 份有错误，2 个文件不是年报格式、未校验。');
    // Named as the report itself, it may be one badly damaged: not read, exit 2.
    writeFileSync(join(d, '某区2024年政府信息公开工作年度报告.txt'), reading);
    const named = await cli('check', d);
    expect(named.code).toBe(2);
    expect(named.out).toContain(`✗ ${join(d, '某区2024年政府信息公开工作年度报告.txt')}：没有找到年报表格`);
  });

  it('--previous runs the cross-year rules', async () => {
    const last = await filled('2023.xlsx', '2021', { ...suqian()[0].values, 't3.r4.business': 9 }, 2023);
    const now = await filled('2024.xlsx', '2021', suqian()[1].values, 2024);
    const json = JSON.parse((await cli('check', '--json', '--previous', last, now)).out);
    expect(json.files[0].findings.map((f: { rule: string }) => f.rule)).toContain('T3-05');
  });
});

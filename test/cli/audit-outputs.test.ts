// The audit of what the command line writes: nothing is overwritten without --force, an input never;
// what it prints cannot run in Excel or steer a terminal; a bug is one line and exit 3.
import {
  chmodSync,
  closeSync,
  existsSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  cellPieces,
  commonFolder,
  CsvSummary,
  csvCell,
  HtmlSummary,
  MAX_CELL,
} from '../../src/cli/batch-summary.js';
import { run } from '../../src/cli/main.js';
import { templateBytes, writeTemplate } from '../../src/cli/xlsx-write.js';
import { readXlsx } from '../../src/readers/xlsx/index.js';
import { templateLayout } from '../../src/report/template.js';
import { fixturePath, seedHtml, suqian } from '../helpers.js';
import { cli, cliWritingTo } from './run.js';

const seed = readFileSync(fixturePath('jingxiu-2019.txt'), 'utf8');

function folder(): string {
  const d = mkdtempSync(join(tmpdir(), 'nianbao-out-'));
  chmodSync(d, 0o755);
  return d;
}

describe('nothing is overwritten without --force, and an input never', () => {
  it('import x.xlsx -o x.xlsx leaves the workbook of 20 sheets as it was', async () => {
    const d = folder();
    const { zipSync, unzipSync } = await import('fflate');
    // Twenty sheets: the template's, nineteen times more.
    const one = unzipSync(await templateBytes('2019年度年报', templateLayout('2019'), { year: 2019 }));
    const parts = { ...one };
    const dec = (b: Uint8Array) => new TextDecoder().decode(b);
    const enc = (s: string) => new TextEncoder().encode(s);
    let book = dec(one['xl/workbook.xml']!);
    let rels = dec(one['xl/_rels/workbook.xml.rels']!);
    for (let i = 2; i <= 20; i++) {
      parts[`xl/worksheets/sheet${i}.xml`] = one['xl/worksheets/sheet1.xml']!;
      book = book.replace('</sheets>', `<sheet name="表${i}" sheetId="${i + 10}" r:id="rX${i}"/></sheets>`);
      rels = rels.replace(
        '</Relationships>',
        `<Relationship Id="rX${i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i}.xml"/></Relationships>`,
      );
    }
    parts['xl/workbook.xml'] = enc(book);
    parts['xl/_rels/workbook.xml.rels'] = enc(rels);
    const path = join(d, 'x.xlsx');
    writeFileSync(path, zipSync(parts));
    expect(readXlsx(readFileSync(path)).sheets).toHaveLength(20);
    const before = readFileSync(path);
    for (const force of [[], ['--force']]) {
      const r = await cli('import', path, '-o', path, ...force);
      expect(r).toMatchObject({ code: 2, err: `${path} 是要读取的文件之一，不能用输出覆盖它\n` });
    }
    // The same file by another name is the same file.
    const r = await cli('import', path, '-o', join(d, '.', 'sub', '..', 'x.xlsx'), '--force');
    expect(r.code).toBe(2);
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('--force replaces the file by one written beside it, and leaves nothing else behind', async () => {
    const d = folder();
    const path = join(d, 'old.xlsx');
    writeFileSync(path, 'not yet a workbook');
    expect((await cli('template', '--year', '2024', '-o', path, '--force')).code).toBe(0);
    expect(readXlsx(readFileSync(path)).sheets.map((s) => s.name)).toEqual(['2024年度年报']);
    expect(readdirSync(d)).toEqual(['old.xlsx']);
  });

  it('import a.txt -o a.txt is refused: the output is an .xlsx', async () => {
    const d = folder();
    writeFileSync(join(d, 'a.txt'), seed);
    const r = await cli('import', join(d, 'a.txt'), '-o', join(d, 'a.txt'));
    expect(r).toMatchObject({ code: 2, err: `-o 的文件应以 .xlsx 结尾，而不是「${join(d, 'a.txt')}」\n` });
    expect(readFileSync(join(d, 'a.txt'), 'utf8')).toBe(seed);
  });

  it('--summary onto a page being checked is refused, even with --force; the page is unchanged', async () => {
    const d = folder();
    writeFileSync(join(d, 'r.html'), seedHtml());
    for (const force of [[], ['--force']]) {
      const r = await cli('check', d, '--summary', join(d, 'r.html'), ...force);
      expect(r.code).toBe(2);
      expect(r.err).toBe(`${join(d, 'r.html')} 是要读取的文件之一，不能用输出覆盖它\n`);
    }
    expect(readFileSync(join(d, 'r.html'), 'utf8')).toBe(seedHtml());
  });

  it('--summary onto a file of the folder it lists as not checked is refused, even with --force; it is unchanged', async () => {
    const d = folder();
    writeFileSync(join(d, 'r.html'), seedHtml());
    writeFileSync(join(d, '联系人.csv'), '姓名,电话\r\n张三,123\r\n');
    const r = await cli('check', d, '--summary', join(d, '联系人.csv'), '--force');
    expect(r).toMatchObject({
      code: 2,
      err: `${join(d, '联系人.csv')} 是要读取的文件之一，不能用输出覆盖它\n`,
    });
    expect(readFileSync(join(d, '联系人.csv'), 'utf8')).toBe('姓名,电话\r\n张三,123\r\n');
  });

  it('--summary or --report onto the --previous report is refused, even with --force; it is unchanged', async () => {
    const d = folder();
    writeFileSync(join(d, '2020.txt'), seed.replace(/2019年/g, '2020年'));
    writeFileSync(join(d, '2019.html'), seedHtml());
    for (const flag of ['--summary', '--report']) {
      const r = await cli(
        'check',
        join(d, '2020.txt'),
        '--previous',
        join(d, '2019.html'),
        flag,
        join(d, '2019.html'),
        '--force',
      );
      expect(r).toMatchObject({
        code: 2,
        err: `${join(d, '2019.html')} 是要读取的文件之一，不能用输出覆盖它\n`,
      });
    }
    expect(readFileSync(join(d, '2019.html'), 'utf8')).toBe(seedHtml());
  });

  it('an input reached by a hard link is still an input: --summary onto it is refused', async () => {
    const d = folder();
    writeFileSync(join(d, 'in.html'), seedHtml());
    linkSync(join(d, 'in.html'), join(d, 'hard.html'));
    const r = await cli('check', join(d, 'in.html'), '--summary', join(d, 'hard.html'), '--force');
    expect(r).toMatchObject({
      code: 2,
      err: `${join(d, 'hard.html')} 是要读取的文件之一，不能用输出覆盖它\n`,
    });
    expect(readFileSync(join(d, 'in.html'), 'utf8')).toBe(seedHtml());
  });

  it('--summary and --report naming one file is refused before any work, with or without --force', async () => {
    const d = folder();
    writeFileSync(join(d, 'r.txt'), seed);
    for (const force of [[], ['--force']]) {
      const r = await cli(
        'check',
        join(d, 'r.txt'),
        '--summary',
        join(d, 's.html'),
        '--report',
        join(d, '.', 's.html'),
        ...force,
      );
      expect(r).toMatchObject({
        code: 2,
        out: '',
        err: `--summary 与 --report 不能写入同一个文件（${join(d, '.', 's.html')}）\n`,
      });
      expect(existsSync(join(d, 's.html'))).toBe(false);
    }
  });

  it('both summaries at once, a .csv and an .html; the same file given as both is refused', async () => {
    const d = folder();
    writeFileSync(join(d, 'r.txt'), seed);
    const r = await cli(
      'check',
      join(d, 'r.txt'),
      '--summary',
      join(d, 's.csv'),
      '--summary',
      join(d, 's.html'),
    );
    expect(r.code).toBe(0);
    expect(r.err).toBe(
      `汇总已写入 ${join(d, 's.csv')}（1 份报告）\n汇总已写入 ${join(d, 's.html')}（1 份报告）\n`,
    );
    expect(readFileSync(join(d, 's.csv'), 'utf8')).toMatch(/^\uFEFF文件,/);
    expect(readFileSync(join(d, 's.html'), 'utf8')).toContain('<h1>政府信息公开工作年度报告校验汇总</h1>');
    const same = await cli(
      'check',
      join(d, 'r.txt'),
      '--summary',
      join(d, 'b.html'),
      '--report',
      join(d, 'b.html'),
    );
    expect(same).toMatchObject({
      code: 2,
      err: `--summary 与 --report 不能写入同一个文件（${join(d, 'b.html')}）\n`,
    });
  });

  it('a summary written into the folder checked is not read back as a report the next time', async () => {
    const d = folder();
    writeFileSync(join(d, 'r.txt'), seed);
    const first = await cli('check', d, '--summary', join(d, '汇总.html'));
    expect(first.code).toBe(0);
    expect(await cli('check', d, '--summary', join(d, '汇总.html'))).toMatchObject({
      code: 2,
      err: `${join(d, '汇总.html')} 已存在：要覆盖它，请加 --force\n`,
    });
    const again = await cli('check', d, '--summary', join(d, '汇总.html'), '--force');
    expect(again.code).toBe(0);
    expect(again.err).toBe(`汇总已写入 ${join(d, '汇总.html')}（1 份报告）\n`);
  });

  it('template -o an existing file needs --force; -o must end in .xlsx; a missing folder is said', async () => {
    const d = folder();
    const path = join(d, 'mine.xlsx');
    writeFileSync(path, 'my own work');
    expect(await cli('template', '-o', path)).toMatchObject({
      code: 2,
      err: `${path} 已存在：要覆盖它，请加 --force\n`,
    });
    expect(readFileSync(path, 'utf8')).toBe('my own work');
    expect((await cli('template', '-o', path, '--force')).code).toBe(0);
    expect(readXlsx(readFileSync(path)).sheets).toHaveLength(1);
    expect(await cli('template', '-o', join(d, 'x.xls'))).toMatchObject({
      code: 2,
      err: `-o 的文件应以 .xlsx 结尾，而不是「${join(d, 'x.xls')}」\n`,
    });
    const missing = join(d, 'no', 'such', 'x.xlsx');
    expect(await cli('template', '-o', missing)).toMatchObject({
      code: 2,
      err: `输出文件夹 ${join(d, 'no', 'such')} 不存在：请先建立该文件夹\n`,
    });
    expect(existsSync(missing)).toBe(false);
    expect(await cli('check', d, '--summary', join(d, 'no', 's.csv'))).toMatchObject({
      code: 2,
      err: `输出文件夹 ${join(d, 'no')} 不存在：请先建立该文件夹\n`,
    });
  });
});

describe('--previous is last year, or it is refused', () => {
  async function years() {
    const d = folder();
    const [y2023, y2024] = suqian();
    for (const r of [y2023, y2024])
      await writeTemplate(join(d, `${r.year}.xlsx`), `${r.year}年度年报`, templateLayout('2021'), {
        values: r.values as Record<string, number>,
        year: r.year,
        agency: '宿迁市',
      });
    return d;
  }

  it('the file checked itself, or one of the files checked, is refused', async () => {
    const d = await years();
    const file = join(d, '2024.xlsx');
    expect(await cli('check', file, '--previous', file)).toMatchObject({
      code: 2,
      out: '',
      err: `--previous 指定的上年报告 ${file} 就是要校验的文件：上年报告应是另一份、上一年度的报告\n`,
    });
    // Among the files of a folder: they pair by themselves.
    expect(await cli('check', d, '--previous', file)).toMatchObject({
      code: 2,
      out: '',
      err: `--previous 指定的上年报告 ${file} 也在要校验的文件之中：同一批中同一机关相邻两年的报告会自动配对，不必用 --previous；要指定上年报告，请把它移出要校验的文件或文件夹\n`,
    });
  });

  it('a report of the same or a later year is not used: no cross-year finding is invented', async () => {
    const d = await years();
    const other = folder();
    const r = await cli('check', join(d, '2023.xlsx'), '--previous', join(d, '2024.xlsx'), '--json');
    expect(r.code).toBe(2);
    const json = JSON.parse(r.out) as { files: { previous?: string; findings: { rule: string }[] }[] };
    expect(json.files[0]!.previous).toBeUndefined();
    expect(json.files[0]!.findings.map((f) => f.rule)).not.toContain('T3-05');
    expect(r.err).toContain(
      `--previous ${join(d, '2024.xlsx')} 是 2024 年度的报告，不是 ${join(d, '2023.xlsx')}「2023年度年报」（2023 年度）的上一年度：未核对跨年度关系`,
    );
    writeFileSync(join(other, '2024.txt'), seed);
    const ok = await cli('check', join(d, '2024.xlsx'), '--previous', join(d, '2023.xlsx'), '--json');
    expect(ok.code).toBe(0);
  });
});

describe('--previous for a folder of two years', () => {
  it('is used for the year after its own; the other year is told it is not its, and the check passes', async () => {
    const d = folder();
    const last = folder();
    const [y2023, y2024] = suqian();
    for (const [dir, r] of [
      [d, y2023],
      [d, y2024],
      [last, y2023],
    ] as const)
      await writeTemplate(join(dir, `${r.year}.xlsx`), `${r.year}年度年报`, templateLayout('2021'), {
        values: r.values as Record<string, number>,
        year: r.year,
        agency: '宿迁市',
      });
    const r = await cli('check', d, '--previous', join(last, '2023.xlsx'), '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as { files: { previous?: string }[] };
    expect(json.files.map((f) => f.previous)).toEqual([undefined, join(last, '2023.xlsx')]);
    expect(r.err).toBe(
      `! --previous ${join(last, '2023.xlsx')} 是 2023 年度的报告，只用于 2024 年度的报告；${join(d, '2023.xlsx')}「2023年度年报」（2023 年度）未核对跨年度关系\n共 2 份报告，0 份有错误。\n`,
    );
  });
});

describe('a CSV cell is never longer than a spreadsheet keeps (32,767 characters)', () => {
  it('a remark naming hundreds of files goes on over lines, cut between names; every name kept', () => {
    const names = Array.from(
      { length: 2000 },
      (_, i) => `/收到/第${i}局/第${i}局2024年政府信息公开工作年度报告.pdf`,
    );
    const remark = `${names.join('、')}：本批中没有同一机关上一年度的报告`;
    expect(remark.length).toBeGreaterThan(2 * MAX_CELL);
    const rows = new CsvSummary()
      .text([], [], [remark])
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
      .slice(1);
    expect(rows.length).toBeGreaterThanOrEqual(3);
    for (const line of rows) expect(line.length).toBeLessThan(32_767);
    const cells = rows.map((line) => line.split(',')[9]!);
    expect(cells.slice(1).every((c) => c.startsWith('（接上行）'))).toBe(true);
    // Cut after a name's 「、」: put back together, the remark as it was.
    expect(cells.map((c) => c.replace(/^（接上行）/, '')).join('')).toBe(remark);
    expect(cellPieces('短')).toEqual(['短']);
  });
});

describe('what is printed cannot run a formula or steer a terminal', () => {
  it('CSV cells that start like a formula get an apostrophe', () => {
    for (const s of ['=1+1', '+1', '-1', '@SUM(A1)', '＝1', '＋1', '－1', '＠1', '\t=1', '\r=1'])
      expect(csvCell(s).replace(/^"/, '').startsWith(`'${s[0]}`)).toBe(true);
    expect(csvCell('=HYPERLINK("http://x","点")')).toBe(`"'=HYPERLINK(""http://x"",""点"")"`);
    expect(csvCell('保定市')).toBe('保定市');
  });

  it('a report whose agency and file name are formulas comes out neutralised in the CSV summary', async () => {
    const d = folder();
    const evil = `=HYPERLINK("x.cn")2019年政府信息公开工作年度报告\n${seed}`;
    writeFileSync(join(d, '=1+1.txt'), evil);
    const r = await cli('check', d, '--summary', join(d, 's.csv'));
    expect(r.code).toBe(0);
    const rows = readFileSync(join(d, 's.csv'), 'utf8')
      .replace(/^\uFEFF/, '')
      .split('\r\n');
    expect(rows[1]!.startsWith(`${join(d, '=1+1.txt')},,"'=HYPERLINK(""x.cn"")",2019,`)).toBe(true);
  });

  it('output cut short by a full disk is said, and the exit code is not 0', () => {
    if (!existsSync('/dev/full')) return;
    const d = folder();
    writeFileSync(join(d, 'r.txt'), seed);
    const full = openSync('/dev/full', 'w');
    try {
      const r = cliWritingTo(full, 'check', join(d, 'r.txt'));
      expect(r.code).toBe(2);
      expect(r.err).toContain('nianbao：写入标准输出失败（磁盘已满），输出不完整');
    } finally {
      closeSync(full);
    }
  });

  it('a remark naming many files says what it says first, with their count; the files when opened', () => {
    const summary = new HtmlSummary();
    summary.add(HtmlSummary.part({ file: '/报送/甲.txt', edition: '2021', findings: [] }));
    const files = Array.from({ length: 20 }, (_, i) => `/报送/第${i}局.pdf`);
    const few = files.slice(0, 3);
    const html = summary.text(
      '共 1 份报告，0 份有错误。',
      [],
      new Date(),
      [],
      [
        { of: files, says: '本批中没有同一机关上一年度的报告' },
        { of: few, says: '数字完全相同' },
        { of: files, says: '没有找到机关名称', all: true },
      ],
    );
    expect(html).toContain(
      `<li><details><summary>本批中没有同一机关上一年度的报告（20 份）</summary>${files.map((f) => f.replace('/报送/', '')).join('、')}</details></li>`,
    );
    expect(html).toContain(`<li>${few.map((f) => f.replace('/报送/', '')).join('、')}：数字完全相同</li>`);
    expect(html).toContain('<li>本批全部 20 份报告：没有找到机关名称</li>');
  });

  it('a body name far longer than any is cut short in the summary table, saying its length', async () => {
    const summary = new HtmlSummary();
    summary.add(HtmlSummary.part({ file: 'r.txt', edition: '2019', agency: 'A'.repeat(5000), findings: [] }));
    const html = summary.text('共 1 份报告，0 份有错误。', [], new Date());
    expect(html).toContain(`<td>${'A'.repeat(40)}…（共 5000 字）</td>`);
    expect(html).toContain('A'.repeat(5000));
  });

  it('the summary names each file below the folder all are in, said once; a date in a message is no folder', () => {
    expect(commonFolder(['/报送/2024年度/a.txt', '/报送/2024年度/b/c.txt'])).toBe('/报送/2024年度/');
    expect(commonFolder(['/x/abc1/a.txt', '/x/abc2/b.txt'])).toBe('/x/');
    expect(commonFolder(['C:\\报送\\a.txt', 'C:\\报送\\b.txt'])).toBe('C:\\报送\\');
    expect(commonFolder(['/a.txt', '/b/c.txt'])).toBe('');
    expect(commonFolder(['a.txt', 'b.txt'])).toBe('');
    const summary = new HtmlSummary();
    summary.add(HtmlSummary.part({ file: '2024/甲.txt', edition: '2021', findings: [] }));
    summary.add(
      HtmlSummary.part({ file: '2024/乙.txt', edition: '2021', previous: '2024/旧/乙.txt', findings: [] }),
    );
    const html = summary.text(
      '共 2 份报告，0 份有错误。',
      [{ file: '2024/丙.txt', message: '2024/丙.txt：第 3 行「2024/12/31」不是数字' }],
      new Date(),
      [],
      [{ of: ['2024/甲.txt 与 2024/乙.txt'], says: '是同一机关' }],
    );
    expect(html).toContain('<p>文件都在 2024/ 中，下面只写其后的部分。</p>');
    expect(html).toContain('<td><a href="#r0">甲.txt</a></td>');
    expect(html).toContain('<td>旧/乙.txt</td><td></td><td></td><td>通过</td>');
    expect(html).toContain('<h2>乙.txt</h2><p>2021 版 · 对照上年：旧/乙.txt');
    expect(html).toContain('<li>丙.txt：第 3 行「2024/12/31」不是数字</li>');
    expect(html).toContain('<li>甲.txt 与 乙.txt：是同一机关</li>');
  });

  it('a right-to-left override in a report is left out of the summary and the 审核报告, which would show the line reversed', async () => {
    const d = folder();
    writeFileSync(
      join(d, 'r.txt'),
      seed.replace('保定市竞秀区人民政府2019', '保定市竞秀区人民政府\u202e2019'),
    );
    const r = await cli('check', d, '--summary', join(d, 's.html'), '--report', join(d, 'a.html'));
    expect(r.code).toBe(0);
    for (const page of ['s.html', 'a.html']) {
      const html = readFileSync(join(d, page), 'utf8');
      expect(html).toContain('保定市竞秀区人民政府');
      expect(html).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
    }
  });

  it('control characters in a file name or a report are not printed to the terminal', async () => {
    const d = folder();
    const name = join(d, 'evil\u001b[2J\u001b]0;title\u0007\u202e\tname.txt');
    writeFileSync(name, `\u001b[31m保定市竞秀区2019年政府信息公开工作年度报告\n${seed}`);
    mkdirSync(join(d, 'x'));
    const r = await cli('check', d);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`${join(d, 'evil[2J]0;title name.txt')} · [31m保定市竞秀区 · 2019 年度`);
    // eslint-disable-next-line no-control-regex
    expect(r.out + r.err).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f\u202e]/);
    const json = await cli('check', d, '--json');
    expect(JSON.parse(json.out).files[0].file).toBe(name);
  });
});

describe('an internal error', () => {
  it('is one Chinese line and exit 3; the stack only with --debug', async () => {
    const d = folder();
    writeFileSync(join(d, 'r.txt'), seed);
    let err = '';
    const broken = {
      out: () => {
        throw new Error('stdout closed');
      },
      err: (t: string) => (err += `${t}\n`),
    };
    expect(await run(['check', d], broken)).toBe(3);
    expect(err).toBe(
      'nianbao 出现内部错误：stdout closed。请把这条信息和所用的文件报告给开发者（加 --debug 可显示详细信息）。\n',
    );
    err = '';
    expect(await run(['check', d, '--debug'], broken)).toBe(3);
    expect(err).toMatch(
      /^nianbao 出现内部错误：stdout closed。请把这条信息和所用的文件报告给开发者。\nError: stdout closed\n\s+at /,
    );
  });
});

// The audit of what a file can do to a batch, case by case: no file may crash it, hang it or make it
// exhaust memory; each is a clear per-file error and the batch goes on.
import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { unsupportedFormat } from '../../src/readers/formats.js';
import { templateGrid, templateLayout } from '../../src/report/template.js';
import { buildXlsx, declareSize, rowsXml } from '../fuzz/build-xlsx.js';
import { fixturePath, jingxiu } from '../helpers.js';
import { cli, cliAsNobody } from './run.js';

const seed = readFileSync(fixturePath('jingxiu-2019.txt'), 'utf8');
const json = (out: string) =>
  JSON.parse(out) as {
    files: { file: string; findings: { rule: string; message: string }[] }[];
    unreadable?: { file: string; message: string }[];
  };

function folder(): string {
  const d = mkdtempSync(join(tmpdir(), 'nianbao-audit-'));
  chmodSync(d, 0o755);
  return d;
}

/** The seed report as a workbook of our own making, with rows of other content below it. */
function seedWorkbook(extraRows = 0, extra: (string | number)[][] = []): Uint8Array {
  const grid = templateGrid(templateLayout('2019'), {
    values: jingxiu().values,
    year: 2019,
    agency: '竞秀区',
  });
  const filler = Array.from({ length: extraRows }, (_, i) =>
    Array.from({ length: 15 }, (_, c) => i * 15 + c),
  );
  const rows = [...grid, ...extra, ...filler].map(
    (r) => r.map((v) => (v === null ? '' : v)) as (string | number)[],
  );
  return buildXlsx({ sheets: [{ name: '年报', data: rowsXml(rows) }] });
}

describe('files that cannot be read are said one by one, and the batch goes on', () => {
  let dir: string;
  beforeAll(() => {
    dir = folder();
    writeFileSync(join(dir, 'a-good.txt'), seed);
  });

  it('no read permission: a .txt and an .xlsx say so (as a user other than root)', () => {
    const d = folder();
    writeFileSync(join(d, 'good.txt'), seed);
    writeFileSync(join(d, 'locked.txt'), seed);
    writeFileSync(join(d, 'locked.xlsx'), seedWorkbook());
    chmodSync(join(d, 'locked.txt'), 0);
    chmodSync(join(d, 'locked.xlsx'), 0);
    const r = process.getuid?.() === 0 ? cliAsNobody('check', d) : undefined;
    if (!r) return;
    expect(r.code).toBe(2);
    expect(r.out).toContain('good.txt');
    expect(r.out).toContain(`${join(d, 'locked.txt')}：没有读取权限`);
    expect(r.out).toContain(`${join(d, 'locked.xlsx')}：没有读取权限`);
    expect(r.err).not.toContain('不是有效的 .xlsx');
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it('a FIFO named .txt is not opened (it would hang); a device behind a link is not read (it never ends)', async () => {
    execFileSync('mkfifo', [join(dir, 'pipe.txt')]);
    symlinkSync('/dev/zero', join(dir, 'zero.txt'));
    symlinkSync('/dev/urandom', join(dir, 'random.xlsx'));
    const r = await cli('check', dir);
    expect(r.code).toBe(2);
    expect(r.out).toContain('a-good.txt');
    expect(r.out).toContain(`${join(dir, 'pipe.txt')}：是管道（FIFO），不是普通文件，未读取`);
    expect(r.out).toContain(`${join(dir, 'zero.txt')}：是设备文件，不是普通文件，未读取`);
    expect(r.out).toContain(`${join(dir, 'random.xlsx')}：是设备文件，不是普通文件，未读取`);
  }, 30_000);

  it('a link looping round in a folder is said as that file, and the folder is read', async () => {
    const d = folder();
    writeFileSync(join(d, 'good.txt'), seed);
    symlinkSync('loop', join(d, 'loop.txt'));
    symlinkSync('loop.txt', join(d, 'loop'));
    const r = await cli('check', d);
    expect(r.code).toBe(2);
    expect(r.out).toContain('good.txt');
    expect(r.out).toContain(`✗ ${join(d, 'loop.txt')}：符号链接循环`);
    expect(r.out).toContain(`${join(d, 'loop')}：未校验（没有扩展名`);
    expect(r.err).not.toContain(`✗ ${d}：`);
  });

  it('a link whose file is gone is said as a link, in a folder and given by name', async () => {
    const d = folder();
    writeFileSync(join(d, 'good.txt'), seed);
    symlinkSync('../moved/2024年报.txt', join(d, 'old.txt'));
    const r = await cli('check', d);
    expect(r.code).toBe(2);
    expect(r.out).toContain('good.txt');
    expect(r.out).toContain(
      `✗ ${join(d, 'old.txt')}：是指向「../moved/2024年报.txt」的链接，链接的文件或文件夹不存在`,
    );
    const alone = await cli('check', join(d, 'old.txt'));
    expect(alone.out).toContain('链接的文件或文件夹不存在');
    // A name that is not there at all is still a name not found.
    expect((await cli('check', join(d, 'none.txt'))).out).toContain(
      `找不到文件或文件夹 ${join(d, 'none.txt')}`,
    );
  });

  it('names in a folder that are no UTF-8 (GBK, as a Windows zip unpacks) are read, shown decoded; given as a path, said as such', async () => {
    const d = folder();
    const gbk = (...bytes: number[]) => Buffer.from(bytes);
    // 「年报」 and 「附件」 in GBK.
    const sub = Buffer.concat([Buffer.from(`${d}/`), gbk(0xb8, 0xbd, 0xbc, 0xfe)]);
    mkdirSync(sub);
    writeFileSync(
      Buffer.concat([Buffer.from(`${d}/`), gbk(0xc4, 0xea, 0xb1, 0xa8), Buffer.from('.txt')]),
      seed,
    );
    writeFileSync(
      Buffer.concat([sub, Buffer.from('/'), gbk(0xc4, 0xea, 0xb1, 0xa8), Buffer.from('.txt')]),
      seed,
    );
    // A byte no encoding reads is shown as 「�」, and the file read all the same.
    writeFileSync(Buffer.concat([Buffer.from(`${d}/x`), gbk(0xff), Buffer.from('.txt')]), seed);
    const r = await cli('check', d, '--json');
    expect(r.code).toBe(0);
    expect(json(r.out).files.map((f) => f.file)).toEqual([
      join(d, '附件', '年报.txt'),
      join(d, '年报.txt'),
      join(d, 'x\ufffd.txt'),
    ]);
    const given = await cli('check', join(d, '\ufffd\ufffd.txt'));
    expect(given.code).toBe(2);
    expect(given.out).toContain('名称中有无法识别的字符（可能是 GBK 编码的文件名');
  });

  it('a sub-folder that cannot be read is said, and the rest of the folder is read (as a user other than root)', () => {
    const d = folder();
    writeFileSync(join(d, 'good.txt'), seed);
    mkdirSync(join(d, 'locked'));
    writeFileSync(join(d, 'locked', 'inside.txt'), seed);
    chmodSync(join(d, 'locked'), 0);
    const r = process.getuid?.() === 0 ? cliAsNobody('check', d) : undefined;
    if (!r) return;
    expect(r.code).toBe(2);
    expect(r.out).toContain('good.txt');
    expect(r.out).toContain(`${join(d, 'locked')}：没有读取权限`);
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it('an empty file says it is empty; a folder given as --previous or to import says it is a folder', async () => {
    const d = folder();
    writeFileSync(join(d, 'empty.txt'), '');
    writeFileSync(join(d, 'empty.xlsx'), '');
    const r = await cli('check', d);
    expect(r.out).toContain(`${join(d, 'empty.txt')}：文件是空的（0 字节）`);
    expect(r.out).toContain(`${join(d, 'empty.xlsx')}：文件是空的（0 字节）`);
    const previous = await cli('check', join(d, 'empty.txt'), '--previous', d);
    expect(previous).toMatchObject({ code: 2, err: `上年报告无法读取：${d} 是文件夹：这里要一份年报文件\n` });
    expect((await cli('import', d, '--json')).err).toBe(`年报无法读取：${d} 是文件夹：这里要一份年报文件\n`);
  });

  it('files larger than their kind allows are refused before they are read', async () => {
    const d = folder();
    for (const [name, mib] of [
      ['big.xlsx', 60],
      ['big.html', 50],
      ['big.txt', 9],
    ] as const) {
      writeFileSync(join(d, name), '');
      truncateSync(join(d, name), mib * 2 ** 20);
    }
    const r = await cli('check', d, '--json');
    expect(r.code).toBe(2);
    const messages = json(r.out).unreadable!.map((u) => u.message);
    expect(messages).toEqual([
      `${join(d, 'big.html')}：文件有 50.0 MB，超过 .html 文件的上限 8 MB，未读取`,
      `${join(d, 'big.txt')}：文件有 9.0 MB，超过 .txt 文件的上限 8 MB，未读取`,
      `${join(d, 'big.xlsx')}：文件有 60.0 MB，超过 .xlsx 文件的上限 50 MB，未读取`,
    ]);
  });

  it('a page or a text under a name of a larger limit (.pdf, .xls, none) is held to its own', async () => {
    const d = folder();
    const page = `<!doctype html><html><body><p>${'政府信息公开'.repeat(500_000)}</p></body></html>`;
    const text = '政府信息公开工作年度报告\n'.repeat(230_000);
    writeFileSync(join(d, 'page.pdf'), page);
    writeFileSync(join(d, 'page.xls'), page);
    writeFileSync(join(d, 'text'), text);
    // Under the limit, each is read as what it holds.
    writeFileSync(join(d, 'small.pdf'), '<!doctype html><html><body><p>没有年报</p></body></html>');
    const r = await cli('check', d, '--json');
    expect(r.code).toBe(2);
    const messages = json(r.out).unreadable!.map((u) => u.message);
    expect(messages).toEqual([
      `${join(d, 'page.pdf')}：文件有 8.6 MB，内容是网页，超过这类文件的上限 8 MB，未读取`,
      `${join(d, 'page.xls')}：文件有 8.6 MB，内容是网页，超过这类文件的上限 8 MB，未读取`,
      `${join(d, 'small.pdf')}：这不是 PDF 文件，而是网页（下载失败时网站常返回这样的页面），按网页读取：没有找到年报表格：文中没有官方表格的标签（如「一、本年新收政府信息公开申请数量」）。`,
    ]);
    // A file with no extension is read when named.
    const named = await cli('check', join(d, 'text'), '--json');
    expect(json(named.out).unreadable!.map((u) => u.message)).toEqual([
      `${join(d, 'text')}：文件有 8.1 MB，内容是文字，超过这类文件的上限 8 MB，未读取`,
    ]);
  });

  it('a text of more lines than any report’s (a million numbers) is refused before its lines are read, however they end', async () => {
    const d = folder();
    const many = (n: number, between: string) => Array.from({ length: n }, (_, i) => i % 1000).join(between);
    writeFileSync(join(d, 'numbers.txt'), many(1_000_000, '\n'));
    writeFileSync(join(d, 'cells.txt'), many(60_000, '\t'));
    writeFileSync(join(d, 'mac.txt'), many(60_000, '\r'));
    writeFileSync(join(d, 'report.txt'), seed);
    const r = await cli('check', d, '--json');
    expect(r.code).toBe(2);
    expect(json(r.out).files.map((f) => f.file)).toEqual([join(d, 'report.txt')]);
    expect(json(r.out).unreadable!.map((u) => u.message)).toEqual(
      ['cells', 'mac', 'numbers'].map(
        (n) => `${join(d, `${n}.txt`)}：文字超过 5 万行（表格每格算一行），不像一份年报，未读取。`,
      ),
    );
  });

  it('zip bombs, by declared size or by a part that lies about it, are refused; a renamed .xls is told apart', async () => {
    const d = folder();
    const good = seedWorkbook();
    writeFileSync(join(d, 'declared.xlsx'), declareSize(good, 'xl/worksheets/sheet1.xml', 4_000_000_000));
    writeFileSync(join(d, 'lying.xlsx'), declareSize(good, 'xl/worksheets/sheet1.xml', 1000));
    writeFileSync(
      join(d, 'old.xlsx'),
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...Array(504).fill(0)]),
    );
    writeFileSync(join(d, 'z-good.xlsx'), good);
    const r = await cli('check', d, '--json');
    expect(r.code).toBe(2);
    expect(json(r.out).files.map((f) => f.file)).toEqual([join(d, 'z-good.xlsx')]);
    const said = Object.fromEntries(
      json(r.out).unreadable!.map((u) => [u.file.slice(d.length + 1), u.message]),
    );
    expect(said['declared.xlsx']).toMatch(/工作簿解压后有 \d+ MB，超过上限 100 MB/);
    expect(said['lying.xlsx']).toContain('解压后比声明的大小更大，疑为压缩炸弹');
    expect(said['old.xlsx']).toContain('只是扩展名为 .xlsx：请在 Excel 或 WPS 中另存为 .xlsx');
  });

  it('one cell at XFD1048576 is said with its address; the report on another sheet is read', async () => {
    const d = folder();
    const grid = templateGrid(templateLayout('2019'), { values: jingxiu().values, year: 2019 });
    const rows = grid.map((r) => r.map((v) => (v === null ? '' : v)) as (string | number)[]);
    const bytes = buildXlsx({
      sheets: [
        { name: '年报', data: rowsXml(rows) },
        { name: '杂项', data: '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>' },
      ],
    });
    writeFileSync(join(d, 'far.xlsx'), bytes);
    writeFileSync(
      join(d, 'only-far.xlsx'),
      buildXlsx({
        sheets: [{ name: '杂项', data: '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>' }],
      }),
    );
    const r = await cli('check', d, '--json');
    expect(json(r.out).files.map((f) => f.file)).toEqual([join(d, 'far.xlsx')]);
    expect(json(r.out).unreadable).toEqual([
      {
        file: join(d, 'only-far.xlsx'),
        message: `${join(d, 'only-far.xlsx')}：工作表「杂项」：XFD1048576 有内容，超出可读的范围（最多 100000 行、1000 列）：请删除表格以外多余的内容后再校验`,
      },
    ]);
  });

  it('a sheet of 10,000 rows below the report is read and checked', async () => {
    const d = folder();
    // Below a row left empty: a row of numbers right under 表四's own would be a second one of it.
    writeFileSync(join(d, 'long.xlsx'), seedWorkbook(10_000, [[]]));
    const r = await cli('check', join(d, 'long.xlsx'), '--json');
    expect(r.code).toBe(0);
    expect(json(r.out).files).toHaveLength(1);
  }, 30_000);

  it('a link to a folder is said as such, not entered', async () => {
    const d = folder();
    writeFileSync(join(d, 'a.txt'), seed);
    mkdirSync(join(d, 'elsewhere'));
    symlinkSync(join(d, 'elsewhere'), join(d, '链接'));
    const r = await cli('check', d);
    expect(r.out).toContain(
      `! ${join(d, '链接')}：是指向文件夹的链接，未进入（要校验其中的文件，请直接指定该文件夹）`,
    );
  });

  it('the printed HTML summary lists a folder’s files not checked, under a heading of their own', async () => {
    const d = folder();
    writeFileSync(join(d, 'a.txt'), seed);
    writeFileSync(join(d, '附件.zip'), 'PK');
    const out = join(mkdtempSync(join(tmpdir(), 'nianbao-sum-')), '汇总.html');
    expect((await cli('check', d, '--summary', out)).code).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('，1 个文件不是年报格式、未校验。');
    expect(html).toContain(`<h2>不是年报格式、未校验的文件</h2><ul><li>附件.zip：未校验（压缩包`);
    expect(html).toContain(`<p>文件都在 ${join(d, sep)} 中，下面只写其后的部分。</p>`);
  });

  it('a folder checked again: the CSV summary written into it is not said as a file not checked', async () => {
    const d = folder();
    writeFileSync(join(d, 'a.txt'), seed);
    writeFileSync(join(d, '别人的表.csv'), 'a,b\n1,2\n');
    expect((await cli('check', d, '--summary', join(d, '汇总.csv'))).code).toBe(0);
    const again = await cli('check', d, '--json');
    expect(json(again.out).files.map((f) => f.file)).toEqual([join(d, 'a.txt')]);
    expect(
      (JSON.parse(again.out) as { notChecked: { file: string }[] }).notChecked.map((o) => o.file),
    ).toEqual([join(d, '别人的表.csv')]);
  });

  it('a .xls, a .et and a folder of nothing but .xls say 「另存为 .xlsx」; an empty folder is exit 2', async () => {
    const d = folder();
    mkdirSync(join(d, 'old'));
    writeFileSync(join(d, 'old', '2019.xls'), 'x');
    writeFileSync(join(d, 'old', '2020.et'), 'x');
    mkdirSync(join(d, 'empty'));
    writeFileSync(join(d, 'empty', '照片.png'), 'x');
    const old = await cli('check', join(d, 'old'));
    expect(old.code).toBe(2);
    expect(old.out).toContain(
      `${join(d, 'old', '2019.xls')}：.xls 是旧版 Excel 格式，请在 Excel 或 WPS 中另存为 .xlsx 后再校验`,
    );
    expect(old.out).toContain(
      `${join(d, 'old', '2020.et')}：.et 是 WPS 表格格式，请在 WPS 中另存为 .xlsx 后再校验`,
    );
    const empty = await cli('check', join(d, 'empty'));
    expect(empty).toMatchObject({ code: 2, err: '', out: expect.stringContaining('没有') });
    const emptyJson = await cli('check', join(d, 'empty'), '--json');
    expect(JSON.parse(emptyJson.out)).toEqual({
      files: [],
      unreadable: [
        {
          file: join(d, 'empty'),
          message: `文件夹 ${join(d, 'empty')} 中没有可校验的年报文件（.xlsx、.txt、.html、.pdf、.docx 等）`,
        },
      ],
      notChecked: [
        {
          file: join(d, 'empty', '照片.png'),
          message: `${join(d, 'empty', '照片.png')}：未校验（${unsupportedFormat('照片.png')}）`,
        },
      ],
      remarks: [],
    });
    expect(empty.out).toContain(
      `文件夹 ${join(d, 'empty')} 中没有可校验的年报文件（.xlsx、.txt、.html、.pdf、.docx 等）`,
    );
    expect(empty.out).toContain(`! ${join(d, 'empty', '照片.png')}：未校验（.png 是图片`);
  });

  it('folders are walked without following links, so a link loop ends', async () => {
    const d = folder();
    mkdirSync(join(d, 'sub'));
    writeFileSync(join(d, 'sub', 'r.txt'), seed);
    symlinkSync(d, join(d, 'sub', 'loop'));
    const r = await cli('check', d, '--json');
    expect(json(r.out).files.map((f) => f.file)).toEqual([join(d, 'sub', 'r.txt')]);
  });
});

describe('text files in every encoding a clerk saves', () => {
  const same = async (bytes: Uint8Array) => {
    const d = folder();
    writeFileSync(join(d, 'r.txt'), bytes);
    const r = await cli('check', join(d, 'r.txt'), '--json');
    return { code: r.code, findings: json(r.out).files[0]?.findings.map((f) => f.rule) };
  };
  let utf8: Awaited<ReturnType<typeof same>>;
  beforeAll(async () => {
    utf8 = await same(Buffer.from(seed));
  });

  it('UTF-16 with its BOM, little- or big-endian, and UTF-8 with a BOM read as UTF-8 does', async () => {
    expect(utf8.code).toBe(0);
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(seed, 'utf16le')]);
    const be = Buffer.from(le);
    be.swap16();
    expect(await same(le)).toEqual(utf8);
    expect(await same(be)).toEqual(utf8);
    expect(await same(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(seed)]))).toEqual(utf8);
  });

  it('UTF-16 without a BOM (its NUL bytes on one side of each pair) reads as UTF-8 does', async () => {
    const le = Buffer.from(seed, 'utf16le');
    const be = Buffer.from(le);
    be.swap16();
    expect(await same(le)).toEqual(utf8);
    expect(await same(be)).toEqual(utf8);
  });

  it('a file cut off inside its last character is still UTF-8, not GB18030 mojibake', async () => {
    const bytes = Buffer.from(`${seed}\n无其他事项`);
    expect(await same(bytes.subarray(0, bytes.length - 1))).toEqual(utf8);
  });

  it('NUL bytes are shown as ␀ in what is said', async () => {
    const d = folder();
    writeFileSync(join(d, 'r.txt'), seed.replace('（一）予以公开\n\t2', '（一）予以公开\n\t2\u0000'));
    const r = await cli('check', join(d, 'r.txt'), '--json');
    const g01 = json(r.out).files[0]!.findings.find((f) => f.rule === 'G-01');
    expect(g01?.message).toContain('「2␀」');
  });
});

describe('pages', () => {
  const page = (depth: number) =>
    `<html><body>${'<div>'.repeat(depth)}${seed.replace(/\n/g, '<br>')}${'</div>'.repeat(depth)}</body></html>`;

  it('a page nested 300 deep is read; one nested 100,000 deep is refused before parsing, at once', async () => {
    const d = folder();
    writeFileSync(join(d, 'a.html'), page(300));
    writeFileSync(join(d, 'b.html'), page(100_000));
    const r = await cli('check', d, '--json');
    expect(json(r.out).files.map((f) => f.file)).toEqual([join(d, 'a.html')]);
    expect(json(r.out).unreadable).toEqual([
      {
        file: join(d, 'b.html'),
        message: `${join(d, 'b.html')}：网页的元素嵌套超过 500 层，不像是年报网页，未读取`,
      },
    ]);
  });
});

// Files read by what they hold: sites' 「导出 Excel」 save pages and .xlsx files as .xls, clerks
// rename files, and a supervisor's folder has all of them.
import { readFileSync } from 'node:fs';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { contentOf } from '../../src/readers/content.js';
import { extensionOf, formatOf, readReportFile } from '../../src/readers/files.js';
import { unsupportedFormat } from '../../src/readers/formats.js';
import { templateGrid, templateLayout } from '../../src/report/template.js';
import type { Report } from '../../src/report/types.js';
import { buildXlsx, rowsXml } from '../fuzz/build-xlsx.js';
import { fixturePath, jingxiu } from '../helpers.js';

const fixture = (name: string) => new Uint8Array(readFileSync(fixturePath(name)));
const numbers = (r: Report) => Object.fromEntries([...r.cells].map(([k, c]) => [k, Number(c.raw)]));

function workbook(): Uint8Array {
  const grid = templateGrid(templateLayout('2019'), {
    values: jingxiu().values,
    year: 2019,
    agency: '竞秀区',
  });
  return buildXlsx({
    sheets: [{ name: '年报', data: rowsXml(grid.map((r) => r.map((v) => v ?? '') as (string | number)[])) }],
  });
}

/** An OLE compound file's first sector, with a stream name (UTF-16) in its directory. */
function ole(stream = 'Workbook'): Uint8Array {
  const out = new Uint8Array(2048);
  out.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  out.set(new Uint8Array(Buffer.from(stream, 'utf16le')), 1024);
  return out;
}

async function problem(name: string, bytes: Uint8Array): Promise<string> {
  return readReportFile(name, bytes).then(
    () => 'read',
    (e: Error) => e.message,
  );
}

describe('a picture or an archive saved under a report’s name', () => {
  it('is said as what it is, whatever report it is named as', async () => {
    const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, ...new Array(200).fill(7)]);
    expect(await problem('年报.pdf', jpeg)).toBe(
      '文件内容是图片（JPEG），不是 PDF 文件：请选要校验的年报文件',
    );
    expect(await problem('年报.docx', jpeg)).toBe(
      '文件内容是图片（JPEG），不是 Word 文件（.docx）：请选要校验的年报文件',
    );
    const rar = new Uint8Array([0x52, 0x61, 0x72, 0x21, 0x1a, 0x07, ...new Array(200).fill(0)]);
    expect(await problem('年报.txt', rar)).toBe('文件内容是 RAR 压缩包，不是文字：请选要校验的年报文件');
  });
});

describe('a file is read by what it holds', () => {
  it('a page with comments, scripts or styles left open is read in one pass, as the page before them', async () => {
    // Each one left open scanned the rest of the page again: 150,000 「<!--」 in 600 KB took 40 s.
    const page = fixture('suqian-2024.html');
    const before = await readReportFile('宿迁.html', page);
    for (const open of ['<!--', '<style>', '<SCRIPT type="x">']) {
      const tail = new TextEncoder().encode(`<p>${open}</p>`.repeat(150_000));
      const after = await readReportFile('宿迁.html', new Uint8Array([...page, ...tail]));
      expect(numbers(after.reports[0]!), open).toEqual(numbers(before.reports[0]!));
    }
  });

  it('an .xlsx saved as .xls (or .et) is read as the workbook it is', async () => {
    const bytes = workbook();
    const asXlsx = await readReportFile('年报.xlsx', bytes);
    for (const name of ['年报.xls', '年报.XLS', '年报.et']) {
      expect(formatOf(name, bytes)).toBe('.xlsx');
      const read = await readReportFile(name, bytes);
      expect(read.reports).toHaveLength(1);
      expect(numbers(read.reports[0]!)).toEqual(numbers(asXlsx.reports[0]!));
    }
  });

  it('a page saved as .xls by 「导出 Excel」 is read as the page, numbers and all', async () => {
    const page = fixture('jingxiu-2019.html');
    const asHtml = (await readReportFile('年报.html', page)).reports[0]!;
    const asXls = (await readReportFile('年报.xls', page)).reports[0]!;
    expect(asXls.cells.size).toBeGreaterThan(150);
    expect(numbers(asXls)).toEqual(numbers(asHtml));
    // Excel's own 「网页」 export begins with its namespaces, a UTF-16 one with its byte-order mark.
    const excelPage = `<html xmlns:o="urn:schemas-microsoft-com:office:office">${new TextDecoder().decode(page)}`;
    expect(contentOf(new TextEncoder().encode(`\n\n${excelPage}`))).toBe('page');
    expect(contentOf(new Uint8Array(Buffer.from(`\ufeff<!DOCTYPE html>${excelPage}`, 'utf16le')))).toBe(
      'page',
    );
    // NUL bytes are passed over however many come first: the page is looked for in the first 4 KiB.
    const afterNuls = (n: number) =>
      contentOf(new Uint8Array([...new Uint8Array(n), ...Buffer.from(excelPage)]));
    expect(afterNuls(700)).toBe('page');
    expect(afterNuls(4100)).toBe('other');
  });

  it('a .docx saved as .doc, and a PDF saved as .txt, are read as what they are', async () => {
    const docx = fixture('jingxiu-2019.docx');
    expect(formatOf('年报.doc', docx)).toBe('.docx');
    expect(numbers((await readReportFile('年报.doc', docx)).reports[0]!)).toEqual(
      numbers((await readReportFile('年报.docx', docx)).reports[0]!),
    );
    const pdf = fixture('jingxiu-2019.writer.pdf');
    expect(formatOf('年报.txt', pdf)).toBe('.pdf');
    expect((await readReportFile('年报.txt', pdf)).reports[0]!.cells.size).toBeGreaterThan(150);
  });

  it('old formats and password-protected files say what to do, by what they are', async () => {
    expect(await problem('年报.xls', ole())).toBe(unsupportedFormat('年报.xls'));
    expect(await problem('年报.doc', fixture('jingxiu-2019.doc'))).toBe(unsupportedFormat('年报.doc'));
    expect(await problem('年报.xlsx', ole())).toBe(
      '这是旧版 Excel（.xls）或 WPS 表格（.et）格式的文件，只是扩展名为 .xlsx：请在 Excel 或 WPS 中另存为 .xlsx 后再校验',
    );
    expect(await problem('年报.docx', fixture('jingxiu-2019.doc'))).toContain('只是扩展名为 .docx');
    expect(await problem('年报.txt', fixture('jingxiu-2019.doc'))).toContain('不是 .txt 文件');
    for (const name of ['年报.xlsx', '年报.xls', '年报.docx'])
      expect(await problem(name, ole('EncryptedPackage'))).toBe(
        '文件设置了打开密码（已加密），无法读取：请在 Excel、Word 或 WPS 中取消打开密码并另存后再校验',
      );
  });

  it('a large password-protected file, its directory after the first megabyte, is said to be one', async () => {
    const big = new Uint8Array(3 * 2 ** 20);
    big.set(ole('Workbook').subarray(0, 512));
    const view = new DataView(big.buffer);
    view.setUint16(0x1e, 9, true);
    // The directory in the sector that starts 512 bytes before the end.
    view.setUint32(0x30, big.length / 512 - 2, true);
    big.set(new Uint8Array(Buffer.from('EncryptedPackage', 'utf16le')), big.length - 512);
    expect(await problem('年报.docx', big)).toBe(
      '文件设置了打开密码（已加密），无法读取：请在 Excel、Word 或 WPS 中取消打开密码并另存后再校验',
    );
  });

  it('a zip of other files, or bytes of no kind, under a name read by content: said, not guessed', async () => {
    const zip = zipSync({ 'a.txt': new TextEncoder().encode('x') });
    expect(await problem('年报.txt', zip)).toBe(
      '文件内容是 zip 压缩包，不是年报文件：请先解压，再校验其中的文件',
    );
    expect(await problem('年报.xls', zip)).toBe(
      '文件内容是 zip 压缩包，不是年报文件：请先解压，再校验其中的文件',
    );
    expect(await problem('年报.xls', new TextEncoder().encode('a\tb\n1\t2\n'))).toBe(
      unsupportedFormat('年报.xls'),
    );
    // A damaged workbook named as one is the workbook reader's to describe.
    expect(await problem('年报.xlsx', zip)).toContain('.xlsx');
    // Attachments zipped without compression: the workbook's part names are in it, but not in its directory.
    const attachments = zipSync(
      { '年报.xlsx': workbook(), '说明.txt': new TextEncoder().encode('x') },
      { level: 0 },
    );
    expect(contentOf(workbook())).toBe('xlsx');
    expect(contentOf(attachments)).toBe('zip');
    expect(await problem('年报附件.xls', attachments)).toBe(
      '文件内容是 zip 压缩包，不是年报文件：请先解压，再校验其中的文件',
    );
  });

  it('an empty file of any name is said to be empty, in every front end alike', async () => {
    for (const name of [
      '年报.txt',
      '年报.html',
      '年报.xlsx',
      '年报.pdf',
      '年报.docx',
      '年报.mht',
      '年报.xls',
    ])
      expect(await problem(name, new Uint8Array()), name).toBe(
        '文件是空的（0 字节）：可能没有保存好或下载没有完成，请重新保存或下载后再校验',
      );
  });

  it('pages under the names sites serve them by (.shtml, .jsp, a query in the name) are pages', async () => {
    const page = fixture('jingxiu-2019.html');
    const cells = (await readReportFile('年报.html', page)).reports[0]!.cells.size;
    for (const name of [
      '年报.shtml',
      'content.jhtml',
      'show.aspx',
      'index.html?from=groupmessage',
      'a.jsp?id=1&b=2.html',
    ]) {
      expect(extensionOf(name)).not.toBe('');
      expect((await readReportFile(name, page)).reports[0]!.cells.size).toBe(cells);
    }
    expect(extensionOf('index.html?from=groupmessage')).toBe('.html');
  });

  it('copied text saved as .html (no tag in it) is read as the text it is', async () => {
    const text = fixture('jingxiu-2019.txt');
    expect(formatOf('年报.html', text)).toBe('.txt');
    expect(formatOf('年报.shtml', text)).toBe('.txt');
    expect(numbers((await readReportFile('年报.html', text)).reports[0]!)).toEqual(
      numbers((await readReportFile('年报.txt', text)).reports[0]!),
    );
  });

  it('an .xlsx named .docx is read as the workbook; a download not finished says so', async () => {
    expect(formatOf('年报.docx', workbook())).toBe('.xlsx');
    expect(await problem('年报.pdf.crdownload', fixture('jingxiu-2019.writer.pdf'))).toContain(
      '文件没有下载完',
    );
  });

  it('an export saved as .xls whose first tag is a style sheet, a comment or a <div> is a page', async () => {
    const page = new TextDecoder().decode(fixture('jingxiu-2019.html'));
    const tables = page.match(/<table[\s\S]*?<\/table>/g)!.join('');
    for (const head of ['<style>td{border:1px}</style>', '<!-- 导出 -->', '<div class="export">']) {
      const bytes = new TextEncoder().encode(`${head}${tables}`);
      expect(formatOf('导出.xls', bytes)).toBe('.html');
      expect((await readReportFile('导出.xls', bytes)).reports[0]!.cells.size).toBeGreaterThan(150);
    }
  });

  it('copied text saved as .html with an address in angle brackets (「<mail@163.com>」) is still text', () => {
    const text = `联系方式：<zwgk@163.com>\n${new TextDecoder().decode(fixture('jingxiu-2019.txt'))}`;
    expect(formatOf('年报.html', new TextEncoder().encode(text))).toBe('.txt');
  });

  it('a file without an extension, named directly, is read by what it holds', async () => {
    expect(formatOf('年报', workbook())).toBe('.xlsx');
    expect(formatOf('年报', fixture('jingxiu-2019.txt'))).toBe('.txt');
    expect(formatOf('年报', fixture('jingxiu-2019.html'))).toBe('.html');
    expect((await readReportFile('/下载/年报', fixture('jingxiu-2019.docx'))).reports).toHaveLength(1);
  });

  it('a failure says what the file was read as: a 「PDF」 that is a site’s error page', async () => {
    const page = new TextEncoder().encode('<!DOCTYPE html><html><body><h1>404 Not Found</h1></body></html>');
    expect(await problem('年报.pdf', page)).toMatch(
      /^这不是 PDF 文件，而是网页（下载失败时网站常返回这样的页面），按网页读取：没有找到年报表格/,
    );
    expect(await problem('年报.docx', page)).toMatch(/^文件内容是网页，按此读取：没有找到年报表格/);
    const scripted = new TextEncoder().encode('<script>location.href="/check"</script><p>请稍候</p>');
    expect(await problem('年报.pdf', scripted)).toMatch(/^这不是 PDF 文件，而是网页/);
    expect(await problem('年报.html', page)).toMatch(/^没有找到年报表格/);
  });

  it('bytes that are no text (random, an image) are not taken for a page or a text, whatever their name', async () => {
    // Random bytes: a 64 KiB head holds tags like 「<p 」 by chance, so once these were called 网页.
    let seed = 7;
    const noise = new Uint8Array(200_000).map(
      () => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 16) & 255,
    );
    noise.set(new TextEncoder().encode('<p '), 30_000);
    const notText = '文件内容不是文字，也不是 Excel、Word、PDF 或网页，无法读取：文件可能已损坏，或不是年报';
    expect(await problem('年报.pdf', noise)).toBe('这不是 PDF 文件（文件开头没有 PDF 标识），无法读取。');
    for (const name of ['年报', '年报.txt', '年报.html', '年报.shtml'])
      expect(await problem(name, noise)).toBe(notText);
    // Text that is UTF-16 (NUL in every other byte), or has a form feed between pages, is text.
    const utf16 = new Uint8Array(
      Buffer.from(`\ufeff${new TextDecoder().decode(fixture('jingxiu-2019.txt'))}`, 'utf16le'),
    );
    expect(formatOf('年报', utf16)).toBe('.txt');
    const paged = new TextDecoder().decode(fixture('jingxiu-2019.txt')).replace(/\n\n/g, '\n\f\n');
    expect((await readReportFile('年报.txt', new TextEncoder().encode(paged))).reports).toHaveLength(1);
  });

  it('a report that is what its name says costs a glance at its first bytes', () => {
    expect(formatOf('年报.txt', fixture('jingxiu-2019.txt'))).toBe('.txt');
    expect(formatOf('年报.html', fixture('jingxiu-2019.html'))).toBe('.html');
    expect(formatOf('年报.htm', fixture('jingxiu-2019.html'))).toBe('.htm');
    expect(formatOf('年报.pdf', fixture('jingxiu-2019.writer.pdf'))).toBe('.pdf');
    expect(formatOf('年报.xlsx', workbook())).toBe('.xlsx');
  });
});

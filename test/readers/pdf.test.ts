import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { check } from '../../src/checks/engine.js';
import { readPdf } from '../../src/readers/pdf/index.js';
import { readDocument } from '../../src/readers/text/document.js';
import type { Report } from '../../src/report/types.js';
import { pdfDrawing, pdfPattern, pdfType3 } from '../../bench/pdf-files.js';
import { errors, fixturePath, jingxiu, mergedOtherWay, ofRule, suqian } from '../helpers.js';

const bytes = (name: string) => new Uint8Array(readFileSync(fixturePath(name)));

const reports = new Map<string, Promise<Report>>();

/** The report of a fixture, read once for all the tests that look at it. */
function read(name: string): Promise<Report> {
  let report = reports.get(name);
  if (!report) {
    report = readPdf(bytes(name), { source: name }).then((r) => {
      if (!r.report) throw new Error(r.problem);
      return r.report;
    });
    reports.set(name, report);
  }
  return report;
}

const raws = (r: Report) => Object.fromEntries([...r.cells].map(([k, c]) => [k, c.raw]));
const t34 = (r: Report) => Object.fromEntries(Object.entries(raws(r)).filter(([k]) => !k.startsWith('t2.')));

describe('a published report as a PDF', () => {
  it.each([
    ['jingxiu-2019.writer.pdf', 'LibreOffice from the .docx, as Word or WPS print'],
    ['jingxiu-2019.chromium.pdf', 'Chromium printing the page (glyphs as Kangxi radicals)'],
    ['jingxiu-2019.thick.pdf', 'borders 3px wide: each side of each cell filled on its own'],
    [
      'jingxiu-2019.split.pdf',
      'table 3 split by its writer into two tables, header repeated, columns of their own',
    ],
  ])(
    '保定市竞秀区 2019, %s (%s): every cell, edition, year, body; balanced, no error, no warning on the form',
    async (name) => {
      const r = await read(name);
      expect(r).toMatchObject({ edition: '2019', year: 2019, agency: '保定市竞秀区', source: name });
      expect(r.tables).toEqual(['t2', 't3', 't4']);
      expect(raws(r)).toEqual(jingxiu().values);
      const findings = check(r);
      expect(errors(findings)).toEqual([]);
      expect(ofRule(findings, 'G-04')).toEqual([]);
      expect(r.published!.titles.every((l) => l > 0)).toBe(true);
      expect(r.published!.parts[5]).toContain('无其他需要报告的事项');
    },
  );

  it.each([
    ['suqian-2024.writer.pdf', 3],
    ['suqian-2024.pages.pdf', 9],
  ])('宿迁市 2024 (2021 edition), %s: tables 3 and 4 cell by cell, over pages too', async (name) => {
    const [, y2024] = suqian();
    const r = await read(name);
    expect(r).toMatchObject({ edition: '2021', year: 2024, agency: '宿迁市', tables: ['t2', 't3', 't4'] });
    expect(t34(r)).toEqual(y2024.values);
    const findings = check(r);
    expect(errors(findings)).toEqual([]);
    expect(ofRule(findings, 'G-04')).toEqual([]);
    expect(ofRule(findings, 'T4-04').map((f) => f.cells)).toEqual([
      ['t4.review.total'],
      ['t4.suitDirect.total', 't4.suitAfterReview.total'],
    ]);
  });

  it('a table broken over pages: labels broken by the page are whole again, cells say their page', async () => {
    const r = await read('suqian-2024.pages.pdf');
    // 「（二）部分公开（区分处理的，只」 on page 3, 「计这一情形，不计其他情形）」 on page 4.
    expect(r.cells.get('t3.r3_2.natural')).toEqual({ raw: 462, address: '第3页表格第7行第3列' });
    expect(r.cells.get('t3.r3_3_1.natural')!.address).toMatch(/^第4页表格/);
    expect(r.cells.get('t3.r4.total')!.address).toMatch(/^第8页第1个表格第\d+行/);
    // Page numbers 「- 3 -」 in the footer are not text of the report.
    expect(r.published!.parts.join('\n')).not.toMatch(/-\s*\d+\s*-/);
  });

  it('a font with no ToUnicode map, only the predefined CMap UniGB-UCS2-H (as WPS writes it): every cell', async () => {
    const r = await read('jingxiu-2019.unigb.pdf');
    expect(r).toMatchObject({ edition: '2019', year: 2019, tables: ['t2', 't3', 't4'] });
    expect(raws(r)).toEqual(jingxiu().values);
    expect(errors(check(r))).toEqual([]);
    // Its tables drawn without rules are read as its text: a place is named by its page, where the
    // clerk can find it, not by a line of the text taken from the file.
    expect(ofRule(check(r), 'G-04').map((f) => f.message)).toEqual([
      expect.stringContaining('与数字 0 连写（PDF 第1页）'),
    ]);
  });

  it('read as its text, a place is named by the page each line came from', () => {
    // The report's lines over two pages, its third part (table 3) on the second: as a PDF whose
    // tables have no rules is read.
    const lines = readFileSync(fixturePath('jingxiu-2019.txt'), 'utf8').split('\n');
    const second = lines.findIndex((l) => l.includes('三、收到和处理政府信息公开申请情况'));
    const blocks = lines.map((line, i) => ({ line, page: i < second ? 1 : 2 }));
    const r = readDocument(blocks, { lines: 'PDF 文字', page: (p) => `PDF 第${p}页` }).report!;
    expect(ofRule(check(r), 'G-04').map((f) => f.message)).toEqual([
      expect.stringContaining('与数字 0 连写（PDF 第2页）'),
    ]);
    expect(r.cells.get('t3.r1.total')!.address).toBe('PDF 第2页');
    expect(r.cells.get('t2.rules.made')!.address).toBe('PDF 第1页');
    // With no page known, a line of the text, as before.
    const plain = readDocument(
      lines.map((line) => ({ line })),
      { lines: 'Word 文字' },
    ).report!;
    expect(plain.cells.get('t3.r1.total')!.address).toMatch(/^Word 文字第\d+行$/);
  });

  it('a predefined CMap that is not held is named, not a silent empty page', async () => {
    const pdf = new TextDecoder('latin1').decode(bytes('jingxiu-2019.unigb.pdf'));
    // A Korean CMap of the same length: the file's offsets stay right.
    const korean = Uint8Array.from(pdf.replace('/UniGB-UCS2-H', '/UniKS-UCS2-H'), (c) => c.charCodeAt(0));
    expect((await readPdf(korean)).problem).toBe(
      'PDF 的字体使用了本工具没有收录的字符映射（UniKS-UCS2-H），其中的文字无法读取。请另存为嵌入字体的 PDF，或改用 .docx、网页文本校验。',
    );
  });

  it('a scan, a password, a damaged file and random bytes each get their own message', async () => {
    const problem = async (b: Uint8Array) => (await readPdf(b)).problem;
    expect(await problem(bytes('scanned.pdf'))).toContain('只有图片，没有文字（可能是扫描件）');
    expect(await problem(bytes('encrypted.pdf'))).toContain('设置了打开密码');
    const pdf = bytes('jingxiu-2019.writer.pdf');
    expect(await problem(pdf.subarray(0, 2000))).toContain('已损坏或不完整');
    const random = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 251);
    expect(await problem(random)).toContain('不是 PDF 文件');
  });

  it('table 2 merged otherwise in its rows than in its header: each number read by the rules its row draws', async () => {
    // Its rows' last numbers over D:E, no rule between: read as blank before (8 「未填」).
    const r = await read('merged-other-way.writer.pdf');
    expect(raws(r)).toEqual(mergedOtherWay());
    expect(ofRule(check(r), 'G-03').map((f) => f.message)).toEqual([
      '表二有 2 格未填数字或填了「/」「—」（不参与计算）：规章·本年新公开数量（第1页表格第3行第3列）、行政许可·本年增/减（第1页表格第7行第3列）。表格要求没有的填 0。',
    ]);
  });

  it('a page that draws or writes more than any report’s page is refused as it is read, naming the page; the next file reads', async () => {
    // pdf.js would keep all of it (a gigabyte for three million strokes) before the host's timer ends the thread.
    const busy = async (content: string) =>
      (await readPdf(pdfDrawing(content), { source: 'busy.pdf' })).problem;
    const drawing =
      'PDF 第 1 页的内容过于繁复（超过 10 万笔绘制），不像一份年报，未读取。请改用 .docx 或网页文本校验。';
    expect(await busy('0 0 m 1 1 l S\n'.repeat(300_000))).toBe(drawing);
    // One path of many segments is one operation to pdf.js, but each segment is a line to read.
    expect(await busy(`0 0 m\n${'1 1 l\n'.repeat(1_200_000)}S\n`)).toBe(drawing);
    expect(await busy(`BT /F1 10 Tf 20 800 Td\n${'(a) Tj 0 -0.01 Td\n'.repeat(100_000)}ET\n`)).toBe(
      'PDF 第 1 页的内容过于繁复（超过 5 万段文字），不像一份年报，未读取。请改用 .docx 或网页文本校验。',
    );
    // Fewer is read as any page: a chart of 80,000 strokes, or of 600,000 segments.
    expect(await busy('0 0 m 1 1 l S\n'.repeat(80_000))).toBe('PDF 中没有文字，无法读取。');
    expect(await busy(`0 0 m\n${'1 1 l\n'.repeat(600_000)}S\n`)).toBe('PDF 中没有文字，无法读取。');
    expect(raws(await readPdf(bytes('jingxiu-2019.writer.pdf')).then((r) => r.report!))).toEqual(
      raws(await read('jingxiu-2019.writer.pdf')),
    );
  });

  it('a document that keeps more text and lines than any report is refused at the page that passes it', async () => {
    // 26 pages of 20,000 thin filled bars (lines) each, every page within its own caps: 200 such
    // pages held 3 GB. The first 25 make 500,000 exactly, which is read on.
    const lines = Array.from({ length: 20_000 }, (_, i) => `10 ${20 + (i % 800)} 490 0.5 re f\n`).join('');
    expect((await readPdf(pdfDrawing(lines, { pages: 26 }))).problem).toBe(
      'PDF 的内容过于繁复（到第 26 页已有超过 50 万段文字和线条），不像一份年报，未读取。请改用 .docx 或网页文本校验。',
    );
  });

  it('a pattern or a glyph that draws more than any report’s page is refused: pdf.js reads them whole, past the page’s caps', async () => {
    // 300,000 strokes in one took 600 MB and more before the host's timer; two million, 4 GB.
    const strokes = (n: number) => '0 0 m 1 1 l S\n'.repeat(n);
    const drawing =
      'PDF 第 1 页的内容过于繁复（超过 10 万笔绘制），不像一份年报，未读取。请改用 .docx 或网页文本校验。';
    expect((await readPdf(pdfPattern(strokes(300_000)))).problem).toBe(drawing);
    expect((await readPdf(pdfType3(strokes(300_000)))).problem).toBe(drawing);
    // One path of 2.5 million segments, never painted: the page's own stream, cut as it is read.
    expect((await readPdf(pdfDrawing(`0 0 m\n${'1 1 l\n'.repeat(2_500_000)}`))).problem).toBe(drawing);
    // A pattern or a glyph of 150,000 strokes is read: the page's text is all there is to read.
    for (const pdf of [pdfPattern(strokes(150_000)), pdfType3(strokes(150_000))])
      expect((await readPdf(pdf)).problem).toMatch(/^没有找到年报表格/);
    // Read at once in one thread, each reading is its own: a report beside a pattern's bomb reads.
    const [bomb, report] = await Promise.all([
      readPdf(pdfPattern(strokes(300_000))),
      readPdf(bytes('jingxiu-2019.writer.pdf')),
    ]);
    expect(bomb.problem).toBe(drawing);
    expect(report.report?.cells.get('t3.r1.natural')?.raw).toBe(5);
  });

  it('leaves the caller’s bytes as they were', async () => {
    const pdf = bytes('suqian-2024.writer.pdf');
    const copy = pdf.slice();
    await readPdf(pdf);
    expect(pdf).toEqual(copy);
  });
});

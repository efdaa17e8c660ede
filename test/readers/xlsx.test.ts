import { readFileSync } from 'node:fs';
import { crc32, inflateRawSync } from 'node:zlib';
import { deflateSync, strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { templateBytes } from '../../src/cli/xlsx-write.js';
import { readReportFile } from '../../src/readers/files.js';
import { ReadProblem } from '../../src/readers/problem.js';
import { readXlsx, XLSX_LIMITS } from '../../src/readers/xlsx/index.js';
import { readSharedStrings } from '../../src/readers/xlsx/strings.js';
import { formatShows, readStyles, serialText } from '../../src/readers/xlsx/styles.js';
import { shiftFormula } from '../../src/readers/xlsx/sheet.js';
import { templateGrid, templateLayout } from '../../src/report/template.js';
import type { RawValue } from '../../src/report/types.js';
import { bookParts, buildXlsx, declareSize, sheetXml } from '../fuzz/build-xlsx.js';
import { fixturePath, jingxiu } from '../helpers.js';

const grid = (bytes: Uint8Array, sheet = 0) => readXlsx(bytes).sheets[sheet]!.grid;
const one = (data: string, book: Omit<Parameters<typeof buildXlsx>[0], 'sheets'> = {}) =>
  grid(buildXlsx({ ...book, sheets: [{ name: 'S', data }] }));
const problem = (fn: () => unknown): string => {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ReadProblem);
    return (e as Error).message;
  }
  throw new Error('no ReadProblem thrown');
};

/** The grid without its trailing empty rows and columns: what a used range from A1 holds. */
function trimmed(g: RawValue[][]): RawValue[][] {
  const rows = g.map((r) => r.map((v) => v ?? ''));
  while (rows.length && rows.at(-1)!.every((v) => v === '')) rows.pop();
  const width = Math.max(0, ...rows.map((r) => r.findLastIndex((v) => v !== '') + 1));
  return rows.map((r) => r.slice(0, width));
}

describe('readXlsx on the template ExcelJS writes', () => {
  it('gives the values Office.js would: the filled template grid, merged areas in their top-left cell', async () => {
    const fill = { values: jingxiu().values, year: 2019, agency: '保定市竞秀区人民政府' };
    const bytes = await templateBytes('2019年度年报', templateLayout('2019'), fill);
    const { sheets } = readXlsx(bytes);
    expect(sheets.map((s) => [s.name, s.state])).toEqual([['2019年度年报', 'visible']]);
    expect(sheets[0]!.grid).toEqual(trimmed(templateGrid(templateLayout('2019'), fill)));
  });
});

describe('readXlsx on hand-made parts', () => {
  it('shared strings, rich text runs without their phonetic guide, inline strings, escapes and entities', () => {
    const g = one(
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="inlineStr"><is><r><t>本年</t></r><r><rPr><b/></rPr><t xml:space="preserve">新收 </t></r></is></c>' +
        '<c r="D1" t="s"><v>2</v></c><c r="E1" t="str"><v>A&amp;B &#x4E00;&#20108;</v></c></row>',
      {
        strings: [
          '<t>（一）予以公开</t>',
          '<r><t>结转</t></r><r><t>下年度</t></r><rPh sb="0" eb="2"><t>けってん</t></rPh>',
          '<t>第一行_x000D_\n第二行</t>',
        ],
      },
    );
    expect(g).toEqual([['（一）予以公开', '结转下年度', '本年新收 ', '第一行\r\n第二行', 'A&B 一二']]);
  });

  it('a formula gives its cached result, 0 included; one never calculated is 「=FORMULA」', () => {
    const g = one(
      '<row r="1"><c r="A1"><v>2</v></c><c r="B1"><v>3</v></c><c r="C1"><f>SUM(A1:B1)</f><v>5</v></c></row>' +
        '<row r="2"><c r="A2"><v>0</v></c><c r="B2"><v>0</v></c><c r="C2"><f>SUM(A2:B2)</f><v>0</v></c></row>' +
        '<row r="3"><c r="A3"><v>1</v></c><c r="C3"><f>SUM(A3:B3)</f></c><c r="D3" t="str"><f>A3&amp;""</f><v></v></c></row>',
    );
    // D3 is a text formula whose cached result is "": an empty cell, as Office.js gives it.
    expect(g).toEqual([
      [2, 3, 5],
      [0, 0, 0],
      [1, '', '=SUM(A3:B3)'],
    ]);
  });

  it('a shared formula never calculated reads, in each dependent cell, as moved there', () => {
    const g = one(
      '<row r="5"><c r="D5"><f t="shared" ref="D5:F6" si="0">SUM(A5:C5)+$A$1+"B2"</f></c><c r="E5"><f t="shared" si="0"/></c></row>' +
        '<row r="6"><c r="D6"><f t="shared" si="0"/><v>7</v></c><c r="F6"><f t="shared" si="0"/></c></row>',
    );
    expect(g[4]!.slice(3)).toEqual(['=SUM(A5:C5)+$A$1+"B2"', '=SUM(B5:D5)+$A$1+"B2"', '']);
    expect(g[5]!.slice(3)).toEqual([7, '', '=SUM(C6:E6)+$A$1+"B2"']);
    expect(shiftFormula("'年报 A1'!A1*LOG10(B2)+Sheet2!C3", 1, 1)).toBe("'年报 A1'!B2*LOG10(C3)+Sheet2!D4");
  });

  it('booleans, error values, dates and times by their style, the 1904 system', () => {
    const styles =
      '<numFmts><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/><numFmt numFmtId="165" formatCode="0.00&quot;万元&quot;"/></numFmts>' +
      '<cellXfs><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="20"/><xf numFmtId="165"/><xf numFmtId="22"/></cellXfs>';
    const data =
      '<row r="1"><c r="A1" t="b"><v>1</v></c><c r="B1" t="b"><v>0</v></c><c r="C1" t="e"><v>#DIV/0!</v></c><c r="D1" t="e"><f>1/0</f><v>#DIV/0!</v></c></row>' +
      '<row r="2"><c r="A2" s="1"><v>45352</v></c><c r="B2" s="2"><v>45352</v></c><c r="C2" s="3"><v>0.5</v></c><c r="D2" s="4"><v>7441.879403</v></c><c r="E2" s="5"><v>45352.25</v></c><c r="F2" s="1"><v>60</v></c></row>' +
      '<row r="3"><c r="A3" t="d"><v>2024-03-01T00:00:00Z</v></c></row>';
    expect(one(data, { styles })).toEqual([
      [true, false, '#DIV/0!', '#DIV/0!', '', ''],
      ['2024-03-01', '2024-03-01', '12:00:00', 7441.879403, '2024-03-01 06:00:00', '1900-02-29'],
      ['2024-03-01', '', '', '', '', ''],
    ]);
    expect(one('<row r="1"><c r="A1" s="1"><v>0</v></c></row>', { styles, date1904: true })).toEqual([
      ['1904-01-01'],
    ]);
    expect([
      formatShows('#,##0"件"'),
      formatShows('[Red]0.00'),
      formatShows('[h]:mm'),
      formatShows('m/d/yy'),
    ]).toEqual(['number', 'number', 'time', 'date']);
    expect(serialText(1, 'date', false)).toBe('1900-01-01');
    expect(serialText(61, 'date', false)).toBe('1900-03-01');
    expect(serialText(-1, 'date', false)).toBeUndefined();
  });

  it('cells without a reference follow their neighbours; a prefixed namespace reads the same', () => {
    const plain = one(
      '<row><c><v>1</v></c><c t="inlineStr"><is><t>二</t></is></c></row><row><c/><c><v>3</v></c></row>',
    );
    expect(plain).toEqual([
      [1, '二'],
      ['', 3],
    ]);
    const prefixed = readXlsx(
      buildXlsx({
        sheets: [
          {
            name: 'S',
            raw: '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="2"><x:c r="B2" t="inlineStr"><x:is><x:t>表三</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>',
          },
        ],
      }),
    ).sheets[0]!.grid;
    expect(prefixed).toEqual([
      ['', ''],
      ['', '表三'],
    ]);
  });

  it('cells read alike however their tags are written: attributes in any order or added, quoted either way, a 「>」 in a value', () => {
    const g = one(
      '<row r="1"><c r="A1" s="1" t="s"><v>0</v></c><c r="B1" cm="1" t="s" s="2"><v>0</v></c>' +
        '<c r=\'C1\' t=\'s\'><v>0</v></c><c r="D1" s="1"/><c><v>5</v></c>' +
        '<c r="F1" x:note="a>b" t="s"><v>0</v></c><c r="G1" t="s" ><v>0</v></c><c r="H1"></c><c r="I1"><v>7</v></c></row>',
      { strings: ['<t>总计</t>'] },
    );
    expect(g).toEqual([['总计', '总计', '总计', '', 5, '总计', '总计', '', 7]]);
  });

  it('a part that is no UTF-8 reads with its bad bytes as U+FFFD, the rest as written', () => {
    const parts = bookParts({
      sheets: [{ name: 'S', data: '<row r="1"><c r="A1" t="s"><v>0</v></c></row>' }],
      strings: ['<t>总计</t>'],
    });
    const sst = parts['xl/sharedStrings.xml']!;
    const at = new TextDecoder().decode(sst).indexOf('总计');
    const bytes = new Uint8Array([...sst.subarray(0, at + 3), 0xff, ...sst.subarray(at + 3)]);
    expect(grid(zipSync({ ...parts, 'xl/sharedStrings.xml': bytes }))).toEqual([['总\ufffd计']]);
  });

  it("a merged area's value is in its top-left cell only, even when the writer repeated it", () => {
    const g = one(
      '<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>1</v></c><c r="C1"><v>2</v></c></row><row r="2"><c r="A2"><v>1</v></c></row></sheetData><mergeCells count="2"><mergeCell ref="A1:B2"/><mergeCell ref="C1:XFD1048576"/></mergeCells><sheetData>',
    );
    expect(g).toEqual([
      [1, '', 2],
      ['', '', ''],
    ]);
  });

  it('every sheet in tab order with its state; a chart sheet has no cells', () => {
    const parts = bookParts({
      sheets: [
        { name: '说明', data: '<row r="1"><c r="A1"><v>1</v></c></row>', state: 'veryHidden' },
        { name: '年报', data: '<row r="1"><c r="A1"><v>2</v></c></row>' },
        { name: '旧表', data: '', state: 'hidden' },
        { name: '图表', data: '' },
      ],
    });
    const rels = new TextDecoder().decode(parts['xl/_rels/workbook.xml.rels']);
    parts['xl/_rels/workbook.xml.rels'] = strToU8(
      rels.replace('worksheet" Target="worksheets/sheet4', 'chartsheet" Target="worksheets/sheet4'),
    );
    const { sheets } = readXlsx(zipSync(parts));
    expect(sheets.map((s) => [s.name, s.state, s.grid])).toEqual([
      ['说明', 'veryHidden', [[1]]],
      ['年报', 'visible', [[2]]],
      ['旧表', 'hidden', []],
      ['图表', 'visible', []],
    ]);
  });
});

describe('readXlsx refuses, in Chinese, what it cannot or should not read', () => {
  const book = { sheets: [{ name: 'S', data: '<row r="1"><c r="A1"><v>1</v></c></row>' }] };

  it("a part whose data is not what its CRC says: refused, by fflate and by zlib alike, with the reader's CRC-32 or Node's", () => {
    const whole = buildXlsx(book);
    // The central directory's entry for the sheet: its name, 46 bytes after the entry starts.
    const name = strToU8('xl/worksheets/sheet1.xml');
    let at = -1;
    for (let i = whole.length - name.length; i >= 0 && at < 0; i--)
      if (name.every((c, k) => whole[i + k] === c)) at = i - 46;
    expect(whole[at]).toBe(0x50);
    const bad = new Uint8Array(whole);
    bad[at + 16]! ^= 0xff;
    const native = (data: Uint8Array, max: number) => inflateRawSync(data, { maxOutputLength: max });
    expect(readXlsx(whole, XLSX_LIMITS, native).sheets[0]!.grid).toEqual([[1]]);
    expect(problem(() => readXlsx(bad))).toBe('不是有效的 .xlsx 文件（压缩包已损坏或不完整）');
    expect(problem(() => readXlsx(bad, XLSX_LIMITS, native))).toBe(
      '不是有效的 .xlsx 文件（压缩包已损坏或不完整）',
    );
    expect(readXlsx(whole, XLSX_LIMITS, native, crc32).sheets[0]!.grid).toEqual([[1]]);
    expect(problem(() => readXlsx(bad, XLSX_LIMITS, native, crc32))).toBe(
      '不是有效的 .xlsx 文件（压缩包已损坏或不完整）',
    );
  });

  it('not a zip; an encrypted workbook or an .xls renamed; a cut-off zip; a DTD', () => {
    expect(problem(() => readXlsx(strToU8('not a workbook')))).toBe(
      '不是有效的 .xlsx 文件：文件已损坏，或不是 Excel 工作簿（在 Excel 或 WPS 中能打开的，请另存为 .xlsx 后再校验）',
    );
    // A picture named .xlsx is said as what it is.
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...new Array(64).fill(0)]);
    expect(problem(() => readXlsx(png))).toBe(
      '文件内容是图片（PNG），不是 Excel 工作簿（.xlsx）：请选要校验的年报文件',
    );
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]);
    expect(problem(() => readXlsx(ole))).toContain('请取消密码，或在 Excel 中另存为 .xlsx');
    const whole = buildXlsx(book);
    expect(problem(() => readXlsx(whole.subarray(0, whole.length - 30)))).toContain('压缩包已损坏或不完整');
    const dtd = buildXlsx({
      sheets: [{ name: 'S', raw: '<!DOCTYPE x [<!ENTITY a "aaaa">]><worksheet><sheetData/></worksheet>' }],
    });
    expect(problem(() => readXlsx(dtd))).toBe('不是有效的 .xlsx 文件（XML 含有 DTD 声明）');
    expect(problem(() => readXlsx(zipSync({ 'word/document.xml': strToU8('<w/>') })))).toContain(
      '其中没有工作簿',
    );
  });

  it('a zip bomb by its declared sizes, before inflating anything', () => {
    const bomb = declareSize(buildXlsx(book), 'xl/worksheets/sheet1.xml', 3_000_000_000);
    expect(problem(() => readXlsx(bomb))).toMatch(/^工作簿解压后有 \d+ MB，超过上限 100 MB/);
  });

  it('a part that inflates past its declared size, small or large', () => {
    const zeros = (n: number) =>
      `<row r="1"><c r="A1" t="inlineStr"><is><t>${'0'.repeat(n)}</t></is></c></row>`;
    for (const n of [1000, 3_000_000]) {
      const bytes = buildXlsx({ sheets: [{ name: 'S', data: zeros(n) }] });
      const lying = declareSize(bytes, 'xl/worksheets/sheet1.xml', 500);
      expect(problem(() => readXlsx(lying))).toContain('解压后比声明的大小更大，疑为压缩炸弹');
    }
  });

  it('a high ratio past its threshold, and a stored part whose size does not match', () => {
    const limits = { ...XLSX_LIMITS, ratioFrom: 1000, maxRatio: 10 };
    const big = buildXlsx({ sheets: [{ name: 'S', data: '<row r="1"></row>'.repeat(2000) }] });
    expect(problem(() => readXlsx(big, limits))).toMatch(/工作簿解压后是压缩时的 \d+ 倍/);
    const stored = zipSync({ ...bookParts(book) }, { level: 0 });
    expect(readXlsx(stored).sheets[0]!.grid).toEqual([[1]]);
    expect(problem(() => readXlsx(declareSize(stored, 'xl/workbook.xml', 3)))).toContain('压缩包已损坏');
  });

  it('content far beyond any report leaves that sheet unread, with where it is; the others are read', () => {
    const far = buildXlsx({
      sheets: [
        { name: '年报', data: '<row r="1"><c r="A1"><v>1</v></c></row>' },
        { name: '远处', data: '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>' },
        { name: '很宽', data: '<row r="3"><c r="ZZ3"><v>1</v></c></row>' },
      ],
    });
    const limits = { ...XLSX_LIMITS, maxCells: 1000 };
    const { sheets } = readXlsx(far, limits);
    expect(sheets[0]).toMatchObject({ grid: [[1]] });
    expect(sheets[1]).toMatchObject({
      grid: [],
      problem: expect.stringContaining('XFD1048576 有内容，超出可读的范围'),
    });
    expect(sheets[2]).toMatchObject({
      grid: [],
      problem: '有内容的区域有 3 行 × 702 列，超过可读的 1000 格：请删除表格以外多余的内容后再校验',
    });
    // Empty formatted cells far away are nothing: a sheet formatted to XFD1048576 reads as its content.
    expect(
      one('<row r="1"><c r="A1"><v>1</v></c></row><row r="1048576"><c r="XFD1048576" s="1"/></row>'),
    ).toEqual([[1]]);
  });

  it('many sheets each within the cap are held to one cap for the workbook: the later ones are unread, and say why', () => {
    const wide = (name: string) => ({
      name,
      data: '<row r="1"><c r="A1"><v>1</v></c></row><row r="10"><c r="J10"><v>2</v></c></row>',
    });
    const { sheets } = readXlsx(buildXlsx({ sheets: [wide('甲'), wide('乙'), wide('丙')] }), {
      ...XLSX_LIMITS,
      maxCells: 250,
    });
    expect(sheets.map((s) => s.grid.length)).toEqual([10, 10, 0]);
    expect(sheets[2]!.problem).toBe(
      '有内容的区域有 10 行 × 10 列，与前面各表合计超过整个工作簿可读的 250 格，该表未读取：请删除表格以外多余的内容或不用的工作表后再校验',
    );
  });

  it('a workbook of many sheets without a report is said in one short line', async () => {
    const bytes = buildXlsx({
      sheets: Array.from({ length: 8 }, (_, i) => ({
        name: `S${i}`,
        data: '<row r="1"><c r="A1"><v>1</v></c></row>',
      })),
    });
    const message = await readReportFile('多表.xlsx', bytes).catch((e: Error) => e.message);
    expect(message).toMatch(
      /^工作表「S0」中没有找到年报表格（[^；]*）；.*；工作表「S4」中[^；]*；另有 3 个工作表也未读取或没有年报。$/,
    );
  });

  it('strings and styles with tags never closed are read in one pass, not the rest of the part again from each', () => {
    // 300,000 open <si> took minutes; 80,000 open <numFmt or <cellXfs took up to a minute and a half.
    const strings = readSharedStrings(`<sst><si><t>甲</t></si>${'<si>'.repeat(300_000)}`);
    expect(strings[0]).toBe('甲');
    const head = '<styleSheet><numFmts><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts>';
    expect(readStyles(`${head}<cellXfs><xf numFmtId="164"/></cellXfs>${'<numFmt '.repeat(80_000)}`)).toEqual([
      'date',
    ]);
    expect(readStyles(`${head}<cellXfs><xf numFmtId="164"/>${'<cellXfs>'.repeat(80_000)}`)[0]).toBe('date');
  });

  it('a long formula shared by many cells without values is shown clipped, not copied whole into each', () => {
    const long = `A1${'+1'.repeat(5000)}`;
    const rows = Array.from(
      { length: 200 },
      (_, i) =>
        `<row r="${i + 2}"><c r="B${i + 2}"><f t="shared" si="0"${i ? '/>' : ` ref="B2:B201">${long}</f>`}</c></row>`,
    ).join('');
    const g = one(`<row r="1"><c r="A1"><v>1</v></c></row>${rows}`);
    expect(g[1]![1]).toBe(`=${long.slice(0, 1000)}…`);
    expect(g[2]![1]).toBe(`=A2${'+1'.repeat(499)}…`);
    expect(g[200]![1]).toHaveLength(1002 + 2);
  });

  it('too many sheets, an encrypted entry, an unknown compression method', () => {
    const many = buildXlsx({ sheets: Array.from({ length: 3 }, (_, i) => ({ name: `S${i}`, data: '' })) });
    expect(problem(() => readXlsx(many, { ...XLSX_LIMITS, maxSheets: 2 }))).toBe(
      '工作簿有 3 个工作表，超过上限 2',
    );
    const bytes = buildXlsx(book);
    const view = new DataView(bytes.buffer);
    const patch = (offsetInEntry: number, value: number) => {
      const copy = bytes.slice();
      const v = new DataView(copy.buffer);
      for (let i = 0; i + 4 <= copy.length; i++)
        if (view.getUint32(i, true) === 0x02014b50) v.setUint16(i + offsetInEntry, value, true);
      return copy;
    };
    expect(problem(() => readXlsx(patch(8, 1)))).toContain('工作簿已加密');
    expect(problem(() => readXlsx(patch(10, 12)))).toContain('不支持的压缩方式 12');
  });

  it('a Word file renamed .xlsx is said to be one', () => {
    const docx = readFileSync(fixturePath('jingxiu-2019.docx'));
    expect(problem(() => readXlsx(docx))).toBe(
      '不是有效的 .xlsx 文件（这是 Word 文件改了扩展名：请按 .docx 打开或校验）',
    );
  });

  it('reads a deflated part the same whether inflated at once or in pieces', () => {
    const rows = Array.from(
      { length: 3000 },
      (_, r) => `<row r="${r + 1}"><c r="A${r + 1}"><v>${(r * 7919) % 10007}</v></c></row>`,
    ).join('');
    expect(deflateSync(strToU8(sheetXml(rows))).length).toBeGreaterThan(16 * 1024);
    const g = one(rows);
    expect(g).toHaveLength(3000);
    expect(g[2999]).toEqual([(2999 * 7919) % 10007]);
  });
});

describe('a workbook saved set to calculate by hand', () => {
  /** 宿迁市 2024 as Calc saved it, with one total a formula, and calcMode="manual" or not. */
  const workbook = async (manual: boolean, formula: boolean) => {
    const { unzipSync } = await import('fflate');
    const parts = unzipSync(new Uint8Array(readFileSync(fixturePath('suqian-2024.calc.xlsx'))));
    const text = (name: string) => new TextDecoder().decode(parts[name]);
    const book = text('xl/workbook.xml');
    const sheet = text('xl/worksheets/sheet1.xml');
    return zipSync({
      ...parts,
      'xl/workbook.xml': strToU8(manual ? book.replace('<calcPr ', '<calcPr calcMode="manual" ') : book),
      // The first number's cell made a formula with its value kept: what Excel saves.
      'xl/worksheets/sheet1.xml': strToU8(
        formula ? sheet.replace(/(<c [^>]*>)(<v>)/, '$1<f>0+0</f>$2') : sheet,
      ),
    });
  };
  const g06 = async (manual: boolean, formula: boolean) =>
    (await readReportFile('a.xlsx', await workbook(manual, formula))).reports[0]!.findings.filter(
      (f) => f.rule === 'G-06',
    );

  it('with formulas: one G-06 warning asking to recalculate, the numbers read as saved', async () => {
    expect(await g06(true, true)).toEqual([
      expect.objectContaining({
        severity: 'warning',
        message: expect.stringMatching(/^工作簿设成了「手动计算」：公式的结果是上次计算时的.*按 F9 重新计算/),
      }),
    ]);
  });

  it('without formulas, or calculating by itself: nothing said', async () => {
    expect(await g06(true, false)).toEqual([]);
    expect(await g06(false, true)).toEqual([]);
  });
});

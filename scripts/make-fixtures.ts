// Makes the PDF and Word fixtures of test/fixtures/ from the reports we hold, with the tools that
// make real ones: LibreOffice (as Word or WPS would save and print), Chromium (a page printed to
// PDF), poppler (a scan, and text copied from the PDFs), qpdf (a password). Run after changing a
// source:
//   npx tsx scripts/make-fixtures.ts [word] [merges] [calc] [chromium] [innertext] [damaged] [copies] [cmap]
// (no step named: all of them). Needs soffice, chromium, pdftoppm, pdftotext and qpdf
// (apt: libreoffice-writer chromium poppler-utils qpdf) and the Noto CJK fonts (fonts-noto-cjk).
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { reportHtml, seedHtml, suqian, tablesHtml } from '../test/helpers.js';

const out = new URL('../test/fixtures/', import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), 'nianbao-fixtures-'));

/** The 2021 report: 宿迁市 2024's tables 3 and 4, as its page gives them. */
function suqianHtml(): string {
  const [, y2024] = suqian();
  return reportHtml('2021', y2024.values, {
    title: '宿迁市2024年政府信息公开工作年度报告',
    parts: [
      (y2024 as unknown as { text: string }).text,
      '一是公开质量仍需提高。二是加强培训。',
      '本年度未收取信息处理费。',
    ],
    signature: '宿迁市人民政府办公室',
    date: '2025年1月20日',
  });
}

/** LibreOffice, headless: `from` converted to `filter`'s format, in `work`. */
function soffice(from: string, to: string, filter: string, infilter?: string): string {
  execFileSync(
    'soffice',
    [
      '--headless',
      ...(infilter ? [`--infilter=${infilter}`] : []),
      '--convert-to',
      `${to}:${filter}`,
      '--outdir',
      work,
      from,
    ],
    { stdio: 'ignore' },
  );
  return join(work, from.replace(/^.*\//, '').replace(/\.[^.]+$/, `.${to}`));
}

/** A page as Word gets it: saved from the HTML with LibreOffice, then printed from Word's format. */
function wordFiles(name: string, html: string): void {
  const source = join(out, `${name}.html`);
  writeFileSync(source, html);
  const docx = soffice(source, 'docx', 'MS Word 2007 XML', 'HTML (StarWriter)');
  copyFileSync(docx, join(out, `${name}.docx`));
  copyFileSync(soffice(docx, 'pdf', 'writer_pdf_Export'), join(out, `${name}.writer.pdf`));
}

/**
 * The seed's page with table 2's rows merged otherwise than its header, as a clerk may merge them:
 * 本年新公开数量 and 本年增/减 (C:D in the header) alone in C, the last number over D:E. The k-th
 * row's numbers are 10k+1, 10k+2 and 10k+3 (the seed's are mostly 1s, which a PDF places alike in
 * any column); the cells alone in C of 规章 and 行政许可 are left blank: the number beside them is not theirs.
 */
function mergedOtherWayHtml(): string {
  const rows = ['规章', '规范性文件', '行政许可', '其他对外管理服务事项', '行政处罚', '行政强制'];
  const row = new RegExp(
    `<tr><td><p>(${rows.join('|')})</p></td><td><p>([^<]*)</p></td><td rowspan="1" colspan="2"><p>([^<]*)</p></td><td><p>([^<]*)</p></td></tr>`,
    'g',
  );
  const html = seedHtml().replace(row, (_, label: string) => {
    const k = 10 * (rows.indexOf(label) + 1);
    const middle = ['规章', '行政许可'].includes(label) ? '' : k + 2;
    return `<tr><td><p>${label}</p></td><td><p>${k + 1}</p></td><td><p>${middle}</p></td><td rowspan="1" colspan="2"><p>${k + 3}</p></td></tr>`;
  });
  if (
    (html.match(/<td><p>[^<]*<\/p><\/td><td rowspan="1" colspan="2"><p>[^<]*<\/p><\/td><\/tr>/g) ?? [])
      .length < rows.length
  )
    throw new Error('table 2 of the seed page is not as this expects');
  return html;
}

/**
 * A page opened in a spreadsheet and saved as a workbook (LibreOffice Calc here, Excel alike): all
 * its tables on one grid of columns, each cell merged over the columns it spans. The page is a
 * fixture, or `html` (written to the work folder first).
 */
function calcWorkbook(name: string, html?: string): void {
  const page = html === undefined ? join(out, `${name}.html`) : join(work, `${name}.html`);
  if (html !== undefined) writeFileSync(page, html);
  const xlsx = soffice(page, 'xlsx', 'Calc MS Excel 2007 XML', 'HTML (StarCalc)');
  copyFileSync(xlsx, join(out, `${name}.calc.xlsx`));
}

/** A page of 宿迁市 2024's three tables only, one right after another (a site's 「导出」). */
function suqianTablesHtml(): string {
  const [, y2024] = suqian();
  return `<!doctype html><html><body>${tablesHtml('2021', y2024.values).join('')}</body></html>`;
}

/**
 * A scan: the first page as a grey JPEG at 50 dpi, wrapped in a PDF of one image and no text,
 * as a scanner or a phone app makes it.
 */
function scanned(pdf: string): Buffer {
  execFileSync('pdftoppm', [
    '-r',
    '50',
    '-gray',
    '-jpeg',
    '-f',
    '1',
    '-l',
    '1',
    '-singlefile',
    pdf,
    join(work, 'scan'),
  ]);
  const jpeg = readFileSync(join(work, 'scan.jpg'));
  // Its size in pixels, from the JPEG's start-of-frame marker.
  let at = 2;
  while (jpeg[at + 1]! < 0xc0 || jpeg[at + 1]! > 0xc2) at += 2 + jpeg.readUInt16BE(at + 2);
  const height = jpeg.readUInt16BE(at + 5);
  const width = jpeg.readUInt16BE(at + 7);
  const [w, h] = [595, Math.round((595 * height) / width)];
  const content = `q ${w} 0 0 ${h} 0 0 cm /Im0 Do Q`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${w} ${h}] /Resources << /XObject << /Im0 4 0 R >> >> /Contents 5 0 R >>`,
    null,
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
  ];
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n')];
  const offsets: number[] = [];
  const size = () => parts.reduce((n, p) => n + p.length, 0);
  objects.forEach((body, i) => {
    offsets.push(size());
    if (body === null) {
      parts.push(
        Buffer.from(
          `${i + 1} 0 obj\n<< /Type /XObject /Subtype /Image /Width ${width} /Height ${height} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /DCTDecode /Length ${jpeg.length} >>\nstream\n`,
        ),
        jpeg,
        Buffer.from('\nendstream\nendobj\n'),
      );
    } else parts.push(Buffer.from(`${i + 1} 0 obj\n${body}\nendobj\n`));
  });
  const xref = size();
  const table = offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  parts.push(
    Buffer.from(
      `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${table}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`,
    ),
  );
  return Buffer.concat(parts);
}

/** A PDF of `objects` (object 1 the catalog), bodies as written, with its cross-reference table. */
function pdfOf(objects: readonly string[]): Buffer {
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(body));
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body);
  const table = offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${table}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/**
 * The seed report as a PDF whose Chinese font is not embedded and has no ToUnicode map: its text
 * is UCS-2 codes through the predefined CMap UniGB-UCS2-H (as WPS and older Acrobat write them),
 * readable only with that CMap and Adobe-GB1-UCS2. One table row a line, its cells spaced apart;
 * no ruling lines.
 */
function predefinedCMapPdf(): Buffer {
  const SIZE = 9;
  const [LEFT, TOP, BOTTOM, LINE] = [40, 800, 40, 12];
  const em = (c: string) => (c.charCodeAt(0) < 0x80 ? 0.5 : 1);
  const width = (t: string) => [...t].reduce((w, c) => w + em(c), 0) * SIZE;
  const hex = (t: string) => [...t].map((c) => c.charCodeAt(0).toString(16).padStart(4, '0')).join('');
  const seed = readFileSync(new URL('../test/fixtures/jingxiu-2019.txt', import.meta.url), 'utf8');
  // A table row is a block of cells; a paragraph is wrapped at the page's width.
  const lines: string[][] = [];
  for (const block of seed.split(/\n\s*\n/)) {
    const raw = block.split('\n');
    // Lines before the block's first cell are paragraphs; from it on, the cells of one row.
    const cellsFrom = raw.findIndex((l) => l.startsWith('\t'));
    const paragraphs = (cellsFrom < 0 ? raw : raw.slice(0, cellsFrom)).map((l) => l.trim()).filter(Boolean);
    for (const p of paragraphs) for (let i = 0; i < p.length; i += 50) lines.push([p.slice(i, i + 50)]);
    const cells =
      cellsFrom < 0
        ? []
        : raw
            .slice(cellsFrom)
            .map((l) => l.trim())
            .filter(Boolean);
    if (cells.length) lines.push(cells);
  }
  const pages: string[] = [];
  let content = '';
  let y = TOP;
  for (const cells of lines) {
    if (y < BOTTOM) {
      pages.push(content);
      [content, y] = ['', TOP];
    }
    let x = LEFT;
    for (const cell of cells) {
      content += `1 0 0 1 ${x} ${y} Tm <${hex(cell)}> Tj\n`;
      x += width(cell) + 2 * SIZE;
    }
    y -= LINE;
  }
  pages.push(content);
  const first = 6;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${pages.map((_, i) => `${first + 2 * i} 0 R`).join(' ')}] /Count ${pages.length} >>`,
    '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [4 0 R] >>',
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor 5 0 R /DW 1000 /W [1 95 500] >>',
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>',
  ];
  pages.forEach((c, i) => {
    const stream = `BT /F1 ${SIZE} Tf\n${c}ET`;
    objects.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${first + 2 * i + 1} 0 R >>`,
      `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    );
  });
  return pdfOf(objects);
}

/** Chromium's PDFs carry every glyph as a Type 3 procedure: headings in the regular weight need
 * none of the bold ones, and qpdf packs the objects. The text is what Chromium printed. */
function packed(pdf: Uint8Array, name: string): void {
  const raw = join(work, name);
  writeFileSync(raw, pdf);
  execFileSync('qpdf', [
    '--object-streams=generate',
    '--compression-level=9',
    '--recompress-flate',
    raw,
    join(out, name),
  ]);
}

const REGULAR = 'h1,h3{font-weight:normal}';

/**
 * In the page: the table-th <table> becomes two at row `cut`, the second on a new page with the
 * first `head` rows repeated. A merged cell across the cut is cut in two, its text in both.
 */
function splitTable({ table, head, cut }: { table: number; head: number; cut: number }): void {
  const first = document.querySelectorAll('table')[table]!;
  const rows = [...first.rows];
  const at: { td: HTMLTableCellElement; row: number; col: number }[][] = rows.map(() => []);
  rows.forEach((tr, r) => {
    let c = 0;
    for (const td of tr.cells) {
      while (at[r]![c]) c++;
      for (let i = 0; i < td.rowSpan; i++)
        for (let j = 0; j < td.colSpan; j++) at[r + i]![c + j] = { td, row: r, col: c };
      c += td.colSpan;
    }
  });
  const placed = new Map<HTMLTableCellElement, number>();
  for (const { td, row, col } of at[cut]!) {
    if (placed.has(td)) continue;
    if (row < cut) {
      const copy = td.cloneNode(true) as HTMLTableCellElement;
      copy.rowSpan = row + td.rowSpan - cut;
      td.rowSpan = cut - row;
      placed.set(copy, col);
    } else placed.set(td, col);
  }
  for (const [td] of [...placed].sort((a, b) => a[1] - b[1])) rows[cut]!.appendChild(td);
  const second = first.cloneNode(false) as HTMLTableElement;
  for (const tr of rows.slice(0, head)) second.appendChild(tr.cloneNode(true));
  for (const tr of rows.slice(cut)) second.appendChild(tr);
  const gap = document.createElement('p');
  gap.style.pageBreakBefore = 'always';
  first.after(gap, second);
}

async function chromiumPdfs(): Promise<void> {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu'],
  });
  const page = await browser.newPage();
  await page.setContent(seedHtml().replace('</head>', `<style>${REGULAR}</style></head>`));
  packed(await page.pdf({ format: 'A4' }), 'jingxiu-2019.chromium.pdf');
  // Borders 3px wide: Chromium fills each cell's side as a rectangle of its own. Centred text.
  await page.setContent(
    seedHtml().replace(
      '</head>',
      `<style>${REGULAR} table{border-collapse:collapse} td{border:3px solid;text-align:center}</style></head>`,
    ),
  );
  packed(await page.pdf({ format: 'A4' }), 'jingxiu-2019.thick.pdf');
  // Table 3 split by its writer into two tables, its header repeated: each sized to its own text.
  await page.setContent(seedHtml().replace('</head>', `<style>${REGULAR}</style></head>`));
  await page.evaluate(splitTable, { table: 1, head: 3, cut: 12 });
  packed(await page.pdf({ format: 'A4' }), 'jingxiu-2019.split.pdf');
  // Large print: every table breaks across pages, page numbers in the footer.
  await page.setContent(
    suqianHtml().replace('</head>', `<style>body{font-size:20px} td{padding:6px} ${REGULAR}</style></head>`),
  );
  packed(
    await page.pdf({
      format: 'A5',
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate:
        '<div style="font-size:9px;width:100%;text-align:center">- <span class="pageNumber"></span> -</div>',
      margin: { top: '40px', bottom: '60px', left: '30px', right: '30px' },
    }),
    'suqian-2024.pages.pdf',
  );
  await browser.close();
}

/**
 * The text of each page as a script or a page's 「复制全文」 button takes it (`innerText`): every
 * cell's paragraph between empty lines, the tabs between cells on lines of their own.
 */
async function innerTexts(): Promise<void> {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu'],
  });
  const page = await browser.newPage();
  for (const [name, html] of [
    ['jingxiu-2019', seedHtml()],
    ['suqian-2024', suqianHtml()],
  ] as const) {
    await page.setContent(html);
    writeFileSync(join(out, `${name}.innertext.txt`), await page.evaluate(() => document.body.innerText));
  }
  // Empty cells each way a page has them: 一's total none, 二's a space, （一）'s a paragraph of a
  // space (all three at the row's end), and 1.属于国家秘密's 自然人 (the row's middle) none.
  await page.setContent(suqianHtml());
  // A script of text: tsx names a function made here, and the page has no helper for that.
  await page.evaluate(`{
    const row = (label) => [...document.querySelectorAll('tr')].find((tr) => tr.textContent.includes(label)).cells;
    const last = (label) => row(label)[row(label).length - 1];
    last('一、本年新收').innerHTML = '';
    last('二、上年结转').innerHTML = '&nbsp;';
    last('（一）予以公开').innerHTML = '<p>&nbsp;</p>';
    row('1.属于国家秘密')[row('1.属于国家秘密').length - 7].innerHTML = '';
  }`);
  writeFileSync(
    join(out, 'suqian-2024.blanks.innertext.txt'),
    await page.evaluate(() => document.body.innerText),
  );
  await browser.close();
}

/** A page saved by Chromium as one file (「网页，单个文件」, .mhtml): the page quoted-printable, in a MIME message. */
async function webArchive(): Promise<void> {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu'],
  });
  const page = await browser.newPage();
  await page.setContent(suqianHtml());
  const cdp = await page.context().newCDPSession(page);
  const { data } = (await cdp.send('Page.captureSnapshot', { format: 'mhtml' })) as { data: string };
  writeFileSync(join(out, 'suqian-2024.mhtml'), data);
  await browser.close();
}

function damaged(): void {
  const writerPdf = join(out, 'jingxiu-2019.writer.pdf');
  writeFileSync(join(out, 'scanned.pdf'), scanned(writerPdf));
  execFileSync('qpdf', [
    '--encrypt',
    'user-password',
    'owner-password',
    '256',
    '--',
    writerPdf,
    join(out, 'encrypted.pdf'),
  ]);
  const docx = readFileSync(join(out, 'jingxiu-2019.docx'));
  writeFileSync(join(out, 'truncated.docx'), docx.subarray(0, Math.floor(docx.length * 0.6)));
  copyFileSync(soffice(join(out, 'jingxiu-2019.docx'), 'doc', 'MS Word 97'), join(out, 'jingxiu-2019.doc'));
}

/** A PDF's text as Firefox copies it from its viewer (pdf.js): the pieces in the file's order. */
async function browserCopy(pdf: string): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(readFileSync(pdf)), verbosity: 0 }).promise;
  let text = '';
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    for (const item of content.items) if ('str' in item) text += item.str + (item.hasEOL ? '\n' : '');
    text += '\n';
  }
  await doc.destroy();
  return text;
}

/**
 * Text copied from each PDF, as a clerk's copy gives it: with its layout kept (`pdftotext
 * -layout`, like copying from many PDF viewers), in reading order (`pdftotext`), and as a
 * browser's viewer copies it (pdf.js).
 */
async function copies(): Promise<void> {
  for (const name of [
    'jingxiu-2019.writer',
    'jingxiu-2019.chromium',
    'suqian-2024.writer',
    'suqian-2024.pages',
  ]) {
    const pdf = join(out, `${name}.pdf`);
    execFileSync('pdftotext', ['-layout', pdf, join(out, `${name}.layout.txt`)]);
    execFileSync('pdftotext', [pdf, join(out, `${name}.reading.txt`)]);
    writeFileSync(join(out, `${name}.browser.txt`), await browserCopy(pdf));
  }
}

const steps = process.argv.slice(2);
const step = (name: string) => !steps.length || steps.includes(name);
try {
  if (step('word')) {
    wordFiles('jingxiu-2019', seedHtml());
    wordFiles('suqian-2024', suqianHtml());
  }
  if (step('merges')) wordFiles('merged-other-way', mergedOtherWayHtml());
  if (step('calc')) {
    for (const name of ['jingxiu-2019', 'suqian-2024']) calcWorkbook(name);
    calcWorkbook('suqian-2024.tables', suqianTablesHtml());
  }
  if (step('chromium')) await chromiumPdfs();
  if (step('innertext')) await innerTexts();
  if (step('mhtml')) await webArchive();
  if (step('damaged')) damaged();
  if (step('copies')) await copies();
  if (step('cmap')) writeFileSync(join(out, 'jingxiu-2019.unigb.pdf'), predefinedCMapPdf());
} finally {
  rmSync(work, { recursive: true, force: true });
}

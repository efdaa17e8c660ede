// 年报校验网页版 as a clerk on Office 2016 uses it: the one HTML file opened from disk in Chromium,
// real .xlsx files (ours, saved again by LibreOffice, SUM totals, tables on three sheets, two years),
// a PDF and a Word file; no request leaves the page. Screenshots go to test-output/browser/web/.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addTemplateSheet } from '../../../src/cli/xlsx-write.js';
import { readReportFile } from '../../../src/readers/files.js';
import { MARK_FILL } from '../../../src/host/marks.js';
import { toAddress } from '../../../src/report/address.js';
import { templateGrid, templateLayout } from '../../../src/report/template.js';
import type { Edition, RawValue, TableId } from '../../../src/report/types.js';
import { pdfDrawing, pdfType3 } from '../../../bench/pdf-files.js';
import { fixturePath, jingxiu, reportHtml, suqian, type Values } from '../../helpers.js';
import { pageAsWorkbook, saveWithLibreOffice, soffice } from '../libreoffice.js';
import { BUILDS } from '../builds.js';
import { hasChromium, launch } from './chromium.js';

const root = new URL('../../../', import.meta.url).pathname;
const shots = `${root}test-output/browser/web/`;
const dir = mkdtempSync(join(tmpdir(), 'nianbao-web-'));
const layout = templateLayout('2019');
const at = (key: string, l = layout) => toAddress(l.cells.find((c) => c.key === key)!.pos);

/** The body of the 2019 example (保定市竞秀区), filled in as its clerk would. */
const JINGXIU = '保定市竞秀区人民政府';

/**
 * A workbook written with ExcelJS: each sheet our template, or a grid of plain values. A 2019
 * template is 竞秀区's, its 机关名称 filled in, unless `agency` says otherwise.
 */
async function workbook(
  name: string,
  sheets: {
    name: string;
    edition?: Edition;
    values?: Values;
    year?: number;
    agency?: string;
    grid?: RawValue[][];
  }[],
  formulas: Record<string, { formula: string; result: number }> = {},
): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    if (s.grid) {
      const ws = wb.addWorksheet(s.name);
      s.grid.forEach((row, r) => row.forEach((v, c) => v !== '' && (ws.getCell(r + 1, c + 1).value = v)));
      continue;
    }
    const agency = s.agency ?? (s.edition === '2019' ? JINGXIU : undefined);
    const ws = addTemplateSheet(wb, s.name, templateLayout(s.edition!), {
      values: s.values!,
      year: s.year!,
      ...(agency ? { agency } : {}),
    });
    for (const [address, f] of Object.entries(formulas)) ws.getCell(address).value = f;
  }
  const path = join(dir, name);
  await wb.xlsx.writeFile(path);
  return path;
}

/** One table of the template on a sheet of its own, under its part title. */
function tableGrid(table: TableId, values: Values, year?: number): RawValue[][] {
  const grid = templateGrid(layout, { values, ...(year ? { year, agency: JINGXIU } : {}) });
  const area = layout.tableAreas.find((a) => a.table === table)!.area;
  return [...grid.slice(0, 2), [], ...grid.slice(area.top - 1, area.bottom + 1)];
}

describe.runIf(hasChromium || process.env.CI)('年报校验网页版 in Chromium, from disk', () => {
  let browser: Browser;
  let page: Page;
  const requests: string[] = [];
  let pageUrl: string;
  let step = 0;
  const shot = (name: string) =>
    page.screenshot({ path: `${shots}${String(++step).padStart(2, '0')}-${name}.png` });
  const status = () => page.getByRole('status').textContent();
  /** Opens a file; the first PDF waits for its worker to load pdf.js. */
  const open = async (path: string) => {
    await page.getByLabel('选择年报文件').setInputFiles(path);
    await expect
      .poll(() => page.getByText(path.split('/').pop()!, { exact: true }).count(), {
        timeout: path.endsWith('.pdf') ? 20_000 : 1_000,
      })
      .toBe(1);
  };
  const cell = (address: string) => page.locator(`td[data-address="${address}"]`);

  beforeAll(async () => {
    rmSync(shots, { recursive: true, force: true });
    mkdirSync(shots, { recursive: true });
    const html = join(dir, '年报校验.html');
    copyFileSync(join(BUILDS.web, '年报校验.html'), html);
    pageUrl = `file://${html}`;
    browser = await launch();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.on('request', (r) => requests.push(r.url()));
    // What the page has read out: Fluent's announcer speaks through ariaNotify where there is one.
    await page.addInitScript(() => {
      const said: string[] = [];
      Object.assign(window, { said });
      Object.assign(document, { ariaNotify: (text: string) => said.push(text) });
    });
    await page.goto(pageUrl);
    await page.getByRole('button', { name: '打开文件…' }).waitFor();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('is one file whose own script is under 300 KB gzipped; pdf.js is in it once, as its PDF worker’s inert text', () => {
    const html = readFileSync(join(BUILDS.web, '年报校验.html'), 'utf8');
    const main = html.slice(html.lastIndexOf('<script>') + 8, html.lastIndexOf('</script>'));
    expect(gzipSync(main).length).toBeLessThan(300 * 1024);
    expect(html).toMatch(/<script type="text\/x-nianbao-chunk">/);
    const scripts = [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    const withPdfJs = scripts.filter(([, , code]) => code!.includes('PDFDocumentProxy'));
    expect(withPdfJs.map(([, attributes]) => attributes)).toEqual([' type="text/x-nianbao-worker"']);
    expect(html).toContain("connect-src 'none'");
    expect(html).not.toMatch(/<script[^>]+src=/);
  });

  it('opens with a guide to drop or choose a report', async () => {
    await expect.poll(() => page.getByText('把年报文件拖到这里，或点「打开文件」').count()).toBe(1);
    // Nothing to check yet: 打开文件 is the one thing to do.
    expect(await page.getByRole('button', { name: '校验', exact: true }).isDisabled()).toBe(true);
    await shot('opened');
  });

  it('our template filled in, with a wrong total: marked on the sheet, listed, the click selects the cell', async () => {
    const path = await workbook('竞秀区2019.xlsx', [
      {
        name: '2019年度年报',
        edition: '2019',
        values: { ...jingxiu().values, 't3.r3_7.natural': 4 },
        year: 2019,
      },
    ]);
    await open(path);
    await expect.poll(status).toBe('3 个错误（1 处要改）');
    expect(await page.getByRole('button', { name: '校验', exact: true }).isDisabled()).toBe(false);
    await expect.poll(() => cell(at('t3.r3_7.natural')).getAttribute('data-fill')).toBe(MARK_FILL.culprit);
    // Read-only: no 改为, no template, no 清除标记 in the file.
    expect(await page.getByRole('button', { name: /改为/ }).count()).toBe(0);
    expect(await page.getByRole('button', { name: '插入模板' }).count()).toBe(0);
    await page.getByRole('button', { name: new RegExp(`定位到单元格 ${at('t3.r3_7.natural')}`) }).click();
    await expect
      .poll(() => page.locator('td.selected').getAttribute('data-address'))
      .toBe(at('t3.r3_7.natural'));
    await shot('template-checked');
  });

  it('重新校验 without a kept file (as in Firefox) asks for it again, and checks the saved fix', async () => {
    // Firefox has no file handles: the page asks for the file again.
    await page.evaluate(() => delete (window as { showOpenFilePicker?: unknown }).showOpenFilePicker);
    const fixed = await workbook('竞秀区2019.xlsx', [
      { name: '2019年度年报', edition: '2019', values: jingxiu().values, year: 2019 },
    ]);
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: '重新校验' }).click();
    // Until the file is chosen again, the list is said to be of the file as it was.
    await expect.poll(() => page.getByText('列表可能与现在的内容不符').count()).toBe(1);
    await (await chooser).setFiles(fixed);
    await expect.poll(status).toBe('全部通过');
    await expect.poll(() => cell(at('t3.r3_7.natural')).getAttribute('data-fill')).toBe('none');
  });

  it.runIf(soffice || process.env.CI)(
    'the same workbook saved again by LibreOffice reads the same',
    async () => {
      expect(soffice, 'LibreOffice is not installed').toBeDefined();
      const ours = await workbook('lo-in.xlsx', [
        {
          name: '2019年度年报',
          edition: '2019',
          values: { ...jingxiu().values, 't3.r3_7.natural': 4 },
          year: 2019,
        },
      ]);
      await open(saveWithLibreOffice(ours));
      await expect.poll(status).toBe('3 个错误（1 处要改）');
      await shot('libreoffice-saved');
    },
  );

  it('SUM totals, 0 among them, are read as the numbers Excel shows', async () => {
    const v = jingxiu().values;
    const l = templateLayout('2019');
    const row = (r: string) =>
      ['natural', 'business', 'research', 'nonprofit', 'legal', 'other'].map((c) => at(`t3.${r}.${c}`, l));
    const sum = (r: string) => ({
      formula: `SUM(${row(r)[0]}:${row(r)[5]})`,
      result: row(r).reduce(
        (s, _a, i) =>
          s +
          Number(v[`t3.${r}.${['natural', 'business', 'research', 'nonprofit', 'legal', 'other'][i]}`] ?? 0),
        0,
      ),
    });
    const formulas = Object.fromEntries(
      ['r1', 'r2', 'r3_1', 'r3_2', 'r4'].map((r) => [at(`t3.${r}.total`, l), sum(r)]),
    );
    expect(Object.values(formulas).some((f) => f.result === 0)).toBe(true);
    const path = await workbook(
      '合计用公式.xlsx',
      [{ name: '2019年度年报', edition: '2019', values: v, year: 2019 }],
      formulas,
    );
    await open(path);
    await expect.poll(status).toBe('全部通过');
    await shot('sum-totals');
  });

  it('表二, 表三 and 表四 on three sheets are one report; a finding on 表四 switches to its sheet', async () => {
    const v = { ...jingxiu().values, 't4.review.total': 99 };
    const path = await workbook('分表.xlsx', [
      { name: '表二', grid: tableGrid('t2', v, 2019) },
      { name: '表三', grid: tableGrid('t3', v) },
      { name: '表四', grid: tableGrid('t4', v) },
    ]);
    await open(path);
    await expect.poll(status).toBe('1 个错误');
    await expect.poll(() => page.getByText(/工作表「表二」、「表三」、「表四」/).count()).toBe(1);
    await page
      .getByRole('button', { name: /定位到单元格/ })
      .first()
      .click();
    await expect.poll(() => page.getByRole('tab', { selected: true }).textContent()).toBe('表四');
    await shot('three-sheets');
  });

  it('a cover sheet first: the report sheet is shown and checked, merged as in Excel; a long 明细 sheet is cut short, not frozen', async () => {
    const detail = Array.from({ length: 5000 }, (_, r) => [`第${r + 1}项`, r, r * 2]);
    const path = await workbook('封面在前.xlsx', [
      { name: '封面', grid: [['政府信息公开工作年度报告（封面）']] },
      { name: '2019年度年报', edition: '2019', values: jingxiu().values, year: 2019 },
      { name: '明细', grid: detail },
    ]);
    await open(path);
    await expect.poll(status).toBe('全部通过');
    expect(await page.getByRole('tab', { selected: true }).textContent()).toBe('2019年度年报');
    // The title spans the table's columns, as the template merges it.
    expect(await page.locator('td[data-address="A1"]').getAttribute('colspan')).toBe(
      String(layout.merges.find((m) => m.top === 0 && m.left === 0)!.right + 1),
    );
    await shot('cover-first');
    await page.getByRole('tab', { name: '明细' }).click();
    await expect.poll(() => page.getByText(/这里只显示前 1000 行/).count()).toBe(1);
    expect(await page.locator('.sheet tbody tr').count()).toBe(1000);
  });

  it.runIf(soffice || process.env.CI)(
    'a page saved as a workbook by LibreOffice (tables on one grid of merged columns): the wrong total marked where it is',
    async () => {
      expect(soffice, 'LibreOffice is not installed').toBeDefined();
      const html = join(dir, '竞秀区2019网页.html');
      const values = { ...jingxiu().values, 't3.r3_7.natural': 4 };
      writeFileSync(
        html,
        reportHtml('2019', values, {
          title: '保定市竞秀区2019年政府信息公开工作年度报告',
          parts: ['2019年，我区认真贯彻落实条例。', '无。', '无其他需要报告的事项。'],
          signature: '保定市竞秀区人民政府',
          date: '2020年2月15日',
        }),
      );
      const path = pageAsWorkbook(html);
      const read = await readReportFile('page.xlsx', new Uint8Array(readFileSync(path)));
      const address = read.reports[0]!.cells.get('t3.r3_7.natural')!.address!;
      await open(path);
      await expect.poll(status).toBe('3 个错误（1 处要改）');
      await expect.poll(() => cell(address).getAttribute('data-fill')).toBe(MARK_FILL.culprit);
      expect(await cell(address).textContent()).toBe('4');
      await page.getByRole('button', { name: new RegExp(`定位到单元格 ${address}`) }).click();
      await expect.poll(() => page.locator('td.selected').getAttribute('data-address')).toBe(address);
      await shot('page-as-workbook');
    },
  );

  it('two years in one workbook: last year is found by itself and a carry-over mismatch said', async () => {
    const [y2023, y2024] = suqian();
    const path = await workbook('宿迁两年.xlsx', [
      { name: '2023', edition: '2021', values: y2023.values, year: 2023 },
      { name: '2024', edition: '2021', values: { ...y2024.values, 't3.r2.natural': 1 }, year: 2024 },
    ]);
    await open(path);
    // The file opens on its latest report, compared with last year's, and says the other is there.
    expect(await page.getByRole('tab', { selected: true }).textContent()).toBe('2024');
    await expect
      .poll(() => page.getByText(/上年报告：2023 年度 · 工作表「2023」（自动找到）/).count())
      .toBe(1);
    await expect.poll(() => page.getByText('T3-05').count()).toBeGreaterThan(0);
    await expect
      .poll(() => page.getByText(/本文件中另有 1 份年报（2023 年度 · 工作表「2023」）/).count())
      .toBe(1);
    await shot('two-years');
  });

  it('last year’s report in a file of its own: chosen in 上年报告, or dropped on its panel; the carry-over mismatch said', async () => {
    const [y2023, y2024] = suqian();
    const now = await workbook('宿迁2024.xlsx', [
      { name: '2024年度年报', edition: '2021', values: { ...y2024.values, 't3.r2.natural': 1 }, year: 2024 },
    ]);
    const last = await workbook('宿迁2023.xlsx', [
      { name: '2023年度年报', edition: '2021', values: y2023.values, year: 2023 },
    ]);
    await open(now);
    await expect.poll(() => page.getByText(/本文件中没有上一年度的报告/).count()).toBe(1);
    await page.getByRole('button', { name: '选择上年报告' }).click();
    await page.getByRole('menuitem', { name: '上年报告的文件或文字…' }).click();
    await page.getByLabel('选择上年报告的文件').setInputFiles(last);
    await expect.poll(() => page.getByText('上年报告：宿迁2023.xlsx（2023 年度）').count()).toBe(1);
    await expect
      .poll(() => page.getByText(/（宿迁2023.xlsx 工作表「2023年度年报」D\d+）为/).count())
      .toBeGreaterThan(0);
    // The file that is open stays the one shown.
    expect(await page.getByRole('tab', { selected: true }).textContent()).toBe('2024年度年报');
    await shot('previous-from-file');
    // Dropped on the panel, a file is last year's; it does not replace the file open.
    await page.getByRole('button', { name: '选择上年报告' }).click();
    await page.getByRole('menuitem', { name: '上年报告的文件或文字…' }).click();
    const dropped = await page.evaluateHandle(
      (bytes) => {
        const data = new DataTransfer();
        data.items.add(new File([new Uint8Array(bytes)], '去年.xlsx'));
        return data;
      },
      [...readFileSync(last)],
    );
    await page.dispatchEvent('textarea', 'drop', { dataTransfer: dropped });
    await expect.poll(() => page.getByText('上年报告：去年.xlsx（2023 年度）').count()).toBe(1);
    expect(await page.getByRole('tab', { selected: true }).textContent()).toBe('2024年度年报');
  });

  it('another file opens on its own latest report at its top left; two files dropped at once: the one not checked is said', async () => {
    const [y2023, y2024] = suqian();
    const years = (name: string, wrong: number) =>
      workbook(name, [
        { name: '2023', edition: '2021', values: y2023.values, year: 2023 },
        { name: '2024', edition: '2021', values: { ...y2024.values, 't3.r1.natural': wrong }, year: 2024 },
      ]);
    const first = await years('甲.xlsx', y2024.values['t3.r1.natural'] as number);
    const second = await years('乙.xlsx', 1);
    await open(first);
    await page.getByRole('tab', { name: '2023' }).click();
    await page.setViewportSize({ width: 360, height: 700 });
    await open(second);
    expect(await page.getByRole('tab', { selected: true }).textContent()).toBe('2024');
    await expect.poll(status).toMatch(/个错误/);
    // Column letters and row numbers stay in view when a finding scrolls the sheet.
    await page
      .getByRole('button', { name: /定位到单元格/ })
      .first()
      .click();
    const grid = (await page.locator('.sheet .grid').boundingBox())!;
    const letters = (await page.locator('.sheet thead th').nth(1).boundingBox())!;
    const row = page.locator('td.selected').locator('xpath=..').locator('th');
    expect(letters.y).toBeGreaterThanOrEqual(grid.y - 1);
    expect((await row.boundingBox())!.x).toBeGreaterThanOrEqual(grid.x - 1);
    await shot('narrow-headers-in-view');
    await page.setViewportSize({ width: 1400, height: 900 });

    const files = [first, second].map((path) => ({
      name: path.split('/').pop()!,
      bytes: [...readFileSync(path)],
    }));
    const dropped = await page.evaluateHandle((given) => {
      const data = new DataTransfer();
      for (const f of given) data.items.add(new File([new Uint8Array(f.bytes)], f.name));
      return data;
    }, files);
    await page.dispatchEvent('section[aria-label="文件内容"]', 'drop', { dataTransfer: dropped });
    await expect
      .poll(() =>
        page
          .getByText(
            /一次校验一个文件：已打开「甲.xlsx」，另外 1 个文件（「乙.xlsx」）未校验，请逐个打开；其中的上年报告/,
          )
          .count(),
      )
      .toBe(1);
    await shot('two-dropped');
  });

  it('a PDF, a web archive and a Word file of a published report read and check clean; 审核报告 prints on A4', async () => {
    await open(fixturePath('jingxiu-2019.writer.pdf'));
    await expect.poll(status, { timeout: 20_000 }).toBe('全部通过');
    await shot('pdf');
    await open(fixturePath('suqian-2024.mhtml'));
    await expect.poll(status).toMatch(/^2 个警告，表二尚未填写$/);
    await shot('mhtml');
    await open(fixturePath('suqian-2024.docx'));
    await expect.poll(status).toMatch(/警告/);
    await page.getByRole('button', { name: '生成审核报告' }).click();
    const frame = page.frameLocator('#audit-frame');
    await expect
      .poll(() => frame.getByRole('heading').textContent())
      .toBe('政府信息公开工作年度报告审核报告');
    const html = await page.locator('#audit-frame').getAttribute('srcdoc');
    const print = await browser.newPage();
    await print.setContent(html!);
    await print.pdf({ path: `${shots}audit.pdf`, format: 'A4' });
    await print.screenshot({ path: `${shots}audit.png`, fullPage: true });
    await print.close();
  });

  it('a sheet’s name that holds a right-to-left override is shown without it: the rest of the line reads as written', async () => {
    const path = await workbook('反向.xlsx', [
      { name: '竞秀\u202e2019', edition: '2019', values: jingxiu().values, year: 2019 },
    ]);
    await open(path);
    await expect.poll(status).toBe('全部通过');
    const meta = await page.getByText(/^工作表.*次校验$/).textContent();
    expect(meta).toMatch(/^工作表「竞秀2019」 · 2019 版 · 2019 年度 · 保定市竞秀区人民政府 · 第 \d+ 次校验$/);
    expect(await page.getByRole('tab', { selected: true }).textContent()).toBe('竞秀2019');
    await shot('override-in-name');
  });

  it('a file that cannot be read leaves the one shown before, and its list, said to be that one’s', async () => {
    await open(fixturePath('jingxiu-2019.writer.pdf'));
    await expect.poll(status, { timeout: 20_000 }).toBe('全部通过');
    const path = join(dir, '旧格式.doc');
    writeFileSync(
      path,
      Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]),
    );
    await page.getByLabel('选择年报文件').setInputFiles(path);
    await expect
      .poll(() =>
        page
          .getByText(/^旧格式\.doc：.*下面仍是此前打开的「jingxiu-2019\.writer\.pdf」的内容和校验结果。$/)
          .count(),
      )
      .toBe(1);
    // The list is the file's still shown, and not said to be out of date.
    expect(await page.getByText(/^这是上一次校验的结果/).count()).toBe(0);
    expect(await status()).toBe('全部通过');
    await shot('unreadable-after-another');
  });

  it('a PDF too busy or too slow is refused in seconds by its worker; the page stays usable and reads the next PDF', async () => {
    // Three million strokes: the worker itself stops at a page's hundred thousand.
    const strokes = join(dir, '笔画.pdf');
    writeFileSync(strokes, pdfDrawing('0 0 m 1 1 l S\n'.repeat(3_000_000)));
    let started = Date.now();
    await page.getByLabel('选择年报文件').setInputFiles(strokes);
    await expect
      .poll(() => page.getByText(/PDF 第 1 页的内容过于繁复（超过 10 万笔绘制）/).count(), {
        timeout: 30_000,
      })
      .toBe(1);
    expect(Date.now() - started).toBeLessThan(20_000);
    await shot('pdf-bomb-refused');
    // A glyph of two million strokes, which pdf.js reads whole before the page's caps see any.
    const glyph = join(dir, '字形.pdf');
    writeFileSync(glyph, pdfType3('0 0 m 1 1 l S\n'.repeat(2_000_000)));
    started = Date.now();
    await page.getByLabel('选择年报文件').setInputFiles(glyph);
    await expect
      .poll(() => page.getByText(/字形\.pdf：PDF 第 1 页的内容过于繁复（超过 10 万笔绘制）/).count(), {
        timeout: 30_000,
      })
      .toBe(1);
    expect(Date.now() - started).toBeLessThan(20_000);
    // A hundred million words pdf.js does not know: only time, and the worker is ended at its time.
    // Thirty million took Chromium 4.9 s here, and were read before the five seconds ran out.
    const words = join(dir, '无效.pdf');
    writeFileSync(words, pdfDrawing('xx\n'.repeat(100_000_000)));
    started = Date.now();
    await page.getByLabel('选择年报文件').setInputFiles(words);
    await expect
      .poll(() => page.getByText(/PDF 的内容过于繁复，\d+(\.\d)? 秒内没有读完/).count(), { timeout: 30_000 })
      .toBe(1);
    // Five seconds and its pages' time, after pdf.js has loaded in the worker.
    expect(Date.now() - started).toBeLessThan(20_000);
    // Read out too: a clerk who cannot see the page hears why the file was not read.
    const said = await page.evaluate(() => (window as unknown as { said: string[] }).said);
    expect(said.some((t) => /PDF 的内容过于繁复，\d+(\.\d)? 秒内没有读完/.test(t))).toBe(true);
    await open(fixturePath('jingxiu-2019.writer.pdf'));
    await expect.poll(status, { timeout: 20_000 }).toBe('全部通过');
  });

  it('in a narrow window (400 px) the sheet and the sidebar stand one above the other, each full width', async () => {
    await page.setViewportSize({ width: 400, height: 800 });
    try {
      const sheet = (await page.getByRole('region', { name: '文件内容' }).boundingBox())!;
      const pane = (await page.getByRole('complementary', { name: '年报校验侧边栏' }).boundingBox())!;
      expect(sheet.width).toBeGreaterThan(380);
      expect(pane.width).toBeGreaterThan(380);
      expect(pane.y).toBeGreaterThanOrEqual(sheet.y + sheet.height - 1);
      await shot('narrow');
    } finally {
      await page.setViewportSize({ width: 1400, height: 900 });
    }
  });

  it('with the system set to dark, the sidebar is dark and the sheet stays white with black text', async () => {
    const path = await workbook('深色.xlsx', [
      {
        name: '2019年度年报',
        edition: '2019',
        values: { ...jingxiu().values, 't3.r3_7.natural': 4 },
        year: 2019,
      },
    ]);
    const dark = await browser.newPage({ viewport: { width: 1400, height: 900 }, colorScheme: 'dark' });
    try {
      await dark.goto(pageUrl);
      await dark.getByLabel('选择年报文件').setInputFiles(path);
      await expect.poll(() => dark.getByRole('status').textContent()).toBe('3 个错误（1 处要改）');
      const look = (e: Element) => {
        const style = getComputedStyle(e);
        return { color: style.color, background: style.backgroundColor };
      };
      expect((await dark.locator('body').evaluate(look)).background).toBe('rgb(41, 41, 41)');
      const sheet = dark.getByRole('region', { name: '文件内容' });
      expect(await sheet.locator('.sheet').first().evaluate(look)).toEqual({
        color: 'rgb(32, 31, 30)',
        background: 'rgb(255, 255, 255)',
      });
      // A cell's text is the sheet's, not the page's light text on white.
      const title = dark.locator('td[data-address="A1"]');
      expect(await title.textContent()).toBe('政府信息公开工作年度报告');
      expect((await title.evaluate(look)).color).toBe('rgb(32, 31, 30)');
      await dark.screenshot({ path: `${shots}dark.png` });
    } finally {
      await dark.close();
    }
  });

  it('the browser’s own 打印 (Ctrl+P) says where the 审核报告 is, not the screen cut off', async () => {
    await page.emulateMedia({ media: 'print' });
    try {
      const after = await page.evaluate(() => getComputedStyle(document.body, '::after').content);
      expect(after).toContain('生成审核报告');
      expect(await page.locator('#root').isVisible()).toBe(false);
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
  });

  it('a browser engine too old for it (before Chromium 98) is told so in Chinese, not left blank', async () => {
    const old = await browser.newPage({ viewport: { width: 1000, height: 600 } });
    // What such an engine lacks, taken away before the page's scripts run.
    await old.addInitScript(() => {
      Reflect.deleteProperty(Array.prototype, 'findLast');
      Reflect.deleteProperty(window, 'structuredClone');
    });
    const errors: string[] = [];
    old.on('pageerror', (e) => errors.push(e.message));
    await old.goto(pageUrl);
    await expect.poll(() => old.getByText(/内核版本过旧/).count()).toBe(1);
    expect(await old.getByText(/Chromium 98/).count()).toBe(1);
    expect(await old.getByRole('button', { name: '打开文件…' }).count()).toBe(0);
    expect(errors).toEqual([]);
    await old.screenshot({ path: `${shots}old-engine.png` });
    await old.close();
  });

  it('nothing was requested but the page itself, and its PDF worker made from its own text (blob:)', () => {
    const others = requests.filter((r) => r !== encodeURI(pageUrl));
    expect(requests).toContain(encodeURI(pageUrl));
    expect(others.length).toBeGreaterThan(0);
    for (const r of others) expect(r).toMatch(/^blob:null\/[0-9a-f-]{36}$/);
  });
});

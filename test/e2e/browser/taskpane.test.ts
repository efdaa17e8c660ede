// The built task pane in Debian's Chromium, against the preview's in-memory Excel: a clerk's session
// from 插入模板 to a clean sheet, and everything a clerk may do to the sheet meanwhile. Screenshots of
// each step go to test-output/browser/excel/.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SheetSnapshot } from '../../../src/web/workbook-model.js';
import { MARK_FILL } from '../../../src/host/marks.js';
import { toAddress } from '../../../src/report/address.js';
import { templateLayout } from '../../../src/report/template.js';
import { pdfDrawing } from '../../../bench/pdf-files.js';
import { BUILDS } from '../builds.js';
import { hasChromium, launch, offline } from './chromium.js';
import { serve } from './static-server.js';

const root = new URL('../../../', import.meta.url).pathname;
const shots = `${root}test-output/browser/excel/`;
const WRONG = 't3.r3_7.natural';

describe.runIf(hasChromium || process.env.CI)('the task pane in Chromium', () => {
  let server: Awaited<ReturnType<typeof serve>>;
  let browser: Browser;
  let page: Page;
  let pane: FrameLocator;
  let refused: string[];
  const workerScripts: string[] = [];
  let step = 0;
  const shot = (name: string) =>
    page.screenshot({ path: `${shots}${String(++step).padStart(2, '0')}-${name}.png` });
  /** The active sheet as the clerk made it: everything but our marks. */
  const clerks = () =>
    page.evaluate(() => {
      const book = window.nianbaoPreview!.excel.book;
      const snap = book.sheet(book.active)!.snapshot();
      const own = snap.conditionalFormats.filter((cf) => !cf.formula?.includes('年报校验'));
      return { ...snap, conditionalFormats: own.map((cf, i) => ({ ...cf, priority: i })) };
    });
  const snapshot = () =>
    page.evaluate(() => {
      const book = window.nianbaoPreview!.excel.book;
      return book.sheet(book.active)!.snapshot();
    });
  const book = <T>(fn: string) =>
    page.evaluate(`(() => { const book = window.nianbaoPreview.excel.book; ${fn} })()`) as Promise<T>;

  beforeAll(async () => {
    rmSync(shots, { recursive: true, force: true });
    mkdirSync(shots, { recursive: true });
    server = await serve(BUILDS.preview);
    browser = await launch();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    refused = await offline(page);
    // What the sidebar has read out: Fluent's announcer speaks through ariaNotify where there is one.
    await page.addInitScript(() => {
      const said: string[] = [];
      Object.assign(window, { said });
      Object.assign(document, { ariaNotify: (text: string) => said.push(text) });
    });
    page.on('worker', (w) => workerScripts.push(w.url()));
    await page.goto(`${server.url}preview.html`);
    pane = page.frameLocator('iframe.pane');
    await pane.getByRole('button', { name: '校验', exact: true }).waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const layout = templateLayout('2019');
  const addressOf = (key: string) => toAddress(layout.cells.find((c) => c.key === key)!.pos);
  const cell = (address: string) => page.locator(`td[data-address="${address}"]`);
  const input = (address: string) => page.getByRole('textbox', { name: `单元格 ${address}`, exact: true });
  const type = async (address: string, value: string) => {
    await input(address).fill(value);
    await input(address).press('Enter');
  };
  const status = () => pane.getByRole('status').textContent();
  const check = () => pane.getByRole('button', { name: '校验', exact: true }).click();

  it('the sidebar opens with a short guide', async () => {
    await expect.poll(() => pane.getByText('还没有表格？').count()).toBe(1);
    await shot('opened');
  });

  it('插入模板 from the sidebar by keyboard: Escape closes the dialog, and the keyboard is back on 插入模板', async () => {
    await pane.getByRole('button', { name: '插入模板' }).focus();
    await pane.locator(':focus').press('Enter');
    await pane.getByRole('menuitem', { name: /2021 版/ }).press('Enter');
    await expect.poll(() => pane.getByRole('spinbutton', { name: '报告年度' }).count()).toBe(1);
    await pane.locator(':focus').press('Escape');
    await expect.poll(() => pane.getByRole('spinbutton', { name: '报告年度' }).count()).toBe(0);
    // The menu item that opened it is gone: the keyboard goes back to the button that opened the menu.
    await expect.poll(() => pane.locator(':focus').getAttribute('data-focus')).toBe('insert');
  });

  let beforeCheck: SheetSnapshot;

  it('插入模板 on the ribbon asks for the year, names the sheet after it; the clerk fills in the numbers', async () => {
    await page.getByRole('button', { name: '插入模板（2019 版）' }).click();
    const year = pane.getByRole('spinbutton', { name: '报告年度' });
    await expect.poll(() => year.inputValue()).toBe('2020');
    await shot('insert-asks-year');
    const insert = pane.getByRole('button', { name: '插入', exact: true });
    // A year the edition does not serve, or no year at all, inserts nothing.
    await year.fill('2022');
    await expect.poll(() => pane.getByText(/2022 年度应使用 2021 版模板/).count()).toBe(1);
    expect(await insert.isDisabled()).toBe(true);
    await shot('insert-wrong-edition');
    await year.fill('');
    await expect.poll(() => pane.getByText('请填 2019 年以后的年份。').count()).toBe(1);
    expect(await insert.isDisabled()).toBe(true);
    await year.fill('2019');
    // 机关名称 may be given with the year (or left for the sheet).
    await pane.getByRole('textbox', { name: '机关名称' }).fill('保定市竞秀区人民政府');
    await shot('insert-asks-year-and-body');
    await insert.click();
    await expect
      .poll(() => pane.getByText('已插入 2019 版模板「2019年度年报」。填好数字后点「校验」。').count())
      .toBe(1);
    expect(await book<number>(`return book.activeSheet().at('${toAddress(layout.year)}').value;`)).toBe(2019);
    expect(await book<string>(`return book.activeSheet().at('${toAddress(layout.agency)}').value;`)).toBe(
      '保定市竞秀区人民政府',
    );
    await page.getByRole('button', { name: '填入示例年报' }).click();
    // The numbers appear with a re-render: typing before it lands would put 4 after their 5 (「54」).
    await expect.poll(() => input(addressOf(WRONG)).inputValue()).toBe('5');
    await type(addressOf(WRONG), '4');
    await expect.poll(async () => (await snapshot()).cells[addressOf(WRONG)]?.value).toBe(4);
    beforeCheck = await snapshot();
    await shot('typed');
  });

  it('校验 marks the culprit cell and lists the finding with the value that fixes it, and a legend', async () => {
    await check();
    await expect.poll(status).toBe('3 个错误（1 处要改）');
    await expect.poll(() => pane.getByRole('listitem').filter({ hasText: '最可能填错' }).count()).toBe(1);
    await expect.poll(() => cell(addressOf(WRONG)).getAttribute('data-fill')).toBe(MARK_FILL.culprit);
    await expect.poll(() => cell(addressOf(WRONG)).getAttribute('data-own-fill')).toBe('none');
    await expect
      .poll(() => pane.getByRole('button', { name: `把单元格 ${addressOf(WRONG)} 改为 5` }).count())
      .toBe(1);
    expect(await pane.getByRole('note', { name: '标记颜色的含义' }).textContent()).toContain(
      '最可能填错的格',
    );
    expect(await pane.getByText('第 1 次校验').count()).toBe(1);
    await shot('checked');
  });

  it('a rule id explains itself on hover', async () => {
    await pane.getByText('T3-01', { exact: true }).first().hover();
    await expect.poll(() => pane.getByRole('tooltip').textContent()).toContain('第一项加第二项之和');
    await shot('rule-tooltip');
    await page.mouse.move(0, 0);
  });

  it('a click on the finding selects its cell; so does Enter on it, and 下一个 (Alt+↓)', async () => {
    await book('book.select(book.active, "A1");');
    await pane.getByRole('button', { name: new RegExp(`定位到单元格 ${addressOf(WRONG)}`) }).click();
    await expect.poll(() => page.locator('td.selected').getAttribute('data-address')).toBe(addressOf(WRONG));
    await book('book.select(book.active, "A1");');
    await pane.getByRole('button', { name: new RegExp(`定位到单元格 ${addressOf(WRONG)}`) }).focus();
    await pane.locator(':focus').press('Enter');
    await expect.poll(() => page.locator('td.selected').getAttribute('data-address')).toBe(addressOf(WRONG));
    // Anywhere on the card goes there too: its header with the address, an equation under the title.
    const card = pane.locator('li[data-card]', {
      has: pane.getByRole('button', { name: new RegExp(`定位到单元格 ${addressOf(WRONG)}`) }),
    });
    for (const part of [
      card.getByText(new RegExp(`· ${addressOf(WRONG)}`)),
      card.locator('ul[aria-label="原因"] li').first(),
    ]) {
      await book('book.select(book.active, "A1");');
      await part.click();
      await expect
        .poll(() => page.locator('td.selected').getAttribute('data-address'))
        .toBe(addressOf(WRONG));
    }
    // Tab walks from finding to finding and its actions: the rule ids in between are no stops.
    await pane.locator(':focus').press('Shift+Tab');
    expect(await pane.locator(':focus').textContent()).not.toMatch(/^[A-Z]+\d*-\d+$/);
    await pane.getByRole('button', { name: new RegExp(`定位到单元格 ${addressOf(WRONG)}`) }).focus();
    await pane.locator(':focus').press('Alt+ArrowDown');
    await expect.poll(() => pane.getByText(/第 1 \/ 1 处/).count()).toBe(1);
    await shot('selected');
  });

  it('上一个/下一个 go through each cell a card lists (numbers typed as text), then on to the next card', async () => {
    const listed = ['t2.rules.made', 't2.rules.published', 't2.normative.made', 't2.normative.published'].map(
      addressOf,
    );
    const asText = (text: boolean) =>
      book(`const s = book.sheet(book.active);
        book.edit(s.name, ${JSON.stringify(listed)}.map((a) => [a, ${text} ? String(s.at(a).value) : Number(s.at(a).value)]));`);
    await asText(true);
    const card = pane.locator('li[data-card]', { hasText: `${listed[0]} 等 4 格` });
    await card.waitFor();
    await card.getByRole('button', { name: new RegExp(`定位到单元格 ${listed[0]}`) }).click();
    const selected = () => page.locator('td.selected').getAttribute('data-address');
    await expect.poll(selected).toBe(listed[0]);
    for (const address of listed.slice(1)) {
      await pane.getByRole('button', { name: '下一个' }).click();
      await expect.poll(selected).toBe(address);
    }
    await expect.poll(() => pane.getByText(new RegExp(`处（${listed[3]}）`)).count()).toBe(1);
    expect(await card.getAttribute('aria-current')).toBe('true');
    await shot('listed-cells');
    await pane.getByRole('button', { name: '下一个' }).click();
    await expect.poll(async () => listed.includes((await selected()) ?? '')).toBe(false);
    // Alt+↓ on 上年报告's 选择 opens its menu, and is no step besides.
    const here = await selected();
    await pane.getByRole('button', { name: '选择上年报告' }).focus();
    await pane.locator(':focus').press('Alt+ArrowDown');
    await expect.poll(() => pane.getByRole('menuitemradio').count()).toBeGreaterThan(0);
    expect(await selected()).toBe(here);
    await pane.locator(':focus').press('Escape');
    await asText(false);
    await expect.poll(() => pane.getByText(`${listed[0]} 等 4 格`).count()).toBe(0);
  });

  it('a re-check that Excel refuses keeps the list, said to be out of date', async () => {
    await page.evaluate(() => {
      window.nianbaoPreview!.excel.failNextSync = Object.assign(new Error('cell edit mode'), {
        code: 'InvalidOperationInCellEditMode',
      }) as never;
    });
    await type(addressOf(WRONG), '6');
    await expect.poll(() => pane.getByText('列表可能与现在的内容不符').count()).toBe(1);
    expect(await pane.getByText('单元格正在编辑中').count()).toBe(1);
    expect(await pane.getByRole('listitem').filter({ hasText: '最可能填错' }).count()).toBe(1);
    await shot('stale');
  });

  it('the clerk types the right total and the list clears by itself; automatic re-checks are not counted', async () => {
    await type(addressOf(WRONG), '5');
    await expect.poll(status).toBe('全部通过');
    await expect.poll(() => cell(addressOf(WRONG)).getAttribute('data-fill')).toBe('none');
    expect(await pane.getByText('第 1 次校验').count()).toBe(1);
    // Said apart, so the clerk sees the list followed the edit.
    expect(await pane.getByText(/第 1 次校验 · 已随修改自动更新 \d+ 次$/).count()).toBe(1);
    expect(await pane.getByText('列表可能与现在的内容不符').count()).toBe(0);
    expect(await pane.getByText('单元格正在编辑中').count()).toBe(0);
    await shot('fixed');
  });

  it('清除标记 leaves the sheet as it was before 校验, but for the number the clerk fixed', async () => {
    await type(addressOf(WRONG), '4');
    await expect.poll(() => cell(addressOf(WRONG)).getAttribute('data-fill')).toBe(MARK_FILL.culprit);
    await page.getByRole('button', { name: '清除标记' }).click();
    await expect.poll(() => pane.getByText('已清除 1 张工作表上的校验标记。').count()).toBe(1);
    expect(await snapshot()).toEqual(beforeCheck);
    await shot('cleared');
  });

  it('after 校验 the clerk fills a marked cell, deletes a row and renames the sheet: 清除标记 leaves exactly their work', async () => {
    await check();
    await expect.poll(status).toBe('3 个错误（1 处要改）');
    // A fill of the clerk's own, on a marked cell and beside it.
    await cell(addressOf(WRONG)).click();
    await page.getByLabel('填充颜色').fill('#9bc2e6');
    await page.getByRole('button', { name: '填充', exact: true }).click();
    // The empty row between the title and the heading goes.
    await cell('A3').click();
    await page.getByRole('button', { name: '删除行' }).click();
    page.once('dialog', (d) => void d.accept('竞秀区年报'));
    await page.getByRole('button', { name: '重命名工作表' }).click();
    await expect.poll(() => page.getByRole('tab', { selected: true }).textContent()).toBe('竞秀区年报');
    // The re-check follows the sheet by id: the marks moved up with the row.
    const moved = toAddress({ row: layout.cells.find((c) => c.key === WRONG)!.pos.row - 1, col: 3 });
    await type(toAddress({ row: 1, col: 1 }), '保定市竞秀区人民政府');
    await expect.poll(() => cell(moved).getAttribute('data-fill')).toBe(MARK_FILL.culprit);
    await expect.poll(() => cell(moved).getAttribute('data-own-fill')).toBe('#9BC2E6');
    await expect
      .poll(() => pane.getByText(/工作表「竞秀区年报」 · 2019 版 · 2019 年度 · 保定市竞秀区人民政府/).count())
      .toBe(1);
    await shot('edited-after-check');
    const theirs = await clerks();
    await page.getByRole('button', { name: '清除标记' }).click();
    await expect.poll(() => cell(moved).getAttribute('data-fill')).toBe('#9BC2E6');
    expect(await snapshot()).toEqual(theirs);
    await shot('cleared-after-edits');
  });

  it('改为 5 on the card writes the cell and the list clears; 说明 answers a warning; 审核报告 is a sheet', async () => {
    const total = toAddress({ row: layout.cells.find((c) => c.key === WRONG)!.pos.row - 1, col: 3 });
    const business = toAddress({
      row: layout.cells.find((c) => c.key === 't3.r1.business')!.pos.row - 1,
      col: 4,
    });
    await type(business, '０');
    // The total a formula of the clerk's: 改为 cannot write it, and the card then offers it no more.
    await book(`book.editFormula(book.active, '${total}', '=4', 4);`);
    await check();
    await pane.getByRole('button', { name: `把单元格 ${total} 改为 5` }).click();
    await expect
      .poll(() => pane.getByText('该格是公式，未写入：请改正公式所引用的单元格。已重新校验。').count())
      .toBe(1);
    await expect.poll(() => pane.getByText('该格是公式：请改正它所引用的单元格').count()).toBe(1);
    expect(await pane.getByRole('button', { name: `把单元格 ${total} 改为 5` }).count()).toBe(0);
    await shot('formula-card');
    // A number typed over it: 改为 is offered again.
    await type(total, '3');
    await check();
    await expect.poll(status).toBe('3 个错误（1 处要改），1 个警告');
    // By keyboard: the card goes with its fix, and the keyboard stays in the list, on the card now there.
    const said = () => pane.locator('body').evaluate(() => (window as unknown as { said: string[] }).said);
    await pane.getByRole('button', { name: `把单元格 ${total} 改为 5` }).focus();
    await pane.locator(':focus').press('Enter');
    await expect.poll(status).toBe('1 个警告');
    await expect
      .poll(() => pane.locator(':focus').getAttribute('aria-label'))
      .toMatch(/^警告：.*定位到单元格/);
    // Read out, as is every check's result: the screen reader user hears what the fix did.
    await expect.poll(said).toContain('1 个警告');
    await pane.getByRole('button', { name: '填写说明' }).focus();
    await pane.locator(':focus').press('Enter');
    // Escape is 取消.
    await pane.getByRole('textbox', { name: '说明' }).press('Escape');
    expect(await pane.getByRole('textbox', { name: '说明' }).count()).toBe(0);
    await pane.getByRole('button', { name: '填写说明' }).click();
    await pane.getByRole('textbox', { name: '说明' }).fill('原表如此，已核实');
    await shot('explaining');
    await pane.getByRole('button', { name: '保存说明' }).focus();
    await pane.locator(':focus').press('Enter');
    await expect.poll(status).toBe('全部通过（1 个已说明）');
    // The card folded away under 已说明, the keyboard is on the card now in its place (X-02's), not lost.
    await expect
      .poll(() => pane.locator(':focus').evaluate((e) => e.matches('[data-card], [data-card] *')))
      .toBe(true);
    await pane.getByRole('button', { name: /已说明的 1 项/ }).click();
    await expect.poll(() => pane.getByText(/说明：原表如此，已核实/).count()).toBe(1);
    await shot('explained');
    await pane.getByRole('button', { name: '生成审核报告' }).click();
    await expect.poll(() => page.getByRole('tab', { selected: true }).textContent()).toBe('审核报告');
    const texts = async () => Object.values((await snapshot()).cells).map((c) => String(c.value));
    await expect.poll(texts).toContain('政府信息公开工作年度报告审核报告');
    expect((await texts()).some((t) => t.includes('审核结果：通过（1 个警告已说明）'))).toBe(true);
    expect((await texts()).some((t) => t.includes('说明：原表如此，已核实'))).toBe(true);
    await shot('audit-sheet');
  });

  it('two years in one workbook: last year is found by itself, and a carry-over mismatch is said', async () => {
    await page.getByRole('tab', { name: '竞秀区年报' }).click();
    // Last year's sheet: this year's figures, its 结转下年度 one more than this year's 上年结转.
    await book(`
      const from = book.sheet('竞秀区年报');
      const copy = book.addSheet('2018年度年报');
      for (const [a, c] of from.cells) copy.cells.set(a, structuredClone(c));
      copy.merges = from.merges.map((m) => ({ ...m }));
      book.edit('2018年度年报', [['${toAddress(layout.year)}', 2018], ['${toAddress({ row: layout.cells.find((c) => c.key === 't3.r4.natural')!.pos.row - 1, col: 3 })}', 1]]);
      book.select('竞秀区年报');
    `);
    await check();
    await expect
      .poll(() =>
        pane
          .getByText(/上年报告：2018 年度 · 保定市竞秀区人民政府 · 工作表「2018年度年报」（自动找到）/)
          .count(),
      )
      .toBe(1);
    await expect.poll(() => pane.getByText(/T3-05/).count()).toBeGreaterThan(0);
    await shot('previous-found');
    // Last year's 表三 made this year's, number for number: this year's looks copied from it.
    await book(`
      book.edit('2018年度年报', [['${toAddress({ row: layout.cells.find((c) => c.key === 't3.r4.natural')!.pos.row - 1, col: 3 })}', 0]]);
      book.select('竞秀区年报');
    `);
    await check();
    const copied = pane.getByText(/表三的每个数都与上年（2018 年）报告的表三相同/);
    await expect.poll(() => copied.count()).toBe(1);
    await expect.poll(() => pane.getByText(/T3-05/).count()).toBe(0);
    await copied.scrollIntoViewIfNeeded();
    await shot('copied-table');
    // 报告年度 cleared: last year's cannot be looked for, and the sidebar says why, not that there is none.
    await book(`book.edit('竞秀区年报', [['${toAddress(layout.year)}', '']]); book.select('竞秀区年报');`);
    await check();
    await expect
      .poll(() => pane.getByText(/上年报告：本报告没有注明报告年度，无法查找上一年度的报告/).count())
      .toBe(1);
    await expect
      .poll(() => pane.getByText(`「报告年度」（${toAddress(layout.year)}）没有填写`).count())
      .toBe(1);
    await shot('year-blank');
    await book(`book.edit('竞秀区年报', [['${toAddress(layout.year)}', 2019]]); book.select('竞秀区年报');`);
    // Last year's sheet with its 报告年度 cleared: not found by itself, and the clerk is told why.
    await book(`book.edit('2018年度年报', [['${toAddress(layout.year)}', '']]); book.select('竞秀区年报');`);
    await check();
    await expect
      .poll(() =>
        pane
          .getByText(
            /上年报告：本工作簿中没有注明上一年度的报告（年度未知 · .*2018年度年报」，可在「选择」中指定/,
          )
          .count(),
      )
      .toBe(1);
    await book(
      `book.edit('2018年度年报', [['${toAddress(layout.year)}', 2018]]); book.select('竞秀区年报');`,
    );
  });

  it('导入已发布年报: the text pasted from a web page becomes a filled template sheet that checks clean', async () => {
    await pane.getByRole('button', { name: '插入模板' }).click();
    await pane.getByRole('menuitem', { name: '导入已发布年报…' }).click();
    await pane
      .getByRole('textbox', { name: '已发布年报的文字' })
      .fill(readFileSync(`${root}test/fixtures/jingxiu-2019.txt`, 'utf8'));
    await shot('import-pasted');
    await pane.getByRole('button', { name: '导入', exact: true }).click();
    await expect
      .poll(() =>
        pane
          .getByText(/已导入 保定市竞秀区人民政府 2019 年度的 198 个数字（2019 版）到「2019年度年报」/)
          .count(),
      )
      .toBe(1);
    await expect.poll(() => page.getByRole('tab', { selected: true }).textContent()).toBe('2019年度年报');
    // The workbook also holds a 2018 report of the same body by now: this one is checked on its own.
    await pane.getByRole('button', { name: '选择上年报告' }).click();
    await pane.getByRole('menuitemradio', { name: '不对照上年' }).click();
    await check();
    await expect.poll(status).toBe('全部通过');
    await shot('imported');
  });

  it('导入已发布年报 from a PDF: read in the pane’s PDF worker, imported as from its text; a PDF too busy or too slow is refused in seconds', async () => {
    const give = async (path: string) => {
      await pane.getByRole('button', { name: '插入模板' }).click();
      await pane.getByRole('menuitem', { name: '导入已发布年报…' }).click();
      await pane.getByLabel('选择已发布年报的文件').setInputFiles(path);
    };
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-pane-'));
    // Three million strokes: the worker itself stops at a page's hundred thousand, and reads on.
    const strokes = join(dir, '笔画.pdf');
    writeFileSync(strokes, pdfDrawing('0 0 m 1 1 l S\n'.repeat(3_000_000)));
    let started = Date.now();
    await give(strokes);
    await expect
      .poll(
        () => pane.getByText(/导入失败：笔画\.pdf：PDF 第 1 页的内容过于繁复（超过 10 万笔绘制）/).count(),
        {
          timeout: 30_000,
        },
      )
      .toBe(1);
    expect(Date.now() - started).toBeLessThan(20_000);
    await shot('import-pdf-bomb-refused');
    // Thirty million words pdf.js does not know: nothing kept, only time; the worker is ended at its time.
    const words = join(dir, '无效.pdf');
    writeFileSync(words, pdfDrawing('xx\n'.repeat(30_000_000)));
    started = Date.now();
    await give(words);
    await expect
      .poll(
        () => pane.getByText(/导入失败：无效\.pdf：PDF 的内容过于繁复，\d+(\.\d)? 秒内没有读完/).count(),
        {
          timeout: 30_000,
        },
      )
      .toBe(1);
    expect(Date.now() - started).toBeLessThan(20_000);
    await give(`${root}test/fixtures/jingxiu-2019.writer.pdf`);
    await expect
      .poll(
        () =>
          pane
            .getByText(/已导入 保定市竞秀区 2019 年度的 198 个数字（2019 版）到「2019年度年报 \(2\)」/)
            .count(),
        {
          timeout: 20_000,
        },
      )
      .toBe(1);
    // The first worker read on after the strokes; the slow file's was ended, and the next file got a new one.
    expect(workerScripts).toHaveLength(2);
    for (const url of workerScripts) expect(url).toBe(`${server.url}pdf-worker.js`);
  });

  it('in a 320-pixel pane long identities wrap: nothing scrolls sideways', async () => {
    await page.evaluate(() => {
      const frame = document.querySelector('iframe.pane') as HTMLIFrameElement;
      frame.style.width = '320px';
    });
    await page.getByRole('tab', { name: '竞秀区年报' }).click();
    // 2.5 where 5 belongs: the cell's own problem is said on the card of the identities that name it.
    await type(toAddress({ row: layout.cells.find((c) => c.key === WRONG)!.pos.row - 1, col: 3 }), '2.5');
    await check();
    // One error (the 说明 written earlier in this workbook still answers its warning).
    await expect.poll(status).toMatch(/^4 个错误（1 处要改）(，|$)/);
    const card = pane.getByRole('listitem').filter({ hasText: '最可能填错，应为 5' });
    expect(await card.count()).toBe(1);
    expect(await card.getByRole('list', { name: '原因' }).textContent()).toContain(
      '2.5 不是整数，件数应为整数',
    );
    const overflow = await pane.locator('main').evaluate((m) => m.scrollWidth - m.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    // The result's counts are each on one line: 「1 个警告」 is not broken into 「1 个警」 / 「告」.
    const counts = pane.locator('[data-summary] [data-count]');
    expect(await counts.count()).toBeGreaterThan(1);
    await shot('narrow-pane');
    // Each on one line: its pieces (a font's runs) all at one height.
    const lines = await counts.evaluateAll((spans) =>
      spans.map((x) => new Set([...x.getClientRects()].map((r) => Math.round(r.top))).size),
    );
    expect(lines.every((n) => n === 1)).toBe(true);
  });

  it('under Office’s Black theme the sidebar is dark, its text light, and the legend keeps its colours', async () => {
    const dark = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const refusedDark = await offline(dark);
    try {
      await dark.goto(`${server.url}preview.html?theme=dark`);
      const side = dark.frameLocator('iframe.pane');
      await side.getByRole('button', { name: '校验', exact: true }).waitFor();
      await dark.getByRole('button', { name: '插入模板（2019 版）' }).click();
      await side.getByRole('spinbutton', { name: '报告年度' }).fill('2019');
      await side.getByRole('button', { name: '插入', exact: true }).click();
      await dark.getByRole('button', { name: '填入示例年报' }).click();
      const wrong = dark.getByRole('textbox', { name: `单元格 ${addressOf(WRONG)}`, exact: true });
      await expect.poll(() => wrong.inputValue()).toBe('5');
      await wrong.fill('4');
      await wrong.press('Enter');
      await side.getByRole('button', { name: '校验', exact: true }).click();
      await expect.poll(() => side.getByRole('status').textContent()).toMatch(/^3 个错误（1 处要改）/);
      const style = (selector: string, prop: 'color' | 'backgroundColor') =>
        side
          .locator(selector)
          .first()
          .evaluate((e, p) => getComputedStyle(e)[p], prop);
      // webDarkTheme's colorNeutralBackground1 (#292929) under everything, and light text on the cards.
      expect(await style('body', 'backgroundColor')).toBe('rgb(41, 41, 41)');
      const card = side.getByRole('listitem').filter({ hasText: '最可能填错，应为 5' });
      const text = await card.evaluate((e) => getComputedStyle(e).color);
      const [r, g, b] = text.match(/\d+/g)!.map(Number);
      expect(0.299 * r! + 0.587 * g! + 0.114 * b!).toBeGreaterThan(200);
      // The legend shows the marks' own colours, as on the sheet.
      const swatch = await side
        .getByRole('note', { name: '标记颜色的含义' })
        .locator('span[style*="background"]')
        .first()
        .evaluate((e) => getComputedStyle(e).backgroundColor);
      expect(swatch).toBe(hexToRgb(MARK_FILL.culprit));
      await dark.screenshot({ path: `${shots}dark-theme.png` });
      expect(refusedDark).toEqual([]);
    } finally {
      await dark.close();
    }
  });

  it('nothing was requested from anywhere but localhost', () => {
    expect(refused).toEqual([]);
  });
});

function hexToRgb(hex: string): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgb(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255})`;
}

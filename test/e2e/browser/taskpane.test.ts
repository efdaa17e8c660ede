// The built task pane in Debian's Chromium, against the preview's in-memory Excel: a clerk's session
// from 插入模板 to a clean sheet. Screenshots of each step go to test-output/browser/.
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import type { Browser, FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MARK_FILL } from '../../../src/host/marks.js';
import { toAddress } from '../../../src/report/address.js';
import { templateLayout } from '../../../src/report/template.js';
import { jingxiu } from '../../helpers.js';
import { BUILDS } from '../builds.js';
import { hasChromium, launch, offline } from './chromium.js';
import { serve } from './static-server.js';

const root = new URL('../../../', import.meta.url).pathname;
const shots = `${root}test-output/browser/`;
const WRONG = 't3.r3_7.natural';

describe.runIf(hasChromium || process.env.CI)('the task pane in Chromium', () => {
  let server: Awaited<ReturnType<typeof serve>>;
  let browser: Browser;
  let page: Page;
  let pane: FrameLocator;
  let refused: string[];
  let step = 0;
  const shot = (name: string) =>
    page.screenshot({ path: `${shots}${String(++step).padStart(2, '0')}-${name}.png` });
  const snapshot = () =>
    page.evaluate(() => {
      const excel = window.nianbaoPreview!.excel;
      return excel.sheet(excel.active).snapshot();
    });

  beforeAll(async () => {
    rmSync(shots, { recursive: true, force: true });
    mkdirSync(shots, { recursive: true });
    server = await serve(BUILDS.preview);
    browser = await launch();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    refused = await offline(page);
    await page.goto(`${server.url}preview.html`);
    pane = page.frameLocator('iframe.pane');
    await pane.getByRole('button', { name: '校验', exact: true }).waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const layout = templateLayout('2019');
  const inputs = layout.cells.filter((c) => c.key);
  const addressOf = (key: string) => toAddress(inputs.find((c) => c.key === key)!.pos);
  const cell = (address: string) => page.locator(`td[data-address="${address}"]`);

  it('the sidebar opens with a short guide', async () => {
    await expect.poll(() => pane.getByText('还没有表格？').count()).toBe(1);
    await shot('opened');
  });

  let beforeCheck: Awaited<ReturnType<typeof snapshot>>;

  it('插入模板 on the ribbon adds the 2019 template; the clerk types the numbers, one total wrong', async () => {
    await page.getByRole('button', { name: '插入模板（2019 版）' }).click();
    await expect.poll(() => pane.getByText(/已插入 2019 版模板/).count()).toBe(1);
    const values: Record<string, unknown> = { ...jingxiu().values, [WRONG]: 4 };
    for (const c of inputs) {
      const v = values[c.key!];
      if (v === undefined || v === null || v === '') continue;
      const input = page.getByRole('textbox', { name: `单元格 ${toAddress(c.pos)}`, exact: true });
      await input.fill(String(v));
      await input.press('Enter');
    }
    await expect.poll(async () => (await snapshot())[addressOf(WRONG)]?.value).toBe(4);
    beforeCheck = await snapshot();
    await shot('typed');
  });

  it('校验 marks the culprit cell and lists the finding with the value that fixes it', async () => {
    await pane.getByRole('button', { name: '校验', exact: true }).click();
    await expect.poll(() => pane.getByRole('status').textContent()).toBe('3 个错误');
    // The three broken identities share their culprit: one card says which cell to fix.
    await expect.poll(() => pane.getByRole('listitem').filter({ hasText: '最可能填错' }).count()).toBe(1);
    await expect.poll(() => cell(addressOf(WRONG)).getAttribute('data-fill')).toBe(MARK_FILL.culprit);
    const card = pane.getByRole('button', { name: new RegExp(`定位到单元格 ${addressOf(WRONG)}`) });
    await expect.poll(() => card.count()).toBe(1);
    await expect
      .poll(() => pane.getByRole('button', { name: `把单元格 ${addressOf(WRONG)} 改为 5` }).count())
      .toBe(1);
    await shot('checked');
  });

  it('a click on the finding selects its cell; so does Enter on it', async () => {
    await page.evaluate(() => window.nianbaoPreview!.excel.select(window.nianbaoPreview!.excel.active, 'A1'));
    await pane.getByRole('button', { name: new RegExp(`定位到单元格 ${addressOf(WRONG)}`) }).click();
    await expect.poll(() => page.locator('td.selected').getAttribute('data-address')).toBe(addressOf(WRONG));
    await page.evaluate(() => window.nianbaoPreview!.excel.select(window.nianbaoPreview!.excel.active, 'A1'));
    await pane.getByRole('button', { name: new RegExp(`定位到单元格 ${addressOf(WRONG)}`) }).focus();
    await pane.locator(':focus').press('Enter');
    await expect.poll(() => page.locator('td.selected').getAttribute('data-address')).toBe(addressOf(WRONG));
    await shot('selected');
  });

  it('the clerk types the right total and the list clears by itself', async () => {
    const input = page.getByRole('textbox', { name: `单元格 ${addressOf(WRONG)}`, exact: true });
    await input.fill('5');
    await input.press('Enter');
    await expect.poll(() => pane.getByRole('status').textContent()).toBe('全部通过');
    await expect.poll(() => cell(addressOf(WRONG)).getAttribute('data-fill')).toBe('none');
    await shot('fixed');
  });

  it('清除标记 leaves the sheet as it was before 校验, but for the number the clerk fixed', async () => {
    const input = page.getByRole('textbox', { name: `单元格 ${addressOf(WRONG)}`, exact: true });
    await input.fill('4');
    await input.press('Enter');
    await expect.poll(() => cell(addressOf(WRONG)).getAttribute('data-fill')).toBe(MARK_FILL.culprit);
    await page.getByRole('button', { name: '清除标记' }).click();
    await expect.poll(() => pane.getByText(/已清除 \d+ 个单元格的标记/).count()).toBe(1);
    expect(await snapshot()).toEqual(beforeCheck);
    await shot('cleared');
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
    await pane.getByRole('button', { name: '校验', exact: true }).click();
    await expect.poll(() => pane.getByRole('status').textContent()).toBe('全部通过');
    await shot('imported');
  });

  it('nothing was requested from anywhere but localhost', () => {
    expect(refused).toEqual([]);
  });
});

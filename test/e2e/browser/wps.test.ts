// The WPS 加载项 as built, in Chromium (WPS's own webview is Chromium too), against the in-memory
// ET application: the add-in's main.js takes the ribbon's clicks and opens its sidebar page, which
// checks, marks and clears. Screenshots go to test-output/browser/wps/.
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SheetSnapshot } from '../../../src/web/workbook-model.js';
import { MARK_FILL } from '../../../src/host/marks.js';
import { toAddress } from '../../../src/report/address.js';
import { templateLayout } from '../../../src/report/template.js';
import { BUILDS } from '../builds.js';
import { hasChromium, launch, offline } from './chromium.js';
import { serve } from './static-server.js';

const root = new URL('../../../', import.meta.url).pathname;
const shots = `${root}test-output/browser/wps/`;

describe.runIf(hasChromium || process.env.CI)('the WPS 加载项 in Chromium', () => {
  let server: Awaited<ReturnType<typeof serve>>;
  let browser: Browser;
  let page: Page;
  let refused: string[];
  let step = 0;
  const shot = (name: string) =>
    page.screenshot({ path: `${shots}${String(++step).padStart(2, '0')}-${name}.png` });
  const pane = () => page.frameLocator('iframe.pane');
  const ribbon = (label: string) =>
    page.getByRole('toolbar', { name: '功能区：年报校验' }).getByRole('button', { name: label, exact: true });
  const snapshot = () =>
    page.evaluate(() => {
      const book = (
        window as unknown as { nianbaoWps: { book: import('../../../src/web/workbook-model.js').Book } }
      ).nianbaoWps.book;
      return book.sheet(book.active)!.snapshot();
    });
  const total = toAddress(templateLayout('2019').cells.find((c) => c.key === 't3.r3_7.natural')!.pos);
  const cell = (address: string) => page.locator(`td[data-address="${address}"]`);

  beforeAll(async () => {
    rmSync(shots, { recursive: true, force: true });
    mkdirSync(shots, { recursive: true });
    server = await serve(BUILDS.preview);
    browser = await launch();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    refused = await offline(page);
    await page.goto(`${server.url}wps-preview.html`);
    await ribbon('校验').waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  let before: SheetSnapshot;

  it('插入模板 on the ribbon opens the sidebar, which asks for the year; the clerk fills in the numbers', async () => {
    await ribbon('插入模板（2019 版）').click();
    const year = pane().getByRole('spinbutton', { name: '报告年度' });
    // The first click loads the sidebar page: slow while the rest of the suite runs beside it.
    await year.waitFor({ timeout: 90_000 });
    await shot('insert-asks-year');
    await year.fill('2019');
    await pane().getByRole('button', { name: '插入', exact: true }).click();
    await expect.poll(() => page.getByRole('tab', { selected: true }).textContent()).toBe('2019年度年报');
    await page.getByRole('button', { name: '填入示例年报' }).click();
    const input = page.getByRole('textbox', { name: `单元格 ${total}`, exact: true });
    // The numbers appear with a re-render: typing before it lands would put 4 after their 5 (「54」).
    await expect.poll(() => input.inputValue()).toBe('5');
    await input.fill('4');
    await input.press('Enter');
    before = await snapshot();
    await shot('typed');
  }, 120_000);

  it('校验 on the ribbon checks in the sidebar and marks the culprit with a format condition', async () => {
    await ribbon('校验').click();
    await expect.poll(() => pane().getByRole('status').textContent()).toBe('3 个错误（1 处要改）');
    await expect.poll(() => cell(total).getAttribute('data-fill')).toBe(MARK_FILL.culprit);
    expect(await cell(total).getAttribute('data-own-fill')).toBe('none');
    await shot('checked');
  });

  it('the clerk fixes the total and the sidebar re-checks by itself (SheetChange)', async () => {
    const input = page.getByRole('textbox', { name: `单元格 ${total}`, exact: true });
    await input.fill('5');
    await input.press('Enter');
    await expect.poll(() => pane().getByRole('status').textContent()).toBe('全部通过');
    await expect.poll(() => cell(total).getAttribute('data-fill')).toBe('none');
    await input.fill('4');
    await input.press('Enter');
    await expect.poll(() => cell(total).getAttribute('data-fill')).toBe(MARK_FILL.culprit);
    await shot('re-checked');
  });

  it('清除标记 on the ribbon leaves the sheet exactly as it was', async () => {
    await ribbon('清除标记').click();
    await expect.poll(() => pane().getByText('已清除 1 张工作表上的校验标记。').count()).toBe(1);
    expect(await snapshot()).toEqual(before);
    await shot('cleared');
  });

  it('nothing was requested from anywhere but localhost', () => {
    expect(refused).toEqual([]);
  });
});

describe.runIf(hasChromium || process.env.CI)('the WPS sidebar in a WPS too old for it', () => {
  it('an engine before Chromium 98 gets a plain Chinese message, allowed by its hash, not a blank pane', async () => {
    const server = await serve(BUILDS.wps);
    const browser = await launch();
    try {
      const page = await browser.newPage({ viewport: { width: 360, height: 640 } });
      await page.addInitScript(() => {
        Reflect.deleteProperty(Array.prototype, 'findLast');
        Reflect.deleteProperty(window, 'structuredClone');
      });
      const blocked: string[] = [];
      page.on('console', (m) => {
        if (/Content Security Policy/.test(m.text())) blocked.push(m.text());
      });
      await page.goto(
        `${server.url}${readdirSync(BUILDS.wps).find((d) => d.startsWith('nianbao_'))}/taskpane.html`,
      );
      await expect.poll(() => page.getByText(/浏览器内核过旧/).count()).toBe(1);
      expect(await page.textContent('body')).toContain('请升级 WPS');
      expect(blocked).toEqual([]);
    } finally {
      await browser.close();
      await server.close();
    }
  });
});

describe.runIf(hasChromium || process.env.CI)('the add-in in an old Office webview', () => {
  it('Office 2016/2019 (Internet Explorer’s engine) get a plain Chinese message, not a blank pane', async () => {
    mkdirSync(`${root}test-output/browser/`, { recursive: true });
    const server = await serve(BUILDS.intranet);
    const browser = await launch();
    try {
      const context = await browser.newContext({
        userAgent:
          'Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; .NET4.0E; rv:11.0) like Gecko',
        viewport: { width: 360, height: 640 },
      });
      const page = await context.newPage();
      const blocked: string[] = [];
      page.on('console', (m) => {
        if (/Content Security Policy/.test(m.text())) blocked.push(m.text());
      });
      await page.goto(`${server.url}taskpane.html`);
      await expect
        .poll(() => page.getByRole('heading').textContent())
        .toBe('这个版本的 Office 无法运行年报校验加载项');
      expect(await page.textContent('body')).toContain('年报校验网页版');
      // The inline script ran under the page's Content-Security-Policy, by its hash.
      expect(blocked).toEqual([]);
      await page.screenshot({ path: `${root}test-output/browser/old-office.png` });
    } finally {
      await browser.close();
      await server.close();
    }
  });
});

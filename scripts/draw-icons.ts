// Renders assets/*.svg to the PNG sizes the manifest declares, in Chromium. Run after editing an icon:
//   npx tsx scripts/draw-icons.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { ICON_SIZES } from '../src/manifest/icons.js';

const assets = new URL('../assets/', import.meta.url);
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu'],
});
const page = await browser.newPage();
for (const [name, sizes] of Object.entries(ICON_SIZES)) {
  const svg = readFileSync(new URL(`${name}.svg`, assets), 'utf8');
  for (const size of sizes) {
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(
      `<body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body>`,
    );
    const png = await page.screenshot({
      omitBackground: true,
      clip: { x: 0, y: 0, width: size, height: size },
    });
    writeFileSync(new URL(`${name}-${size}.png`, assets), png);
  }
}
await browser.close();

// The add-in's production bundle size, and the time from opening the task pane to a usable sidebar
// in Chromium (the preview build: the same bundle, office.js replaced by the in-memory Excel).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { launch, offline } from '../test/e2e/browser/chromium.js';
import { serve } from '../test/e2e/browser/static-server.js';

const root = new URL('../../', import.meta.url).pathname;
const kib = (n: number) => `${(n / 1024).toFixed(0)} KiB`;

function build(...env: string[]): void {
  execFileSync('npx', ['webpack', '--mode', 'production', ...env.flatMap((e) => ['--env', e])], {
    cwd: root,
    stdio: 'pipe',
  });
}

export async function benchAddin(runs = 7): Promise<void> {
  build('out=dist/bench-addin');
  const js = readFileSync(`${root}dist/bench-addin/taskpane.js`);
  console.log(`\n加载项生产包 taskpane.js：${kib(js.length)}（gzip 后 ${kib(gzipSync(js).length)}）`);
  if (!existsSync('/usr/bin/chromium')) {
    console.log('没有 /usr/bin/chromium：跳过侧边栏加载时间。');
    return;
  }
  // Minified, as clerks load it: unminified, the same code took 7× the bytes and longer to parse.
  build('preview', 'minify', 'out=dist/bench-preview');
  const server = await serve(`${root}dist/bench-preview`);
  const browser = await launch();
  const times: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const page = await browser.newPage();
      await offline(page);
      const t = performance.now();
      await page.goto(`${server.url}taskpane.html`);
      await page.getByRole('button', { name: '校验', exact: true }).waitFor();
      times.push(performance.now() - t);
      await page.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)]!;
  console.log(
    `打开侧边栏到可点「校验」（Chromium 无头，本机 http，${runs} 次）：中位数 ${median.toFixed(0)} ms，最慢 ${times.at(-1)!.toFixed(0)} ms`,
  );
  console.log(
    `（预览包 taskpane.js ${kib(statSync(`${root}dist/bench-preview/taskpane.js`).size)}，与生产包相同的代码）`,
  );
}

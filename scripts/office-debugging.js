// npm start / npm stop: office-addin-debugging sideloads the add-in into Excel desktop. It is an
// optional dependency (it pulls keytar, which needs libsecret to compile), so say plainly when it
// is missing instead of failing with a stack trace.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const command = process.argv[2] ?? 'start';
const require = createRequire(import.meta.url);
let cli;
try {
  cli = require.resolve('office-addin-debugging/cli');
} catch {
  console.error(
    [
      `npm ${command === 'start' ? 'start' : 'stop'} 需要 office-addin-debugging，但它没有安装。`,
      '它依赖的 keytar 需要编译：在 Debian/Ubuntu 上先安装 libsecret-1-dev（sudo apt-get install libsecret-1-dev），',
      '再运行 npm install。Windows 和 macOS 上一般直接 npm install 即可。',
      '没有 Excel 也能试用：npm run preview（在浏览器中打开侧边栏和一张内存中的工作表）。',
    ].join('\n'),
  );
  process.exit(1);
}
const r = spawnSync(process.execPath, [cli, command, 'manifest.xml', ...process.argv.slice(3)], {
  stdio: 'inherit',
});
process.exit(r.status ?? 1);

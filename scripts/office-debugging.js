// npm start / npm stop: office-addin-debugging sideloads the add-in into Excel desktop, which runs on
// Windows and macOS only: elsewhere say so plainly, before it makes certificates for nothing.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const command = process.argv[2] ?? 'start';
const npmCommand = `npm ${command === 'start' ? 'start' : 'stop'}`;
const preview = '没有 Excel 也能试用：npm run preview（在浏览器中打开侧边栏和一张内存中的工作表）。';
if (process.platform !== 'win32' && process.platform !== 'darwin') {
  console.error(
    [
      `${npmCommand} 把加载项旁加载到 Excel 桌面版，只能在 Windows 或 macOS 上使用：这台电脑没有 Excel 桌面版。`,
      preview,
      'Excel 网页版：先 npm run dev-server，信任证书后上传 manifest.xml。',
    ].join('\n'),
  );
  process.exit(1);
}
const require = createRequire(import.meta.url);
let cli;
try {
  cli = require.resolve('office-addin-debugging/cli');
} catch {
  console.error(
    [`${npmCommand} 需要 office-addin-debugging，但它没有安装：请在项目目录运行 npm install。`, preview].join(
      '\n',
    ),
  );
  process.exit(1);
}
const r = spawnSync(process.execPath, [cli, command, 'manifest.xml', ...process.argv.slice(3)], {
  stdio: 'inherit',
});
process.exit(r.status ?? 1);

#!/usr/bin/env node
import { existsSync } from 'node:fs';

// A URL, not a path: node:fs takes one, and node:url is not loaded for it (the start counts).
const main = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(main)) {
  console.error('nianbao 尚未构建：请先在项目目录运行 npm install（或 npm run build:cli）。');
  process.exit(2);
}
const { run } = await import(main.href);
process.exitCode = await run(process.argv.slice(2));

#!/usr/bin/env node
// CommonJS, as the loader: an ES module entry costs Node's module loader some 10 ms at each start.
'use strict';
const { loadCli } = require('./cli.cjs');

const cli = loadCli();
if (!cli) {
  console.error('nianbao 尚未构建：请先在项目目录运行 npm install（或 npm run build:cli）。');
  process.exit(2);
}
cli.run(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});

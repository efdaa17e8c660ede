#!/usr/bin/env -S node --v8-pool-size=1
// CommonJS, as the loader: an ES module entry costs Node's module loader some 10 ms at each start.
// One thread for V8's work beside the program's (compiling, collecting garbage), not Node's four:
// on a two-core PC the four took turns with the checks, which waited a fifth of a batch's time.
// (npm's Windows shims pass the option on as well; `node bin/nianbao.cjs` runs without it.)
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

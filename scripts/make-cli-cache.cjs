// Writes the code cache of the command line's bundle (dist/cli/main.cache), after checking a few
// reports with it so that the code a check runs is in the cache, not only the bundle's top level.
// In a process of its own: the cache is of a bundle compiled from scratch.
'use strict';
const { existsSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { CACHE, loadCli } = require('../bin/cli.cjs');

const fixtures = join(__dirname, '..', 'test', 'fixtures');
// Copied texts, a page and a workbook: the readers a batch of each runs.
const reports = [
  'suqian-2024.pages.browser.txt',
  'jingxiu-2019.txt',
  'jingxiu-2019.html',
  'suqian-2024.calc.xlsx',
].map((f) => join(fixtures, f));

async function main() {
  const cli = loadCli();
  // Without the fixtures (a copy of dist/ alone) the cache would hold the top level only.
  if (reports.every(existsSync))
    for (const json of [[], ['--json']])
      await cli.run(['check', ...reports, ...json], { out: () => {}, err: () => {} });
  writeFileSync(CACHE, cli.script.createCachedData());
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

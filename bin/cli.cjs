// Loads the command line's bundle (dist/cli/main.cjs) with the code V8 compiled for it when it was
// built (dist/cli/main.cache). Node 20 keeps no compile cache of its own, and compiling the bundle
// took a fifth of the start of `nianbao check one.txt`. V8 passes over a cache it cannot use
// (another Node, a bundle of another length) and compiles as before; `npm run build:cli` writes
// the two together. Nothing is written here.
'use strict';
const { existsSync, readFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { join } = require('node:path');
const { Script } = require('node:vm');

const DIR = join(__dirname, '..', 'dist', 'cli');
const BUNDLE = join(DIR, 'main.cjs');
const CACHE = join(DIR, 'main.cache');

/**
 * The bundle's exports and the script it was compiled as, or undefined when it is not built. The
 * bundle calls `__import` where its source has `import()` (pdf.js is an ES module): a script's own
 * `import()` needs --experimental-vm-modules on Node 20.
 */
function loadCli() {
  if (!existsSync(BUNDLE)) return undefined;
  const source = readFileSync(BUNDLE, 'utf8');
  const cachedData = existsSync(CACHE) ? readFileSync(CACHE) : undefined;
  // On the bundle's first line, so that its line numbers stay those of the file.
  const wrapped = `(function (exports, require, module, __filename, __dirname, __import) {${source}\n})`;
  const script = new Script(wrapped, { filename: BUNDLE, cachedData });
  const module = { exports: {} };
  script
    .runInThisContext()
    .call(
      module.exports,
      module.exports,
      createRequire(BUNDLE),
      module,
      BUNDLE,
      DIR,
      (specifier) => import(specifier),
    );
  return { run: module.exports.run, script };
}

module.exports = { loadCli, CACHE };

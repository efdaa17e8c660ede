// One measurement in a process of its own, so that its time and peak memory are its own.
//   child.js run <args…>          the command line (output dropped): {ms, maxRssKiB, code}
//   child.js limit <kind> <dir>    the floor for reading those files: {ms, files}
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { Parser } from 'htmlparser2';
import { SaxesParser } from 'saxes';

/** Unzip (fflate) and an XML tokenizer (saxes) to a grid of the cells' texts: no spreadsheet logic. */
function xlsxFloor(bytes: Uint8Array): number {
  const parts = unzipSync(bytes, {
    filter: (f) => f.name === 'xl/sharedStrings.xml' || f.name.startsWith('xl/worksheets/sheet'),
  });
  const strings: string[] = [];
  let text = '';
  const sst = new SaxesParser();
  sst.on('text', (t) => (text += t));
  sst.on('closetag', (tag) => {
    if (tag.name === 'si') {
      strings.push(text);
      text = '';
    }
  });
  sst.write(strFromU8(parts['xl/sharedStrings.xml'] ?? new Uint8Array())).close();
  const grid: string[][] = [];
  for (const [name, data] of Object.entries(parts)) {
    if (!name.startsWith('xl/worksheets/')) continue;
    const sheet = new SaxesParser();
    let row: string[] = [];
    let value = '';
    sheet.on('text', (t) => (value += t));
    sheet.on('opentag', (tag) => {
      if (tag.name === 'row') grid.push((row = []));
      if (tag.name === 'c') value = '';
    });
    sheet.on('closetag', (tag) => {
      if (tag.name === 'c') row.push(value);
    });
    sheet.write(strFromU8(data)).close();
  }
  return grid.length + strings.length;
}

/** Reading and one regular-expression pass over the text. */
function textFloor(bytes: Uint8Array): number {
  return (new TextDecoder().decode(bytes).match(/[^\n\t]+/g) ?? []).length;
}

/** Reading and tokenizing the page (htmlparser2, the parser the reader uses). */
function htmlFloor(bytes: Uint8Array): number {
  let n = 0;
  const p = new Parser({ ontext: () => n++ });
  p.write(new TextDecoder().decode(bytes));
  p.end();
  return n;
}

const FLOORS: Record<string, (b: Uint8Array) => number> = {
  xlsx: xlsxFloor,
  txt: textFloor,
  html: htmlFloor,
};

const [mode, ...args] = process.argv.slice(2);
if (mode === 'run') {
  // The bundle as bin/nianbao.cjs loads it (with its code cache), not the modules tsc wrote beside it.
  const { loadCli } = createRequire(import.meta.url)('../../bin/cli.cjs') as {
    loadCli: () => { run: typeof import('../src/cli/main.js').run };
  };
  const { run } = loadCli();
  const t = performance.now();
  const cpu = process.cpuUsage();
  const code = await run(args, { out: () => {}, err: () => {} });
  const ms = performance.now() - t;
  const used = process.cpuUsage(cpu);
  const cpuMs = (used.user + used.system) / 1000;
  console.log(JSON.stringify({ ms, cpuMs, code, maxRssKiB: process.resourceUsage().maxRSS }));
} else if (mode === 'limit') {
  const [kind, dir] = args as [string, string];
  const files = readdirSync(dir).map((f) => join(dir, f));
  const floor = FLOORS[kind]!;
  const t = performance.now();
  const cpu = process.cpuUsage();
  for (const f of files) floor(readFileSync(f));
  const used = process.cpuUsage(cpu);
  console.log(
    JSON.stringify({
      ms: performance.now() - t,
      cpuMs: (used.user + used.system) / 1000,
      files: files.length,
    }),
  );
}

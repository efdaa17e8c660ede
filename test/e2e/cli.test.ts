// The command line as a user runs it: the built package bin, and LibreOffice as a real spreadsheet client.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { check } from '../../src/checks/engine.js';
import { readXlsx } from '../../src/readers/xlsx/index.js';
import { writeTemplate } from '../../src/cli/xlsx-write.js';
import { readGrid } from '../../src/readers/grid.js';
import { templateLayout } from '../../src/report/template.js';
import { fixturePath, jingxiu } from '../helpers.js';
import { saveWithLibreOffice, soffice } from './libreoffice.js';

const dir = mkdtempSync(join(tmpdir(), 'nianbao-e2e-cli-'));
const bin = new URL('../../bin/nianbao.cjs', import.meta.url).pathname;

async function filled(name: string, values: Record<string, unknown>) {
  const path = join(dir, name);
  await writeTemplate(path, '2019年度年报', templateLayout('2019'), {
    values: values as Record<string, string | number>,
    year: 2019,
    agency: '测试机关',
  });
  return path;
}

describe('nianbao, the package bin', () => {
  it('runs as `nianbao` after the build, with the options its first line gives Node; its PDF thread starts', async () => {
    const good = await filled('good.xlsx', jingxiu().values);
    const pdf = fixturePath('jingxiu-2019.writer.pdf');
    // As a shell runs it (or npm's shim): the first line's node, with its thread pool option.
    const r = spawnSync(bin, ['check', good, pdf], { encoding: 'utf8' });
    // (The two give the same numbers under two bodies' names, which the batch remarks on.)
    // The batch's total last, with the reports (「> 结果.txt」 keeps it); nothing on stderr.
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('共 2 份报告，0 份有错误。');
    expect(r.stdout).not.toContain('✗');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout.match(/结果：全部通过/g)).toHaveLength(2);
    expect(readFileSync(bin, 'utf8').split('\n')[0]).toBe('#!/usr/bin/env -S node --v8-pool-size=1');
  });

  it('starts from the code V8 compiled at the build, not from source', () => {
    const load = `const c = require(${JSON.stringify(new URL('../../bin/cli.cjs', import.meta.url).pathname)}).loadCli();
      process.stdout.write(String(c.script.cachedDataRejected))`;
    const r = spawnSync(process.execPath, ['-e', load], { encoding: 'utf8' });
    expect(r.stdout).toBe('false');
  });

  it('piped into head, which stops reading: no crash, the summary is still written whole', async () => {
    const many = mkdtempSync(join(dir, 'many-'));
    const good = await filled('pipe.xlsx', jingxiu().values);
    for (let i = 0; i < 200; i++) copyFileSync(good, join(many, `${i}.xlsx`));
    const summary = join(dir, 'pipe.csv');
    // The command's own exit code, said after head has gone.
    const command = `"${process.execPath}" "${bin}" check "${many}" --json --summary "${summary}"`;
    const r = spawnSync('bash', ['-c', `${command} | head -c 9; echo "exit \${PIPESTATUS[0]}" >&2`], {
      encoding: 'utf8',
    });
    // 200 copies of one workbook: one report, the last line says.
    expect(r.stderr).toBe(
      `汇总已写入 ${summary}（200 份报告）\n共 200 份报告（去掉数字相同的副本和其他格式，为 1 份），0 份有错误。\nexit 0\n`,
    );
    expect(r.stdout).toBe('{\n  "file');
    // The header and a line per report.
    expect(readFileSync(summary, 'utf8').trim().split('\n')).toHaveLength(201);
  });

  it('on a terminal it shows its progress line; into a pipe, a file or /dev/null, only the results', () => {
    const report = fixturePath('jingxiu-2019.innertext.txt');
    // `script` (util-linux) runs the command on a terminal of its own.
    const onTerminal = spawnSync(
      'script',
      ['-qec', `"${process.execPath}" "${bin}" check "${report}"`, '/dev/null'],
      {
        encoding: 'utf8',
      },
    );
    expect(onTerminal.status).toBe(0);
    expect(onTerminal.stdout).toContain('\r\x1b[K校验中 1/1…');
    expect(onTerminal.stdout).toContain('结果：全部通过');
    const piped = spawnSync(process.execPath, [bin, 'check', report], { encoding: 'utf8' });
    expect(piped.stdout).toContain('结果：全部通过');
    expect(piped.stdout + piped.stderr).not.toContain('\x1b');
    // /dev/null is a character device, as a terminal is, but not one: told so without loading
    // Node's terminal module (and its streams): some 7 ms of a run whose output a script drops.
    const loads = join(dir, 'tty-loads.txt');
    const hook = join(dir, 'tty-loads.cjs');
    writeFileSync(
      hook,
      `const Module = require('node:module');
      const load = Module._load;
      Module._load = function (request, ...rest) {
        if (/^(node:)?tty$/.test(request)) require('node:fs').appendFileSync(${JSON.stringify(loads)}, request + '\\n');
        return load.call(this, request, ...rest);
      };`,
    );
    const toNull = spawnSync(process.execPath, ['--require', hook, bin, 'check', report], {
      stdio: ['ignore', 'ignore', 'pipe'],
      encoding: 'utf8',
    });
    expect(toNull.status).toBe(0);
    expect(toNull.stderr).toBe('');
    expect(existsSync(loads)).toBe(false);
    // The hook sees the terminal module load where there is a terminal.
    spawnSync('script', [
      '-qec',
      `"${process.execPath}" --require "${hook}" "${bin}" check "${report}"`,
      '/dev/null',
    ]);
    expect(readFileSync(loads, 'utf8')).toContain('tty');
  });

  it('reads PDFs where pdf.js’s optional drawing package cannot load (信创 machines it has no build for), and says nothing of it', () => {
    const pdfs = ['jingxiu-2019.writer.pdf', 'suqian-2024.pages.pdf'].map(fixturePath);
    // Loaded into the process and its PDF thread (a worker takes the process's options): the
    // package is not found, as on a machine without its build.
    const hook = join(dir, 'no-canvas.cjs');
    writeFileSync(
      hook,
      `const Module = require('node:module');
      const resolve = Module._resolveFilename;
      Module._resolveFilename = function (request, ...rest) {
        if (request === '@napi-rs/canvas') throw Object.assign(new Error('Cannot find module'), { code: 'MODULE_NOT_FOUND' });
        return resolve.call(this, request, ...rest);
      };`,
    );
    const without = spawnSync(process.execPath, ['--require', hook, bin, 'check', '--json', ...pdfs], {
      encoding: 'utf8',
    });
    const usual = spawnSync(process.execPath, [bin, 'check', '--json', ...pdfs], { encoding: 'utf8' });
    expect(without.stderr).toBe('共 2 份报告，0 份有错误。\n');
    expect(without.status).toBe(0);
    expect(without.stdout).toBe(usual.stdout);
  });

  it('loads no native code into the thread that reads PDFs, where the drawing package is installed too', () => {
    const pdf = fixturePath('jingxiu-2019.writer.pdf');
    // Each native module any thread loads is written down.
    const loaded = join(dir, 'native-loaded.txt');
    writeFileSync(loaded, '');
    const hook = join(dir, 'native-log.cjs');
    writeFileSync(
      hook,
      `const Module = require('node:module');
      const load = Module._extensions['.node'];
      Module._extensions['.node'] = function (module, filename) {
        load.call(this, module, filename);
        require('node:fs').appendFileSync(${JSON.stringify(loaded)}, filename + '\\n');
      };`,
    );
    const r = spawnSync(process.execPath, ['--require', hook, bin, 'check', pdf], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('结果：全部通过');
    expect(r.stderr).toBe('');
    expect(readFileSync(loaded, 'utf8')).toBe('');
  });

  it('reads a page, a PDF and a Word file with the readers the bundle loads on demand', () => {
    const fixtures = ['jingxiu-2019.html', 'jingxiu-2019.unigb.pdf', 'suqian-2024.docx'].map(fixturePath);
    const r = spawnSync(process.execPath, [bin, 'check', '--json', ...fixtures], { encoding: 'utf8' });
    // Nothing on stderr but the batch's total: the page and the PDF are one report.
    expect(r.stderr).toBe('共 3 份报告（去掉数字相同的副本和其他格式，为 2 份），0 份有错误。\n');
    const json = JSON.parse(r.stdout) as { files: { file: string; edition: string; year?: number }[] };
    expect(json.files.map((f) => [f.edition, f.year])).toEqual([
      ['2019', 2019],
      ['2019', 2019],
      ['2021', 2024],
    ]);
    // The PDF (its character maps named 「UniGB」) was read by the worker thread's bundle: the main
    // one, read and compiled at every start, carries no PDF reader.
    const built = (f: string) => readFileSync(new URL(`../../dist/cli/${f}`, import.meta.url), 'utf8');
    expect(built('pdf-worker.cjs')).toContain('UniGB-UCS2-H');
    expect(built('main.cjs')).not.toContain('UniGB');
  });
});

describe('LibreOffice, a real spreadsheet client', () => {
  // CI installs LibreOffice; a developer machine without it is told so rather than silently passing.
  it.runIf(soffice || process.env.CI)(
    'opens and saves our template; it reads back with the same values and findings',
    async () => {
      expect(soffice, 'LibreOffice is not installed (apt-get install libreoffice-calc-nogui)').toBeDefined();
      const values = { ...jingxiu().values, 't3.r3_4_1.natural': 4, 't3.r1.business': '５' };
      const ours = await filled('roundtrip.xlsx', values);
      const [before] = readXlsx(readFileSync(ours)).sheets;
      const [after] = readXlsx(readFileSync(saveWithLibreOffice(ours))).sheets;
      const a = readGrid(before!.grid).report!;
      const b = readGrid(after!.grid).report!;
      expect([...b.cells]).toEqual([...a.cells]);
      expect(check(b)).toEqual(check(a));
      expect(check(b).some((f) => f.culprit === 't3.r3_4_1.natural' && f.suggested === 3)).toBe(true);
    },
  );
});

// LibreOffice as a real spreadsheet client for the end-to-end tests: it opens a workbook and saves
// it again, calculating its formulas and writing their results.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

export const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find(existsSync);

/** The workbook at `path` opened and saved again by LibreOffice Calc; returns where the copy is. */
export function saveWithLibreOffice(path: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-lo-'));
  execFileSync(
    soffice!,
    ['--headless', '--calc', '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', dir, path],
    // A profile of its own: a LibreOffice already open, or an unwritable home, does not get in the way.
    { stdio: 'ignore', env: { ...process.env, HOME: dir }, timeout: 120_000 },
  );
  return join(dir, basename(path));
}

/**
 * A saved page opened in LibreOffice Calc and saved as a workbook, as a supervisor may keep one:
 * its tables on one grid of columns, each cell merged over the columns it spans.
 */
export function pageAsWorkbook(path: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-lo-'));
  execFileSync(
    soffice!,
    [
      '--headless',
      '--infilter=HTML (StarCalc)',
      '--convert-to',
      'xlsx:Calc MS Excel 2007 XML',
      '--outdir',
      dir,
      path,
    ],
    { stdio: 'ignore', env: { ...process.env, HOME: dir }, timeout: 120_000 },
  );
  return join(dir, basename(path).replace(/\.[^.]+$/, '.xlsx'));
}

/** The workbook at `path` printed to PDF by LibreOffice Calc, as a clerk prints it; returns the PDF. */
export function printWithLibreOffice(path: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-lo-'));
  execFileSync(soffice!, ['--headless', '--calc', '--convert-to', 'pdf', '--outdir', dir, path], {
    stdio: 'ignore',
    env: { ...process.env, HOME: dir },
    timeout: 120_000,
  });
  return join(dir, basename(path).replace(/\.xlsx$/, '.pdf'));
}

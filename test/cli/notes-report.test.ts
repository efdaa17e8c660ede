// 说明 written in the sidebar travel with the workbook: the command line reads them from the hidden
// sheet, shows the warnings they explain as explained, and prints them in the 审核报告.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { addTemplateSheet } from '../../src/cli/xlsx-write.js';
import { check } from '../../src/checks/engine.js';
import { readGrid } from '../../src/readers/grid.js';
import { NOTES_SHEET, noteFor, notesGrid } from '../../src/report/notes.js';
import { templateGrid, templateLayout } from '../../src/report/template.js';
import type { Finding } from '../../src/report/finding.js';
import { suqian } from '../helpers.js';
import { cli } from './run.js';

const dir = mkdtempSync(join(tmpdir(), 'nianbao-notes-'));
const layout = templateLayout('2021');
const sheetName = '2024年度年报';
const NOTE = '本年度有 3 件申请经补正后撤回，已如实填报。';

/** The 2024 report of 宿迁 with one figure changed so that a warning (and only warnings) appear. */
function values(change: Record<string, number> = {}) {
  return { ...suqian()[1].values, ...change } as Record<string, string | number>;
}

function warningsOf(vals: Record<string, string | number>) {
  const grid = templateGrid(layout, { values: vals, year: 2024, agency: '测试机关' });
  const report = readGrid(grid).report!;
  return { findings: check(report), report };
}

async function workbook(name: string, vals: Record<string, string | number>, noteValues = vals) {
  const { findings, report } = warningsOf(noteValues);
  const warning = findings.find((f) => f.rule === 'T2-21-02')!;
  const wb = new ExcelJS.Workbook();
  addTemplateSheet(wb, sheetName, layout, { values: vals, year: 2024, agency: '测试机关' });
  const notes = wb.addWorksheet(NOTES_SHEET, { state: 'veryHidden' });
  for (const row of notesGrid([noteFor(warning, report!, NOTE, new Date(2025, 0, 20, 15, 4), 'D12')]))
    notes.addRow(row);
  const path = join(dir, name);
  writeFileSync(path, new Uint8Array(await wb.xlsx.writeBuffer()));
  return { path, warning };
}

// Table 2 of 宿迁's report is blank; 收费金额 filled in 元 gives a warning of its own (T2-21-02).
const WARNED = { 't2.fees.amount': 5_000_000 };

describe('说明 from the workbook', () => {
  let explained: string;
  let lapsed: string;
  let warning: Finding;
  beforeAll(async () => {
    ({ path: explained, warning } = await workbook('explained.xlsx', values(WARNED)));
    ({ path: lapsed } = await workbook(
      'lapsed.xlsx',
      values({ 't2.fees.amount': 5_000_001 }),
      values(WARNED),
    ));
  });

  it('a warning with a 说明 is shown as explained, with its text, in the terminal and in --json', async () => {
    const r = await cli('check', explained);
    expect(r.out).toContain(`✓ 已说明 [${warning.rule}]`);
    expect(r.out).toContain(`（2025-01-20 15:04 说明：${NOTE}）`);
    const json = JSON.parse((await cli('check', '--json', explained)).out) as {
      files: { findings: { rule: string; note?: { text: string; at: string } }[] }[];
    };
    const noted = json.files[0]!.findings.find((f) => f.rule === warning.rule)!;
    expect(noted.note).toEqual({ text: NOTE, at: '2025-01-20 15:04' });
  });

  it('the 说明 lapses once a figure it was written for changes', async () => {
    const r = await cli('check', lapsed);
    expect(r.out).not.toContain('已说明');
    expect(r.out).not.toContain(NOTE);
    expect(r.out).toContain('[T2-21-02]');
  });

  it('--report writes one printable 审核报告 for the batch, with the 说明', async () => {
    const out = join(dir, '审核报告.html');
    const r = await cli('check', explained, lapsed, '--report', out);
    expect(r.err).toContain(`审核报告已写入 ${out}（2 份报告`);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('explained.xlsx');
    expect(html).toContain('lapsed.xlsx');
    expect(html).toContain(NOTE);
    expect(html.match(/@page/g)?.length).toBeGreaterThan(0);
    expect(html).not.toMatch(/<script|https?:\/\//i);
  });

  it('the CSV summary counts explained warnings apart from open ones', async () => {
    const out = join(dir, '汇总.csv');
    await cli('check', explained, lapsed, '--summary', out, '--force');
    const rows = readFileSync(out, 'utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(rows[0]).toBe(
      '文件,工作表,机关,年度,格式,错误,警告,已说明,未填写的表,第一个错误,对照上年,未能完整读取的表,数字相同的副本,结果',
    );
    const [, warnings, notes] = rows
      .find((r) => r.startsWith(explained))!
      .match(/,(\d+),(\d+),[^,]*,[^,]*,[^,]*,[^,]*,[^,]*,[^,]*$/)!;
    const [, lapsedWarnings, lapsedNotes] = rows
      .find((r) => r.startsWith(lapsed))!
      .match(/,(\d+),(\d+),[^,]*,[^,]*,[^,]*,[^,]*,[^,]*,[^,]*$/)!;
    expect(Number(notes)).toBe(1);
    expect(Number(lapsedNotes)).toBe(0);
    expect(Number(lapsedWarnings)).toBe(Number(warnings) + 1);
  });

  it('--report lists the files it could not read on a page of their own', async () => {
    const out = join(dir, '含坏文件.html');
    const broken = join(dir, 'broken.xlsx');
    writeFileSync(broken, 'not a workbook');
    const r = await cli('check', explained, broken, '--report', out);
    expect(r.err).toContain(
      `审核报告已写入 ${out}（1 份报告，另 1 页列出 1 个未能读取的文件，A4 纵向，可直接打印）`,
    );
    const html = readFileSync(out, 'utf8');
    expect(html.match(/<section>/g)).toHaveLength(2);
    expect(html).toContain('<h1>未能读取的文件</h1>');
    expect(html).toContain(`${broken}：不是有效的 .xlsx 文件`);
  });

  it('--report with no report read still lists what could not be read, and exits 2', async () => {
    const out = join(dir, '全坏.html');
    const broken = join(dir, 'broken2.xlsx');
    writeFileSync(broken, 'not a workbook');
    const r = await cli('check', broken, '--report', out);
    expect(r.code).toBe(2);
    expect(r.err).toContain(
      `审核报告已写入 ${out}（没有读出报告，另 1 页列出 1 个未能读取的文件，A4 纵向，可直接打印）`,
    );
    expect(readFileSync(out, 'utf8')).toContain(`${broken}：不是有效的 .xlsx 文件`);
  });

  it('--report refuses a file that exists, or an input, without --force', async () => {
    const out = join(dir, 'exists.html');
    writeFileSync(out, 'keep me');
    const r = await cli('check', explained, '--report', out);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--force');
    expect(readFileSync(out, 'utf8')).toBe('keep me');
    expect((await cli('check', explained, '--report', out, '--force')).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain(NOTE);
    const asInput = await cli('check', explained, '--report', explained);
    expect(asInput.code).toBe(2);
    expect(existsSync(explained)).toBe(true);
  });
});

describe('a report whose tables are on separate sheets', () => {
  it('is read and checked as one report', async () => {
    const grid = templateGrid(layout, {
      values: values({ 't3.r3_1.natural': 1000 }),
      year: 2024,
      agency: '测试机关',
    });
    // Each table's title is the row above its cells.
    const starts = layout.tableAreas.map((t) => t.area.top - 1);
    expect(starts.map((i) => String(grid[i]!.find((c) => c) ?? '').slice(0, 2))).toEqual([
      '二、',
      '三、',
      '四、',
    ]);
    const wb = new ExcelJS.Workbook();
    const parts = [grid.slice(0, starts[1]), grid.slice(starts[1], starts[2]), grid.slice(starts[2])];
    parts.forEach((rows, n) => {
      const ws = wb.addWorksheet(`表${n + 1}`);
      for (const row of rows) ws.addRow(row.map((v) => (v === null ? undefined : v)));
    });
    const path = join(dir, 'three-sheets.xlsx');
    writeFileSync(path, new Uint8Array(await wb.xlsx.writeBuffer()));
    const r = await cli('check', path);
    expect(r.out).toContain('工作表「表1、表2、表3」');
    // Each table says its sheet, so that 「D7」 is found on 表2.
    expect(r.out).toContain('  二、主动公开政府信息情况（工作表「表1」）');
    expect(r.out).toContain('  三、收到和处理政府信息公开申请情况（工作表「表2」）');
    expect(r.out).toMatch(/\[T3-02\] .*（一）予以公开·自然人（D7）：改为 1408/);
    expect(r.out).toContain('结果：2 个错误，表二尚未填写');
    const json = JSON.parse((await cli('check', '--json', path)).out) as {
      files: { findings: { rule: string; sheet?: string; address?: string }[] }[];
    };
    expect(json.files[0]!.findings.find((f) => f.rule === 'T3-02')).toMatchObject({
      sheet: '表2',
      address: 'D7',
    });
  });
});

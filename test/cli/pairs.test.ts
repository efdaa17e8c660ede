// Last year's report: found in the batch by body and year, within one workbook even without a body's
// name, taken from a --previous workbook by its year; each file read once, pairs read again.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvCell } from '../../src/cli/batch-summary.js';
import { checkBatch, nameAlike } from '../../src/cli/batch.js';
import type { Checked } from '../../src/cli/output.js';
import { readReportFile } from '../../src/readers/files.js';
import { templateGrid, templateLayout } from '../../src/report/template.js';
import { buildXlsx, rowsXml } from '../fuzz/build-xlsx.js';
import { fixturePath, suqian } from '../helpers.js';
import { cli } from './run.js';

/** The batch's last lines, after its reports, are `end`; nothing goes to standard error. */
function expectTail(r: { out: string; err: string }, end: string): void {
  expect(r.out.endsWith(end) ? end : r.out).toBe(end);
  expect(r.err).toBe('');
}

const [y2023, y2024] = suqian();

function sheet(values: Record<string, unknown>, year: number, agency?: string) {
  const grid = templateGrid(templateLayout('2021'), {
    values: values as Record<string, number>,
    year,
    ...(agency ? { agency } : {}),
  });
  return {
    name: `${year}年度年报`,
    data: rowsXml(grid.map((r) => r.map((v) => (v === null ? '' : v)) as (string | number)[])),
  };
}

type Reported = readonly [values: Record<string, unknown>, year: number, agency?: string];

/**
 * Another body's numbers: `k` more applications granted to natural persons, every sum still right.
 * Two bodies with the same numbers are said (one report under two names, or one taken over).
 */
function other(values: Record<string, unknown>, k = 1): Record<string, unknown> {
  const plus = (key: string) => [key, Number(values[key]) + k];
  return {
    ...values,
    ...Object.fromEntries(
      [
        't3.r1.natural',
        't3.r1.total',
        't3.r3_1.natural',
        't3.r3_1.total',
        't3.r3_7.natural',
        't3.r3_7.total',
      ].map(plus),
    ),
  };
}

/** A folder of one-sheet workbooks, each a report of those numbers, year and body. */
function folderOf(files: Record<string, Reported>): string {
  const d = mkdtempSync(join(tmpdir(), 'nianbao-pairs-'));
  for (const [name, [values, year, agency]] of Object.entries(files))
    writeFileSync(join(d, name), buildXlsx({ sheets: [sheet(values, year, agency)] }));
  return d;
}

describe('pairing', () => {
  it('two years in one workbook pair even when 机关名称 is blank; T3-05 speaks of last year', async () => {
    const d = mkdtempSync(join(tmpdir(), 'nianbao-pairs-'));
    const file = join(d, '两年.xlsx');
    writeFileSync(
      file,
      buildXlsx({
        sheets: [sheet(y2023.values, 2023), sheet({ ...y2024.values, 't3.r2.natural': 9 }, 2024)],
      }),
    );
    const r = await cli('check', file, '--json');
    const json = JSON.parse(r.out) as {
      files: { sheet: string; previous?: string; findings: { rule: string; message: string }[] }[];
    };
    expect(json.files.map((f) => [f.sheet, f.previous])).toEqual([
      ['2023年度年报', undefined],
      ['2024年度年报', `${file}「2023年度年报」`],
    ]);
    expect(json.files[1]!.findings.filter((f) => f.rule === 'T3-05').map((f) => f.message)[0]).toContain(
      '上年（2023 年）报告',
    );
  });

  it('two files without a body name do not pair: no guess across files', async () => {
    const d = folderOf({ 'a.xlsx': [y2023.values, 2023], 'b.xlsx': [y2024.values, 2024] });
    const json = JSON.parse((await cli('check', d, '--json')).out) as { files: { previous?: string }[] };
    expect(json.files.map((f) => f.previous)).toEqual([undefined, undefined]);
  });

  it('「宿迁市人民政府」 and 「宿迁市」 are one body and pair; 「宿迁市人民政府办公室」 is another', async () => {
    const d = folderOf({
      'a.xlsx': [y2023.values, 2023, '宿迁市人民政府'],
      'b.xlsx': [y2024.values, 2024, '宿迁市'],
      'c.xlsx': [y2024.values, 2024, '宿迁市人民政府办公室'],
    });
    const json = JSON.parse((await cli('check', d, '--json')).out) as { files: { previous?: string }[] };
    expect(json.files.map((f) => f.previous)).toEqual([
      undefined,
      `${join(d, 'a.xlsx')}「2023年度年报」`,
      undefined,
    ]);
  });

  it('「…区人民政府」, 「…区政府」 and 「…区（本级）」 are one body and pair', async () => {
    const d = folderOf({
      'a.xlsx': [y2023.values, 2023, '宿迁市宿豫区人民政府'],
      'b.xlsx': [y2024.values, 2024, '宿迁市宿豫区政府'],
      'c.xlsx': [other(y2023.values), 2023, '沭阳县（本级）'],
      'd.xlsx': [other(y2024.values), 2024, '沭阳县人民政府'],
    });
    const r = await cli('check', d, '--json');
    const json = JSON.parse(r.out) as { files: { previous?: string }[] };
    expect(json.files.map((f) => f.previous)).toEqual([
      undefined,
      `${join(d, 'a.xlsx')}「2023年度年报」`,
      undefined,
      `${join(d, 'c.xlsx')}「2023年度年报」`,
    ]);
    expect(r.err).toBe('共 4 份报告，0 份有错误。\n');
  });

  it('a report with no report of last year from its body is said, a near name named; a batch of one year once', async () => {
    const d = folderOf({
      'a.xlsx': [y2023.values, 2023, '宿迁市宿豫区人民政府'],
      'b.xlsx': [y2024.values, 2024, '宿豫区人民政府'],
      'c.xlsx': [other(y2024.values, 1), 2024, '泗阳县'],
      // The city's report of last year is no near name of a district's.
      'e.xlsx': [other(y2023.values, 2), 2023, '宿迁市'],
      'f.xlsx': [other(y2024.values, 3), 2024, '宿迁市沭阳县'],
    });
    const r = await cli('check', d);
    expect(r.code).toBe(0);
    // 「宿豫区」 and 「宿迁市宿豫区」 differ by the city's name alone: one body, paired, and said.
    expectTail(
      r,
      `! ${join(d, 'b.xlsx')}「2024年度年报」：上年报告的机关名称写作「宿迁市宿豫区」，与本报告的「宿豫区」只差前面的地名，按同一机关的上一年度报告核对\n` +
        `! ${join(d, 'c.xlsx')}「2024年度年报」、${join(d, 'f.xlsx')}「2024年度年报」：本批中没有同一机关上一年度的报告，未核对跨年度关系；要核对的，请把上年报告放进同一批，或逐份单独校验并用 --previous 指定上年报告\n共 5 份报告，0 份有错误。\n`,
    );
    const json = JSON.parse((await cli('check', d, '--json')).out) as {
      files: { file: string; previous?: string }[];
    };
    expect(json.files.find((f) => f.file === join(d, 'b.xlsx'))!.previous).toBe(
      `${join(d, 'a.xlsx')}「2023年度年报」`,
    );
    // Two cities' 宿豫区 last year: no guess, the near name named.
    const two = folderOf({
      'a.xlsx': [y2023.values, 2023, '宿迁市宿豫区人民政府'],
      'a2.xlsx': [other(y2023.values, 4), 2023, '某市宿豫区'],
      'b.xlsx': [y2024.values, 2024, '宿豫区人民政府'],
    });
    expectTail(
      await cli('check', two),
      `! ${join(two, 'b.xlsx')}「2024年度年报」（本批有名称相近的 2023 年度报告 ${join(two, 'a.xlsx')}「2023年度年报」）：本批中没有同一机关上一年度的报告，未核对跨年度关系；要核对的，请把上年报告放进同一批，或逐份单独校验并用 --previous 指定上年报告\n共 3 份报告，0 份有错误。\n`,
    );
    const one = folderOf({
      'b.xlsx': [y2024.values, 2024, '宿豫区'],
      'c.xlsx': [other(y2024.values), 2024, '泗阳县'],
    });
    expectTail(
      await cli('check', one),
      '! 本批的报告都是 2024 年度的，未核对跨年度关系；要核对的，请把上年报告放进同一批，或逐份单独校验并用 --previous 指定上年报告\n共 2 份报告，0 份有错误。\n',
    );
  });

  it('a report of last year under a shortened name of the body (「卫健委」) is named beside the one without its last year', async () => {
    const d = folderOf({
      'a.xlsx': [y2023.values, 2023, '宿迁市卫健委'],
      'b.xlsx': [y2024.values, 2024, '宿迁市卫生健康委员会'],
      'c.xlsx': [other(y2023.values, 1), 2023, '宿迁市民政局'],
      'd.xlsx': [other(y2024.values, 2), 2024, '宿迁市财政局'],
    });
    const r = await cli('check', d);
    expect(r.out).toContain(
      `! ${join(d, 'b.xlsx')}「2024年度年报」（本批有名称相近的 2023 年度报告 ${join(d, 'a.xlsx')}「2023年度年报」）、${join(d, 'd.xlsx')}「2024年度年报」：本批中没有同一机关上一年度的报告`,
    );
  });

  it('a report whose body has an older year in the batch but not the year before is said', async () => {
    const d = folderOf({
      'a.xlsx': [y2023.values, 2022, '宿迁市'],
      'b.xlsx': [y2024.values, 2024, '宿迁市'],
    });
    const r = await cli('check', d);
    expectTail(
      r,
      `! ${join(d, 'b.xlsx')}「2024年度年报」：本批中没有同一机关上一年度的报告，未核对跨年度关系；要核对的，请把上年报告放进同一批，或逐份单独校验并用 --previous 指定上年报告\n共 2 份报告，0 份有错误。\n`,
    );
  });

  it('a batch of one year with --previous for one body names the others, not the whole batch', async () => {
    const last = folderOf({ 'a.xlsx': [y2023.values, 2023, '宿迁市'] });
    const d = folderOf({
      'b.xlsx': [y2024.values, 2024, '宿迁市'],
      'c.xlsx': [y2024.values, 2024, '泗阳县'],
    });
    const r = await cli('check', d, '--previous', join(last, 'a.xlsx'));
    expect(r.err).not.toContain('本批的报告都是');
    expect(r.out).toContain(
      `! ${join(d, 'c.xlsx')}「2024年度年报」：本批中没有同一机关上一年度的报告，未核对跨年度关系`,
    );
    expect(r.err).not.toContain(`${join(d, 'b.xlsx')}「2024年度年报」：本批中没有`);
    // Each checked against it (two copies of one report): nothing more to say.
    const both = folderOf({
      'b.xlsx': [y2024.values, 2024, '宿迁市'],
      'c.xlsx': [y2024.values, 2024, '宿迁市人民政府'],
    });
    expectTail(
      await cli('check', both, '--previous', join(last, 'a.xlsx')),
      '共 2 份报告（去掉数字相同的副本和其他格式，为 1 份），0 份有错误。\n',
    );
  });

  it('a file whose name gives another year than its report is said: that year’s report may be missing', async () => {
    const d = folderOf({
      '宿迁市2023年年报.xlsx': [y2023.values, 2023, '宿迁市'],
      // Last year's report again, saved under this year's name: this year's is not here.
      '宿迁市2024年年报.xlsx': [y2023.values, 2023, '宿迁市'],
      // A date in the name is no report's year.
      '泗阳县2024年年报（2025年1月发布）.xlsx': [y2024.values, 2024, '泗阳县'],
      '沭阳县年报2025-01-20.xlsx': [y2024.values, 2024, '沭阳县'],
      '宿豫区2025年1月20日发布的年报.xlsx': [y2024.values, 2024, '宿豫区'],
    });
    const r = await cli('check', d);
    expect(r.out).toContain(
      `! ${join(d, '宿迁市2024年年报.xlsx')}「2023年度年报」（文件名是 2024 年，内容是 2023 年度）：文件名中的年度与报告本身的年度（标题、统计期限等）不同，请确认文件是否放错；文件名所说年度的报告可能不在本批中\n`,
    );
    expect(r.out.match(/文件名是/g)).toHaveLength(1);
  });

  it('a file whose name gives another body than its report is said; a shortened name of the body is that body’s', async () => {
    const d = folderOf({
      // 民政局's report sent under 林业局's name: 林业局's is not here.
      '附件3 宿迁市林业局2024年政府信息公开工作年度报告.xlsx': [y2024.values, 2024, '宿迁市民政局'],
      '宿迁市卫健委2024年年报.xlsx': [other(y2024.values, 1), 2024, '宿迁市卫生健康委员会'],
      '宿城区2024年年报.xlsx': [other(y2024.values, 2), 2024, '宿迁市宿城区人民政府'],
      '泗阳县人民政府2024年年报.xlsx': [other(y2024.values, 3), 2024, '泗阳县'],
      '2024年年报.xlsx': [other(y2024.values, 4), 2024, '沭阳县'],
    });
    const r = await cli('check', d);
    const file = join(d, '附件3 宿迁市林业局2024年政府信息公开工作年度报告.xlsx');
    expect(r.out).toContain(
      `! ${file}「2024年度年报」（文件名是「宿迁市林业局」，内容是「宿迁市民政局」）：文件名中的机关与报告本身的机关不同，请确认文件是否放错；文件名所说机关的报告可能不在本批中\n`,
    );
    expect(r.out.match(/文件名是/g)).toHaveLength(1);
  });

  /** A report, its copy under another name, and another body's report. */
  const withCopy = () =>
    folderOf({
      'a.xlsx': [y2024.values, 2024, '宿迁市'],
      'a 副本.xlsx': [y2024.values, 2024, '宿迁市'],
      'b.xlsx': [other(y2024.values, 1), 2024, '泗阳县'],
    });

  it('each report names its copies (the same numbers, another file): in the text, the JSON, the CSV and the page', async () => {
    const d = withCopy();
    const [a, copy] = [`${join(d, 'a.xlsx')}「2024年度年报」`, `${join(d, 'a 副本.xlsx')}「2024年度年报」`];
    const r = await cli('check', d);
    expect(r.out).toContain(`  数字相同的副本（与本报告算作一份）：${copy}\n`);
    expect(r.out).toContain(`  数字相同的副本（与本报告算作一份）：${a}\n`);
    expect(r.out.match(/数字相同的副本（/g)).toHaveLength(2);
    const json = JSON.parse((await cli('check', d, '--json')).out) as {
      files: { file: string; copies?: string[] }[];
    };
    expect(Object.fromEntries(json.files.map((f) => [f.file, f.copies]))).toEqual({
      [join(d, 'a.xlsx')]: [copy],
      [join(d, 'a 副本.xlsx')]: [a],
      [join(d, 'b.xlsx')]: undefined,
    });
    const out = mkdtempSync(join(tmpdir(), 'nianbao-copies-'));
    await cli('check', d, '--summary', join(out, 's.csv'), '--summary', join(out, 's.html'));
    const rows = readFileSync(join(out, 's.csv'), 'utf8').trim().split('\r\n');
    expect(
      rows
        .find((l) => l.startsWith(join(d, 'a.xlsx')))!
        .split(',')
        .at(-2),
    ).toBe(copy);
    // Its column, before the result.
    expect(readFileSync(join(out, 's.html'), 'utf8')).toContain(
      '<td>a 副本.xlsx「2024年度年报」</td><td>有表未填写</td>',
    );
  });

  it('a copy with its report’s result gets no 审核报告 page of its own: its report’s page names it', async () => {
    const d = withCopy();
    const out = join(mkdtempSync(join(tmpdir(), 'nianbao-copies-')), '审核报告.html');
    const r = await cli('check', d, '--report', out);
    expect(r.err).toContain(
      `审核报告已写入 ${out}（3 份报告，其中 1 份是数字相同、结果相同的副本，写在其报告的一页上，第一页是目录，`,
    );
    const html = readFileSync(out, 'utf8');
    // The contents, a page for each of the two reports, and the batch's remark (all of one year).
    expect(html.match(/<section>/g)).toHaveLength(4);
    expect(html).toContain('<h1>需要确认的事项</h1>');
    expect(html).toContain(
      `数字相同的副本（与本报告算作一份，审核结果相同，不另出审核报告）：${join(d, 'a.xlsx')}「2024年度年报」`,
    );
    expect(html).toContain(
      '共 2 份报告（另有 1 个文件是其中报告的数字相同的副本，结果相同，写在其报告的一页上）',
    );
  });

  it('two bodies’ reports of one year with the same numbers are said: one report under two names, or one taken over', async () => {
    const few = { 't3.r1.natural': 1, 't3.r1.total': 1 };
    const d = folderOf({
      'a.xlsx': [y2024.values, 2024, '宿豫区'],
      'b.xlsx': [y2024.values, 2024, '宿迁市宿豫区人民政府'],
      // A few small numbers alike are no sign of a copy.
      'c.xlsx': [few, 2024, '泗阳县'],
      'd.xlsx': [few, 2024, '沭阳县'],
    });
    const r = await cli('check', d);
    expect(r.out).toContain(
      `! ${join(d, 'a.xlsx')}「2024年度年报」、${join(d, 'b.xlsx')}「2024年度年报」：数字完全相同，机关名称却不同（宿豫区、宿迁市宿豫区）。若是同一机关的同一份报告，请统一机关名称（现按 2 个机关的报告各算一份）；若是不同机关的，请核对是否照抄了其他机关的报告\n`,
    );
    expect(r.out.match(/数字完全相同/g)).toHaveLength(1);
  });

  it('reports with errors are counted once with their copies taken out', async () => {
    const wrong = { ...y2024.values, 't3.r1.natural': Number(y2024.values['t3.r1.natural']) + 1 };
    const d = folderOf({
      'a.xlsx': [y2023.values, 2023, '宿迁市'],
      'b.xlsx': [wrong, 2024, '宿迁市'],
      'c.xlsx': [wrong, 2024, '宿迁市人民政府'],
    });
    const page = join(mkdtempSync(join(tmpdir(), 'nianbao-pairs-')), '汇总.html');
    const r = await cli('check', d, '--summary', page);
    expect(r.code).toBe(1);
    const line = '共 3 份报告（去掉数字相同的副本和其他格式，为 2 份），2 份有错误（去掉副本为 1 份）。';
    expect(r.out.trimEnd().split('\n').at(-1)).toBe(line);
    // The summary's page says the batch as the terminal does.
    expect(readFileSync(page, 'utf8')).toContain(`<p>${line}生成于`);
  });

  it('copies of last year’s report (the same numbers) are one report: paired', async () => {
    const now = { ...y2024.values, 't3.r2.natural': Number(y2024.values['t3.r2.natural']) + 1 };
    const d = folderOf({
      'a.xlsx': [y2023.values, 2023, '宿迁市'],
      'b.xlsx': [y2023.values, 2023, '宿迁市'],
      'c.xlsx': [now, 2024, '宿迁市'],
    });
    const r = await cli('check', d, '--json');
    const c = (
      JSON.parse(r.out) as { files: { file: string; previous?: string; findings: { rule: string }[] }[] }
    ).files.find((f) => f.file.endsWith('c.xlsx'))!;
    expect(c.previous).toBe(`${join(d, 'a.xlsx')}「2023年度年报」`);
    expect(c.findings.map((f) => f.rule)).toContain('T3-05');
    expect(r.err).not.toContain('不能确定');
    expect(r.err).not.toContain('数字不同');
  });

  it('a copy whose table 3 could not be read is still the report: not a second one, and the whole copy is paired', async () => {
    const d = mkdtempSync(join(tmpdir(), 'nianbao-pairs-'));
    const cut = sheet(y2023.values, 2023, '宿迁市');
    // Table 3's rows taken out, from its title to table 4's, as a copy that lost it.
    const rows = cut.data.split('</row>');
    const from = rows.findIndex((r) => r.includes('三、收到和处理政府信息公开申请情况'));
    const to = rows.findIndex((r) => r.includes('四、政府信息公开行政复议、行政诉讼情况'));
    expect(0 < from && from < to).toBe(true);
    const lost = { ...cut, data: [...rows.slice(0, from), ...rows.slice(to)].join('</row>') };
    writeFileSync(join(d, 'a-cut.xlsx'), buildXlsx({ sheets: [lost] }));
    writeFileSync(join(d, 'a.xlsx'), buildXlsx({ sheets: [sheet(y2023.values, 2023, '宿迁市')] }));
    const now = { ...y2024.values, 't3.r2.natural': Number(y2024.values['t3.r2.natural']) + 1 };
    writeFileSync(join(d, 'c.xlsx'), buildXlsx({ sheets: [sheet(now, 2024, '宿迁市')] }));
    const label = (f: string) => `${join(d, f)}「${f.startsWith('c') ? 2024 : 2023}年度年报」`;
    const r = await cli('check', d, '--json');
    const files = (JSON.parse(r.out) as { files: Checked[] }).files;
    expect(files.find((f) => f.file.endsWith('a-cut.xlsx'))!.findings.map((f) => f.rule)).toContain('G-04');
    expect(files.find((f) => f.file.endsWith('c.xlsx'))!.previous).toBe(label('a.xlsx'));
    expect(r.err).not.toContain('数字不同');
    // Beside a report that differs in a table both have, the copy is said with the one it agrees with.
    const review = (k: string) => [k, Number(y2023.values[k]) + 1];
    const other = {
      ...y2023.values,
      ...Object.fromEntries(['t4.review.upheld', 't4.review.total'].map(review)),
    };
    writeFileSync(join(d, 'b.xlsx'), buildXlsx({ sheets: [sheet(other, 2023, '宿迁市')] }));
    expect((await cli('check', d)).out).toContain(
      `! ${label('a-cut.xlsx')}、${label('a.xlsx')}（数字相同；${label('a-cut.xlsx')} 的表三未能读取） 与 ${label('b.xlsx')}：是同一机关 2023 年度的 2 份数字不同的报告`,
    );
  });

  it('two different reports of last year for one body: both said, no guess, and the user told what to do', async () => {
    const d = mkdtempSync(join(tmpdir(), 'nianbao-pairs-'));
    writeFileSync(join(d, 'a.xlsx'), buildXlsx({ sheets: [sheet(y2023.values, 2023, '宿迁市')] }));
    // Another count, still balanced: one more received, one more carried forward.
    const plus = (k: string) => Number(y2023.values[k]) + 1;
    const other = {
      ...y2023.values,
      ...Object.fromEntries(
        ['t3.r1.natural', 't3.r1.total', 't3.r4.natural', 't3.r4.total'].map((k) => [k, plus(k)]),
      ),
    };
    writeFileSync(join(d, 'b.xlsx'), buildXlsx({ sheets: [sheet(other, 2023, '宿迁市')] }));
    // A copy of a (its PDF, say): the same report, counted once.
    writeFileSync(join(d, 'a2.xlsx'), buildXlsx({ sheets: [sheet(y2023.values, 2023, '宿迁市')] }));
    writeFileSync(join(d, 'c.xlsx'), buildXlsx({ sheets: [sheet(y2024.values, 2024, '宿迁市')] }));
    const r = await cli('check', d);
    expect(r.code).toBe(0);
    const copies = `${join(d, 'a.xlsx')}「2023年度年报」、${join(d, 'a2.xlsx')}「2023年度年报」（数字相同） 与 ${join(d, 'b.xlsx')}「2023年度年报」`;
    expectTail(
      r,
      `! ${copies}：是同一机关 2023 年度的 2 份数字不同的报告，请确认哪一份是发布的\n` +
        `! ${join(d, 'c.xlsx')}「2024年度年报」：有 2 份数字不同的 2023 年度报告（${copies}），不能确定哪份是上年报告，未核对跨年度关系；请确认哪份是发布的，再单独校验这份报告并用 --previous 指定它\n共 4 份报告（去掉数字相同的副本和其他格式，为 3 份），0 份有错误。\n`,
    );
  });

  it('every report without last year’s is named, however many', async () => {
    const bodies = Array.from({ length: 12 }, (_, i) => `第${i + 1}局`);
    const d = folderOf({
      'last.xlsx': [y2023.values, 2023, '宿迁市'],
      ...Object.fromEntries(bodies.map((b, i) => [`${i}.xlsx`, [y2024.values, 2024, b] as Reported])),
    });
    const err = (await cli('check', d)).out;
    for (const i of bodies.keys()) expect(err).toContain(`${join(d, `${i}.xlsx`)}「2024年度年报」`);
    expect(err).not.toContain('等 12 份');
  });

  it('a blank template of last year is no report of it: the filled one is last year’s, without a word of the blank', async () => {
    const d = folderOf({
      'a.xlsx': [y2023.values, 2023, '宿迁市'],
      'blank.xlsx': [{}, 2023, '宿迁市'],
      'c.xlsx': [y2024.values, 2024, '宿迁市'],
    });
    const r = await cli('check', d, '--json');
    const files = (JSON.parse(r.out) as { files: { file: string; previous?: string }[] }).files;
    expect(files.find((f) => f.file.endsWith('c.xlsx'))!.previous).toBe(
      `${join(d, 'a.xlsx')}「2023年度年报」`,
    );
    expect(r.err).not.toContain('数字不同');
    expect(r.err).not.toContain('blank.xlsx');
  });

  it('--previous a blank template is refused: it holds no numbers of last year to compare', async () => {
    const d = folderOf({ 'blank.xlsx': [{}, 2023, '宿迁市'], 'c.xlsx': [y2024.values, 2024, '宿迁市'] });
    const r = await cli('check', join(d, 'c.xlsx'), '--previous', join(d, 'blank.xlsx'));
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      `--previous 指定的上年报告 ${join(d, 'blank.xlsx')} 中没有填写任何数字（空白模板），不能用来核对跨年度关系\n`,
    );
  });

  it('a report whose year is found nowhere is named: it was not checked against last year', async () => {
    const d = folderOf({
      'a.xlsx': [y2023.values, 2023, '宿迁市'],
      'c.xlsx': [y2024.values, 2024, '宿迁市'],
    });
    // The template's 报告年度 cell left blank, and no title.
    const noYear = templateGrid(templateLayout('2021'), { values: y2024.values as Record<string, number> });
    const rows = noYear.map((row) => row.map((v) => (v === null || /\d{4}\s*年/.test(String(v)) ? '' : v)));
    writeFileSync(
      join(d, 'n.xlsx'),
      buildXlsx({ sheets: [{ name: 'S', data: rowsXml(rows as (string | number)[][]) }] }),
    );
    const r = await cli('check', d);
    expect(r.out).toContain(
      `! ${join(d, 'n.xlsx')}「S」：没有找到报告年度（标题、统计期限、落款日期或「报告年度」一栏），未核对跨年度关系\n`,
    );
  });

  it('a published report whose body is found nowhere (a copy without title and signature) is named: it was not paired', async () => {
    const d = folderOf({ 'a.xlsx': [y2023.values, 2023, '宿迁市'] });
    const seed = readFileSync(fixturePath('jingxiu-2019.txt'), 'utf8').trimEnd().split('\n');
    // The title is not in this copy; the signature and date lines go too.
    writeFileSync(join(d, '无落款.txt'), seed.slice(0, -2).join('\n'));
    writeFileSync(join(d, '有落款.txt'), seed.join('\n'));
    const r = await cli('check', d);
    expect(r.out).toContain(
      `! ${join(d, '无落款.txt')}：没有找到机关名称（标题、落款），未与同一机关其他年度的报告配对；请校验带标题和落款的原文\n`,
    );
    expect(r.out.match(/没有找到机关名称/g)).toHaveLength(1);
  });

  it('a remark of many reports lists them a line each on the terminal; one of every report of the batch says so', async () => {
    const bodies = ['宿城区', '宿豫区', '沭阳县', '泗阳县', '泗洪县'];
    const d = folderOf({
      'a.xlsx': [y2023.values, 2023, '宿迁市'],
      ...Object.fromEntries(bodies.map((b, i) => [`${i}.xlsx`, [other(y2024.values, i + 1), 2024, b]])),
    });
    const r = await cli('check', d);
    const alone = bodies.map((_, i) => `    ${join(d, `${i}.xlsx`)}「2024年度年报」\n`).join('');
    expect(r.out).toContain(
      `! 本批中没有同一机关上一年度的报告，未核对跨年度关系；要核对的，请把上年报告放进同一批，或逐份单独校验并用 --previous 指定上年报告（5 份）：\n${alone}共 6 份报告`,
    );
    // A folder of copies without title or signature: none of them could be paired.
    const seed = readFileSync(fixturePath('jingxiu-2019.txt'), 'utf8').trimEnd().split('\n').slice(0, -2);
    const copies = mkdtempSync(join(tmpdir(), 'nianbao-unnamed-'));
    for (const i of [1, 2, 3, 4]) writeFileSync(join(copies, `${i}.txt`), seed.join('\n'));
    const all = await cli('check', copies, '--json');
    const says =
      '本批全部 4 份报告：没有找到机关名称（标题、落款），未与同一机关其他年度的报告配对；请校验带标题和落款的原文';
    expect(all.err).toContain(`! ${says}\n`);
    expect((JSON.parse(all.out) as { remarks: string[] }).remarks).toContain(says);
    // One of them of the next year: it is not also said to be without last year's, which its lost name says.
    writeFileSync(
      join(copies, '4.txt'),
      seed.join('\n').replace('截至 2019年 12月 31日', '截至 2020年 12月 31日'),
    );
    const next = await cli('check', copies);
    expect(next.out).toContain('! 本批全部 4 份报告：没有找到机关名称');
    expect(next.out).not.toContain('本批中没有同一机关上一年度的报告');
  });

  it('what the batch says of its pairs is in every summary too: the JSON, the CSV and the page', async () => {
    const d = folderOf({
      'a.xlsx': [y2023.values, 2023, '宿迁市'],
      'b.xlsx': [y2024.values, 2024, '泗阳县'],
    });
    const out = mkdtempSync(join(tmpdir(), 'nianbao-pairs-out-'));
    const r = await cli('check', d, '--json', '--summary', join(out, '汇总.csv'));
    const remark = `${join(d, 'b.xlsx')}「2024年度年报」：本批中没有同一机关上一年度的报告，未核对跨年度关系；要核对的，请把上年报告放进同一批，或逐份单独校验并用 --previous 指定上年报告`;
    expect(r.err).toContain(`! ${remark}\n`);
    expect((JSON.parse(r.out) as { remarks?: string[] }).remarks).toEqual([remark]);
    const rows = readFileSync(join(out, '汇总.csv'), 'utf8').trim().split('\r\n');
    expect(rows.at(-1)).toBe(`（本批提示）,,,,,,,,,${csvCell(remark)},,,,提示`);
    await cli('check', d, '--summary', join(out, '汇总.html'));
    expect(readFileSync(join(out, '汇总.html'), 'utf8')).toContain(
      `<h2>需要确认的事项</h2><ul><li>${remark.replace(join(d, 'b.xlsx'), 'b.xlsx')}</li></ul>`,
    );
  });

  it('reports of one body and year: the copies that agree are said together, apart from the one that differs', async () => {
    const fixed = { ...y2024.values, 't3.r1.natural': Number(y2024.values['t3.r1.natural']) + 1 };
    const d = folderOf({
      'a.xlsx': [y2024.values, 2024, '宿迁市'],
      'b.xlsx': [y2024.values, 2024, '宿迁市'],
      'c.xlsx': [fixed, 2024, '宿迁市'],
    });
    const label = (f: string) => `${join(d, f)}「2024年度年报」`;
    expect((await cli('check', d)).out).toContain(
      `! ${label('a.xlsx')}、${label('b.xlsx')}（数字相同） 与 ${label('c.xlsx')}：是同一机关 2024 年度的 2 份数字不同的报告，请确认哪一份是发布的\n`,
    );
  });

  it('the audit report adds a page for the files not checked and one for what to confirm', async () => {
    const fixed = { ...y2024.values, 't3.r1.natural': Number(y2024.values['t3.r1.natural']) + 1 };
    const d = folderOf({ 'a.xlsx': [y2024.values, 2024, '宿迁市'], 'b.xlsx': [fixed, 2024, '宿迁市'] });
    writeFileSync(join(d, '照片.png'), 'not a report');
    const out = join(mkdtempSync(join(tmpdir(), 'nianbao-pairs-out-')), '审核报告.html');
    const r = await cli('check', d, '--report', out);
    expect(r.err).toContain(
      `审核报告已写入 ${out}（2 份报告，第一页是目录，另 2 页列出 1 个未校验的文件、2 项需要确认的事项，A4 纵向，可直接打印）`,
    );
    const html = readFileSync(out, 'utf8');
    // The contents, a page for each report, and the two of the batch.
    expect(html.match(/<section>/g)).toHaveLength(5);
    expect(html).toContain('<h1>未校验的文件</h1>');
    expect(html).toContain(`${join(d, '照片.png')}：未校验（.png 是图片`);
    expect(html).toContain('<h1>需要确认的事项</h1>');
    expect(html).toContain('是同一机关 2024 年度的 2 份数字不同的报告，请确认哪一份是发布的');
  });

  it('--previous of another body is used as asked, and said', async () => {
    const d = folderOf({
      'last.xlsx': [y2023.values, 2023, '沭阳县'],
      'now.xlsx': [y2024.values, 2024, '宿迁市'],
    });
    const r = await cli('check', join(d, 'now.xlsx'), '--previous', join(d, 'last.xlsx'));
    expectTail(
      r,
      `! ${join(d, 'now.xlsx')}「2024年度年报」：本报告是「宿迁市」的，--previous ${join(d, 'last.xlsx')} 是「沭阳县」的，不是同一机关；仍按上年报告核对\n`,
    );
  });

  it('--previous with a folder of several bodies is its own body’s: the others pair in the folder as ever', async () => {
    const last = join(folderOf({ 'last.xlsx': [y2023.values, 2023, '宿迁市'] }), 'last.xlsx');
    const d = folderOf({
      'a2024.xlsx': [y2024.values, 2024, '宿迁市'],
      'b2023.xlsx': [other(y2023.values), 2023, '沭阳县'],
      'b2024.xlsx': [other(y2024.values), 2024, '沭阳县'],
    });
    const r = await cli('check', d, '--previous', last, '--json');
    const json = JSON.parse(r.out) as { files: { file: string; previous?: string }[]; remarks?: string[] };
    expect(json.files.map((f) => [f.file.slice(d.length + 1), f.previous])).toEqual([
      ['a2024.xlsx', last],
      ['b2023.xlsx', undefined],
      ['b2024.xlsx', `${join(d, 'b2023.xlsx')}「2023年度年报」`],
    ]);
    expect(json.remarks).toEqual([
      `--previous ${last} 是「宿迁市」的，只用于同一机关的报告；${join(d, 'b2023.xlsx')}「2023年度年报」、${join(d, 'b2024.xlsx')}「2024年度年报」 是其他机关的，未按它核对`,
    ]);
  });

  it('--previous a workbook of several years: each report takes the year before it', async () => {
    const d = mkdtempSync(join(tmpdir(), 'nianbao-pairs-'));
    const last = join(d, '往年.xlsx');
    writeFileSync(
      last,
      buildXlsx({ sheets: [sheet(y2023.values, 2022, '宿迁市'), sheet(y2023.values, 2023, '宿迁市')] }),
    );
    const now = join(d, '2024.xlsx');
    writeFileSync(now, buildXlsx({ sheets: [sheet(y2024.values, 2024, '宿迁市')] }));
    const r = await cli('check', now, '--previous', last, '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as { files: { previous?: string; findings: { rule: string }[] }[] };
    // Which of its reports, named as pairing names it.
    expect(json.files[0]!.previous).toBe(`${last}「2023年度年报」`);
    expect(json.files[0]!.findings.map((f) => f.rule)).not.toContain('T3-05');
  });

  it('each file is read once, and the two files of a pair once more', async () => {
    const d = mkdtempSync(join(tmpdir(), 'nianbao-pairs-'));
    const names = ['2023.xlsx', '2024.xlsx', 'other.xlsx'];
    const bytes = [
      buildXlsx({ sheets: [sheet(y2023.values, 2023, '宿迁市')] }),
      buildXlsx({ sheets: [sheet(y2024.values, 2024, '宿迁市')] }),
      buildXlsx({ sheets: [sheet(y2024.values, 2024, '别处')] }),
    ];
    const reads: string[] = [];
    const kept: Checked[] = [];
    const totals = await checkBatch(
      names.map((n) => join(d, n)),
      { keep: (c) => c, emit: (c) => kept.push(c) },
      {
        read: (file) => {
          reads.push(file.slice(d.length + 1));
          return readReportFile(file, bytes[names.indexOf(file.slice(d.length + 1))]!);
        },
      },
    );
    expect(reads).toEqual(['2023.xlsx', '2024.xlsx', 'other.xlsx', '2024.xlsx', '2023.xlsx']);
    expect(kept.map((c) => [c.file.slice(d.length + 1), c.previous?.slice(d.length + 1)])).toEqual([
      ['2023.xlsx', undefined],
      ['2024.xlsx', '2023.xlsx「2023年度年报」'],
      ['other.xlsx', undefined],
    ]);
    expect(totals).toMatchObject({ reports: 3, unreadable: [], internalErrors: 0 });
  });
});

describe('a report alone, and last year’s of a body named alike (「宿城区」, 「宿迁市宿城区」)', () => {
  it('is the first such report in the batch, as comparing every two reports finds it', () => {
    const report = fc.record({
      body: fc.option(fc.stringMatching(/^[市区宿城迁]{1,4}$/), { nil: undefined }),
      year: fc.integer({ min: 2022, max: 2024 }),
    });
    fc.assert(
      fc.property(fc.array(report, { maxLength: 30 }), (dated) => {
        const alike = nameAlike(dated);
        for (const s of dated) {
          const searched = dated.find(
            (p) =>
              p.year === s.year - 1 &&
              p.body &&
              s.body &&
              p.body !== s.body &&
              (p.body.endsWith(s.body) || s.body.endsWith(p.body)),
          );
          expect(alike(s)).toBe(searched);
        }
      }),
    );
  });
});

import { describe, expect, it } from 'vitest';
import { auditHtml, auditOf, auditResult, auditRows } from '../../src/checks/audit.js';
import { check } from '../../src/checks/engine.js';
import { fingerprint, noteFor, notesGrid, readNotes, withNotes } from '../../src/report/notes.js';
import { summary } from '../../src/checks/overview.js';
import { filledGrid, jingxiu, readReport } from '../helpers.js';

/** Full-width digits: text that Excel does not add up, read as the number with a G-01 warning. */
const wide = (n: unknown) => String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));

/** The seed with one count typed as full-width text. */
function seed(changes: Record<string, string | number> = {}) {
  const values = jingxiu().values;
  const report = readReport(
    filledGrid(
      '2019',
      { ...values, 't3.r1.natural': wide(values['t3.r1.natural']), ...changes },
      { year: 2020, agency: '保定市竞秀区人民政府' },
    ),
  );
  return { report, findings: check(report) };
}

describe('说明', () => {
  const at = new Date(2025, 0, 20, 15, 4);

  it('a warning with a 说明 is answered: it stays listed but no longer counts as open', () => {
    const { report, findings } = seed();
    const warning = findings.find((f) => f.rule === 'G-01' && f.severity === 'warning')!;
    const note = noteFor(warning, report, '  原表即为全角，已核实无误 ', at, 'E27');
    expect(note).toMatchObject({ text: '原表即为全角，已核实无误', at: '2025-01-20 15:04', rule: 'G-01' });
    const answered = withNotes(findings, report, new Map([[note.fingerprint, note]]));
    expect(answered.find((f) => f.rule === 'G-01')!.note).toEqual({ text: note.text, at: note.at });
    expect(summary(findings)).toBe('1 个警告');
    expect(summary(answered)).toBe('全部通过（1 个已说明）');
  });

  it('survives a re-check, and lapses when the value it speaks of changes', () => {
    const first = seed();
    const warning = first.findings.find((f) => f.rule === 'G-01')!;
    const notes = readNotes(notesGrid([noteFor(warning, first.report, '已核实', at)]));
    const again = seed();
    expect(withNotes(again.findings, again.report, notes).some((f) => f.note)).toBe(true);
    const changed = seed({ 't3.r1.natural': wide(Number(jingxiu().values['t3.r1.natural']) + 1) });
    expect(withNotes(changed.findings, changed.report, notes).some((f) => f.note)).toBe(false);
  });

  it('is found by the fingerprint an earlier version saved in the workbook', () => {
    const { report, findings } = seed();
    // As the release of 2026-11 wrote it: a change of the hash would orphan every saved 说明.
    expect(
      fingerprint(
        findings.find((f) => f.rule === 'G-01')!,
        report,
      ),
    ).toBe('0ee390b815ddf3');
  });

  it('an error cannot be answered by a 说明', () => {
    const { report, findings } = seed({ 't3.r3_7.natural': 4 });
    const error = findings.find((f) => f.severity === 'error')!;
    const notes = new Map([[fingerprint(error, report), noteFor(error, report, '不改了', at)]]);
    expect(withNotes(findings, report, notes).find((f) => f.severity === 'error')!.note).toBeUndefined();
  });

  it('a table left wholly blank cannot be answered by a 说明: a blank template never passes', () => {
    const report = readReport(filledGrid('2019', {}));
    const findings = check(report);
    const blank = findings.filter((f) => f.rule === 'G-03' && f.cells.length === 0);
    expect(blank.map((f) => f.table)).toEqual(['t2', 't3', 't4']);
    const notes = new Map(blank.map((f) => [fingerprint(f, report), noteFor(f, report, '无', at)]));
    const answered = withNotes(findings, report, notes);
    expect(answered.some((f) => f.note)).toBe(false);
    expect(summary(answered)).not.toMatch(/通过/);
    const audit = auditOf(report, answered, { checkedAt: at });
    // The blank tables are said once, as not filled in: no 说明 can answer them.
    expect(auditResult(audit)).toBe('未通过（表二、表三、表四尚未填写）');
    expect(auditRows(audit).some((r) => r.cells.some((c) => c.includes('说明：（未填写）')))).toBe(false);
    // No body or year named (a blank sheet, or a published text that names none): not stated, whichever.
    expect(auditRows(audit)[1]!.cells[0]).toMatch(/^机关名称：（未注明）.*报告年度：（未注明）/);
  });

  it('the notes sheet reads back what was written, and passes over rows that are not notes', () => {
    const { report, findings } = seed();
    const n = noteFor(
      findings.find((f) => f.rule === 'G-01')!,
      report,
      '已核实',
      at,
      'E27',
    );
    const grid = [['随便写的'], ...notesGrid([n]), ['not-a-fingerprint', 'G-01', '', '', '说明', ''], []];
    expect([...readNotes(grid).values()]).toEqual([n]);
    expect(readNotes(undefined).size).toBe(0);
  });
});

describe('审核报告', () => {
  const at = new Date(2025, 0, 20, 15, 4);

  it('says 未通过 with the open errors, and lists every warning with its 说明 or 「未说明」', () => {
    const { report, findings } = seed({ 't3.r3_7.natural': 4 });
    const audit = auditOf(report, findings, { checkedAt: at, source: '2019年度年报' });
    expect(auditResult(audit)).toBe('未通过（3 个错误，1 个警告未说明）');
    const rows = auditRows(audit);
    expect(rows[0]!.cells[0]).toBe('政府信息公开工作年度报告审核报告');
    const listed = rows.filter((r) => r.style === 'error' || r.style === 'warning');
    expect(listed).toHaveLength(findings.filter((f) => f.severity !== 'info').length);
    expect(
      listed.filter((r) => r.style === 'warning').every((r) => r.cells[4]!.endsWith('说明：（未填写）')),
    ).toBe(true);
    expect(rows.at(-1)!.cells[0]).toContain('填报人');
  });

  it('says whether the report was checked against last year’s (2019, the format’s first year, has none to say)', () => {
    const { report, findings } = seed();
    const metas = (r: typeof report, previous?: string) =>
      auditRows(auditOf(r, findings, { checkedAt: at, ...(previous ? { previous } : {}) }))
        .filter((row) => row.style === 'meta')
        .map((row) => row.cells[0]);
    expect(metas({ ...report, year: 2019 }).join()).not.toContain('对照上年报告');
    const later = { ...report, year: 2020 };
    expect(metas(later)).toContain('对照上年报告：无（跨年度关系未核对）');
    expect(metas(later, '2019.xlsx')).toContain('对照上年报告：2019.xlsx');
  });

  it('says 通过 when only explained warnings remain, and prints them with their 说明', () => {
    const { report, findings } = seed();
    const n = noteFor(
      findings.find((f) => f.rule === 'G-01')!,
      report,
      '已核实',
      at,
    );
    const audit = auditOf(report, withNotes(findings, report, new Map([[n.fingerprint, n]])), {
      checkedAt: at,
    });
    expect(auditResult(audit)).toBe('通过（1 个警告已说明）');
    const html = auditHtml(audit);
    expect(html).toContain('说明：已核实（2025-01-20 15:04）');
    expect(html).toContain('size:A4 portrait');
    // A long list runs onto more pages: its header is printed again on each, and the pages are numbered.
    expect(html).toMatch(/<thead>(?:<tr class="running">.*?<\/tr>)?<tr class="header"><th>序号<\/th>/);
    // With its source, each page of it says whose report it is.
    const sourced = auditHtml(
      auditOf(report, findings, { checkedAt: at, source: 'a.xlsx（工作表「2019年度年报」）' }),
    );
    expect(sourced).toContain(
      '<thead><tr class="running"><th colspan="5">a.xlsx（工作表「2019年度年报」） · 保定市竞秀区人民政府 · 2020 年度</th></tr><tr class="header"><th>序号</th>',
    );
    expect(html).toContain('counter(page)');
    expect(html.indexOf('<tbody>')).toBeGreaterThan(html.indexOf('</thead>'));
    // The rules cited, each with its meaning, under the table and above the lines to sign.
    const legend = html.indexOf('<p class="legend">规则：G-01 ');
    expect(legend).toBeGreaterThan(html.indexOf('</table>'));
    expect(legend).toBeLessThan(html.indexOf('<p class="sign">'));
  });

  it('a batch’s 审核报告 begins with a page listing its reports and their results; one report’s has none', () => {
    const { report } = seed();
    const wrong = seed({ 't3.r1.natural': 9999 });
    expect(wrong.findings.some((f) => f.severity === 'error')).toBe(true);
    const ok = auditOf(report, [], { checkedAt: at, source: '甲.xlsx' });
    const bad = auditOf({ ...wrong.report, agency: '乙局' }, wrong.findings, {
      checkedAt: at,
      source: '乙.txt',
    });
    const html = auditHtml([ok, bad], [{ file: '丙.doc', message: '丙.doc：旧版 Word' }]);
    const contents = html.slice(html.indexOf('<section>'), html.indexOf('</section>'));
    expect(contents).toContain('（本批 2 份）');
    expect(contents).toContain('共 2 份报告：通过 1 份，未通过 1 份；另有 1 个文件未能读取，见最后几页。');
    expect(contents).toMatch(/<td>1<\/td><td>甲\.xlsx<\/td>.*<td>通过<\/td>/);
    expect(contents).toMatch(/<td>2<\/td><td>乙\.txt<\/td><td>乙局<\/td>.*<td>未通过<\/td>/);
    // Then each report's own page, in the same order.
    expect(html.indexOf('甲.xlsx ·')).toBeLessThan(html.indexOf('乙.txt ·'));
    expect(auditHtml(ok)).not.toContain('（本批');
  });
});

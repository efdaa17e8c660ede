import { readFileSync } from 'node:fs';
import { check } from '../src/checks/engine.js';
import type { Finding } from '../src/report/finding.js';
import { type Grid, readGrid } from '../src/readers/grid.js';
import type { RawValue, Report } from '../src/report/types.js';
import { templateGrid, templateLayout } from '../src/report/template.js';
import { reportFromValues } from '../src/report/from-values.js';
import { PART_TITLES } from '../src/report/parts.js';
import type { CellKey, Edition } from '../src/report/types.js';

export type Values = Record<CellKey, RawValue>;

export function fixturePath(name: string): string {
  return new URL(`./fixtures/${name}`, import.meta.url).pathname;
}

export interface FixtureReport {
  readonly agency: string;
  readonly year: number;
  readonly edition: Edition;
  readonly values: Values;
}

export function jingxiu(): FixtureReport {
  return JSON.parse(readFileSync(fixturePath('jingxiu-2019.values.json'), 'utf8')) as FixtureReport;
}

/**
 * The numbers of `merged-other-way.*` (see `mergedOtherWayHtml` in scripts/make-fixtures.ts): the
 * seed's, table 2's six rows of three numbers written 10k+1, 10k+2, 10k+3, two of them left blank.
 */
export function mergedOtherWay(): Values {
  const values: Values = { ...jingxiu().values };
  const rows = [
    ['rules', 'made', 'published', 'publicTotal'],
    ['normative', 'made', 'published', 'publicTotal'],
    ['license', 'lastYearItems', 'change', 'decisions'],
    ['otherServices', 'lastYearItems', 'change', 'decisions'],
    ['penalty', 'lastYearItems', 'change', 'decisions'],
    ['enforcement', 'lastYearItems', 'change', 'decisions'],
  ];
  rows.forEach(([row, ...cells], k) =>
    cells.forEach((cell, i) => (values[`t2.${row}.${cell}`] = 10 * (k + 1) + i + 1)),
  );
  values['t2.rules.published'] = '';
  values['t2.license.change'] = '';
  return values;
}

/** The seed text (保定市竞秀区 2019) with its 商业企业 count of 新收 (a 0) written as `written`. */
export function seedTextWith(written: string): string {
  const lines = readFileSync(fixturePath('jingxiu-2019.txt'), 'utf8').split('\n');
  const row = lines.findIndex((l) => l.includes('一、本年新收政府信息公开申请数量'));
  const zero = lines.findIndex((l, i) => i > row + 1 && l.trim() === '0');
  lines[zero] = lines[zero]!.replace('0', written);
  return lines.join('\n');
}

export function suqian(): [FixtureReport, FixtureReport] {
  const d = JSON.parse(readFileSync(fixturePath('suqian-2023-2024.json'), 'utf8')) as {
    reports: FixtureReport[];
  };
  return [d.reports[0]!, d.reports[1]!];
}

/** The template filled with `values`, as Office.js would give the sheet's values. */
export function filledGrid(
  edition: Edition,
  values: Values,
  heading: { year?: number; agency?: string } = {},
): RawValue[][] {
  return templateGrid(templateLayout(edition), { values, ...heading });
}

export function readReport(grid: Grid): Report {
  const r = readGrid(grid, { sheet: '测试' });
  if (!r.report) throw new Error(r.problem);
  return r.report;
}

export function checkGrid(grid: Grid, previous?: Report): Finding[] {
  return check(readReport(grid), previous ? { previous } : {});
}

/**
 * A report as published, with the given parts of text (the others a sentence on 信息处理费): 宿迁市
 * 2024 (2021 edition, or other `values` of it), or 保定市竞秀区 2019 (2019 edition).
 */
export function publishedReport(
  parts: Partial<Record<number, string>>,
  { edition = '2021', values }: { edition?: Edition; values?: Values } = {},
): Report {
  const r =
    edition === '2021'
      ? reportFromValues('2021', values ?? suqian()[1].values, { year: 2024, agency: '宿迁市' })
      : reportFromValues('2019', values ?? jingxiu().values, { year: 2019, agency: '保定市竞秀区人民政府' });
  return {
    ...r,
    published: {
      titles: PART_TITLES.map((_, i) => i + 1),
      parts: PART_TITLES.map((_, i) => parts[i] ?? '本年度未收取信息处理费。'),
    },
  };
}

export const errors = (fs: readonly Finding[]) => fs.filter((f) => f.severity === 'error');
export const ofRule = (fs: readonly Finding[], rule: string) => fs.filter((f) => f.rule === rule);

/** A report's tables as HTML <table>s with rowspan and colspan, header cells broken by <br> as pages do. */
export function tablesHtml(edition: Edition, values: Values): string[] {
  const layout = templateLayout(edition);
  const at = new Map(layout.cells.map((c) => [`${c.pos.row},${c.pos.col}`, c]));
  const covered = (r: number, c: number) =>
    layout.merges.some(
      (m) => r >= m.top && r <= m.bottom && c >= m.left && c <= m.right && (r !== m.top || c !== m.left),
    );
  return layout.tableAreas.map(({ area }) => {
    const rows: string[] = [];
    for (let r = area.top; r <= area.bottom; r++) {
      const cells: string[] = [];
      for (let c = area.left; c <= area.right; c++) {
        if (covered(r, c)) continue;
        const m = layout.merges.find((x) => x.top === r && x.left === c);
        const cell = at.get(`${r},${c}`);
        const content = cell?.key
          ? String(values[cell.key] ?? '')
          : (cell?.text ?? '').replace('制作', '<br>制作');
        const span = m ? ` rowspan="${m.bottom - m.top + 1}" colspan="${m.right - m.left + 1}"` : '';
        cells.push(`<td${span}><p>${content.replace('&', '&amp;')}</p></td>`);
      }
      rows.push(`<tr>${cells.join('')}</tr>`);
    }
    return `<table border="1">${rows.join('\n')}</table>`;
  });
}

/** A saved report page: title, the six parts with the tables in theirs, signature and date. */
export function reportHtml(
  edition: Edition,
  values: Values,
  page: { title: string; parts: readonly [string, string, string]; signature: string; date: string },
): string {
  const [t2, t3, t4] = tablesHtml(edition, values);
  const part = (title: string, body: string) => `<h3>${title}</h3><p>${body}</p>`;
  return `<!doctype html><html><head><title>${page.title}</title>
<script>var x = "三、收到和处理政府信息公开申请情况";</script></head><body>
<h1>${page.title}</h1>
${part('一、总体情况', page.parts[0])}
<h3>二、主动公开政府信息情况</h3>${t2}
<h3>三、收到和处理政府信息公开申请情况</h3>${t3}
<h3>四、政府信息公开行政复议、行政诉讼情况</h3>${t4}
${part('五、存在的主要问题及改进情况', page.parts[1])}
${part('六、其他需要报告的事项', page.parts[2])}
<p style="text-align:right">${page.signature}<br>${page.date}</p></body></html>`;
}

/** The seed report as its saved web page. */
export function seedHtml(): string {
  const text = readFileSync(fixturePath('jingxiu-2019.txt'), 'utf8');
  const five = text
    .slice(text.indexOf('五、存在的主要问题'), text.indexOf('六、其他需要报告的事项'))
    .split('\n')
    .slice(1);
  return reportHtml('2019', jingxiu().values, {
    title: '保定市竞秀区2019年政府信息公开工作年度报告',
    parts: [
      '2019年，我区收到5例政府信息依申请公开，全部按照规定时限对申请人作出答复。',
      five.join('</p><p>'),
      '无其他需要报告的事项&nbsp;',
    ],
    signature: '保定市竞秀区人民政府',
    date: '2020年2月15日',
  });
}

/** GB18030 bytes for text, via the code points TextDecoder maps back (the test needs no encoder library). */
export function encodeGbk(text: string): Buffer {
  const decoder = new TextDecoder('gb18030');
  const table = new Map<string, number[]>();
  for (let hi = 0x81; hi <= 0xfe; hi++)
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      if (lo === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([hi, lo]));
      if (ch.length === 1 && ch !== '\ufffd' && !table.has(ch)) table.set(ch, [hi, lo]);
    }
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) bytes.push(code);
    else bytes.push(...(table.get(ch) ?? [0x3f]));
  }
  return Buffer.from(bytes);
}

import { type Edition, FIRST_FORMAT_YEAR } from '../../report/types.js';
import { type Context, finding } from '../context.js';
import type { Finding } from '../../report/finding.js';

const EDITION_NAMES: Readonly<Record<Edition, string>> = {
  '2019': '2019 版格式（国办公开办函〔2019〕60号）',
  '2021': '2021 版格式（国办公开办函〔2021〕30号）',
};

export function editionForYear(year: number): Edition {
  return year >= 2021 ? '2021' : '2019';
}

/** */
export function editionFindings(ctx: Context): Finding[] {
  const year = ctx.report.year;
  if (year === undefined) return [];
  const out: Finding[] = [];
  const edition = ctx.report.edition;
  const fits = editionForYear(year);
  if (year < FIRST_FORMAT_YEAR || fits !== edition) {
    const should =
      year < FIRST_FORMAT_YEAR ? '该格式自 2019 年度报告起施行' : `应使用 ${EDITION_NAMES[fits]}`;
    out.push(
      finding(ctx, {
        rule: 'X-01',
        cells: [],
        message: `报告年度为 ${year} 年，本表是 ${EDITION_NAMES[edition]}；${should}。`,
      }),
    );
  }
  // Where the clerk gives a 2018 report in this form all the same, its rules run, and X-02 would
  // say they cannot.
  if (year === FIRST_FORMAT_YEAR && !ctx.previous) {
    out.push(
      finding(ctx, {
        rule: 'X-02',
        cells: [],
        message: '2019 年是现行格式的第一年，没有 2018 年同格式的报告可比，跨年度规则不适用。',
      }),
    );
  }
  return out;
}

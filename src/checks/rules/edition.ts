import { type Edition, FIRST_FORMAT_YEAR } from '../../report/types.js';
import { type Context, finding } from '../context.js';
import type { Finding } from '../../report/finding.js';
import { isUnfilled } from '../../report/numbers-key.js';
import { arabicYears } from '../../report/years.js';
import { shownText } from '../../report/shown.js';
import { Remembered } from '../../report/remembered.js';

const EDITION_NAMES: Readonly<Record<Edition, string>> = {
  '2019': '2019 版格式（国办公开办函〔2019〕60号）',
  '2021': '2021 版格式（国办公开办函〔2021〕30号）',
};

export function editionForYear(year: number): Edition {
  return year >= 2021 ? '2021' : '2019';
}

/** Sheets' names repeat from workbook to workbook (「2024年度年报」, 「Sheet1」): each is read once. */
const YEARS_OF_NAMES = new Remembered<string, number | undefined>(1000);
const yearOfSheetName = (name: string) => YEARS_OF_NAMES.of(name, yearNamed);

/**
 * The year a sheet's name states: 「2024年度年报」, 「2024年报」, 「2024年度」 or 「2024」 alone; not a
 * date (「2024年1月」), nor a name of two years (「2023-2024对比」).
 */
function yearNamed(name: string): number | undefined {
  const text = arabicYears(name);
  const years = new Set([...text.matchAll(/(?:19|20)\d{2}/g)].map((m) => m[0]));
  if (years.size !== 1) return undefined;
  const m = /^\s*((?:19|20)\d{2})\s*$/.exec(text) ?? /((?:19|20)\d{2})\s*年(?:度|报)/.exec(text);
  return m ? Number(m[1]) : undefined;
}

/** The years the report's sheets say by their names, with the sheet that says each. */
function sheetNameYears(ctx: Context): { name: string; y: number }[] {
  // A published report's text has no sheets.
  if (!ctx.report.sheets) return [];
  return [...new Set(Object.values(ctx.report.sheets))].flatMap((name) => {
    const y = yearOfSheetName(name);
    return y !== undefined ? [{ name, y }] : [];
  });
}

/** X-04: the report's sheets say its year by their names, and the report says another. */
function sheetYearFindings(ctx: Context): Finding[] {
  const year = ctx.report.year;
  if (year === undefined) return [];
  const first = sheetNameYears(ctx).find((n) => n.y !== year);
  if (!first) return [];
  const at = ctx.report.yearCell ? `（${ctx.report.yearCell.address}）` : '';
  const message = `工作表名「${first.name}」是 ${first.y} 年度，而「报告年度」${at}是 ${year} 年：复制上年的表格后常忘了改年度，请改正「报告年度」或工作表名；跨年度核对按「报告年度」找上年报告。`;
  return [atCell(finding(ctx, { rule: 'X-04', cells: [], message }), ctx.report.yearCell)];
}

/**
 * X-05, X-06: a report on a sheet says its year and its body; a body is looked for only where the
 * sheet has its cell (the template's 机关名称).
 */
function headingFindings(ctx: Context): Finding[] {
  const { report } = ctx;
  if (!report.sheets) return [];
  const noYear = report.year === undefined;
  const cell = report.agencyCell;
  const noBody = !report.agency && cell !== undefined;
  // A template not begun has its own finding (本表尚未填写): the heading is filled in with it.
  if ((!noYear && !noBody) || isUnfilled(report)) return [];
  const out: Finding[] = [];
  if (noYear) {
    const at = report.yearCell;
    // 「2024年度年报」: the sheet's name says which year, as last year's copied and renamed does.
    const [named] = sheetNameYears(ctx);
    const hint = named ? `工作表名「${named.name}」是 ${named.y} 年度` : '如「2024」';
    const written = report.yearWritten;
    const message = at
      ? `「报告年度」（${at.address}）${written ? `填的是「${shownText(written)}」，不是年度` : '没有填写'}：请填写本报告是哪一年度的（${written ? '四位数，' : ''}${hint}）。跨年度核对按报告年度找上年报告，审核报告也要写明年度。`
      : `没有找到报告年度：表格上方没有「报告年度」一栏，标题中也没有年度${named ? `（${hint}）` : ''}。请加上「报告年度」一栏或标题（如「××局2024年政府信息公开工作年度报告」），跨年度核对按报告年度找上年报告。`;
    out.push(atCell(finding(ctx, { rule: 'X-05', cells: [], message }), at));
  }
  if (noBody)
    out.push(
      atCell(
        finding(ctx, {
          rule: 'X-06',
          cells: [],
          message: `「机关名称」（${cell.address}）没有填写：请填写发布本报告的机关的全称。批量审核按机关名称把相邻两年的报告配对，审核报告也要写明机关。`,
        }),
        cell,
      ),
    );
  return out;
}

/** A finding about the heading, pointed at its cell (报告年度's, 机关名称's) where the report has one: a click goes there. */
function atCell(f: Finding, cell: { readonly sheet: string; readonly address: string } | undefined): Finding {
  return cell ? { ...f, sheet: cell.sheet, at: [cell.address] } : f;
}

/** X-01, X-02, X-04, X-05 and X-06. */
export function editionFindings(ctx: Context): Finding[] {
  const sheetYear = sheetYearFindings(ctx);
  const heading = headingFindings(ctx);
  const year = ctx.report.year;
  if (year === undefined) return [...sheetYear, ...heading];
  const out: Finding[] = [...sheetYear, ...heading];
  const edition = ctx.report.edition;
  const fits = editionForYear(year);
  if (year < FIRST_FORMAT_YEAR || fits !== edition) {
    const should =
      year < FIRST_FORMAT_YEAR ? '该格式自 2019 年度报告起施行' : `应使用 ${EDITION_NAMES[fits]}`;
    out.push(
      atCell(
        finding(ctx, {
          rule: 'X-01',
          cells: [],
          message: `报告年度为 ${year} 年，本表是 ${EDITION_NAMES[edition]}；${should}。`,
        }),
        ctx.report.yearCell,
      ),
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

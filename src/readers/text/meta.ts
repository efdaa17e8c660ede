import { compact } from '../../report/labels.js';
import { REPORT_TITLE } from '../../report/parts.js';
import { shownText } from '../../report/shown.js';
import { arabicYears } from '../../report/years.js';
import type { Token } from './tokens.js';

const DATE = /^((?:19|20)\d{2})\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$/;
/** A signature: the name of a body, short, no punctuation. */
const BODY =
  /^[\u4e00-\u9fff（）()]{2,40}(?:政府|办公室|办公厅|局|委员会|委|厅|部|院|署|中心|公司|会|处|所|办)$/;
/** 「××2024年(度)政府信息公开工作年度报告」 or 「2019年××政府信息公开工作年度报告」. */
const TITLE = new RegExp(`^(.*?)((?:19|20)\\d{2})年度?(.*?)${REPORT_TITLE}`);
/** 「本年度报告中所列数据统计期限从2019年1月1日到12月31日止」. */
const PERIOD = /统计期限[^\d]{0,4}((?:19|20)\d{2})年1月1日/;
/** 「截至2019年12月31日」, 「截止到 2019 年 12 月 31 日」: the end of the year a report counts. */
const COUNTED_TO = /截[至止]到?((?:19|20)\d{2})年12月31日/;
/** The title's last character, in any line that holds a title or its end. */
const TITLE_END = REPORT_TITLE.at(-1)!;
/** Where the title and the period are: the head of the report. */
const HEAD = 20;
/** A title (a site's heading words before it included) is shorter than this. */
const MAX_TITLE_LINE = 160;

/** A line as compared: without spaces, nor controls and direction marks (a name 「…政府\u202e」 is no name). */
const plain = (text: string) => compact(shownText(text));

function fromTitle(text: string): { agency?: string; year: number } | undefined {
  const m = text.includes(REPORT_TITLE) ? TITLE.exec(text) : null;
  if (!m) return undefined;
  // A site's heading row comes before it as 「名称：」 or 「文章标题：」, its breadcrumb as
  // 「首页 > 政务公开 > 」, its info bar as 「来源：… 字号：[大 中 小]」: no part of the body's name.
  // A 解读 quotes it: 「图解《××2024年…年度报告》」. 「××关于2024年…」 and 「关于××2024年…」 name ××.
  const own = (s: string | undefined) =>
    s?.replace(/^.*[>＞»›《「\]】］：:]/, '').replace(/^关于|关于$/g, '');
  const agency = own(m[1]) || own(m[3]);
  return { ...(agency ? { agency } : {}), year: Number(m[2]) };
}

/**
 * The title, which may be broken over two lines: the body on one, the year and the rest on the
 * next. The last of the lines before the report (a site lists other years' reports above it), or
 * the `first` of the first lines, where part 一 was not found and later lines may be its text.
 */
function readTitle(head: readonly string[], first = false): { agency?: string; year: number } | undefined {
  let found: { agency?: string; year: number } | undefined;
  for (let k = 0; k < head.length && !found?.agency; k++) {
    const i = first ? k : head.length - 1 - k;
    const own = fromTitle(head[i]!);
    const joined = [
      head[i - 1] && BODY.test(head[i - 1]!) ? fromTitle(head[i - 1]! + head[i]!) : undefined,
      fromTitle(head[i]! + (head[i + 1] ?? '')),
    ];
    const withBody = [own, ...joined].find((t) => t?.agency);
    found = withBody ?? found ?? own ?? joined.find(Boolean);
  }
  return found;
}

/**
 * Agency and year from the title, else from the statistics period, the signature and the date
 * line at the end (a report is dated in the year after the one it reports on).
 */
export function readMeta(tokens: readonly Token[], firstPart = -1): { agency?: string; year?: number } {
  // A paragraph is no title, nor a piece of one: only short lines are made comparable.
  const lines = (from: number, to: number) =>
    tokens
      .slice(from, to)
      .filter((t) => t.text)
      .map((t) => (t.text.length > MAX_TITLE_LINE ? '' : arabicYears(plain(t.text))));
  // A title ends in 「告」: where no line has it (a copy of the report's text alone), there is none,
  // and the lines are not made comparable.
  const titleIn = (from: number, to: number, first = false) =>
    tokens.slice(from, to).some((t) => t.text.includes(TITLE_END))
      ? readTitle(lines(from, to), first)
      : undefined;
  // The title is in the lines before part 一's where that is found (the last of them: a site lists
  // other years' reports above it), else the first of the first few; the period in the first few.
  const title = firstPart > 0 ? titleIn(Math.max(0, firstPart - HEAD), firstPart) : titleIn(0, HEAD, true);
  let agency = title?.agency;
  let year = title?.year;
  if (year === undefined) {
    const period = tokens
      .slice(0, HEAD)
      .filter((t) => t.text.includes('统计期限'))
      .map((t) => PERIOD.exec(arabicYears(plain(t.text))))
      .find(Boolean);
    if (period) year = Number(period[1]);
  }
  const tail = tokens.slice(-6).filter((t) => t.text);
  const date = tail.findLast((t) => DATE.test(plain(t.text)));
  if (date && year === undefined) year = Number(DATE.exec(plain(date.text))![1]) - 1;
  // No title, period nor date (a copy of the text alone): the year the report counts to (「截至2019年12月31日」).
  if (year === undefined) {
    const to = tokens
      .filter((t) => t.text.includes('12') && /截[至止]/.test(t.text))
      .map((t) => COUNTED_TO.exec(arabicYears(plain(t.text))))
      .find(Boolean);
    if (to) year = Number(to[1]);
  }
  if (agency === undefined) {
    const sign = tail.findLast((t) => t !== date && BODY.test(plain(t.text)));
    if (sign) agency = plain(sign.text);
  }
  return { ...(agency ? { agency } : {}), ...(year ? { year } : {}) };
}

/** The date line that closes a report (「2025年1月20日」). */
export const isDateLine = (text: string): boolean => DATE.test(compact(text));

/** The signature or date line that closes a report: not part of part 六's text. */
export function isSignatureLine(text: string): boolean {
  const c = compact(text);
  return DATE.test(c) || BODY.test(c);
}

import { compact } from '../../report/labels.js';
import { REPORT_TITLE } from '../../report/parts.js';
import type { Token } from './tokens.js';

const DATE = /^((?:19|20)\d{2})\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$/;
/** A signature: the name of a body, short, no punctuation. */
const BODY = /^[\u4e00-\u9fff（）()]{2,40}(?:政府|办公室|局|委员会|委|厅|部|院|署|中心|公司|会|处|所|办)$/;

/**
 * Agency and year from the title 「××2024年(度)政府信息公开工作年度报告」, else from the signature
 * and the date line at the end (a report is dated in the year after the one it reports on).
 */
export function readMeta(tokens: readonly Token[]): { agency?: string; year?: number } {
  let agency: string | undefined;
  let year: number | undefined;
  for (const t of tokens.slice(0, 20)) {
    const c = compact(t.text);
    const m = new RegExp(`^(.*?)((?:19|20)\\d{2})年度?${REPORT_TITLE}`).exec(c);
    if (m) {
      agency = m[1] || undefined;
      year = Number(m[2]);
      break;
    }
  }
  const tail = tokens.slice(-6).filter((t) => !t.blank);
  const date = tail.findLast((t) => DATE.test(compact(t.text)));
  if (date && year === undefined) year = Number(DATE.exec(compact(date.text))![1]) - 1;
  if (agency === undefined) {
    const sign = tail.findLast((t) => t !== date && BODY.test(compact(t.text)));
    if (sign) agency = compact(sign.text);
  }
  return { ...(agency ? { agency } : {}), ...(year ? { year } : {}) };
}

/** The signature or date line that closes a report: not part of part 六's text. */
export function isSignatureLine(text: string): boolean {
  const c = compact(text);
  return DATE.test(c) || BODY.test(c);
}

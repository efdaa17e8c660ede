import { type RuleId, ruleInfo, severityOf } from '../report/catalog.js';
import { cellSpec, type DataCellSpec } from '../report/model.js';
import type { Report } from '../report/types.js';
import type { CellKey, TableId } from '../report/types.js';
import type { Finding, Severity } from '../report/finding.js';
import type { Numbers } from './numbers.js';

export interface Side {
  readonly report: Report;
  readonly numbers: Numbers;
}

export interface Context extends Side {
  readonly previous?: Side;
  /** 内容雷同 threshold: share of a part's text repeated from last year (0–1). */
  readonly similarity?: number;
}

export interface FindingDraft {
  readonly rule: RuleId;
  /** Only where the rule emits another severity than its own (see the catalog). */
  readonly severity?: Severity;
  readonly table?: TableId;
  readonly cells: readonly CellKey[];
  readonly culprit?: CellKey;
  readonly suggested?: number;
  readonly message: string;
  readonly fact?: string;
  readonly caveat?: string;
}

export function spec(side: Side, key: CellKey): DataCellSpec {
  const s = cellSpec(side.report.edition, key);
  if (!s) throw new Error(`no cell ${key} in the ${side.report.edition} edition`);
  return s;
}

export function address(side: Side, key: CellKey): string | undefined {
  return side.report.cells.get(key)?.address;
}

/** Where a message says the cell is: in the file it came from, else its address. */
function cited(side: Side, key: CellKey): string | undefined {
  const cell = side.report.cells.get(key);
  return cell?.origin ?? cell?.address;
}

/** 「（七）总计·自然人（D27）」, or the name alone outside a workbook. */
export function ref(side: Side, key: CellKey): string {
  const a = cited(side, key);
  return a ? `${spec(side, key).name}（${a}）` : spec(side, key).name;
}

export function num(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Number(n.toFixed(6)));
}

/** Chinese characters, CJK punctuation and full-width forms. */
const isWide = (c: number) =>
  (c >= 0x3000 && c <= 0x303f) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xff00 && c <= 0xffef);
const OPEN_QUOTE = 0x300c; // 「

/** Where the quotation 「…」 that opens at `at` closes (no other 「 before its 」), or -1. */
function quotationEnd(message: string, at: number): number {
  const close = message.indexOf('」', at + 1);
  const open = message.indexOf('「', at + 1);
  return close > 0 && (open < 0 || open > close) ? close : -1;
}

/**
 * No space between two Chinese characters or brackets (「而 本年新收」), but quotations stay as
 * written, and the spacing around them too. One pass: every finding's message goes through here,
 * on every check as the clerk types.
 */
export function tidy(message: string): string {
  let out = '';
  let from = 0;
  // The end of the quotation the scan is in or last left, or -1.
  let quoteEnd = -1;
  for (let i = 0; i < message.length; i++) {
    if (i <= quoteEnd) continue;
    const c = message.charCodeAt(i);
    if (c === OPEN_QUOTE) {
      const end = quotationEnd(message, i);
      if (end > 0) {
        quoteEnd = end;
        i = end;
      }
      continue;
    }
    if (c !== 32 && c !== 9) continue;
    let j = i;
    while (message.charCodeAt(j) === 32 || message.charCodeAt(j) === 9) j++;
    const after = message.charCodeAt(j);
    const before = i - 1;
    const opensQuotation = after === OPEN_QUOTE && quotationEnd(message, j) > 0;
    if (
      before >= 0 &&
      before !== quoteEnd &&
      isWide(message.charCodeAt(before)) &&
      isWide(after) &&
      !opensQuotation
    ) {
      out += message.slice(from, i);
      from = j;
    }
    i = j - 1;
  }
  return from ? out + message.slice(from) : message;
}

export function finding(side: Side, d: FindingDraft): Finding {
  const addresses = d.cells.map((k) => address(side, k));
  const all = addresses.every((a): a is string => a !== undefined);
  const table = d.table ?? ruleInfo(d.rule).table;
  const sheet = table && side.report.sheets?.[table];
  return {
    rule: d.rule,
    severity: severityOf(d.rule, d.severity),
    ...(table ? { table } : {}),
    ...(sheet ? { sheet } : {}),
    cells: d.cells,
    ...(all && addresses.length ? { addresses } : {}),
    ...(d.culprit ? { culprit: d.culprit } : {}),
    ...(d.suggested !== undefined ? { suggested: d.suggested } : {}),
    message: tidy(d.message),
    ...(d.fact ? { fact: tidy(d.fact) } : {}),
    ...(d.caveat ? { caveat: tidy(d.caveat) } : {}),
  };
}

/** How many cells a list names one by one, each with where it is. */
const NAMED_CELLS = 5;

/** Cell names or addresses, at most `limit` of them. */
export function listCells(side: Side, keys: readonly CellKey[], limit = 12): string {
  // A few are named, each where it is: a line of a copied text alone does not say which cell.
  if (keys.length <= NAMED_CELLS) return keys.map((k) => ref(side, k)).join('、');
  // A line of a copied text holds a row's cells: said once, with how many of them it holds.
  const counts = new Map<string, number>();
  for (const k of keys) {
    const name = cited(side, k) ?? spec(side, k).name;
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  const names = [...counts].map(([name, n]) => (n > 1 ? `${name}（${n} 格）` : name));
  return names.length > limit ? `${names.slice(0, limit).join('、')} 等 ${keys.length} 格` : names.join('、');
}

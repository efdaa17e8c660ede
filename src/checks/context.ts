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

/** 「（七）总计·自然人（D27）」, or the name alone outside a workbook. */
export function ref(side: Side, key: CellKey): string {
  const a = address(side, key);
  return a ? `${spec(side, key).name}（${a}）` : spec(side, key).name;
}

export function num(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Number(n.toFixed(6)));
}

const WIDE = String.raw`\u3000-\u303f\u4e00-\u9fff\uff00-\uffef`;
const SPACE_BETWEEN_WIDE = new RegExp(`(?<=[${WIDE}])[ \t]+(?=[${WIDE}])`, 'g');

/** No space between two Chinese characters or brackets (「而 本年新收」), but quotes stay as written. */
export function tidy(message: string): string {
  return message
    .split(/(「[^「」]*」)/)
    .map((part, i) => (i % 2 ? part : part.replace(SPACE_BETWEEN_WIDE, '')))
    .join('');
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

/** Cell names or addresses, at most `limit` of them. */
export function listCells(side: Side, keys: readonly CellKey[], limit = 12): string {
  const names = keys.map((k) => address(side, k) ?? spec(side, k).name);
  return names.length > limit
    ? `${names.slice(0, limit).join('、')} 等 ${names.length} 格`
    : names.join('、');
}

import { cellSpec, type DataCellSpec } from '../report/model.js';
import type { Report } from '../report/report.js';
import type { CellKey, TableId } from '../report/types.js';
import type { Finding, Severity } from './finding.js';
import type { Resolved } from './resolve.js';

export interface Side {
  readonly report: Report;
  readonly resolved: Resolved;
}

export interface Context extends Side {
  readonly previous?: Side;
  /** 内容雷同 threshold: share of a part's text repeated from last year (0–1). */
  readonly similarity?: number;
}

export interface FindingDraft {
  readonly rule: string;
  readonly severity: Severity;
  readonly table?: TableId;
  readonly cells: readonly CellKey[];
  readonly culprit?: CellKey;
  readonly suggested?: number;
  readonly message: string;
  readonly fact?: string;
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

export function finding(side: Side, d: FindingDraft): Finding {
  const addresses = d.cells.map((k) => address(side, k));
  const all = addresses.every((a): a is string => a !== undefined);
  return {
    rule: d.rule,
    severity: d.severity,
    ...(d.table ? { table: d.table } : {}),
    cells: d.cells,
    ...(all && addresses.length ? { addresses } : {}),
    ...(d.culprit ? { culprit: d.culprit } : {}),
    ...(d.suggested !== undefined ? { suggested: d.suggested } : {}),
    message: d.message,
    ...(d.fact ? { fact: d.fact } : {}),
  };
}

/** Cell names or addresses, at most `limit` of them. */
export function listCells(side: Side, keys: readonly CellKey[], limit = 12): string {
  const names = keys.map((k) => address(side, k) ?? spec(side, k).name);
  return names.length > limit
    ? `${names.slice(0, limit).join('、')} 等 ${names.length} 格`
    : names.join('、');
}

import { TABLE_PART } from '../report/parts.js';
import { TABLE_IDS, type TableId } from '../report/types.js';
import { countBySeverity, type Finding } from './finding.js';

/** 「3 个错误，2 个警告」, or 「全部通过」. */
export function summary(findings: readonly Finding[]): string {
  const n = countBySeverity(findings);
  if (n.error + n.warning === 0) return '全部通过';
  return [n.error ? `${n.error} 个错误` : '', n.warning ? `${n.warning} 个警告` : '']
    .filter(Boolean)
    .join('，');
}

export interface FindingGroup {
  readonly table?: TableId;
  readonly title: string;
  readonly findings: readonly Finding[];
}

/** Findings under their part titles, in the order of the report; report-wide ones last. */
export function groupByTable(findings: readonly Finding[]): FindingGroup[] {
  const groups: FindingGroup[] = TABLE_IDS.map((table) => ({
    table,
    title: TABLE_PART[table],
    findings: findings.filter((f) => f.table === table),
  }));
  groups.push({ title: '全表', findings: findings.filter((f) => !f.table) });
  return groups.filter((g) => g.findings.length > 0);
}

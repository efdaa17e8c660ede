import type { Finding } from '../checks/finding.js';
import { groupByTable, summary } from '../checks/summary.js';
import type { FoundReport } from './sources.js';

export interface Checked extends FoundReport {
  readonly findings: readonly Finding[];
}

export interface JsonFinding {
  rule: string;
  severity: string;
  cells: readonly string[];
  address?: string;
  addresses?: readonly string[];
  at?: readonly string[];
  culprit?: string;
  suggested?: number;
  message: string;
}

function jsonFinding(f: Finding): JsonFinding {
  const primary = f.culprit ? f.cells.indexOf(f.culprit) : 0;
  const address = f.addresses?.[primary] ?? f.at?.[0];
  return {
    rule: f.rule,
    severity: f.severity,
    cells: f.cells,
    ...(address ? { address } : {}),
    ...(f.addresses ? { addresses: f.addresses } : {}),
    ...(f.at?.length ? { at: f.at } : {}),
    ...(f.culprit ? { culprit: f.culprit } : {}),
    ...(f.suggested !== undefined ? { suggested: f.suggested } : {}),
    message: f.message,
  };
}

export function toJson(
  checked: readonly Checked[],
  unreadable: readonly { file: string; message: string }[],
) {
  return {
    files: checked.map((c) => ({
      file: c.file,
      ...(c.sheet ? { sheet: c.sheet } : {}),
      edition: c.report.edition,
      ...(c.report.year ? { year: c.report.year } : {}),
      ...(c.report.agency ? { agency: c.report.agency } : {}),
      findings: c.findings.map(jsonFinding),
    })),
    ...(unreadable.length ? { unreadable } : {}),
  };
}

const MARK = { error: '✗ 错误', warning: '! 警告', info: 'i 提示' } as const;

export function toText(c: Checked): string {
  const head = [
    c.file,
    c.sheet ? `工作表「${c.sheet}」` : '',
    c.report.agency ?? '',
    c.report.year ? `${c.report.year} 年度` : '',
    `${c.report.edition} 版格式`,
  ]
    .filter(Boolean)
    .join(' · ');
  const lines = [head];
  for (const group of groupByTable(c.findings)) {
    lines.push(`  ${group.title}`);
    for (const f of group.findings) lines.push(`    ${MARK[f.severity]} [${f.rule}] ${f.message}`);
  }
  lines.push(`  结果：${summary(c.findings)}`);
  return lines.join('\n');
}

import {
  type Edition,
  type Finding,
  findingAddress,
  groupByTable,
  SEVERITY_LABEL,
  summary,
} from '../core.js';
/** One report's result, without its cells: a batch keeps these, never the reports. */
export interface Checked {
  readonly file: string;
  readonly sheet?: string;
  readonly edition: Edition;
  readonly year?: number;
  readonly agency?: string;
  /** Where last year's report came from, when the cross-year rules ran. */
  readonly previous?: string;
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
  const address = findingAddress(f);
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
      edition: c.edition,
      ...(c.year ? { year: c.year } : {}),
      ...(c.agency ? { agency: c.agency } : {}),
      ...(c.previous ? { previous: c.previous } : {}),
      findings: c.findings.map(jsonFinding),
    })),
    ...(unreadable.length ? { unreadable } : {}),
  };
}

const SIGN = { error: '✗', warning: '!', info: 'i' } as const;

export function toText(c: Checked): string {
  const head = [
    c.file,
    c.sheet ? `工作表「${c.sheet}」` : '',
    c.agency ?? '',
    c.year ? `${c.year} 年度` : '',
    `${c.edition} 版格式`,
    c.previous ? `对照上年：${c.previous}` : '',
  ]
    .filter(Boolean)
    .join(' · ');
  const lines = [head];
  for (const group of groupByTable(c.findings)) {
    lines.push(`  ${group.title}`);
    for (const f of group.findings)
      lines.push(`    ${SIGN[f.severity]} ${SEVERITY_LABEL[f.severity]} [${f.rule}] ${f.message}`);
  }
  lines.push(`  结果：${summary(c.findings)}`);
  return lines.join('\n');
}

import type { Report } from '../report/report.js';
import { TABLE_IDS } from '../report/types.js';
import type { Context } from './context.js';
import { type Finding, SEVERITY_ORDER } from './finding.js';
import { resolve } from './resolve.js';
import { crossYearFindings } from './rules/crossYear.js';
import { identityFindings } from './rules/identities.js';
import { publishedFindings } from './rules/published.js';
import { reportFindings } from './rules/report.js';
import { similarityFindings } from './rules/similarity.js';
import { table2Findings } from './rules/table2.js';
import { valueFindings } from './rules/values.js';

export interface CheckOptions {
  /** Last year's report, for the cross-year rules. */
  readonly previous?: Report;
  /** 内容雷同 threshold (0–1), default DEFAULT_SIMILARITY. */
  readonly similarity?: number;
}

const RULES: readonly ((ctx: Context) => Finding[])[] = [
  valueFindings,
  identityFindings,
  table2Findings,
  crossYearFindings,
  reportFindings,
  publishedFindings,
  similarityFindings,
];

const tableOrder = (f: Finding): number => (f.table ? TABLE_IDS.indexOf(f.table) : TABLE_IDS.length);

/** Every check of one report (and last year's, when given). Never throws on the report's data. */
export function check(report: Report, options: CheckOptions = {}): Finding[] {
  const ctx: Context = {
    report,
    resolved: resolve(report),
    ...(options.previous
      ? { previous: { report: options.previous, resolved: resolve(options.previous) } }
      : {}),
    ...(options.similarity !== undefined ? { similarity: options.similarity } : {}),
  };
  const findings = [...report.findings, ...RULES.flatMap((rule) => rule(ctx))];
  return findings
    .map((f, i) => ({ f, i }))
    .sort(
      (a, b) =>
        tableOrder(a.f) - tableOrder(b.f) ||
        SEVERITY_ORDER[a.f.severity] - SEVERITY_ORDER[b.f.severity] ||
        a.i - b.i,
    )
    .map(({ f }) => f);
}

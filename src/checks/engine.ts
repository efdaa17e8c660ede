import type { RuleId } from '../report/catalog.js';
import { type Finding, SEVERITY_ORDER } from '../report/finding.js';
import { withNotes } from '../report/notes.js';
import { type Report, TABLE_IDS } from '../report/types.js';
import { type Context, num, ref, tidy } from './context.js';
import { readNumbers } from './numbers.js';
import { balanceFindings } from './rules/balance.js';
import { cellFindings } from './rules/cells.js';
import { crossYearFindings } from './rules/cross-year.js';
import { editionFindings } from './rules/edition.js';
import { publishedFindings } from './rules/published.js';
import { similarityFindings, tableCopyFindings } from './rules/similarity.js';
import { table2Findings } from './rules/table2.js';

export interface CheckOptions {
  /** Last year's report, for the cross-year rules. */
  readonly previous?: Report;
  /** 内容雷同 threshold (0–1), default DEFAULT_SIMILARITY. */
  readonly similarity?: number;
}

/** A check and the rules it may emit, as frictionless declares its checks. */
export interface Check {
  readonly emits: readonly RuleId[];
  readonly run: (ctx: Context) => Finding[];
}

export const CHECKS: readonly Check[] = [
  { emits: ['G-01', 'G-02', 'G-03', 'G-05'], run: cellFindings },
  { emits: ['T3-01', 'T3-02', 'T3-03', 'T4-01', 'T4-02', 'T4-03'], run: balanceFindings },
  { emits: ['T2-19-02', 'T2-19-03', 'T2-19-06', 'T2-21-02'], run: table2Findings },
  { emits: ['T3-05', 'T2-21-03', 'T2-21-04', 'T2-19-04', 'T2-19-05', 'X-03'], run: crossYearFindings },
  { emits: ['X-01', 'X-02', 'X-04', 'X-05', 'X-06'], run: editionFindings },
  { emits: ['S-01', 'S5-01', 'S6-01', 'T3-08', 'T3-06', 'T3-09', 'T4-04'], run: publishedFindings },
  { emits: ['SIM-01'], run: similarityFindings },
  { emits: ['SIM-02'], run: tableCopyFindings },
];

const tableOrder = (f: Finding): number => (f.table ? TABLE_IDS.indexOf(f.table) : TABLE_IDS.length);

/** What every check reads: the report's numbers (and last year's). */
export function checkContext(report: Report, options: CheckOptions = {}): Context {
  return {
    report,
    numbers: readNumbers(report),
    ...(options.previous
      ? { previous: { report: options.previous, numbers: readNumbers(options.previous) } }
      : {}),
    ...(options.similarity !== undefined ? { similarity: options.similarity } : {}),
  };
}

/** Every check of one report (and last year's, when given). Never throws on the report's data. */
export function check(report: Report, options: CheckOptions = {}): Finding[] {
  const ctx = checkContext(report, options);
  const findings = [...report.findings];
  // By index, here and in what every report runs: a for…of's iterator, closed on the way out,
  // makes larger optimized code, and compiling it is much of a batch's time.
  for (let i = 0; i < CHECKS.length; i++) {
    const found = CHECKS[i]!.run(ctx);
    for (let j = 0; j < found.length; j++) findings.push(found[j]!);
  }
  // Sorted in place: the sort is stable, findings of one table and severity keep their order.
  const sorted = findings.sort(
    (a, b) => tableOrder(a) - tableOrder(b) || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity],
  );
  const fixed = withIdentityFixes(sorted, ctx);
  // Warnings the clerk answered with a 说明 in the workbook are said as answered.
  return report.notes?.size ? withNotes(fixed, report, report.notes) : fixed;
}

/** The value the identities say each culprit cell should hold (their errors' fixes). */
function identityFixes(findings: readonly Finding[]): Map<string, number> {
  const fixes = new Map<string, number>();
  // By index, as check's loops are (see there).
  for (let i = 0; i < findings.length; i++) {
    const f = findings[i]!;
    if (f.severity === 'error' && f.culprit && f.suggested !== undefined) fixes.set(f.culprit, f.suggested);
  }
  return fixes;
}

/**
 * The other findings made to agree with the identities' fixes:
 * - a cell the identities say is wrong is fixed by their value: a warning on how its text was read
 *   (「1409件」 read as 1409) offers no second, different value for it;
 * - a blank total is filled with the sum of its parts: with a part the identities say is wrong, the
 *   sum after that part is put right (「按各项之和应为 3526」 was one too many when a part was).
 */
function withIdentityFixes(findings: readonly Finding[], ctx: Context): Finding[] {
  const fixes = identityFixes(findings);
  if (!fixes.size) return [...findings];
  return findings.map((f) => {
    if (f.severity === 'error' || !f.culprit || f.suggested === undefined) return f;
    const fix = fixes.get(f.culprit);
    if (fix !== undefined && fix !== f.suggested) {
      const { culprit, suggested, ...rest } = f;
      return rest;
    }
    return f.rule === 'G-03' ? blankTotalAfterFixes(f, f.culprit, f.suggested, fixes, ctx) : f;
  });
}

function blankTotalAfterFixes(
  f: Finding,
  total: string,
  sum: number,
  fixes: ReadonlyMap<string, number>,
  ctx: Context,
): Finding {
  const from = ctx.numbers.derivedFrom.get(total);
  if (!from) return f;
  const wrong = from.rhs.filter((k) => fixes.has(k));
  const delta = wrong.reduce((d, k) => d + fixes.get(k)! - ctx.numbers.values.get(k)!, 0);
  if (!delta) return f;
  const value = sum + delta;
  const parts = wrong.map((k) => ref(ctx, k)).join('、');
  return {
    ...f,
    suggested: value,
    message: tidy(
      `${ref(ctx, total)} 未填：各项之和现为 ${num(sum)}，但其中 ${parts} 最可能填错，改正后总计应为 ${num(value)}，请一并填上。`,
    ),
  };
}

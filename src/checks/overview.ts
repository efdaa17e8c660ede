import { notFilledIn, openWarnings } from '../report/notes.js';
import { TABLE_PART } from '../report/parts.js';
import { type CellKey, TABLE_IDS, type TableId } from '../report/types.js';
import { countBySeverity, type Finding } from '../report/finding.js';

/**
 * 「3 个错误，2 个警告」, or 「全部通过」; warnings answered with a 说明 are said apart, and tables
 * left blank are named: the 审核报告 fails a report with one, so a batch's summary says why. With
 * `places`, the errors' places to fix where fewer (the sidebar's one card for a wrong cell):
 * 「2 个错误（1 处要改）」, the same count as the 审核报告 and the command line give.
 */
export function summary(findings: readonly Finding[], options: { places?: boolean } = {}): string {
  const n = countBySeverity(findings);
  const explained = n.explained ? `${n.explained} 个已说明` : '';
  if (n.error + n.warning === 0) return explained ? `全部通过（${explained}）` : '全部通过';
  const blank = notFilledIn(findings);
  const places = options.places ? errorPlaces(findings) : n.error;
  const warnings = openWarnings(findings);
  return [
    n.error ? `${n.error} 个错误${places < n.error ? `（${places} 处要改）` : ''}` : '',
    warnings ? `${warnings} 个警告` : '',
    explained,
    blank.length ? `${blank.join('、')}尚未填写` : '',
  ]
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

/** Findings the clerk fixes in one go: broken identities that share their culprit, or one finding. */
export interface FindingCluster {
  readonly key: string;
  readonly findings: readonly Finding[];
  /** Set when every finding names this cell and the same value for it. */
  readonly culprit?: { readonly cell: CellKey; readonly suggested?: number };
}

const findingKey = (f: Finding) => [f.rule, ...f.cells, ...(f.at ?? [])].join('|');

/** What broken identities sharing a culprit have in common: one card holds them all. */
const sharedCulprit = (f: Finding) =>
  f.culprit && f.fact ? `${f.severity}|${f.culprit}|${f.suggested}` : undefined;

/**
 * A cell's own problem (「2.5 不是整数」, the cell left blank, a count written as text), where
 * identities name the same cell as their culprit: said on their card, under the fix they give, not
 * on a card of its own. A warning of a cell whose errors name it goes on their card: one fix answers
 * both. One with a fix of its own joins them where it is the same fix (「改为 11」 for the text 「11」).
 */
function ownProblemOf(f: Finding, culprits: ReadonlyMap<string, string>): string | undefined {
  if (f.fact || f.note || f.cells.length !== 1) return undefined;
  const cell = f.cells[0];
  const shared =
    culprits.get(`${f.severity}|${cell}`) ??
    (f.severity === 'warning' ? culprits.get(`error|${cell}`) : undefined);
  if (f.culprit && !shared?.endsWith(`|${f.culprit}|${f.suggested}`)) return undefined;
  return shared;
}

/** Clusters in order of first appearance; keys are stable across re-checks, so a list keeps its place. */
export function clusterByCulprit(findings: readonly Finding[]): FindingCluster[] {
  const clusters: { key: string; findings: Finding[]; culprit?: FindingCluster['culprit'] }[] = [];
  const byCulprit = new Map<string, (typeof clusters)[number]>();
  const culprits = new Map<string, string>();
  for (const f of findings) {
    const shared = sharedCulprit(f);
    if (shared && !f.note) culprits.set(`${f.severity}|${f.culprit}`, shared);
  }
  const own: [string, Finding][] = [];
  for (const f of findings) {
    const joins = ownProblemOf(f, culprits);
    if (joins) {
      own.push([joins, f]);
      continue;
    }
    const shared = sharedCulprit(f);
    const existing = shared ? byCulprit.get(shared) : undefined;
    if (existing) {
      existing.findings.push(f);
      continue;
    }
    const cluster = {
      key: shared ? `culprit|${shared}` : findingKey(f),
      findings: [f],
      ...(f.culprit ? { culprit: { cell: f.culprit, suggested: f.suggested } } : {}),
    };
    clusters.push(cluster);
    if (shared) byCulprit.set(shared, cluster);
  }
  for (const [shared, f] of own) byCulprit.get(shared)!.findings.push(f);
  return clusters;
}

/** Cards of errors: the places to fix, where one wrong cell breaks a row's total and a column's sum alike. */
function errorPlaces(findings: readonly Finding[]): number {
  return cardsOf(findings).filter((f) => f.severity === 'error').length;
}

/**
 * One finding for each card the sidebar shows: a card holds every broken identity its culprit
 * explains, so a count of findings would say more errors than the clerk sees.
 */
export function cardsOf(findings: readonly Finding[]): Finding[] {
  return groupByTable(findings).flatMap((g) => [
    ...clusterByCulprit(g.findings.filter((f) => !f.note)).map((c) => c.findings[0]!),
    ...g.findings.filter((f) => f.note),
  ]);
}

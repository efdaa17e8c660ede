import { areaAddress, isCellAddress, parseAddress } from './address.js';
import type { RuleId } from './catalog.js';
import type { CellKey, TableId } from './types.js';

export type Severity = 'error' | 'warning' | 'info';

export interface Finding {
  readonly rule: RuleId;
  readonly severity: Severity;
  /** The table the finding belongs to; none for the report as a whole. */
  readonly table?: TableId;
  /** Every data cell involved. */
  readonly cells: readonly CellKey[];
  /** The sheet the finding's cells are on, when the report was read from a workbook. */
  readonly sheet?: string;
  /** Sheet addresses of `cells` (same order) when the report was read from a workbook. */
  readonly addresses?: readonly string[];
  /** Sheet addresses of non-data cells involved (an edited label, an inserted row). */
  readonly at?: readonly string[];
  /** The one cell that explains every violated identity it lies in. */
  readonly culprit?: CellKey;
  /** The value that would fix it. */
  readonly suggested?: number;
  readonly message: string;
  /** The broken identity with its numbers, without the advice: findings that share a culprit show it once. */
  readonly fact?: string;
  /** What goes with the fix, shown wherever the fix is (another cell wrong too; a culprit named by elimination). */
  readonly caveat?: string;
  /** The clerk's 说明 accepting a warning: it no longer counts as open. */
  readonly note?: FindingNote;
  /**
   * Numbers a copy of a published report did not give whole (shuffled, cut short, moved away): not
   * checked, and not found wrong either. Its table is read in the original, not called unfilled.
   */
  readonly unread?: true;
}

export interface FindingNote {
  readonly text: string;
  /** When it was written: 「2025-01-20 15:04」. */
  readonly at: string;
}

/** What a clerk calls each severity. */
export const SEVERITY_LABEL: Readonly<Record<Severity, string>> = {
  error: '错误',
  warning: '警告',
  info: '提示',
};

/** The cell a finding points the clerk to: its culprit, else its first cell (or label). */
export function findingAddress(f: Finding): string | undefined {
  if (f.culprit && f.addresses) return f.addresses[f.cells.indexOf(f.culprit)];
  return f.addresses?.[0] ?? f.at?.[0];
}

/**
 * The cells a finding lists, each said alike and each to be mended (G-01's numbers as text, G-03's
 * blanks); undefined for one cell, or for an identity's cells (any of them may be the wrong one).
 */
export function listedCells(f: Finding): readonly string[] | undefined {
  const cells = f.addresses ?? [];
  return !f.culprit && cells.length > 1 && f.rule.startsWith('G-') && cells.every(isCellAddress)
    ? cells
    : undefined;
}

/**
 * Where a finding is, as the clerk is told: its culprit's cell; with no culprit, the block of cells
 * its identity spans on the sheet (「A54:E54」: any of them may be the wrong one), not one of them;
 * a list of cells each said alike (G-01's numbers as text, G-03's blanks), its first and how many.
 */
export function findingPlaceOnSheet(f: Finding): string | undefined {
  const cells = f.addresses ?? [];
  const listed = listedCells(f);
  if (listed) return `${listed[0]} 等 ${listed.length} 格`;
  if (f.culprit || cells.length < 2 || !cells.every(isCellAddress)) return findingAddress(f);
  const at = cells.map(parseAddress);
  const rows = at.map((p) => p.row);
  const cols = at.map((p) => p.col);
  return areaAddress({
    top: Math.min(...rows),
    bottom: Math.max(...rows),
    left: Math.min(...cols),
    right: Math.max(...cols),
  });
}

export const SEVERITY_ORDER: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

/** Open findings by severity: a warning with a 说明 is answered, and counted apart. */
export function countBySeverity(findings: readonly Finding[]): Record<Severity | 'explained', number> {
  const counts = { error: 0, warning: 0, info: 0, explained: 0 };
  for (const f of findings) counts[f.note ? 'explained' : f.severity]++;
  return counts;
}

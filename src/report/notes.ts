import type { Finding, FindingNote } from './finding.js';
import { hash53 } from './hash.js';
import { TABLE_NAME } from './parts.js';
import type { RawValue, Report } from './types.js';

/**
 * 说明: as in statistical 联网直报 systems, an error must be fixed, but a warning (or a note) may be
 * accepted with a written explanation. A 说明 is kept in the workbook, on a hidden sheet, keyed by a
 * fingerprint of the rule, the cells and their values: it survives re-checks, saving and reopening,
 * and lapses as soon as one of those values changes.
 */
export const NOTES_SHEET = '校验说明';

export const NOTES_HEADER = ['指纹', '规则', '位置', '问题', '说明', '填写时间'] as const;

export interface Note {
  readonly fingerprint: string;
  readonly rule: string;
  /** Where the finding pointed, for a person reading the sheet. */
  readonly where: string;
  readonly message: string;
  readonly text: string;
  /** When it was written, as the clerk's clock gave it: 「2025-01-20 15:04」. */
  readonly at: string;
}

const shown = (raw: RawValue | undefined) => (raw === undefined || raw === null ? '' : String(raw));

/**
 * The rule, the table, and each cell with what it holds; a finding about no cell (a missing part
 * title, the edition) is known by its message, which names what it is about.
 */
export function fingerprint(finding: Finding, report: Report): string {
  const cells = finding.cells.map((k) => `${k}=${shown(report.cells.get(k)?.raw)}`);
  const about = cells.length ? cells.join(';') : `${(finding.at ?? []).join(',')}|${finding.message}`;
  return hash53(`${finding.rule}|${finding.table ?? ''}|${about}`);
}

/**
 * Only a warning may be left as it is, with a 说明; an error must be fixed, a note needs none, and
 * what is not filled in (a table, 报告年度, 机关名称) is to be filled in.
 */
export function canExplain(finding: Finding): boolean {
  return finding.severity === 'warning' && !isToFillIn(finding);
}

/** The heading's fields a finding says are not filled in, by their labels. */
const HEADING_FIELD: Readonly<Record<string, string>> = { 'X-05': '报告年度', 'X-06': '机关名称' };

/** A table left blank, or 报告年度 or 机关名称 left blank: no doubt to answer, but something to fill in. */
export function isToFillIn(finding: Finding): boolean {
  return isBlankTable(finding) || finding.rule in HEADING_FIELD;
}

/**
 * The warnings left without a 说明, what is not filled in aside: that is named (「表二尚未填写」),
 * not counted again as a warning.
 */
export const openWarnings = (findings: readonly Finding[]): number =>
  findings.filter((f) => f.severity === 'warning' && !f.note && !isToFillIn(f)).length;

/**
 * What is not filled in, by name (「报告年度」, 「表二」): a report with any is not finished, and
 * the 审核报告 does not pass it.
 */
export function notFilledIn(findings: readonly Finding[]): string[] {
  const fields = findings.flatMap((f) => (f.rule in HEADING_FIELD ? [HEADING_FIELD[f.rule]!] : []));
  return [...new Set(fields), ...blankTables(findings)];
}

/** 「本表尚未填写」: not a doubt to answer but a table to fill in (with 0 where there is none). */
export function isBlankTable(finding: Finding): boolean {
  return finding.rule === 'G-03' && finding.cells.length === 0 && finding.table !== undefined;
}

/** The tables left blank, by name (「表二」, 「表三」): a report with one is not finished. */
export function blankTables(findings: readonly Finding[]): string[] {
  return findings.filter(isBlankTable).map((f) => TABLE_NAME[f.table!]);
}

/** The notes sheet's rows, header first. */
export function notesGrid(notes: Iterable<Note>): string[][] {
  return [
    [...NOTES_HEADER],
    ...[...notes].map((n) => [n.fingerprint, n.rule, n.where, n.message, n.text, n.at]),
  ];
}

/** Notes from the notes sheet as read; rows that are not notes are passed over. */
export function readNotes(grid: readonly (readonly RawValue[])[] | undefined): Map<string, Note> {
  const notes = new Map<string, Note>();
  if (!grid) return notes;
  const header = grid.findIndex((row) => shown(row[0]).trim() === NOTES_HEADER[0]);
  if (header < 0) return notes;
  for (const row of grid.slice(header + 1)) {
    const [fingerprint, rule, where, message, text, at] = NOTES_HEADER.map((_, i) => shown(row[i]).trim());
    if (!/^[0-9a-f]{14}$/.test(fingerprint!) || !text) continue;
    notes.set(fingerprint!, {
      fingerprint: fingerprint!,
      rule: rule!,
      where: where!,
      message: message!,
      text: text!,
      at: at!,
    });
  }
  return notes;
}

/** The findings with the 说明 that still apply to them. */
export function withNotes(
  findings: readonly Finding[],
  report: Report,
  notes: ReadonlyMap<string, Note>,
): Finding[] {
  if (!notes.size) return [...findings];
  return findings.map((f) => {
    if (!canExplain(f)) return f;
    const n = notes.get(fingerprint(f, report));
    const note: FindingNote | undefined = n && { text: n.text, at: n.at };
    return note ? { ...f, note } : f;
  });
}

/** A new 说明 for a finding, or none when the text is blank (the clerk withdrew it). */
export function noteFor(finding: Finding, report: Report, text: string, at: Date, where = ''): Note {
  return {
    fingerprint: fingerprint(finding, report),
    rule: finding.rule,
    where,
    message: finding.message,
    text: text.trim(),
    at: formatTime(at),
  };
}

/** 「2025-01-20 15:04」, in the clerk's own time zone. */
export function formatTime(at: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${p(at.getMonth() + 1)}-${p(at.getDate())} ${p(at.getHours())}:${p(at.getMinutes())}`;
}

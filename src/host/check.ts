import {
  AUDIT_SHEET,
  canExplain,
  check,
  type Finding,
  findingPlace,
  type Note,
  NOTES_SHEET,
  bodyKey,
  numbersOf,
  previousReport,
  readNotes,
  readWorkbook,
  type Report,
  withNotes,
} from '../core.js';
import { type MarkPlan, planMarks } from './marks.js';
import type { SheetHost, SheetRead, SheetRef, WorkbookRead } from './sheet-host.js';

/** Which report the cross-year rules compare with. */
export type PreviousChoice =
  | { readonly kind: 'auto' }
  | { readonly kind: 'none' }
  | { readonly kind: 'sheet'; readonly sheetId: string }
  /** A report from outside the workbook: pasted text, or a file (its `file` then names it). */
  | { readonly kind: 'text'; readonly report: Report; readonly label: string };

/** A report of the workbook that can serve as last year's. */
export interface PreviousCandidate {
  readonly sheetId: string;
  readonly label: string;
  /** Its 报告年度 is not filled in: it cannot be found as last year's by itself. */
  readonly undated?: true;
}

/** The result of one 校验. */
export interface WorkbookCheck {
  /** The sheet that was checked: the active one, or the one a re-check follows. */
  readonly sheet: SheetRef;
  /** Every sheet the report's tables are on: an edit on any of them re-checks. */
  readonly sheets: readonly SheetRef[];
  readonly report?: Report;
  readonly findings: readonly Finding[];
  /**
   * What the cross-year rules compared with, whether it was found by itself, and the sheets it is on
   * (none for a report pasted as text): an edit there re-checks too.
   */
  readonly previous?: {
    readonly label: string;
    readonly auto: boolean;
    readonly sheets: readonly SheetRef[];
  };
  /** Last year's reports the clerk may choose from. */
  readonly candidates: readonly PreviousCandidate[];
  /** The 说明 in the workbook. */
  readonly notes: ReadonlyMap<string, Note>;
  /**
   * Other reports in the workbook of the same year and body with other numbers (a draft kept, a copy
   * corrected), hidden ones said so: which is to be published is for the clerk to confirm.
   */
  readonly rivals?: readonly string[];
  /** Why the sheet could not be checked, marked, or compared, in Chinese. */
  readonly problem?: string;
  readonly marked: boolean;
}

/** Our own sheets are not reports. */
const isOwnSheet = (s: SheetRead) => s.sheet.name === AUDIT_SHEET || s.sheet.name === NOTES_SHEET;
/** The sheets whose reports are checked: the clerk's own, shown. */
const isReportSheet = (s: SheetRead) => !s.hidden && !isOwnSheet(s);
/** Sheets the clerk hid: their reports are never checked or marked, but last year's may be on one. */
const isHiddenSheet = (s: SheetRead) => s.hidden && !isOwnSheet(s);

const gridsOf = (sheets: readonly SheetRead[]) =>
  sheets.map((s) => ({
    name: s.sheet.name,
    grid: s.grid,
    origin: s.origin,
    ...(s.merges ? { look: { merges: s.merges } } : {}),
    ...(s.formulas ? { formulas: true } : {}),
  }));

/** The sheets a workbook's report was read from. */
export const sheetsOf = (r: Report): string[] => [...new Set(Object.values(r.sheets ?? {}))];

/** A report as the sidebar names it among others: 「2023 年度 · 某机关 · 工作表「2023」」. */
/**
 * Whether `r` is another report of `report`'s year and body with other numbers (a draft kept, a copy
 * corrected): which of them is to be published is for the clerk to confirm.
 */
export function isRival(r: Report, report: Report): boolean {
  return (
    r !== report &&
    r.year !== undefined &&
    r.year === report.year &&
    (r.agency === undefined || report.agency === undefined || bodyKey(r.agency) === bodyKey(report.agency)) &&
    numbersOf(r) !== numbersOf(report)
  );
}

export function reportLabel(r: Report): string {
  const about = [r.year ? `${r.year} 年度` : '年度未知', r.agency].filter(Boolean).join(' · ');
  return `${about} · 工作表「${r.source ?? ''}」`;
}

interface Previous {
  readonly report?: Report;
  readonly label?: string;
  readonly auto?: boolean;
  readonly problem?: string;
}

function choosePrevious(
  report: Report,
  reports: readonly Report[],
  read: WorkbookRead,
  choice: PreviousChoice,
  labelOf: (r: Report) => string,
): Previous {
  if (choice.kind === 'none') return {};
  if (choice.kind === 'auto') {
    const found = previousReport(report, reports, { sameBody: true });
    return found ? { report: found, label: labelOf(found), auto: true } : {};
  }
  let prev: Report | undefined;
  let label: string;
  if (choice.kind === 'text') {
    prev = choice.report;
    label = choice.label;
  } else {
    const name = read.sheets.find((s) => s.sheet.id === choice.sheetId)?.sheet.name;
    prev = reports.find((r) => name !== undefined && sheetsOf(r).includes(name));
    if (!prev) return { problem: '所选的上年报告工作表已不存在或其中没有年报，本次未做跨年度核对。' };
    label = labelOf(prev);
  }
  if (prev === report) return { problem: '上年报告不能选本表自己，本次未做跨年度核对：请选上一年度的报告。' };
  if (prev.year !== undefined && report.year !== undefined && prev.year !== report.year - 1) {
    return {
      problem: `所选的上年报告是 ${prev.year} 年度，不是本表 ${report.year} 年度的上一年度，本次未做跨年度核对：请选 ${report.year - 1} 年度的报告。`,
    };
  }
  if (prev.agency && report.agency && bodyKey(prev.agency) !== bodyKey(report.agency)) {
    return {
      problem: `所选的上年报告是「${prev.agency}」的，本表是「${report.agency}」的，不是同一机关，本次未做跨年度核对：请选本机关上一年度的报告。`,
    };
  }
  return { report: prev, label, auto: false };
}

/**
 * 说明 that no longer answer their warning, because the numbers it was about were changed since,
 * while a warning of the same rule stands in the same place: said, with their text, to be given
 * again (a 说明 is kept only for the values it was written for).
 */
function lapsedNotes(findings: readonly Finding[], notes: ReadonlyMap<string, Note>): string | undefined {
  const answered = new Set(findings.flatMap((f) => (f.note ? [`${f.note.at}|${f.note.text}`] : [])));
  const lapsed = [...notes.values()].filter(
    (n) =>
      !answered.has(`${n.at}|${n.text}`) &&
      findings.some((f) => !f.note && canExplain(f) && f.rule === n.rule && findingPlace(f) === n.where),
  );
  if (!lapsed.length) return undefined;
  return `${lapsed.length} 条说明因所说明的数字已改动而失效，请核实后重新说明：${lapsed.map((n) => `${n.where}「${n.text}」（${n.at}）`).join('；')}。`;
}

/**
 * 校验: read the workbook (one round trip), find the report the sheet belongs to (its tables may be on
 * several sheets), check it against last year's, apply the clerk's 说明, and mark every open finding
 * on the sheet it is on (one more round trip).
 */
export async function checkWorkbook(
  host: SheetHost,
  options: { sheetId?: string; previous?: PreviousChoice; similarity?: number } = {},
): Promise<WorkbookCheck> {
  const read = await host.read();
  const targetId = options.sheetId ?? read.active.id;
  const target = read.sheets.find((s) => s.sheet.id === targetId);
  const notes = readNotes(read.sheets.find((s) => s.sheet.name === NOTES_SHEET)?.grid);
  const marked = read.sheets.some((s) => s.marked);
  const empty = { findings: [], candidates: [], notes, marked: false };
  if (!target) {
    return { ...empty, sheet: { id: targetId, name: '' }, sheets: [], problem: '所校验的工作表已被删除。' };
  }
  const wb = read.reports
    ? { reports: read.reports, skipped: [] }
    : readWorkbook(
        gridsOf(read.sheets.filter(isReportSheet)),
        read.manualCalculation ? { manualCalculation: true } : {},
      );
  // Read apart, so that no table on a hidden sheet is taken for part of a report shown.
  const hiddenSheets = read.reports ? [] : read.sheets.filter(isHiddenSheet);
  const hidden = hiddenSheets.length ? readWorkbook(gridsOf(hiddenSheets)).reports : [];
  const labelOf = (r: Report) => `${reportLabel(r)}${hidden.includes(r) ? '（隐藏）' : ''}`;
  const all = [...wb.reports, ...hidden];
  const report = wb.reports.find((r) => sheetsOf(r).includes(target.sheet.name));
  if (!report) {
    if (marked) await host.writeMarks(read, new Map());
    const why = wb.skipped.find((s) => s.sheet === target.sheet.name)?.problem;
    // The report is elsewhere in the workbook: said where, as the clerk pressed 校验 on the wrong tab.
    const elsewhere = wb.reports.map((r) => `「${sheetsOf(r).join('」「')}」`);
    const there = elsewhere.length
      ? `年报在工作表${elsewhere.join('、')}中：请点它的工作表标签，再点「校验」。`
      : host.writable
        ? '要新填一份年报，请点「插入模板」；已有的表格，请核对表中的标签是否为官方文字。'
        : '';
    return {
      ...empty,
      sheet: target.sheet,
      sheets: [target.sheet],
      problem:
        (why ??
          `工作表「${target.sheet.name}」中没有找到年报表格（按官方标签查找表二、表三、表四均未找到）。`) +
        there,
    };
  }
  const byName = new Map(read.sheets.map((s) => [s.sheet.name, s]));
  const sheets = sheetsOf(report).map((n) => byName.get(n)!.sheet);
  const previous = choosePrevious(report, all, read, options.previous ?? { kind: 'auto' }, labelOf);
  const findings = withNotes(
    check(report, {
      ...(previous.report ? { previous: previous.report } : {}),
      ...(options.similarity !== undefined ? { similarity: options.similarity } : {}),
    }),
    report,
    notes,
  );
  const candidates = all
    .filter(
      (r) => r !== report && (r.year === undefined || report.year === undefined || r.year < report.year),
    )
    .map((r) => ({
      sheetId: byName.get(sheetsOf(r)[0]!)!.sheet.id,
      label: labelOf(r),
      ...(r.year === undefined ? { undated: true as const } : {}),
    }));
  const rivals = all.filter((r) => isRival(r, report)).map(labelOf);
  const locked = sheets.filter((s) => byName.get(s.name)!.formatLocked);
  const lockedNote = locked.length
    ? `工作表${locked.map((s) => `「${s.name}」`).join('、')}受保护且不允许设置单元格格式，无法在单元格上标记；问题已在下方列出。撤销工作表保护（或允许设置单元格格式）后再校验即可标记。`
    : undefined;
  const plan = new Map<string, MarkPlan>();
  for (const [name, marks] of planMarks(findings, target.sheet.name)) {
    const sheet = byName.get(name);
    if (sheet && !sheet.formatLocked) plan.set(sheet.sheet.id, marks);
  }
  await host.writeMarks(read, plan);
  const problem = [lockedNote, previous.problem, lapsedNotes(findings, notes)].filter(Boolean).join(' ');
  return {
    sheet: target.sheet,
    sheets,
    report,
    findings,
    ...(previous.label
      ? {
          previous: {
            label: previous.label,
            auto: Boolean(previous.auto),
            // Last year's sheets in this workbook, watched for edits as this year's are: none of another file.
            sheets:
              previous.report?.sheets && !previous.report.file
                ? sheetsOf(previous.report).map((n) => byName.get(n)!.sheet)
                : [],
          },
        }
      : {}),
    candidates,
    notes,
    ...(rivals.length ? { rivals } : {}),
    ...(problem ? { problem } : {}),
    marked: !locked.length,
  };
}

import { cellSpecs } from './model.js';
import { parseValue, shown } from './parse-value.js';
import { TABLE_NAME } from './parts.js';
import type { CellKey, RawValue, Report, TableId } from './types.js';

/** The sheet a year's report goes in: 「2024年度年报」. */
export function reportSheetName(year?: number): string {
  return year ? `${year}年度年报` : '年报';
}

/** A sheet name not yet taken: 「2024年度年报」, then 「2024年度年报 (2)」… */
export function freeSheetName(taken: readonly string[], year?: number): string {
  const base = reportSheetName(year);
  if (!taken.includes(base)) return base;
  for (let i = 2; ; i++) if (!taken.includes(`${base} (${i})`)) return `${base} (${i})`;
}

/** The cells as written in the report, for the template: numbers as numbers, 「增1」 or 「7441.88万元」 as text. */
export function importedValues(report: Report): Record<CellKey, RawValue> {
  return Object.fromEntries([...report.cells].map(([k, c]) => [k, c.raw]));
}

/**
 * The cells for a workbook the clerk goes on with: a number written in a way a sum skips
 * (「1,005」, 「５」, 「5件」, a number stored as text) as the number it reads as; anything else as
 * written, 「五」 and 「约5」 included, for the check to point out.
 */
export function workbookValues(report: Report): Record<CellKey, RawValue> {
  const values = importedValues(report);
  for (const { key, value } of tidied(report)) values[key] = value;
  return values;
}

/** Cells whose text reads as a number without doubt, and not as written: 「1,005」 is 1005. */
function tidied(report: Report): { key: CellKey; value: number; said: string }[] {
  const specs = cellSpecs(report.edition);
  const out: { key: CellKey; value: number; said: string }[] = [];
  for (const [key, cell] of report.cells) {
    const spec = specs.get(key);
    if (!spec || typeof cell.raw !== 'string' || spec.kind === 'signedChange') continue;
    const parsed = parseValue(cell.raw, spec.kind);
    // Only what the parser says is written oddly; an amount with its unit written (「7441.88万元」)
    // keeps it: the unit is what T2-19-06 asks for.
    if (parsed.status !== 'ok' || !parsed.note || parsed.unit) continue;
    out.push({ key, value: parsed.value, said: `${spec.name}（${cell.address}）${shown(cell.raw)}` });
  }
  return out;
}

/** What `workbookValues` wrote as numbers, in a sentence, or nothing. */
export function tidiedNote(report: Report): string | undefined {
  const cells = tidied(report);
  if (!cells.length) return undefined;
  const more = cells.length > 3 ? `等 ${cells.length} 格` : '';
  return `${cells
    .slice(0, 3)
    .map((c) => c.said)
    .join('、')}${more}写成了求和时会被略过的文本（如千分位逗号、全角数字、带单位），已按数字填入。`;
}

/** The report's cells whose text is no number the form accepts (「五」, 「约5」, -1): imported as written. */
function notNumbers(report: Report): { key: CellKey; raw: string; said: string }[] {
  const specs = cellSpecs(report.edition);
  const out: { key: CellKey; raw: string; said: string }[] = [];
  for (const [key, cell] of report.cells) {
    const spec = specs.get(key);
    if (!spec || parseValue(cell.raw, spec.kind).status !== 'invalid') continue;
    const raw = String(cell.raw);
    out.push({ key, raw, said: `${spec.name}（${cell.address}）「${raw.slice(0, 20)}」` });
  }
  return out;
}

/** What the reader could not read, and cells that hold no number: the clerk must be told. */
export function unreadParts(report: Report): string[] {
  const errors = report.findings.filter((f) => f.severity === 'error').map((f) => f.message);
  const odd = notNumbers(report);
  if (!odd.length) return errors;
  const shown = odd.slice(0, 5).map((o) => o.said);
  const more = odd.length > shown.length ? `等 ${odd.length} 格` : '';
  return [
    ...errors,
    `${shown.join('、')}${more}不是这一格能填的数（如汉字数字、带「约」、件数有小数或是负数），已照原样填入，请核对后改正。`,
  ];
}

/** How many of the report's cells hold a number, and how many of each table's are empty in the report itself. */
function counted(report: Report): { numbers: number; empty: Map<TableId, number> } {
  const specs = cellSpecs(report.edition);
  let numbers = 0;
  const empty = new Map<TableId, number>();
  for (const [key, cell] of report.cells) {
    const spec = specs.get(key);
    if (!spec) continue;
    const status = parseValue(cell.raw, spec.kind).status;
    if (status === 'ok') numbers++;
    else if (status === 'blank') empty.set(spec.table, (empty.get(spec.table) ?? 0) + 1);
  }
  return { numbers, empty };
}

/** 「保定市竞秀区人民政府 2019 年度」, as much of it as the report tells. */
export function whoseReport(report: Report): string {
  return [report.agency, report.year ? `${report.year} 年度` : ''].filter(Boolean).join(' ');
}

/** A report among others of its file: whose, and on which sheet. */
export function reportName(report: Report): string {
  const sheet = report.source ? `工作表「${report.source}」` : '';
  const whose = whoseReport(report);
  return whose && sheet ? `${whose}（${sheet}）` : whose || sheet || '一份年报';
}

/**
 * 「已导入 保定市竞秀区人民政府 2019 年度的 198 个数字（2019 版）到「2019年度年报」。」, and how many
 * cells the report left empty or could not be read, and a body or year not found; `target` as it
 * is to be shown.
 */
export function importedMessage(report: Report, target: string): string {
  const whose = whoseReport(report);
  const { numbers, empty } = counted(report);
  const blank = [...empty].map(([t, n]) => `${TABLE_NAME[t]}有 ${n} 格`).join('、');
  // What could not be read is said after this: the count here keeps the line from reading as all done.
  const unread = report.findings.filter((f) => f.severity === 'error').length;
  // The year pairs a report with last year's: one not found is to be written in, not left to chance.
  const unnamed = [report.agency ? '' : '机关名称', report.year ? '' : '报告年度'].filter(Boolean);
  const left = [
    blank ? `；${blank}原文没有填数（空着，或只有「/」「-」「无」之类），已留空` : '',
    unread ? `；有 ${unread} 处没有读出，相应的格子留空` : '',
    unnamed.length ? `；原文中没有找到${unnamed.join('和')}，已留空，请在表中填写` : '',
  ].join('');
  const what = `${whose ? ` ${whose}的` : ''} ${numbers} 个数字`;
  return `已导入${what}（${report.edition} 版）到${target}${left}。`;
}

/**
 * `nianbao import --json`: every cell of the edition, its number or null where there is none to
 * read; what a null stands for when it is not an empty cell: text that is no number (「2.5」, 「五」),
 * as written, and the tables that could not be read.
 */
export function importJson(report: Report) {
  const values: Record<CellKey, number | null> = {};
  const units: Record<CellKey, string> = {};
  for (const spec of cellSpecs(report.edition).values()) {
    const cell = report.cells.get(spec.key);
    const parsed = cell ? parseValue(cell.raw, spec.kind) : undefined;
    values[spec.key] = parsed?.status === 'ok' ? parsed.value : null;
    if (parsed?.status === 'ok' && parsed.unit) units[spec.key] = parsed.unit;
  }
  return {
    edition: report.edition,
    year: report.year ?? null,
    agency: report.agency ?? null,
    values,
    // An amount is in the unit the report wrote it in (元 or 万元); none written, none here.
    units,
    notNumbers: Object.fromEntries(notNumbers(report).map((c) => [c.key, c.raw])),
    unread: report.findings.filter((f) => f.severity === 'error').map((f) => f.message),
  };
}

import type { Pos } from '../report/address.js';
import { compact } from '../report/labels.js';
import { REPORT_TITLE } from '../report/parts.js';
import { isBlankMark } from '../report/parse-value.js';
import { shownText } from '../report/shown.js';
import { AGENCY_LABEL, YEAR_LABEL } from '../report/template.js';
import { arabicYears } from '../report/years.js';
import type { Grid } from './locate.js';

const HEADING_LABELS = [AGENCY_LABEL, YEAR_LABEL];

// A cell is compacted only where it holds the label's (or the title's) last character: the rows
// searched are those with a 机 or a 报, most of a table's.
const isLabel = (v: unknown, label: string) =>
  typeof v === 'string' &&
  v.includes(label.charAt(label.length - 1)) &&
  compact(v).replace(/[:：]$/, '') === label;
const TITLE_END = REPORT_TITLE.charAt(REPORT_TITLE.length - 1);

/** The value right of a label, and where it is; with no value, the cell right of the label, to fill in. */
function valueRightOf(
  grid: Grid,
  label: string,
  rows: readonly number[],
): { value?: string | number; at: Pos } | undefined {
  let blankAt: Pos | undefined;
  for (const r of rows) {
    const row = grid[r] ?? [];
    let i = 0;
    while (i < row.length && !isLabel(row[i], label)) i++;
    if (i === row.length) continue;
    blankAt ??= { row: r, col: i + 1 };
    const j = row.findIndex((x, c) => c > i && x !== null && x !== '');
    const v = row[j];
    // The next label (报告年度 after an empty 机关名称) is not a value.
    if (typeof v === 'string' && HEADING_LABELS.some((l) => isLabel(v, l))) return { at: blankAt };
    if (typeof v === 'string' || typeof v === 'number') return { value: v, at: { row: r, col: j } };
  }
  return blankAt && { at: blankAt };
}

function parseYear(v: string | number | undefined): number | undefined {
  const m = /((?:19|20)\d{2})/.exec(arabicYears(String(v ?? '')));
  return m ? Number(m[1]) : undefined;
}

export interface Heading {
  readonly agency?: string;
  readonly year?: number;
  /** Where the year is written, or where it is to be written (报告年度's cell). */
  readonly yearAt?: Pos;
  /** Where 机关名称 is written, or is to be written: its cell, where the sheet has one. */
  readonly agencyAt?: Pos;
  /** What 报告年度's cell holds where it is no year (「19」): said, not taken for a cell left blank. */
  readonly yearWritten?: string;
}

/**
 * 机关名称 and 报告年度 from their input cells, or from a title 「××2024年政府信息公开工作年度报告」,
 * searched for in the given rows of the grid.
 */
export function readHeading(grid: Grid, among: ReadonlySet<number>): Heading {
  const rows = [...among].sort((a, b) => a - b);
  const agencyCell = valueRightOf(grid, AGENCY_LABEL, rows);
  const yearCell = valueRightOf(grid, YEAR_LABEL, rows);
  const named = shownText(String(agencyCell?.value ?? '')).trim();
  // 「/」, 「无」, 「—」 in 机关名称 name no body: blank, as they are in a number's cell.
  let agency = isBlankMark(named) ? undefined : named;
  let year = parseYear(yearCell?.value);
  // Written, but no year: 「19」, 「今年」.
  const yearWritten =
    year === undefined && yearCell?.value !== undefined ? String(yearCell.value).trim() : undefined;
  let yearAt = yearCell?.at;
  for (const r of rows) {
    const row = grid[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (typeof v !== 'string' || !v.includes(TITLE_END) || !compact(v).includes(REPORT_TITLE)) continue;
      const m = /^(.*?)((?:19|20)\d{2})年度?/.exec(arabicYears(compact(shownText(v))));
      if (!m) continue;
      agency ??= m[1] || undefined;
      if (year === undefined) {
        year = Number(m[2]);
        yearAt = { row: r, col: c };
      }
    }
  }
  return {
    ...(agency ? { agency } : {}),
    ...(year ? { year } : {}),
    ...(year === undefined && yearWritten ? { yearWritten } : {}),
    ...(yearAt ? { yearAt } : {}),
    ...(agencyCell ? { agencyAt: agencyCell.at } : {}),
  };
}

import { compact } from '../report/labels.js';
import { REPORT_TITLE } from '../report/parts.js';
import { shownText } from '../report/shown.js';
import { AGENCY_LABEL, YEAR_LABEL } from '../report/template.js';
import { arabicYears } from '../report/years.js';
import type { Grid } from './locate.js';

const HEADING_LABELS = [AGENCY_LABEL, YEAR_LABEL];

function valueRightOf(grid: Grid, label: string): string | number | undefined {
  for (const row of grid) {
    const i = row.findIndex((v) => typeof v === 'string' && compact(v).replace(/[:：]$/, '') === label);
    if (i < 0) continue;
    const v = row.slice(i + 1).find((x) => x !== null && x !== '');
    // The next label (报告年度 after an empty 机关名称) is not a value.
    if (typeof v === 'string' && HEADING_LABELS.includes(compact(v).replace(/[:：]$/, ''))) return undefined;
    if (typeof v === 'string' || typeof v === 'number') return v;
  }
  return undefined;
}

function parseYear(v: string | number | undefined): number | undefined {
  const m = /((?:19|20)\d{2})/.exec(arabicYears(String(v ?? '')));
  return m ? Number(m[1]) : undefined;
}

/** 机关名称 and 报告年度 from their input cells, or from a title 「××2024年政府信息公开工作年度报告」. */
export function readHeading(grid: Grid): { agency?: string; year?: number } {
  let agency = shownText(String(valueRightOf(grid, AGENCY_LABEL) ?? '')).trim() || undefined;
  let year = parseYear(valueRightOf(grid, YEAR_LABEL));
  for (const row of grid) {
    for (const v of row) {
      if (typeof v !== 'string' || !compact(v).includes(REPORT_TITLE)) continue;
      const m = /^(.*?)((?:19|20)\d{2})年度?/.exec(arabicYears(compact(shownText(v))));
      if (!m) continue;
      agency ??= m[1] || undefined;
      year ??= Number(m[2]);
    }
  }
  return { ...(agency ? { agency } : {}), ...(year ? { year } : {}) };
}

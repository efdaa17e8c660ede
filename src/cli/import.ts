import { parseValue } from '../checks/values.js';
import { cellSpecs } from '../report/model.js';
import type { RawValue, Report } from '../report/report.js';
import type { CellKey } from '../report/types.js';

/** The cells as written in the report, for the template: numbers as numbers, 「增1」 or 「7441.88万元」 as text. */
export function templateValues(report: Report): Record<CellKey, RawValue> {
  return Object.fromEntries([...report.cells].map(([k, c]) => [k, c.raw]));
}

/** `nianbao import --json`: every cell of the edition, its number or null where there is none to read. */
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
    // An amount is in the unit the report wrote it in (元 or 万元).
    ...(Object.keys(units).length ? { units } : {}),
  };
}

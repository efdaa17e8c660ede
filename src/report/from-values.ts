import { cellSpecs } from './model.js';
import type { RawValue, ReadCell, Report } from './types.js';
import type { CellKey, Edition, TableId } from './types.js';

export interface ReportInfo {
  readonly year?: number;
  readonly agency?: string;
  readonly source?: string;
}

/** A report from values by cell key (a published report's numbers, a JSON import, a test). */
export function reportFromValues(
  edition: Edition,
  values: Readonly<Record<CellKey, RawValue | undefined>>,
  info: ReportInfo = {},
): Report {
  const cells = new Map<CellKey, ReadCell>();
  const tables = new Set<TableId>();
  for (const spec of cellSpecs(edition).values()) {
    if (!(spec.key in values)) continue;
    cells.set(spec.key, { raw: values[spec.key] ?? null });
    tables.add(spec.table);
  }
  return { edition, ...info, tables: [...tables], cells, findings: [] };
}

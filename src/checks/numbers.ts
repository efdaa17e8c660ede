import { cellSpecs } from '../report/model.js';
import type { Report } from '../report/types.js';
import type { CellKey, Edition } from '../report/types.js';
import { type Identity, identities, isTotal } from '../report/identities.js';
import { type Parsed, parseValue } from '../report/parse-value.js';

/** A report's numbers as the checks use them. */
export interface Numbers {
  readonly edition: Edition;
  /** Each data cell as parsed; absent where the reader found no such cell. */
  readonly parsed: ReadonlyMap<CellKey, Parsed>;
  /** Every number known: read values, blank parts as 0, blank totals taken from their identity. */
  readonly values: ReadonlyMap<CellKey, number>;
  /** Blank totals and the identity their value was taken from. */
  readonly derivedFrom: ReadonlyMap<CellKey, Identity>;
}

export function readNumbers(report: Report): Numbers {
  const edition = report.edition;
  const parsed = new Map<CellKey, Parsed>();
  const values = new Map<CellKey, number>();
  const blankTotals = new Set<CellKey>();
  for (const spec of cellSpecs(edition).values()) {
    const cell = report.cells.get(spec.key);
    if (!cell) continue;
    const p = parseValue(cell.raw, spec.kind);
    parsed.set(spec.key, p);
    if (p.status === 'ok' || (p.status === 'invalid' && p.value !== undefined))
      values.set(spec.key, p.value!);
    else if (p.status === 'blank') {
      if (isTotal(edition, spec.key)) blankTotals.add(spec.key);
      else if (spec.kind !== 'amount' && spec.table !== 't2') values.set(spec.key, 0);
    }
  }

  const derivedFrom = new Map<CellKey, Identity>();
  for (let progress = true; progress;) {
    progress = false;
    for (const id of identities(edition)) {
      const total = id.total;
      if (!total || !blankTotals.has(total) || derivedFrom.has(total)) continue;
      if (!id.rhs.every((k) => values.has(k))) continue;
      values.set(
        total,
        id.rhs.reduce((s, k) => s + values.get(k)!, 0),
      );
      derivedFrom.set(total, id);
      progress = true;
    }
  }
  return { edition, parsed, values, derivedFrom };
}

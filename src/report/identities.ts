import { cellIndex, columnKeys, rowKeys } from '../report/model.js';
import type { CellKey, Edition, TableId } from '../report/types.js';

export type IdentityRule = 'T3-01' | 'T3-02' | 'T3-03' | 'T4-01' | 'T4-02' | 'T4-03';

/** sum(lhs) = sum(rhs), an identity the form prints or its structure forces. */
export interface Identity {
  readonly rule: IdentityRule;
  readonly table: TableId;
  readonly lhs: readonly CellKey[];
  readonly rhs: readonly CellKey[];
  /** The total this identity defines (the lone cell on the left), if any. */
  readonly total?: CellKey;
  /** The row or column the identity runs along: a row key, a column key or a table-4 group. */
  readonly along: { readonly row: string } | { readonly column: string };
  /** lhs then rhs: every cell of the identity. */
  readonly cells: readonly CellKey[];
  /** Σ coef·cell = 0: +1 for each cell on the left, −1 on the right. Built once per edition. */
  readonly terms: ReadonlyMap<CellKey, number>;
  /** The same by cell index (see cellIndex): the hot path sums arrays, never hashes a key. */
  readonly termIndex: Int32Array;
  readonly termCoef: Float64Array;
  readonly cellIndex: Int32Array;
}

type Draft = Omit<Identity, 'cells' | 'terms' | 'termIndex' | 'termCoef' | 'cellIndex'>;

function complete(edition: Edition, d: Draft): Identity {
  const terms = new Map<CellKey, number>();
  for (const k of d.lhs) terms.set(k, (terms.get(k) ?? 0) + 1);
  for (const k of d.rhs) terms.set(k, (terms.get(k) ?? 0) - 1);
  for (const [k, c] of terms) if (c === 0) terms.delete(k);
  const index = cellIndex(edition);
  const cells = [...d.lhs, ...d.rhs];
  // Every identity with the same properties in the same order: one shape, fast to read in hot loops.
  return {
    rule: d.rule,
    table: d.table,
    lhs: d.lhs,
    rhs: d.rhs,
    total: d.total,
    along: d.along,
    cells,
    terms,
    termIndex: Int32Array.from([...terms.keys()].map((k) => index.get(k)!)),
    termCoef: Float64Array.from([...terms.values()]),
    cellIndex: Int32Array.from(cells.map((k) => index.get(k)!)),
  };
}

const T4_RULES: readonly IdentityRule[] = ['T4-01', 'T4-02', 'T4-03'];

function build(edition: Edition): Identity[] {
  const rows = rowKeys(edition, 't3');
  const columns = columnKeys(edition, 't3');
  const parts = columns.filter((c) => c !== 'total');
  const results = rows.filter((r) => r.startsWith('r3_') && r !== 'r3_7');
  const k = (row: string, column: string): CellKey => `t3.${row}.${column}`;

  const ids: Draft[] = [];
  for (const c of columns) {
    ids.push({
      rule: 'T3-01',
      table: 't3',
      lhs: [k('r1', c), k('r2', c)],
      rhs: [k('r3_7', c), k('r4', c)],
      along: { column: c },
    });
  }
  for (const r of rows) {
    const total = k(r, 'total');
    ids.push({
      rule: 'T3-02',
      table: 't3',
      lhs: [total],
      rhs: parts.map((c) => k(r, c)),
      total,
      along: { row: r },
    });
  }
  for (const c of columns) {
    const total = k('r3_7', c);
    ids.push({
      rule: 'T3-03',
      table: 't3',
      lhs: [total],
      rhs: results.map((r) => k(r, c)),
      total,
      along: { column: c },
    });
  }
  rowKeys(edition, 't4').forEach((group, i) => {
    const cols = columnKeys(edition, 't4').filter((c) => c !== 'total');
    const total = `t4.${group}.total`;
    ids.push({
      rule: T4_RULES[i]!,
      table: 't4',
      lhs: [total],
      rhs: cols.map((c) => `t4.${group}.${c}`),
      total,
      along: { row: group },
    });
  });
  return ids.map((d) => complete(edition, d));
}

// Each edition's, made when a report of it is first checked: a check needs one edition's.
const IDENTITIES = new Map<Edition, readonly Identity[]>();
const TOTALS = new Map<Edition, ReadonlySet<CellKey>>();

export function identities(edition: Edition): readonly Identity[] {
  let ids = IDENTITIES.get(edition);
  if (!ids) IDENTITIES.set(edition, (ids = build(edition)));
  return ids;
}

/** Cells that are some identity's total: a blank one is derived rather than read as 0. */
export function isTotal(edition: Edition, key: CellKey): boolean {
  let totals = TOTALS.get(edition);
  if (!totals)
    TOTALS.set(
      edition,
      (totals = new Set(identities(edition).flatMap((id) => (id.total ? [id.total] : [])))),
    );
  return totals.has(key);
}

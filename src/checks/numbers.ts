import { cellIndex, cellList } from '../report/model.js';
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
  /** The same by cell index (see cellIndex): what the hot paths read. */
  readonly parsedAt: readonly (Parsed | undefined)[];
  readonly valueAt: readonly number[];
  /** 1 where valueAt holds a number. */
  readonly known: readonly number[];
}

/**
 * A map by cell key over arrays by cell index: read like a Map, built without hashing a key.
 * Iterates in layout order.
 */
class CellMap<T> implements ReadonlyMap<CellKey, T> {
  /** The edition's cell indexes, looked up once: every rule reads values by key, many times a report. */
  private readonly index: ReadonlyMap<CellKey, number>;

  constructor(
    private readonly edition: Edition,
    private readonly at: (i: number) => T | undefined,
  ) {
    this.index = cellIndex(edition);
  }

  get(key: CellKey): T | undefined {
    const i = this.index.get(key);
    return i === undefined ? undefined : this.at(i);
  }

  has(key: CellKey): boolean {
    return this.get(key) !== undefined;
  }

  get size(): number {
    let n = 0;
    for (let i = 0; i < cellList(this.edition).length; i++) if (this.at(i) !== undefined) n++;
    return n;
  }

  *entries(): MapIterator<[CellKey, T]> {
    const list = cellList(this.edition);
    for (let i = 0; i < list.length; i++) {
      const v = this.at(i);
      if (v !== undefined) yield [list[i]!.key, v];
    }
  }

  *keys(): MapIterator<CellKey> {
    for (const [k] of this.entries()) yield k;
  }

  *values(): MapIterator<T> {
    for (const [, v] of this.entries()) yield v;
  }

  [Symbol.iterator](): MapIterator<[CellKey, T]> {
    return this.entries();
  }

  forEach(fn: (value: T, key: CellKey, map: ReadonlyMap<CellKey, T>) => void): void {
    for (const [k, v] of this.entries()) fn(v, k, this);
  }
}

export function readNumbers(report: Report): Numbers {
  const edition = report.edition;
  const list = cellList(edition);
  const parsedAt: (Parsed | undefined)[] = new Array<Parsed | undefined>(list.length);
  // Plain arrays: cheaper to make than typed ones for a couple of hundred cells.
  const valueAt: number[] = new Array<number>(list.length).fill(0);
  const known: number[] = new Array<number>(list.length).fill(0);
  const blankTotals: number[] = [];
  for (let i = 0; i < list.length; i++) {
    const spec = list[i]!;
    const cell = report.cells.get(spec.key);
    if (!cell) continue;
    const p = parseValue(cell.raw, spec.kind);
    parsedAt[i] = p;
    if (p.status === 'ok' || (p.status === 'invalid' && p.value !== undefined)) {
      valueAt[i] = p.value!;
      known[i] = 1;
    } else if (p.status === 'blank') {
      if (isTotal(edition, spec.key)) blankTotals.push(i);
      else if (spec.kind !== 'amount' && spec.table !== 't2') known[i] = 1;
    }
  }

  const derivedFrom = new Map<CellKey, Identity>();
  const blank = new Set(blankTotals);
  for (let progress = blank.size > 0; progress;) {
    progress = false;
    for (const id of identities(edition)) {
      const total = id.total;
      if (!total) continue;
      const t = id.cellIndex[0]!;
      if (!blank.has(t) || derivedFrom.has(total)) continue;
      let sum = 0;
      let complete = true;
      for (let j = id.lhs.length; j < id.cellIndex.length && complete; j++) {
        const k = id.cellIndex[j]!;
        if (known[k]) sum += valueAt[k]!;
        else complete = false;
      }
      if (!complete) continue;
      valueAt[t] = sum;
      known[t] = 1;
      derivedFrom.set(total, id);
      progress = true;
    }
  }
  return {
    edition,
    parsed: new CellMap(edition, (i) => parsedAt[i]),
    values: new CellMap(edition, (i) => (known[i] ? valueAt[i] : undefined)),
    derivedFrom,
    parsedAt,
    valueAt,
    known,
  };
}

import type { CellKey } from '../report/types.js';

/** Σ coef·value = 0 over the cells of an identity (blank totals replaced by what they were derived from). */
export type LinearForm = ReadonlyMap<CellKey, number>;

export interface Change {
  readonly key: CellKey;
  readonly delta: number;
  /**
   * Other cells would mend the identities as well, but only by a value no cell may hold (a negative
   * count): this one is named because the others cannot be, which a clerk should know.
   */
  readonly alone?: true;
}

export interface CulpritInput {
  readonly forms: readonly LinearForm[];
  readonly values: ReadonlyMap<CellKey, number>;
  /** Cells that may be changed (written by the clerk, not derived). */
  readonly changeable: (key: CellKey) => boolean;
  /** Whether a changed value is one the cell may hold (a count: a whole number ≥ 0). */
  readonly admissible: (key: CellKey, value: number) => boolean;
  readonly maxCells?: number;
  /** Each form's residual, when the caller has them already. */
  readonly residuals?: readonly number[];
  /** The forms each cell is in, when the caller keeps it for forms that do not change. */
  readonly formsOf?: ReadonlyMap<CellKey, readonly number[]>;
}

/** The forms each cell is in, by index into `forms`. */
export function formsByCell(forms: readonly LinearForm[]): ReadonlyMap<CellKey, readonly number[]> {
  const formsOf = new Map<CellKey, number[]>();
  forms.forEach((f, i) => {
    for (const k of f.keys()) {
      const list = formsOf.get(k);
      if (list) list.push(i);
      else formsOf.set(k, [i]);
    }
  });
  return formsOf;
}

function residual(form: LinearForm, values: ReadonlyMap<CellKey, number>): number {
  let r = 0;
  for (const [k, c] of form) r += c * values.get(k)!;
  return r;
}

/**
 * The smallest set of cell changes that satisfies every form, when exactly one such set exists.
 * One wrong cell shows as the only cell common to every broken identity; two or three wrong cells
 * as the one pair or triple that mends all (a clerk's slips are seldom more, and more cells have
 * too many answers). Several equally small answers mean the data cannot tell which cell is wrong,
 * and then nothing is named.
 */
export function findCulprits(input: CulpritInput): Change[] | undefined {
  const { forms, values } = input;
  const res = input.residuals ?? forms.map((f) => residual(f, values));
  const broken = forms.map((_, i) => i).filter((i) => res[i] !== 0);
  if (broken.length === 0) return [];
  const maxCells = input.maxCells ?? 3;
  const formsOf = input.formsOf ?? formsByCell(forms);

  // Changes that mend every form: each form's residual plus the changes it contains is zero. A form
  // none of the changed cells is in keeps its residual, so every broken form must hold one of them.
  const mends = (keys: readonly CellKey[]): Change[] | undefined => {
    const touched = new Set<number>();
    for (const k of keys) for (const i of formsOf.get(k) ?? []) touched.add(i);
    for (const i of broken) if (!touched.has(i)) return undefined;
    const deltas = new Map<CellKey, number>();
    // Solve forms that contain exactly one still-unknown cell until all are known.
    for (let progress = true; progress && deltas.size < keys.length;) {
      progress = false;
      for (const i of touched) {
        const unknown = keys.filter((k) => !deltas.has(k) && forms[i]!.has(k));
        if (unknown.length !== 1) continue;
        const k = unknown[0]!;
        let known = res[i]!;
        for (const [kk, d] of deltas) known += (forms[i]!.get(kk) ?? 0) * d;
        deltas.set(k, -known / forms[i]!.get(k)!);
        progress = true;
      }
    }
    if (deltas.size < keys.length) return undefined;
    for (const i of touched) {
      let r = res[i]!;
      for (const [k, d] of deltas) r += (forms[i]!.get(k) ?? 0) * d;
      if (Math.abs(r) > 1e-9) return undefined;
    }
    const changes = keys.map((key) => ({ key, delta: deltas.get(key)! }));
    if (changes.some((c) => c.delta === 0)) return undefined;
    if (changes.some((c) => !input.admissible(c.key, values.get(c.key)! + c.delta))) {
      ruledOut++;
      return undefined;
    }
    return changes;
  };
  let ruledOut = 0;

  const first = broken.reduce((a, b) => (forms[a]!.size <= forms[b]!.size ? a : b));
  const candidates = (exclude: ReadonlySet<CellKey>, formIndex: number): CellKey[] =>
    [...forms[formIndex]!.keys()].filter((k) => !exclude.has(k) && input.changeable(k));

  for (let size = 1; size <= maxCells; size++) {
    ruledOut = 0;
    const found: Change[][] = [];
    const seen = new Set<string>();
    const extend = (chosen: CellKey[]): void => {
      if (found.length > 1) return;
      if (chosen.length === size) {
        const id = [...chosen].sort().join('|');
        if (seen.has(id)) return;
        seen.add(id);
        const m = mends(chosen);
        if (m) found.push(m);
        return;
      }
      // Every broken form must hold a chosen cell: extend with cells of the first form not yet covered.
      const uncovered = broken.find((i) => !chosen.some((k) => forms[i]!.has(k)));
      const from = chosen.length === 0 ? first : uncovered;
      if (from === undefined) {
        for (const k of new Set(broken.flatMap((i) => candidates(new Set(chosen), i))))
          extend([...chosen, k]);
        return;
      }
      for (const k of candidates(new Set(chosen), from)) extend([...chosen, k]);
    };
    extend([]);
    if (found.length === 1)
      return ruledOut ? found[0]!.map((c) => ({ ...c, alone: true as const })) : found[0];
    if (found.length > 1) return undefined;
  }
  return undefined;
}

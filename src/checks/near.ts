/**
 * Which of `mine` has a near twin in `theirs`: sets whose Dice coefficient 2|A∩B|/(|A|+|B|) reaches
 * `threshold`. Exact, and near-linear on text: a set is compared only with sets of a size that
 * could reach the threshold and that share one of its rarest elements (prefix filtering: two sets
 * this alike must share one of the first few elements of each, in one global order, rarest first).
 * Past `budget` element comparisons the search stops and the rest count as having no twin.
 */
export function nearTwins(
  mine: readonly (readonly string[])[],
  theirs: readonly (readonly string[])[],
  threshold: number,
  budget = 20_000_000,
): boolean[] {
  // One id per element, rarest first: ids sorted ascending put a set's rarest elements first.
  const frequency = new Map<string, number>();
  for (const sets of [mine, theirs])
    for (const set of sets) for (const x of set) frequency.set(x, (frequency.get(x) ?? 0) + 1);
  const ids = new Map([...frequency.entries()].sort((a, b) => a[1] - b[1]).map(([x], i) => [x, i]));
  const encode = (set: readonly string[]) => Int32Array.from(set, (x) => ids.get(x)!).sort();
  const ours = mine.map(encode);
  const other = theirs.map(encode);

  const ratio = threshold / (2 - threshold);
  const prefix = (size: number) => size - Math.ceil(ratio * size - 1e-9) + 1;
  const index = new Map<number, number[]>();
  other.forEach((set, j) => {
    for (let k = 0; k < Math.min(set.length, prefix(set.length)); k++) {
      const list = index.get(set[k]!);
      if (list) list.push(j);
      else index.set(set[k]!, [j]);
    }
  });

  const seen = new Int32Array(other.length).fill(-1);
  let work = 0;
  return ours.map((a, i) => {
    if (!a.length || work > budget) return false;
    for (let k = 0; k < Math.min(a.length, prefix(a.length)); k++) {
      for (const j of index.get(a[k]!) ?? []) {
        if (seen[j] === i) continue;
        seen[j] = i;
        const b = other[j]!;
        if (b.length < ratio * a.length - 1e-9 || a.length < ratio * b.length - 1e-9) continue;
        work += a.length + b.length;
        if ((2 * common(a, b)) / (a.length + b.length) >= threshold) return true;
        if (work > budget) return false;
      }
    }
    return false;
  });
}

/** |A∩B| of two ascending arrays of distinct ids. */
function common(a: Int32Array, b: Int32Array): number {
  let n = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
    if (a[i]! < b[j]!) i++;
    else if (a[i]! > b[j]!) j++;
    else {
      n++;
      i++;
      j++;
    }
  }
  return n;
}

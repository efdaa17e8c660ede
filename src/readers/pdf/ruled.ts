import type { Rule } from './page.js';

/** Rules closer than this (points) are one: double borders, a border drawn by each of two cells. */
const TOL = 2.5;

/** A table drawn with rules: its column and row edges, and which cell each grid slot belongs to. */
export interface RuledTable {
  /** Column edges, left to right. */
  readonly xs: readonly number[];
  /** Row edges, top to bottom (PDF y grows upwards: descending). */
  readonly ys: readonly number[];
  /** cell[row][col]: the index of the (merged) cell the slot is part of. */
  readonly cell: readonly (readonly number[])[];
  /** Each cell's top-left slot. */
  readonly origins: readonly { readonly row: number; readonly col: number }[];
  /** Where no rule runs along the bottom (x from, to): the page cut a cell there, and it goes on overleaf. */
  readonly openBelow: readonly (readonly [number, number])[];
}

class Sets {
  private readonly parent: number[];
  constructor(n: number) {
    this.parent = Array.from({ length: n }, (_, i) => i);
  }
  find(i: number): number {
    while (this.parent[i] !== i) i = this.parent[i] = this.parent[this.parent[i]!]!;
    return i;
  }
  union(a: number, b: number): void {
    const [x, y] = [this.find(a), this.find(b)];
    if (x !== y) this.parent[Math.max(x, y)] = Math.min(x, y);
  }
}

/** Values within TOL of their neighbour, as one value each (their mean), ascending. */
function cluster(values: readonly number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[] = [];
  let group: number[] = [];
  for (const v of sorted) {
    if (group.length && v - group[group.length - 1]! > TOL) {
      out.push(group.reduce((s, x) => s + x, 0) / group.length);
      group = [];
    }
    group.push(v);
  }
  if (group.length) out.push(group.reduce((s, x) => s + x, 0) / group.length);
  return out;
}

const covers = (r: Rule, at: number, point: number) =>
  Math.abs(r.at - at) <= TOL && r.from - TOL <= point && point <= r.to + TOL;

/** One table from its rules: edges, then slots joined where no rule separates them. */
function table(rules: readonly Rule[]): RuledTable | undefined {
  const h = rules.filter((r) => r.horizontal);
  const v = rules.filter((r) => !r.horizontal);
  const xs = cluster(v.map((r) => r.at));
  // A table cut by the page ends (or starts) where its columns do, with no rule drawn there.
  const bottom = Math.min(...v.map((r) => r.from));
  const top = Math.max(...v.map((r) => r.to));
  const ys = cluster([...h.map((r) => r.at), bottom, top]).reverse();
  const rows = ys.length - 1;
  const cols = xs.length - 1;
  // One row is enough: the last row of a table, broken onto the next page. A framed paragraph is no table.
  if (rows < 1 || cols < 2) return undefined;
  const sets = new Sets(rows * cols);
  for (let i = 0; i < rows; i++) {
    const midY = (ys[i]! + ys[i + 1]!) / 2;
    for (let j = 0; j < cols; j++) {
      const midX = (xs[j]! + xs[j + 1]!) / 2;
      if (j + 1 < cols && !v.some((r) => covers(r, xs[j + 1]!, midY)))
        sets.union(i * cols + j, i * cols + j + 1);
      if (i + 1 < rows && !h.some((r) => covers(r, ys[i + 1]!, midX)))
        sets.union(i * cols + j, (i + 1) * cols + j);
    }
  }
  const index = new Map<number, number>();
  const origins: { row: number; col: number }[] = [];
  const cell = Array.from({ length: rows }, (_, i) =>
    Array.from({ length: cols }, (_, j) => {
      const root = sets.find(i * cols + j);
      let k = index.get(root);
      if (k === undefined) {
        index.set(root, (k = origins.length));
        origins.push({ row: i, col: j });
      }
      return k;
    }),
  );
  const openBelow = xs
    .slice(1)
    .map((x, j) => [xs[j]!, x] as const)
    .filter(([a, b]) => !h.some((r) => covers(r, bottom, (a + b) / 2)));
  return { xs, ys, cell, origins, openBelow };
}

/** Pieces of one straight rule, end to end or overlapping, are one set: a border drawn cell by cell. */
function joinCollinear(rules: readonly (readonly [Rule, number])[], sets: Sets): void {
  const sorted = [...rules].sort(([a], [b]) => a.at - b.at || a.from - b.from);
  for (let s = 0; s < sorted.length; s++) {
    const [a, i] = sorted[s]!;
    for (let t = s + 1; t < sorted.length; t++) {
      const [b, k] = sorted[t]!;
      if (b.at - a.at > TOL) break;
      if (b.from <= a.to + TOL && a.from <= b.to + TOL) sets.union(i, k);
    }
  }
}

/** The tables drawn on a page: rules that cross or touch one another make one table. */
export function ruledTables(rules: readonly Rule[]): RuledTable[] {
  const sets = new Sets(rules.length);
  const h = rules.map((r, i) => [r, i] as const).filter(([r]) => r.horizontal);
  const v = rules.map((r, i) => [r, i] as const).filter(([r]) => !r.horizontal);
  for (const [a, i] of h)
    for (const [b, k] of v)
      if (b.at >= a.from - TOL && b.at <= a.to + TOL && a.at >= b.from - TOL && a.at <= b.to + TOL)
        sets.union(i, k);
  // Collinear pieces of one rule (a border drawn cell by cell) belong together too.
  for (const line of [h, v]) joinCollinear(line, sets);
  const groups = new Map<number, Rule[]>();
  rules.forEach((r, i) => {
    const root = sets.find(i);
    const list = groups.get(root) ?? [];
    list.push(r);
    groups.set(root, list);
  });
  return [...groups.values()].flatMap((g) => stacked(g).flatMap((part) => table(part) ?? []));
}

/**
 * A group of rules split where two tables drawn one right under the other touch (a page's table cut
 * in two, each part with columns of its own widths): at a rule across the whole width that no inner
 * column rule crosses, with hardly any inner column edge the same above and below it. A table's own
 * rows share most column edges of the one with fewer, or a cell runs down across them; two tables
 * may share one by chance (the last number column's, a point or two apart).
 */
function stacked(rules: readonly Rule[]): Rule[][] {
  const v = rules.filter((r) => !r.horizontal);
  const h = rules.filter((r) => r.horizontal);
  if (v.length < 4) return [rules as Rule[]];
  const left = Math.min(...v.map((r) => r.at));
  const right = Math.max(...v.map((r) => r.at));
  const inner = (x: number) => x > left + TOL && x < right - TOL;
  const cuts = cluster(h.map((r) => r.at)).filter((y) => {
    const across = h.filter((r) => Math.abs(r.at - y) <= TOL && r.from <= left + TOL && r.to >= right - TOL);
    if (!across.length) return false;
    const columns = v.filter((r) => inner(r.at));
    if (columns.some((r) => r.from < y - TOL && r.to > y + TOL)) return false;
    const above = cluster(columns.filter((r) => Math.abs(r.from - y) <= TOL).map((r) => r.at));
    const below = cluster(columns.filter((r) => Math.abs(r.to - y) <= TOL).map((r) => r.at));
    return above.length > 0 && below.length > 0 && fewShared(above, below);
  });
  if (!cuts.length) return [rules as Rule[]];
  // Top to bottom (y descending): each part's rules lie between two cuts, a cut's rule is both
  // parts', and the outer edges drawn down both (one line) are each part's, cut at the seam.
  const edges = [Infinity, ...cuts.sort((a, b) => b - a), -Infinity];
  return edges.slice(1).map((bottom, i) => {
    const top = edges[i]!;
    return rules.flatMap((r): Rule[] => {
      if (r.horizontal) return r.at <= top + TOL && r.at >= bottom - TOL ? [r] : [];
      const [from, to] = [Math.max(r.from, bottom), Math.min(r.to, top)];
      return to - from > TOL ? [{ ...r, from, to }] : [];
    });
  });
}

/** Fewer than half the edges of the side with fewer are the other side's too. */
function fewShared(above: readonly number[], below: readonly number[]): boolean {
  const shared = below.filter((x) => above.some((a) => Math.abs(a - x) <= TOL)).length;
  return shared * 2 < Math.min(above.length, below.length);
}

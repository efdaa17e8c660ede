import { type Finding } from '../core.js';
/** How a cell is marked: the culprit of an error, another cell of a broken identity, or a warning. */
export type MarkKind = 'culprit' | 'involved' | 'warning';

/** Fill colours of the marks; a clerk's own fills are saved and put back. */
export const MARK_FILL: Readonly<Record<MarkKind, string>> = {
  culprit: '#F4B6B6',
  involved: '#FCE4B6',
  warning: '#FFF4A3',
};

/** Sheet addresses to mark, and how. */
export type MarkPlan = ReadonlyMap<string, MarkKind>;

const RANK: Readonly<Record<MarkKind, number>> = { culprit: 0, involved: 1, warning: 2 };

/** Which sheet cells to mark and how: the strongest mark wins where findings overlap. */
export function planMarks(findings: readonly Finding[]): Map<string, MarkKind> {
  const plan = new Map<string, MarkKind>();
  const put = (address: string, kind: MarkKind): void => {
    const had = plan.get(address);
    if (!had || RANK[kind] < RANK[had]) plan.set(address, kind);
  };
  for (const f of findings) {
    if (f.severity === 'info') continue;
    const addresses = f.addresses ?? [];
    f.cells.forEach((key, i) => {
      const address = addresses[i];
      if (!address) return;
      if (f.severity === 'warning') put(address, 'warning');
      // A lone cell in error is the one to fix, as much as a named culprit.
      else put(address, key === f.culprit || f.cells.length === 1 ? 'culprit' : 'involved');
    });
    for (const at of f.at ?? []) put(at, f.severity === 'error' ? 'involved' : 'warning');
  }
  return plan;
}

/** Addresses grouped by mark, in chunks small enough for one `getRanges` call each. */
export function chunkByKind(plan: MarkPlan, size = 400): [MarkKind, string[]][] {
  const byKind = new Map<MarkKind, string[]>();
  for (const [address, kind] of plan) (byKind.get(kind) ?? byKind.set(kind, []).get(kind)!).push(address);
  const out: [MarkKind, string[]][] = [];
  for (const [kind, list] of byKind)
    for (let i = 0; i < list.length; i += size) out.push([kind, list.slice(i, i + size)]);
  return out;
}

import { areaAddress, type Finding, parseAddress } from '../core.js';

/** How a cell is marked: the culprit of an error, another cell of a broken identity, or a warning. */
export type MarkKind = 'culprit' | 'involved' | 'warning';

/** Fill colours of the marks. */
export const MARK_FILL: Readonly<Record<MarkKind, string>> = {
  culprit: '#F4B6B6',
  involved: '#FCE4B6',
  warning: '#FFF4A3',
};

/** What each colour means, for the sidebar's legend. */
export const MARK_MEANING: Readonly<Record<MarkKind, string>> = {
  culprit: '最可能填错的格',
  involved: '等式中的其他格',
  warning: '警告',
};

/**
 * Marks are conditional formats whose rule is always true and says what it is: the workbook keeps
 * no record of them, and 清除标记 finds exactly ours by their formula, however the sheet was
 * edited, renamed or copied. Cells' own formats are never touched.
 */
export const MARK_TAG = '年报校验';
export const MARK_FORMULA: Readonly<Record<MarkKind, string>> = {
  culprit: `=ISTEXT("${MARK_TAG}：最可能填错")`,
  involved: `=ISTEXT("${MARK_TAG}：等式中的其他格")`,
  warning: `=ISTEXT("${MARK_TAG}：警告")`,
};

export function isMarkFormula(formula: string | undefined | null): boolean {
  return typeof formula === 'string' && formula.includes(`"${MARK_TAG}：`);
}

/** Sheet addresses to mark, and how. */
export type MarkPlan = ReadonlyMap<string, MarkKind>;

const CELL = /^[A-Z]{1,3}\d+$/;

const RANK: Readonly<Record<MarkKind, number>> = { culprit: 0, involved: 1, warning: 2 };

/** Which cells to mark and how, by the sheet each finding is on: the strongest mark wins. */
export function planMarks(
  findings: readonly Finding[],
  defaultSheet: string,
): Map<string, Map<string, MarkKind>> {
  const plans = new Map<string, Map<string, MarkKind>>();
  const put = (sheet: string, address: string, kind: MarkKind): void => {
    const plan = plans.get(sheet) ?? plans.set(sheet, new Map()).get(sheet)!;
    const had = plan.get(address);
    if (!had || RANK[kind] < RANK[had]) plan.set(address, kind);
  };
  for (const f of findings) {
    // Notes and answered warnings need no one's attention on the sheet.
    if (f.severity === 'info' || f.note) continue;
    const sheet = f.sheet ?? defaultSheet;
    const addresses = f.addresses ?? [];
    f.cells.forEach((key, i) => {
      const address = addresses[i];
      if (!address) return;
      if (f.severity === 'warning') put(sheet, address, 'warning');
      // A lone cell in error is the one to fix, as much as a named culprit.
      else put(sheet, address, key === f.culprit || f.cells.length === 1 ? 'culprit' : 'involved');
    });
    // Labels and rows a reader flagged; a published text's 「第12行」 is no cell to mark.
    for (const at of f.at ?? [])
      if (CELL.test(at)) put(sheet, at, f.severity === 'error' ? 'involved' : 'warning');
  }
  return plans;
}

/** Cells side by side in a row as one area: 「D5:J5」 instead of seven. */
export function rowRuns(addresses: readonly string[]): string[] {
  const cells = addresses.map(parseAddress).sort((a, b) => a.row - b.row || a.col - b.col);
  const runs: { row: number; from: number; to: number }[] = [];
  for (const c of cells) {
    const last = runs.at(-1);
    if (last && last.row === c.row && last.to + 1 === c.col) last.to = c.col;
    else if (!last || last.row !== c.row || last.to < c.col)
      runs.push({ row: c.row, from: c.col, to: c.col });
  }
  return runs.map((r) => areaAddress({ top: r.row, bottom: r.row, left: r.from, right: r.to }));
}

/** Areas grouped by mark, in chunks small enough for one multi-area range each (Excel fails past ~500). */
export function chunkByKind(plan: MarkPlan, size = 400): [MarkKind, string[]][] {
  const byKind = new Map<MarkKind, string[]>();
  for (const [address, kind] of plan) (byKind.get(kind) ?? byKind.set(kind, []).get(kind)!).push(address);
  const out: [MarkKind, string[]][] = [];
  for (const [kind, list] of byKind) {
    const areas = rowRuns(list);
    for (let i = 0; i < areas.length; i += size) out.push([kind, areas.slice(i, i + size)]);
  }
  return out;
}

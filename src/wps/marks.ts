import { chunkByKind, MARK_FILL, MARK_FORMULA } from '../host/marks.js';
import type { SheetMarks, WorkbookRead } from '../host/sheet-host.js';
import { etColor, type EtApplication, XL } from './et.js';
import { findSheet, markIndexes } from './read.js';

/** VBA's Range() takes an address of at most 255 characters. */
const MAX_ADDRESS = 250;

/** Areas joined into addresses Range() accepts. */
export function addressChunks(areas: readonly string[]): string[] {
  const out: string[] = [];
  let current = '';
  for (const a of areas) {
    if (current && current.length + 1 + a.length > MAX_ADDRESS) {
      out.push(current);
      current = a;
    } else current = current ? `${current},${a}` : a;
  }
  if (current) out.push(current);
  return out;
}

/**
 * Replaces our marks with `plan`: our old conditional formats go, new ones (an always-true formula
 * that says what it is) come on top of the clerk's own. No cell's own format is touched.
 */
export function writeMarks(app: EtApplication, read: WorkbookRead, plan: SheetMarks): void {
  for (const s of read.sheets) {
    if (s.formatLocked || (!s.marked && !plan.has(s.sheet.id))) continue;
    const ws = findSheet(app, s.sheet.id);
    if (!ws) continue;
    // From the last, so the indexes of the rest stay put.
    for (const i of markIndexes(ws).reverse()) ws.Cells.FormatConditions.Item(i).Delete();
    const marks = plan.get(s.sheet.id);
    if (!marks) continue;
    for (const [kind, areas] of chunkByKind(marks)) {
      for (const address of addressChunks(areas)) {
        const cf = ws.Range(address).FormatConditions.Add(XL.expression, undefined, MARK_FORMULA[kind]);
        cf.Interior.Color = etColor(MARK_FILL[kind]);
        cf.StopIfTrue = false;
        cf.SetFirstPriority();
      }
    }
  }
}

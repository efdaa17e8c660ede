import { chunkByKind, MARK_FILL, MARK_FORMULA } from '../host/marks.js';
import type { SheetMarks } from '../host/sheet-host.js';
import { type ExcelWorkbookRead, LEGACY_SETTING, type LegacyFill } from './read.js';

function restore(range: Excel.Range, fill: LegacyFill): void {
  if (fill.pattern === 'None') range.format.fill.clear();
  else range.format.fill.color = fill.color;
}

/**
 * Replaces our marks with `plan`, in one sync: our old conditional formats go, one new one per
 * kind of mark (over a multi-area range) comes, on top of the clerk's own rules. Fills that an
 * earlier version wrote into cells are put back once, and its record removed.
 */
export async function writeMarks(
  ctx: Excel.RequestContext,
  read: ExcelWorkbookRead,
  plan: SheetMarks,
): Promise<void> {
  const sheets = ctx.workbook.worksheets;
  const writable = new Set(read.sheets.filter((s) => !s.formatLocked).map((s) => s.sheet.id));
  const { legacy } = read.marks;
  if (legacy) {
    for (const s of read.sheets) {
      const saved = legacy[s.sheet.name];
      if (!saved || !writable.has(s.sheet.id)) continue;
      const ws = sheets.getItem(s.sheet.id);
      for (const [address, fill] of Object.entries(saved)) restore(ws.getRange(address), fill);
    }
    ctx.workbook.settings.getItem(LEGACY_SETTING).delete();
  }
  for (const [sheetId, ids] of read.marks.ours) {
    if (!writable.has(sheetId)) continue;
    const formats = sheets.getItem(sheetId).getRange().conditionalFormats;
    for (const id of ids) formats.getItem(id).delete();
  }
  for (const [sheetId, marks] of plan) {
    if (!writable.has(sheetId)) continue;
    const ws = sheets.getItem(sheetId);
    for (const [kind, areas] of chunkByKind(marks)) {
      const cf = ws.getRanges(areas.join(',')).conditionalFormats.add('Custom');
      cf.custom.rule.formula = MARK_FORMULA[kind];
      cf.custom.format.fill.color = MARK_FILL[kind];
      cf.priority = 0;
    }
  }
  await ctx.sync();
}

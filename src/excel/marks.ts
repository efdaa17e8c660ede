import { type RawValue } from '../core.js';
import type { ActiveSheet } from '../host/sheet-host.js';
import { chunkByKind, MARK_FILL, type MarkPlan } from '../host/marks.js';
import {
  fillsByAddress,
  MARKS_SETTING,
  type MarkState,
  parseState,
  rangeOrigin,
  type SavedFill,
  type SheetRead,
} from './sheet.js';

/** Protected without 「设置单元格格式」 allowed: no marks can be written. */
function formatLocked(p: Excel.WorksheetProtection): boolean {
  return p.protected && !p.options.allowFormatCells;
}

/**
 * The active sheet's values, its cells' own fills, its protection and the saved mark state,
 * in one sync.
 */
export async function readActiveSheet(ctx: Excel.RequestContext): Promise<SheetRead> {
  const ws = ctx.workbook.worksheets.getActiveWorksheet();
  ws.load(['name', 'id']);
  ws.protection.load(['protected', 'options']);
  const used = ws.getUsedRangeOrNullObject(true);
  used.load(['values', 'address']);
  const props = used.getCellProperties({ format: { fill: { color: true, pattern: true } } });
  const setting = ctx.workbook.settings.getItemOrNullObject(MARKS_SETTING);
  setting.load('value');
  await ctx.sync();
  const state = setting.isNullObject ? {} : parseState(setting.value);
  const sheet = { id: ws.id, name: ws.name };
  if (used.isNullObject) {
    return {
      sheet,
      grid: [],
      origin: { row: 0, col: 0 },
      formatLocked: formatLocked(ws.protection),
      marked: Boolean(state[sheet.name]),
      marks: { fills: new Map(), state },
    };
  }
  const origin = rangeOrigin(used.address);
  return {
    sheet,
    grid: used.values as RawValue[][],
    origin,
    formatLocked: formatLocked(ws.protection),
    marked: Boolean(state[sheet.name]),
    marks: { fills: fillsByAddress(origin, props.value), state },
  };
}

function restore(range: Excel.Range, fill: SavedFill): void {
  if (fill.pattern === 'None') range.format.fill.clear();
  else range.format.fill.color = fill.color;
}

/**
 * Marks the planned cells and puts back the own fill of cells marked before but not now, in one
 * sync. A cell's own fill is saved the first time it is marked, so every re-check and 清除标记
 * return it exactly.
 */
export async function writeMarks(ctx: Excel.RequestContext, read: SheetRead, plan: MarkPlan): Promise<void> {
  const name = read.sheet.name;
  const ws = ctx.workbook.worksheets.getItem(name);
  const before = read.marks.state[name] ?? {};
  const saved: Record<string, SavedFill> = {};
  for (const [address, fill] of Object.entries(before)) {
    if (plan.has(address)) saved[address] = fill;
    else restore(ws.getRange(address), fill);
  }
  for (const address of plan.keys()) {
    saved[address] ??= read.marks.fills.get(address) ?? { pattern: 'None', color: '#FFFFFF' };
  }
  for (const [kind, addresses] of chunkByKind(plan))
    ws.getRanges(addresses.join(',')).format.fill.color = MARK_FILL[kind];
  const state: MarkState = { ...read.marks.state };
  if (Object.keys(saved).length) state[name] = saved;
  else delete state[name];
  ctx.workbook.settings.add(MARKS_SETTING, JSON.stringify(state));
  await ctx.sync();
}

/** How many cells of the sheet carry marks. */
export function markedCount(read: SheetRead): number {
  return Object.keys(read.marks.state[read.sheet.name] ?? {}).length;
}

/** Marks written as a read of the active sheet: lets callers hold a read typed for this host. */
export function isExcelRead(read: ActiveSheet): read is SheetRead {
  const m = read.marks as Partial<SheetRead['marks']> | undefined;
  return m?.fills instanceof Map && typeof m.state === 'object';
}

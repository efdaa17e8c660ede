import { chunkByKind, MARK_FILL, type MarkKind } from './marks-plan.js';
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
  if (used.isNullObject) {
    return {
      sheet: ws.name,
      sheetId: ws.id,
      grid: [],
      origin: { row: 0, col: 0 },
      fills: new Map(),
      formatLocked: formatLocked(ws.protection),
      state,
    };
  }
  const origin = rangeOrigin(used.address);
  return {
    sheet: ws.name,
    sheetId: ws.id,
    grid: used.values as SheetRead['grid'],
    origin,
    fills: fillsByAddress(origin, props.value),
    formatLocked: formatLocked(ws.protection),
    state,
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
export async function writeMarks(
  ctx: Excel.RequestContext,
  read: SheetRead,
  plan: ReadonlyMap<string, MarkKind>,
): Promise<void> {
  const ws = ctx.workbook.worksheets.getItem(read.sheet);
  const before = read.state[read.sheet] ?? {};
  const saved: Record<string, SavedFill> = {};
  for (const [address, fill] of Object.entries(before)) {
    if (plan.has(address)) saved[address] = fill;
    else restore(ws.getRange(address), fill);
  }
  for (const address of plan.keys()) {
    saved[address] ??= read.fills.get(address) ?? { pattern: 'None', color: '#FFFFFF' };
  }
  for (const [kind, addresses] of chunkByKind(plan))
    ws.getRanges(addresses.join(',')).format.fill.color = MARK_FILL[kind];
  const state: MarkState = { ...read.state };
  if (Object.keys(saved).length) state[read.sheet] = saved;
  else delete state[read.sheet];
  ctx.workbook.settings.add(MARKS_SETTING, JSON.stringify(state));
  await ctx.sync();
}

/** 清除标记: every marked cell of the sheet gets its own fill back. */
export async function clearMarks(ctx: Excel.RequestContext, read: SheetRead): Promise<number> {
  const count = Object.keys(read.state[read.sheet] ?? {}).length;
  await writeMarks(ctx, read, new Map());
  return count;
}

export async function selectCell(ctx: Excel.RequestContext, sheet: string, address: string): Promise<void> {
  const ws = ctx.workbook.worksheets.getItem(sheet);
  ws.activate();
  ws.getRange(address).select();
  await ctx.sync();
}

/** Writes one number the clerk chose to apply (「改为 N」); nothing else ever writes a value. */
export async function setCellValue(
  ctx: Excel.RequestContext,
  sheet: string,
  address: string,
  value: number,
): Promise<void> {
  ctx.workbook.worksheets.getItem(sheet).getRange(address).values = [[value]];
  await ctx.sync();
}

/** Names of the workbook's sheets, in tab order. */
export async function sheetNames(ctx: Excel.RequestContext): Promise<string[]> {
  const sheets = ctx.workbook.worksheets;
  sheets.load('items/name');
  await ctx.sync();
  return sheets.items.map((s) => s.name);
}

/** Values of another sheet's used range (last year's report), in one sync. */
export async function readSheetValues(
  ctx: Excel.RequestContext,
  sheet: string,
): Promise<Pick<SheetRead, 'sheet' | 'grid' | 'origin'>> {
  const used = ctx.workbook.worksheets.getItem(sheet).getUsedRangeOrNullObject(true);
  used.load(['values', 'address']);
  await ctx.sync();
  if (used.isNullObject) return { sheet, grid: [], origin: { row: 0, col: 0 } };
  return { sheet, grid: used.values as SheetRead['grid'], origin: rangeOrigin(used.address) };
}

import { parseAddress, type Pos, type RawValue } from '../core.js';
import { isMarkFormula } from '../host/marks.js';
import type { SheetRead, WorkbookRead } from '../host/sheet-host.js';

/** Where the add-in of an earlier version kept the cells' own fills while it marked them. */
export const LEGACY_SETTING = 'nianbao.marks';

/** A cell's own fill as the earlier version saved it. */
export interface LegacyFill {
  readonly pattern: string;
  readonly color: string;
}
export type LegacyState = Record<string, Record<string, LegacyFill>>;

/** What writing marks needs from the read: our conditional formats, and any legacy fills to put back. */
export interface ExcelMarks {
  /** Ids of our conditional formats, by sheet id. */
  readonly ours: ReadonlyMap<string, readonly string[]>;
  readonly legacy?: LegacyState;
}

export interface ExcelWorkbookRead extends WorkbookRead {
  readonly marks: ExcelMarks;
}

/** "Sheet1!C3:J40" → its top-left, zero-based. */
export function rangeOrigin(address: string): Pos {
  const local = address.includes('!') ? address.slice(address.lastIndexOf('!') + 1) : address;
  return parseAddress(local.split(':')[0]!);
}

export function parseLegacy(value: unknown): LegacyState | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    const parsed: unknown = JSON.parse(value);
    return parsed && typeof parsed === 'object' ? (parsed as LegacyState) : undefined;
  } catch {
    // A damaged record cannot be put back; it is removed with the next marks.
    return {};
  }
}

/** Protected without 「设置单元格格式」 allowed: no marks can be written. */
function formatLocked(p: Excel.WorksheetProtection): boolean {
  return p.protected && !p.options.allowFormatCells;
}

/** The sheets' ids in tab order: one sync, needed before the workbook can be read in one. */
export async function listSheetIds(ctx: Excel.RequestContext): Promise<string[]> {
  const sheets = ctx.workbook.worksheets;
  sheets.load('items/id');
  await ctx.sync();
  return sheets.items.map((s) => s.id);
}

/** Every sheet's values, protection and our marks, and the active sheet, in one sync. */
export async function readWorkbook(
  ctx: Excel.RequestContext,
  ids: readonly string[],
): Promise<ExcelWorkbookRead> {
  const wb = ctx.workbook;
  const active = wb.worksheets.getActiveWorksheet();
  active.load('id,name');
  const legacy = wb.settings.getItemOrNullObject(LEGACY_SETTING);
  legacy.load('value');
  wb.application.load('calculationMode');
  const sheets = ids.map((id) => {
    const ws = wb.worksheets.getItem(id);
    ws.load('id,name,visibility');
    ws.protection.load('protected,options');
    const used = ws.getUsedRangeOrNullObject(true);
    used.load('values,formulas,address');
    const formats = ws.getRange().conditionalFormats;
    formats.load('items/id,items/type,items/customOrNullObject/rule/formula');
    return { ws, used, formats };
  });
  await ctx.sync();
  const ours = new Map<string, string[]>();
  const read: SheetRead[] = sheets.map(({ ws, used, formats }) => {
    const mine = formats.items
      .filter((cf) => cf.type === 'Custom' && !cf.customOrNullObject.isNullObject)
      .filter((cf) => isMarkFormula(cf.customOrNullObject.rule.formula))
      .map((cf) => cf.id);
    if (mine.length) ours.set(ws.id, mine);
    const sheet = { id: ws.id, name: ws.name };
    return {
      sheet,
      grid: used.isNullObject ? [] : (used.values as RawValue[][]),
      origin: used.isNullObject ? { row: 0, col: 0 } : rangeOrigin(used.address),
      hidden: ws.visibility !== 'Visible',
      formatLocked: formatLocked(ws.protection),
      marked: mine.length > 0,
      formulas: !used.isNullObject && hasFormula(used.formulas),
    };
  });
  const state = legacy.isNullObject ? undefined : parseLegacy(legacy.value);
  return {
    active: { id: active.id, name: active.name },
    sheets: read,
    marks: { ours, ...(state ? { legacy: state } : {}) },
    ...(wb.application.calculationMode === 'Manual' ? { manualCalculation: true } : {}),
  };
}

/** Whether a range's formulas (its values where it has none) hold one. */
const hasFormula = (formulas: unknown[][]) =>
  formulas.some((row) => row.some((f) => typeof f === 'string' && f.startsWith('=')));

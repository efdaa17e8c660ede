import type { RawValue } from '../core.js';
import { isMarkFormula } from '../host/marks.js';
import type { SheetRead, WorkbookRead } from '../host/sheet-host.js';
import { type EtApplication, type EtValue, type EtWorksheet, XL } from './et.js';

/** What a sheet is known by: its code name, which survives renaming, else its name. */
export function sheetId(ws: EtWorksheet): string {
  return ws.CodeName || `name:${ws.Name}`;
}

/** Every sheet of the active workbook, in tab order. */
export function sheetsOf(app: EtApplication): EtWorksheet[] {
  const wb = app.ActiveWorkbook;
  if (!wb) return [];
  return Array.from({ length: wb.Worksheets.Count }, (_, i) => wb.Worksheets.Item(i + 1));
}

export function findSheet(app: EtApplication, id: string): EtWorksheet | undefined {
  return sheetsOf(app).find((ws) => sheetId(ws) === id);
}

/** `Value2` of a range as a grid: a single cell comes as a value, empty cells as undefined. */
export function gridOf(value: EtValue | EtValue[][]): RawValue[][] {
  const rows = Array.isArray(value) ? value : [[value]];
  return rows.map((row) => row.map((v) => (v === undefined || v === null ? '' : v)));
}

/** The sheet's conditional formats that are our marks, as 1-based indexes. */
export function markIndexes(ws: EtWorksheet): number[] {
  const formats = ws.Cells.FormatConditions;
  const ours: number[] = [];
  for (let i = 1; i <= formats.Count; i++) {
    const cf = formats.Item(i);
    if (cf.Type === XL.expression && isMarkFormula(cf.Formula1)) ours.push(i);
  }
  return ours;
}

/** The whole workbook, at once: WPS's API is synchronous. */
export function readWorkbook(app: EtApplication): WorkbookRead {
  const active = app.ActiveSheet;
  if (!active) throw new Error('没有打开的工作簿');
  const sheets: SheetRead[] = sheetsOf(app).map((ws) => {
    const used = ws.UsedRange;
    return {
      sheet: { id: sheetId(ws), name: ws.Name },
      grid: gridOf(used.Value2),
      origin: { row: used.Row - 1, col: used.Column - 1 },
      hidden: ws.Visible !== XL.sheetVisible,
      formatLocked: Boolean(ws.ProtectContents) && !ws.Protection.AllowFormattingCells,
      marked: markIndexes(ws).length > 0,
      // True, or null where some cells have one and some not.
      formulas: used.HasFormula !== false,
    };
  });
  return {
    active: { id: sheetId(active), name: active.Name },
    sheets,
    marks: undefined,
    ...(app.Calculation === XL.calculationManual ? { manualCalculation: true } : {}),
  };
}

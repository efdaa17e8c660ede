import {
  areaAddress,
  AUDIT_COLUMNS,
  AUDIT_ROW_STYLE,
  AUDIT_SHEET,
  type AuditRow,
  NOTES_SHEET,
  TEMPLATE_FONT,
} from '../core.js';
import { etColor, type EtApplication, type EtWorksheet, XL } from './et.js';
import { addSheet } from './insert.js';
import { sheetsOf } from './read.js';

/** Our sheet of that name, added when missing, emptied when present. */
function ownSheet(app: EtApplication, name: string): EtWorksheet {
  const found = sheetsOf(app).find((s) => s.Name === name);
  if (!found) return addSheet(app, name);
  found.Cells.Clear();
  return found;
}

function rectangle(grid: readonly (readonly string[])[], width: number): string[][] {
  return grid.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ''));
}

/**
 * The 校验说明 sheet: very hidden, kept with the file. Adding a sheet makes it the active one, and
 * hiding it another: the clerk's sheet is made active again.
 */
export function writeNotesSheet(app: EtApplication, grid: readonly (readonly string[])[]): void {
  const clerks = app.ActiveSheet;
  const ws = ownSheet(app, NOTES_SHEET);
  const width = Math.max(1, ...grid.map((r) => r.length));
  ws.Range(areaAddress({ top: 0, left: 0, bottom: grid.length - 1, right: width - 1 })).Value2 = rectangle(
    grid,
    width,
  );
  ws.Visible = XL.sheetVeryHidden;
  if (clerks && clerks.Name !== NOTES_SHEET) clerks.Activate();
}

/** The 审核报告 sheet, written or rewritten, shown, and set to print on A4. */
export function writeAuditSheet(app: EtApplication, rows: readonly AuditRow[]): string {
  const ws = ownSheet(app, AUDIT_SHEET);
  const width = AUDIT_COLUMNS.length;
  const all = ws.Range(areaAddress({ top: 0, left: 0, bottom: rows.length - 1, right: width - 1 }));
  all.Value2 = rectangle(
    rows.map((r) => [...r.cells]),
    width,
  );
  all.Font.Name = TEMPLATE_FONT;
  all.Font.Size = 11;
  all.VerticalAlignment = XL.top;
  AUDIT_COLUMNS.forEach((w, col) => {
    ws.Range(areaAddress({ top: 0, left: col, bottom: 0, right: col })).ColumnWidth = w;
  });
  rows.forEach((row, r) => {
    const line = ws.Range(areaAddress({ top: r, left: 0, bottom: r, right: width - 1 }));
    const style = AUDIT_ROW_STYLE[row.style];
    if (row.span) line.Merge();
    line.WrapText = true;
    if (style.bold) line.Font.Bold = true;
    if (style.size) line.Font.Size = style.size;
    if (style.fill) line.Interior.Color = etColor(style.fill);
    if (row.style === 'title') line.HorizontalAlignment = XL.center;
    if (style.border)
      for (const edge of [XL.edgeTop, XL.edgeBottom, XL.edgeLeft, XL.edgeRight, XL.insideVertical])
        line.Borders.Item(edge).LineStyle = XL.continuous;
  });
  // Rows as tall as their wrapped text: a long message is read whole, on screen and on paper.
  all.Rows.AutoFit();
  ws.PageSetup.Orientation = XL.portrait;
  ws.PageSetup.PaperSize = XL.paperA4;
  ws.PageSetup.Zoom = false;
  ws.PageSetup.FitToPagesWide = 1;
  ws.PageSetup.FitToPagesTall = false;
  ws.Activate();
  return AUDIT_SHEET;
}

import {
  areaAddress,
  AUDIT_COLUMNS,
  AUDIT_ROW_STYLE,
  AUDIT_SHEET,
  type AuditRow,
  NOTES_SHEET,
  POINTS_PER_CHAR,
  TEMPLATE_FONT,
} from '../core.js';

/** Our sheet of that name, added when missing (hidden or shown as asked), emptied when present. */
async function ownSheet(ctx: Excel.RequestContext, name: string): Promise<Excel.Worksheet> {
  const found = ctx.workbook.worksheets.getItemOrNullObject(name);
  await ctx.sync();
  if (found.isNullObject) return ctx.workbook.worksheets.add(name);
  found.getRange().clear('All');
  return found;
}

function rectangle(grid: readonly (readonly string[])[]): string[][] {
  const width = Math.max(1, ...grid.map((r) => r.length));
  return grid.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ''));
}

/** The 校验说明 sheet: very hidden, so it never gets in the clerk's way, and kept with the file. Two syncs. */
export async function writeNotesSheet(
  ctx: Excel.RequestContext,
  grid: readonly (readonly string[])[],
): Promise<void> {
  const ws = await ownSheet(ctx, NOTES_SHEET);
  const values = rectangle(grid);
  ws.getRange(
    areaAddress({ top: 0, left: 0, bottom: values.length - 1, right: values[0]!.length - 1 }),
  ).values = values;
  ws.visibility = 'VeryHidden';
  await ctx.sync();
}

/** The 审核报告 sheet, written or rewritten, shown, and set to print on A4. Two syncs. */
export async function writeAuditSheet(ctx: Excel.RequestContext, rows: readonly AuditRow[]): Promise<string> {
  const ws = await ownSheet(ctx, AUDIT_SHEET);
  const width = AUDIT_COLUMNS.length;
  const values = rows.map((r) => Array.from({ length: width }, (_, i) => r.cells[i] ?? ''));
  const all = ws.getRange(areaAddress({ top: 0, left: 0, bottom: rows.length - 1, right: width - 1 }));
  all.values = values;
  all.format.font.name = TEMPLATE_FONT;
  all.format.font.size = 11;
  all.format.verticalAlignment = 'Top';
  AUDIT_COLUMNS.forEach((w, col) => {
    ws.getRange(areaAddress({ top: 0, left: col, bottom: 0, right: col })).format.columnWidth =
      w * POINTS_PER_CHAR;
  });
  rows.forEach((row, r) => {
    const line = ws.getRange(areaAddress({ top: r, left: 0, bottom: r, right: width - 1 }));
    const style = AUDIT_ROW_STYLE[row.style];
    if (row.span) line.merge(false);
    line.format.wrapText = true;
    if (style.bold) line.format.font.bold = true;
    if (style.size) line.format.font.size = style.size;
    if (style.fill) line.format.fill.color = style.fill;
    if (row.style === 'title') line.format.horizontalAlignment = 'Center';
    if (style.border)
      for (const edge of ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideVertical'] as const)
        line.format.borders.getItem(edge).style = 'Continuous';
  });
  // Rows as tall as their wrapped text: a long message is read whole, on screen and on paper.
  all.format.autofitRows();
  ws.pageLayout.orientation = 'Portrait';
  ws.pageLayout.paperSize = 'A4';
  ws.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  ws.activate();
  await ctx.sync();
  return AUDIT_SHEET;
}

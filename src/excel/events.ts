/** What nianbao needs of a worksheet change event. */
export interface SheetChange {
  readonly worksheetId: string;
  readonly address: string;
}

/**
 * Calls `handler` on every value change in any worksheet of the workbook, for the life of the
 * runtime (the shared runtime keeps the sidebar's state alive while the pane is closed).
 */
export async function watchChanges(ctx: Excel.RequestContext, handler: (change: SheetChange) => void) {
  ctx.workbook.worksheets.onChanged.add(async (event) => handler(event));
  await ctx.sync();
}

import { type Edition, type RawValue, type TemplateValues } from '../core.js';
import type { ActiveSheet, SheetHost, SheetRef, SheetValues } from '../host/sheet-host.js';
import type { MarkPlan } from '../host/marks.js';
import { explainExcelError } from './errors.js';
import { insertTemplate } from './insert.js';
import { isExcelRead, markedCount, readActiveSheet, writeMarks } from './marks.js';
import { rangeOrigin } from './sheet.js';

/** Excel.run, or the in-memory fake's. */
export type Runner = <T>(batch: (ctx: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** The add-in's spreadsheet: Office.js, one batch (and as few syncs as it takes) per call. */
export class ExcelHost implements SheetHost {
  constructor(private readonly run: Runner) {}

  readActive(): Promise<ActiveSheet> {
    return this.run(readActiveSheet);
  }

  writeMarks(read: ActiveSheet, plan: MarkPlan): Promise<void> {
    if (!isExcelRead(read)) throw new Error('not a read of this host');
    return this.run((ctx) => writeMarks(ctx, read, plan));
  }

  clearMarks(): Promise<number> {
    return this.run(async (ctx) => {
      const read = await readActiveSheet(ctx);
      const count = markedCount(read);
      await writeMarks(ctx, read, new Map());
      return count;
    });
  }

  listSheets(): Promise<SheetRef[]> {
    return this.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      sheets.load('items/name,items/id');
      await ctx.sync();
      return sheets.items.map((s) => ({ id: s.id, name: s.name }));
    });
  }

  readSheet(name: string): Promise<SheetValues> {
    return this.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(name);
      ws.load('id');
      const used = ws.getUsedRangeOrNullObject(true);
      used.load(['values', 'address']);
      await ctx.sync();
      const sheet = { id: ws.id, name };
      if (used.isNullObject) return { sheet, grid: [], origin: { row: 0, col: 0 } };
      return { sheet, grid: used.values as RawValue[][], origin: rangeOrigin(used.address) };
    });
  }

  select(sheet: string, address: string): Promise<void> {
    return this.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(address).select();
      await ctx.sync();
    });
  }

  setValue(sheet: string, address: string, value: number): Promise<void> {
    return this.run(async (ctx) => {
      ctx.workbook.worksheets.getItem(sheet).getRange(address).values = [[value]];
      await ctx.sync();
    });
  }

  insertTemplate(edition: Edition, fill: TemplateValues): Promise<string> {
    return this.run((ctx) => insertTemplate(ctx, edition, fill));
  }

  watchChanges(handler: (sheetId: string) => void): Promise<void> {
    return this.run(async (ctx) => {
      // For the life of the runtime: the shared runtime keeps the sidebar alive while the pane is closed.
      ctx.workbook.worksheets.onChanged.add(async (event) => handler(event.worksheetId));
      await ctx.sync();
    });
  }

  explainError(error: unknown): string {
    return explainExcelError(error);
  }
}

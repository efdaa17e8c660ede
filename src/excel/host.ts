import { type Audit, auditRows, type Edition, type RawValue, type TemplateValues } from '../core.js';
import {
  type ApplyOutcome,
  auditWritten,
  type SheetHost,
  type SheetMarks,
  type WorkbookRead,
} from '../host/sheet-host.js';
import { explainExcelError } from './errors.js';
import { insertTemplate } from './insert.js';
import { writeMarks } from './marks.js';
import { type ExcelWorkbookRead, listSheetIds, readWorkbook } from './read.js';
import { writeAuditSheet, writeNotesSheet } from './sheets.js';

/** Excel.run, or the in-memory fake's. */
export type Runner = <T>(batch: (ctx: Excel.RequestContext) => Promise<T>) => Promise<T>;

const isExcelRead = (read: WorkbookRead): read is ExcelWorkbookRead =>
  (read.marks as Partial<ExcelWorkbookRead['marks']> | undefined)?.ours instanceof Map;

/** A value as the clerk left it: numbers, and text as typed. */
const same = (a: RawValue, b: RawValue) => a === b || (a ?? '') === (b ?? '') || String(a) === String(b);

/** The add-in's spreadsheet: Office.js, one batch per call, as few syncs as each task takes. */
export class ExcelHost implements SheetHost {
  readonly writable = true;
  /** The sheets' ids, kept while events tell us of sheets added or deleted. */
  private sheetIds?: string[];
  private watchingSheets = false;

  constructor(private readonly run: Runner) {}

  async read(): Promise<WorkbookRead> {
    try {
      return await this.readOnce();
    } catch (e) {
      // A sheet deleted since we listed them: list again.
      if ((e as { code?: string }).code !== 'ItemNotFound' || !this.sheetIds) throw e;
      this.sheetIds = undefined;
      return this.readOnce();
    }
  }

  private readOnce(): Promise<ExcelWorkbookRead> {
    return this.run(async (ctx) => {
      const ids = this.sheetIds ?? (await listSheetIds(ctx));
      if (this.watchingSheets) this.sheetIds = ids;
      return readWorkbook(ctx, ids);
    });
  }

  writeMarks(read: WorkbookRead, plan: SheetMarks): Promise<void> {
    if (!isExcelRead(read)) throw new Error('not a read of this host');
    return this.run((ctx) => writeMarks(ctx, read, plan));
  }

  async clearMarks(): Promise<number> {
    const read = await this.read();
    const count = read.sheets.filter((s) => s.marked).length;
    if (count || (read as ExcelWorkbookRead).marks.legacy) await this.writeMarks(read, new Map());
    return count;
  }

  select(sheetId: string, address: string): Promise<void> {
    return this.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(sheetId);
      ws.activate();
      ws.getRange(address).select();
      await ctx.sync();
    });
  }

  applyValue(sheetId: string, address: string, expected: RawValue, value: number): Promise<ApplyOutcome> {
    return this.run(async (ctx) => {
      const cell = ctx.workbook.worksheets.getItem(sheetId).getRange(address);
      cell.load('values,formulas');
      try {
        await ctx.sync();
      } catch (e) {
        if ((e as { code?: string }).code === 'ItemNotFound') return 'gone';
        throw e;
      }
      const formula = cell.formulas[0]?.[0];
      if (typeof formula === 'string' && formula.startsWith('=')) return 'formula';
      if (!same(cell.values[0]?.[0] ?? '', expected)) return 'changed';
      cell.values = [[value]];
      await ctx.sync();
      return 'written';
    });
  }

  /** A task that may add a sheet: the list of sheets is read afresh next time, events or not. */
  private adding<T>(task: Promise<T>): Promise<T> {
    return task.finally(() => (this.sheetIds = undefined));
  }

  insertTemplate(edition: Edition, fill: TemplateValues): Promise<string> {
    return this.adding(this.run((ctx) => insertTemplate(ctx, edition, fill)));
  }

  writeNotes(grid: readonly (readonly string[])[]): Promise<void> {
    return this.adding(this.run((ctx) => writeNotesSheet(ctx, grid)));
  }

  writeAudit(audit: Audit): Promise<string> {
    return this.adding(this.run((ctx) => writeAuditSheet(ctx, auditRows(audit)))).then(auditWritten);
  }

  watchChanges(handler: (sheetId: string) => void): Promise<void> {
    return this.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      // For the life of the runtime: the shared runtime keeps the sidebar alive while the pane is closed.
      sheets.onChanged.add(async (event) => handler(event.worksheetId));
      const forget = async () => {
        this.sheetIds = undefined;
      };
      sheets.onAdded.add(forget);
      sheets.onDeleted.add(async (event) => {
        this.sheetIds = undefined;
        handler(event.worksheetId);
      });
      // A rename raises no onChanged: without this event the sidebar shows the old name until the next edit.
      if (typeof Office !== 'undefined' && Office.context.requirements.isSetSupported('ExcelApi', '1.17'))
        sheets.onNameChanged.add(async (event) => handler(event.worksheetId));
      await ctx.sync();
      this.watchingSheets = true;
    });
  }

  explainError(error: unknown): string {
    return explainExcelError(error);
  }
}

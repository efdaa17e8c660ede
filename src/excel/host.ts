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
  /** The sheets' names as last read, by id: below ExcelApi 1.17 a rename is found by comparing them. */
  private names = new Map<string, string>();

  /**
   * `focus` tells when the clerk comes back to the pane (the window's focus event, where there is a
   * window): below ExcelApi 1.17, Excel raises no event for a rename, and the pane is where they look.
   */
  constructor(
    private readonly run: Runner,
    private readonly focus: EventTarget | undefined = typeof window === 'undefined' ? undefined : window,
  ) {}

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
      const read = await readWorkbook(ctx, ids);
      for (const { sheet } of read.sheets) this.names.set(sheet.id, sheet.name);
      return read;
    });
  }

  /** The sheets renamed since their names were last read: one sync. */
  private renamed(): Promise<string[]> {
    return this.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      sheets.load('items/id,items/name');
      await ctx.sync();
      const ids = sheets.items.filter((s) => (this.names.get(s.id) ?? s.name) !== s.name).map((s) => s.id);
      for (const s of sheets.items) this.names.set(s.id, s.name);
      return ids;
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
      // A rename raises no onChanged. Below ExcelApi 1.17 there is no event for it at all: the names
      // are compared when the clerk comes back to the pane, where the old name would be shown.
      if (typeof Office !== 'undefined' && Office.context.requirements.isSetSupported('ExcelApi', '1.17'))
        sheets.onNameChanged.add(async (event) => handler(event.worksheetId));
      else
        this.focus?.addEventListener('focus', () => {
          this.renamed().then(
            (ids) => ids.forEach(handler),
            // A workbook busy (a cell being edited) is looked at again at the next focus.
            () => undefined,
          );
        });
      await ctx.sync();
      this.watchingSheets = true;
    });
  }

  explainError(error: unknown): string {
    return explainExcelError(error);
  }
}

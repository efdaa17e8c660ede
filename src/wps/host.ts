import { type Audit, auditRows, type Edition, type RawValue, type TemplateValues } from '../core.js';
import {
  type ApplyOutcome,
  auditWritten,
  type SheetHost,
  type SheetMarks,
  type WorkbookRead,
} from '../host/sheet-host.js';
import type { EtApplication } from './et.js';
import { insertTemplate } from './insert.js';
import { writeMarks } from './marks.js';
import { findSheet, gridOf, readWorkbook, sheetId } from './read.js';
import { writeAuditSheet, writeNotesSheet } from './sheets.js';

const same = (a: RawValue, b: RawValue) => a === b || String(a ?? '') === String(b ?? '');

/** WPS 表格 as the sidebar's spreadsheet. Its API is synchronous: every call is one step. */
export class WpsHost implements SheetHost {
  readonly writable = true;
  private watching = false;

  constructor(private readonly app: EtApplication) {}

  async read(): Promise<WorkbookRead> {
    return readWorkbook(this.app);
  }

  async writeMarks(read: WorkbookRead, plan: SheetMarks): Promise<void> {
    writeMarks(this.app, read, plan);
  }

  async clearMarks(): Promise<number> {
    const read = readWorkbook(this.app);
    const count = read.sheets.filter((s) => s.marked).length;
    if (count) writeMarks(this.app, read, new Map());
    return count;
  }

  async select(id: string, address: string): Promise<void> {
    const ws = findSheet(this.app, id);
    if (!ws) throw new Error('找不到该工作表：它可能已被删除。');
    ws.Activate();
    ws.Range(address).Select();
  }

  async applyValue(id: string, address: string, expected: RawValue, value: number): Promise<ApplyOutcome> {
    const ws = findSheet(this.app, id);
    if (!ws) return 'gone';
    const cell = ws.Range(address);
    if (cell.HasFormula) return 'formula';
    if (!same(gridOf(cell.Value2)[0]![0]!, expected)) return 'changed';
    cell.Value2 = value;
    return 'written';
  }

  async insertTemplate(edition: Edition, fill: TemplateValues): Promise<string> {
    return insertTemplate(this.app, edition, fill);
  }

  async writeNotes(grid: readonly (readonly string[])[]): Promise<void> {
    writeNotesSheet(this.app, grid);
  }

  async writeAudit(audit: Audit): Promise<string> {
    return auditWritten(writeAuditSheet(this.app, auditRows(audit)));
  }

  async watchChanges(handler: (sheetId: string) => void): Promise<void> {
    if (this.watching) return;
    this.app.ApiEvent.AddApiEventListener('SheetChange', (ws) => handler(sheetId(ws)));
    // Raised before the sheet goes: the re-check it starts waits for the clerk to pause, by when it is
    // gone. A WPS without the event still re-checks on edits.
    try {
      this.app.ApiEvent.AddApiEventListener('SheetBeforeDelete', (ws) => handler(sheetId(ws)));
    } catch {
      // Deleting a sheet is then said at the next edit or 校验.
    }
    this.watching = true;
  }

  explainError(error: unknown): string {
    const message = error instanceof Error ? error.message : String(error);
    if (/保护|protect/i.test(message)) return '工作表受保护，无法完成此操作。';
    return `WPS 表格未能完成操作（${message}），请重试。`;
  }
}

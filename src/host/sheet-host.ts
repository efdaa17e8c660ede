import type { Audit, Edition, Pos, RawValue, Report, TemplateValues } from '../core.js';
import type { MarkPlan } from './marks.js';

/** A worksheet as the clerk sees its tab; `id` survives renaming. */
export interface SheetRef {
  readonly id: string;
  readonly name: string;
}

/** A sheet's values as a 2-D grid ("" for empty) and where grid[0][0] sits on the sheet. */
export interface SheetValues {
  readonly sheet: SheetRef;
  readonly grid: RawValue[][];
  readonly origin: Pos;
  /** Its merged areas (「A1:F1」, on the grid), where the host reads them. */
  readonly merges?: readonly string[];
}

export interface SheetRead extends SheetValues {
  /** Hidden from the tabs (our 校验说明 sheet is). */
  readonly hidden: boolean;
  /** Protected so that cell formats cannot change: no marks can be written. */
  readonly formatLocked: boolean;
  /** Carries marks of an earlier 校验. */
  readonly marked: boolean;
  /** Some cell of it holds a formula. */
  readonly formulas?: boolean;
}

/** The whole workbook as one 校验 reads it, in one round trip. */
export interface WorkbookRead {
  readonly active: SheetRef;
  /** Every sheet in tab order, hidden ones too. */
  readonly sheets: readonly SheetRead[];
  /**
   * The reports, when the host read them itself (a published report the offline page opened, whose
   * tables it shows on a sheet); otherwise they are found on the sheets.
   */
  readonly reports?: readonly Report[];
  /** The host's own record of the marks it wrote; only the host reads it. */
  readonly marks: unknown;
  /** Excel or WPS calculates by hand (F9): formulas' results may be older than their numbers. */
  readonly manualCalculation?: boolean;
}

/** Marks by sheet id. */
export type SheetMarks = ReadonlyMap<string, MarkPlan>;

/** What became of a 「改为 N」. */
export type ApplyOutcome = 'written' | 'changed' | 'formula' | 'gone';

/**
 * Everything the sidebar asks of a spreadsheet. The Excel add-in, the WPS 加载项 and the offline
 * page each implement it; the controller, the sidebar and the ribbon know nothing else.
 */
export interface SheetHost {
  /** The offline page never writes the clerk's file: no 改为, no template, no 清除标记 (its marks are on its own view). */
  readonly writable: boolean;
  /** The file the host reads, where it is one (the offline page): the 审核报告 names it. */
  readonly documentName?: string;
  /** Nothing open to check yet (the offline page before a file is chosen): 校验 waits. */
  readonly empty?: boolean;
  /** Reads every sheet's values and our marks, in one round trip (the first may list the sheets). */
  read(): Promise<WorkbookRead>;
  /** Replaces all our marks with `plan`, in one round trip; sheets not in it lose theirs. */
  writeMarks(read: WorkbookRead, plan: SheetMarks): Promise<void>;
  /** 清除标记 everywhere; says how many cells were marked. */
  clearMarks(): Promise<number>;
  /** Shows the sheet and selects the cell. */
  select(sheetId: string, address: string): Promise<void>;
  /**
   * 「改为 N」: writes `value` only if the cell still holds `expected` and no formula, reading and
   * writing in one batch.
   */
  applyValue(sheetId: string, address: string, expected: RawValue, value: number): Promise<ApplyOutcome>;
  /** A new sheet with the template, filled where `fill` says; returns its name. */
  insertTemplate(edition: Edition, fill: TemplateValues): Promise<string>;
  /** Writes the 说明 sheet (hidden), replacing what it held. */
  writeNotes(grid: readonly (readonly string[])[]): Promise<void>;
  /** Puts the 审核报告 where the clerk can print it (a sheet, or a page); says so in a sentence. */
  writeAudit(audit: Audit): Promise<string>;
  /** Calls `handler` with the sheet's id whenever values change; the first call registers. */
  watchChanges(handler: (sheetId: string) => void): Promise<void>;
  /** A host error in the clerk's words. */
  explainError(error: unknown): string;
}

/** What the sidebar says once the 审核报告 is on its sheet. */
export function auditWritten(sheet: string): string {
  return `审核报告已写入「${sheet}」，可直接打印或存档。`;
}

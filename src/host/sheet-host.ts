import { type Edition, type Pos, type RawValue, type TemplateValues } from '../core.js';
import type { MarkPlan } from './marks.js';

/** A worksheet as the clerk sees its tab; `id` survives renaming where the host has one. */
export interface SheetRef {
  readonly id: string;
  readonly name: string;
}

/** A sheet's values as a 2-D grid ("" for empty) and where grid[0][0] sits on the sheet. */
export interface SheetValues {
  readonly sheet: SheetRef;
  readonly grid: RawValue[][];
  readonly origin: Pos;
}

/** The active sheet, read for 校验, with what writing its marks needs. */
export interface ActiveSheet extends SheetValues {
  /** Protected so that cell formats cannot change: no marks can be written. */
  readonly formatLocked: boolean;
  /** The sheet carries marks of an earlier 校验. */
  readonly marked: boolean;
  /** The host's own record of the marks it wrote before; only the host reads it. */
  readonly marks: unknown;
}

/**
 * Everything the sidebar asks of a spreadsheet. The Excel add-in, the WPS 加载项 and the offline
 * page each implement it; the controller, the sidebar and the ribbon know nothing else.
 */
export interface SheetHost {
  /** Reads the active sheet for 校验, in one round trip. */
  readActive(): Promise<ActiveSheet>;
  /** Replaces the sheet's marks with `plan`, in one round trip. */
  writeMarks(read: ActiveSheet, plan: MarkPlan): Promise<void>;
  /** 清除标记 on the active sheet; says how many cells were marked. */
  clearMarks(): Promise<number>;
  /** The workbook's sheets in tab order. */
  listSheets(): Promise<SheetRef[]>;
  /** Another sheet's values (last year's report). */
  readSheet(name: string): Promise<SheetValues>;
  /** Shows the sheet and selects the cell. */
  select(sheet: string, address: string): Promise<void>;
  /** Writes one number the clerk chose to apply (「改为 N」). */
  setValue(sheet: string, address: string, value: number): Promise<void>;
  /** A new sheet with the template, filled where `fill` says; returns its name. */
  insertTemplate(edition: Edition, fill: TemplateValues): Promise<string>;
  /** Calls `handler` with the sheet's id whenever the clerk or code changes values. */
  watchChanges(handler: (sheetId: string) => void): Promise<void>;
  /** A host error in the clerk's words. */
  explainError(error: unknown): string;
}

import type { Finding } from './finding.js';
import type { Note } from './notes.js';

export type Edition = '2019' | '2021';
export const EDITIONS: readonly Edition[] = ['2021', '2019'];
/** The reports' first year in the current format: none of the year before to compare with (X-02). */
export const FIRST_FORMAT_YEAR = 2019;

export type TableId = 't2' | 't3' | 't4';
export const TABLE_IDS: readonly TableId[] = ['t2', 't3', 't4'];

/** count: whole number ≥ 0; amount: decimal ≥ 0, may carry a unit; signedChange: "+3", "减13" … */
export type CellKind = 'count' | 'amount' | 'signedChange';

/** `table.row.column`, e.g. `t3.r3_7.natural` */
export type CellKey = string;

export interface TableLayout {
  readonly columns: number;
  readonly rows: number;
  readonly labels: readonly (readonly [cell: string, text: string])[];
  readonly merges: readonly string[];
  readonly cells: readonly (readonly [cell: string, key: CellKey, kind: CellKind])[];
}

export type EditionLayouts = Readonly<Record<Edition, Readonly<Record<TableId, TableLayout>>>>;

/** A cell as read: what Office.js `values` or an xlsx file gives. Empty is `""` or null. */
export type RawValue = string | number | boolean | null;

/** An amount's unit. */
export type Unit = '元' | '万元';

export interface ReadCell {
  readonly raw: RawValue;
  /** Sheet address, e.g. "D27", when the report was read from a workbook. */
  readonly address?: string;
  /**
   * Where the number stands in the file it came from, when `address` is elsewhere: a published
   * report the offline page shows in its template (「第298行」, not the page's D28). Messages cite it.
   */
  readonly origin?: string;
  /**
   * An amount's unit as its label states it, where a clerk wrote into the label a unit the official
   * label does not state (「本年收费金额（单位：元）」, 「采购总金额（万元）」); and the official label,
   * for the message that asks for it back.
   */
  readonly labelUnit?: { readonly unit: Unit; readonly official: string };
}

/** What a published report says besides its tables. */
export interface PublishedText {
  /** Line of each part's title (一 … 六), or -1 where the title was not found. */
  readonly titles: readonly number[];
  /** Each part's text, undefined where the part was not found. */
  readonly parts: readonly (string | undefined)[];
  /** Parts whose title is there in its official wording, but out of order (so not taken as the title). */
  readonly misplaced?: readonly number[];
}

export interface Report {
  readonly edition: Edition;
  readonly year?: number;
  readonly agency?: string;
  /** Where it came from: a sheet name (several, for tables on separate sheets) or a file. */
  readonly source?: string;
  /**
   * Where 报告年度 is written (or is to be written) on a sheet: the cell findings about the year
   * point to. Only for a report read from a sheet.
   */
  readonly yearCell?: { readonly sheet: string; readonly address: string };
  /** Where 机关名称 is written (or is to be written) on a sheet, where it has that cell. */
  readonly agencyCell?: { readonly sheet: string; readonly address: string };
  /** What 报告年度's cell holds where it is no year (「19」), on a sheet. */
  readonly yearWritten?: string;
  /** The sheet each table was read from, when the report came from a workbook. */
  readonly sheets?: Partial<Readonly<Record<TableId, string>>>;
  /** The file it was read from, where that is not the workbook checked (last year's, chosen as a file). */
  readonly file?: string;
  /** The tables found; a table not found has no cells in `cells`. */
  readonly tables: readonly TableId[];
  readonly cells: ReadonlyMap<CellKey, ReadCell>;
  /** What the reader could not read as the official form (G-04 and the like). */
  readonly findings: readonly Finding[];
  /** Set when the report was read from a published text or page. */
  readonly published?: PublishedText;
  /** The clerk's 说明 found with the report (its workbook's 校验说明 sheet), by fingerprint. */
  readonly notes?: ReadonlyMap<string, Note>;
}

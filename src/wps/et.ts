/**
 * The part of WPS 表格's object model (ET, VBA-like, synchronous, 1-based) that nianbao uses, as
 * WPS's own typings (npm wps-jsapi, lib.et.d.ts) and its add-in templates (npm wpsjs) describe it;
 * those typings leave most return types `void`, so the subset is declared here.
 */

/** A cell value as `Value2` gives it: a number, text, a boolean, an error value, or nothing. */
export type EtValue = string | number | boolean | null | undefined;

export interface EtInterior {
  /** A colour as VBA writes it: red + green·256 + blue·65536. */
  Color: number;
  Pattern: number;
}

export interface EtFont {
  Name: string;
  Size: number;
  Bold: boolean;
}

export interface EtBorder {
  LineStyle: number;
}

export interface EtBorders extends EtBorder {
  Item(index: number): EtBorder;
}

export interface EtValidation {
  Add(type: number, alertStyle?: number, operator?: number, formula1?: string): void;
  InputTitle: string;
  InputMessage: string;
  ErrorTitle: string;
  ErrorMessage: string;
  ShowInput: boolean;
  ShowError: boolean;
}

export interface EtFormatCondition {
  readonly Type: number;
  readonly Formula1: string;
  readonly Interior: EtInterior;
  StopIfTrue: boolean;
  SetFirstPriority(): void;
  Delete(): void;
}

export interface EtFormatConditions {
  readonly Count: number;
  /** 1-based. */
  Item(index: number): EtFormatCondition;
  Add(type: number, operator?: number, formula1?: string): EtFormatCondition;
}

export interface EtRange {
  Value2: EtValue | EtValue[][];
  readonly Formula: string | string[][];
  readonly HasFormula: boolean | null;
  /** 1-based row and column of the top-left cell. */
  readonly Row: number;
  readonly Column: number;
  readonly FormatConditions: EtFormatConditions;
  readonly Interior: EtInterior;
  readonly Font: EtFont;
  readonly Borders: EtBorders;
  readonly Validation: EtValidation;
  HorizontalAlignment: number;
  VerticalAlignment: number;
  WrapText: boolean;
  NumberFormat: string;
  Locked: boolean;
  ColumnWidth: number;
  /** In points. */
  RowHeight: number;
  readonly Rows: { AutoFit(): unknown };
  Merge(): void;
  Select(): void;
  Clear(): void;
}

export interface EtProtection {
  readonly AllowFormattingCells: boolean;
}

export interface EtPageSetup {
  Orientation: number;
  PaperSize: number;
  Zoom: number | boolean;
  FitToPagesWide: number | boolean;
  FitToPagesTall: number | boolean;
}

export interface EtWorksheet {
  Name: string;
  /** The sheet's name in code: it stays when the clerk renames the tab. */
  readonly CodeName: string;
  /** 1-based place among the tabs. */
  readonly Index: number;
  Visible: number;
  readonly UsedRange: EtRange;
  /** Every cell of the sheet: its FormatConditions are all the sheet's conditional formats. */
  readonly Cells: EtRange;
  readonly ProtectContents: boolean;
  readonly Protection: EtProtection;
  readonly PageSetup: EtPageSetup;
  Range(address: string): EtRange;
  Activate(): void;
  Protect(
    password?: string,
    drawingObjects?: boolean,
    contents?: boolean,
    scenarios?: boolean,
    userInterfaceOnly?: boolean,
    allowFormattingCells?: boolean,
    allowFormattingColumns?: boolean,
    allowFormattingRows?: boolean,
  ): void;
}

export interface EtSheets {
  readonly Count: number;
  /** By 1-based index or by name. */
  Item(index: number | string): EtWorksheet;
  Add(before?: EtWorksheet, after?: EtWorksheet): EtWorksheet;
}

export interface EtWorkbook {
  readonly Name: string;
  readonly Worksheets: EtSheets;
}

export interface EtTaskPane {
  readonly ID: number;
  Visible: boolean;
  Width: number;
  DockPosition: number;
}

export interface EtPluginStorage {
  setItem(key: string, value: string | number | boolean): void;
  getItem(key: string): string | null | undefined;
  removeItem(key: string): void;
}

export interface EtApiEvent {
  AddApiEventListener(event: 'SheetChange', callback: (sheet: EtWorksheet, range: EtRange) => void): void;
  /** Raised while the sheet is still there, just before WPS deletes it. */
  AddApiEventListener(event: 'SheetBeforeDelete', callback: (sheet: EtWorksheet) => void): void;
  AddApiEventListener(event: string, callback: (...args: never[]) => void): void;
}

export interface EtRibbonUI {
  Invalidate(): void;
  InvalidateControl(id: string): void;
}

export interface EtApplication {
  readonly ActiveWorkbook: EtWorkbook | null;
  readonly ActiveSheet: EtWorksheet | null;
  readonly PluginStorage: EtPluginStorage;
  readonly ApiEvent: EtApiEvent;
  CreateTaskPane(url: string, title?: string): EtTaskPane;
  GetTaskPane(id: number): EtTaskPane;
  ribbonUI?: EtRibbonUI;
  /** How it calculates: XL.calculationManual when by hand (F9). */
  readonly Calculation?: number;
}

/** The constants of the ET model we write with (values as in VBA's Excel enumerations). */
export const XL = {
  expression: 2,
  calculationManual: -4135,
  calculationAutomatic: -4105,
  sheetVisible: -1,
  sheetHidden: 0,
  sheetVeryHidden: 2,
  center: -4108,
  right: -4152,
  top: -4160,
  continuous: 1,
  edgeLeft: 7,
  edgeTop: 8,
  edgeBottom: 9,
  edgeRight: 10,
  insideVertical: 11,
  insideHorizontal: 12,
  validateWholeNumber: 1,
  validateDecimal: 2,
  validateTextLength: 6,
  validAlertStop: 1,
  greaterEqual: 7,
  lessEqual: 8,
  portrait: 1,
  landscape: 2,
  paperA4: 9,
  patternSolid: 1,
  patternNone: -4142,
  dockRight: 2,
} as const;

/** 「#F4B6B6」 as VBA's colour number. */
export function etColor(hex: string): number {
  const n = Number.parseInt(hex.replace('#', ''), 16);
  const r = (n >> 16) & 0xff;
  const g = (n >> 8) & 0xff;
  const b = n & 0xff;
  return r + g * 256 + b * 65536;
}

/** VBA's colour number as 「#F4B6B6」. */
export function hexColor(color: number): string {
  const r = color & 0xff;
  const g = (color >> 8) & 0xff;
  const b = (color >> 16) & 0xff;
  return `#${[r, g, b]
    .map((x) => x.toString(16).padStart(2, '0'))
    .join('')
    .toUpperCase()}`;
}

/** What WPS gives every page of an add-in. */
export interface WpsGlobals {
  Application?: EtApplication;
  wps?: { EtApplication(): EtApplication };
}

/** The application object of this page, or of the page around it (the preview's frames). */
export function etApplication(win: WpsGlobals, parent?: WpsGlobals): EtApplication | undefined {
  return win.Application ?? win.wps?.EtApplication() ?? parent?.Application ?? parent?.wps?.EtApplication();
}

/**
 * An in-memory workbook: what a spreadsheet holds and what a clerk does to it by hand. The offline
 * page shows a workbook it read through it; in src/dev the Office.js fake and the WPS ET fake are
 * two APIs over it, and the previews draw it. Rows and columns inserted or deleted move values, formats, merges and
 * conditional-format ranges as Excel and WPS move them.
 */
import { type Area, areaAddress, parseAddress, parseArea, type RawValue, toAddress } from '../core.js';

export interface Fill {
  /** "None" is no fill; "Solid" and Excel's other patterns otherwise. */
  pattern: string;
  color: string;
  /** Lighter or darker than `color` (-1 to 1), as theme tints are. */
  tintAndShade?: number;
  patternColor?: string;
}

export interface Cell {
  value: RawValue;
  /** A formula as typed: 「=SUM(D5:D9)」; `value` is its cached result. */
  formula?: string;
  fill: Fill;
  /** Everything else written to the cell's format, by path: 「font.bold」, 「borders.EdgeTop.style」… */
  format: Record<string, unknown>;
  numberFormat?: string;
  validation?: Record<string, unknown>;
}

/** A conditional format: its rule, its fill and the cells it covers. */
export interface ConditionalFormat {
  readonly id: string;
  readonly type: 'Custom' | 'CellValue' | 'ColorScale';
  formula?: string;
  fill?: string;
  /** 0 is the top: the rule Excel applies first. */
  priority: number;
  areas: Area[];
}

export type Visibility = 'Visible' | 'Hidden' | 'VeryHidden';

export const NO_FILL: Fill = { pattern: 'None', color: '#FFFFFF' };

let ids = 0;
const newId = (what: string) => `{${what}-${++ids}}`;

export class Sheet {
  cells = new Map<string, Cell>();
  merges: Area[] = [];
  conditionalFormats: ConditionalFormat[] = [];
  visibility: Visibility = 'Visible';
  protected = false;
  protectOptions?: { allowFormatCells?: boolean };
  selected?: string;
  readonly pageLayout: Record<string, unknown> = {};
  constructor(
    public name: string,
    readonly id = newId('sheet'),
  ) {}

  cell(row: number, col: number): Cell {
    const key = toAddress({ row, col });
    let c = this.cells.get(key);
    if (!c) this.cells.set(key, (c = { value: '', fill: { ...NO_FILL }, format: {} }));
    return c;
  }

  at(address: string): Cell {
    const p = parseAddress(address);
    return this.cell(p.row, p.col);
  }

  setValues(grid: readonly (readonly RawValue[])[], top = 0, left = 0): void {
    grid.forEach((row, r) => row.forEach((v, c) => (this.cell(top + r, left + c).value = v ?? '')));
  }

  /** The used range of values, as Excel computes it with `valuesOnly`. */
  usedArea(): Area | undefined {
    let area: Area | undefined;
    for (const [address, c] of this.cells) {
      if (c.value === '' || c.value === null) continue;
      const p = parseArea(address);
      area = area
        ? {
            top: Math.min(area.top, p.top),
            left: Math.min(area.left, p.left),
            bottom: Math.max(area.bottom, p.bottom),
            right: Math.max(area.right, p.right),
          }
        : p;
    }
    return area;
  }

  /** The conditional formats that apply to a cell, top priority first. */
  formatsAt(row: number, col: number): ConditionalFormat[] {
    return this.conditionalFormats
      .filter((cf) =>
        cf.areas.some((a) => row >= a.top && row <= a.bottom && col >= a.left && col <= a.right),
      )
      .sort((a, b) => a.priority - b.priority);
  }

  /** The fill a person sees: the top conditional format's, else the cell's own. */
  shownFill(row: number, col: number): string | undefined {
    const cf = this.formatsAt(row, col).find((f) => f.fill);
    if (cf) return cf.fill!.toUpperCase();
    const own = this.cells.get(toAddress({ row, col }))?.fill;
    return own && own.pattern !== 'None' ? own.color.toUpperCase() : undefined;
  }

  addConditionalFormat(cf: Omit<ConditionalFormat, 'id' | 'priority'>): ConditionalFormat {
    // A new rule goes on top, as Excel adds it.
    for (const other of this.conditionalFormats) other.priority++;
    const added = { ...cf, id: newId('cf'), priority: 0 };
    this.conditionalFormats.push(added);
    return added;
  }

  deleteConditionalFormat(id: string): void {
    const i = this.conditionalFormats.findIndex((cf) => cf.id === id);
    if (i < 0) throw new Error(`no conditional format ${id}`);
    const [gone] = this.conditionalFormats.splice(i, 1);
    for (const other of this.conditionalFormats) if (other.priority > gone!.priority) other.priority--;
  }

  /** Everything a clerk could see or have set, to compare before and after. */
  snapshot(): SheetSnapshot {
    const blank = (c: Cell) =>
      c.value === '' &&
      !c.formula &&
      c.fill.pattern === 'None' &&
      !Object.keys(c.format).length &&
      !c.numberFormat &&
      !c.validation;
    const cells = Object.fromEntries(
      [...this.cells].filter(([, c]) => !blank(c)).map(([a, c]) => [a, structuredClone(c)]),
    );
    return {
      name: this.name,
      cells,
      merges: this.merges.map(areaAddress).sort(),
      conditionalFormats: this.conditionalFormats
        .map(({ id: _id, ...cf }) => ({ ...cf, areas: cf.areas.map(areaAddress) }))
        .sort((a, b) => a.priority - b.priority),
    };
  }
}

export interface SheetSnapshot {
  name: string;
  cells: Record<string, Cell>;
  merges: string[];
  conditionalFormats: (Omit<ConditionalFormat, 'id' | 'areas'> & { areas: string[] })[];
}

export type ChangeType = 'RangeEdited' | 'RowInserted' | 'RowDeleted' | 'ColumnInserted' | 'ColumnDeleted';

export interface Change {
  readonly sheetId: string;
  readonly address: string;
  readonly changeType: ChangeType;
}

type Axis = 'row' | 'col';

/** An area after lines [at, at + count) were inserted (count > 0) or deleted (count < 0) along an axis. */
export function moveArea(area: Area, axis: Axis, at: number, count: number): Area | undefined {
  const [lo, hi] = axis === 'row' ? (['top', 'bottom'] as const) : (['left', 'right'] as const);
  const a = { ...area };
  if (count > 0) {
    if (a[hi] < at) return a;
    if (a[lo] >= at) a[lo] += count;
    a[hi] += count;
    return a;
  }
  const n = -count;
  const end = at + n - 1;
  if (a[hi] < at) return a;
  if (a[lo] > end) {
    a[lo] -= n;
    a[hi] -= n;
    return a;
  }
  const above = Math.max(0, Math.min(a[hi], at - 1) - a[lo] + 1);
  const below = Math.max(0, a[hi] - Math.max(a[lo], end + 1) + 1);
  if (above + below === 0) return undefined;
  a[lo] = Math.min(a[lo], at);
  a[hi] = a[lo] + above + below - 1;
  return a;
}

/** The workbook, the clerk's hand on it, and the change events it raises. */
export class Book {
  readonly sheets: Sheet[] = [];
  readonly settings = new Map<string, string>();
  /** The application's calculation: by hand (F9), or by itself. */
  calculation: 'automatic' | 'manual' = 'automatic';
  active = '';
  /** Bumped whenever the workbook may have changed: a view re-renders. */
  version = 0;
  private readonly watchers = new Set<() => void>();
  private readonly pending: Change[] = [];
  readonly changeListeners = new Set<(change: Change) => void>();
  /** 'deleting' comes while the sheet is still there (WPS's SheetBeforeDelete), 'deleted' after. */
  readonly sheetListeners = new Set<
    (event: { type: 'added' | 'deleting' | 'deleted' | 'renamed'; sheetId: string }) => void
  >();

  watch(watcher: () => void): () => void {
    this.watchers.add(watcher);
    return () => this.watchers.delete(watcher);
  }

  addSheet(name: string, id?: string): Sheet {
    if (this.sheets.some((s) => s.name === name)) throw new Error(`sheet ${name} exists`);
    const s = new Sheet(name, id);
    this.sheets.push(s);
    this.active ||= name;
    for (const l of this.sheetListeners) l({ type: 'added', sheetId: s.id });
    return s;
  }

  sheet(nameOrId: string): Sheet | undefined {
    return this.sheets.find((s) => s.name === nameOrId || s.id === nameOrId);
  }

  activeSheet(): Sheet {
    return this.sheet(this.active)!;
  }

  /** Records a change, raised once the current call is over (Excel raises events after a sync). */
  changed(sheet: Sheet, area: Area, changeType: ChangeType = 'RangeEdited'): void {
    this.pending.push({ sheetId: sheet.id, address: areaAddress(area), changeType });
  }

  /** After a batch or an edit: views re-render; change listeners run later, as in Excel. */
  settle(): void {
    this.version++;
    for (const w of this.watchers) w();
    const events = this.pending.splice(0);
    if (!events.length) return;
    setTimeout(() => {
      for (const e of events) for (const l of this.changeListeners) l(e);
    }, 0);
  }

  private mustSheet(name: string): Sheet {
    const s = this.sheet(name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }

  // What the clerk does by hand.

  /** Types values into cells (one change event per cell, as Excel raises them). */
  edit(sheetName: string, entries: readonly (readonly [string, RawValue])[]): void {
    const sheet = this.mustSheet(sheetName);
    for (const [address, v] of entries) {
      const a = parseArea(address);
      const c = sheet.cell(a.top, a.left);
      c.value = v;
      delete c.formula;
      this.changed(sheet, a);
    }
    this.settle();
  }

  /** Types a formula; `result` is what Excel would calculate. */
  editFormula(sheetName: string, address: string, formula: string, result: RawValue): void {
    const sheet = this.mustSheet(sheetName);
    const c = sheet.at(address);
    c.formula = formula;
    c.value = result;
    this.changed(sheet, parseArea(address));
    this.settle();
  }

  /** Fills cells with a colour (or clears the fill): a format change, no change event. */
  fill(sheetName: string, address: string, fill: Fill): void {
    const sheet = this.mustSheet(sheetName);
    const a = parseArea(address);
    for (let r = a.top; r <= a.bottom; r++)
      for (let c = a.left; c <= a.right; c++) sheet.cell(r, c).fill = { ...fill };
    this.settle();
  }

  select(sheetName: string, address?: string): void {
    const sheet = this.mustSheet(sheetName);
    this.active = sheet.name;
    if (address) sheet.selected = address;
    this.settle();
  }

  /**
   * Shows or hides a sheet. Hiding the active sheet makes the next visible one active (the one
   * after it, else the one before), as Excel and WPS do.
   */
  setVisibility(sheet: Sheet, visibility: Visibility): void {
    sheet.visibility = visibility;
    if (visibility !== 'Visible' && this.active === sheet.name) {
      const at = this.sheets.indexOf(sheet);
      const shown = (s: Sheet) => s.visibility === 'Visible';
      const next = this.sheets.slice(at + 1).find(shown) ?? this.sheets.slice(0, at).reverse().find(shown);
      if (next) this.active = next.name;
    }
  }

  rename(from: string, to: string): void {
    const sheet = this.mustSheet(from);
    if (this.sheet(to)) throw new Error(`sheet ${to} exists`);
    if (this.active === from) this.active = to;
    sheet.name = to;
    for (const l of this.sheetListeners) l({ type: 'renamed', sheetId: sheet.id });
    this.settle();
  }

  deleteSheet(name: string): void {
    const sheet = this.mustSheet(name);
    for (const l of this.sheetListeners) l({ type: 'deleting', sheetId: sheet.id });
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    if (this.active === name) this.active = this.sheets[0]?.name ?? '';
    for (const l of this.sheetListeners) l({ type: 'deleted', sheetId: sheet.id });
    this.settle();
  }

  insertRows(sheetName: string, at: number, count = 1): void {
    this.shift(sheetName, 'row', at, count);
  }

  deleteRows(sheetName: string, at: number, count = 1): void {
    this.shift(sheetName, 'row', at, -count);
  }

  insertColumns(sheetName: string, at: number, count = 1): void {
    this.shift(sheetName, 'col', at, count);
  }

  deleteColumns(sheetName: string, at: number, count = 1): void {
    this.shift(sheetName, 'col', at, -count);
  }

  /** Whole rows or columns in or out: cells, merges and conditional formats move with them. */
  private shift(sheetName: string, axis: Axis, at: number, count: number): void {
    const sheet = this.mustSheet(sheetName);
    const moved = new Map<string, Cell>();
    for (const [address, cell] of sheet.cells) {
      const a = moveArea(parseArea(address), axis, at, count);
      if (a) moved.set(toAddress({ row: a.top, col: a.left }), cell);
    }
    sheet.cells = moved;
    sheet.merges = sheet.merges
      .map((m) => moveArea(m, axis, at, count))
      .filter((m): m is Area => !!m && (m.bottom > m.top || m.right > m.left));
    for (const cf of sheet.conditionalFormats)
      cf.areas = cf.areas.map((a) => moveArea(a, axis, at, count)).filter((a): a is Area => !!a);
    sheet.conditionalFormats = sheet.conditionalFormats.filter((cf) => cf.areas.length);
    const n = Math.abs(count);
    const line =
      axis === 'row'
        ? { top: at, bottom: at + n - 1, left: 0, right: 16383 }
        : { top: 0, bottom: 1048575, left: at, right: at + n - 1 };
    const type = `${axis === 'row' ? 'Row' : 'Column'}${count > 0 ? 'Inserted' : 'Deleted'}` as ChangeType;
    this.changed(sheet, line, type);
    this.settle();
  }
}

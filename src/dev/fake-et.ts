/**
 * An in-memory WPS 表格 behind the ET object model, as WPS's add-in API gives it: synchronous,
 * VBA-like, 1-based; a single cell's Value2 is a value and a block's a 2-D array; FormatConditions
 * are added, listed and deleted; a protected sheet refuses what its protection does not allow; value
 * changes raise SheetChange, and a sheet about to be deleted SheetBeforeDelete. The workbook is
 * ../web/workbook-model.ts, shared with the Office.js fake.
 */
import { type Area, parseArea, toAddress } from '../report/address.js';
import type { RawValue } from '../report/types.js';
import { POINTS_PER_CHAR } from '../report/template.js';
import {
  type EtApplication,
  type EtBorders,
  type EtFormatCondition,
  type EtFormatConditions,
  type EtPageSetup,
  type EtPluginStorage,
  type EtRange,
  type EtTaskPane,
  type EtValidation,
  type EtValue,
  type EtWorksheet,
  etColor,
  hexColor,
  XL,
} from '../wps/et.js';
import { Book, type Cell, type ConditionalFormat, NO_FILL, type Sheet } from '../web/workbook-model.js';

/** What WPS throws: an Error with a message, no code. */
export class EtError extends Error {}

const WHOLE: Area = { top: 0, left: 0, bottom: 1048575, right: 16383 };
const VISIBLE = { Visible: XL.sheetVisible, Hidden: XL.sheetHidden, VeryHidden: XL.sheetVeryHidden } as const;
const ALIGN: Readonly<Record<number, string>> = {
  [XL.center]: 'Center',
  [XL.right]: 'Right',
  [XL.top]: 'Top',
};
const EDGE: Readonly<Record<number, string>> = {
  [XL.edgeLeft]: 'EdgeLeft',
  [XL.edgeTop]: 'EdgeTop',
  [XL.edgeBottom]: 'EdgeBottom',
  [XL.edgeRight]: 'EdgeRight',
  [XL.insideVertical]: 'InsideVertical',
  [XL.insideHorizontal]: 'InsideHorizontal',
};

const meets = (a: Area, b: Area) =>
  a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;

class FakeEtFormatCondition implements EtFormatCondition {
  constructor(
    private readonly sheet: Sheet,
    private readonly cf: ConditionalFormat,
    /** Views redraw after every call, as WPS repaints. */
    private readonly settle: () => void,
  ) {}
  get Type(): number {
    return this.cf.type === 'Custom' ? XL.expression : 1;
  }
  get Formula1(): string {
    return this.cf.formula ?? '';
  }
  get Interior() {
    const cf = this.cf;
    const settle = this.settle;
    return {
      get Color() {
        return cf.fill ? etColor(cf.fill) : 0;
      },
      set Color(c: number) {
        cf.fill = hexColor(c);
        settle();
      },
      Pattern: XL.patternSolid,
    };
  }
  StopIfTrue = false;
  SetFirstPriority(): void {
    const others = this.sheet.conditionalFormats
      .filter((o) => o !== this.cf)
      .sort((a, b) => a.priority - b.priority);
    [this.cf, ...others].forEach((o, i) => (o.priority = i));
    this.settle();
  }
  Delete(): void {
    this.sheet.deleteConditionalFormat(this.cf.id);
    this.settle();
  }
}

class FakeEtRange implements EtRange {
  constructor(
    private readonly et: FakeEtApp,
    private readonly sheet: Sheet,
    private readonly areas: Area[],
  ) {}

  private get area(): Area {
    return this.areas[0]!;
  }

  private cells(): Cell[] {
    const out: Cell[] = [];
    for (const a of this.areas)
      for (let r = a.top; r <= a.bottom; r++)
        for (let c = a.left; c <= a.right; c++) out.push(this.sheet.cell(r, c));
    return out;
  }

  private touch(guardFormat = false): void {
    if (guardFormat && this.sheet.protected && !this.sheet.protectOptions?.allowFormatCells)
      throw new EtError('工作表受保护，不能设置格式。');
  }

  private format(key: string, value: unknown): void {
    this.touch(true);
    for (const c of this.cells()) c.format[key] = value;
    this.et.book.settle();
  }

  get Value2(): EtValue | EtValue[][] {
    const a = this.area;
    const at = (r: number, c: number): EtValue => {
      const v = this.sheet.cells.get(toAddress({ row: r, col: c }))?.value;
      return v === '' || v === null ? undefined : v;
    };
    if (a.top === a.bottom && a.left === a.right) return at(a.top, a.left);
    return Array.from({ length: a.bottom - a.top + 1 }, (_, r) =>
      Array.from({ length: a.right - a.left + 1 }, (_, c) => at(a.top + r, a.left + c)),
    );
  }

  set Value2(value: EtValue | EtValue[][]) {
    const a = this.area;
    const grid = Array.isArray(value) ? value : [[value]];
    const locked = (c: Cell) => this.sheet.protected && c.format['protection.locked'] !== false;
    grid.forEach((row, r) =>
      row.forEach((v, c) => {
        const cell = this.sheet.cell(a.top + r, a.left + c);
        if (locked(cell)) throw new EtError('您试图更改的单元格或图表受保护，因而是只读的。');
        cell.value = (v ?? '') as RawValue;
        delete cell.formula;
      }),
    );
    this.et.book.changed(this.sheet, a);
    this.et.book.settle();
  }

  get Formula(): string {
    const c = this.sheet.cells.get(toAddress({ row: this.area.top, col: this.area.left }));
    return c?.formula ?? String(c?.value ?? '');
  }

  /** As ET's: true if every cell has a formula, false if none, null if some. */
  get HasFormula(): boolean | null {
    let some = false;
    let all = true;
    for (let r = this.area.top; r <= this.area.bottom; r++)
      for (let c = this.area.left; c <= this.area.right; c++) {
        const has = Boolean(this.sheet.cells.get(toAddress({ row: r, col: c }))?.formula);
        some ||= has;
        all &&= has;
      }
    return all ? true : some ? null : false;
  }

  get Row(): number {
    return this.area.top + 1;
  }

  get Column(): number {
    return this.area.left + 1;
  }

  get FormatConditions(): EtFormatConditions {
    const list = () =>
      this.sheet.conditionalFormats
        .filter((cf) => cf.areas.some((a) => this.areas.some((m) => meets(a, m))))
        .sort((a, b) => a.priority - b.priority);
    return {
      get Count() {
        return list().length;
      },
      Item: (i: number) => {
        const cf = list()[i - 1];
        if (!cf) throw new EtError('下标越界');
        return new FakeEtFormatCondition(this.sheet, cf, () => this.et.book.settle());
      },
      Add: (type: number, _operator?: number, formula1?: string) => {
        this.touch(true);
        if (type !== XL.expression) throw new EtError('fake: only formula conditions');
        const cf = this.sheet.addConditionalFormat({
          type: 'Custom',
          formula: formula1 ?? '',
          areas: [...this.areas],
        });
        this.et.book.settle();
        return new FakeEtFormatCondition(this.sheet, cf, () => this.et.book.settle());
      },
    };
  }

  get Interior() {
    const cells = () => this.cells();
    const paint = (fill: Cell['fill']) => {
      this.touch(true);
      for (const cell of cells()) cell.fill = { ...fill };
      this.et.book.settle();
    };
    return {
      get Color() {
        const fill = cells()[0]?.fill ?? NO_FILL;
        return fill.pattern === 'None' ? 16777215 : etColor(fill.color);
      },
      set Color(c: number) {
        paint({ pattern: 'Solid', color: hexColor(c) });
      },
      get Pattern() {
        return cells()[0]?.fill.pattern === 'None' ? XL.patternNone : XL.patternSolid;
      },
      set Pattern(p: number) {
        if (p === XL.patternNone) paint(NO_FILL);
      },
    };
  }

  get Font() {
    const put = (key: string, v: unknown) => this.format(key, v);
    const read = (key: string) => this.cells()[0]?.format[key];
    return {
      set Name(v: string) {
        put('font.name', v);
      },
      get Name() {
        return String(read('font.name') ?? '');
      },
      set Size(v: number) {
        put('font.size', v);
      },
      get Size() {
        return Number(read('font.size') ?? 11);
      },
      set Bold(v: boolean) {
        put('font.bold', v);
      },
      get Bold() {
        return Boolean(read('font.bold'));
      },
    };
  }

  get Borders(): EtBorders {
    const edge = (name: string) => ({
      get LineStyle() {
        return 1;
      },
      set LineStyle(_v: number) {
        set(name);
      },
    });
    const set = (name: string) => this.format(`borders.${name}.style`, 'Continuous');
    const borders = { Item: (i: number) => edge(EDGE[i] ?? `Edge${i}`) } as EtBorders;
    Object.defineProperty(borders, 'LineStyle', {
      get: () => 1,
      set: () => Object.values(EDGE).forEach(set),
    });
    return borders;
  }

  get Validation(): EtValidation {
    const cells = () => this.cells();
    const put = (key: string, value: unknown) => cells().forEach((c) => ((c.validation ??= {})[key] = value));
    const v = {
      Add: (type: number, alertStyle?: number, operator?: number, formula1?: string) =>
        put('rule', { type, alertStyle, operator, formula1 }),
    } as EtValidation;
    for (const key of ['InputTitle', 'InputMessage', 'ErrorTitle', 'ErrorMessage', 'ShowInput', 'ShowError'])
      Object.defineProperty(v, key, { set: (value: unknown) => put(key, value), get: () => undefined });
    return v;
  }

  set HorizontalAlignment(v: number) {
    this.format('horizontalAlignment', ALIGN[v] ?? v);
  }
  get HorizontalAlignment(): number {
    return XL.center;
  }
  set VerticalAlignment(v: number) {
    this.format('verticalAlignment', ALIGN[v] ?? v);
  }
  get VerticalAlignment(): number {
    return XL.center;
  }
  /** AutoFit is recorded on the cells: the model keeps no row heights. */
  get Rows(): { AutoFit(): boolean } {
    return {
      AutoFit: () => {
        this.format('autofitRows', true);
        return true;
      },
    };
  }
  set WrapText(v: boolean) {
    this.format('wrapText', v);
  }
  get WrapText(): boolean {
    return Boolean(this.cells()[0]?.format.wrapText);
  }
  set NumberFormat(v: string) {
    this.touch(true);
    for (const c of this.cells()) c.numberFormat = v;
  }
  get NumberFormat(): string {
    return this.cells()[0]?.numberFormat ?? 'General';
  }
  set Locked(v: boolean) {
    this.format('protection.locked', v);
  }
  get Locked(): boolean {
    return this.cells()[0]?.format['protection.locked'] !== false;
  }
  set ColumnWidth(chars: number) {
    this.format('columnWidth', chars * POINTS_PER_CHAR);
  }
  get ColumnWidth(): number {
    return Number(this.cells()[0]?.format.columnWidth ?? 8.43 * POINTS_PER_CHAR) / POINTS_PER_CHAR;
  }

  set RowHeight(points: number) {
    this.format('rowHeight', points);
  }
  get RowHeight(): number {
    return Number(this.cells()[0]?.format.rowHeight ?? 15);
  }

  Merge(): void {
    this.touch(true);
    this.sheet.merges.push(this.area);
    this.et.book.settle();
  }

  Select(): void {
    this.et.book.select(this.sheet.name, toAddress({ row: this.area.top, col: this.area.left }));
  }

  Clear(): void {
    this.touch(true);
    for (const address of [...this.sheet.cells.keys()])
      if (this.areas.some((a) => meets(a, parseArea(address)))) this.sheet.cells.delete(address);
    this.sheet.merges = this.sheet.merges.filter((m) => !this.areas.some((a) => meets(a, m)));
    this.et.book.settle();
  }
}

class FakeEtSheet implements EtWorksheet {
  constructor(
    private readonly et: FakeEtApp,
    readonly sheet: Sheet,
  ) {}
  get Name(): string {
    return this.sheet.name;
  }
  set Name(name: string) {
    if (this.et.book.sheet(name) && this.et.book.sheet(name) !== this.sheet)
      throw new EtError('工作表名称已被占用');
    this.et.book.rename(this.sheet.name, name);
  }
  get CodeName(): string {
    return `Sheet${this.sheet.id.replace(/\D/g, '')}`;
  }
  get Index(): number {
    return this.et.book.sheets.indexOf(this.sheet) + 1;
  }
  get Visible(): number {
    return VISIBLE[this.sheet.visibility];
  }
  set Visible(v: number) {
    this.et.book.setVisibility(
      this.sheet,
      v === XL.sheetVeryHidden ? 'VeryHidden' : v === XL.sheetHidden ? 'Hidden' : 'Visible',
    );
    this.et.book.settle();
  }
  get UsedRange(): EtRange {
    return new FakeEtRange(this.et, this.sheet, [
      this.sheet.usedArea() ?? { top: 0, left: 0, bottom: 0, right: 0 },
    ]);
  }
  get Cells(): EtRange {
    return new FakeEtRange(this.et, this.sheet, [WHOLE]);
  }
  get ProtectContents(): boolean {
    return this.sheet.protected;
  }
  get Protection() {
    return { AllowFormattingCells: Boolean(this.sheet.protectOptions?.allowFormatCells) };
  }
  get PageSetup(): EtPageSetup {
    const layout = this.sheet.pageLayout;
    return new Proxy({} as EtPageSetup, {
      set: (_t, prop: string, value: unknown) => {
        layout[prop] = value;
        return true;
      },
      get: (_t, prop: string) => layout[prop],
    });
  }
  Range(address: string): EtRange {
    return new FakeEtRange(
      this.et,
      this.sheet,
      address.split(',').map((a) => parseArea(a.trim())),
    );
  }
  Activate(): void {
    this.et.book.select(this.sheet.name);
  }
  Protect(
    _password?: string,
    _drawing?: boolean,
    _contents?: boolean,
    _scenarios?: boolean,
    _uiOnly?: boolean,
    allowFormattingCells?: boolean,
  ): void {
    this.sheet.protected = true;
    this.sheet.protectOptions = { allowFormatCells: Boolean(allowFormattingCells) };
  }
}

class FakeStorage implements EtPluginStorage {
  readonly items = new Map<string, string>();
  setItem(key: string, value: string | number | boolean): void {
    this.items.set(key, String(value));
  }
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
}

/** A task pane the fake made: the preview shows its page in a frame. */
export interface FakeTaskPane extends EtTaskPane {
  readonly url: string;
}

/** WPS 表格's Application over the workbook model. */
export class FakeEtApp implements EtApplication {
  readonly book = new Book();
  readonly PluginStorage = new FakeStorage();
  get Calculation(): number {
    return this.book.calculation === 'manual' ? XL.calculationManual : XL.calculationAutomatic;
  }
  readonly panes: FakeTaskPane[] = [];
  /** Called when the add-in makes a task pane (the preview puts it on the page). */
  onPane?: (pane: FakeTaskPane) => void;

  get ActiveWorkbook() {
    const book = this.book;
    const wrap = (sheet: Sheet) => new FakeEtSheet(this, sheet);
    if (!book.sheets.length) return null;
    return {
      Name: '工作簿1',
      Worksheets: {
        get Count() {
          return book.sheets.length;
        },
        Item(index: number | string): EtWorksheet {
          const sheet = typeof index === 'number' ? book.sheets[index - 1] : book.sheet(index);
          if (!sheet) throw new EtError('下标越界');
          return wrap(sheet);
        },
        Add(_before?: EtWorksheet, after?: EtWorksheet): EtWorksheet {
          let n = book.sheets.length + 1;
          while (book.sheet(`Sheet${n}`)) n++;
          const sheet = book.addSheet(`Sheet${n}`);
          if (after) {
            book.sheets.splice(book.sheets.indexOf(sheet), 1);
            book.sheets.splice(after.Index, 0, sheet);
          }
          book.select(sheet.name);
          return wrap(sheet);
        },
      },
    };
  }

  get ActiveSheet(): EtWorksheet | null {
    const s = this.book.sheet(this.book.active);
    return s ? new FakeEtSheet(this, s) : null;
  }

  readonly ApiEvent = {
    AddApiEventListener: (event: string, callback: (...args: never[]) => void): void => {
      if (event === 'SheetBeforeDelete') {
        this.book.sheetListeners.add((e) => {
          const sheet = e.type === 'deleting' ? this.book.sheet(e.sheetId) : undefined;
          if (sheet) (callback as (ws: EtWorksheet) => void)(new FakeEtSheet(this, sheet));
        });
        return;
      }
      if (event !== 'SheetChange') return;
      this.book.changeListeners.add((c) => {
        const sheet = this.book.sheet(c.sheetId);
        if (!sheet) return;
        const ws = new FakeEtSheet(this, sheet);
        (callback as (ws: EtWorksheet, r: EtRange) => void)(ws, ws.Range(c.address.split(':')[0]!));
      });
    },
  };

  CreateTaskPane(url: string): FakeTaskPane {
    const pane: FakeTaskPane = {
      ID: this.panes.length + 1,
      url,
      Visible: false,
      Width: 300,
      DockPosition: 0,
    };
    this.panes.push(pane);
    this.onPane?.(pane);
    return pane;
  }

  GetTaskPane(id: number): FakeTaskPane {
    const pane = this.panes[id - 1];
    if (!pane) throw new EtError('任务窗格不存在');
    return pane;
  }

  /** The sheet the way code reaches it, for tests. */
  sheetByName(name: string): EtWorksheet {
    const s = this.book.sheet(name);
    if (!s) throw new EtError(`no sheet ${name}`);
    return new FakeEtSheet(this, s);
  }
}

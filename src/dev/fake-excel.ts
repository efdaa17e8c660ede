/**
 * An in-memory Excel that behaves like Office.js where nianbao relies on it: calls are queued and
 * run at `sync()`, properties cannot be read before `load` + `sync`, values are 2-D arrays with ""
 * for empty, every sync is counted, conditional formats are a collection of their own, and value
 * changes raise worksheet onChanged events after the sync, as Excel does for edits by the user and
 * by code alike. The workbook itself is ./workbook-model.ts, shared with the WPS fake.
 */
import { type Area, parseArea, toAddress } from '../report/address.js';
import type { RawValue } from '../report/types.js';
import {
  Book,
  type Cell,
  type Change,
  type ConditionalFormat,
  type Fill,
  NO_FILL,
  type Sheet,
} from '../web/workbook-model.js';

export class OfficeError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

type Op = () => void;

/** The whole sheet, as `worksheet.getRange()` with no address gives it. */
const WHOLE: Area = { top: 0, left: 0, bottom: 1048575, right: 16383 };

abstract class ClientObject {
  protected readonly loaded = new Map<string, unknown>();
  isNullObject = false;
  constructor(protected readonly ctx: FakeContext) {}

  protected read<T>(prop: string): T {
    if (!this.loaded.has(prop)) {
      throw new OfficeError(
        'PropertyNotLoaded',
        `The property '${prop}' is not available. Call load() and sync() first.`,
      );
    }
    return this.loaded.get(prop) as T;
  }

  protected abstract compute(prop: string): unknown;

  load(props: string | string[]): this {
    const list = typeof props === 'string' ? props.split(',') : props;
    for (const p of list.map((s) => s.trim()).filter(Boolean)) {
      // Loading a null object is allowed; its properties stay empty.
      this.ctx.queue(() => this.loaded.set(p, this.isNullObject ? null : this.compute(p)));
    }
    return this;
  }
}

/** As Excel: no formatting on a protected sheet unless its protection allows it. */
function guardFormat(sheet: Sheet): void {
  if (sheet.protected && !sheet.protectOptions?.allowFormatCells)
    throw new OfficeError('AccessDenied', 'The cell or chart you are trying to change is protected.');
}

class FakeFillFormat {
  constructor(
    private readonly ctx: FakeContext,
    private readonly cells: () => Cell[],
    private readonly sheet: () => Sheet,
  ) {}
  set color(color: string) {
    this.ctx.queue(() => {
      guardFormat(this.sheet());
      this.cells().forEach((c) => (c.fill = { pattern: 'Solid', color: color.toUpperCase() }));
    });
  }
  clear(): void {
    this.ctx.queue(() => {
      guardFormat(this.sheet());
      this.cells().forEach((c) => (c.fill = { ...NO_FILL }));
    });
  }
}

/** Records whatever is written below range.format on every cell of the range, at sync. */
function formatRecorder(
  ctx: FakeContext,
  cells: () => Cell[],
  sheet: () => Sheet,
  path: string[] = [],
): object {
  const fill = new FakeFillFormat(ctx, cells, sheet);
  return new Proxy(
    {},
    {
      get: (_t, prop: string) => {
        if (path.length === 0 && prop === 'fill') return fill;
        // An action, recorded on the cells: the model keeps no row heights.
        if (path.length === 0 && prop === 'autofitRows')
          return () => ctx.queue(() => cells().forEach((c) => (c.format.autofitRows = true)));
        if (prop === 'getItem') return (item: string) => formatRecorder(ctx, cells, sheet, [...path, item]);
        return formatRecorder(ctx, cells, sheet, [...path, prop]);
      },
      set: (_t, prop: string, value: unknown) => {
        const key = [...path, prop].join('.');
        ctx.queue(() => cells().forEach((c) => (c.format[key] = value)));
        return true;
      },
    },
  );
}

/** A setter tree that records at sync: `cf.custom.format.fill.color = …`. */
function recorder(
  ctx: FakeContext,
  apply: (path: string, value: unknown) => void,
  path: string[] = [],
): object {
  return new Proxy(
    {},
    {
      get: (_t, prop: string) => recorder(ctx, apply, [...path, prop]),
      set: (_t, prop: string, value: unknown) => {
        ctx.queue(() => apply([...path, prop].join('.'), value));
        return true;
      },
    },
  );
}

export class FakeConditionalFormat extends ClientObject {
  readonly custom: object;
  constructor(
    ctx: FakeContext,
    private readonly sheet: () => Sheet,
    private readonly target: () => ConditionalFormat,
  ) {
    super(ctx);
    this.custom = recorder(ctx, (path, value) => {
      const cf = this.target();
      if (path === 'rule.formula') cf.formula = String(value);
      else if (path === 'format.fill.color') cf.fill = String(value).toUpperCase();
      else throw new OfficeError('InvalidArgument', `fake conditional format cannot set custom.${path}`);
    });
  }

  protected compute(prop: string): unknown {
    const cf = this.target();
    if (prop === 'id') return cf.id;
    if (prop === 'type') return cf.type;
    if (prop === 'priority') return cf.priority;
    if (prop === 'customOrNullObject/rule/formula') return cf.type === 'Custom' ? (cf.formula ?? '') : null;
    throw new OfficeError('InvalidArgument', `fake conditional format cannot load ${prop}`);
  }

  /** Loaded through its collection, at the collection's sync. */
  loadNow(prop: string): void {
    this.loaded.set(prop, this.compute(prop));
  }

  get id(): string {
    return this.read('id');
  }
  get type(): string {
    return this.read('type');
  }
  get customOrNullObject(): { isNullObject: boolean; rule: { formula: string } } {
    const formula = this.read<string | null>('customOrNullObject/rule/formula');
    return { isNullObject: formula === null, rule: { formula: formula ?? '' } };
  }

  set priority(p: number) {
    this.ctx.queue(() => {
      const s = this.sheet();
      const cf = this.target();
      const others = s.conditionalFormats.filter((o) => o !== cf).sort((a, b) => a.priority - b.priority);
      others.splice(Math.min(p, others.length), 0, cf);
      others.forEach((o, i) => (o.priority = i));
    });
  }

  set stopIfTrue(_v: boolean) {
    this.ctx.queue(() => undefined);
  }

  delete(): void {
    this.ctx.queue(() => this.sheet().deleteConditionalFormat(this.target().id));
  }
}

class FakeConditionalFormats extends ClientObject {
  private list?: ConditionalFormat[];
  constructor(
    ctx: FakeContext,
    private readonly sheet: () => Sheet,
    private readonly areas: () => Area[],
  ) {
    super(ctx);
  }

  private intersecting(): ConditionalFormat[] {
    const mine = this.areas();
    const meets = (a: Area, b: Area) =>
      a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
    return this.sheet()
      .conditionalFormats.filter((cf) => cf.areas.some((a) => mine.some((m) => meets(a, m))))
      .sort((a, b) => a.priority - b.priority);
  }

  protected compute(prop: string): unknown {
    const field = /^items\/(.+)$/.exec(prop)?.[1];
    if (!field) throw new OfficeError('InvalidArgument', `fake conditional formats cannot load ${prop}`);
    this.list = this.intersecting();
    return field;
  }

  override load(props: string | string[]): this {
    super.load(props);
    const fields = (typeof props === 'string' ? props.split(',') : props).map((p) => p.trim());
    this.ctx.queue(() => {
      this.loadedItems = (this.list ?? []).map((cf) => {
        const item = new FakeConditionalFormat(this.ctx, this.sheet, () => cf);
        for (const f of fields) item.loadNow(f.replace(/^items\//, ''));
        return item;
      });
    });
    return this;
  }

  private loadedItems?: FakeConditionalFormat[];
  get items(): FakeConditionalFormat[] {
    if (!this.loadedItems) throw new OfficeError('PropertyNotLoaded', 'items not loaded');
    return this.loadedItems;
  }

  add(type: ConditionalFormat['type']): FakeConditionalFormat {
    let added: ConditionalFormat | undefined;
    this.ctx.queue(() => {
      const s = this.sheet();
      guardFormat(s);
      added = s.addConditionalFormat({ type, areas: this.areas() });
    });
    return new FakeConditionalFormat(this.ctx, this.sheet, () => added!);
  }

  getItem(id: string): FakeConditionalFormat {
    return new FakeConditionalFormat(this.ctx, this.sheet, () => {
      const cf = this.sheet().conditionalFormats.find((c) => c.id === id);
      if (!cf) throw new OfficeError('ItemNotFound', `no conditional format ${id}`);
      return cf;
    });
  }
}

export class FakeRange extends ClientObject {
  readonly format: { fill: FakeFillFormat } & Record<string, unknown>;
  readonly dataValidation: Record<string, unknown>;
  readonly conditionalFormats: FakeConditionalFormats;
  constructor(
    ctx: FakeContext,
    private readonly sheet: () => Sheet,
    private readonly areas: () => Area[] | undefined,
  ) {
    super(ctx);
    this.format = formatRecorder(ctx, () => this.cellsOf(), sheet) as FakeRange['format'];
    this.dataValidation = new Proxy(
      {},
      {
        set: (_t, prop: string, value: unknown) => {
          ctx.queue(() => this.cellsOf().forEach((c) => ((c.validation ??= {})[prop] = value)));
          return true;
        },
      },
    );
    this.conditionalFormats = new FakeConditionalFormats(ctx, sheet, () => {
      const a = this.areas();
      if (!a?.length) throw new OfficeError('ItemNotFound', 'The range does not exist.');
      return a;
    });
  }

  set values(grid: RawValue[][]) {
    this.ctx.queue(() => {
      const a = this.area();
      if (grid.length !== a.bottom - a.top + 1 || grid.some((r) => r.length !== a.right - a.left + 1)) {
        throw new OfficeError(
          'InvalidArgument',
          'The number of rows or columns in the input array does not match the range.',
        );
      }
      const s = this.sheet();
      grid.forEach((row, r) =>
        row.forEach((v, c) => {
          const cell = s.cell(a.top + r, a.left + c);
          cell.value = v;
          delete cell.formula;
        }),
      );
      this.ctx.book.changed(s, a);
    });
  }

  set numberFormat(formats: string[][]) {
    this.ctx.queue(() => this.cellsOf().forEach((c) => (c.numberFormat = formats[0]![0])));
  }

  merge(_across?: boolean): void {
    this.ctx.queue(() => this.sheet().merges.push(this.area()));
  }

  private cellsOf(): Cell[] {
    const s = this.sheet();
    const out: Cell[] = [];
    for (const a of this.areas() ?? []) {
      for (let r = a.top; r <= a.bottom; r++) for (let c = a.left; c <= a.right; c++) out.push(s.cell(r, c));
    }
    return out;
  }

  private area(): Area {
    const areas = this.areas();
    if (!areas?.length) throw new OfficeError('ItemNotFound', 'The range does not exist.');
    return areas[0]!;
  }

  protected compute(prop: string): unknown {
    const a = this.area();
    const s = this.sheet();
    const rows = Array.from({ length: a.bottom - a.top + 1 }, (_, r) => a.top + r);
    const cols = Array.from({ length: a.right - a.left + 1 }, (_, c) => a.left + c);
    const cellAt = (r: number, c: number) => s.cells.get(toAddress({ row: r, col: c }));
    switch (prop) {
      case 'values':
        return rows.map((r) => cols.map((c) => cellAt(r, c)?.value ?? ''));
      case 'formulas':
        return rows.map((r) => cols.map((c) => cellAt(r, c)?.formula ?? cellAt(r, c)?.value ?? ''));
      case 'address':
        return `${s.name}!${toAddress({ row: a.top, col: a.left })}:${toAddress({ row: a.bottom, col: a.right })}`;
      default:
        throw new OfficeError('InvalidArgument', `fake range cannot load ${prop}`);
    }
  }

  get values(): RawValue[][] {
    return this.read('values');
  }

  get formulas(): RawValue[][] {
    return this.read('formulas');
  }

  get address(): string {
    return this.read('address');
  }

  select(): void {
    this.ctx.queue(() => {
      const a = this.area();
      this.sheet().selected = toAddress({ row: a.top, col: a.left });
    });
  }

  clear(_what?: string): void {
    this.ctx.queue(() => {
      const s = this.sheet();
      guardFormat(s);
      const areas = this.areas() ?? [];
      const inside = (a: Area, b: Area) =>
        b.top >= a.top && b.bottom <= a.bottom && b.left >= a.left && b.right <= a.right;
      for (const address of [...s.cells.keys()]) {
        const p = parseArea(address);
        if (areas.some((a) => inside(a, p))) s.cells.delete(address);
      }
      s.merges = s.merges.filter((m) => !areas.some((a) => inside(a, m)));
    });
  }
}

export class FakeWorksheet extends ClientObject {
  readonly protection: ClientObject & {
    readonly protected: boolean;
    readonly options: { allowFormatCells: boolean };
    protect(options?: Sheet['protectOptions']): void;
  };
  readonly pageLayout: Record<string, unknown>;
  constructor(
    ctx: FakeContext,
    private readonly resolve: () => Sheet | undefined,
    nullable = false,
  ) {
    super(ctx);
    if (nullable) ctx.queue(() => (this.isNullObject = !resolve()));
    const sheet = () => this.sheet();
    this.protection = new (class extends ClientObject {
      protected compute(prop: string): unknown {
        return prop === 'options'
          ? { allowFormatCells: sheet().protectOptions?.allowFormatCells ?? false }
          : sheet().protected;
      }
      get protected(): boolean {
        return this.read('protected');
      }
      get options(): { allowFormatCells: boolean } {
        return this.read('options');
      }
      protect(options?: Sheet['protectOptions']): void {
        ctx.queue(() => {
          sheet().protected = true;
          sheet().protectOptions = options;
        });
      }
    })(ctx);
    this.pageLayout = new Proxy(
      {},
      {
        set: (_t, prop: string, value: unknown) => {
          ctx.queue(() => (sheet().pageLayout[prop] = value));
          return true;
        },
      },
    );
  }

  private sheet(): Sheet {
    const s = this.resolve();
    if (!s) throw new OfficeError('ItemNotFound', 'The requested resource does not exist.');
    return s;
  }

  protected compute(prop: string): unknown {
    if (prop === 'name') return this.sheet().name;
    if (prop === 'id') return this.sheet().id;
    if (prop === 'visibility') return this.sheet().visibility;
    throw new OfficeError('InvalidArgument', `fake worksheet cannot load ${prop}`);
  }

  get name(): string {
    return this.read('name');
  }

  get id(): string {
    return this.read('id');
  }

  get visibility(): string {
    return this.read('visibility');
  }

  set visibility(v: Sheet['visibility']) {
    this.ctx.queue(() => this.ctx.book.setVisibility(this.sheet(), v));
  }

  getUsedRangeOrNullObject(_valuesOnly?: boolean): FakeRange {
    let areas: Area[] | undefined;
    const range = new FakeRange(
      this.ctx,
      () => this.sheet(),
      () => areas,
    );
    this.ctx.queue(() => {
      const a = this.sheet().usedArea();
      areas = a ? [a] : undefined;
      range.isNullObject = !a;
    });
    return range;
  }

  getRange(address?: string): FakeRange {
    return new FakeRange(
      this.ctx,
      () => this.sheet(),
      () => [address ? parseArea(address) : WHOLE],
    );
  }

  getRanges(addresses: string): FakeRange {
    const list = addresses.split(',');
    return new FakeRange(
      this.ctx,
      () => this.sheet(),
      () => {
        // Measured in Excel: a getRanges call with many more areas fails.
        if (list.length > 500) throw new OfficeError('InvalidArgument', 'getRanges: too many areas');
        return list.map(parseArea);
      },
    );
  }

  activate(): void {
    this.ctx.queue(() => (this.ctx.book.active = this.sheet().name));
  }
}

class FakeSetting extends ClientObject {
  constructor(
    ctx: FakeContext,
    private readonly key: string,
    nullable: boolean,
  ) {
    super(ctx);
    ctx.queue(() => {
      const missing = !ctx.book.settings.has(key);
      if (missing && !nullable) throw new OfficeError('ItemNotFound', `no setting ${key}`);
      this.isNullObject = missing;
    });
  }
  protected compute(): unknown {
    return this.ctx.book.settings.get(this.key);
  }
  get value(): unknown {
    return this.read('value');
  }
  delete(): void {
    this.ctx.queue(() => this.ctx.book.settings.delete(this.key));
  }
}

/** Excel's application: how it calculates. */
class FakeApplication extends ClientObject {
  protected compute(prop: string): unknown {
    if (prop !== 'calculationMode')
      throw new OfficeError('InvalidArgument', `fake application cannot load ${prop}`);
    return this.ctx.book.calculation === 'manual' ? 'Manual' : 'Automatic';
  }
  get calculationMode(): string {
    return this.read('calculationMode');
  }
}

/** The event Excel passes to worksheets.onChanged handlers. */
export interface FakeChange {
  readonly type: 'WorksheetChanged';
  readonly changeType: Change['changeType'];
  readonly source: 'Local';
  readonly worksheetId: string;
  readonly address: string;
}

type Handler<E> = (event: E) => Promise<unknown> | void;

class FakeEvent<E> {
  constructor(
    private readonly ctx: FakeContext,
    private readonly subscribe: (handler: Handler<E>) => () => void,
  ) {}
  add(handler: Handler<E>): { remove(): void } {
    let off: (() => void) | undefined;
    this.ctx.queue(() => (off = this.subscribe(handler)));
    return { remove: () => this.ctx.queue(() => off?.()) };
  }
}

class FakeWorksheets extends ClientObject {
  protected compute(prop: string): unknown {
    const field = /^items\/(name|id|visibility)$/.exec(prop)?.[1] as 'name' | 'id' | 'visibility' | undefined;
    if (!field) throw new OfficeError('InvalidArgument', `fake worksheets cannot load ${prop}`);
    return this.ctx.book.sheets.map((s) => s[field]);
  }
  /** Each sheet with the fields loaded, as Office.js fills `items`. */
  get items(): { name: string; id: string; visibility: string }[] {
    const fields = ['name', 'id', 'visibility'].filter((f) => this.loaded.has(`items/${f}`));
    if (!fields.length) this.read('items/name');
    const columns = fields.map((f) => [f, this.loaded.get(`items/${f}`) as string[]] as const);
    return columns[0]![1].map((_, i) => Object.fromEntries(columns.map(([f, list]) => [f, list[i]]))) as {
      name: string;
      id: string;
      visibility: string;
    }[];
  }
  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => this.ctx.book.activeSheet());
  }
  getItem(nameOrId: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => this.ctx.book.sheet(nameOrId));
  }
  getItemOrNullObject(nameOrId: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => this.ctx.book.sheet(nameOrId), true);
  }
  readonly onChanged = new FakeEvent<FakeChange>(this.ctx, (handler) => {
    const listener = (c: Change) =>
      void handler({
        type: 'WorksheetChanged',
        changeType: c.changeType,
        source: 'Local',
        worksheetId: c.sheetId,
        address: c.address,
      });
    this.ctx.book.changeListeners.add(listener);
    return () => this.ctx.book.changeListeners.delete(listener);
  });
  private sheetEvent(type: 'added' | 'deleted' | 'renamed') {
    return new FakeEvent<{ worksheetId: string }>(this.ctx, (handler) => {
      const listener = (e: { type: string; sheetId: string }) => {
        if (e.type === type) setTimeout(() => void handler({ worksheetId: e.sheetId }), 0);
      };
      this.ctx.book.sheetListeners.add(listener);
      return () => this.ctx.book.sheetListeners.delete(listener);
    });
  }
  readonly onAdded = this.sheetEvent('added');
  readonly onDeleted = this.sheetEvent('deleted');
  /** ExcelApi 1.17: a host that asks for it checks isSetSupported first. */
  readonly onNameChanged = this.sheetEvent('renamed');

  add(name: string): FakeWorksheet {
    this.ctx.queue(() => {
      if (this.ctx.book.sheet(name)) throw new OfficeError('ItemAlreadyExists', name);
      this.ctx.book.addSheet(name);
    });
    return this.getItem(name);
  }
}

export class FakeContext {
  private ops: Op[] = [];
  readonly workbook;
  readonly book: Book;
  constructor(readonly excel: FakeExcel) {
    this.book = excel.book;
    this.workbook = {
      worksheets: new FakeWorksheets(this),
      application: new FakeApplication(this),
      settings: {
        getItemOrNullObject: (key: string) => new FakeSetting(this, key, true),
        getItem: (key: string) => new FakeSetting(this, key, false),
        add: (key: string, value: string) => this.queue(() => this.book.settings.set(key, value)),
      },
    };
  }

  queue(op: Op): void {
    this.ops.push(op);
  }

  async sync(): Promise<void> {
    this.excel.syncs++;
    const failure = this.excel.failNextSync;
    if (failure) {
      this.excel.failNextSync = undefined;
      this.ops = [];
      throw failure;
    }
    const ops = this.ops;
    this.ops = [];
    try {
      for (const op of ops) op();
    } finally {
      this.book.settle();
    }
  }
}

/** Excel: the workbook model, reached through Office.js, with every sync counted. */
export class FakeExcel {
  readonly book = new Book();
  syncs = 0;
  /** The next sync fails with this error, as Excel does while a cell is being edited. */
  failNextSync?: OfficeError;

  get sheets(): Sheet[] {
    return this.book.sheets;
  }
  get settings(): Map<string, string> {
    return this.book.settings;
  }
  get active(): string {
    return this.book.active;
  }
  set active(name: string) {
    this.book.active = name;
  }
  get version(): number {
    return this.book.version;
  }
  watch(watcher: () => void): () => void {
    return this.book.watch(watcher);
  }

  addSheet(name: string): Sheet {
    return this.book.addSheet(name);
  }

  sheet(name: string): Sheet {
    const s = this.book.sheet(name);
    if (!s) throw new OfficeError('ItemNotFound', `no worksheet ${name}`);
    return s;
  }

  /** The clerk types values into cells (one change event per cell, as Excel raises them). */
  edit(sheetName: string, address: string, value: RawValue): void;
  edit(sheetName: string, entries: readonly (readonly [string, RawValue])[]): void;
  edit(sheetName: string, target: string | readonly (readonly [string, RawValue])[], value?: RawValue): void {
    this.book.edit(sheetName, typeof target === 'string' ? [[target, value ?? '']] : target);
  }

  /** The clerk clicks a cell or a sheet tab. */
  select(sheetName: string, address?: string): void {
    this.book.select(sheetName, address);
  }

  /** The clerk fills cells with a colour. */
  fill(sheetName: string, address: string, fill: Fill): void {
    this.book.fill(sheetName, address, fill);
  }

  context(): FakeContext {
    return new FakeContext(this);
  }

  /** Excel.run, against this workbook. */
  readonly run = async <T>(batch: (ctx: Excel.RequestContext) => Promise<T>): Promise<T> =>
    batch(this.context() as unknown as Excel.RequestContext);
}

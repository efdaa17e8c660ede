/**
 * An in-memory Excel that behaves like Office.js where nianbao relies on it: calls are queued and
 * run at `sync()`, properties cannot be read before `load` + `sync`, values are 2-D arrays with ""
 * for empty, every sync is counted, and value changes raise worksheet onChanged events after the
 * sync, as Excel does for edits by the user and by code alike.
 */
import { type Area, areaAddress, parseArea, toAddress } from '../report/address.js';
import type { RawValue } from '../report/types.js';

export interface FakeFill {
  pattern: string;
  color: string;
}

export interface FakeCell {
  value: RawValue;
  fill: FakeFill;
  /** Everything else written to the cell's format, by path: 「font.bold」, 「borders.EdgeTop.style」… */
  format: Record<string, unknown>;
  numberFormat?: string;
  validation?: { rule?: unknown; prompt?: unknown; errorAlert?: unknown };
}

const NO_FILL: FakeFill = { pattern: 'None', color: '#FFFFFF' };

let sheetIds = 0;

export class FakeSheet {
  readonly id = `{fake-sheet-${++sheetIds}}`;
  readonly cells = new Map<string, FakeCell>();
  protected = false;
  protectOptions?: { allowFormatCells?: boolean };
  selected?: string;
  readonly merges: string[] = [];
  readonly pageLayout: Record<string, unknown> = {};
  constructor(public name: string) {}

  cell(row: number, col: number): FakeCell {
    const key = toAddress({ row, col });
    let c = this.cells.get(key);
    if (!c) this.cells.set(key, (c = { value: '', fill: { ...NO_FILL }, format: {} }));
    return c;
  }

  setValues(grid: readonly (readonly RawValue[])[], top = 0, left = 0): void {
    grid.forEach((row, r) => row.forEach((v, c) => (this.cell(top + r, left + c).value = v ?? '')));
  }

  /** The used range of values, as Excel computes it. */
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

  snapshot(): Record<string, FakeCell> {
    return Object.fromEntries([...this.cells].map(([a, c]) => [a, structuredClone(c)]));
  }
}

export class OfficeError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

type Op = () => void;

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
    for (const p of typeof props === 'string' ? props.split(',').map((s) => s.trim()) : props) {
      // Loading a null object is allowed; its properties stay empty.
      this.ctx.queue(() => this.loaded.set(p, this.isNullObject ? null : this.compute(p)));
    }
    return this;
  }
}

class FakeFillFormat {
  constructor(
    private readonly ctx: FakeContext,
    private readonly cells: () => FakeCell[],
    private readonly sheet?: () => FakeSheet,
  ) {}
  /** As Excel: no formatting on a protected sheet unless its protection allows it. */
  private guard(): void {
    const s = this.sheet?.();
    if (s?.protected && !s.protectOptions?.allowFormatCells)
      throw new OfficeError('AccessDenied', 'The cell or chart you are trying to change is protected.');
  }
  set color(color: string) {
    this.ctx.queue(() => {
      this.guard();
      this.cells().forEach((c) => (c.fill = { pattern: 'Solid', color: color.toUpperCase() }));
    });
  }
  clear(): void {
    this.ctx.queue(() => {
      this.guard();
      this.cells().forEach((c) => (c.fill = { ...NO_FILL }));
    });
  }
}

/** Records whatever is written below range.format on every cell of the range, at sync. */
function formatRecorder(
  ctx: FakeContext,
  cells: () => FakeCell[],
  sheet?: () => FakeSheet,
  path: string[] = [],
): object {
  const fill = new FakeFillFormat(ctx, cells, sheet);
  return new Proxy(
    {},
    {
      get: (_t, prop: string) => {
        if (path.length === 0 && prop === 'fill') return fill;
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

export class FakeRange extends ClientObject {
  readonly format: { fill: FakeFillFormat } & Record<string, unknown>;
  readonly dataValidation: Record<string, unknown>;
  constructor(
    ctx: FakeContext,
    private readonly sheet: () => FakeSheet,
    private readonly areas: () => Area[] | undefined,
  ) {
    super(ctx);
    this.format = formatRecorder(ctx, () => this.cellsOf(), sheet) as FakeRange['format'];
    this.dataValidation = new Proxy(
      {},
      {
        set: (_t, prop: string, value: unknown) => {
          ctx.queue(() => this.cellsOf().forEach((c) => ((c.validation ??= {})[prop as 'rule'] = value)));
          return true;
        },
      },
    );
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
      grid.forEach((row, r) => row.forEach((v, c) => (this.sheet().cell(a.top + r, a.left + c).value = v)));
      this.ctx.excel.changed(this.sheet(), a);
    });
  }

  set numberFormat(formats: string[][]) {
    this.ctx.queue(() => this.cellsOf().forEach((c) => (c.numberFormat = formats[0]![0])));
  }

  merge(_across?: boolean): void {
    this.ctx.queue(() => {
      const a = this.area();
      this.sheet().merges.push(
        `${toAddress({ row: a.top, col: a.left })}:${toAddress({ row: a.bottom, col: a.right })}`,
      );
    });
  }

  private cellsOf(): FakeCell[] {
    const s = this.sheet();
    const out: FakeCell[] = [];
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
    switch (prop) {
      case 'values':
        return rows.map((r) => cols.map((c) => s.cell(r, c).value ?? ''));
      case 'address':
        return `${s.name}!${toAddress({ row: a.top, col: a.left })}:${toAddress({ row: a.bottom, col: a.right })}`;
      default:
        throw new OfficeError('InvalidArgument', `fake range cannot load ${prop}`);
    }
  }

  get values(): RawValue[][] {
    return this.read('values');
  }

  get address(): string {
    return this.read('address');
  }

  getCellProperties(_options: unknown): { readonly value: { format: { fill: FakeFill } }[][] } {
    const result = new ClientResult<{ format: { fill: FakeFill } }[][]>();
    this.ctx.queue(() => {
      if (this.isNullObject) return result.set([]);
      const a = this.area();
      const s = this.sheet();
      result.set(
        Array.from({ length: a.bottom - a.top + 1 }, (_, r) =>
          Array.from({ length: a.right - a.left + 1 }, (_, c) => ({
            format: { fill: { ...s.cell(a.top + r, a.left + c).fill } },
          })),
        ),
      );
    });
    return result;
  }

  select(): void {
    this.ctx.queue(() => {
      const a = this.area();
      this.sheet().selected = toAddress({ row: a.top, col: a.left });
    });
  }
}

class ClientResult<T> {
  private done = false;
  private v?: T;
  set(v: T): void {
    this.v = v;
    this.done = true;
  }
  get value(): T {
    if (!this.done)
      throw new OfficeError('PropertyNotLoaded', 'The value of the result object has not been loaded yet.');
    return this.v!;
  }
}

export class FakeWorksheet extends ClientObject {
  readonly protection: ClientObject & {
    readonly protected: boolean;
    readonly options: { allowFormatCells: boolean };
    protect(options?: FakeSheet['protectOptions']): void;
  };
  readonly pageLayout: Record<string, unknown>;
  constructor(
    ctx: FakeContext,
    private readonly resolve: () => FakeSheet,
  ) {
    super(ctx);
    const sheet = this.resolve;
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
      protect(options?: FakeSheet['protectOptions']): void {
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

  protected compute(prop: string): unknown {
    if (prop === 'name') return this.resolve().name;
    if (prop === 'id') return this.resolve().id;
    throw new OfficeError('InvalidArgument', `fake worksheet cannot load ${prop}`);
  }

  get name(): string {
    return this.read('name');
  }

  get id(): string {
    return this.read('id');
  }

  getUsedRangeOrNullObject(_valuesOnly?: boolean): FakeRange {
    let areas: Area[] | undefined;
    const range = new FakeRange(this.ctx, this.resolve, () => areas);
    this.ctx.queue(() => {
      const a = this.resolve().usedArea();
      areas = a ? [a] : undefined;
      range.isNullObject = !a;
    });
    return range;
  }

  getRange(address: string): FakeRange {
    return new FakeRange(this.ctx, this.resolve, () => [parseArea(address)]);
  }

  getRanges(addresses: string): FakeRange {
    const list = addresses.split(',');
    return new FakeRange(this.ctx, this.resolve, () => {
      // Measured in Excel: a getRanges call with many more areas fails.
      if (list.length > 500) throw new OfficeError('InvalidArgument', 'getRanges: too many areas');
      return list.map(parseArea);
    });
  }

  activate(): void {
    this.ctx.queue(() => (this.ctx.excel.active = this.resolve().name));
  }
}

class FakeSetting extends ClientObject {
  constructor(
    ctx: FakeContext,
    private readonly key: string,
  ) {
    super(ctx);
    ctx.queue(() => (this.isNullObject = !ctx.excel.settings.has(key)));
  }
  protected compute(): unknown {
    return this.ctx.excel.settings.get(this.key);
  }
  get value(): unknown {
    return this.read('value');
  }
}

export interface FakeChange {
  readonly type: 'WorksheetChanged';
  readonly changeType: 'RangeEdited';
  readonly source: 'Local';
  readonly worksheetId: string;
  readonly address: string;
}

type ChangeHandler = (event: FakeChange) => Promise<unknown> | void;

export class FakeExcel {
  readonly sheets: FakeSheet[] = [];
  readonly settings = new Map<string, string>();
  active = '';
  syncs = 0;
  /** The next sync fails with this error, as Excel does while a cell is being edited. */
  failNextSync?: OfficeError;
  readonly changeHandlers: ChangeHandler[] = [];
  private readonly pending: FakeChange[] = [];
  private readonly watchers = new Set<() => void>();

  /** Called after every sync and every edit: a view of the workbook re-renders from here. */
  watch(watcher: () => void): () => void {
    this.watchers.add(watcher);
    return () => this.watchers.delete(watcher);
  }

  /** Records a change to raise once the current sync is over. */
  changed(sheet: FakeSheet, area: Area): void {
    this.pending.push({
      type: 'WorksheetChanged',
      changeType: 'RangeEdited',
      source: 'Local',
      worksheetId: sheet.id,
      address: areaAddress(area),
    });
  }

  /** Bumped whenever the workbook may have changed. */
  version = 0;

  /** After a sync or an edit: watchers re-render; change handlers run later, as in Excel. */
  settle(): void {
    this.version++;
    for (const w of this.watchers) w();
    const events = this.pending.splice(0);
    if (!events.length) return;
    setTimeout(() => {
      for (const e of events) for (const h of this.changeHandlers) void h(e);
    }, 0);
  }

  /** The clerk types values into cells (one change event per cell, as Excel raises them). */
  edit(sheetName: string, address: string, value: RawValue): void;
  edit(sheetName: string, entries: readonly (readonly [string, RawValue])[]): void;
  edit(sheetName: string, target: string | readonly (readonly [string, RawValue])[], value?: RawValue): void {
    const sheet = this.sheet(sheetName);
    const entries = typeof target === 'string' ? [[target, value ?? ''] as const] : target;
    for (const [address, v] of entries) {
      const a = parseArea(address);
      sheet.cell(a.top, a.left).value = v;
      this.changed(sheet, a);
    }
    this.settle();
  }

  /** The clerk clicks a cell or a sheet tab. */
  select(sheetName: string, address?: string): void {
    this.active = this.sheet(sheetName).name;
    if (address) this.sheet(sheetName).selected = address;
    this.settle();
  }

  addSheet(name: string): FakeSheet {
    const s = new FakeSheet(name);
    this.sheets.push(s);
    this.active ||= name;
    return s;
  }

  sheet(name: string): FakeSheet {
    const s = this.sheets.find((x) => x.name === name);
    if (!s) throw new OfficeError('ItemNotFound', `no worksheet ${name}`);
    return s;
  }

  context(): FakeContext {
    return new FakeContext(this);
  }

  /** Excel.run, against this workbook. */
  readonly run = async <T>(batch: (ctx: Excel.RequestContext) => Promise<T>): Promise<T> =>
    batch(this.context() as unknown as Excel.RequestContext);
}

class FakeWorksheets extends ClientObject {
  protected compute(prop: string): unknown {
    const field = /^items\/(name|id)$/.exec(prop)?.[1] as 'name' | 'id' | undefined;
    if (!field) throw new OfficeError('InvalidArgument', `fake worksheets cannot load ${prop}`);
    return this.ctx.excel.sheets.map((s) => s[field]);
  }
  /** Each sheet with the fields loaded, as Office.js fills `items`. */
  get items(): { name: string; id: string }[] {
    const fields = ['name', 'id'].filter((f) => this.loaded.has(`items/${f}`));
    if (!fields.length) this.read('items/name');
    const columns = fields.map((f) => [f, this.loaded.get(`items/${f}`) as string[]] as const);
    return columns[0]![1].map((_, i) => Object.fromEntries(columns.map(([f, list]) => [f, list[i]]))) as {
      name: string;
      id: string;
    }[];
  }
  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => this.ctx.excel.sheet(this.ctx.excel.active));
  }
  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => this.ctx.excel.sheet(name));
  }
  readonly onChanged = {
    add: (handler: ChangeHandler) => {
      this.ctx.queue(() => this.ctx.excel.changeHandlers.push(handler));
      return {
        remove: () =>
          this.ctx.queue(() => {
            const i = this.ctx.excel.changeHandlers.indexOf(handler);
            if (i >= 0) this.ctx.excel.changeHandlers.splice(i, 1);
          }),
      };
    },
  };

  add(name: string): FakeWorksheet {
    this.ctx.queue(() => {
      if (this.ctx.excel.sheets.some((s) => s.name === name))
        throw new OfficeError('ItemAlreadyExists', name);
      this.ctx.excel.sheets.push(new FakeSheet(name));
    });
    return this.getItem(name);
  }
}

export class FakeContext {
  private ops: Op[] = [];
  readonly workbook;
  constructor(readonly excel: FakeExcel) {
    this.workbook = {
      worksheets: new FakeWorksheets(this),
      settings: {
        getItemOrNullObject: (key: string) => new FakeSetting(this, key),
        add: (key: string, value: string) => this.queue(() => excel.settings.set(key, value)),
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
      this.excel.settle();
    }
  }
}

/**
 * An in-memory Excel that behaves like Office.js where nianbao relies on it: calls are queued and
 * run at `sync()`, properties cannot be read before `load` + `sync`, values are 2-D arrays with ""
 * for empty, and every sync is counted.
 */
import { type Area, parseArea, toAddress } from '../../src/report/address.js';
import type { RawValue } from '../../src/report/report.js';

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

export class FakeSheet {
  readonly cells = new Map<string, FakeCell>();
  protected = false;
  protectOptions?: unknown;
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
  ) {}
  set color(color: string) {
    this.ctx.queue(() =>
      this.cells().forEach((c) => (c.fill = { pattern: 'Solid', color: color.toUpperCase() })),
    );
  }
  clear(): void {
    this.ctx.queue(() => this.cells().forEach((c) => (c.fill = { ...NO_FILL })));
  }
}

/** Records whatever is written below range.format on every cell of the range, at sync. */
function formatRecorder(ctx: FakeContext, cells: () => FakeCell[], path: string[] = []): object {
  const fill = new FakeFillFormat(ctx, cells);
  return new Proxy(
    {},
    {
      get: (_t, prop: string) => {
        if (path.length === 0 && prop === 'fill') return fill;
        if (prop === 'getItem') return (item: string) => formatRecorder(ctx, cells, [...path, item]);
        return formatRecorder(ctx, cells, [...path, prop]);
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
    this.format = formatRecorder(ctx, () => this.cellsOf()) as FakeRange['format'];
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
  readonly protection: ClientObject & { readonly protected: boolean; protect(options?: unknown): void };
  readonly pageLayout: Record<string, unknown>;
  constructor(
    ctx: FakeContext,
    private readonly resolve: () => FakeSheet,
  ) {
    super(ctx);
    const sheet = this.resolve;
    this.protection = new (class extends ClientObject {
      protected compute(): unknown {
        return sheet().protected;
      }
      get protected(): boolean {
        return this.read('protected');
      }
      protect(options?: unknown): void {
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
    throw new OfficeError('InvalidArgument', `fake worksheet cannot load ${prop}`);
  }

  get name(): string {
    return this.read('name');
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

export class FakeExcel {
  readonly sheets: FakeSheet[] = [];
  readonly settings = new Map<string, string>();
  active = '';
  syncs = 0;

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
    if (prop !== 'items/name')
      throw new OfficeError('InvalidArgument', `fake worksheets cannot load ${prop}`);
    return this.ctx.excel.sheets.map((s) => ({ name: s.name }));
  }
  get items(): { name: string }[] {
    return this.read('items/name');
  }
  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => this.ctx.excel.sheet(this.ctx.excel.active));
  }
  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => this.ctx.excel.sheet(name));
  }
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
    const ops = this.ops;
    this.ops = [];
    for (const op of ops) op();
  }
}

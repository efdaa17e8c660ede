import { type Area, parseArea, parseAddress } from './address.js';
import { canonical } from './labels.js';
import { LAYOUTS } from './layouts.js';
import { TABLE_PART } from './parts.js';
import { type CellKey, type CellKind, type Edition, EDITIONS, type TableId, TABLE_IDS } from './types.js';

export interface LabelSpec {
  readonly text: string;
  /** The label's merged area, or its single cell. */
  readonly area: Area;
}

export interface DataCellSpec {
  readonly key: CellKey;
  readonly kind: CellKind;
  readonly table: TableId;
  readonly row: string;
  readonly column: string;
  /** Position of the (top-left of the) cell within its table grid. */
  readonly area: Area;
  /** What a clerk calls the cell, derived from its row and column labels, e.g. 「（七）总计·自然人」. */
  readonly name: string;
  /** The row part of `name` (「（七）总计」), empty for a table without row labels. */
  readonly rowName: string;
  /** The column part of `name` (「自然人」, 「行政复议·总计」). */
  readonly columnName: string;
}

export interface TableSpec {
  readonly id: TableId;
  readonly edition: Edition;
  readonly title: string;
  readonly rows: number;
  readonly columns: number;
  readonly labels: readonly LabelSpec[];
  readonly merges: readonly Area[];
  readonly cells: readonly DataCellSpec[];
}

export function parseKey(key: CellKey): { table: TableId; row: string; column: string } {
  const [table, row, column] = key.split('.');
  if (!TABLE_IDS.includes(table as TableId) || !row || !column) throw new Error(`not a cell key: ${key}`);
  return { table: table as TableId, row, column };
}

/** Drops a trailing remark in brackets: 「（二）部分公开（区分处理的…）」 → 「（二）部分公开」. */
function shortLabel(text: string): string {
  const m = /^(.+?)（[^（）]*）$/.exec(text);
  return m && !/^（[^）]*）$/.test(m[1]!) ? m[1]! : text;
}

function rowLabels(labels: readonly LabelSpec[], area: Area): LabelSpec[] {
  return labels
    .filter((l) => l.area.top <= area.top && l.area.bottom >= area.top && l.area.right < area.left)
    .sort((a, b) => b.area.left - a.area.left);
}

/**
 * `dataBottoms` holds, for each column, the bottom rows of the data cells over it: the module builds
 * every table when it loads, and comparing each cell with every other took most of that time.
 */
function columnLabels(
  labels: readonly LabelSpec[],
  dataBottoms: ReadonlyMap<number, readonly number[]>,
  area: Area,
): LabelSpec[] {
  const col = area.left;
  const above = labels.filter((l) => l.area.left <= col && l.area.right >= col && l.area.bottom < area.top);
  const header = Math.max(-1, ...above.map((l) => l.area.bottom));
  // The header block ends at the data row above it: 「上一年项目数量」 belongs to its own section only.
  let floor = -1;
  for (const bottom of dataBottoms.get(col) ?? []) if (bottom < header && bottom > floor) floor = bottom;
  return above.filter((l) => l.area.bottom > floor).sort((a, b) => b.area.bottom - a.area.bottom);
}

function rowName(path: readonly LabelSpec[]): string {
  const [inner, parent] = path;
  if (!inner) return '';
  const own = shortLabel(inner.text);
  return /^\d/.test(own) && parent ? `${shortLabel(parent.text)} ${own}` : own;
}

interface CellName {
  readonly name: string;
  readonly rowName: string;
  readonly columnName: string;
}

/** What a clerk calls each data cell of a table, from its row and column labels. */
function cellNames(labels: readonly LabelSpec[], dataAreas: readonly Area[]): CellName[] {
  const dataBottoms = new Map<number, number[]>();
  for (const d of dataAreas)
    for (let c = d.left; c <= d.right; c++) {
      const list = dataBottoms.get(c);
      if (list) list.push(d.bottom);
      else dataBottoms.set(c, [d.bottom]);
    }
  const drafts = dataAreas.map((area) => ({
    rowPart: rowName(rowLabels(labels, area)),
    cols: columnLabels(labels, dataBottoms, area),
  }));
  // A column label that recurs (「结果维持」 under three groups) is named with its group.
  const columnOf = (d: (typeof drafts)[number], depth: number): string =>
    d.cols
      .slice(0, depth)
      .reverse()
      .map((l) => shortLabel(l.text))
      .join('·');
  // Names by cell and depth, each made once.
  const names = drafts.map(() => new Map<number, string>());
  const nameAt = (i: number, depth: number): string => {
    let name = names[i]!.get(depth);
    if (name === undefined) {
      const d = drafts[i]!;
      name = [d.rowPart, columnOf(d, depth)].filter(Boolean).join('·');
      names[i]!.set(depth, name);
    }
    return name;
  };
  // A cell is named with as many column labels as make its name unique: names at each depth are
  // counted once, not compared pair by pair.
  const counts = new Map<number, Map<string, number>>();
  const countAt = (depth: number): Map<string, number> => {
    let count = counts.get(depth);
    if (!count) {
      count = new Map();
      for (let i = 0; i < drafts.length; i++)
        count.set(nameAt(i, depth), (count.get(nameAt(i, depth)) ?? 0) + 1);
      counts.set(depth, count);
    }
    return count;
  };
  return drafts.map((d, i) => {
    let depth = 1;
    while (depth < d.cols.length && countAt(depth).get(nameAt(i, depth))! > 1) depth++;
    return { name: nameAt(i, depth), rowName: d.rowPart, columnName: columnOf(d, depth) };
  });
}

/** A data cell of the model; its name is made when first asked for (see buildTable). */
class CellSpec implements DataCellSpec {
  readonly row: string;
  readonly column: string;
  constructor(
    readonly key: CellKey,
    readonly kind: CellKind,
    readonly table: TableId,
    readonly area: Area,
    private readonly index: number,
    private readonly naming: () => readonly CellName[],
  ) {
    ({ row: this.row, column: this.column } = parseKey(key));
  }
  get name(): string {
    return this.naming()[this.index]!.name;
  }
  get rowName(): string {
    return this.naming()[this.index]!.rowName;
  }
  get columnName(): string {
    return this.naming()[this.index]!.columnName;
  }
}

function buildTable(edition: Edition, id: TableId): TableSpec {
  const layout = LAYOUTS[edition][id];
  const merges = layout.merges.map(parseArea);
  const mergeAt = new Map(merges.map((m) => [`${m.top},${m.left}`, m]));
  const areaOf = (cell: string): Area => {
    const p = parseAddress(cell);
    return mergeAt.get(`${p.row},${p.col}`) ?? { top: p.row, left: p.col, bottom: p.row, right: p.col };
  };
  const labels = layout.labels.map(([cell, text]) => ({ text, area: areaOf(cell) }));
  const dataAreas = layout.cells.map(([cell]) => areaOf(cell));
  // Names are for messages: made for a table the first time one of its cells is named, not when the
  // module loads, where they were most of the command line's start.
  let names: readonly CellName[] | undefined;
  const naming = () => (names ??= cellNames(labels, dataAreas));
  const cells = layout.cells.map(([, key, kind], i) => new CellSpec(key, kind, id, dataAreas[i]!, i, naming));
  return {
    id,
    edition,
    title: TABLE_PART[id],
    rows: layout.rows,
    columns: layout.columns,
    labels,
    merges,
    cells,
  };
}

const TABLES = new Map<string, TableSpec>();
for (const edition of EDITIONS)
  for (const id of TABLE_IDS) TABLES.set(`${edition}.${id}`, buildTable(edition, id));

export function tableSpec(edition: Edition, id: TableId): TableSpec {
  return TABLES.get(`${edition}.${id}`)!;
}

export function tableSpecs(edition: Edition): TableSpec[] {
  return TABLE_IDS.map((id) => tableSpec(edition, id));
}

let labelForms: ReadonlySet<string> | undefined;

/** Whether a text in its canonical form (see labels.ts) is a label of a table of either edition. */
export function isTableLabel(canonicalForm: string): boolean {
  labelForms ??= new Set(
    EDITIONS.flatMap((e) => tableSpecs(e).flatMap((t) => t.labels.map((l) => canonical(l.text)))),
  );
  return labelForms.has(canonicalForm);
}

const CELLS = new Map<Edition, Map<CellKey, DataCellSpec>>(
  EDITIONS.map((e) => [e, new Map(tableSpecs(e).flatMap((t) => t.cells.map((c) => [c.key, c] as const)))]),
);

export function cellSpecs(edition: Edition): ReadonlyMap<CellKey, DataCellSpec> {
  return CELLS.get(edition)!;
}

const LISTS = new Map<Edition, readonly DataCellSpec[]>(
  EDITIONS.map((e) => [e, [...CELLS.get(e)!.values()]]),
);
const INDEXES = new Map<Edition, ReadonlyMap<CellKey, number>>(
  EDITIONS.map((e) => [e, new Map(LISTS.get(e)!.map((c, i) => [c.key, i]))]),
);

/** The edition's data cells in layout order: a cell's place here is its index. */
export function cellList(edition: Edition): readonly DataCellSpec[] {
  return LISTS.get(edition)!;
}

/** Each data cell's index in cellList, for arrays by cell instead of maps by key. */
export function cellIndex(edition: Edition): ReadonlyMap<CellKey, number> {
  return INDEXES.get(edition)!;
}

export function cellSpec(edition: Edition, key: CellKey): DataCellSpec | undefined {
  return CELLS.get(edition)!.get(key);
}

/** Row keys of a table in layout order, e.g. t3 → r1, r2, r3_1 … r4. */
export function rowKeys(edition: Edition, id: TableId): string[] {
  return [...new Set(tableSpec(edition, id).cells.map((c) => c.row))];
}

export function columnKeys(edition: Edition, id: TableId): string[] {
  return [...new Set(tableSpec(edition, id).cells.map((c) => c.column))];
}

import { cellIndex, cellList } from '../../report/model.js';
import { TABLE_NAME } from '../../report/parts.js';
import { clipped } from '../../report/shown.js';
import { type CellKey, type Edition, EDITIONS, TABLE_IDS, type TableId } from '../../report/types.js';
import { type Context, finding, listCells, num, ref } from '../context.js';
import type { Finding } from '../../report/finding.js';
import { identities, isTotal } from '../../report/identities.js';
import { type Parsed, shown } from '../../report/parse-value.js';
import { UNIT_WRITTEN } from '../../report/validation.js';
import { tablesNotReadWhole } from '../../report/numbers-key.js';

const RULE_OF_KIND = { count: 'G-01', amount: 'G-02', signedChange: 'G-05' } as const;
/** Numbers of a published report written otherwise, from this many in a table on: one finding. */
const MANY_WRITTEN = 4;

interface Written {
  readonly table: TableId;
  readonly rule: (typeof RULE_OF_KIND)[keyof typeof RULE_OF_KIND];
  readonly cells: { key: CellKey; note: string }[];
}

/** Each edition's tables and their cells' indexes in cellList. */
const TABLE_CELLS = new Map(
  EDITIONS.map((e): [Edition, ReadonlyMap<TableId, readonly number[]>] => {
    const cells = new Map<TableId, number[]>(TABLE_IDS.map((t) => [t, []]));
    cellList(e).forEach((spec, i) => cells.get(spec.table)!.push(i));
    return [e, cells];
  }),
);

/**
 * Tables read but with nothing written in them: one finding each instead of one per cell. Each
 * table's cells are looked at up to the first with something in it, mostly its first.
 */
function emptyTables(ctx: Context): Set<TableId> {
  // A table whose copy did not give its rows whole may have its numbers there: not said unfilled.
  const unread = tablesNotReadWhole(ctx.report);
  const empty = new Set<TableId>();
  const cellsOf = TABLE_CELLS.get(ctx.report.edition)!;
  const tables = ctx.report.tables;
  for (let t = 0; t < tables.length; t++) {
    const table = tables[t]!;
    if (!unread.has(table) && !anyWritten(ctx.numbers.parsedAt, cellsOf.get(table)!)) empty.add(table);
  }
  return empty;
}

/** Whether any of the cells (by index) has something written in it. */
function anyWritten(parsed: readonly (Parsed | undefined)[], cells: readonly number[]): boolean {
  for (let j = 0; j < cells.length; j++) {
    const p = parsed[cells[j]!];
    if (p && p.status !== 'blank') return true;
  }
  return false;
}

/** A message made of a cell's reason and advice, ended as every message is. */
const sentence = (text: string) => (/[。！？]$/.test(text) ? text : `${text}。`);

/** What is wrong with a cell: a formula in a published text is no cell to reformat, as in a workbook. */
function problemOf(ctx: Context, p: Parsed & { status: 'invalid' }): string {
  if (p.formula === undefined || !ctx.report.published) return p.reason;
  return `写的是公式「${clipped(p.formula, 40)}」，不是数字`;
}

/**
 * The values the identities a cell is in give it (those with every other cell), each once: one
 * where they agree, more where another of their cells is wrong too; and the totals of those
 * identities other than the cell.
 */
function identitiesSay(ctx: Context, key: CellKey): { values: number[]; totals: CellKey[] } | undefined {
  const index = cellIndex(ctx.report.edition).get(key)!;
  const { known, valueAt } = ctx.numbers;
  const values: number[] = [];
  const totals: CellKey[] = [];
  for (const id of identities(ctx.report.edition)) {
    const coef = id.terms.get(key);
    if (!coef) continue;
    let rest = 0;
    let whole = true;
    for (let j = 0; j < id.termIndex.length && whole; j++) {
      const i = id.termIndex[j]!;
      if (i === index) continue;
      if (known[i]) rest += id.termCoef[j]! * valueAt[i]!;
      else whole = false;
    }
    if (!whole) continue;
    const said = -rest / coef;
    if (!values.includes(said)) values.push(said);
    if (id.total && id.total !== key) totals.push(id.total);
  }
  return values.length ? { values, totals } : undefined;
}

/** What the cell's message adds, and the fix to offer, from what it holds and what its sums say. */
interface Unread {
  /** Said instead of the parser's reason. */
  readonly problem?: string;
  readonly more?: string;
  readonly suggested?: number;
}

/**
 * A cell that cannot be read as a number (「五」, 「约21」) is left out of its sums. Where they all say
 * one value for it, that is said. A number in words the sums disagree with (Excel's SUM skips text,
 * so they say 0) gets no one-click fix: either the cell or its totals are wrong, and only the clerk
 * knows which.
 */
function unread(ctx: Context, key: CellKey, meant: number | undefined): Unread {
  const said = identitiesSay(ctx, key);
  const say = said?.values.length === 1 ? { value: said.values[0]!, totals: said.totals } : undefined;
  const fits = say !== undefined && say.value >= 0 && Number.isInteger(say.value);
  if (meant === undefined)
    return fits ? { more: `按表中合计此格应为 ${num(say.value)}`, suggested: say.value } : {};
  // Sums that disagree have another wrong cell among them: the number in words is offered only
  // where one of them holds it.
  if (!said || said.values.includes(meant)) return { suggested: meant };
  if (!say)
    return {
      problem: `${shown(String(ctx.report.cells.get(key)!.raw))}是汉字数字（即 ${num(meant)}），与表中合计都不符，各合计按此格算出的数也不一致（${said.values.map(num).join('、')}），同表另有格子填错`,
      more: '请先改正其他格，再按合计把此格写成阿拉伯数字',
    };
  const skipped = say.value === 0 ? '（求和时文字不计入）' : '';
  const totals = say.totals.length && !isTotal(ctx.report.edition, key) ? say.totals : [];
  const follow = totals.length ? `，并把${listCells(ctx, totals)}相应改正` : '，并核对相关合计';
  return {
    problem: `${shown(String(ctx.report.cells.get(key)!.raw))}是汉字数字（即 ${num(meant)}），而表中合计是按此格为 ${num(say.value)} 算的${skipped}`,
    more: `若应为 ${num(meant)}，请填 ${num(meant)}${follow}；若应为 ${num(say.value)}，请填 ${num(say.value)}`,
  };
}

/**
 * The cells (by index) that hold other than a plain number, in tables not empty: what a report's
 * cell findings are about, in most reports none. Looked for apart from what is said of them: what
 * every report runs compiles to little code.
 */
function unusualCells(ctx: Context, empty: ReadonlySet<TableId>): number[] {
  const list = cellList(ctx.report.edition);
  const parsed = ctx.numbers.parsedAt;
  const out: number[] = [];
  for (let i = 0; i < list.length; i++) {
    const p = parsed[i];
    // Most cells read as plain numbers: passed over before their table is looked up.
    if (!p || (p.status === 'ok' && !p.note) || empty.has(list[i]!.table)) continue;
    out.push(i);
  }
  return out;
}

/** G-01, G-02, G-05: what each cell holds; G-03: what was left blank. */
export function cellFindings(ctx: Context): Finding[] {
  const empty = emptyTables(ctx);
  const unusual = unusualCells(ctx, empty);
  return empty.size || unusual.length ? unusualFindings(ctx, empty, unusual) : [];
}

/** What is said of the empty tables and the unusual cells (see unusualCells). */
function unusualFindings(ctx: Context, empty: ReadonlySet<TableId>, unusual: readonly number[]): Finding[] {
  const out: Finding[] = [];
  const edition = ctx.report.edition;
  const blanks = new Map(TABLE_IDS.map((t) => [t, [] as CellKey[]]));
  for (const table of empty) {
    out.push(
      finding(ctx, {
        rule: 'G-03',
        table,
        cells: [],
        // A published report is no form to fill in: its table was published empty.
        message: ctx.report.published
          ? '原文中本表的格子都是空的：发布的年报应填写本表，没有的项目填 0。'
          : '本表尚未填写：没有的项目请填 0。',
      }),
    );
  }
  /** A workbook's counts written as text, and where their findings are in `out`. */
  const asText: { at: number; table: TableId; key: CellKey; note: string }[] = [];
  /** A published report's numbers written otherwise (「３４４０」, 「1,234」), by table and rule. */
  const written = new Map<string, Written>();
  const list = cellList(edition);
  for (const i of unusual) {
    const spec = list[i]!;
    const p = ctx.numbers.parsedAt[i]!;
    const rule = RULE_OF_KIND[spec.kind];
    const cells = [spec.key];
    if (p.status === 'invalid') {
      // A number that is no count (−1, 2.5) is in its sums already: they name the fix.
      const { problem, more, suggested } = p.value === undefined ? unread(ctx, spec.key, p.meant) : {};
      out.push(
        finding(ctx, {
          rule,
          table: spec.table,
          cells,
          ...(suggested !== undefined ? { culprit: spec.key, suggested } : {}),
          message: sentence(
            `${ref(ctx, spec.key)}：${problem ?? problemOf(ctx, p)}${more ? `；${more}` : ''}`,
          ),
        }),
      );
    } else if (p.status === 'ok' && p.note && ctx.report.published) {
      const group = `${spec.table}|${rule}`;
      if (!written.has(group)) written.set(group, { table: spec.table, rule, cells: [] });
      written.get(group)!.cells.push({ key: spec.key, note: p.note });
    } else if (p.status === 'ok' && p.note) {
      // 2019's procurement amount is to be written with its unit, as text (T2-19-06 asks for it):
      // telling the clerk to type a bare number instead would undo that advice.
      if (edition === '2019' && spec.key === UNIT_WRITTEN && !p.unit) continue;
      // A count written as text is fixed by typing the number itself; an amount keeps its unit.
      const fix = spec.kind === 'count' ? { culprit: spec.key, suggested: p.value } : {};
      if (spec.kind === 'count')
        asText.push({ at: out.length, table: spec.table, key: spec.key, note: p.note });
      out.push(
        finding(ctx, {
          rule,
          severity: 'warning',
          table: spec.table,
          cells,
          ...fix,
          message: sentence(`${ref(ctx, spec.key)}：${p.note}`),
        }),
      );
    } else if (p.status === 'blank') {
      if (isTotal(edition, spec.key)) out.push(blankTotal(ctx, spec.key));
      else blanks.get(spec.table)!.push(spec.key);
    }
  }
  // A few are said one by one; a page that writes them all so (全角数字) is one finding a table.
  for (const { table, rule, cells } of written.values()) {
    const draft = { rule, severity: 'warning', table } as const;
    if (cells.length < MANY_WRITTEN) {
      for (const c of cells)
        out.push(
          finding(ctx, { ...draft, cells: [c.key], message: sentence(`${ref(ctx, c.key)}：${c.note}`) }),
        );
      continue;
    }
    out.push(manyWritten(ctx, table, rule, cells, '个数的写法不规范'));
  }
  for (const [table, keys] of blanks) {
    if (!keys.length) continue;
    const counted = table === 't2' ? '（不参与计算）' : '（按 0 计入合计）';
    out.push(
      finding(ctx, {
        rule: 'G-03',
        table,
        cells: keys,
        message: `${TABLE_NAME[table]}有 ${keys.length} 格未填数字或填了「/」「—」${counted}：${listCells(ctx, keys)}。表格要求没有的填 0。`,
      }),
    );
  }
  return groupAsText(ctx, out, asText);
}

/** Numbers of a table written otherwise, many of them: one finding listing them, an example said. */
function manyWritten(
  ctx: Context,
  table: TableId,
  rule: Written['rule'],
  cells: readonly { key: CellKey; note: string }[],
  what: string,
): Finding {
  const keys = cells.map((c) => c.key);
  const { key, note } = cells[0]!;
  return finding(ctx, {
    rule,
    severity: 'warning',
    table,
    cells: keys,
    message: `${TABLE_NAME[table]}有 ${cells.length} ${what}，均已按数字读取，例如${ref(ctx, key)}：${note}。全部：${listCells(ctx, keys)}。`,
  });
}

/**
 * A table of a workbook with many counts as text (a Word table pasted into the sheet): one finding
 * in the place of their first (`at` in `out`), not one a cell. A few keep theirs, each with the
 * number to type.
 */
function groupAsText(
  ctx: Context,
  out: Finding[],
  asText: readonly { at: number; table: TableId; key: CellKey; note: string }[],
): Finding[] {
  const instead = new Map<number, Finding | undefined>();
  for (const table of TABLE_IDS) {
    const cells = asText.filter((c) => c.table === table);
    if (cells.length < MANY_WRITTEN) continue;
    instead.set(
      cells[0]!.at,
      manyWritten(ctx, table, 'G-01', cells, '格的数字是文本（如从 Word 粘贴的表格）'),
    );
    for (const c of cells.slice(1)) instead.set(c.at, undefined);
  }
  if (!instead.size) return out;
  return out.flatMap((f, i) => (instead.has(i) ? (instead.get(i) ?? []) : [f]));
}

function blankTotal(ctx: Context, key: CellKey): Finding {
  const value = ctx.numbers.values.get(key);
  const base = {
    rule: 'G-03',
    table: key.startsWith('t4') ? 't4' : 't3',
    cells: [key],
  } as const;
  if (value === undefined) {
    return finding(ctx, {
      ...base,
      message: `${ref(ctx, key)} 未填；其各项也未能全部读出，无法推算应填多少。`,
    });
  }
  return finding(ctx, {
    ...base,
    culprit: key,
    suggested: value,
    message: `${ref(ctx, key)} 未填：按各项之和应为 ${num(value)}，请填上。`,
  });
}

import type { CellKey, Edition, TableId } from '../../report/types.js';
import { cellIndex } from '../../report/model.js';
import { type Context, finding, num, ref, spec } from '../context.js';
import type { Finding } from '../../report/finding.js';
import { type Identity, identities } from '../../report/identities.js';
import { type Change, findCulprits, formsByCell, type LinearForm } from '../culprit.js';

/** The identity as Σ coef·cell = 0, with derived blank totals replaced by the cells they came from. */
function linearForm(ctx: Context, id: Identity): LinearForm {
  const derived = ctx.numbers.derivedFrom;
  return !derived.size || !id.cells.some((k) => derived.has(k)) ? id.terms : withDerivedParts(ctx, id);
}

/** The identity as Σ coef·cell = 0, a blank total in it taken apart into the cells it came from. */
function withDerivedParts(ctx: Context, id: Identity): LinearForm {
  const form = new Map<CellKey, number>();
  const add = (key: CellKey, coef: number): void => {
    const from = ctx.numbers.derivedFrom.get(key);
    if (from) for (const k of from.rhs) add(k, coef);
    else form.set(key, (form.get(key) ?? 0) + coef);
  };
  id.lhs.forEach((k) => add(k, 1));
  id.rhs.forEach((k) => add(k, -1));
  for (const [k, c] of form) if (c === 0) form.delete(k);
  return form;
}

function shown(ctx: Context, key: CellKey): string {
  const value = ctx.numbers.values.get(key)!;
  // 「2+(-1)+3」, not 「2+-1+3」.
  const v = value < 0 ? `(${num(value)})` : num(value);
  return ctx.numbers.derivedFrom.has(key) ? `${v}（未填，按各项推算）` : v;
}

/** 「2+0+3 = 5」, or only the non-zero terms when there are many. */
function sumText(ctx: Context, keys: readonly CellKey[]): string {
  const total = num(keys.reduce((s, k) => s + ctx.numbers.values.get(k)!, 0));
  if (keys.length <= 7) return `${keys.map((k) => shown(ctx, k)).join('+')} = ${total}`;
  const nonzero = keys.filter((k) => ctx.numbers.values.get(k) !== 0);
  if (nonzero.length === 0) return `0（各项均为 0）`;
  const zeros = keys.length - nonzero.length;
  return `${nonzero.map((k) => shown(ctx, k)).join('+')} = ${total}${zeros ? `（其余 ${zeros} 项为 0）` : ''}`;
}

function lineName(ctx: Context, id: Identity): string {
  const first = spec(ctx, id.lhs[0]!);
  if ('column' in id.along) return `「${first.columnName}」列`;
  if (id.table === 't4') return `「${first.columnName.split('·')[0]}」`;
  return `「${first.rowName}」行`;
}

function statement(ctx: Context, id: Identity): string {
  const line = lineName(ctx, id);
  const v = (k: CellKey): string => shown(ctx, k);
  switch (id.rule) {
    case 'T3-01': {
      const [r1, r2] = id.lhs as [CellKey, CellKey];
      const [r37, r4] = id.rhs as [CellKey, CellKey];
      const left = ctx.numbers.values.get(r1)! + ctx.numbers.values.get(r2)!;
      const right = ctx.numbers.values.get(r37)! + ctx.numbers.values.get(r4)!;
      return (
        `${line}：第一项加第二项之和应等于第三项加第四项之和，` +
        `而 本年新收 ${v(r1)} + 上年结转 ${v(r2)} = ${num(left)}，` +
        `办理结果总计 ${v(r37)} + 结转下年度 ${v(r4)} = ${num(right)}。`
      );
    }
    case 'T3-02':
      return `${line}：总计应等于各类申请人之和 ${sumText(ctx, id.rhs)}，实填 ${v(id.lhs[0]!)}。`;
    case 'T3-03':
      return `${line}：（七）总计应等于各项办理结果之和 ${sumText(ctx, id.rhs)}，实填 ${v(id.lhs[0]!)}。`;
    default:
      return `${line}：总计应等于 结果维持+结果纠正+其他结果+尚未审结 = ${sumText(ctx, id.rhs)}，实填 ${v(id.lhs[0]!)}。`;
  }
}

/** Which forms each cell is in: the same for every report whose table is whole and has no blank total. */
const STANDING = new Map<string, ReadonlyMap<CellKey, readonly number[]>>();

function cellsToForms(
  edition: Edition,
  table: TableId,
  ids: readonly Identity[],
  forms: readonly LinearForm[],
): ReadonlyMap<CellKey, readonly number[]> {
  const all = identities(edition).filter((id) => id.table === table);
  const standing = ids.length === all.length && forms.every((f, i) => f === ids[i]!.terms);
  if (!standing) return formsByCell(forms);
  const key = `${edition}|${table}`;
  let formsOf = STANDING.get(key);
  if (!formsOf) STANDING.set(key, (formsOf = formsByCell(forms)));
  return formsOf;
}

/**
 * Where a total falls short of its items by just the numbers typed as text among them (a Word table
 * pasted, its totals then made =SUM): Excel's and WPS's sums leave text out. Those items.
 */
function textSkipped(
  ctx: Context,
  id: Identity,
  form: LinearForm,
  residual: number,
  wrong: (k: CellKey) => boolean,
): CellKey[] | undefined {
  // A published report has no formulas: its numbers were all text. Only a total of items (T3-02,
  // T3-03, 表四's) is a sum a formula makes, and one read as written (no blank total in it).
  if (ctx.report.published || !id.total || form !== id.terms) return undefined;
  if (typeof ctx.report.cells.get(id.total)?.raw === 'string') return undefined;
  const index = cellIndex(ctx.report.edition);
  const text: CellKey[] = [];
  let skipped = 0;
  for (const [k, coef] of form) {
    if (coef >= 0 || typeof ctx.report.cells.get(k)?.raw !== 'string') continue;
    // Text read as the number it is (「462」, 「４６２」), not one that is no count (「-1」, 「约5」).
    const p = ctx.numbers.parsedAt[index.get(k)!];
    const v = ctx.numbers.values.get(k);
    if (p?.status !== 'ok' || v === undefined || v === 0) continue;
    text.push(k);
    skipped += coef * v;
  }
  return text.length && skipped === residual && !text.some(wrong) ? text : undefined;
}

/** What the card of the one cell typed as text that a sum left out says after its number. */
const TYPED_AS_TEXT = '该格是文本格式的数字，求和公式不计入，改为数字即可';

/** What to do about the text a sum left out. */
const sumSkips = (ctx: Context, text: readonly CellKey[]) =>
  `正好是文本格式的${text.map((k) => ref(ctx, k)).join('、')}：若合计是求和公式，公式不计入文本，把${text.length > 1 ? '这些格' : '该格'}改为数字即可。`;

/** The identities whose cells all have numbers, as linear forms, and what each leaves over. */
interface Balance {
  readonly checked: Identity[];
  readonly forms: LinearForm[];
  readonly residuals: number[];
  /** Those that leave something over. */
  readonly broken: Identity[];
  /** Each broken identity's form: a blank total in it stands for its parts, which may hold the culprit. */
  readonly formOf: Map<Identity, LinearForm>;
  readonly residualOf: Map<Identity, number>;
}

/** What the form leaves over with the cells' values: 0 where it holds. */
function leftOver(form: LinearForm, values: ReadonlyMap<CellKey, number>): number {
  let residual = 0;
  for (const [k, c] of form) residual += c * values.get(k)!;
  return residual;
}

/**
 * Every identity checked. What the broken ones take (most reports have none) is in a function of
 * its own (brokenFindings): this one, run for every report, compiles to little code.
 */
function balanceOf(ctx: Context): Balance {
  const { values, derivedFrom, known, valueAt } = ctx.numbers;
  const b: Balance = {
    checked: [],
    forms: [],
    residuals: [],
    broken: [],
    formOf: new Map(),
    residualOf: new Map(),
  };
  const ids = identities(ctx.report.edition);
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!;
    let all = true;
    for (let j = 0; j < id.cellIndex.length && all; j++) all = known[id.cellIndex[j]!] === 1;
    if (!all || (id.total && derivedFrom.size && derivedFrom.get(id.total) === id)) continue;
    const form = linearForm(ctx, id);
    let residual = 0;
    if (form === id.terms) {
      for (let j = 0; j < id.termIndex.length; j++) residual += id.termCoef[j]! * valueAt[id.termIndex[j]!]!;
    } else residual = leftOver(form, values);
    b.checked.push(id);
    b.forms.push(form);
    b.residuals.push(residual);
    if (residual !== 0) {
      b.broken.push(id);
      b.formOf.set(id, form);
      b.residualOf.set(id, residual);
    }
  }
  return b;
}

/** T3-01, T3-02, T3-03, T4-01…03: every identity, with the cell (or two) that explains what is broken. */
export function balanceFindings(ctx: Context): Finding[] {
  const b = balanceOf(ctx);
  return b.broken.length ? brokenFindings(ctx, b) : [];
}

/** The broken identities' findings, each with the cell (or two) that explains it. */
function brokenFindings(
  ctx: Context,
  { checked, forms, residuals, broken, formOf, residualOf }: Balance,
): Finding[] {
  const { values, derivedFrom } = ctx.numbers;

  // Tables share no cell: each is solved on its own, so an error in one does not blur another.
  const changesOf = new Map<TableId, Change[]>();
  for (const table of new Set(broken.map((id) => id.table))) {
    const mine: number[] = [];
    for (let i = 0; i < checked.length; i++) if (checked[i]!.table === table) mine.push(i);
    const tableForms = mine.map((i) => forms[i]!);
    changesOf.set(
      table,
      findCulprits({
        forms: tableForms,
        residuals: mine.map((i) => residuals[i]!),
        formsOf: cellsToForms(
          ctx.report.edition,
          table,
          mine.map((i) => checked[i]!),
          tableForms,
        ),
        values,
        changeable: (k) => !derivedFrom.has(k),
        admissible: (k, v) => v >= 0 && (spec(ctx, k).kind !== 'count' || Number.isInteger(v)),
      }) ?? [],
    );
  }

  // Totals short of their items by just the text among them (see textSkipped): said so wherever named.
  const skippedOf = new Map<Identity, { said: string; text: readonly CellKey[] }>();
  const shortTotals = new Map<CellKey, { amount: number; text: readonly CellKey[] }>();
  for (const id of broken) {
    const changes = changesOf.get(id.table) ?? [];
    // Not where the cell typed as text is the one the table's numbers call wrong (a 「５」 where 0 belongs).
    const wrong = (k: CellKey) => changes.some((c) => c.key === k);
    const residual = residualOf.get(id)!;
    const text = textSkipped(ctx, id, formOf.get(id)!, residual, wrong);
    if (!text) continue;
    skippedOf.set(id, { said: `相差的 ${num(-residual)} ${sumSkips(ctx, text)}`, text });
    shortTotals.set(id.total!, { amount: -residual, text });
  }

  return broken.map((id) => {
    const cells = id.cells;
    const form = formOf.get(id)!;
    const changes = changesOf.get(id.table) ?? [];
    const here = changes.filter((c) => cells.includes(c.key) || form.has(c.key));
    const skipped = skippedOf.get(id);
    const fact = statement(ctx, id) + (skipped?.said ?? '');
    const base = { rule: id.rule, table: id.table, cells, fact } as const;
    // Text left out of a sum is what to mend: no other cell is named, nor 「cannot tell」. One such
    // cell is the one to mend, with its own number: 改为 writes it as a number.
    if (skipped) {
      const [only, more] = skipped.text;
      const one = only !== undefined && more === undefined && cells.includes(only) ? only : undefined;
      return finding(ctx, {
        ...base,
        message: fact,
        ...(one ? { culprit: one, suggested: values.get(one)!, caveat: TYPED_AS_TEXT } : {}),
      });
    }
    if (here.length === 1) {
      const { key, delta, alone } = here[0]!;
      const suggested = values.get(key)! + delta;
      // The total named is one a sum of text left short (said on its own identity): no 改为 over it.
      const short = shortTotals.get(key);
      if (short && short.amount === delta)
        return finding(ctx, {
          ...base,
          message: `${fact}${ref(ctx, key)} 比其各项之和少了 ${num(delta)}，${sumSkips(ctx, short.text)}`,
        });
      // Named only because changing any other cell instead would make it negative: said, to be checked.
      const why = alone ? '改其他格都会出现负数，故推断为此格，请核对' : '';
      // Two or three cells wrong: this one alone does not mend every identity, and the message says so.
      const others = changes.length - 1;
      const other = others ? `同表另有${others === 1 ? '一' : ` ${others} `}格也需改正（见其他提示）` : '';
      const mends = other
        ? `改为 ${num(suggested)}；${other}，${others === 1 ? '两' : `${changes.length} `}格都改正后相关等式全部成立`
        : `改为 ${num(suggested)} 即可使相关等式全部成立`;
      const caveat = [other, why].filter(Boolean).join('；');
      return finding(ctx, {
        ...base,
        culprit: key,
        suggested,
        message: `${fact}最可能填错的是 ${ref(ctx, key)}：${mends}${why ? `（${why}）` : ''}。`,
        ...(caveat ? { caveat } : {}),
      });
    }
    if (here.length > 1) {
      const fixes = here
        .map((c) => `${ref(ctx, c.key)} 改为 ${num(values.get(c.key)! + c.delta)}`)
        .join('，');
      return finding(ctx, {
        ...base,
        message: `${fact}最可能填错的是以下 ${here.length} 格，都改正后相关等式全部成立：${fixes}。`,
      });
    }
    const what = 'column' in id.along ? '本列各格' : id.table === 't4' ? '这几格' : '本行各格';
    return finding(ctx, { ...base, message: `${fact}无法确定是哪一格填错，请核对${what}。` });
  });
}

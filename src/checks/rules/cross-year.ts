import { isCellAddress } from '../../report/address.js';
import { identities } from '../../report/identities.js';
import { columnKeys } from '../../report/model.js';
import type { CellKey } from '../../report/types.js';
import { address, type Context, finding, num, ref, type Side, spec } from '../context.js';
import type { Finding } from '../../report/finding.js';

function lastYear(prev: Side): string {
  return prev.report.year ? `上年（${prev.report.year} 年）报告` : '上年报告';
}

/**
 * A cell of last year's report, named and found: 「「四、结转…·自然人」（工作表「2023年度年报」D48）」,
 * in another file 「（2023年报.xlsx 工作表「2023年度年报」D48）」.
 */
function lastYearRef(prev: Side, key: CellKey): string {
  const name = `「${spec(prev, key).name}」`;
  const at = address(prev, key);
  if (!at) return name;
  const sheet = prev.report.sheets?.[spec(prev, key).table] ?? prev.report.source;
  const file = prev.report.file ? `${prev.report.file} ` : '';
  return sheet
    ? `${name}（${file}${isCellAddress(at) ? `工作表「${sheet}」${at}` : `${sheet} ${at}`}）`
    : `${name}（${file}${at}）`;
}

/**
 * Whether this year's table holds with `key` set to `value`: every identity the cell is in whose
 * other cells are read (a row's total, 新收 + 上年结转 = 办理结果 + 结转).
 */
function holdsWith(ctx: Context, key: CellKey, value: number): boolean {
  return identities(ctx.report.edition).every((id) => {
    const coef = id.terms.get(key);
    if (coef === undefined) return true;
    let sum = coef * value;
    for (const [k, c] of id.terms) {
      if (k === key) continue;
      const v = ctx.numbers.values.get(k);
      if (v === undefined) return true;
      sum += c * v;
    }
    return sum === 0;
  });
}

/** T3-05: what was carried forward last year is what is carried over this year, per column. */
function carryOver(ctx: Context, prev: Side): Finding[] {
  const out: Finding[] = [];
  for (const c of columnKeys(ctx.report.edition, 't3')) {
    const here = `t3.r2.${c}`;
    const there = `t3.r4.${c}`;
    const a = ctx.numbers.values.get(here);
    const b = prev.numbers.values.get(there);
    if (a === undefined || b === undefined || a === b) continue;
    const message = `${ref(ctx, here)} 填 ${num(a)}，而${lastYear(prev)}${lastYearRef(prev, there)}为 ${num(b)}，两者应当一致。`;
    // Last year's number is this cell's fix only where this year's own table agrees with it: where
    // the table balances with this cell as it is, changing it alone would unbalance the table.
    const fits = (v: number) => holdsWith(ctx, here, v);
    out.push(
      finding(ctx, {
        rule: 'T3-05',
        cells: [here],
        culprit: here,
        ...(fits(b) || !fits(a)
          ? { suggested: b, message }
          : {
              message: `${message}本年表三按 ${num(a)} 是平衡的：如上年无误，本格与本年新收或办理结果、结转下年度要一并改正，不能只改本格。`,
            }),
      }),
    );
  }
  return out;
}

function inForce2021(ctx: Context, prev: Side): Finding[] {
  const out: Finding[] = [];
  for (const row of ['rules', 'normative']) {
    const k = (c: string): CellKey => `t2.${row}.${c}`;
    const before = prev.numbers.values.get(k('inForce'));
    const issued = ctx.numbers.values.get(k('issued'));
    const repealed = ctx.numbers.values.get(k('repealed'));
    const now = ctx.numbers.values.get(k('inForce'));
    if (before === undefined || issued === undefined || repealed === undefined) continue;
    const expected = before + issued - repealed;
    const name = spec(ctx, k('inForce')).rowName;
    if (now !== undefined && now !== expected) {
      out.push(
        finding(ctx, {
          rule: 'T2-21-03',
          cells: [k('inForce'), k('issued'), k('repealed')],
          message:
            `${ref(ctx, k('inForce'))} 为 ${num(now)}，而${lastYear(prev)}现行有效 ${num(before)} + 本年制发 ${num(issued)} − 本年废止 ${num(repealed)} = ${num(expected)}；` +
            `到期失效、修订等可使两者不同，请核实${name}件数。`,
        }),
      );
    }
    if (repealed > before + issued) {
      out.push(
        finding(ctx, {
          rule: 'T2-21-04',
          cells: [k('repealed')],
          message: `${ref(ctx, k('repealed'))} ${num(repealed)} 件，多于${lastYear(prev)}现行有效 ${num(before)} 件与本年制发 ${num(issued)} 件之和 ${num(before + issued)}。`,
        }),
      );
    }
  }
  return out;
}

const ITEM_ROWS_2019 = ['license', 'otherServices', 'penalty', 'enforcement', 'fees'];

function items2019(ctx: Context, prev: Side): Finding[] {
  const out: Finding[] = [];
  for (const row of ['rules', 'normative']) {
    const key = `t2.${row}.publicTotal`;
    const now = ctx.numbers.values.get(key);
    const before = prev.numbers.values.get(key);
    if (now !== undefined && before !== undefined && now < before) {
      out.push(
        finding(ctx, {
          rule: 'T2-19-04',
          cells: [key],
          message: `${ref(ctx, key)} ${num(now)} 少于${lastYear(prev)}的 ${num(before)}：对外公开总数量通常只增不减，请核实。`,
        }),
      );
    }
  }
  for (const row of ITEM_ROWS_2019) {
    const key = `t2.${row}.lastYearItems`;
    const now = ctx.numbers.values.get(key);
    const before = prev.numbers.values.get(key);
    const change = prev.numbers.values.get(`t2.${row}.change`);
    if (now === undefined || before === undefined || change === undefined || now === before + change)
      continue;
    const signed = change >= 0 ? `+${num(change)}` : num(change);
    out.push(
      finding(ctx, {
        rule: 'T2-19-05',
        cells: [key],
        culprit: key,
        suggested: before + change,
        message: `${ref(ctx, key)} 填 ${num(now)}，按${lastYear(prev)}应为 上一年项目数量 ${num(before)} 加本年增/减 ${signed} = ${num(before + change)}。`,
      }),
    );
  }
  return out;
}

/** T3-05 across editions; the table-2 rules only between reports of the same edition. */
export function crossYearFindings(ctx: Context): Finding[] {
  const prev = ctx.previous;
  if (!prev) return [];
  const out = carryOver(ctx, prev);
  // What was not read of last year's compares with nothing, and says nothing by itself: said once.
  const unread = prev.report.findings.filter((f) => f.severity === 'error');
  if (unread.length)
    out.push(
      finding(ctx, {
        rule: 'X-03',
        cells: [],
        message: `${lastYear(prev)}有 ${unread.length} 处没有读出，那里的数字未做跨年度核对：${unread[0]!.message}${unread.length > 1 ? '……' : ''}`,
      }),
    );
  if (prev.report.edition === ctx.report.edition) {
    out.push(...(ctx.report.edition === '2021' ? inForce2021(ctx, prev) : items2019(ctx, prev)));
  }
  return out;
}

import type { CellKey } from '../../report/types.js';
import { type Context, finding, num, ref } from '../context.js';
import type { Finding } from '../../report/finding.js';
import { UNIT_WRITTEN } from '../../report/validation.js';

/** 万元: a fee this large (10 亿元) is more likely written in 元. */
const FEES_LOOK_LIKE_YUAN = 100_000;

function parsedOk(ctx: Context, key: CellKey) {
  const p = ctx.numbers.parsed.get(key);
  return p?.status === 'ok' ? p : undefined;
}

function edition2019(ctx: Context): Finding[] {
  const out: Finding[] = [];
  const v = (k: CellKey) => ctx.numbers.values.get(k);
  for (const row of ['rules', 'normative']) {
    const [made, published, total] = ['made', 'published', 'publicTotal'].map((c) => `t2.${row}.${c}`) as [
      CellKey,
      CellKey,
      CellKey,
    ];
    const m = v(made);
    const p = v(published);
    const t = v(total);
    if (m !== undefined && p !== undefined && m !== p) {
      out.push(
        finding(ctx, {
          rule: 'T2-19-02',
          cells: [made, published],
          message: `${ref(ctx, published)} 为 ${num(p)}，与 ${ref(ctx, made)} ${num(m)} 不同：规章和规范性文件制作后通常都应公开，请核实。`,
        }),
      );
    }
    if (p !== undefined && t !== undefined && p > t) {
      out.push(
        finding(ctx, {
          rule: 'T2-19-03',
          cells: [published, total],
          message: `${ref(ctx, published)} ${num(p)} 大于 ${ref(ctx, total)} ${num(t)}：本年新公开的应计入对外公开总数量。`,
        }),
      );
    }
  }
  const a = parsedOk(ctx, UNIT_WRITTEN);
  if (a && !a.unit) {
    out.push(
      finding(ctx, {
        rule: 'T2-19-06',
        cells: [UNIT_WRITTEN],
        message: `${ref(ctx, UNIT_WRITTEN)} 为 ${num(a.value)}，未注明单位：表中未印单位，请按实际单位写明，如「${num(a.value)}元」或「${num(a.value)}万元」。`,
      }),
    );
  }
  return out;
}

function edition2021(ctx: Context): Finding[] {
  const key = 't2.fees.amount';
  const a = parsedOk(ctx, key);
  if (!a) return [];
  const inWan = num(a.value / 10_000);
  const base = { rule: 'T2-21-02', cells: [key] } as const;
  if (a.unit === '元') {
    return [
      finding(ctx, {
        ...base,
        culprit: key,
        suggested: a.value / 10_000,
        message: `${ref(ctx, key)} 写的是 ${num(a.value)} 元，表格要求以万元为单位：应填 ${inWan}。`,
      }),
    ];
  }
  if (a.value >= FEES_LOOK_LIKE_YUAN) {
    return [
      finding(ctx, {
        ...base,
        message: `${ref(ctx, key)} 为 ${num(a.value)} 万元（即 ${num(a.value / 10_000)} 亿元），像是按元填写的；单位应为万元，若原数是元，应填 ${inWan}。`,
      }),
    ];
  }
  return [];
}

/** T2-19-02, T2-19-03, T2-19-06, T2-21-02. */
export function table2Findings(ctx: Context): Finding[] {
  return ctx.report.edition === '2019' ? edition2019(ctx) : edition2021(ctx);
}

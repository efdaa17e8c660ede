import type { CellKey, Unit } from '../../report/types.js';
import { type Context, finding, num, ref } from '../context.js';
import type { Finding } from '../../report/finding.js';
import { UNIT_WRITTEN } from '../../report/validation.js';

/** 万元: a fee this large (10 亿元) is more likely written in 元. */
const FEES_LOOK_LIKE_YUAN = 100_000;

function parsedOk(ctx: Context, key: CellKey) {
  const p = ctx.numbers.parsed.get(key);
  return p?.status === 'ok' ? p : undefined;
}

/**
 * 2019's rows of 规章 and 规范性文件: made, published and public in total. Keys made once, not joined
 * for each report: a key joined anew is hashed anew at each look-up.
 */
const MADE_PUBLISHED_TOTAL = (['rules', 'normative'] as const).map(
  (row) =>
    ['made', 'published', 'publicTotal'].map((c): CellKey => `t2.${row}.${c}`) as [CellKey, CellKey, CellKey],
);

function edition2019(ctx: Context): Finding[] {
  const out: Finding[] = [];
  const v = (k: CellKey) => ctx.numbers.values.get(k);
  for (const [made, published, total] of MADE_PUBLISHED_TOTAL) {
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
  const label = ctx.report.cells.get(UNIT_WRITTEN)?.labelUnit;
  if (a && !a.unit && label) {
    // The label is the form's, with no unit: restoring it would lose the unit the clerk gave there.
    out.push(
      finding(ctx, {
        rule: 'T2-19-06',
        cells: [UNIT_WRITTEN],
        message: `${ref(ctx, UNIT_WRITTEN)} 为 ${num(a.value)}，单位「${label.unit}」写在了标签里；官方表格的此项标签不带单位，请把单位写进此格，如「${num(a.value)}${label.unit}」，并把标签恢复为「${label.official}」。`,
      }),
    );
  } else if (a && !a.unit) {
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

/**
 * The fee as a published report's text states it, with its unit: 「全年行政事业性收费5000元」. Not a
 * change or a part of it (「较上年减少50万元」, 「其中」).
 */
const FEE_STATED =
  /(?:行政事业性收费|收费金额)(?:金额|总额)?([^，,。；;\d\n]{0,16}?)(\d[\d,]*(?:\.\d+)?)\s*(万元|元)/g;
const NOT_THE_FEE = /较|比|增|减|降|升|其中|标准|项/;

interface Stated {
  readonly quote: string;
  readonly value: number;
  readonly unit: Unit;
}

function feeInText(ctx: Context): Stated[] {
  const out: Stated[] = [];
  for (const part of ctx.report.published?.parts ?? []) {
    if (!part) continue;
    for (const m of part.matchAll(FEE_STATED)) {
      if (NOT_THE_FEE.test(m[1]!)) continue;
      out.push({ quote: m[0], value: Number(m[2]!.replace(/,/g, '')), unit: m[3] as Unit });
    }
  }
  return out;
}

/** The decisions table 2 counts (2021): 行政许可, 行政处罚, 行政强制. */
const DECISIONS: readonly CellKey[] = [
  't2.license.decisions',
  't2.penalty.decisions',
  't2.enforcement.decisions',
];

/**
 * Whether the body's decisions are more than the fee's number: read in 元, it would be less than
 * 1 元 a decision, and so it is a large body's fee in 万元 (a province's, a great city's), not 元.
 */
function aBodyThisLarge(ctx: Context, fee: number): boolean {
  const decisions = DECISIONS.reduce((sum, k) => sum + (ctx.numbers.values.get(k) ?? 0), 0);
  return decisions > fee;
}

function edition2021(ctx: Context): Finding[] {
  const key = 't2.fees.amount';
  const a = parsedOk(ctx, key);
  if (!a) return [];
  const inWan = num(a.value / 10_000);
  const base = { rule: 'T2-21-02', cells: [key] } as const;
  const inYuan = { ...base, culprit: key, suggested: a.value / 10_000 };
  if (a.unit === '元') {
    return [
      finding(ctx, {
        ...inYuan,
        message: `${ref(ctx, key)} 写的是 ${num(a.value)} 元，表格要求以万元为单位：应填 ${inWan}。`,
      }),
    ];
  }
  // Nought is nought in any unit.
  if (a.unit || a.value === 0) return [];
  // The text says what the table's number is: 「收费5000元」 beside 5000, or 「收费0.5万元」 beside 5000.
  const said = feeInText(ctx).find((s) => (s.unit === '元' ? s.value : s.value * 10_000) === a.value);
  if (said) {
    return [
      finding(ctx, {
        ...inYuan,
        message: `正文写「${said.quote}」，${ref(ctx, key)} 填的却是 ${num(a.value)}（表格以万元为单位，即 ${num(a.value)} 万元）：这是按元填写的，应填 ${inWan}。`,
      }),
    ];
  }
  const label = ctx.report.cells.get(key)?.labelUnit;
  if (label?.unit === '元') {
    return [
      finding(ctx, {
        ...inYuan,
        message: `${ref(ctx, key)} 为 ${num(a.value)}，其标签把单位改成了「元」；表格要求以万元为单位：若 ${num(a.value)} 是元，应填 ${inWan}，并把标签恢复为「${label.official}」。`,
      }),
    ];
  }
  if (a.value >= FEES_LOOK_LIKE_YUAN && !aBodyThisLarge(ctx, a.value)) {
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

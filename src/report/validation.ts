import type { CellKey, CellKind } from './types.js';

export interface InputRule {
  /** Excel number format of the input cell. */
  readonly numberFormat: string;
  /**
   * Excel data validation: a whole or decimal number at least 0, or (for the cells written as text,
   * 「增1」, 「7441.88万元」) text of at most TEXT_MAX characters, there for its input prompt.
   */
  readonly validation?: {
    readonly type: 'whole' | 'decimal' | 'textLength';
    /** The number at least, or the text's length at most: each writer says it in its own words. */
    readonly bound: { readonly op: 'atLeast' | 'atMost'; readonly value: number };
    readonly title: string;
    readonly prompt: string;
    readonly error: string;
  };
}

/** The longest text a text cell takes: 「增2减1」 or 「7441.879403万元」 with room to spare. */
export const TEXT_MAX = 30;
const TEXT_AT_MOST = { op: 'atMost', value: TEXT_MAX } as const;
const AT_LEAST_0 = { op: 'atLeast', value: 0 } as const;

const RULES: Readonly<Record<CellKind, InputRule>> = {
  count: {
    // Not '0': a 2.5 pasted past the validation would show as 3, while the check says 2.5.
    numberFormat: 'General',
    validation: {
      type: 'whole',
      bound: AT_LEAST_0,
      title: '件数',
      prompt: '请填不小于 0 的整数；没有则填 0。',
      error: '这里只能填不小于 0 的整数（件数）。',
    },
  },
  amount: {
    numberFormat: 'General',
    validation: {
      type: 'decimal',
      bound: AT_LEAST_0,
      title: '金额',
      prompt: '请填不小于 0 的数字，可带小数。',
      error: '这里只能填不小于 0 的数字（金额）。',
    },
  },
  signedChange: {
    numberFormat: '@',
    validation: {
      type: 'textLength',
      bound: TEXT_AT_MOST,
      title: '本年增/减',
      prompt: '请填比上一年增减的项目数，如「增1」「减2」「+3」「-2」；没有变化填 0。',
      error: `这里最多填 ${TEXT_MAX} 个字（比上一年增减的项目数，如「增1」）。`,
    },
  },
};

/** 2019 采购总金额, whose form prints no unit: it states its unit as text, 「7441.88万元」 (T2-19-06). */
export const UNIT_WRITTEN: CellKey = 't2.procurement.amount';

const BY_KEY: Readonly<Record<CellKey, InputRule>> = {
  [UNIT_WRITTEN]: {
    numberFormat: '@',
    validation: {
      type: 'textLength',
      bound: TEXT_AT_MOST,
      title: '采购总金额',
      prompt: '表格未印单位：请连同单位填写，如「7441.88万元」；没有则填「0元」。',
      error: `这里最多填 ${TEXT_MAX} 个字（金额连同单位，如「7441.88万元」）。`,
    },
  },
};

export function inputRule(kind: CellKind, key: CellKey): InputRule {
  return BY_KEY[key] ?? RULES[kind];
}

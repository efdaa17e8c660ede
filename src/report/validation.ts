import type { CellKey, CellKind } from './types.js';

export interface InputRule {
  /** Excel number format of the input cell. */
  readonly numberFormat: string;
  /** Excel data validation, where the kind has one (a signed change is text: 「增1」). */
  readonly validation?: {
    readonly type: 'whole' | 'decimal';
    readonly title: string;
    readonly prompt: string;
    readonly error: string;
  };
}

const RULES: Readonly<Record<CellKind, InputRule>> = {
  count: {
    // Not '0': a 2.5 pasted past the validation would show as 3, while the check says 2.5.
    numberFormat: 'General',
    validation: {
      type: 'whole',
      title: '件数',
      prompt: '请填不小于 0 的整数；没有则填 0。',
      error: '这里只能填不小于 0 的整数（件数）。',
    },
  },
  amount: {
    numberFormat: 'General',
    validation: {
      type: 'decimal',
      title: '金额',
      prompt: '请填不小于 0 的数字，可带小数。',
      error: '这里只能填不小于 0 的数字（金额）。',
    },
  },
  signedChange: { numberFormat: '@' },
};

/** 2019 采购总金额, whose form prints no unit: it states its unit as text, 「7441.88万元」 (T2-19-06). */
export const UNIT_WRITTEN: CellKey = 't2.procurement.amount';

const BY_KEY: Readonly<Record<CellKey, InputRule>> = {
  [UNIT_WRITTEN]: { numberFormat: '@' },
};

export function inputRule(kind: CellKind, key: CellKey): InputRule {
  return BY_KEY[key] ?? RULES[kind];
}

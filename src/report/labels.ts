/** How a cell's text compares with an official label. */
export type LabelMatch = 'exact' | 'variant';

/** Wordings seen in published reports for the official ones (README, 「Label variants」). */
const WORD_VARIANTS: readonly (readonly [seen: string, official: string])[] = [
  ['只计这一情况', '只计这一情形'],
  ['三类内容事务信息', '三类内部事务信息'],
];

const SAME_CHARS: readonly (readonly [RegExp, string])[] = [
  [/[(（]/g, '（'],
  [/[)）]/g, '）'],
  [/[:：]/g, '：'],
  [/["“”＂″]/g, '"'],
  [/[，,、]/g, '、'],
  [/[／/]/g, '/'],
];

export function compact(text: string): string {
  return text.replace(/[\s\u3000]+/g, '');
}

/** The form two wordings share when they differ only in brackets, quotes, commas or numbering marks. */
export function canonical(text: string): string {
  let s = compact(text);
  for (const [re, to] of SAME_CHARS) s = s.replace(re, to);
  return s.replace(/^(\d+)[.．、]/, '$1.');
}

interface Prepared {
  readonly compact: string;
  readonly canonical: string;
  readonly variant: string;
}

// Sheets repeat the same few hundred texts; matching compares each with every label.
const PREPARED = new Map<string, Prepared>();
const MAX_PREPARED = 20_000;

function prepared(text: string): Prepared {
  let p = PREPARED.get(text);
  if (!p) {
    const canon = canonical(text);
    p = { compact: compact(text), canonical: canon, variant: withWordVariants(canon) };
    if (PREPARED.size >= MAX_PREPARED) PREPARED.clear();
    PREPARED.set(text, p);
  }
  return p;
}

function withWordVariants(s: string): string {
  for (const [seen, official] of WORD_VARIANTS) s = s.split(seen).join(official);
  return s;
}

/**
 * Whether `text` is the official `label`: the same but for spacing ("exact"), or a known variant
 * ("variant"): other brackets, quotes or commas, a known wording, a remark added in brackets
 * (「现行有效件数(历史累计)」), the label glued to a number, or a header cut short (「本年新」).
 */
export function matchLabel(text: string, label: string): LabelMatch | undefined {
  const seen = prepared(text);
  if (!seen.compact) return undefined;
  const official = prepared(label);
  if (seen.compact === official.compact) return 'exact';
  const a = seen.variant;
  const b = official.canonical;
  if (a === b) return 'variant';
  if (a.startsWith(b) && /^(?:\d+|（[^（）]*）)$/.test(a.slice(b.length))) return 'variant';
  if (a.length >= 3 && b.startsWith(a) && !/^\d/.test(a)) return 'variant';
  return undefined;
}

/** How a cell's text compares with an official label. */
export type LabelMatch = 'exact' | 'variant';

/** Wordings seen in published reports for the official ones (README, 「Label variants」). */
const WORD_VARIANTS: readonly (readonly [seen: string, official: string])[] = [
  ['只计这一情况', '只计这一情形'],
  ['三类内容事务信息', '三类内部事务信息'],
];

/** Quote marks, which label comparisons drop. */
export const QUOTE_MARKS = '"“”＂″';
const QUOTES = new RegExp(`[${QUOTE_MARKS}]`, 'g');

/** Characters that compare as another: brackets, colons, commas and slashes as their one form. */
const SAME_CHARS: Readonly<Record<string, string>> = {
  '(': '（',
  ')': '）',
  ':': '：',
  ',': '、',
  '，': '、',
  '／': '/',
  // Quotes are dropped, not matched: a PDF may set them in another font, out of place
  // (「危及三“安全一稳定”」 for 「危及“三安全一稳定”」).
  ...Object.fromEntries([...QUOTE_MARKS].map((q) => [q, ''])),
};
/** The characters SAME_CHARS changes: one pass over a text changes them all. */
const SAME_CHAR = new RegExp(`[${Object.keys(SAME_CHARS).join('')}]`, 'g');
const sameChar = (c: string) => SAME_CHARS[c]!;

export function compact(text: string): string {
  return text.replace(/[\s\u3000]+/g, '');
}

/** The form two wordings share when they differ only in brackets, quotes, commas or numbering marks. */
export function canonical(text: string): string {
  return canonicalOfCompact(compact(text));
}

/** canonical() of a text already compact. */
function canonicalOfCompact(compacted: string): string {
  const s = compacted.replace(SAME_CHAR, sameChar);
  // 「1.」 「1．」 「1、」 and 「１．」 (full-width digits, as some pages type them) number alike.
  return s.replace(
    /^([\d０-９]+)[.．、]/,
    (_, n: string) => `${n.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))}.`,
  );
}

/** `canonical(text)`, remembered: the texts of reports repeat. */
export function canonicalOf(text: string): string {
  return prepared(text).canonical;
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
    const compacted = compact(text);
    const canon = canonicalOfCompact(compacted);
    // Quotes aside: which quote marks, and where a PDF put them, is no difference in wording.
    p = { compact: compacted.replace(QUOTES, ''), canonical: canon, variant: withWordVariants(canon) };
    if (PREPARED.size >= MAX_PREPARED) PREPARED.clear();
    PREPARED.set(text, p);
  }
  return p;
}

function withWordVariants(s: string): string {
  for (const [seen, official] of WORD_VARIANTS) if (s.includes(seen)) s = s.split(seen).join(official);
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

/** Longest common subsequence over the longer length: 1 for the same text, less per character added or dropped. */
export function likeness(a: string, b: string): number {
  const n = b.length;
  // Two rows, by character codes: a row and a string for each character of `a` were most of what
  // reading a report's titles allocated.
  let prev = new Array<number>(n + 1).fill(0);
  let row = new Array<number>(n + 1).fill(0);
  for (let i = 0; i < a.length; i++) {
    // A character of two code units (past U+FFFF) is none of b's units.
    const point = a.codePointAt(i)!;
    const c = point > 0xffff ? -1 : point;
    if (point > 0xffff) i++;
    for (let j = 1; j <= n; j++)
      row[j] = c === b.charCodeAt(j - 1) ? prev[j - 1]! + 1 : Math.max(prev[j]!, row[j - 1]!);
    [prev, row] = [row, prev];
  }
  return prev[n]! / Math.max(a.length, n, 1);
}

/** A label's numbering: 「一、」, 「（三）」, 「1.」. */
const NUMBERING = /^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+\.)/;
/** Labels this alike, their numbering aside, are one label reworded (a word added or dropped). */
const REWORDED = 0.8;
/** A label that holds the other whole is one reworded, when neither is a word or two. */
const MIN_WITHIN = 4;

/** A label's words: its canonical form, its numbering aside. */
export function wordingOf(text: string): string {
  return canonicalOf(text).replace(NUMBERING, '');
}

/**
 * Whether `text` may be `label` with a word added, dropped or changed: numbered alike (「二、本年结转…」
 * is no 「一、本年新收…」), and its words hold the label's, are held in them, or are most of them.
 * Which label of several it is, is for the caller to say: the one whose words it is likest.
 */
export function mayReword(text: string, label: string): boolean {
  const [seenNumber, ownNumber] = [
    NUMBERING.exec(canonicalOf(text))?.[0],
    NUMBERING.exec(canonicalOf(label))?.[0],
  ];
  if (seenNumber && ownNumber && seenNumber !== ownNumber) return false;
  const [a, b] = [wordingOf(text), wordingOf(label)];
  const within = Math.min(a.length, b.length) >= MIN_WITHIN && (a.includes(b) || b.includes(a));
  return within || likeness(a, b) >= REWORDED;
}

/** The labels a text matches, found by lookup instead of comparing it with every label. */
export interface LabelIndex {
  /** The labels (official texts) `text` matches as `matchLabel` would, in no particular order. */
  matches(text: string): readonly string[];
}

const NONE: readonly string[] = [];

function isDigits(text: string): boolean {
  if (!text) return false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}
const MAX_CACHED = 5_000;
/** A cut-off header (「本年新」) is a label's first three characters or more. */
const MIN_PREFIX = 3;

/** An index of `labels` answering what `matchLabel(text, label)` answers for each, all at once. */
export function labelIndex(labels: readonly string[]): LabelIndex {
  const whole = new Map<string, string[]>();
  const prefixes = new Map<string, string[]>();
  const add = (map: Map<string, string[]>, key: string, label: string) => {
    const list = map.get(key);
    if (!list) map.set(key, [label]);
    else if (!list.includes(label)) list.push(label);
  };
  for (const label of new Set(labels)) {
    const b = prepared(label).canonical;
    add(whole, b, label);
    for (let n = MIN_PREFIX; n <= b.length; n++) add(prefixes, b.slice(0, n), label);
  }
  const cache = new Map<string, readonly string[]>();
  const lookup = (text: string): readonly string[] => {
    const seen = prepared(text);
    if (!seen.compact) return NONE;
    const a = seen.variant;
    const found = new Set<string>(whole.get(a));
    // The label with a number glued on, or a remark in brackets added.
    for (let k = a.length; k > 0 && /\d/.test(a[k - 1]!); k--)
      for (const l of whole.get(a.slice(0, k - 1)) ?? []) found.add(l);
    const remark = /（[^（）]*）$/.exec(a);
    if (remark) for (const l of whole.get(a.slice(0, remark.index)) ?? []) found.add(l);
    if (a.length >= MIN_PREFIX && !/^\d/.test(a)) for (const l of prefixes.get(a) ?? []) found.add(l);
    // Exact matches (same compact text) hold by the canonical form too: nothing is missed.
    return found.size ? [...found] : NONE;
  };
  return {
    matches(text) {
      // Most texts of a report are its numbers, different in every report: no label is one.
      if (isDigits(text)) return NONE;
      let m = cache.get(text);
      if (!m) {
        m = lookup(text);
        if (cache.size >= MAX_CACHED) cache.clear();
        cache.set(text, m);
      }
      return m;
    },
  };
}

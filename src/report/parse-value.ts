import type { RawValue, Unit } from './types.js';
import type { CellKind } from '../report/types.js';
import { clipped, hasInvisible, withoutInvisible } from './shown.js';

/** The unit a label states: 「（单位：万元）」, 「（元）」, 「单位：元」. */
export function unitInLabel(label: string): Unit | undefined {
  const m = /[（(]\s*(?:单位\s*[:：]?\s*)?(万元|元)\s*[）)]|单位\s*[:：]\s*(万元|元)/.exec(label);
  return (m?.[1] ?? m?.[2]) as Unit | undefined;
}

export type Parsed =
  | { readonly status: 'ok'; readonly value: number; readonly unit?: Unit; readonly note?: string }
  | { readonly status: 'blank'; readonly shown: string }
  | {
      readonly status: 'invalid';
      readonly reason: string;
      /** A number that is not a count (−1, 2.5): wrong, but still part of the sums it lies in. */
      readonly value?: number;
      /**
       * The number meant, where there is no doubt which (「五」 is 5): the fix to offer. Not `value`:
       * the sums leave the cell out until the clerk writes it as a number.
       */
      readonly meant?: number;
      /** A formula with no result, as written: a published report's text has no cell to reformat. */
      readonly formula?: string;
    };

/** Marks that mean "nothing written here". */
const BLANK_MARKS = new Set(['', '/', '／', '\\', '-', '－', '—', '——', '–', '―', '无']);
const EXCEL_ERROR =
  /^#(?:VALUE!|REF!|DIV\/0!|N\/A|NAME\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA|FIELD!|BLOCKED!|UNKNOWN!|BUSY!)$/i;
/** Ten digits and more cannot be a count of anything a government body handles in a year. */
const MAX_COUNT = 999_999_999;
/** Nor sixteen digits an amount: past this a number is not even exact in a double. */
const MAX_AMOUNT = 999_999_999_999_999;

/** How many digits a whole number has, however large (「1e+25」 has 26). */
function digits(n: number): number {
  return Math.abs(n) < 1e21
    ? String(Math.trunc(Math.abs(n))).length
    : Math.floor(Math.log10(Math.abs(n))) + 1;
}

/** A number too large to be what the cell holds: said by its digits, never as Infinity or 1e+25. */
function tooLarge(raw: string | number, what: '件数' | '金额' | '增减数'): string {
  if (typeof raw === 'string')
    return `${shown(raw)}有 ${raw.replace(/\D/g, '').length} 位，不可能是${what}，疑为误输入`;
  if (!Number.isFinite(raw)) return `数字过大，不可能是${what}，疑为误输入`;
  return `${Math.abs(raw) < 1e21 ? `${raw} ` : ''}有 ${digits(raw)} 位，不可能是${what}，疑为误输入`;
}

function toHalfWidth(s: string): string {
  return s
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ');
}

/** 「五」 for text, 2.5 for a number; text is followed by no space in the messages. Long text is cut short. */
export function shown(raw: string | number): string {
  if (typeof raw !== 'string') return `${raw} `;
  // What shows as nothing is said in words (see clean), not quoted where it cannot be seen.
  return `「${clipped(withoutInvisible(raw), 40)}」`;
}

interface Cleaned {
  readonly text: string;
  readonly notes: string[];
}

function clean(raw: string, units: readonly string[]): Cleaned & { unit?: string } {
  const notes: string[] = [];
  let text = raw;
  if (hasInvisible(text)) {
    text = withoutInvisible(text);
    notes.push('含有看不见的字符，如从网页复制带来的零宽空格');
  }
  const half = toHalfWidth(text);
  if (half !== text && /[\uFF10-\uFF19]/.test(text)) notes.push('全角数字');
  text = half;
  if (text.trim() !== text) notes.push('前后有空格');
  text = text.trim();
  let unit: string | undefined;
  for (const u of units) {
    if (text.endsWith(u) && text.length > u.length) {
      unit = u;
      text = text.slice(0, -u.length).trim();
      break;
    }
  }
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(text)) {
    text = text.replace(/,/g, '');
    notes.push('千分位逗号');
  }
  return { text, notes, ...(unit ? { unit } : {}) };
}

function describeNotes(raw: string, value: number, notes: readonly string[]): string {
  const how = notes.length ? `（${notes.join('、')}）` : '（文本格式的数字，Excel、WPS 求和时会被忽略）';
  return `${shown(raw)}是文本${how}，已按数字 ${value} 读取；请改为直接输入数字`;
}

/** What most count cells hold, parsed once: results are read-only, so one object serves every cell. */
const SMALL: readonly Parsed[] = Array.from({ length: 1000 }, (_, value) => ({ status: 'ok', value }));

function parseCount(raw: string | number): Parsed {
  if (typeof raw === 'number') {
    if (raw >= 0 && raw < 1000 && Number.isInteger(raw)) return SMALL[raw]!;
    if (Number.isNaN(raw)) return { status: 'invalid', reason: '不是有效数字' };
    // Too large either way: kept out of the sums, where it would make every total Infinity.
    if (Math.abs(raw) > MAX_COUNT) return { status: 'invalid', reason: tooLarge(raw, '件数') };
    if (raw < 0) return { status: 'invalid', reason: `${raw} 是负数，件数不能为负`, value: raw };
    if (!Number.isInteger(raw))
      return { status: 'invalid', reason: `${raw} 不是整数，件数应为整数`, value: raw };
    return { status: 'ok', value: raw };
  }
  const text = raw.trim();
  const formula = formulaProblem(text);
  if (formula) return formula;
  const c = clean(raw, ['件', '个', '项', '条']);
  if (c.unit) c.notes.push(`带单位「${c.unit}」`);
  if (/^\d+$/.test(c.text)) {
    const value = Number(c.text);
    if (value > MAX_COUNT) return { status: 'invalid', reason: tooLarge(raw, '件数') };
    return { status: 'ok', value, note: describeNotes(raw, value, c.notes) };
  }
  const number = Number(c.text);
  if (/^-?\d*\.?\d+$/.test(c.text) && Math.abs(number) > MAX_COUNT)
    return { status: 'invalid', reason: tooLarge(raw, '件数') };
  if (/^-\d+(\.\d+)?$/.test(c.text))
    return { status: 'invalid', reason: `${shown(raw)}是负数，件数不能为负`, value: number };
  if (/^\d*\.\d+$/.test(c.text))
    return { status: 'invalid', reason: `${shown(raw)}不是整数，件数应为整数`, value: number };
  if (/\d/.test(c.text))
    return { status: 'invalid', reason: `${shown(raw)}不是确切的数字，请只填阿拉伯数字` };
  const meant = chineseNumber(c.text);
  if (meant !== undefined && meant <= MAX_COUNT)
    return {
      status: 'invalid',
      reason: `${shown(raw)}是汉字数字，请写成阿拉伯数字 ${meant}`,
      meant,
    };
  return { status: 'invalid', reason: `${shown(raw)}不是数字，请填阿拉伯数字（没有则填 0）` };
}

/** Each digit's plain and formal (大写) forms, and 两 for 2. */
const CHINESE_DIGITS: ReadonlyMap<string, number> = new Map([
  ...['〇一二三四五六七八九', '零壹贰叁肆伍陆柒捌玖'].flatMap((digits) =>
    [...digits].map((c, i) => [c, i] as const),
  ),
  ['两', 2],
]);
const CHINESE_UNITS: Readonly<Record<string, number>> = {
  十: 10,
  拾: 10,
  百: 100,
  佰: 100,
  千: 1000,
  仟: 1000,
};

/**
 * A whole number written in Chinese numerals as counts are (「五」, 「十二」, 「一百零五」,
 * 「三千四百四十」, 「两万」), or undefined for anything else (「五五」, 「百」, 「约五」).
 */
export function chineseNumber(text: string): number | undefined {
  if (!text || text.length > 12) return undefined;
  let total = 0;
  let section = 0;
  let digit: number | undefined;
  /** The last unit of this section: the next must be smaller (三千四百, not 三百四千). */
  let lastUnit = Infinity;
  for (const ch of text) {
    const d = CHINESE_DIGITS.get(ch);
    if (d !== undefined) {
      // 「五五」 is no count; a zero may stand between (一百零五).
      if (digit !== undefined && digit !== 0) return undefined;
      digit = d;
    } else if (ch in CHINESE_UNITS) {
      const unit = CHINESE_UNITS[ch]!;
      if (unit >= lastUnit || (digit === undefined && (unit !== 10 || section))) return undefined;
      section += (digit ?? 1) * unit;
      lastUnit = unit;
      digit = undefined;
    } else if (ch === '万') {
      if (total || (!section && !digit)) return undefined;
      total = (section + (digit ?? 0)) * 10_000;
      section = 0;
      lastUnit = Infinity;
      digit = undefined;
    } else return undefined;
  }
  return total + section + (digit ?? 0);
}

function parseAmount(raw: string | number): Parsed {
  if (typeof raw === 'number') {
    if (Number.isNaN(raw)) return { status: 'invalid', reason: '不是有效数字' };
    if (Math.abs(raw) > MAX_AMOUNT) return { status: 'invalid', reason: tooLarge(raw, '金额') };
    if (raw < 0) return { status: 'invalid', reason: `${raw} 是负数，金额不能为负` };
    return { status: 'ok', value: raw };
  }
  const text = raw.trim();
  const formula = formulaProblem(text);
  if (formula) return formula;
  // 「7441.88万」: 万 alone is 万元; 「3.5（万元）」: the unit in brackets, as the header prints it.
  const c = clean(raw.replace(/[（(]\s*(万元|元|万)\s*[）)]\s*$/, '$1'), ['万元', '元', '万']);
  if (/^\d+(\.\d+)?$/.test(c.text)) {
    const value = Number(c.text);
    if (value > MAX_AMOUNT) return { status: 'invalid', reason: tooLarge(raw, '金额') };
    const unit = (c.unit === '万' ? '万元' : c.unit) as Unit | undefined;
    // A unit written with the number is how published reports state it: no warning for that alone.
    const note = c.notes.length || !unit ? describeNotes(raw, value, c.notes) : undefined;
    return { status: 'ok', value, ...(unit ? { unit } : {}), ...(note ? { note } : {}) };
  }
  if (/^-\d/.test(c.text)) return { status: 'invalid', reason: `${shown(raw)}是负数，金额不能为负` };
  return { status: 'invalid', reason: `${shown(raw)}不是金额，请填数字（可带单位「元」或「万元」）` };
}

const CHANGE_WORDS: readonly (readonly [RegExp, number])[] = [
  [/^(?:增加|增|新增|\+)(\d+)(?:项|个)?$/, 1],
  [/^(?:减少|减|-)(\d+)(?:项|个)?$/, -1],
];

function parseChange(raw: string | number): Parsed {
  if (typeof raw === 'number') {
    if (Number.isNaN(raw)) return { status: 'invalid', reason: '不是有效数字' };
    if (Math.abs(raw) > MAX_COUNT) return { status: 'invalid', reason: tooLarge(raw, '增减数') };
    if (!Number.isInteger(raw)) return { status: 'invalid', reason: `${raw} 不是整数` };
    return { status: 'ok', value: raw };
  }
  // The minus sign (−) and dashes a word processor puts for a hyphen are minus too.
  const text = toHalfWidth(raw)
    .replace(/\s+/g, '')
    .replace(/[\u2212\u2012\u2013]/g, '-');
  const formula = formulaProblem(text);
  if (formula) return formula;
  if (/^(?:0|不变|无变化|持平)$/.test(text)) return { status: 'ok', value: 0 };
  // 「增2减1」, 「增加3项，减少1项」: several signed parts, summed.
  const parts = text.match(/(?:增加|增|新增|减少|减|[+-])\d+(?:项|个)?/g);
  if (parts && parts.join('') === text.replace(/[,，、;；]/g, '')) {
    let value = 0;
    for (const p of parts) {
      const rule = CHANGE_WORDS.find(([re]) => re.test(p))!;
      value += rule[1] * Number(rule[0].exec(p)![1]);
    }
    if (Math.abs(value) > MAX_COUNT) return { status: 'invalid', reason: tooLarge(raw, '增减数') };
    return { status: 'ok', value };
  }
  if (/^\d+$/.test(text)) {
    const value = Number(text);
    return value > MAX_COUNT
      ? { status: 'invalid', reason: tooLarge(raw, '增减数') }
      : { status: 'ok', value };
  }
  return { status: 'invalid', reason: `${shown(raw)}读不出增减数，请写成「+3」「-2」「0」或「增1」「减13」` };
}

/**
 * A formula with no result: typed into a cell formatted as text (in Excel or WPS alike), or in a
 * file written by a program that calculates nothing.
 */
function formulaProblem(text: string): Parsed | undefined {
  if (EXCEL_ERROR.test(text)) return { status: 'invalid', reason: `公式出错（${text}），请检查该格的公式` };
  if (text.startsWith('='))
    return {
      status: 'invalid',
      reason: `是没有计算结果的公式「${text}」：单元格设成了文本格式的，请改为「常规」后重新输入；文件是程序生成的，请在 Excel 或 WPS 中打开、保存后再校验`,
      formula: text,
    };
  return undefined;
}

export function isBlankMark(raw: RawValue): boolean {
  return raw === null || (typeof raw === 'string' && BLANK_MARKS.has(raw.trim()));
}

function parseOnce(raw: RawValue, kind: CellKind): Parsed {
  if (raw === null || isBlankMark(raw))
    return { status: 'blank', shown: raw === null ? '' : String(raw).trim() };
  if (typeof raw === 'boolean')
    return { status: 'invalid', reason: `是逻辑值 ${raw ? 'TRUE' : 'FALSE'}，不是数字` };
  switch (kind) {
    case 'count':
      return parseCount(raw);
    case 'amount':
      return parseAmount(raw);
    case 'signedChange':
      return parseChange(raw);
  }
}

// Reports repeat the same few texts (「0」, 「/」, 「增1」): each is parsed once. Results are read-only.
const TEXTS: Readonly<Record<CellKind, Map<string, Parsed>>> = {
  count: new Map(),
  amount: new Map(),
  signedChange: new Map(),
};
const MAX_TEXTS = 2000;

export function parseValue(raw: RawValue, kind: CellKind): Parsed {
  if (typeof raw === 'number' && kind === 'count' && raw >= 0 && raw < 1000 && Number.isInteger(raw))
    return SMALL[raw]!;
  if (typeof raw !== 'string' || raw.length > 64) return parseOnce(raw, kind);
  const seen = TEXTS[kind];
  let p = seen.get(raw);
  if (!p) {
    p = parseOnce(raw, kind);
    if (seen.size >= MAX_TEXTS) seen.clear();
    seen.set(raw, p);
  }
  return p;
}

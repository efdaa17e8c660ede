import { attr } from '../xlsx/xml.js';

/**
 * Word's automatic numbering (word/numbering.xml): a paragraph with w:numPr shows a number Word
 * makes (「一、」, 「1.」) that is in no w:t. Part titles and table labels numbered so are read with
 * their numbers, as the page shows them. A paragraph may be in a list by its style (word/styles.xml),
 * as headings are: 「标题 1」 numbered 「一、」, which LibreOffice writes for its outline numbering.
 */
export interface Numbering {
  /** The number the next paragraph of list `numId` at level `ilvl` shows (「三、」), counted on; or undefined. */
  next(numId: string, ilvl: number): string | undefined;
  /** The list, and the level where the style says, that a paragraph of style `styleId` is in; or undefined. */
  ofStyle(styleId: string): StyleList | undefined;
}

export interface StyleList {
  readonly numId: string;
  readonly ilvl: number;
}

interface Level {
  readonly start: number;
  readonly format: string;
  readonly text: string;
}

/** Past this, a list is no report's: its numbers are not made (a bound on a crafted file). */
const MAX_LEVELS = 9;
const MAX_COUNT = 10_000;

const DIGITS = '零一二三四五六七八九';

/** 1 → 一, 11 → 十一, 20 → 二十, 105 → 一百零五: how a Chinese list counts. */
function chineseCount(n: number): string {
  if (n <= 0 || n >= MAX_COUNT) return String(n);
  const [th, h, t, u] = [Math.floor(n / 1000), Math.floor(n / 100) % 10, Math.floor(n / 10) % 10, n % 10];
  let s = '';
  if (th) s += `${DIGITS[th]}千`;
  if (h) s += `${DIGITS[h]}百`;
  else if (th && (t || u)) s += '零';
  if (t) s += `${t === 1 && !th && !h ? '' : DIGITS[t]}十`;
  else if ((th || h) && u) s += '零';
  if (u) s += DIGITS[u];
  return s;
}

const letters = (n: number, from: number) => {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(from + ((k - 1) % 26)) + s;
  return s;
};

function roman(n: number): string {
  const table: [number, string][] = [
    [1000, 'M'],
    [900, 'CM'],
    [500, 'D'],
    [400, 'CD'],
    [100, 'C'],
    [90, 'XC'],
    [50, 'L'],
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let s = '';
  let k = n;
  for (const [v, r] of table)
    while (k >= v) {
      s += r;
      k -= v;
    }
  return s;
}

const IDEOGRAPH = '甲乙丙丁戊己庚辛壬癸';

/** A count in the list's format; undefined for one whose numbers are not text (bullets). */
function formatted(n: number, format: string): string | undefined {
  switch (format) {
    case 'decimal':
    case 'decimalZero':
      return format === 'decimalZero' && n < 10 ? `0${n}` : String(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'chineseLegalSimplified':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
    case 'ideographDigital':
      return chineseCount(n);
    case 'ideographTraditional':
      return IDEOGRAPH[(n - 1) % IDEOGRAPH.length];
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x245f + n) : String(n);
    case 'decimalEnclosedParen':
      return `(${n})`;
    case 'upperLetter':
      return letters(n, 65);
    case 'lowerLetter':
      return letters(n, 97);
    case 'upperRoman':
      return roman(n);
    case 'lowerRoman':
      return roman(n).toLowerCase();
    default:
      return undefined;
  }
}

/** How deep a chain of styles based on one another is followed (a bound on a crafted file). */
const MAX_BASED_ON = 16;

interface StyleEntry {
  readonly basedOn?: string;
  /** Its own w:numPr: a numId ('0': none, whatever it is based on) and a level where given. */
  readonly numId?: string;
  readonly ilvl?: number;
}

/** The paragraph styles of word/styles.xml that say something of lists: their own numPr, or a base. */
function paragraphStyles(xml: string | undefined): Map<string, StyleEntry> {
  const styles = new Map<string, StyleEntry>();
  if (!xml) return styles;
  for (const m of xml.matchAll(/<w:style\b([^>]*)>([\s\S]*?)<\/w:style>/g)) {
    const id = attr(m[1]!, 'styleId');
    if (id === undefined || attr(m[1]!, 'type') !== 'paragraph') continue;
    const body = m[2]!.replace(/<w:pPrChange\b[\s\S]*?<\/w:pPrChange>/g, '');
    const val = (tag: string) => {
      const t = new RegExp(`<w:${tag}\\b([^>]*)/?>`).exec(body);
      return t ? attr(t[1]!, 'val') : undefined;
    };
    const ilvl = val('ilvl');
    styles.set(id, {
      ...(val('basedOn') === undefined ? {} : { basedOn: val('basedOn') }),
      ...(val('numId') === undefined ? {} : { numId: val('numId') }),
      ...(ilvl === undefined ? {} : { ilvl: Number(ilvl) || 0 }),
    });
  }
  return styles;
}

/**
 * The numbering of a document, from its word/numbering.xml and the paragraph styles of its
 * word/styles.xml; none where it has no lists.
 */
export function numberingOf(xml: string | undefined, stylesXml?: string): Numbering | undefined {
  if (!xml) return undefined;
  const abstracts = new Map<string, Map<number, Level>>();
  /** Each abstract list's levels tied to a paragraph style (w:pStyle in a w:lvl): that style's level. */
  const styleLevels = new Map<string, Map<string, number>>();
  const nums = new Map<string, { abstract: string; starts: Map<number, number> }>();
  for (const m of xml.matchAll(/<w:abstractNum\b([^>]*)>([\s\S]*?)<\/w:abstractNum>/g)) {
    const id = attr(m[1]!, 'abstractNumId');
    if (id === undefined) continue;
    const levels = new Map<number, Level>();
    for (const l of m[2]!.matchAll(/<w:lvl\b([^>]*)>([\s\S]*?)<\/w:lvl>/g)) {
      const ilvl = Number(attr(l[1]!, 'ilvl'));
      if (!(ilvl >= 0 && ilvl < MAX_LEVELS)) continue;
      const val = (tag: string) => {
        const t = new RegExp(`<w:${tag}\\b([^>]*)/?>`).exec(l[2]!);
        return t ? attr(t[1]!, 'val') : undefined;
      };
      levels.set(ilvl, {
        start: Number(val('start') ?? 1) || 0,
        format: val('numFmt') ?? 'decimal',
        text: val('lvlText') ?? '',
      });
      const style = val('pStyle');
      if (style !== undefined) {
        if (!styleLevels.has(id)) styleLevels.set(id, new Map());
        styleLevels.get(id)!.set(style, ilvl);
      }
    }
    abstracts.set(id, levels);
  }
  for (const m of xml.matchAll(/<w:num\b([^>]*)>([\s\S]*?)<\/w:num>/g)) {
    const id = attr(m[1]!, 'numId');
    const abstract = /<w:abstractNumId\b([^>]*)\/?>/.exec(m[2]!);
    const abstractId = abstract ? attr(abstract[1]!, 'val') : undefined;
    if (id === undefined || abstractId === undefined) continue;
    const starts = new Map<number, number>();
    for (const o of m[2]!.matchAll(/<w:lvlOverride\b([^>]*)>([\s\S]*?)<\/w:lvlOverride>/g)) {
      const start = /<w:startOverride\b([^>]*)\/?>/.exec(o[2]!);
      const ilvl = Number(attr(o[1]!, 'ilvl'));
      if (start && ilvl >= 0 && ilvl < MAX_LEVELS) starts.set(ilvl, Number(attr(start[1]!, 'val')) || 0);
    }
    nums.set(id, { abstract: abstractId, starts });
  }
  if (!nums.size) return undefined;
  const styles = paragraphStyles(stylesXml);
  const ofStyle = (styleId: string): StyleList | undefined => {
    let ilvl: number | undefined;
    let id: string | undefined = styleId;
    for (let depth = 0; id !== undefined && depth < MAX_BASED_ON; depth++) {
      const style = styles.get(id);
      if (!style) return undefined;
      ilvl ??= style.ilvl;
      if (style.numId !== undefined) {
        if (style.numId === '0') return undefined;
        const abstract = nums.get(style.numId)?.abstract;
        const level = ilvl ?? (abstract === undefined ? undefined : styleLevels.get(abstract)?.get(styleId));
        return { numId: style.numId, ilvl: level ?? 0 };
      }
      id = style.basedOn;
    }
    return undefined;
  };
  /** Each list's counts by level: a list restarted (startOverride) counts on its own, others by their abstract list. */
  const counts = new Map<string, number[]>();
  return {
    ofStyle,
    next(numId, ilvl) {
      const num = nums.get(numId);
      const levels = num && abstracts.get(num.abstract);
      const level = levels?.get(ilvl);
      if (!num || !levels || !level || ilvl >= MAX_LEVELS) return undefined;
      const key = num.starts.size ? `num ${numId}` : `abstract ${num.abstract}`;
      let at = counts.get(key);
      if (!at) counts.set(key, (at = []));
      const startOf = (l: number) => num.starts.get(l) ?? levels.get(l)?.start ?? 1;
      at[ilvl] = at[ilvl] === undefined ? startOf(ilvl) : Math.min(at[ilvl]! + 1, MAX_COUNT);
      // A level counted on restarts the levels below it.
      at.length = ilvl + 1;
      let bullet = false;
      const text = level.text.replace(/%([1-9])/g, (_, d: string) => {
        const l = Number(d) - 1;
        const shown = formatted(at![l] ?? startOf(l), levels.get(l)?.format ?? 'decimal');
        if (shown === undefined) bullet = true;
        return shown ?? '';
      });
      return bullet || formatted(at[ilvl]!, level.format) === undefined ? undefined : text;
    },
  };
}

import { ReadProblem } from '../problem.js';

const INVALID = (what: string) => new ReadProblem(`不是有效的 .xlsx 文件（${what}）`);

const NAMED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function codePoint(n: number): string {
  return Number.isInteger(n) && n > 0 && n <= 0x10ffff && !(n >= 0xd800 && n <= 0xdfff)
    ? String.fromCodePoint(n)
    : '\ufffd';
}

/** Entity and character references; an unknown entity stays as written (there is no DTD to define one). */
export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]{1,8}|#[0-9]{1,10}|[a-zA-Z]+);/g, (whole, ref: string) => {
    if (ref[0] !== '#') return NAMED[ref] ?? whole;
    return codePoint(ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10));
  });
}

const localName = (name: string) => {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
};

const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;
const isNameEnd = (c: number) => isSpace(c) || c === 47 || c === 62;

export const END = 0;
export const OPEN = 1;
export const CLOSE = 2;
export const TEXT = 3;
export type XmlToken = typeof END | typeof OPEN | typeof CLOSE | typeof TEXT;

/**
 * A forgiving, non-validating pull reader for one XML part: start tags (a self-closing one is
 * followed by its end tag), end tags and text (CDATA included); comments and processing
 * instructions are skipped. Element names are local (the prefix dropped: writers bind the
 * spreadsheet namespace to any prefix or none). A DTD is refused: OOXML has none, and entities
 * defined in one are how XML is made to blow up. Every search moves forward: the scan is linear.
 */
export class XmlReader {
  /** The element of the last OPEN or CLOSE. */
  name = '';
  /** The raw attribute text of the last OPEN: read it with `attr`. */
  attrs = '';
  selfClosing = false;
  private raw = '';
  private at = 0;
  /** The next double and single quote at or after the scan position, -1 when there is none. */
  private dq: number;
  private sq: number;
  private pendingClose = false;

  constructor(private readonly xml: string) {
    this.dq = xml.indexOf('"');
    this.sq = xml.indexOf("'");
  }

  /** The last TEXT, entities decoded. */
  get text(): string {
    return decodeEntities(this.raw);
  }

  next(): XmlToken {
    if (this.pendingClose) {
      this.pendingClose = false;
      return CLOSE;
    }
    const xml = this.xml;
    const n = xml.length;
    while (this.at < n) {
      const at = this.at;
      const lt = xml.indexOf('<', at);
      const textEnd = lt < 0 ? n : lt;
      if (textEnd > at) {
        this.raw = xml.slice(at, textEnd);
        this.at = textEnd;
        return TEXT;
      }
      const next = xml.charCodeAt(lt + 1);
      if (next === 33 /* ! */ || next === 63 /* ? */) {
        if (this.special(lt, next)) return TEXT;
        continue;
      }
      const gt = this.tagEnd(lt);
      this.at = gt + 1;
      if (next === 47 /* / */) {
        this.name = localName(xml.slice(lt + 2, gt).trim());
        return CLOSE;
      }
      const selfClosing = xml.charCodeAt(gt - 1) === 47;
      const bodyEnd = selfClosing ? gt - 1 : gt;
      let k = lt + 1;
      while (k < bodyEnd && !isNameEnd(xml.charCodeAt(k))) k++;
      this.name = localName(xml.slice(lt + 1, k));
      this.attrs = k < bodyEnd ? xml.slice(k, bodyEnd) : '';
      this.selfClosing = selfClosing;
      this.pendingClose = selfClosing;
      return OPEN;
    }
    return END;
  }

  /** Comments, processing instructions, CDATA (true: it is text) and the refused DTD. */
  private special(lt: number, next: number): boolean {
    const xml = this.xml;
    const skipTo = (end: string, from: number, what: string): number => {
      const e = xml.indexOf(end, from);
      if (e < 0) throw INVALID(`XML ${what}未结束`);
      return e;
    };
    if (next === 63) {
      this.at = skipTo('?>', lt + 2, '处理指令') + 2;
      return false;
    }
    if (xml.startsWith('<!--', lt)) {
      this.at = skipTo('-->', lt + 4, '注释') + 3;
      return false;
    }
    if (xml.startsWith('<![CDATA[', lt)) {
      const e = skipTo(']]>', lt + 9, ' CDATA ');
      // Entities are not decoded in CDATA: escape its '&' so that `text` gives it back as written.
      this.raw = xml.slice(lt + 9, e).replace(/&/g, '&amp;');
      this.at = e + 3;
      return true;
    }
    throw INVALID('XML 含有 DTD 声明');
  }

  /** The '>' that ends the tag at `lt`: the first one outside quoted attribute values. */
  private tagEnd(lt: number): number {
    const xml = this.xml;
    let gt = xml.indexOf('>', lt);
    let from = lt;
    while (gt >= 0) {
      if (this.dq !== -1 && this.dq < from) this.dq = xml.indexOf('"', from);
      if (this.sq !== -1 && this.sq < from) this.sq = xml.indexOf("'", from);
      const dq = this.dq;
      const sq = this.sq;
      const q = dq === -1 ? sq : sq === -1 ? dq : Math.min(dq, sq);
      if (q === -1 || q > gt) break;
      const close = xml.indexOf(q === dq ? '"' : "'", q + 1);
      if (close < 0) gt = -1;
      else {
        from = close + 1;
        if (close > gt) gt = xml.indexOf('>', close);
      }
    }
    if (gt < 0) throw INVALID('XML 标记未结束');
    return gt;
  }
}

/**
 * Calls `fn` with each attribute's local name (`id` for `r:id`) and decoded value, in order, until
 * it returns true. Walks the attributes one by one, so a name inside a value is never taken for one.
 */
export function eachAttr(attrs: string, fn: (name: string, value: string) => boolean | void): void {
  const n = attrs.length;
  let i = 0;
  while (i < n) {
    while (i < n && isSpace(attrs.charCodeAt(i))) i++;
    const eq = attrs.indexOf('=', i);
    if (eq < 0) return;
    let keyEnd = eq;
    while (keyEnd > i && isSpace(attrs.charCodeAt(keyEnd - 1))) keyEnd--;
    let keyStart = i;
    for (let k = i; k < keyEnd; k++) if (attrs.charCodeAt(k) === 58 /* : */) keyStart = k + 1;
    let q = eq + 1;
    while (q < n && isSpace(attrs.charCodeAt(q))) q++;
    const quote = attrs.charCodeAt(q);
    if (quote !== 34 && quote !== 39) return;
    const end = attrs.indexOf(quote === 34 ? '"' : "'", q + 1);
    if (end < 0) return;
    if (fn(attrs.slice(keyStart, keyEnd), decodeEntities(attrs.slice(q + 1, end)))) return;
    i = end + 1;
  }
}

/** The decoded value of attribute `name` (its local name: `id` finds `r:id`), or undefined. */
export function attr(attrs: string, name: string): string | undefined {
  let found: string | undefined;
  eachAttr(attrs, (key, value) => {
    if (key !== name) return false;
    found = value;
    return true;
  });
  return found;
}

/** Each start tag of a part, for parts read by their attributes alone (relationships, the workbook). */
export function eachElement(xml: string, fn: (name: string, attrs: string) => void): void {
  const r = new XmlReader(xml);
  for (let t = r.next(); t !== END; t = r.next()) if (t === OPEN) fn(r.name, r.attrs);
}

import { CLOSE, decodeEntities, END, OPEN, TEXT, XmlReader } from './xml.js';

/** OOXML writes characters XML cannot hold as _xHHHH_ (_x000D_ for a carriage return). */
export function unescapeOoxml(s: string): string {
  if (!s.includes('_x')) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/**
 * The text of a string item (`<si>`, `<is>`), read up to its end tag: its `<t>`, or the `<t>` of
 * each rich-text run, never the phonetic guide (`<rPh>`) that East Asian files add.
 */
export function readStringItem(r: XmlReader, end: string): string {
  let text = '';
  let inT = false;
  let phonetic = 0;
  for (let t = r.next(); t !== END; t = r.next()) {
    if (t === TEXT) {
      if (inT) text += r.text;
    } else if (t === OPEN) {
      if (r.name === 'rPh') phonetic += r.selfClosing ? 0 : 1;
      else if (r.name === 't') inT = !phonetic && !r.selfClosing;
    } else if (t === CLOSE) {
      if (r.name === end) break;
      if (r.name === 'rPh') phonetic = Math.max(0, phonetic - 1);
      else if (r.name === 't') inT = false;
    }
  }
  return unescapeOoxml(text);
}

/** An item that is a plain <t> (its text in the first group, as PLAIN would find it), any other, or none. */
const ITEM = /<si><t(?: xml:space="preserve")?>([^<]*)<\/t><\/si>|<si>([\s\S]*?)<\/si>|<si\/>/g;
const PLAIN = /^<t(?: xml:space="preserve")?>([^<]*)<\/t>$/;

function occurrences(text: string, of: string): number {
  let n = 0;
  for (let at = text.indexOf(of); at >= 0; at = text.indexOf(of, at + of.length)) n++;
  return n;
}

/** The quick way, for unprefixed parts without comments or CDATA: a plain <t> as it stands. */
function readSharedStringsQuickly(xml: string): string[] | undefined {
  if (xml.includes('<!') || !xml.includes('<sst')) return undefined;
  // An item never closed: the lazy pattern would scan the rest of the part from each one after it
  // (300,000 of them in a 14 KB file did not end in minutes). The tokens read it in one pass.
  if (occurrences(xml, '<si>') !== occurrences(xml, '</si>')) return undefined;
  const out: string[] = [];
  for (const m of xml.matchAll(ITEM)) {
    const body = m[2];
    if (m[1] !== undefined) out.push(unescapeOoxml(decodeEntities(m[1])));
    else if (body === undefined) out.push('');
    else {
      const plain = PLAIN.exec(body);
      out.push(plain ? unescapeOoxml(decodeEntities(plain[1]!)) : readStringItem(new XmlReader(body), 'si'));
    }
  }
  return out;
}

/** xl/sharedStrings.xml: the workbook's strings, in index order. */
export function readSharedStrings(xml: string): string[] {
  return readSharedStringsQuickly(xml) ?? readSharedStringsTokens(xml);
}

/** Both ways, for the tests that hold them to the same strings. */
export const sharedStringsWays = { quickly: readSharedStringsQuickly, tokens: readSharedStringsTokens };

function readSharedStringsTokens(xml: string): string[] {
  const out: string[] = [];
  const r = new XmlReader(xml);
  for (let t = r.next(); t !== END; t = r.next()) {
    if (t !== OPEN || r.name !== 'si') continue;
    if (r.selfClosing) {
      r.next();
      out.push('');
    } else out.push(readStringItem(r, 'si'));
  }
  return out;
}

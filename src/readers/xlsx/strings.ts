import { CLOSE, END, OPEN, TEXT, XmlReader } from './xml.js';

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

/** xl/sharedStrings.xml: the workbook's strings, in index order. */
export function readSharedStrings(xml: string): string[] {
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

import { attr, CLOSE, END, OPEN, XmlReader } from './xml.js';

/** How a cell style shows a number: as itself, a date, a time of day, or both. */
export type Shown = 'number' | 'date' | 'time' | 'dateTime';

/** Built-in number formats that show dates or times (ECMA-376 §18.8.30, with the CJK ones). */
const BUILT_IN: ReadonlyMap<number, Shown> = new Map([
  ...[14, 15, 16, 17, 27, 28, 29, 30, 31, 36, 50, 51, 52, 53, 54, 57, 58].map(
    (id) => [id, 'date'] as [number, Shown],
  ),
  ...[18, 19, 20, 21, 32, 33, 34, 35, 45, 46, 47, 55, 56].map((id) => [id, 'time'] as [number, Shown]),
  [22, 'dateTime'] as [number, Shown],
]);

/** What a custom format code shows: quoted text, escapes and [colour]/[$-804] sections aside. */
export function formatShows(code: string): Shown {
  const bare = code
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[(?:h+|m+|s+)\]/gi, 'h')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/_./g, '')
    .replace(/\*./g, '');
  if (/general/i.test(bare)) return 'number';
  const time = /[hs]/i.test(bare);
  const date = /[yd]/i.test(bare) || (/m/i.test(bare) && !time);
  return date ? (time ? 'dateTime' : 'date') : time ? 'time' : 'number';
}

const shownOf = (custom: ReadonlyMap<number, Shown>, attrs: string): Shown => {
  const id = Number(attr(attrs, 'numFmtId') ?? 0);
  return custom.get(id) ?? BUILT_IN.get(id) ?? 'number';
};

/** The quick way, for unprefixed parts without comments or CDATA: number formats and cell styles by pattern. */
function readStylesQuickly(xml: string): Shown[] | undefined {
  if (xml.includes('<!') || !xml.includes('<styleSheet')) return undefined;
  // Each pattern below stops at the next tag or at the list's end: an unclosed one scanned the rest
  // of the part again from each of 80,000 tags (a minute and a half).
  if (xml.includes('<cellXfs') && !xml.includes('</cellXfs>')) return undefined;
  const custom = new Map<number, Shown>();
  for (const m of xml.matchAll(/<numFmt\b((?:[^<>"']|"[^"<]*"|'[^'<]*')*)>/g))
    custom.set(Number(attr(m[1]!, 'numFmtId')), formatShows(attr(m[1]!, 'formatCode') ?? ''));
  const xfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml)?.[1] ?? '';
  // A cell style's attributes are ids and flags: no '>' in them.
  return [...xfs.matchAll(/<xf\b([^>]*)>/g)].map((m) => shownOf(custom, m[1]!));
}

/** xl/styles.xml: for each cell style (`s` of a cell), how it shows numbers. */
export function readStyles(xml: string): Shown[] {
  return readStylesQuickly(xml) ?? readStylesTokens(xml);
}

/** Both ways, for the tests that hold them to the same styles. */
export const stylesWays = { quickly: readStylesQuickly, tokens: readStylesTokens };

function readStylesTokens(xml: string): Shown[] {
  const custom = new Map<number, Shown>();
  const styles: Shown[] = [];
  let inCellXfs = false;
  const r = new XmlReader(xml);
  for (let t = r.next(); t !== END; t = r.next()) {
    if (t === CLOSE) {
      if (r.name === 'cellXfs') inCellXfs = false;
    } else if (t === OPEN) {
      if (r.name === 'numFmt') {
        custom.set(Number(attr(r.attrs, 'numFmtId')), formatShows(attr(r.attrs, 'formatCode') ?? ''));
      } else if (r.name === 'cellXfs') inCellXfs = !r.selfClosing;
      else if (r.name === 'xf' && inCellXfs) {
        const id = Number(attr(r.attrs, 'numFmtId') ?? 0);
        styles.push(custom.get(id) ?? BUILT_IN.get(id) ?? 'number');
      }
    }
  }
  return styles;
}

const DAY = 86_400_000;
const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * A serial date as text: 「2024-03-01」, 「2024-03-01 08:30:00」 or 「08:30:00」. Serial 60 of the
 * 1900 system is Excel's 29 February 1900, a day that never was; undefined past 9999-12-31.
 */
export function serialText(serial: number, shown: Shown, date1904: boolean): string | undefined {
  if (!(serial >= 0) || serial >= 2_958_466) return undefined;
  const days = Math.floor(serial);
  const ms = Math.round((serial - days) * DAY);
  const time = `${pad(Math.floor(ms / 3_600_000) % 24)}:${pad(Math.floor(ms / 60_000) % 60)}:${pad(Math.floor(ms / 1000) % 60)}`;
  if (shown === 'time') return time;
  let date: string;
  if (!date1904 && days === 60) date = '1900-02-29';
  else {
    const base = date1904
      ? Date.UTC(1904, 0, 1)
      : days < 60
        ? Date.UTC(1899, 11, 31)
        : Date.UTC(1899, 11, 30);
    const d = new Date(base + days * DAY + (ms >= DAY ? DAY : 0));
    date = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  }
  return shown === 'dateTime' || ms % DAY !== 0 ? `${date} ${time}` : date;
}

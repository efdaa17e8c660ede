// Controls but tab and line ends, and the bidirectional marks and overrides: a report's text, a
// body's or a sheet's name that holds one (U+202E) would show the rest of its line reversed, on a
// page that is signed, in the side panel, in a terminal.
const UNSHOWN =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Text from a file as we show it: without what would change how it, or the rest of its line, reads. */
export const shownText = (s: string): string => s.replace(UNSHOWN, '');

/** A long text quoted in a message: its first `keep` characters and 「…」, where it has more than `max`. */
export const clipped = (s: string, max = 30, keep = 30): string =>
  s.length > max ? `${s.slice(0, keep)}…` : s;

/** A text as a sentence: 。 added where it ends without one, so that the next may follow it. */
export const endSentence = (s: string): string => (/[。！？]$/.test(s) ? s : `${s}。`);

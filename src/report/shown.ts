// Controls but tab and line ends, and the bidirectional marks and overrides: a report's text, a
// body's or a sheet's name that holds one (U+202E) would show the rest of its line reversed, on a
// page that is signed, in the side panel, in a terminal.
const UNSHOWN =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Text from a file as we show it: without what would change how it, or the rest of its line, reads. */
export const shownText = (s: string): string => s.replace(UNSHOWN, '');

/**
 * Characters that show as nothing (zero-width spaces and joiners, the word joiner, a byte-order mark
 * inside a text, a soft hyphen): a page's copy leaves them after numbers, where they make 「387」 no
 * number.
 */
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;
const ANY_INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/;

export const hasInvisible = (s: string): boolean => ANY_INVISIBLE.test(s);

/** The text without the characters that show as nothing (see INVISIBLE). */
export const withoutInvisible = (s: string): string => (ANY_INVISIBLE.test(s) ? s.replace(INVISIBLE, '') : s);

/** A long text quoted in a message: its first `keep` characters and 「…」, where it has more than `max`. */
export const clipped = (s: string, max = 30, keep = 30): string =>
  s.length > max ? `${s.slice(0, keep)}…` : s;

/** A text as a sentence: 。 added where it ends without one, so that the next may follow it. */
export const endSentence = (s: string): string => (/[。！？]$/.test(s) ? s : `${s}。`);

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });
const LENIENT_UTF8 = new TextDecoder('utf-8');

/**
 * UTF-8, bytes that are none shown as U+FFFD. Decoded strictly first: Node's strict decoder is a few
 * times quicker than its lenient one (which it needs only where the bytes are no UTF-8).
 */
export function utf8Lenient(bytes: Uint8Array): string {
  try {
    return STRICT_UTF8.decode(bytes);
  } catch {
    return LENIENT_UTF8.decode(bytes);
  }
}

/** Bad sequences (each shown as U+FFFD) in this share of a UTF-8 text's characters at most: a damaged UTF-8 file. */
const DAMAGED_SHARE = 1 / 1000;
const MIN_DAMAGED = 8;

/**
 * UTF-8, or the GB18030 (GBK, GB2312) that many government sites still save pages in. A UTF-8 text
 * with a stray byte or two (a bad copy, a lone surrogate) stays UTF-8, those bytes shown as U+FFFD:
 * a report in GBK read as UTF-8 has a bad sequence for nearly every Chinese character.
 */
export function decodeText(bytes: Uint8Array): string {
  try {
    return STRICT_UTF8.decode(bytes);
  } catch {
    const lenient = LENIENT_UTF8.decode(bytes);
    let bad = 0;
    for (let at = lenient.indexOf('\ufffd'); at >= 0; at = lenient.indexOf('\ufffd', at + 1)) bad++;
    if (bad <= Math.max(MIN_DAMAGED, lenient.length * DAMAGED_SHARE)) return lenient;
    return new TextDecoder('gb18030').decode(bytes);
  }
}

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

/** UTF-8, or the GB18030 (GBK, GB2312) that many government sites still save pages in. */
export function decodeText(bytes: Uint8Array): string {
  try {
    return STRICT_UTF8.decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

import { decodeText } from './decode.js';

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** Bytes after the last whole UTF-8 character, when the file ends part way through one. */
function cutTail(bytes: Uint8Array): number {
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const b = bytes[bytes.length - back]!;
    if ((b & 0xc0) === 0x80) continue; // a continuation byte: look further back
    const needs = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return needs > back ? back : 0;
  }
  return 0;
}

function utf8(bytes: Uint8Array): string | undefined {
  try {
    return UTF8.decode(bytes);
  } catch {
    return undefined;
  }
}

/** How far into a file its NUL bytes are counted. */
const HEAD = 4096;

/**
 * UTF-16 saved without a byte-order mark: its ASCII characters (markup, digits, tabs) put a NUL
 * byte on one side of their pairs, and few others do (「一」 is 00 4E). Undefined for other text.
 */
function utf16WithoutMark(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(bytes.length, HEAD) & ~1;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  const pairs = n / 2;
  if (odd >= pairs / 10 && even * 3 < odd) return 'utf-16le';
  if (even >= pairs / 10 && odd * 3 < even) return 'utf-16be';
  return undefined;
}

/**
 * A text file's bytes as text: UTF-16 or UTF-8 by their byte-order mark, UTF-16 without one by
 * where its NUL bytes fall; UTF-8 even when the file was cut off inside its last character; else
 * as decodeText tells (UTF-8 or GB18030). NUL bytes are shown as ␀, so that a message quoting the
 * text shows them.
 */
export function bytesToText(bytes: Uint8Array): string {
  let text: string | undefined;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) text = new TextDecoder('utf-16le').decode(bytes);
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = new TextDecoder('utf-16be').decode(bytes);
  else if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    text = new TextDecoder('utf-8').decode(bytes);
  else if (bytes.subarray(0, HEAD).includes(0) && utf16WithoutMark(bytes))
    text = new TextDecoder(utf16WithoutMark(bytes)).decode(bytes);
  else {
    text = utf8(bytes);
    const cut = text === undefined ? cutTail(bytes) : 0;
    if (cut) text = utf8(bytes.subarray(0, bytes.length - cut));
    text ??= decodeText(bytes);
  }
  return text.includes('\0') ? text.replace(/\0/g, '␀') : text;
}

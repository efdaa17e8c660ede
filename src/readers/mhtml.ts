import { bytesToText } from './bytes.js';

/**
 * A web archive (.mht, .mhtml: a browser's 「网页，单个文件」, Word's 「单个文件网页」) is a MIME
 * message: the page and its pictures as parts, each in its transfer encoding. Its first part that
 * is a page is the page.
 */

const LATIN1 = new TextDecoder('latin1');

/** A MIME message's first lines: header fields, the first of them one an archive begins with. */
const HEAD =
  /^(?:from|mime-version|content-type|subject|date|snapshot-content-location|content-location)\s*:/i;
const ARCHIVE_TYPE = /^content-type\s*:\s*(?:multipart\/related|text\/html)/im;

/** Whether a file begins as a MIME message does: with a header field an archive begins with. */
export const beginsAsMessage = (head: string): boolean => HEAD.test(head);

/** Whether the file's start is a web archive's: MIME header fields that say a page or a page with its parts. */
export function isWebArchive(head: string): boolean {
  const fields = head.split(/\r?\n\r?\n/, 1)[0]!;
  return HEAD.test(fields) && ARCHIVE_TYPE.test(fields);
}

interface Part {
  readonly fields: ReadonlyMap<string, string>;
  readonly body: string;
}

/** Header fields (their names lower-cased, folded lines joined) and the body after them; the text is bytes as Latin-1. */
function part(text: string): Part {
  const blank = /\r?\n\r?\n/.exec(text);
  const head = blank ? text.slice(0, blank.index) : text;
  const body = blank ? text.slice(blank.index + blank[0].length) : '';
  const fields = new Map<string, string>();
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) fields.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { fields, body };
}

/** A parameter of a field's value: boundary="…", charset=gb2312. */
function parameter(value: string, name: string): string | undefined {
  const m = new RegExp(`;\\s*${name}\\s*=\\s*(?:"([^"]*)"|([^;\\s]+))`, 'i').exec(value);
  return m ? (m[1] ?? m[2]) : undefined;
}

const bytesOf = (latin1: string) => Uint8Array.from(latin1, (c) => c.charCodeAt(0));

/** quoted-printable (RFC 2045): 「=」 at a line's end joins it to the next; 「=XX」 is a byte. */
function quotedPrintable(body: string): Uint8Array {
  const text = body.replace(/=\r?\n/g, '');
  const out = new Uint8Array(text.length);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const hex = c === 61 ? text.slice(i + 1, i + 3) : '';
    if (/^[0-9A-Fa-f]{2}$/.test(hex)) {
      out[n++] = parseInt(hex, 16);
      i += 2;
    } else out[n++] = c;
  }
  return out.subarray(0, n);
}

function base64(body: string): Uint8Array | undefined {
  try {
    return bytesOf(atob(body.replace(/[^A-Za-z0-9+/=]/g, '')));
  } catch {
    return undefined;
  }
}

/** A part's body as text: in its transfer encoding, then its character set (or as any text file is read). */
function decoded(p: Part): string | undefined {
  const encoding = (p.fields.get('content-transfer-encoding') ?? '').toLowerCase();
  const bytes =
    encoding === 'quoted-printable'
      ? quotedPrintable(p.body)
      : encoding === 'base64'
        ? base64(p.body)
        : bytesOf(p.body);
  if (!bytes) return undefined;
  const charset = parameter(p.fields.get('content-type') ?? '', 'charset');
  if (charset) {
    try {
      return new TextDecoder(charset).decode(bytes);
    } catch {
      // A character set TextDecoder does not know: read as a text file is.
    }
  }
  return bytesToText(bytes);
}

const isPage = (p: Part) => /^text\/html\b/i.test(p.fields.get('content-type') ?? '');

/** The page a web archive holds, or undefined where it holds none. */
export function archivedPage(bytes: Uint8Array): string | undefined {
  const message = part(LATIN1.decode(bytes));
  const type = message.fields.get('content-type') ?? '';
  if (isPage(message)) return decoded(message);
  const boundary = parameter(type, 'boundary');
  if (!/^multipart\//i.test(type) || !boundary) return undefined;
  const delimiter = `--${boundary}`;
  // The parts: what stands between lines that are the delimiter (the last one followed by 「--」).
  for (const chunk of message.body.split(delimiter).slice(1)) {
    if (chunk.startsWith('--')) break;
    const p = part(chunk.replace(/^[ \t]*\r?\n/, ''));
    if (isPage(p)) return decoded(p);
  }
  return undefined;
}

// A zip's central directory, read without inflating anything: the workbook reader's, and the
// content sniff's (which must not load an inflater to tell a workbook from a zip of attachments).
import { ReadProblem } from '../problem.js';

/** One file of a zip, as its central directory describes it. */
export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly flags: number;
  readonly compressedSize: number;
  /** The unzipped size the directory declares; the data is held to it. */
  readonly size: number;
  readonly localOffset: number;
  /** The CRC-32 of the unzipped data: an inflater that takes damaged data without a word is caught by it. */
  readonly crc: number;
}

const BROKEN = '不是有效的 .xlsx 文件（压缩包已损坏或不完整）';
export const broken = (): never => {
  throw new ReadProblem(BROKEN);
};

export const u16 = (b: Uint8Array, at: number): number => {
  if (at + 2 > b.length) broken();
  return b[at]! | (b[at + 1]! << 8);
};
export const u32 = (b: Uint8Array, at: number): number => {
  if (at + 4 > b.length) broken();
  return (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16)) + b[at + 3]! * 0x1000000;
};
/** A zip64 size: past 2^53 it is no size any workbook has. */
const u64 = (b: Uint8Array, at: number): number => {
  const n = u32(b, at) + u32(b, at + 4) * 0x100000000;
  return Number.isSafeInteger(n) ? n : broken();
};

const EOCD = 0x06054b50;
const EOCD64_LOCATOR = 0x07064b50;
const EOCD64 = 0x06064b50;
const CENTRAL = 0x02014b50;
export const LOCAL = 0x04034b50;
const UTF8 = new TextDecoder('utf-8');

/** A name in the zip: ASCII as it is (nearly every part), anything else as UTF-8. */
function nameAt(b: Uint8Array, start: number, end: number): string {
  let ascii = '';
  for (let i = start; i < end; i++) {
    const c = b[i]!;
    if (c >= 0x80) return UTF8.decode(b.subarray(start, end));
    ascii += String.fromCharCode(c);
  }
  return ascii;
}

function endOfDirectory(b: Uint8Array): { count: number; offset: number } {
  // The end record is 22 bytes plus a comment of at most 65535.
  const stop = Math.max(0, b.length - 22 - 0xffff);
  for (let at = b.length - 22; at >= stop; at--) {
    if (u32(b, at) !== EOCD) continue;
    let count = u16(b, at + 10);
    let offset = u32(b, at + 16);
    if ((count === 0xffff || offset === 0xffffffff) && at >= 20 && u32(b, at - 20) === EOCD64_LOCATOR) {
      const end64 = u64(b, at - 12);
      if (u32(b, end64) !== EOCD64) broken();
      count = u64(b, end64 + 32);
      offset = u64(b, end64 + 48);
    }
    return { count, offset };
  }
  return broken();
}

/** Sizes and offset from a zip64 extra field, where the 32-bit fields say 0xffffffff. */
function zip64(b: Uint8Array, at: number, end: number, fields: number[]): number[] {
  while (at + 4 <= end) {
    const id = u16(b, at);
    const len = u16(b, at + 2);
    if (id === 0x0001) {
      let p = at + 4;
      return fields.map((f) => {
        if (f !== 0xffffffff) return f;
        const n = u64(b, p);
        p += 8;
        return n;
      });
    }
    at += 4 + len;
  }
  return fields;
}

/**
 * Directories read, by the bytes they were read from: the content sniff reads a file's directory,
 * then its reader reads the same bytes' directory again.
 */
const directories = new WeakMap<Uint8Array, ReadonlyMap<string, ZipEntry>>();

/** The zip's directory, by name as written (backslashes read as slashes), without reading any data. */
export function zipEntries(b: Uint8Array, maxEntries: number): ReadonlyMap<string, ZipEntry> {
  const { count, offset } = endOfDirectory(b);
  if (count > maxEntries)
    throw new ReadProblem(`压缩包中有 ${count} 个文件，超过上限 ${maxEntries}，不像是年报工作簿`);
  const known = directories.get(b);
  if (known) return known;
  const entries = new Map<string, ZipEntry>();
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (u32(b, at) !== CENTRAL) broken();
    const flags = u16(b, at + 8);
    const method = u16(b, at + 10);
    const nameLength = u16(b, at + 28);
    const extraLength = u16(b, at + 30);
    const commentLength = u16(b, at + 32);
    const nameStart = at + 46;
    if (nameStart + nameLength + extraLength > b.length) broken();
    const name = nameAt(b, nameStart, nameStart + nameLength).replace(/\\/g, '/');
    const [size, compressedSize, localOffset] = zip64(
      b,
      nameStart + nameLength,
      nameStart + nameLength + extraLength,
      [u32(b, at + 24), u32(b, at + 20), u32(b, at + 42)],
    ) as [number, number, number];
    entries.set(name, { name, method, flags, compressedSize, size, localOffset, crc: u32(b, at + 16) });
    at = nameStart + nameLength + extraLength + commentLength;
  }
  directories.set(b, entries);
  return entries;
}

let table: Uint32Array | undefined;

/** The CRC-32 of `data`, as zip files hold it. */
export function crc32(data: Uint8Array): number {
  if (!table) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < data.length; i++) crc = table[(crc ^ data[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

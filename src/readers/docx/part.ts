import { type Crc32, type RawInflate, unzipEntry, type ZipEntry } from '../xlsx/zip.js';

/** A part that inflates this much more than its compressed size is a zip bomb's. */
export const MAX_RATIO = 100;

/**
 * A part of the document other than its body (a page header, the lists, an embedded workbook), or
 * undefined where it is missing, larger than `max`, a zip bomb's or broken: such a part is none.
 */
export function partBytes(
  bytes: Uint8Array,
  entry: ZipEntry | undefined,
  max: number,
  options: { inflate?: RawInflate; crc32?: Crc32 },
): Uint8Array | undefined {
  if (!entry || entry.size > max || entry.size > Math.max(entry.compressedSize, 1) * MAX_RATIO)
    return undefined;
  try {
    return unzipEntry(bytes, entry, options.inflate, options.crc32);
  } catch {
    return undefined;
  }
}

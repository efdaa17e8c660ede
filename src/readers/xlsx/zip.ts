import { Inflate, inflateSync } from 'fflate';
import { ReadProblem } from '../problem.js';
import { broken, crc32, LOCAL, u16, u32, type ZipEntry } from './directory.js';

export { type ZipEntry, zipEntries } from './directory.js';

/** Parts this small are inflated in one go: a lie about their size costs a few milliseconds at most. */
const ONE_GO = 16 * 1024;

/**
 * Inflates raw DEFLATE data to at most `max` bytes, throwing a RangeError where it would give more:
 * what a host with a native zlib passes in (Node's inflateRawSync with maxOutputLength) instead of
 * fflate, which every host has.
 */
export type RawInflate = (data: Uint8Array, max: number) => Uint8Array;

/** A native CRC-32 (Node's zlib.crc32), where the host has one: the reader's own is slow to warm up. */
export type Crc32 = (data: Uint8Array) => number;

/** A part that inflates past the size the zip's directory declares: a zip bomb's mark. */
export class PartTooLarge extends ReadProblem {}

/** An entry's bytes, held to the size the directory declares: a part that inflates past it is refused. */
export function unzipEntry(b: Uint8Array, e: ZipEntry, native?: RawInflate, crc: Crc32 = crc32): Uint8Array {
  const out = inflated(b, e, native);
  // Damaged data that an inflater takes without complaint (fflate checks less than zlib) is caught here.
  return crc(out) === e.crc ? out : broken();
}

function inflated(b: Uint8Array, e: ZipEntry, native?: RawInflate): Uint8Array {
  if (e.flags & 1) throw new ReadProblem('工作簿已加密（设置了打开密码）：请取消密码后另存为 .xlsx');
  const at = e.localOffset;
  if (u32(b, at) !== LOCAL) broken();
  const start = at + 30 + u16(b, at + 26) + u16(b, at + 28);
  const end = start + e.compressedSize;
  if (end > b.length) broken();
  const data = b.subarray(start, end);
  if (e.method === 0) return e.compressedSize === e.size ? data : broken();
  if (e.method !== 8) throw new ReadProblem(`不是有效的 .xlsx 文件（不支持的压缩方式 ${e.method}）`);
  const lied = () =>
    new PartTooLarge(`不是有效的 .xlsx 文件（「${e.name}」解压后比声明的大小更大，疑为压缩炸弹）`);
  try {
    // Native, where the host has it, for every part: even a part of 300 bytes inflates in half
    // fflate's time there (fflate builds its tables on each call).
    if (native) {
      let out: Uint8Array;
      try {
        out = native(data, e.size + 1);
      } catch (err) {
        if (err instanceof RangeError) throw lied();
        throw err;
      }
      if (out.length > e.size) throw lied();
      return out;
    }
    if (data.length <= ONE_GO) {
      // One byte more than declared tells a lie apart from the truth.
      const out = inflateSync(data, { out: new Uint8Array(e.size + 1) });
      if (out.length > e.size) throw lied();
      return out;
    }
    const out = new Uint8Array(e.size);
    let length = 0;
    const inflate = new Inflate((chunk) => {
      if (length + chunk.length > e.size) throw lied();
      out.set(chunk, length);
      length += chunk.length;
    });
    for (let p = 0; p < data.length; p += ONE_GO) {
      const last = p + ONE_GO >= data.length;
      inflate.push(data.subarray(p, Math.min(p + ONE_GO, data.length)), last);
    }
    return out.subarray(0, length);
  } catch (err) {
    if (err instanceof ReadProblem) throw err;
    return broken();
  }
}

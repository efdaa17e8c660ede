import { utf8Lenient } from '../decode.js';
import { attr, eachElement } from '../xlsx/xml.js';
import type { Crc32, RawInflate, ZipEntry } from '../xlsx/zip.js';
import { partBytes } from './part.js';

export interface PartReader {
  /** The package's part a relationship id of the body names, inflated; undefined where there is none, or it is larger than `max`. */
  part(rid: string, max: number): { readonly name: string; readonly bytes: Uint8Array } | undefined;
}

const RELS = 'word/_rels/document.xml.rels';
const MAX_RELS = 2 ** 20;

/**
 * The parts the body refers to by relationship id (an embedded workbook, a chunk of a web page), its
 * relationships read when first asked for: a document that names none reads nothing more.
 */
export function bodyParts(
  bytes: Uint8Array,
  entries: ReadonlyMap<string, ZipEntry>,
  options: { inflate?: RawInflate; crc32?: Crc32 },
): PartReader {
  let targets: Map<string, string> | undefined;
  const inflated = (name: string, max: number) => partBytes(bytes, entries.get(name), max, options);
  return {
    part(rid, max) {
      if (!targets) {
        targets = new Map();
        const rels = inflated(RELS, MAX_RELS);
        if (rels)
          eachElement(utf8Lenient(rels), (name, attrs) => {
            const id = attr(attrs, 'Id');
            const target = attr(attrs, 'Target');
            if (name === 'Relationship' && id && target && attr(attrs, 'TargetMode') !== 'External')
              targets!.set(id, target.startsWith('/') ? target.slice(1) : `word/${target}`);
          });
      }
      const name = targets.get(rid);
      const found = name === undefined ? undefined : inflated(name, max);
      return name !== undefined && found ? { name, bytes: found } : undefined;
    },
  };
}

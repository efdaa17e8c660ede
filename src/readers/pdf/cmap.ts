import { CMAPS } from './cmaps/index.js';

/** What pdf.js asks of a CMap reader, and what it gets back: a binary (packed) CMap. */
export interface CMapFetch {
  fetch(params: { name: string }): Promise<{ cMapData: Uint8Array; isCompressed: boolean }>;
}

function bytesOf(base64: string): Uint8Array {
  const text = atob(base64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

/**
 * pdf.js's CMapReaderFactory for one document: a font that names a predefined CMap
 * (「UniGB-UCS2-H」, common in PDFs from WPS) and has no ToUnicode map gets its text only through
 * that CMap and Adobe-GB1-UCS2. Each is a module of its own, imported when first asked for; a
 * name not held is noted in `missing`.
 */
export function cMapReader(missing: Set<string>): new (options: object) => CMapFetch {
  return class {
    async fetch({ name }: { name: string }) {
      const load = Object.hasOwn(CMAPS, name) ? CMAPS[name] : undefined;
      if (!load) {
        missing.add(name);
        throw new Error(`CMap ${name} is not among those held`);
      }
      return { cMapData: bytesOf((await load()).default), isCompressed: true };
    }
  };
}

// Chunks of another format in a Word document (w:altChunk): a web page, or a web archive, that Word
// lays out in the document's place when it opens it. Pages 「导出 Word」 by a site's software are often
// one such chunk and nothing else: the report is in the chunk, not in document.xml.
import { bytesToText } from '../bytes.js';
import { MAX_PAGE_DEPTH, pageText } from '../html.js';
import { archivedPage, isWebArchive } from '../mhtml.js';
import type { PartReader } from './relationships.js';

/** A chunk's text as a page's copy gives it (lines, a table's cells each a line); undefined where it is none Word lays out as a page. */
export type ChunkTexts = (rid: string) => string | undefined;

/** As large as a page that is read (files.ts): a web archive holds its pictures too. */
const MAX_BYTES = 20 * 2 ** 20;
const MAX_CHUNKS = 16;
const PAGE = /\.(?:html?|xhtml)$/i;
const ARCHIVE = /\.(?:mht|mhtml)$/i;
const TEXT = /\.txt$/i;

export function chunkTexts(parts: PartReader): ChunkTexts {
  let read = 0;
  return (rid) => {
    if (read >= MAX_CHUNKS) return undefined;
    read++;
    const found = parts.part(rid, MAX_BYTES);
    if (!found) return undefined;
    const { name, bytes } = found;
    if (TEXT.test(name)) return bytesToText(bytes);
    const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
    const html =
      ARCHIVE.test(name) || isWebArchive(head)
        ? archivedPage(bytes)
        : PAGE.test(name)
          ? bytesToText(bytes)
          : undefined;
    return html === undefined ? undefined : pageText(html, MAX_PAGE_DEPTH);
  };
}

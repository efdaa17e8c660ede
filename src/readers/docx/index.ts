import { utf8Lenient } from '../decode.js';
import { ReadProblem } from '../problem.js';
import { type DocBlock, readDocument } from '../text/document.js';
import type { TextResult } from '../text/index.js';
import { mib } from '../xlsx/limits.js';
import {
  type Crc32,
  PartTooLarge,
  type RawInflate,
  unzipEntry,
  type ZipEntry,
  zipEntries,
} from '../xlsx/zip.js';
import { bodyBlocks } from './body.js';
import { type ChunkTexts, chunkTexts } from './chunks.js';
import { type EmbeddedTables, embeddedTables } from './embedded.js';
import { MAX_RATIO, partBytes } from './part.js';
import { bodyParts } from './relationships.js';
import { type Numbering, numberingOf } from './numbering.js';

/** An OLE compound file: a .doc, .wps or .et, or an .docx saved with a password. */
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP = [0x50, 0x4b, 0x03, 0x04];
/**
 * More markup than any report (a report's body is a megabyte or two): a bound on time and memory.
 * A body that inflates this much more than its compressed size is a zip bomb's.
 */
const MAX_XML = 16 * 2 ** 20;
const RATIO_FROM = 2 ** 20;
/** A Word file holds a few dozen parts. */
const MAX_ENTRIES = 10_000;
const BODY = 'word/document.xml';
const BROKEN = '.docx 文件已损坏或不完整（可能没有下载完整），无法读取。请重新下载或在 Word 中另存后再校验。';

const startsWith = (bytes: Uint8Array, magic: readonly number[]) => magic.every((b, i) => bytes[i] === b);

/** A Word report (.docx): its tables straight into the grid reader, its paragraphs as the text. */
export async function readDocx(
  bytes: Uint8Array,
  options: { source?: string; inflate?: RawInflate; crc32?: Crc32 } = {},
): Promise<TextResult> {
  if (startsWith(bytes, OLE)) {
    return {
      problem:
        '这不是 .docx 文件：可能是旧版 Word（.doc）、WPS 文字（.wps）文件，或设置了打开密码的文档。请在 Word 或 WPS 中取消密码，另存为 .docx 或 PDF 后再校验。',
    };
  }
  if (!startsWith(bytes, ZIP))
    return { problem: '这不是 .docx 文件（文件内容不是 Word 文档格式），无法读取。' };
  let xml: Uint8Array;
  let header: DocBlock[] = [];
  let numbering: Numbering | undefined;
  let objects: EmbeddedTables | undefined;
  let chunks: ChunkTexts | undefined;
  try {
    const entries = zipEntries(bytes, MAX_ENTRIES);
    const entry = entries.get(BODY);
    if (!entry) return { problem: `.docx 文件中没有正文（${BODY}），可能已损坏，或不是 Word 文档。` };
    // Its declared size is checked before anything is inflated, and held to as it is.
    if (entry.size > MAX_XML)
      return {
        problem: `.docx 文件的正文（${BODY}）解压后有 ${mib(entry.size)}，超过上限 ${mib(MAX_XML)}，不像一份年报，未读取。`,
      };
    if (entry.size > RATIO_FROM && entry.size > entry.compressedSize * MAX_RATIO)
      return {
        problem: `.docx 文件的正文解压后是压缩时的 ${Math.round(entry.size / Math.max(entry.compressedSize, 1))} 倍（${mib(entry.size)}），疑为压缩炸弹，未读取。`,
      };
    xml = unzipEntry(bytes, entry, options.inflate, options.crc32);
    header = headerLines(bytes, entries, options);
    const lists = smallPart(bytes, entries.get(NUMBERING), options);
    // The styles matter only to a document with lists.
    if (lists) numbering = numberingOf(lists, smallPart(bytes, entries.get(STYLES), options));
    const parts = bodyParts(bytes, entries, options);
    objects = embeddedTables(parts, options);
    chunks = chunkTexts(parts);
  } catch (e) {
    // The zip reader's own words are a workbook's: a body that inflates past its size is said here.
    if (e instanceof PartTooLarge)
      return { problem: '.docx 文件的正文解压后比声明的大小更大，疑为压缩炸弹，未读取。' };
    return { problem: BROKEN };
  }
  const text = utf8Lenient(xml);
  // Word writes no DTD: one defines entities (a billion of them, or a file's contents) that the body
  // would be read with, or without, as nothing else reads it.
  if (text.includes('<!DOCTYPE'))
    return { problem: '.docx 文件的正文含有 DTD 声明（Word 不会写入），不是 Word 保存的文档，未读取。' };
  let blocks: DocBlock[];
  try {
    blocks = bodyBlocks(text, { numbering, objects, chunks });
  } catch (e) {
    if (e instanceof ReadProblem) return { problem: e.message };
    throw e;
  }
  return readDocument([...header, ...blocks], { source: options.source, lines: 'Word 文字' });
}

const HEADER = /^word\/header\d+\.xml$/;
const NUMBERING = 'word/numbering.xml';
const STYLES = 'word/styles.xml';
/** A page header is a line or two, a report's lists and styles a few: past this, such a part is none, and is left out. */
const MAX_PART = 1024 * 1024;

/** A small part's text (a page header, the numbering), or undefined where it is missing, too large or broken. */
function smallPart(
  bytes: Uint8Array,
  entry: ZipEntry | undefined,
  options: { inflate?: RawInflate; crc32?: Crc32 },
): string | undefined {
  const part = partBytes(bytes, entry, MAX_PART, options);
  const xml = part && utf8Lenient(part);
  return xml?.includes('<!DOCTYPE') ? undefined : xml;
}

/**
 * The lines of the document's page headers, each once, before its body, as a page shows them: a
 * report may give its title (and year) there alone. A header that cannot be read is left out.
 */
function headerLines(
  bytes: Uint8Array,
  entries: ReturnType<typeof zipEntries>,
  options: { inflate?: RawInflate; crc32?: Crc32 },
): DocBlock[] {
  const lines = new Set<string>();
  const names = [...entries.keys()].filter((n) => HEADER.test(n)).sort();
  for (const name of names) {
    const xml = smallPart(bytes, entries.get(name), options);
    if (xml === undefined) continue;
    try {
      for (const b of bodyBlocks(xml)) if ('line' in b && b.line.trim()) lines.add(b.line.trim());
    } catch {
      continue;
    }
  }
  return [...lines].map((line) => ({ line }));
}

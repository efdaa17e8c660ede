// The files the bench reads: generated reports of each kind, each a little different (its body's
// name, its numbers), as a supervisor's folder holds them; and the hostile ones of the audit.
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import { join } from 'node:path';
import { templateBytes } from '../src/cli/xlsx-write.js';
import { templateLayout } from '../src/report/template.js';

const fixture = (name: string) => new URL(`../../test/fixtures/${name}`, import.meta.url);

export const seedText = (): string => readFileSync(fixture('jingxiu-2019.txt'), 'utf8');
const seedValues = () => JSON.parse(readFileSync(fixture('jingxiu-2019.values.json'), 'utf8')).values;

/** The seed report under another body's name and date, its (一) 予以公开 and the totals moved by the same amount. */
export function textVariant(seed: string, i: number): string {
  const n = 2 + (i % 50);
  return seed
    .replace('保定市竞秀区人民政府', `第${i}区人民政府`)
    .replace('2020年2月15日', `${2020 + (i % 2)}年2月15日`)
    .replace(/(（一）予以公开\n\t)2(\n(?:\t0\n){5}\t)2/, `$1${n}$2${n}`)
    .replace(/(一、本年新收政府信息公开申请数量\n\t)5(\n(?:\t0\n){5}\t)5/, `$1${n + 3}$2${n + 3}`)
    .replace(/(（七）总计\n\t)5(\n(?:\t0\n){5}\t)5/, `$1${n + 3}$2${n + 3}`);
}

/** A text report as the page a reader saves: paragraphs, and each table as an HTML table. */
export function htmlVariant(text: string): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const lines = text.split('\n');
  const out: string[] = ['<!doctype html><html><head><meta charset="utf-8"><title>年报</title></head><body>'];
  let cells: string[] = [];
  const flush = () => {
    if (cells.length) out.push(`<table border="1"><tr>${cells.join('')}</tr></table>`);
    cells = [];
  };
  for (const line of lines) {
    if (line.startsWith('\t')) cells.push(`<td>${esc(line.slice(1))}</td>`);
    else {
      flush();
      out.push(`<p>${esc(line)}</p>`);
    }
  }
  flush();
  out.push('</body></html>');
  return out.join('\n');
}

/** The template filled with the seed's numbers, as ExcelJS writes it; its parts, to vary. */
export async function xlsxParts(): Promise<Record<string, Uint8Array>> {
  const bytes = await templateBytes('2019年度年报', templateLayout('2019'), {
    values: seedValues(),
    year: 2019,
    agency: '某区人民政府',
  });
  return unzipSync(bytes);
}

/** The workbook under another body's name. */
export function xlsxVariant(parts: Record<string, Uint8Array>, i: number): Uint8Array {
  const sst = strFromU8(parts['xl/sharedStrings.xml']!).replace('某区人民政府', `第${i}区人民政府`);
  return zipSync({ ...parts, 'xl/sharedStrings.xml': strToU8(sst) });
}

/** The seed report with `lines` lines of its own after it: a long report, as some bodies publish. */
export function longText(seed: string, i: number, lines: number): string {
  const own = Array.from(
    { length: lines },
    (_, j) => `第${i}号补充说明第${j}条：本机关按照要求认真落实各项工作任务并及时公开相关信息${j * 7 + i}。`,
  );
  return `${textVariant(seed, i)}\n${own.join('\n')}\n`;
}

/** `count` files of each kind in `dir/txt`, `dir/html`, `dir/xlsx`. */
export async function generate(dir: string, count: number): Promise<void> {
  const seed = seedText();
  const parts = await xlsxParts();
  for (const kind of ['txt', 'html', 'xlsx']) mkdirSync(join(dir, kind), { recursive: true });
  for (let i = 0; i < count; i++) {
    const text = textVariant(seed, i);
    writeFileSync(join(dir, 'txt', `${i}.txt`), text);
    writeFileSync(join(dir, 'html', `${i}.html`), htmlVariant(text));
    writeFileSync(join(dir, 'xlsx', `${i}.xlsx`), xlsxVariant(parts, i));
  }
}

/** The template with `rows` rows of numbers below it: a sheet of 10,000 rows. */
export async function longSheet(rows: number): Promise<Uint8Array> {
  const parts = await xlsxParts();
  const sheet = strFromU8(parts['xl/worksheets/sheet1.xml']!);
  const first = 100;
  const extra: string[] = [];
  for (let r = first; r < first + rows; r++) {
    const cells = Array.from(
      { length: 15 },
      (_, c) => `<c r="${String.fromCharCode(65 + c)}${r}"><v>${(r * 15 + c) % 997}</v></c>`,
    );
    extra.push(`<row r="${r}">${cells.join('')}</row>`);
  }
  const long = sheet.replace('</sheetData>', `${extra.join('')}</sheetData>`);
  return zipSync({ ...parts, 'xl/worksheets/sheet1.xml': strToU8(long) });
}

/**
 * A zip bomb of about `mib` MiB: a workbook whose sheet part is a deflate stream of zeros that
 * inflates about a thousand times larger, its size declared honestly or as a lie.
 */
export async function zipBomb(mib: number, declared: 'honest' | 'lying'): Promise<Uint8Array> {
  const parts = await xlsxParts();
  // One segment of 64 MiB of zeros, flushed to a byte boundary, repeated: a valid stream.
  const segment = deflateRawSync(Buffer.alloc(64 * 2 ** 20), { level: 9, finishFlush: 2 /* Z_SYNC_FLUSH */ });
  const repeats = Math.max(1, Math.round((mib * 2 ** 20) / segment.length));
  const stream = Buffer.concat([...Array<Buffer>(repeats).fill(segment), Buffer.from([0x03, 0x00])]);
  const size = repeats * 64 * 2 ** 20;
  const small = zipSync({ ...parts, 'xl/worksheets/sheet1.xml': strToU8('<worksheet/>') }, { level: 0 });
  return replaceEntry(
    small,
    'xl/worksheets/sheet1.xml',
    stream,
    declared === 'honest' ? Math.min(size, 0xfffffffe) : 1000,
  );
}

/** Puts `data` (raw deflate) in place of the stored entry `name`, declaring `size` unzipped bytes. */
function replaceEntry(zip: Uint8Array, name: string, data: Uint8Array, size: number): Uint8Array {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let eocd = zip.length - 22;
  while (view.getUint32(eocd, true) !== 0x06054b50) eocd--;
  const count = view.getUint16(eocd + 10, true);
  const cdOffset = view.getUint32(eocd + 16, true);
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let at = cdOffset;
  let offset = 0;
  for (let i = 0; i < count; i++) {
    const nameLength = view.getUint16(at + 28, true);
    const extra = view.getUint16(at + 30, true);
    const comment = view.getUint16(at + 32, true);
    const entryName = new TextDecoder().decode(zip.subarray(at + 46, at + 46 + nameLength));
    const local = view.getUint32(at + 42, true);
    const localLength = 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    const compressed = view.getUint32(at + 20, true);
    const header = zip.slice(local, local + localLength);
    const central = zip.slice(at, at + 46 + nameLength + extra + comment);
    let body = zip.subarray(local + localLength, local + localLength + compressed);
    const hv = new DataView(header.buffer);
    const cv = new DataView(central.buffer);
    if (entryName === name) {
      body = data;
      for (const [v, base] of [
        [hv, 18],
        [cv, 20],
      ] as const) {
        v.setUint32(base, data.length, true);
        v.setUint32(base + 4, size, true);
      }
      hv.setUint16(8, 8, true);
      cv.setUint16(10, 8, true);
    }
    cv.setUint32(42, offset, true);
    locals.push(header, body);
    offset += header.length + body.length;
    centrals.push(central);
    at += 46 + nameLength + extra + comment;
  }
  const end = zip.slice(eocd, eocd + 22);
  const ev = new DataView(end.buffer);
  const cdSize = centrals.reduce((s, c) => s + c.length, 0);
  ev.setUint32(12, cdSize, true);
  ev.setUint32(16, offset, true);
  return new Uint8Array(Buffer.concat([...locals, ...centrals, end]));
}

/** Two reports of one body a year apart, each with a part 一 of about `kb` KB of sentences of its own. */
export function longReports(kb: number): [string, string] {
  const seed = seedText();
  let state = 7;
  const random = () => (state = (Math.imul(state, 1103515245) + 12345) & 0x7fffffff) / 0x7fffffff;
  const filler = () => {
    const out: string[] = [];
    let size = 0;
    while (size < kb * 1024) {
      const length = 12 + Math.floor(random() * 40);
      let s = '';
      for (let i = 0; i < length; i++) s += String.fromCharCode(0x4e00 + Math.floor(random() * 3000));
      out.push(`${s}。`);
      size += length * 3;
    }
    return out.join('');
  };
  const withPart = (text: string) => text.replace('一、总体情况\n', `一、总体情况\n${filler()}\n`);
  return [withPart(seed), withPart(seed.replace('2020年2月15日', '2021年2月10日'))];
}

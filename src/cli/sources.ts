import { decodeText, htmlToText, readGrid, readText, type Report } from '../core.js';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { readWorkbook } from './xlsx-read.js';

export interface FoundReport {
  readonly file: string;
  readonly sheet?: string;
  readonly report: Report;
}

export class UnreadableFile extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(message);
  }
}

async function readPublished(file: string, toText: (s: string) => string): Promise<FoundReport[]> {
  if (!existsSync(file)) throw new UnreadableFile(file, `找不到文件 ${file}`);
  const r = readText(toText(decodeText(await readFile(file))), { source: file });
  if (!r.report) throw new UnreadableFile(file, `${file}：${r.problem}`);
  return [{ file, report: r.report }];
}

const READERS: Readonly<Record<string, (file: string) => Promise<FoundReport[]>>> = {
  '.xlsx': readXlsx,
  '.txt': (f) => readPublished(f, (s) => s),
  '.html': (f) => readPublished(f, htmlToText),
  '.htm': (f) => readPublished(f, htmlToText),
};

/** The files a path names: itself, or every report file under a folder, in name order. */
export function reportFiles(path: string): string[] {
  if (!existsSync(path) || !statSync(path).isDirectory()) return [path];
  return readdirSync(path, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'))
    .flatMap((e) => {
      const full = join(path, e.name);
      if (e.isDirectory()) return reportFiles(full);
      return extname(e.name).toLowerCase() in READERS && !e.name.startsWith('~$') ? [full] : [];
    });
}

async function readXlsx(file: string): Promise<FoundReport[]> {
  if (!existsSync(file)) throw new UnreadableFile(file, `找不到文件 ${file}`);
  let sheets;
  try {
    sheets = await readWorkbook(file);
  } catch (e) {
    throw new UnreadableFile(file, `无法打开 ${file}：不是有效的 .xlsx 文件（${(e as Error).message}）`);
  }
  const found: FoundReport[] = [];
  const problems: string[] = [];
  for (const s of sheets) {
    const r = readGrid(s.grid, { sheet: s.name });
    if (r.report) found.push({ file, sheet: s.name, report: r.report });
    else problems.push(r.problem);
  }
  if (!found.length) throw new UnreadableFile(file, `${file}：${problems.join('；') || '工作簿是空的'}`);
  return found;
}

/** Every report in a file; throws UnreadableFile with a Chinese message when there is none. */
export async function readReports(file: string): Promise<FoundReport[]> {
  const reader = READERS[extname(file).toLowerCase()];
  if (!reader) {
    throw new UnreadableFile(file, `${file}：不支持的文件类型（支持 ${Object.keys(READERS).join('、')}）`);
  }
  return reader(file);
}

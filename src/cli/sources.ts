import { existsSync } from 'node:fs';
import { extname } from 'node:path';
import type { Report } from '../report/report.js';
import { readGrid } from '../readers/grid.js';
import { readWorkbook } from './xlsx.js';

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

const READERS: Readonly<Record<string, (file: string) => Promise<FoundReport[]>>> = {
  '.xlsx': readXlsx,
};

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

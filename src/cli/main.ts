import {
  DEFAULT_SIMILARITY,
  type Edition,
  importedMessage,
  importedValues,
  importJson,
  reportSheetName,
  templateLayout,
  unreadParts,
} from '../core.js';
import { writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parseArgs } from 'node:util';
import { checkBatch } from './batch.js';
import { toJson, toText } from './output.js';
import { type FoundReport, readReports, reportFiles, UnreadableFile } from './sources.js';
import { summaryCsv, summaryHtml } from './batch-summary.js';
import { writeTemplate } from './xlsx-write.js';

const USAGE = `用法：
  nianbao check 文件或文件夹… [--previous 上年报告] [--json] [--summary 汇总.csv|汇总.html] [--similarity 0.5]
      校验年报（.xlsx 的每个工作表，已发布年报的 .txt 或 .html 网页）。文件夹中的文件逐个校验；
      同一机关相邻两年的报告自动配对，核对跨年度关系与内容雷同。
      退出码 0：无错误；1：有错误；2：有文件无法读取。
  nianbao import 已发布年报.txt|.html|.xlsx -o 文件.xlsx | --json
      把已发布年报的数字填入官方模板（或以 JSON 输出）。
  nianbao template [--edition 2021|2019] [--year 年度] [--agency 机关名称] -o 文件.xlsx
      生成官方格式的空白年报模板（默认 2021 版）。`;

export interface Io {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** A line that rewrites itself (a terminal), for progress; absent when output is not a terminal. */
  readonly progress?: (text: string) => void;
}

const STD: Io = {
  out: (t) => process.stdout.write(`${t}\n`),
  err: (t) => process.stderr.write(`${t}\n`),
  ...(process.stderr.isTTY ? { progress: (t: string) => process.stderr.write(`\r\x1b[K${t}`) } : {}),
};

async function readOne(file: string, what: string, io: Io): Promise<FoundReport | undefined> {
  try {
    return (await readReports(file))[0]!;
  } catch (e) {
    if (!(e instanceof UnreadableFile)) throw e;
    io.err(`${what}无法读取：${e.message}`);
    return undefined;
  }
}

async function checkCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      previous: { type: 'string' },
      summary: { type: 'string' },
      similarity: { type: 'string' },
    },
  });
  if (!positionals.length) {
    io.err(USAGE);
    return 2;
  }
  const similarity = values.similarity === undefined ? undefined : Number(values.similarity);
  if (similarity !== undefined && !(similarity > 0 && similarity <= 1)) {
    io.err(
      `--similarity 应为 0 到 1 之间的比例（默认 ${DEFAULT_SIMILARITY}），而不是「${values.similarity}」`,
    );
    return 2;
  }
  const summaryKind = values.summary ? extname(values.summary).toLowerCase() : undefined;
  if (summaryKind && summaryKind !== '.csv' && summaryKind !== '.html') {
    io.err(`--summary 的文件应以 .csv 或 .html 结尾，而不是「${values.summary}」`);
    return 2;
  }
  const previous = values.previous ? await readOne(values.previous, '上年报告', io) : undefined;
  if (values.previous && !previous) return 2;
  const files = positionals.flatMap(reportFiles);
  const { checked, unreadable } = await checkBatch(files, {
    ...(previous ? { previous } : {}),
    ...(similarity !== undefined ? { similarity } : {}),
    ...(io.progress
      ? { onProgress: (done, total) => io.progress!(done < total ? `校验中 ${done + 1}/${total}…` : '') }
      : {}),
    ...(values.json ? {} : { onResult: (c) => io.out(toText(c)) }),
  });
  if (values.json) io.out(JSON.stringify(toJson(checked, unreadable), null, 2));
  for (const u of unreadable) io.err(`✗ ${u.message}`);
  if (values.summary) {
    await writeFile(
      values.summary,
      summaryKind === '.csv' ? summaryCsv(checked, unreadable) : summaryHtml(checked, unreadable, new Date()),
    );
    io.err(`汇总已写入 ${values.summary}（${checked.length} 份报告）`);
  }
  if (unreadable.length) return 2;
  return checked.some((c) => c.findings.some((f) => f.severity === 'error')) ? 1 : 0;
}

async function importCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { json: { type: 'boolean', default: false }, output: { type: 'string', short: 'o' } },
  });
  if (positionals.length !== 1 || (!values.json && !values.output)) {
    io.err(USAGE);
    return 2;
  }
  const found = await readOne(positionals[0]!, '年报', io);
  if (!found) return 2;
  const { report } = found;
  if (values.json) {
    io.out(JSON.stringify(importJson(report), null, 2));
    return 0;
  }
  const sheet = reportSheetName(report.year);
  await writeTemplate(values.output!, sheet, templateLayout(report.edition), {
    values: importedValues(report),
    ...(report.year ? { year: report.year } : {}),
    ...(report.agency ? { agency: report.agency } : {}),
  });
  io.out(importedMessage(report, `${values.output}（工作表「${sheet}」）`));
  for (const m of unreadParts(report)) io.err(`! ${m}`);
  return 0;
}

async function templateCommand(args: string[], io: Io): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      edition: { type: 'string', default: '2021' },
      year: { type: 'string' },
      agency: { type: 'string' },
      output: { type: 'string', short: 'o' },
    },
  });
  const edition = values.edition;
  if (edition !== '2021' && edition !== '2019') {
    io.err(`--edition 只能是 2021 或 2019，而不是「${edition}」`);
    return 2;
  }
  const year = values.year === undefined ? undefined : Number(values.year);
  if (year !== undefined && !(Number.isInteger(year) && year >= 2019 && year <= 2100)) {
    io.err(`--year 应为 2019 年以后的年份，而不是「${values.year}」`);
    return 2;
  }
  if (!values.output) {
    io.err('请用 -o 指定输出文件，如 -o 年报模板.xlsx');
    return 2;
  }
  const sheet = reportSheetName(year);
  await writeTemplate(values.output, sheet, templateLayout(edition as Edition), {
    ...(year ? { year } : {}),
    ...(values.agency ? { agency: values.agency } : {}),
  });
  io.out(`已生成 ${edition} 版模板：${values.output}`);
  return 0;
}

export async function run(argv: readonly string[], io: Io = STD): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'check':
        return await checkCommand(rest, io);
      case 'template':
        return await templateCommand(rest, io);
      case 'import':
        return await importCommand(rest, io);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.out(USAGE);
        return command === undefined ? 2 : 0;
      default:
        io.err(`未知命令「${command}」\n${USAGE}`);
        return 2;
    }
  } catch (e) {
    if (e instanceof TypeError && 'code' in e && String(e.code).startsWith('ERR_PARSE_ARGS')) {
      io.err(`${e.message}\n${USAGE}`);
      return 2;
    }
    throw e;
  }
}

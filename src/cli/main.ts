import { parseArgs } from 'node:util';
import { check } from '../checks/engine.js';
import { templateLayout } from '../report/template.js';
import type { Edition } from '../report/types.js';
import { type Checked, toJson, toText } from './output.js';
import { readReports, UnreadableFile } from './sources.js';
import { writeTemplate } from './xlsx.js';

const USAGE = `用法：
  nianbao check 文件.xlsx… [--previous 上年.xlsx] [--json]
      校验年报：每个工作簿的每个工作表中的年报。退出码 0：无错误；1：有错误；2：有文件无法读取。
  nianbao template [--edition 2021|2019] [--year 年度] [--agency 机关名称] -o 文件.xlsx
      生成官方格式的空白年报模板（默认 2021 版）。`;

interface Io {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

const STD: Io = { out: (t) => process.stdout.write(`${t}\n`), err: (t) => process.stderr.write(`${t}\n`) };

async function checkCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { json: { type: 'boolean', default: false }, previous: { type: 'string' } },
  });
  if (!positionals.length) {
    io.err(USAGE);
    return 2;
  }
  const unreadable: { file: string; message: string }[] = [];
  let previous;
  if (values.previous) {
    try {
      previous = (await readReports(values.previous))[0]!.report;
    } catch (e) {
      if (!(e instanceof UnreadableFile)) throw e;
      io.err(`上年报告无法读取：${e.message}`);
      return 2;
    }
  }
  const checked: Checked[] = [];
  for (const file of positionals) {
    try {
      for (const found of await readReports(file)) {
        checked.push({ ...found, findings: check(found.report, previous ? { previous } : {}) });
      }
    } catch (e) {
      if (!(e instanceof UnreadableFile)) throw e;
      unreadable.push({ file, message: e.message });
    }
  }
  if (values.json) io.out(JSON.stringify(toJson(checked, unreadable), null, 2));
  else {
    for (const c of checked) io.out(toText(c));
    for (const u of unreadable) io.err(`✗ ${u.message}`);
  }
  if (unreadable.length) return 2;
  return checked.some((c) => c.findings.some((f) => f.severity === 'error')) ? 1 : 0;
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
  const sheet = year ? `${year}年度年报` : '年报';
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

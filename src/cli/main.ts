import {
  type Audit,
  auditHtml,
  auditOf,
  check,
  countBySeverity,
  DEFAULT_SIMILARITY,
  type Edition,
  editionForYear,
  type FileRead,
  importedMessage,
  importJson,
  isUnfilled,
  reportName,
  reportSheetName,
  tidiedNote,
  workbookValues,
  ruleInfo,
  templateLayout,
  type TemplateLayout,
  type TemplateValues,
  unreadParts,
} from '../core.js';
import { existsSync, fstatSync, statSync, writeSync } from 'node:fs';
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { checkBatch, readFromDisk } from './batch.js';
import { nodeTty } from './builtin.js';
import { batchSentence, CsvSummary, HTML_SUMMARY_START, HtmlSummary } from './batch-summary.js';
import { beginsWith, identity, listInputs, NotAReportFile, ownPage, UnreadableFile } from './files.js';
import { type Checked, JsonWriter, jsonEntry, terminalSafe, toText } from './output.js';
import { missingPart, oneLine } from './internal.js';
import { remarkLines, remarkText, remarkOf } from './remark.js';
import { outputProblem, writeOutput } from './outputs.js';

/** Each command's lines of the help, and the line for all of them. */
const COMMAND_HELP = {
  check: `  nianbao check 文件或文件夹… [--previous 上年报告] [--json] [--summary 汇总.csv|汇总.html] [--report 审核报告.html] [--similarity 0.5] [--force]
      校验年报（.xlsx 的每个工作表，已发布年报的 .txt、.html 网页、PDF、Word .docx）。文件夹中的文件逐个校验；
      同一机关相邻两年的报告自动配对，核对跨年度关系与内容雷同。工作簿中办事员写的「说明」照录。
      --summary 写出汇总（.csv 或 .html；两种都要的，给两次）。--report 写出可打印的审核报告（A4）：结果、全部错误、警告及其说明、签字栏。
      退出码 0：无错误；1：有错误；2：有文件无法读取、没有一份年报可校验或用法有误；3：内部错误。`,
  import: `  nianbao import 已发布年报.txt|.html|.pdf|.docx|.xlsx -o 文件.xlsx [--force] | --json
      把已发布年报的数字填入官方模板（或以 JSON 输出）。工作簿中有几份年报时导入年度最近的一份。
      退出码 0：全部导入；1：有表格没有读出（相应格子留空）；2：无法导入或用法有误。`,
  template: `  nianbao template [--year 年度] [--edition 2021|2019] [--agency 机关名称] -o 文件.xlsx [--force]
      生成官方格式的空白年报模板（按年度选择格式：2019、2020 年度用 2019 版，其余用 2021 版）。`,
} as const;
const HELP_END =
  '  已存在的文件只有加 --force 才会被覆盖；要读取的文件永远不会被覆盖。加 --debug 可在内部错误时显示详细信息。';
const USAGE = ['用法：', ...Object.values(COMMAND_HELP), HELP_END].join('\n');

/** `nianbao check --help`: that command's lines; the whole help for any other. */
const usageOf = (command: string) =>
  command in COMMAND_HELP
    ? ['用法：', COMMAND_HELP[command as keyof typeof COMMAND_HELP], HELP_END].join('\n')
    : USAGE;

export interface Io {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** A line that rewrites itself (a terminal), for progress; absent when output is not a terminal. */
  readonly progress?: (text: string) => void;
}

/**
 * Writes to standard output or error. A file or a pipe is written to directly: Node's stream for it
 * took some 5 ms to set up, of the 60 ms nianbao adds to Node's own start. A terminal keeps Node's
 * stream, which writes Chinese right on a Windows console. When whoever reads the output has gone
 * (`nianbao check … | head`), the rest is dropped, and the run goes on to write its summary and
 * report and to give its exit code.
 */
function writer(fd: 1 | 2): (text: string) => void {
  /** The output cannot be written any more: its reader has gone, or (said at the end) the disk is full. */
  const fail = (e: unknown) => {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'EPIPE') writeFailures.set(fd, code ?? String(e));
    gone = true;
  };
  let gone = false;
  if (isTerminal(fd)) {
    const stream = fd === 1 ? process.stdout : process.stderr;
    stream.on('error', fail);
    return (text) => {
      if (!gone) stream.write(text);
    };
  }
  return (text) => {
    const bytes = Buffer.from(text);
    for (let at = 0; at < bytes.length && !gone;) {
      try {
        at += writeSync(fd, bytes, at);
      } catch (e) {
        // A pipe another program left non-blocking is full: wait for its reader.
        if ((e as NodeJS.ErrnoException).code === 'EAGAIN') Atomics.wait(PAUSE, 0, 0, 1);
        else fail(e);
      }
    }
  };
}
/**
 * Whether standard output or error is a terminal. A pipe, a file or /dev/null (where a script sends
 * what it does not read) is told by its kind, without loading Node's terminal module: a terminal
 * is a character device, and /dev/null the one that is the same device as /dev/null.
 */
function isTerminal(fd: 1 | 2): boolean {
  if (process.platform !== 'win32')
    try {
      const kind = fstatSync(fd);
      if (!kind.isCharacterDevice() || kind.rdev === devNullDevice()) return false;
    } catch {
      return false;
    }
  return nodeTty().isatty(fd);
}

/** /dev/null's device number; undefined where there is none (a bare container). */
function devNullDevice(): number | undefined {
  try {
    return statSync('/dev/null').rdev;
  } catch {
    return undefined;
  }
}
const PAUSE = new Int32Array(new SharedArrayBuffer(4));
/** Why standard output or error could not be written to, other than its reader having gone. */
const writeFailures = new Map<1 | 2, string>();

const stdout = writer(1);
const stderr = writer(2);
const STD: Io = {
  out: (t) => stdout(`${t}\n`),
  err: (t) => stderr(`${t}\n`),
  ...(isTerminal(2) ? { progress: (t: string) => stderr(`\r\x1b[K${t}`) } : {}),
};

/** What stays the same for every command of one run. */
interface Run {
  readonly io: Io;
  readonly debug: boolean;
}

const say = (io: Io, text: string) => io.err(terminalSafe(text));
/** How a report's copies are said beside it: the files counted with it as one report. */
const COPIES_SAID = '数字相同的副本（与本报告算作一份）';
/** Files of a folder that are no reports, said one by one up to this many. */
const MAX_OTHERS_SAID = 10;

function sayOthers(tell: (text: string) => void, others: readonly { message: string }[]): void {
  for (const o of others.slice(0, MAX_OTHERS_SAID)) tell(`! ${o.message}`);
  if (others.length > MAX_OTHERS_SAID)
    tell(`! 另有 ${others.length - MAX_OTHERS_SAID} 个不是年报格式的文件未校验（用 --json 可看到全部）`);
}

/** The one file a command reads (--previous, import): a folder is said as such. */
async function readOne(file: string): Promise<FileRead> {
  let isFolder = false;
  try {
    isFolder = statSync(file).isDirectory();
  } catch {
    // Said by readFromDisk, as for any file that cannot be read.
  }
  if (isFolder) throw new UnreadableFile(file, `${file} 是文件夹：这里要一份年报文件`);
  return readFromDisk(file);
}

const XLSX_OUTPUT = { flag: '-o', extensions: ['.xlsx'] } as const;
const SUMMARY_OUTPUT = { flag: '--summary', extensions: ['.csv', '.html', '.htm'] } as const;
const REPORT_OUTPUT = { flag: '--report', extensions: ['.html', '.htm'] } as const;

/** A report's 审核报告, from what the batch keeps of it. */
function auditOfChecked(c: Checked, checkedAt: Date): Audit {
  return auditOf(
    {
      edition: c.edition,
      ...(c.year ? { year: c.year } : {}),
      ...(c.agency ? { agency: c.agency } : {}),
    },
    c.findings,
    {
      checkedAt,
      source: c.sheet ? `${c.file}（工作表「${c.sheet}」）` : c.file,
      ...(c.previous ? { previous: c.previous } : {}),
    },
  );
}

async function checkCommand(args: string[], { io, debug }: Run): Promise<number> {
  const { values, positionals } = parseOnce(args, {
    json: { type: 'boolean', default: false },
    previous: { type: 'string' },
    // One of each kind: 「--summary 汇总.csv --summary 汇总.html」.
    summary: { type: 'string', multiple: true },
    similarity: { type: 'string' },
    report: { type: 'string' },
    force: { type: 'boolean', default: false },
  });
  if (!positionals.length) {
    say(io, '请指定要校验的年报文件或文件夹');
    io.err(usageOf('check'));
    return 2;
  }
  // What the batch found beside its reports (files not read, remarks, the batch in one line) is part
  // of its result, on standard output with the reports (「> 结果.txt」 keeps it); with --json, that
  // output is the JSON, which holds them.
  const tell = (text: string) => (values.json ? say(io, text) : io.out(terminalSafe(text)));
  const reportPath = values.report;
  const similarity = values.similarity === undefined ? undefined : Number(values.similarity);
  if (similarity !== undefined && !(similarity > 0 && similarity <= 1)) {
    say(
      io,
      `--similarity 应为大于 0、不超过 1 的比例（默认 ${DEFAULT_SIMILARITY}），而不是「${values.similarity}」`,
    );
    return 2;
  }
  const summaries = values.summary ?? [];
  const isCsv = (path: string) => path.toLowerCase().endsWith('.csv');
  if (summaries.length > 2 || (summaries.length === 2 && isCsv(summaries[0]!) === isCsv(summaries[1]!))) {
    say(io, '--summary 最多给两次：一个 .csv、一个 .html');
    io.err(usageOf('check'));
    return 2;
  }
  const csvPath = summaries.find(isCsv);
  const htmlPath = summaries.find((p) => !isCsv(p));
  // A summary of ours where the new one goes is not a report: a second run does not read it.
  const ours = htmlPath !== undefined && beginsWith(htmlPath, HTML_SUMMARY_START);
  const skip = new Set(ours ? [await identity(htmlPath)] : []);
  const given = await listInputs(positionals, skip);
  const { problems, others: listed } = given;
  const others = [...listed];
  // What the inputs are on disk, asked only when an output or --previous must be told apart from them:
  // the files of a folder it lists as not checked too (「联系人.csv」), which are the user's. A page
  // of ours in a folder is none: its place may take the new one. Else it is passed over when read.
  const apart = !!(summaries.length || reportPath || values.previous);
  const files = apart ? given.files.filter((f) => !given.pages.has(f) || !ownPage(f)) : given.files;
  const inputs = new Set(
    apart ? await Promise.all([...files, ...listed.map((o) => o.file)].map(identity)) : [],
  );
  const written = [...summaries, ...(reportPath ? [reportPath] : [])];
  const writtenAs = await Promise.all(written.map(identity));
  const twice = written.find((_, i) => writtenAs.indexOf(writtenAs[i]!) !== i);
  if (twice !== undefined) {
    say(io, `--summary 与 --report 不能写入同一个文件（${twice}）`);
    return 2;
  }
  const previousFile = values.previous ? await identity(values.previous) : undefined;
  // Last year's report is read too: no output may take its place.
  const allRead = previousFile ? new Set([...inputs, previousFile]) : inputs;
  for (const [path, kind] of [
    ...summaries.map((path) => [path, SUMMARY_OUTPUT] as const),
    [reportPath, REPORT_OUTPUT] as const,
  ]) {
    if (!path) continue;
    const refused = await outputProblem(path, kind, values.force, allRead);
    if (refused) {
      say(io, refused);
      return 2;
    }
  }
  let previous: { label: string; reports: FileRead['reports'] } | undefined;
  if (values.previous) {
    if (inputs.has(previousFile!)) {
      say(
        io,
        files.length === 1
          ? `--previous 指定的上年报告 ${values.previous} 就是要校验的文件：上年报告应是另一份、上一年度的报告`
          : `--previous 指定的上年报告 ${values.previous} 也在要校验的文件之中：同一批中同一机关相邻两年的报告会自动配对，不必用 --previous；要指定上年报告，请把它移出要校验的文件或文件夹`,
      );
      return 2;
    }
    try {
      // A blank template among them is no one's last year's report.
      const reports = (await readOne(values.previous)).reports.filter((r) => !isUnfilled(r));
      if (!reports.length) {
        say(
          io,
          `--previous 指定的上年报告 ${values.previous} 中没有填写任何数字（空白模板），不能用来核对跨年度关系`,
        );
        return 2;
      }
      previous = { label: values.previous, reports };
    } catch (e) {
      if (!(e instanceof UnreadableFile)) throw e;
      say(io, `上年报告无法读取：${e.message}`);
      return 2;
    }
  }
  if (!files.length) {
    if (values.json)
      new JsonWriter(io.out).finish(
        problems.map((p) => ({ file: p.file, message: p.message })),
        others,
      );
    for (const p of problems) tell(`✗ ${p.message}`);
    sayOthers(tell, others);
    return 2;
  }

  const checkedAt = new Date();
  const audits: { audit: Audit; label: string; copies: readonly string[] }[] = [];
  const csv = csvPath ? new CsvSummary() : undefined;
  const html = htmlPath ? new HtmlSummary() : undefined;
  const json = values.json ? new JsonWriter(io.out) : undefined;
  const totals = await checkBatch(
    files,
    {
      // Kept until the batch is paired, as copies: a report's agency and the sentences its findings
      // quote are V8's slices of its whole text, which they would keep alive (600 reports of 350 KB
      // took 286 MB, and grew with each).
      keep: (c: Checked) =>
        detached({
          entry: json ? jsonEntry(c) : toText(c),
          ...(csv ? { line: CsvSummary.line(c) } : {}),
          ...(html ? { part: HtmlSummary.part(c) } : {}),
          ...(reportPath ? { audit: auditOfChecked(c, checkedAt) } : {}),
        }),
      emit: (kept, { label, copies }) => {
        const same = copies.join('、');
        if (json) json.entry(copies.length ? { ...(kept.entry as object), copies } : kept.entry);
        else
          io.out(
            copies.length
              ? `${kept.entry as string}\n  ${COPIES_SAID}：${terminalSafe(same)}`
              : (kept.entry as string),
          );
        if (kept.line) csv?.add(kept.line, same);
        if (kept.part) html?.add(kept.part, copies);
        if (kept.audit) audits.push({ audit: kept.audit, label, copies });
      },
    },
    {
      ...(previous ? { previous } : {}),
      ...(similarity !== undefined ? { similarity } : {}),
      ...(io.progress ? { onProgress: io.progress } : {}),
      ...(apart ? {} : { passOver: given.pages }),
      onInternalError: (file, e) => {
        if (debug) io.err(`${file}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      },
    },
  );
  const unreadable = [...problems.map((p) => ({ file: p.file, message: p.message })), ...totals.unreadable];
  // A note or a page of ours given among the reports is listed with the folder's other files.
  others.push(...totals.notChecked);
  // What the batch says beside its reports goes into every summary, not only to the terminal.
  const remarks = [...totals.notes.map(remarkOf), ...totals.remarks];
  const remarkTexts = remarks.map(remarkText);
  json?.finish(unreadable, others, remarkTexts);
  // The batch in one sentence: the terminal's last line, and the summary page's first.
  const counted = batchSentence({ ...totals, unreadable: unreadable.length, notChecked: others.length });
  for (const u of unreadable) tell(`✗ ${u.message}`);
  for (const n of totals.notes) tell(`✗ ${n}`);
  for (const r of totals.remarks)
    for (const [i, line] of remarkLines(r).entries()) tell(i ? line : `! ${line}`);
  sayOthers(tell, others);
  for (const [path, text] of [
    ...(csvPath ? [[csvPath, () => csv!.text(unreadable, others, remarkTexts)] as const] : []),
    ...(htmlPath
      ? [[htmlPath, () => html!.text(counted, unreadable, new Date(), others, remarks)] as const]
      : []),
  ]) {
    const failed = await writeOutput(path, text(), values.force);
    if (failed) {
      say(io, `汇总未能写入：${failed}`);
      return 2;
    }
    say(io, `汇总已写入 ${path}（${totals.reports} 份报告）`);
  }
  if (reportPath) {
    // With no report read, the pages of what could not be read are still the supervisor's record.
    if (!audits.length && !unreadable.length) {
      say(io, `审核报告未写入：没有读出任何报告`);
      return 2;
    }
    const printed = withoutCopies(audits);
    const failed = await writeOutput(
      reportPath,
      auditHtml(printed, unreadable, { notChecked: others, remarks: remarkTexts }),
      values.force,
    );
    if (failed) {
      say(io, `审核报告未能写入：${failed}`);
      return 2;
    }
    const listed = [
      unreadable.length ? `${unreadable.length} 个未能读取的文件` : '',
      others.length ? `${others.length} 个未校验的文件` : '',
      remarks.length ? `${remarks.length} 项需要确认的事项` : '',
    ].filter(Boolean);
    const unreadPages = listed.length ? `，另 ${listed.length} 页列出 ${listed.join('、')}` : '';
    const copies = audits.length - printed.length;
    const reports = audits.length
      ? `${audits.length} 份报告${copies ? `，其中 ${copies} 份是数字相同、结果相同的副本，写在其报告的一页上` : ''}${printed.length > 1 ? '，第一页是目录' : ''}`
      : '没有读出报告';
    say(io, `审核报告已写入 ${reportPath}（${reports}${unreadPages}，A4 纵向，可直接打印）`);
  }
  // The batch in one line, last (on a terminal, where the progress line was).
  if (files.length - totals.passedOver + problems.length > 1) tell(counted);
  if (totals.internalErrors) return 3;
  // Nothing given was a report (a note named by itself): no check was made, which is no pass.
  if (unreadable.length || totals.notes.length || !totals.reports) return 2;
  return totals.withErrors || totals.unreadTables ? 1 : 0;
}

/** Plain data made anew, sharing no string with what it was made of. */
const detached = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/**
 * A batch's 审核报告 pages: a report's copies (the same numbers in another file) that came to the same
 * result are named on its page instead of printed again; a copy with another result keeps its page.
 */
function withoutCopies(
  entries: readonly { audit: Audit; label: string; copies: readonly string[] }[],
): Audit[] {
  const byLabel = new Map(entries.map((e) => [e.label, e] as const));
  const alike = (a: Audit, b: Audit) =>
    a.passed === b.passed && a.counts.error === b.counts.error && a.counts.warning === b.counts.warning;
  const named = new Set<string>();
  const out: Audit[] = [];
  for (const e of entries) {
    if (named.has(e.label)) continue;
    const same = e.copies.filter((c) => {
      const other = byLabel.get(c);
      return other !== undefined && !named.has(c) && alike(e.audit, other.audit);
    });
    for (const c of same) named.add(c);
    out.push(same.length ? { ...e.audit, copies: same } : e.audit);
  }
  return out;
}

/** Writes the template to `-o`: ExcelJS is loaded here only, never for checking. */
async function writeXlsx(
  path: string,
  sheet: string,
  layout: TemplateLayout,
  fill: TemplateValues,
  force: boolean,
): Promise<string | undefined> {
  const { templateBytes } = await import('./xlsx-write.js');
  return writeOutput(path, await templateBytes(sheet, layout, fill), force);
}

async function importCommand(args: string[], { io }: Run): Promise<number> {
  const { values, positionals } = parseOnce(args, {
    json: { type: 'boolean', default: false },
    output: { type: 'string', short: 'o' },
    force: { type: 'boolean', default: false },
  });
  if (positionals.length !== 1 || (!values.json && !values.output)) {
    say(
      io,
      positionals.length > 1
        ? '一次只能导入一份年报'
        : positionals.length === 0
          ? '请指定要导入的年报文件'
          : '请用 -o 指定输出的 .xlsx 文件，或用 --json 输出数字',
    );
    io.err(usageOf('import'));
    return 2;
  }
  if (values.json && values.output) {
    say(io, '--json 与 -o 只能选一个：--json 把数字输出到终端，-o 把它们填入模板文件');
    return 2;
  }
  const input = positionals[0]!;
  if (values.output) {
    const refused = await outputProblem(
      values.output,
      XLSX_OUTPUT,
      values.force,
      new Set([await identity(input)]),
    );
    if (refused) {
      say(io, refused);
      return 2;
    }
  }
  let read: FileRead;
  try {
    read = await readOne(input);
  } catch (e) {
    if (!(e instanceof UnreadableFile)) throw e;
    // A note or a 解读 is no report that could not be read: it is none, and so not imported.
    say(io, e instanceof NotAReportFile ? `${e.file}：${e.why}，未导入` : `年报无法读取：${e.message}`);
    return 2;
  }
  // A workbook of several years' reports: the latest, as the offline page opens it; the rest are named.
  const [report, ...left] = [...read.reports].sort((a, b) => (b.year ?? 0) - (a.year ?? 0));
  if (!report) throw new Error('a file read holds no report');
  if (report.cells.size === 0) {
    say(io, `年报无法导入：${input} 中没有读出任何数字。${unreadParts(report).join('')}`);
    return 2;
  }
  if (left.length)
    say(
      io,
      `! ${input} 中有 ${read.reports.length} 份年报，只导入了年度最近的一份：${reportName(report)}；未导入：${left.map(reportName).join('、')}。`,
    );
  const unread = unreadParts(report);
  // What could not be read leaves its cells empty: the workbook would then pass as 「尚未填写」.
  const incomplete = report.findings.some((f) => f.severity === 'error');
  if (values.json) {
    io.out(JSON.stringify(importJson(report), null, 2));
    for (const m of unread) say(io, `! ${m}`);
    return incomplete ? 1 : 0;
  }
  const sheet = reportSheetName(report.year);
  const failed = await writeXlsx(
    values.output!,
    sheet,
    templateLayout(report.edition),
    {
      values: workbookValues(report),
      ...(report.year ? { year: report.year } : {}),
      ...(report.agency ? { agency: report.agency } : {}),
    },
    values.force,
  );
  if (failed) {
    say(io, failed);
    return 2;
  }
  io.out(terminalSafe(importedMessage(report, ` ${values.output}（工作表「${sheet}」）`)));
  for (const m of unread) say(io, `! ${m}`);
  const tidy = tidiedNote(report);
  if (tidy) say(io, `! ${tidy}`);
  if (incomplete)
    say(
      io,
      '✗ 导入不完整：没有读出的格子在工作簿中是空的，校验时只会说它们「未填」。请对照原文补填，或改用读得全的原文件（如网页或 .docx）导入。',
    );
  // What the template cannot hold: the published text and how the original was laid out (what
  // could not be read is said just above, not counted again).
  const said = new Set(unread);
  const lost = check(report).filter(
    (f) =>
      f.severity !== 'info' && !said.has(f.message) && (f.rule === 'G-04' || ruleInfo(f.rule)?.published),
  );
  if (lost.length) {
    // An error among them (S-01) is said as one: 「提示」 would make light of it.
    const n = countBySeverity(lost);
    const counted = [n.error ? `${n.error} 个错误` : '', n.warning ? `${n.warning} 个警告` : '']
      .filter(Boolean)
      .join('、');
    say(
      io,
      `! 原文件有 ${counted}与正文或原文格式有关（${[...new Set(lost.map((f) => f.rule))].join('、')}），导入的工作表中没有正文，不会再出现：请用 nianbao check ${/\s/.test(input) ? `"${input}"` : input} 查看。`,
    );
  }
  return incomplete ? 1 : 0;
}

/** Longer than any body's full name (「…人民政府办公室」 names run to some 40 characters). */
const MAX_AGENCY = 100;

async function templateCommand(args: string[], { io }: Run): Promise<number> {
  const { values } = parseOnce(
    args,
    {
      edition: { type: 'string' },
      year: { type: 'string' },
      agency: { type: 'string' },
      output: { type: 'string', short: 'o' },
      force: { type: 'boolean', default: false },
    },
    false,
  );
  const year = values.year === undefined ? undefined : Number(values.year);
  if (year !== undefined && !(Number.isInteger(year) && year >= 2019 && year <= 2100)) {
    say(io, `--year 应为 2019 到 2100 之间的年度，而不是「${values.year}」`);
    return 2;
  }
  // The edition the year calls for, unless asked: 2019 and 2020 use 2019's, later years 2021's.
  const edition = values.edition ?? (year ? editionForYear(year) : '2021');
  if (edition !== '2021' && edition !== '2019') {
    say(io, `--edition 只能是 2021 或 2019，而不是「${edition}」`);
    return 2;
  }
  if (year && editionForYear(year) !== edition) {
    say(
      io,
      `--edition ${edition} 与 --year ${year} 不符：2019、2020 年度用 2019 版格式，2021 年度起用 2021 版格式（不加 --edition 时按年度选择）`,
    );
    return 2;
  }
  // One line, as the name is printed on the form: a line break or a run of spaces pasted with it goes.
  const agency = values.agency?.replace(/[\s\u3000]+/g, ' ').trim();
  if (agency === '' || (agency && agency.length > MAX_AGENCY)) {
    say(
      io,
      agency
        ? `--agency 机关名称过长（${agency.length} 个字，上限 ${MAX_AGENCY}）`
        : '--agency 机关名称是空的',
    );
    return 2;
  }
  if (!values.output) {
    io.err('请用 -o 指定输出文件，如 -o 年报模板.xlsx');
    return 2;
  }
  const refused = await outputProblem(values.output, XLSX_OUTPUT, values.force, new Set());
  if (refused) {
    say(io, refused);
    return 2;
  }
  const sheet = reportSheetName(year);
  const failed = await writeXlsx(
    values.output,
    sheet,
    templateLayout(edition as Edition),
    { ...(year ? { year } : {}), ...(agency ? { agency } : {}) },
    values.force,
  );
  if (failed) {
    say(io, failed);
    return 2;
  }
  io.out(terminalSafe(`已生成 ${edition} 版模板：${values.output}`));
  return 0;
}

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * The command's options and files, as Node's parser reads them; an option that takes a value given
 * twice is refused: the second would silently replace the first (one summary not written, another
 * file taken for last year's report).
 */
function parseOnce<O extends Options>(args: string[], options: O, allowPositionals = true) {
  const parsed = parseArgs({ args: args.flatMap(shortWithValue), options, allowPositionals, tokens: true });
  const seen = new Set<string>();
  for (const t of parsed.tokens) {
    if (t.kind !== 'option' || options[t.name]?.type !== 'string' || options[t.name]?.multiple) continue;
    if (seen.has(t.name))
      throw Object.assign(new TypeError(`Option '--${t.name}' given twice`), {
        code: 'ERR_PARSE_ARGS_TWICE',
      });
    seen.add(t.name);
  }
  return parsed;
}

/** 「-o=a.xlsx」 as 「--output=a.xlsx」 is: Node's parser would take 「=a.xlsx」 for the file. */
const shortWithValue = (arg: string): string[] => {
  const m = /^(-[a-zA-Z])=(.*)$/s.exec(arg);
  return m && Object.values(SHORT).includes(m[1]!) ? [m[1]!, m[2]!] : [arg];
};

/** The options that have a short name, by their long one. */
const SHORT: Readonly<Record<string, string>> = { '--output': '-o' };

const isUsageError = (e: unknown) =>
  e instanceof TypeError && 'code' in e && String(e.code).startsWith('ERR_PARSE_ARGS');

/** What Node's argument parser objects to, in Chinese: its own messages are English. */
function usageMessage(e: TypeError & { code?: unknown }, args: readonly string[]): string {
  const quoted = /'([^']*)'/.exec(e.message)?.[1] ?? '';
  const option = quoted.replace(/ <value>$/, '');
  switch (e.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION': {
      // 「-summary」 is read as 「-s -u -m …」: said as the option it was meant to be.
      const single = args.find(
        (a) => a.startsWith(option) && LONG_OPTIONS.includes(a.slice(1).split('=')[0]!),
      );
      if (single) return `没有「${single.split('=')[0]}」这个选项：长选项前面是两个「-」，是 -${single} 吗？`;
      // 「-x.txt」 is taken for options: a file whose name begins with 「-」 is written ./-x.txt.
      const file = args.find((a) => a.startsWith(option) && a.includes('.'));
      const near = option.startsWith('--') ? nearest(option.slice(2), LONG_OPTIONS) : undefined;
      return `没有「${option}」这个选项${file ? `（若「${file}」是文件名，请写成 ./${file}）` : near ? `，是 --${near} 吗？` : ''}`;
    }
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      // 「--similarity -1」: a value that begins with 「-」 reads as an option.
      if (e.message.includes('ambiguous')) return `${option} 的值以「-」开头时，请写成 ${option}=值`;
      return quoted.endsWith('<value>') ? `${option} 后面要跟一个值` : `${option} 后面不跟值`;
    case 'ERR_PARSE_ARGS_TWICE':
      // Node names the option by its long name, though the clerk may have typed 「-o」.
      return `${SHORT[option] ? `${SHORT[option]}（${option}）` : option} 只能给一次`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `多余的参数「${option}」`;
    default:
      return `参数有误（${e.message}）`;
  }
}

/** Every long option of the commands, for a word mistyped (「--sumary」) or given one 「-」. */
const LONG_OPTIONS = [
  'json',
  'previous',
  'summary',
  'similarity',
  'report',
  'force',
  'output',
  'year',
  'edition',
  'agency',
  'debug',
  'help',
];

/** The word of `words` one or two letters from `word` (「sumary」 → 「summary」), where one is. */
function nearest(word: string, words: readonly string[]): string | undefined {
  const distance = (a: string, b: string) => {
    let row = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
      const next = [i];
      for (let j = 1; j <= b.length; j++)
        next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      row = next;
    }
    return row[b.length]!;
  };
  const [best] = words.map((w) => ({ w, d: distance(word, w) })).sort((x, y) => x.d - y.d);
  return best && best.d <= 2 ? best.w : undefined;
}

const HELP = new Set(['help', '--help', '-h']);

/**
 * The command line. Exit codes: 0 nothing wrong, 1 errors found, 2 a file unread or a usage
 * problem, 3 an internal error (one Chinese line; the stack with --debug).
 */
export async function run(argv: readonly string[], io: Io = STD): Promise<number> {
  const code = await runCommand(argv, io);
  // Output cut short (a full disk under `nianbao check … > out.txt`) is no success: said, and exit 2.
  const failed = io === STD ? writeFailures.get(1) : undefined;
  if (failed === undefined) return code;
  stderr(`nianbao：写入标准输出失败（${failed === 'ENOSPC' ? '磁盘已满' : failed}），输出不完整\n`);
  return Math.max(code, 2);
}

async function runCommand(argv: readonly string[], io: Io): Promise<number> {
  const debug = argv.includes('--debug');
  const [command, ...rest] = argv.filter((a) => a !== '--debug');
  const context: Run = { io, debug };
  if (command !== undefined && !HELP.has(command) && rest.some((a) => a === '--help' || a === '-h')) {
    io.out(usageOf(command));
    return 0;
  }
  try {
    switch (command) {
      case 'check':
        return await checkCommand(rest, context);
      case 'template':
        return await templateCommand(rest, context);
      case 'import':
        return await importCommand(rest, context);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.out(USAGE);
        return command === undefined ? 2 : 0;
      default: {
        // A file or folder given without the command (「nianbao 年报/」): the command it needs.
        const path = existsSync(command) || /[./\\]/.test(command);
        const near = path ? undefined : nearest(command, ['check', 'import', 'template']);
        say(
          io,
          `未知命令「${command}」${path ? `：要校验它，请写 nianbao check ${command}` : near ? `，是 ${near} 吗？` : ''}`,
        );
        io.err(USAGE);
        return 2;
      }
    }
  } catch (e) {
    if (isUsageError(e)) {
      say(io, usageMessage(e as TypeError & { code?: unknown }, argv));
      io.err(usageOf(command ?? ''));
      return 2;
    }
    const missing = missingPart(e);
    io.err(
      missing
        ? `nianbao 无法运行：${missing}。`
        : `nianbao 出现内部错误：${terminalSafe(oneLine(e))}。请把这条信息和所用的文件报告给开发者${debug ? '' : '（加 --debug 可显示详细信息）'}。`,
    );
    if (debug && e instanceof Error && e.stack) io.err(e.stack);
    return 3;
  }
}

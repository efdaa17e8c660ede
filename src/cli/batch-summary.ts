import {
  blankTables,
  notFilledIn,
  countBySeverity,
  GENERATOR,
  groupByTable,
  htmlText,
  SEVERITY_LABEL,
  summary,
  TABLE_NAME,
  tablesNotReadWhole,
} from '../core.js';
import type { Unreadable } from './batch.js';
import { type Checked, onlyUnread } from './output.js';
import { type Remark, remarkText } from './remark.js';

const HEADER = [
  '文件',
  '工作表',
  '机关',
  '年度',
  '格式',
  '错误',
  '警告',
  '已说明',
  '未填写的表',
  '第一个错误',
  '对照上年',
  // Each new one last: a column put in before it would move those a supervisor's own sheet reads.
  '未能完整读取的表',
  '数字相同的副本',
  '结果',
];

/**
 * A report's result in a word, to filter the summary by in Excel: its errors first, then a table
 * not read whole (see onlyUnread), a table left blank, warnings not explained.
 */
function outcome(c: Checked, n: ReturnType<typeof countBySeverity>, blank: readonly string[]): string {
  if (onlyUnread(c)) return '表格未能完整读取';
  if (n.error) return '有错误';
  if (blank.length) return '有表未填写';
  // 报告年度 or 机关名称 left blank: the 审核报告 fails it, as it does a blank table.
  if (notFilledIn(c.findings).length) return '年度或机关未填写';
  return n.warning ? '有警告' : '通过';
}

function row(c: Checked): string[] {
  const n = countBySeverity(c.findings);
  const first = c.findings.find((f) => f.severity === 'error');
  const blank = blankTables(c.findings);
  return [
    c.file,
    c.sheet ?? '',
    c.agency ?? '',
    c.year ? String(c.year) : '',
    `${c.edition} 版`,
    String(n.error),
    String(n.warning),
    String(n.explained),
    blank.join('、'),
    first ? `[${first.rule}] ${first.message}` : '',
    c.previous ?? '',
    [...tablesNotReadWhole(c)].map((t) => TABLE_NAME[t]).join('、'),
    outcome(c, n, blank),
  ];
}

/** A line of the summary that is no report's: its file (or none), what is said of it, and what it is. */
const saying = (file: string, message: string, result: string) =>
  HEADER.map((column, i) =>
    i === 0 ? file : column === '第一个错误' ? message : column === '结果' ? result : '',
  );

/** What the batch says beside its reports: a pairing not made, two reports of one body and year. */
const REMARK = '（本批提示）';

/**
 * The most a cell holds: Excel and LibreOffice keep 32,767 characters of a cell and drop the rest.
 * A remark naming hundreds of files goes on over as many lines as it needs, cut between names.
 */
export const MAX_CELL = 32_000;
const GOES_ON = '（接上行）';

export function cellPieces(text: string, max = MAX_CELL): string[] {
  if (text.length <= max) return [text];
  const room = max - GOES_ON.length;
  const pieces: string[] = [];
  let piece = '';
  for (const part of text.split(/(?<=、)/)) {
    for (let at = 0; at < part.length; at += room) {
      const bit = part.slice(at, at + room);
      if (piece.length + bit.length > room) {
        pieces.push(piece);
        piece = '';
      }
      piece += bit;
    }
  }
  if (piece) pieces.push(piece);
  return pieces.map((p, i) => (i ? GOES_ON + p : p));
}

/**
 * A cell as Excel reads it as text: quoted where needed, and never a formula. A cell that starts
 * with = + - @ (or their full-width forms, a tab or a carriage return) gets a leading apostrophe:
 * a file name or a report's text cannot run a formula in the supervisor's Excel.
 */
export function csvCell(text: string): string {
  // No cell of a report's row comes near the limit; one that did would lose its end in Excel anyway.
  const s = text.length > MAX_CELL ? `${text.slice(0, MAX_CELL)}…（过长，完整内容见 --json）` : text;
  const safe = /^[=+\-@＝＋－＠\t\r]/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const csvLine = (cells: readonly string[]) => cells.map(csvCell).join(',');

/** How a CSV summary of ours begins (its byte-order mark, then the header). */
export const CSV_SUMMARY_START = `\uFEFF${HEADER.slice(0, 5).join(',')},`;

/** The CSV summary as it is gathered: one line per report; with a BOM, so Excel opens it as UTF-8. */
export class CsvSummary {
  private readonly lines: string[] = [csvLine(HEADER)];
  /** What the summary keeps of a report. */
  static line(c: Checked): string {
    return csvLine(row(c));
  }
  /**
   * A report's line, and the files holding the same report (its copies), said before its result:
   * the result, one word of its own (「通过」), stays the last column.
   */
  add(line: string, copies = ''): void {
    const result = line.lastIndexOf(',');
    this.lines.push(`${line.slice(0, result)},${csvCell(copies)}${line.slice(result)}`);
  }
  /**
   * The summary, then a line for each file not read, each of a folder's files not checked, and
   * each of the batch's remarks.
   */
  text(
    unreadable: readonly Unreadable[],
    notChecked: readonly Unreadable[] = [],
    remarks: readonly string[] = [],
  ): string {
    const others = [
      ...unreadable.map((u) => saying(u.file, u.message, '无法读取')),
      ...notChecked.map((u) => saying(u.file, u.message, '未校验')),
      ...remarks.flatMap((r) => cellPieces(r).map((piece) => saying(REMARK, piece, '提示'))),
    ].map(csvLine);
    return `\uFEFF${[...this.lines, ...others].join('\r\n')}\r\n`;
  }
  get count(): number {
    return this.lines.length - 1;
  }
}

/** How an HTML summary of ours begins: one found where a summary goes is ours to replace, not a report to read. */
export const HTML_SUMMARY_START = `<!doctype html>\n<html lang="zh-CN"><head><meta charset="utf-8">${GENERATOR}<title>年报校验汇总</title>`;

const esc = htmlText;

/** A remark naming more reports than this is said first, its reports listed when opened. */
const FOLD_FILES = 8;

/**
 * A remark as the page shows it, its files below `below`'s folder: one naming many reports says
 * what it says, and how many, first; they are listed when it is opened (printed, they are all there).
 */
function folded(remark: Remark, below: (text: string) => string): string {
  if (remark.all || remark.of.length <= FOLD_FILES) return esc(below(remarkText(remark)));
  return `<details><summary>${esc(below(remark.says))}（${remark.of.length} 份）</summary>${esc(remark.of.map(below).join('、'))}</details>`;
}

/** Longer than any body's or sheet's name: a table row shows the beginning, and how long it is. */
const MAX_NAME = 40;
const shortened = (name: string) =>
  name.length > MAX_NAME ? `${name.slice(0, MAX_NAME)}…（共 ${name.length} 字）` : name;

export interface HtmlPart {
  readonly cells: readonly string[];
  readonly file: string;
  readonly sheet?: string;
  readonly previous?: string;
  /** The body, year and edition, and the findings in a few words. */
  readonly about: string;
  readonly verdict: string;
  /** The findings by table, as HTML. */
  readonly groups: string;
  /** The other files holding the same report. */
  readonly copies?: readonly string[];
}

const SEPARATOR = /[/\\]/;

/**
 * The folder all `paths` are in, with its last separator (「/报送/2024年度/」), or '' where they share
 * none: the summary names each file below it, which a supervisor's long folder names otherwise
 * make a table row of five lines for.
 */
export function commonFolder(paths: readonly string[]): string {
  if (!paths.length) return '';
  let common = paths[0]!;
  for (const path of paths) {
    let n = 0;
    while (n < common.length && n < path.length && common[n] === path[n]) n++;
    common = common.slice(0, n);
  }
  let end = common.length;
  while (end > 0 && !SEPARATOR.test(common[end - 1]!)) end--;
  // The root alone (「/」) says nothing a name below it would not.
  return end > 1 ? common.slice(0, end) : '';
}

/** What a batch's one sentence counts (see batchSentence). */
export interface BatchCounts {
  readonly reports: number;
  readonly withErrors: number;
  readonly unreadTables: number;
  readonly unreadable: number;
  readonly notChecked: number;
  /** Reports that are copies of another (see BatchTotals.copies), and those with errors without them. */
  readonly copies: number;
  readonly distinctWithErrors: number;
}

/** 「共 5 份报告（去掉数字相同的副本和其他格式，为 4 份），1 份有错误，2 个文件无法读取。」: the terminal's last line, and the summary page's first. */
export function batchSentence(c: BatchCounts): string {
  const parts = [
    `共 ${c.reports} 份报告${c.copies ? `（去掉数字相同的副本和其他格式，为 ${c.reports - c.copies} 份）` : ''}`,
    `${c.withErrors} 份有错误${c.distinctWithErrors !== c.withErrors ? `（去掉副本为 ${c.distinctWithErrors} 份）` : ''}`,
    c.unreadTables ? `${c.unreadTables} 份有表格未能完整读取` : '',
    c.unreadable ? `${c.unreadable} 个文件无法读取` : '',
    c.notChecked ? `${c.notChecked} 个文件不是年报格式、未校验` : '',
  ];
  return `${parts.filter(Boolean).join('，')}。`;
}

/**
 * A file's name, or a message naming files, with `folder` left out where a name begins: at the
 * text's start or after a space or a mark that lists files (「a、b」, 「a 与 b」, 「（a）」).
 */
function belowFolder(folder: string): (text: string) => string {
  if (!folder) return (text) => text;
  const at = new RegExp(`(^|[\\s、，,：（(])${folder.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&')}`, 'g');
  return (text) => text.replace(at, '$1');
}

const FILE_COLUMN = HEADER.indexOf('文件');
const ERRORS_COLUMN = HEADER.indexOf('错误');
const PREVIOUS_COLUMN = HEADER.indexOf('对照上年');

/** A report's line of the table; its file links to its findings. */
function tableRow(part: HtmlPart, i: number, below: (path: string) => string): string {
  const cells = part.cells.map((x, j) =>
    j === FILE_COLUMN
      ? `<a href="#r${i}">${esc(below(x))}</a>`
      : esc(j === PREVIOUS_COLUMN ? below(x) : j <= 2 ? shortened(x) : x),
  );
  const copies = (part.copies ?? []).map((c) => esc(below(c))).join('、');
  const shown = [...cells.slice(0, -1), copies, ...cells.slice(-1)];
  return `<tr class="${Number(part.cells[ERRORS_COLUMN]) ? 'bad' : ''}">${shown.map((x) => `<td>${x}</td>`).join('')}</tr>`;
}

/** A report's findings, by table. */
function section(part: HtmlPart, i: number, below: (path: string) => string): string {
  const previous = part.previous ? ` · 对照上年：${esc(below(part.previous))}` : '';
  return `<section id="r${i}"><h2>${esc(below(part.file))}${part.sheet ? `「${esc(part.sheet)}」` : ''}</h2><p>${esc(part.about)}${previous} · <b>${esc(part.verdict)}</b></p>${part.groups}</section>`;
}

/** A page a supervisor reads and prints: the table of all reports, then each report's findings. */
export class HtmlSummary {
  private readonly parts: HtmlPart[] = [];

  add(part: HtmlPart, copies: readonly string[] = []): void {
    this.parts.push(copies.length ? { ...part, copies } : part);
  }

  /** What the summary keeps of a report. */
  static part(c: Checked): HtmlPart {
    const groups = groupByTable(c.findings)
      .map(
        (g) =>
          `<h3>${esc(g.title)}</h3><ul>${g.findings
            .map(
              (f) =>
                `<li class="${f.severity}"><b>${SEVERITY_LABEL[f.severity]} [${esc(f.rule)}]</b> ${esc(f.message)}</li>`,
            )
            .join('')}</ul>`,
      )
      .join('');
    return {
      cells: row(c),
      file: c.file,
      ...(c.sheet ? { sheet: c.sheet } : {}),
      ...(c.previous ? { previous: c.previous } : {}),
      about: [c.agency, c.year ? `${c.year} 年度` : '', `${c.edition} 版`].filter(Boolean).join(' · '),
      verdict: summary(c.findings),
      groups,
    };
  }

  get count(): number {
    return this.parts.length;
  }

  /** The page, first saying the batch as `counted` says it (batchSentence, the terminal's last line). */
  text(
    counted: string,
    unreadable: readonly Unreadable[],
    when: Date,
    notChecked: readonly Unreadable[] = [],
    remarks: readonly Remark[] = [],
  ): string {
    const folder = commonFolder([
      ...this.parts.flatMap((p) => [p.file, ...(p.previous ? [p.previous] : [])]),
      ...unreadable.map((u) => u.file),
      ...notChecked.map((u) => u.file),
    ]);
    const below = belowFolder(folder);
    const list = (title: string, items: readonly string[]) =>
      items.length ? `<h2>${title}</h2><ul>${items.map((item) => `<li>${item}</li>`).join('')}</ul>` : '';
    const messages = (files: readonly Unreadable[]) => files.map((u) => esc(below(u.message)));
    const broken =
      list('无法读取的文件', messages(unreadable)) + list('不是年报格式、未校验的文件', messages(notChecked));
    return `${HTML_SUMMARY_START}
<style>
@page{size:A4 landscape;margin:12mm}
body{font-family:"Microsoft YaHei","Noto Sans CJK SC",sans-serif;font-size:13px;margin:24px;color:#222}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #999;padding:3px 6px;vertical-align:top}
th{background:#eee;white-space:nowrap}th:nth-child(9),th:nth-child(12),th:nth-child(13){white-space:normal;min-width:5em}td:nth-child(n+2):nth-child(-n+7),td:last-child{white-space:nowrap}
td:first-child,td:nth-child(11){min-width:8em}td:nth-child(10){min-width:10em}td{overflow-wrap:anywhere}
tr{break-inside:avoid}details summary{cursor:pointer}

p,h2,li{overflow-wrap:anywhere}tr.bad td:nth-child(6){color:#b00;font-weight:bold}
li.error b{color:#b00}li.warning b{color:#a60}li.info b{color:#555}
section{page-break-inside:avoid;border-top:1px solid #ccc;margin-top:16px}
@media print{body{margin:0}a{color:inherit;text-decoration:none}section{page-break-before:auto}}
</style></head><body>
<h1>政府信息公开工作年度报告校验汇总</h1>
<p>${esc(counted)}生成于 ${when.toLocaleString('zh-CN', { hour12: false })}，nianbao。</p>
${folder ? `<p>文件都在 ${esc(folder)} 中，下面只写其后的部分。</p>` : ''}
${list(
  '需要确认的事项',
  remarks.map((r) => folded(r, below)),
)}
<table><thead><tr>${HEADER.map((h) => `<th>${h}</th>`).join('')}</tr></thead><tbody>
${this.parts.map((p, i) => tableRow(p, i, below)).join('\n')}
</tbody></table>
${broken}
${this.parts.map((p, i) => section(p, i, below)).join('\n')}
</body></html>
`;
  }
}

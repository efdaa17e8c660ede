import {
  blankTables,
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
 * A cell as Excel reads it as text: quoted where needed, and never a formula. A cell that starts
 * with = + - @ (or their full-width forms, a tab or a carriage return) gets a leading apostrophe:
 * a file name or a report's text cannot run a formula in the supervisor's Excel.
 */
export function csvCell(s: string): string {
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
  add(line: string): void {
    this.lines.push(line);
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
      ...remarks.map((r) => saying(REMARK, r, '提示')),
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

/** Longer than any body's or sheet's name: a table row shows the beginning, and how long it is. */
const MAX_NAME = 40;
const shortened = (name: string) =>
  name.length > MAX_NAME ? `${name.slice(0, MAX_NAME)}…（共 ${name.length} 字）` : name;

export interface HtmlPart {
  readonly cells: readonly string[];
  readonly section: string;
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

/** A page a supervisor reads and prints: the table of all reports, then each report's findings. */
export class HtmlSummary {
  private readonly rows: string[] = [];
  private readonly sections: string[] = [];

  add(part: HtmlPart): void {
    const i = this.rows.length;
    const cells = [...part.cells];
    cells[0] = `<a href="#r${i}">${esc(cells[0]!)}</a>`;
    this.rows.push(
      `<tr class="${Number(cells[5]) ? 'bad' : ''}">${cells.map((x, j) => `<td>${j ? esc(j <= 2 ? shortened(x) : x) : x}</td>`).join('')}</tr>`,
    );
    this.sections.push(part.section.replace('<section>', `<section id="r${i}">`));
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
    const title = [c.agency, c.year ? `${c.year} 年度` : '', `${c.edition} 版`].filter(Boolean).join(' · ');
    return {
      cells: row(c),
      section: `<section><h2>${esc(c.file)}${c.sheet ? `「${esc(c.sheet)}」` : ''}</h2><p>${esc(title)}${
        c.previous ? ` · 对照上年：${esc(c.previous)}` : ''
      } · <b>${esc(summary(c.findings))}</b></p>${groups}</section>`,
    };
  }

  get count(): number {
    return this.rows.length;
  }

  /** The page, first saying the batch as `counted` says it (batchSentence, the terminal's last line). */
  text(
    counted: string,
    unreadable: readonly Unreadable[],
    when: Date,
    notChecked: readonly Unreadable[] = [],
    remarks: readonly string[] = [],
  ): string {
    const list = (title: string, messages: readonly string[]) =>
      messages.length
        ? `<h2>${title}</h2><ul>${messages.map((m) => `<li>${esc(m)}</li>`).join('')}</ul>`
        : '';
    const messages = (files: readonly Unreadable[]) => files.map((u) => u.message);
    const broken =
      list('无法读取的文件', messages(unreadable)) + list('不是年报格式、未校验的文件', messages(notChecked));
    return `${HTML_SUMMARY_START}
<style>
@page{size:A4 landscape;margin:12mm}
body{font-family:"Microsoft YaHei","Noto Sans CJK SC",sans-serif;font-size:13px;margin:24px;color:#222}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #999;padding:3px 6px;vertical-align:top}
th{background:#eee;white-space:nowrap}td:nth-child(n+2):nth-child(-n+7),td:last-child{white-space:nowrap}
p,h2,li{overflow-wrap:anywhere}tr.bad td:nth-child(6){color:#b00;font-weight:bold}
li.error b{color:#b00}li.warning b{color:#a60}li.info b{color:#555}
section{page-break-inside:avoid;border-top:1px solid #ccc;margin-top:16px}
@media print{body{margin:0}a{color:inherit;text-decoration:none}section{page-break-before:auto}}
</style></head><body>
<h1>政府信息公开工作年度报告校验汇总</h1>
<p>${esc(counted)}生成于 ${when.toLocaleString('zh-CN', { hour12: false })}，nianbao。</p>
${list('需要确认的事项', remarks)}
<table><thead><tr>${HEADER.map((h) => `<th>${h}</th>`).join('')}</tr></thead><tbody>
${this.rows.join('\n')}
</tbody></table>
${broken}
${this.sections.join('\n')}
</body></html>
`;
  }
}

import { countBySeverity, groupByTable, SEVERITY_LABEL, summary } from '../core.js';
import type { Unreadable } from './batch.js';
import type { Checked } from './output.js';

const HEADER = ['文件', '工作表', '机关', '年度', '格式', '错误', '警告', '第一个错误'];

function row(c: Checked): string[] {
  const n = countBySeverity(c.findings);
  const first = c.findings.find((f) => f.severity === 'error');
  return [
    c.file,
    c.sheet ?? '',
    c.agency ?? '',
    c.year ? String(c.year) : '',
    `${c.edition} 版`,
    String(n.error),
    String(n.warning),
    first ? `[${first.rule}] ${first.message}` : '',
  ];
}

const csvCell = (s: string) => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** One row per report; with a BOM, so that Excel opens the Chinese text as UTF-8. */
export function summaryCsv(checked: readonly Checked[], unreadable: readonly Unreadable[]): string {
  const lines = [
    HEADER,
    ...checked.map(row),
    ...unreadable.map((u) => [u.file, '', '', '', '', '', '', u.message]),
  ];
  return `\uFEFF${lines.map((l) => l.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

const esc = (s: string) =>
  s.replace(/[&<>"]/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[ch]!);

/** A page a supervisor reads and prints: the table of all reports, then each report's findings. */
export function summaryHtml(
  checked: readonly Checked[],
  unreadable: readonly Unreadable[],
  when: Date,
): string {
  const withErrors = checked.filter((c) => c.findings.some((f) => f.severity === 'error')).length;
  const rows = checked
    .map((c, i) => {
      const cells = row(c);
      cells[0] = `<a href="#r${i}">${esc(cells[0]!)}</a>`;
      return `<tr class="${Number(cells[5]) ? 'bad' : ''}">${cells.map((x, j) => `<td>${j ? esc(x) : x}</td>`).join('')}</tr>`;
    })
    .join('\n');
  const details = checked
    .map((c, i) => {
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
      return `<section id="r${i}"><h2>${esc(c.file)}${c.sheet ? `「${esc(c.sheet)}」` : ''}</h2><p>${esc(title)}${
        c.previous ? ` · 对照上年：${esc(c.previous)}` : ''
      } · <b>${esc(summary(c.findings))}</b></p>${groups}</section>`;
    })
    .join('\n');
  const broken = unreadable.length
    ? `<h2>无法读取的文件</h2><ul>${unreadable.map((u) => `<li>${esc(u.message)}</li>`).join('')}</ul>`
    : '';
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>年报校验汇总</title>
<style>
body{font-family:"Microsoft YaHei","Noto Sans CJK SC",sans-serif;font-size:13px;margin:24px;color:#222}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #999;padding:3px 6px;vertical-align:top}
th{background:#eee;white-space:nowrap}td:nth-child(n+2):nth-child(-n+7){white-space:nowrap}tr.bad td:nth-child(6){color:#b00;font-weight:bold}
li.error b{color:#b00}li.warning b{color:#a60}li.info b{color:#555}
section{page-break-inside:avoid;border-top:1px solid #ccc;margin-top:16px}
@media print{a{color:inherit;text-decoration:none}section{page-break-before:auto}}
</style></head><body>
<h1>政府信息公开工作年度报告校验汇总</h1>
<p>共 ${checked.length} 份报告，${withErrors} 份有错误${unreadable.length ? `，${unreadable.length} 个文件无法读取` : ''}。生成于 ${when.toLocaleString('zh-CN', { hour12: false })}，nianbao。</p>
<table><thead><tr>${HEADER.map((h) => `<th>${h}</th>`).join('')}</tr></thead><tbody>
${rows}
</tbody></table>
${broken}
${details}
</body></html>
`;
}

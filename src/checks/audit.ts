import {
  countBySeverity,
  type Finding,
  findingPlaceOnSheet,
  SEVERITY_LABEL,
  SEVERITY_ORDER,
} from '../report/finding.js';
import { ruleInfo } from '../report/catalog.js';
import { TABLE_NAME } from '../report/parts.js';
import { shownText } from '../report/shown.js';
import { FIRST_FORMAT_YEAR, type Report } from '../report/types.js';
import { canExplain, formatTime, notFilledIn, openWarnings } from '../report/notes.js';

/** Marks the pages nianbao writes (审核报告, 汇总), so that a later run over their folder passes them by. */
export const GENERATOR = '<meta name="generator" content="nianbao">';

/**
 * 审核报告: what a clerk files with the report, and what a supervisor prints: who, which year, when
 * it was checked, the result, every error, every warning with its 说明 (or 「说明：（未填写）」), and lines to
 * sign. The Excel and WPS hosts write it as a sheet, the command line and the offline page as HTML.
 */
export interface Audit {
  readonly agency?: string;
  readonly year?: number;
  readonly edition: Report['edition'];
  /** The file or sheet the report was read from. */
  readonly source?: string;
  /** Last year's report the cross-year rules compared with, if any. */
  readonly previous?: string;
  readonly checkedAt: string;
  /** No error and nothing left blank: 通过 (warnings are answered by 说明 or left for the reviewer). */
  readonly passed: boolean;
  /** Tables not filled in at all (「表三」), and 报告年度 or 机关名称 left blank: a report with one never passes. */
  readonly notFilledIn: readonly string[];
  readonly counts: ReturnType<typeof countBySeverity>;
  readonly findings: readonly Finding[];
  /** The tables were on several sheets: each finding says which. */
  readonly severalSheets: boolean;
  /** Where the 说明 are kept, where not in the report's own file (the offline page's browser). */
  readonly notesKept?: string;
  /** What the reviewer is to confirm beside the findings: another report of the same year in the file. */
  readonly remarks?: readonly string[];
  /** Other files of a batch holding the same report with the same result: no page of their own. */
  readonly copies?: readonly string[];
}

export const AUDIT_SHEET = '审核报告';
export const AUDIT_TITLE = '政府信息公开工作年度报告审核报告';

export function auditOf(
  report: Pick<Report, 'edition' | 'year' | 'agency' | 'sheets'> & { readonly cells?: Report['cells'] },
  findings: readonly Finding[],
  meta: { checkedAt: Date; source?: string; previous?: string; remarks?: readonly string[] },
): Audit {
  // On paper, a published report's cells are where they are in its file (see ReadCell.origin).
  const cited = (f: Finding): Finding => {
    const origins = f.cells.map((k) => report.cells?.get(k)?.origin);
    return origins.length && origins.every(Boolean) ? { ...f, addresses: origins as string[] } : f;
  };
  const counts = countBySeverity(findings);
  const blank = notFilledIn(findings);
  return {
    ...(report.agency ? { agency: report.agency } : {}),
    ...(report.year ? { year: report.year } : {}),
    edition: report.edition,
    ...(meta.source ? { source: meta.source } : {}),
    ...(meta.previous ? { previous: meta.previous } : {}),
    ...(meta.remarks?.length ? { remarks: meta.remarks } : {}),
    checkedAt: formatTime(meta.checkedAt),
    passed: counts.error === 0 && blank.length === 0,
    notFilledIn: blank,
    counts,
    severalSheets:
      new Set([...Object.values(report.sheets ?? {}), ...findings.flatMap((f) => (f.sheet ? [f.sheet] : []))])
        .size > 1,
    findings: findings.map(cited).sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]),
  };
}

/** 「通过」 or 「未通过（2 个错误）」, with what is still open. */
export function auditResult(audit: Audit): string {
  const { error, explained } = audit.counts;
  const warning = openWarnings(audit.findings);
  if (!audit.passed) {
    const open = [
      error ? `${error} 个错误` : '',
      audit.notFilledIn.length ? `${audit.notFilledIn.join('、')}尚未填写` : '',
      warning ? `${warning} 个警告未说明` : '',
    ];
    return `未通过（${open.filter(Boolean).join('，')}）`;
  }
  const rest = [warning ? `${warning} 个警告未说明` : '', explained ? `${explained} 个警告已说明` : '']
    .filter(Boolean)
    .join('，');
  return rest ? `通过（${rest}）` : '通过';
}

/** Where a finding points: 「表三 D49」, 「表四」, or nothing for the report as a whole; the sheet too when asked. */
export function findingPlace(f: Finding, withSheet = false): string {
  const table = f.table ? TABLE_NAME[f.table] : '';
  const at = findingPlaceOnSheet(f) ?? '';
  return [withSheet && f.sheet ? `「${f.sheet}」` : '', table, at].filter(Boolean).join(' ');
}

/** The wide space between items of a line, as Chinese forms space them. */
const GAP = '\u3000\u3000';

export type AuditRowStyle =
  'title' | 'meta' | 'header' | 'error' | 'warning' | 'info' | 'legend' | 'sign' | 'blank';

/** A row of the 审核报告 sheet: its cells (A–E) and how it looks; `span` rows fill A–E merged. */
export interface AuditRow {
  readonly cells: readonly string[];
  readonly style: AuditRowStyle;
  readonly span?: true;
}

/** How each kind of row looks, in every host that writes the sheet. */
export const AUDIT_ROW_STYLE: Readonly<
  Record<AuditRowStyle, { bold?: boolean; size?: number; fill?: string; border?: boolean }>
> = {
  title: { bold: true, size: 16 },
  meta: {},
  blank: {},
  header: { bold: true, fill: '#E7E6E6', border: true },
  error: { border: true },
  warning: { border: true },
  info: { border: true },
  legend: { size: 9 },
  sign: { size: 12 },
};

/** Column widths of the sheet, in characters: 序号, 类别, 规则, 位置, 问题与说明. */
export const AUDIT_COLUMNS = [6, 8, 10, 14, 72] as const;

/** The 审核报告 as the rows of a sheet that prints on A4. */
export function auditRows(audit: Audit): AuditRow[] {
  const heading = [
    audit.agency ? `机关名称：${audit.agency}` : '机关名称：（未注明）',
    `报告年度：${audit.year ?? '（未注明）'}`,
    `格式：${audit.edition} 版`,
  ].join(GAP);
  // Without last year's report, the page says its cross-year rules did not run: a pass signed
  // for is otherwise read as checked against last year. (2019's X-02 says why they cannot.)
  const previousRow = audit.previous
    ? `对照上年报告：${audit.previous}`
    : audit.year === FIRST_FORMAT_YEAR
      ? undefined
      : audit.year === undefined
        ? '对照上年报告：无（没有注明报告年度，无法查找上年报告，跨年度关系未核对）'
        : '对照上年报告：无（跨年度关系未核对）';
  const rows: AuditRow[] = [
    { cells: [AUDIT_TITLE], style: 'title', span: true },
    { cells: [heading], style: 'meta', span: true },
    {
      cells: [
        `审核时间：${audit.checkedAt}${GAP}审核结果：${auditResult(audit)}${audit.source ? `${GAP}来源：${audit.source}` : ''}`,
      ],
      style: 'meta',
      span: true,
    },
    ...(previousRow ? [{ cells: [previousRow], style: 'meta' as const, span: true as const }] : []),
    ...(audit.copies?.length
      ? [
          {
            cells: [
              `数字相同的副本（与本报告算作一份，审核结果相同，不另出审核报告）：${audit.copies.join('、')}`,
            ],
            style: 'meta' as const,
            span: true as const,
          },
        ]
      : []),
    ...(audit.remarks ?? []).map((r) => ({
      cells: [`需要确认：${r}`],
      style: 'meta' as const,
      span: true as const,
    })),
    ...(audit.notesKept && audit.findings.some((f) => f.note)
      ? [{ cells: [`说明：${audit.notesKept}`], style: 'meta' as const, span: true as const }]
      : []),
    { cells: [], style: 'blank' },
    { cells: ['序号', '类别', '规则', '位置', '问题与说明'], style: 'header' },
  ];
  if (!audit.findings.length) {
    rows.push({ cells: ['', '', '', '', '没有发现问题。'], style: 'info' });
  }
  audit.findings.forEach((f, i) => {
    const explained =
      f.severity !== 'warning'
        ? ''
        : f.note
          ? `\n说明：${f.note.text}（${f.note.at}）`
          : canExplain(f)
            ? '\n说明：（未填写）'
            : '';
    rows.push({
      cells: [
        String(i + 1),
        SEVERITY_LABEL[f.severity],
        f.rule,
        findingPlace(f, audit.severalSheets),
        `${f.message}${explained}`,
      ],
      style: f.severity,
    });
  });
  // What each rule id in the table stands for: the page is read on paper, where no hover explains it.
  const cited = [...new Set(audit.findings.map((f) => f.rule))];
  if (cited.length)
    rows.push({
      cells: [`规则：${cited.map((id) => `${id} ${ruleInfo(id).title}`).join('；')}。`],
      style: 'legend',
      span: true,
    });
  rows.push(
    { cells: [], style: 'blank' },
    {
      cells: [['填报人', '审核人', '日期'].map((w) => `${w}：____________`).join(GAP)],
      style: 'sign',
      span: true,
    },
  );
  return rows;
}

/** Text for a page of ours: escaped, and without what would change how the rest of the page reads. */
export const htmlText = (s: string): string =>
  shownText(s).replace(/[&<>"]/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[ch]!);
const esc = htmlText;

/** One 审核报告 as a section of a page: title, the lines about it, the table, the lines to sign. */
function auditSection(audit: Audit): string {
  const rows = auditRows(audit);
  const lines = rows
    .map((r) => {
      if (r.style === 'title') return `<h1>${esc(r.cells[0]!)}</h1>`;
      if (r.style === 'meta') return `<p class="meta">${esc(r.cells[0]!)}</p>`;
      if (r.style === 'sign') return `<p class="sign">${esc(r.cells[0]!)}</p>`;
      if (r.style === 'legend') return `<p class="legend">${esc(r.cells[0]!)}</p>`;
      return '';
    })
    .filter(Boolean);
  const tr = (r: AuditRow) => {
    const tag = r.style === 'header' ? 'th' : 'td';
    const cells = r.cells.map((c) => `<${tag}>${esc(c).replace(/\n/g, '<br>')}</${tag}>`).join('');
    return `<tr class="${r.style}">${cells}</tr>`;
  };
  // The header row in <thead>: printed again at the top of every page the table runs onto, after
  // whose report it is (a batch's pages, taken apart, each say which report they are of).
  const whose = [audit.source, audit.agency, audit.year ? `${audit.year} 年度` : '']
    .filter(Boolean)
    .join(' · ');
  const running = whose ? [`<tr class="running"><th colspan="5">${esc(whose)}</th></tr>`] : [];
  const head = [...running, ...rows.filter((r) => r.style === 'header').map(tr)];
  const body = rows.filter((r) => r.style === 'error' || r.style === 'warning' || r.style === 'info').map(tr);
  const table = `<thead>${head.join('')}</thead>\n<tbody>\n${body.join('\n')}\n</tbody>`;
  const [title, ...meta] = lines;
  const sign = meta.pop();
  // The rules' meanings stand under the table, before the lines to sign.
  const legend = meta.filter((l) => l.startsWith('<p class="legend">'));
  const above = meta.filter((l) => !legend.includes(l));
  return `<section>
${title}
${above.join('\n')}
<table><colgroup><col class="n"><col class="k"><col class="r"><col class="p"><col></colgroup>
${table}
</table>
${legend.join('\n')}
${sign}
</section>`;
}

/** 审核报告 as one printable HTML page (A4), each report on pages of its own. */
/** The pages a batch's audit report adds after its reports: what was not checked, and what to confirm. */
export interface BatchPages {
  readonly notChecked?: readonly { file: string; message: string }[];
  readonly remarks?: readonly string[];
}

const messages = (files: readonly { message: string }[]) => files.map((f) => f.message);

/** A page that lists what a batch says beside its reports; none where there is nothing to list. */
function listPage(title: string, intro: string, column: string, items: readonly string[]): string {
  if (!items.length) return '';
  return `<section><h1>${title}</h1>
<p class="meta">${esc(intro)}</p>
<table><colgroup><col class="n"><col></colgroup><thead><tr><th>序号</th><th>${column}</th></tr></thead><tbody>
${items.map((m, i) => `<tr><td>${i + 1}</td><td>${esc(m)}</td></tr>`).join('\n')}
</tbody></table></section>`;
}

/**
 * A batch's first page: each report on one line with its result, as a contents page (a report's own
 * page follows in the same order), and the batch counted.
 */
function contentsPage(list: readonly Audit[], unread: number): string {
  if (list.length < 2) return '';
  const passed = list.filter((a) => a.passed).length;
  const copies = list.reduce((n, a) => n + (a.copies?.length ?? 0), 0);
  const copiesNote = copies
    ? `（另有 ${copies} 个文件是其中报告的数字相同的副本，结果相同，写在其报告的一页上）`
    : '';
  const unreadNote = unread ? `；另有 ${unread} 个文件未能读取，见最后几页` : '';
  const rows = list.map((a, i) => {
    const result = a.passed ? '通过' : '未通过';
    const cells = [
      String(i + 1),
      `${a.source ?? ''}${a.copies?.length ? `（及 ${a.copies.length} 个数字相同的副本）` : ''}`,
      a.agency ?? '',
      a.year ? String(a.year) : '',
      `${a.counts.error} / ${a.counts.warning}`,
      result,
    ];
    return `<tr class="${a.passed ? 'info' : 'error'}">${cells.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`;
  });
  return `<section><h1>${esc(AUDIT_TITLE)}（本批 ${list.length} 份）</h1>
<p class="meta">${esc(`共 ${list.length} 份报告${copiesNote}：通过 ${passed} 份，未通过 ${list.length - passed} 份${unreadNote}。各份报告的审核报告从下一页起依下表的顺序排列，每份从新的一页开始。`)}</p>
<table class="contents"><colgroup><col class="n"><col><col class="p"><col class="k"><col class="r"><col class="k"></colgroup><thead><tr><th>序号</th><th>文件</th><th>机关</th><th>年度</th><th>错误 / 警告</th><th>结果</th></tr></thead><tbody>
${rows.join('\n')}
</tbody></table></section>`;
}

/**
 * The 审核报告 as a printable page, each report from a new A4 page (a batch's first page lists them); files of the batch that could not be
 * read get a page of their own at the end, so that none goes missing from what is printed.
 */
export function auditHtml(
  audits: Audit | readonly Audit[],
  unread: readonly { file: string; message: string }[] = [],
  batch: BatchPages = {},
): string {
  const list = Array.isArray(audits) ? audits : [audits as Audit];
  const batchPages = [
    listPage(
      '未能读取的文件',
      `以下 ${unread.length} 个文件未能读取，没有审核结果：`,
      '文件与原因',
      messages(unread),
    ),
    listPage(
      '未校验的文件',
      `以下 ${batch.notChecked?.length ?? 0} 个文件不是年报格式，未校验：`,
      '文件与原因',
      messages(batch.notChecked ?? []),
    ),
    listPage('需要确认的事项', '校验本批报告时，以下事项需要确认：', '事项', batch.remarks ?? []),
  ].join('');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8">${GENERATOR}<title>${esc(AUDIT_TITLE)}</title>
<style>
@page{size:A4 portrait;margin:18mm 15mm;@bottom-center{content:"第 " counter(page) " 页，共 " counter(pages) " 页";font-size:10px}}
body{font-family:"SimSun","Songti SC","Noto Serif CJK SC","Noto Sans CJK SC",serif;font-size:12px;color:#000;margin:0}
section+section{page-break-before:always}
h1{font-size:20px;text-align:center;margin:0 0 12px}
p.meta{margin:4px 0}p.legend{margin:6px 0 0;font-size:10px;color:#333}p.sign{margin-top:32px;font-size:13px;break-before:avoid;break-inside:avoid}
table{border-collapse:collapse;width:100%;margin-top:12px;table-layout:fixed}
th,td{border:1px solid #000;padding:4px 6px;vertical-align:top;word-break:break-word}
th{background:#eee}tr.running th{background:none;border:none;font-weight:normal;text-align:left;padding:0 0 4px;font-size:10px;color:#444}
col.n{width:6%}col.k{width:8%}col.r{width:10%}col.p{width:14%}
tr.error td:nth-child(2){color:#b00;font-weight:bold}tr.warning td:nth-child(2){color:#a60}
table.contents tr.error td:nth-child(2){color:#000;font-weight:normal}table.contents tr.error td:last-child{color:#b00;font-weight:bold}
tr{page-break-inside:avoid}
</style></head><body>
${contentsPage(list, unread.length)}
${list.map(auditSection).join('\n')}
${batchPages}
</body></html>
`;
}

import type { Finding } from '../../report/finding.js';
import { canonicalOf, type LabelIndex, labelIndex, matchLabel } from '../../report/labels.js';
import type { TableSpec } from '../../report/model.js';
import type { RawValue, ReadCell } from '../../report/types.js';
import type { CellKey } from '../../report/types.js';
import { formFinding } from '../findings.js';
import { textRows } from './rows.js';
import type { Token } from './tokens.js';

export interface TableRead {
  readonly cells: Map<CellKey, ReadCell>;
  readonly findings: Finding[];
  /** Half its labels or more are there: the table is in the text. */
  readonly found: boolean;
}

/** As for sheets: half of a table's labels in place make it found. */
const MIN_SHARE = 0.5;

/** A page has no text cells: a plain number is a number. Anything else goes to the value checks as written. */
const asRaw = (text: string): RawValue => (/^\d+(?:\.\d+)?$/.test(text) ? Number(text) : text);

/** Where a token sits, for messages and for ReadCell.address. */
export const lineOf = (t: Token | undefined) => (t ? `第${t.line}行` : '文末');

const INDEXES = new WeakMap<TableSpec, LabelIndex>();
function indexOf(table: TableSpec): LabelIndex {
  let index = INDEXES.get(table);
  if (!index) INDEXES.set(table, (index = labelIndex(table.labels.map((l) => l.text))));
  return index;
}

function isLabel(table: TableSpec, text: string): boolean {
  return text !== '' && indexOf(table).matches(text).length > 0;
}

/** 「危及“三安全一稳定”0」: the label with its first number glued on. */
function gluedNumber(text: string, label: string): string | undefined {
  const seen = canonicalOf(text);
  const official = canonicalOf(label);
  if (!seen.startsWith(official) && !matchLabel(text, label)) return undefined;
  const m = /(\d+)$/.exec(seen);
  return m && matchLabel(seen.slice(0, -m[1]!.length), label) ? m[1] : undefined;
}

/** How many of the table's distinct labels its part contains: the editions are told apart by this. */
export function labelVotes(table: TableSpec, tokens: readonly Token[], start: number, end: number): number {
  const index = indexOf(table);
  const votes = new Set<string>();
  for (let i = start; i < end; i++) for (const l of index.matches(tokens[i]!.text)) votes.add(l);
  return votes.size;
}

/**
 * Reads one table from the tokens of its part: each row's label, then as many values as the row
 * has cells. A row whose values are cut short by the next label, or the end of the part, is not
 * read at all: which of its cells are missing cannot be known.
 */
export function readTable(table: TableSpec, tokens: readonly Token[], start: number, end: number): TableRead {
  const cells = new Map<CellKey, ReadCell>();
  const findings: Finding[] = [];
  const distinct = new Set(table.labels.map((l) => l.text)).size;
  if (labelVotes(table, tokens, start, end) < distinct * MIN_SHARE) return { cells, findings, found: false };
  const problem = (message: string, at: Token | undefined) =>
    findings.push(formFinding(table.id, message, { at: [lineOf(at)], severity: 'error' }));
  /** Rows not found: their index, and where their finding is in `findings`. */
  const missing: { row: number; finding: number; at: Token | undefined }[] = [];

  const variants: string[] = [];
  const rows = textRows(table);
  let pos = start;
  for (const [r, row] of rows.entries()) {
    const values: { raw: RawValue; token: Token }[] = [];
    let at: Token | undefined;
    if (row.label) {
      let hit = -1;
      let glued: string | undefined;
      for (let i = pos; i < end && hit < 0; i++) {
        const t = tokens[i]!;
        if (t.blank) continue;
        if (indexOf(table).matches(t.text).includes(row.label)) {
          hit = i;
          glued = gluedNumber(t.text, row.label);
        }
      }
      if (hit < 0) {
        missing.push({ row: r, finding: findings.length, at: tokens[pos] });
        problem(`找不到「${row.label}」这一行，该行的数字未读取。`, tokens[pos]);
        continue;
      }
      at = tokens[hit];
      pos = hit + 1;
      if (glued !== undefined) {
        variants.push(`「${at!.text}」是标签「${row.label}」与数字 ${glued} 连写（${lineOf(at)}）`);
        values.push({ raw: asRaw(glued), token: at! });
      } else if (matchLabel(at!.text, row.label) === 'variant') {
        variants.push(`「${at!.text}」按「${row.label}」读取（${lineOf(at)}）`);
      }
    } else {
      // A row with no label of its own (table 4) starts after the header.
      while (pos < end && (tokens[pos]!.blank || isLabel(table, tokens[pos]!.text))) pos++;
      at = tokens[pos];
    }
    while (values.length < row.keys.length && pos < end) {
      const t = tokens[pos]!;
      if (!t.blank && isLabel(table, t.text)) break;
      values.push({ raw: t.blank ? '' : asRaw(t.text), token: t });
      pos++;
    }
    if (values.length < row.keys.length) {
      const what = row.label ? `「${row.label}」行` : '数据行';
      problem(
        `${what}应有 ${row.keys.length} 个数，只读到 ${values.length} 个（表格在此中断或缺格），该行的数字未读取。`,
        at,
      );
      continue;
    }
    row.keys.forEach((key, i) => cells.set(key, { raw: values[i]!.raw, address: lineOf(values[i]!.token) }));
  }
  // Every row missing from one on to the end: the table was cut off there, and one finding says so.
  const first = missing[0];
  if (first && missing.length > 1 && missing.length === rows.length - first.row) {
    findings.splice(first.finding);
    const lastRead = [...cells.values()].at(-1)?.address;
    problem(
      `表格在${lastRead ? `${lastRead}之后` : '开头'}中断：「${rows[first.row]!.label}」及以后共 ${missing.length} 行没有找到，其数字未读取。`,
      first.at,
    );
  }
  if (variants.length) {
    findings.unshift(formFinding(table.id, `标签与官方表述不同，已按官方标签读取：${variants.join('；')}。`));
  }
  return { cells, findings, found: true };
}

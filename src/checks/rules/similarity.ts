import { cellList } from '../../report/model.js';
import { COPY_EVIDENCE } from '../../report/numbers-key.js';
import { PART_TITLES, TABLE_NAME } from '../../report/parts.js';
import type { TableId } from '../../report/types.js';
import { clipped } from '../../report/shown.js';
import { type Context, finding } from '../context.js';
import type { Finding } from '../../report/finding.js';
import { nearTwins } from '../near.js';
import { isHeading, sentences } from '../sentences.js';

/** Share of a part's text repeated from last year above which it is flagged, unless the user sets one. */
export const DEFAULT_SIMILARITY = 0.5;
/** Parts written in words each year: 一 总体情况, 五 问题及改进, 六 其他事项. */
const TEXT_PARTS = [0, 4, 5] as const;
/** Sentences this alike (bigram Dice) count as repeated: a date or a number changed is still a copy. */
const NEAR = 0.85;
const MIN_SENTENCE = 8;
/**
 * A part is compared up to this many characters: a report's part 一 runs to some ten thousand.
 * Two parts of 7 MB each, compared whole, took 900 MB.
 */
const MAX_COMPARED = 50_000;
/**
 * What every report writes every year, as the form asks or as custom has it: not a copy. 「（本机关）
 * 无其他需要报告的事项」, 「本年度未收取信息处理费」, and part 一's opening and close: 「本报告根据…编制」,
 * 「统计期限自…」, 「电子版可在…查阅」, 「如对本报告有任何疑问…」.
 */
const STANDARD = new RegExp(
  [
    /^(?:本年度)?(?:本机关|本单位|本部门|我[局委办厅区县市])?(?:本年度)?(?:无|没有|暂无)(?:其他)?需要报告的(?:其他)?事项/,
    /^(?:本年度)?(?:本机关|本单位|本部门)?(?:未|没有|无|不)收取(?:任何)?(?:政府)?(?:信息(?:公开)?处理费|费用)/,
    /^本(?:年度)?报告(?:是)?(?:根据|依据|按照)/,
    /统计期限|报告电子版|如对本报告/,
  ]
    .map((r) => r.source)
    .join('|'),
);

interface Sentence {
  readonly text: string;
  readonly key: string;
  readonly bigrams: readonly string[];
}

function comparable(text: string | undefined): Sentence[] {
  // Headings (「（一）存在的主要问题」) are in every year's report, copied or not.
  return sentences(text?.slice(0, MAX_COMPARED))
    .filter((s) => s.length >= MIN_SENTENCE && !STANDARD.test(s) && !isHeading(s))
    .map((s) => {
      const key = s.replace(/[\d０-９]+/g, '#');
      const bigrams = new Set<string>();
      for (let i = 0; i + 1 < key.length; i++) bigrams.add(key.slice(i, i + 2));
      return { text: s, key, bigrams: [...bigrams] };
    });
}

/** What a finding says of a part too long to compare whole. */
const clippedPart = (...parts: (string | undefined)[]) =>
  parts.some((t) => (t?.length ?? 0) > MAX_COMPARED)
    ? `，只比较了每年的前 ${MAX_COMPARED / 10_000} 万字`
    : '';

/** 内容雷同: how much of parts 一, 五 and 六 repeats last year's report, per part. */
export function similarityFindings(ctx: Context): Finding[] {
  const now = ctx.report.published;
  const last = ctx.previous?.report.published;
  if (!now || !last) return [];
  const threshold = ctx.similarity ?? DEFAULT_SIMILARITY;
  const out: Finding[] = [];
  for (const p of TEXT_PARTS) {
    const mine = comparable(now.parts[p]);
    const theirs = comparable(last.parts[p]);
    if (!mine.length || !theirs.length) continue;
    const keys = new Set(theirs.map((s) => s.key));
    // Near twins are looked for by index, not pair by pair: two long reports stay fast.
    const near = nearTwins(
      mine.map((s) => (keys.has(s.key) ? [] : s.bigrams)),
      theirs.map((t) => t.bigrams),
      NEAR,
    );
    const repeated = mine.filter((s, i) => keys.has(s.key) || near[i]);
    const total = mine.reduce((n, s) => n + s.text.length, 0);
    const share = repeated.reduce((n, s) => n + s.text.length, 0) / total;
    if (share < threshold || !repeated.length) continue;
    // The share is of characters: where it runs well ahead of the share of sentences, the repeated ones are the long ones.
    const longer = share > repeated.length / mine.length + 0.1;
    out.push(
      finding(ctx, {
        rule: 'SIM-01',
        cells: [],
        message:
          `「${PART_TITLES[p]}」有 ${Math.round(share * 100)}% 的文字与上年报告相同或几乎相同` +
          `（按字数计${clippedPart(now.parts[p], last.parts[p])}；${mine.length} 句中有 ${repeated.length} 句${longer ? '，多是长句' : ''}），如：${repeated
            .slice(0, 3)
            .map((s) => `“${clipped(s.text)}”`)
            .join('；')}。照抄上年内容是年报常见的问题，请按本年度情况重写。`,
      }),
    );
  }
  return out;
}

/**
 * Tables of a year's flows (applications, reviews and suits): the same numbers two years running
 * are a copy of last year's table, left unchanged, where they are many. Table 2 is not compared:
 * what is in force, or the items of last year, may stay as they were.
 */
const FLOW_TABLES: readonly TableId[] = ['t3', 't4'];

/** 表三 or 表四 whose every number is last year's: copied from last year's report, and not brought up to date. */
export function tableCopyFindings(ctx: Context): Finding[] {
  const last = ctx.previous;
  if (!last || last.numbers.edition !== ctx.numbers.edition) return [];
  const cells = cellList(ctx.numbers.edition);
  const out: Finding[] = [];
  for (const table of FLOW_TABLES) {
    let nonzero = 0;
    let sum = 0;
    let same = true;
    for (let i = 0; i < cells.length && same; i++) {
      if (cells[i]!.table !== table) continue;
      // Every cell read in both: a table a copy gave in part is not compared.
      if (!ctx.numbers.known[i] || !last.numbers.known[i]) same = false;
      else if (ctx.numbers.valueAt[i] !== last.numbers.valueAt[i]) same = false;
      else if (ctx.numbers.valueAt[i]) {
        nonzero++;
        sum += ctx.numbers.valueAt[i]!;
      }
    }
    if (!same || nonzero < COPY_EVIDENCE.nonzero || sum < COPY_EVIDENCE.sum) continue;
    const year = last.report.year ? `上年（${last.report.year} 年）` : '上年';
    out.push(
      finding(ctx, {
        rule: 'SIM-02',
        table,
        cells: [],
        message: `${TABLE_NAME[table]}的每个数都与${year}报告的${TABLE_NAME[table]}相同（${nonzero} 个不为 0 的数一一相等）：像是照抄了上年的表格。请按本年度的实际情况填写。`,
      }),
    );
  }
  return out;
}

import { PART_TITLES } from '../../report/parts.js';
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
/** 「无其他需要报告的事项」 is the same every year by nature: not a copy. */
const NOTHING = /^(?:本年度)?(?:无|没有|暂无)(?:其他)?需要报告的(?:其他)?事项/;

interface Sentence {
  readonly text: string;
  readonly key: string;
  readonly bigrams: readonly string[];
}

function comparable(text: string | undefined): Sentence[] {
  // Headings (「（一）存在的主要问题」) are in every year's report, copied or not.
  return sentences(text)
    .filter((s) => s.length >= MIN_SENTENCE && !NOTHING.test(s) && !isHeading(s))
    .map((s) => {
      const key = s.replace(/[\d０-９]+/g, '#');
      const bigrams = new Set<string>();
      for (let i = 0; i + 1 < key.length; i++) bigrams.add(key.slice(i, i + 2));
      return { text: s, key, bigrams: [...bigrams] };
    });
}

const quote = (s: string) => (s.length > 30 ? `${s.slice(0, 30)}…` : s);

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
    out.push(
      finding(ctx, {
        rule: 'SIM-01',
        cells: [],
        message:
          `「${PART_TITLES[p]}」有 ${Math.round(share * 100)}% 的文字与上年报告相同或几乎相同` +
          `（${mine.length} 句中 ${repeated.length} 句），如：${repeated
            .slice(0, 3)
            .map((s) => `“${quote(s.text)}”`)
            .join('；')}。照抄上年内容是年报常见的问题，请按本年度情况重写。`,
      }),
    );
  }
  return out;
}

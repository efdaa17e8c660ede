import { canonical } from '../../report/labels.js';
import { PART_TITLES } from '../../report/parts.js';
import type { Token } from './tokens.js';

const NUMERAL = /^[一二三四五六][、.．，,]?/;
const titleBody = (s: string) => canonical(s).replace(NUMERAL, '');

/** Whether a line is part `i`'s title: its numeral and wording, brackets and spacing aside. */
function isTitle(text: string, i: number): boolean {
  const c = canonical(text);
  return c.startsWith('一二三四五六'[i]!) && NUMERAL.test(c) && titleBody(c) === titleBody(PART_TITLES[i]!);
}

/**
 * Token index of each part's title, or -1. Parts are taken in order; of several lines that look
 * like one title, the last before the next part's title wins (part 一 may quote later titles as
 * its own subheadings).
 */
export function findParts(tokens: readonly Token[]): number[] {
  const candidates = PART_TITLES.map((_, i) =>
    tokens.flatMap((t, at) => (!t.blank && isTitle(t.text, i) ? [at] : [])),
  );
  const chosen: number[] = [];
  let after = -1;
  for (let i = 0; i < PART_TITLES.length; i++) {
    const nextStart = Math.min(
      ...candidates.slice(i + 1).map((c) => c.find((x) => x > after) ?? Infinity),
      Infinity,
    );
    const mine = candidates[i]!.filter((x) => x > after && x < nextStart);
    const pick = mine.length ? mine[mine.length - 1]! : -1;
    chosen.push(pick);
    if (pick >= 0) after = pick;
  }
  return chosen;
}

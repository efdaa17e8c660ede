import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasWord, sentences } from '../../src/checks/sentences.js';
import { compact } from '../../src/report/labels.js';

const COUNTED = /[\d零〇一二两三四五六七八九十百千万]\s*(?:件|例|起|宗)/;
const UNIT = /[件例起宗]/;

/** The sentences `having` finds when every sentence of the text is tested, as a line ends one. */
const tested = (text: string, having: RegExp) =>
  text
    .split(/[。！？；;\n]+/)
    .filter((s) => having.test(s))
    .map(compact)
    .filter(Boolean);

describe('sentences having a pattern', () => {
  // Texts of sentence ends, line ends, numerals, units and other words, in any order.
  const text = fc
    .array(fc.constantFrom('。', '；', '\n', '\n\n', '3', '一', ' ', '件', '起', '收到', '文件', '申请'), {
      maxLength: 60,
    })
    .map((parts) => parts.join(''));

  it('are those found when every sentence is tested, whether looked for by the pattern or a quicker one', () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(sentences(t, { having: COUNTED })).toEqual(tested(t, COUNTED));
        expect(sentences(t, { having: COUNTED, near: UNIT })).toEqual(tested(t, COUNTED));
      }),
      { numRuns: 500 },
    );
  });

  it('a count broken over a line end (「3」 / 「件」) is in no sentence of its lines, and in the sentence across them', () => {
    expect(sentences('收到申请3\n件。办结2件。', { having: COUNTED, near: UNIT })).toEqual(['办结2件']);
    expect(sentences('收到申请3\n件。', { acrossLines: true, having: COUNTED, near: UNIT })).toEqual([
      '收到申请3件',
    ]);
  });
});

describe('hasWord', () => {
  // Texts where a word may be whole, broken over a line's end, or cut by a heading or an empty line.
  const text = fc
    .array(fc.constantFrom('复', '议', '\n', '\n\n', '。', '一、', '（二）', ' '), {
      maxLength: 30,
    })
    .map((parts) => parts.join(''));

  it('is true of every text with a sentence that has the word, in its lines or across them', () => {
    fc.assert(
      fc.property(text, (t) => {
        const found = [false, true].some(
          (acrossLines) => sentences(t, { acrossLines, having: /复议/ }).length,
        );
        if (found) expect(hasWord(t, '复议')).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('finds a word broken over a line’s end, not one broken by a paragraph', () => {
    expect(hasWord('未发生行政复\n议案件', '复议')).toBe(true);
    expect(hasWord('行政复\n\n议', '复议')).toBe(false);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tidy } from '../../src/checks/context.js';

/** What tidy does, written as plainly as it can be: quotations split off, spacing between wide characters dropped. */
function plainly(message: string): string {
  const wide = String.raw`\u3000-\u303f\u4e00-\u9fff\uff00-\uffef`;
  const between = new RegExp(`(?<=[${wide}])[ \t]+(?=[${wide}])`, 'g');
  return message
    .split(/(「[^「」]*」)/)
    .map((part, i) => (i % 2 ? part : part.replace(between, '')))
    .join('');
}

describe('tidy', () => {
  it('drops spacing between Chinese characters, keeps it around numbers and inside quotations', () => {
    expect(tidy('而 本年新收 5 + 上年结转 0 = 5，「第一 项」 见 下')).toBe(
      '而本年新收 5 + 上年结转 0 = 5，「第一 项」 见下',
    );
  });

  it('does what the plain statement of it does, for any text', () => {
    const char = fc.constantFrom('而', '本', '年', ' ', '\t', '「', '」', '5', 'a', '，', '（', '）', '·');
    fc.assert(
      fc.property(fc.array(char, { maxLength: 40 }), (chars) => {
        const message = chars.join('');
        expect(tidy(message)).toBe(plainly(message));
      }),
      { numRuns: 2000 },
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { looksLikeValue, plainNumber, VALUE } from '../../src/readers/text/tokens.js';

/** plainNumber as the pattern alone says it, for texts of a few characters. */
const byPattern = (text: string) => (/^\d+(?:\.\d+)?$/.test(text) ? Number(text) : text);

describe('plainNumber', () => {
  it('reads a cell of one character, or none, as the pattern does', () => {
    const text = fc.array(fc.constantFrom(...'0159.a 中０-'), { maxLength: 3 }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(text, (t) => {
        expect(plainNumber(t)).toBe(byPattern(t));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('looksLikeValue', () => {
  it('tells a text of one character as the value pattern does, for every character of the BMP', () => {
    for (let c = 0; c <= 0xffff; c++) {
      const text = String.fromCharCode(c);
      if (looksLikeValue(text) !== VALUE.test(text))
        expect([c, looksLikeValue(text)]).toEqual([c, VALUE.test(text)]);
    }
  });
});

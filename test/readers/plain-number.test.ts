import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { plainNumber } from '../../src/readers/text/tokens.js';

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

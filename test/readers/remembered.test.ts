import { describe, expect, it } from 'vitest';
import { Remembered } from '../../src/report/remembered.js';

describe('what a batch remembers of the texts, layouts and names it meets', () => {
  it('makes each key’s value once, undefined too, and past its limit forgets all and makes them again', () => {
    const made: string[] = [];
    const lengths = new Remembered<string, number | undefined>(2);
    const length = (key: string) => {
      made.push(key);
      return key ? key.length : undefined;
    };
    expect([lengths.of('ab', length), lengths.of('', length), lengths.of('ab', length)]).toEqual([
      2,
      undefined,
      2,
    ]);
    expect(lengths.of('', length)).toBeUndefined();
    expect(made).toEqual(['ab', '']);
    // A third key: the two kept are forgotten, the third kept.
    expect(lengths.of('abc', length)).toBe(3);
    expect(lengths.of('abc', length)).toBe(3);
    expect(lengths.of('ab', length)).toBe(2);
    expect(made).toEqual(['ab', '', 'abc', 'ab']);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nearTwins } from '../../src/checks/near.js';

/** What nearTwins must find: every pair compared, as SIM-01 once did. */
function bruteForce(mine: string[][], theirs: string[][], threshold: number): boolean[] {
  return mine.map((a) =>
    theirs.some((b) => {
      const set = new Set(b);
      const common = new Set(a.filter((x) => set.has(x))).size;
      return a.length > 0 && (2 * common) / (new Set(a).size + set.size) >= threshold;
    }),
  );
}

const set = fc.uniqueArray(fc.constantFrom(...'甲乙丙丁戊己庚辛壬癸子丑寅卯'.split('')), { maxLength: 12 });

describe('nearTwins', () => {
  it('finds exactly the sets that have a near twin, as comparing every pair would', () => {
    fc.assert(
      fc.property(
        fc.array(set, { maxLength: 12 }),
        fc.array(set, { maxLength: 12 }),
        fc.constantFrom(0.5, 0.7, 0.85, 1),
        (mine, theirs, threshold) => {
          expect(nearTwins(mine, theirs, threshold)).toEqual(bruteForce(mine, theirs, threshold));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('stops at its budget instead of running on', () => {
    const many = Array.from({ length: 50 }, (_, i) => ['共', '同', String(i)]);
    expect(nearTwins(many, many, 0.1, 10).filter(Boolean).length).toBeLessThan(50);
  });
});

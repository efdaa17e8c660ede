// Node's stand-in for DOMMatrix, which pdf.js needs to load: the same numbers as a real DOMMatrix.
import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AffineMatrix } from '../../src/readers/pdf/matrix.js';

type Matrix = { a: number; b: number; c: number; d: number; e: number; f: number };
type Step = ['scale', number, number] | ['translate', number, number];

/** The DOMMatrix of the optional package pdf.js uses in Node where it is installed (not on every machine). */
const native = (() => {
  try {
    return (createRequire(import.meta.url)('@napi-rs/canvas') as { DOMMatrix: new () => Matrix }).DOMMatrix;
  } catch {
    return undefined;
  }
})();

const numbers = (m: Matrix) => [m.a, m.b, m.c, m.d, m.e, m.f];

function apply<M extends Matrix>(m: M, steps: readonly Step[]): M {
  for (const [kind, x, y] of steps) {
    const self = m as unknown as Record<string, (x: number, y: number) => M>;
    m = kind === 'scale' ? self.scaleSelf!.call(m, x, y) : self.translateSelf!.call(m, x, y);
  }
  return m;
}

describe('the DOMMatrix pdf.js gets in Node', () => {
  it('traces a Type3 bitmap glyph as pdf.js does: scaled to the unit square, flipped and moved up', () => {
    const { a, b, c, d, e, f } = new AffineMatrix().scaleSelf(1 / 8, -1 / 4).translateSelf(0, -4);
    expect([a, b, c, d, e, f]).toEqual([1 / 8, 0, 0, -1 / 4, 0, 1]);
  });

  it.runIf(native)('gives the numbers a real DOMMatrix gives, for any scales and moves in turn', () => {
    const value = fc.double({ min: -1e3, max: 1e3, noNaN: true });
    const step = fc.tuple(fc.constantFrom('scale' as const, 'translate' as const), value, value);
    fc.assert(
      fc.property(fc.array(step, { maxLength: 6 }), (steps) => {
        const ours = numbers(apply(new AffineMatrix(), steps as Step[]));
        const theirs = numbers(apply(new native!(), steps as Step[]));
        ours.forEach((n, i) =>
          expect(Math.abs(n - theirs[i]!)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(n))),
        );
      }),
    );
  });
});

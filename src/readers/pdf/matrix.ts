/**
 * The part of the browser's DOMMatrix that pdf.js uses outside drawing, for Node, which has none:
 * pdf.js makes one when it loads, and its worker scales and moves one to trace a Type3 font's
 * bitmap glyph. In Node pdf.js takes DOMMatrix from an optional native package
 * (@napi-rs/canvas, 33 MB), which has no build for some 信创 machines (LoongArch): without it,
 * pdf.js could not load and no PDF was read.
 */
export class AffineMatrix {
  a = 1;
  b = 0;
  c = 0;
  d = 1;
  e = 0;
  f = 0;

  /** This matrix times [a b c d e f] on its right, as DOMMatrix's multiplySelf. */
  private times(a: number, b: number, c: number, d: number, e: number, f: number): this {
    [this.a, this.b, this.c, this.d, this.e, this.f] = [
      this.a * a + this.c * b,
      this.b * a + this.d * b,
      this.a * c + this.c * d,
      this.b * c + this.d * d,
      this.a * e + this.c * f + this.e,
      this.b * e + this.d * f + this.f,
    ];
    return this;
  }

  scaleSelf(scaleX = 1, scaleY = scaleX): this {
    return this.times(scaleX, 0, 0, scaleY, 0, 0);
  }

  translateSelf(tx = 0, ty = 0): this {
    return this.times(1, 0, 0, 1, tx, ty);
  }
}

/** Gives Node a DOMMatrix before pdf.js loads; a browser keeps its own. */
export function ensureDomMatrix(): void {
  const g = globalThis as { DOMMatrix?: unknown };
  g.DOMMatrix ??= AffineMatrix;
}

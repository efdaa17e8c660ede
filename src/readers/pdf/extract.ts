import { normalizeGlyphs } from '../text/glyphs.js';
import type { PageContent, Rule, TextPiece } from './page.js';

type Matrix = [number, number, number, number, number, number];

/** The parts of pdf.js this reader uses; the module is loaded only when a PDF is read. */
export interface PdfJsOps {
  readonly save: number;
  readonly restore: number;
  readonly transform: number;
  readonly constructPath: number;
  readonly paintFormXObjectBegin: number;
  readonly paintFormXObjectEnd: number;
  readonly paintImageXObject: number;
  readonly paintInlineImageXObject: number;
  readonly paintImageMaskXObject: number;
  readonly endPath: number;
  readonly stroke: number;
  readonly closeStroke: number;
  readonly fillStroke: number;
  readonly eoFillStroke: number;
  readonly closeFillStroke: number;
  readonly closeEOFillStroke: number;
}

export interface PdfPage {
  getViewport(params: { scale: number }): { viewBox: number[] };
  getTextContent(): Promise<{ items: readonly object[] }>;
  getOperatorList(): Promise<{ fnArray: number[]; argsArray: unknown[] }>;
  /** Lets go of what pdf.js keeps of the page once read. */
  cleanup(): boolean;
}

const multiply = (m: Matrix, n: readonly number[]): Matrix => [
  m[0] * n[0]! + m[2] * n[1]!,
  m[1] * n[0]! + m[3] * n[1]!,
  m[0] * n[2]! + m[2] * n[3]!,
  m[1] * n[2]! + m[3] * n[3]!,
  m[0] * n[4]! + m[2] * n[5]! + m[4],
  m[1] * n[4]! + m[3] * n[5]! + m[5],
];

const apply = (m: Matrix, x: number, y: number): [number, number] => [
  m[0] * x + m[2] * y + m[4],
  m[1] * x + m[3] * y + m[5],
];

/** Thinner than this (points) a filled rectangle is a rule, not a shaded cell. */
const RULE_WIDTH = 2.5;
const STRAIGHT = 1;
// pdf.js path opcodes in constructPath's buffer.
const MOVE = 0;
const LINE = 1;
const CURVE = 2;
const QUAD = 3;
const CLOSE = 4;

/** The rules of one drawn path: stroked straight lines, and filled rectangles thin enough to be lines. */
function pathRules(buffer: ArrayLike<number>, ctm: Matrix, filled: boolean, out: Rule[]): void {
  let points: [number, number][] = [];
  const flush = () => {
    if (points.length < 2) return ((points = []), undefined);
    if (filled) {
      const xs = points.map((p) => p[0]);
      const ys = points.map((p) => p[1]);
      const [x1, x2, y1, y2] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
      if (y2 - y1 <= RULE_WIDTH && x2 - x1 > RULE_WIDTH)
        out.push({ horizontal: true, at: (y1 + y2) / 2, from: x1, to: x2 });
      else if (x2 - x1 <= RULE_WIDTH && y2 - y1 > RULE_WIDTH)
        out.push({ horizontal: false, at: (x1 + x2) / 2, from: y1, to: y2 });
    } else {
      for (let i = 1; i < points.length; i++) {
        const [[ax, ay], [bx, by]] = [points[i - 1]!, points[i]!];
        if (Math.abs(ay - by) <= STRAIGHT && Math.abs(ax - bx) > STRAIGHT)
          out.push({ horizontal: true, at: (ay + by) / 2, from: Math.min(ax, bx), to: Math.max(ax, bx) });
        else if (Math.abs(ax - bx) <= STRAIGHT && Math.abs(ay - by) > STRAIGHT)
          out.push({ horizontal: false, at: (ax + bx) / 2, from: Math.min(ay, by), to: Math.max(ay, by) });
      }
    }
    points = [];
  };
  for (let i = 0; i < buffer.length;) {
    const op = buffer[i++];
    if (op === MOVE) {
      flush();
      points.push(apply(ctm, buffer[i]!, buffer[i + 1]!));
      i += 2;
    } else if (op === LINE) {
      points.push(apply(ctm, buffer[i]!, buffer[i + 1]!));
      i += 2;
    } else if (op === CURVE) {
      // A rounded corner: its end point keeps the outline.
      points.push(apply(ctm, buffer[i + 4]!, buffer[i + 5]!));
      i += 6;
    } else if (op === QUAD) {
      points.push(apply(ctm, buffer[i + 2]!, buffer[i + 3]!));
      i += 4;
    } else if (op === CLOSE) {
      if (!filled && points.length > 1) points.push(points[0]!);
      flush();
    } else break;
  }
  flush();
}

interface RawItem {
  readonly str?: string;
  readonly transform?: readonly number[];
  readonly width?: number;
}

/** A page's text pieces (pdf.js text content) and rules (from its drawing operators). */
export async function pageContent(page: PdfPage, number: number, OPS: PdfJsOps): Promise<PageContent> {
  const box = page.getViewport({ scale: 1 }).viewBox;
  const text = await page.getTextContent();
  const pieces: TextPiece[] = [];
  for (const item of text.items as RawItem[]) {
    const t = item.transform;
    if (!item.str?.trim() || !t) continue;
    pieces.push({
      text: normalizeGlyphs(item.str),
      x: t[4]! - box[0]!,
      y: t[5]! - box[1]!,
      width: item.width ?? 0,
      size: Math.hypot(t[2]!, t[3]!) || Math.hypot(t[0]!, t[1]!) || 10,
    });
  }
  const ops = await page.getOperatorList();
  const rules: Rule[] = [];
  const strokes = new Set([
    OPS.stroke,
    OPS.closeStroke,
    OPS.fillStroke,
    OPS.eoFillStroke,
    OPS.closeFillStroke,
    OPS.closeEOFillStroke,
  ]);
  const stack: Matrix[] = [];
  let ctm: Matrix = [1, 0, 0, 1, -box[0]!, -box[1]!];
  let images = false;
  for (let i = 0; i < ops.fnArray.length; i++) {
    const fn = ops.fnArray[i];
    const args = ops.argsArray[i] as unknown[];
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.transform) ctm = multiply(ctm, args as number[]);
    else if (fn === OPS.paintFormXObjectBegin) {
      stack.push(ctm);
      if (Array.isArray(args[0]) || ArrayBuffer.isView(args[0])) ctm = multiply(ctm, args[0] as number[]);
    } else if (fn === OPS.paintFormXObjectEnd) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.constructPath) {
      const [paint, data] = args as [number, [ArrayLike<number> | null]];
      const buffer = data?.[0];
      if (buffer && paint !== OPS.endPath) pathRules(buffer, ctm, !strokes.has(paint), rules);
    } else if (
      fn === OPS.paintImageXObject ||
      fn === OPS.paintInlineImageXObject ||
      fn === OPS.paintImageMaskXObject
    )
      images = true;
  }
  return { number, width: box[2]! - box[0]!, height: box[3]! - box[1]!, pieces, rules, images };
}

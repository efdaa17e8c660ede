// pdf.js reads every content stream (a page's, a form's, a pattern's cell, a Type3 glyph's) with
// its EvaluatorPreprocessor, one operation at a time. A pattern's cell and a glyph are read whole
// before anything of them crosses the port that caps a page (guarded-port.ts): two million strokes
// in one took 4 GB within the host's five seconds, and one path of twenty million segments, 2 GB.
// Each stream is cut short at a cap here, and the reading that sees one cut refuses its document.
import { MAX_PAGE_OPERATIONS, SEGMENT_WEIGHT } from './guarded-port.js';

/**
 * Twice a page's: a page's own stream is refused by the port first, with what it holds; the streams
 * no port sees (a pattern, a glyph: a few operations in a report) are cut here.
 */
export const MAX_STREAM_OPERATIONS = 2 * MAX_PAGE_OPERATIONS;

interface Operation {
  fn?: number;
}
/** pdf.worker.mjs's EvaluatorPreprocessor, as scripts/pdfjs-expose.mjs exports it. */
export interface Preprocessor {
  readonly prototype: { read(operation: Operation): boolean };
}

let cut = 0;

/**
 * How many streams were cut short in this thread so far: a reading that sees the count change
 * refuses its document (readings in a thread take turns: readPdf).
 */
export const streamsCut = (): number => cut;

const capped = new WeakSet<Preprocessor>();
/** What a preprocessor has read so far, kept on it: looked up at each operation of every page. */
const WEIGHT = Symbol('nianbao.weight');
interface Weighed {
  [WEIGHT]?: number;
}

/** Caps each stream pdf.js reads: path segments (moveTo to rectangle) weigh as the port weighs them. */
export function capStreams(preprocessor: Preprocessor, ops: { moveTo: number; rectangle: number }): void {
  if (capped.has(preprocessor)) return;
  capped.add(preprocessor);
  const read = preprocessor.prototype.read;
  preprocessor.prototype.read = function (this: Weighed, operation: Operation): boolean {
    const before = this[WEIGHT] ?? 0;
    if (before > MAX_STREAM_OPERATIONS || !read.call(this, operation)) return false;
    const fn = operation.fn ?? -1;
    const weight = before + (fn >= ops.moveTo && fn <= ops.rectangle ? SEGMENT_WEIGHT : 1);
    this[WEIGHT] = weight;
    if (weight <= MAX_STREAM_OPERATIONS) return true;
    // pdf.js takes the stream as ended, and goes on with what it has read of it.
    cut++;
    return false;
  };
}

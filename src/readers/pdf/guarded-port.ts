// pdf.js's two halves (the API and its "worker") run in this one thread and talk through a port.
// A page's drawing and text come back in chunks, and pdf.js keeps every chunk until the page is
// done: a page of three million strokes grew a browser's pane by a gigabyte in five seconds, past
// what a clerk's PC may have, before the host's timer could end the thread. This port counts what
// each page sends back and, past what any report's page holds, stops carrying messages: pdf.js then
// waits for a pull that never comes, the thread is free again, and the reading is refused.

/** A page's drawing operations: the densest report page seen has 9,000. */
export const MAX_PAGE_OPERATIONS = 100_000;
/**
 * What a path's segment weighs against an operation: pdf.js keeps it in a few bytes of its path,
 * an operation in a kilobyte. A vector chart or seal has many, but not a million.
 */
export const SEGMENT_WEIGHT = 0.1;
/** A page's text pieces: the densest report page seen has 2,600. */
export const MAX_PAGE_TEXT_PIECES = 50_000;

type Listener = (event: { data: unknown }) => void;
/** What may be moved with a message, in the browser's lib and Node's alike. */
type Transfers = NonNullable<Parameters<typeof structuredClone>[1]>['transfer'];

interface Chunk {
  readonly fnArray?: readonly unknown[];
  readonly argsArray?: readonly unknown[];
  readonly items?: readonly unknown[];
}

/** What one streamed chunk weighs against its page's caps. */
function weigh(chunk: Chunk): { operations: number; pieces: number } {
  let operations = chunk.fnArray?.length ?? 0;
  for (const args of chunk.argsArray ?? []) {
    // constructPath's points: [paint, [Float32Array of opcodes and coordinates], minMax].
    const data = Array.isArray(args) ? (args[1] as unknown) : undefined;
    const buffer = Array.isArray(data) ? (data[0] as unknown) : undefined;
    if (ArrayBuffer.isView(buffer)) operations += ((buffer as Float32Array).length / 3) * SEGMENT_WEIGHT;
  }
  return { operations, pieces: chunk.items?.length ?? 0 };
}

/** Said when a page of the document holds more than a report's page can. */
export class PageTooBusy extends Error {
  constructor(readonly what: 'operations' | 'pieces') {
    super(`a page holds more ${what} than a report's page`);
  }
}

/**
 * The port between pdf.js's halves for one document (what its own LoopbackPort does: a copy of each
 * message, delivered after the current task), which stops when a page sends back too much.
 */
export class GuardedPort {
  readonly #listeners = new Set<Listener>();
  readonly #streams = new Map<unknown, { operations: number; pieces: number }>();
  #cut = false;
  #refuse: (why: PageTooBusy) => void = () => undefined;
  /** Rejects when a page has sent back too much; never resolves. */
  readonly overflow = new Promise<never>((_, reject) => (this.#refuse = reject));

  readonly #limits: { readonly operations: number; readonly pieces: number };
  readonly #streamCut: () => boolean;

  /**
   * `streamCut` tells whether pdf.js has read a stream of the document only in part (stream-cap.ts):
   * then nothing more crosses, not even what it made of the part (a pattern's cell of 150,000 strokes).
   */
  constructor(
    limits = { operations: MAX_PAGE_OPERATIONS, pieces: MAX_PAGE_TEXT_PIECES },
    streamCut: () => boolean = () => false,
  ) {
    this.#limits = limits;
    this.#streamCut = streamCut;
    // Nobody may be listening when it rejects.
    this.overflow.catch(() => undefined);
  }

  /** Whether a page sent back too much, and the port carries nothing since. */
  get stopped(): boolean {
    return this.#cut;
  }

  postMessage(data: unknown, transfer?: Transfers): void {
    if (this.#cut) return;
    if (this.#streamCut()) return this.#stop('operations');
    const { streamId, chunk } = (data ?? {}) as { streamId?: unknown; chunk?: Chunk };
    if (chunk && typeof chunk === 'object') {
      const weight = weigh(chunk);
      const sum = this.#streams.get(streamId) ?? { operations: 0, pieces: 0 };
      sum.operations += weight.operations;
      sum.pieces += weight.pieces;
      this.#streams.set(streamId, sum);
      const over =
        sum.operations > this.#limits.operations
          ? 'operations'
          : sum.pieces > this.#limits.pieces
            ? 'pieces'
            : undefined;
      if (over) return this.#stop(over);
    }
    const event = { data: structuredClone(data, transfer ? { transfer } : undefined) };
    queueMicrotask(() => {
      for (const listener of this.#listeners) listener.call(this, event);
    });
  }

  #stop(over: PageTooBusy['what']): void {
    this.#cut = true;
    this.#listeners.clear();
    this.#refuse(new PageTooBusy(over));
  }

  /** As pdf.js's own port: a listener given a signal leaves when it aborts (a handler destroyed). */
  addEventListener(_type: 'message', listener: Listener, options?: { signal?: AbortSignal }): void {
    const signal = options?.signal;
    if (this.#cut || signal?.aborted) return;
    this.#listeners.add(listener);
    signal?.addEventListener('abort', () => this.#listeners.delete(listener), { once: true });
  }

  removeEventListener(_type: 'message', listener: Listener): void {
    this.#listeners.delete(listener);
  }

  terminate(): void {
    this.#listeners.clear();
  }
}

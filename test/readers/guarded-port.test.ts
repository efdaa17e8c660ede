import { describe, expect, it } from 'vitest';
import { GuardedPort } from '../../src/readers/pdf/guarded-port.js';

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('the port between pdf.js’s halves', () => {
  it('carries a copy of each message to its listeners; one given a signal leaves when it aborts', async () => {
    const port = new GuardedPort();
    const kept: unknown[] = [];
    const left: unknown[] = [];
    const abort = new AbortController();
    port.addEventListener('message', (e) => kept.push(e.data));
    port.addEventListener('message', (e) => left.push(e.data), { signal: abort.signal });
    const sent = { n: 1 };
    port.postMessage(sent);
    await settle();
    abort.abort();
    port.postMessage({ n: 2 });
    await settle();
    expect(kept).toEqual([{ n: 1 }, { n: 2 }]);
    expect(left).toEqual([{ n: 1 }]);
    expect(kept[0]).not.toBe(sent);
  });

  it('stops at a stream past a page’s cap: nothing more is carried, and it says why', async () => {
    const port = new GuardedPort({ operations: 3, pieces: 2 });
    const got: unknown[] = [];
    port.addEventListener('message', (e) => got.push(e.data));
    port.postMessage({ streamId: 1, chunk: { fnArray: [1, 2], argsArray: [null, null] } });
    port.postMessage({ streamId: 2, chunk: { items: [{}, {}] } });
    await settle();
    expect(got).toHaveLength(2);
    port.postMessage({ streamId: 1, chunk: { fnArray: [3, 4], argsArray: [null, null] } });
    await expect(port.overflow).rejects.toMatchObject({ what: 'operations' });
    port.postMessage({ streamId: 3 });
    await settle();
    expect([got.length, port.stopped]).toEqual([2, true]);
  });

  it('stops once pdf.js has read a stream of the document only in part: what it made of it is not carried', async () => {
    let cut = false;
    const port = new GuardedPort(undefined, () => cut);
    const got: unknown[] = [];
    port.addEventListener('message', (e) => got.push(e.data));
    port.postMessage({ n: 1 });
    await settle();
    cut = true;
    port.postMessage({ streamId: 1, chunk: { fnArray: [1], argsArray: [[{ pattern: 'cell' }]] } });
    await expect(port.overflow).rejects.toMatchObject({ what: 'operations' });
    await settle();
    expect([got, port.stopped]).toEqual([[{ n: 1 }], true]);
  });
});

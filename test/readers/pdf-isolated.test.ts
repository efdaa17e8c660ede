// The PDF thread's bounds, whatever the host's threads are: a fake thread stands for a worker.
import { describe, expect, it } from 'vitest';
import {
  isolatedPdfReader,
  PDF_LIMITS,
  type PdfRequest,
  type PdfResponse,
  type PdfThread,
  type ThreadEvents,
} from '../../src/readers/pdf/isolated.js';

/** A thread that answers each request as `answer` says, after pdf.js "loads". */
function fakeThreads(answer: (r: PdfRequest, send: (m: PdfResponse) => void, t: Fake) => void) {
  const started: Fake[] = [];
  const spawn = (): PdfThread => {
    const t = new Fake(answer);
    started.push(t);
    return t;
  };
  return { spawn, started };
}

class Fake implements PdfThread {
  ended = false;
  private readonly listeners = new Set<ThreadEvents>();
  constructor(private readonly answer: (r: PdfRequest, send: (m: PdfResponse) => void, t: Fake) => void) {
    setTimeout(() => this.send({ ready: true }), 1);
  }
  send(m: PdfResponse) {
    if (!this.ended) for (const l of [...this.listeners]) l.message(m);
  }
  fail(why: string) {
    for (const l of [...this.listeners]) l.error(why, false);
  }
  exit() {
    this.ended = true;
    for (const l of [...this.listeners]) l.exit();
  }
  post(request: PdfRequest) {
    this.answer(request, (m) => this.send(m), this);
  }
  listen(events: ThreadEvents) {
    this.listeners.add(events);
    return () => this.listeners.delete(events);
  }
  terminate() {
    this.ended = true;
  }
}

const fast = { ...PDF_LIMITS, baseMs: 50, perPageMs: 10 };
const bytes = new Uint8Array([1, 2, 3]);

describe('PDFs read in a thread, within bounds, whatever the host', () => {
  it('a reading past its time ends the thread and is refused; its pages add to the time; the next file gets a new thread', async () => {
    const { spawn, started } = fakeThreads(({ id, source }, send) => {
      if (source === 'slow.pdf') send({ id, pages: 5 });
      else send({ id, result: { problem: `读了 ${source}` } });
    });
    const read = isolatedPdfReader(spawn, { limits: fast });
    const t = Date.now();
    expect((await read(bytes, 'slow.pdf')).problem).toBe(
      'PDF 的内容过于繁复，0.1 秒内没有读完（一份年报的 PDF 通常不到 1 秒），不像一份年报，未读取。请改用 .docx 或网页文本校验。',
    );
    expect(Date.now() - t).toBeGreaterThanOrEqual(95);
    expect(started[0]!.ended).toBe(true);
    expect(await read(bytes, 'next.pdf')).toEqual({ problem: '读了 next.pdf' });
    expect(started).toHaveLength(2);
    // A file read in time leaves its thread for the next.
    expect(await read(bytes, 'third.pdf')).toEqual({ problem: '读了 third.pdf' });
    expect(started).toHaveLength(2);
  });

  it('a thread that fails, or ends between files, is said or started again; the caller’s bytes stay its own', async () => {
    const { spawn, started } = fakeThreads(({ id, bytes: sent }, send, t) => {
      sent.fill(0);
      if (started.length === 1) t.fail('脚本出错');
      else send({ id, result: { problem: 'ok' } });
    });
    const read = isolatedPdfReader(spawn, { limits: fast });
    expect((await read(bytes, 'a.pdf')).problem).toBe('PDF 读取组件出错（脚本出错），该文件未读取。');
    expect(bytes).toEqual(new Uint8Array([1, 2, 3]));
    expect(await read(bytes, 'b.pdf')).toEqual({ problem: 'ok' });
    started[1]!.exit();
    expect(await read(bytes, 'c.pdf')).toEqual({ problem: 'ok' });
    expect(started).toHaveLength(3);
  });

  it('a thread that cannot load a package (an install copied without node_modules) says how to mend it, on one line', async () => {
    const { spawn } = fakeThreads((_r, _send, t) =>
      t.fail(
        "Cannot find package 'pdfjs-dist' imported from /opt/nianbao/dist/cli/pdf-worker.cjs\nRequire stack:\n- x",
      ),
    );
    const read = isolatedPdfReader(spawn, { limits: fast });
    expect((await read(bytes, 'a.pdf')).problem).toBe(
      'PDF 读取组件不完整（缺少「pdfjs-dist」），该文件未读取：请在项目目录重新运行 npm install；复制到别的电脑时，要连同 node_modules 复制整个项目目录。',
    );
    const other = fakeThreads((_r, _send, t) => t.fail('脚本出错\n    at x'));
    expect((await isolatedPdfReader(other.spawn, { limits: fast })(bytes, 'b.pdf')).problem).toBe(
      'PDF 读取组件出错（脚本出错），该文件未读取。',
    );
  });

  it('where the host tells memory, a reading that grows it past the limit is refused', async () => {
    let used = 0;
    const { spawn } = fakeThreads(() => (used += 300 * 2 ** 20));
    const read = isolatedPdfReader(spawn, { limits: { ...fast, baseMs: 5_000 }, memory: () => used });
    expect((await read(bytes, 'big.pdf')).problem).toBe(
      'PDF 的内容过于繁复，读取所需的内存超过上限，不像一份年报，未读取。请改用 .docx 或网页文本校验。',
    );
  });
});

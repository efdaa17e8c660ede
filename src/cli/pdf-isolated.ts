// The command line's PDF threads: Node's worker threads, each with a heap of its own, the process's
// memory watched while a file is read (see readers/pdf/isolated.ts for why and how).
import {
  isolatedPdfReader,
  PDF_LIMITS,
  type PdfLimits,
  type PdfResponse,
  type PdfThread,
  type PdfReader,
} from '../core.js';
import { nodeWorkerThreads } from './builtin.js';

/** The thread's JavaScript heap. */
const HEAP_MB = 512;

function workerThread(file: string): PdfThread {
  const worker = new (nodeWorkerThreads().Worker)(file, {
    resourceLimits: { maxOldGenerationSizeMb: HEAP_MB },
    // No native code in the thread that parses untrusted files. pdf.js loads its optional drawing
    // package (@napi-rs/canvas, 33 MB of native code) otherwise, which reading text does not need
    // (see readers/pdf/matrix.ts): some 45 ms and 25 MB of each `nianbao check one.pdf`.
    // Options of the whole process (bin/nianbao.cjs's thread pool) are no thread's: a thread given one does not start.
    execArgv: [...process.execArgv.filter((o) => !o.startsWith('--v8-pool-size')), '--no-addons'],
  });
  return {
    post: (request, transfer) => worker.postMessage(request, transfer),
    listen(events) {
      const message = (m: PdfResponse) => events.message(m);
      const error = (e: Error & { code?: string }) =>
        events.error(e.message, e.code === 'ERR_WORKER_OUT_OF_MEMORY');
      const exit = () => events.exit();
      worker.on('message', message);
      worker.on('error', error);
      worker.on('exit', exit);
      return () => {
        worker.off('message', message);
        worker.off('error', error);
        worker.off('exit', exit);
      };
    },
    terminate: () => void worker.terminate(),
    // An idle thread does not keep the process alive.
    hold: (held) => (held ? worker.ref() : worker.unref()),
  };
}

/** Reads PDFs one at a time in a thread running `workerFile` (dist/cli/pdf-worker.cjs). */
export function threadPdfReader(workerFile: string, limits: PdfLimits = PDF_LIMITS): PdfReader {
  return isolatedPdfReader(() => workerThread(workerFile), {
    limits,
    memory: () => process.memoryUsage.rss(),
  });
}

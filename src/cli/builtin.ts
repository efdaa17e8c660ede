// Node's own modules that only some runs need, loaded when first needed: in the bundle an import is
// a require at its start, and the first of them to load Node's streams costs some 5 ms of it.
import { createRequire } from 'node:module';

/** Any absolute path serves to require a module of Node's own. */
const requireHere = createRequire(process.execPath);

export const nodeTty = () => requireHere('node:tty') as typeof import('node:tty');
export const nodeWorkerThreads = () =>
  requireHere('node:worker_threads') as typeof import('node:worker_threads');

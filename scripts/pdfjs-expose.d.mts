// Types of pdfjs-expose.mjs, for the tests that build the command line's PDF thread.
import type { Plugin } from 'esbuild';

export const PDF_WORKER: RegExp;
export function expose(source: string): string;
export const workerBeside: Plugin;
export function writeWorkerBeside(dir: string): void;

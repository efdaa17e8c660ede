// What an internal error says to the user: a broken install (a copy without node_modules) is told
// how to mend it; anything else in one line, Node's own words kept for the report to the developers.

import { MEND_INSTALL, missingPackage } from '../core.js';

const MISSING = new Set(['MODULE_NOT_FOUND', 'ERR_MODULE_NOT_FOUND']);

/** 「缺少组件「entities」…」 where a part of the install is missing, else undefined. */
export function missingPart(e: unknown): string | undefined {
  if (!(e instanceof Error) || !('code' in e) || !MISSING.has(String(e.code))) return undefined;
  const name = missingPackage(e.message);
  return `缺少组件${name ? `「${name}」` : ''}：nianbao 的安装不完整。${MEND_INSTALL}`;
}

/** An error's message on one line: Node's messages go on with a stack of requires. */
export const oneLine = (e: unknown): string =>
  (e instanceof Error ? e.message : String(e)).split('\n')[0]!.trim();

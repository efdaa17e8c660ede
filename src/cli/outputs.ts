import { extensionOf } from '../core.js';
import { renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { errno, identity, ioMessage } from './files.js';

/**
 * Why the command may not write `path`, or undefined: the wrong kind of file, a folder that does not
 * exist, one of the inputs (never, not even with --force), or a file that exists (unless --force).
 * Asked before any work is done, so that a refusal costs nothing.
 */
export async function outputProblem(
  path: string,
  what: { readonly flag: string; readonly extensions: readonly string[] },
  force: boolean,
  inputs: ReadonlySet<string>,
): Promise<string | undefined> {
  if (!what.extensions.includes(extensionOf(path)))
    return `${what.flag} 的文件应以 ${what.extensions.join(' 或 ')} 结尾，而不是「${path}」`;
  const folder = dirname(path);
  try {
    if (!statSync(folder).isDirectory()) return `输出文件夹 ${folder} 不是文件夹`;
  } catch {
    return `输出文件夹 ${folder} 不存在：请先建立该文件夹`;
  }
  if (inputs.has(await identity(path))) return `${path} 是要读取的文件之一，不能用输出覆盖它`;
  try {
    const s = statSync(path);
    if (s.isDirectory()) return `${path} 是文件夹，不能作为输出文件`;
    if (!force) return `${path} 已存在：要覆盖它，请加 --force`;
  } catch {
    // Not there yet: the usual case.
  }
  return undefined;
}

/**
 * Writes an output; without --force, only if the file still does not exist (no race with another
 * writer). With --force, into a file beside it that then takes its place: a write that fails (a full
 * disk) leaves the file it was to replace as it was.
 */
export async function writeOutput(
  path: string,
  data: string | Uint8Array,
  force: boolean,
): Promise<string | undefined> {
  try {
    if (force && replaced(path, data)) return undefined;
    writeFileSync(path, data, { flag: force ? 'w' : 'wx' });
    return undefined;
  } catch (e) {
    if (errno(e) === 'EEXIST') return `${path} 已存在：要覆盖它，请加 --force`;
    return ioMessage(path, e, '写入');
  }
}

/**
 * Writes `data` beside `path` and puts it in its place; false where no file can be made beside it
 * (a folder the user may not add to, though the file itself may be written), to write it in place.
 */
function replaced(path: string, data: string | Uint8Array): boolean {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.nianbao`);
  try {
    writeFileSync(temp, data, { flag: 'wx' });
  } catch (e) {
    rmSync(temp, { force: true });
    if (errno(e) === 'EACCES' || errno(e) === 'EPERM') return false;
    throw e;
  }
  try {
    renameSync(temp, path);
  } catch (e) {
    rmSync(temp, { force: true });
    throw e;
  }
  return true;
}

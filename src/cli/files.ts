import {
  EXPLAINED_EXTENSIONS,
  extensionOf,
  FORMATS_SAID,
  GENERATOR,
  REPORT_EXTENSIONS,
  tooLarge,
  unsupported,
} from '../core.js';
import {
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  openSync,
  readdirSync,
  readlinkSync,
  readSync,
  statSync,
} from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { CSV_SUMMARY_START } from './batch-summary.js';

/** A file the command line could not read, and why (the message names the file). */
export class UnreadableFile extends Error {
  override readonly name = 'UnreadableFile';
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(message);
  }
}

/** 「a.zip：未校验（…）」: a file the batch passes over, and why. */
const notCheckedMessage = (file: string, why: string) => `${file}：未校验（${why}）`;

/** A file that is no report (a note, a page nianbao wrote): listed as not checked, as a folder's other files are. */
export class NotAReportFile extends UnreadableFile {
  constructor(
    file: string,
    /** What it is instead (「不是年报：…」), without the file's name. */
    readonly why: string,
  ) {
    super(file, notCheckedMessage(file, why));
  }
}

/** A failed call's error code (「ENOENT」), if it has one. */
export const errno = (e: unknown): string | undefined =>
  e && typeof e === 'object' && 'code' in e ? String((e as { code: unknown }).code) : undefined;

/** What a failed file-system call means to the user. */
export function ioMessage(file: string, e: unknown, doing: '读取' | '写入' = '读取'): string {
  switch (errno(e)) {
    case 'ENOENT':
    case 'ENOTDIR':
      // A name given on the command line whose bytes are no UTF-8 reached Node changed (「�」).
      if (doing === '读取' && file.includes('\ufffd'))
        return `找不到文件或文件夹 ${file}：名称中有无法识别的字符（可能是 GBK 编码的文件名，如在 Windows 上打包的压缩文件解压所得）。请指定它所在的文件夹，或把它改名后再校验`;
      if (doing === '写入') return `${file}：所在的文件夹不存在`;
      return danglingLink(file) ?? `找不到文件或文件夹 ${file}`;
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return `${file}：没有${doing}权限`;
    case 'EISDIR':
      return `${file}：是文件夹，不是文件`;
    case 'ELOOP':
      return `${file}：符号链接循环`;
    case 'EMFILE':
    case 'ENFILE':
      return `${file}：同时打开的文件过多，请稍后再试`;
    default:
      return `${file}：无法${doing}（${errno(e) ?? (e instanceof Error ? e.message : String(e))}）`;
  }
}

/** A link whose file is gone (moved, renamed, or on a drive not mounted): said as such, not as a name not found. */
function danglingLink(file: string): string | undefined {
  try {
    if (lstatSync(file).isSymbolicLink())
      return `${file}：是指向「${readlinkSync(file)}」的链接，链接的文件或文件夹不存在`;
  } catch {
    // Not there at all: a name not found.
  }
  return undefined;
}

function kindOf(s: {
  isDirectory(): boolean;
  isFIFO(): boolean;
  isSocket(): boolean;
  isCharacterDevice(): boolean;
  isBlockDevice(): boolean;
}): string {
  if (s.isDirectory()) return '文件夹';
  if (s.isFIFO()) return '管道（FIFO）';
  if (s.isSocket()) return '套接字';
  if (s.isCharacterDevice() || s.isBlockDevice()) return '设备文件';
  return '特殊文件';
}

/**
 * A report file's bytes. Only a regular file is read (a FIFO would hang, a device never end), and
 * only when it is no larger than its kind's limit; it is read to that size at most, however it
 * changes meanwhile. Synchronous calls: a batch reads one small file after another, and each
 * round trip to the thread pool would cost more than the read.
 */
export async function readInput(file: string): Promise<Uint8Array> {
  let fd: number | undefined;
  try {
    // O_NONBLOCK: opening a FIFO does not wait for a writer; what was opened is then looked at.
    fd = openSync(fsPath(file), constants.O_RDONLY | constants.O_NONBLOCK);
    const info = fstatSync(fd);
    if (!info.isFile()) throw new UnreadableFile(file, `${file}：是${kindOf(info)}，不是普通文件，未读取`);
    const large = tooLarge(file, info.size);
    if (large) throw new UnreadableFile(file, `${file}：${large}`);
    const size = info.size;
    const bytes = new Uint8Array(size);
    let length = 0;
    while (length < size) {
      const n = readSync(fd, bytes, length, size - length, length);
      if (!n) break;
      length += n;
    }
    return length === size ? bytes : bytes.subarray(0, length);
  } catch (e) {
    if (e instanceof UnreadableFile) throw e;
    throw new UnreadableFile(file, ioMessage(file, e));
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** What the paths given name: files to read, and those refused before reading, in order. */
export interface Inputs {
  readonly files: readonly string[];
  /** Paths that name nothing readable (missing, an empty folder…): the run says so and exits 2. */
  readonly problems: readonly UnreadableFile[];
  /** Files in the folders named that are no reports (.zip, pictures…): said, the exit code unchanged. */
  readonly others: readonly NotChecked[];
  /**
   * The pages of `files` found in the folders named, not looked at yet: one nianbao wrote (a 汇总 or
   * 审核报告 of an earlier run) is passed over unsaid when the batch reads it. Each file is opened once.
   */
  readonly pages: ReadonlySet<string>;
}

export interface NotChecked {
  readonly file: string;
  readonly message: string;
}

const wanted = (name: string) => {
  const ext = extensionOf(name);
  return REPORT_EXTENSIONS.includes(ext) || EXPLAINED_EXTENSIONS.includes(ext);
};

const HEAD_DECODER = new TextDecoder();

/** A page nianbao wrote (审核报告, 汇总): in a folder checked again, it is no report to read. */
export function isOwnOutput(head: Uint8Array): boolean {
  return HEAD_DECODER.decode(head.subarray(0, 256)).includes(GENERATOR);
}

/** A page nianbao wrote, told when the batch reads it: one found in a folder is passed over unsaid. */
export class OwnOutputFile extends NotAReportFile {}

const isPageName = (file: string) => /\.html?$/i.test(file);

/** A page nianbao wrote, told by its head without reading the rest. */
export function ownPage(file: string): boolean {
  const head = fileHead(file, 256);
  return head !== undefined && isOwnOutput(head);
}

/** A CSV summary nianbao wrote: in a folder checked again, it is neither read nor said. */
function ownCsv(file: string): boolean {
  if (!/\.csv$/i.test(file)) return false;
  const head = fileHead(file, 256);
  return (
    head !== undefined &&
    new TextDecoder('utf-8', { ignoreBOM: true }).decode(head).startsWith(CSV_SUMMARY_START)
  );
}

/** What every folder holds beside reports: hidden files, lock files of open documents, the system's. */
const housekeeping = (name: string) =>
  name.startsWith('.') || name.startsWith('~$') || /^(?:thumbs\.db|desktop\.ini)$/i.test(name);

/** Why a file in a folder is not checked: said, so that a supervisor knows the folder was not all read. */
function notChecked(file: string): string {
  const why = extensionOf(file)
    ? unsupported(file)
    : '没有扩展名：若是年报，请直接指定这个文件，或加上 .xlsx、.html 等扩展名';
  return notCheckedMessage(file, why ?? '');
}

/** Names in the order a Chinese reader lists them: one collator, not one made for each comparison. */
const NAME_ORDER = new Intl.Collator('zh-CN');

/**
 * Every report file under a folder, sub-folders included, in name order (symbolic links to
 * folders are not followed), and the other files in it, with why they are not checked.
 */
async function folderFiles(
  dir: string,
  skip: ReadonlySet<string>,
): Promise<{ files: string[]; pages: Set<string>; others: NotChecked[]; problems: UnreadableFile[] }> {
  const files: string[] = [];
  const pages = new Set<string>();
  const others: NotChecked[] = [];
  // A sub-folder that cannot be read is said, and the rest of the folder is read.
  const problems: UnreadableFile[] = [];
  /** `raw`: the folder's path as bytes, where a name on it is no UTF-8. */
  const walk = async (d: string, raw?: Buffer): Promise<void> => {
    let found;
    try {
      found = readdirSync(raw ?? d, { withFileTypes: true, encoding: 'buffer' });
    } catch (e) {
      if (d === dir) throw e;
      problems.push(new UnreadableFile(d, ioMessage(d, e)));
      return;
    }
    const entries = found.map((e) => ({ e, bytes: e.name, ...nameOf(e.name) }));
    entries.sort((a, b) => NAME_ORDER.compare(a.name, b.name));
    for (const { e, bytes, name, utf8 } of entries) {
      const full = join(d, name);
      const fullRaw =
        raw || !utf8 ? Buffer.concat([raw ?? Buffer.from(d), Buffer.from(sep), bytes]) : undefined;
      if (fullRaw) RAW_PATHS.set(full, fullRaw);
      if (e.isDirectory()) await walk(full, fullRaw);
      else if (housekeeping(name) || (skip.size && skip.has(await identity(full))) || ownCsv(full)) continue;
      else if (wanted(name)) {
        files.push(full);
        if (isPageName(name)) pages.add(full);
      } else if (e.isSymbolicLink() && linksToFolder(full))
        others.push({
          file: full,
          message: `${full}：是指向文件夹的链接，未进入（要校验其中的文件，请直接指定该文件夹）`,
        });
      else others.push({ file: full, message: notChecked(full) });
    }
  };
  await walk(dir);
  return { files, pages, others, problems };
}

/**
 * Paths met in folders whose names are no UTF-8 (GBK names, as a zip made on Windows unpacks on
 * Linux): each as shown, its names decoded as GB18030, and as the bytes that open it.
 */
const RAW_PATHS = new Map<string, Buffer>();
const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });
const GB18030 = new TextDecoder('gb18030');

/** A name read from a folder, as shown: UTF-8, or else GB18030. */
function nameOf(bytes: Buffer): { name: string; utf8: boolean } {
  try {
    return { name: STRICT_UTF8.decode(bytes), utf8: true };
  } catch {
    return { name: GB18030.decode(bytes), utf8: false };
  }
}

/** What opens the file a path shows. */
const fsPath = (path: string): string | Buffer => RAW_PATHS.get(path) ?? path;

/** Whether a symbolic link leads to a folder: not when it leads nowhere, or round in a loop. */
function linksToFolder(link: string): boolean {
  try {
    return statSync(fsPath(link), { throwIfNoEntry: false })?.isDirectory() ?? false;
  } catch {
    return false;
  }
}

/**
 * The files the command line names: each file as given (whatever its type: a wrong one is said
 * per file), each folder as the report files in it. `skip` holds the identities of outputs,
 * which are never read as inputs.
 */
export async function listInputs(
  paths: readonly string[],
  skip: ReadonlySet<string> = new Set(),
): Promise<Inputs> {
  const files: string[] = [];
  const pages = new Set<string>();
  const named = new Set<string>();
  const problems: UnreadableFile[] = [];
  const others: NotChecked[] = [];
  for (const path of paths) {
    let info;
    try {
      info = statSync(path);
    } catch (e) {
      problems.push(new UnreadableFile(path, ioMessage(path, e)));
      continue;
    }
    if (!info.isDirectory()) {
      files.push(path);
      named.add(path);
      continue;
    }
    try {
      const found = await folderFiles(path, skip);
      others.push(...found.others);
      problems.push(...found.problems);
      // Pages alone are looked at until one is no page of ours: a folder of them holds a report.
      if (!found.files.some((f) => !found.pages.has(f) || !ownPage(f))) {
        problems.push(
          new UnreadableFile(path, `文件夹 ${path} 中没有可校验的年报文件（${FORMATS_SAID} 等）`),
        );
        continue;
      }
      files.push(...found.files);
      for (const page of found.pages) pages.add(page);
    } catch (e) {
      problems.push(new UnreadableFile(path, ioMessage(path, e)));
    }
  }
  // A file named twice (or also in a folder named) is one report: checked once, paired as one.
  if (paths.length < 2) return { files, problems, others, pages };
  const kept = new Map<string, string>();
  const namedIds = new Set<string>();
  for (const f of files) {
    const id = await identity(f);
    if (!kept.has(id)) kept.set(id, f);
    if (named.has(f)) namedIds.add(id);
  }
  // A page named by itself is said for what it is, wherever else it was found.
  for (const [id, f] of kept) if (namedIds.has(id)) pages.delete(f);
  return { files: [...kept.values()], problems, others, pages };
}

/**
 * The file a path names, the same however it is reached (symbolic links, `..`, hard links): its
 * device and inode, or the resolved path when it does not exist yet.
 */
export async function identity(path: string): Promise<string> {
  try {
    const s = statSync(fsPath(path));
    return `${s.dev}:${s.ino}`;
  } catch {
    return resolve(path);
  }
}

/**
 * The first `length` bytes of a regular file (fewer if it is shorter); undefined when it cannot be
 * read. Synchronous, as readInput: a folder's CSV files are each looked at before the batch.
 */
function fileHead(file: string, length: number): Uint8Array | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(fsPath(file), constants.O_RDONLY | constants.O_NONBLOCK);
    if (!fstatSync(fd).isFile()) return undefined;
    const bytes = new Uint8Array(length);
    return bytes.subarray(0, readSync(fd, bytes, 0, length, 0));
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Whether a file begins with `text` (false when it cannot be read). */
export function beginsWith(file: string, text: string): boolean {
  const expected = new TextEncoder().encode(text);
  const head = fileHead(file, expected.length);
  return head?.length === expected.length && head.every((b, i) => b === expected[i]);
}

import {
  bodyKey,
  check,
  FIRST_FORMAT_YEAR,
  type Edition,
  hasCopyEvidence,
  type FileRead,
  isUnfilled,
  NotAReport,
  type ReadOptions,
  ReadProblem,
  readReportFile,
  type Report,
  TABLE_IDS,
  TABLE_NAME,
  rowNumbers,
  tablesNotReadWhole,
  unsupported,
} from '../core.js';
import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { isOwnOutput, NotAReportFile, OwnOutputFile, readInput, UnreadableFile } from './files.js';
import { missingPart, oneLine } from './internal.js';
import { threadPdfReader } from './pdf-isolated.js';
import { type Remark, remarkOf } from './remark.js';
import { type Checked, onlyUnread } from './output.js';

export interface Unreadable {
  readonly file: string;
  readonly message: string;
}

/** Last year's report(s) given with --previous, for every report of the batch. */
export interface PreviousSource {
  readonly label: string;
  readonly reports: readonly Report[];
}

/**
 * What the caller keeps of each result, and where results go, in file order. A batch holds only
 * what `keep` returns (a rendered entry, a summary row), never a report: nor a string of one, which
 * may be a slice that keeps the report's whole text alive.
 */
export interface BatchSink<T> {
  readonly keep: (c: Checked) => T;
  /**
   * `label`: the report's file (and sheet), as the batch's remarks name it; `copies`: the other files
   * (and sheets) that hold the same report, the same numbers in every row.
   */
  readonly emit: (kept: T, about: { readonly label: string; readonly copies: readonly string[] }) => void;
}

export interface BatchOptions {
  readonly previous?: PreviousSource;
  /** Share of repeated text above which 内容雷同 is flagged (0–1). */
  readonly similarity?: number;
  readonly onProgress?: (text: string) => void;
  /** A bug met while reading or checking a file: the file is reported unread, the batch goes on. */
  readonly onInternalError?: (file: string, error: unknown) => void;
  /** How a file is read: from disk by default. */
  readonly read?: (file: string) => Promise<FileRead>;
  /** Files that, found to be a page nianbao wrote, are passed over unsaid (a folder's: see Inputs.pages). */
  readonly passOver?: ReadonlySet<string>;
}

export interface BatchTotals {
  readonly reports: number;
  readonly withErrors: number;
  /** Of those, the reports with errors once copies are taken out (a copy's errors are its report's). */
  readonly distinctWithErrors: number;
  /** Published reports whose only errors are tables or rows not read whole (see onlyUnread): not counted in `withErrors`. */
  readonly unreadTables: number;
  /** Reports with the numbers of another of their body and year (a copy, or the same in another format): `reports` counts each. */
  readonly copies: number;
  readonly unreadable: readonly Unreadable[];
  /** Files given that are no reports (a note, a page nianbao wrote): not checked, as a folder's other files. */
  readonly notChecked: readonly Unreadable[];
  /** --previous given for a report it is not last year's of: said, and the cross-year rules not run. */
  readonly notes: readonly string[];
  /** What the user should know and the exit code does not say: a pairing not made, another body's --previous. */
  readonly remarks: readonly Remark[];
  readonly internalErrors: number;
  /** Files of `passOver` that were pages nianbao wrote: neither reports nor said. */
  readonly passedOver: number;
}

const MiB = 2 ** 20;
let nativeZip: Promise<Pick<ReadOptions, 'inflate' | 'crc32'>> | undefined;

/**
 * Node's zlib, where the reader would use fflate: a few times faster, and held to `max` bytes as
 * well; and its CRC-32 (Node 20.15 and later), where the reader's own took 40 ms of a batch of 500
 * workbooks before V8 optimised it. Loaded with the first zip: a batch of texts starts without it.
 */
const zipNatives = () =>
  (nativeZip ??= import('node:zlib').then(({ inflateRawSync, crc32 }) => ({
    // Output in one chunk of the part's declared size (up to a MiB), not in 16 KiB ones: each of
    // those is a new buffer, and a part of a few hundred bytes takes one from Node's pool.
    inflate: (data: Uint8Array, max: number) =>
      inflateRawSync(data, { maxOutputLength: max, chunkSize: Math.max(64, Math.min(max, MiB)) }),
    ...(typeof crc32 === 'function' ? { crc32: (data: Uint8Array) => crc32(data) } : {}),
  })));

/** Zip files (.xlsx, .docx) start with 「PK」. */
const isZip = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b;

/**
 * The built thread that reads PDFs within bounds (see pdf-isolated.ts), beside the command line's
 * bundle. Run from its sources (the tests), there is none: PDFs are read in this thread.
 */
const PDF_WORKER = typeof __dirname === 'string' ? join(__dirname, 'pdf-worker.cjs') : undefined;
let pdfOptions: Pick<ReadOptions, 'readPdf'> | undefined;
/** Decided with the first file that is no zip, not looked for again for each (its thread starts with the first PDF). */
const boundedPdf = (): Pick<ReadOptions, 'readPdf'> =>
  (pdfOptions ??= PDF_WORKER && existsSync(PDF_WORKER) ? { readPdf: threadPdfReader(PDF_WORKER) } : {});

export async function readFromDisk(file: string): Promise<FileRead> {
  const refused = unsupported(file);
  if (refused) throw new UnreadableFile(file, `${file}：${refused}`);
  const bytes = await readInput(file);
  if (isOwnOutput(bytes)) throw new OwnOutputFile(file, '是 nianbao 生成的审核报告或汇总，不是年报');
  try {
    return await readReportFile(file, bytes, isZip(bytes) ? await zipNatives() : boundedPdf());
  } catch (e) {
    if (e instanceof NotAReport) throw new NotAReportFile(file, e.message.replace(/。$/, ''));
    if (e instanceof ReadProblem) throw new UnreadableFile(file, `${file}：${e.message}`);
    throw e;
  }
}

/** A report's place in the batch, and what pairing needs to know of it. */
interface Slot<T> {
  readonly fileIndex: number;
  readonly index: number;
  readonly label: string;
  readonly body?: string;
  readonly year?: number;
  readonly edition: Edition;
  /**
   * Each data row's numbers, hashed, 0 for a row not read (in a batch of more than one): copies of
   * one report (its .txt, its PDF, its Word file) have the same in every row both read.
   */
  readonly rows: Uint32Array;
  /** Whether each table was read whole: the copy to compare with has most. */
  readonly tables: readonly boolean[];
  /** Nothing written in it (a blank template): no report to pair. */
  readonly unfilled: boolean;
  /** It has the report's text (not a workbook's tables alone): what 内容雷同 compares. */
  readonly text: boolean;
  /** Checked against --previous: it takes no other report of last year. */
  readonly withPrevious: boolean;
  /** Numbers enough that another body's report with the same is no chance (see hasCopyEvidence). */
  readonly weighty: boolean;
  kept: T;
  errors: Errors;
}

/** What a report's errors are: none, only tables or rows not read whole (see onlyUnread), or errors in it. */
type Errors = 'none' | 'unread' | 'errors';

const errorsOf = (c: Checked): Errors =>
  !c.findings.some((f) => f.severity === 'error') ? 'none' : onlyUnread(c) ? 'unread' : 'errors';

/** Whether each table of TABLE_IDS was read, and whole (not a published copy's table with rows lost). */
function tablesWhole(report: Report): boolean[] {
  const unread = tablesNotReadWhole(report);
  return TABLE_IDS.map((t) => report.tables.includes(t) && !unread.has(t));
}

const where = (file: string, report: Report) =>
  report.sheets && report.source ? `${file}「${report.source}」` : file;

function result(file: string, report: Report, findings: Checked['findings'], previous?: string): Checked {
  return {
    file,
    ...(report.sheets && report.source ? { sheet: report.source } : {}),
    edition: report.edition,
    ...(report.year ? { year: report.year } : {}),
    ...(report.agency ? { agency: report.agency } : {}),
    ...(previous ? { previous } : {}),
    findings,
  };
}

/**
 * Last year's report of each report that has one in the batch: the one report of the year before
 * from the same body (agency names equal but for spacing); reports of one file count as one body
 * when one of them names none. Two candidates with different numbers: no guess.
 */
function pairs<T>(
  slots: readonly Slot<T>[],
  remarks: Remark[],
): { paired: Map<Slot<T>, Slot<T>>; undecided: Set<Slot<T>>; copies: Map<Slot<T>, Slot<T>> } {
  const byBody = new Map<string, Slot<T>[]>();
  const byFile = new Map<string, Slot<T>[]>();
  const add = (map: Map<string, Slot<T>[]>, key: string, s: Slot<T>) => {
    const list = map.get(key);
    if (list) list.push(s);
    else map.set(key, [s]);
  };
  for (const s of slots) {
    if (!pairable(s)) continue;
    if (s.body) add(byBody, `${s.body}|${s.year}`, s);
    add(byFile, `${s.fileIndex}|${s.year}`, s);
  }
  // Two reports of one body and year that differ (one corrected and issued again, or a draft):
  // which is the one published is for the user to say.
  /** Reports with the numbers of one counted already (a copy, or the same report in another format), and that one. */
  const extra = new Map<Slot<T>, Slot<T>>();
  for (const [key, same] of byBody) {
    const groups = copies(same);
    for (const g of groups) for (const copy of g.slice(1)) extra.set(copy, g[0]!);
    if (groups.length > 1)
      remarks.push({
        of: [listCopies(groups)],
        says: `是同一机关 ${key.slice(key.lastIndexOf('|') + 1)} 年度的 ${groups.length} 份数字不同的报告，请确认哪一份是发布的`,
      });
  }
  const out = new Map<Slot<T>, Slot<T>>();
  const undecided = new Set<Slot<T>>();
  const cityNamed = withCityNamed(byBody);
  for (const s of slots) {
    if (!pairable(s) || s.withPrevious) continue;
    const sameBody = s.body ? (byBody.get(`${s.body}|${s.year - 1}`) ?? []) : [];
    const sameFile = (byFile.get(`${s.fileIndex}|${s.year - 1}`) ?? []).filter((p) => !p.body || !s.body);
    let candidates = [...new Set([...sameBody, ...sameFile])];
    if (!candidates.length && s.body) {
      const near = cityNamed(s.body, s.year);
      if (near) {
        candidates = near.slots;
        remarks.push({
          of: [s.label],
          says: `上年报告的机关名称写作「${near.body}」，与本报告的「${s.body}」只差前面的地名，按同一机关的上一年度报告核对`,
        });
      }
    }
    if (!candidates.length) continue;
    // Copies of one report in several formats are one report: the same numbers, read alike. Of
    // them, the fullest (see fullest).
    const groups = copies(candidates);
    if (groups.length === 1) out.set(s, fullest(candidates));
    else {
      undecided.add(s);
      remarks.push({
        of: [s.label],
        says: `有 ${groups.length} 份数字不同的 ${s.year - 1} 年度报告（${listCopies(groups)}），不能确定哪份是上年报告，未核对跨年度关系；请确认哪份是发布的，再单独校验这份报告并用 --previous 指定它`,
      });
    }
  }
  return { paired: out, undecided, copies: extra };
}

/** A province's, city's or prefecture's name put before a body's: 「宿迁市」 of 「宿迁市宿城区」. */
const PLACE_BEFORE = /^[\u4e00-\u9fa5]{1,8}?(?:省|市|自治区|自治州|州|盟|地区)$/;

/** The names `name` stands for with the place before it left out: 「宿城区」 of 「宿迁市宿城区」. */
function withoutPlace(name: string): string[] {
  const out: string[] = [];
  for (let k = 1; k <= name.length - 2; k++) if (PLACE_BEFORE.test(name.slice(0, k))) out.push(name.slice(k));
  return out;
}

/**
 * Last year's reports of the body `body` names with a place before it or without one (「宿城区」 and
 * 「宿迁市宿城区」), where that is the one such body of last year and no report of this year goes by
 * that name: one body, named as its title and its page happened to name it. The names are indexed
 * once: looked at for each report alone, every name of the batch each time, a batch of thousands
 * of bodies took seconds.
 */
function withCityNamed<T>(
  byBody: ReadonlyMap<string, Slot<T>[]>,
): (body: string, year: number) => { body: string; slots: Slot<T>[] } | undefined {
  /** By a name without its place and the year: the names with a place before it. */
  const placed = new Map<string, string[]>();
  for (const key of byBody.keys()) {
    const at = key.lastIndexOf('|');
    const name = key.slice(0, at);
    for (const short of withoutPlace(name)) {
      const k = `${short}|${key.slice(at + 1)}`;
      placed.set(k, [...(placed.get(k) ?? []), name]);
    }
  }
  return (body, year) => {
    const near = [
      ...(placed.get(`${body}|${year - 1}`) ?? []),
      ...withoutPlace(body).filter((short) => byBody.has(`${short}|${year - 1}`)),
    ];
    if (near.length !== 1 || byBody.has(`${near[0]}|${year}`)) return undefined;
    return { body: near[0]!, slots: byBody.get(`${near[0]}|${year - 1}`)! };
  };
}

/**
 * Reports with errors, copies of one report counted once: a report is one with errors where any
 * of its copies has them (a copy read from a PDF may have an error its page has not).
 */
function distinctWithErrors<T>(slots: readonly Slot<T>[], copies: ReadonlyMap<Slot<T>, Slot<T>>): number {
  const withErrors = new Set<Slot<T>>();
  for (const s of slots) if (s.errors === 'errors') withErrors.add(copies.get(s) ?? s);
  return withErrors.size;
}

/** A report that may have, or be, last year's report: one of a year, with something written in it. */
const pairable = <T>(s: Slot<T>): s is Slot<T> & { year: number } => s.year !== undefined && !s.unfilled;

/**
 * Two copies of one report: the same numbers in every row both read, and one row at least. A copy
 * whose table 3 could not be read (text copied from a PDF), or lost a row of it, is still the
 * report; two reports that differ in a row both read are two.
 */
function sameNumbers<T>(a: Slot<T>, b: Slot<T>): boolean {
  if (a.edition !== b.edition) return false;
  let shared = false;
  for (let r = 0; r < a.rows.length; r++) {
    if (!a.rows[r] || !b.rows[r]) continue;
    if (a.rows[r] !== b.rows[r]) return false;
    shared = true;
  }
  return shared;
}

/** Reports grouped as copies of one report (its page, its PDF): the same numbers. */
function copies<T>(slots: readonly Slot<T>[]): Slot<T>[][] {
  const groups: Slot<T>[][] = [];
  for (const s of slots) {
    const group = groups.find((g) => g.every((other) => sameNumbers(s, other)));
    if (group) group.push(s);
    else groups.push([s]);
  }
  return groups;
}

const tablesRead = <T>(s: Slot<T>) => s.tables.filter(Boolean).length;

/** Of copies of one report, the one to compare with: every table read, and its text (内容雷同) if any has it. */
function fullest<T>(group: readonly Slot<T>[]): Slot<T> {
  const most = Math.max(...group.map(tablesRead));
  const whole = group.filter((s) => tablesRead(s) === most);
  return whole.find((s) => s.text) ?? whole[0]!;
}

/** 「表三未能读取」 for a copy that has fewer tables than another of its group. */
function unreadIn<T>(s: Slot<T>, group: readonly Slot<T>[]): string | undefined {
  const missing = TABLE_IDS.filter((_, t) => !s.tables[t] && group.some((o) => o.tables[t]));
  return missing.length ? `${s.label} 的${missing.map((t) => TABLE_NAME[t]).join('、')}未能读取` : undefined;
}

/** 「a.html、a.pdf（数字相同；a.pdf 的表三未能读取） 与 b.html」: the user is told which are one report. */
const listCopies = <T>(groups: readonly Slot<T>[][]) =>
  groups
    .map((g) => {
      if (g.length === 1) return g[0]!.label;
      const unread = g.map((s) => unreadIn(s, g)).filter(Boolean);
      return `${g.map((s) => s.label).join('、')}（${['数字相同', ...unread].join('；')}）`;
    })
    .join(' 与 ');

/**
 * For a report, the first report of the year before (in the batch's order) whose body's name ends
 * with its own or is the end of it, another body's (「宿城区」 and 「宿迁市宿城区」): each found by the
 * names' ends, not by comparing every two reports.
 */
export function nameAlike<S extends { readonly body?: string; readonly year: number }>(
  dated: readonly S[],
): (s: S) => S | undefined {
  /** By year and name: the first report whose name is that, and the first whose name ends so. */
  const whole = new Map<string, number>();
  const ending = new Map<string, number>();
  dated.forEach((p, i) => {
    if (!p.body) return;
    const key = (name: string) => `${p.year}|${name}`;
    if (!whole.has(key(p.body))) whole.set(key(p.body), i);
    // Its ends shorter than itself: a name is no other body's that is the same.
    for (let k = 1; k < p.body.length; k++)
      if (!ending.has(key(p.body.slice(k)))) ending.set(key(p.body.slice(k)), i);
  });
  return (s) => {
    if (!s.body) return undefined;
    const year = s.year - 1;
    let first = Infinity;
    const take = (i: number | undefined) => {
      if (i !== undefined && i < first) first = i;
    };
    // Names ending with this one's; and the ends of this one's that are names.
    take(ending.get(`${year}|${s.body}`));
    for (let k = 1; k < s.body.length; k++) take(whole.get(`${year}|${s.body.slice(k)}`));
    return first === Infinity ? undefined : dated[first];
  };
}

/** Reports of one year whose names begin alike, looked through for a shortened name: no more. */
const MAX_ALIKE = 64;

/**
 * For a report, a report of the year before whose body's name is its own shortened, or the other way
 * round (「宿迁市卫健委」, 「宿迁市卫生健康委员会」): the same first four characters, and each character
 * of the shorter in the longer, in order. Only named for the user to pair by hand: 「宿迁市人社局」 could be
 * two bodies' short names.
 */
function abbreviationAlike<S extends { readonly body?: string; readonly year: number }>(
  dated: readonly S[],
): (s: S) => S | undefined {
  const key = (year: number, body: string) => `${year}|${body.slice(0, 4)}`;
  const buckets = new Map<string, S[]>();
  for (const p of dated) {
    if (!p.body || p.body.length < 4) continue;
    const k = key(p.year, p.body);
    const bucket = buckets.get(k) ?? [];
    if (!buckets.has(k)) buckets.set(k, bucket);
    if (bucket.length < MAX_ALIKE) bucket.push(p);
  }
  return (s) => {
    const body = s.body;
    if (!body || body.length < 4) return undefined;
    return buckets
      .get(key(s.year - 1, body))
      ?.find(
        (p) =>
          p.body !== body &&
          (p.body!.length < body.length ? abbreviates(p.body!, body) : abbreviates(body, p.body!)),
      );
  };
}

/**
 * The reports of a batch that found no report of the year before from their body, where the batch
 * holds that year, or an earlier report of their body (a year missing from a body's run): their
 * cross-year rules did not run, which the supervisor must be told, or a pass reads as checked
 * against last year. A report of last year whose body's name is near (one ends with the
 * other: 「宿豫区」, 「宿迁市宿豫区」; not the city 「宿迁市」) is named: the user can pair it by hand. A
 * batch of one year is said once; a report checked against --previous is no such report.
 */
function unpairedRemark<T>(slots: readonly Slot<T>[], settled: ReadonlySet<Slot<T>>): Remark | undefined {
  const dated = slots.filter(pairable);
  if (slots.length < 2 || !dated.length) return undefined;
  const first = Math.min(...dated.map((s) => s.year));
  const tail =
    '未核对跨年度关系；要核对的，请把上年报告放进同一批，或逐份单独校验并用 --previous 指定上年报告';
  const oneYear = dated.every((s) => s.year === first);
  if (oneYear && first <= FIRST_FORMAT_YEAR) return undefined;
  if (oneYear && !dated.some((s) => s.withPrevious)) {
    const all =
      dated.length === slots.filter((s) => !s.unfilled).length ? '本批的报告都是' : '本批注明年度的报告都是';
    return remarkOf(`${all} ${first} 年度的，${tail}`);
  }
  const years = new Set(dated.map((s) => s.year));
  // Looked up, not searched for each report: a batch of thousands of bodies' reports has thousands alone.
  const firstYear = new Map<string, number>();
  for (const p of dated)
    if (p.body !== undefined) firstYear.set(p.body, Math.min(p.year, firstYear.get(p.body) ?? p.year));
  const gap = (s: (typeof dated)[number]) => s.body !== undefined && firstYear.get(s.body)! < s.year;
  // A copy without its body's name is named by unnamedRemark, for that.
  const alone = dated.filter(
    (s) => (oneYear || years.has(s.year - 1) || gap(s)) && !settled.has(s) && !s.withPrevious && !unnamed(s),
  );
  if (!alone.length) return undefined;
  const near = nameAlike(dated);
  const shortened = abbreviationAlike(dated);
  // Every one named, however many: a supervisor must know which reports were not checked against last year.
  const named = alone.map((s) => {
    const like = near(s) ?? shortened(s);
    return like ? `${s.label}（本批有名称相近的 ${s.year - 1} 年度报告 ${like.label}）` : s.label;
  });
  return {
    of: named,
    says: `本批中没有同一机关上一年度的报告，${tail}`,
    all: alone.length === slots.length && named.every((n, i) => n === alone[i]!.label),
  };
}

/** Reports of a batch of many whose year was found nowhere: not paired, which the supervisor is told. */
function undatedRemark<T>(slots: readonly Slot<T>[]): Remark | undefined {
  const undated = slots.filter((s) => s.year === undefined && !s.unfilled);
  if (slots.length < 2 || !undated.length) return undefined;
  return {
    of: undated.map((s) => s.label),
    says: '没有找到报告年度（标题、统计期限、落款日期或「报告年度」一栏），未核对跨年度关系',
    all: undated.length === slots.length,
  };
}

/** A published report whose body was found nowhere: no title, no signature. */
const unnamed = <T>(s: Slot<T>) => s.text && s.body === undefined && !s.unfilled;

/**
 * Published reports of a batch of many whose body was found nowhere (a copy without its title and
 * signature): not paired with their body's other years, which the supervisor is told. A workbook's
 * 机关名称 left blank has a finding of its own.
 */
function unnamedRemark<T>(slots: readonly Slot<T>[]): Remark | undefined {
  const nameless = slots.filter(unnamed);
  if (slots.length < 2 || !nameless.length) return undefined;
  return {
    of: nameless.map((s) => s.label),
    says: '没有找到机关名称（标题、落款），未与同一机关其他年度的报告配对；请校验带标题和落款的原文',
    all: nameless.length === slots.length,
  };
}

/**
 * Reports of one year with the same numbers in every row, and all their rows read, whose bodies'
 * names differ: the same report under two names (「宿豫区」, 「宿迁市宿豫区人民政府」), counted as
 * two bodies' reports; or one body's report taken over by another. A remark each.
 */
function sameNumbersRemarks<T>(slots: readonly Slot<T>[]): Remark[] {
  const groups = new Map<string, Slot<T>[]>();
  for (const s of slots) {
    if (!pairable(s) || !s.weighty || !s.body || s.rows.includes(0)) continue;
    const key = `${s.edition}|${s.year}|${s.rows.join(',')}`;
    const group = groups.get(key);
    if (group) group.push(s);
    else groups.set(key, [s]);
  }
  const out: Remark[] = [];
  for (const group of groups.values()) {
    const bodies = [...new Set(group.map((s) => s.body!))];
    if (bodies.length < 2) continue;
    out.push({
      of: group.map((s) => s.label),
      all: group.length === slots.length,
      says: `数字完全相同，机关名称却不同（${bodies.join('、')}）。若是同一机关的同一份报告，请统一机关名称（现按 ${bodies.length} 个机关的报告各算一份）；若是不同机关的，请核对是否照抄了其他机关的报告`,
    });
  }
  return out;
}

/**
 * A year a file's name gives (「宿迁市2024年政府信息公开工作年度报告.pdf」): 「2024年」, not a date's
 * (「2025-01-20」, 「2025年1月20日发布」).
 */
const NAME_YEAR = /(20\d{2})\s*年(?!\s*\d{1,2}\s*月)/g;

/**
 * Reports each alone in its file whose file's name says another thing than the report itself:
 * `differs` says what (after the report's label), where it does; the remark says `says` of them.
 */
function fileNameRemark<T>(
  slots: readonly Slot<T>[],
  files: readonly string[],
  sole: (s: Slot<T>) => boolean,
  differs: (s: Slot<T>, name: string) => string | undefined,
  says: string,
): Remark | undefined {
  const misnamed = slots.flatMap((s) => {
    if (s.unfilled || !sole(s)) return [];
    const why = differs(s, basename(files[s.fileIndex]!));
    return why ? [`${s.label}（${why}）`] : [];
  });
  return misnamed.length ? { of: misnamed, says } : undefined;
}

/**
 * A file's name that gives another year than the report's own (its title, its period): a download
 * saved under the wrong name, whose year's report may be missing from the batch, and which is
 * taken for a copy of the report it is. A name with two years says nothing certain.
 */
function otherYear<T>(s: Slot<T>, name: string): string | undefined {
  if (s.year === undefined) return undefined;
  const years = new Set([...name.matchAll(NAME_YEAR)].map((m) => Number(m[1])));
  const [named] = years;
  return years.size === 1 && named !== s.year ? `文件名是 ${named} 年，内容是 ${s.year} 年度` : undefined;
}

/** The body a file's name gives before its year: 「附件3 宿迁市林业局2024年报.pdf」 → 「宿迁市林业局」. */
const NAME_BODY =
  /([\u4e00-\u9fff（）()]{2,30}?(?:人民政府|政府|办公室|办公厅|委员会|局|委|厅|院|署|中心|区|县|市|镇|乡|街道))\s*20\d{2}\s*年/;

/** 「卫健委」 in 「卫生健康委员会」: each character of the shorter name in the longer one, in order (an abbreviation). */
function abbreviates(short: string, long: string): boolean {
  let at = 0;
  for (const c of short) {
    at = long.indexOf(c, at) + 1;
    if (!at) return false;
  }
  return true;
}

/**
 * A file's name that gives another body than the report's own: a file sent under the wrong name,
 * which the named body's report may be missing for. A name that is the report's body's shortened
 * (「宿城区」, 「宿迁市卫健委」) is that body's.
 */
function otherBody<T>(s: Slot<T>, name: string): string | undefined {
  if (!s.body) return undefined;
  const named = name.includes('年') ? NAME_BODY.exec(name)?.[1] : undefined;
  if (!named) return undefined;
  const [a, b] = [bodyKey(named), s.body];
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return abbreviates(short, long) ? undefined : `文件名是「${named}」，内容是「${s.body}」`;
}

/** The report of --previous for `report`: the only one, or the one of the year before. */
function previousFor(report: Report, source: PreviousSource): Report | undefined {
  if (source.reports.length === 1) return source.reports[0];
  const year = report.year;
  const fits = source.reports.filter((r) => year !== undefined && r.year === year - 1);
  return fits.length === 1 ? fits[0] : undefined;
}

/** Keeps the last few files read: a pair's two reports often share a file with the next pair. */
class RecentFiles {
  private readonly files = new Map<number, FileRead>();
  constructor(private readonly read: (i: number) => Promise<FileRead>) {}
  async get(i: number): Promise<FileRead> {
    let f = this.files.get(i);
    if (!f) {
      f = await this.read(i);
      if (this.files.size >= 4) this.files.delete(this.files.keys().next().value!);
      this.files.set(i, f);
    }
    return f;
  }
}

/**
 * Checks every report of the files. Each file is read once and each report checked at once; the
 * batch keeps of it only its place, its agency and year, and what the sink keeps. Once every file
 * is read, the reports that have last year's report in the batch are checked again with it: only
 * their two files are read again; those checked against --previous take no other. Results reach
 * the sink in file order.
 */
export async function checkBatch<T>(
  files: readonly string[],
  sink: BatchSink<T>,
  options: BatchOptions = {},
): Promise<BatchTotals> {
  const read = options.read ?? readFromDisk;
  const unreadable: Unreadable[] = [];
  const notChecked: Unreadable[] = [];
  const notes: string[] = [];
  const remarks: Remark[] = [];
  const slots: Slot<T>[] = [];
  let internalErrors = 0;
  const similarity = options.similarity !== undefined ? { similarity: options.similarity } : {};

  let passedOver = 0;
  const failed = (file: string, e: unknown) => {
    if (e instanceof OwnOutputFile && options.passOver?.has(file)) passedOver++;
    else if (e instanceof NotAReportFile) notChecked.push({ file, message: e.message });
    else if (e instanceof UnreadableFile) unreadable.push({ file, message: e.message });
    else {
      internalErrors++;
      options.onInternalError?.(file, e);
      const missing = missingPart(e);
      unreadable.push({
        file,
        message: missing
          ? `${file}：${missing}`
          : `${file}：读取或校验时出现内部错误（${oneLine(e)}），请把该文件报告给开发者`,
      });
    }
  };

  /** Reports --previous is not last year's report of, and whether it is any report's. */
  const misfits: { last: number; label: string; year: number }[] = [];
  /** Reports of other bodies than --previous's, in a batch: it is not theirs. */
  const othersOf: { body: string; labels: string[] } = { body: '', labels: [] };
  for (const [fileIndex, file] of files.entries()) {
    options.onProgress?.(`校验中 ${fileIndex + 1}/${files.length}…`);
    try {
      const { reports } = await read(file);
      const many = files.length > 1 || reports.length > 1;
      const checked = reports.map((report): Checked => {
        const source = options.previous;
        let last = source ? previousFor(report, source) : undefined;
        const otherBody =
          last?.agency !== undefined &&
          report.agency !== undefined &&
          bodyKey(last.agency) !== bodyKey(report.agency);
        if (last && otherBody && files.length > 1) {
          // A folder of several bodies: --previous is its own body's, the others pair as ever.
          othersOf.body = last.agency!;
          othersOf.labels.push(where(file, report));
          last = undefined;
        }
        if (
          source &&
          last &&
          last.year !== undefined &&
          report.year !== undefined &&
          last.year !== report.year - 1
        ) {
          misfits.push({ last: last.year, label: where(file, report), year: report.year });
          last = undefined;
        }
        if (last && otherBody)
          remarks.push({
            of: [where(file, report)],
            says: `本报告是「${report.agency}」的，--previous ${source!.label} 是「${last.agency}」的，不是同一机关；仍按上年报告核对`,
          });
        const findings = check(report, { ...(last ? { previous: last } : {}), ...similarity });
        // Of a workbook of several reports, which one.
        const lastLabel = last && (source!.reports.length > 1 ? where(source!.label, last) : source!.label);
        return result(file, report, findings, lastLabel);
      });
      checked.forEach((c, index) => {
        const report = reports[index]!;
        const slot: Slot<T> = {
          fileIndex,
          index,
          label: where(file, report),
          ...(report.agency ? { body: bodyKey(report.agency) } : {}),
          ...(report.year !== undefined ? { year: report.year } : {}),
          edition: report.edition,
          rows: many ? rowNumbers(report) : new Uint32Array(0),
          tables: tablesWhole(report),
          unfilled: isUnfilled(report),
          text: report.published !== undefined,
          withPrevious: c.previous !== undefined,
          weighty: many && hasCopyEvidence(report),
          kept: sink.keep(c),
          errors: errorsOf(c),
        };
        slots.push(slot);
      });
    } catch (e) {
      failed(file, e);
    }
  }

  const found = pairs(slots, remarks);
  // A report with two candidates is said already.
  const alone = unpairedRemark(slots, new Set([...found.paired.keys(), ...found.undecided]));
  if (alone) remarks.push(alone);
  const undated = undatedRemark(slots);
  if (undated) remarks.push(undated);
  const unnamed = unnamedRemark(slots);
  if (unnamed) remarks.push(unnamed);
  // A file's name speaks of its report where the file holds one: a workbook of several years, not.
  const perFile = new Map<number, number>();
  for (const s of slots) perFile.set(s.fileIndex, (perFile.get(s.fileIndex) ?? 0) + 1);
  const sole = (s: Slot<T>) => perFile.get(s.fileIndex) === 1;
  for (const [differs, says] of [
    [
      otherYear,
      '文件名中的年度与报告本身的年度（标题、统计期限等）不同，请确认文件是否放错；文件名所说年度的报告可能不在本批中',
    ],
    [otherBody, '文件名中的机关与报告本身的机关不同，请确认文件是否放错；文件名所说机关的报告可能不在本批中'],
  ] as const) {
    const misnamed = fileNameRemark(slots, files, sole, differs, says);
    if (misnamed) remarks.push(misnamed);
  }
  remarks.push(...sameNumbersRemarks(slots));
  const paired = [...found.paired];
  const recent = new RecentFiles((i) => read(files[i]!));
  for (const [k, [slot, last]] of paired.entries()) {
    options.onProgress?.(`核对跨年度 ${k + 1}/${paired.length}…`);
    const file = files[slot.fileIndex]!;
    try {
      const report = (await recent.get(slot.fileIndex)).reports[slot.index];
      const previous = (await recent.get(last.fileIndex)).reports[last.index];
      // A file changed since it was read keeps its first result.
      if (!report || !previous) continue;
      const c = result(file, report, check(report, { previous, ...similarity }), last.label);
      slot.kept = sink.keep(c);
      slot.errors = errorsOf(c);
    } catch (e) {
      // Read once already: a file gone since keeps its result without last year's.
      if (!(e instanceof UnreadableFile)) failed(file, e);
    }
  }
  // Each report's copies, by the report they are counted as: most batches have none.
  const groups = new Map<Slot<T>, Slot<T>[]>();
  for (const [copy, of] of found.copies) {
    if (!groups.has(of)) groups.set(of, [of]);
    groups.get(of)!.push(copy);
  }
  const none: readonly string[] = [];
  for (const s of slots) {
    const group = groups.get(found.copies.get(s) ?? s);
    sink.emit(s.kept, {
      label: s.label,
      copies: group ? group.filter((o) => o !== s).map((o) => o.label) : none,
    });
  }
  // --previous that is last year's report of none: a mistake, said as one. Where it is some
  // reports' (a folder of two years), the others are only told it is not theirs.
  const label = options.previous?.label;
  const fitted = slots.some((s) => s.withPrevious);
  const pairedHere = new Set(paired.map(([s]) => s.label));
  if (othersOf.labels.length)
    remarks.push(
      remarkOf(
        `--previous ${label} 是「${othersOf.body}」的，只用于同一机关的报告；${othersOf.labels.join('、')} 是其他机关的，未按它核对`,
      ),
    );
  for (const m of misfits)
    if (pairedHere.has(m.label))
      remarks.push(
        remarkOf(
          `--previous ${label} 是 ${m.last} 年度的报告，不是 ${m.label}（${m.year} 年度）的上一年度，未按它核对；已按本批中的上年报告核对`,
        ),
      );
    else if (fitted)
      remarks.push(
        remarkOf(
          `--previous ${label} 是 ${m.last} 年度的报告，只用于 ${m.last + 1} 年度的报告；${m.label}（${m.year} 年度）未核对跨年度关系`,
        ),
      );
    else
      notes.push(
        `--previous ${label} 是 ${m.last} 年度的报告，不是 ${m.label}（${m.year} 年度）的上一年度：未核对跨年度关系`,
      );
  options.onProgress?.('');
  return {
    reports: slots.length,
    copies: found.copies.size,
    withErrors: slots.filter((s) => s.errors === 'errors').length,
    distinctWithErrors: distinctWithErrors(slots, found.copies),
    unreadTables: slots.filter((s) => s.errors === 'unread').length,
    unreadable,
    notChecked,
    notes,
    remarks,
    internalErrors,
    passedOver,
  };
}

import { check, compact, type Report } from '../core.js';
import type { Checked } from './output.js';
import { type FoundReport, readReports, UnreadableFile } from './sources.js';

export interface Unreadable {
  readonly file: string;
  readonly message: string;
}

export interface BatchOptions {
  /** Last year's report for every report of the batch; otherwise pairs are found in the batch. */
  readonly previous?: FoundReport;
  /** Share of repeated text above which 内容雷同 is flagged (0–1). */
  readonly similarity?: number;
  readonly onProgress?: (done: number, total: number, file: string) => void;
  readonly onResult?: (c: Checked) => void;
}

interface Entry {
  readonly file: string;
  readonly sheet?: string;
  readonly agency?: string;
  readonly year?: number;
}

const where = (e: { file: string; sheet?: string }) => (e.sheet ? `${e.file}「${e.sheet}」` : e.file);

/** Reads files again when asked, keeping only the last few: a batch never holds all its reports. */
class ReportCache {
  private readonly files = new Map<string, FoundReport[]>();
  constructor(private readonly size = 4) {}
  async get(entry: Entry): Promise<FoundReport> {
    let found = this.files.get(entry.file);
    if (!found) {
      found = await readReports(entry.file);
      if (this.files.size >= this.size) this.files.delete(this.files.keys().next().value!);
      this.files.set(entry.file, found);
    }
    return found.find((f) => f.sheet === entry.sheet) ?? found[0]!;
  }
}

/** Reports of the same agency one year apart, by agency name with spacing ignored. */
function pairs(entries: readonly Entry[]): Map<Entry, Entry> {
  const byKey = new Map<string, Entry[]>();
  for (const e of entries) {
    if (!e.agency || !e.year) continue;
    const key = `${compact(e.agency)}|${e.year}`;
    byKey.set(key, [...(byKey.get(key) ?? []), e]);
  }
  const out = new Map<Entry, Entry>();
  for (const e of entries) {
    const last = e.agency && e.year ? byKey.get(`${compact(e.agency)}|${e.year - 1}`) : undefined;
    // Two candidates for last year: no guess.
    if (last?.length === 1) out.set(e, last[0]!);
  }
  return out;
}

/**
 * Checks every report of the files: first a pass that notes each report's agency and year, then
 * one that checks each against last year's where the batch has it.
 */
export async function checkBatch(
  files: readonly string[],
  options: BatchOptions = {},
): Promise<{ checked: Checked[]; unreadable: Unreadable[] }> {
  const unreadable: Unreadable[] = [];
  const entries: Entry[] = [];
  for (const file of files) {
    try {
      for (const f of await readReports(file))
        entries.push({ file, sheet: f.sheet, agency: f.report.agency, year: f.report.year });
    } catch (e) {
      if (!(e instanceof UnreadableFile)) throw e;
      unreadable.push({ file, message: e.message });
    }
  }
  const paired = options.previous ? new Map<Entry, Entry>() : pairs(entries);
  const cache = new ReportCache();
  const checked: Checked[] = [];
  for (const [i, entry] of entries.entries()) {
    options.onProgress?.(i, entries.length, entry.file);
    const { report } = await cache.get(entry);
    const last = paired.get(entry);
    const previous: { report: Report; label: string } | undefined = options.previous
      ? { report: options.previous.report, label: where(options.previous) }
      : last
        ? { report: (await cache.get(last)).report, label: where(last) }
        : undefined;
    const result: Checked = {
      file: entry.file,
      ...(entry.sheet ? { sheet: entry.sheet } : {}),
      edition: report.edition,
      ...(report.year ? { year: report.year } : {}),
      ...(report.agency ? { agency: report.agency } : {}),
      ...(previous ? { previous: previous.label } : {}),
      findings: check(report, {
        ...(previous ? { previous: previous.report } : {}),
        ...(options.similarity !== undefined ? { similarity: options.similarity } : {}),
      }),
    };
    checked.push(result);
    options.onResult?.(result);
  }
  options.onProgress?.(entries.length, entries.length, '');
  return { checked, unreadable };
}

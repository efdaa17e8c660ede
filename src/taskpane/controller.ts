import {
  auditOf,
  canExplain,
  clusterByCulprit,
  type Edition,
  type Finding,
  findingAddress,
  findingPlace,
  groupByTable,
  importedMessage,
  listedCells,
  noteFor,
  type PdfReader,
  notesGrid,
  readPublished,
  ReadProblem,
  readReportFile,
  readText,
  type Report,
  tidiedNote,
  unreadParts,
  whoseReport,
  workbookValues,
} from '../core.js';
import { checkWorkbook, type PreviousChoice, type WorkbookCheck } from '../host/check.js';
import type { SheetHost } from '../host/sheet-host.js';

/** 「（保定市竞秀区人民政府 2019 年度）」 after a report's source, as much as the report tells. */
function aboutOf(r: Report): string {
  const whose = whoseReport(r);
  return whose ? `（${whose}）` : '';
}

export type Task = 'check' | 'recheck' | 'clear' | 'insert' | 'apply' | 'select' | 'note' | 'audit';

export interface Notice {
  readonly intent: 'success' | 'info' | 'warning' | 'error';
  readonly text: string;
  /** What a check found beside its findings (a 说明 lapsed, last year's not found): each check says it anew. */
  readonly ofCheck?: boolean;
}

export interface PaneState {
  /** The task under way, if any. */
  readonly busy?: Task;
  /** The last 校验; the list shows it and it is kept up to date while the clerk edits the report. */
  readonly result?: WorkbookCheck;
  /** The check after `result` failed: the list may no longer match the report. */
  readonly stale?: boolean;
  /** How many times the clerk pressed 校验 (automatic re-checks are not counted). */
  readonly checks: number;
  /** Automatic re-checks since the last 校验: said, so the clerk sees the list follows the edits. */
  readonly rechecks: number;
  readonly notice?: Notice;
  /** Which report the cross-year rules compare with: found in the workbook unless the clerk chose. */
  readonly previous: PreviousChoice;
  /** The finding the clerk went to last (上一个/下一个), by its card's key. */
  readonly cursor?: string;
  /** 插入模板 asked from the ribbon: the sidebar asks for the year. */
  readonly asking?: Edition;
  /**
   * Cells 改为 found to hold a formula (sheet id and address): their cards offer 改为 no more, until
   * the sheet is edited. A check reads values alone, in one round trip; a formula is met only when
   * written to.
   */
  readonly formulas?: ReadonlySet<string>;
}

export interface ControllerOptions {
  /** Milliseconds of quiet after the last edit before the re-check. */
  readonly recheckDelay?: number;
  /** The clerk's clock, for 说明 and the 审核报告. */
  readonly now?: () => Date;
  /** Reads a PDF to import within bounds (a worker), where the host has one. */
  readonly readPdf?: PdfReader;
}

/**
 * A cell 上一个/下一个 go to: the finding a card stands for and where it points, in the order the
 * sidebar lists them. A card that lists cells to mend one by one (G-01's numbers as text) has a
 * stop at each of them.
 */
export interface Stop {
  readonly key: string;
  /** The card's key (see clusterByCulprit). */
  readonly card: string;
  readonly finding: Finding;
  readonly address: string;
  /** Which of its card's cells it is, and how many the card lists, where it lists several. */
  readonly ofCard?: readonly [number, number];
}

export function stopsOf(findings: readonly Finding[]): Stop[] {
  // A warning answered with a 说明 is listed apart, folded, and not marked: no place to go through.
  return groupByTable(findings.filter((f) => !f.note)).flatMap((g) =>
    clusterByCulprit(g.findings).flatMap((c): Stop[] => {
      const finding = c.findings[0]!;
      const address = findingAddress(finding);
      if (!address) return [];
      const listed = listedCells(finding);
      if (!listed) return [{ key: c.key, card: c.key, finding, address }];
      return listed.map((a, i) => ({
        key: i ? `${c.key}#${i + 1}` : c.key,
        card: c.key,
        finding,
        address: a,
        ofCard: [i + 1, listed.length] as const,
      }));
    }),
  );
}

const formulaKey = (sheetId: string, address: string) => `${sheetId}!${address}`;

const APPLY_REFUSED = {
  changed: '该格的内容在校验后已被改动，未写入；已按现在的内容重新校验。',
  formula: '该格是公式，未写入：请改正公式所引用的单元格。已重新校验。',
  gone: '该工作表已不存在，未写入。',
  stale: '表格在校验后又有改动，已重新校验：原来的建议已不适用，未写入，请看新的提示。',
} as const;

/**
 * The sidebar's state and every action on it, shared by the ribbon commands and the sidebar (one
 * instance in the shared runtime). Tasks run one at a time, in order; the spreadsheet is reached
 * only through `host`.
 */
export class PaneController {
  private state: PaneState = { checks: 0, rechecks: 0, previous: { kind: 'auto' } };
  private readonly listeners = new Set<() => void>();
  private timer?: ReturnType<typeof setTimeout>;
  private watching?: Promise<void>;
  private queue: Promise<unknown> = Promise.resolve();
  /** A check waiting for its turn: a second request joins it instead of queuing another. */
  private waitingCheck?: Promise<WorkbookCheck | undefined>;
  private readonly recheckDelay: number;
  private readonly now: () => Date;
  private readonly readPdf: ControllerOptions['readPdf'];
  /** The report was edited since the list was made: a re-check is waiting for the clerk to pause. */
  private edited = false;

  constructor(
    readonly host: SheetHost,
    options: ControllerOptions = {},
  ) {
    this.recheckDelay = options.recheckDelay ?? 600;
    this.now = options.now ?? (() => new Date());
    this.readPdf = options.readPdf;
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getState = (): PaneState => this.state;

  private set(patch: Partial<PaneState>): void {
    this.replace({ ...this.state, ...patch });
  }

  private replace(state: PaneState): void {
    this.state = state;
    for (const l of this.listeners) l();
  }

  /** Registers for worksheet changes once, so the list re-checks by itself. */
  watch(): Promise<void> {
    this.watching ??= this.host
      .watchChanges((sheetId) => this.onChange(sheetId))
      .catch(() => {
        // Without events the list simply does not refresh by itself; 校验 still works.
        this.watching = undefined;
      });
    return this.watching;
  }

  private onChange(sheetId: string): void {
    const result = this.state.result;
    if (!result?.report || this.state.busy === 'clear') return;
    // Last year's sheets too: a number fixed there, or the sheet deleted, changes what is said here.
    const watched = [...result.sheets, ...(result.previous?.sheets ?? [])];
    if (!watched.some((s) => s.id === sheetId)) return;
    this.edited = true;
    // A formula met by 改为 may be gone now (a number typed over it): its cards offer 改为 again.
    const formulas = this.state.formulas;
    if (formulas?.size)
      this.set({ formulas: new Set([...formulas].filter((k) => !k.startsWith(`${sheetId}!`))) });
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.recheck(true), this.recheckDelay);
  }

  /** Runs `body` after every task before it; a failure becomes a Chinese message. */
  private enqueue<T>(task: Task, body: () => Promise<T>): Promise<T | undefined> {
    const run = this.queue.then(async () => {
      this.set({ busy: task });
      try {
        return await body();
      } catch (e) {
        this.set({ notice: { intent: 'error', text: this.host.explainError(e) } });
        return undefined;
      } finally {
        this.set({ busy: undefined });
      }
    });
    this.queue = run;
    return run;
  }

  /** 校验 the active sheet's report. */
  check(): Promise<WorkbookCheck | undefined> {
    void this.watch();
    return this.runCheck('check');
  }

  /**
   * The same check of the same report, wherever the clerk is now: not counted as a 校验, but as an
   * update `afterEdit` of the sheet (a choice of last year's report or a 说明 is no edit).
   */
  private recheck(afterEdit = false): Promise<WorkbookCheck | undefined> {
    if (!this.state.result?.report) return Promise.resolve(undefined);
    return this.runCheck('recheck', afterEdit);
  }

  private runCheck(task: 'check' | 'recheck', afterEdit = false): Promise<WorkbookCheck | undefined> {
    if (this.waitingCheck) return this.waitingCheck;
    const waiting = this.enqueue(task, async () => {
      this.waitingCheck = undefined;
      // This check reads every edit made so far: a re-check still waiting would add nothing.
      clearTimeout(this.timer);
      this.edited = false;
      // A re-check follows the report it checked, by sheet id; 校验 takes the sheet in front.
      const sheetId = task === 'recheck' ? this.state.result?.sheet.id : undefined;
      if (task === 'recheck' && !sheetId) return undefined;
      let result: WorkbookCheck;
      try {
        result = await checkWorkbook(this.host, {
          ...(sheetId ? { sheetId } : {}),
          previous: this.state.previous,
        });
      } catch (e) {
        // The list stays, said to be out of date: a cell being edited can fail a check for a moment.
        if (this.state.result) this.set({ stale: true });
        throw e;
      }
      const stops = stopsOf(result.findings);
      this.set({
        result: result.report ? result : undefined,
        stale: false,
        // Counted for the report in front: 校验 of another sheet starts again from one.
        checks:
          task === 'check'
            ? result.report && this.state.result?.sheet.id === result.sheet.id
              ? this.state.checks + 1
              : 1
            : this.state.checks,
        rechecks: task === 'check' ? 0 : this.state.rechecks + (afterEdit ? 1 : 0),
        cursor: stops.some((s) => s.key === this.state.cursor) ? this.state.cursor : undefined,
        notice: result.problem
          ? { intent: result.report ? 'warning' : 'error', text: result.problem, ofCheck: true }
          : // A re-check keeps what was said, but not why the check before it failed, nor what
            // the check before found that this one does not.
            task === 'recheck' &&
              !this.state.notice?.ofCheck &&
              !(this.state.stale && this.state.notice?.intent === 'error')
            ? this.state.notice
            : undefined,
      });
      return result;
    });
    this.waitingCheck = waiting;
    return waiting;
  }

  /** 清除标记: marks off everywhere, list closed, no more re-checks until the next 校验. */
  async clear(): Promise<void> {
    clearTimeout(this.timer);
    await this.enqueue('clear', async () => {
      const n = await this.host.clearMarks();
      this.set({
        result: undefined,
        stale: false,
        cursor: undefined,
        notice: {
          intent: 'info',
          text: n ? `已清除 ${n} 张工作表上的校验标记。` : '工作簿中没有年报校验的标记。',
        },
      });
    });
  }

  /** 插入模板 from the ribbon: the sidebar asks which year first. */
  requestInsert(edition: Edition): void {
    this.set({ asking: edition });
  }

  /**
   * The year a new template is for, unless the clerk says otherwise: last year, within the edition's
   * years; from November on, this year's, whose report is being got ready (due by the end of January).
   */
  defaultYear(edition: Edition): number {
    const now = this.now();
    const last = now.getFullYear() - (now.getMonth() >= 10 ? 0 : 1);
    return edition === '2019' ? Math.min(last, 2020) : Math.max(last, 2021);
  }

  /** The body the clerk's last checked report names: next year's template is most often its. */
  defaultAgency(): string {
    return this.state.result?.report?.agency ?? '';
  }

  async insert(edition: Edition, year?: number, agency?: string): Promise<void> {
    this.set({ asking: undefined });
    const body = agency?.trim();
    await this.enqueue('insert', async () => {
      const name = await this.host.insertTemplate(edition, {
        ...(year ? { year } : {}),
        ...(body ? { agency: body } : {}),
      });
      this.set({
        notice: { intent: 'success', text: `已插入 ${edition} 版模板「${name}」。填好数字后点「校验」。` },
      });
    });
  }

  private sheetIdOf(f: Finding): string | undefined {
    const result = this.state.result;
    if (!result) return undefined;
    return f.sheet ? result.sheets.find((s) => s.name === f.sheet)?.id : result.sheet.id;
  }

  /** Whether the finding's cell was found to hold a formula (see PaneState.formulas). */
  isFormula(f: Finding): boolean {
    const address = findingAddress(f);
    const sheetId = this.sheetIdOf(f);
    return !!address && !!sheetId && !!this.state.formulas?.has(formulaKey(sheetId, address));
  }

  /** Selects and scrolls to the finding's cell, switching sheet when it is on another. */
  async select(f: Finding): Promise<void> {
    const stop = stopsOf(this.state.result?.findings ?? []).find((s) => s.finding === f);
    await this.goTo(f, stop?.address ?? findingAddress(f), stop?.key);
  }

  /** Selects `address` on the finding's sheet; `key`, the stop it is, becomes the cursor. */
  private async goTo(f: Finding, address: string | undefined, key?: string): Promise<void> {
    const sheetId = this.sheetIdOf(f);
    if (!address || !sheetId) return;
    if (key) this.set({ cursor: key });
    await this.enqueue('select', () => this.host.select(sheetId, address));
  }

  /** 上一个 / 下一个: the next cell a finding points to, in the sidebar's order, round the end. */
  async step(direction: 1 | -1): Promise<void> {
    const stops = stopsOf(this.state.result?.findings ?? []);
    if (!stops.length) return;
    const at = stops.findIndex((s) => s.key === this.state.cursor);
    const next =
      at < 0 ? (direction > 0 ? 0 : stops.length - 1) : (at + direction + stops.length) % stops.length;
    const stop = stops[next]!;
    await this.goTo(stop.finding, stop.address, stop.key);
  }

  /** 「改为 N」: writes the suggested value only into the cell as it was when checked, then re-checks. */
  async apply(given: Finding): Promise<void> {
    let f = given;
    if (this.edited) {
      // An edit not yet re-checked may have changed what fixes the report: the list first.
      await this.recheck(true);
      const same = this.state.result?.findings.find(
        (g) => g.rule === f.rule && g.culprit === f.culprit && g.suggested === f.suggested,
      );
      if (!same) {
        this.set({ notice: { intent: 'warning', text: APPLY_REFUSED.stale } });
        return;
      }
      f = same;
    }
    const address = findingAddress(f);
    const sheetId = this.sheetIdOf(f);
    const report = this.state.result?.report;
    if (!address || !sheetId || !report || f.suggested === undefined || !f.culprit) return;
    const expected = report.cells.get(f.culprit)?.raw ?? '';
    const value = f.suggested;
    const outcome = await this.enqueue('apply', () =>
      this.host.applyValue(sheetId, address, expected, value),
    );
    if (outcome && outcome !== 'written') {
      this.set({
        notice: { intent: 'warning', text: APPLY_REFUSED[outcome] },
        ...(outcome === 'formula'
          ? { formulas: new Set([...(this.state.formulas ?? []), formulaKey(sheetId, address)]) }
          : {}),
      });
    }
    // A value written raises a change event, which re-checks; otherwise re-check now.
    if (outcome === 'changed' || outcome === 'formula' || (outcome === 'written' && !this.watching))
      await this.recheck(outcome === 'written');
  }

  /** A 说明 for a warning (or none, to withdraw it), kept in the workbook; the list re-checks. */
  async explain(f: Finding, text: string): Promise<void> {
    const result = this.state.result;
    if (!result?.report || !canExplain(f)) return;
    const report = result.report;
    await this.enqueue('note', async () => {
      const notes = new Map(result.notes);
      const note = noteFor(f, report, text, this.now(), findingPlace(f));
      if (note.text) notes.set(note.fingerprint, note);
      else notes.delete(note.fingerprint);
      await this.host.writeNotes(notesGrid(notes.values()));
    });
    await this.recheck();
  }

  /**
   * 生成审核报告: the report as it is now, checked afresh (the sheet may have been renamed or edited
   * since the list was made), as a sheet that prints on A4. From the ribbon before any 校验, it checks first.
   */
  async audit(): Promise<void> {
    if (this.state.result?.report) await this.recheck();
    else await this.check();
    const result = this.state.result;
    if (!result?.report || this.state.stale) {
      if (!this.state.notice)
        this.set({
          notice: { intent: 'warning', text: '没有校验结果，未生成审核报告：请先打开年报所在的工作表再试。' },
        });
      return;
    }
    const report = result.report;
    await this.enqueue('audit', async () => {
      const audit = auditOf(report, result.findings, {
        checkedAt: this.now(),
        // A published report has no sheets of its own: the one the offline page shows it on is the page's.
        source: [
          this.host.documentName,
          report.published ? '' : result.sheets.map((s) => `工作表「${s.name}」`).join('、'),
        ]
          .filter(Boolean)
          .join(' · '),
        ...(result.previous ? { previous: result.previous.label } : {}),
        ...(result.rivals
          ? {
              remarks: [
                `本文件中另有同一年度、数字不同的报告（${result.rivals.join('；')}）：请确认审核的是要发布的那一份。`,
              ],
            }
          : {}),
      });
      this.set({ notice: { intent: 'success', text: await this.host.writeAudit(audit) } });
    });
  }

  /**
   * Another file opened (the offline page): its 校验 counted from one, last year's report found anew
   * (a choice made for the file before is not this file's), the cursor back at the start.
   */
  newDocument(): void {
    const { busy } = this.state;
    this.replace({ checks: 0, rechecks: 0, previous: { kind: 'auto' }, ...(busy ? { busy } : {}) });
  }

  /** Which report is last year's: found by itself (auto), none, a sheet, or pasted text. */
  setPrevious(previous: PreviousChoice): void {
    this.set({ previous });
    void this.recheck();
  }

  /** Last year's report from its published text, pasted. */
  usePreviousText(text: string): void {
    const r = readText(text);
    if (!r.report) return this.set({ notice: { intent: 'error', text: `上年报告：${r.problem}` } });
    this.setPrevious({ kind: 'text', report: r.report, label: `粘贴的文字${aboutOf(r.report)}` });
  }

  /**
   * Last year's report from its file: last year's workbook, or its published page, PDF or Word file.
   * Of a workbook that holds several years, the year before this report's.
   */
  async usePreviousFile(name: string, bytes: Uint8Array): Promise<void> {
    const refused = (text: string) =>
      this.set({ notice: { intent: 'error', text: `上年报告：${name}：${text}` } });
    let reports: readonly Report[];
    try {
      ({ reports } = await readReportFile(name, bytes, this.readPdf ? { readPdf: this.readPdf } : {}));
    } catch (e) {
      if (e instanceof ReadProblem) return refused(e.message);
      throw e;
    }
    const year = this.state.result?.report?.year;
    const report =
      reports.length === 1 ? reports[0] : reports.find((r) => year !== undefined && r.year === year - 1);
    if (!report) {
      const years = reports.map((r) => (r.year ? `${r.year} 年度` : '年度不明')).join('、');
      return refused(
        `其中有 ${reports.length} 份报告（${years}）${year ? `，没有 ${year - 1} 年度的` : ''}：请选只有上年报告的文件。`,
      );
    }
    this.setPrevious({ kind: 'text', report: { ...report, file: name }, label: `${name}${aboutOf(report)}` });
  }

  /** 导入已发布年报: a published report's text, pasted, into a new template sheet. */
  async importText(text: string): Promise<void> {
    const r = readText(text);
    if (!r.report) return this.set({ notice: { intent: 'error', text: `导入失败：${r.problem}` } });
    await this.importReport(r.report);
  }

  /** 导入已发布年报 from its file: a page, a PDF or a Word file the clerk chose or dropped. */
  async importFile(name: string, bytes: Uint8Array): Promise<void> {
    const r = await readPublished(name, bytes, this.readPdf ? { readPdf: this.readPdf } : {});
    if (!r.report) return this.set({ notice: { intent: 'error', text: `导入失败：${name}：${r.problem}` } });
    await this.importReport(r.report);
  }

  private async importReport(report: Report): Promise<void> {
    if (report.cells.size === 0) {
      const why = unreadParts(report).join('');
      return this.set({ notice: { intent: 'error', text: `导入失败：没有读出任何数字。${why}` } });
    }
    await this.enqueue('insert', async () => {
      const name = await this.host.insertTemplate(report.edition, {
        ...(report.year ? { year: report.year } : {}),
        ...(report.agency ? { agency: report.agency } : {}),
        values: workbookValues(report),
      });
      const unread = unreadParts(report);
      const tidy = tidiedNote(report) ?? '';
      this.set({
        notice: unread.length
          ? {
              intent: 'warning',
              text: `${importedMessage(report, `「${name}」`)}请注意：${unread.join(' ')}${tidy}`,
            }
          : { intent: 'success', text: `${importedMessage(report, `「${name}」`)}${tidy}点「校验」检查。` },
      });
    });
  }

  cancelInsert(): void {
    this.set({ asking: undefined });
  }

  /** A message from the page around the sidebar (the offline page's file could not be read). */
  notify(notice: Notice): void {
    this.set({ notice });
  }

  /** The list no longer shows the document as it is (it could not be read again): said so. */
  markStale(notice: Notice): void {
    this.set({ notice, ...(this.state.result ? { stale: true } : {}) });
  }

  dismissNotice(): void {
    this.set({ notice: undefined });
  }
}

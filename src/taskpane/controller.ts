import {
  type Edition,
  type Finding,
  findingAddress,
  importedMessage,
  importedValues,
  readGrid,
  readText,
  type Report,
  unreadParts,
} from '../core.js';
import type { SheetHost } from '../host/sheet-host.js';
import { checkActiveSheet, type SheetCheck } from '../host/check.js';

export type Task = 'check' | 'clear' | 'insert' | 'apply' | 'select' | 'previous';

export interface Notice {
  readonly intent: 'success' | 'info' | 'warning' | 'error';
  readonly text: string;
}

export interface PaneState {
  /** The task under way, if any. */
  readonly busy?: Task;
  /** The last 校验; the list shows it and it is kept up to date while the clerk edits that sheet. */
  readonly result?: SheetCheck;
  /** How many times the sheet has been checked, re-checks included. */
  readonly checks: number;
  readonly notice?: Notice;
  /** Last year's report, for the cross-year rules. */
  readonly previous?: { readonly label: string; readonly report: Report };
}

export interface ControllerOptions {
  /** Milliseconds of quiet after the last edit before the re-check. */
  readonly recheckDelay?: number;
}

/**
 * The sidebar's state and every action on it, shared by the ribbon commands and the sidebar
 * (one instance in the shared runtime). The spreadsheet is reached only through `host`.
 */
export class PaneController {
  private state: PaneState = { checks: 0 };
  private readonly listeners = new Set<() => void>();
  private timer?: ReturnType<typeof setTimeout>;
  private watching?: Promise<void>;
  private running?: Promise<void>;
  private readonly recheckDelay: number;

  constructor(
    private readonly host: SheetHost,
    options: ControllerOptions = {},
  ) {
    this.recheckDelay = options.recheckDelay ?? 600;
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getState = (): PaneState => this.state;

  private set(patch: Partial<PaneState>): void {
    this.state = { ...this.state, ...patch };
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
    if (!result || sheetId !== result.sheet.id || this.state.busy === 'clear') return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.recheck(), this.recheckDelay);
  }

  /** A re-check waits for one under way, so edits made meanwhile are not lost. */
  private async recheck(): Promise<void> {
    if (this.running) await this.running;
    if (this.state.result) await this.check();
  }

  private async task<T>(task: Task, body: () => Promise<T>): Promise<T | undefined> {
    const started = (async () => {
      this.set({ busy: task });
      try {
        return await body();
      } catch (e) {
        this.set({ notice: { intent: 'error', text: this.host.explainError(e) } });
        return undefined;
      } finally {
        this.set({ busy: undefined });
      }
    })();
    const done = started.then(() => undefined);
    this.running = done;
    return started;
  }

  /** 校验 the active sheet. A re-check runs the same way, so the list and the marks stay in step. */
  async check(): Promise<SheetCheck | undefined> {
    void this.watch();
    return this.task('check', async () => {
      const result = await checkActiveSheet(this.host, { previous: this.state.previous?.report });
      this.set({
        result: result.report ? result : undefined,
        checks: this.state.checks + 1,
        notice: result.problem
          ? { intent: result.report ? 'warning' : 'error', text: result.problem }
          : undefined,
      });
      return result;
    });
  }

  /** 清除标记: marks off, list closed, no more re-checks until the next 校验. */
  async clear(): Promise<void> {
    clearTimeout(this.timer);
    await this.task('clear', async () => {
      const n = await this.host.clearMarks();
      this.set({
        result: undefined,
        notice: { intent: 'info', text: n ? `已清除 ${n} 个单元格的标记。` : '本表没有 nianbao 的标记。' },
      });
    });
  }

  async insert(edition: Edition, year?: number): Promise<void> {
    await this.task('insert', async () => {
      const name = await this.host.insertTemplate(edition, { year });
      this.set({
        result: undefined,
        notice: {
          intent: 'success',
          text: `已插入 ${edition} 版模板「${name}」。填好数字后点「校验」。`,
        },
      });
    });
  }

  /** Selects and scrolls to the finding's cell. */
  async select(f: Finding): Promise<void> {
    const address = findingAddress(f);
    const sheet = this.state.result?.sheet.name;
    if (!address || !sheet) return;
    await this.task('select', () => this.host.select(sheet, address));
  }

  /** 「改为 N」: writes the suggested value into the culprit cell; the change event re-checks. */
  async apply(f: Finding): Promise<void> {
    const address = findingAddress(f);
    const sheet = this.state.result?.sheet.name;
    if (!address || !sheet || f.suggested === undefined || !f.culprit) return;
    const value = f.suggested;
    await this.task('apply', () => this.host.setValue(sheet, address, value));
  }

  setPrevious(previous: PaneState['previous']): void {
    this.set({ previous });
    if (this.state.result) void this.check();
  }

  /** The workbook's sheets, for choosing last year's report. */
  sheets(): Promise<string[]> {
    return this.host
      .listSheets()
      .then((list) => list.map((s) => s.name))
      .catch(() => []);
  }

  /** Last year's report from another sheet of this workbook. */
  async usePreviousSheet(sheet: string): Promise<void> {
    await this.task('previous', async () => {
      const read = await this.host.readSheet(sheet);
      const r = readGrid(read.grid, { sheet, origin: read.origin });
      if (!r.report) return this.set({ notice: { intent: 'error', text: `上年报告：${r.problem}` } });
      this.setPrevious({ label: `工作表「${sheet}」`, report: r.report });
    });
  }

  /** Last year's report from its published text, pasted. */
  usePreviousText(text: string): void {
    const r = readText(text);
    if (!r.report) return this.set({ notice: { intent: 'error', text: `上年报告：${r.problem}` } });
    const about = [r.report.agency, r.report.year ? `${r.report.year} 年度` : ''].filter(Boolean).join(' ');
    this.setPrevious({ label: `粘贴的文字${about ? `（${about}）` : ''}`, report: r.report });
  }

  /** 导入已发布年报: a published report's text into a new template sheet. */
  async importText(text: string): Promise<void> {
    const r = readText(text);
    if (!r.report) return this.set({ notice: { intent: 'error', text: `导入失败：${r.problem}` } });
    const report = r.report;
    await this.task('insert', async () => {
      const values = importedValues(report);
      const name = await this.host.insertTemplate(report.edition, {
        year: report.year,
        agency: report.agency,
        values,
      });
      const unread = unreadParts(report);
      this.set({
        result: undefined,
        notice: unread.length
          ? {
              intent: 'warning',
              text: `${importedMessage(report, `「${name}」`)}但有内容未能读取：${unread.join(' ')}`,
            }
          : { intent: 'success', text: `${importedMessage(report, `「${name}」`)}点「校验」检查。` },
      });
    });
  }

  dismissNotice(): void {
    this.set({ notice: undefined });
  }
}

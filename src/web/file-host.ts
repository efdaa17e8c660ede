import {
  areaAddress,
  type Audit,
  auditHtml,
  type Edition,
  importedValues,
  NOTES_SHEET,
  parseArea,
  POINTS_PER_CHAR,
  previousReport,
  type RawValue,
  readWorkbook,
  type Report,
  templateGrid,
  templateLayout,
  type TemplateValues,
} from '../core.js';
import { isRival, reportLabel, sheetsOf } from '../host/check.js';
import { isMarkFormula, MARK_FILL, MARK_FORMULA, type MarkKind } from '../host/marks.js';
import type { ApplyOutcome, SheetHost, SheetMarks, WorkbookRead } from '../host/sheet-host.js';
import { Book, type Sheet } from './workbook-model.js';

/** What a file holds for the page: a workbook's sheets, or a published report read from its text. */
export type FileContent =
  | {
      readonly kind: 'workbook';
      readonly sheets: readonly {
        readonly name: string;
        readonly hidden: boolean;
        readonly grid: RawValue[][];
        /** Merged areas and column widths (characters), to show the sheet as Excel does. */
        readonly look?: {
          readonly merges: readonly string[];
          readonly columnWidths: readonly (number | undefined)[];
        };
        /** Some cell holds a formula. */
        readonly formulas?: true;
      }[];
      /** Saved set to calculate by hand (F9). */
      readonly manualCalculation?: true;
    }
  | { readonly kind: 'report'; readonly report: Report };

/** Reads a file's bytes by its name; throws an Error with a Chinese message when it cannot. */
export type OpenFile = (name: string, bytes: Uint8Array) => Promise<FileContent>;

/** A file the page may read again, where the browser lets it keep a handle on it (Chromium). */
export interface FileHandle {
  getFile(): Promise<PickedFile>;
}

/** A file as the browser gives it: chosen, dropped, or read again through its handle. */
export interface PickedFile {
  readonly name: string;
  readonly lastModified?: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** Where the page keeps 说明 between visits (the browser's localStorage). */
export interface NoteStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** What the browser's file errors (DOMException names) mean to a clerk. */
const BROWSER_ERRORS: Readonly<Record<string, string>> = {
  NotFoundError: '找不到这个文件：它可能已被移动、改名或删除，请重新选择文件。',
  NotReadableError:
    '文件无法读取：可能正被其他程序占用，或在选择后又被改动，请关闭占用它的程序后重新选择文件。',
  NotAllowedError: '浏览器不允许再次读取这个文件，请重新选择文件。',
  SecurityError: '浏览器不允许再次读取这个文件，请重新选择文件。',
};

/** The sheet a published report's tables are shown on. */
export const REPORT_SHEET = '年报表格';

/** Merged areas within the grid, and column widths, as the workbook sets them. */
function showAsExcel(
  sheet: Sheet,
  look: { readonly merges: readonly string[]; readonly columnWidths: readonly (number | undefined)[] },
): void {
  const used = sheet.usedArea();
  sheet.merges = look.merges.flatMap((ref) => {
    try {
      const a = parseArea(ref);
      // Beyond what the view draws, a merge would only stretch it.
      return used && a.top <= used.bottom + 1 && a.left <= used.right + 1 ? [a] : [];
    } catch {
      return [];
    }
  });
  look.columnWidths.forEach((w, col) => {
    if (w !== undefined) sheet.cell(0, col).format.columnWidth = w * POINTS_PER_CHAR;
  });
}

function templateSheet(book: Book, report: Report, id?: string): Sheet {
  const layout = templateLayout(report.edition);
  const fill: TemplateValues = {
    values: importedValues(report),
    ...(report.year ? { year: report.year } : {}),
    ...(report.agency ? { agency: report.agency } : {}),
  };
  const sheet = book.addSheet(REPORT_SHEET, id);
  sheet.setValues(templateGrid(layout, fill));
  sheet.merges = [...layout.merges];
  layout.columnWidths.forEach((w, col) => (sheet.cell(0, col).format.columnWidth = w * POINTS_PER_CHAR));
  for (const { area } of layout.tableAreas)
    for (let r = area.top; r <= area.bottom; r++)
      for (let c = area.left; c <= area.right; c++)
        sheet.cell(r, c).format['borders.EdgeTop.style'] = 'Continuous';
  for (const c of layout.cells) {
    const f = sheet.cell(c.pos.row, c.pos.col).format;
    if (c.role === 'title' || c.role === 'part') f['font.bold'] = true;
    if (c.role !== 'part' && c.role !== 'headingLabel') f.horizontalAlignment = 'Center';
  }
  return sheet;
}

/**
 * The offline page's spreadsheet: the file the clerk opened, shown read-only. Its marks go on the
 * page's view of the file, never into the file; 说明 stay in this browser; the 审核报告 opens as a
 * page to print.
 */
export class FileHost implements SheetHost {
  readonly writable = false;
  readonly book = new Book();
  private current?: {
    name: string;
    content: FileContent;
    handle?: FileHandle;
    /** When the file read was last saved, as the handle told (to see that it was saved since). */
    modified?: number;
    bodies: string;
    /** Every report in the file, on hidden sheets too: what the page tells the clerk of. */
    reports: readonly Report[];
  };
  private report?: Report;

  constructor(
    private readonly openFile: OpenFile,
    private readonly notes?: NoteStore,
    private readonly print: (html: string) => void = () => undefined,
  ) {}

  /** The file open now, if any. */
  get fileName(): string | undefined {
    return this.current?.name;
  }

  get empty(): boolean {
    return !this.current;
  }

  get documentName(): string | undefined {
    return this.fileName;
  }

  /**
   * What the page tells the clerk of the file's reports beside the one on the sheet shown: one on a
   * hidden sheet (the page neither shows nor checks it; last year's is still compared with), another
   * of the same year with other numbers (which one is published?), and the rest, each checked by
   * going to its sheet. Only a report not checked that may be the one to publish is a warning.
   */
  otherReports(): { readonly intent: 'info' | 'warning'; readonly text: string } | undefined {
    const reports = this.current?.content.kind === 'workbook' ? this.current.reports : [];
    const shown = reports.find((r) => sheetsOf(r).includes(this.book.active));
    const others = reports.filter((r) => r !== shown);
    if (!others.length) return undefined;
    const hidden = others.filter((r) =>
      sheetsOf(r).every((n) => this.book.sheet(n)?.visibility !== 'Visible'),
    );
    const rival = others.filter((r) => !hidden.includes(r) && shown !== undefined && isRival(r, shown));
    const rest = others.filter((r) => !hidden.includes(r) && !rival.includes(r));
    const older = (r: Report) => r.year !== undefined && shown?.year !== undefined && r.year < shown.year;
    // Compared with as the check finds last year's report by itself.
    const compared = shown && previousReport(shown, reports, { sameBody: true });
    const lastYear = compared !== undefined && hidden.includes(compared);
    const said = [
      hidden.length
        ? `有年报在隐藏的工作表中（${hidden.map(reportLabel).join('；')}），网页版不显示也不校验隐藏的工作表${lastYear ? '（上一年度的报告仍用于跨年度核对）' : ''}：要校验其中的报告，请在 Excel 或 WPS 中取消隐藏（右键工作表标签，点「取消隐藏」），保存后重新打开。`
        : '',
      rival.length
        ? `本文件中另有同一年度、数字不同的报告（${rival.map(reportLabel).join('；')}）：请确认哪一份是要发布的；要校验它，请点它的工作表标签，再点「校验」。`
        : '',
      rest.length
        ? `本文件中另有 ${rest.length} 份年报（${rest.map(reportLabel).join('；')}）：要校验它，请点它的工作表标签，再点「校验」。`
        : '',
    ].filter(Boolean);
    return {
      intent: hidden.some((r) => !older(r)) || rival.length ? 'warning' : 'info',
      text: said.join(' '),
    };
  }

  /** The file can be read again without asking for it (a handle was kept). */
  get canReload(): boolean {
    return Boolean(this.current?.handle);
  }

  /** Reads a file and shows it; a failure leaves the page as it was. */
  async load(name: string, bytes: Uint8Array, handle?: FileHandle, modified?: number): Promise<void> {
    const content = await this.openFile(name, bytes);
    // The same file read again keeps its sheets' identities (the sidebar's count of checks goes on)
    // and the sheet shown; another file starts on its latest report, whatever the last one showed.
    const again = name === this.current?.name;
    const active = again ? this.book.active : undefined;
    const ids = new Map(again ? this.book.sheets.map((s) => [s.name, s.id]) : []);
    const reports = content.kind === 'workbook' ? readWorkbook(content.sheets).reports : [content.report];
    // 说明 belong to the reports of this file, not to any file of the same name (「2024年报.xlsx」).
    const bodies = [...new Set(reports.map((r) => `${r.agency ?? ''}${r.year ?? ''}`))].sort().join('、');
    this.current = {
      name,
      content,
      bodies,
      reports,
      ...(handle ? { handle } : {}),
      ...(modified !== undefined ? { modified } : {}),
    };
    this.book.sheets.splice(0);
    this.report = undefined;
    if (content.kind === 'workbook') {
      for (const s of content.sheets) {
        const sheet = this.book.addSheet(s.name, ids.get(s.name));
        sheet.setValues(s.grid);
        if (s.hidden) sheet.visibility = 'Hidden';
        if (s.look) showAsExcel(sheet, s.look);
      }
      // The sheet shown: the one shown before 重新校验, else one holding the latest report (its last
      // year's, if the file holds it, is then compared with it).
      const visible = (n: string | undefined) =>
        n !== undefined && this.book.sheet(n)?.visibility === 'Visible';
      const holding = [...reports]
        .sort((a, b) => (b.year ?? 0) - (a.year ?? 0))
        .flatMap(sheetsOf)
        .find((n) => visible(n));
      const first = this.book.sheets.find((s) => s.visibility === 'Visible');
      this.book.active = active !== undefined && visible(active) ? active : (holding ?? first?.name ?? '');
    } else {
      templateSheet(this.book, content.report, ids.get(REPORT_SHEET));
      this.book.active = REPORT_SHEET;
      this.report = content.report;
    }
    this.book.settle();
  }

  /** A file the browser gave, with the handle to read it again if it kept one. */
  async loadFile(file: PickedFile, handle?: FileHandle): Promise<void> {
    await this.load(file.name, new Uint8Array(await file.arrayBuffer()), handle, file.lastModified);
  }

  /** 重新校验: the same file as it is on disk now (after the clerk fixed and saved it). */
  async reload(): Promise<void> {
    const handle = this.current?.handle;
    if (!handle) throw new Error('浏览器没有保留这个文件，请重新选择文件。');
    await this.loadFile(await handle.getFile(), handle);
  }

  /** 校验 after the file was saved again (a handle kept tells): the file as it is now, as 重新校验 reads it. */
  private async readIfSaved(): Promise<void> {
    const handle = this.current?.handle;
    if (!handle) return;
    // A file moved or deleted since fails here, and the check with it: nothing is checked as it was.
    const file = await handle.getFile();
    if (file.lastModified !== undefined && file.lastModified !== this.current?.modified)
      await this.loadFile(file, handle);
  }

  private notesKey(): string {
    return `nianbao.notes:${this.current?.name ?? ''}|${this.current?.bodies ?? ''}`;
  }

  /** 说明 written in this browser for this file, as the notes sheet holds them. */
  private localNotes(): RawValue[][] | undefined {
    const raw = this.notes?.getItem(this.notesKey());
    if (!raw) return undefined;
    try {
      const grid: unknown = JSON.parse(raw);
      return Array.isArray(grid) ? (grid as RawValue[][]) : undefined;
    } catch {
      return undefined;
    }
  }

  async read(): Promise<WorkbookRead> {
    await this.readIfSaved();
    const active = this.book.sheet(this.book.active);
    if (!this.current || !active) throw new Error('还没有打开文件：请先点「打开文件」或把文件拖到这里。');
    const content = this.current.content;
    const withFormulas = new Set(
      content.kind === 'workbook' ? content.sheets.filter((s) => s.formulas).map((s) => s.name) : [],
    );
    const sheets = this.book.sheets.map((s) => {
      const used = s.usedArea();
      const grid: RawValue[][] = [];
      for (let r = 0; r <= (used?.bottom ?? -1); r++) {
        const row: RawValue[] = [];
        for (let c = 0; c <= (used?.right ?? -1); c++) row.push(s.cell(r, c).value);
        grid.push(row);
      }
      return {
        sheet: { id: s.id, name: s.name },
        grid,
        origin: { row: 0, col: 0 },
        ...(s.merges.length ? { merges: s.merges.map(areaAddress) } : {}),
        hidden: s.visibility !== 'Visible',
        formatLocked: false,
        marked: s.conditionalFormats.some((cf) => isMarkFormula(cf.formula)),
        formulas: withFormulas.has(s.name),
      };
    });
    // 说明 written here join those the workbook itself carries (from Excel or WPS).
    const local = this.localNotes();
    const own = sheets.find((s) => s.sheet.name === NOTES_SHEET);
    const notesSheet = local && {
      sheet: { id: 'local-notes', name: NOTES_SHEET },
      grid: [...local, ...(own?.grid.slice(1) ?? [])],
      origin: { row: 0, col: 0 },
      hidden: true,
      formatLocked: true,
      marked: false,
    };
    const all = notesSheet ? [...sheets.filter((s) => s !== own), notesSheet] : sheets;
    return {
      active: { id: active.id, name: active.name },
      sheets: all,
      ...(this.report ? { reports: [this.reportOnSheet(this.report)] } : {}),
      marks: undefined,
      ...(content.kind === 'workbook' && content.manualCalculation ? { manualCalculation: true } : {}),
    };
  }

  /** A published report checked as the tables shown: cell findings land on the sheet, text ones stay said. */
  private reportOnSheet(report: Report): Report {
    const sheet = this.book.sheet(REPORT_SHEET)!;
    const grid = Array.from({ length: (sheet.usedArea()?.bottom ?? 0) + 1 }, (_, r) =>
      Array.from({ length: (sheet.usedArea()?.right ?? 0) + 1 }, (_, c) => sheet.cell(r, c).value),
    );
    const shown = readWorkbook([{ name: REPORT_SHEET, grid }]).reports[0];
    if (!shown) return report;
    // The template shows every table; only those the text held are the report's.
    const held = new Set<string>(report.tables);
    return {
      ...shown,
      source: this.current!.name,
      tables: report.tables,
      // Marked on the page's cells; said where they are in the file (its line, its page's table).
      cells: new Map(
        [...shown.cells]
          .filter(([key]) => held.has(key.slice(0, 2)))
          .map(([key, cell]) => {
            const origin = report.cells.get(key)?.address;
            return [key, origin ? { ...cell, origin } : cell];
          }),
      ),
      ...(report.published ? { published: report.published } : {}),
      findings: report.findings,
    };
  }

  async writeMarks(_read: WorkbookRead, plan: SheetMarks): Promise<void> {
    for (const sheet of this.book.sheets) {
      for (const cf of sheet.conditionalFormats.filter((c) => isMarkFormula(c.formula)))
        sheet.deleteConditionalFormat(cf.id);
      const marks = plan.get(sheet.id);
      if (!marks) continue;
      const byKind = new Map<MarkKind, string[]>();
      for (const [address, kind] of marks)
        (byKind.get(kind) ?? byKind.set(kind, []).get(kind)!).push(address);
      for (const [kind, addresses] of byKind) {
        sheet.addConditionalFormat({
          type: 'Custom',
          formula: MARK_FORMULA[kind],
          fill: MARK_FILL[kind],
          areas: addresses.map(parseArea),
        });
      }
    }
    this.book.settle();
  }

  async clearMarks(): Promise<number> {
    const marked = this.book.sheets.filter((s) =>
      s.conditionalFormats.some((cf) => isMarkFormula(cf.formula)),
    );
    await this.writeMarks(await this.read(), new Map());
    return marked.length;
  }

  async select(sheetId: string, address: string): Promise<void> {
    const sheet = this.book.sheets.find((s) => s.id === sheetId);
    if (sheet) this.book.select(sheet.name, address);
  }

  async applyValue(): Promise<ApplyOutcome> {
    return 'gone';
  }

  async insertTemplate(_edition: Edition, _fill: TemplateValues): Promise<string> {
    throw new Error('网页版只读取文件，不修改文件：请在 Excel 或 WPS 表格中插入模板。');
  }

  async writeNotes(grid: readonly (readonly string[])[]): Promise<void> {
    if (!this.notes) throw new Error('这个浏览器不能保存说明。');
    this.notes.setItem(this.notesKey(), JSON.stringify(grid));
  }

  async writeAudit(audit: Audit): Promise<string> {
    const kept = `本报告中的说明是在网页版中写的，保存在写说明的电脑的浏览器中，没有写入${this.fileName ? `「${this.fileName}」` : '文件'}：用 Excel、WPS 打开该文件或用命令行校验时看不到这些说明。`;
    this.print(auditHtml({ ...audit, notesKept: kept }));
    return '审核报告已送去打印：在打印窗口中选打印机，或选「另存为 PDF」存档；要再打印一次，请再点「生成审核报告」。';
  }

  async watchChanges(): Promise<void> {
    // A file on disk tells the page nothing: 重新校验 reads it again.
  }

  explainError(error: unknown): string {
    const name = error instanceof Error ? error.name : '';
    const said = BROWSER_ERRORS[name];
    if (said) return said;
    const message = error instanceof Error ? error.message : String(error);
    // Our own messages are Chinese; a browser's own are not, and say nothing to a clerk.
    return /[\u4e00-\u9fff]/.test(message) ? message : `文件无法读取（${message}），请重新选择文件。`;
  }
}

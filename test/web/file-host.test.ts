import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NOTES_SHEET } from '../../src/report/notes.js';
import { checkWorkbook } from '../../src/host/check.js';
import { isMarkFormula, MARK_FILL } from '../../src/host/marks.js';
import { areaAddress, parseAddress, toAddress } from '../../src/report/address.js';
import { templateGrid, templateLayout } from '../../src/report/template.js';
import { PaneController } from '../../src/taskpane/controller.js';
import { FileHost, type FileHandle, REPORT_SHEET } from '../../src/web/file-host.js';
import { openFile } from '../../src/web/open.js';
import { fixturePath, jingxiu } from '../helpers.js';

const seed = readFileSync(fixturePath('jingxiu-2019.txt'));
const layout = templateLayout('2019');
const at = (key: string) => toAddress(layout.cells.find((c) => c.key === key)!.pos);

class MemoryStore {
  readonly items = new Map<string, string>();
  getItem(k: string) {
    return this.items.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.items.set(k, v);
  }
}

describe('the offline page’s host', () => {
  it('a published text is shown in the template and checked as published: text findings kept, cells on the sheet', async () => {
    const host = new FileHost(openFile);
    await host.load('竞秀区2019.txt', seed);
    expect(host.book.active).toBe(REPORT_SHEET);
    const sheet = host.book.sheet(REPORT_SHEET)!;
    const p = parseAddress(at('t3.r3_1.natural'));
    expect(sheet.cell(p.row, p.col).value).toBe(jingxiu().values['t3.r3_1.natural']);
    const result = await checkWorkbook(host);
    expect(result.report!.published).toBeDefined();
    expect(result.findings.map((f) => f.rule)).toEqual(['G-04', 'X-02']);
  });

  it('a wrong number is marked on the page’s view, never written anywhere, and said where it is in the file', async () => {
    const text = seed.toString('utf8');
    const printed: string[] = [];
    const host = new FileHost(openFile, undefined, (html) => printed.push(html));
    // The seed's 予以公开 row says 2 for 自然人: make it 3, the total stays.
    const lines = text.split('\n');
    const i = lines.findIndex((l) => l.includes('（一）予以公开'));
    const j = lines.findIndex((l, k) => k > i && l.trim() === '2');
    lines[j] = lines[j]!.replace('2', '3');
    await host.load('改过.txt', new TextEncoder().encode(lines.join('\n')));
    const result = await checkWorkbook(host);
    const culprit = result.findings.find((f) => f.culprit === 't3.r3_1.natural')!;
    const p = parseAddress(at('t3.r3_1.natural'));
    // Where the clerk finds it in the text, as the command line says it; the page's own cell is only marked.
    expect(culprit.message).toContain(`（第${j + 1}行）`);
    expect(culprit.message).not.toContain(`（${at('t3.r3_1.natural')}）`);
    expect(culprit.addresses).toContain(at('t3.r3_1.natural'));
    const pane = new PaneController(host);
    await pane.check();
    await pane.audit();
    expect(printed[0]).toContain(`表三 第${j + 1}行`);
    expect(printed[0]).not.toContain(`表三 ${at('t3.r3_1.natural')}`);
    expect(host.book.sheet(REPORT_SHEET)!.shownFill(p.row, p.col)).toBe(MARK_FILL.culprit);
    expect(await host.clearMarks()).toBe(1);
    expect(
      host.book.sheets.flatMap((s) => s.conditionalFormats.filter((cf) => isMarkFormula(cf.formula))),
    ).toEqual([]);
  });

  it('说明 are kept in the browser for the file and read back with it; the 审核报告 goes to print', async () => {
    const store = new MemoryStore();
    const printed: string[] = [];
    const host = new FileHost(openFile, store, (html) => printed.push(html));
    await host.load('竞秀区2019.txt', seed);
    const pane = new PaneController(host);
    await pane.check();
    const warning = pane.getState().result!.findings.find((f) => f.rule === 'G-04')!;
    await pane.explain(warning, '网页排版所致，数字无误');
    expect([...store.items.keys()]).toEqual(['nianbao.notes:竞秀区2019.txt|保定市竞秀区人民政府2019']);
    expect(pane.getState().result!.findings.find((f) => f.rule === 'G-04')!.note?.text).toBe(
      '网页排版所致，数字无误',
    );
    const again = new FileHost(openFile, store);
    await again.load('竞秀区2019.txt', seed);
    const read = await again.read();
    expect(read.sheets.find((s) => s.sheet.name === NOTES_SHEET)?.grid.length).toBe(2);
    await pane.audit();
    expect(printed).toHaveLength(1);
    expect(printed[0]).toContain('说明：网页排版所致，数字无误');
    // The file handed on has no 说明 in it: the page that is signed says where they are.
    expect(printed[0]).toContain(
      '<p class="meta">说明：本报告中的说明是在网页版中写的，保存在写说明的电脑的浏览器中，没有写入「竞秀区2019.txt」',
    );
    // The sheet the page shows a published text on is the page's, not the file's.
    expect(printed[0]).toContain('来源：竞秀区2019.txt');
    expect(printed[0]).not.toContain(REPORT_SHEET);
    expect(pane.getState().notice?.text).toContain('审核报告已送去打印');
  });

  it('说明 stay with their report: another body’s file of the same name and the same numbers has none', async () => {
    const store = new MemoryStore();
    const host = new FileHost(openFile, store);
    await host.load('2019年报.txt', seed);
    const pane = new PaneController(host);
    await pane.check();
    await pane.explain(
      pane.getState().result!.findings.find((f) => f.rule === 'G-04')!,
      '已核实',
    );
    const other = new FileHost(openFile, store);
    await other.load(
      '2019年报.txt',
      new TextEncoder().encode(seed.toString('utf8').replaceAll('竞秀区', '莲池区')),
    );
    const otherPane = new PaneController(other);
    await otherPane.check();
    expect(otherPane.getState().result!.report!.agency).toBe('保定市莲池区人民政府');
    expect(otherPane.getState().result!.findings.find((f) => f.rule === 'G-04')!.note).toBeUndefined();
    // The first body's file still has its 说明.
    const same = new PaneController(host);
    await same.check();
    expect(same.getState().result!.findings.find((f) => f.rule === 'G-04')!.note?.text).toBe('已核实');
  });

  it('a workbook is shown with its merged cells and column widths, as Excel shows it', async () => {
    const { templateBytes } = await import('../../src/cli/xlsx-write.js');
    const bytes = await templateBytes('2019年度年报', layout, { values: jingxiu().values, year: 2019 });
    const host = new FileHost(openFile);
    await host.load('模板.xlsx', bytes);
    const sheet = host.book.sheet('2019年度年报')!;
    expect(sheet.merges.map(areaAddress).sort()).toEqual(layout.merges.map(areaAddress).sort());
    layout.columnWidths.forEach((w, col) =>
      expect(sheet.cell(0, col).format.columnWidth).toBeCloseTo(w * 6.5, 0),
    );
  });

  it('a workbook whose report is on its second sheet opens on that sheet', async () => {
    const grid = templateGrid(layout, { values: jingxiu().values, year: 2019, agency: '测试机关' });
    const host = new FileHost(async () => ({
      kind: 'workbook',
      sheets: [
        { name: '封面', hidden: false, grid: [['政府信息公开工作年度报告（封面）']] },
        { name: '2019年度年报', hidden: false, grid },
      ],
    }));
    await host.load('两张表.xlsx', new Uint8Array());
    expect(host.book.active).toBe('2019年度年报');
    const pane = new PaneController(host);
    await pane.check();
    expect(pane.getState().result!.report!.agency).toBe('测试机关');
  });

  it('another file opened starts afresh: its 校验 counted from one, last year’s report not the other file’s', async () => {
    const host = new FileHost(openFile);
    await host.load('a.txt', seed);
    const pane = new PaneController(host);
    await pane.check();
    await pane.check();
    pane.usePreviousText(seed.toString('utf8'));
    expect(pane.getState()).toMatchObject({ checks: 2, previous: { kind: 'text' } });
    await host.load('b.txt', seed);
    pane.newDocument();
    await pane.check();
    expect(pane.getState()).toMatchObject({ checks: 1, previous: { kind: 'auto' } });
  });

  /** A workbook's sheets by name: each a report of that year, or any grid. */
  const book =
    (
      ...sheets: {
        name: string;
        year?: number;
        hidden?: boolean;
        grid?: (string | number)[][];
        change?: number;
        agency?: string;
      }[]
    ) =>
    async () => ({
      kind: 'workbook' as const,
      sheets: sheets.map((s) => ({
        name: s.name,
        hidden: s.hidden ?? false,
        grid:
          s.grid ??
          templateGrid(layout, {
            values: { ...jingxiu().values, ...(s.change ? { 't3.r1.natural': s.change } : {}) },
            year: s.year!,
            agency: s.agency ?? '测试机关',
          }),
      })),
    });

  it('another file opens on its latest report, not on the sheet the last file showed; the same file again keeps it', async () => {
    const years = book({ name: '2019年度', year: 2019 }, { name: '2020年度', year: 2020 });
    const files: Record<string, ReturnType<typeof book>> = { 'a.xlsx': years, 'b.xlsx': years };
    const host = new FileHost((name) => files[name]!());
    await host.load('a.xlsx', new Uint8Array());
    expect(host.book.active).toBe('2020年度');
    host.book.select('2019年度');
    await host.load('a.xlsx', new Uint8Array());
    expect(host.book.active).toBe('2019年度');
    await host.load('b.xlsx', new Uint8Array());
    expect(host.book.active).toBe('2020年度');
  });

  it('tells of the file’s other reports: on a hidden sheet, of the same year with other numbers, and the rest', async () => {
    const told = async (open: ReturnType<typeof book>) => {
      const host = new FileHost(open);
      await host.load('x.xlsx', new Uint8Array());
      return host.otherReports();
    };
    expect(await told(book({ name: '2020年度', year: 2020 }))).toBeUndefined();
    expect(
      await told(book({ name: '备注', grid: [['见另表']] }, { name: '2020年度', year: 2020, hidden: true })),
    ).toEqual({
      intent: 'warning',
      text: '有年报在隐藏的工作表中（2020 年度 · 测试机关 · 工作表「2020年度」），网页版不显示也不校验隐藏的工作表：要校验其中的报告，请在 Excel 或 WPS 中取消隐藏（右键工作表标签，点「取消隐藏」），保存后重新打开。',
    });
    // Last year's report, hidden: still compared with, and no warning.
    expect(
      await told(book({ name: '2020年度', year: 2020 }, { name: '2019年度', year: 2019, hidden: true })),
    ).toEqual({
      intent: 'info',
      text: '有年报在隐藏的工作表中（2019 年度 · 测试机关 · 工作表「2019年度」），网页版不显示也不校验隐藏的工作表（上一年度的报告仍用于跨年度核对）：要校验其中的报告，请在 Excel 或 WPS 中取消隐藏（右键工作表标签，点「取消隐藏」），保存后重新打开。',
    });
    // Another body's report of last year is not compared with, and not said to be.
    const otherBody = await told(
      book(
        { name: '2020年度', year: 2020 },
        { name: '2019年度', year: 2019, hidden: true, agency: '另一机关' },
      ),
    );
    expect(otherBody!.text).not.toContain('仍用于跨年度核对');
    const rival = await told(
      book({ name: '2020年度', year: 2020 }, { name: '2020年度（修改）', year: 2020, change: 7 }),
    );
    expect(rival).toMatchObject({ intent: 'warning' });
    expect(rival!.text).toContain(
      '本文件中另有同一年度、数字不同的报告（2020 年度 · 测试机关 · 工作表「2020年度（修改）」）：请确认哪一份是要发布的',
    );
    expect(
      await told(
        book(
          { name: '2020年度', year: 2020 },
          { name: '副本', year: 2020 },
          { name: '2019年度', year: 2019 },
        ),
      ),
    ).toEqual({
      intent: 'info',
      text: '本文件中另有 2 份年报（2020 年度 · 测试机关 · 工作表「副本」；2019 年度 · 测试机关 · 工作表「2019年度」）：要校验它，请点它的工作表标签，再点「校验」。',
    });
  });

  it('last year’s report on a hidden sheet is compared with (labelled hidden), never checked', async () => {
    const check = async (open: ReturnType<typeof book>) => {
      const host = new FileHost(open);
      await host.load('x.xlsx', new Uint8Array());
      const pane = new PaneController(host);
      await pane.check();
      return pane.getState().result!;
    };
    const result = await check(
      book({ name: '2020年度', year: 2020 }, { name: '2019年度', year: 2019, hidden: true }),
    );
    expect(result.sheet.name).toBe('2020年度');
    expect(result.previous).toEqual({
      label: '2019 年度 · 测试机关 · 工作表「2019年度」（隐藏）',
      auto: true,
      sheets: [{ id: expect.any(String), name: '2019年度' }],
    });
    expect(result.candidates.map((c) => c.label)).toEqual([
      '2019 年度 · 测试机关 · 工作表「2019年度」（隐藏）',
    ]);
    // Compared with: the same numbers two years running break the rule that carries table 2's counts on.
    const crossYear = (r: typeof result) => r.findings.filter((f) => f.rule === 'T2-19-05').length;
    const alone = await check(book({ name: '2020年度', year: 2020 }));
    expect(alone.previous).toBeUndefined();
    expect([crossYear(result), crossYear(alone)]).toEqual([5, 0]);
  });

  it('the browser’s own file errors are said in Chinese', () => {
    const host = new FileHost(openFile);
    const gone = Object.assign(new Error('A requested file or directory could not be found'), {
      name: 'NotFoundError',
    });
    expect(host.explainError(gone)).toBe('找不到这个文件：它可能已被移动、改名或删除，请重新选择文件。');
    expect(host.explainError(new Error('Something else'))).toBe(
      '文件无法读取（Something else），请重新选择文件。',
    );
    expect(host.explainError(new Error('没有找到年报表格'))).toBe('没有找到年报表格');
  });

  it('重新校验 reads the file again through its handle, and a file it cannot read leaves the page as it was', async () => {
    let bytes: Uint8Array = seed;
    const handle: FileHandle = {
      getFile: async () => ({ name: 'a.txt', arrayBuffer: async () => bytes.slice().buffer }),
    };
    const host = new FileHost(openFile);
    await host.load('a.txt', seed, handle);
    expect(host.canReload).toBe(true);
    bytes = new TextEncoder().encode('不是年报');
    await expect(host.reload()).rejects.toThrow(/没有找到年报表格/);
    expect(host.book.sheet(REPORT_SHEET)).toBeDefined();
    await expect(host.load('a.doc', seed)).rejects.toThrow(/另存为/);
    await expect(host.load('a.zzz', seed)).rejects.toThrow(/不支持的文件类型/);
    const empty = new FileHost(openFile);
    await expect(empty.read()).rejects.toThrow(/还没有打开文件/);
  });

  it('校验 after the clerk saved the file again checks it as saved; 重新校验 counts as one more check', async () => {
    const text = seed.toString('utf8');
    const natural = String(jingxiu().values['t3.r3_1.natural']);
    const wrong = text.replace(/（一）予以公开\s+\d+/, (m) => m.replace(/\d+$/, String(Number(natural) + 1)));
    expect(wrong).not.toBe(text);
    let saved = { bytes: new TextEncoder().encode(wrong), at: 1 };
    const handle: FileHandle = {
      getFile: async () => ({
        name: 'a.txt',
        lastModified: saved.at,
        arrayBuffer: async () => saved.bytes.slice().buffer,
      }),
    };
    const host = new FileHost(openFile);
    const pane = new PaneController(host);
    await host.load('a.txt', saved.bytes, handle, saved.at);
    await pane.check();
    expect(pane.getState().result!.findings.some((f) => f.severity === 'error')).toBe(true);
    // Fixed and saved in Excel; the clerk presses 校验 in the sidebar.
    saved = { bytes: new Uint8Array(seed), at: 2 };
    await pane.check();
    expect(pane.getState().result!.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(pane.getState().checks).toBe(2);
    await host.reload();
    await pane.check();
    expect(pane.getState().checks).toBe(3);
  });

  it('a file opened with its handle is read once, not again at its first 校验', async () => {
    let reads = 0;
    const file = {
      name: 'a.txt',
      lastModified: 7,
      arrayBuffer: async () => (reads++, new Uint8Array(seed).buffer),
    };
    const handle: FileHandle = { getFile: async () => file };
    const host = new FileHost(openFile);
    await host.loadFile(file, handle);
    await new PaneController(host).check();
    expect(reads).toBe(1);
  });

  it('a file moved or cut short since it was opened: no 审核报告 printed from what it was', async () => {
    let file: Uint8Array | undefined = new Uint8Array(seed);
    let saved = 1;
    const handle: FileHandle = {
      getFile: async () => {
        if (!file) throw new DOMException('A requested file could not be found', 'NotFoundError');
        return { name: 'a.txt', lastModified: saved, arrayBuffer: async () => file!.slice().buffer };
      },
    };
    const printed: string[] = [];
    const host = new FileHost(openFile, undefined, (html) => printed.push(html));
    const pane = new PaneController(host);
    await host.load('a.txt', file, handle, 1);
    await pane.check();
    await pane.audit();
    expect(printed).toHaveLength(1);
    file = new TextEncoder().encode('不是年报');
    saved = 2;
    await pane.audit();
    file = undefined;
    await pane.audit();
    expect(printed).toHaveLength(1);
    expect(pane.getState().stale).toBe(true);
    expect(pane.getState().result).toBeDefined();
  });
});

describe('the offline page and a workbook saved set to calculate by hand', () => {
  it('with a formula in the report: G-06 said, as the command line says it', async () => {
    const { strToU8, unzipSync, zipSync } = await import('fflate');
    const parts = unzipSync(new Uint8Array(readFileSync(fixturePath('suqian-2024.calc.xlsx'))));
    const text = (name: string) => new TextDecoder().decode(parts[name]);
    const bytes = (manual: boolean) =>
      zipSync({
        ...parts,
        'xl/workbook.xml': strToU8(
          manual
            ? text('xl/workbook.xml').replace('<calcPr ', '<calcPr calcMode="manual" ')
            : text('xl/workbook.xml'),
        ),
        'xl/worksheets/sheet1.xml': strToU8(
          text('xl/worksheets/sheet1.xml').replace(/(<c [^>]*>)(<v>)/, '$1<f>0+0</f>$2'),
        ),
      });
    for (const manual of [true, false]) {
      const host = new FileHost(openFile);
      await host.load('宿迁市2024.xlsx', bytes(manual));
      const g06 = (await checkWorkbook(host)).findings.filter((f) => f.rule === 'G-06');
      expect(g06.length, String(manual)).toBe(manual ? 1 : 0);
    }
  });
});

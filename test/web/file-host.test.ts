import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NOTES_SHEET } from '../../src/report/notes.js';
import { checkWorkbook } from '../../src/host/check.js';
import { isMarkFormula, MARK_FILL } from '../../src/host/marks.js';
import { parseAddress, toAddress } from '../../src/report/address.js';
import { templateLayout } from '../../src/report/template.js';
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

  it('a wrong number is marked on the page’s view, never written anywhere', async () => {
    const text = seed.toString('utf8');
    const host = new FileHost(openFile);
    // The seed's 予以公开 row says 2 for 自然人: make it 3, the total stays.
    const lines = text.split('\n');
    const i = lines.findIndex((l) => l.includes('（一）予以公开'));
    const j = lines.findIndex((l, k) => k > i && l.trim() === '2');
    lines[j] = lines[j]!.replace('2', '3');
    await host.load('改过.txt', new TextEncoder().encode(lines.join('\n')));
    const result = await checkWorkbook(host);
    expect(result.findings.some((f) => f.culprit === 't3.r3_1.natural')).toBe(true);
    const p = parseAddress(at('t3.r3_1.natural'));
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
    expect([...store.items.keys()]).toEqual(['nianbao.notes:竞秀区2019.txt']);
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
    expect(pane.getState().notice?.text).toContain('审核报告已在新的页面中打开');
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
});

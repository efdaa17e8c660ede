import { describe, expect, it } from 'vitest';
import { AUDIT_SHEET } from '../../src/checks/audit.js';
import { NOTES_SHEET } from '../../src/report/notes.js';
import { commandActions } from '../../src/commands/actions.js';
import { FakeEtApp } from '../../src/dev/fake-et.js';
import { checkWorkbook } from '../../src/host/check.js';
import { isMarkFormula, MARK_FILL } from '../../src/host/marks.js';
import { areaAddress, parseAddress, toAddress } from '../../src/report/address.js';
import { templateLayout } from '../../src/report/template.js';
import { TEXT_MAX } from '../../src/report/validation.js';
import { PaneController } from '../../src/taskpane/controller.js';
import { XL } from '../../src/wps/et.js';
import { WpsHost } from '../../src/wps/host.js';
import { listenForCommands, postCommand, takeCommand } from '../../src/wps/mailbox.js';
import { ribbonCallbacks } from '../../src/wps/ribbon.js';
import { errors, filledGrid, jingxiu, suqian, type Values } from '../helpers.js';

const quiet = () => new Promise((r) => setTimeout(r, 100));
const WRONG_KEY = 't3.r3_7.natural';
const WRONG = { ...jingxiu().values, [WRONG_KEY]: 4 };
const layout = templateLayout('2019');
const at = (key: string) => toAddress(layout.cells.find((c) => c.key === key)!.pos);

function wps(values: Values = WRONG) {
  const app = new FakeEtApp();
  const sheet = app.book.addSheet('2019年度年报');
  sheet.setValues(filledGrid('2019', values, { year: 2019, agency: '保定市竞秀区人民政府' }));
  return { app, sheet, host: new WpsHost(app) };
}
const shown = (sheet: ReturnType<typeof wps>['sheet'], address: string) => {
  const p = parseAddress(address);
  return sheet.shownFill(p.row, p.col);
};
const marks = (app: FakeEtApp) =>
  app.book.sheets.flatMap((s) => s.conditionalFormats.filter((cf) => isMarkFormula(cf.formula)));

describe('the ET fake behaves like WPS', () => {
  it('is 1-based, a single cell is a value and a block a 2-D array, empty is undefined', () => {
    const { app } = wps();
    const ws = app.ActiveWorkbook!.Worksheets.Item(1);
    expect(ws.Name).toBe('2019年度年报');
    expect(ws.Range('A1').Value2).toBe('政府信息公开工作年度报告');
    expect(ws.Range('A1:C2').Value2).toEqual([
      ['政府信息公开工作年度报告', undefined, undefined],
      ['机关名称', '保定市竞秀区人民政府', undefined],
    ]);
    expect(ws.UsedRange.Row).toBe(1);
    expect(() => app.ActiveWorkbook!.Worksheets.Item(9)).toThrow();
  });
});

describe('WPS host', () => {
  it('插入模板 writes the core layout: labels, merges, widths, validation, unlocked inputs, protection allowing formats', async () => {
    const app = new FakeEtApp();
    app.book.addSheet('Sheet1');
    const name = await new WpsHost(app).insertTemplate('2021', { year: 2024 });
    expect(name).toBe('2024年度年报');
    const sheet = app.book.sheet(name)!;
    const l = templateLayout('2021');
    for (const c of l.cells.filter((x) => x.text))
      expect(sheet.cell(c.pos.row, c.pos.col).value).toBe(c.text);
    expect(sheet.cell(l.year.row, l.year.col).value).toBe(2024);
    expect(sheet.merges.map(areaAddress).sort()).toEqual(l.merges.map(areaAddress).sort());
    // Rows whose labels wrap are as tall as their lines: a merged or printed row is never fitted by WPS.
    expect(l.rowHeights.size).toBeGreaterThan(0);
    for (const [row, height] of l.rowHeights) expect(sheet.cell(row, 0).format.rowHeight).toBe(height);
    const input = l.cells.find((c) => c.kind === 'count')!;
    const cell = sheet.cell(input.pos.row, input.pos.col);
    expect(cell.format['protection.locked']).toBe(false);
    expect(cell.validation?.rule).toEqual({
      type: XL.validateWholeNumber,
      alertStyle: XL.validAlertStop,
      operator: XL.greaterEqual,
      formula1: '0',
    });
    expect(sheet.protected).toBe(true);
    expect(sheet.protectOptions).toEqual({ allowFormatCells: true });
    expect(sheet.pageLayout).toMatchObject({
      Orientation: XL.landscape,
      PaperSize: XL.paperA4,
      Zoom: false,
      FitToPagesWide: 1,
      FitToPagesTall: 1,
    });
    expect(app.book.active).toBe(name);
    // 2019's cells written as text prompt for what goes in them.
    await new WpsHost(app).insertTemplate('2019', { year: 2020 });
    const old = app.book.sheet('2020年度年报')!;
    const change = templateLayout('2019').cells.find((c) => c.kind === 'signedChange')!;
    expect(old.cell(change.pos.row, change.pos.col).validation).toMatchObject({
      rule: { type: XL.validateTextLength, operator: XL.lessEqual, formula1: String(TEXT_MAX) },
      InputMessage: expect.stringContaining('「增1」'),
      ShowInput: true,
    });
  });

  it('校验 marks with conditional formats on top, never a cell format; 清除标记 leaves the sheet exactly as before', async () => {
    const { app, sheet, host } = wps();
    app.book.fill(sheet.name, at(WRONG_KEY), { pattern: 'Solid', color: '#C6EFCE' });
    const before = sheet.snapshot();
    const result = await checkWorkbook(host);
    expect(result.findings.some((f) => f.culprit === WRONG_KEY)).toBe(true);
    expect(shown(sheet, at(WRONG_KEY))).toBe(MARK_FILL.culprit);
    expect(sheet.at(at(WRONG_KEY)).fill).toEqual({ pattern: 'Solid', color: '#C6EFCE' });
    expect(marks(app).length).toBe(2);
    await checkWorkbook(host);
    expect(marks(app).length).toBe(2);
    expect(await host.clearMarks()).toBe(1);
    expect(sheet.snapshot()).toEqual(before);
  });

  it('WPS calculating by hand (F9), with a formula in the report: G-06 said; by itself, or no formula, nothing', async () => {
    const { app, sheet, host } = wps(jingxiu().values);
    const g06 = async () => (await checkWorkbook(host)).findings.filter((f) => f.rule === 'G-06');
    app.book.calculation = 'manual';
    expect(await g06()).toEqual([]);
    app.book.editFormula(sheet.name, at(WRONG_KEY), '=SUM(D30:D48)', 5);
    expect(await g06()).toEqual([expect.objectContaining({ severity: 'warning' })]);
    app.book.calculation = 'automatic';
    expect(await g06()).toEqual([]);
  });

  it('long mark lists are split into addresses Range() accepts (at most 255 characters)', async () => {
    const values = Object.fromEntries(
      Object.keys(jingxiu().values).map((k) => [k, k.startsWith('t3') ? '五' : 0]),
    );
    const { app, host } = wps(values);
    await checkWorkbook(host);
    const ours = marks(app);
    expect(ours.length).toBeGreaterThan(1);
    for (const cf of ours) expect(cf.areas.map(areaAddress).join(',').length).toBeLessThanOrEqual(255);
  });

  it('改为 writes into the unchanged cell only', async () => {
    const { app, sheet, host } = wps();
    const id = (await host.read()).active.id;
    app.book.editFormula(sheet.name, at(WRONG_KEY), '=SUM(D30:D48)', 4);
    expect(await host.applyValue(id, at(WRONG_KEY), 4, 5)).toBe('formula');
    app.book.edit(sheet.name, [[at(WRONG_KEY), 6]]);
    expect(await host.applyValue(id, at(WRONG_KEY), 4, 5)).toBe('changed');
    app.book.edit(sheet.name, [[at(WRONG_KEY), 4]]);
    expect(await host.applyValue(id, at(WRONG_KEY), 4, 5)).toBe('written');
    expect(sheet.at(at(WRONG_KEY)).value).toBe(5);
    expect(await host.applyValue('SheetNone', 'A1', '', 5)).toBe('gone');
  });

  it('the sidebar on WPS: re-check on SheetChange (following a renamed sheet), 说明 on a very hidden sheet, 审核报告', async () => {
    const { app, sheet, host } = wps();
    const pane = new PaneController(host, { recheckDelay: 10 });
    await pane.check();
    expect(errors(pane.getState().result!.findings).length).toBe(3);
    app.book.rename(sheet.name, '竞秀区');
    app.book.edit('竞秀区', [[at(WRONG_KEY), 5]]);
    await quiet();
    expect(errors(pane.getState().result!.findings)).toEqual([]);
    expect(pane.getState().result!.sheet.name).toBe('竞秀区');

    app.book.edit('竞秀区', [
      [at('t3.r1.natural'), String.fromCharCode(0xff10 + Number(jingxiu().values['t3.r1.natural']))],
    ]);
    await quiet();
    const warning = pane.getState().result!.findings.find((f) => f.rule === 'G-01')!;
    // A sheet after the report's: hiding the notes sheet would make it the active one.
    app.book.addSheet('附表');
    await pane.explain(warning, '已核实');
    expect(app.book.sheet(NOTES_SHEET)!.visibility).toBe('VeryHidden');
    // The notes sheet, added (so made active) and hidden, leaves the clerk on the report sheet.
    expect(app.ActiveSheet!.Name).toBe('竞秀区');
    expect(pane.getState().result!.findings.find((f) => f.rule === 'G-01')!.note?.text).toBe('已核实');

    await pane.audit();
    const audit = app.book.sheet(AUDIT_SHEET)!;
    expect(
      [...audit.cells.values()].some((c) => String(c.value).includes('审核结果：通过（1 个警告已说明）')),
    ).toBe(true);
    expect(audit.pageLayout).toMatchObject({ Orientation: XL.portrait, PaperSize: XL.paperA4 });
    expect(audit.cells.get('E6')?.format).toMatchObject({ wrapText: true, autofitRows: true });
  });
});

describe('the sidebar on WPS when a sheet is deleted (SheetBeforeDelete)', () => {
  function twoYears() {
    const [y2023, y2024] = suqian();
    const app = new FakeEtApp();
    app.book.addSheet('2023').setValues(filledGrid('2021', y2023!.values, { year: 2023 }));
    const now = { ...y2024!.values, 't3.r2.natural': Number(y2024!.values['t3.r2.natural']) + 1 };
    app.book.addSheet('2024').setValues(filledGrid('2021', now, { year: 2024 }));
    app.book.select('2024');
    return { app, pane: new PaneController(new WpsHost(app), { recheckDelay: 10 }) };
  }

  it('last year’s sheet deleted: the carry-over it was compared with goes from the list', async () => {
    const { app, pane } = twoYears();
    await pane.check();
    expect(pane.getState().result!.findings.some((f) => f.rule === 'T3-05')).toBe(true);
    app.book.deleteSheet('2023');
    await quiet();
    expect(pane.getState().result!.previous).toBeUndefined();
    expect(pane.getState().result!.findings.some((f) => f.rule === 'T3-05')).toBe(false);
  });

  it('a WPS that has no such event still re-checks on edits, from one listener', async () => {
    const { app, sheet, host } = wps();
    const add = app.ApiEvent.AddApiEventListener;
    const listened: string[] = [];
    app.ApiEvent.AddApiEventListener = (event: string, callback: (...args: never[]) => void) => {
      if (event === 'SheetBeforeDelete') throw new Error('不支持的事件');
      listened.push(event);
      add(event, callback);
    };
    const pane = new PaneController(host, { recheckDelay: 10 });
    await pane.check();
    expect(errors(pane.getState().result!.findings).length).toBe(3);
    app.book.edit(sheet.name, [[at(WRONG_KEY), 5]]);
    await quiet();
    expect(errors(pane.getState().result!.findings)).toEqual([]);
    // Watching is set up once: a second 校验 does not listen again.
    await pane.check();
    expect(listened).toEqual(['SheetChange']);
  });

  it('the checked sheet deleted: the list ends with a message', async () => {
    const { app, pane } = twoYears();
    await pane.check();
    app.book.deleteSheet('2024');
    await quiet();
    expect(pane.getState().result).toBeUndefined();
    expect(pane.getState().notice).toMatchObject({ intent: 'error', text: '所校验的工作表已被删除。' });
  });
});

describe('the WPS ribbon and the sidebar, two pages', () => {
  it('a button shows the sidebar (made once) and hands it the command; stale commands are dropped', async () => {
    const { app, sheet } = wps();
    const ribbon = ribbonCallbacks(app, 'http://addin/taskpane.html');
    expect(ribbon.OnAddinLoad({ Invalidate: () => undefined, InvalidateControl: () => undefined })).toBe(
      true,
    );
    expect(ribbon.GetImage({ Id: 'checkReport' })).toBe('images/check.svg');
    ribbon.OnAction({ Id: 'checkReport' });
    ribbon.OnAction({ Id: 'showPane' });
    expect(app.panes.map((p) => [p.url, p.Visible])).toEqual([['http://addin/taskpane.html', true]]);

    // The sidebar page, started by the pane, picks the command up.
    const pane = new PaneController(new WpsHost(app));
    const stop = listenForCommands(app.PluginStorage, (name) => void commandActions(pane)[name]?.(), 10);
    await quiet();
    stop();
    expect(pane.getState().checks).toBe(1);
    expect(shown(sheet, at(WRONG_KEY))).toBe(MARK_FILL.culprit);

    // A sidebar slow to load (30 s) still takes the click that opened it; a stale command is dropped.
    postCommand(app.PluginStorage, 'checkReport', Date.now() - 30_000);
    expect(takeCommand(app.PluginStorage)).toBe('checkReport');
    postCommand(app.PluginStorage, 'checkReport', Date.now() - 5 * 60_000);
    expect(takeCommand(app.PluginStorage)).toBeUndefined();
    app.PluginStorage.setItem('nianbao.command', 'not json');
    expect(takeCommand(app.PluginStorage)).toBeUndefined();
  });
});

import {
  type Area,
  areaAddress,
  type Edition,
  freeSheetName,
  inputRule,
  ROLE_STYLE,
  type RoleStyle,
  TABLE_FONT_SIZE,
  TEMPLATE_FONT,
  TEMPLATE_PRINT,
  templateGrid,
  type TemplateLayout,
  templateLayout,
  type TemplateValues,
  toAddress,
} from '../core.js';
import { etColor, type EtApplication, type EtRange, type EtWorksheet, XL } from './et.js';
import { sheetsOf } from './read.js';

const EDGES = [XL.edgeTop, XL.edgeBottom, XL.edgeLeft, XL.edgeRight, XL.insideHorizontal, XL.insideVertical];
const ALIGN = { center: XL.center, right: XL.right } as const;
const VALIDATE = {
  whole: XL.validateWholeNumber,
  decimal: XL.validateDecimal,
  textLength: XL.validateTextLength,
} as const;

function applyStyle(r: EtRange, style: RoleStyle): void {
  if (style.size) r.Font.Size = style.size;
  if (style.bold) r.Font.Bold = true;
  if (style.align) r.HorizontalAlignment = ALIGN[style.align];
  if (style.fill) r.Interior.Color = etColor(style.fill);
  if (style.underline) r.Borders.Item(XL.edgeBottom).LineStyle = XL.continuous;
  if (style.unlocked) r.Locked = false;
}

const range = (ws: EtWorksheet, area: Area) => ws.Range(areaAddress(area));

function writeLayout(ws: EtWorksheet, layout: TemplateLayout, fill: TemplateValues): void {
  const whole = range(ws, { top: 0, left: 0, bottom: layout.rows - 1, right: layout.columns - 1 });
  whole.Value2 = templateGrid(layout, fill);
  whole.Font.Name = TEMPLATE_FONT;
  whole.Font.Size = TABLE_FONT_SIZE;
  whole.VerticalAlignment = XL.center;
  layout.columnWidths.forEach((w, col) => {
    range(ws, { top: 0, left: col, bottom: 0, right: col }).ColumnWidth = w;
  });
  for (const [row, height] of layout.rowHeights)
    range(ws, { top: row, left: 0, bottom: row, right: 0 }).RowHeight = height;
  for (const { area } of layout.tableAreas) {
    const r = range(ws, area);
    for (const edge of EDGES) r.Borders.Item(edge).LineStyle = XL.continuous;
    r.WrapText = true;
    r.HorizontalAlignment = XL.center;
  }
  for (const cell of layout.cells) {
    const r = ws.Range(toAddress(cell.pos));
    applyStyle(r, ROLE_STYLE[cell.role]);
    if (cell.role !== 'input') continue;
    const rule = inputRule(cell.kind!, cell.key!);
    r.NumberFormat = rule.numberFormat;
    if (rule.validation) {
      const { type, bound } = rule.validation;
      r.Validation.Add(
        VALIDATE[type],
        XL.validAlertStop,
        bound.op === 'atMost' ? XL.lessEqual : XL.greaterEqual,
        String(bound.value),
      );
      r.Validation.InputTitle = rule.validation.title;
      r.Validation.InputMessage = rule.validation.prompt;
      r.Validation.ErrorTitle = rule.validation.title;
      r.Validation.ErrorMessage = rule.validation.error;
      r.Validation.ShowInput = true;
      r.Validation.ShowError = true;
    }
  }
  for (const m of layout.merges) range(ws, m).Merge();
  ws.PageSetup.Orientation = XL.landscape;
  ws.PageSetup.PaperSize = XL.paperA4;
  ws.PageSetup.Zoom = false;
  ws.PageSetup.FitToPagesWide = TEMPLATE_PRINT.pagesWide;
  ws.PageSetup.FitToPagesTall = TEMPLATE_PRINT.pagesTall;
  // Labels are locked against slips of the hand; no password, and formatting stays allowed for marks.
  ws.Protect(undefined, true, true, false, false, true, true, true);
}

/** A new sheet after the last one. */
export function addSheet(app: EtApplication, name: string): EtWorksheet {
  const sheets = sheetsOf(app);
  const ws = app.ActiveWorkbook!.Worksheets.Add(undefined, sheets[sheets.length - 1]);
  ws.Name = name;
  return ws;
}

/** 插入模板: a new sheet with the official template, never over an existing one. */
export function insertTemplate(app: EtApplication, edition: Edition, fill: TemplateValues): string {
  if (!app.ActiveWorkbook) throw new Error('没有打开的工作簿：请先新建或打开一个工作簿。');
  const name = freeSheetName(
    sheetsOf(app).map((s) => s.Name),
    fill.year,
  );
  const ws = addSheet(app, name);
  const layout = templateLayout(edition);
  writeLayout(ws, layout, fill);
  ws.Activate();
  ws.Range(toAddress(layout.agency)).Select();
  return name;
}

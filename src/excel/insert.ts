import {
  type Area,
  areaAddress,
  type Edition,
  freeSheetName,
  inputRule,
  POINTS_PER_CHAR,
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
const EDGES = [
  'EdgeTop',
  'EdgeBottom',
  'EdgeLeft',
  'EdgeRight',
  'InsideHorizontal',
  'InsideVertical',
] as const;
const ALIGN = { center: 'Center', right: 'Right' } as const;

function applyStyle(r: Excel.Range, style: RoleStyle): void {
  if (style.size) r.format.font.size = style.size;
  if (style.bold) r.format.font.bold = true;
  if (style.align) r.format.horizontalAlignment = ALIGN[style.align];
  if (style.fill) r.format.fill.color = style.fill;
  if (style.underline) r.format.borders.getItem('EdgeBottom').style = 'Continuous';
  if (style.unlocked) r.format.protection.locked = false;
}

function range(ws: Excel.Worksheet, area: Area): Excel.Range {
  return ws.getRange(areaAddress(area));
}

function writeLayout(ws: Excel.Worksheet, layout: TemplateLayout, fill: TemplateValues): void {
  const all = { top: 0, left: 0, bottom: layout.rows - 1, right: layout.columns - 1 };
  const whole = range(ws, all);
  whole.values = templateGrid(layout, fill) as (string | number | boolean)[][];
  whole.format.font.name = TEMPLATE_FONT;
  whole.format.font.size = TABLE_FONT_SIZE;
  whole.format.verticalAlignment = 'Center';
  layout.columnWidths.forEach((w, col) => {
    range(ws, { top: 0, left: col, bottom: 0, right: col }).format.columnWidth = w * POINTS_PER_CHAR;
  });
  for (const [row, height] of layout.rowHeights)
    range(ws, { top: row, left: 0, bottom: row, right: 0 }).format.rowHeight = height;
  for (const { area } of layout.tableAreas) {
    const r = range(ws, area);
    for (const edge of EDGES) r.format.borders.getItem(edge).style = 'Continuous';
    r.format.wrapText = true;
    r.format.horizontalAlignment = 'Center';
  }
  for (const cell of layout.cells) {
    const r = ws.getRange(toAddress(cell.pos));
    applyStyle(r, ROLE_STYLE[cell.role]);
    if (cell.role !== 'input') continue;
    const rule = inputRule(cell.kind!, cell.key!);
    r.numberFormat = [[rule.numberFormat]];
    if (rule.validation) {
      const { type, bound } = rule.validation;
      const limit = {
        formula1: bound.value,
        operator: bound.op === 'atMost' ? 'LessThanOrEqualTo' : 'GreaterThanOrEqualTo',
      } as const;
      r.dataValidation.rule =
        type === 'whole'
          ? { wholeNumber: limit }
          : type === 'decimal'
            ? { decimal: limit }
            : { textLength: limit };
      r.dataValidation.prompt = {
        showPrompt: true,
        title: rule.validation.title,
        message: rule.validation.prompt,
      };
      r.dataValidation.errorAlert = {
        showAlert: true,
        style: 'Stop',
        title: rule.validation.title,
        message: rule.validation.error,
      };
    }
  }
  for (const m of layout.merges) range(ws, m).merge(false);
  ws.pageLayout.orientation = 'Landscape';
  ws.pageLayout.paperSize = 'A4';
  ws.pageLayout.zoom = {
    horizontalFitToPages: TEMPLATE_PRINT.pagesWide,
    verticalFitToPages: TEMPLATE_PRINT.pagesTall,
  };
  // Office enums do not exist outside Excel: their string forms are used throughout.
  // Labels are locked against slips of the hand; no password, and formatting stays allowed for marks.
  ws.protection.protect({ allowFormatCells: true, allowFormatColumns: true, allowFormatRows: true });
}

/** 插入模板: a new sheet with the official template, in two syncs (names, then everything). */
export async function insertTemplate(
  ctx: Excel.RequestContext,
  edition: Edition,
  options: TemplateValues = {},
): Promise<string> {
  const sheets = ctx.workbook.worksheets;
  sheets.load('items/name');
  await ctx.sync();
  const name = freeSheetName(
    sheets.items.map((s) => s.name),
    options.year,
  );
  const ws = sheets.add(name);
  writeLayout(ws, templateLayout(edition), options);
  ws.activate();
  ws.getRange('B2').select();
  await ctx.sync();
  return name;
}

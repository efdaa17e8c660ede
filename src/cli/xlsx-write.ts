import {
  type Area,
  inputRule,
  ROLE_STYLE,
  type RoleStyle,
  TABLE_FONT_SIZE,
  TEMPLATE_FONT,
  TEMPLATE_PRINT,
  templateGrid,
  type TemplateLayout,
  type TemplateValues,
  toAddress,
} from '../core.js';
import ExcelJS from 'exceljs';

const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

function applyStyle(cell: ExcelJS.Cell, style: RoleStyle): void {
  if (style.size || style.bold) {
    cell.font = { name: TEMPLATE_FONT, size: style.size ?? TABLE_FONT_SIZE, bold: style.bold ?? false };
  }
  if (style.align) cell.alignment = { ...cell.alignment, horizontal: style.align, vertical: 'middle' };
  if (style.fill) {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${style.fill.slice(1)}` } };
  }
  if (style.underline) cell.border = { bottom: { style: 'thin' } };
  if (style.unlocked) cell.protection = { locked: false };
}

function eachCell(area: Area, fn: (row: number, col: number) => void): void {
  for (let r = area.top; r <= area.bottom; r++)
    for (let c = area.left; c <= area.right; c++) fn(r + 1, c + 1);
}

/** The template as an .xlsx sheet: labels, merges, borders, widths, number formats, validation. */
export function addTemplateSheet(
  wb: ExcelJS.Workbook,
  name: string,
  layout: TemplateLayout,
  fill: TemplateValues = {},
): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, {
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: TEMPLATE_PRINT.pagesWide,
      fitToHeight: TEMPLATE_PRINT.pagesTall,
    },
  });
  ws.columns = layout.columnWidths.map((width) => ({ width }));
  for (const [row, height] of layout.rowHeights) ws.getRow(row + 1).height = height;
  const grid = templateGrid(layout, fill);
  for (const area of layout.tableAreas) {
    eachCell(area.area, (r, c) => {
      const cell = ws.getCell(r, c);
      cell.border = THIN;
      cell.font = { name: TEMPLATE_FONT, size: TABLE_FONT_SIZE };
      cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    });
  }
  for (const t of layout.cells) {
    const cell = ws.getCell(t.pos.row + 1, t.pos.col + 1);
    const value = grid[t.pos.row]![t.pos.col];
    if (value !== '' && value !== null && value !== undefined) cell.value = value;
    applyStyle(cell, ROLE_STYLE[t.role]);
    if (t.role !== 'input') continue;
    const rule = inputRule(t.kind!, t.key!);
    cell.numFmt = rule.numberFormat;
    if (rule.validation) {
      const { op, value } = rule.validation.bound;
      cell.dataValidation = {
        type: rule.validation.type,
        operator: op === 'atMost' ? 'lessThanOrEqual' : 'greaterThanOrEqual',
        formulae: [value],
        allowBlank: true,
        showInputMessage: true,
        promptTitle: rule.validation.title,
        prompt: rule.validation.prompt,
        showErrorMessage: true,
        errorStyle: 'stop',
        errorTitle: rule.validation.title,
        error: rule.validation.error,
      };
    }
  }
  for (const m of layout.merges)
    ws.mergeCells(`${toAddress({ row: m.top, col: m.left })}:${toAddress({ row: m.bottom, col: m.right })}`);
  // As the add-in's 插入模板: labels locked against slips of the hand, no password, formatting
  // allowed. Without a password ExcelJS sets the protection at once; its promise has nothing to wait for.
  void ws.protect('', { formatCells: true, formatColumns: true, formatRows: true });
  return ws;
}

/** The template (filled or not) as the bytes of an .xlsx file. */
export async function templateBytes(
  sheetName: string,
  layout: TemplateLayout,
  fill: TemplateValues = {},
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'nianbao';
  addTemplateSheet(wb, sheetName, layout, fill);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** The same, written to `path` whether or not it exists (tests and the bench; the command line checks first). */
export async function writeTemplate(
  path: string,
  sheetName: string,
  layout: TemplateLayout,
  fill: TemplateValues = {},
): Promise<void> {
  const { writeFile } = await import('node:fs/promises');
  await writeFile(path, await templateBytes(sheetName, layout, fill));
}

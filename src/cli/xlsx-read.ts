import { type RawValue } from '../core.js';
import ExcelJS from 'exceljs';

export interface SheetGrid {
  readonly name: string;
  readonly grid: RawValue[][];
}

type Value = ExcelJS.CellValue;

function isObject(v: Value): v is Exclude<Value, null | undefined | number | string | boolean | Date> {
  return typeof v === 'object' && v !== null && !(v instanceof Date);
}

/** A cell as Office.js `values` gives it: the shown result of a formula, "" for empty. */
function plain(v: Value): RawValue {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (!isObject(v)) return String(v);
  if ('error' in v) return v.error;
  if ('richText' in v) return v.richText.map((r) => r.text).join('');
  if ('formula' in v || 'sharedFormula' in v) {
    const result = (v as { result?: Value }).result;
    if (result === undefined || result === null) return `=${'formula' in v ? v.formula : v.sharedFormula}`;
    return plain(result);
  }
  if ('text' in v) return typeof v.text === 'string' ? v.text : plain(v.text as Value);
  return '';
}

export async function readWorkbook(path: string): Promise<SheetGrid[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb.worksheets.map((ws) => {
    const grid: RawValue[][] = [];
    for (let r = 1; r <= ws.rowCount; r++) {
      const row: RawValue[] = [];
      for (let c = 1; c <= ws.columnCount; c++) {
        const cell = ws.getCell(r, c);
        // Office.js gives a merged area's value in its top-left cell only.
        row.push(cell.isMerged && cell.master.address !== cell.address ? '' : plain(cell.value));
      }
      grid.push(row);
    }
    return { name: ws.name, grid };
  });
}

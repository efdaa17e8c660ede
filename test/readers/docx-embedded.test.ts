// Excel objects in a Word report: 表三 kept as an embedded workbook (「插入 › 对象」, or cells pasted as an
// object), whose page shows only a picture of its cells. The workbook's cells are read where the
// object stands.
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { check } from '../../src/checks/engine.js';
import { bodyBlocks } from '../../src/readers/docx/body.js';
import { readDocx } from '../../src/readers/docx/index.js';
import { TABLE_PART } from '../../src/report/parts.js';
import type { Report } from '../../src/report/types.js';
import { fixturePath } from '../helpers.js';

const source = unzipSync(new Uint8Array(readFileSync(fixturePath('jingxiu-2019.docx'))));
const documentXml = strFromU8(source['word/document.xml']!);
const T3_TITLE = TABLE_PART.t3;

/** The document's 表三: the Word table after its part title. */
function tableThree(): { from: number; to: number } {
  const title = documentXml.indexOf(T3_TITLE);
  const from = documentXml.indexOf('<w:tbl>', title);
  return { from, to: documentXml.indexOf('</w:tbl>', from) + '</w:tbl>'.length };
}

/** The Word table's cells, as a clerk's workbook holds them: numbers as numbers. */
function tableThreeRows(): (string | number | null)[][] {
  const { from, to } = tableThree();
  const [block] = bodyBlocks(`<w:body>${documentXml.slice(from, to)}</w:body>`);
  if (!block || !('table' in block)) throw new Error('no 表三 in the fixture');
  return block.table.rows.map((row) => row.map((c) => (c !== null && /^\d+$/.test(c) ? Number(c) : c)));
}

/**
 * A workbook of `rows` from B3, with last year's table (other numbers) far below, outside what the
 * object shows (oleSize: B3 to the table's end) where `shows` is set.
 */
async function workbook(rows: (string | number | null)[][], shows: boolean): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  for (const [top, add] of [
    [3, 0],
    [100, 7],
  ] as const)
    rows.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v !== null && v !== '') ws.getCell(r + top, c + 2).value = typeof v === 'number' ? v + add : v;
      }),
    );
  const parts = unzipSync(new Uint8Array(await wb.xlsx.writeBuffer()));
  if (!shows) return zipSync(parts);
  const width = Math.max(...rows.map((r) => r.length));
  const last = String.fromCharCode(65 + width);
  const book = strFromU8(parts['xl/workbook.xml']!).replace(
    '</workbook>',
    `<oleSize ref="B3:${last}${rows.length + 2}"/></workbook>`,
  );
  return zipSync({ ...parts, 'xl/workbook.xml': strToU8(book) });
}

const OBJECT = (rid: string) =>
  `<w:p><w:r><w:object w:dxaOrig="9600" w:dyaOrig="6000"><v:shape id="_x0000_i1025" type="#_x0000_t75" style="width:440pt;height:275pt" o:ole=""><v:imagedata r:id="rIdPicture" o:title=""/></v:shape><o:OLEObject Type="Embed" ProgID="Excel.Sheet.12" ShapeID="_x0000_i1025" DrawAspect="Content" ObjectID="_1767000001" r:id="${rid}"/></w:object></w:r></w:p>`;

/** The fixture with its 表三 replaced by an Excel object embedding `embedded`. */
function withObject(embedded: Uint8Array, object = OBJECT('rIdSheet')): Uint8Array {
  const { from, to } = tableThree();
  const rels = strFromU8(source['word/_rels/document.xml.rels']!).replace(
    '</Relationships>',
    '<Relationship Id="rIdSheet" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/package" Target="embeddings/Microsoft_Excel_Worksheet.xlsx"/>' +
      '<Relationship Id="rIdPicture" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/image1.png"/></Relationships>',
  );
  const types = strFromU8(source['[Content_Types].xml']!).replace(
    '</Types>',
    '<Default Extension="xlsx" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"/><Default Extension="png" ContentType="image/png"/></Types>',
  );
  return zipSync({
    ...source,
    'word/document.xml': strToU8(documentXml.slice(0, from) + object + documentXml.slice(to)),
    'word/_rels/document.xml.rels': strToU8(rels),
    '[Content_Types].xml': strToU8(types),
    'word/embeddings/Microsoft_Excel_Worksheet.xlsx': embedded,
    // The picture of its cells the page shows: one white pixel here.
    'word/media/image1.png': PIXEL,
  });
}

const PIXEL = Uint8Array.from(
  Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4//8/AAX+Av4N70a4AAAAAElFTkSuQmCC',
    'base64',
  ),
);

const raws = (r: Report, prefix: string) =>
  Object.fromEntries([...r.cells].filter(([k]) => k.startsWith(prefix)).map(([k, c]) => [k, c.raw]));

describe('an Excel object in a Word report', () => {
  it('its cells are read as the table where it stands: the same numbers as the Word table it replaces', async () => {
    const original = (await readDocx(new Uint8Array(zipSync(source)))).report!;
    const read = (await readDocx(withObject(await workbook(tableThreeRows(), true)))).report!;
    expect(Object.keys(raws(read, 't3.')).length).toBeGreaterThan(100);
    expect(raws(read, 't3.')).toEqual(raws(original, 't3.'));
    expect(check(read).map((f) => f.rule)).toEqual(check(original).map((f) => f.rule));
    // A cell is named as the clerk finds it on opening the object: its sheet's address.
    expect(read.cells.get('t3.r1.natural')!.address).toMatch(/^第1个嵌入的 Excel 表格 [C-Z]\d+$/);
  });

  it('a total wrong in the object is found, and named by its cell in the workbook', async () => {
    const rows = tableThreeRows();
    const good = (await readDocx(withObject(await workbook(rows, true)))).report!;
    const total = good.cells.get('t3.r1.total')!;
    const [, column, row] = /([A-Z]+)(\d+)$/.exec(total.address!)!;
    // B3 is the rows' first place: the sheet's row and column back to the rows' own.
    const r = Number(row) - 3;
    const c = column!.charCodeAt(0) - 66;
    expect(rows[r]![c]).toBe(total.raw);
    rows[r]![c] = (total.raw as number) + 10;
    const wrong = check((await readDocx(withObject(await workbook(rows, true)))).report!);
    const finding = wrong.find((f) => f.cells?.includes('t3.r1.total'));
    expect(finding?.message).toContain(`（第1个嵌入的 Excel 表格 ${column}${row}）`);
  });

  it('only the cells it shows (oleSize): last year’s table kept far below, which the page does not show, is not read', async () => {
    const shown = (await readDocx(withObject(await workbook(tableThreeRows(), true)))).report!;
    const original = (await readDocx(new Uint8Array(zipSync(source)))).report!;
    expect(check(shown).map((f) => f.message)).toEqual(
      check(original).map((f) => f.message.replace(/第2个表格/g, '第1个嵌入的 Excel 表格')),
    );
    // Without oleSize, all the sheet's cells are what it shows: the other table is there, and said.
    const whole = (await readDocx(withObject(await workbook(tableThreeRows(), false)))).report!;
    expect(check(whole).map((f) => f.message)).toContain(
      '第1个嵌入的 Excel 表格 B100 起另有一份本表，未读取；读取和校验的是第1个嵌入的 Excel 表格 B3 起的那份。多余的一份请删去，以免看错。',
    );
  });

  it('an object that is no workbook, a missing one, or one deleted in a tracked change: not read, the table said missing', async () => {
    const rows = tableThreeRows();
    const missing = (doc: Uint8Array) =>
      readDocx(doc).then((r) =>
        check(r.report!).some((f) => f.message.includes(`没有找到「${T3_TITLE}」的表格`)),
      );
    expect(await missing(withObject(new Uint8Array([1, 2, 3])))).toBe(true);
    expect(await missing(withObject(await workbook(rows, true), OBJECT('rIdNone')))).toBe(true);
    expect(
      await missing(
        withObject(
          await workbook(rows, true),
          OBJECT('rIdSheet').replace(/<w:r>|<\/w:r>/g, (t) =>
            t === '<w:r>' ? '<w:del w:id="1"><w:r>' : '</w:r></w:del>',
          ),
        ),
      ),
    ).toBe(true);
  });
});

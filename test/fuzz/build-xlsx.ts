// Hand-made .xlsx files: XML parts as a writer would put them, zipped with fflate. Tests choose every
// byte, so each case of the reader (shared strings, rich text, shared formulas…) is met on purpose.
import { strToU8, zipSync } from 'fflate';

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const R_NS = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export interface SheetPart {
  readonly name: string;
  /** The <sheetData> rows (and anything after, such as <mergeCells>), or a whole part with `raw`. */
  readonly data?: string;
  readonly raw?: string;
  readonly state?: 'visible' | 'hidden' | 'veryHidden';
}

export interface Book {
  readonly sheets: readonly SheetPart[];
  /** Shared strings, each the inside of an <si>. */
  readonly strings?: readonly string[];
  /** Inside of <styleSheet>, e.g. numFmts and cellXfs. */
  readonly styles?: string;
  readonly date1904?: boolean;
  /** Parts to add or replace, by path. */
  readonly extra?: Readonly<Record<string, string | Uint8Array>>;
}

export const sheetXml = (data: string) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet ${NS} ${R_NS}><sheetData>${data}</sheetData></worksheet>`;

/** The parts of a workbook, before zipping. */
export function bookParts(book: Book): Record<string, Uint8Array> {
  const parts: Record<string, string | Uint8Array> = {
    '[Content_Types].xml': `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${book.sheets
      .map(
        (_, i) =>
          `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
      )
      .join(
        '',
      )}<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`,
    '_rels/.rels': `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': `<?xml version="1.0"?><workbook ${NS} ${R_NS}>${book.date1904 ? '<workbookPr date1904="1"/>' : ''}<sheets>${book.sheets
      .map(
        (s, i) =>
          `<sheet name="${s.name}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="rId${i + 1}"/>`,
      )
      .join('')}</sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${book.sheets
      .map(
        (_, i) =>
          `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
      )
      .join(
        '',
      )}<Relationship Id="rS" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rT" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
    'xl/sharedStrings.xml': `<?xml version="1.0"?><sst ${NS}>${(book.strings ?? []).map((s) => `<si>${s}</si>`).join('')}</sst>`,
    'xl/styles.xml': `<?xml version="1.0"?><styleSheet ${NS}>${book.styles ?? '<cellXfs><xf numFmtId="0"/></cellXfs>'}</styleSheet>`,
  };
  book.sheets.forEach((s, i) => (parts[`xl/worksheets/sheet${i + 1}.xml`] = s.raw ?? sheetXml(s.data ?? '')));
  Object.assign(parts, book.extra ?? {});
  return Object.fromEntries(
    Object.entries(parts).map(([k, v]) => [k, typeof v === 'string' ? strToU8(v) : v]),
  );
}

export function buildXlsx(book: Book): Uint8Array {
  return zipSync(bookParts(book));
}

/** A sheet of one row per array, values written as inline strings or numbers, from A1. */
export function rowsXml(rows: readonly (readonly (string | number)[])[]): string {
  return rows
    .map(
      (row, r) =>
        `<row r="${r + 1}">${row
          .map((v, c) => {
            const ref = `${String.fromCharCode(65 + c)}${r + 1}`;
            return typeof v === 'number'
              ? `<c r="${ref}"><v>${v}</v></c>`
              : `<c r="${ref}" t="inlineStr"><is><t>${v.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</t></is></c>`;
          })
          .join('')}</row>`,
    )
    .join('');
}

const CENTRAL = 0x02014b50;

/** The offsets of the zip's central directory entries, in order. */
export function centralEntries(zip: Uint8Array): number[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const out: number[] = [];
  for (let i = 0; i + 4 <= zip.length; i++) if (view.getUint32(i, true) === CENTRAL) out.push(i);
  return out;
}

/** Rewrites the unzipped size the directory declares for the entry named `name`. */
export function declareSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const copy = zip.slice();
  const view = new DataView(copy.buffer);
  for (const at of centralEntries(copy)) {
    const nameLength = view.getUint16(at + 28, true);
    const entry = new TextDecoder().decode(copy.subarray(at + 46, at + 46 + nameLength));
    if (entry === name) view.setUint32(at + 24, size, true);
  }
  return copy;
}

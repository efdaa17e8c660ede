// What each kind of file costs at least to read: the floors the batch's rates are printed beside.
import { strFromU8, unzipSync } from 'fflate';
import { Parser } from 'htmlparser2';
import { SaxesParser } from 'saxes';

/** Unzip (fflate) and an XML tokenizer (saxes) to a grid of the cells' texts: no spreadsheet logic. */
function xlsxFloor(bytes: Uint8Array): number {
  const parts = unzipSync(bytes, {
    filter: (f) => f.name === 'xl/sharedStrings.xml' || f.name.startsWith('xl/worksheets/sheet'),
  });
  const strings: string[] = [];
  let text = '';
  const sst = new SaxesParser();
  sst.on('text', (t) => (text += t));
  sst.on('closetag', (tag) => {
    if (tag.name === 'si') {
      strings.push(text);
      text = '';
    }
  });
  sst.write(strFromU8(parts['xl/sharedStrings.xml'] ?? new Uint8Array())).close();
  const grid: string[][] = [];
  for (const [name, data] of Object.entries(parts)) {
    if (!name.startsWith('xl/worksheets/')) continue;
    const sheet = new SaxesParser();
    let row: string[] = [];
    let value = '';
    sheet.on('text', (t) => (value += t));
    sheet.on('opentag', (tag) => {
      if (tag.name === 'row') grid.push((row = []));
      if (tag.name === 'c') value = '';
    });
    sheet.on('closetag', (tag) => {
      if (tag.name === 'c') row.push(value);
    });
    sheet.write(strFromU8(data)).close();
  }
  return grid.length + strings.length;
}

/** Reading and one regular-expression pass over the text. */
function textFloor(bytes: Uint8Array): number {
  return (new TextDecoder().decode(bytes).match(/[^\n\t]+/g) ?? []).length;
}

/** Reading and tokenizing the page (htmlparser2, the parser the reader uses). */
function htmlFloor(bytes: Uint8Array): number {
  let n = 0;
  const p = new Parser({ ontext: () => n++ });
  p.write(new TextDecoder().decode(bytes));
  p.end();
  return n;
}

export const FLOORS: Record<string, (b: Uint8Array) => number> = {
  xlsx: xlsxFloor,
  txt: textFloor,
  html: htmlFloor,
};

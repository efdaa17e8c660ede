import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { columnIndex, parseAddress, parseArea, type Pos } from '../../src/report/address.js';

/** What an address meant when it was read by a pattern: the parser is held to it. */
function byPattern(address: string): Pos | 'none' {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  return m ? { row: Number(m[2]) - 1, col: columnIndex(m[1]!) } : 'none';
}

const parsed = (address: string): Pos | 'none' => {
  try {
    return parseAddress(address);
  } catch {
    return 'none';
  }
};

describe('a cell address', () => {
  it('「D48」, 「$d$48」, 「 XFD1048576 」; not 「ABCD1」, 「D」, 「48」, 「D4 8」, 「D$」', () => {
    expect(parseAddress('D48')).toEqual({ row: 47, col: 3 });
    expect(parseAddress('$d$48')).toEqual({ row: 47, col: 3 });
    expect(parseAddress(' XFD1048576 ')).toEqual({ row: 1048575, col: 16383 });
    for (const bad of ['ABCD1', 'D', '48', 'D4 8', 'D$', '$$D1', 'Ä1', '第3行', ''])
      expect(() => parseAddress(bad), bad).toThrow(/not a cell address/);
  });

  it('is read as the pattern read it, whatever the text', () => {
    const piece = fc.constantFrom(
      'A',
      'z',
      'Q',
      '$',
      '1',
      '0',
      '9',
      ' ',
      ':',
      'Ä',
      '第',
      '\t',
      '@',
      '[',
      '`',
      '{',
    );
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 9 }).map((p) => p.join('')),
        (s) => {
          expect(parsed(s)).toEqual(byPattern(s));
        },
      ),
    );
  });

  it('an area from its two corners, in any order; one cell is an area of one', () => {
    expect(parseArea('B7:D9')).toEqual({ top: 6, left: 1, bottom: 8, right: 3 });
    expect(parseArea('D9:B7')).toEqual({ top: 6, left: 1, bottom: 8, right: 3 });
    expect(parseArea('C3')).toEqual({ top: 2, left: 2, bottom: 2, right: 2 });
    expect(parseArea('A1:B2:C3')).toEqual({ top: 0, left: 0, bottom: 1, right: 1 });
    expect(() => parseArea('A1:')).toThrow(/not a cell address/);
  });
});

import { describe, expect, it } from 'vitest';
import { cutOffPage, pdfBlocks } from '../../src/readers/pdf/layout.js';
import type { PageContent, Rule, TextPiece } from '../../src/readers/pdf/page.js';
import { STRUCK } from '../../src/readers/text/document.js';

const h = (at: number, from: number, to: number): Rule => ({ horizontal: true, at, from, to });
const v = (at: number, from: number, to: number): Rule => ({ horizontal: false, at, from, to });
const piece = (text: string, x: number, width: number): TextPiece => ({ text, x, y: 105, width, size: 10 });

/** The column rules of a row ruled from y 100 to 120, at edges `xs`. */
const columns = (xs: number[]) => xs.map((x) => v(x, 100, 120));
/** One row ruled from y 100 to 120 on column edges `xs`. */
const ruledRow = (xs: number[]) => [h(100, xs[0]!, xs.at(-1)!), h(120, xs[0]!, xs.at(-1)!), ...columns(xs)];
/** Three cells, 50 points wide. */
const EDGES = [0, 50, 100, 150];

/** An A4-like page, its number, its rules and the pieces written on it. */
const pageOf = (number: number, rules: Rule[], pieces: TextPiece[]): PageContent => ({
  number,
  width: 600,
  height: 800,
  images: false,
  rules,
  pieces,
});

/** One ruled row of three cells, 50 points wide, and the pieces written in it. */
const page = (pieces: TextPiece[]) => pageOf(1, ruledRow(EDGES), pieces);

/** The tables the pages give, each as its rows of cells. */
const tables = (...pages: PageContent[]) =>
  pdfBlocks(pages).flatMap((b) => ('table' in b ? [b.table.rows.map((r) => [...r])] : []));
const rows = (p: PageContent) => tables(p);

describe('a PDF table whose printer wrote two cells as one run of text', () => {
  it('cuts the run at the column rule: 「3」 and 「3525」, not 「33525」', () => {
    // Chromium prints narrow number columns so: the 「3」 of one cell and the 「3525」 of the next in one piece.
    expect(rows(page([piece('A', 10, 5), piece('33525', 95, 25)]))).toEqual([[['A', '3', '3525']]]);
    expect(rows(page([piece('A', 10, 5), piece('—1,431', 95, 30)]))).toEqual([[['A', '—', '1,431']]]);
  });

  it('leaves alone a run inside one cell', () => {
    expect(rows(page([piece('A', 10, 5), piece('3525', 105, 20)]))).toEqual([[['A', '', '3525']]]);
  });
});

describe('a footnote’s mark after a number (「314」 and a small raised 「2」)', () => {
  it('is no digit of the number; a number of two lines, or a small number of its own, is', () => {
    const mark = (text: string, x: number, dy: number, size: number): TextPiece => ({
      text,
      x,
      y: 105 + dy,
      width: 3,
      size,
    });
    expect(rows(page([piece('A', 10, 5), piece('314', 105, 15), mark('2', 120, 4, 6)]))).toEqual([
      [['A', '', '314']],
    ]);
    expect(rows(page([piece('A', 10, 5), piece('15', 105, 10), mark('*', 115, 3, 6)]))).toEqual([
      [['A', '', '15']],
    ]);
    // The same size on the line below: the number's own rest (a narrow cell wraps it).
    expect(rows(page([piece('A', 10, 5), mark('31', 105, 5, 10), mark('4', 105, -6, 10)]))).toEqual([
      [['A', '', '314']],
    ]);
  });
});

describe('a PDF table whose borders are drawn cell by cell', () => {
  it('is one table when its rules meet only end to end (thick borders in Chromium)', () => {
    // Each row's top and bottom rule broken at x = 75, where no column rule stands: the two halves
    // touch only through those collinear pieces.
    const p: PageContent = {
      ...page([piece('A', 10, 5), piece('3525', 105, 20)]),
      rules: [h(100, 0, 75), h(100, 75, 150), h(120, 0, 75), h(120, 75, 150), ...columns(EDGES)],
    };
    expect(rows(p)).toEqual([[['A', '', '3525']]]);
  });
});

describe('a table on two pages', () => {
  /** Page `number` with one ruled row on the given column edges, its cells holding `texts`. */
  const onPage = (number: number, xs: number[], texts: string[]): PageContent => ({
    ...page(texts.map((t, i) => piece(t, xs[i]! + 2, 5))),
    number,
    rules: ruledRow(xs),
  });

  it('is joined when its parts differ only by a label edge each', () => {
    // A merged label column on one page, a label split in two on the next: the number columns agree.
    expect(
      tables(
        onPage(1, [0, 30, 100, 150, 200], ['A', 'a', '1', '2']),
        onPage(2, [0, 60, 100, 150, 200], ['B', 'b', '3', '4']),
      ),
    ).toHaveLength(1);
  });

  it('gives a header label broken by the page its rest, though its beginning is a label too (「其他」 of 「其他结果」)', () => {
    // 表四's header row broken over two pages: 「其他」 at the foot of one, 「结果」 at the top of the next.
    expect(
      tables(
        onPage(1, [0, 50, 100, 150], ['结果维持', '结果纠正', '其他']),
        onPage(2, [0, 50, 100, 150], ['', '', '结果']),
        onPage(3, [0, 50, 100, 150], ['1', '2', '3']),
      ),
    ).toEqual([
      [
        ['结果维持', '结果纠正', '其他结果'],
        ['1', '2', '3'],
      ],
    ]);
  });

  it('gives a number broken by the page its last digits (「74」 / 「5」), and takes the next row as a row', () => {
    const xs = [0, 50, 100, 150, 200];
    expect(
      tables(
        onPage(1, xs, ['（七）总计', '310', '400', '74']),
        onPage(2, xs, ['', '', '', '5']),
        onPage(3, xs, ['四、结转', '1', '2', '3']),
      ),
    ).toEqual([
      [
        ['（七）总计', '310', '400', '745'],
        ['四、结转', '1', '2', '3'],
      ],
    ]);
    // A row of its own on the next page, its label there, is no rest of a number.
    expect(
      tables(onPage(1, xs, ['（七）总计', '310', '400', '74']), onPage(2, xs, ['四、结转', '', '', '5'])),
    ).toEqual([
      [
        ['（七）总计', '310', '400', '74'],
        ['四、结转', '', '', '5'],
      ],
    ]);
  });

  it('keeps the label columns one for one where a page draws them narrower (a merged label cell carried over)', () => {
    expect(
      tables(
        onPage(1, [0, 60, 120, 150, 200], ['三、本年度办理结果', '（三）不予公开', '1', '2']),
        onPage(2, [0, 5, 40, 150, 200], ['', '（四）无法提供', '3', '4']),
      ),
    ).toEqual([
      [
        ['三、本年度办理结果', '（三）不予公开', '1', '2'],
        ['', '（四）无法提供', '3', '4'],
      ],
    ]);
  });

  it('is read as two tables when each part has number columns of its own (a table split by its writer)', () => {
    expect(
      tables(
        onPage(1, [0, 50, 100, 150, 200], ['A', '1', '2', '3']),
        onPage(2, [0, 60, 110, 160, 200], ['B', '4', '5', '6']),
      ),
    ).toEqual([[['A', '1', '2', '3']], [['B', '4', '5', '6']]]);
  });
});

describe('text struck through (a deletion shown with its revision marks)', () => {
  it('is marked in its cell; an underlined insertion and a table rule are not strikes', () => {
    const p = page([piece('A', 10, 5), piece('4', 60, 6), piece('5', 66, 6), piece('7', 110, 6)]);
    const strike = h(105 + 3, 60, 66);
    const underline = h(105 - 1, 66, 72);
    expect(rows({ ...p, rules: [...p.rules, strike, underline] })).toEqual([[['A', `4${STRUCK}5`, '7']]]);
  });
});

describe('a table wider than the page', () => {
  it('is found by its text running off the right edge (the export cut 「3525」 to 「3」)', () => {
    const inside = page([piece('A', 10, 5), piece('3525', 105, 20)]);
    expect(cutOffPage([inside])).toBeUndefined();
    const cut = { ...page([piece('A', 10, 5), piece('3525', 590, 20)]), number: 2 };
    expect(cutOffPage([inside, cut])?.number).toBe(2);
  });
});

describe('a cell the page cut, its last line left under the table (Chromium)', () => {
  // As Chromium printed 「（三）不予公开」 on a page it ends: the merged label's first line in the
  // table's last row, 「开」 just under the table, where no rule closes that column.
  const cut = (bottomRule: Rule[]): PageContent => ({
    ...page([
      piece('（三）不予公', 10, 30),
      piece('15', 105, 10),
      { ...piece('开', 10, 10), y: 89.6, size: 10.5 },
    ]),
    rules: [h(120, 0, 150), ...bottomRule, ...columns(EDGES)],
  });

  it('is its cell’s, where the page left the column open', () => {
    expect(rows(cut([h(100, 50, 150)]))).toEqual([[['（三）不予公开', '', '15']]]);
  });

  it('is free text where a rule closes the cell (a line of its own under the table)', () => {
    expect(rows(cut([h(100, 0, 150)]))).toEqual([[['（三）不予公', '', '15']]]);
  });
});

describe('lines of running text', () => {
  const at = (text: string, x: number, y: number, width: number): TextPiece => ({
    text,
    x,
    y,
    width,
    size: 10,
  });
  const lines = (pieces: TextPiece[]) =>
    pdfBlocks([pageOf(1, [], pieces)]).flatMap((b) => ('line' in b ? [b.line] : []));

  it('a full line goes on in the next; a signature and its date set to the right are lines of their own', () => {
    expect(
      lines([
        at('本年度未收取信息处理费，也未收取其他', 20, 700, 480),
        at('费用。', 0, 685, 30),
        at('白沙区市场监督管理局', 400, 660, 100),
        at('2023年3月14日', 380, 645, 120),
        at('《2022年年度报告》解读', 0, 630, 150),
      ]),
    ).toEqual([
      '本年度未收取信息处理费，也未收取其他费用。',
      '白沙区市场监督管理局',
      '2023年3月14日',
      '《2022年年度报告》解读',
    ]);
  });
});

describe('two tables drawn one right under the other (a page’s table its writer cut in two)', () => {
  /** Rows of cells from y `top` down, 20 points each, on column edges `xs`; the outer edges drawn once, down both. */
  const grid = (top: number, rowCount: number, xs: number[]) => [
    ...Array.from({ length: rowCount + 1 }, (_, i) => h(top - i * 20, xs[0]!, xs.at(-1)!)),
    ...xs.slice(1, -1).map((x) => v(x, top - rowCount * 20, top)),
  ];
  const at = (text: string, x: number, y: number): TextPiece => ({ text, x, y, width: 10, size: 10 });

  it('are two tables where no inner column edge goes on across the seam; one table where one does', () => {
    const upper = [0, 60, 100, 150];
    const lower = [0, 80, 120, 150];
    const outer = [v(0, 60, 140), v(150, 60, 140)];
    const pieces = [
      at('A', 5, 125),
      at('1', 70, 125),
      at('2', 110, 125),
      at('B', 5, 85),
      at('3', 90, 85),
      at('4', 130, 85),
    ];
    const two = pageOf(1, [...grid(140, 2, upper), ...grid(100, 2, lower), ...outer], pieces);
    expect(tables(two)).toEqual([[['A', '1', '2']], [['B', '3', '4']]]);
    // The same with the edge at 60 going on down to the bottom: the lower rows are the table's own.
    const one: PageContent = { ...two, rules: [...two.rules, v(60, 60, 140)] };
    expect(tables(one)).toHaveLength(1);
  });

  it('are two tables where one inner column edge of many is the same above and below by chance', () => {
    // As LibreOffice printed a 表三 cut in two, the second part's number columns narrower: only
    // the last number column's left edges, a point and a half apart, meet at the seam.
    const upper = [0, 40, 80, 120, 160];
    const lower = [0, 50, 90, 121.5, 160];
    const outer = [v(0, 100, 140), v(160, 100, 140)];
    const row = (y: number, texts: string[], xs: number[]) => texts.map((t, i) => at(t, xs[i]! + 2, y));
    const previous = pageOf(
      1,
      [...grid(140, 1, upper), v(0, 120, 140), v(160, 120, 140)],
      row(125, ['A', '1', '2', '3'], upper),
    );
    const next = pageOf(
      2,
      [...grid(140, 1, upper), ...grid(120, 1, lower), ...outer],
      [...row(125, ['C', '7', '8', '9'], upper), ...row(105, ['B', '4', '5', '6'], lower)],
    );
    // The part the page broke goes on from the page before; the other part is a table of its own.
    expect(tables(previous, next)).toEqual([
      [
        ['A', '1', '2', '3'],
        ['C', '7', '8', '9'],
      ],
      [['B', '4', '5', '6']],
    ]);
    // Two of the three the same (a label edge moved): the lower rows are the table's own.
    const moved: PageContent = {
      ...next,
      rules: [...grid(140, 1, upper), ...grid(120, 1, [0, 50, 80, 120, 160]), ...outer],
    };
    expect(tables(moved)).toHaveLength(1);
  });
});

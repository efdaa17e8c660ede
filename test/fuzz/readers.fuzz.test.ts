// Every reader fed what no clerk would write: random bytes, damaged zips, random grids, random texts
// with pieces of real tables. Never an uncaught exception: a report, or a ReadProblem in Chinese.
// FUZZ_RUNS raises the number of cases (the default keeps the unit tests fast).
import fc from 'fast-check';
import { inflateRawSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { templateBytes } from '../../src/cli/xlsx-write.js';
import { readReportFile } from '../../src/readers/files.js';
import { readGrid } from '../../src/readers/grid.js';
import { ReadProblem } from '../../src/readers/problem.js';
import { readText } from '../../src/readers/text/index.js';
import { readWorkbook } from '../../src/readers/workbook.js';
import { readXlsx, XLSX_LIMITS } from '../../src/readers/xlsx/index.js';
import { readSheetWays } from '../../src/readers/xlsx/sheet.js';
import { sharedStringsWays } from '../../src/readers/xlsx/strings.js';
import { stylesWays } from '../../src/readers/xlsx/styles.js';
import { templateGrid, templateLayout } from '../../src/report/template.js';
import type { RawValue } from '../../src/report/types.js';
import { fixturePath, jingxiu } from '../helpers.js';
import { sheetXml } from './build-xlsx.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 40);
/** Time for `ms` at the default runs, scaled with FUZZ_RUNS. */
const scaled = (ms: number) => ms * Math.max(1, RUNS / 40);
const native = (data: Uint8Array, max: number) => inflateRawSync(data, { maxOutputLength: max });

/** Runs `fn`; a ReadProblem is an answer, anything else thrown fails the test. */
async function answers(fn: () => unknown): Promise<'read' | 'problem'> {
  try {
    await fn();
    return 'read';
  } catch (e) {
    if (e instanceof ReadProblem) {
      expect(e.message).toMatch(/[\u4e00-\u9fff]/);
      return 'problem';
    }
    throw e;
  }
}

let template: Uint8Array;
beforeAll(async () => {
  template = await templateBytes('2019年度年报', templateLayout('2019'), {
    values: jingxiu().values,
    year: 2019,
  });
});

describe('random bytes under every name', () => {
  it('each reader reads them or says why, in Chinese', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 4096 }),
        fc.constantFrom('a.xlsx', 'a.txt', 'a.html', 'a.htm', 'a.mht', 'a.xls', 'a.et', 'a.pdf', 'a'),
        async (bytes, name) => {
          await answers(() => readReportFile(name, bytes));
          await answers(() => readReportFile(name, bytes, { inflate: native }));
        },
      ),
      { numRuns: RUNS * 2 },
    );
  });
});

describe('web archives', () => {
  it('random parts, boundaries, encodings and character sets, or a real archive damaged: read or refused', async () => {
    const real = new Uint8Array(readFileSync(fixturePath('suqian-2024.mhtml')));
    const piece = fc.oneof(
      fc.constantFrom('quoted-printable', 'base64', '8bit', 'binary', 'x-unknown'),
      fc.constantFrom('text/html', 'text/html; charset="gb2312"', 'text/html; charset=nonsense', 'image/png'),
      fc.string({ maxLength: 40 }),
      fc.constantFrom('=', '=\r\n', '=ZZ', '<table><tr><td>', '\r\n\r\n', '--b', '--b--'),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(piece, piece, fc.array(piece, { maxLength: 12 })), { maxLength: 6 }),
        fc.nat(),
        fc.nat({ max: 255 }),
        async (parts, at, value) => {
          const mime = [
            'MIME-Version: 1.0',
            'Content-Type: multipart/related; boundary="b"',
            '',
            ...parts.flatMap(([encoding, type, body]) => [
              '--b',
              `Content-Transfer-Encoding: ${encoding}`,
              `Content-Type: ${type}`,
              '',
              body.join(''),
            ]),
            '--b--',
          ].join('\r\n');
          await answers(() => readReportFile('a.mht', new TextEncoder().encode(mime)));
          const damaged = real.slice(0, real.length - (at % real.length));
          damaged[at % Math.max(1, damaged.length)] = value;
          await answers(() => readReportFile('a.mhtml', damaged));
        },
      ),
      { numRuns: RUNS },
    );
  });
});

/** A byte set to another, the file cut short, or bytes put in: what a download or a disk does to a file. */
const damage = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('splice' as const),
    at: fc.nat(),
    bytes: fc.uint8Array({ minLength: 1, maxLength: 64 }),
  }),
);

function damaged(
  bytes: Uint8Array,
  hits:
    | readonly fc.Arbitrary<never>[]
    | readonly { kind: string; at: number; value?: number; bytes?: Uint8Array }[],
) {
  let b = bytes.slice();
  for (const h of hits as { kind: string; at: number; value?: number; bytes?: Uint8Array }[]) {
    const at = h.at % Math.max(1, b.length);
    if (h.kind === 'flip') b[at] = h.value!;
    else if (h.kind === 'cut') b = b.slice(0, at);
    else b = new Uint8Array([...b.subarray(0, at), ...h.bytes!, ...b.subarray(at)]);
  }
  return b;
}

describe('damaged workbooks', () => {
  it('a flipped byte, a cut, a splice: read (fflate and zlib alike) or refused, never thrown', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(damage, { minLength: 1, maxLength: 4 }), async (hits) => {
        const bytes = damaged(template, hits);
        let viaFflate: string | undefined;
        let viaZlib: string | undefined;
        const a = await answers(() => (viaFflate = JSON.stringify(readXlsx(bytes))));
        const b = await answers(() => (viaZlib = JSON.stringify(readXlsx(bytes, XLSX_LIMITS, native))));
        // Both inflaters see the same bytes the same way, whatever the damage.
        expect(b).toBe(a);
        if (a === 'read') expect(viaZlib).toBe(viaFflate);
        await answers(() => readReportFile('x.xlsx', bytes, { inflate: native }));
      }),
      { numRuns: RUNS * 3 },
    );
  });

  it('damaged parts inside a sound zip: read or refused', async () => {
    const parts = unzipSync(template);
    const names = Object.keys(parts).filter((n) => n.endsWith('.xml') || n.endsWith('.rels'));
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...names),
        fc.nat(),
        fc.constantFrom(
          '<',
          '>',
          '"',
          "'",
          '&',
          '<!--',
          '<![CDATA[',
          '<!DOCTYPE x>',
          '</c>',
          '<c r="XFD1048576"><v>1</v></c>',
          '',
          '\u0000',
        ),
        async (name, at, insert) => {
          const xml = strFromU8(parts[name]!);
          const i = at % (xml.length + 1);
          const broken = zipSync({ ...parts, [name]: strToU8(xml.slice(0, i) + insert + xml.slice(i)) });
          await answers(() => readReportFile('x.xlsx', broken));
        },
      ),
      { numRuns: RUNS * 3 },
    );
  });
});

describe('damaged documents', () => {
  const fixture = (name: string) => new Uint8Array(readFileSync(fixturePath(name)));

  it(
    'a real PDF damaged: read or refused, never thrown, and in bounded time',
    async () => {
      const pdfs = ['jingxiu-2019.writer.pdf', 'suqian-2024.pages.pdf', 'jingxiu-2019.chromium.pdf'].map(
        fixture,
      );
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...pdfs.keys()),
          fc.array(damage, { minLength: 1, maxLength: 3 }),
          async (which, hits) => {
            const started = performance.now();
            await answers(() => readReportFile('x.pdf', damaged(pdfs[which]!, hits)));
            expect(performance.now() - started).toBeLessThan(10_000);
          },
        ),
        { numRuns: Math.max(10, RUNS / 2) },
      );
    },
    scaled(120_000),
  );

  it(
    'a real Word file damaged, as a zip or inside its parts: read or refused, never thrown',
    async () => {
      const docx = fixture('jingxiu-2019.docx');
      const parts = unzipSync(docx);
      const names = Object.keys(parts).filter((n) => n.endsWith('.xml') || n.endsWith('.rels'));
      await fc.assert(
        fc.asyncProperty(
          fc.array(damage, { minLength: 1, maxLength: 4 }),
          fc.constantFrom(...names),
          fc.nat(),
          fc.constantFrom('<', '>', '&', '<!--', '<!DOCTYPE x>', '</w:tc>', '<w:tbl>', '</w:tbl>', '\u0000'),
          async (hits, name, at, insert) => {
            await answers(() => readReportFile('x.docx', damaged(docx, hits)));
            await answers(() => readReportFile('x.docx', damaged(docx, hits), { inflate: native }));
            const xml = strFromU8(parts[name]!);
            const i = at % (xml.length + 1);
            const broken = zipSync({ ...parts, [name]: strToU8(xml.slice(0, i) + insert + xml.slice(i)) });
            await answers(() => readReportFile('x.docx', broken));
          },
        ),
        { numRuns: RUNS * 2 },
      );
    },
    scaled(60_000),
  );
});

describe('the quick readers and the token readers agree', () => {
  const text = fc.string({
    unit: fc.constantFrom('a', '年', '0', '1', ' ', '&', '<', '>', '"', "'", '_', 'x', '\n'),
    maxLength: 12,
  });
  const escape = (s: string) =>
    s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  const cell = fc.record({
    col: fc.nat({ max: 30 }),
    type: fc.constantFrom('n', 's', 'str', 'inlineStr', 'b', 'e', 'd', undefined),
    style: fc.constantFrom(undefined, 0, 1, 2),
    value: fc.option(fc.oneof(fc.integer({ min: -5, max: 5000 }).map(String), text), { nil: undefined }),
    formula: fc.option(fc.constantFrom('SUM(A1:B1)', 'A1&"x"', ''), { nil: undefined }),
    shared: fc.boolean(),
    ref: fc.boolean(),
  });
  const row = fc.record({
    r: fc.option(fc.nat({ max: 60 }), { nil: undefined }),
    cells: fc.array(cell, { maxLength: 8 }),
  });

  function xmlOf(rows: { r?: number; cells: fc.Arbitrary<never>[] | unknown[] }[], merges: string[]): string {
    const body = rows
      .map((rw) => {
        const r = rw.r === undefined ? '' : ` r="${rw.r + 1}"`;
        const cells = (
          rw.cells as {
            col: number;
            type?: string;
            style?: number;
            value?: string;
            formula?: string;
            shared: boolean;
            ref: boolean;
          }[]
        )
          .map((c) => {
            const attrs = `${c.ref && rw.r !== undefined ? ` r="${String.fromCharCode(65 + (c.col % 26))}${rw.r + 1}"` : ''}${c.type ? ` t="${c.type}"` : ''}${c.style !== undefined ? ` s="${c.style}"` : ''}`;
            const f =
              c.formula === undefined
                ? ''
                : c.shared
                  ? `<f t="shared" si="0"${c.formula ? ' ref="A1:Z99"' : ''}>${escape(c.formula)}</f>`
                  : `<f>${escape(c.formula)}</f>`;
            const v =
              c.type === 'inlineStr'
                ? `<is><t>${escape(c.value ?? '')}</t></is>`
                : c.value === undefined
                  ? ''
                  : `<v>${escape(c.value)}</v>`;
            return f || v ? `<c${attrs}>${f}${v}</c>` : `<c${attrs}/>`;
          })
          .join('');
        return `<row${r}>${cells}</row>`;
      })
      .join('');
    const mergeXml = merges.length
      ? `<mergeCells>${merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>`
      : '';
    return sheetXml(body).replace('</sheetData>', `</sheetData>${mergeXml}`);
  }

  it('on random sheets: the same grid, or the same reason', () => {
    const ctx = {
      strings: ['甲', '乙', ''],
      styles: ['number' as const, 'date' as const, 'time' as const],
      date1904: false,
      limits: { ...XLSX_LIMITS, maxRows: 50, maxColumns: 20 },
      // Each read its own budget: the two ways read the same sheet.
      get budget() {
        return { cells: XLSX_LIMITS.maxCells };
      },
    };
    fc.assert(
      fc.property(
        fc.array(row, { maxLength: 12 }),
        fc.array(fc.constantFrom('A1:B2', 'C3:C9', 'B2:A1', 'Z1:AA3', 'X'), { maxLength: 3 }),
        (rows, merges) => {
          const xml = xmlOf(rows, merges);
          const quick = readSheetWays.quickly(xml, ctx);
          expect(quick).toBeDefined();
          expect(quick).toEqual(readSheetWays.tokens(xml, ctx));
        },
      ),
      { numRuns: RUNS * 5 },
    );
  });

  it('on random shared strings and styles', () => {
    const item = fc.oneof(
      text.map((t) => `<t>${escape(t)}</t>`),
      text.map((t) => `<t xml:space="preserve">${escape(t)}</t>`),
      fc
        .tuple(text, text)
        .map(
          ([a, b]) =>
            `<r><t>${escape(a)}</t></r><r><rPr><b/></rPr><t>${escape(b)}</t></r><rPh><t>x</t></rPh>`,
        ),
      fc.constant(''),
    );
    fc.assert(
      fc.property(
        fc.array(item, { maxLength: 10 }),
        fc.array(fc.integer({ min: 0, max: 200 }), { maxLength: 6 }),
        (items, ids) => {
          const sst = `<sst xmlns="x">${items.map((i) => (i ? `<si>${i}</si>` : '<si/>')).join('')}</sst>`;
          expect(sharedStringsWays.quickly(sst)).toEqual(sharedStringsWays.tokens(sst));
          const styles = `<styleSheet xmlns="x"><numFmts><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;"/></numFmts><cellStyleXfs><xf numFmtId="14"/></cellStyleXfs><cellXfs>${ids.map((id) => `<xf numFmtId="${id}" applyNumberFormat="1"/>`).join('')}</cellXfs></styleSheet>`;
          expect(stylesWays.quickly(styles)).toEqual(stylesWays.tokens(styles));
        },
      ),
      { numRuns: RUNS * 3 },
    );
  });
});

describe('random grids and texts', () => {
  const seedText = () => readFileSync(fixturePath('jingxiu-2019.txt'), 'utf8');
  const value = fc.oneof(
    fc.constant<RawValue>(''),
    fc.constant<RawValue>(null),
    fc.integer({ min: -10, max: 1e12 }),
    fc.double(),
    fc.boolean(),
    fc.string({ maxLength: 8 }),
    fc.constantFrom<RawValue>(
      '总计',
      '（一）予以公开',
      '自然人',
      '本年新收政府信息公开申请数量',
      '机关名称',
      '报告年度',
      '1'.repeat(400),
    ),
  );

  it('a grid of anything, or the template with cells replaced by anything: a report or a problem', () => {
    const base = templateGrid(templateLayout('2021'), {});
    fc.assert(
      fc.property(
        fc.array(fc.array(value, { maxLength: 20 }), { maxLength: 30 }),
        fc.array(fc.tuple(fc.nat(), fc.nat(), value), { maxLength: 40 }),
        (random, edits) => {
          const r = readGrid(random);
          expect(r.report !== undefined || typeof (r as { problem: string }).problem === 'string').toBe(true);
          const grid = base.map((row) => [...row]);
          for (const [r0, c0, v] of edits) grid[r0 % grid.length]![c0 % grid[0]!.length] = v;
          readWorkbook([
            { name: 'A', grid },
            { name: 'B', grid: random },
          ]);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('random text with pieces of a real report: a report or a problem, never a throw', () => {
    const lines = seedText().split('\n');
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.constantFrom(...lines),
            fc.string({ maxLength: 20 }),
            fc.constant('\t'),
            fc.constant(''),
          ),
          { maxLength: 120 },
        ),
        (picked) => {
          const r = readText(picked.join('\n'));
          expect(r.report !== undefined || typeof r.problem === 'string').toBe(true);
        },
      ),
      { numRuns: RUNS },
    );
  });
});

describe('the label index', () => {
  it('keys a cell as the first two characters of its comparable form, however long the cell', async () => {
    const { labelKey } = await import('../../src/readers/locate.js');
    const { canonical } = await import('../../src/report/labels.js');
    const unit = fc.constantFrom(
      ' ',
      '\u3000',
      '\t',
      '(',
      '（',
      ')',
      '：',
      ':',
      '"',
      '“',
      '，',
      ',',
      '、',
      '/',
      '／',
      '1',
      '2',
      '.',
      '．',
      '本',
      '年',
      'a',
      '\u00a0',
    );
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 12 }), (text) => {
        expect(labelKey(text)).toBe(canonical(text).slice(0, 2));
      }),
      { numRuns: RUNS * 10 },
    );
  });
});

import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { readReportFile } from '../../src/readers/files.js';
import { htmlToText } from '../../src/readers/html.js';
import { fixturePath, jingxiu, ofRule, seedHtml } from '../helpers.js';

const read = async (name: string, text: string) =>
  (await readReportFile(name, new TextEncoder().encode(text))).reports[0]!;

describe('a published page whose 表四 has a note put in above its numbers', () => {
  const values = jingxiu().values;
  const t4 = Object.entries(values).filter(([k]) => k.startsWith('t4.'));
  // The note as a row of its own, right above 表四's row of numbers (the last row of its table).
  const html = seedHtml();
  const table = html.indexOf('<table', html.indexOf('<h3>四、政府信息公开行政复议'));
  const last = html.lastIndexOf('<tr', html.indexOf('</table>', table));
  const page = `${html.slice(0, last)}<tr><td colspan="15">注：本表数据统计截至12月31日。</td></tr>${html.slice(last)}`;

  it('the page: the note is no number, every number read in its own cell', async () => {
    expect(page).toContain('注：本表数据统计截至12月31日。');
    const r = await read('年报.html', page);
    expect(t4.filter(([k, v]) => r.cells.get(k)?.raw !== v)).toEqual([]);
    expect(ofRule(r.findings, 'G-01')).toEqual([]);
  });

  it('its copy as text (one cell a line): the same', async () => {
    const r = await read('年报.txt', htmlToText(page));
    expect(t4.filter(([k, v]) => r.cells.get(k)?.raw !== v)).toEqual([]);
  });
});

describe('a published page whose tables have an empty column put in (not last)', () => {
  const values = jingxiu().values;
  /** Every row of the table after `title` that ends in a number gets an empty cell before its last. */
  function withEmptyColumn(html: string, title: string): string {
    const start = html.indexOf('<table', html.indexOf(title));
    const stop = html.indexOf('</table>', start);
    const table = html.slice(start, stop).replace(/<tr>([\s\S]*?)<\/tr>/g, (row: string, cells: string) => {
      const last = cells.lastIndexOf('<td');
      const text = cells
        .slice(last)
        .replace(/<[^>]*>/g, '')
        .trim();
      return /^\d+$/.test(text) ? `<tr>${cells.slice(0, last)}<td></td>${cells.slice(last)}</tr>` : row;
    });
    return html.slice(0, start) + table + html.slice(stop);
  }
  const page = withEmptyColumn(
    withEmptyColumn(seedHtml(), '<h3>三、收到和处理政府信息公开申请情况'),
    '<h3>四、政府信息公开行政复议',
  );
  const of = (table: string) => Object.entries(values).filter(([k]) => k.startsWith(table));

  it('the page: 表三 and 表四 read cell by cell (each row’s numbers were read one cell over)', async () => {
    expect(page.match(/<td><\/td>/g)?.length).toBeGreaterThan(20);
    const r = await read('年报.html', page);
    expect([...of('t3.'), ...of('t4.')].filter(([k, v]) => r.cells.get(k)?.raw !== v)).toEqual([]);
  });

  it('its copy as text (one cell a line): the same', async () => {
    const r = await read('年报.txt', htmlToText(page));
    expect([...of('t3.'), ...of('t4.')].filter(([k, v]) => r.cells.get(k)?.raw !== v)).toEqual([]);
  });
});

describe('2021 表二 with an empty column put in after its labels', () => {
  // 宿迁市's 表二 is empty: each of its cells gets a number of its own, 1, 2, 3…
  const html = readFileSync(fixturePath('suqian-2024.html'), 'utf8');
  const start = html.indexOf('<table', html.indexOf('<h3>二、主动公开政府信息情况'));
  const stop = html.indexOf('</table>', start);
  let n = 0;
  const filled = html.slice(start, stop).replace(/<p><\/p>/g, () => `<p>${++n}</p>`);
  const withColumn = filled.replace(
    /<tr><td><p>([^<]+)<\/p><\/td>(?=<td[^>]*><p>\d)/g,
    '<tr><td><p>$1</p></td><td></td>',
  );
  const page = (table: string) => html.slice(0, start) + table + html.slice(stop);
  const t2 = (r: { cells: ReadonlyMap<string, { raw: unknown }> }) =>
    Object.fromEntries([...r.cells].filter(([k]) => k.startsWith('t2.')).map(([k, c]) => [k, c.raw]));

  it('rows of one number too (行政许可, 行政事业性收费): read cell by cell, on the page and in its copy as text', async () => {
    expect(withColumn.match(/<td><\/td>/g)?.length).toBe(6);
    const expected = t2(await read('年报.html', page(filled)));
    expect(Object.values(expected)).toContain(7);
    expect(t2(await read('年报.html', page(withColumn)))).toEqual(expected);
    expect(t2(await read('年报.txt', htmlToText(page(withColumn))))).toEqual(expected);
  });
});

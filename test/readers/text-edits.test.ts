import { describe, expect, it } from 'vitest';
import { readReportFile } from '../../src/readers/files.js';
import { htmlToText } from '../../src/readers/html.js';
import { jingxiu, ofRule, seedHtml } from '../helpers.js';

const read = async (name: string, text: string) =>
  (await readReportFile(name, new TextEncoder().encode(text))).reports[0]!;

describe('a published page whose 表四 has a note put in above its numbers', () => {
  const values = jingxiu().values;
  const t4 = Object.entries(values).filter(([k]) => k.startsWith('t4.'));
  // The note as a row of its own, right above 表四's row of numbers (the last row of its table).
  const html = seedHtml();
  const table = html.indexOf('<table', html.indexOf('四、政府信息公开行政复议'));
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

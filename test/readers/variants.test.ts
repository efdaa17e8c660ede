import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { check } from '../../src/checks/engine.js';
import { readText } from '../../src/readers/text/index.js';
import type { Report } from '../../src/report/types.js';
import { errors, fixturePath, jingxiu, ofRule } from '../helpers.js';

// Variants met on real published pages, each built from the quoted lines into the seed report.

const seedText = () => readFileSync(fixturePath('jingxiu-2019.txt'), 'utf8');

function read(text: string): Report {
  const r = readText(text, { source: 'test.txt' });
  if (!r.report) throw new Error(r.problem);
  return r.report;
}

const raws = (r: Report) => Object.fromEntries([...r.cells].map(([k, c]) => [k, c.raw]));

function replaced(text: string, from: string, to: string): string {
  const out = text.replace(from, to);
  expect(out).not.toBe(text);
  return out;
}

describe('part titles are matched by meaning', () => {
  it.each([
    ['五、存在的主要问题及改进情况', '五、存在问题及改进情况'],
    ['五、存在的主要问题及改进情况', '五、政府信息公开工作存在的主要问题及改进情况'],
    ['六、其他需要报告的事项', '六、其他需要报告事项'],
  ])('「%s」 written 「%s」 is still part of the report: no S-01', (official, seen) => {
    const r = read(replaced(seedText(), `\n${official}\n`, `\n${seen}\n`));
    expect(r.published!.titles.every((l) => l > 0)).toBe(true);
    expect(ofRule(check(r), 'S-01')).toEqual([]);
  });

  it('a stray character (「行政法复议」) neither loses part 四 nor table 4', () => {
    const text = replaced(
      seedText(),
      '四、政府信息公开行政复议、行政诉讼情况',
      '四、政府信息公开行政法复议、行政诉讼情况',
    );
    const r = read(text);
    expect(r.published!.titles[3]).toBe(349);
    expect(r.tables).toEqual(['t2', 't3', 't4']);
    expect(raws(r)).toEqual(jingxiu().values);
    expect(errors(check(r))).toEqual([]);
  });

  it('table 3 rows 「三、本年度办理结果」, 「四、结转下年度继续办理」 are never part titles', () => {
    // Without the real titles 三 and 四, the table's own rows must not stand in for them.
    const text = seedText()
      .replace('\n三、收到和处理政府信息公开申请情况\n', '\n收到和处理申请\n')
      .replace('\n四、政府信息公开行政复议、行政诉讼情况\n', '\n复议诉讼\n');
    const r = read(text);
    expect(r.published!.titles[2]).toBe(-1);
    expect(r.published!.titles[3]).toBe(-1);
    expect(ofRule(check(r), 'S-01')[0]!.message).toContain('「三、收到和处理政府信息公开申请情况」');
  });

  it('of a subheading in part 一 and the real title, the exact title wins even when both match', () => {
    const r = read(seedText());
    expect(r.published!.titles.slice(0, 4)).toEqual([1, 10, 86, 349]);
  });
});

describe('year and agency', () => {
  const withTitle = (title: string) => replaced(seedText(), ' 一、总体情况\n', `${title}\n 一、总体情况\n`);

  it('「2019年上海市人民政府办公厅政府信息公开工作年度报告」: year first, then the body', () => {
    const r = read(withTitle('2019年上海市人民政府办公厅政府信息公开工作年度报告'));
    expect(r.year).toBe(2019);
    expect(r.agency).toBe('上海市人民政府办公厅');
  });

  it('a title broken over two lines names its body', () => {
    const r = read(withTitle('淮安市人民政府\n2024年政府信息公开工作年度报告'));
    expect(r.year).toBe(2024);
    expect(r.agency).toBe('淮安市人民政府');
  });

  it('a title broken inside its last word (「…年度报」 / 「告」) is still the title', () => {
    const r = read(withTitle('保定市竞秀区 2019 年政府信息公开工作年度报\n告'));
    expect(r.year).toBe(2019);
    expect(r.agency).toBe('保定市竞秀区');
  });

  it('the statistics period gives the year when the title does not', () => {
    const text = replaced(
      seedText(),
      ' 一、总体情况\n',
      '政府信息公开工作年度报告\n本年度报告中所列数据统计期限从2019年1月1日到12月31日止。\n 一、总体情况\n',
    ).replace('2020年2月15日', '');
    expect(read(text).year).toBe(2019);
  });

  it('without a title, the date line gives the year and the signature the body', () => {
    const r = read(seedText());
    expect(r).toMatchObject({ year: 2019, agency: '保定市竞秀区人民政府' });
  });
});

describe('text copied from a PDF with its layout kept', () => {
  /** The seed with a row given as one layout line: its label and numbers after `prefix`. */
  function asLayoutLine(text: string, label: string, prefix: string): string {
    const lines = text.split('\n');
    const at = lines.findIndex((l) => l.trim() === label);
    const values: string[] = [];
    let i = at + 1;
    while (values.length < 7) {
      if (lines[i]!.trim()) values.push(lines[i]!.trim());
      i++;
    }
    lines.splice(at, i - at, `${prefix}${label}     ${values.join('  ')}`);
    return lines.join('\n');
  }

  it('characters of a vertical merged label glued in front of row labels (「本  2.…」, 「果  6.…」) are left out', () => {
    let text = asLayoutLine(seedText(), '2.其他法律行政法规禁止公开', '本            ');
    text = asLayoutLine(text, '6.属于四类过程性信息', '果   ');
    const r = read(text);
    expect(raws(r)).toEqual(jingxiu().values);
    expect(errors(check(r))).toEqual([]);
  });
});

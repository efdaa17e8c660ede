import { describe, expect, it } from 'vitest';
import { check } from '../../src/checks/engine.js';
import { htmlToText } from '../../src/readers/html.js';
import { readText } from '../../src/readers/text/index.js';
import { parseValue } from '../../src/report/parse-value.js';
import type { RawValue } from '../../src/report/types.js';
import {
  checkGrid,
  errors,
  filledGrid,
  jingxiu,
  ofRule,
  reportHtml,
  seedTextWith,
  suqian,
} from '../helpers.js';

/** 予以公开·自然人 of the seed (2 in the report), at D30 of the 2019 template. */
const KEY = 't3.r3_1.natural';
const AT = 'D30';

function withCell(raw: RawValue) {
  return checkGrid(filledGrid('2019', { ...jingxiu().values, [KEY]: raw }));
}

function cellFindings(raw: RawValue) {
  return withCell(raw).filter((f) => f.cells.length === 1 && f.cells[0] === KEY);
}

describe('bad input in a count cell: a clear message naming the cell, never a crash', () => {
  const rejected: [RawValue, string][] = [
    ['五', '「五」是汉字数字（即 5），而表中合计是按此格为 2 算的'],
    ['十二', '「十二」是汉字数字（即 12），而表中合计是按此格为 2 算的'],
    ['约五', '「约五」不是数字'],
    ['约5', '「约5」不是确切的数字'],
    ['-1', '「-1」是负数'],
    [-1, '-1 是负数'],
    ['2.5', '「2.5」不是整数'],
    [2.5, '2.5 不是整数'],
    ['#VALUE!', '公式出错（#VALUE!）'],
    [
      '=SUM(D30:I30)',
      '是没有计算结果的公式「=SUM(D30:I30)」：单元格设成了文本格式的，请改为「常规」后重新输入',
    ],
    [true, '是逻辑值 TRUE'],
    [1234567890, '有 10 位，不可能是件数'],
    // A 400-digit number is neither Infinity nor 1e+25 in what the clerk reads.
    ['1'.repeat(400), `「${'1'.repeat(30)}…」有 400 位，不可能是件数`],
    [Number('1'.repeat(400)), '数字过大，不可能是件数'],
    [1e25, '有 26 位，不可能是件数'],
    [-1e25, '有 26 位，不可能是件数'],
    ['-'.concat('9'.repeat(30)), '有 30 位，不可能是件数'],
  ];
  for (const [raw, says] of rejected) {
    it(`${JSON.stringify(raw)} is a G-01 error`, () => {
      const [f, ...rest] = cellFindings(raw);
      expect(rest).toEqual([]);
      expect(f!.message).not.toMatch(/Infinity|e\+\d/);
      expect(f).toMatchObject({ rule: 'G-01', severity: 'error', addresses: [AT] });
      expect(f!.message).toContain(`（${AT}）`);
      expect(f!.message).toContain(says);
      // What cannot be read is offered as its sums say (2); a number in words they disagree with,
      // and a number in the sums already, as the totals' own findings say.
      const inSums = [-1, '-1', 2.5, '2.5'].includes(raw as number | string);
      expect(f!.suggested).toBe(inSums || ['五', '十二'].includes(String(raw)) ? undefined : 2);
      if (f!.suggested !== undefined) expect(f!.message).toMatch(/；按表中合计此格应为 2。$/);
      const others = errors(withCell(raw)).filter((e) => e.rule !== 'G-01');
      if ([-1, '-1', 2.5, '2.5'].includes(raw as number | string)) {
        // A number that is no count (−1, 2.5) still takes part in its sums: they do not go unchecked,
        // and the cell itself is named with the value that balances them.
        expect(others.length).toBeGreaterThan(0);
        for (const e of others) expect(e).toMatchObject({ culprit: KEY, suggested: 2 });
      } else {
        // What cannot be read as a number is left out of the sums rather than guessed.
        expect(others).toEqual([]);
      }
    });
  }

  it('a number in words is offered as the number it is where its sums agree, both told where they do not', () => {
    const seed = jingxiu().values;
    const written = (raw: string, values = seed) =>
      checkGrid(filledGrid('2019', { ...values, [KEY]: raw })).find((f) => f.rule === 'G-01')!;
    // The totals hold it (2): writing it as a number is all.
    expect(written('二')).toMatchObject({
      culprit: KEY,
      suggested: 2,
      message: expect.stringMatching(/「二」是汉字数字，请写成阿拉伯数字 2。$/),
    });
    // Summed as Excel sums text, as 0: which is right only the clerk knows; no one-click fix.
    const minus = (key: string) => ({ [key]: Number(seed[key]) - 2 });
    const skipped = written('二', { ...seed, ...minus('t3.r3_1.total'), ...minus('t3.r3_7.natural') });
    expect(skipped.suggested).toBeUndefined();
    expect(skipped.culprit).toBeUndefined();
    expect(skipped.message).toContain(
      '「二」是汉字数字（即 2），而表中合计是按此格为 0 算的（求和时文字不计入）；若应为 2，请填 2，并把（一）予以公开·总计（J30）、（七）总计·自然人（D49）相应改正；若应为 0，请填 0',
    );
    // Summed with another number: said with it.
    expect(written('五').message).toContain(
      '「五」是汉字数字（即 5），而表中合计是按此格为 2 算的；若应为 5',
    );
    // Its row's total and its column's say two numbers for it (its column's total is wrong too),
    // neither of them 5: no one-click 5, which the next check would call wrong.
    const columnTotal = (by: number) => ({ 't3.r3_7.natural': Number(seed['t3.r3_7.natural']) + by });
    const neither = written('五', { ...seed, ...columnTotal(-2) });
    expect(neither.suggested).toBeUndefined();
    expect(neither.message).toMatch(
      /「五」是汉字数字（即 5），与表中合计都不符，各合计按此格算出的数也不一致（2、0），同表另有格子填错；请先改正其他格/,
    );
    // One of them says 5: the other sum holds the other wrong cell.
    expect(written('五', { ...seed, ...columnTotal(3) })).toMatchObject({ culprit: KEY, suggested: 5 });
  });

  it('what cannot be read is offered as its sums say, where they all say one number', () => {
    const seed = jingxiu().values;
    const [f] = cellFindings('约21');
    expect(f).toMatchObject({ culprit: KEY, suggested: 2 });
    expect(f!.message).toBe(
      '（一）予以公开·自然人（D30）：「约21」不是确切的数字，请只填阿拉伯数字；按表中合计此格应为 2。',
    );
    // Its row total blank too: the column alone still says it.
    const rowBlank = checkGrid(filledGrid('2019', { ...seed, [KEY]: '约21', 't3.r3_1.total': null }));
    expect(rowBlank.find((x) => x.rule === 'G-01')).toMatchObject({ suggested: 2 });
    // Both its totals blank: nothing says it, nothing offered.
    const none = checkGrid(
      filledGrid('2019', { ...seed, [KEY]: '约21', 't3.r3_1.total': null, 't3.r3_7.natural': null }),
    );
    expect(none.find((x) => x.rule === 'G-01')!.suggested).toBeUndefined();
  });

  it('a negative number in table 4 does not switch off its identity', () => {
    const found = checkGrid(filledGrid('2019', { ...jingxiu().values, 't4.review.upheld': -1 }));
    expect(ofRule(found, 'G-01').map((f) => f.cells)).toEqual([['t4.review.upheld']]);
    expect(ofRule(found, 'T4-01')).toHaveLength(1);
  });

  const readAs: [RawValue, string][] = [
    ['５', '全角数字'],
    [' 2 ', '前后有空格'],
    ['2件', '带单位「件」'],
    ['2', '文本格式的数字'],
  ];
  for (const [raw, says] of readAs) {
    it(`${JSON.stringify(raw)} is read as a number, with a warning saying how`, () => {
      const value = raw === '５' ? 5 : 2;
      const findings = withCell(raw);
      const [f] = cellFindings(raw);
      expect(f).toMatchObject({ rule: 'G-01', severity: 'warning', addresses: [AT] });
      expect(f!.message).toContain(says);
      expect(f!.message).toContain(`已按数字 ${value} 读取`);
      // Read as 2 the report still balances; read as 5 it does not, and 予以公开·自然人 is the culprit.
      if (value === 2) expect(errors(findings)).toEqual([]);
      else expect(errors(findings).every((e) => e.culprit === KEY && e.suggested === 2)).toBe(true);
    });
  }

  it('a table of a workbook with many numbers as text (a Word table pasted) is one warning; a few are one each, with the number to type', () => {
    const values = jingxiu().values;
    const asText = (keys: string[]) =>
      checkGrid(
        filledGrid('2019', {
          ...values,
          ...Object.fromEntries(keys.map((k) => [k, String(values[k as keyof typeof values])])),
        }),
      );
    const many = ['t3.r1.natural', 't3.r1.total', 't3.r3_1.natural', 't3.r3_1.total'];
    const [one, ...more] = ofRule(asText(many), 'G-01');
    expect(more).toEqual([]);
    expect(one).toMatchObject({ table: 't3', cells: many });
    expect(one!.message).toMatch(/^表三有 4 格的数字是文本（如从 Word 粘贴的表格），均已按数字读取，例如/);
    const few = ofRule(asText(many.slice(0, 3)), 'G-01');
    expect(few.map((f) => [f.cells, f.culprit, f.suggested])).toEqual(
      many.slice(0, 3).map((k) => [[k], k, values[k as keyof typeof values]]),
    );
  });

  it('a total short of its items by just the numbers typed as text (a =SUM that leaves text out): said so, the text cell the one to mend', () => {
    const values = suqian()[1].values;
    const natural = values['t3.r3_2.natural'] as number;
    const total = values['t3.r3_2.total'] as number;
    const findings = checkGrid(
      filledGrid('2021', { ...values, 't3.r3_2.natural': String(natural), 't3.r3_2.total': total - natural }),
    );
    const [row] = ofRule(findings, 'T3-02');
    expect(row!.message).toContain(
      `相差的 ${natural} 正好是文本格式的（二）部分公开·自然人（D27）：若合计是求和公式，公式不计入文本，把该格改为数字即可。`,
    );
    // The one cell to mend, with its own number (改为 writes it as a number), and why.
    expect(row).toMatchObject({ culprit: 't3.r3_2.natural', suggested: natural });
    expect(row!.caveat).toBe('该格是文本格式的数字，求和公式不计入，改为数字即可');
    // The total of 一、本年新收 short so: its row says why, and the column that names the total as
    // the one wrong says the same, with no 改为 over the sum (a sidebar audit's contradiction).
    const business = values['t3.r1.business'] as number;
    const received = checkGrid(
      filledGrid('2021', {
        ...values,
        't3.r1.business': String(business),
        't3.r1.total': (values['t3.r1.total'] as number) - business,
      }),
    );
    const broken = received.filter((f) => f.rule.startsWith('T3-0'));
    expect(broken.length).toBeGreaterThan(1);
    for (const f of broken) {
      expect(f.message, f.message).toContain(
        `正好是文本格式的一、本年新收政府信息公开申请数量·商业企业（E24）`,
      );
      // Never the sum: where the text cell is in the identity, it; where not, none.
      expect(f.culprit, f.message).toBe(f.cells.includes('t3.r1.business') ? 't3.r1.business' : undefined);
    }
    expect(broken.some((f) => f.culprit === undefined)).toBe(true);
    // A text cell the table's numbers call wrong is not excused so (a 「５」 where 0 belongs).
    const wrong = checkGrid(filledGrid('2021', { ...values, 't3.r4.other': '５' }));
    expect(wrong.some((f) => f.message.includes('正好是文本格式'))).toBe(false);
  });

  it('a number with a character that shows as nothing after it (a zero-width space pasted from a page) is the number, said so', () => {
    const findings = withCell('2\u200b');
    expect(errors(findings)).toEqual([]);
    const [text] = ofRule(findings, 'G-01');
    expect(text!.message).toContain(
      '「2」是文本（含有看不见的字符，如从网页复制带来的零宽空格），已按数字 2 读取',
    );
  });

  for (const raw of ['/', '—', '', null] as RawValue[]) {
    it(`${JSON.stringify(raw)} is a blank: a G-03 warning, counted as 0`, () => {
      const findings = withCell(raw);
      const [blank] = ofRule(findings, 'G-03');
      expect(blank).toMatchObject({ severity: 'warning', table: 't3', cells: [KEY] });
      expect(blank!.message).toContain(AT);
      // Counted as 0, 予以公开 no longer adds up: the blank cell is where 2 belongs.
      expect(errors(findings).length).toBeGreaterThan(0);
      expect(errors(findings).every((e) => e.culprit === KEY && e.suggested === 2)).toBe(true);
    });
  }

  it('a blank total is taken from its identity and the warning gives the value', () => {
    const findings = checkGrid(filledGrid('2019', { ...jingxiu().values, 't3.r3_7.total': '' }));
    expect(errors(findings)).toEqual([]);
    const [f] = ofRule(findings, 'G-03');
    expect(f).toMatchObject({ cells: ['t3.r3_7.total'], culprit: 't3.r3_7.total', suggested: 5 });
    expect(f!.message).toBe('（七）总计·总计（J49）未填：按各项之和应为 5，请填上。');
  });

  it('a blank total whose part is wrong: the identities through it name that part, and the total to fill is the sum put right', () => {
    const values = suqian()[1].values;
    const natural = values['t3.r1.natural'] as number;
    const findings = checkGrid(
      filledGrid('2021', { ...values, 't3.r1.total': null, 't3.r1.natural': natural + 1 }, { year: 2024 }),
    );
    const t301 = ofRule(findings, 'T3-01');
    expect(t301).toHaveLength(2);
    for (const f of t301) expect(f).toMatchObject({ culprit: 't3.r1.natural', suggested: natural });
    const [g03] = ofRule(findings, 'G-03').filter((f) => f.culprit === 't3.r1.total');
    expect(g03).toMatchObject({ suggested: values['t3.r1.total'] });
    expect(g03!.message).toContain(`改正后总计应为 ${values['t3.r1.total']}`);
  });

  it('an empty template is one finding per table, not one per cell', () => {
    const findings = checkGrid(filledGrid('2021', {}));
    expect(findings.map((f) => [f.rule, f.table, f.message])).toEqual([
      ['G-03', 't2', '本表尚未填写：没有的项目请填 0。'],
      ['G-03', 't3', '本表尚未填写：没有的项目请填 0。'],
      ['G-03', 't4', '本表尚未填写：没有的项目请填 0。'],
    ]);
  });
});

describe('a formula written in a published text', () => {
  it('is said to be a formula, not given a workbook’s advice (the text has no cell to reformat)', () => {
    const formula = '=HYPERLINK("http://example.org/","点我看详细数据，共计五项")';
    const [f, ...rest] = errors(check(readText(seedTextWith(formula)).report!)).filter(
      (e) => e.rule === 'G-01',
    );
    expect(rest).toEqual([]);
    expect(f!.message).toMatch(
      /^一、本年新收政府信息公开申请数量·\S+（第\d+行）：写的是公式「=HYPERLINK\("http:\/\/example\.org…」，不是数字；按表中合计此格应为 \d+。$/,
    );
    // In a workbook the same text is a cell to set to 「常规」.
    expect(cellFindings(formula)[0]!.message).toContain('请改为「常规」后重新输入');
  });
});

/** 宿迁市 2024 (2021 edition) with `deltas` added to its cells, checked. */
function suqianWith(deltas: Record<string, number>) {
  const values = suqian()[1].values;
  const changed = Object.fromEntries(Object.entries(deltas).map(([k, d]) => [k, Number(values[k] ?? 0) + d]));
  return checkGrid(filledGrid('2021', { ...values, ...changed }, { year: 2024 }));
}

describe('two cells wrong', () => {
  it('each is named with its value, and the message does not claim one alone mends everything', () => {
    const findings = suqianWith({ 't3.r1.natural': 1, 't3.r3_1.business': 2 });
    const named = errors(findings).filter((f) => f.culprit);
    expect(new Set(named.map((f) => f.culprit))).toEqual(new Set(['t3.r1.natural', 't3.r3_1.business']));
    for (const f of named) {
      expect(f.message).toContain('同表另有一格也需改正（见其他提示），两格都改正后相关等式全部成立');
      expect(f.message).not.toContain('即可使相关等式全部成立');
      // Apart, for the sidebar's card that shows one culprit's findings under one title.
      expect(f.caveat).toBe('同表另有一格也需改正（见其他提示）');
    }
  });

  it('one wrong in each of two tables (a decimal in table 4): each is the only one of its table', () => {
    const findings = suqianWith({ 't3.r1.natural': 1, 't4.review.upheld': 0.5 });
    const named = errors(findings).filter((f) => f.culprit);
    expect(new Set(named.map((f) => f.culprit))).toEqual(new Set(['t3.r1.natural', 't4.review.upheld']));
    for (const f of named) {
      expect(f.message).toContain('即可使相关等式全部成立');
      expect(f.message).not.toContain('另有');
      expect(f.caveat ?? '').not.toContain('另有');
    }
  });

  it('three wrong, each where a broken row meets a broken column (two in one row), are each named', () => {
    const values = suqian()[1].values;
    const wrong = { 't3.r1.total': 3, 't3.r3_1.business': 2, 't3.r3_1.research': 5 };
    const findings = suqianWith(wrong);
    const named = errors(findings).filter((f) => f.culprit);
    expect(new Map(named.map((f) => [f.culprit, f.suggested]))).toEqual(
      new Map(Object.keys(wrong).map((k) => [k, Number(values[k] ?? 0)])),
    );
    for (const f of named) expect(f.caveat).toBe('同表另有 2 格也需改正（见其他提示）');
    expect(named[0]!.message).toContain('3 格都改正后相关等式全部成立');
    // The row that holds two of them names both.
    expect(errors(findings).find((f) => !f.culprit)!.message).toContain('最可能填错的是以下 2 格');
  });
});

describe('a sum of many cells all 0', () => {
  it("is said as its value, its cells' zeros apart: 「之和 0（各项均为 0），实填 1」", () => {
    const values = suqian()[1].values;
    // 科研机构 answered nothing: its (七) 总计 of 1 is all the column has.
    const findings = checkGrid(filledGrid('2021', { ...values, 't3.r3_7.research': 1 }, { year: 2024 }));
    const column = errors(findings).find((f) => f.rule === 'T3-03' && f.message.startsWith('「科研机构」列'));
    expect(column!.message).toContain('（七）总计应等于各项办理结果之和 0（各项均为 0），实填 1。');
  });
});

describe('a culprit named only because the other cells cannot go negative', () => {
  it('says so, so the clerk checks it (totals left blank, two cells of 0 filled as 1 and 2)', () => {
    const seed = jingxiu().values;
    const blankTotals = Object.fromEntries(
      Object.keys(seed)
        .filter((k) => k.startsWith('t3.') && k.endsWith('.total'))
        .map((k) => [k, null]),
    );
    const values = { ...seed, ...blankTotals, 't3.r3_3_1.natural': 1, 't3.r3_3_7.natural': 2 };
    const [f] = ofRule(checkGrid(filledGrid('2019', values)), 'T3-03').filter((x) => x.culprit);
    // 予以公开 2 and 本机关不掌握 3 are the only cells that could lose 3: the latter, by elimination.
    expect(f).toMatchObject({ culprit: 't3.r3_4_1.natural', suggested: 0 });
    expect(f!.message).toContain('改其他格都会出现负数，故推断为此格，请核对');
    expect(f!.caveat).toBe('改其他格都会出现负数，故推断为此格，请核对');
    // A culprit the identities single out by themselves says nothing of the kind.
    const plain = checkGrid(filledGrid('2019', { ...seed, 't3.r3_7.natural': 4 }));
    expect(plain.some((x) => x.message.includes('故推断'))).toBe(false);
  });
});

describe('one fix per cell', () => {
  it('a count written as text that is also wrong is fixed by the identities’ value, not the text’s', () => {
    const findings = checkGrid(filledGrid('2019', { ...jingxiu().values, 't3.r3_7.natural': '6件' }));
    const culprits = findings.filter((f) => f.culprit === 't3.r3_7.natural');
    expect(culprits.length).toBeGreaterThan(0);
    for (const f of culprits) expect(f).toMatchObject({ severity: 'error', suggested: 5 });
    const [g01] = ofRule(findings, 'G-01');
    expect(g01).toMatchObject({ severity: 'warning', cells: ['t3.r3_7.natural'] });
    expect(g01!.suggested).toBeUndefined();
  });
});

describe('table 2 values', () => {
  it('signed changes are read as published; an unreadable one is a G-05 warning', () => {
    const seed = jingxiu().values;
    expect(ofRule(checkGrid(filledGrid('2019', seed)), 'G-05')).toEqual([]);
    const [f] = ofRule(checkGrid(filledGrid('2019', { ...seed, 't2.license.change': '略有增加' })), 'G-05');
    expect(f).toMatchObject({ severity: 'warning', cells: ['t2.license.change'], addresses: ['C11'] });
  });

  it('changes with a minus sign (−2) or in words with a comma (增加3项，减少1项) are read, not G-05', () => {
    const seed = jingxiu().values;
    for (const [raw, value] of [
      ['−2', -2],
      ['增加3项，减少1项', 2],
      ['增2、减1', 1],
    ] as const) {
      expect(ofRule(checkGrid(filledGrid('2019', { ...seed, 't2.license.change': raw })), 'G-05')).toEqual(
        [],
      );
      expect(parseValue(raw, 'signedChange')).toMatchObject({ status: 'ok', value });
    }
  });

  it('an amount in 「万」 is read as 万元, not refused (G-02)', () => {
    expect(parseValue('7441.88万', 'amount')).toMatchObject({
      status: 'ok',
      value: 7441.88,
      unit: '万元',
    });
    expect(ofRule(checkGrid(filledGrid('2021', { 't2.fees.amount': '7441.88万' })), 'G-02')).toEqual([]);
    // The unit in brackets, as the column header prints it.
    expect(parseValue('3.5（万元）', 'amount')).toMatchObject({ status: 'ok', value: 3.5, unit: '万元' });
    expect(parseValue('3.5(元)', 'amount')).toMatchObject({ status: 'ok', value: 3.5, unit: '元' });
  });

  it('2019 procurement amount without a unit asks for one (T2-19-06)', () => {
    const [f] = ofRule(
      checkGrid(filledGrid('2019', { ...jingxiu().values, 't2.procurement.amount': 7441.88 })),
      'T2-19-06',
    );
    expect(f!.message).toContain('请按实际单位写明，如「7441.88元」或「7441.88万元」');
    // Written as text without its unit: asked for the unit, not told to type a bare number instead.
    const text = checkGrid(filledGrid('2019', { ...jingxiu().values, 't2.procurement.amount': '7441.88' }));
    expect(ofRule(text, 'T2-19-06')).toHaveLength(1);
    expect(ofRule(text, 'G-02')).toEqual([]);
    // With its unit, nothing to say; 2021's amount written as text is still told to be a number.
    expect(
      checkGrid(filledGrid('2019', { ...jingxiu().values, 't2.procurement.amount': '7441.88万元' })).filter(
        (x) => x.rule === 'G-02' || x.rule === 'T2-19-06',
      ),
    ).toEqual([]);
    expect(ofRule(checkGrid(filledGrid('2021', { 't2.fees.amount': '25.1' })), 'G-02')).toHaveLength(1);
  });

  it('2021 fees written in 元 are flagged with the value in 万元 (T2-21-02)', () => {
    const [f] = ofRule(checkGrid(filledGrid('2021', { 't2.fees.amount': '251000元' })), 'T2-21-02');
    expect(f).toMatchObject({ culprit: 't2.fees.amount', suggested: 25.1 });
    const [g] = ofRule(checkGrid(filledGrid('2021', { 't2.fees.amount': 251000 })), 'T2-21-02');
    expect(g!.message).toContain('像是按元填写的');
    expect(ofRule(checkGrid(filledGrid('2021', { 't2.fees.amount': 25.1 })), 'T2-21-02')).toEqual([]);
    // A great city's fee (31.6 亿元) beside 1,800 万 decisions: in 元 it would be under 1 元 a decision.
    const city = { 't2.license.decisions': 11_398_889, 't2.penalty.decisions': 6_937_489 };
    const large = (fee: number) => filledGrid('2021', { ...city, 't2.fees.amount': fee });
    expect(ofRule(checkGrid(large(316_441)), 'T2-21-02')).toEqual([]);
    // Written in 元 (31.6 亿元 as 3,164,410,000), it is still said.
    expect(ofRule(checkGrid(large(3_164_410_000)), 'T2-21-02')).toHaveLength(1);
  });

  /** The grid with the label cell whose text is `from` written as `to`, as a clerk retypes a header. */
  const relabelled = (grid: RawValue[][], from: string, to: string) => {
    const r = grid.findIndex((row) => row.includes(from));
    expect(r).toBeGreaterThanOrEqual(0);
    grid[r]![grid[r]!.indexOf(from)] = to;
    return grid;
  };

  it('a unit a clerk wrote into the label is what the amount is read in (T2-21-02, T2-19-06)', () => {
    const official = '本年收费金额（单位：万元）';
    // 5,000 万元 is no implausible fee, but the header says 元: read as 元, offered in 万元.
    const yuan = checkGrid(
      relabelled(filledGrid('2021', { 't2.fees.amount': 5000 }), official, '本年收费金额（单位：元）'),
    );
    const [f] = ofRule(yuan, 'T2-21-02');
    expect(f).toMatchObject({ culprit: 't2.fees.amount', suggested: 0.5 });
    expect(f!.message).toContain(`其标签把单位改成了「元」`);
    expect(f!.message).toContain(`并把标签恢复为「${official}」`);
    expect(ofRule(yuan, 'G-04')).toHaveLength(1);
    // The official unit reworded is no other unit; nought is nought in any unit.
    for (const [label, fee] of [
      ['本年收费金额（万元）', 5000],
      ['本年收费金额（单位：元）', 0],
    ] as const)
      expect(
        ofRule(
          checkGrid(relabelled(filledGrid('2021', { 't2.fees.amount': fee }), official, label)),
          'T2-21-02',
        ),
      ).toEqual([]);
    // 2019: the unit written into the label is asked to go into the cell, not found missing.
    const grid = filledGrid('2019', { ...jingxiu().values, 't2.procurement.amount': 7441.88 });
    const [g] = ofRule(checkGrid(relabelled(grid, '采购总金额', '采购总金额（万元）')), 'T2-19-06');
    expect(g!.message).toContain('单位「万元」写在了标签里');
    expect(g!.message).toContain('如「7441.88万元」，并把标签恢复为「采购总金额」');
  });

  it('a fee the text states in 元 beside the same number in the table is flagged (T2-21-02)', () => {
    const [seed] = suqian();
    const page = (fee: number, said: string) =>
      reportHtml(
        '2021',
        { ...seed.values, 't2.fees.amount': fee },
        {
          title: '宿迁市2024年政府信息公开工作年度报告',
          parts: [`2024年，全市${said}。`, '无。', '无。'],
          signature: '宿迁市人民政府办公室',
          date: '2025年1月20日',
        },
      );
    const read = (html: string) => check(readText(htmlToText(html)).report!);
    const [f] = ofRule(read(page(5000, '全年行政事业性收费5000元')), 'T2-21-02');
    expect(f).toMatchObject({ culprit: 't2.fees.amount', suggested: 0.5 });
    expect(f!.message).toContain('正文写「行政事业性收费5000元」');
    // In 万元, beside the table's number in 元.
    expect(ofRule(read(page(5000, '行政事业性收费金额为0.5万元')), 'T2-21-02')[0]).toMatchObject({
      suggested: 0.5,
    });
    // The same amount in either unit, a change, or another amount: nothing to say.
    for (const said of [
      '全年行政事业性收费0.5万元',
      '全年行政事业性收费5,000元',
      '行政事业性收费较上年减少5000元',
    ])
      expect(ofRule(read(page(0.5, said)), 'T2-21-02'), said).toEqual([]);
  });

  it('2019 published differing from made, or above the public total, is a warning', () => {
    const seed = jingxiu().values;
    const findings = checkGrid(filledGrid('2019', { ...seed, 't2.rules.published': 4 }));
    expect(ofRule(findings, 'T2-19-02')[0]!.cells).toEqual(['t2.rules.made', 't2.rules.published']);
    expect(ofRule(findings, 'T2-19-03')[0]!.message).toContain('大于');
  });
});

describe('numbers too large for any cell', () => {
  it('an amount or a change of 400 digits is said by its digits, and kept out of every sum', () => {
    const huge = '1'.repeat(400);
    const found = checkGrid(
      filledGrid('2019', {
        ...jingxiu().values,
        't2.procurement.amount': `${huge}万元`,
        't2.license.change': `增${huge}`,
        't4.review.upheld': huge,
      }),
    );
    expect(ofRule(found, 'G-02')[0]!.message).toContain('有 400 位，不可能是金额');
    expect(ofRule(found, 'G-05')[0]!.message).toContain('有 400 位，不可能是增减数');
    expect(ofRule(found, 'G-01')[0]!.message).toContain('有 400 位，不可能是件数');
    for (const f of found) expect(f.message).not.toMatch(/Infinity|NaN|e\+\d/);
  });
});

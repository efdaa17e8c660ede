import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonical, labelIndex, matchLabel } from '../../src/report/labels.js';
import { tableSpecs } from '../../src/report/model.js';
import { EDITIONS } from '../../src/report/types.js';

const labels = [
  ...new Set(EDITIONS.flatMap((e) => tableSpecs(e).flatMap((t) => t.labels.map((l) => l.text)))),
];

/** A label as pages write it: cut short, a number or remark glued on, other brackets, spaces. */
const seen = fc
  .tuple(
    fc.constantFrom(...labels),
    fc.nat(40),
    fc.constantFrom('', '0', '12', '（历史累计）', '(注)', '项', ' '),
    fc.boolean(),
  )
  .map(([label, cut, tail, half]) => {
    const text = (cut < 4 ? label.slice(0, cut + 2) : label) + tail;
    return half ? text.replace(/（/g, '(').replace(/）/g, ')') : text.split('').join(cut % 3 ? '' : ' ');
  });

describe('the label index', () => {
  it('answers what matchLabel answers, label by label', () => {
    const index = labelIndex(labels);
    fc.assert(
      fc.property(fc.oneof(seen, fc.string({ maxLength: 12 })), (text) => {
        const expected = labels.filter((l) => matchLabel(text, l) !== undefined).sort();
        expect([...index.matches(text)].sort()).toEqual(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it('takes no account of quote marks: which ones, or where a PDF put them', () => {
    const label = '3.危及“三安全一稳定”';
    // A PDF that sets the quotes in another font gives them out of place.
    expect(matchLabel('3.危及三“安全一稳定”', label)).toBe('exact');
    expect(matchLabel('3.危及"三安全一稳定"', label)).toBe('exact');
    expect(matchLabel('3.危及三安全一稳定', label)).toBe('exact');
    expect(matchLabel('3.危及“三安全一稳定”0', label)).toBe('variant');
  });

  it('finds a label with its number glued on and a cut-off header', () => {
    const index = labelIndex(labels);
    expect(index.matches('3.危及"三安全一稳定"0')).toEqual(['3.危及“三安全一稳定”']);
    expect(index.matches('本年新')).toEqual(expect.arrayContaining(['本年新制作数量', '本年新公开数量']));
    expect(index.matches('0')).toEqual([]);
  });
});

describe('canonical', () => {
  /** canonical as it was written first: one replacement for each kind of character, one after the other. */
  const stepByStep = (text: string) =>
    [
      [/[\s\u3000]+/g, ''],
      [/[(（]/g, '（'],
      [/[)）]/g, '）'],
      [/[:：]/g, '：'],
      [/["“”＂″]/g, ''],
      [/[，,、]/g, '、'],
      [/[／/]/g, '/'],
    ]
      .reduce((s, [re, to]) => s.replace(re as RegExp, to as string), text)
      .replace(
        /^([\d０-９]+)[.．、]/,
        (_, n: string) => `${n.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))}.`,
      );

  it('changes each bracket, colon, quote, comma and slash as replacing each kind in turn did', () => {
    const text = fc
      .array(fc.constantFrom(...'()（）:："“”＂″，,、／/ \u3000１1.．a中'), { maxLength: 12 })
      .map((cs) => cs.join(''));
    fc.assert(
      fc.property(text, (t) => {
        expect(canonical(t)).toBe(stepByStep(t));
      }),
      { numRuns: 2000 },
    );
  });
});

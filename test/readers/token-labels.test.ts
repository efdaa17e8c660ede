import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { labelIndex } from '../../src/report/labels.js';
import { tableSpecs } from '../../src/report/model.js';
import { EDITIONS } from '../../src/report/types.js';
import { TableText } from '../../src/readers/text/tables.js';
import { tokenize } from '../../src/readers/text/tokens.js';

const tables = EDITIONS.flatMap((e) => tableSpecs(e));
const labels = [...new Set(tables.flatMap((t) => t.labels.map((l) => l.text)))];

/** A line of a copy: a label (cut short, a number glued on, other brackets), a number, a blank cell, words. */
const line = fc.oneof(
  fc
    .tuple(fc.constantFrom(...labels), fc.nat(20), fc.constantFrom('', '0', '（注）', '\t'))
    .map(([l, cut, tail]) => (cut < 3 ? l.slice(0, cut + 3) : l).replace(/（/g, cut % 2 ? '(' : '（') + tail),
  fc.constantFrom('12', '\t', '\t3\t\t5', '其中：网上申请', '总计', '自然人', ''),
  fc.string({ maxLength: 6 }),
);

describe("a table part's token labels", () => {
  it("are, token by token, what the table's own label index matches", () => {
    fc.assert(
      fc.property(
        fc.array(line, { maxLength: 40 }),
        fc.constantFrom(...tables),
        fc.nat(10),
        fc.nat(10),
        (lines, table, a, b) => {
          const tokens = tokenize(lines.join('\n'));
          const start = Math.min(a, tokens.length);
          const end = Math.max(start, tokens.length - b);
          const text = new TableText(tokens, start, end);
          const index = labelIndex(table.labels.map((l) => l.text));
          const labels = text.labelsOf(table);
          // Each edition's table: how many of its labels some token of the part is.
          const k = EDITIONS.indexOf(table.edition);
          const met = new Set(tokens.slice(start, end).flatMap((t) => [...index.matches(t.text)]));
          expect(text.labelsMet(table.id).counts[k]).toBe(met.size);
          for (let i = 0; i < tokens.length; i++) {
            const expected = i >= start && i < end ? [...index.matches(tokens[i]!.text)].sort() : [];
            expect([...labels.at(i)].sort()).toEqual(expected);
            expect(labels.isLabel(i)).toBe(expected.length > 0);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});

import { toAddress } from '../report/address.js';
import { templateLayout } from '../report/template.js';
import type { RawValue } from '../report/types.js';
import type { Book } from '../web/workbook-model.js';

/** The example report's body, typed into 机关名称 with its numbers. */
const EXAMPLE_AGENCY = '保定市竞秀区人民政府';

/**
 * Types last year's example report (保定市竞秀区, 2019) into the active 2019 template, as a clerk
 * would: its numbers, and its body's name.
 */
export async function fillExample(book: Book): Promise<void> {
  const example = (await (await fetch('example.json')).json()) as { values: Record<string, RawValue> };
  const layout = templateLayout('2019');
  const entries = layout.cells
    .filter((c) => c.key && c.key in example.values)
    .map((c) => [toAddress(c.pos), example.values[c.key!]!] as const);
  book.edit(book.active, [[toAddress(layout.agency), EXAMPLE_AGENCY], ...entries]);
}

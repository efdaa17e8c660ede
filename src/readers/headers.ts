import type { LabelSpec, TableSpec } from '../report/model.js';

/**
 * The table's headers that none of its other labels repeats, over its numbers, by the header row
 * they begin on, each row's left to right: 表三's 「商业企业」…, 表四's 「未经复议直接起诉」 and
 * 「复议后起诉」 (not its 「结果维持」, which stands under each). Columns moved with their headers are
 * told by these.
 */
export function headerRows(table: TableSpec): readonly (readonly LabelSpec[])[] {
  let rows = HEADER_ROWS.get(table);
  if (!rows) {
    const firstData = Math.min(...table.cells.map((c) => c.area.top));
    const left = Math.min(...table.cells.map((c) => c.area.left));
    const once = table.labels.filter(
      (l) =>
        l.area.bottom < firstData &&
        l.area.left >= left &&
        table.labels.filter((o) => o.text === l.text).length === 1,
    );
    const byRow = new Map<number, LabelSpec[]>();
    for (const l of once) byRow.set(l.area.top, [...(byRow.get(l.area.top) ?? []), l]);
    rows = [...byRow.values()]
      .filter((r) => r.length > 1)
      .map((r) => r.sort((a, b) => a.area.left - b.area.left));
    HEADER_ROWS.set(table, rows);
  }
  return rows;
}
const HEADER_ROWS = new WeakMap<TableSpec, readonly (readonly LabelSpec[])[]>();

/** The texts of those headers (see headerRows): a copy's are looked for among them alone. */
export function headerTexts(table: TableSpec): ReadonlySet<string> {
  let texts = HEADER_TEXTS.get(table);
  if (!texts)
    HEADER_TEXTS.set(table, (texts = new Set(headerRows(table).flatMap((r) => r.map((l) => l.text)))));
  return texts;
}
const HEADER_TEXTS = new WeakMap<TableSpec, ReadonlySet<string>>();

const width = (l: LabelSpec) => l.area.right - l.area.left + 1;

/** A header standing where the form has another: what it is, and whose place it takes. */
export interface MovedHeader {
  readonly header: LabelSpec;
  readonly inPlaceOf: LabelSpec;
}

/**
 * Headers of a row standing in another order than the form's, each of the width of the one whose
 * place it takes (two columns swapped, or 表四's two groups of five): for each column of the form,
 * the column of the form in whose place its numbers stand; and the headers so moved. `place` tells
 * where a header stands in the copy (a token's index, a grid column), undefined where it is not
 * found once. A row whose headers are not all found, or would take places of another width, is
 * read as it stands.
 */
export function movedByHeaders(
  table: TableSpec,
  place: (label: LabelSpec) => number | undefined,
): { columns: Map<number, number>; moved: MovedHeader[] } | undefined {
  const columns = new Map<number, number>();
  const moved: MovedHeader[] = [];
  const rows = headerRows(table);
  // Indexed loops: every table of every report is looked over, mostly before V8 has optimised this,
  // and a `for…of` makes an iterator and an object for each step until then.
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    // Most copies have every header where the form has it: told so in one pass.
    const at: number[] = [];
    let inOrder = true;
    for (let k = 0; k < row.length; k++) {
      const p = place(row[k]!);
      if (p === undefined) break;
      if (at.length && p < at[at.length - 1]!) inOrder = false;
      at.push(p);
    }
    if (at.length < row.length || inOrder) continue;
    const found = row.map((l, i) => ({ l, at: at[i]! })).sort((a, b) => a.at - b.at);
    const swaps = found.flatMap(({ l }, i) => (l === row[i] ? [] : [{ header: l, inPlaceOf: row[i]! }]));
    if (!swaps.length || swaps.some((s) => width(s.header) !== width(s.inPlaceOf))) continue;
    for (const s of swaps)
      for (let k = 0; k < width(s.header); k++)
        columns.set(s.header.area.left + k, s.inPlaceOf.area.left + k);
    moved.push(...swaps);
  }
  return moved.length ? { columns, moved } : undefined;
}

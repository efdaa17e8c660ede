import { parseAddress, type Pos, toAddress } from '../core.js';
import type { ActiveSheet } from '../host/sheet-host.js';

/** A cell's own fill, as it was before nianbao marked it. */
export interface SavedFill {
  /** "None" is no fill; Office.js reports "No Fill" and white alike as #FFFFFF, the pattern tells them apart. */
  readonly pattern: string;
  readonly color: string;
}

/** Saved fills of the cells nianbao has marked, by sheet and address. */
export type MarkState = Record<string, Record<string, SavedFill>>;

export const MARKS_SETTING = 'nianbao.marks';

/** What writing marks on a sheet needs to know from the read. */
export interface ExcelMarks {
  /** Own fills of every cell of the used range, by address. */
  readonly fills: ReadonlyMap<string, SavedFill>;
  readonly state: MarkState;
}

export interface SheetRead extends ActiveSheet {
  readonly marks: ExcelMarks;
}

/** "Sheet1!C3:J40" → its top-left, zero-based. */
export function rangeOrigin(address: string): Pos {
  const local = address.includes('!') ? address.slice(address.lastIndexOf('!') + 1) : address;
  return parseAddress(local.split(':')[0]!);
}

export function fillsByAddress(
  origin: Pos,
  props: readonly (readonly { format?: { fill?: { color?: string; pattern?: string } } }[])[],
) {
  const fills = new Map<string, SavedFill>();
  props.forEach((row, r) =>
    row.forEach((cell, c) => {
      const fill = cell.format?.fill;
      fills.set(toAddress({ row: origin.row + r, col: origin.col + c }), {
        pattern: fill?.pattern ?? 'None',
        color: fill?.color ?? '#FFFFFF',
      });
    }),
  );
  return fills;
}

export function parseState(value: unknown): MarkState {
  if (typeof value !== 'string') return {};
  try {
    const parsed: unknown = JSON.parse(value);
    return parsed && typeof parsed === 'object' ? (parsed as MarkState) : {};
  } catch {
    return {};
  }
}

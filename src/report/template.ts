import { type Area, type Pos, shiftArea } from './address.js';
import { tableSpecs } from './model.js';
import { REPORT_TITLE, TABLE_PART } from './parts.js';
import type { RawValue } from './types.js';
import type { CellKey, CellKind, Edition, TableId } from './types.js';

export const AGENCY_LABEL = '机关名称';
export const YEAR_LABEL = '报告年度';

export type TemplateRole = 'title' | 'headingLabel' | 'headingInput' | 'part' | 'label' | 'input';

export interface TemplateCell {
  readonly pos: Pos;
  readonly role: TemplateRole;
  readonly text?: string;
  readonly key?: CellKey;
  readonly kind?: CellKind;
}

export interface TemplateLayout {
  readonly edition: Edition;
  readonly rows: number;
  readonly columns: number;
  /** Character widths, one per column. */
  readonly columnWidths: readonly number[];
  readonly cells: readonly TemplateCell[];
  readonly merges: readonly Area[];
  /**
   * Rows whose labels wrap to more lines than a row holds, with their heights in points: a file's
   * rows are not fitted to their text when it is opened, and merged cells' never are.
   */
  readonly rowHeights: ReadonlyMap<number, number>;
  /** Every table cell (labels and inputs): these get borders. */
  readonly tableAreas: readonly { readonly table: TableId; readonly area: Area }[];
  readonly agency: Pos;
  readonly year: Pos;
}

/** How each kind of template cell looks; the .xlsx writer and the Office.js insert both apply it. */
export interface RoleStyle {
  readonly size?: number;
  readonly bold?: boolean;
  readonly align?: 'center' | 'right';
  /** Background, as #RRGGBB. */
  readonly fill?: string;
  /** An input line under the cell. */
  readonly underline?: boolean;
  /** Left unlocked when the sheet is protected: the clerk writes here. */
  readonly unlocked?: boolean;
}

/**
 * How the template prints: A4 landscape, one page wide and one page tall. Fitted to its width
 * alone, the 2019 edition ran a little past one page, and 表四's header printed apart from its row.
 */
export const TEMPLATE_PRINT = { pagesWide: 1, pagesTall: 1 } as const;

export const TEMPLATE_FONT = '宋体';
/** Table cells: thin borders all round, centred, wrapped, this size. */
export const TABLE_FONT_SIZE = 10;

/**
 * Column widths are written in characters; spreadsheets that take points (Office.js, the models of
 * the previews and the offline page) take this many per character of the default font.
 */
export const POINTS_PER_CHAR = 6.5;

export const ROLE_STYLE: Readonly<Record<TemplateRole, RoleStyle>> = {
  title: { size: 16, bold: true, align: 'center' },
  part: { size: 12, bold: true },
  headingLabel: { size: 11, bold: true, align: 'right' },
  headingInput: { size: 11, underline: true, unlocked: true },
  label: { fill: '#F2F2F2' },
  input: { unlocked: true },
};

const LABEL_COLUMNS = [22, 16, 34];
const DATA_WIDTH = 10;
const TITLE_ROW = 0;
const HEADING_ROW = 1;
const FIRST_PART_ROW = 3;
/** A row's default height, and a wrapped line of the table font, in points. */
const ROW_HEIGHT = 15;
const LINE_HEIGHT = 13.5;

/** A text's width in column-width characters: a Chinese character is about two. */
function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += ch.charCodeAt(0) > 0xff ? 2 : 1;
  return w;
}

/** The heights the wrapped labels need: a label's lines, shared by the rows its area spans. */
function wrappedRowHeights(
  cells: readonly TemplateCell[],
  merges: readonly Area[],
  columnWidths: readonly number[],
): Map<number, number> {
  const heights = new Map<number, number>();
  for (const c of cells) {
    if (c.role !== 'label' || !c.text) continue;
    const { row, col } = c.pos;
    const area = merges.find((m) => m.top === row && m.left === col) ?? {
      top: row,
      left: col,
      bottom: row,
      right: col,
    };
    let width = 0;
    for (let k = area.left; k <= area.right; k++) width += columnWidths[k]!;
    // Less a character for the cell's margins.
    const lines = Math.ceil(textWidth(c.text) / (width - 1));
    const rows = area.bottom - area.top + 1;
    // A row holds a line.
    if (lines <= rows) continue;
    const each = Math.max(ROW_HEIGHT, (lines * LINE_HEIGHT + 3) / rows);
    for (let r = area.top; r <= area.bottom; r++) heights.set(r, Math.max(heights.get(r) ?? 0, each));
  }
  return heights;
}

/** The report as a clerk fills it: title, 机关名称 and 报告年度, then each table under its part title. */
export function templateLayout(edition: Edition): TemplateLayout {
  const tables = tableSpecs(edition);
  const columns = Math.max(...tables.map((t) => t.columns));
  const cells: TemplateCell[] = [];
  const merges: Area[] = [];
  const tableAreas: { table: TableId; area: Area }[] = [];

  cells.push({ pos: { row: TITLE_ROW, col: 0 }, role: 'title', text: REPORT_TITLE });
  merges.push({ top: TITLE_ROW, left: 0, bottom: TITLE_ROW, right: columns - 1 });
  const agency = { row: HEADING_ROW, col: 1 };
  const year = { row: HEADING_ROW, col: 4 };
  cells.push({ pos: { row: HEADING_ROW, col: 0 }, role: 'headingLabel', text: AGENCY_LABEL });
  cells.push({ pos: agency, role: 'headingInput' });
  merges.push({ top: HEADING_ROW, left: 1, bottom: HEADING_ROW, right: 2 });
  cells.push({ pos: { row: HEADING_ROW, col: 3 }, role: 'headingLabel', text: YEAR_LABEL });
  cells.push({ pos: year, role: 'headingInput' });

  let row = FIRST_PART_ROW;
  for (const t of tables) {
    cells.push({ pos: { row, col: 0 }, role: 'part', text: TABLE_PART[t.id] });
    merges.push({ top: row, left: 0, bottom: row, right: t.columns - 1 });
    const top = row + 1;
    for (const l of t.labels) {
      cells.push({ pos: { row: top + l.area.top, col: l.area.left }, role: 'label', text: l.text });
    }
    for (const c of t.cells) {
      cells.push({
        pos: { row: top + c.area.top, col: c.area.left },
        role: 'input',
        key: c.key,
        kind: c.kind,
      });
    }
    merges.push(...t.merges.map((m) => shiftArea(m, top, 0)));
    tableAreas.push({ table: t.id, area: { top, left: 0, bottom: top + t.rows - 1, right: t.columns - 1 } });
    row = top + t.rows + 1;
  }
  const columnWidths = Array.from({ length: columns }, (_, i) => LABEL_COLUMNS[i] ?? DATA_WIDTH);
  const rowHeights = wrappedRowHeights(cells, merges, columnWidths);
  return {
    edition,
    rows: row - 1,
    columns,
    columnWidths,
    rowHeights,
    cells,
    merges,
    tableAreas,
    agency,
    year,
  };
}

export interface TemplateValues {
  readonly agency?: string;
  readonly year?: number;
  readonly values?: Readonly<Record<CellKey, RawValue | undefined>>;
}

/** The template as Office.js `values` would give it: a 2-D array, "" for empty. */
export function templateGrid(layout: TemplateLayout, fill: TemplateValues = {}): RawValue[][] {
  const grid: RawValue[][] = Array.from({ length: layout.rows }, () =>
    Array<RawValue>(layout.columns).fill(''),
  );
  for (const c of layout.cells) {
    const value = c.key ? fill.values?.[c.key] : c.text;
    if (value !== undefined && value !== null) grid[c.pos.row]![c.pos.col] = value;
  }
  if (fill.agency) grid[layout.agency.row]![layout.agency.col] = fill.agency;
  if (fill.year) grid[layout.year.row]![layout.year.col] = fill.year;
  return grid;
}

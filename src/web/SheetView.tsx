import { type KeyboardEvent, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { columnName, parseAddress, type RawValue, shownText, toAddress } from '../core.js';

import type { Book, Sheet } from './workbook-model.js';
import { SHEET_STYLE } from './sheet-style.js';

const POINTS_TO_PX = 4 / 3;
/** The row numbers' column, in pixels. */
const ROW_HEADER = 36;
/** How narrow the sheet's columns may be drawn, of their widths in Excel, before it scrolls sideways. */
const MIN_SHARE = 0.7;
/** Drawn at most: a sheet of thousands of rows (a 明细 beside the report) would freeze the page. */
const MAX_ROWS = 1000;
const MAX_COLS = 100;

interface Spans {
  /** Top-left cells of merges, with their size. */
  readonly anchors: Map<string, { rows: number; cols: number }>;
  /** Cells hidden under a merge. */
  readonly covered: Set<string>;
}

function spans(sheet: Sheet): Spans {
  const anchors = new Map<string, { rows: number; cols: number }>();
  const covered = new Set<string>();
  for (const a of sheet.merges) {
    anchors.set(toAddress({ row: a.top, col: a.left }), {
      rows: a.bottom - a.top + 1,
      cols: a.right - a.left + 1,
    });
    for (let r = a.top; r <= a.bottom; r++)
      for (let c = a.left; c <= a.right; c++)
        if (r !== a.top || c !== a.left) covered.add(toAddress({ row: r, col: c }));
  }
  return { anchors, covered };
}

const show = (v: RawValue | undefined) => (v === null || v === undefined ? '' : String(v));

/** What the clerk typed: numbers as numbers, the rest as Excel would keep it. */
function typed(text: string): RawValue {
  const t = text.trim();
  return t !== '' && /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : text;
}

function Cell(props: {
  book: Book;
  sheet: Sheet;
  address: string;
  editable: boolean;
  span?: { rows: number; cols: number };
}) {
  const { sheet, address, book } = props;
  const cell = sheet.cells.get(address);
  const value = show(cell?.value);
  const [draft, setDraft] = useState<string>();
  const ref = useRef<HTMLTableCellElement>(null);
  const selected = sheet.selected === address;
  useEffect(() => {
    if (selected) ref.current?.scrollIntoView({ block: 'center', inline: 'center' });
  }, [selected]);
  const commit = () => {
    // Typed over a formula, its value replaces it, as in Excel, even where the two read the same.
    if (draft !== undefined && (draft !== value || cell?.formula))
      book.edit(sheet.name, [[address, typed(draft)]]);
    setDraft(undefined);
  };
  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') e.currentTarget.blur();
    if (e.key === 'Escape') setDraft(undefined);
  };
  const p = parseAddress(address);
  const fill = sheet.shownFill(p.row, p.col);
  const own = cell?.fill.pattern !== undefined && cell.fill.pattern !== 'None' ? cell.fill.color : undefined;
  const f = cell?.format ?? {};
  const bordered = f['borders.EdgeTop.style'] === 'Continuous';
  return (
    <td
      ref={ref}
      rowSpan={props.span?.rows}
      colSpan={props.span?.cols}
      data-address={address}
      data-fill={fill ?? 'none'}
      data-own-fill={own ?? 'none'}
      className={[bordered ? 'bordered' : '', selected ? 'selected' : ''].join(' ')}
      style={{
        backgroundColor: fill,
        // A mark is its colour: high-contrast modes would paint it over like every other cell.
        ...(fill ? { forcedColorAdjust: 'none', color: '#000' } : {}),
        fontWeight: f['font.bold'] ? 'bold' : undefined,
        fontSize: typeof f['font.size'] === 'number' ? `${f['font.size']}pt` : undefined,
        textAlign:
          f.horizontalAlignment === 'Center'
            ? 'center'
            : f.horizontalAlignment === 'Right'
              ? 'right'
              : undefined,
      }}
      onClick={() => book.select(sheet.name, address)}
    >
      {/* A one-line input cannot grow: rows fitted to wrapped text (a 审核报告's messages) show it whole. */}
      {props.editable && !(f.wrapText && f.autofitRows) ? (
        <input
          aria-label={`单元格 ${address}`}
          value={draft ?? value}
          onFocus={() => book.select(sheet.name, address)}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={commit}
          onKeyDown={onKey}
        />
      ) : (
        <span>{value}</span>
      )}
    </td>
  );
}

/** What a clerk does to a sheet by hand, on the selected cell: the test bench's tools. */
function Tools({ book, sheet }: { book: Book; sheet: Sheet }) {
  const [color, setColor] = useState('#C6EFCE');
  const at = sheet.selected ? parseAddress(sheet.selected) : undefined;
  const need = !at;
  return (
    <div className="tools" role="toolbar" aria-label="手工操作">
      <button disabled={need} onClick={() => book.insertRows(sheet.name, at!.row)}>
        插入行
      </button>
      <button disabled={need} onClick={() => book.deleteRows(sheet.name, at!.row)}>
        删除行
      </button>
      <button disabled={need} onClick={() => book.insertColumns(sheet.name, at!.col)}>
        插入列
      </button>
      <button disabled={need} onClick={() => book.deleteColumns(sheet.name, at!.col)}>
        删除列
      </button>
      <input type="color" aria-label="填充颜色" value={color} onChange={(e) => setColor(e.target.value)} />
      <button
        disabled={need}
        onClick={() =>
          book.fill(sheet.name, sheet.selected!, { pattern: 'Solid', color: color.toUpperCase() })
        }
      >
        填充
      </button>
      <button
        disabled={need}
        onClick={() => book.fill(sheet.name, sheet.selected!, { pattern: 'None', color: '#FFFFFF' })}
      >
        无填充
      </button>
      <button
        onClick={() => {
          const name = window.prompt('工作表的新名称', sheet.name);
          if (name && name !== sheet.name && !book.sheet(name)) book.rename(sheet.name, name);
        }}
      >
        重命名工作表
      </button>
      <button
        onClick={() => {
          let i = book.sheets.length + 1;
          while (book.sheet(`Sheet${i}`)) i++;
          book.addSheet(`Sheet${i}`);
          book.select(`Sheet${i}`);
        }}
      >
        新建工作表
      </button>
      <button disabled={book.sheets.length < 2} onClick={() => book.deleteSheet(sheet.name)}>
        删除工作表
      </button>
    </div>
  );
}

/**
 * A plain rendering of the active sheet: values, fills (conditional formats on top), merges, borders.
 * Unless read-only, unlocked cells can be typed into and the clerk's tools act on the selected cell.
 */
export function SheetView({ book, readOnly = false }: { book: Book; readOnly?: boolean }) {
  const version = useSyncExternalStore(
    (cb) => book.watch(cb),
    () => book.version,
  );
  const sheet = book.sheet(book.active);
  if (!sheet) return null;
  const used = sheet.usedArea();
  const at = sheet.selected ? parseAddress(sheet.selected) : undefined;
  const allRows = Math.max(used?.bottom ?? 0, 20) + 3;
  const allCols = Math.max(used?.right ?? 0, 8) + 2;
  // The selected cell is always drawn, with some room around it.
  const rows = Math.min(allRows, Math.max(MAX_ROWS, (at?.row ?? 0) + 20));
  const cols = Math.min(allCols, Math.max(MAX_COLS, (at?.col ?? 0) + 5));
  const { anchors, covered } = spans(sheet);
  const widths = Array.from({ length: cols }, (_, c): number => {
    const w = sheet.cells.get(toAddress({ row: 0, col: c }))?.format.columnWidth;
    return typeof w === 'number' ? w * POINTS_TO_PX : 72;
  });
  const columns = widths.reduce((a, b) => a + b, 0);
  const minWidth = Math.round(ROW_HEADER + columns * MIN_SHARE);
  // The row numbers' share keeps them whole at the narrowest; the columns share the rest as their
  // widths in Excel do.
  const numbers = ROW_HEADER / minWidth;
  const percent = (f: number) => `${(f * 100).toFixed(4)}%`;
  const editable = (address: string) =>
    !readOnly && (!sheet.protected || sheet.cells.get(address)?.format['protection.locked'] === false);
  return (
    <div className="sheet" data-version={version}>
      <style>{SHEET_STYLE}</style>
      {!readOnly && <Tools book={book} sheet={sheet} />}
      <div className="tabs" role="tablist" aria-label="工作表">
        {book.sheets
          .filter((s) => s.visibility === 'Visible')
          .map((s) => (
            <button
              key={s.id}
              role="tab"
              aria-selected={s.name === sheet.name}
              onClick={() => book.select(s.name)}
            >
              {shownText(s.name)}
            </button>
          ))}
      </div>
      {/* Another sheet or another file opens at its top left, not where the last one was scrolled to. */}
      <div className="grid" key={sheet.id}>
        {/* The width there is, its columns as Excel has them, down to a share of theirs: a narrower window
            scrolls it sideways, and its labels are not squeezed one character a line. */}
        <table aria-label={`工作表「${sheet.name}」`} style={{ width: '100%', minWidth }}>
          <colgroup>
            <col style={{ width: percent(numbers) }} />
            {widths.map((w, c) => (
              <col key={c} style={{ width: percent(((1 - numbers) * w) / columns) }} />
            ))}
          </colgroup>
          <thead>
            <tr>
              <th />
              {widths.map((_, c) => (
                <th key={c}>{columnName(c)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: rows }, (_, r) => (
              <tr key={r}>
                <th>{r + 1}</th>
                {Array.from({ length: cols }, (_, c) => {
                  const address = toAddress({ row: r, col: c });
                  if (covered.has(address)) return null;
                  return (
                    <Cell
                      key={address}
                      book={book}
                      sheet={sheet}
                      address={address}
                      editable={editable(address)}
                      span={anchors.get(address)}
                    />
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
        {(rows < allRows || cols < allCols) && (
          <p className="more">
            此工作表有内容的区域为 {(used?.bottom ?? 0) + 1} 行 × {(used?.right ?? 0) + 1} 列，这里只显示前{' '}
            {rows} 行、
            {cols} 列。
          </p>
        )}
      </div>
    </div>
  );
}

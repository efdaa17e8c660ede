import { type KeyboardEvent, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { columnName, parseArea, toAddress } from '../report/address.js';
import type { RawValue } from '../report/types.js';
import type { FakeExcel, FakeSheet } from './fake-excel.js';

const POINTS_TO_PX = 4 / 3;

interface Spans {
  /** Top-left cells of merges, with their size. */
  readonly anchors: Map<string, { rows: number; cols: number }>;
  /** Cells hidden under a merge. */
  readonly covered: Set<string>;
}

function spans(sheet: FakeSheet): Spans {
  const anchors = new Map<string, { rows: number; cols: number }>();
  const covered = new Set<string>();
  for (const m of sheet.merges) {
    const a = parseArea(m);
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
  excel: FakeExcel;
  sheet: FakeSheet;
  address: string;
  editable: boolean;
  span?: { rows: number; cols: number };
}) {
  const { sheet, address } = props;
  const cell = sheet.cells.get(address);
  const value = show(cell?.value);
  const [draft, setDraft] = useState<string>();
  const ref = useRef<HTMLTableCellElement>(null);
  const selected = sheet.selected === address;
  useEffect(() => {
    if (selected) ref.current?.scrollIntoView({ block: 'center', inline: 'center' });
  }, [selected]);
  const commit = () => {
    if (draft !== undefined && draft !== value) props.excel.edit(sheet.name, address, typed(draft));
    setDraft(undefined);
  };
  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') e.currentTarget.blur();
    if (e.key === 'Escape') setDraft(undefined);
  };
  const fill = cell?.fill.pattern === 'Solid' ? cell.fill.color : undefined;
  const f = cell?.format ?? {};
  const bordered = f['borders.EdgeTop.style'] === 'Continuous';
  return (
    <td
      ref={ref}
      rowSpan={props.span?.rows}
      colSpan={props.span?.cols}
      data-address={address}
      data-fill={fill ?? 'none'}
      className={[bordered ? 'bordered' : '', selected ? 'selected' : ''].join(' ')}
      style={{
        backgroundColor: fill,
        fontWeight: f['font.bold'] ? 'bold' : undefined,
        fontSize: typeof f['font.size'] === 'number' ? `${f['font.size']}pt` : undefined,
        textAlign:
          f.horizontalAlignment === 'Center'
            ? 'center'
            : f.horizontalAlignment === 'Right'
              ? 'right'
              : undefined,
      }}
      onClick={() => props.excel.select(sheet.name, address)}
    >
      {props.editable ? (
        <input
          aria-label={`单元格 ${address}`}
          value={draft ?? value}
          onFocus={() => props.excel.select(sheet.name, address)}
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

/** A plain rendering of the active sheet: values, fills, merges, borders; unlocked cells editable. */
export function SheetView({ excel }: { excel: FakeExcel }) {
  const version = useSyncExternalStore(
    (cb) => excel.watch(cb),
    () => excel.version,
  );
  const sheet = excel.sheets.find((s) => s.name === excel.active);
  if (!sheet) return null;
  const used = sheet.usedArea();
  const rows = Math.max(used?.bottom ?? 0, 20) + 3;
  const cols = Math.max(used?.right ?? 0, 8) + 2;
  const { anchors, covered } = spans(sheet);
  const widths = Array.from({ length: cols }, (_, c) => {
    const w = sheet.cells.get(toAddress({ row: 0, col: c }))?.format.columnWidth;
    return typeof w === 'number' ? w * POINTS_TO_PX : 72;
  });
  const editable = (address: string) =>
    !sheet.protected || sheet.cells.get(address)?.format['protection.locked'] === false;
  return (
    <div className="sheet" data-version={version}>
      <div className="tabs" role="tablist" aria-label="工作表">
        {excel.sheets.map((s) => (
          <button
            key={s.name}
            role="tab"
            aria-selected={s.name === sheet.name}
            onClick={() => excel.select(s.name)}
          >
            {s.name}
          </button>
        ))}
      </div>
      <div className="grid">
        <table aria-label={`工作表「${sheet.name}」`}>
          <colgroup>
            <col style={{ width: 36 }} />
            {widths.map((w, c) => (
              <col key={c} style={{ width: w }} />
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
                      excel={excel}
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
      </div>
    </div>
  );
}

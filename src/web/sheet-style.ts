/** The look of SheetView, wherever it is shown (the offline page, the previews): one copy. */
export const SHEET_STYLE = `
/* A sheet is white, as in Excel, beside a dark page too. */
.sheet {
  display: flex; flex-direction: column; min-height: 0; min-width: 0;
  color: #201f1e; background: #fff; color-scheme: light;
}
.sheet .tools {
  display: flex; flex-wrap: wrap; gap: 4px; padding: 4px 6px;
  border-bottom: 1px solid #e1dfdd; background: #faf9f8;
}
.sheet .tabs { display: flex; gap: 2px; padding: 4px; background: #f3f2f1; order: 2; }
.sheet .tabs [aria-selected='true'] { font-weight: bold; background: white; }
.sheet .grid { overflow: auto; flex: 1; }
.sheet table { border-collapse: collapse; table-layout: fixed; font-family: SimSun, 'Noto Serif CJK SC', serif; }
.sheet th {
  background: #f3f2f1; color: #605e5c; font-weight: normal; border: 1px solid #e1dfdd;
  font-family: sans-serif; font-size: 11px;
}
/* Column letters and row numbers stay in view: the sidebar names cells by them (「J26」). */
.sheet thead th { position: sticky; top: 0; z-index: 2; }
.sheet tbody th { position: sticky; left: 0; z-index: 1; }
.sheet thead th:first-child { left: 0; z-index: 3; }
.sheet td { border: 1px solid #edebe9; padding: 1px 3px; height: 20px; overflow: hidden; font-size: 10pt; }
.sheet td.bordered { border: 1px solid #000; }
.sheet td.selected { outline: 2px solid #107c10; outline-offset: -2px; }
.sheet .more { margin: 6px 8px; color: #605e5c; font-size: 12px; }
.sheet td input {
  width: 100%; box-sizing: border-box; border: none; background: transparent;
  font: inherit; text-align: inherit; color: inherit;
}
`;

/** What one workbook may cost to read; past these it is refused, never half-read. */
export interface XlsxLimits {
  /** The parts read (workbook, sheets, strings, styles), unzipped, together. */
  readonly maxUnzippedBytes: number;
  /** Unzipped ÷ zipped size of the parts read, once they pass `ratioFrom` bytes: a zip bomb's mark. */
  readonly maxRatio: number;
  readonly ratioFrom: number;
  readonly maxSheets: number;
  /** The last non-empty cell of a sheet may lie at most this far down and right. */
  readonly maxRows: number;
  readonly maxColumns: number;
  /** Rows × columns of the grid kept for one sheet. */
  readonly maxCells: number;
}

export const XLSX_LIMITS: XlsxLimits = {
  maxUnzippedBytes: 100 * 2 ** 20,
  maxRatio: 100,
  ratioFrom: 10 * 2 ** 20,
  maxSheets: 500,
  maxRows: 100_000,
  maxColumns: 1_000,
  maxCells: 4_000_000,
};

export const mib = (n: number): string => `${Math.round(n / 2 ** 20)} MB`;

/** What a PDF page gives a reader: its text pieces and the ruling lines its tables are drawn with. */
export interface TextPiece {
  readonly text: string;
  /** Left edge and baseline, in points from the page's bottom left. */
  readonly x: number;
  readonly y: number;
  readonly width: number;
  /** The font size. */
  readonly size: number;
}

/** A horizontal (x1..x2 at y) or vertical (y1..y2 at x) rule. */
export interface Rule {
  readonly horizontal: boolean;
  /** Where the rule stands: y for a horizontal one, x for a vertical one. */
  readonly at: number;
  readonly from: number;
  readonly to: number;
}

export interface PageContent {
  /** 1-based. */
  readonly number: number;
  readonly width: number;
  readonly height: number;
  readonly pieces: readonly TextPiece[];
  readonly rules: readonly Rule[];
  /** The page paints pictures: with no text, a scan. */
  readonly images: boolean;
}

// PDFs that hold far more than a report: what the command line must refuse in bounded time and memory.
import { deflateSync } from 'node:zlib';

/** An object of the file: a dictionary, or a stream (compressed) with its dictionary's other entries. */
type PdfObject = string | { readonly dict?: string; readonly stream: string };

/** A PDF of `objects`, numbered from 1 in order; the first is the catalog. */
function pdfOf(objects: readonly PdfObject[]): Uint8Array {
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n', 'latin1')];
  const offsets: number[] = [];
  const at = () => parts.reduce((n, p) => n + p.length, 0);
  objects.forEach((o, i) => {
    offsets.push(at());
    if (typeof o === 'string') {
      parts.push(Buffer.from(`${i + 1} 0 obj\n${o}\nendobj\n`, 'latin1'));
      return;
    }
    const stream = deflateSync(Buffer.from(o.stream, 'latin1'));
    parts.push(
      Buffer.from(
        `${i + 1} 0 obj\n<< ${o.dict ?? ''} /Length ${stream.length} /Filter /FlateDecode >>\nstream\n`,
        'latin1',
      ),
      stream,
      Buffer.from('\nendstream\nendobj\n', 'latin1'),
    );
  });
  const xref = at();
  const size = objects.length + 1;
  const entries = offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  parts.push(
    Buffer.from(
      `xref\n0 ${size}\n0000000000 65535 f \n${entries}trailer\n<< /Size ${size} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`,
      'latin1',
    ),
  );
  return new Uint8Array(Buffer.concat(parts));
}

const HELVETICA = '/F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>';

interface Drawing {
  /** How many pages draw it: 1 by default. */
  readonly pages?: number;
  /** Objects after the content, numbered from PDF_EXTRA (for one page). */
  readonly extra?: readonly PdfObject[];
  /** The pages' fonts besides `/F1` (Helvetica), and their other resources. */
  readonly fonts?: string;
  readonly resources?: string;
}

/** A PDF whose pages each draw `content`, kept once. */
export function pdfDrawing(
  content: string,
  { pages = 1, extra = [], fonts = '', resources = '' }: Drawing = {},
): Uint8Array {
  const contents = 3 + pages;
  const kids = Array.from({ length: pages }, (_, i) => `${3 + i} 0 R`).join(' ');
  const page = `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents ${contents} 0 R /Resources << /Font << ${HELVETICA} ${fonts} >> ${resources} >> >>`;
  return pdfOf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${kids}] /Count ${pages} >>`,
    ...Array.from({ length: pages }, () => page),
    { stream: content },
    ...extra,
  ]);
}

/** The number of the first of pdfDrawing's `extra` objects, for a one-page PDF. */
const PDF_EXTRA = 5;
const HELLO = 'BT /F1 12 Tf 72 800 Td (hello) Tj ET\n';

/** A page that writes 「hello」 and fills a square with a tiling pattern whose cell draws `cell`. */
export const pdfPattern = (cell: string): Uint8Array =>
  pdfDrawing(`${HELLO}/Pattern cs /P0 scn 0 0 100 100 re f\n`, {
    extra: [
      {
        dict: '/Type /Pattern /PatternType 1 /PaintType 1 /TilingType 1 /BBox [0 0 10 10] /XStep 10 /YStep 10 /Resources << >>',
        stream: cell,
      },
    ],
    resources: `/Pattern << /P0 ${PDF_EXTRA} 0 R >>`,
  });

/** A page that writes 「hello」, and 「a」 in a Type3 font whose glyph draws `glyph`. */
export const pdfType3 = (glyph: string): Uint8Array =>
  pdfDrawing(`${HELLO}BT /T3 12 Tf 72 700 Td (a) Tj ET\n`, {
    extra: [
      `<< /Type /Font /Subtype /Type3 /FontBBox [0 0 1000 1000] /FontMatrix [0.001 0 0 0.001 0 0] /CharProcs << /a ${PDF_EXTRA + 1} 0 R >> /Encoding << /Type /Encoding /Differences [97 /a] >> /FirstChar 97 /LastChar 97 /Widths [1000] /Resources << >> >>`,
      { stream: `1000 0 d0\n${glyph}` },
    ],
    fonts: `/T3 ${PDF_EXTRA} 0 R`,
  });

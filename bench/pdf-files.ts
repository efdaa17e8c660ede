// PDFs that hold far more than a report: what the command line must refuse in bounded time and memory.
import { deflateSync } from 'node:zlib';

/** A PDF whose pages (one by default) each draw `content`, compressed, kept once; `/F1` is Helvetica. */
export function pdfDrawing(content: string, pages = 1): Uint8Array {
  const stream = deflateSync(Buffer.from(content, 'latin1'));
  const contents = 3 + pages;
  const kids = Array.from({ length: pages }, (_, i) => `${3 + i} 0 R`).join(' ');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${kids}] /Count ${pages} >>`,
    ...Array.from(
      { length: pages },
      () =>
        `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents ${contents} 0 R /Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >> >>`,
    ),
  ];
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n', 'latin1')];
  const offsets: number[] = [];
  const at = () => parts.reduce((n, p) => n + p.length, 0);
  objects.forEach((o, i) => {
    offsets.push(at());
    parts.push(Buffer.from(`${i + 1} 0 obj\n${o}\nendobj\n`, 'latin1'));
  });
  offsets.push(at());
  parts.push(
    Buffer.from(`${contents} 0 obj\n<< /Length ${stream.length} /Filter /FlateDecode >>\nstream\n`, 'latin1'),
  );
  parts.push(stream, Buffer.from('\nendstream\nendobj\n', 'latin1'));
  const xref = at();
  const entries = offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  parts.push(
    Buffer.from(
      `xref\n0 ${contents + 1}\n0000000000 65535 f \n${entries}trailer\n<< /Size ${contents + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`,
      'latin1',
    ),
  );
  return new Uint8Array(Buffer.concat(parts));
}

// A Word file made by a site's 「导出 Word」: the report is a web page (or a web archive) the document
// holds as a chunk (w:altChunk), which Word lays out where it stands; document.xml has nothing else.
import { readFileSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { check } from '../../src/checks/engine.js';
import { readDocx } from '../../src/readers/docx/index.js';
import { readReportFile } from '../../src/readers/files.js';
import type { Report } from '../../src/report/types.js';
import { fixturePath } from '../helpers.js';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A Word package whose body is `body`, with `chunks` as parts the body names by id. */
function wordFile(
  body: string,
  chunks: Record<string, { target: string; bytes: Uint8Array; type: string }>,
): Uint8Array {
  const rels = Object.entries(chunks)
    .map(([id, c]) => `<Relationship Id="${id}" Type="${R}/aFChunk" Target="${c.target}"/>`)
    .join('');
  const overrides = Object.values(chunks)
    .map((c) => `<Override PartName="/word/${c.target}" ContentType="${c.type}"/>`)
    .join('');
  return zipSync({
    '[Content_Types].xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>${overrides}</Types>`,
    ),
    '_rels/.rels': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/officeDocument" Target="word/document.xml"/></Relationships>`,
    ),
    'word/_rels/document.xml.rels': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}</Relationships>`,
    ),
    'word/document.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W}" xmlns:r="${R}"><w:body>${body}<w:sectPr/></w:body></w:document>`,
    ),
    ...Object.fromEntries(Object.values(chunks).map((c) => [`word/${c.target}`, c.bytes])),
  });
}

const page = (name: string) => readFileSync(fixturePath(name), 'utf8');

/** A page as a web archive, as the common 「导出 Word」 libraries write it: quoted-printable with only 「=」 escaped. */
const archive = (html: string) =>
  strToU8(
    [
      'MIME-Version: 1.0',
      'Content-Type: multipart/related;',
      '    type="text/html";',
      '    boundary="----=mhtDocumentPart"',
      '',
      '',
      '------=mhtDocumentPart',
      'Content-Type: text/html;',
      '    charset="utf-8"',
      'Content-Transfer-Encoding: quoted-printable',
      'Content-Location: file:///C:/fake/document.html',
      '',
      html.replace(/=/g, '=3D'),
      '',
      '------=mhtDocumentPart--',
      '',
    ].join('\n'),
  );

const raws = (r: Report) => Object.fromEntries([...r.cells].map(([k, c]) => [k, c.raw]));
const rules = (r: Report) => check(r).map((f) => f.rule);

describe('a Word file whose report is a chunk of a web page (w:altChunk)', () => {
  it('a page chunk reads as the page does: the same cells, the same findings', async () => {
    const html = page('jingxiu-2019.html');
    const asPage = (await readReportFile('jingxiu-2019.html', strToU8(html))).reports[0]!;
    const doc = wordFile('<w:altChunk r:id="htmlChunk"/>', {
      htmlChunk: { target: 'chunk.html', bytes: strToU8(html), type: 'text/html' },
    });
    const read = (await readDocx(doc)).report!;
    expect(read.cells.size).toBeGreaterThan(100);
    expect(raws(read)).toEqual(raws(asPage));
    expect(rules(read)).toEqual(rules(asPage));
    expect(read.year).toBe(2019);
  });

  it('a web archive chunk, as 「导出 Word」 libraries write it, reads as the page; Word paragraphs around it keep their places', async () => {
    const html = page('suqian-2024.html');
    const asPage = (await readReportFile('suqian-2024.html', strToU8(html))).reports[0]!;
    const doc = wordFile(
      '<w:p><w:r><w:t>（此件公开发布）</w:t></w:r></w:p><w:altChunk r:id="htmlChunk"/><w:p><w:r><w:t>附件：无</w:t></w:r></w:p>',
      { htmlChunk: { target: 'afchunk.mht', bytes: archive(html), type: 'message/rfc822' } },
    );
    const read = (await readDocx(doc)).report!;
    expect(read.cells.size).toBeGreaterThan(100);
    expect(raws(read)).toEqual(raws(asPage));
    expect(rules(read)).toEqual(rules(asPage));
  });

  it('a chunk Word lays out but no page (rich text), or one missing: said as no tables, never thrown', async () => {
    type Chunks = Parameters<typeof wordFile>[1];
    for (const chunks of [
      {
        htmlChunk: {
          target: 'chunk.rtf',
          bytes: strToU8('{\\rtf1 三、收到和处理政府信息公开申请情况}'),
          type: 'application/rtf',
        },
      },
      {},
    ] as Chunks[]) {
      const read = await readDocx(wordFile('<w:altChunk r:id="htmlChunk"/>', chunks));
      expect(read.problem).toMatch(/没有找到年报表格|没有.*年报/);
    }
  });
});

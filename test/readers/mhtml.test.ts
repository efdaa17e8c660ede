import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { check } from '../../src/checks/engine.js';
import { readPublished, readReportFile, unsupported } from '../../src/readers/files.js';
import type { Report } from '../../src/report/types.js';
import { encodeGbk, fixturePath } from '../helpers.js';

const bytes = (name: string) => new Uint8Array(readFileSync(fixturePath(name)));
const raws = (r: Report) => Object.fromEntries([...r.cells].map(([k, c]) => [k, c.raw]));
const rules = (r: Report) => check(r).map((f) => `${f.rule} ${f.cells.join()}`);

async function read(name: string, data: Uint8Array): Promise<Report> {
  const r = await readPublished(name, data);
  if (!r.report) throw new Error(r.problem);
  return r.report;
}

/** quoted-printable (RFC 2045), lines of at most 76 characters, as Word writes it. */
function quotedPrintable(data: Uint8Array): string {
  let out = '';
  let line = '';
  for (const b of data) {
    const c =
      b === 10
        ? '\r\n'
        : b === 13
          ? ''
          : b === 61 || b > 126
            ? `=${b.toString(16).toUpperCase().padStart(2, '0')}`
            : String.fromCharCode(b);
    if (c === '\r\n') {
      out += `${line}\r\n`;
      line = '';
      continue;
    }
    if (line.length + c.length > 75) {
      out += `${line}=\r\n`;
      line = '';
    }
    line += c;
  }
  return out + line;
}

/** A web archive as Word saves a 「单个文件网页」: GB2312, quoted-printable or base64, with a part after the page. */
function wordArchive(html: string, encoding: 'quoted-printable' | 'base64'): Uint8Array {
  const gbk = encodeGbk(html);
  const body =
    encoding === 'base64' ? gbk.toString('base64').replace(/.{76}/g, '$&\r\n') : quotedPrintable(gbk);
  const b = '----=_NextPart_01DB4C2A.6E1F3A10';
  const mime = [
    'MIME-Version: 1.0',
    `Content-Type: multipart/related; boundary="${b}"`,
    '',
    '此文档为“单个文件网页”，也称为“Web 档案”文件。',
    '',
    `--${b}`,
    'Content-Location: file:///C:/D1A2B3C4/report.htm',
    `Content-Transfer-Encoding: ${encoding}`,
    'Content-Type: text/html; charset="gb2312"',
    '',
    body,
    '',
    `--${b}`,
    'Content-Location: file:///C:/D1A2B3C4/report.files/filelist.xml',
    'Content-Transfer-Encoding: quoted-printable',
    'Content-Type: text/xml; charset="utf-8"',
    '',
    '<xml xmlns:o=3D"urn:schemas-microsoft-com:office:office"></xml>',
    `--${b}--`,
    '',
  ].join('\r\n');
  return new Uint8Array(Buffer.from(mime, 'latin1').map((c, i) => (mime.charCodeAt(i) > 255 ? 0x3f : c)));
}

describe('a web archive (.mht, .mhtml), as a browser or Word saves a page in one file', () => {
  const page = () => read('宿迁市2024年报.html', bytes('suqian-2024.html'));

  it('a page Chromium saved as 「网页，单个文件」 (.mhtml) reads as the page: the same cells and findings', async () => {
    const archived = await read('宿迁市2024年报.mhtml', bytes('suqian-2024.mhtml'));
    const saved = await page();
    expect(raws(archived)).toEqual(raws(saved));
    expect(rules(archived)).toEqual(rules(saved));
    expect(archived).toMatchObject({ agency: '宿迁市', year: 2024, edition: '2021' });
  });

  it.each(['quoted-printable', 'base64'] as const)(
    'Word’s 「单个文件网页」 in GB2312, %s, saved as .mht or as .doc, reads as the page',
    async (encoding) => {
      const html = readFileSync(fixturePath('suqian-2024.html'), 'utf8');
      const archive = wordArchive(html, encoding);
      const saved = await page();
      for (const name of ['年报.mht', '年报.doc']) {
        const r = await readReportFile(name, archive);
        expect(raws(r.reports[0]!), name).toEqual(raws(saved));
      }
    },
  );

  it('is read, not refused; an archive without a page says so', async () => {
    expect(unsupported('年报.mht')).toBeUndefined();
    expect(unsupported('年报.MHTML')).toBeUndefined();
    const pictures =
      'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="b"\r\n\r\n--b\r\nContent-Type: image/png\r\n\r\nxx\r\n--b--\r\n';
    const r = await readPublished('图片.mht', new TextEncoder().encode(pictures));
    expect(r.problem).toBe('网页存档（.mht）中没有网页，无法读取：请在浏览器中打开后另存为 .html 再校验');
  });
});

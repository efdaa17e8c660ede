/** Files put in the place of a report by mistake, by their first bytes: what a clerk calls them. */
const KINDS: readonly (readonly [string, readonly number[], number?])[] = [
  ['图片（PNG）', [0x89, 0x50, 0x4e, 0x47]],
  ['图片（JPEG）', [0xff, 0xd8, 0xff]],
  ['图片（GIF）', [0x47, 0x49, 0x46, 0x38]],
  ['图片（BMP）', [0x42, 0x4d]],
  ['图片（TIFF）', [0x49, 0x49, 0x2a, 0x00]],
  ['图片（TIFF）', [0x4d, 0x4d, 0x00, 0x2a]],
  ['图片（WebP）', [0x57, 0x45, 0x42, 0x50], 8],
  ['RAR 压缩包', [0x52, 0x61, 0x72, 0x21]],
  ['7z 压缩包', [0x37, 0x7a, 0xbc, 0xaf]],
  ['gzip 压缩包', [0x1f, 0x8b]],
];

/** What a file is, where its first bytes say it is one of KINDS: 「图片（PNG）」. */
export function fileKind(bytes: Uint8Array): string | undefined {
  return KINDS.find(([, magic, at = 0]) => magic.every((b, i) => bytes[at + i] === b))?.[0];
}

/** What to say of a file of another kind (a picture) named as a report, or undefined. */
export function otherKindProblem(bytes: Uint8Array, wanted: string): string | undefined {
  const kind = fileKind(bytes);
  // 「不是 Excel…」, 「是 RAR…」: a space between Chinese and Latin letters, as elsewhere.
  const spaced = (s: string) => (/^[A-Za-z0-9]/.test(s) ? ` ${s}` : s);
  return kind ? `文件内容是${spaced(kind)}，不是${spaced(wanted)}：请选要校验的年报文件` : undefined;
}

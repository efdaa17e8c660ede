/** Formats a report comes in that no reader here reads, and what to do instead. */
const UNSUPPORTED: Readonly<Record<string, string>> = {
  doc: '.doc 是旧版 Word 格式，请在 Word 或 WPS 中另存为 .docx 或 PDF 后再校验',
  wps: '.wps 是 WPS 文字格式，请在 WPS 中另存为 .docx 或 PDF 后再校验',
  wpt: '.wpt 是 WPS 文字模板，请在 WPS 中另存为 .docx 或 PDF 后再校验',
  dot: '.dot 是旧版 Word 模板，请在 Word 或 WPS 中另存为 .docx 或 PDF 后再校验',
  rtf: '.rtf 格式无法读取，请在 Word 或 WPS 中另存为 .docx 或 PDF 后再校验',
  odt: '.odt 格式无法读取，请另存为 .docx 或 PDF 后再校验',
  ofd: '.ofd 是版式文件格式，无法读取，请用数科阅读器或 WPS 导出为 PDF（带文字层）后再校验',
  xls: '.xls 是旧版 Excel 格式，请在 Excel 或 WPS 中另存为 .xlsx 后再校验',
  et: '.et 是 WPS 表格格式，请在 WPS 中另存为 .xlsx 后再校验',
  ett: '.ett 是 WPS 表格模板，请在 WPS 中另存为 .xlsx 后再校验',
  ods: '.ods 是 LibreOffice 表格格式，请在 LibreOffice 或 WPS 中另存为 .xlsx 后再校验',
  csv: '.csv 没有年报的表格格式，请用 Excel 保存为 .xlsx 后再校验',
  crdownload: '文件没有下载完（浏览器下载中的临时文件），请等下载完成后校验下载好的文件',
  part: '文件没有下载完（浏览器下载中的临时文件），请等下载完成后校验下载好的文件',
  download: '文件没有下载完（浏览器下载中的临时文件），请等下载完成后校验下载好的文件',
  zip: '压缩包无法直接校验，请先解压，再校验其中的文件',
  rar: '压缩包无法直接校验，请先解压，再校验其中的文件',
  '7z': '压缩包无法直接校验，请先解压，再校验其中的文件',
};

/** Formats a folder of reports may hold (saved in an older or another office format): each is said. */
export const DOCUMENT_FORMATS: readonly string[] = [
  'doc',
  'wps',
  'wpt',
  'dot',
  'rtf',
  'odt',
  'ods',
  'ofd',
  'xls',
  'et',
  'ett',
].map((e) => `.${e}`);

const IMAGES = ['jpg', 'jpeg', 'png', 'gif', 'bmp', 'tif', 'tiff', 'webp', 'heic'];

/**
 * The Chinese message for a file whose format no reader here reads (.doc, .wps, .ofd, .xls, .et,
 * a picture …), or undefined for a format that is read (.xlsx, .docx, .pdf, .txt, .html).
 */
export function unsupportedFormat(fileName: string): string | undefined {
  const m = /\.([^./\\]+)$/.exec(fileName.trim());
  const ext = m?.[1]!.toLowerCase();
  if (!ext) return undefined;
  if (IMAGES.includes(ext)) {
    return `.${ext} 是图片，其中的文字无法读取（不做文字识别），请使用带文字层的 PDF、.docx 或网页文本校验`;
  }
  return UNSUPPORTED[ext];
}

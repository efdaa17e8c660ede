/**
 * Characters that look like the usual ones but are others: PDFs (Chromium's, many Word ones) map
 * some glyphs to Kangxi radicals (「⼀」 U+2F00 for 「一」) or compatibility ideographs, and text
 * copied from them keeps these. NFKC maps most; the radicals supplement is mapped by hand.
 */
const SUPPLEMENT: Readonly<Record<string, string>> = {
  '⺠': '民',
  '⻓': '长',
  '⻔': '门',
  '⻢': '马',
  '⻋': '车',
  '⻅': '见',
  '⻚': '页',
  '⻛': '风',
  '⻜': '飞',
  '⻥': '鱼',
  '⻄': '西',
  '⺟': '母',
  '⻘': '青',
  '⻝': '食',
  '⻬': '齐',
  '⻩': '黄',
  '⻉': '贝',
  '⻆': '角',
  '⻙': '韦',
  '⻣': '骨',
  '⻤': '鬼',
  '⻰': '龙',
  '⻳': '龟',
  '⺩': '王',
  '⺮': '竹',
  '⺶': '羊',
  '⻁': '虎',
  '⻨': '麦',
};

const LOOKALIKE = /[\u2e80-\u2fdf\uf900-\ufaff]/g;
const ANY = /[\u2e80-\u2fdf\uf900-\ufaff]/;

export function normalizeGlyphs(text: string): string {
  if (!ANY.test(text)) return text;
  return text.replace(LOOKALIKE, (c) => SUPPLEMENT[c] ?? c.normalize('NFKC'));
}

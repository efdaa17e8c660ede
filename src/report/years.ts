const CHINESE_DIGITS = '〇一二三四五六七八九';

/** 「二〇一九」, 「二零一九」 or 「２０１９」 written for 2019: four Chinese or full-width digits become Arabic ones. */
export function arabicYears(text: string): string {
  return text.replace(/[〇零一二三四五六七八九]{4}|[０-９]{4}/g, (run) =>
    [...run]
      .map((c) =>
        c >= '０' && c <= '９'
          ? String(c.charCodeAt(0) - 0xff10)
          : String(c === '零' ? 0 : CHINESE_DIGITS.indexOf(c)),
      )
      .join(''),
  );
}

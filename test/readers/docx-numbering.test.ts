// Word's automatic numbering: the numbers a paragraph shows that are in no w:t (「一、」, 「1.」).
import { readFileSync } from 'node:fs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { check } from '../../src/checks/engine.js';
import { bodyBlocks } from '../../src/readers/docx/body.js';
import { readDocx } from '../../src/readers/docx/index.js';
import { numberingOf } from '../../src/readers/docx/numbering.js';
import { PART_TITLES } from '../../src/report/parts.js';
import { fixturePath } from '../helpers.js';

const level = (ilvl: number, format: string, text: string, start = 1) =>
  `<w:lvl w:ilvl="${ilvl}"><w:start w:val="${start}"/><w:numFmt w:val="${format}"/><w:lvlText w:val="${text}"/></w:lvl>`;
const numbering = (abstracts: string[], nums: string) =>
  `<w:numbering>${abstracts.map((a, i) => `<w:abstractNum w:abstractNumId="${i}">${a}</w:abstractNum>`).join('')}${nums}</w:numbering>`;
const num = (id: number, abstract: number, restart?: number) =>
  `<w:num w:numId="${id}"><w:abstractNumId w:val="${abstract}"/>${
    restart === undefined
      ? ''
      : `<w:lvlOverride w:ilvl="0"><w:startOverride w:val="${restart}"/></w:lvlOverride>`
  }</w:num>`;

/** A paragraph of `text` with the properties `props`. */
const para = (text: string, props: string) =>
  `<w:p><w:pPr>${props}</w:pPr><w:r><w:t>${text}</w:t></w:r></w:p>`;

/**
 * The 竞秀区 fixture's body with each part title's numeral left out, its paragraph given the
 * properties `props` instead of its own: the number is Word's to make.
 */
function titlesNumberedBy(xml: string, props: string): string {
  let out = xml;
  for (const title of PART_TITLES) {
    const [numeral, rest] = [title.slice(0, 2), title.slice(2)];
    out = out.replace(
      new RegExp(`(<w:p\\b[^>]*>)((?:(?!</w:p>)[\\s\\S])*?)${numeral}${rest}`),
      (_, open: string, between: string) =>
        `${open}<w:pPr>${props}</w:pPr>${between.replace(/<w:pPr>[\s\S]*?<\/w:pPr>/, '')}${rest}`,
    );
  }
  return out;
}

describe('Word’s numbering', () => {
  it('counts in the list’s format: 一、 to 二十一、, 1. with a list restarted, levels below reset, bullets none', () => {
    const n = numberingOf(
      numbering(
        [
          level(0, 'chineseCounting', '%1、') + level(1, 'chineseCounting', '（%2）'),
          level(0, 'decimal', '%1.'),
          level(0, 'bullet', '•'),
        ],
        num(1, 0) + num(2, 1, 1) + num(3, 1, 1) + num(4, 2),
      ),
    )!;
    const titles = Array.from({ length: 21 }, () => n.next('1', 0));
    expect([titles[0], titles[9], titles[10], titles[19], titles[20]]).toEqual([
      '一、',
      '十、',
      '十一、',
      '二十、',
      '二十一、',
    ]);
    expect([n.next('1', 1), n.next('1', 1), n.next('1', 0), n.next('1', 1)]).toEqual([
      '（一）',
      '（二）',
      '二十二、',
      '（一）',
    ]);
    expect([n.next('2', 0), n.next('2', 0), n.next('3', 0)]).toEqual(['1.', '2.', '1.']);
    expect(n.next('4', 0)).toBeUndefined();
    expect(n.next('9', 0)).toBeUndefined();
    expect(numberingOf('<w:numbering/>')).toBeUndefined();
  });

  it('a paragraph of a list shows its number before its text; one changed from a list (w:pPrChange) does not', () => {
    const n = numberingOf(numbering([level(0, 'chineseCounting', '%1、')], num(1, 0)));
    const listed = '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>';
    const xml = `<w:body>${para('总体情况', listed)}${para('正文', `<w:pPrChange><w:pPr>${listed}</w:pPr></w:pPrChange>`)}${para('主动公开政府信息情况', listed)}</w:body>`;
    expect(bodyBlocks(xml, { numbering: n })).toEqual([
      { line: '一、总体情况' },
      { line: '正文' },
      { line: '二、主动公开政府信息情况' },
    ]);
  });

  it('a report whose part titles Word numbers: its parts are found, no title missing', async () => {
    const parts = unzipSync(new Uint8Array(readFileSync(fixturePath('jingxiu-2019.docx'))));
    const source = strFromU8(parts['word/document.xml']!);
    for (const title of PART_TITLES) expect(source).toContain(title);
    // Its numerals made by Word, from the list: the text holds the rest alone.
    const xml = titlesNumberedBy(source, '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>');
    expect(PART_TITLES.some((t) => xml.includes(t))).toBe(false);
    const without = await readDocx(zipSync({ ...parts, 'word/document.xml': strToU8(xml) }));
    expect(check(without.report!).some((f) => f.rule === 'S-01')).toBe(true);
    const numbered = await readDocx(
      zipSync({
        ...parts,
        'word/document.xml': strToU8(xml),
        'word/numbering.xml': strToU8(numbering([level(0, 'chineseCounting', '%1、')], num(1, 0))),
      }),
    );
    expect(check(numbered.report!).some((f) => f.rule === 'S-01')).toBe(false);
    expect(numbered.report!.published!.titles.every((l) => l > 0)).toBe(true);
  });

  it('a paragraph in a list by its style (or a style it is based on) shows its number; its own list, or none, comes first', () => {
    // As LibreOffice writes its outline numbering: the style holds the list, the list's level names the style.
    const n = numberingOf(
      numbering(
        [
          `<w:lvl w:ilvl="0"><w:start w:val="1"/><w:pStyle w:val="Heading1"/><w:numFmt w:val="taiwaneseCountingThousand"/><w:lvlText w:val="%1、"/></w:lvl>` +
            `<w:lvl w:ilvl="1"><w:start w:val="1"/><w:pStyle w:val="Heading2"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>`,
          level(0, 'decimal', '%1.'),
        ],
        num(1, 0) + num(2, 1),
      ),
      '<w:styles>' +
        '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr></w:style>' +
        // Its level not given: the list's level that names it.
        '<w:style w:type="paragraph" w:styleId="Heading2"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>' +
        '<w:style w:type="paragraph" w:styleId="PartTitle"><w:basedOn w:val="Heading1"/></w:style>' +
        '<w:style w:type="paragraph" w:styleId="Plain"><w:basedOn w:val="Heading1"/><w:pPr><w:numPr><w:numId w:val="0"/></w:numPr></w:pPr></w:style>' +
        '<w:style w:type="character" w:styleId="Heading1Char"><w:pPr><w:numPr><w:numId w:val="2"/></w:numPr></w:pPr></w:style>' +
        '<w:style w:type="paragraph" w:styleId="Loop"><w:basedOn w:val="Loop"/></w:style>' +
        '</w:styles>',
    );
    const style = (id: string) => `<w:pStyle w:val="${id}"/>`;
    const xml = `<w:body>${[
      // Its tab stops, as LibreOffice writes them, are no tabs of its text.
      para(
        '总体情况',
        `${style('Heading1')}<w:tabs><w:tab w:val="clear" w:pos="709"/><w:tab w:val="left" w:pos="0"/></w:tabs>`,
      ),
      para('主动公开', style('Heading2')),
      para('正文', style('Plain')),
      para('收到和处理政府信息公开申请情况', style('PartTitle')),
      para('第一项', `${style('Heading1')}<w:numPr><w:ilvl w:val="0"/><w:numId w:val="2"/></w:numPr>`),
      para('下一级', `${style('Heading1')}<w:numPr><w:ilvl w:val="1"/></w:numPr>`),
      para('不在列表中', `${style('Heading1')}<w:numPr><w:numId w:val="0"/></w:numPr>`),
      para('循环', style('Loop')),
      para('字符样式', style('Heading1Char')),
      para('改前', `<w:pPrChange><w:pPr>${style('Heading1')}</w:pPr></w:pPrChange>`),
      '<w:p><w:r><w:t>公开</w:t><w:tab/><w:t>12</w:t></w:r></w:p>',
    ].join('')}</w:body>`;
    expect(bodyBlocks(xml, { numbering: n })).toEqual([
      { line: '一、总体情况' },
      { line: '（一）主动公开' },
      { line: '正文' },
      { line: '二、收到和处理政府信息公开申请情况' },
      { line: '1.第一项' },
      { line: '（一）下一级' },
      { line: '不在列表中' },
      { line: '循环' },
      { line: '字符样式' },
      { line: '改前' },
      { line: '公开\t12' },
    ]);
  });

  it('a report whose part titles are numbered by their heading style, as LibreOffice saves them: no title missing', async () => {
    const parts = unzipSync(new Uint8Array(readFileSync(fixturePath('jingxiu-2019.docx'))));
    const xml = titlesNumberedBy(strFromU8(parts['word/document.xml']!), '<w:pStyle w:val="Heading3"/>');
    expect(PART_TITLES.some((t) => xml.includes(t))).toBe(false);
    // Its part titles' style, 「Heading 3」, given a list; the document's title, in 「Heading 1」, is not numbered.
    const styles = strFromU8(parts['word/styles.xml']!).replace(
      '<w:outlineLvl w:val="2"/>',
      '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="2"/>',
    );
    expect(styles).toContain('w:numId');
    const lists = numbering(
      [
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:pStyle w:val="Heading3"/><w:numFmt w:val="taiwaneseCountingThousand"/><w:lvlText w:val="%1、"/></w:lvl>',
      ],
      num(1, 0),
    );
    const read = (withStyles: string) =>
      readDocx(
        zipSync({
          ...parts,
          'word/document.xml': strToU8(xml),
          'word/numbering.xml': strToU8(lists),
          'word/styles.xml': strToU8(withStyles),
        }),
      );
    const unstyled = await read(strFromU8(parts['word/styles.xml']!));
    expect(check(unstyled.report!).some((f) => f.rule === 'S-01')).toBe(true);
    const styled = await read(styles);
    expect(check(styled.report!).some((f) => f.rule === 'S-01')).toBe(false);
    expect(styled.report!.published!.titles.every((l) => l > 0)).toBe(true);
  });
});

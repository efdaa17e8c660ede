import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { check } from '../../src/checks/engine.js';
import { readText } from '../../src/readers/text/index.js';
import { reportFromValues } from '../../src/report/from-values.js';
import { canonical } from '../../src/report/labels.js';
import { tableSpecs } from '../../src/report/model.js';
import { EDITIONS } from '../../src/report/types.js';
import type { Report } from '../../src/report/types.js';
import { fixturePath, ofRule, publishedReport, suqian } from '../helpers.js';

const seed = () => readFileSync(fixturePath('jingxiu-2019.txt'), 'utf8');
const read = (text: string): Report => readText(text).report!;

describe('what a published report says besides its tables', () => {
  it('no table label has a full stop or a semicolon, nor more than 80 characters: the text rules take a line with one for a sentence', () => {
    const labels = EDITIONS.flatMap((e) =>
      tableSpecs(e).flatMap((t) => t.labels.map((l) => canonical(l.text))),
    );
    expect(labels.filter((l) => /[。；;]/.test(l) || l.length > 80)).toEqual([]);
  });

  /** What T3-06 and T4-04 say of `text` as part `part` of 宿迁市 2024, each message up to its quote. */
  const said = (text: string, part = 0) => {
    const findings = check(publishedReport({ [part]: text }));
    return [...ofRule(findings, 'T3-06'), ...ofRule(findings, 'T4-04')].map((f) =>
      f.message.slice(0, f.message.indexOf('（')),
    );
  };

  it('T4-04: 宿迁市 2024 says 134 and 57 where table 4 gives 170 and 25 + 52 = 77', () => {
    const [, y2024] = suqian();
    const text = (y2024 as unknown as { text: string }).text;
    const findings = ofRule(check(publishedReport({ 0: text })), 'T4-04');
    expect(findings.map((f) => f.message)).toEqual([
      `正文说行政复议 134 件（「${text.replace('。', '')}」），而表中为行政复议·总计 170：请核对正文或表格。`,
      `正文说行政诉讼 57 件（「${text.replace('。', '')}」），而表中为未经复议直接起诉·总计 25 + 复议后起诉·总计 52 = 77：请核对正文或表格。`,
    ]);
    expect(findings.every((f) => f.severity === 'warning')).toBe(true);
  });

  it('T4-04 quotes a sentence a copy broke over lines whole, not the line it begins on', () => {
    const text = '全市全年备案政府信息依申请公开领域行政复议案件134件，行政诉\n讼案件57件。';
    const quotes = ofRule(check(publishedReport({ 0: text })), 'T4-04').map(
      (f) => /「(.*)」/.exec(f.message)![1],
    );
    expect(quotes).toEqual(
      Array(2).fill('全市全年备案政府信息依申请公开领域行政复议案件134件，行政诉讼案件57件'),
    );
    // Not into a heading on the line before or after it, which no full stop ends.
    for (const headed of [
      '（一）复议诉讼情况\n全市行政复议案件134件，行政诉讼案件57件\n（二）其他情况',
      '（一）复议诉讼情况\n全市行政复议案件134件，行政诉\n讼案件57件\n（二）其他情况',
    ])
      expect(
        ofRule(check(publishedReport({ 0: headed })), 'T4-04').map((f) => /「(.*)」/.exec(f.message)![1]),
      ).toEqual(Array(2).fill('全市行政复议案件134件，行政诉讼案件57件'));
    // A text with no full stop for many lines is quoted by its line.
    const long = `行政复议案件134件，行政诉\n${'讼案件57件，'.repeat(40)}`;
    const cut = ofRule(check(publishedReport({ 0: long })), 'T4-04').map(
      (f) => /「(.*?)」/.exec(f.message)![1],
    );
    expect(cut[0]).toBe('行政复议案件134件，行政诉');
  });

  it('T3-06: the number of applications the text gives must be table 3’s', () => {
    expect(ofRule(check(read(seed())), 'T3-06')).toEqual([]);
    const changed = ofRule(check(read(seed().replace('收到5例', '收到7例'))), 'T3-06');
    expect(changed.map((f) => f.cells)).toEqual([['t3.r1.total']]);
    expect(changed[0]!.message).toContain('正文说本年新收政府信息公开申请 7 件');
    expect(changed[0]!.message).toContain('一、本年新收政府信息公开申请数量·总计（第111行） 5');
  });

  it('a run of 100,000 digits before 「件」 (no count) is looked at once, not from each of its digits', () => {
    // Tried from each digit, three patterns took the square of the run: this did not end in minutes.
    const digits = `全年收到政府信息公开申请${'1'.repeat(100_000)}件，行政复议${'2'.repeat(100_000)}件。`;
    expect(said(digits)).toEqual([]);
    const lines = seed().split('\n');
    lines.splice(2, 0, `${'1'.repeat(100_000)}件`);
    expect(ofRule(check(read(lines.join('\n'))), 'T4-04')).toEqual([]);
    expect(said(`${digits}本年度共收到政府信息公开申请3642件。`)).toEqual([
      '正文说本年新收政府信息公开申请 3642 件',
    ]);
  });

  it('T3-06 and T4-04 read the numbers as reports word them', () => {
    // 宿迁市 2024: 3525 received, 121 carried over, 2833 answered; review 170, suits 25 + 52.
    expect(said('本年度共收到政府信息公开申请3526件，上年结转121件，办结3521件。')).toEqual([
      '正文说本年新收政府信息公开申请 3526 件',
    ]);
    expect(said('本年度共收到政府信息公开申请3526件（不含上年结转）。')).toEqual([
      '正文说本年新收政府信息公开申请 3526 件',
    ]);
    expect(said('本年度新收政府信息公开申请３５２６件。')).toEqual([
      '正文说本年新收政府信息公开申请 3526 件',
    ]);
    expect(said('本年度共收到自然人、法人和其他组织提出的政府信息公开申请3526件。')).toEqual([
      '正文说本年新收政府信息公开申请 3526 件',
    ]);
    expect(said('涉及政府信息公开的行政复议、行政诉讼案件分别为171件、77件。')).toEqual([
      '正文说行政复议 171 件',
    ]);
    // None said in words, or one number for both: table 4's 170 and 77 are not none.
    for (const none of [
      '本年度未发生政府信息公开行政复议、行政诉讼案件。',
      '本年度政府信息公开行政复议、行政诉讼均为0件。',
    ])
      expect([none, said(none)]).toEqual([none, ['正文说行政复议 0 件', '正文说行政诉讼 0 件']]);
    for (const other of [
      '本年度未发生因政府信息公开被行政复议纠错的情况。',
      '本年度未发生行政诉讼败诉案件。',
    ])
      expect([other, said(other)]).toEqual([other, []]);
    // Other verbs and units reports use; two subjects, each with its count, joined by 、.
    expect(said('全年共接收政府信息公开申请3600件。')).toEqual(['正文说本年新收政府信息公开申请 3600 件']);
    expect(said('本年度收到政府信息公开申请3600宗。')).toEqual(['正文说本年新收政府信息公开申请 3600 件']);
    expect(said('本年度共收到2024年度政府信息公开申请3600件。')).toEqual([
      '正文说本年新收政府信息公开申请 3600 件',
    ]);
    expect(said('本年度行政复议、行政诉讼各80件。')).toEqual([
      '正文说行政复议 80 件',
      '正文说行政诉讼 80 件',
    ]);
    expect(said('本年度行政复议170件、行政诉讼80件。')).toEqual(['正文说行政诉讼 80 件']);
    expect(said('本年度被申请行政复议171件、被提起行政诉讼77件。')).toEqual(['正文说行政复议 171 件']);
    // Other matters counted in the same words are not table 3's.
    expect(said('本年度受理行政许可申请523件，办结行政许可事项520件。')).toEqual([]);
    expect(said('全年收到信访举报投诉类申请2件。')).toEqual([]);
    // A review application is no application for information (it is table 4's); a time limit no count.
    expect(said('本年度收到行政复议申请2件。')).toEqual(['正文说行政复议 2 件']);
    expect(said('受理申请后在15个工作日内答复。')).toEqual([]);
  });

  it('T3-06/T4-04 take no part-count, change or other matter for the total (no false warning)', () => {
    // 宿迁市 2024: 3525 received, 3521 answered, review 170, suits 25 + 52 = 77.
    for (const sentence of [
      '受理群众咨询30个，收到政府信息公开申请3525件。',
      '设立依申请公开受理点3个，共收到申请3525件。',
      '收到政府信息公开申请3525件，较上年增加2件。',
      '12345热线受理群众诉求及政府信息公开申请1500件，其中政府信息公开申请3525件。',
      '共答复网民留言120件，收到信息公开申请3525件。',
      '本机关受理行政复议申请45件，其中涉及政府信息公开的170件。',
      '全部在规定时限内办结答复（含延期答复1件）。',
      '因情况复杂延期答复申请2件。',
      '行政诉讼中未经复议直接起诉25件、复议后起诉52件。',
      '未经行政复议直接提起行政诉讼25件。',
      '行政复议、行政诉讼案件共247件。',
      '行政复议结果维持0件、纠正1件。',
      '被申请行政复议、提起行政诉讼分别为170件、77件。',
      '行政诉讼、行政复议分别为77件、170件。',
    ])
      expect([sentence, said(sentence)]).toEqual([sentence, []]);
    // The sentences of the table parts are read, their counts of parts left out.
    expect(said('因情况复杂延期答复申请2件，具体见下表。', 2)).toEqual([]);
    expect(said('本年度共收到政府信息公开申请3526件，具体见下表。', 2)).toEqual([
      '正文说本年新收政府信息公开申请 3526 件',
    ]);
    expect(said('行政复议0件，同比减少1件。', 3)).toEqual(['正文说行政复议 0 件']);
    // A real disagreement is still said.
    expect(said('行政诉讼、行政复议分别为77件、171件。')).toEqual(['正文说行政复议 171 件']);
  });

  it('T3-06/T4-04 take no last year’s count, no other year’s, no channel’s, no other body’s matter (an audit’s false warnings)', () => {
    // 宿迁市 2024: 3525 received, 121 carried over, 3521 answered, 125 carried on; review 170, suits 77.
    for (const sentence of [
      '共受理政府信息公开申请3646件（含上年结转121件）。',
      '与上年相比，本年度收到的政府信息公开申请由3200件增加到3525件。',
      '上年度共收到政府信息公开申请3200件，本年度收到3525件，同比增长10.2%。',
      '2023年，本机关收到政府信息公开申请3200件；2024年，收到3525件。',
      '本年度通过政府网站受理政府信息公开申请3100件，通过信函受理425件。',
      '本年度共收到政府信息公开申请3525件。其中，市级部门收到政府信息公开申请1200件，县区收到2325件。',
      '对收到的政府信息公开申请，按期答复3400件，延期答复121件。',
      '本机关本年度共收到各类申请3600件，其中政府信息公开申请3525件。',
      '本年度收到、办结政府信息公开申请分别为3525件、3521件。',
      '全年政务服务中心共受理群众办事申请128650件，办理结果信息全部公开。',
      '自《条例》实施以来，累计受理政府信息公开申请15000件。',
      '市政府作为行政复议机关，全年共受理行政复议案件1250件。',
      '本年度因政府信息公开被行政复议纠错2件。',
      '本年度涉及政府信息公开的行政诉讼败诉3件。',
      '2023年发生行政复议150件，2024年发生行政复议170件。',
      '上年度行政复议150件，本年度170件。',
      '本年度办结2023年度结转的政府信息公开申请121件。',
    ])
      expect([sentence, said(sentence)]).toEqual([sentence, []]);
    // Counts listed in one sentence, each bare but of what the sentence speaks of, are still read.
    expect(
      said('本年度受理政府信息公开申请3600件，上年结转130件，办结3500件，结转下年度继续办理100件。'),
    ).toEqual([
      '正文说本年新收政府信息公开申请 3600 件',
      '正文说上年结转的申请 130 件',
      '正文说本年度办理',
      '正文说结转下年度继续办理的申请 100 件',
    ]);
    expect(said('2024年，本机关收到政府信息公开申请3600件。')).toEqual([
      '正文说本年新收政府信息公开申请 3600 件',
    ]);
  });

  it('T3-06/T4-04 read what other audits found reports write (misses of the last audit)', () => {
    // 宿迁市 2024: 3525 received, 121 carried over, 3521 answered, 125 carried on; review 170.
    expect(said('本年度收到、办结政府信息公开申请分别为3600件、3500件。')).toEqual([
      '正文说本年新收政府信息公开申请 3600 件',
      '正文说本年度办理',
    ]);
    // Three subjects and three counts, in the same order.
    expect(said('本年度新收、办结、结转下年度政府信息公开申请分别为3600件、3521件、130件。')).toEqual([
      '正文说本年新收政府信息公开申请 3600 件',
      '正文说结转下年度继续办理的申请 130 件',
    ]);
    expect(said('本年度新收、办结、结转下年度政府信息公开申请分别为3525件、3521件、125件。')).toEqual([]);
    expect(said('2024年，我市共收到政府信息公开申请七件，均按时作出答复。')).toEqual([
      '正文说本年新收政府信息公开申请 7 件',
    ]);
    expect(said('本年度收到政府信息公开申请较上年增长30%，达3600件。')).toEqual([
      '正文说本年新收政府信息公开申请 3600 件',
    ]);
    expect(
      said('本年度新收政府信息公开申请3525件，上年结转121件。2023年度结转至本年度的申请共130件已全部办结。'),
    ).toEqual(['正文说上年结转的申请 130 件']);
    expect(said('本年度收到政府信息公开申请3525件，已答复3521件，尚有130件结转下年度继续办理。')).toEqual([
      '正文说结转下年度继续办理的申请 130 件',
    ]);
    // A table part's sentence with no punctuation, among its cells.
    expect(said('本年度共收到政府信息公开申请3600件', 2)).toEqual(['正文说本年新收政府信息公开申请 3600 件']);
  });

  it('T3-06 reads a sentence a copy broke over lines though another part states it rightly, and quotes it alone', () => {
    const findings = ofRule(
      check(
        publishedReport({
          0: '本年度共收到政府信息公开申请3525件。',
          // A label of table 3 with a comma in it is no sentence, and the part after it is not joined to it.
          2: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
          4: '本年度收到政府信\n息公开申请3600件，申请量持续增长。',
        }),
      ),
      'T3-06',
    );
    expect(findings.map((f) => /「(.*)」/.exec(f.message)![1])).toEqual([
      '本年度收到政府信息公开申请3600件，申请量持续增长',
    ]);
  });

  it('T3-06/T4-04 take no count that is not one (the last audit’s false warning, and others like it)', () => {
    for (const sentence of [
      '行政复议决定书中的3起案件涉及信息公开。',
      '对收到的每一件政府信息公开申请都认真答复。',
      '本年度收到政府信息公开申请三千五百二十五件。',
      '本年度受理、办结行政许可申请分别为523件、520件。',
      '本年度收到政府信息公开申请较上年增长10%，达3525件。',
      '行政复议和行政诉讼案件由法制科一起研究办理。',
    ])
      expect([sentence, said(sentence)]).toEqual([sentence, []]);
  });

  it('T3-06/T4-04 read more ways of saying the counts (misses of a second audit)', () => {
    // 宿迁市 2024: 3525 received, 121 carried over; review 170, suits 25 + 52 = 77.
    const received = '正文说本年新收政府信息公开申请 3600 件';
    for (const sentence of [
      '本年度，本机关共接到政府信息公开申请3600件。',
      '本年度新增政府信息公开申请3600件。',
      '本年度政府信息公开申请量为3600件，较上年有所增长。',
      '本年度共收到政府信息公开申请3,600件。',
      '本部门全年共收到政府信息公开申请3600件。',
      '本年度通过各种渠道共收到政府信息公开申请3600件。',
      '今年以来共受理政府信息公开申请3600件。',
      '与2023年相比，2024年本机关政府信息公开申请数量明显增长，共收到3600件。',
      '在2023年结转121件的基础上，本年度新收政府信息公开申请3600件。',
      '本年度收到政府信息公开申请同比增长10.2%，总量达3600件。',
      '本年度共收到2024年1月1日至12月31日期间的政府信息公开申请3600件。',
      '本年度共受理政府信息公开申请3600件（含当场答复的86件）。',
    ])
      expect([sentence, said(sentence)]).toEqual([sentence, [received]]);
    expect(said('上一年度结转的政府信息公开申请130件已全部办结。')).toEqual(['正文说上年结转的申请 130 件']);
    const review = (n: number) => `正文说行政复议 ${n} 件`;
    const suit = (n: number) => `正文说行政诉讼 ${n} 件`;
    for (const [sentence, expected] of [
      ['本年度共发生2起政府信息公开行政复议案件。', [review(2)]],
      ['本年度发生一起因政府信息公开引起的行政复议案件。', [review(1)]],
      ['本年度共有5件政府信息公开行政诉讼案件。', [suit(5)]],
      ['因政府信息公开被申请行政复议170件，被起诉80件。', [suit(80)]],
      ['被申请行政复议和被提起行政诉讼的案件分别为170件、80件。', [suit(80)]],
      ['本年度行政复议和行政诉讼均未发生。', [review(0), suit(0)]],
      ['本年度没有出现因政府信息公开被申请行政复议和提起诉讼的情况。', [review(0), suit(0)]],
      ['本年度行政复议、行政诉讼案件数均为零。', [review(0), suit(0)]],
      [
        '本年度政府信息公开行政复议、行政诉讼案件数量均为0，连续三年保持零复议、零诉讼。',
        [review(0), suit(0)],
      ],
      ['本年度未发生政府信息公开行政复议案件，发生行政诉讼8件。', [review(0), suit(8)]],
      ['本年度发生行政复议1件，未发生行政诉讼。', [review(1), suit(0)]],
      ['与2023年相比，本年度政府信息公开行政诉讼案件有所增加，达80件。', [suit(80)]],
    ] as const)
      expect([sentence, said(sentence)]).toEqual([sentence, expected]);
  });

  it('T3-06 reads every count of the national sentence 「答复M件（含上年度结转申请K件，另有J件顺延到下年度答复）」', () => {
    // 宿迁市 2024: 3525 received, 121 carried over, 3521 answered, 125 carried on. The sentence as
    // 上海市人民政府办公厅 2019 and 淮安市人民政府 2024 publish it, with this report's numbers: nothing to say.
    for (const sentence of [
      '共受理政府信息公开申请3525件；答复政府信息公开申请3521件（含上年度结转申请121件，另有125件申请按照《条例》顺延到下年度答复），均在法定期限内予以答复。',
      '2024 年，全市共受理政府信息公开申请 3525 件，答 复 3521 件（含上年度结转申请 121 件，另有 125 件顺延到下年度答复），均在法定期限内予以答复。',
    ])
      expect([sentence, said(sentence)]).toEqual([sentence, []]);
    // Each count that differs is said: the answered include last year's (「含」 adds nothing to them).
    expect(
      said(
        '本年度受理政府信息公开申请3525件，答复3500件（含上年度结转申请130件，另有100件顺延到下年度答复）。',
      ),
    ).toEqual(['正文说上年结转的申请 130 件', '正文说本年度办理', '正文说结转下年度继续办理的申请 100 件']);
    expect(said('本年度另有100件申请顺延到下一年度答复。')).toEqual([
      '正文说结转下年度继续办理的申请 100 件',
    ]);
    // A bracket after a received count adds last year's to it: its K is last year's carried over
    // (the 3646 is no count of those received this year). After another count it is not read.
    expect(said('共受理政府信息公开申请3646件（含上年度结转申请130件）。')).toEqual([
      '正文说上年结转的申请 130 件',
    ]);
    expect(said('共受理政府信息公开申请3646件（含上年度结转申请121件）。')).toEqual([]);
    expect(said('延期答复申请20件（含上年度结转申请130件）。')).toEqual([]);
  });

  it('T3-09: the outcomes the text gives (予以公开, 部分公开, 不予公开, 无法提供, 不予处理, 其他处理) are table 3’s', () => {
    // 宿迁市 2024's table 3 as the outcomes' totals: what the text must say.
    const values = suqian()[1].values;
    const total = (prefix: string) =>
      Object.entries(values)
        .filter(([k]) => k.startsWith(prefix) && k.endsWith('.total'))
        .reduce((sum, [, v]) => sum + Number(v), 0);
    const [open, part, refused, none, notDone, other] = [
      't3.r3_1.',
      't3.r3_2.',
      't3.r3_3_',
      't3.r3_4_',
      't3.r3_5_',
      't3.r3_6_',
    ].map(total);
    const outcomes = (o: number, p: number, r: number, n: number, d: number, x: number) =>
      ofRule(
        check(
          publishedReport({
            0: `本年度办结的申请中，予以公开${o}件，部分公开${p}件，不予公开${r}件，无法提供${n}件，不予处理${d}件，其他处理${x}件。`,
          }),
        ),
        'T3-09',
      ).map((f) => f.message.slice(0, f.message.indexOf('（')));
    expect(outcomes(open!, part!, refused!, none!, notDone!, other!)).toEqual([]);
    expect(outcomes(open! + 1, part!, refused!, none! - 1, notDone!, other!)).toEqual([
      `正文说予以公开 ${open! + 1} 件`,
      `正文说无法提供 ${none! - 1} 件`,
    ]);
    // A group's items are summed, and the group named as the form names it.
    const table = ofRule(
      check(
        publishedReport({
          0: `不予公开${refused! + 1}件，不予处理${notDone! + 1}件，其他处理${other! + 1}件。`,
        }),
      ),
      'T3-09',
    ).map((f) => /而表中为(.*?) \d+：/.exec(f.message)![1]);
    expect(table).toEqual(['（三）不予公开各项之和', '（五）不予处理各项之和', '（六）其他处理各项之和']);
    const said = (text: string) =>
      ofRule(check(publishedReport({ 0: text })), 'T3-09').map((f) =>
        f.message.slice(0, f.message.indexOf('（')),
      );
    // 上海市人民政府办公厅 2019's sentence, with this report's numbers, then with its own mistake (the
    // 自然人 cell of 予以公开 for 予以公开 and 部分公开 together).
    const shanghai = (both: number) =>
      `予以公开及部分公开${both}件，占33.9%；不予公开${refused}件，占4.34%；因本机关不掌握等原因无法提供${none}件，占32.9%；不予处理${notDone}件，占19.6%；其他处理${other}件。`;
    expect(said(shanghai(open! + part!))).toEqual([]);
    expect(said(shanghai(258))).toEqual(['正文说予以公开和部分公开 258 件']);
    // 「因…等原因」 is every cause: the total.
    expect(said('因本机关不掌握等原因无法提供2件。')).toEqual(['正文说无法提供 2 件']);
    // A part of an outcome (其中, a cause without 等) is not its total.
    for (const sentence of [
      `不予公开${refused}件，其中属于国家秘密1件。`,
      '因本机关不掌握相关政府信息无法提供2件。',
      '对申请人逾期未补正的，不予处理1件。',
      '较上年，予以公开的增加20件。',
      '上年度予以公开1200件。',
    ])
      expect([sentence, said(sentence)]).toEqual([sentence, []]);
  });

  it('T3-06/T4-04 take no part, other matter or other body for the total (false warnings of a second audit)', () => {
    for (const sentence of [
      '截至12月31日，尚未办结的政府信息公开申请125件，将结转下年度继续办理。',
      '本年度依法延长答复期限的政府信息公开申请121件。',
      '对收到的政府信息公开申请，在20个工作日内答复3400件，延长答复期限后答复121件。',
      '全年市长信箱收到群众来信860件，涉及政府信息公开申请的按规定转办。',
      '全年受理不动产登记信息查询申请12860件。',
      '市直单位共收到政府信息公开申请1200件，各县区共收到2325件。',
      // 宿迁市's report: its districts' counts are parts of its own.
      '全市共收到政府信息公开申请3525件。宿城区收到政府信息公开申请800件，宿豫区收到750件。',
      '全年政务服务中心受理办件128650件，办理信息全部公开，群众申请事项按时办结率100%。',
      '本年度未出现因答复不当被行政复议机关责令重新答复的情况。',
      '本年度未发生政府信息公开行政诉讼被判决违法的情况。',
      '市政府作为行政复议机关，全年共办理涉及政府信息公开的行政复议案件45件。',
      '本年度收到行政复议决定3件，均维持原答复。',
      '本年度政府信息公开行政诉讼一审案件60件，二审案件17件。',
      '全年共处理涉及政府信息公开的行政复议案件170件、行政诉讼案件77件，无败诉案件。',
      '本年度政府信息公开行政复议纠错率为0，行政诉讼败诉率为0。',
      '本年度行政复议案件170件，行政诉讼77件，被纠错的为0。',
    ])
      expect([sentence, said(sentence)]).toEqual([sentence, []]);
  });

  it('T3-06/T4-04 in whole paragraphs (a third audit): no department’s, no review’s carried count, no 「无论」', () => {
    for (const paragraph of [
      '本年度全市共收到政府信息公开申请3525件。市自然资源和规划局收到政府信息公开申请312件，居市级部门首位；市住房和城乡建设局收到276件，位列第二。',
      '本年度因政府信息公开被申请行政复议170件，其中维持88件，纠正18件，其他结果28件，另有36件结转下年度审理。被提起行政诉讼77件。',
      '上年结转的政府信息公开行政复议案件12件已于本年度全部审结。本年度新发生行政复议案件170件、行政诉讼案件77件。',
      '三是规范复议诉讼应对。无论是行政复议还是行政诉讼案件，均由法制机构提前介入、统一审核答复材料。',
    ])
      expect([paragraph, said(paragraph)]).toEqual([paragraph, []]);
    for (const [paragraph, expected] of [
      ['本年度政府信息公开申请总量为3552件，较上年增长7.7%。', ['正文说本年新收政府信息公开申请 3552 件']],
      [
        '2024年1月1日至12月31日，全市累计接收政府信息公开申请3452件，较2023年增长4.7%。',
        ['正文说本年新收政府信息公开申请 3452 件'],
      ],
      [
        '本年度新收政府信息公开申请3525件。从2023年结转的112件申请已于上半年全部办结。',
        ['正文说上年结转的申请 112 件'],
      ],
      [
        '本年度收到政府信息公开申请3525件，办结3521件，剩余130件结转至2025年办理。',
        ['正文说结转下年度继续办理的申请 130 件'],
      ],
      [
        '本年度政府信息公开行政复议案件同比下降15%，共发生145件；行政诉讼案件77件。',
        ['正文说行政复议 145 件'],
      ],
      [
        '本年度，本机关因政府信息公开被申请复议107件，被提起诉讼77件，均依法答复、应诉。',
        ['正文说行政复议 107 件'],
      ],
      [
        '本年度，本机关收到1件因政府信息公开引起的行政复议，未发生行政诉讼。',
        ['正文说行政复议 1 件', '正文说行政诉讼 0 件'],
      ],
      [
        '本年度，本机关政府信息公开工作未引发行政复议和行政诉讼。',
        ['正文说行政复议 0 件', '正文说行政诉讼 0 件'],
      ],
      [
        '2024年度，本机关未因政府信息公开工作被申请行政复议，也未被提起行政诉讼。',
        ['正文说行政复议 0 件', '正文说行政诉讼 0 件'],
      ],
    ] as const)
      expect([paragraph, said(paragraph)]).toEqual([paragraph, expected]);
  });

  it('T3-06/T4-04 (a fourth audit): a review body’s own counts and other reviews are not the report’s; 遗留, 被诉', () => {
    expect(
      said(
        '作为行政复议机关，市政府全年收到以县区政府和市级部门为被申请人的政府信息公开类复议申请203件，依法受理196件。',
      ),
    ).toEqual([]);
    expect(said('全市共办理其他类行政复议案件6件、行政应诉案件11件。')).toEqual([]);
    // A fifth: counts and none of a narrower cause (fees) are not the totals.
    expect(said('本年度因信息处理费问题被申请行政复议0件，被提起行政诉讼0件。', 5)).toEqual([]);
    expect(said('全年未发生因信息处理费收取引发的行政复议、行政诉讼。', 5)).toEqual([]);
    expect(said('上年度遗留未办结的政府信息公开申请112件，本年度均已办结。')).toEqual([
      '正文说上年结转的申请 112 件',
    ]);
    // Counts before their words, a reason between; 登记 for received.
    expect(said('已答复3521件，尚有152件因需征求第三方意见等原因结转下年度继续办理。')).toEqual([
      '正文说结转下年度继续办理的申请 152 件',
    ]);
    expect(said('本年度收到政府信息公开申请3525件，其中3512件已办结。')).toEqual([]);
    expect(said('本年度政府信息公开申请3525件，3500件已办结。')).toEqual(['正文说本年度办理']);
    expect(said('全年登记政府信息公开申请3552件。')).toEqual(['正文说本年新收政府信息公开申请 3552 件']);
    // Not answered, and a part of this year's new ones: no count of the answered.
    expect(said('本年度收到政府信息公开申请3525件，尚有130件未办结，结转下年度继续办理。')).toEqual([]);
    expect(said('本年度新收的3525件政府信息公开申请中，3400件已办结，125件结转下年度继续办理。')).toEqual([]);
    expect(said('本机关因政府信息公开被诉的行政案件共68件，其中一审58件、二审10件。')).toEqual([
      '正文说行政诉讼 68 件',
    ]);
  });

  it('T3-06/T3-09/T4-04 and real reports’ sentences (a sixth audit): a part of the year, a review’s own breakdown', () => {
    // 宿迁市 2024: 3525 received, reviews 170, suits 77. Half a year's, a quarter's, months' counts are not the year's.
    const halfYear = (t: string) =>
      check(publishedReport({ 0: t })).filter((f) => /^T(3-0[69]|4-04)$/.test(f.rule));
    expect(
      halfYear('2024年上半年，全市共受理政府信息公开申请267件，答复263件，其中同意公开或部分公开共81件。'),
    ).toEqual([]);
    expect(said('2024年上半年，全市共发生涉及政府信息公开的行政诉讼案件2件，被纠错0件。')).toEqual([]);
    // The next sentence's 「其中」 goes on with that half year (the real report's own wording).
    expect(
      halfYear(
        '2024年上半年，全市共受理政府信息公开申请267件，答复263件。其中同意公开或部分公开共81件，公开率为30.80%。',
      ),
    ).toEqual([]);
    expect(
      ofRule(
        check(publishedReport({ 0: '全年共受理政府信息公开申请3525件。其中同意公开或部分公开共81件。' })),
        'T3-09',
      ),
    ).toHaveLength(1);
    for (const slice of ['第四季度', '1至6月', '1-11月份'])
      expect(said(`${slice}，共收到政府信息公开申请30件。`), slice).toEqual([]);
    // 1至12月 is the whole year.
    expect(said('1至12月，共收到政府信息公开申请30件。')).toEqual(['正文说本年新收政府信息公开申请 30 件']);
    // A bare count after reviews is the reviews' (answered, pending), not the applications'.
    expect(said('全年收到因政府信息公开申请引起的行政复议2件，1件已办结，1件正在办理中。')).toEqual([
      '正文说行政复议 2 件',
    ]);
    expect(said('行政复议144件，120件已办结，24件正在办理中。')).toEqual(['正文说行政复议 144 件']);
  });

  it('T3-06: a count before 「、」 or 「和」 is the item’s before them, not the next one’s (a seventh audit)', () => {
    // 宿迁市 2024: 3525 received, 3521 answered (t3.r3_7), 125 carried on (t3.r4).
    expect(said('全年共收到3525件申请，已办结3521件、正在办理125件。')).toEqual([]);
    expect(said('全年共收到3525件申请，已办结3521件和正在办理125件。')).toEqual([]);
    expect(said('共受理政府信息公开申请3525件、办结3521件。')).toEqual([]);
    expect(said('全年共收到3525件申请，已办结3521件、正在办理120件。')).toEqual([
      '正文说结转下年度继续办理的申请 120 件',
    ]);
    // 「转结」 to a year is carried on, as 「结转」 is.
    expect(said('除120件转结2025年办理以外，均依法依规完成答复。')).toEqual([
      '正文说结转下年度继续办理的申请 120 件',
    ]);
  });

  it('T3-06/T4-04 read real reports’ sentences a sixth audit found missed', () => {
    // The report's year right before its body (「2024年全市…」) is no other body's name.
    for (const t of [
      '2024年全市共收到依申请公开件30件。',
      '2024年市政府（含市政府办公室）收到政府信息公开申请30件。',
    ])
      expect(said(t), t).toEqual(['正文说本年新收政府信息公开申请 30 件']);
    // Suits after 「件和」, or after a bracket, are the suits' own count.
    expect(said('产生行政复议案件6件和行政诉讼案件3件。')).toEqual([
      '正文说行政复议 6 件',
      '正文说行政诉讼 3 件',
    ]);
    expect(said('政府信息公开行政复议1件（申请人撤回结案）、行政诉讼0件。')).toEqual([
      '正文说行政复议 1 件',
      '正文说行政诉讼 0 件',
    ]);
    // None said with the report's year in the clause, or as 「没有因…」: none; another year's none is not this year's.
    const none = ['正文说行政复议 0 件', '正文说行政诉讼 0 件'];
    for (const t of [
      '2024年未产生因政府信息公开申请提请的行政复议和行政诉讼案件。',
      '没有因政府信息公开引起的行政复议和行政诉讼事件。',
      '全年未接收到政府信息公开引发的行政复议和行政诉讼案件。',
    ])
      expect(said(t), t).toEqual(none);
    expect(said('2023年未产生因政府信息公开申请提请的行政复议和行政诉讼案件。')).toEqual([]);
  });

  it('T3-06/T4-04 read a PDF copy’s sentence over a page number (「- 3 -」) and a word it broke', () => {
    const pdf = (paragraph: string) =>
      read(seed().replace('一、总体情况', `一、总体情况\n\n${paragraph}\n\n`));
    const quotes = (report: Report) =>
      check(report)
        .filter((f) => f.rule === 'T3-06' || f.rule === 'T4-04')
        .map((f) => /「(.*)」/.exec(f.message)![1]);
    // 竞秀区 2019: 5 answered; review 1, suits 8.
    expect(quotes(pdf('2019年，我区答复政府信息公开申\n请4\n\n- 3 -\n\n件，均在法定期限内。'))).toEqual([
      '2019年，我区答复政府信息公开申请4件，均在法定期限内',
    ]);
    expect(quotes(pdf('2019年，我区未发生因政府信息公开引起的行政复议和行政诉\n讼案件。'))).toEqual(
      Array(2).fill('2019年，我区未发生因政府信息公开引起的行政复议和行政诉讼案件'),
    );
  });

  it('T3-06 quotes a line that ends a paragraph without a full stop alone, not joined to the next paragraph', () => {
    const report = read(
      seed().replace(
        '一、总体情况',
        '一、总体情况\n\n2019年，我区共收到政府信息公开申请7件\n\n全区依法做好依申请公开工作。',
      ),
    );
    expect(ofRule(check(report), 'T3-06').map((f) => /「(.*)」/.exec(f.message)![1])).toEqual([
      '2019年，我区共收到政府信息公开申请7件',
    ]);
  });

  it('S-01: a part out of order is said to be out of order, not missing', () => {
    const text = seed();
    const five = text.indexOf('五、存在的主要问题及改进情况');
    const six = text.indexOf('六、其他需要报告的事项');
    const swapped = text.slice(0, five) + text.slice(six) + '\n' + text.slice(five, six);
    const [f] = ofRule(check(read(swapped)), 'S-01');
    expect(f!.message).toMatch(/^「[五六]、[^」]+」的位置不对：/);
    expect(f!.message).not.toContain('缺少');
  });

  it('S5-01: part 五 empty or just 「无」', () => {
    expect(ofRule(check(publishedReport({ 4: '无。' })), 'S5-01')).toHaveLength(1);
    expect(ofRule(check(publishedReport({ 4: '一是公开内容不够全面。二是……' })), 'S5-01')).toHaveLength(0);
    // Read from a text whose part 五 has its title alone, part 六's right under it (or a blank line between).
    const text = seed();
    const five = text.indexOf('五、存在的主要问题及改进情况');
    const six = text.indexOf('六、其他需要报告的事项');
    for (const between of ['\n', '\n\n'])
      expect(
        ofRule(
          check(read(`${text.slice(0, five)}五、存在的主要问题及改进情况${between}${text.slice(six)}`)),
          'S5-01',
        ),
      ).toHaveLength(1);
  });

  it('S6-01 and T3-08 (2021): part 六 must speak of 信息处理费, the more so when fee notices went unpaid', () => {
    expect(ofRule(check(publishedReport({ 5: '本年度无其他需要报告的事项。' })), 'S6-01')).toHaveLength(1);
    expect(ofRule(check(publishedReport({})), 'S6-01')).toHaveLength(0);
    // Saying no fee of any kind was charged says it of 信息处理费 too.
    expect(ofRule(check(publishedReport({ 5: '本年度未收取任何费用。' })), 'S6-01')).toHaveLength(0);
    const unpaid = { ...suqian()[1].values, 't3.r3_6_2.natural': 2 };
    const t308 = ofRule(check(publishedReport({ 5: '无。' }, { values: unpaid })), 'T3-08');
    expect(t308.map((f) => f.cells)).toEqual([['t3.r3_6_2.natural']]);
    expect(ofRule(check(publishedReport({}, { values: unpaid })), 'T3-08')).toHaveLength(0);
    // Said in other words, or as no fee of any kind: answered, by both rules alike.
    for (const six of [
      '本年度未收取政府信息公开处理费。',
      '本年度信息公开处理费收取0元。',
      '本年度未收取任何费用。',
    ]) {
      const findings = check(publishedReport({ 5: six }, { values: unpaid }));
      expect([six, ofRule(findings, 'S6-01'), ofRule(findings, 'T3-08')]).toEqual([six, [], []]);
    }
  });

  it('SIM-01 leaves out what every report writes every year; a part copied is still said', () => {
    const standard = {
      0: '本报告根据《中华人民共和国政府信息公开条例》和国务院办公厅政府信息公开办公室有关要求编制。本报告所列数据的统计期限自2024年1月1日起至2024年12月31日止。本报告电子版可在宿迁市人民政府门户网站查阅。',
      5: '本机关无其他需要报告的事项。本年度未收取信息处理费。',
    };
    const similar = (parts: Partial<Record<number, string>>) =>
      ofRule(
        check(publishedReport(parts), { previous: { ...publishedReport(parts), year: 2023 } }),
        'SIM-01',
      ).map((f) => f.message.slice(0, f.message.indexOf('有')));
    expect(similar(standard)).toEqual([]);
    const five =
      '一是政策解读形式较为单一，基层公开专区作用发挥不够。下一步将加强政务公开队伍建设，定期组织业务培训。';
    expect(similar({ ...standard, 4: five })).toEqual(['「五、存在的主要问题及改进情况」']);
    // A part of megabytes is compared up to its first 50,000 characters, and said to be.
    const long = `${five}${'本机关认真落实各项工作要求并取得了一定成效第#号。'.repeat(20_000)}`;
    const [f] = ofRule(
      check(publishedReport({ 4: long }), { previous: { ...publishedReport({ 4: long }), year: 2023 } }),
      'SIM-01',
    );
    expect(f!.message).toContain('（按字数计，只比较了每年的前 5 万字；');
  });

  it('S-01 does not apply to a workbook, which has no part texts', () => {
    expect(ofRule(check(reportFromValues('2021', suqian()[1].values)), 'S-01')).toEqual([]);
  });
});

import { canonicalOf, compact } from '../../report/labels.js';
import { cellList, cellSpec, isTableLabel, rowKeys } from '../../report/model.js';
import { chineseNumber } from '../../report/parse-value.js';
import { PART_TITLES } from '../../report/parts.js';
import type { CellKey } from '../../report/types.js';
import { type Context, finding, num, ref } from '../context.js';
import type { Finding } from '../../report/finding.js';
import { goesOnOverLines, hasWord, sentences } from '../sentences.js';

/** A number the text states, and the sentence it comes from. */
interface Stated {
  readonly value: number;
  readonly sentence: string;
}

/** A sentence of the text, and the same as the patterns read it (see `readable`). */
interface Sentence {
  readonly text: string;
  readonly read: string;
  /** Its list of subjects and their counts (see listIn): the same for every statement. */
  readonly list: SubjectList | undefined;
}

/** A sentence as the patterns read it, with `read` the same unless given. */
const sentenceOf = (text: string, read = readable(text)): Sentence => ({ text, read, list: listIn(read) });

/** What the text may say, how to find it, and which table cells it must equal. */
interface Statement {
  readonly rule: 'T3-06' | 'T3-09' | 'T4-04';
  readonly what: string;
  /**
   * The words that name it, as a pattern: the number follows them within a few characters and is
   * counted in 件, 例, 起 or 宗; or, with `countFirst`, comes right before them (「尚有130件结转下年度」).
   */
  readonly words: string;
  readonly countFirst?: boolean;
  /** The number's clause (or, for a bare count, its sentence) must speak of these. */
  readonly within?: RegExp;
  /**
   * Its clause must not, before the number: 「收到行政复议申请2件」 is no application for
   * information, while 「收到申请6件，上年结转1件」 and 「收到申请6件（不含上年结转）」 are.
   */
  readonly without?: RegExp;
  /** Its sentence must not: 「市政府作为行政复议机关，全年共办理…行政复议案件45件」. */
  readonly notIn?: RegExp;
  /** Its clause must not, after the number too: 「另有36件结转下年度审理」 are reviews. */
  readonly notInClause?: RegExp;
  /** A year in its words that is its own, from the report's: -1 for 「从2023年结转的申请」, +1 for 「结转至2025年」. */
  readonly ownYear?: number;
  /**
   * The count holds last year's applications by what it is (those answered this year): a bracket
   * after it that says so (「答复3521件（含上年度结转申请121件）」) takes nothing from it.
   */
  readonly countsCarried?: true;
  /**
   * Read in the bracket after the count of those answered too, where the national sentence gives
   * it: 「答复3521件（含上年度结转申请121件，另有125件顺延到下年度答复）」.
   */
  readonly inAnswered?: true;
  readonly cells: readonly CellKey[];
  /** None of it said in words, with no count: 「本年度未发生政府信息公开行政复议、行政诉讼案件」. */
  readonly none?: NoneSaid;
  /** Its cells named together in a message (a group's items): 「（三）不予公开各项」. */
  readonly sum?: string;
  /**
   * A sentence of another matter that reports carry over alike (人大代表建议, 来信): with no
   * application for information in it, its counts are not the statement's.
   */
  readonly otherMatter?: RegExp;
  /** Words every sentence that states it has: a sentence without them is not looked at. */
  readonly key?: string;
}

/** What a count is counted in: 「件」, 「例」, 「起」, 「宗」. */
const UNIT = '[件例起宗]';
/** Chinese numerals, as counts are written in words (「七件」). */
const NUMERALS = '零〇一二两三四五六七八九十百千万';

// Up to a clause's length between the words and the number (the first group): 「收到自然人、法人和其他
// 组织提出的政府信息公开申请6件」. A year or a date may stand between them: 「共收到2024年度政府信息公开
// 申请3600件」. The number is the second group: nine digits at most, as no count has more. Its unit
// may be left out where its share follows (「部分公开67，占4.61%」).
const COUNT = String.raw`((?:[^，,。；;！？\d]|\d{4}年度?|\d{1,2}月\d{1,2}日){0,32}?)(\d{1,9})(?:\s*${UNIT}|(?=\s*[，,]\s*占(?:比)?\s*\d))`;

/** What may stand between a bare count and its words: 「…，办结3500件」, 「已答复共3521件」. */
const BARE = /^(?:量|数量?)?(?:共|共计|合计|总计|了|达|达到|为|计)?$/;
/** What may stand before a bare count that comes first: 「尚有130件结转下年度」, 「3500件已办结」. */
const BARE_LEAD = /^\s*(?:尚有|另有|还有|共|共有|其余|剩余)?\s*$/;

/**
 * A number in a clause that counts a part, a change or another matter is not the total: 「其中」,
 * 「（含延期答复1件）」, 「较上年增加2件」, 「延期答复2件」, 「结果维持0件」, 「直接起诉7件」; nor is one by
 * channel or level (「通过信函受理425件」, 「市本级收到…」), since the Regulations (「以来累计」), or of all kinds.
 */
const QUALIFIED =
  /其中|含|较|比上年|同比|增加|减少|下降|上升|延期|延长|当场|不予|维持|纠正|直接|复议后|未经|结果|审结|受理点|热线|留言|诉求|平均|按期|按时|逾期|工作日|期限内|日内|各类|(?<!本年度?|全年|今年|全[市区县])累计|(?<!今年|年初)以来|分别|通过(?!各种|各类|多种)|网站|信函|当面|传真|邮件|网上|本级|(?<!本)部门|其他类|县区|市直|区直|县直|直属|各单位|处理费|收费|纠错|责令|败诉|胜诉|应诉|撤销|违法|判决|一审|二审|再审|由\s*\d/;

/** Last year's count, before the words that state it: 「上年度共收到申请3200件」, 「去年行政复议150件」. */
const LAST_YEAR = /上年|上一年|去年|前年/;

/**
 * The year a sentence speaks of before its count: 「2023年，本机关收到申请3200件」 is not the report's
 * year. A year compared with (「与2023年相比」) is no year the count is of.
 */
const YEAR = /(?<![与较比])(\d{4})\s*年(?!度报告)/g;
/** A year's carried-over applications, before the count of this year's: 「在2023年结转121件的基础上」. */
const YEAR_CARRIED = /^度?结转/;

/** A bracket right after the count that adds last year's to it: 「受理申请3646件（含上年结转121件）」. */
const BRACKETED = /^\s*[（(](?:含|包括|包含)[^（）()]*(?:结转|上年)/;

/** A sentence about applications for information: 「申请」 and 「公开」 or 「政府信息」 in it (not 「信息查询申请」). */
const INFO_APPLICATION = /^(?=.*申请)(?=.*(?:公开|政府信息))/;

/**
 * A body named before the count (「宿城区收到…800件」) that is not the report's: a part of a city's
 * total. 「全市」, 「我区」, 「本县」 are the report's own.
 */
const NAMED_BODY =
  /([\u4e00-\u9fa5]{1,10}?(?:区|县|市|镇|乡|街道|局|委|厅|中心|办公室|办))(?:共|全年|本年度?|今年)?$/;
const OWN_BODY = /^(?:全|本|我|该)/;
const TIME_WORDS = /^(?:本年度?|全年|今年|年内)/;
const A_YEAR = /\d{4}\s*年度?/g;
/** A cause narrower than disclosure as a whole, for every count after it in its sentence. */
const NARROW_CAUSE = /(?:因|未缴纳|未缴|逾期)[^，,。；;]{0,10}(?:处理费|收费)/;
/** The body at work as a review body: 「作为行政复议机关，全年收到…复议申请203件，依法受理196件」. */
const REVIEW_BODY = /作为[^，,。；;]{0,10}复议机关/;
/** Table 4's cases, carried over and on as applications are: 「另有36件结转下年度审理」. */
const REVIEWS = /复议|诉讼|审理|审结/;
/** Matters carried over and on as applications are: 「全年办理人大代表建议45件，另有2件顺延到下年度答复」. */
const CARRIED_ALIKE = /建议|提案|来信|来访|信访|督办|工单|信箱|留言/;
/** 「均为0」 with no unit after it: none, as 「均为零」 is. */
const ZERO = /为\s*0(?![\d.])/g;

/** A subject said to be none in a clause, and a word every such clause has. */
interface NoneSaid {
  readonly pattern: RegExp;
  /** A text without it, in its lines or across them, says none of the subject: it is not searched. */
  readonly word: string;
}

/** Table 4's subject, said to be none in a clause: 「未发生…行政复议」, 「行政复议和行政诉讼均未发生」, 「…均为零」. */
const noneOf = (what: string, word: string): NoneSaid => ({
  pattern: new RegExp(
    `(?:(?:未|没有)(?:发生|出现|收到|接收到?|接到|引发|产生|因|被)|无(?!论))[^，,。；;\\d]{0,30}?${what}|${what}[^，,。；;\\d]{0,20}?(?:均|都)?(?:未发生|没有发生|未出现|没有出现|为零|${ZERO.source})`,
  ),
  word,
});

/** An outcome's count of one cause alone (「因本机关不掌握相关政府信息无法提供2件」; 「因…等原因」 is all of them). */
const ONE_CAUSE = /^(?!.*等).*因/;

/**
 * The totals of a group's items in table 3 (「（三）不予公开」's eight), and the group named as the
 * form names it: from the 2021 form, whose groups the 2019 form has alike but for (六).
 */
function itemTotals(group: string): { cells: CellKey[]; sum: string } {
  const cells = rowKeys('2021', 't3')
    .filter((r) => r.startsWith(`${group}_`))
    .map((r): CellKey => `t3.${r}.total`);
  // The items' names share the group's: 「（三）不予公开 1.属于国家秘密」.
  const names = cells.map((k) => cellSpec('2021', k)!.rowName);
  let shared = names[0]!.length;
  for (const n of names) while (!n.startsWith(names[0]!.slice(0, shared))) shared--;
  return { cells, sum: `${names[0]!.slice(0, shared).trim()}各项` };
}

/** What table 3's outcomes have in common as statements: T3-09, read in any sentence, holding last year's answered. */
const OUTCOME = {
  rule: 'T3-09',
  countsCarried: true,
  notIn: REVIEW_BODY,
  notInClause: /复议|诉讼|起诉|判决|重新答复|责令/,
} as const;

/** Table 3's outcomes as the text gives them: 「予以公开1200件，部分公开300件，不予公开35件…」. */
const OUTCOMES: readonly Statement[] = [
  {
    ...OUTCOME,
    what: '予以公开和部分公开',
    words: '(?:予以|同意)?公开(?:及|和|与|或)部分公开|(?:予以|同意)?公开[（(](?:含|包括)部分公开[)）]',
    key: '部分公开',
    cells: ['t3.r3_1.total', 't3.r3_2.total'],
  },
  {
    ...OUTCOME,
    what: '予以公开',
    words: '予以公开|同意公开|全部公开',
    key: '公开',
    without: /部分公开/,
    cells: ['t3.r3_1.total'],
  },
  {
    ...OUTCOME,
    what: '部分公开',
    words: '(?<!公开[及和与或])部分公开',
    key: '部分公开',
    cells: ['t3.r3_2.total'],
  },
  {
    ...OUTCOME,
    what: '不予公开',
    words: '不予公开',
    key: '不予公开',
    ...itemTotals('r3_3'),
  },
  {
    ...OUTCOME,
    what: '无法提供',
    words: '无法提供',
    key: '无法提供',
    ...itemTotals('r3_4'),
  },
  {
    ...OUTCOME,
    what: '不予处理',
    words: '不予处理',
    key: '不予处理',
    ...itemTotals('r3_5'),
  },
  // 2019's 其他处理 is one row, 2021's three: a report's edition has the cells of one of them.
  { ...OUTCOME, what: '其他处理', words: '其他处理', key: '其他处理', cells: ['t3.r3_6.total'] },
  {
    ...OUTCOME,
    what: '其他处理',
    words: '其他处理',
    key: '其他处理',
    ...itemTotals('r3_6'),
  },
];

/** Any outcome's words (T3-09's). */
const OUTCOME_WORDS = new RegExp(OUTCOMES.map((s) => s.words).join('|'));
/**
 * Counts of other matters that reports give in the same words (行政许可申请, 信访举报, 结转, 顺延), and
 * outcomes (「办结的申请中予以公开1300件」 gives no count of those answered).
 */
const OTHER_MATTERS = new RegExp(
  `复议|诉讼|结转|顺延|许可|处罚|强制|信访|投诉|举报|咨询|${OUTCOME_WORDS.source}`,
);

const STATEMENT_LIST: readonly Statement[] = [
  {
    rule: 'T3-06',
    what: '本年新收政府信息公开申请',
    words: '收到|新收|受理|接收|接到|登记|新增|申请(?:总|数)?量',
    within: INFO_APPLICATION,
    without: OTHER_MATTERS,
    notIn: REVIEW_BODY,
    cells: ['t3.r1.total'],
  },
  {
    rule: 'T3-06',
    what: '上年结转的申请',
    // 「2023年度结转至本年度的申请共130件」, 「从2023年结转的112件申请」, 「往年结转」, 「上年度转结」 (so written).
    words: '(?:上一?年度?|往年)(?:结转|遗留|转结)|结转(?:至|到)本年度?|\\d{4}年度?结转',
    ownYear: -1,
    // 「上年结转的行政复议案件12件」 are reviews; 「上年结转申请办结后予以公开50件」 an outcome.
    notInClause: REVIEWS,
    without: OUTCOME_WORDS,
    inAnswered: true,
    otherMatter: CARRIED_ALIKE,
    cells: ['t3.r2.total'],
  },
  {
    rule: 'T3-06',
    what: '本年度办理（答复）的申请',
    words: '办结|答复|办理完毕|作出答复',
    // 「3512件已办结」.
    countFirst: true,
    within: INFO_APPLICATION,
    without: OTHER_MATTERS,
    notIn: REVIEW_BODY,
    countsCarried: true,
    cells: ['t3.r3_7.total'],
  },
  {
    rule: 'T3-06',
    what: '结转下年度继续办理的申请',
    // 「另有125件顺延到下年度答复」, 「延续到下年度」, 「转入下一年度办理」, 「结转至次年」, 「延期至下年度答复」,
    // 「将于2025年答复」, 「尚在办理中」.
    words:
      '(?:结转|转结|顺延|延续|转入|延期)(?:至|到)?(?:下一?年度?|次年度?|\\d{4}年度?)(?:继续办理|办理|答复)?|(?:将于|将在)(?:下一?年度?|次年度?|\\d{4}年度?)(?:继续办理|办理|答复)|(?:尚在|正在|仍在)办理中?',
    ownYear: 1,
    countFirst: true,
    notInClause: REVIEWS,
    inAnswered: true,
    otherMatter: CARRIED_ALIKE,
    cells: ['t3.r4.total'],
  },
  {
    rule: 'T4-04',
    what: '行政复议',
    words: '行政复议|被申请复议',
    countFirst: true,
    // 「作为行政复议机关，全年受理行政复议案件1250件」: reviews the body decided, not those of its
    // disclosure; 「行政复议决定书中的3起案件」 counts cases of the decisions, not reviews.
    without: /复议机关|受理行政复议案件|审理|决定/,
    notIn: REVIEW_BODY,
    cells: ['t4.review.total'],
    none: noneOf('行政复议', '复议'),
  },
  {
    rule: 'T4-04',
    what: '行政诉讼',
    words: '行政诉讼|被起诉|被诉',
    countFirst: true,
    cells: ['t4.suitDirect.total', 't4.suitAfterReview.total'],
    // 「被申请行政复议和提起诉讼」: the suit said without 行政.
    none: noneOf('(?:行政)?诉讼', '诉讼'),
  },
  ...OUTCOMES,
];

/**
 * A statement with its patterns made: what stands between its words and the number is the first
 * group, the number the second, or the third when the count comes first.
 */
interface Prepared extends Statement {
  readonly pattern: RegExp;
  /** Its words alone, the whole of a string. */
  readonly named: RegExp;
  /** Its words wherever they stand. */
  readonly wordsAt: RegExp;
  /**
   * Whether a text has its words: a sentence without them states none of its counts. (A statement
   * whose words look around them, as 「部分公开」's do, has a key: the words alone may find none.)
   */
  readonly wordsIn: RegExp;
}

/**
 * A count before the words: a few words between for table 3 (「尚有1件因需补正材料结转下年度」,
 * 「3512件已办结」); table 4's case may be named between them (「发生2起政府信息公开行政复议案件」).
 * Not over 「、」 or 「和」: 「已办结86件、正在办理4件」 has the count of the item before them.
 * The count is matched from its first digit: tried from each digit of a run, the pattern took the
 * square of the run's length, and a line of 100,000 digits before 「件」 hung the check.
 */
const countFirst = (s: Statement) =>
  s.rule === 'T4-04'
    ? `|(?<!\\d)(\\d{1,9})\\s*${UNIT}[^，,。；;、和及与\\d]{0,16}?(?:${s.words})(?:案件|(?=[，,。；;]|$))`
    : `|(?<!\\d)(\\d{1,9})\\s*${UNIT}(?:申请)?[^，,。；;、和及与\\d]{0,16}?(?<![未没不])(?:${s.words})`;

// Not after a negation: 「尚未办结的申请125件」 are not answered.
const STATEMENTS: readonly Prepared[] = STATEMENT_LIST.map((s) => ({
  ...s,
  pattern: new RegExp(
    `(?<![未没不])(?:${s.words})(?:案件)?${COUNT}${s.countFirst ? countFirst(s) : ''}`,
    'g',
  ),
  named: new RegExp(`^(?:${s.words})$`),
  wordsAt: new RegExp(s.words, 'g'),
  wordsIn: new RegExp(s.words),
}));
/** Those answered this year (t3.r3_7): what a bracket after their count breaks down. */
const ANSWERED_STATEMENT = STATEMENTS.find((s) => s.cells[0] === 't3.r3_7.total')!;
/** Those received this year (t3.r1): a bracket after their count may give last year's carried over. */
const RECEIVED_STATEMENT = STATEMENTS.find((s) => s.cells[0] === 't3.r1.total')!;

/** Any statement's words: two of them may share one sentence's counts. */
const ANY_WORDS = STATEMENT_LIST.map((s) => s.words).join('|');
/** `n` subjects, and what may stand between them and their counts: 「收到、办结政府信息公开申请」. */
const subjects = (n: number) =>
  `(?:被申请)?(${ANY_WORDS})${`(?:案件|申请)?[、和及与](?:被提起|提起|被申请)?(${ANY_WORDS})`.repeat(n - 1)}[^，,。；;\\d]{0,24}?`;
/**
 * 「行政复议、行政诉讼案件分别为2件、3件」, 「新收、办结、结转下年度申请分别为3525件、3521件、125件」:
 * `n` numbers in the order of their words.
 */
const respectively = (n: number) =>
  new RegExp(
    `${subjects(n)}分别(?:为|是|有)?(\\d+)${`\\s*${UNIT}?[、，,和及与](\\d+)`.repeat(n - 1)}\\s*${UNIT}`,
  );
/** Three subjects first: the pattern for two would read only the first two of three. */
const RESPECTIVELY = [6, 5, 4, 3, 2].map(respectively);
/** 「行政复议、行政诉讼均为0件」, 「…各80件」: one number for each of both subjects. */
const BOTH = new RegExp(`${subjects(2)}(?:均|各)(?:为|是|有)?\\s*(\\d+)\\s*(?:${UNIT}|(?=[，,。；;]|$))`);

/** No label of either edition is longer, spacing aside. */
const LONGEST_LABEL = 80;
/** Nor has any a full stop or a semicolon: a line with one is a sentence, not put in canonical form to be sure. */
const SENTENCE_END = /[。；;]/;

/** What makes a line a sentence (see proseLines): a comma or a full stop, or a count. */
const PROSE_MARK = new RegExp(`[，。；]|\\d\\s*${UNIT}`, 'g');

/**
 * The lines with a comma or a full stop, or a count (「本年度共收到申请3600件」): a table part's
 * sentences, where its other lines are its cells. One pattern over the part finds each line's
 * first mark, the line around it taken whole (with the next, where a count's unit is on it): native
 * code, as quick in a batch's first reports as later, and a pattern anchored at each line's start
 * (a lazy scan for the mark) took twice as long.
 */
function proseLines(text: string): string[] {
  const out: string[] = [];
  PROSE_MARK.lastIndex = 0;
  for (let m = PROSE_MARK.exec(text); m; m = PROSE_MARK.exec(text)) {
    const start = text.lastIndexOf('\n', m.index - 1) + 1;
    let end = text.indexOf('\n', m.index + m[0].length);
    if (end < 0) end = text.length;
    out.push(text.slice(start, end));
    PROSE_MARK.lastIndex = end;
  }
  return out;
}

/**
 * Where the report's own words give the numbers: parts 一, 五 and 六, and the sentences of the
 * table parts (「本年度共收到申请5件，具体见下表：」), not their cells. Those sentences count parts of
 * the totals more often than the totals (「延期答复2件」, 「直接起诉7件」): QUALIFIED leaves them out.
 * The tables' own labels (「（二）部分公开（区分处理的，…）」) are no sentences. Each part, and each
 * sentence of a table part, ends a sentence: none is read joined to the next.
 */
function narrative(ctx: Context): string {
  const parts = ctx.report.published?.parts ?? [];
  const prose = (text: string | undefined) =>
    text === undefined
      ? ''
      : proseLines(text)
          .filter(
            (line) =>
              // Remembered: the labels' lines are the same in every report, and read as labels already.
              line.length > LONGEST_LABEL || SENTENCE_END.test(line) || !isTableLabel(canonicalOf(line)),
          )
          .join('。\n');
  return [parts[0], prose(parts[1]), prose(parts[2]), prose(parts[3]), parts[4], parts[5]]
    .filter(Boolean)
    .join('。\n');
}

/** The other subject of table 4: a number after both is theirs together, not one's. */
const OTHER_SUBJECT: Partial<Record<string, RegExp>> = { 行政复议: /诉讼/, 行政诉讼: /复议/ };

/** Another subject's item before this one's: 「行政复议1件、」, 「行政复议6件和」, 「行政复议1件（已撤回）、」. */
const ITEM_BEFORE = new RegExp(`^.*\\d\\s*${UNIT}(?:[（(][^（）()]*[)）])?\\s*(?:、|和|及|与)`);

/** Where the bracket the match stands inside opens (「（含延期答复1件）」), or -1. */
function bracketOpen(sentence: string, at: number): number {
  const open = Math.max(sentence.lastIndexOf('（', at), sentence.lastIndexOf('(', at));
  const close = Math.max(sentence.lastIndexOf('）', at), sentence.lastIndexOf(')', at));
  return open > close ? open : -1;
}

/** Where the clause that holds `at` begins: after the comma before it. */
const clauseStart = (sentence: string, at: number) =>
  Math.max(sentence.lastIndexOf('，', at), sentence.lastIndexOf(',', at)) + 1;

/** The count of those answered, all of them, right before a bracket: 「答复政府信息公开申请805件」. */
const ANSWERED = /(?:答复|办结|办理完毕)[^，,。；;（）()\d]{0,24}?\d{1,9}\s*件\s*$/;
/** The count of those received, right before a bracket: 「共受理政府信息公开申请3646件」. */
const RECEIVED = /(?:受理|收到|新收|接收|接到)[^，,。；;（）()\d]{0,24}?\d{1,9}\s*件\s*$/;

/**
 * Where a clause that breaks down the count before it begins (「答复3521件，含上年度结转申请130件」:
 * its comma), or -1: read as the bracket that does so is.
 */
function breakdownClause(sentence: string, at: number): number {
  const start = clauseStart(sentence, at);
  return start > 0 && /^(?:含|包括|包含|其中)/.test(sentence.slice(start)) ? start - 1 : -1;
}

/**
 * Whether the bracket (or the clause, see breakdownClause) opening at `open` breaks down the count
 * of those answered (or, `orReceived`, of those received): the count right before it is the
 * report's own (not a district's, last year's, or 人大代表建议's), as that count's statement takes it.
 */
function answeredBracket(
  sentence: string,
  open: number,
  report: { year?: number; agency?: string },
  orReceived: boolean,
): boolean {
  const lead = sentence.slice(clauseStart(sentence, open - 1), open);
  if (QUALIFIED.test(lead) || OTHER_MATTERS.test(lead)) return false;
  // Last year's carried over are in those received too, as some write it: 「受理3646件（含上年结转121件）」.
  const total = ANSWERED.test(lead)
    ? ANSWERED_STATEMENT
    : orReceived && RECEIVED.test(lead)
      ? RECEIVED_STATEMENT
      : undefined;
  if (!total) return false;
  const before = sentence.slice(0, open);
  const count = /(\d{1,9})\s*件\s*$/.exec(before)![1];
  return stated([sentenceOf(before, before)], total, report).some((x) => x.value === Number(count));
}

/** Which of the subjects (a list's words) is the statement's, when each other one is another's: its index, or -1. */
function subjectOf(s: Prepared, subjects: readonly string[]): number {
  const mine = subjects.map((w) => s.named.test(w));
  if (mine.filter(Boolean).length !== 1) return -1;
  const others = subjects.filter((_, i) => !mine[i]);
  return others.every((w) => STATEMENTS.some((t) => t !== s && t.named.test(w))) ? mine.indexOf(true) : -1;
}

/** Subjects and their counts in a sentence: a count each (分别), or one for all (均, 各). */
interface SubjectList {
  readonly found: RegExpExecArray;
  readonly each: boolean;
}

/** A sentence's list of two or three subjects and their counts, if it has one. */
function listIn(sentence: string): SubjectList | undefined {
  // Most sentences have neither word: the patterns, long as they are, are not run on them.
  const each = sentence.includes('分别') ? firstMatch(RESPECTIVELY, sentence) : null;
  const both = !each && /[均各]/.test(sentence) ? BOTH.exec(sentence) : null;
  const found = each ?? both;
  return found ? { found, each: each !== null } : undefined;
}

/** The number a sentence's list (see listIn) gives the statement, if it gives it one. */
function ofList(list: SubjectList | undefined, s: Prepared): number | undefined {
  if (!list) return undefined;
  const { found, each } = list;
  // The subjects' words, then their counts: one each (分别), or one for all (均, 各).
  const groups = found.slice(1);
  const n = each ? groups.length / 2 : groups.length - 1;
  const words = groups.slice(0, n);
  // What the counts are of, besides the subjects' own words (「结转下年度」 is a subject, not another matter).
  if (s.without?.test(words.reduce((rest, w) => rest.replace(w, ''), found[0]))) return undefined;
  const which = subjectOf(s, words);
  if (which < 0) return undefined;
  return Number(groups[n + (each ? which : 0)]);
}

/** The first of the patterns to match, and its match. */
function firstMatch(patterns: readonly RegExp[], text: string): RegExpExecArray | null {
  for (const p of patterns) {
    const m = p.exec(text);
    if (m) return m;
  }
  return null;
}

/**
 * A sentence as the patterns read it: counts in Chinese numerals in digits (「七件」), thousands
 * without their commas (「3,600件」), and a change from last year put before a count left out
 * (「较上年增长30%，达3600件」).
 */
function readable(sentence: string): string {
  return sentence
    .replace(TITLES, '《》')
    .replace(OTHER_BRACKETS, (b: string) => ('【〔［'.includes(b) ? '（' : '）'))
    .replace(DASHED_BREAKDOWN, '，')
    .replace(THOUSANDS, '$1$2')
    .replace(CHINESE_COUNT, (numeral: string, unit: string, after: string) =>
      // 「一起」 is together, but for 「一起行政复议案件」.
      numeral === '一' && unit === '起' && !ONE_CASE.test(after)
        ? numeral
        : String(chineseNumber(numeral) ?? numeral),
    )
    .replace(CHANGE_THEN_COUNT, '');
}

/** Brackets some reports write for the round ones: 「答复3521件【含上年度结转申请130件】」. */
const OTHER_BRACKETS = /[【】〔〕［］]/g;
/** A count's breakdown after a dash, as after a comma: 「答复3521件——含上年度结转申请130件」. */
const DASHED_BREAKDOWN = /(?<=件)\s*(?:——|—|--|－－)\s*(?=含|包括|包含|其中)/g;

/** Chinese numerals before a unit of count, but not 「每一件」 or 「第一起」. */
const CHINESE_COUNT = new RegExp(
  `(?<![每第逐这那单同${NUMERALS}])[${NUMERALS}]+(?=\\s*(${UNIT})(.?.?))`,
  'g',
);
const ONE_CASE = /^(?:案|行政|复议|诉讼|申请|政府|因|涉及)/;

const THOUSANDS = /(\d),(\d{3})(?!\d)/g;
/** A law's title (「《中华人民共和国政府信息公开条例》」) between a count and its words: one mark. */
const TITLES = /《[^《》]{1,40}》/g;

/**
 * 「较上年增长30%，达」, 「有所增加，达」, 「同比增长10.2%，总量达」: a change between a count's words
 * and the count, in the same sentence.
 */
const CHANGE_THEN_COUNT =
  /(?:(?:较上年|比上年|较去年|同比)[^，,。；;\d]{0,4}?)?(?:有所|明显|大幅|略有)?(?:增长|增加|增多|减少|下降|上升)[^，,。；;]{0,10}?[，,]\s*(?:总量|总数)?(?:达到?|为|共计?|合计)(?:发生|有)?(?=\s*\d)/g;

/** The text with what stands in brackets left out: 「市政府办公室（市政务公开办）」 names its body without it. */
const withoutBrackets = (text: string) => text.replace(/[（(][^（）()]*[)）]/g, '');

/** Whether a body named right before the count is another than the report's (「宿城区收到…」 in 宿迁市's). */
function otherBody(before: string, agency: string | undefined): boolean {
  // 「2024年全区共」: the year is no part of the body's name.
  const named = NAMED_BODY.exec(withoutBrackets(before).replace(A_YEAR, ''))?.[1]?.replace(TIME_WORDS, '');
  const plain = (t: string) => t.replace(/人民/g, '');
  return Boolean(
    named && named.length >= 2 && !OWN_BODY.test(named) && !(agency && plain(agency).includes(plain(named))),
  );
}

/** What a body takes in, in a bracket after its name (「区政府（含区政府办公室）」): no part of a count. */
const BODY_BRACKET = /(?<=政府|办公室|局|委|区|县|市|镇|乡|街道|中心|办)[（(](?:含|包括)[^（）()]*[)）]/g;

/**
 * Whether a count's clause, up to the count, makes it a part (QUALIFIED). An outcome is named by
 * words that qualify a total (「不予公开」): its own are no qualifier, and its count of one cause is a part.
 */
function qualified(s: Prepared, before: string): boolean {
  // Its own words are no qualifier (「延期至下年度」 is carried on, where 「延期答复」 is a kind of answer).
  if (s.rule !== 'T3-09') return QUALIFIED.test(before.replace(BODY_BRACKET, '').replace(s.wordsAt, ''));
  const own = before.replace(OUTCOME_LEAD, '');
  const lead = own.slice(0, Math.max(0, own.search(s.wordsAt)));
  return (
    QUALIFIED.test(own.replace(s.wordsAt, '')) ||
    ONE_CAUSE.test(own) ||
    (!/等/.test(lead) && CAUSE.test(lead)) ||
    TIME_SLICE.test(lead)
  );
}

/** What may lead a clause of outcomes: 「其中」, 「办理结果为：」. */
const OUTCOME_LEAD =
  /^\s*(?:其中|(?:本年度?|全年)?(?:的)?(?:申请)?(?:办理|答复|处理)结果(?:为|是|如下)?)[:：]?\s*/;
/** Table 3's sub-rows (a cause) or a kind of applicant, named before an outcome: its part. */
const CAUSE =
  /国家秘密|商业秘密|个人隐私|第三方|内部事务|过程性|执法案卷|三安全|禁止公开|不掌握|不存在|另行制作|不明确|重复|信访|投诉|举报|出版物|大量|反复|查询|补正|处理费|缴纳|自然人|法人/;
/** A part of the year: 「上半年」, 「第四季度」, 「1至6月」; not 「1至12月」, the whole of it. */
const TIME_SLICE = /季度|半年|月份|[至到-](?:[1-9]|1[01])月(?!\d{1,2}日)/;
/** The last time word before a count: a list after 「去年」 is last year's, up to 「本年」. */
const TIME_WORD = /((?<![较比与同])(?:上一?年度?|去年|前年)(?!度?(?:结转|遗留|转结)))|本年|今年|全年/g;

/**
 * Whether an outcome's count is a part of it by what its sentence says before it: a condition or a
 * cause (「对重复申请，不予处理27件」), some applications (「延期答复的申请中，」, 「对上年结转的…申请，」),
 * reviews (「受理行政复议申请203件，其中涉及不予公开的12件」), a list led by a part or another body
 * (「宿城区予以公开300件，部分公开80件」), information counted (「不予公开信息1535件」), or last year's
 * (「去年予以公开1191件，部分公开328件」).
 */
function outcomePart(
  sentence: string,
  clause: number,
  before: string,
  m: RegExpExecArray,
  agency: string | undefined,
): boolean {
  const prefix = sentence.slice(0, clause);
  // The clause right before the count's (「对重复申请，」), and the last 「…中，」 before it.
  const previous = prefix.slice(clauseStart(prefix, prefix.length - 2));
  if (/的[，,]\s*$/.test(prefix) || (/的申请[，,]\s*$/.test(prefix) && CAUSE.test(previous))) return true;
  const clauses = prefix.split(/[，,]/).slice(0, -1);
  const scope = clauses.filter((c) => /(?<!其)中$/.test(c.trim())).pop();
  const some = (c: string) =>
    QUALIFIED.test(c.replace(/(?:办理|答复|处理)结果/, '')) ||
    LAST_YEAR.test(c) ||
    /涉及|类|结转|转办/.test(c);
  if (scope !== undefined && some(scope)) return true;
  if (/^\s*对/.test(previous) && (some(previous) || CAUSE.test(previous))) return true;
  // 「受理行政复议申请203件，其中涉及不予公开的12件」: reviews.
  if (/其中/.test(before) && /复议|诉讼/.test(prefix)) return true;
  // The first clause of the run of outcomes it ends: what leads it leads them all.
  const first = clauses.findIndex((_, i) => clauses.slice(i).every((d) => OUTCOME_WORDS.test(d)));
  if (first >= 0) {
    const c = clauses[first]!;
    const lead = c.slice(0, c.search(OUTCOME_WORDS)).replace(OUTCOME_LEAD, '');
    if (QUALIFIED.test(lead) || otherBody(lead, agency) || (!/等/.test(lead) && CAUSE.test(lead)))
      return true;
  }
  // 「不予公开中属于…21件」, 「予以公开的政府信息涉及…」, 「不予公开信息1535件」.
  if (m[1] !== undefined && /中|涉及|属于|因|文件|信息(?!公开申请)/.test(m[1])) return true;
  if (/^\s*(?:政府)?(?:信息|文件)/.test(sentence.slice(m.index + m[0].length))) return true;
  // The last year named before it, brackets aside: 「去年予以公开1191件，部分公开328件」 is last year's.
  const times = matchesOf(TIME_WORD, withoutBrackets(prefix));
  return times.length > 0 && times[times.length - 1]![1] !== undefined;
}

/**
 * Every match of the global `pattern` in `text`, all found before any is looked at (a statement's
 * pattern is looked for again in a bracket). Not matchAll: it copies the pattern at each call, and
 * the text rules call it for every statement in every sentence.
 */
function matchesOf(pattern: RegExp, text: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    out.push(m);
    if (!m[0]) pattern.lastIndex++;
  }
  return out;
}

/** Every sentence that states the number, with the number it states (the first in the sentence). */
function stated(
  said: readonly Sentence[],
  s: Prepared,
  report: { year?: number; agency?: string },
): Stated[] {
  const out: Stated[] = [];
  for (let i = 0; i < said.length; i++) {
    const { text: original, read: sentence, list } = said[i]!;
    // Its pattern and its list's subjects (see ofList) find its words: a sentence without them is passed over.
    if (s.key ? !sentence.includes(s.key) : !s.wordsIn.test(sentence)) continue;
    if (s.within && !s.within.test(original)) continue;
    if (s.notIn?.test(sentence)) continue;
    if (s.otherMatter?.test(sentence) && !INFO_APPLICATION.test(sentence)) continue;
    const paired = ofList(list, s);
    if (paired !== undefined) {
      // A part of the year's (「2022年上半年，…」) is not the year's.
      if (!TIME_SLICE.test(sentence)) out.push({ value: paired, sentence: original });
      continue;
    }
    const count = countIn(sentence, s, report);
    if (count !== undefined) out.push({ value: count, sentence: original });
  }
  return out;
}

/**
 * The count the sentence states of the statement, if it states one: the first match of its pattern
 * that is the report's own whole count. A function of its own: few sentences get this far, and
 * what every sentence runs (stated) compiles to little code.
 */
function countIn(
  sentence: string,
  s: Prepared,
  report: { year?: number; agency?: string },
): number | undefined {
  const year = report.year;
  for (const m of matchesOf(s.pattern, sentence)) {
    if (TIME_SLICE.test(sentence.slice(0, m.index))) continue;
    // In a bracket, only the breakdown of those answered is read, from the bracket on.
    const open = bracketOpen(sentence, m.index);
    const breakdown = open >= 0 ? open : s.inAnswered ? breakdownClause(sentence, m.index) : -1;
    const answered =
      breakdown >= 0 &&
      s.inAnswered === true &&
      answeredBracket(sentence, breakdown, report, s.cells[0] === 't3.r2.total');
    if (open >= 0 && !answered) continue;
    const clause = Math.max(clauseStart(sentence, m.index), answered ? breakdown + 1 : 0);
    let before = sentence.slice(clause, m.index + m[0].length);
    if (answered) before = before.replace(/^(?:含|包括|包含|其中)[:：]?/, '');
    // 「含上年度结转申请中的110件」: a part of those carried over.
    if (answered && m[1] !== undefined && /中/.test(m[1])) continue;
    // 顺延 with its count after it (「答复期限顺延至下一年度的12件」) is some of those put off, not all:
    // the national sentence has the count first (「另有72件顺延到下年度答复」).
    if (m[2] !== undefined && /^顺延/.test(m[0])) continue;
    if (s.without?.test(before) || qualified(s, before)) continue;
    // A clause of a condition before it (「对申请人逾期未补正的，不予处理1件」): a part of the outcome.
    if (s.rule === 'T3-09' && outcomePart(sentence, clause, before, m, report.agency)) continue;
    const rest = sentence.slice(m.index + m[0].length);
    const carried = BRACKETED.test(rest);
    if (carried && !s.countsCarried) continue;
    // The bracket of last year's after those answered is not of the count's clause.
    const end = carried ? 0 : rest.search(/[，,；;。]/);
    // A clause of its own applications (「受理群众办事申请128650件」) is another matter; a bare count
    // (「…，办结3500件」) is of what its sentence speaks of.
    const own = before + (end < 0 ? rest : rest.slice(0, end));
    if (s.notInClause?.test(own)) continue;
    // A bare count: only its words (「…，办结3500件」), or a clause that begins with it (「3500件已办结」).
    const bare =
      !/申请/.test(own) &&
      (m[1] !== undefined ? BARE.test(m[1]) : BARE_LEAD.test(sentence.slice(clause, m.index)));
    if (s.within && !s.within.test(own) && !(bare && s.within.test(sentence))) continue;
    // 「行政复议2件，1件已办结，1件正在办理中」: a bare count after reviews is theirs.
    if (bare && s.rule !== 'T4-04' && REVIEWS.test(sentence.slice(0, clause))) continue;
    // A part (「其中，市级部门收到…」, 「…申请中，3400件已办结」), or last year's count.
    // Outcomes are parts of those answered: 「办结的申请中，予以公开1200件」 gives them.
    const ofSome = s.rule !== 'T3-09' && /中[，,]\s*$/.test(sentence.slice(0, clause));
    if (ofSome || LAST_YEAR.test(sentence.slice(clause, m.index))) continue;
    // Another body's (「宿城区收到…」).
    if (otherBody(sentence.slice(clause, m.index), report.agency)) continue;
    // 「因信息处理费问题被申请行政复议0件，被提起行政诉讼0件」: a cause that narrows the sentence's counts.
    if (NARROW_CAUSE.test(sentence.slice(0, m.index))) continue;
    // A year in the match is the count's own: the report's, or the one its words say (「从2023年结转」);
    // 「办结2023年度结转的申请121件」 are last year's.
    if (year !== undefined) {
      const its = year + (s.ownYear ?? 0);
      const earlier = matchesOf(YEAR, sentence.slice(0, m.index)).filter(
        (y) => !YEAR_CARRIED.test(sentence.slice(y.index + y[0].length)),
      );
      if (
        earlier.some((y) => Number(y[1]) !== year) ||
        matchesOf(YEAR, m[0]).some((y) => Number(y[1]) !== its)
      )
        continue;
    }
    // 「行政复议1件、行政诉讼5件」: a count before 、 ends the other subject's item.
    if (OTHER_SUBJECT[s.what]?.test(before.replace(ITEM_BEFORE, ''))) continue;
    // 「受理行政复议申请45件，其中涉及政府信息公开的1件」: all reviews first, then the ones that count.
    if (s.rule === 'T4-04' && /其中.*公开/.test(rest)) continue;
    return Number(m[2] ?? m[3]);
  }
  return undefined;
}

/** None said in a clause, with no count in it: the report's own year (「2024年未发生…」) is no count. */
const saysNone = (clause: string, s: Prepared, year: number | undefined) =>
  s.none!.pattern.test(clause) &&
  !/\d/.test(clause.replace(ZERO, '为零').replace(A_YEAR, (y) => (parseInt(y, 10) === year ? '' : y))) &&
  !QUALIFIED.test(clause) &&
  !s.without?.test(clause);

/** A count, in digits or in Chinese numerals (「七件」); looked for by its unit. */
const COUNTED = new RegExp(`[\\d${NUMERALS}]\\s*(?:${UNIT}|[，,]\\s*占)`);
const COUNT_UNIT = /[件例起宗占]/;
/** A sentence joined over the lines of a copy is quoted only up to this long: a page with no full stops is not. */
const MAX_QUOTE = 200;

/** Full-width digits (「６件」) as the patterns read them. */
const halfWidthDigits = (text: string) =>
  text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));

/**
 * Sentences that go on with the part of the year the one before named (「2022年上半年，…受理267件。
 * 其中同意公开或部分公开81件」): their counts are that part's too. Compacted, as sentences() gives them.
 */
function ofPartOfYear(text: string): Set<string> {
  const out = new Set<string>();
  if (!TIME_SLICE.test(text)) return out;
  const all = text.split(/[。！？；;\n]+/);
  for (let i = 1; i < all.length; i++)
    if (/^\s*其中/.test(all[i]!) && TIME_SLICE.test(all[i - 1]!)) out.add(compact(all[i]!));
  return out;
}

/** Whether every one of the cells has a number. */
function knowsAll(ctx: Context, cells: readonly CellKey[]): boolean {
  // By index, as check's loops are (see there).
  for (let i = 0; i < cells.length; i++) if (!ctx.numbers.values.has(cells[i]!)) return false;
  return true;
}

/**
 * No sentences, as one array. An array that map makes in optimized code is of another kind
 * (holey) than one it made before: textVersusTables, optimized for the one, was thrown away at the
 * other, and a batch ran the rest of its reports unoptimized.
 */
const NO_SENTENCES: readonly Sentence[] = [];

/** The sentences across lines that no line holds whole: the lines' own are read already. */
function joinedOnly(wrapped: readonly string[], lines: readonly string[]): readonly Sentence[] {
  if (wrapped === lines) return NO_SENTENCES;
  const own = new Set(lines);
  return wrapped.filter((w) => !own.has(w)).map((t) => sentenceOf(t));
}

/** The cells, each with its number: 「一、本年新收政府信息公开申请数量·总计（第111行） 15 + …」. */
function cellsWithNumbers(ctx: Context, cells: readonly CellKey[]): string {
  // Joined as it goes, not mapped: see NO_SENTENCES.
  let out = '';
  for (const k of cells) out += `${out ? ' + ' : ''}${ref(ctx, k)} ${num(ctx.numbers.values.get(k)!)}`;
  return out;
}

/**
 * The sentences that say none of the statement's subject (「本年度未发生…行政复议」), each as a
 * count of 0: across lines if its lines make any, else in its lines.
 */
function saidNone(text: string, s: Prepared, year: number | undefined): Stated[] {
  const none = (acrossLines: boolean) =>
    sentences(text, { acrossLines, having: s.none!.pattern }).filter(
      (sentence) =>
        (!acrossLines || sentence.length <= MAX_QUOTE) &&
        !s.notIn?.test(sentence) &&
        sentence.split(/[，,]/).some((c) => saysNone(c, s, year)),
    );
  const across = none(true);
  return (across.length ? across : none(false)).map((sentence) => ({ value: 0, sentence }));
}

/** The report's own words (see narrative), and the sentences in them that may state a count. */
interface Counting {
  readonly text: string;
  /** Its sentences with a count, across lines where a sentence goes on over a line's end, else its lines'. */
  readonly wrapped: readonly string[];
  /** Its lines' sentences with a count. */
  readonly said: readonly Sentence[];
  /** The sentences across lines that no line holds whole. */
  readonly joined: readonly Sentence[];
}

/** The sentences of the report's own words that may state a count (a function of its own: see textVersusTables). */
function countingSentences(ctx: Context): Counting {
  const text = halfWidthDigits(narrative(ctx));
  // Only sentences with a count in them can state one: most of a report's sentences have none.
  const sliced = ofPartOfYear(text);
  const lines = sentences(text, { having: COUNTED, near: COUNT_UNIT }).filter((t) => !sliced.has(t));
  // Where no sentence goes on over a line's end (a browser's copy), they are the lines' own.
  const wrapped = goesOnOverLines(text)
    ? sentences(text, { acrossLines: true, having: COUNTED, near: COUNT_UNIT }).filter((t) => !sliced.has(t))
    : lines;
  return { text, wrapped, said: lines.map((t) => sentenceOf(t)), joined: joinedOnly(wrapped, lines) };
}

/** T3-06, T4-04: the numbers the text states equal the tables'. */
function textVersusTables(ctx: Context): Finding[] {
  const { text, wrapped, said, joined } = countingSentences(ctx);
  const out: Finding[] = [];
  // By index, and what few reports need in functions of their own: the function compiles to a
  // quarter less code (an iterator's closing, a closure), and in a batch its compiling costs more
  // than the reports after it gain.
  for (let i = 0; i < STATEMENTS.length; i++) {
    const s = STATEMENTS[i]!;
    if (!knowsAll(ctx, s.cells)) continue;
    // A sentence the copy broke over lines is looked for whole where none of its lines says it.
    let all = stated(said, s, ctx.report);
    if (joined.length) {
      const byLine = all.map((x) => x.sentence);
      all.push(
        ...stated(
          joined.filter((w) => !byLine.some((line) => w.text.includes(line))),
          s,
          ctx.report,
        ),
      );
    }
    // None said in words, in a clause with no count and nothing qualifying it (败诉, 纠错): in a
    // sentence the copy broke over lines (「…行政复议和行政诉」 / 「讼」) too, if its lines make one.
    if (!all.length && s.none && hasWord(text, s.none.word)) all = saidNone(text, s, ctx.report.year);
    // Most statements are said in no sentence: their cells are not added up.
    if (!all.length) continue;
    const table = s.cells.reduce((sum, k) => sum + ctx.numbers.values.get(k)!, 0);
    // The text may say it more than once (part 一 and part 三): any sentence that differs is said.
    const found = all.find((x) => x.value !== table);
    if (!found) continue;
    // A line's sentence that the copy broke off (「…案件134件，行政诉」) is quoted whole.
    const whole = wrapped.find((w) => w.length <= MAX_QUOTE && w.includes(found.sentence));
    const cells = s.sum ? `${s.sum}之和 ${num(table)}` : cellsWithNumbers(ctx, s.cells);
    out.push(
      finding(ctx, {
        rule: s.rule,
        cells: s.cells,
        message: `正文说${s.what} ${found.value} 件（「${whole ?? found.sentence}」），而表中为 ${cells}${s.cells.length > 1 && !s.sum ? ` = ${num(table)}` : ''}：请核对正文或表格。`,
      }),
    );
  }
  return out;
}

const EMPTY_PART = /^(?:无|暂无|没有|无。|本年度无|无其他需要报告的事项)?$/;
const FEE = /信息(?:公开)?处理费/;
/** Part 六 may say that no fee of any kind was charged: that covers 信息处理费. */
const NO_FEE_AT_ALL = /(?:未|没有|不曾|无)收取(?:任何)?(?:费用|收费)/;

/** 2021's cells of applications not handled for a fee not paid (逾期未缴纳信息处理费), by applicant. */
const UNPAID_CELLS = cellList('2021')
  .map((c) => c.key)
  .filter((k) => k.startsWith('t3.r3_6_2.') && !k.endsWith('.total'));

/** Those of the cells above that are more than 0, with their numbers, in the form's order. */
function unpaidFees(ctx: Context): [CellKey, number][] {
  const out: [CellKey, number][] = [];
  for (const k of UNPAID_CELLS) {
    const v = ctx.numbers.values.get(k);
    if (v !== undefined && v > 0) out.push([k, v]);
  }
  return out;
}

/** S-01, S5-01, S6-01, T3-08: what the text of a published report must contain. */
export function publishedFindings(ctx: Context): Finding[] {
  const published = ctx.report.published;
  if (!published) return [];
  const out: Finding[] = [];
  const misplaced = new Set(published.misplaced ?? []);
  const missing = PART_TITLES.filter((_, i) => published.titles[i]! < 0 && !misplaced.has(i));
  const outOfOrder = PART_TITLES.filter((_, i) => misplaced.has(i));
  if (missing.length || outOfOrder.length) {
    const said = [
      missing.length ? `缺少${missing.map((t) => `「${t}」`).join('、')}` : '',
      outOfOrder.length ? `${outOfOrder.map((t) => `「${t}」`).join('、')}的位置不对` : '',
    ].filter(Boolean);
    out.push(
      finding(ctx, {
        rule: 'S-01',
        cells: [],
        message: `${said.join('，')}：年报应按顺序包含全部六个部分的标题。`,
      }),
    );
  }
  const five = published.parts[4];
  if (five !== undefined && EMPTY_PART.test(compact(five).replace(/[。.]$/, ''))) {
    out.push(
      finding(ctx, {
        rule: 'S5-01',
        cells: [],
        message: '第五部分「存在的主要问题及改进情况」是空的或只写了「无」：应写明存在的问题和改进措施。',
      }),
    );
  }
  if (ctx.report.edition === '2021') {
    const six = published.parts[5] ?? '';
    const saysFee = FEE.test(six) || NO_FEE_AT_ALL.test(six);
    if (published.parts[5] !== undefined && !saysFee) {
      out.push(
        finding(ctx, {
          rule: 'S6-01',
          cells: [],
          message: '第六部分没有说明信息处理费：2021 版格式要求写明收取信息处理费的情况（未收取也要写明）。',
        }),
      );
    }
    const unpaid = saysFee ? [] : unpaidFees(ctx);
    if (unpaid.length) {
      out.push(
        finding(ctx, {
          rule: 'T3-08',
          cells: unpaid.map(([k]) => k),
          message: `表三有 ${unpaid.map(([k, v]) => `${ref(ctx, k)} ${num(v)}`).join('、')}（逾期未缴纳信息处理费），第六部分却没有提到信息处理费。`,
        }),
      );
    }
  }
  return [...out, ...textVersusTables(ctx)];
}

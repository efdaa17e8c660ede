import type { TableId } from './types.js';

/** The six part titles, official wording, in order. */
export const PART_TITLES = [
  '一、总体情况',
  '二、主动公开政府信息情况',
  '三、收到和处理政府信息公开申请情况',
  '四、政府信息公开行政复议、行政诉讼情况',
  '五、存在的主要问题及改进情况',
  '六、其他需要报告的事项',
] as const;

/**
 * What each part's title is about, whatever its wording: every pattern must be met. Published
 * titles add or drop words (「五、存在问题及改进情况」, 「五、政府信息公开工作存在的主要问题及改进情况」).
 */
export const PART_KEYS: readonly (readonly RegExp[])[] = [
  [/总体情况|概述|总体概况/],
  [/主动公开/],
  [/申请/, /收到|处理|依申请/],
  [/复议/, /诉讼/],
  [/问题/, /改进|措施|整改/],
  [/其他/, /事项|报告/],
];

export const TABLE_PART: Readonly<Record<TableId, string>> = {
  t2: PART_TITLES[1],
  t3: PART_TITLES[2],
  t4: PART_TITLES[3],
};

export const REPORT_TITLE = '政府信息公开工作年度报告';

/** Words of a report's body that no table of it holds: the part titles (their numbering aside), the report's title. */
const BODY_WORDS = [...PART_TITLES.map((t) => t.replace(/^[一二三四五六]、/, '')), REPORT_TITLE];

/** Whether a text holds the report's own words, not only a table's: a page or document laid out in a table does. */
export const hasBodyWords = (text: string) => BODY_WORDS.some((w) => text.includes(w));

/** What clerks call the tables: 「表三」. */
export const TABLE_NAME: Readonly<Record<TableId, string>> = { t2: '表二', t3: '表三', t4: '表四' };

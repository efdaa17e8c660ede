import type { Severity } from './finding.js';
import type { TableId } from './types.js';

/**
 * Every rule a finding can carry, declared once: its id, severity, table and what it means to a
 * clerk. Findings take id and severity from here; `docs/rules.md` must agree (a test says so).
 */
export interface RuleInfo {
  readonly id: string;
  readonly severity: Severity;
  /** Other severities the rule emits: G-01 reads 「５」 with a warning; a table not found is a G-04 error. */
  readonly alsoAs?: readonly Severity[];
  readonly table?: TableId;
  /** What the rule asks, in a clerk's words. */
  readonly title: string;
  /** One line on why it matters or when it applies. */
  readonly description: string;
  /** A note in the rules, never a finding (S6-03). */
  readonly note?: true;
  /** Reads the report's published text: a report imported into the template no longer gives it. */
  readonly published?: true;
}

const CATALOG = [
  {
    id: 'G-01',
    severity: 'error',
    alsoAs: ['warning'],
    title: '件数应为不小于 0 的整数',
    description:
      '「五」「约5」「-1」「2.5」、公式错误是错误；全角数字、带空格或单位的文本按数字读取并给出警告。',
  },
  {
    id: 'G-02',
    severity: 'error',
    alsoAs: ['warning'],
    title: '金额应为不小于 0 的数字',
    description: '可带小数，可注明单位「元」或「万元」。',
  },
  {
    id: 'G-03',
    severity: 'warning',
    title: '数据格未填',
    description: '空格、「/」「—」按 0 计入合计；未填的总计按各项之和推算。表格要求没有的填 0。',
  },
  {
    id: 'G-04',
    severity: 'warning',
    alsoAs: ['error'],
    title: '表格与官方格式不同',
    description: '标签改动、插入的行列、缺少的行或表格：能确定的照读并说明，不能确定的不读。',
  },
  {
    id: 'G-05',
    severity: 'warning',
    table: 't2',
    title: '本年增/减读不出增减数',
    description: '应写成「+3」「-2」「0」「增1」「减13」。',
  },
  {
    id: 'G-06',
    severity: 'warning',
    title: '工作簿设为手动计算',
    description: '公式的结果可能没有随数字更新：请按 F9 重新计算（或改为自动计算），保存后再校验。',
  },
  {
    id: 'T3-01',
    severity: 'error',
    table: 't3',
    title: '第一项加第二项之和，等于第三项加第四项之和',
    description: '表三每一列：本年新收 + 上年结转 = 办理结果总计 + 结转下年度继续办理。',
  },
  {
    id: 'T3-02',
    severity: 'error',
    table: 't3',
    title: '每行总计等于各类申请人之和',
    description: '表三每一行：总计 = 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他。',
  },
  {
    id: 'T3-03',
    severity: 'error',
    table: 't3',
    title: '（七）总计等于各项办理结果之和',
    description: '表三每一列：办理结果互不重复（「只计这一情形」），加起来等于（七）总计。',
  },
  {
    id: 'T3-05',
    severity: 'warning',
    table: 't3',
    title: '上年结转等于上年报告的结转下年度继续办理',
    description: '跨年度：本年「二、上年结转」每一列应等于上年「四、结转下年度继续办理」。',
  },
  {
    id: 'T3-06',
    published: true,
    severity: 'warning',
    table: 't3',
    title: '正文所述申请数与表三一致',
    description: '已发布年报：正文中收到、结转、办结的申请件数应与表三的总计一致。',
  },
  {
    id: 'T3-08',
    published: true,
    severity: 'warning',
    table: 't3',
    title: '有逾期未缴信息处理费的，第六部分应说明信息处理费',
    description: '2021 版：「申请人逾期未按收费通知要求缴纳费用」不为 0 时，第六部分应写明信息处理费。',
  },
  {
    id: 'T3-09',
    published: true,
    severity: 'warning',
    table: 't3',
    title: '正文所述办理结果与表三一致',
    description:
      '已发布年报：正文中予以公开、部分公开、不予公开、无法提供、不予处理、其他处理的件数应与表三相应各项的总计一致。',
  },
  {
    id: 'T4-01',
    severity: 'error',
    table: 't4',
    title: '行政复议总计等于四项之和',
    description: '结果维持 + 结果纠正 + 其他结果 + 尚未审结 = 总计。',
  },
  {
    id: 'T4-02',
    severity: 'error',
    table: 't4',
    title: '未经复议直接起诉的行政诉讼总计等于四项之和',
    description: '结果维持 + 结果纠正 + 其他结果 + 尚未审结 = 总计。',
  },
  {
    id: 'T4-03',
    severity: 'error',
    table: 't4',
    title: '复议后起诉的行政诉讼总计等于四项之和',
    description: '结果维持 + 结果纠正 + 其他结果 + 尚未审结 = 总计。',
  },
  {
    id: 'T4-04',
    published: true,
    severity: 'warning',
    table: 't4',
    title: '正文所述复议、诉讼数与表四一致',
    description: '已发布年报：正文中的行政复议、行政诉讼件数应与表四的总计一致。',
  },
  {
    id: 'T2-21-02',
    severity: 'warning',
    table: 't2',
    title: '行政事业性收费金额以万元为单位',
    description: '2021 版：格中、标签中或正文中写的是「元」，或金额大得不合理，像是按元填写的。',
  },
  {
    id: 'T2-21-03',
    severity: 'warning',
    table: 't2',
    title: '现行有效件数 = 上年现行有效 + 本年制发 − 本年废止',
    description: '2021 版跨年度；到期失效、修订等可使两者不同。',
  },
  {
    id: 'T2-21-04',
    severity: 'warning',
    table: 't2',
    title: '本年废止件数不多于上年现行有效与本年制发之和',
    description: '2021 版，有上年报告时核对。',
  },
  {
    id: 'T2-19-02',
    severity: 'warning',
    table: 't2',
    title: '本年新公开数量通常等于本年新制作数量',
    description: '2019 版：规章和规范性文件制作后都应公开。',
  },
  {
    id: 'T2-19-03',
    severity: 'warning',
    table: 't2',
    title: '本年新公开数量不多于对外公开总数量',
    description: '2019 版：本年新公开的应计入对外公开总数量。',
  },
  {
    id: 'T2-19-04',
    severity: 'warning',
    table: 't2',
    title: '对外公开总数量不少于上年',
    description: '2019 版跨年度：对外公开总数量通常只增不减。',
  },
  {
    id: 'T2-19-05',
    severity: 'warning',
    table: 't2',
    title: '上一年项目数量 = 上年的上一年项目数量 + 上年的本年增/减',
    description: '2019 版跨年度。',
  },
  {
    id: 'T2-19-06',
    severity: 'warning',
    table: 't2',
    title: '采购总金额应注明单位',
    description: '2019 版：表中未印单位，应写明「元」或「万元」。',
  },
  {
    id: 'X-01',
    severity: 'warning',
    title: '格式版本与报告年度相符',
    description: '2019、2020 年度用 2019 版格式，2021 年度起用 2021 版格式。',
  },
  {
    id: 'X-02',
    severity: 'info',
    title: '2019 年度没有上年同格式的报告可比',
    description: '2019 年是现行格式的第一年，跨年度规则不适用。',
  },
  {
    id: 'X-03',
    severity: 'info',
    title: '上年报告有没有读出的部分',
    description: '上年报告读取时有缺行、缺表等错误：没有读出的格子不做跨年度核对。',
  },
  {
    id: 'X-04',
    severity: 'warning',
    title: '报告年度与工作表名相符',
    description:
      '工作表名写明了年度（如「2024年度年报」）时，「报告年度」应是同一年：复制上年的表格常忘了改年度，跨年度核对就会找错上年报告。',
  },
  {
    id: 'X-05',
    severity: 'warning',
    title: '填写报告年度',
    description:
      '（工作簿）「报告年度」没有填写，或表格上方和标题中都找不到年度：跨年度核对按报告年度找上年报告，审核报告也要写明。填上即可，不能用说明代替；未填写时审核报告为「未通过」。',
  },
  {
    id: 'X-06',
    severity: 'warning',
    title: '填写机关名称',
    description:
      '（工作簿）模板的「机关名称」没有填写：批量审核按机关名称把相邻两年的报告配对，审核报告也要写明。填上即可，不能用说明代替；未填写时审核报告为「未通过」。',
  },
  {
    id: 'S-01',
    published: true,
    severity: 'error',
    title: '六个部分的标题齐全且有序',
    description: '已发布年报应依次包含「一、总体情况」到「六、其他需要报告的事项」。',
  },
  {
    id: 'S5-01',
    published: true,
    severity: 'warning',
    title: '第五部分不能空着或只写「无」',
    description: '已发布年报应写明存在的主要问题及改进情况。',
  },
  {
    id: 'S6-01',
    published: true,
    severity: 'warning',
    title: '第六部分说明信息处理费',
    description: '2021 版：应写明收取信息处理费的情况，未收取也要写明。',
  },
  {
    id: 'S6-03',
    severity: 'info',
    table: 't2',
    note: true,
    title: '表二的行政事业性收费不是信息处理费',
    description: '表二有收费金额，并不要求第六部分提到信息处理费。',
  },
  {
    id: 'SIM-01',
    published: true,
    severity: 'warning',
    title: '内容雷同：正文与上年报告大段相同',
    description: '第一、五、六部分与上年文字相同或几乎相同的比例达到阈值（默认 50%）。',
  },
  {
    id: 'SIM-02',
    severity: 'warning',
    title: '表三、表四不能照抄上年',
    description:
      '跨年度：表三或表四的每个数都与上年报告相同（不为 0 的数至少 4 个、合计至少 20），像是照抄了上年的表格。',
  },
] as const satisfies readonly RuleInfo[];

export type RuleId = (typeof CATALOG)[number]['id'];

export const RULES: readonly RuleInfo[] = CATALOG;

const BY_ID = new Map<string, RuleInfo>(CATALOG.map((r) => [r.id, r]));

export function ruleInfo(id: RuleId): RuleInfo {
  return BY_ID.get(id)!;
}

export function isRuleId(id: string): id is RuleId {
  return BY_ID.has(id);
}

/** The severity a rule emits unless it says otherwise; an undeclared one is a programming error. */
export function severityOf(id: RuleId, severity?: Severity): Severity {
  const info = ruleInfo(id);
  if (severity === undefined || severity === info.severity) return info.severity;
  if (!info.alsoAs?.includes(severity)) throw new Error(`rule ${id} does not emit ${severity}`);
  return severity;
}

/**
 * Units and measure words (the tail of a figure). Each row: the forms as written (traditional
 * forms beside simplified ones), the unit reported (as written, magnitude removed), a guard of
 * characters that must NOT follow (项目 is a noun, not 项), and real-looking examples.
 * Longest forms are tried first.
 */
export interface UnitRule {
  forms: string[];
  unit?: string;
  notFollowedBy?: string;
  money?: boolean;
  examples: string[];
}

export const UNIT_RULES: UnitRule[] = [
  { forms: ["个百分点", "個百分點"], unit: "个百分点", examples: ["提高2.3个百分点", "下降0.5个百分点"] },
  { forms: ["%", "％"], unit: "%", examples: ["增长57.3%", "达98.5%", "控制在3%以内"] },
  { forms: ["‰"], unit: "‰", examples: ["人口自然增长率3.5‰"] },
  { forms: ["美元"], money: true, examples: ["7636万美元", "外贸进出口1.2亿美元"] },
  { forms: ["欧元", "港元", "日元"], money: true, examples: ["投资3000万欧元"] },
  { forms: ["元"], notFollowedBy: "素旦宵首老帅气", money: true, examples: ["12亿元", "2000万元", "1.3亿元区级工信奖补资金"] },
  { forms: ["平方公里"], examples: ["规划面积12.5平方公里"] },
  { forms: ["平方米", "平米"], examples: ["维修改造面积1.5万平方米"] },
  { forms: ["立方米", "方米"], examples: ["清淤3万立方米"] },
  { forms: ["公里", "千米"], examples: ["93.5公里", "总长度13公里"] },
  { forms: ["公顷"], examples: ["造林200公顷"] },
  { forms: ["亩", "畝"], examples: ["300余亩", "土地300余亩"] },
  { forms: ["公斤", "千克"], examples: ["50公斤"] },
  { forms: ["吨", "噸"], examples: ["粮食产量25万吨"] },
  { forms: ["千瓦时", "千瓦", "兆瓦", "度"], notFollowedBy: "假过", examples: ["装机100兆瓦", "用电3亿千瓦时"] },
  { forms: ["公分", "厘米", "毫米"], examples: ["七八十公分", "降水量12毫米"] },
  { forms: ["米"], notFollowedBy: "饭粮", examples: ["宽12米"] },
  { forms: ["个月", "個月"], examples: ["用3个月时间"] },
  { forms: ["个", "個"], notFollowedBy: "性体", examples: ["51个", "1200个贫困户", "30余个项目"] },
  { forms: ["家"], notFollowedBy: "庭具乡长属园", examples: ["8家", "7726家农户", "一千余家"] },
  { forms: ["人次"], examples: ["接待游客120万人次"] },
  { forms: ["人"], notFollowedBy: "民大才员次类性", examples: ["2287人", "1.2万人", "两万人"] },
  { forms: ["名"], notFollowedBy: "单称义字额录列次", examples: ["1.9万余名", "98名"] },
  { forms: ["户", "戶"], notFollowedBy: "籍口型外", examples: ["5115户", "贫困户1200户"] },
  { forms: ["件"], notFollowedBy: "事", examples: ["1298件", "46件代表建议"] },
  { forms: ["项", "項"], notFollowedBy: "目", examples: ["150项", "100项以上"] },
  { forms: ["场", "場"], notFollowedBy: "所景馆地次合面", examples: ["500余场"] },
  { forms: ["所"], notFollowedBy: "属在有以谓得长", examples: ["4所幼儿园"] },
  { forms: ["处", "處"], notFollowedBy: "理置罚分级长室于在", examples: ["6处"] },
  { forms: ["座"], notFollowedBy: "谈位", examples: ["3座桥梁"] },
  { forms: ["条", "條"], notFollowedBy: "件例款约", examples: ["12条道路"] },
  { forms: ["套"], examples: ["保障性住房500套"] },
  { forms: ["张", "張"], examples: ["三万多张"] },
  { forms: ["台"], notFollowedBy: "阶湾州风账", examples: ["机器人200台"] },
  { forms: ["辆", "輛"], examples: ["新能源公交车100辆"] },
  { forms: ["栋", "幢"], examples: ["20栋"] },
  { forms: ["间"], notFollowedBy: "隔接", examples: ["改造教室30间"] },
  { forms: ["批"], examples: ["分3批"] },
  { forms: ["次"], notFollowedBy: "全会议党代序要日年", examples: ["开展活动500余次"] },
  { forms: ["篇"], notFollowedBy: "章", examples: ["刊发稿件120篇"] },
  { forms: ["株", "棵"], examples: ["植树10万株"] },
  { forms: ["头"], notFollowedBy: "部号等脑", examples: ["生猪出栏5万头"] },
  { forms: ["只"], notFollowedBy: "是有要能", examples: ["家禽20万只"] },
  { forms: ["位"], notFollowedBy: "置于居列次", examples: ["专家30位"] },
  { forms: ["支"], notFollowedBy: "持出付部撑柱", examples: ["组建志愿服务队20支"] },
  { forms: ["天"], notFollowedBy: "然津空地下气", examples: ["200余天", "提前10天"] },
  { forms: ["年"], notFollowedBy: "度初底末代级轻终货华会", examples: ["连续6年", "连续三年"] },
  { forms: ["小时"], examples: ["24小时"] },
  { forms: ["成"], notFollowedBy: "立为员功果本绩熟效都", examples: ["九成"] },
  { forms: ["倍"], examples: ["增长1.5倍"] },
];

/** Every unit form, longest first (so 个百分点 wins over 个, 平方米 over 米). */
export const UNIT_FORMS: { form: string; rule: UnitRule }[] = UNIT_RULES.flatMap((rule) =>
  rule.forms.map((form) => ({ form, rule })),
).sort((a, b) => b.form.length - a.form.length);

/** Units that make a figure money (for an implied unit: 迈上百亿台阶 beside 280亿元 -> 元). */
export const MONEY_UNITS = new Set(UNIT_RULES.filter((r) => r.money).flatMap((r) => r.forms));

/**
 * A magnitude with no unit, counted as a money figure when a level phrase frames it:
 * 迈上百亿台阶, 突破千亿大关, 跨上万亿级台阶 is NOT (级 qualifies a noun).
 */
export const IMPLIED_UNIT_FRAME_RE = /(?:迈上|迈入|跨上|跨入|突破|冲刺|站上|登上|达到)$/;
export const IMPLIED_UNIT_AFTER_RE = /^(?:台阶|大关|关口|规模|[。，,；;、]|$)/;

/**
 * A bare 万/亿 amount of money with no unit written: 累计发放贷款1.2亿, 完成投资3.5亿， — the
 * clause before it names money (unit 元 or the money unit of a figure beside it). Not 常住人口12万
 * (no money word) and not a level (迈上百亿台阶: see IMPLIED_UNIT_FRAME_RE).
 */
export const BARE_MONEY_BEFORE_RE =
  /(?:贷款|投资|资金|收入|产值|总额|税收|支出|营收|营业额|销售额|生产总值|融资|补贴|补助|奖补|利润|存款|成交额|交易额|金额|经费|预算)[^，。；,;、\n]{0,6}$/;
export const BARE_MONEY_AFTER_RE = /^(?:[。，,；;、]|$)/;

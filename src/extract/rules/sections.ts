/**
 * Sections: heading forms and their levels, the cues that open a plan or a review, and the time
 * words that give a section or a figure its period. Each rule carries executable examples
 * (`{ in, ...expected }`) and negative rows (`not`), run by test/extract/sections.test.ts.
 * Patterns match the normalised simplified body (full-width ASCII folded: （一） is (一)).
 */

/** Chinese ordinal digits used in numbered headings (一 … 十九, 二十). */
const CN = "[一二三四五六七八九十]{1,3}";

export interface HeadingForm {
  name: string;
  /** Anchored at the line start; the match is the number, not the heading's words. */
  re: RegExp;
  /** 0 = 第X部分, 1 = 一、, 2 = (一), 3 = 1. / 第一, 4 = (1). Plain lines get PLAIN_LEVEL. */
  level: number;
  examples: { in: string; text: string }[];
  not: string[];
}

export const HEADING_FORMS: HeadingForm[] = [
  {
    name: "part",
    re: new RegExp(`^第${CN}(?:部分|章|篇)\\s*`),
    level: 0,
    examples: [{ in: "第一部分 2025年工作回顾", text: "2025年工作回顾" }, { in: "第三章 保障措施", text: "保障措施" }],
    not: ["第一次全体会议召开", "第三批项目"],
  },
  {
    name: "cn-ordinal",
    re: new RegExp(`^${CN}[、.]\\s*`),
    level: 1,
    examples: [{ in: "三、2026年工作安排", text: "2026年工作安排" }, { in: "一、过去一年工作回顾", text: "过去一年工作回顾" }],
    not: ["一年来,我们坚持", "十四五时期"],
  },
  {
    name: "paren-cn",
    re: new RegExp(`^[(（]${CN}[)）]\\s*`),
    level: 2,
    examples: [{ in: "(一)着力实施扩大内需战略", text: "着力实施扩大内需战略" }, { in: "（二）经济增长迈出坚实步伐。抓好国家政策落实", text: "经济增长迈出坚实步伐" }],
    not: ["(原载于《重庆日报》)", "(记者 王明)"],
  },
  {
    name: "arabic",
    re: /^[0-9]{1,2}(?:、|[.．](?![0-9]))\s*/,
    level: 3,
    examples: [{ in: "1.推进园区上档升级", text: "推进园区上档升级" }, { in: "2、加强重点项目建设。安排项目200项", text: "加强重点项目建设" }],
    not: ["1.9万余名志愿者参与", "2025年工作回顾", "12亿元"],
  },
  {
    name: "di-ordinal",
    re: new RegExp(`^第${CN}[,，、是]\\s*`),
    level: 3,
    examples: [{ in: "第一,坚持稳中求进", text: "坚持稳中求进" }],
    not: ["第一时间赶到现场", "第一批试点"],
  },
  {
    name: "paren-arabic",
    re: /^[(（][0-9]{1,2}[)）]\s*/,
    level: 4,
    examples: [{ in: "(1)新建改造高标准农田", text: "新建改造高标准农田" }],
    not: ["(2022—2025)规划"],
  },
];

/**
 * A line that only marks an annex (附件, 附件1): the title line after it (2026年省十件民生实事) opens
 * a part of its own at level 0, so the annex's numbered items sit under its title.
 */
export const ANNEX_LINE_RE = /^附件(?:\s?(?:[0-9]{1,2}|[一二三四五六七八九十]{1,3}))?\s?[:：]?$/;
export const ANNEX_LINE_EXAMPLES = ["附件", "附件1", "附件 2", "附件一："];
export const ANNEX_LINE_NOT = ["附件下载", "附件1：2026年民生实事", "相关附件"];

/** Level of a short unnumbered line without sentence punctuation (大庙街道, 2026年工作安排). */
export const PLAIN_LEVEL = 9;
/**
 * Level of such a line whose words name a plan or a review (2026年重点工作): a part of the report,
 * below 第X部分 and above 一、, so the numbered headings after it do not close it.
 */
export const PART_LEVEL = 0.5;
/** An unnumbered line counts as a heading when it is this short and ends without punctuation. */
export const MAX_PLAIN_HEADING = 30;
/** A numbered heading's words run to the first sentence end, at most this far (run-in headings). */
export const MAX_HEADING = 60;

/** A short line with no sentence punctuation (a colon may end it); headingOf also asks for two CJK characters. */
export const PLAIN_HEADING_RE = /^[^。,，;；:：！？!?]+[:：]?$/;
export const PLAIN_HEADING_EXAMPLES = ["2026年工作安排", "大庙街道", "过去一年工作回顾", "——访邗江区委书记 张耀武", "2015年工作回顾:"];
export const PLAIN_HEADING_NOT = ["发文单位:保定市人民政府", "全年实现生产总值255亿元,增长8.5%", "今年要抓好三件事。"];

export interface ModeCue {
  re: RegExp;
  examples: string[];
  not: string[];
}

/**
 * A heading that announces plans: what follows it is targets until a heading of the same or a
 * higher level. `strong` cues hold under any parent; `weak` ones (目标, 任务) only where no
 * section above says otherwise (a review's (二)聚力落实国家重大战略任务 stays a review).
 * Checked after REVIEW_HEADING (完成全年目标任务 is a review).
 */
export const PLAN_HEADING: ModeCue = {
  re: /工作安排|重点工作|主要工作|工作计划|工作打算|工作思路|工作建议|主要任务|目标任务|预期目标|主要目标|下一步|今后|展望|(?:今年|明年)(?:要|将|的?工作)|[0-9]{4}年(?:的)?(?:工作|重点)/,
  examples: ["三、2026年工作安排", "二、“十五五”时期经济社会发展目标任务", "今年主要预期目标", "三、2024年重点工作", "下一步工作打算", "今年要重点做好以下工作", "三、2026年主要任务"],
  not: ["(二)着力推进产业升级", "(一)经济增长迈出坚实步伐", "大庙街道", "(二)聚力落实国家重大战略任务"],
};
export const PLAN_HEADING_WEAK: ModeCue = {
  re: /目标|任务|民生实事|实事项目|民生工程/,
  examples: ["二、“十五五”发展目标", "(二)聚力落实国家重大战略任务", "2026年省十件民生实事", "2026年自治区民生实事"],
  not: ["(一)着力实施扩大内需战略"],
};

/**
 * A heading that reviews results: what follows it is reported. `strong` cues hold under any
 * parent; `weak` ones (完成, 成效, 情况) only outside a plan (a plan's 确保完成全年目标任务 stays a plan).
 */
export const REVIEW_HEADING: ModeCue = {
  re: /回顾|主要成绩|成就|工作总结|过去(?:的)?(?:一|五|这一|这五)?年|一年来|[一二三四五两]年来|这[一五]年/,
  examples: ["一、2025年工作回顾", "一、过去一年工作回顾", "主要成绩", "五年来的工作", "一年来的主要工作"],
  not: ["三、2026年工作安排", "(一)着力实施扩大内需战略", "确保完成全年目标任务"],
};
export const REVIEW_HEADING_WEAK: ModeCue = {
  re: /完成|成效|成绩|总结|情况|进展|亮点|成果/,
  examples: ["圆满完成全年目标任务", "计划执行情况", "主要成效"],
  not: ["三、2026年工作安排"],
};

/**
 * A top-level heading that is an instruction (三、聚力打造环京津增长极 / 四、扎实做好"三农"工作):
 * a plan when nothing above it says otherwise. Result phrasing (迈出, 显著, 实现新) is not.
 */
export const IMPERATIVE_HEADING: ModeCue = {
  re: /^(?:着力|奋力|聚力|全力|大力|加快|扎实|切实|坚决|铁腕|持续|深入|深化|全面|积极|统筹|推进|推动|强化|加强|做好|抓好|做强|做优|做大|打造|实施|构建|建设|促进|提升|坚定|锚定|聚焦|围绕)/,
  examples: ["聚力打造环京津增长极,做强跨越发展的支撑", "扎实做好“三农”工作,强农富民做美农村", "着力实施扩大内需战略"],
  not: ["经济增长迈出坚实步伐", "坚持稳中求进,经济运行稳中向好"],
};
/** Result phrasing that makes an instruction-like heading a review's (聚焦高质量发展取得新成效). */
export const RESULT_HEADING: ModeCue = {
  re: /迈出|显著|明显|取得|实现新|稳中向好|稳中有进|跃上|跃升|成效/,
  examples: ["聚焦高质量发展取得新成效", "经济增长迈出坚实步伐"],
  not: ["聚力打造环京津增长极,做强跨越发展的支撑"],
};

/**
 * A paragraph lead that opens a plan for the rest of its section: a list of targets follows
 * (主要预期目标为:…, 具体目标是, 重点抓好以下工作, …工作的总体要求是:).
 */
/**
 * Words of which every PLAN_LEAD match holds one (目标 in the first two alternatives, 以下, 要求):
 * a paragraph without any is passed over without running the rule. Keep in step with PLAN_LEAD.
 */
export const PLAN_LEAD_WORDS: readonly string[] = ["目标", "以下", "要求"];
export const PLAN_LEAD: ModeCue = {
  re: /(?:主要|预期|具体|发展|奋斗|总体|工作|经济社会发展的?主要)目标(?:任务)?(?:是|为|如下|[:：])|提出了[^。]{0,20}目标|(?:抓好|做好|推进|突出|落实)以下|总体要求(?:是|为|[:：])/,
  examples: ["今年经济社会发展主要目标是:地区生产总值增长4.5%—5%", "建议经济社会发展主要预期目标为:", "我们对今后五年的发展提出了细化量化、可观可感的具体目标。", "必须坚持稳中求进,重点抓好以下十个方面", "做好2021年全县经济社会发展工作的总体要求是:"],
  not: ["圆满完成全年目标任务", "较好完成了主要目标任务", "目标导向", "一年来,我们主要做了以下几个方面的工作:"],
};

/**
 * A paragraph lead that opens a review: 一年来, 过去一年, 刚刚过去的一年, 五年来, at the start of
 * one of the paragraph's first sentences; it holds until a heading or a plan lead.
 */
export const REVIEW_LEAD: ModeCue = {
  re: /(?:^|(?<=[。!！]))(?:各位代表[!！,]?)?(?:(?:刚刚)?(?:过去|回顾)(?:的)?(?:一|这一|五|这五)?年|(?:[一二三四五两]|这一|这五)年来|这[一五]年,)/,
  examples: ["一年来,该镇在县委的正确领导下", "过去一年,我们坚持", "刚刚过去的一年,是很不平凡的一年", "五年来,我们牢记嘱托", "各位代表!过去五年,", "2025年是“十四五”收官之年。五年来,我们"],
  not: ["今年以来,全区完成投资12亿元", "今年,洪畴镇将继续发挥", "过去的做法不可取"],
};
/** REVIEW_LEAD tried at one position (sticky): a lead starts a paragraph or follows 。!！, so only those are tried. */
export const REVIEW_LEAD_AT = new RegExp(REVIEW_LEAD.re.source, "y");
/** Words of which every REVIEW_LEAD match holds one (…年, …年来, 这[一五]年,): a paragraph without any is not tried. Keep in step with REVIEW_LEAD. */
export const REVIEW_LEAD_WORDS: readonly string[] = ["年"];
/** The characters after which a review lead may start (REVIEW_LEAD's lookbehind). */
export const REVIEW_LEAD_AFTER = "。!！";

/**
 * Time words, resolved to a period by periods.ts. `kind` says how: a year written out, a
 * relative year, a half, quarter or month span of the reference year, a five-year plan, or a
 * span around the reference year. One alternation built from these rows, in this order
 * (longest forms first).
 */
export type TimeKind = "year" | "year-span" | "rel-year" | "half" | "quarter" | "quarters-to" | "months" | "month" | "plan" | "past-years" | "next-years" | "since-year";

export interface TimeRule {
  kind: TimeKind;
  re: RegExp;
  /** Rows: the words as written, the period with reference year 2024. */
  examples: { in: string; period: string }[];
  not: string[];
}

const YEAR = "((?:19|20)[0-9]{2})";
const CN_SMALL = "[一二三四五六七八九十两]|[0-9]{1,2}";

export const TIME_RULES: TimeRule[] = [
  { kind: "plan", re: /“?十([一二三四五六七八九])五”?(?:规划)?(?:时期|期间|期末|末|内)?/, examples: [{ in: "“十四五”时期", period: "2021..2025" }, { in: "十五五期间", period: "2026..2030" }, { in: "十三五末", period: "2016..2020" }], not: ["十五个"] },
  { kind: "year-span", re: new RegExp(`${YEAR}[-—~至到]${YEAR}年`), examples: [{ in: "2021—2025年", period: "2021..2025" }], not: [] },
  { kind: "since-year", re: new RegExp(`(?:比|较|与)${YEAR}年`), examples: [{ in: "比2007年", period: "2007..2024" }], not: [] },
  { kind: "year", re: new RegExp(`(?:到|至)?${YEAR}年(?:底|末)?`), examples: [{ in: "2025年", period: "2025" }, { in: "到2025年底", period: "2025" }], not: ["2025"] },
  { kind: "past-years", re: new RegExp(`(?:过去|近|这)(${CN_SMALL})年|(${CN_SMALL})年来`), examples: [{ in: "过去五年", period: "2019..2023" }, { in: "五年来", period: "2019..2023" }, { in: "近3年", period: "2021..2023" }, { in: "一年来", period: "2023" }], not: [] },
  { kind: "next-years", re: new RegExp(`(?:今后|未来)(${CN_SMALL})年`), examples: [{ in: "今后五年", period: "2024..2028" }, { in: "未来3年", period: "2024..2026" }], not: [] },
  { kind: "half", re: /([上下])半年/, examples: [{ in: "上半年", period: "2024-H1" }, { in: "下半年", period: "2024-H2" }], not: [] },
  { kind: "quarters-to", re: /前([一二三])季度/, examples: [{ in: "前三季度", period: "2024-01..09" }], not: [] },
  { kind: "quarter", re: /第?([一二三四1-4])季度/, examples: [{ in: "三季度", period: "2024-Q3" }, { in: "第一季度", period: "2024-Q1" }], not: [] },
  { kind: "months", re: /(1[0-2]|[1-9])[-—~至](1[0-2]|[1-9])月/, examples: [{ in: "1—10月", period: "2024-01..10" }, { in: "1-6月", period: "2024-01..06" }], not: [] },
  { kind: "month", re: /(?<![0-9])(1[0-2]|[1-9])月份?(?![0-9]{0,2}日)/, examples: [{ in: "10月份", period: "2024-10" }], not: [] },
  { kind: "rel-year", re: /今年|本年度?|全年|当年|年内|年底前|(?<!年)年末|(?<!年)年底|去年|上年(?!度)|明年|前年/, examples: [{ in: "今年", period: "2024" }, { in: "去年", period: "2023" }, { in: "上年", period: "2023" }, { in: "明年", period: "2025" }, { in: "年内", period: "2024" }, { in: "年末", period: "2024" }, { in: "上年末", period: "2023" }, { in: "去年年底", period: "2023" }], not: [] },
];

/**
 * Words before a time word that make it the base a figure is compared with (比上年增长8%,
 * 是2005年的1.9倍, 由2020年的3.68万亿元增长到…, 较“十三五”末): it is not the period of the
 * figures after it, except of a level that follows it at once (由上年的15% → that year's level).
 */
export const TIME_BASE_LEAD_RE = /(?:比|较|由|从|同|与|相当于|高于|低于|超过)$/;
/** 是 makes a base only before 的 (是2005年的1.9倍, 是上年同期的2倍; not 是“十四五”收官之年), and gives no level of its own: the multiple is of this year. */
export const TIME_BASE_RATIO_LEAD = "是";
export const TIME_BASE_RATIO_AFTER_RE = /^(?:同期)?的/;
/** A start, not a base: 从2026年起, 由明年开始. */
export const TIME_BASE_START_RE = /^(?:起|开始)/;

/** Offsets of relative years from the reference year. */
/** Relative words that mean "the year in question" (the reviewed year inside a review section). */
export const SAME_YEAR: ReadonlySet<string> = new Set(["全年", "当年", "本年", "本年度", "年内", "年末", "年底"]);

export const REL_YEAR: Readonly<Record<string, number>> = { 今年: 0, 本年: 0, 本年度: 0, 全年: 0, 当年: 0, 年内: 0, 年底前: 0, 年末: 0, 年底: 0, 去年: -1, 上年: -1, 明年: 1, 前年: -2 };

/**
 * The year a 政府工作报告 is for, from its title or subtitle: 2026年山东省政府工作报告 /
 * ——2026年1月27日在山东省第十四届人民代表大会… Group 1 = the year.
 */
export const REPORT_YEAR_RE = /((?:19|20)[0-9]{2})年[^。\n]{0,20}政府工作报告|((?:19|20)[0-9]{2})年[0-9]{1,2}月[0-9]{1,2}日在[^。\n]{0,30}(?:人民代表大会|第[一二三四五六七八九十]{1,3}届)/;
export const REPORT_YEAR_EXAMPLES = [
  { in: "2026年山东省政府工作报告", year: 2026 },
  { in: "——2026年1月27日在山东省第十四届人民代表大会第四次会议上", year: 2026 },
  { in: "——2026年1月26日在广东省第十四届", year: 2026 },
];

/**
 * The year a statistical bulletin reports on, from its title (2023年洛阳市国民经济和社会发展统计公报,
 * published in 2024): its 全年, 年末 and 上年 are of that year. Group 1 = the year.
 */
export const BULLETIN_YEAR_RE = /((?:19|20)[0-9]{2})年[^。\n]{0,30}统计公报/;
export const BULLETIN_YEAR_EXAMPLES = [
  { in: "2023年洛阳市国民经济和社会发展统计公报", year: 2023 },
  { in: "临泉县2022年国民经济和社会发展统计公报", year: 2022 },
];
export const BULLETIN_YEAR_WORDS: readonly string[] = ["统计公报"];

/** A 政府工作报告 (or an NPC report) reviews year N−1 and plans year N. */
export const WORK_REPORT_RE = /政府工作报告|人民代表大会[^。\n]{0,12}会议上/;
/**
 * Words of which every WORK_REPORT_RE match holds one, and every REPORT_YEAR_RE match: a head
 * line without them is passed over without running the rules. Keep in step with the rules.
 */
export const WORK_REPORT_WORDS: readonly string[] = ["政府工作报告", "人民代表大会"];
export const REPORT_YEAR_WORDS: readonly string[] = ["政府工作报告", "日在"];


/** All time words in one global alternation (one pass over the body), and each rule anchored to tell them apart. */
export const TIME_WORD_RE = new RegExp(TIME_RULES.map((r) => `(?:${r.re.source})`).join("|"), "g");
export const TIME_RULE_EXACT: RegExp[] = TIME_RULES.map((r) => new RegExp(`^(?:${r.re.source})$`));

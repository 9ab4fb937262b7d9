import type { Example } from "./examples";

/**
 * Contexts that make a numeral NOT a figure (ANNOTATION.md "Not a figure"). Each rule looks at a
 * short window: `before` is the text ending where the number starts, `after` the text starting
 * where the figure (number + unit) ends, `num` the number text. Anchored, bounded patterns only.
 */
export interface NotFigureRule {
  name: string;
  before?: RegExp;
  after?: RegExp;
  /** Tested against number text + unit (e.g. 2020年). */
  self?: RegExp;
  /** Shares pass this rule (九成以上群众, 90%以上企业 are figures); amounts are class labels (亿元以上项目). */
  sharesPass?: boolean;
  examples: Example[];
}

export const NOT_FIGURE_RULES: NotFigureRule[] = [
  { name: "year", self: /^(?:1[89]|20)[0-9]{2}年$/, examples: [{ in: "2020年" }, { in: "到2025年" }, { in: "2021年10月" }] },
  { name: "date", after: /^(?:[0-9]{1,2}月|月|日|号|底|末|初|前|后|以来|上半年|下半年|第)/, self: /年$/, examples: [{ in: "2021年10月01日" }] },
  { name: "ordinal", before: /(?:第|(?<![提])前|后|排名|位列|位居|居)$/, examples: [{ in: "第一" }, { in: "前20强" }, { in: "位居全市第3" }] },
  { name: "rank/label suffix", after: /^(?:强|号|级|届|大|连冠|期|版|年代|后|型|星|A|B|C)/, examples: [{ in: "前20强" }, { in: "4号线" }, { in: "5A级" }, { in: "十九届" }, { in: "一期" }, { in: "谋划一批百亿元大项目" }, { in: "加快形成百万吨级工程示范" }] },
  { name: "meeting", before: /(?:届|十[一二三四五六七八九]?五|[一二三四五六七八九十]届)$/, examples: [{ in: "七届十三次全会" }, { in: "区十届人大四次会议" }] },
  { name: "threshold qualifying a noun", sharesPass: true, after: /^(?:以上|以下)的?(?=[\u4e00-\u9fff])(?![，,。；;、])/, examples: [{ in: "亿元以上项目" }, { in: "5万元以上村" }, { in: "20亿元以上重大项目" }, { in: "10亿元以上的企业" }, { in: "九成以上群众", text: "九成", value: 9, unit: "成", approx: "more_than" }] },
  {
    name: "threshold prefix qualifying a noun",
    sharesPass: true,
    before: /(?:超|过|超过)$/,
    after: /^的?(?=[\u4e00-\u9fff])(?!以上|左右|规模|大关|台阶|增长|同比|[，,。；;、])/,
    examples: [{ in: "培育超百亿元企业3家", not: "百亿元" }, { in: "过亿元项目23个", not: "亿元" }, { in: "新增超亿元企业5家", not: "亿元" }, { in: "每万元生产总值能耗" }, { in: "超10亿元的重大项目" }],
  },
  { name: "campaign name with duration", after: /^(?:行动|计划|规划|攻坚|提升行动|会战|工程|专项|建设规划|行动计划|攻坚行动)/, examples: [{ in: "三年行动计划" }, { in: "三年提升行动" }, { in: "百日会战" }] },
  { name: "time span as a period", self: /(?:年|天|个月|個月)$/, after: /^(?:来|以来|前|后|後|内|內|间|間|之内|之后|之前)/, examples: [{ in: "3年来" }, { in: "5年前" }, { in: "两年内" }] },
  { name: "vague quantity", self: /^[十百千万亿]/, before: /(?:数|几|(?<![迈跨站登冲踏])上|(?<![完达形变建组促])成)$/, examples: [{ in: "数百家企业" }, { in: "几十个" }, { in: "上千人" }, { in: "成千上万" }] },
  { name: "enumeration of aspects", after: /^(?:方面|环节|层面|阶段|维度|步骤|原则|要点|意识|自信|维护|全面|坚持|必须|结合|统筹|聚焦|着力|重点工作|关键|突出问题)/, examples: [{ in: "从4个方面" }, { in: "把握好3个环节" }, { in: "做到“两个维护”" }] },
  { name: "phone / code", before: /[0-9]-$/, examples: [{ in: "0514-87863284" }] },
  { name: "read count", after: /^(?:阅读|浏览|点击|评论|次阅读|人阅读)/, examples: [{ in: "10阅读" }, { in: "1234次阅读" }] },
  { name: "per unit rate label", after: /^(?:制|分之)/, examples: [{ in: "三分之一" }] },
];

/**
 * Chinese numerals that are words or labels, not counts: 一 as an article (一名市领导, 一批),
 * small numerals naming categories (两个维护, 四个意识, 三个新高地, 五大产业) or periods (三年行动).
 * A Chinese numeral without 百/千/万/亿 and below 10 is a figure only as a duration after
 * 连续/累计 (连续三年获评); `DURATION_LEAD_RE` tests the text before it.
 */
export const DURATION_LEAD_RE = /(?:连续|累计|已经|已|历时|用了|长达|近|整整)$/;
export const DURATION_UNITS = new Set(["年", "天", "个月", "小时"]);

/** A quoted span: a figure inside “…” of at most this many chars is part of a slogan or name. */
export const MAX_QUOTE_LEN = 30;

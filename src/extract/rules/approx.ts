/**
 * Approximation markers. A marker before or after the figure sets `approx` but is not part of
 * the figure's text (不少于60个 -> text 60个); 余/多 written inside stay in the text (500余场).
 */
import type { Approx } from "../types";
import type { Example } from "./examples";

export interface ApproxRule {
  /** Anchored at the end of the text before the figure (prefix) or the start after it (suffix). */
  re: RegExp;
  approx: Approx;
  examples: Example[];
}

export const PREFIX_APPROX: ApproxRule[] = [
  { re: /(?:(?<!不)超过|超出|突破|不少于|不低于|不下于|(?<!不)多于|(?<!不)高于|逾|(?<![不未])超)$/, approx: "more_than", examples: [{ in: "突破12亿元", text: "12亿元", value: 1200000000, unit: "元", approx: "more_than" }, { in: "不少于60个", text: "60个", value: 60, unit: "个", approx: "more_than" }, { in: "不低于1亿元", text: "1亿元", value: 100000000, unit: "元", approx: "more_than" }, { in: "超过2000人", text: "2000人", value: 2000, unit: "人", approx: "more_than" }, { in: "超过 280 亿元", text: "280 亿元", value: 28000000000, unit: "元", approx: "more_than" }, { in: "全省经济总量突破万亿元", text: "万亿元", value: 1e12, unit: "元", approx: "more_than" }, { in: "营业收入超亿元。", text: "亿元", value: 1e8, unit: "元", approx: "more_than" }] },
  // 至少 before the verb too: 每年至少新增一家企业, 年内至少打造一个园区.
  { re: /(?:至少|最少)[\u4e00-\u9fff]{0,4}$/, approx: "more_than", examples: [{ in: "每年至少新增一家企业挂牌上市", text: "一家", value: 1, unit: "家", approx: "more_than" }, { in: "年内至少打造一个5000亩以上园区", text: "一个", value: 1, unit: "个", approx: "more_than" }, { in: "至少5家", text: "5家", value: 5, unit: "家", approx: "more_than" }] },
  { re: /(?:迈上|迈入|跨上|站上|登上)$/, approx: "more_than", examples: [{ in: "迈上百亿台阶", text: "百亿", value: 10000000000, unit: "元", approx: "more_than" }] },
  { re: /(?:不到|不足|低于|不超过|少于|未超过|控制在)$/, approx: "less_than", examples: [{ in: "不到5%", text: "5%", value: 5, unit: "%", approx: "less_than" }, { in: "不超过3个", text: "3个", value: 3, unit: "个", approx: "less_than" }, { in: "增速低于2%", text: "2%", value: 2, unit: "%", approx: "less_than" }, { in: "低于警戒线2%", text: "2%", value: 2, unit: "%" }] },
  { re: /(?:大约|大概|(?<![签预合制节公条契履邀简])约|将近|接近|近乎|(?<![最附靠临亲就将接])近)$/, approx: "about", examples: [{ in: "约1.2万人", text: "1.2万人", value: 12000, unit: "人", approx: "about" }, { in: "近300亩", text: "300亩", value: 300, unit: "亩", approx: "about" }, { in: "将近两万人", text: "两万人", value: 20000, unit: "人", approx: "about" }] },
];

/** Read before PREFIX_APPROX: the qualifier written after the figure is the one that counts (控制在2%左右 is about). */
export const SUFFIX_APPROX: ApproxRule[] = [
  { re: /^(?:以上|之上|有余|多)/, approx: "more_than", examples: [{ in: "20家以上", text: "20家", value: 20, unit: "家", approx: "more_than" }, { in: "18个以上", text: "18个", value: 18, unit: "个", approx: "more_than" }, { in: "5个以上", text: "5个", value: 5, unit: "个", approx: "more_than" }] },
  { re: /^(?:以内|之内|以下|之下)/, approx: "less_than", examples: [{ in: "控制在3%以内", text: "3%", value: 3, unit: "%", approx: "less_than" }, { in: "5%以下", text: "5%", value: 5, unit: "%", approx: "less_than" }] },
  { re: /^(?:左右|上下|开外)/, approx: "about", examples: [{ in: "100人左右", text: "100人", value: 100, unit: "人", approx: "about" }, { in: "居民消费价格涨幅控制在2%左右", text: "2%", value: 2, unit: "%", approx: "about" }, { in: "3%上下", text: "3%", value: 3, unit: "%", approx: "about" }, { in: "增长 5% 左右", text: "5%", value: 5, unit: "%", approx: "about" }] },
];

/**
 * Inside the figure: 500余场, 1.9万余名, 三万多张. Text that sets Arabic figures off from CJK by a
 * space (500 余场, 增长 5% 左右, 超过 280 亿元) is read past that one space (figures.ts).
 */
export const INNER_APPROX: Approx = "more_than";

/** 控制在3%以内: the less_than comes from the suffix; 控制在 alone (控制在3%) is a cap too. */

/**
 * Approximation markers. A marker before or after the figure sets `approx` but is not part of
 * the figure's text (不少于60个 -> text 60个); 余/多 written inside stay in the text (500余场).
 */
import type { Approx } from "../types";

export interface ApproxRule {
  /** Anchored at the end of the text before the figure (prefix) or the start after it (suffix). */
  re: RegExp;
  approx: Approx;
  examples: string[];
}

export const PREFIX_APPROX: ApproxRule[] = [
  { re: /(?:(?<!不)超过|超出|突破|不少于|不低于|不下于|(?<!不)多于|(?<!不)高于|逾|(?<![不未])超)$/, approx: "more_than", examples: ["突破12亿元", "不少于60个", "不低于1亿元", "超过2000人"] },
  { re: /(?:迈上|迈入|跨上|站上|登上)$/, approx: "more_than", examples: ["迈上百亿台阶"] },
  { re: /(?:不到|不足|低于|不超过|少于|未超过|控制在)$/, approx: "less_than", examples: ["不到5%", "不超过3个", "低于警戒线2%"] },
  { re: /(?:大约|大概|(?<![签预合制节公条契履邀简])约|将近|接近|近乎|(?<![最附靠临亲就将接])近)$/, approx: "about", examples: ["约1.2万人", "近300亩", "将近两万人"] },
];

export const SUFFIX_APPROX: ApproxRule[] = [
  { re: /^(?:以上|之上|有余|多)/, approx: "more_than", examples: ["20家以上", "18个以上", "5个以上"] },
  { re: /^(?:以内|之内|以下|之下)/, approx: "less_than", examples: ["控制在3%以内", "5%以下"] },
  { re: /^(?:左右|上下|开外)/, approx: "about", examples: ["100人左右", "3%上下"] },
];

/** Inside the figure: 500余场, 1.9万余名, 三万多张. */
export const INNER_APPROX: Approx = "more_than";

/** 控制在3%以内: the less_than comes from the suffix; 控制在 alone (控制在3%) is a cap too. */

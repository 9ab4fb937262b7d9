/**
 * Word lists the promise stages read (plain substrings, no regexes). Each list says why it
 * exists; none names a place, outlet or a particular report's phrasing.
 */

/** A target whose clause says one of these before its figure is a ceiling (控制在3%左右, 不超过5%). */
export const CEILING_CUES = ["控制在", "不超过", "不高于", "低于", "以内"] as const;

/**
 * Indicators where less is the promise even when no ceiling word is written: consumer prices
 * (居民消费价格涨幅3%左右, CPI) and unemployment (城镇调查失业率5.5%左右, 登记失业率).
 */
export const CEILING_METRICS = ["消费价格", "CPI", "物价", "失业率"] as const;

/**
 * A flow: the figure counts what was added in the period (新增100家, 净增). The outcome of a
 * flow target must itself be a flow; a year-end total (达到1306家) is not an increment.
 */
export const FLOW_CUES = ["新增", "净增", "增加", "新开工", "新建"] as const;

/** A stock: the figure is a level reached or a running total (达到1306家, 总数, 累计). */
export const STOCK_CUES = ["达到", "达", "总数", "总量", "累计", "共有", "拥有", "保有"] as const;

/**
 * Review over several years (四年来…年均增长6.8%, 五年累计, 比2007年翻一番): such a figure is not
 * the outcome of any single year. Used only until figures carry their own period span.
 */
export const MULTI_YEAR_CUES = ["年均", "年来", "累计", "五年", "十三五", "十二五", "十四五", "翻一番", "比20", "比19"] as const;

/** Words that mark a 分别 list: its figures pair with another list's by position. */
export const LIST_CUES = ["分别"] as const;

/** Place prefixes a metric may carry that do not change what it measures (全省生产总值). */
export const METRIC_PREFIXES = ["全省", "全市", "全区", "全县", "全州", "全盟", "全旗", "全镇", "全乡", "全国"] as const;

/** Leading verbs a metric may carry from its clause (完成改厕 = 改厕), dropped before comparing names. */
export const METRIC_VERBS = ["完成", "实现", "确保", "力争", "争取", "安排", "实施"] as const;

export const includesAny = (text: string, words: readonly string[]): boolean => words.some((w) => text.includes(w));

/**
 * A target whose clause says one of these before its rate is a fall (PM2.5浓度下降5%, 能耗降低3%):
 * worked out from two levels, it is met by a fall of that size (derive.ts).
 */
export const FALL_CUES = ["下降", "降低", "减少", "削减", "压减", "压降", "减排"] as const;

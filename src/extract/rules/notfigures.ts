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
  /**
   * Shares and counts pass this rule (九成以上群众, 90%以上企业, 实施10个以上省科技重大专项 are
   * figures: COUNTED_UNITS); amounts are class labels (亿元以上项目, 5000亩以上园区).
   */
  countsPass?: boolean;
  examples: Example[];
}

export const NOT_FIGURE_RULES: NotFigureRule[] = [
  { name: "year", self: /^(?:1[89]|20)[0-9]{2}年$/, examples: [{ in: "2020年" }, { in: "到2025年" }, { in: "2021年10月" }] },
  { name: "date", after: /^(?:[0-9]{1,2}月|月|日|号|底|末|初|前|后|以来|上半年|下半年|第)/, self: /年$/, examples: [{ in: "2021年10月01日" }] },
  { name: "ordinal", before: /(?:第|(?<![提])前|后|排名|位列|位居|居)$/, examples: [{ in: "第一" }, { in: "前20强" }, { in: "位居全市第3" }] },
  { name: "rank/label suffix", after: /^(?:强|号|级|届|大(?![中小型])|连冠|期|版|年代|后|型|星|A|B|C)/, examples: [{ in: "前20强" }, { in: "4号线" }, { in: "5A级" }, { in: "十九届" }, { in: "一期" }, { in: "谋划一批百亿元大项目" }, { in: "加快形成百万吨级工程示范" }, { in: "统筹推进16个大中型灌区现代化改造", text: "16个", value: 16, unit: "个" }, { in: "新开工5个大型水库", text: "5个", value: 5, unit: "个" }] },
  { name: "age qualifying a noun", self: /岁$/, after: /^(?:及?以[上下])?(?:[儿幼婴老青少中女男学人群居妇及]|至[0-9]|[\u4e00-\u9fff]*(?:儿童|老人|人群))/, examples: [{ in: "为全省0—6岁儿童免费开展孤独症筛查", not: "0—6岁" }, { in: "65岁及以上老年人医养结合服务", not: "65岁" }, { in: "人均预期寿命提高到80岁以上。", text: "80岁", value: 80, unit: "岁", approx: "more_than" }] },
  { name: "age as a condition", self: /岁$/, before: /满$/, examples: [{ in: "满3岁即入园", not: "3岁" }] },
  { name: "code or model name", before: /[A-Za-z]$/, examples: [{ in: "PM2.5年均浓度为26.3微克/立方米", not: "2.5年" }, { in: "PM2.5年均浓度为26.3微克/立方米", text: "26.3微克/立方米", value: 26.3, unit: "微克/立方米" }] },
  { name: "meeting", before: /(?:届|十[一二三四五六七八九]?五|[一二三四五六七八九十]届)$/, examples: [{ in: "七届十三次全会" }, { in: "区十届人大四次会议" }] },
  { name: "threshold qualifying a noun", countsPass: true, after: /^口?(?:以上|以下)的?(?=[\u4e00-\u9fff])(?![，,。；;、])/, examples: [{ in: "新增10万人口以上中小城市8个", not: "10万人" }, { in: "亿元以上项目" }, { in: "5万元以上村" }, { in: "20亿元以上重大项目" }, { in: "10亿元以上的企业" }, { in: "九成以上群众", text: "九成", value: 9, unit: "成", approx: "more_than" }, { in: "新培育30户以上智能工厂", text: "30户", value: 30, unit: "户", approx: "more_than" }, { in: "实施10个以上省科技重大专项", text: "10个", value: 10, unit: "个", approx: "more_than" }, { in: "200个以上通过省级验收", text: "200个", value: 200, unit: "个", approx: "more_than" }, { in: "行政村和20户以上自然村全部通硬化路", not: "20户" }, { in: "5G网络覆盖93%以上行政村", text: "93%", value: 93, unit: "%", approx: "more_than" }, { in: "建成万人以上大学10所", not: "万人" }] },
  {
    name: "threshold prefix qualifying a noun",
    countsPass: true,
    before: /(?:超|过|超过)$/,
    after: /^的?(?=[\u4e00-\u9fff])(?!以上|左右|规模|大关|台阶|增长|同比|[，,。；;、])/,
    examples: [{ in: "培育超百亿元企业3家", not: "百亿元" }, { in: "过亿元项目23个", not: "亿元" }, { in: "新增超亿元企业5家", not: "亿元" }, { in: "每万元生产总值能耗" }, { in: "超10亿元的重大项目" }],
  },
  { name: "threshold after 高于/低于 qualifying a noun", before: /(?<!不)(?:高于|低于)$/, after: /^的(?=[\u4e00-\u9fff])/, examples: [{ in: "高于10万元的占80%", not: "10万元" }, { in: "收入低于5000元的农户", not: "5000元" }, { in: "增速高于5%。", text: "5%", value: 5, unit: "%", approx: "more_than" }] },
  { name: "amount naming a class that is counted", self: /元$/, after: /^(?:企业|项目|大项目|工程)[0-9一二两三四五六七八九十百]/, examples: [{ in: "新增亿元企业1家、5000万元企业1家", not: "5000万元" }, { in: "引进10亿元项目3个", not: "10亿元" }] },
  { name: "amounts after 一批 name a class", self: /元$/, before: /一批(?:超|超过|过)?$/, examples: [{ in: "精心谋划一批超50亿元、百亿元大项目", not: "50亿元" }, { in: "储备一批10亿元以上项目" }, { in: "加快落地新一批22项新城功能性导入事项", text: "22项", value: 22, unit: "项" }] },
  // A plan's horizon in years is its period (like 今后五年), not a measure; 用3个月时间 stays a duration.
  { name: "time frame of a plan", self: /年$/, before: /用$/, after: /^(?:左右)?的?(?:时间|時間)/, examples: [{ in: "力争用5年时间，形成雁阵", not: "5年" }, { in: "用三年左右时间" }, { in: "用3个月时间开展整治", text: "3个月", value: 3, unit: "个月" }] },
  { name: "campaign name with duration", after: /^(?:行动|计划|规划|攻坚|提升行动|会战|工程|专项|建设规划|行动计划|攻坚行动)/, examples: [{ in: "三年行动计划" }, { in: "三年提升行动" }, { in: "百日会战" }] },
  // Years over which a change is measured (5年增长18.7%, 5年累计投入): the change's period, not a
  // duration of its own; a streak (连续6年下降) still measures.
  { name: "span of a change", self: /^[0-9]{1,2}年$/, before: /(?<!连续|持续|已|历时)$/, after: /^(?:增长|提高|提升|下降|降低|增加|减少|累计|翻|年均)/, examples: [{ in: "一般公共预算收入累计完成3.7万亿元，5年增长18.7%", not: "5年" }, { in: "5年提升10.6个百分点", text: "10.6个百分点", value: 10.6, unit: "个百分点" }, { in: "治安案件连续6年下降", text: "6年", value: 6, unit: "年" }] },
  { name: "time span as a period", self: /(?:年|天|个月|個月)$/, after: /^(?:来|以来|前|后|後|内|內|间|間|之内|之后|之前)/, examples: [{ in: "3年来" }, { in: "5年前" }, { in: "两年内" }] },
  { name: "vague quantity", self: /^[十百千万亿]/, before: /(?:数|几|(?<![迈跨站登冲踏])上|(?<![完达形变建组促])成)$/, examples: [{ in: "数百家企业" }, { in: "几十个" }, { in: "上千人" }, { in: "成千上万" }] },
  // Four-character idioms of paired magnitudes: 千家万户, 千方百计, 万水千山 — words, not amounts.
  { name: "idiom of paired magnitudes", self: /^[十百千万][\u4e00-\u9fff]$/, after: /^[十百千万][\u4e00-\u9fff]/, examples: [{ in: "民生问题涉及千家万户" }, { in: "千方百计稳就业" }, { in: "开行中欧班列千列。", text: "千列", value: 1000, unit: "列" }] },
  { name: "idiom of paired magnitudes, its second half", self: /^[十百千万][\u4e00-\u9fff]$/, before: /[十百千万][\u4e00-\u9fff]$/, examples: [{ in: "走进千家万户" }, { in: "带动千家企业上云。", text: "千家", value: 1000, unit: "家" }] },
  // A round age naming a thing (百年变局, 千年古城, 百年老店) is an epithet; 百年历史 and 历时十年 still measure.
  { name: "epithet of a round age", self: /^[十百千万]年$/, before: /(?<![有近达逾时续计了])$/, after: /^(?!历史|以上|左右|时间|[来前后内间之的，,。；;、])[\u4e00-\u9fff]/, examples: [{ in: "世界百年变局加速演进。" }, { in: "千年古城焕发新活力。" }, { in: "坚定实施长江十年禁渔。" }, { in: "已有百年历史。", text: "百年", value: 100, unit: "年" }, { in: "历时十年建成。", text: "十年", value: 10, unit: "年" }] },
  { name: "enumeration of aspects", after: /^(?:方面|环节|层面|阶段|维度|步骤|原则|要点|路径|意识|自信|维护|全面|坚持|必须|结合|统筹|聚焦|着力|重点工作|关键|突出问题)/, examples: [{ in: "从4个方面" }, { in: "把握好3个环节" }, { in: "抓实能源科技创新9条路径" }, { in: "做到“两个维护”" }] },
  { name: "phone / code", before: /[0-9]-$/, examples: [{ in: "0514-87863284" }] },
  { name: "read count", after: /^(?:阅读|浏览|点击|评论|次阅读|人阅读)/, examples: [{ in: "10阅读" }, { in: "1234次阅读" }] },
  { name: "per unit rate label", after: /^(?:制|分之)/, examples: [{ in: "三分之一" }] },
  // The base of a rate (每千人口床位数, 每万人拥有, 每百户): a denominator, not an amount.
  { name: "base of a per-capita rate", self: /^[十百千万]{1,2}[人户口]/, before: /每$/, examples: [{ in: "每千人口床位数由6.5张增至7张", text: "6.5张", value: 6.5, unit: "张" }, { in: "每万人口高价值发明专利拥有量", not: "万人" }, { in: "每百户拥有汽车40辆", text: "40辆", value: 40, unit: "辆" }] },
];

/**
 * Chinese numerals that are words or labels, not counts: 一 as an article (一名市领导, 一批),
 * small numerals naming categories (两个维护, 四个意识, 三个新高地, 五大产业) or periods (三年行动).
 * A Chinese numeral without 百/千/万/亿 and below 10 is a figure only as a duration after
 * 连续/累计 (连续三年获评); `DURATION_LEAD_RE` tests the text before it.
 */
/**
 * Units whose threshold still leaves a figure (see `countsPass`): shares, and measure words that
 * count the noun after them (30户以上智能工厂 counts 工厂); not 人 (万人以上大学) or a share of a
 * physical amount.
 */
export const COUNTED_UNITS: ReadonlySet<string> = new Set(["%", "成", "个", "家", "户", "件", "项", "场", "所", "处", "座", "条", "套", "台", "辆", "栋", "幢", "间", "批", "篇", "株", "棵", "头", "只", "位", "支", "堂", "组", "份", "列", "名"]);

/** …except a count (not a share) that qualifies a settlement: 20户以上自然村 (覆盖95%以上行政村 stays). */
export const SETTLEMENT_THRESHOLD_RE = /^(?:以上|以下)的?(?:自然村|行政村|村|社区|小区)/;

export const DURATION_LEAD_RE = /(?:连续|累计|已经|已|历时|用了|长达|近|整整)$/;
export const DURATION_UNITS = new Set(["年", "天", "个月", "小时"]);

/**
 * A small Chinese numeral that is counted, not a word: after 至少 and its verb, 一 included
 * (每年至少新增一家企业, 至少打造一个园区), or as the total of a list, 一 excluded (白石山等五处景区;
 * 等一批项目 stays an article).
 */
export const AT_LEAST_LEAD_RE = /(?:至少|最少)[\u4e00-\u9fff]{0,4}$/;
export const LIST_TOTAL_LEAD_RE = /等$/;
/**
 * …or, with a measure word that counts (COUNTED_UNITS), right after a verb that adds or holds
 * things (新增五家企业, 建成三所学校, 共有四名志愿者), 一 excluded (新增一批): a verb that frames a
 * category (打造三个新高地, 做到两个维护) is not one of these, nor a span (培育五年目标).
 */
export const COUNT_VERB_LEAD_RE = /(?:新增|新建|建成|新开工|开工|培育|引进|招引|签约|落地|投产|创建|认定|组建|设立|新设|共有|已有|现有|拥有|获批|入选)了?$/;
export const COUNT_LEAD_EXAMPLES: Example[] = [
  { in: "白石山等五处景区升格5A", text: "五处", value: 5, unit: "处" },
  { in: "开发区每年至少新增一家企业挂牌上市", text: "一家", value: 1, unit: "家", approx: "more_than" },
  { in: "推进金融财税等九项改革", text: "九项", value: 9, unit: "项" },
  { in: "今年新增五家企业", text: "五家", value: 5, unit: "家" },
  { in: "全县建成三所学校", text: "三所", value: 3, unit: "所" },
  { in: "共有四名志愿者参与", text: "四名", value: 4, unit: "名" },
  { in: "培育两个千亿级产业集群", text: "两个", value: 2, unit: "个" },
  { in: "打造三个新高地" },
  { in: "新增一批企业", not: "一批" },
  { in: "雁阵培育五年目标出炉", not: "五年" },
  // A total no larger than the items listed names its members: an enumeration (ANNOTATION.md).
  { in: "推进食品、钢铁、医药、机械、化工、建材、纺织等七个优势产业的改造升级", not: "七个" },
  { in: "再组织一次" },
  { in: "做到两个维护" },
  { in: "等一批项目", not: "一批" },
];

/** A quoted span: a figure inside “…” of at most this many chars is part of a slogan or name. */
export const MAX_QUOTE_LEN = 30;
/** The characters that open a quote (“ 「 『 and the ASCII double quote, which opens and closes alike): a figure with none within MAX_QUOTE_LEN before it is in no quote. */
export const QUOTE_OPENERS = "“「『\"";

/**
 * Metric trimming: what to peel off the phrase before (or after) a figure to leave the noun
 * phrase it measures. Examples: 预计全年实现财政收入12亿元 -> 财政收入; 固定资产投资增长8.7% ->
 * 固定资产投资 (change); 空气质量优良天数达200余天 -> 空气质量优良天数; 1200个贫困户 -> 贫困户.
 */
import { ACTION_VERBS } from "./verbs";

/** Leading markup and brackets (<p class=…>, （占…), time, scope, marker and light-verb words (peeled repeatedly). */
export const METRIC_LEAD_RE =
  /^(?:<[^<>\n]{0,120}>|[0-9]{1,2}[.、](?![0-9])|[(（][0-9一二三四五六七八九十]{1,2}[)）]|[一二三四五六七八九十]{1,2}是|[(（【\[“"]|这一年|一年来|今年以来|今年|去年|前年|上年|本年|全年|[0-9]{1,2}(?:[-—~至][0-9]{1,2})?月份?|年内|年底前|年底|年末|每年|当年|预计全年|预计|到20[0-9]{2}年(?:底|末)?前?|20[0-9]{2}年(?:底|末)?前?|(?:未来|今后)?[一二三四五两几0-9]年(?:内|来)?|十[一二三四五六七八九]五(?:期末|末|内|期间)?|上半年|前三季度|同时|其中|此外|另外|力争|确保|争取|计划|努力|力求|将|要|全力|着力|重点|共|累计|实现|达到|完成了|共有|拥有|有(?![色效机线害])|全区|全市|全县|全镇|全省|全乡|全街道|一批|[该我本](?:省|市(?!场)|县|区|镇|乡|街道)|并|还|再|已|已经|均|都|也|(?:大约|约)(?=占)|可(?=带动|实现|新增|吸纳|解决|达|提供|增加))/;

/**
 * A short subject and its marker or light verb at the start: 高邮市将打造…, 该县计划每年招引…,
 * 公司预计上半年净利润…, 工业百强企业完成工业增加值… (not 任务完成率, and never all of it: 全市生产总值完成).
 */
export const METRIC_SUBJECT_RE = /^[\u4e00-\u9fff]{0,6}?(?:将(?!军|来|近)|计划|力争|确保|争取|预计|(?:完成|实现)(?![率度值量]))(?=[\u4e00-\u9fff]{2})/;

/**
 * A leading locality (the subject, not the measure): 經開區新增企業 -> 新增企業, 新竹县去年观光人次
 * -> 去年观光人次 (the time word is peeled next), 光明区规模以上工业增加值 -> 规模以上工业增加值 (before
 * the standard indicators' heads); never a common noun (城镇固定资产投资, 地区生产总值, 社区居民).
 */
export const METRIC_PLACE_LEAD_RE = /^(?![城地社园景街小市郊山库辖片矿牧林灾老]区|城[镇市]|[超都股楼夜]市)[\u4e00-\u9fff]{1,4}?(?:街道|区|區|县|縣|市|镇|鎮)(?=今年|去年|前年|上年|全年|上半年|前三季度|新增|新建|实现|實現|完成|共有|累计|累計|引进|引進|招引|建成|培育|打造|实施|實施|投入|发放|發放|开工|開工|规模以上|規模以上|规上|規上|固定资产|固定資產|社会消费品|社會消費品|一般公共预算|一般公共預算|地区生产总值|地區生產總值)/;

/**
 * Trailing verbs, change words, approximation words, from/base years (由2005年的), the year of a
 * to-level (增长到2025年的), spans (五年) and
 * statistical conditions (按可比价计算) (peeled repeatedly, with METRIC_COMPARE_TAIL_RE).
 */
export const METRIC_TAIL_RE =
  /(?:(?:高于|低于|快于|慢于)[^，。；,;]{0,6}?平均(?:水平|值)?|(?:高于|低于|快于|慢于|优于|约为)全[国省市]|(?:由|从|是|为|相当于)(?:(?:19|20)[0-9]{2}年(?:底|末)?|上年|去年|上半年|年初|目前|当前|现在)的?|(?:近|过去|前)?(?:[一二三四五六七八九十两]{1,2}|(?<![0-9])[0-9]{1,2})年(?:来|间)?|(?<=[到至])(?:19|20)[0-9]{2}年(?:底|末)?|按(?:可比价格?|现价|不变价格?)计算|按?(?:可比|同)口径(?:计算)?|可比价?|扣除价格因素后?|(?<=[\u4e00-\u9fff]{2})(?<![不倍])(?:新|净)?增|从|由|力争|确保|争取|分别|预计|年均|每人每[月年]|人均每?月|每人|每月|每年|平均|均|各|占|惠及|涉及|(?<![需重主纲摘])要|超|逾|提升|加快|放缓|回升|扩大|缩小|收窄|增速|增幅|迈上|迈入|跨上|站上|登上|同比|环比|[比较](?:过去[0-9一二三四五六七八九十两]{1,2}年|上年|去年|前年|上月|同期|20[0-9]{2}年[末底]?)(?:同期)?|增长|成长|录得|下降|提高|降低|减少|削减|增加|上升|回落|达到|达|为|是|有|共计|累计|共|突破|超过|不少于|不低于|不超过|不到|低于|约|近|控制在|稳定在|保持在|完成|实现|(?:提升|上升|下降|削减|缩减|递增|递减|发展|扩大)(?:至|到)|[降升增减](?:至|到)|至|到|了|在|的|、|(?<![高初中平])等|(?<![许认宁不即])可)$/;

/**
 * A comparison after the metric (较一季度提升, 比规上工业增加值增速高, 与上年相比), peeled when
 * METRIC_TAIL_RE has nothing left to peel; never 比 inside a word (占比, 之比, 比重, 比赛).
 * Kept apart from METRIC_TAIL_RE: the two bounded scans in one alternation are not linear.
 */
export const METRIC_COMPARE_TAIL_RE =
  /(?:(?<![占对相环同评类攀无比可之])[比较](?![较重例率值赛武拼对分达为是从由])[^，。；,;、]{2,10}?(?:高|低|快|慢|多|少)?|[与同][^，。；,;、]{1,8}?相比)$/;

/** Words that end a noun phrase read after a figure: 5个养老服务指导中心建成 -> 养老服务指导中心. */
export const METRIC_AFTER_STOP_RE =
  /人民币|用于|左右|以上|实现|获得|全面|成功|顺利|通过|开工|建成|分配|完成|入选|被|已|在(?![建营岗职校])|[上里](?=的)|于|将|(?<![重主需纲])要|正|均|分别|获|(?<!发)达|占|(?<!公)共(?![体享建创])|和|及|与|等|全部|早|(?<![高初])中(?![心学小国央医华共部型间])|的|得到|纳入|投入|开服|签约|落户|参与|参加|覆盖|受益|实施|进入|上市(?![公企])|台阶|大关|关口|不再|开展|(?:组织|带领|动员|帮助|指导)(?=[0-9一二三四五六七八九十两百千])|取得|列入|荣获|达到|超过|同比|增长|下降|提升|提高|增至|降至|升至|减至|发展(?:到|至)|增加|减少|上升|扩大|缩小|加快|回落|比|较|为|是|(?<![国所拥具私公])有|并|以|建设/;

/** A quoted name opening the phrase after a figure (“零火点”): masked while METRIC_AFTER_STOP_RE looks for a stop. */
export const QUOTED_NAME_LEAD_RE = /^“[^”]{0,12}”/;

/**
 * A duration's phrase (连续三年获评全省舆情工作先进单位, 秸秆禁烧连续6年实现“零火点”): the adverbs are
 * dropped from the words before it, and when words remain there, the verb opening the words after.
 */
export const DURATION_ADVERB_RE = /连续|累计/g;
export const DURATION_VERB_RE = /^(?:实现|保持|获评|被评为|荣获)/;

/** A second measure word in brackets after a count's own (11条（段）市政路): the noun follows it. */
export const METRIC_MEASURE_ALT_RE = /^[（(][\u4e00-\u9fff]{1,2}[）)]/;

/**
 * A verb that is all a count's clause says before it (新建5个规模化牧场, 打通11条断头路): the
 * metric is the verb and the noun after, as the outcome will name it (打通断头路, 改造市政道路).
 * Counts only: an amount's noun (设立1亿元的奖补资金) is what the money is, not what was done.
 */
export const COUNT_VERB_RE = new RegExp(`^(?:${ACTION_VERBS})$`);

/**
 * Money measures of something counted just before in the same sentence (重点项目200项，总投资3000亿元;
 * 签约项目95项、总投资404亿元): alone they name no one's, so they take that count's metric first.
 */
export const ATTRIBUTE_METRICS: ReadonlySet<string> = new Set(["总投资", "投资", "计划投资", "总产值", "产值"]);
/**
 * A total of the things just counted (新增规上工业企业27户，总数达到312户): alone it names no one's,
 * so it takes that count's metric, without the verb of the increment (规上工业企业总数).
 */
export const TOTAL_METRICS: ReadonlySet<string> = new Set(["总数", "总量", "数量", "总规模", "累计总数"]);
export const INCREMENT_VERB_RE = /^(?:新增|净增|新建|新认定|新培育|新引进|新招引)(?=[\u4e00-\u9fff]{2})/;
/** The measure words of such counts (projects, firms, sites), not of quantities (200亿立方米、投资超120亿元). */
export const ATTRIBUTE_OWNER_UNITS: ReadonlySet<string> = new Set(["项", "個", "个", "家", "批", "所", "座", "条", "处"]);

/** What may open the phrase after an enumeration's count before its noun: 等17个有河道的县城, 等10个纳入…的县. */
export const ENUMERATION_LEAD_RE = /^(?:有|纳入|列入|入选)/;

export const METRIC_MAX = 24;

/**
 * The measure a 分别 list's items share, written once on the last item from its first measure
 * word on: 化学需氧量和二氧化硫排放量 is 化学需氧量排放量 and 二氧化硫排放量, 地表水、近岸海域水质优良比例
 * is 地表水水质优良比例. An item that ends in a measure word is whole already (营业总收入、利润总额);
 * a short modifier (2 characters or fewer) takes the last item's words after its own length
 * (城镇和农村居民收入 -> 城镇居民收入).
 */
export const LIST_MEASURE_WORDS = [
  "人均", "进出口", "出口", "进口", "排放", "水质", "增加值", "产值", "产量", "营业收入", "收入", "零售额",
  "总额", "标准", "比例", "比重", "建成率", "覆盖率", "达标率", "浓度", "投资", "花费", "面积", "规模", "总量",
  "人数", "人次", "起数", "件数", "户数", "次数",
] as const;
export const LIST_MODIFIER_MAX = 2;
/** An item ending in one of these is a measure of its own (污水治理率, 营业额) and takes no shared tail. */
export const LIST_MEASURE_ENDS = "率额数值";
/** The items of an ordinal list (第一、二、三产业增加值): 第 and a numeral, then bare numerals. */
/**
 * A verb right after a count that nothing names before it (12.5万人实现脱贫, 3000人参加培训): the
 * count measures the outcome, the verb and its object (实现脱贫), not the figure before it in the
 * sentence (新增城镇就业3200人，12.5万人实现脱贫 is no second 新增城镇就业).
 */
export const COUNT_OUTCOME_RE = /^(?:实现|完成|参加|参与|受益|获得|得到|入选|签约|落户|通过)/;

/**
 * The aspect particle after a metric's opening verb (发放了致居民的一封信 → 发放致居民的一封信): a
 * metric names what is measured, not that it was done; not 了解, 了结, 了却 (verbs of their own).
 * Group 1 = the verb.
 */
export const METRIC_ASPECT_RE = /^([\u4e00-\u9fff]{2})了(?![解结却])/;

/**
 * Words that name two groups at once (城乡 = 城镇 and 农村): a 分别 list of two figures under one
 * of them measures each group in turn (城乡居民人均可支配收入分别增长4.8%和6.5%: 城镇居民…, 农村居民…).
 */
export const PAIRED_LIST_HEADS: Readonly<Record<string, readonly [string, string]>> = { 城乡: ["城镇", "农村"] };

export const ORDINAL_LIST_HEAD_RE = /^第?[一二三四五六七八九十]$/;

/** What joins the items of a list: 城镇、农村居民 / 城镇和农村居民 / 8.1%、8.6% / 5.6%和7.9%. */
export const LIST_SEPARATORS = "、和及与";
/** Splits a list of metrics at its separators. */
export const LIST_SPLIT_RE = /[、和及与]/;
/** Quotes, brackets, spaces and 各类-style qualifiers, dropped from a metric. */
export const METRIC_STRIP_RE = /[“”‘’"'「」『』《》\s]|各类|各项|各种/g;

/** `extract(in)` has a figure `text` whose metric is `metric`. */
export interface MetricExample {
  in: string;
  text: string;
  metric: string;
}

/** Rows for the metric rules above, run by test/extract/rules.test.ts. */
export const METRIC_EXAMPLES: readonly { rule: string; examples: readonly MetricExample[] }[] = [
  {
    rule: "METRIC_TAIL_RE comparisons: the compared metric is the one before",
    examples: [
      { in: "上半年，规模以上工业增加值同比增长7.5%，增速较一季度提升1.2个百分点。", text: "1.2个百分点", metric: "规模以上工业增加值" },
      { in: "农民人均收入20000元以上,比十年前增长约80%。", text: "80%", metric: "农民人均收入" },
      { in: "工业增加值同比增长12.5%，比规上工业增加值增速高5.0个百分点。", text: "5.0个百分点", metric: "工业增加值" },
      { in: "万元生产总值能耗比上年下降3.2%。", text: "3.2%", metric: "万元生产总值能耗" },
      { in: "制造业技改投资增速高于全国3.1个百分点。", text: "3.1个百分点", metric: "制造业技改投资" },
      { in: "出口总额与上年相比增长6%。", text: "6%", metric: "出口总额" },
      // 比 inside a word is no comparison.
      { in: "举办各类比赛活动10场。", text: "10场", metric: "举办比赛活动" },
      { in: "规上工业企业研发费用与营收之比达到3.25%左右。", text: "3.25%", metric: "规上工业企业研发费用与营收之比" },
    ],
  },
  {
    rule: "METRIC_TAIL_RE conditions, qualifiers, distributives and from/to",
    examples: [
      { in: "全县实现生产总值255亿元,按可比价计算增长8.5%。", text: "8.5%", metric: "生产总值" },
      { in: "力争产量突破200亿立方米、投资超120亿元。", text: "120亿元", metric: "投资" },
      { in: "新建省重点实验室、省技术创新中心各20家。", text: "20家", metric: "新建省重点实验室、省技术创新中心" },
      { in: "林草产业产值年均增长超10%。", text: "10%", metric: "林草产业产值" },
      { in: "社会消费品零售总额要力争达到6740亿元。", text: "6740亿元", metric: "社会消费品零售总额" },
      { in: "人均生产总值由7.34万元提升至10.26万元。", text: "7.34万元", metric: "人均生产总值" },
      { in: "全省生产总值从2020年的3.68万亿元增长到2025年的4.93万亿元。", text: "4.93万亿元", metric: "生产总值" },
      { in: "殡葬基本服务费由平均2900元下降到1000元左右。", text: "2900元", metric: "殡葬基本服务费" },
      { in: "城乡居民基础养老金标准每人每月提高20元。", text: "20元", metric: "城乡居民基础养老金标准" },
      { in: "企业退休人员基本养老金人均月增加150元。", text: "150元", metric: "企业退休人员基本养老金" },
      { in: "上市企业数量由目前的11家增至22家以上。", text: "11家", metric: "上市企业数量" },
      { in: "经济总量跨过两个万亿元大关、增长5.6%。", text: "5.6%", metric: "经济总量跨过两个万亿元大关" },
      { in: "PM2.5平均浓度降至36.8微克/立方米。", text: "36.8微克/立方米", metric: "PM2.5平均浓度" },
      { in: "森林覆盖率每年提高1个百分点。", text: "1个百分点", metric: "森林覆盖率" },
      { in: "高新技术企业5年增加2万多家。", text: "2万多家", metric: "高新技术企业" },
      { in: "育儿补贴惠及120万人。", text: "120万人", metric: "育儿补贴" },
      // A two-character verb ending in 升/降 before 至/到 goes whole, not its last character.
      { in: "主导产业集中度提升至55%以上。", text: "55%", metric: "主导产业集中度" },
      { in: "单位能耗下降至0.5吨标准煤。", text: "0.5吨标准煤", metric: "单位能耗" },
      { in: "汽车产量由2005年的21.5万辆发展到72万辆。", text: "72万辆", metric: "汽车产量" },
      { in: "上市企业数量由目前的11家增至22家以上。", text: "22家", metric: "上市企业数量" },
      { in: "人均生产总值由7.34万元提升至10.26万元。", text: "10.26万元", metric: "人均生产总值" },
      { in: "森林覆盖率由2000年的18%提高到25%。", text: "18%", metric: "森林覆盖率" },
      { in: "地区生产总值是2005年的2.1倍。", text: "2.1倍", metric: "地区生产总值" },
      { in: "全部财政收入按可比口径增长12%。", text: "12%", metric: "全部财政收入" },
      { in: "全社会固定资产投资五年年均增长10%。", text: "10%", metric: "全社会固定资产投资" },
      { in: "铁路运营里程新增500公里。", text: "500公里", metric: "铁路运营里程" },
      { in: "两院院士增9人。", text: "9人", metric: "两院院士" },
    ],
  },
  {
    rule: "METRIC_LEAD_RE: list item numbers",
    examples: [
      { in: "2.实现城镇新增就业18万人。", text: "18万人", metric: "城镇新增就业" },
      { in: "（3）新建改造高标准农田80万亩。", text: "80万亩", metric: "新建改造高标准农田" },
      { in: "一是全年新增市场主体12万户。", text: "12万户", metric: "新增市场主体" },
    ],
  },
  {
    rule: "METRIC_LEAD_RE: 约 before 占",
    examples: [{ in: "耕地经营面积1万余亩,约占全村耕地面积的九成。", text: "九成", metric: "占全村耕地面积" }],
  },
  {
    rule: "METRIC_SUBJECT_RE: a subject and its marker or light verb",
    examples: [
      { in: "公司预计上半年归属于上市公司股东的净利润8.5亿元至10亿元。", text: "8.5亿元至10亿元", metric: "归属于上市公司股东的净利润" },
      { in: "工业百强企业完成工业增加值255.28亿元。", text: "255.28亿元", metric: "工业增加值" },
      { in: "高标准改厕5115户,完成任务102.3%。", text: "102.3%", metric: "任务" },
      // Never all of the phrase, never inside a word.
      { in: "全市生产总值完成1185.4亿元。", text: "1185.4亿元", metric: "生产总值" },
      { in: "新增信贷投入预计达到4400亿元。", text: "4400亿元", metric: "新增信贷投入" },
      { in: "改厕任务完成率102.3%。", text: "102.3%", metric: "改厕任务完成率" },
    ],
  },
  {
    rule: "METRIC_PLACE_LEAD_RE: a place before an indicator, never a common noun",
    examples: [
      { in: "光明区规模以上工业增加值同比增长7.5%。", text: "7.5%", metric: "规模以上工业增加值" },
      { in: "城镇固定资产投资增长12%。", text: "12%", metric: "城镇固定资产投资" },
      { in: "城镇新增就业45万人。", text: "45万人", metric: "城镇新增就业" },
      { in: "人均地区生产总值达到1万美元。", text: "1万美元", metric: "人均地区生产总值" },
    ],
  },
  {
    rule: "METRIC_AFTER_STOP_RE: the noun after a count",
    examples: [
      { in: "抓好4个在建抽水蓄能项目建设。", text: "4个", metric: "在建抽水蓄能项目" },
      { in: "这三万多张照片上的笑脸。", text: "三万多张", metric: "照片" },
      { in: "新增12家上市公司。", text: "12家", metric: "上市公司" },
      { in: "社区居委会的4名工作人员组织26名志愿者开展服务。", text: "4名", metric: "工作人员" },
      { in: "全县5个基层党组织完成换届。", text: "5个", metric: "基层党组织" },
      { in: "增加5000个普通高中招生计划。", text: "5000个", metric: "普通高中招生计划" },
      { in: "强化39个欠发达县域托底性帮扶。", text: "39个", metric: "欠发达县域托底性帮扶" },
      { in: "地区生产总值迈上6万亿元台阶。", text: "6万亿元", metric: "地区生产总值" },
      { in: "推动16个县（市、区）整县建成美丽乡村。", text: "16个", metric: "县（市、区）整县" },
      // 有, 共, 要 inside a word (国有, 公共, 重要) end no noun.
      { in: "47家国有企业完成厂办大集体改革。", text: "47家", metric: "国有企业" },
      { in: "1819个公共卫生体系补短板工程建成运行。", text: "1819个", metric: "公共卫生体系补短板工程" },
      { in: "实现200多场重要活动零事故。", text: "200多场", metric: "重要活动零事故" },
      // A number with letters after it is a term (5G, 4K, 3D), not the next figure.
      { in: "新增38家国家级5G工厂。", text: "38家", metric: "国家级5G工厂" },
      { in: "创建3个国家级4A旅游景区。", text: "3个", metric: "创建国家级4A旅游景区" },
      { in: "建成3个园区、5个基地。", text: "3个", metric: "建成园区" },
    ],
  },
  {
    rule: "QUOTED_NAME_LEAD_RE: no stop word inside a quoted name cuts the noun after a count",
    examples: [
      { in: "建成5个“文明和谐”示范村。", text: "5个", metric: "建成文明和谐示范村" },
      { in: "建成5个文明和谐示范村。", text: "5个", metric: "建成文明" },
    ],
  },
  {
    rule: "DURATION_ADVERB_RE, DURATION_VERB_RE: the phrase around a duration",
    examples: [
      { in: "该县连续三年获评全省舆情工作先进单位。", text: "三年", metric: "获评全省舆情工作先进单位" },
      { in: "秸秆禁烧连续6年实现“零火点”。", text: "6年", metric: "秸秆禁烧零火点" },
      // With no words of its own before the duration, the verb after it stays.
      { in: "累计5年保持全省第一。", text: "5年", metric: "保持全省第一" },
    ],
  },
  {
    rule: "METRIC_MEASURE_ALT_RE: a bracketed second measure word before the noun",
    examples: [
      { in: "统筹推进，改造提升11条（段）市政路。", text: "11条", metric: "改造市政路" },
      { in: "新建5座(处)公厕。", text: "5座", metric: "新建公厕" },
    ],
  },
  {
    rule: "ATTRIBUTE_METRICS: an attribute of the things counted just before names them",
    examples: [
      { in: "安排市以上重点项目200项左右，总投资3000亿元以上。", text: "3000亿元", metric: "安排市以上重点项目总投资" },
      { in: "与京津签约合作项目280余项、总投资1200亿元。", text: "1200亿元", metric: "与京津签约合作项目总投资" },
      { in: "全县新增规上工业企业27户，总数达到312户。", text: "312户", metric: "规上工业企业总数" },
      { in: "重点抓好总投资150亿元的弘元新材料项目。", text: "150亿元", metric: "总投资" },
      { in: "全年固定资产投资增长5%，总投资3000亿元。", text: "3000亿元", metric: "总投资" },
      { in: "力争产量突破200亿立方米、投资超120亿元。", text: "120亿元", metric: "投资" },
    ],
  },
  {
    rule: "METRIC_AFTER_STOP_RE after an enumeration: the count measures what follows 等",
    examples: [
      { in: "涞源、曲阳、唐县、望都等17个有河道的县城，两年内做好水文章。", text: "17个", metric: "河道县城" },
      { in: "决定对江口等10个纳入国家重点生态功能区的县不再进行GDP考核。", text: "10个", metric: "国家重点生态功能区县" },
      { in: "打造涞源宏福、定兴海通等31个设施农业示范场景。", text: "31个", metric: "设施农业示范场景" },
      { in: "新增省级以上企业技术中心、重点实验室等250家。", text: "250家", metric: "新增省级以上企业技术中心、重点实验室" },
    ],
  },
  {
    rule: "METRIC_LEAD_RE: a place named by reference (该县, 我省, 本市) is the subject, not the measure",
    examples: [
      { in: "今年前三季度，该县接待游客320万人次。", text: "320万人次", metric: "接待游客" },
      { in: "本市新增城镇就业5万人。", text: "5万人", metric: "新增城镇就业" },
      { in: "该市场主体数量达到12万户。", text: "12万户", metric: "该市场主体数量" },
    ],
  },
  {
    rule: "METRIC_TAIL_RE, METRIC_LEAD_RE: the modal 可 of a projection (可达, 可带动) is no part of the metric",
    examples: [
      { in: "建成后预计年产值可达10亿元。", text: "10亿元", metric: "年产值" },
      { in: "每年可带动就业500余人。", text: "500余人", metric: "带动就业" },
      { in: "可再生能源装机达到1200万千瓦。", text: "1200万千瓦", metric: "可再生能源装机" },
      { in: "全年办理行政许可3000件。", text: "3000件", metric: "办理行政许可" },
    ],
  },
  {
    rule: "METRIC_ASPECT_RE: no 了 after the verb that opens a metric",
    examples: [
      { in: "共发放了致居民的一封信600多张。", text: "600多张", metric: "发放致居民的一封信" },
      { in: "开展了解民情活动20场。", text: "20场", metric: "开展了解民情活动" },
    ],
  },
  {
    rule: "PAIRED_LIST_HEADS: a 分别 pair under a word naming two groups",
    examples: [
      { in: "城乡居民人均可支配收入分别增长4.8%和6.5%。", text: "4.8%", metric: "城镇居民人均可支配收入" },
      { in: "城乡居民人均可支配收入分别增长4.8%和6.5%。", text: "6.5%", metric: "农村居民人均可支配收入" },
      { in: "城乡居民人均可支配收入增长5.2%。", text: "5.2%", metric: "城乡居民人均可支配收入" },
      { in: "城乡居民养老保险参保率分别达到95%、96%和97%。", text: "95%", metric: "城乡居民养老保险参保率" },
    ],
  },
  {
    rule: "COUNT_OUTCOME_RE: a count with nothing before it measures the outcome after it",
    examples: [
      { in: "去年全县新增城镇就业3200人，12.5万人实现脱贫。", text: "12.5万人", metric: "实现脱贫" },
      { in: "培训农民5000人次，3000人参加技能鉴定。", text: "3000人", metric: "参加技能鉴定" },
      { in: "全县1200个贫困户实现脱贫。", text: "1200个", metric: "贫困户" },
      { in: "新建项目20个，其中12个已开工。", text: "12个", metric: "新建项目" },
    ],
  },
  {
    rule: "COUNT_VERB_RE: a verb alone before a count joins the noun after it",
    examples: [
      { in: "统筹地上地下，打通11条断头路。", text: "11条", metric: "打通断头路" },
      { in: "在易县新建5个规模化牧场。", text: "5个", metric: "新建规模化牧场" },
      { in: "其中5个项目已开工。", text: "5个", metric: "项目" },
      { in: "全县1200个贫困户实现脱贫。", text: "1200个", metric: "贫困户" },
      { in: "每年设立不低于1亿元的工业技改奖补资金。", text: "1亿元", metric: "工业技改奖补资金" },
    ],
  },
  {
    rule: "LIST_MEASURE_WORDS: the items of a 分别 list share the last item's measure",
    examples: [
      { in: "财政总收入30.9亿元，其中地方财政收入17.3亿元，分别增长13.3%、8.6%。", text: "13.3%", metric: "财政总收入" },
      { in: "财政总收入30.9亿元，其中地方财政收入17.3亿元，分别增长13.3%、8.6%。", text: "8.6%", metric: "地方财政收入" },
      { in: "化学需氧量和二氧化硫排放量分别下降8.06%和3.1%。", text: "8.06%", metric: "化学需氧量排放量" },
      { in: "化学需氧量和二氧化硫排放量分别下降8.06%和3.1%。", text: "3.1%", metric: "二氧化硫排放量" },
      { in: "化学需氧量、氨氮排放量分别削减2.4%和1%以上。", text: "2.4%", metric: "化学需氧量排放量" },
      { in: "城镇和农村居民人均可支配收入分别增长8.1%和8.6%。", text: "8.1%", metric: "城镇居民人均可支配收入" },
      { in: "城镇和农村居民人均可支配收入分别增长8.1%和8.6%。", text: "8.6%", metric: "农村居民人均可支配收入" },
      { in: "规模以上工业和服务业增加值分别增长6%和7%。", text: "6%", metric: "规模以上工业增加值" },
      { in: "地表水、近岸海域水质优良比例分别达96.9%、99.7%。", text: "96.9%", metric: "地表水水质优良比例" },
      { in: "城市低保、农村低保标准分别提高40%、59%。", text: "40%", metric: "城市低保标准" },
      { in: "城镇居民、农村居民人均可支配收入分别增长4.5%、5.7%。", text: "4.5%", metric: "城镇居民人均可支配收入" },
      { in: "对东盟、共建国家进出口总额分别增长10.4%、12.1%。", text: "10.4%", metric: "对东盟进出口总额" },
      // An item that already names its measure keeps its own name.
      { in: "一般公共预算收入和税收收入分别增长5%和4%。", text: "5%", metric: "一般公共预算收入" },
      { in: "营业总收入、利润总额分别增长97.3%、27.7%。", text: "97.3%", metric: "营业总收入" },
      { in: "死亡人数、受伤人数、直接经济损失分别下降38.8%、50.7%、12%。", text: "38.8%", metric: "死亡人数" },
      { in: "生产安全事故起数、死亡人数分别下降15%、12%。", text: "15%", metric: "生产安全事故起数" },
    ],
  },
  {
    rule: "a table row: a figure alone in its cell is labelled by the cell before (attribution.ts)",
    examples: [{ in: "服务时长 | 2小时 | 活动日期 | 2021-01-30 09:00:00 |", text: "2小时", metric: "服务时长" }],
  },
  {
    rule: "a bracketed aside lends no metric (attribution.ts)",
    examples: [{ in: "工业百强企业完成工业增加值255.28亿元（占规上工业比重为62.0%），同比增长12.5%。", text: "12.5%", metric: "工业增加值" }],
  },
];

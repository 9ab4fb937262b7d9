/**
 * Units and measure words (the tail of a figure). Each row: the forms as written (traditional
 * forms beside simplified ones), the unit reported (as written, magnitude removed), a guard of
 * characters that must NOT follow (项目 is a noun, not 项), and real-looking examples.
 * Longest forms are tried first.
 */
import type { Example, FigureExample } from "./examples";

export interface UnitRule {
  forms: string[];
  unit?: string;
  notFollowedBy?: string;
  money?: boolean;
  examples: FigureExample[];
}

export const UNIT_RULES: UnitRule[] = [
  { forms: ["个百分点", "個百分點"], unit: "个百分点", examples: [{ in: "提高2.3个百分点", text: "2.3个百分点", value: 2.3, unit: "个百分点" }, { in: "下降0.5个百分点", text: "0.5个百分点", value: 0.5, unit: "个百分点" }] },
  { forms: ["%", "％"], unit: "%", examples: [{ in: "增长57.3%", text: "57.3%", value: 57.3, unit: "%" }, { in: "达98.5%", text: "98.5%", value: 98.5, unit: "%" }, { in: "控制在3%以内", text: "3%", value: 3, unit: "%", approx: "less_than" }] },
  { forms: ["‰"], unit: "‰", examples: [{ in: "人口自然增长率3.5‰", text: "3.5‰", value: 3.5, unit: "‰" }] },
  { forms: ["美元"], money: true, examples: [{ in: "7636万美元", text: "7636万美元", value: 76360000, unit: "美元" }, { in: "外贸进出口1.2亿美元", text: "1.2亿美元", value: 120000000, unit: "美元" }] },
  { forms: ["欧元", "港元", "日元"], money: true, examples: [{ in: "投资3000万欧元", text: "3000万欧元", value: 30000000, unit: "欧元" }] },
  { forms: ["元"], notFollowedBy: "素旦宵首老帅气", money: true, examples: [{ in: "12亿元", text: "12亿元", value: 1200000000, unit: "元" }, { in: "2000万元", text: "2000万元", value: 20000000, unit: "元" }, { in: "1.3亿元区级工信奖补资金", text: "1.3亿元", value: 130000000, unit: "元" }] },
  { forms: ["平方公里"], examples: [{ in: "规划面积12.5平方公里", text: "12.5平方公里", value: 12.5, unit: "平方公里" }] },
  { forms: ["平方米", "平米"], examples: [{ in: "维修改造面积1.5万平方米", text: "1.5万平方米", value: 15000, unit: "平方米" }] },
  { forms: ["微克/立方米", "微克每立方米"], unit: "微克/立方米", examples: [{ in: "细颗粒物年均浓度27微克/立方米", text: "27微克/立方米", value: 27, unit: "微克/立方米" }, { in: "PM2.5平均浓度降至36.8微克/立方米", text: "36.8微克/立方米", value: 36.8, unit: "微克/立方米" }] },
  { forms: ["立方米", "方米"], examples: [{ in: "清淤3万立方米", text: "3万立方米", value: 30000, unit: "立方米" }] },
  { forms: ["公里", "千米"], examples: [{ in: "93.5公里", text: "93.5公里", value: 93.5, unit: "公里" }, { in: "总长度13公里", text: "13公里", value: 13, unit: "公里" }] },
  { forms: ["公顷"], examples: [{ in: "造林200公顷", text: "200公顷", value: 200, unit: "公顷" }] },
  { forms: ["亩", "畝"], examples: [{ in: "300余亩", text: "300余亩", value: 300, unit: "亩", approx: "more_than" }, { in: "土地300余亩", text: "300余亩", value: 300, unit: "亩", approx: "more_than" }] },
  { forms: ["公斤", "千克"], examples: [{ in: "50公斤", text: "50公斤", value: 50, unit: "公斤" }] },
  // Energy as standard coal (an intensity's unit): the coal is the unit, not a metric after it.
  // 斤 (half a kilogram) is how grain is counted in most reports: 粮食产量80亿斤.
  { forms: ["斤"], examples: [{ in: "粮食总产量达到52.3亿斤", text: "52.3亿斤", value: 5230000000, unit: "斤" }, { in: "稳定在1300亿斤以上", text: "1300亿斤", value: 130000000000, unit: "斤", approx: "more_than" }] },
  { forms: ["吨标准煤", "噸標準煤", "吨标煤"], examples: [{ in: "单位能耗下降至0.5吨标准煤", text: "0.5吨标准煤", value: 0.5, unit: "吨标准煤" }, { in: "节能12万吨标准煤", text: "12万吨标准煤", value: 120000, unit: "吨标准煤" }] },
  { forms: ["吨", "噸"], examples: [{ in: "粮食产量25万吨", text: "25万吨", value: 250000, unit: "吨" }] },
  { forms: ["千瓦时", "兆瓦时", "千瓦", "兆瓦", "度"], notFollowedBy: "假过", examples: [{ in: "装机100兆瓦", text: "100兆瓦", value: 100, unit: "兆瓦" }, { in: "用电3亿千瓦时", text: "3亿千瓦时", value: 300000000, unit: "千瓦时" }] },
  { forms: ["公分", "厘米", "毫米"], examples: [{ in: "七八十公分", text: "七八十公分", value: 70, unit: "公分", value_max: 80 }, { in: "降水量12毫米", text: "12毫米", value: 12, unit: "毫米" }] },
  { forms: ["米"], notFollowedBy: "饭粮", examples: [{ in: "宽12米", text: "12米", value: 12, unit: "米" }] },
  { forms: ["个季度", "個季度"], examples: [{ in: "增速连续16个季度高于全国", text: "16个季度", value: 16, unit: "个季度" }] },
  { forms: ["个工作日", "個工作日"], examples: [{ in: "开办企业压缩至1个工作日以内", text: "1个工作日", value: 1, unit: "个工作日", approx: "less_than" }] },
  { forms: ["个月", "個月"], examples: [{ in: "用3个月时间", text: "3个月", value: 3, unit: "个月" }] },
  { forms: ["个", "個"], notFollowedBy: "性体", examples: [{ in: "51个", text: "51个", value: 51, unit: "个" }, { in: "1200个贫困户", text: "1200个", value: 1200, unit: "个" }, { in: "30余个项目", text: "30余个", value: 30, unit: "个", approx: "more_than" }] },
  { forms: ["家"], notFollowedBy: "庭具乡长属园", examples: [{ in: "8家", text: "8家", value: 8, unit: "家" }, { in: "7726家农户", text: "7726家", value: 7726, unit: "家" }, { in: "一千余家", text: "一千余家", value: 1000, unit: "家", approx: "more_than" }] },
  { forms: ["人次"], examples: [{ in: "接待游客120万人次", text: "120万人次", value: 1200000, unit: "人次" }] },
  { forms: ["人"], notFollowedBy: "民大才员次类性", examples: [{ in: "2287人", text: "2287人", value: 2287, unit: "人" }, { in: "1.2万人", text: "1.2万人", value: 12000, unit: "人" }, { in: "两万人", text: "两万人", value: 20000, unit: "人" }] },
  { forms: ["名"], notFollowedBy: "单称义字额录列次", examples: [{ in: "1.9万余名", text: "1.9万余名", value: 19000, unit: "名", approx: "more_than" }, { in: "98名", text: "98名", value: 98, unit: "名" }] },
  { forms: ["户次", "戶次"], examples: [{ in: "惠及经营主体超6.3万户次", text: "6.3万户次", value: 63000, unit: "户次", approx: "more_than" }] },
  { forms: ["户", "戶"], notFollowedBy: "籍口型外", examples: [{ in: "5115户", text: "5115户", value: 5115, unit: "户" }, { in: "贫困户1200户", text: "1200户", value: 1200, unit: "户" }] },
  { forms: ["件"], notFollowedBy: "事", examples: [{ in: "1298件", text: "1298件", value: 1298, unit: "件" }, { in: "46件代表建议", text: "46件", value: 46, unit: "件" }] },
  { forms: ["项", "項"], notFollowedBy: "目", examples: [{ in: "150项", text: "150项", value: 150, unit: "项" }, { in: "100项以上", text: "100项", value: 100, unit: "项", approx: "more_than" }] },
  { forms: ["场次", "場次"], examples: [{ in: "举办各类基层文化活动超10万场次", text: "10万场次", value: 100000, unit: "场次", approx: "more_than" }] },
  { forms: ["场", "場"], notFollowedBy: "所景馆地次合面", examples: [{ in: "500余场", text: "500余场", value: 500, unit: "场", approx: "more_than" }] },
  { forms: ["所"], notFollowedBy: "属在有以谓得长", examples: [{ in: "4所幼儿园", text: "4所", value: 4, unit: "所" }] },
  { forms: ["处", "處"], notFollowedBy: "理置罚分级长室于在", examples: [{ in: "6处", text: "6处", value: 6, unit: "处" }] },
  { forms: ["座"], notFollowedBy: "谈位", examples: [{ in: "3座桥梁", text: "3座", value: 3, unit: "座" }] },
  { forms: ["条", "條"], notFollowedBy: "件例款约", examples: [{ in: "12条道路", text: "12条", value: 12, unit: "条" }] },
  { forms: ["标准箱", "标箱"], examples: [{ in: "港口集装箱吞吐量达8097万标箱", text: "8097万标箱", value: 80970000, unit: "标箱" }] },
  { forms: ["套"], examples: [{ in: "保障性住房500套", text: "500套", value: 500, unit: "套" }] },
  { forms: ["张", "張"], examples: [{ in: "三万多张", text: "三万多张", value: 30000, unit: "张", approx: "more_than" }] },
  { forms: ["台"], notFollowedBy: "阶湾州风账", examples: [{ in: "机器人200台", text: "200台", value: 200, unit: "台" }] },
  { forms: ["辆", "輛"], examples: [{ in: "新能源公交车100辆", text: "100辆", value: 100, unit: "辆" }] },
  { forms: ["栋", "幢"], examples: [{ in: "20栋", text: "20栋", value: 20, unit: "栋" }] },
  { forms: ["间"], notFollowedBy: "隔接", examples: [{ in: "改造教室30间", text: "30间", value: 30, unit: "间" }] },
  { forms: ["批次"], examples: [{ in: "开展食品抽检超5万批次", text: "5万批次", value: 50000, unit: "批次", approx: "more_than" }] },
  { forms: ["批"], examples: [{ in: "分3批", text: "3批", value: 3, unit: "批" }] },
  { forms: ["次"], notFollowedBy: "全会议党代序要日年", examples: [{ in: "开展活动500余次", text: "500余次", value: 500, unit: "次", approx: "more_than" }] },
  { forms: ["枚"], examples: [{ in: "获得亚洲级以上大赛金牌33枚", text: "33枚", value: 33, unit: "枚" }] },
  { forms: ["部"], notFollowedBy: "门委署分队长级位", examples: [{ in: "加装（更新）电梯9555部", text: "9555部", value: 9555, unit: "部" }, { in: "制定政府规章12部", text: "12部", value: 12, unit: "部" }] },
  { forms: ["种", "種"], notFollowedBy: "植子类養养苗粮业猪源质", examples: [{ in: "本底调查发现物种数增至9266种", text: "9266种", value: 9266, unit: "种" }] },
  { forms: ["起"], notFollowedBy: "来步草诉点航始源飞跑", examples: [{ in: "破获各类刑事案件22990起", text: "22990起", value: 22990, unit: "起" }] },
  { forms: ["重量箱"], examples: [{ in: "平板玻璃710万重量箱", text: "710万重量箱", value: 7100000, unit: "重量箱" }] },
  { forms: ["艘次"], examples: [{ in: "邮轮母港接待邮轮91艘次", text: "91艘次", value: 91, unit: "艘次" }] },
  { forms: ["架次"], examples: [{ in: "飞行规模达2061万架次", text: "2061万架次", value: 20610000, unit: "架次" }] },
  { forms: ["艘"], examples: [{ in: "新增远洋船舶12艘", text: "12艘", value: 12, unit: "艘" }] },
  { forms: ["架"], notFollowedBy: "构子设", examples: [{ in: "交付国产大飞机5架", text: "5架", value: 5, unit: "架" }] },
  { forms: ["例"], notFollowedBy: "如外行会", examples: [{ in: "完成手术1200例", text: "1200例", value: 1200, unit: "例" }] },
  { forms: ["宗"], notFollowedBy: "旨教族", examples: [{ in: "出让矿业权755宗", text: "755宗", value: 755, unit: "宗" }] },
  { forms: ["笔"], notFollowedBy: "记者", examples: [{ in: "办理跨境结算业务1.2万笔", text: "1.2万笔", value: 12000, unit: "笔" }] },
  { forms: ["篇"], notFollowedBy: "章", examples: [{ in: "刊发稿件120篇", text: "120篇", value: 120, unit: "篇" }] },
  { forms: ["株", "棵"], examples: [{ in: "植树10万株", text: "10万株", value: 100000, unit: "株" }] },
  { forms: ["头"], notFollowedBy: "部号等脑", examples: [{ in: "生猪出栏5万头", text: "5万头", value: 50000, unit: "头" }] },
  { forms: ["只"], notFollowedBy: "是有要能", examples: [{ in: "家禽20万只", text: "20万只", value: 200000, unit: "只" }] },
  { forms: ["位"], notFollowedBy: "置于居列次", examples: [{ in: "专家30位", text: "30位", value: 30, unit: "位" }] },
  { forms: ["支"], notFollowedBy: "持出付部撑柱", examples: [{ in: "组建志愿服务队20支", text: "20支", value: 20, unit: "支" }] },
  { forms: ["堂"], notFollowedBy: "课会皇", examples: [{ in: "公益文艺培训200堂", text: "200堂", value: 200, unit: "堂" }] },
  { forms: ["组"], notFollowedBy: "织建成合长委团员件图", examples: [{ in: "共分成10组", text: "10组", value: 10, unit: "组" }] },
  { forms: ["份"], notFollowedBy: "额子", examples: [{ in: "退役军人慰问信120份", text: "120份", value: 120, unit: "份" }] },
  { forms: ["列"], notFollowedBy: "入为车举出席表明", examples: [{ in: "中欧班列开行千列", text: "千列", value: 1000, unit: "列" }, { in: "开行班列1200列", text: "1200列", value: 1200, unit: "列" }] },
  { forms: ["岁", "歲"], notFollowedBy: "月", examples: [{ in: "人均预期寿命提高到78.8岁", text: "78.8岁", value: 78.8, unit: "岁" }] },
  { forms: ["天"], notFollowedBy: "然津空地下气", examples: [{ in: "200余天", text: "200余天", value: 200, unit: "天", approx: "more_than" }, { in: "提前10天", text: "10天", value: 10, unit: "天" }] },
  { forms: ["年"], notFollowedBy: "度初底末代级轻终货华会", examples: [{ in: "连续6年", text: "6年", value: 6, unit: "年" }, { in: "连续三年", text: "三年", value: 3, unit: "年" }] },
  { forms: ["个小时", "個小時", "小时"], unit: "小时", examples: [{ in: "24小时", text: "24小时", value: 24, unit: "小时" }, { in: "在近两个小时的报告中", text: "两个小时", value: 2, unit: "小时", approx: "about" }, { in: "每天工作8个小时", text: "8个小时", value: 8, unit: "小时" }] },
  { forms: ["成"], notFollowedBy: "立为员功果本绩熟效都", examples: [{ in: "九成", text: "九成", value: 9, unit: "成" }] },
  { forms: ["倍"], examples: [{ in: "增长1.5倍", text: "1.5倍", value: 1.5, unit: "倍" }] },
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
/**
 * An Arabic number with no unit joined to the next by one of these takes that figure's unit and
 * magnitude (ANNOTATION: an implied shared unit is filled from the parallel figure).
 */
export const PARALLEL_JOINS = "和、与及";
export const PARALLEL_UNIT_EXAMPLES: Example[] = [
  { in: "城乡居民收入分别提高0.1和1.2个百分点", text: "0.1", value: 0.1, unit: "个百分点" },
  { in: "城乡居民人均居住面积分别达到14和20平方米", text: "14", value: 14, unit: "平方米" },
  { in: "分别增长1.2、3.5万人", text: "1.2", value: 12000, unit: "人" },
  { in: "客运量分别达1409万、1305万人次", text: "1409万", value: 14090000, unit: "人次" },
  { in: "2020和2021年", not: "2020" },
];

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

/**
 * A Chinese-numeral amount with no measure word, counting the noun that follows: the unit is
 * supplied (ANNOTATION.md: 四百四十五万农民 -> 四百四十五万, unit 人). The figure's text is the
 * number alone. Only for numbers with 万/亿 (三农民 is no figure).
 */
export interface SuppliedUnitRule {
  /** Anchored at the end of the number. */
  after: RegExp;
  unit: string;
  examples: Example[];
}

export const SUPPLIED_UNIT_RULES: SuppliedUnitRule[] = [
  {
    after: /^(?:(?:农村|城镇|城市|农业)?(?:转移|贫困|困难|低收入|受灾)?(?:人口|群众|居民|劳动力)|农民工|农民|职工|工人|学生|儿童|老人|妇女|青少年|游客|旅客|市民|村民|党员|干部|志愿者|城乡居民)/,
    unit: "人",
    examples: [
      { in: "全县四百四十五万农民人均收入增加", text: "四百四十五万", value: 4450000, unit: "人" },
      { in: "带动二十万群众增收", text: "二十万", value: 200000, unit: "人" },
      { in: "2.2万农村人口实现脱贫", text: "2.2万", value: 22000, unit: "人" },
      { in: "帮助5.1万贫困人口实现脱贫", text: "5.1万", value: 51000, unit: "人" },
      { in: "稳定解决20万农村贫困人口的温饱", text: "20万", value: 200000, unit: "人" },
      { in: "每万人口拥有医生" },
    ],
  },
  {
    after: /^(?:农户|贫困户|家庭|住户|城乡家庭)/,
    unit: "户",
    examples: [{ in: "惠及一百零四万农户", text: "一百零四万", value: 1040000, unit: "户" }],
  },
];

/**
 * Figures: what is one, its text, value, unit, range and approximation; and what is not one
 * (ANNOTATION.md). Each row is a small real-looking sentence.
 */
import { describe, expect, it } from "vitest";
import { extract } from "../../src/extract/index";

const figs = (s: string) => extract(s).figures;

type Row = [sentence: string, text: string, value: number, unit: string, extra?: { value_max?: number; approx?: string }];

const POSITIVE: Row[] = [
  // Arabic with magnitudes, decimals, thousands separators.
  ["预计全年实现财政收入12亿元,增长57.3%。", "12亿元", 1.2e9, "元"],
  ["预计全年实现财政收入12亿元,增长57.3%。", "57.3%", 57.3, "%"],
  ["全年实现地区生产总值1,100万元。", "1,100万元", 1.1e7, "元"],
  ["外贸进出口完成7636万美元。", "7636万美元", 76360000, "美元"],
  ["覆盖群众1.9万余名。", "1.9万余名", 19000, "名", { approx: "more_than" }],
  ["完成学校维修改造面积1.5万平方米。", "1.5万平方米", 15000, "平方米"],
  ["93.5公里“四好农村路”在全市率先建成。", "93.5公里", 93.5, "公里"],
  ["新建住房3万4000套。", "3万4000套", 34000, "套"],
  // A record's table row is data, not a navigation bar; a long quote is speech, not a slogan.
  ["服务时长 | 2小时 | 活动日期 | 2021-01-30 09:00:00 |", "2小时", 2, "小时"],
  ["小区住户介绍:“当时积水排不掉,一般都有七八十公分深,老百姓真来这儿钓鱼,到这儿来看海。”", "七八十公分", 70, "公分", { value_max: 80 }],
  // A headline that rounds a body figure is a figure of its own.
  ["三万次走访\n这三万多次的走访,拉近了党群之间的距离。", "三万次", 30000, "次"],
  // Chinese numerals with a magnitude or measure word.
  ["全县新增就业两万人。", "两万人", 20000, "人"],
  ["引进企业一千余家。", "一千余家", 1000, "家", { approx: "more_than" }],
  ["发放消费券三万多张。", "三万多张", 30000, "张", { approx: "more_than" }],
  ["计划投资二十万亿元。", "二十万亿元", 2e13, "元"],
  ["九成以上群众表示满意。", "九成", 9, "成", { approx: "more_than" }],
  ["秸秆禁烧连续6年实现“零火点”。", "6年", 6, "年"],
  ["连续三年获评全省舆情工作先进单位。", "三年", 3, "年"],
  ["空气质量优良天数达200余天。", "200余天", 200, "天", { approx: "more_than" }],
  // Ranges.
  ["力争3-5家企业成功上市。", "3-5家", 3, "家", { value_max: 5 }],
  ["每村建设2～3个服务点。", "2～3个", 2, "个", { value_max: 3 }],
  ["每年招引10至15个项目。", "10至15个", 10, "个", { value_max: 15 }],
  ["玉米长到七八十公分。", "七八十公分", 70, "公分", { value_max: 80 }],
  // Percentages and points.
  ["比上年提高2.5个百分点。", "2.5个百分点", 2.5, "个百分点"],
  ["城镇登记失业率控制在3%以内。", "3%", 3, "%", { approx: "less_than" }],
  ["参保率达到百分之九十五。", "百分之九十五", 95, "%"],
  // Approximations around the figure (not part of its text).
  ["年内招引重点项目不少于60个。", "60个", 60, "个", { approx: "more_than" }],
  ["每年设立不低于1亿元的工业技改奖补资金。", "1亿元", 1e8, "元", { approx: "more_than" }],
  ["力争实现全年税收突破12亿元。", "12亿元", 1.2e9, "元", { approx: "more_than" }],
  ["新培育规上文化企业20家以上。", "20家", 20, "家", { approx: "more_than" }],
  ["约1.2万人参加活动。", "1.2万人", 12000, "人", { approx: "about" }],
  ["盘活土地近300亩。", "300亩", 300, "亩", { approx: "about" }],
  ["接待游客120万人次左右。", "120万人次", 1.2e6, "人次", { approx: "about" }],
  ["病床缺口不到500张。", "500张", 500, "张", { approx: "less_than" }],
  ["单位能耗低于0.5吨。", "0.5吨", 0.5, "吨", { approx: "less_than" }],
  ["项目总数不超过30个。", "30个", 30, "个", { approx: "less_than" }],
  // 签约 is not 约 (about).
  ["家庭医生签约10.3万人。", "10.3万人", 103000, "人"],
  // Thresholds qualify a noun, but the count beside them is a figure.
  ["全年力争招引亿元以上项目3个。", "3个", 3, "个"],
  ["新增百亿级企业1家,10亿元以上企业30家。", "30家", 30, "家"],
  // Implied unit from a parallel figure.
  ["确保开票销售迈上百亿台阶,装备制造开票突破280亿元。", "百亿", 1e10, "元", { approx: "more_than" }],
  // The unit of a list's last number, written once for all of them.
  ["覆盖率分别提高20.9、36.2、54个百分点。", "20.9", 20.9, "个百分点"],
  ["分别增长3.5和4.2个百分点。", "3.5", 3.5, "个百分点"],
  // Full-width digits and punctuation.
  ["新增企业１２家，增长５％。", "１２家", 12, "家"],
  // 余/多 before a magnitude; a space before the unit.
  ["完成投资10余万元。", "10余万元", 1e5, "元", { approx: "more_than" }],
  ["实现销售两千多万元。", "两千多万元", 2e7, "元", { approx: "more_than" }],
  ["地区生产总值达到 1234.5 亿元。", "1234.5 亿元", 1.2345e11, "元"],
  ["新增市场主体 12 家。", "12 家", 12, "家"],
  // Text that sets Arabic figures off from CJK by a space: 余, the qualifiers and the
  // threshold rule read past it.
  ["全年开展培训 500 余场。", "500 余场", 500, "场", { approx: "more_than" }],
  ["居民消费价格涨幅控制在 3% 左右。", "3%", 3, "%", { approx: "about" }],
  ["完成投资超过 280 亿元。", "280 亿元", 2.8e10, "元", { approx: "more_than" }],
  ["总产值突破百亿。", "百亿", 1e10, "元", { approx: "more_than" }],
  // Traditional forms of units and magnitudes.
  ["新增項目12項,投資3億元。", "12項", 12, "項"],
  ["新增項目12項,投資3億元。", "3億元", 3e8, "元"],
  ["改造農戶500戶,整治土地200畝。", "200畝", 200, "畝"],
  // A range with the unit written twice.
  ["培育超百亿元企业3家至5家。", "3家至5家", 3, "家", { value_max: 5 }],
  // A unit that starts with a magnitude character: 万千瓦 is 万 × 千瓦.
  ["新增装机容量12.5万千瓦。", "12.5万千瓦", 125000, "千瓦"],
  ["建成光伏电站300千瓦。", "300千瓦", 300, "千瓦"],
  // A bare amount of money (unit 元, exact), not a bare count.
  ["截至9月底,累计发放贷款1.2亿,惠及农户3000余户。", "1.2亿", 1.2e8, "元"],
];

describe("figures: positive examples", () => {
  for (const [sentence, text, value, unit, extra] of POSITIVE) {
    it(`${sentence} -> ${text}`, () => {
      const f = figs(sentence).find((x) => x.text === text);
      expect(f, JSON.stringify(figs(sentence).map((x) => x.text))).toBeDefined();
      expect(f?.value).toBeCloseTo(value, 6);
      expect(f?.unit).toBe(unit);
      expect(f?.value_max).toBe(extra?.value_max);
      expect(f?.approx).toBe(extra?.approx);
    });
  }
});

/** Sentences in which nothing is a figure. */
const NEGATIVE: [string, string][] = [
  ["谋划一批超 50 亿元大项目。", "threshold set off by spaces"],
  ['严格落实"十个严禁"，精心组织实施"十项民心工程"。', "slogans in straight quotes"],
  ["7月13日,市委书记率队到该区调研。", "date"],
  ["2020年,全区经济平稳运行。", "year"],
  ["2021年10月 01日 09:04", "date and time"],
  ["到2025年,基本建成现代化经济体系。", "deadline year"],
  ["省林草局等6部门联合印发实施方案。", "部 of 部门 is no measure word"],
  ["全市常住人口12万,城镇化率稳步提高。", "bare 万 without a unit or money"],
  ["重点培育超百亿元企业和过亿元项目。", "threshold prefix qualifying a noun"],
  ["今年前三季度,全市经济运行平稳。", "period, not 年前"],
  ["深入学习贯彻党的十九大和十九届二中、三中、四中全会精神。", "meeting names"],
  ["以优异成绩迎接党的二十大胜利召开。", "meeting name"],
  ["市委七届十三次全会日前召开。", "meeting name"],
  ["推动区十届人大四次会议精神落实。", "meeting name"],
  ["奋力推动“十四五”发展开好局。", "plan name"],
  ["增强“四个意识”、坚定“四个自信”、做到“两个维护”。", "slogans"],
  ["建立“1+8+N”防控机制。", "label"],
  ["压茬推进“765”计划。", "quoted label"],
  ["构建“3+5”现代产业体系。", "label"],
  ["以国家5A级景区标准推进改造。", "grade"],
  ["加快地铁4号线建设。", "line name"],
  ["咬定“一号工程”不动摇。", "label"],
  ["实现全市安全生产先进单位“六连冠”。", "label"],
  ["大力发展五大工业主导产业。", "category enumeration"],
  ["打好蓝天、碧水、净土三大保卫战。", "category enumeration"],
  ["打造“一个先行区、三个新高地”。", "quoted enumeration"],
  ["高质量发展综合水平挺进全省前20强。", "rank"],
  ["创历史最好水平,位居全市第一。", "rank"],
  ["紧盯工业开票百强。", "rank list"],
  ["2020年12月23日 10阅读 来源:淮北日报", "read count"],
  ["扬州网新闻热线:0514-87863284", "phone"],
  ["做好亿元以上企业的培育。", "threshold only"],
  ["每个产业链都明确一名市领导、建立一套工作专班。", "一 as an article"],
  ["打造一批专精特新企业。", "vague quantifier"],
  ["四季度再组织一次集中开工。", "一 as an article"],
  ["开展工业企业技术改造三年提升行动。", "campaign name"],
  ["实施“老有优养”三年行动计划。", "campaign name"],
  ["高质量启动秋季招商百日会战行动。", "campaign name"],
  ["紧紧围绕“冲刺100天、奋力保全年”的工作要求。", "quoted slogan"],
  ["“一天当作两天干”的劲头。", "quoted slogan"],
  ["一手抓传统产业转型升级,进一步拉高标杆。", "words with 一"],
  ["千方百计服务经济建设,一如既往。", "idioms"],
  ["深入推进《服务业锻长补短行动方案(2022—2025)》。", "years in a plan name"],
  ["一体推进食品安全示范县(区)创建工作。", "real brackets"],
  ["在三区率先建成运行。", "reference set"],
  ["用心用情实施好6大类民生工程。", "categories"],
  ["3年来,全区经济平稳运行。", "time span"],
  ["两年内基本建成。", "time span"],
  ["数百家企业参加展会。", "vague quantity"],
  ["上千名群众参加活动。", "vague quantity"],
  ["5G基站建设加快推进。", "label"],
  ["培育10亿元以上的企业。", "threshold with 的"],
  ["主要做好以下4个方面工作。", "enumeration of aspects"],
  ["京ICP备12345678号", "registration number"],
  ["全省经济稳步增长。\n<span>炒股开户享福利，入金抽188元红包，100%中奖！</span>\n工业平稳运行。", "advertisement line"],
];

describe("figures: not figures", () => {
  for (const [sentence, why] of NEGATIVE) {
    it(`${why}: ${sentence}`, () => {
      expect(figs(sentence).map((f) => f.text)).toEqual([]);
    });
  }
});

describe("figures: offsets", () => {
  it("text is the original substring, pinyin included", () => {
    const s = "經(jīng)開區(qū)新增項(xiàng)目12個(gè),投資3億(yì)元。";
    const out = figs(s);
    expect(out.length).toBe(2);
    for (const f of out) expect(s.slice(f.start, f.end)).toBe(f.text);
    expect(out[1]?.text).toBe("3億(yì)元");
    expect(out[1]?.value).toBe(3e8);
  });
});

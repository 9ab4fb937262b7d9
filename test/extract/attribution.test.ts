/** Attribution: metric (the noun phrase measured), change, kind (reported vs target). */
import { describe, expect, it } from "vitest";
import { extract } from "../../src/extract/index";

const one = (s: string, text: string) => extract(s).figures.find((f) => f.text === text);

describe("metric", () => {
  const ROWS: [string, string, string][] = [
    ["预计全年实现财政收入12亿元,增长57.3%。", "12亿元", "财政收入"],
    ["预计全年实现财政收入12亿元,增长57.3%。", "57.3%", "财政收入"],
    ["固定资产投资增长8.7%,全社会消费品零售总额增长11.5%。", "8.7%", "固定资产投资"],
    ["固定资产投资增长8.7%,全社会消费品零售总额增长11.5%。", "11.5%", "全社会消费品零售总额"],
    ["空气质量优良天数达200余天。", "200余天", "空气质量优良天数"],
    ["全区1200个贫困户实现稳定脱贫。", "1200个", "贫困户"],
    ["5个养老服务指导中心建成并投入使用。", "5个", "养老服务指导中心"],
    ["盘活“僵尸企业”8家、土地300余亩。", "8家", "盘活僵尸企业"],
    ["盘活“僵尸企业”8家、土地300余亩。", "300余亩", "土地"],
    ["新认定高新技术企业12家、“专精特新”企业4家。", "4家", "专精特新企业"],
    ["新增各类就业1.2万人。", "1.2万人", "新增就业"],
    ["城镇登记失业率控制在3%以内。", "3%", "城镇登记失业率"],
    ["每年设立不低于1亿元的工业技改奖补资金。", "1亿元", "工业技改奖补资金"],
    ["每年新增“三站三中心”等省级以上研发机构10家以上。", "10家", "省级以上研发机构"],
    ["聚力推进6处300余亩低效用地盘活。", "6处", "低效用地盘活"],
    ["全市共有中小学120所,在校学生15万人。", "15万人", "在校学生"],
    ["高邮市将打造特色田园乡村18个以上。", "18个", "打造特色田园乡村"],
    ["连续三年获评全省舆情工作先进单位。", "三年", "获评全省舆情工作先进单位"],
    // The shared subject of a list is distributed over 分别 figures.
    ["城镇和农村常住居民人均可支配收入分别达到4.2万元、2.1万元。", "2.1万元", "农村常住居民人均可支配收入"],
    ["城镇和农村居民收入分别增长5.6%和7.9%。", "5.6%", "城镇居民收入"],
    ["城镇、农村居民人均可支配收入预计分别增长8.1%、8.6%。", "8.1%", "城镇居民人均可支配收入"],
    // Nouns that share only their measure (黄金 + 产量), and a list longer than a metric may be.
    ["黄金、白银、精炼铜、镍产量分别增长544.4%、199.2%、110.9%、32.2%。", "544.4%", "黄金产量"],
    ["黄金、白银、精炼铜、镍产量分别增长544.4%、199.2%、110.9%、32.2%。", "110.9%", "精炼铜产量"],
    ["原煤、原油、天然气产量分别增长7%、2%、141%。", "7%", "原煤产量"],
    ["生产安全事故起数、死亡人数、受伤人数、直接经济损失分别下降36.7%、38.8%、50.7%、40%。", "36.7%", "生产安全事故起数"],
    ["有色冶金、石化化工、装备制造产业增加值分别增长17.8%、4.8%、9.9%。", "17.8%", "有色冶金增加值"],
    ["第一、二、三产业增加值分别增长5.9%、14.3%、10%。", "5.9%", "第一产业增加值"],
    ["第一、二、三产业增加值分别增长5.9%、14.3%、10%。", "10%", "第三产业增加值"],
    // A bare 分别 clause refers to the noun list of the clause before it.
    ["引进省外资金、技术、人才，分别增长29%、23.6%和63.9%。", "63.9%", "人才"],
    ["地方普通高校和研究生招生，分别增长57.6%和66.3%。", "57.6%", "地方普通高校"],
    ["建成125个县域医共体，实现全覆盖。", "125个", "建成县域医共体"],
    ["农村卫生户厕覆盖率、污水治理率、生活垃圾处理设施覆盖率分别提高20.9、36.2、54个百分点。", "36.2", "污水治理率"],
    ["新建5个共享工厂。", "5个", "新建共享工厂"],
    ["城镇、农村居民人均可支配收入预计分别增长8.1%、8.6%。", "8.6%", "农村居民人均可支配收入"],
    // Metric is written without pinyin, in the article's script.
    ["經(jīng)開區(qū)新增企業(yè)12家。", "12家", "新增企業"],
    // A leading place and time word are the subject and the period, not the measure.
    ["力争2024年前建成5G基站1.5万个。", "1.5万个", "建成5G基站"],
    ["粮食播种面积稳定在8.5万亩以上。", "8.5万亩", "粮食播种面积"],
    ["1-2月规上工业产值增长9.2%。", "9.2%", "规上工业产值"],
    ["每年安排不少于300万元资金用于人居环境整治。", "300万元", "资金"],
    ["未来三年每年新增省级数字化车间50个。", "50个", "新增省级数字化车间"],
    ["新竹縣去年觀光人次突破八百萬人次。", "八百萬人次", "觀光人次"],
    // A comparison with an earlier year is a change of the same metric.
    ["觀光人次突破八百萬人次，較前年成長百分之十二。", "百分之十二", "觀光人次"],
    ["將興建約十五萬個公營房屋單位，較過去五年增加約五成。", "五成", "公營房屋單位"],
    ["本地生產總值錄得3.2%增長。", "3.2%", "本地生產總值"],
    ["地区生产总值增长5.9%，高于全市平均0.6个百分点。", "0.6个百分点", "地区生产总值"],
  ];
  for (const [s, text, metric] of ROWS) {
    it(`${s} ${text} -> ${metric}`, () => expect(one(s, text)?.metric).toBe(metric));
  }
});

describe("change", () => {
  it.each([
    ["财政收入12亿元,增长57.3%。", "57.3%", true],
    ["外贸进出口7636万美元,同比增长9%。", "9%", true],
    ["比上年提高2.5个百分点。", "2.5个百分点", true],
    ["观光人次突破八百万人次，较前年成长百分之十二。", "百分之十二", true],
    ["新增企业120家，比去年同期增加30家。", "30家", true],
    ["户籍人口为86.5万人，比2022年末减少0.3万人。", "0.3万人", true],
    ["本地生产总值录得3.2%增长。", "3.2%", true],
    ["失业率回落至2.9%。", "2.9%", undefined],
    ["综合能耗下降到0.5吨标准煤。", "0.5吨标准煤", undefined],
    ["财政收入12亿元,增长57.3%。", "12亿元", undefined],
    ["新增就业1.2万人。", "1.2万人", undefined],
    // Both ends of a from–to change are levels, the year of the end written before it or not.
    ["生产总值从2020年的3.68万亿元增长到2025年的4.93万亿元。", "3.68万亿元", undefined],
    ["生产总值从2020年的3.68万亿元增长到2025年的4.93万亿元。", "4.93万亿元", undefined],
    ["一般公共预算收入从3826.5亿元增长到4398.6亿元。", "3826.5亿元", undefined],
    ["城乡低保标准提高到每月815元。", "815元", undefined],
    ["低保标准每月提高50元。", "50元", true],
    ["群众安全感达98.5%。", "98.5%", undefined],
  ] as [string, string, boolean | undefined][])("%s %s", (s, text, change) => {
    const f = one(s, text);
    expect(f, `${text} is a figure`).toBeDefined();
    expect(f?.change).toBe(change);
  });
});

describe("kind", () => {
  const ROWS: [string, string, "reported" | "target"][] = [
    ["预计全年实现财政收入12亿元。", "12亿元", "reported"],
    ["今年以来,全区新增企业12家。", "12家", "reported"],
    ["这一年,建立新时代文明实践阵地51个。", "51个", "reported"],
    ["始终将党的政治建设摆在首位,建立阵地51个。", "51个", "reported"],
    ["成功争取中央专项资金2000万元。", "2000万元", "reported"],
    ["累计争取各类资金2118亿元。", "2118亿元", "reported"],
    ["新增国家级人才计划入选者106人，新认定省级高层次人才2745人。", "2745人", "reported"],
    // 计划 as a noun (a programme, a quota), not "plans to": before a number, a list comma, 项目.
    ["国际大科学计划、国家级制造业创新中心实现突破，全国重点实验室从15家跃升到38家。", "38家", "reported"],
    ["增加优质特色普通高中招生计划1.76万个。", "1.76万个", "reported"],
    ["省重大科技计划项目中企业牵头或参与占比超过80%。", "80%", "reported"],
    ["计划投资1.2亿元建设污水处理厂。", "1.2亿元", "target"],
    ["一、2025年工作回顾\n争取“两重”“两新”资金311.5亿元。", "311.5亿元", "reported"],
    ["一、过去五年工作回顾\n争取中央转移支付超5300亿元。", "5300亿元", "reported"],
    ["二、2026年工作安排\n争取中央转移支付超5500亿元。", "5500亿元", "target"],
    ["力争新增总部企业20家。", "20家", "target"],
    // A from–to change under a marker: the starting level is reached, the end is the target.
    ["力争企业数量由目前的11家增至22家以上。", "11家", "reported"],
    ["力争企业数量由目前的11家增至22家以上。", "22家", "target"],
    ["二、2026年工作安排\n常住人口城镇化率由2025年的60%提高到62%。", "60%", "reported"],
    ["二、2026年工作安排\n常住人口城镇化率由2025年的60%提高到62%。", "62%", "target"],
    ["确保年内招引重点项目不少于60个。", "60个", "target"],
    ["高邮计划每年招引实施重大项目5个以上。", "5个", "target"],
    ["到2025年,全市将打造特色田园乡村18个以上。", "18个", "target"],
    ["年内新增国家高新技术企业60家以上。", "60家", "target"],
    ["每年设立不低于5000万元人才奖补资金。", "5000万元", "target"],
    ["下一步,我区将新建学校3所,新增学位2000个。", "2000个", "target"],
    // A marker governs the list of measures after it in the paragraph.
    ["邗江将把疫情防控作为前提。加快提升应急处置能力,再细分2100个微网格。", "2100个", "target"],
    ["要重点任务再聚焦。聚力推进6处低效用地盘活。", "6处", "target"],
    // A result stated after the marker stays reported.
    ["该区将继续推进项目建设。今年以来已完成投资5亿元。", "5亿元", "reported"],
    ["计划投资不超过5000万元。全县现有A级景区9处。", "9处", "reported"],
    ["全县经济平稳。该县将新增企业20家。", "20家", "target"],
    ["今年前三季度全市实现旅游总收入1000多万元。", "1000多万元", "reported"],
    // 完成年度目标 reports a result; 目标 there is no goal marker.
    ["1-10月，完成年度目标的85%。人均GDP达到1.2万美元。", "1.2万美元", "reported"],
    ["全市将加快项目建设。第三季度，新签约项目投资额同比增长12%。", "12%", "reported"],
    // A time word inside the marker's own clause does not end its scope.
    ["会议要求，确保一季度新开工项目20个以上，完成投资35亿元。", "35亿元", "target"],
    ["确保二季度规上工业增加值增长9%以上，上半年新开工项目不少于25个。", "25个", "target"],
    ["政府未来五年将兴建约十五万个单位，较过去五年增加约五成。", "五成", "target"],
    ["确保年前完成改造300户。", "300户", "target"],
    // Paragraphs under a plan heading are targets; under a review heading they are results.
    ["一、2023年工作回顾\n新建学校5所。\n二、2024年重点工作\n新建幼儿园12所。", "12所", "target"],
    ["一、2023年工作回顾\n新建学校5所。\n二、2024年重点工作\n新建幼儿园12所。", "5所", "reported"],
    ["下一步工作打算\n新增学位8000个。\n主要成效\n改造老旧小区35个。", "35个", "reported"],
    ["去年全区新增企业100家,今年将新增120家。", "100家", "reported"],
    ["去年全区新增企业100家,今年将新增120家。", "120家", "target"],
    ["会议要求，各地要高度重视。全市上半年完成固定资产投资120亿元，增长8%。", "8%", "reported"],
    ["今年全区计划实施重点项目120个，总投资500亿元，截至目前已开工85个。", "500亿元", "target"],
    ["今年全区计划实施重点项目120个，总投资500亿元，截至目前已开工85个。", "85个", "reported"],
    ["力争上半年地区生产总值增长7%以上。", "7%", "target"],
    ["2023年主要预期目标是：地区生产总值增长6.5%左右。", "6.5%", "target"],
    // A partitive description of a set on hand.
    ["仪征将坚持项目建设。\n全力抓好在建项目推进,7个百亿项目中2个部分开服。", "7个", "reported"],
  ];
  for (const [s, text, kind] of ROWS) {
    it(`${s} ${text} -> ${kind}`, () => expect(one(s, text)?.kind).toBe(kind));
  }
});

describe("sentence", () => {
  it("is the verbatim sentence around the figure", () => {
    const s = "第一句话。全区新增企业12家,增长5%。第三句。";
    expect(one(s, "12家")?.sentence).toBe("全区新增企业12家,增长5%。");
  });
});

describe("place", () => {
  it("is the place of the section or the subject of the sentence", () => {
    const s = extract("标题\n\n大庙街道\n\n大庙街道将推进项目,全力推进年度实施的45个重大产业项目建设。大庙街道将加快。\n\n徐庄镇\n\n徐庄镇将聚焦重点,推进7个重大产业项目。徐庄镇将加快。");
    expect(s.figures.map((f) => [f.text, f.place])).toEqual([["45个", "大庙街道"], ["7个", "徐庄镇"]]);
  });
});

describe("metric in traditional text", () => {
  it("matches on simplified text and is written in the article's script", () => {
    const s = extract("經(jīng)開區(qū)實現(xiàn)規(guī)上工業(yè)增加值增長8.5%,完成固定資產(chǎn)投資45.6億元。");
    expect(s.figures.map((f) => [f.text, f.metric, f.change])).toEqual([
      ["8.5%", "規上工業增加值", true],
      ["45.6億元", "固定資產投資", undefined],
    ]);
  });
});

describe("metric in a simplified text with a few traditional characters", () => {
  // A simplified page whose chrome links to its 繁體中文 edition: 体 stands as 體 once and as
  // itself everywhere else, so the metrics keep 体; a character the page writes traditional
  // as often as not goes back.
  const page = (links: number) => "繁體中文\n".repeat(links) + "新建农民体育健身工程4200个,建设全民健身体育公园12个。";
  it.each([
    [1, ["新建农民体育健身工程", "建设全民健身体育公园"]],
    [3, ["新建农民體育健身工程", "建设全民健身體育公园"]],
  ])("with %i traditional form(s) of 体", (links, metrics) => {
    expect(extract(page(links)).figures.map((f) => f.metric)).toEqual(metrics);
  });
});

describe("metric written with the document's full-width forms", () => {
  // The metric is read from folded text and written back with the first form the document
  // writes for each character (here ５ for 5), however far into the text that form first stands:
  // after a few digits written as themselves, and after more of them than the native searches
  // for the form are given (then one pass over the text finds it).
  const doc = (filler: number) => "今年新建5G基站12个。\n" + "编号5555555555。\n".repeat(filler) + "全市累计建成５G基站３２０个。";
  it.each([[1], [100]])("with %i line(s) of ASCII digits between", (filler) => {
    expect(extract(doc(filler)).figures.map((f) => [f.text, f.metric])).toEqual([
      ["12个", "新建５G基站"],
      ["３２０个", "建成５G基站"],
    ]);
  });
});

/**
 * Sections, kind by section, periods: the rule tables' own example rows (executed here, negative
 * rows too), then behaviour through extract() on small real-looking texts.
 */
import { describe, expect, it } from "vitest";
import { extract } from "../../src/extract/index";
import { headingOf } from "../../src/extract/sections";
import { resolveTime, timeWords, TimeWordReader } from "../../src/extract/timewords";
import {
  HEADING_FORMS,
  PLAIN_HEADING_RE,
  PLAIN_HEADING_EXAMPLES,
  PLAIN_HEADING_NOT,
  PLAN_HEADING,
  REVIEW_HEADING,
  PLAN_HEADING_WEAK,
  REVIEW_HEADING_WEAK,
  IMPERATIVE_HEADING,
  RESULT_HEADING,
  PLAN_LEAD,
  REVIEW_LEAD,
  TIME_RULES,
  REPORT_YEAR_RE,
  REPORT_YEAR_EXAMPLES,
  BULLETIN_YEAR_EXAMPLES,
  BULLETIN_YEAR_RE,
  ANNEX_LINE_RE,
  ANNEX_LINE_EXAMPLES,
  ANNEX_LINE_NOT,
} from "../../src/extract/rules/sections";
import { GOAL_PREDICATE_RE, GOAL_PREDICATE_EXAMPLES, GOAL_PREDICATE_NOT } from "../../src/extract/rules/markers";

describe("rule rows", () => {
  for (const form of HEADING_FORMS) {
    it(`heading form ${form.name}: level ${form.level}`, () => {
      for (const ex of form.examples) {
        const h = headingOf(ex.in);
        expect(h, ex.in).not.toBeNull();
        expect([h?.level, ex.in.slice(h!.start, h!.end)]).toEqual([form.level, ex.text]);
      }
      for (const t of form.not) expect(headingOf(t)?.level ?? null, t).not.toBe(form.level);
    });
  }
  it("plain heading lines", () => {
    for (const t of PLAIN_HEADING_EXAMPLES) expect(PLAIN_HEADING_RE.test(t), t).toBe(true);
    for (const t of PLAIN_HEADING_NOT) expect(PLAIN_HEADING_RE.test(t), t).toBe(false);
    expect(headingOf("12345")).toBeNull();
  });
  it("annex marker lines", () => {
    for (const t of ANNEX_LINE_EXAMPLES) expect(ANNEX_LINE_RE.test(t), t).toBe(true);
    for (const t of ANNEX_LINE_NOT) expect(ANNEX_LINE_RE.test(t), t).toBe(false);
  });
  const cues = { PLAN_HEADING, REVIEW_HEADING, PLAN_HEADING_WEAK, REVIEW_HEADING_WEAK, IMPERATIVE_HEADING, RESULT_HEADING, PLAN_LEAD, REVIEW_LEAD };
  for (const [name, cue] of Object.entries(cues)) {
    it(`mode cue ${name}`, () => {
      for (const t of cue.examples) expect(cue.re.test(t), t).toBe(true);
      for (const t of cue.not) expect(cue.re.test(t), t).toBe(false);
    });
  }
  for (const rule of TIME_RULES) {
    it(`time rule ${rule.kind}`, () => {
      for (const ex of rule.examples) expect(timeWords(ex.in, 2024).map((w) => w.period), ex.in).toEqual([ex.period]);
      for (const t of rule.not) expect(timeWords(t, 2024).length, t).toBe(0);
    });
  }
  it("report year", () => {
    for (const ex of REPORT_YEAR_EXAMPLES) {
      const m = REPORT_YEAR_RE.exec(ex.in);
      expect(Number(m?.[1] ?? m?.[2])).toBe(ex.year);
    }
  });
  it("bulletin year", () => {
    for (const ex of BULLETIN_YEAR_EXAMPLES) expect(Number(BULLETIN_YEAR_RE.exec(ex.in)?.[1])).toBe(ex.year);
  });
  it("goal predicates", () => {
    for (const t of GOAL_PREDICATE_EXAMPLES) expect(GOAL_PREDICATE_RE.test(t), t).toBe(true);
    for (const t of GOAL_PREDICATE_NOT) expect(GOAL_PREDICATE_RE.test(t), t).toBe(false);
  });
});

describe("headings", () => {
  it("levels of each form", () => {
    const lv = (t: string) => headingOf(t)?.level;
    expect([lv("第二部分 今后五年目标任务"), lv("二、2026年工作安排"), lv("(三)着力推进产业升级"), lv("3.加强重点项目建设"), lv("第三,深化改革"), lv("(2)新建学校")]).toEqual([0, 1, 2, 3, 3, 4]);
    expect(headingOf("我们坚持稳中求进,全年生产总值增长5%。")).toBeNull();
    expect(headingOf("2025年,全省生产总值增长5.4%。")).toBeNull();
  });
  it("a run-in heading ends at its first sentence end", () => {
    const t = "(一)经济增长迈出坚实步伐。全省生产总值增长5.5%。";
    const h = headingOf(t)!;
    expect(t.slice(h.start, h.end)).toBe("经济增长迈出坚实步伐");
  });
});

const kinds = (t: string) => extract(t).figures.map((f) => [f.text, f.kind]);

describe("plan and review sections", () => {
  const report = [
    "2026年某省政府工作报告",
    "一、2025年工作回顾",
    "过去一年,全省生产总值增长5.4%,新建高标准农田60万亩。",
    "(一)产业升级迈出坚实步伐。新增高新技术企业1200家,技术合同成交额达到300亿元。",
    "二、2026年工作安排",
    "今年经济社会发展主要预期目标是:地区生产总值增长5%左右,城镇新增就业45万人。",
    "(一)着力扩大内需。抓好600个省级重点工程项目,新建改造高标准农田80万亩。",
    "(二)着力推进产业升级。新认定高新技术企业1400家以上。",
  ].join("\n");
  const s = extract(report);
  const byText = (t: string) => s.figures.filter((f) => f.text === t);
  it("a review section's figures are reported, a plan section's are targets (with or without a marker)", () => {
    expect(byText("5.4%")[0]?.kind).toBe("reported");
    expect(byText("1200家")[0]?.kind).toBe("reported");
    expect(byText("300亿元")[0]?.kind).toBe("reported");
    expect(byText("600个")[0]?.kind).toBe("target");
    expect(byText("80万亩")[0]?.kind).toBe("target");
    expect(byText("1400家")[0]?.kind).toBe("target");
  });
  it("a subsection inherits its section's mode; a heading of the same level closes it", () => {
    // (一) under 二、 is a plan although its heading has no cue; 二、 closes 一、's review.
    expect(byText("45万人")[0]?.kind).toBe("target");
    expect(kinds("一、2023年工作回顾\n(一)经济运行\n全年生产总值增长5%。\n二、2024年工作安排\n(一)经济运行\n生产总值增长5%左右。")).toEqual([["5%", "reported"], ["5%", "target"]]);
  });
  it("a report's parts after its plan part are its tasks; outside a report a heading without cues stays neutral", () => {
    const parts = "一、2008年工作回顾\n全年生产总值增长10%。\n二、2009年工作的总体要求和主要目标\n生产总值增长8%左右。\n三、千方百计促进经济增长\n重点抓好500个工业项目。";
    expect(kinds(`2009年某省政府工作报告\n${parts}`)).toEqual([["10%", "reported"], ["8%", "target"], ["500个", "target"]]);
    expect(kinds(`某地新闻\n${parts}`)).toEqual([["10%", "reported"], ["8%", "target"], ["500个", "reported"]]);
  });

  it("a plain line that names a plan or a review is a part: the numbered headings under it keep its mode", () => {
    const parts = "2026年某省政府工作报告\n“十四五”时期工作回顾\n(一)产业升级\n新增高新技术企业1200家。\n2026年重点工作\n重点抓好八个方面工作:\n(一)加快建设现代化产业体系\n新增省级创新平台30个。\n(二)加大民生投入\n一是改造建设100个乡镇养老服务中心。";
    expect(kinds(parts)).toEqual([["1200家", "reported"], ["30个", "target"], ["100个", "target"]]);
    // The next plain line closes the part (the next story of a news page); a heading numbered
    // or not under a plain line without cues stays neutral.
    expect(kinds("某地新闻\n2022年工作回顾\n全市新建公园20个。\n阔步迈上新征程\n(一)产业\n新建公园30个。")).toEqual([["20个", "reported"], ["30个", "reported"]]);
    expect(kinds("某地新闻\n2026年重点工作\n新建公园20个。\n阔步迈上新征程\n(一)产业\n全市已建成公园30个。")).toEqual([["20个", "target"], ["30个", "reported"]]);
  });

  it("periods: the review year, the plan year, 今年 of a report", () => {
    expect(byText("5.4%")[0]?.period).toBe("2025");
    expect(byText("600个")[0]?.period).toBe("2026");
    expect(byText("45万人")[0]).toMatchObject({ period: "2026", period_text: "今年" });
  });
  it("a plan lead in a paragraph opens a plan for what follows (until the next heading)", () => {
    expect(kinds("我们对今后五年的发展提出了具体目标。\n地区生产总值超过1800亿元。\n新建公园20个以上。")).toEqual([["1800亿元", "target"], ["20个", "target"]]);
  });
  it("an instruction heading at the top opens a plan when nothing says otherwise", () => {
    expect(kinds("三、聚力打造增长极,做强发展支撑\n安排市以上重点项目200项左右。")).toEqual([["200项", "target"]]);
    expect(kinds("三、经济运行稳中向好\n安排市以上重点项目200项。")).toEqual([["200项", "reported"]]);
  });
  it("an annex of the year's livelihood projects is a plan of its year, its numbered items included", () => {
    const annex = [
      "2026年某省政府工作报告",
      "一、2025年工作回顾",
      "过去一年,全省新增养老床位3852张。",
      "四、加强政府自身建设",
      "各位代表!让我们团结一心,奋力谱写新篇章。",
      "附件1",
      "2026年省十件民生实事",
      "一、为劳动者提供普惠就业公共服务。",
      "开展补贴性职业技能培训超30万人次,技工院校招生规模超19万人。",
      "2.发布就业岗位50万个以上,建成家庭养老床位7000张。",
    ].join("\n");
    const figs = extract(annex).figures;
    expect(figs.map((f) => [f.text, f.kind, f.period ?? null])).toEqual([
      ["3852张", "reported", "2025"],
      ["十件", "target", "2026"],
      ["30万人次", "target", "2026"],
      ["19万人", "target", "2026"],
      ["50万个", "target", "2026"],
      ["7000张", "target", "2026"],
    ]);
  });
  it("a plan lead quoted in news holds for its paragraph only", () => {
    const news = "“2018年我县经济社会发展的主要预期目标是:生产总值增长8.5%以上,服务业增加值增长13%以上……”\n在近两个小时的报告中,代表们一边聆听一边思考。";
    expect(kinds(news)).toEqual([["8.5%", "target"], ["13%", "target"], ["两个小时", "reported"]]);
  });
  it("sentence cues still win where they are stronger", () => {
    // 预计全年 is an estimate of a result, even in a plan section.
    expect(kinds("二、2026年工作安排\n预计全年地区生产总值增长5.2%。今年地区生产总值增长5%左右。")).toEqual([["5.2%", "reported"], ["5%", "target"]]);
    // A goal named in an earlier clause does not make a year-on-year result a target; a goal in the figure's own clause does.
    expect(kinds("一、过去一年工作回顾\n以群众满意作为工作目标，扎实推进治理，全市重点污染物浓度同比下降12.5%，达标天数达到260天。")).toEqual([["12.5%", "reported"], ["260天", "reported"]]);
    expect(kinds("一、过去一年工作回顾\n明年的目标是新建学校10所。")).toEqual([["10所", "target"]]);
    expect(kinds("一、过去一年工作回顾\n全年粮食产量比上年增加3万吨，下一步力争比上年再增加5万吨。")).toEqual([["3万吨", "reported"], ["5万吨", "target"]]);
    // 中 inside a word (城中村, 高中, 县中) is no partitive set in a plan.
    expect(kinds("二、今年工作安排\n完成4个城中村改造。开展20所优质高中对县中托管帮扶。")).toEqual([["4个", "target"], ["20所", "target"]]);
    // An aim inside an earlier clause's noun phrase, a beaten plan, funds secured: results.
    expect(kinds("一、过去一年工作回顾\n聚焦目标任务体系，真抓实干，生产总值增长5.6%。新退出融资平台30家、超计划9家。争取国家政策性资金超千亿元。有计划、有步骤地拆除违章建筑4200万平方米。")).toEqual([["5.6%", "reported"], ["30家", "reported"], ["9家", "reported"], ["千亿元", "reported"], ["4200万平方米", "reported"]]);
    expect(kinds("一、过去一年工作回顾\n争取国家“两重”建设任务162项，争取用地指标2万亩。")).toEqual([["162项", "reported"], ["2万亩", "reported"]]);
    // Expectations as a policy object (稳预期) are no goal marker.
    expect(kinds("一、过去一年工作回顾\n全省上下着力稳就业、稳预期，地区生产总值增长5.3%。")).toEqual([["5.3%", "reported"]]);
    // A share of the year's plan and a past 确保了 are results.
    expect(kinds("一、过去一年工作回顾\n完成投资14亿元，占年计划投资的120%，占年度目标的101%。确保了全县2万名学生按时返校。")).toEqual([["14亿元", "reported"], ["120%", "reported"], ["101%", "reported"], ["2万名", "reported"]]);
    // Life expectancy and the kind of an indicator are no expectations.
    expect(kinds("一、过去五年工作回顾\n人均预期寿命提高到78.8岁。5项预期性指标未能如期完成。")).toEqual([["78.8岁", "reported"], ["5项", "reported"]]);
    expect(kinds("一、过去五年工作回顾\n好的预期不断释放，生产总值年均增长4.4%。6项指标不及预期。")).toEqual([["4.4%", "reported"], ["6项", "reported"]]);
  });
  it("a target's period is not a time over before its year, unless that is its deadline", () => {
    const plan = "2026年某区政府工作报告\n二、2026年工作安排\n加快建设“十四五”批复的6个基地，确保新增装机3000万千瓦。力争到2025年未完成的20个项目全部投产。";
    expect(extract(plan).figures.map((f) => [f.text, f.kind, f.period])).toEqual([["6个", "target", "2026"], ["3000万千瓦", "target", "2026"], ["20个", "target", "2025"]]);
    // A target that a result is compared with (比省定目标低…) is no marker of that result.
    expect(kinds("一、过去一年工作回顾\n全市城镇新增就业5.6万人，城镇登记失业率比省定目标低0.57个百分点。")).toEqual([["5.6万人", "reported"], ["0.57个百分点", "reported"]]);
    // A review paragraph's 将 sentence is a target; its weak markers (每年) are not.
    expect(kinds("一、过去一年工作回顾\n全年新增就业12万人。每年实施20项民生实事。明年我们将新建学校10所。")).toEqual([["12万人", "reported"], ["20项", "reported"], ["10所", "target"]]);
  });
  it("a short line that goes on with a sentence cut off above it is no heading (a hard-wrapped page)", () => {
    const r = "2004年政府工作报告\n2003年工作回顾\n刚刚过去的一年，是我省发展进程中重要而又很不寻常的一年。全省人民在党中央、国务院\n全面建设小康社会\n道路上迈出坚实的第一步。新造林850万亩，每年新增劳动力30万人。\n2004年工作安排\n新造林500万亩。";
    expect(kinds(r)).toEqual([["850万亩", "reported"], ["30万人", "reported"], ["500万亩", "target"]]);
    // A line after a sentence that ended is still a heading: it closes the review.
    expect(kinds(r.replace("国务院\n", "国务院领导下奋力拼搏。\n"))).toEqual([["850万亩", "reported"], ["30万人", "target"], ["500万亩", "target"]]);
  });
  it("news without sections keeps the marker logic", () => {
    expect(kinds("今年以来,全区完成投资12亿元。全区将力争新增企业20家。")).toEqual([["12亿元", "reported"], ["20家", "target"]]);
  });
});

describe("periods", () => {
  const p = (t: string) => extract(t).figures.map((f) => [f.text, f.period ?? null, f.period_text ?? null]);
  it("resolves relative words against the published date", () => {
    const head = "某县召开会议\n2024-07-15 来源:某县日报\n";
    expect(p(head + "上半年,全县完成投资12亿元。")).toEqual([["12亿元", "2024-H1", "上半年"]]);
    expect(p(head + "去年全县生产总值增长6%。")).toEqual([["6%", "2023", "去年"]]);
    expect(p(head + "全县前三季度新增企业30家。")).toEqual([["30家", "2024-01..09", "前三季度"]]);
    expect(p(head + "1—10月,全县实现税收5亿元。")).toEqual([["5亿元", "2024-01..10", "1—10月"]]);
    expect(p(head + "明年将新建学校3所。")).toEqual([["3所", "2025", "明年"]]);
  });
  it("a year written before a half or quarter is its year", () => {
    expect(p("2022年上半年,全区生产总值增长5%。")).toEqual([["5%", "2022-H1", "2022年上半年"]]);
    expect(p("2023年三季度新增就业1万人。")).toEqual([["1万人", "2023-Q3", "2023年三季度"]]);
  });
  it("five-year plans and multi-year reviews get the span", () => {
    expect(p("“十四五”时期,全省生产总值年均增长5.9%。")).toEqual([["5.9%", "2021..2025", "“十四五”时期"]]);
    const r = "2026年某省政府工作报告\n一、2025年及“十四五”时期工作回顾\n过去一年,全省生产总值增长5.5%。\n五年来,我们牢记嘱托。\n全省生产总值年均增长5.9%。";
    expect(p(r)).toEqual([["5.5%", "2025", "过去一年"], ["5.9%", "2021..2025", "五年来"]]);
  });
  it("a target takes its deadline, else its plan section's year", () => {
    expect(p("到2025年,全市森林覆盖率达到30%。")).toEqual([["30%", "2025", "到2025年"]]);
    expect(p("三、2026年工作安排\n新建智能化煤矿60座。")).toEqual([["60座", "2026", "2026年"]]);
  });
  it("a base a figure is compared with is not its period, except of the base's own level", () => {
    const r = "2011年某省政府工作报告\n一、2010年工作回顾\n";
    // 比上年 / 是2005年的 are bases: the figures are of the reviewed year (the section's).
    expect(p(r + "全省生产总值比上年增长12%，是2005年的1.9倍。")).toEqual([["12%", "2010", "2010年"], ["1.9倍", "2010", "2010年"]]);
    // 由2005年的 gives the level right after it its year; the level it rose to is of the sentence's own year.
    expect(p(r + "预计2010年，汽车产量由2005年的21.5万辆发展到72万辆。")).toEqual([["21.5万辆", "2005", "2005年"], ["72万辆", "2010", "2010年"]]);
    // In a plan, 比上年 does not make the target last year's, and 由上年的 is the starting level only.
    const plan = "2011年某省政府工作报告\n二、2011年工作安排\n全省生产总值比上年增长8%，财政收入由上年的100亿元增加到110亿元。";
    expect(extract(plan).figures.map((f) => [f.text, f.kind, f.period])).toEqual([["8%", "target", "2011"], ["100亿元", "reported", "2010"], ["110亿元", "target", "2011"]]);
    // 是 before a time word with no 的 is a copula, and 从2011年起 is a start: both are periods.
    expect(p("全省上下团结奋斗，刚刚过去的这一年是“十一五”收官之年，全省粮食产量达到600亿斤。")).toEqual([["600亿斤", "2006..2010", "“十一五”"]]);
    expect(p("从2011年起每年新建学校10所。")).toEqual([["10所", "2011", "2011年"]]);
  });
  it("全年 in a review is the reviewed year, under a sub-heading with no year of its own too", () => {
    const r = "某市2010年政府工作报告\n一、2009年工作回顾\n（一）经济形势回升向好。 全年生产总值完成1737.6亿元。工业增加值完成477.1亿元。\n二、2010年主要工作任务\n全年新增就业5万人。";
    expect(p(r).map((x) => x.slice(0, 2))).toEqual([["1737.6亿元", "2009"], ["477.1亿元", "2009"], ["5万人", "2010"]]);
  });
  it("a statistical bulletin's 全年, 年末 and 上年 are of the year its title names, not of its publication", () => {
    const b = "2023年某市国民经济和社会发展统计公报\n某市统计局\n2024年3月20日\n初步核算，全年全市生产总值5482.1亿元，比上年增长4.1%。\n年末全市常住人口705.6万人，比上年末减少1.7万人。";
    expect(p(b).map((x) => x.slice(0, 2))).toEqual([["5482.1亿元", "2023"], ["4.1%", "2023"], ["705.6万人", "2023"], ["1.7万人", "2023"]]);
  });
  it("resolveTime normalises each kind", () => {
    expect([resolveTime("十三五期间", 2024), resolveTime("今后五年", 2026), resolveTime("过去五年", 2026), resolveTime("2021—2025年", 2024), resolveTime("下半年", 2024), resolveTime("10月份", 2024)]).toEqual(["2016..2020", "2026..2030", "2021..2025", "2021..2025", "2024-H2", "2024-10"]);
    expect(resolveTime("今年", undefined)).toBeUndefined();
  });
  it("the on-demand reader finds the words a scan of the whole text finds, from any sentence it skips to", () => {
    // Every rule's examples run together (2024年 + 上半年 join), between sentence and line ends.
    const words = TIME_RULES.flatMap((r) => r.examples.map((e) => e.in));
    const parts = words.flatMap((w, i) => [w, ["。", "\n", "", "全省增长5%,", "2024年"][i % 5] as string]);
    const text = parts.join("");
    const whole = timeWords(text, 2024);
    expect(whole.length).toBeGreaterThan(words.length / 2);
    for (let skip = 0; skip < text.length; skip += 7) {
      const reader = new TimeWordReader(text, 2024);
      reader.skipTo(skip);
      reader.readTo(text.length);
      // From the restart point it took (the last sentence or line end before `skip`), every word.
      const from = reader.words[0]?.start ?? text.length;
      expect(reader.words).toEqual(whole.filter((w) => w.start >= from));
      expect(whole.some((w) => w.start < skip && w.end > from && w.start < from)).toBe(false);
    }
    for (let at = 0; at < text.length; at++) {
      if (at > 0 && text[at - 1] !== "\n" && text[at - 1] !== "。") continue;
      const first = whole.find((w) => w.start >= at);
      expect(new TimeWordReader(text, 2024).openingWord(at, 12)).toEqual(first && first.start - at <= 12 ? first : undefined);
    }
  });
});

describe("one goal per promise", () => {
  const goals = (t: string) => extract(t).goals.map((g) => [g.text, g.figures, g.deadline ?? null]);
  it("each comma clause with its own predicate and metric is its own goal; the first keeps the lead", () => {
    expect(goals("二、2026年工作安排\n今年经济社会发展主要目标是:地区生产总值增长4.5%—5%,固定资产投资增长5%,社会消费品零售总额增长5%。")).toEqual([
      ["今年经济社会发展主要目标是:地区生产总值增长4.5%—5%", ["4.5%—5%"], "今年"],
      ["固定资产投资增长5%", ["5%"], "今年"],
      ["社会消费品零售总额增长5%", ["5%"], "今年"],
    ]);
  });
  it("parallel objects under one shared verb stay one goal", () => {
    expect(goals("力争新增百亿级企业1家、10亿元以上企业30家。")).toEqual([["力争新增百亿级企业1家、10亿元以上企业30家", ["1家", "30家"], null]]);
    expect(goals("力争新增百亿级企业1家,10亿元以上企业30家。")).toEqual([["力争新增百亿级企业1家,10亿元以上企业30家", ["1家", "30家"], null]]);
    expect(goals("三、2014年工作安排\n安排重点项目200项左右,总投资3000亿元以上,年投资600亿元以上。").map((g) => g[1])).toEqual([["200项", "3000亿元", "600亿元"]]);
  });
  it("a clause that opens with an action verb of its own is its own goal", () => {
    expect(goals("三、2026年重点工作\n实现城镇新增就业18万人以上，发布就业岗位50万个以上，释放政策性岗位4.5万个。").map((g) => g[1])).toEqual([["18万人"], ["50万个"], ["4.5万个"]]);
  });
  it("a 分别 clause is one goal", () => {
    expect(goals("二、2019年工作安排\n城乡居民人均可支配收入分别增长7.5%和8.5%。").map((g) => g[1])).toEqual([["7.5%", "8.5%"]]);
  });
  it("a clause of a bare change keeps its own goal: 增长12%", () => {
    expect(goals("今年,该镇将继续努力。力争实现工业总产值21亿元,增长12%;新增企业1家。")).toEqual([
      ["力争实现工业总产值21亿元", ["21亿元"], "今年"],
      ["增长12%", ["12%"], "今年"],
      ["新增企业1家", ["1家"], "今年"],
    ]);
  });
  it("a list lead's year is each item's deadline; goals get the deadline's period", () => {
    const s = extract("县人代会开幕\n2018年我县经济社会发展的主要预期目标是:生产总值增长8.5%以上,服务业增加值增长13%以上。");
    expect(s.goals.map((g) => [g.deadline, g.period])).toEqual([["2018年", "2018"], ["2018年", "2018"]]);
  });
});

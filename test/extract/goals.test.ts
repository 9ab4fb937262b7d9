/** Goals: clauses with target figures, grouping, deadline and actor. */
import { describe, expect, it } from "vitest";
import { extract } from "../../src/extract/index";
import { DEADLINE_EXAMPLES, FRAMING_CLAUSE_EXAMPLES, FRAMING_CLAUSE_RE, GOAL_PREDICATE_RE, ITEM_VERB_EXAMPLES, ITEM_VERB_RE } from "../../src/extract/rules/markers";

const goals = (s: string) => extract(s).goals;

describe("goals", () => {
  it("one goal per clause with a target figure", () => {
    const g = goals("金山桥街道将聚焦重点。全年力争招引亿元以上项目3个,培育新的经济增长点;力争新增总部企业20家,形成新的发展动能。");
    expect(g.map((x) => [x.text, x.figures, x.deadline])).toEqual([
      ["全年力争招引亿元以上项目3个", ["3个"], "全年"],
      ["力争新增总部企业20家", ["20家"], undefined],
    ]);
  });
  it("parallel objects under one verb share a goal; a clause with its own predicate is its own", () => {
    const g = goals("每年新增省级以上研发机构10家以上、产学研合作150项以上,实施关键共性技术攻关和科技成果转化100项以上。");
    expect(g.map((x) => [x.figures, x.deadline])).toEqual([[["10家", "150项"], "每年"], [["100项"], "每年"]]);
  });
  it("a clause that only frames the next (聚焦…, 依托…) is part of that clause's goal", () => {
    for (const ex of FRAMING_CLAUSE_EXAMPLES) {
      const m = FRAMING_CLAUSE_RE.exec(ex.in);
      expect([ex.in, !!m && !GOAL_PREDICATE_RE.test(ex.in.slice(m[0].length))]).toEqual([ex.in, ex.framing]);
    }
    const g = goals("二、今年工作安排\n聚焦13个产业集群，细分培育30条以上产业链，布局一批产业集聚区。依托50家龙头企业，打造区域公共品牌。聚焦重点领域，新增高新技术企业150家。");
    expect(g.map((x) => [x.text, x.figures])).toEqual([
      ["聚焦13个产业集群，细分培育30条以上产业链", ["13个", "30条"]],
      ["依托50家龙头企业，打造区域公共品牌", ["50家"]],
      ["新增高新技术企业150家", ["150家"]],
    ]);
  });
  it("an item after 、 with an action verb of its own is its own promise; a bare object is not", () => {
    for (const ex of ITEM_VERB_EXAMPLES) expect([ex.in, ITEM_VERB_RE.test(ex.in)]).toEqual([ex.in, ex.own]);
    const g = goals("二、今年工作安排\n新增国家级高新技术企业800家、培育科技型中小企业1.8万家。新建县级物流配送中心36个、乡镇商贸中心425家。筹集保障性租赁住房2万套以上、新建公租房500套。");
    expect(g.map((x) => [x.text, x.figures])).toEqual([
      ["新增国家级高新技术企业800家", ["800家"]],
      ["培育科技型中小企业1.8万家", ["1.8万家"]],
      ["新建县级物流配送中心36个、乡镇商贸中心425家", ["36个", "425家"]],
      ["筹集保障性租赁住房2万套以上", ["2万套"]],
      ["新建公租房500套", ["500套"]],
    ]);
  });
  it("a clause with its own marker or verb opens a new goal; another object of the same verb does not", () => {
    const g = goals("高邮计划每年招引实施重大项目5个以上,新增百亿级企业1家,10亿元以上企业30家,力争3-5家企业成功上市。");
    expect(g.map((x) => x.figures)).toEqual([["5个"], ["1家", "30家"], ["3-5家"]]);
  });
  it("a clause naming a standard indicator of its own is its own promise, even without a verb", () => {
    const g = goals("二、今年工作安排\n主要预期目标是：城镇新增就业50万人，城镇调查失业率5.5%左右，居民消费价格涨幅2%左右。");
    expect(g.map((x) => x.figures)).toEqual([["50万人"], ["5.5%"], ["2%"]]);
  });
  it("keeps a deadline-only clause before the goal", () => {
    const g = goals("到2025年,高邮将打造特色田园乡村18个以上。");
    expect(g[0]?.text).toBe("到2025年,高邮将打造特色田园乡村18个以上");
    expect(g[0]?.deadline).toBe("到2025年");
    expect(g[0]?.actor).toBe("高邮");
  });
  it("a time word before the subject is not part of the actor", () => {
    expect(goals("记者获悉，今年阜南县计划投资5.2亿元，新建改造农村公路300公里。").map((x) => x.actor)).toEqual(["阜南县", "阜南县"]);
  });
  it("keeps a “十四五” deadline clause before the goal", () => {
    const g = goals("园区将深入实施攻坚行动；到“十四五”期末，力争培育百亿级企业3家、十亿级企业20家以上。");
    expect(g[0]?.text).toBe("到“十四五”期末，力争培育百亿级企业3家、十亿级企业20家以上");
    expect(g[0]?.deadline).toBe("“十四五”期末");
  });
  it("the actor leaves out time words and adverbs, and is never an adverbial", () => {
    expect(goals("据悉，晋江今年还将新建5G基站800个。")[0]?.actor).toBe("晋江");
    expect(goals("高新区召开分析会。会议要求，下半年要全力冲刺，确保新签约项目不少于40个。")[0]?.actor).not.toBe("下半年");
    expect(goals("县长表示，今年将再争取补助不少于2亿元，并在年底前完成两千户污水接管。").map((g) => g.actor)).toEqual([undefined, undefined]);
  });
  it("the actor is a place or a body, never a verb phrase", () => {
    expect(goals("找准内涵将全面提升，力争新增企业20家。")[0]?.actor).toBeUndefined();
    expect(goals("按照计划，年底前完成高标准农田建设1.2万亩。")[0]?.actor).toBeUndefined();
    expect(goals("区发改委将牵头推进，力争新增企业20家。")[0]?.actor).toBe("区发改委");
    expect(goals("全县总体平稳。沭阳将力争新增企业20家。沭阳县经济运行良好。")[0]?.actor).toBe("沭阳");
  });
  it("deadlines as written (DEADLINE_EXAMPLES)", () => {
    for (const ex of DEADLINE_EXAMPLES) {
      const g = goals(ex.in);
      expect([ex.in, g.length, g[0]?.deadline ?? null]).toEqual([ex.in, 1, ex.deadline]);
    }
  });
  it("the actor is the subject before 将, or the section heading", () => {
    expect(goals("广陵将认真贯彻全会精神。力争新培育企业20家以上。")[0]?.actor).toBe("广陵");
    expect(goals("大庙街道\n\n我们将坚决贯彻部署,全力推进年度实施的45个重大产业项目建设。")[0]?.actor).toBe("大庙街道");
    // A heading's place is a name the gazetteer knows, not a suffix met by chance (推进乡 in 推进乡村振兴).
    expect(goals("扎实推进乡村振兴\n\n我们将新建高标准农田5万亩。")[0]?.actor).toBeUndefined();
    expect(goals("关于广陵区\n\n我们将新建高标准农田5万亩。")[0]?.actor).toBe("广陵区");
  });
  it("reads traditional text with pinyin: markers, approximations, deadlines, actor", () => {
    const t = "經(jīng)開區(qū)召開項(xiàng)目建設(shè)推進會\n2022年08月05日 來源：萍鄉日報\n會議強調(diào)，要確保年內新開工項(xiàng)目不少於(yú)30個，到2025年規(guī)上工業(yè)企業(yè)達(dá)到300家。";
    const s = extract(t);
    expect(s.figures.map((f) => [f.text, f.kind, f.approx])).toEqual([["30個", "target", "more_than"], ["300家", "target", undefined]]);
    expect(s.goals.map((g) => [g.deadline, g.actor])).toEqual([["年內", "經開區"], ["到2025年", "經開區"]]);
    expect(s.goals[0]?.text).toBe("要確保年內新開工項(xiàng)目不少於(yú)30個");
  });
  it("no goal without a target figure", () => {
    expect(goals("要聚力打好高质量发展翻身仗,争取最好结果。")).toEqual([]);
    expect(goals("这一年,全区新增企业12家。")).toEqual([]);
  });
  it("goal text is the original text at its offsets (pinyin kept)", () => {
    const s = "經(jīng)開區(qū)將力爭新增企業(yè)20家。";
    for (const g of goals(s)) expect(s.slice(g.start, g.end)).toBe(g.text);
    expect(goals(s).length).toBe(1);
  });
});

/**
 * Places: the gazetteer's short-form rules, the village/zone and cue rules (their example rows
 * run here, beside nothing else), and whole-article rows: short forms, towns, ambiguous names
 * resolved by the other places named and refused when nothing settles them, villages and zones
 * filed under their parent, and words that only look like places.
 */
import { describe, expect, it } from "vitest";
import { extract } from "../../src/extract";
import { findNames, gazetteer, shortForm, writtenForm } from "../../src/places/gazetteer";
import { findMentions, subPlaceAfter } from "../../src/extract/places/mentions";
import { WORD_SHORT_FORMS } from "../../src/places/word-forms";
import {
  OUTLET_AFTER_RE,
  OUTLET_EXAMPLES,
  OWN_PLACE_EXAMPLES,
  PRIMARY_CUES,
  SELF_REFERENCE_EXAMPLES,
  SELF_REFERENCE_RE,
  SHORT_FORM_RULES,
  SUB_PLACE_EXAMPLES,
  SUBJECT_AFTER_RE,
  SUBJECT_EXAMPLES,
  TOWN_EXAMPLES,
  TOWN_NAME_RE,
} from "../../src/extract/rules/places";

describe("place rule tables", () => {
  it("derives each short form from its suffix", () => {
    for (const rule of SHORT_FORM_RULES) for (const ex of rule.examples) expect([ex.in, shortForm(ex.in, rule.level) ?? null]).toEqual([ex.in, ex.out]);
  });
  it("derives the written form of an autonomous unit (化隆县, 延边州)", () => {
    for (const rule of SHORT_FORM_RULES) for (const ex of rule.examples) expect([ex.in, writtenForm(ex.in, rule.level) ?? null]).toEqual([ex.in, ex.written ?? null]);
  });
  it("keeps the town-level units that are places", () => {
    for (const ex of TOWN_EXAMPLES) expect([ex.in, TOWN_NAME_RE.test(ex.in)]).toEqual([ex.in, ex.town]);
  });
  it("reads villages, communities and zones after their division", () => {
    for (const ex of SUB_PLACE_EXAMPLES) expect([ex.in, subPlaceAfter(ex.in)?.name ?? null]).toEqual([ex.in, ex.name]);
  });
  it("reads an article's words for its own place", () => {
    for (const ex of SELF_REFERENCE_EXAMPLES) expect([ex.in, SELF_REFERENCE_RE.exec(ex.in)?.[1] ?? null]).toEqual([ex.in, ex.unit]);
  });
  it("reads the cues of an article's own place", () => {
    for (const cue of PRIMARY_CUES) for (const ex of cue.examples) expect([cue.name, ex.in, cue.after.test(ex.in)]).toEqual([cue.name, ex.in, ex.cue]);
    for (const ex of OUTLET_EXAMPLES) expect([ex.in, OUTLET_AFTER_RE.test(ex.in)]).toEqual([ex.in, ex.outlet]);
    for (const ex of SUBJECT_EXAMPLES) expect([ex.in, SUBJECT_AFTER_RE.test(ex.in)]).toEqual([ex.in, ex.subject]);
  });
});

describe("gazetteer", () => {
  const g = gazetteer();
  const codes = (name: string) => (g.names.get(name) ?? []).map((e) => g.divisions[e >> 1]?.code);
  it("holds provinces, prefectures, counties and towns with their GB/T 2260 codes", () => {
    expect(codes("河北省")).toEqual(["130000"]);
    expect(codes("保定市")).toEqual(["130600"]);
    expect(codes("高阳县")).toEqual(["130628"]);
    expect(codes("洪畴镇")).toEqual(["331023108"]);
    expect(codes("香港特别行政区")).toEqual(["810000"]);
    expect(codes("城关镇").length).toBeGreaterThan(50);
  });
  it("lists as ordinary words only short forms of county-level divisions the data package has", () => {
    const countyForms = new Set(g.divisions.filter((d) => d.level === 3 && d.short).map((d) => d.short));
    expect(WORD_SHORT_FORMS.size).toBeGreaterThan(100);
    for (const w of WORD_SHORT_FORMS) expect(countyForms.has(w), w).toBe(true);
    for (const name of ["杜集", "高阳", "邗江", "江津", "淳安"]) expect(WORD_SHORT_FORMS.has(name), name).toBe(false);
  });
  it("hangs a municipality's districts from the municipality itself", () => {
    const d = g.divisions[(g.names.get("东城区")?.[0] ?? 0) >> 1];
    expect(g.divisions[d?.parent ?? -1]?.name).toBe("北京市");
  });
});

/** Rows: text → the places listed (name/code, primary first); `figure` = the first figure's place code. */
const ROWS: { in: string; places: string[]; figure?: string | null }[] = [
  // short forms derived from the suffixes
  { in: "河北将新增企业12家。", places: ["河北省/130000"], figure: "130000" },
  { in: "保定讯 保定将新增企业12家。", places: ["保定市/130600"] },
  { in: "淮北市杜集区人民政府。杜集新增企业12家。", places: ["杜集区/340602"], figure: "340602" },
  { in: "广西壮族自治区人民政府。广西新增企业12家。", places: ["广西壮族自治区/450000"] },
  { in: "内蒙古自治区。内蒙古新增企业12家。", places: ["内蒙古自治区/150000"] },
  { in: "河北省保定市高阳县人民政府关于印发工作方案的通知。全县新增企业12家。", places: ["高阳县/130628"], figure: "130628" },
  // towns, traditional script
  { in: "洪疇鎮召開人代會。洪疇鎮力爭實現工業總產值21億元。", places: ["洪畴镇/331023108"], figure: "331023108" },
  // a town standing alone counts in its own province or where none is named, not in another's
  // (and a town's name run across words, 确保城镇 holding 保城镇, is one of those)
  { in: "浙江省召开会议。洪畴镇力争实现工业总产值21亿元。", places: ["洪畴镇/331023108"], figure: "331023108" },
  { in: "河北省召开会议。洪畴镇力争实现工业总产值21亿元。", places: ["河北省/130000"], figure: "130000" },
  { in: "河北省人民政府。确保城镇登记失业率控制在5%以内。", places: ["河北省/130000"], figure: "130000" },
  // ambiguous names resolved by the other places named …
  { in: "北京市朝阳区召开会议，朝阳区新增企业12家。", places: ["朝阳区/110105"], figure: "110105" },
  { in: "吉林省长春市朝阳区召开会议，朝阳区新增企业12家。", places: ["朝阳区/220104"], figure: "220104" },
  { in: "辽宁省朝阳市召开会议。朝阳新增企业12家。", places: ["朝阳市/211300"] },
  { in: "天津市河北区召开会议。河北区新增企业12家。", places: ["河北区/120105"] },
  { in: "安徽省五河县城关镇召开会议。城关镇将新增企业12家。", places: ["城关镇/340322100"] },
  // … and refused when nothing settles them
  { in: "朝阳区召开会议，新增企业12家。", places: [], figure: null },
  { in: "城关镇召开会议，新增企业12家。", places: [] },
  { in: "东城街道召开会议，新增企业12家。", places: [] },
  // villages, communities and zones under their parent
  { in: "吉林省四平市梨树县八里庙村，八里庙村年人均收入20000元。", places: ["八里庙村/220322"] },
  // a community's own record is about the street that holds it too, when it names it; a village's
  // county is not listed
  { in: "东营区东城街道兴盛社区志愿服务队。兴盛社区组织26名志愿者。", places: ["兴盛社区/370502003", "东城街道/370502003"] },
  { in: "兴盛社区志愿服务队。兴盛社区组织26名志愿者。", places: [] },
  { in: "河北雄安新区建设。雄安新区新增企业12家。", places: ["雄安新区/130000"] },
  // a county's short form, a town's name and a prefecture's short form are often words: the
  // province alone does not settle them, its prefecture (or the county) does; a unit right under
  // its province counts in that province's own articles, not where another names it in passing
  { in: "江西省人民政府。新建改造高标准农田80万亩。", places: ["江西省/360000"], figure: "360000" },
  { in: "保定市人民政府。高阳新增企业12家。", places: ["保定市/130600"], figure: "130628" },
  { in: "河北省人民政府。高阳新增企业12家。", places: ["河北省/130000"], figure: "130000" },
  { in: "宁夏回族自治区人民政府。宁夏与四川合作。有序推进中心镇建设，新增企业12家。", places: ["宁夏回族自治区/640000"], figure: "640000" },
  { in: "北京市人民政府。北京与天津合作。推动企业和平台合作，新增企业12家。", places: ["北京市/110000"], figure: "110000" },
  { in: "上海市人民政府。金山海上风电新增装机12万千瓦。", places: ["上海市/310000"], figure: "310116" },
  { in: "浙江省人民政府。浙江与上海合作。绿水青山就是金山银山，新增企业12家。", places: ["浙江省/330000"], figure: "330000" },
  { in: "河北省人民政府。石家庄、唐山、邯郸与云南合作。确保山船重工新增项目12个。", places: ["河北省/130000"], figure: "130000" },
  // not places: suffix look-alikes and common words that are also short forms
  { in: "推进新型城镇化，人民政府市场监管，经济区建设，常住人口城镇化率达60%。", places: [] },
  { in: "坚持工业强区,工业强区。城市社区园区城市社区园区。", places: [] },
  { in: "全区共有两个国家级开发区。一名市领导讲话。", places: [] },
  { in: "平安建设和乡村振兴，资源节约，新兴产业增长12%。", places: [] },
  { in: "新农村建设，贫困村脱贫，3个村通路。", places: [] },
  // a county's short form that is an ordinary word (src/places/word-forms.ts) is not settled by its
  // city, even right after it; the county named in full settles it
  { in: "桂林市推进资源节约。全市统筹水资源，新建污水处理厂3座。", places: ["桂林市/450300"], figure: "450300" },
  { in: "南昌市新建学校10所。今年南昌新建中小学10所。", places: ["南昌市/360100"], figure: "360100" },
  { in: "海东市平安建设。全市深化平安创建，推进邻里互助，新建公园5个。", places: ["海东市/630200"], figure: "630200" },
  { in: "桂林市资源县召开会议。资源新增企业12家。", places: ["资源县/450329"], figure: "450329" },
  // a county's short form before a mountain or water named like it is that feature, unless
  // another name starts there; a prefecture's short form before 山水 stays the prefecture
  { in: "宁夏回族自治区人民政府。银川市推进贺兰山生态保护，串联58个酒庄。", places: ["宁夏回族自治区/640000"], figure: "640100" },
  { in: "甘肃省人民政府。甘南山水林田湖草沙一体化保护工程新增投资12亿元。", places: ["甘肃省/620000"], figure: "623000" },
  // outlets are not the article's place …
  { in: "来源：扬州日报 淳安县召开会议，淳安县新增企业12家。", places: ["淳安县/330127"] },
  // … unless the article names none and speaks of its own place at the outlet's level (我市, 全市)
  { in: "我市召开经济运行调度会。全市今年新增企业12家。\n（来源：洛阳日报）", places: ["洛阳市/410300"], figure: "410300" },
  { in: "全县今年新增企业12家。\n（来源：洛阳日报）", places: [], figure: null },
  // a bare zone word the article also writes after its city is that city's zone
  { in: "高新区：新增科技型企业200家\n今年以来，高新区新增科技型企业200家。合肥高新区管委会表示，力争全年新增300家。", places: ["合肥高新区/340100"] },
];

describe("place mentions", () => {
  const names = (s: string) => findMentions(s).map((m) => gazetteer().divisions[m.id]?.name);
  it("reads a county's short form before a feature named like it as the feature, unless a name starts there", () => {
    expect(names("银川市推进贺兰山生态保护。保定市涞源河北冶金工业园")).toEqual(["银川市", "保定市", "涞源县", "河北省"]);
  });
});

describe("places of an article", () => {
  for (const row of ROWS) {
    it(row.in, () => {
      const s = extract(row.in);
      // A village or zone shows the division that holds it.
      expect(s.places.map((p) => `${p.name}/${p.code ?? p.parent_code}`)).toEqual(row.places);
      if (row.figure !== undefined) expect(s.figures[0]?.place_code ?? null).toBe(row.figure);
    });
  }
  it("gives a figure the place that heads its clause, not an object, a modifier or a list item", () => {
    for (const ex of OWN_PLACE_EXAMPLES) expect([ex.in, extract(ex.in).figures.at(-1)?.place]).toEqual([ex.in, ex.place]);
  });
  it("keeps a community's figures under the community when a heading names the street that holds it", () => {
    const s = extract("东营区东城街道兴盛社区志愿服务队\n服务区域 | 东城街道 |\n兴盛社区组织志愿者。共发放出入证1950张。");
    expect(s.places.map((p) => p.name)).toEqual(["兴盛社区", "东城街道"]);
    expect(s.figures.map((f) => [f.text, f.place])).toEqual([["1950张", "兴盛社区"]]);
  });
  it("gives every figure and goal a place and its code (its own clause's, else the article's)", () => {
    const s = extract("江苏省扬州市\n\n高邮市委书记 张三\n\n高邮将力争新增企业20家。宝应县委书记 李四\n\n宝应县将力争新增企业30家。邗江区委书记表示，邗江区将力争新增企业10家。");
    expect(s.places[0]?.name).toBe("扬州市");
    expect(s.figures.map((f) => [f.text, f.place, f.place_code])).toEqual([
      ["20家", "高邮市", "321084"],
      ["30家", "宝应县", "321023"],
      ["10家", "邗江区", "321003"],
    ]);
    expect(s.goals.map((goal) => goal.place_code)).toEqual(["321084", "321023", "321003"]);
  });
});

describe("findNames", () => {
  /** Leftmost-longest by the name table itself: at each position the longest name that starts there. */
  function naive(s: string): { start: number; end: number }[] {
    const names = gazetteer().names;
    const out: { start: number; end: number }[] = [];
    for (let i = 0; i < s.length; ) {
      let end = 0;
      for (let len = 2; len <= 30 && i + len <= s.length; len++) if (names.has(s.slice(i, i + len))) end = i + len;
      if (end) { out.push({ start: i, end }); i = end; } else i++;
    }
    return out;
  }
  it("finds the names a search of the name table finds, across its blocks of positions and at the text's end", () => {
    // Filler without names, a name across each 4,096-position block boundary, two-character
    // names (the province's short form) and a longer one at the very end.
    const filler = "今天天气很好我们一起去看看吧。";
    let s = "";
    while (s.length < 4094) s += filler;
    s = s.slice(0, 4094) + "河北省保定市高阳县";
    while (s.length < 8190) s += filler;
    s = s.slice(0, 8190) + "洪畴镇和河北";
    const hits = findNames(s).map(({ start, end }) => ({ start, end }));
    expect(hits).toEqual(naive(s));
    expect(hits.some((h) => h.start === 4094)).toBe(true);
    expect(hits.at(-1)).toEqual({ start: s.length - 2, end: s.length });
  });
});

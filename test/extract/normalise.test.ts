/** Normalisation: pinyin brackets, real brackets, full-width forms, site chrome, repeated paragraphs, offsets. */
import { describe, expect, it } from "vitest";
import { normalise, origStart, origEnd, simplify } from "../../src/extract/normalise";
import { extract } from "../../src/extract/index";

describe("pinyin brackets", () => {
  const STRIPPED: [string, string][] = [
    ["經(jīng)開區(qū)", "經開區"],
    ["總結(jié)會", "總結會"],
    ["強調(diào)", "強調"],
    ["學(xué)習(xí)", "學習"],
    ["爭當(dāng)標(biāo)桿", "爭當標桿"],
    ["“六新經(jīng)開”建設(shè)", "“六新經開”建設"],
    ["區(qū)領(lǐng)導(dǎo)", "區領導"],
    ["大眾創(chuàng)業(yè)萬眾創(chuàng)新", "大眾創業萬眾創新"],
    // Toneless syllables go only when the document already has toned brackets.
    ["經(jīng)開區(qū)的同志們(men)", "經開區的同志們"],
    ["導(dao)語和區(qū)", "導語和區"],
  ];
  for (const [raw, clean] of STRIPPED) {
    it(`${raw} -> ${clean}`, () => expect(normalise(raw).clean).toBe(clean));
  }
  const KEPT = [
    "《服务业锻长补短行动方案(2022—2025)》",
    "食品安全示范县(区)创建",
    "40个村(社区)全面完成",
    "各镇(街)贯彻落实",
    "各县(市、区)主要负责同志",
    "智慧城市产业园(地铁4号线宗申拆迁区域)",
    "同志们(men)好", // toneless, and no toned bracket in the document
    "采用人工智能(ai)技术", // lowercase Latin abbreviation, no toned bracket
    "GDP(gdp)增长",
  ];
  for (const raw of KEPT) {
    it(`keeps ${raw}`, () => expect(normalise(raw).clean).toBe(raw));
  }
  it("strips toneless pinyin when the document carries several valid syllables", () => {
    expect(normalise("區(qu)委強調(diao)抓項(xiang)目、企業(ye)").clean).toBe("區委強調抓項目、企業");
    // Two are not enough to call a document annotated.
    expect(normalise("區(qu)委抓項(xiang)目").clean).toBe("區(qu)委抓項(xiang)目");
  });
  it("keeps a non-syllable toneless bracket even in a toned document", () => {
    expect(normalise("經(jīng)開區(qū)推行(xyz)模式").clean).toBe("經開區推行(xyz)模式");
  });
  it("maps clean offsets back to the original", () => {
    const raw = "經(jīng)開區(qū)新增12個(gè)";
    const n = normalise(raw);
    const i = n.clean.indexOf("12個");
    expect(raw.slice(origStart(n, i), origEnd(n, i + 3))).toBe("12個(gè)");
  });
});

describe("traditional to simplified", () => {
  it("converts for matching and keeps the length", () => {
    const t = "經濟發展萬億個項目";
    const s = simplify(t);
    expect(s).toBe("经济发展万亿个项目");
    expect(s.length).toBe(t.length);
  });
  it("leaves simplified text alone", () => {
    const t = "经济发展万亿个项目";
    expect(simplify(t)).toBe(t);
  });
  it("keeps characters whose simplified form changes UTF-16 length", () => {
    const t = "會議在赤鱲角舉行,嗰度";
    expect(simplify(t).length).toBe(t.length);
  });
  it("reads figures in traditional text with traditional units", () => {
    const f = extract("全區新增就業兩萬人,完成投資1.2億元。").figures;
    expect(f.map((x) => [x.text, x.value])).toEqual([["兩萬人", 20000], ["1.2億元", 1.2e8]]);
  });
});

describe("full-width forms", () => {
  it("folds digits and punctuation, keeping offsets", () => {
    const raw = "新增企业１２家，增长５．５％。";
    const n = normalise(raw);
    expect(n.clean).toBe("新增企业12家,增长5.5%。");
    const f = extract(raw).figures;
    expect(f.map((x) => [x.text, x.value, x.unit])).toEqual([["１２家", 12, "家"], ["５．５％", 5.5, "%"]]);
  });
});

describe("site chrome and repeated paragraphs", () => {
  it("masks chrome lines", () => {
    const CHROME = [
      "责任编辑:张三",
      "扬州网新闻热线:0514-87863284 扬州网广告热线:0514-82931211",
      "2020年12月23日 10阅读 来源:淮北日报 2020/01/10",
      "声明:凡本网注明来源为“扬州网”的稿件,版权均为本网所有。",
      "相关阅读:",
      "热点文章推荐",
      "搜索",
      "Copyright © 2020 某某网 All Rights Reserved",
    ];
    for (const line of CHROME) {
      const n = normalise(`标题\n${line}\n正文新增企业12家。`);
      expect(n.lines[1]?.chrome, line).toBe(true);
    }
  });
  it("keeps body paragraphs that open with a byline word", () => {
    for (const line of ["记者从县发改委获悉，今年以来全县固定资产投资增长12%，新开工项目30个。", "本报讯（记者 张三）今年以来，全县新增市场主体2156户，新登记企业487家。"]) {
      expect(normalise(`标题\n${line}`).lines[1]?.masked, line).toBe(false);
    }
    expect(normalise("标题\n记者 徐志勤\n正文").lines[1]?.chrome).toBe(true);
  });
  it("keeps body lines", () => {
    const n = normalise("标题\n全区新增企业12家,增长5%。");
    expect(n.lines.every((l) => !l.masked)).toBe(true);
  });
  it("drops a paragraph repeated word for word (keeps the first)", () => {
    const p = "全区新增高新技术企业12家,同比增长20%。";
    const s = extract(`${p}\n\n其他内容。\n\n${p}`);
    expect(s.figures.map((f) => f.text)).toEqual(["12家", "20%"]);
    expect(s.figures[1]?.end).toBeLessThan(p.length);
    expect(s.warnings.some((w) => w.includes("repeated"))).toBe(true);
    expect(s.figures.every((f) => f.dup === true)).toBe(true);
  });
  it("splits a page flattened to one line at sentence end + space", () => {
    const n = normalise("区领导要求,要全力推进工作。 上半年,全区新增企业12家。 责任编辑:张三");
    expect(n.lines.length).toBe(3);
    expect(n.lines[2]?.chrome).toBe(true);
    // The 要 of the first paragraph does not govern the second.
    expect(extract("区领导要求,要全力推进工作。 全区新增企业12家。").figures[0]?.kind).toBe("reported");
  });
  it("never masks a paragraph of sentences as chrome (a flattened page's first paragraph holds its breadcrumb)", () => {
    const n = normalise("首页 > 新闻中心 > 本地要闻 标题 发布时间：2024-05-06 近日，全市新增企业12家。 责任编辑:张三");
    expect(n.lines.map((l) => l.chrome)).toEqual([false, true]);
    // An advertisement's clauses end in ！: still chrome.
    expect(normalise("标题\n炒股开户享福利，入金抽188元红包，100%中奖！\n正文").lines[1]?.chrome).toBe(true);
  });
  it("masks bracketed editor lines and navigation", () => {
    for (const line of ["(责任编辑:李四)", "【责任编辑：王五】", "当前位置：首页 > 新闻中心", "浏览次数：1234", "主办单位：某某市人民政府办公室"]) {
      expect(normalise(`标题\n${line}\n正文`).lines[1]?.chrome, line).toBe(true);
    }
  });
  it("does not count figures on a read-count header line", () => {
    expect(extract("标题\n2020年12月23日 10阅读 来源:淮北日报\n正文").figures).toEqual([]);
  });
});

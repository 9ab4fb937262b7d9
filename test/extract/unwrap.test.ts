/** Hard line wraps: joined when the text's lines fill one width, left alone otherwise. */
import { describe, expect, it } from "vitest";
import { unwrapLines } from "../../src/extract/unwrap";
import { extract } from "../../src/extract/index";

// A report paragraph as a PDF's text layer gives it: 30 CJK columns (60) a line, cut mid-figure.
const WRAPPED = [
  "二、2026年工作安排",
  "今年经济社会发展的主要预期目标是：地区生产总值增长5",
  "%左右，一般公共预算收入增长5%，城镇新增就业11万人以",
  "上，居民消费价格涨幅3%左右，粮食产量稳定在750亿斤以",
  "上，单位地区生产总值能耗降低3%左右，完成国家下达的节",
  "能减排任务。",
  "（一）扩大有效投资",
  "全年安排省重点项目600个以上，完成投资4000亿元以上，新",
  "开工项目200个，力争竣工投产项目150个，带动全社会投资",
  "增长6%。",
].join("\n");

describe("hard line wraps", () => {
  it("joins the lines that fill the width, keeping headings and paragraph ends", () => {
    expect(unwrapLines(WRAPPED).text.split("\n")).toEqual([
      "二、2026年工作安排",
      "今年经济社会发展的主要预期目标是：地区生产总值增长5%左右，一般公共预算收入增长5%，城镇新增就业11万人以上，居民消费价格涨幅3%左右，粮食产量稳定在750亿斤以上，单位地区生产总值能耗降低3%左右，完成国家下达的节能减排任务。",
      "（一）扩大有效投资",
      "全年安排省重点项目600个以上，完成投资4000亿元以上，新开工项目200个，力争竣工投产项目150个，带动全社会投资增长6%。",
    ]);
  });
  it("maps the joined text back to the wrapped one", () => {
    const { text, map } = unwrapLines(WRAPPED);
    for (let i = 0; i < text.length; i++) expect(WRAPPED[map![i]!]).toBe(text[i]);
  });
  it("reads a figure cut by a wrap as one figure of the plan", () => {
    const s = extract(WRAPPED);
    const gdp = s.figures.find((f) => f.metric?.includes("地区生产总值") && f.unit === "%");
    expect(gdp).toMatchObject({ text: "5\n%", value: 5, kind: "target" });
    expect(s.figures.find((f) => f.value === 110000)).toMatchObject({ unit: "人", kind: "target" });
  });
  const KEPT: [string, string][] = [
    ["paragraph lines", "全年实现地区生产总值5000亿元，增长6%。\n一般公共预算收入300亿元，增长5%。\n城镇新增就业5万人。\n居民人均可支配收入增长6%。\n粮食产量稳定在100亿斤。"],
    ["a blank line between full lines", "今年经济社会发展的主要预期目标是：地区生产总值增长5\n\n%左右，一般公共预算收入增长5%，城镇新增就业11万人以"],
    ["a short text", "关于推进工作的通知\n今年全区新增企业12家。"],
  ];
  for (const [what, text] of KEPT) {
    it(`leaves ${what} as they are`, () => {
      const r = unwrapLines(text);
      expect(r.text).toBe(text);
      expect(r.map).toBeNull();
    });
  }
});

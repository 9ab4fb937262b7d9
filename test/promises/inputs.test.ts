/**
 * The linker's view of an article's figures (src/promises/inputs.ts) on small real-looking texts:
 * which figures are items of one list, read from the extractor's own output.
 */
import { describe, expect, it } from "vitest";
import { extract } from "../../src/extract";
import { linkFiguresOf } from "../../src/promises/inputs";

const items = (text: string) => {
  const s = extract(text);
  return linkFiguresOf(1, text, s, s.published, null).map((f) => [f.text, f.listPos, f.listSize]);
};

describe("lists", () => {
  it("a 分别 clause lists its figures", () => {
    expect(items("一、过去一年工作回顾\n两个开发区工业产值分别增长9%和9.8%。")).toEqual([["9%", 0, 2], ["9.8%", 1, 2]]);
  });
  it("a 分别 pair the extractor already measures apart (城乡 = 城镇, 农村) is two measures, no list", () => {
    expect(items("一、过去一年工作回顾\n城乡居民人均可支配收入分别增长9%和9.8%。")).toEqual([["9%", null, null], ["9.8%", null, null]]);
  });
  it("two figures of one measure joined by a bare 和 are two items, without 分别", () => {
    expect(items("一、过去一年工作回顾\n城乡居民人均可支配收入完成2.57万元和1.68万元，分别增长9%和9.8%。")).toEqual([
      ["2.57万元", 0, 2],
      ["1.68万元", 1, 2],
      ["9%", 0, 2],
      ["9.8%", 1, 2],
    ]);
  });
  it("figures of other measures, or apart in other clauses, are no list", () => {
    expect(items("一、过去一年工作回顾\n新建学校10所和幼儿园5所。全年生产总值增长6%，财政收入增长7%。")).toEqual([
      ["10所", null, null],
      ["5所", null, null],
      ["6%", null, null],
      ["7%", null, null],
    ]);
  });
});

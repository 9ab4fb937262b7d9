/** Numerals: Arabic, Chinese, mixed, magnitudes (Duckling corpus style: value -> examples). */
import { describe, expect, it } from "vitest";
import { parseNumber } from "../../src/extract/numbers";

const CORPUS: [number, string[]][] = [
  [12, ["12", "十二"]],
  [1100, ["1,100", "一千一百", "一千一"]],
  [11000000, ["1,100万", "1100万", "一千一百万"]],
  [19000, ["1.9万"]],
  [34000, ["3万4000", "三万四千"]],
  [20000, ["两万", "2万", "二万", "兩萬"]],
  [1000, ["一千", "1000", "千"]],
  [30000, ["三万"]],
  [1e10, ["百亿", "100亿"]],
  [2e13, ["二十万亿", "20万亿"]],
  [1.2e9, ["12亿", "十二亿"]],
  [76360000, ["7636万"]],
  [105, ["一百零五"]],
  [3500, ["三千五百"]],
  [57.3, ["57.3"]],
  [15, ["十五"]],
];

describe("parseNumber", () => {
  for (const [value, inputs] of CORPUS) {
    for (const s of inputs) {
      it(`${s} -> ${value}`, () => {
        expect(parseNumber(s)?.value).toBeCloseTo(value, 6);
      });
    }
  }
  it("七八十 is a range 70–80", () => {
    const n = parseNumber("七八十");
    expect(n?.value).toBe(70);
    expect(n?.valueMax).toBe(80);
  });
  it.each(["十四五", "一一", "", "万", "亿"])("%s is not a number", (s) => {
    expect(parseNumber(s)).toBeNull();
  });
  it("marks bare small Chinese numerals as small (两个维护, 三大攻坚战)", () => {
    expect(parseNumber("两")?.small).toBe(true);
    expect(parseNumber("三")?.small).toBe(true);
    expect(parseNumber("两万")?.small).toBe(false);
  });
});

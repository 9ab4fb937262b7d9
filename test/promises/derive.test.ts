/**
 * Derived outcomes (src/promises/derive.ts) on hand-built figures through the linker: a rate from
 * two levels, an increment from two totals, and the look-alikes that must derive nothing.
 */
import { describe, expect, it } from "vitest";
import { figureMaker } from "../helpers/link-figures";
import { basePeriods, levelYear, nextYear, previousYear } from "../../src/promises/derive";
import { coverageOf, linkPromises, type LinkArticle, type LinkFigure } from "../../src/promises/link";

const fig = figureMaker({ unit: "微克/立方米", change: false, metric: "PM2.5平均浓度", metric_key: "PM2.5浓度", place: "130600" });
/** Year N's report (its plan for 2016, its review of 2015) and year N+1's (its review of 2016). */
const planReport: LinkArticle = { id: 1, published: "2016-01-25" };
const reviewReport: LinkArticle = { id: 2, published: "2017-01-20" };
/** A mid-year article that also gives the year-before level. */
const midYear: LinkArticle = { id: 3, published: "2016-06-30" };
const articles = new Map([planReport, reviewReport, midYear].map((a) => [a.id, a]));

const pm25Target = () => fig(1, { kind: "target", direction: "at_least", text: "5%", value: 5, unit: "%", change: true, falls: true });
const base2015 = () => fig(1, { text: "38.8微克", value: 38.8, period: "2015" });
const level2016 = (value = 36.8) => fig(2, { text: `${value}微克`, value });

function link(figures: LinkFigure[], context: LinkFigure[] = []) {
  return linkPromises(figures, articles, coverageOf(figures), context);
}

describe("derived outcomes", () => {
  it("works a fall out of two levels: PM2.5 38.8 → 36.8 against 下降5% is a 5.15% fall, met", () => {
    const t = pm25Target();
    const [b, l] = [base2015(), level2016()];
    const [p] = link([t, b, l]);
    expect(p).toMatchObject({ target: t.ref, outcome: null, verdict: "no_report", derived_verdict: "met" });
    expect(p!.derived).toEqual({ value: 5.1546, unit: "%", formula: "(38.8微克 − 36.8微克) ÷ 38.8微克 = 5.15%（下降）", level: l.ref, base: b.ref });
  });

  it("a fall too small, and a rise against a fall target, are missed", () => {
    expect(link([pm25Target(), base2015(), level2016(37.5)])[0]).toMatchObject({ derived_verdict: "missed", derived: { value: 3.3505 } });
    const rise = link([pm25Target(), base2015(), level2016(40)])[0]!;
    expect(rise.derived_verdict).toBe("missed");
    expect(rise.derived!.value).toBeLessThan(0);
  });

  it("a growth target from two levels counts the rise", () => {
    const t = fig(1, { kind: "target", direction: "at_least", metric: "生产总值", metric_key: "地区生产总值", text: "7%", value: 7, unit: "%", change: true, approx: "about" });
    const b = fig(1, { metric: "生产总值", metric_key: "地区生产总值", text: "3000亿元", value: 3e11, unit: "元", period: "2015" });
    const l = fig(2, { metric: "全市生产总值", metric_key: "地区生产总值", text: "3200亿元", value: 3.2e11, unit: "元" });
    const [p] = link([t, b, l]);
    expect(p!.derived).toMatchObject({ value: 6.6667, unit: "%", formula: "(3200亿元 − 3000亿元) ÷ 3000亿元 = 6.67%（增长）" });
    expect(p!.derived_verdict).toBe("met"); // 7%左右: 6.5 or more
  });

  it("in a 分别 list each target takes its own item's levels (urban with urban, rural with rural)", () => {
    const m = { metric: "城乡居民人均可支配收入", metric_key: "居民人均可支配收入", unit: "元" };
    const item = (pos: number) => ({ listPos: pos, listSize: 2 });
    const t0 = fig(1, { ...item(0), kind: "target", direction: "at_least", ...m, text: "9.5%", value: 9.5, unit: "%", change: true });
    const t1 = fig(1, { ...item(1), kind: "target", direction: "at_least", ...m, text: "11%", value: 11, unit: "%", change: true });
    const b0 = fig(1, { ...item(0), ...m, text: "2.57万元", value: 25700, period: "2015" });
    const b1 = fig(1, { ...item(1), ...m, text: "1.68万元", value: 16800, period: "2015" });
    const l0 = fig(2, { ...item(0), ...m, text: "2.78万元", value: 27800 });
    const l1 = fig(2, { ...item(1), ...m, text: "1.84万元", value: 18400 });
    const links = link([t0, t1, b0, b1, l0, l1]);
    expect(links.find((p) => p.target === t0.ref)!.derived).toMatchObject({ level: l0.ref, base: b0.ref, value: 8.1712 });
    expect(links.find((p) => p.target === t1.ref)!.derived).toMatchObject({ level: l1.ref, base: b1.ref, value: 9.5238 });
    // A list's item against a figure outside any list derives nothing: which item it is is unknown.
    const lone = fig(1, { ...m, text: "1.68万元", value: 16800, period: "2015" });
    expect(link([t1, lone, l1])[0]!.derived).toBeNull();
  });

  it("works an increment out of two year-end totals, the earlier one from a five-year review", () => {
    const t = fig(1, { kind: "target", direction: "at_least", metric: "新增高新技术企业", metric_key: "高新技术企业", text: "100家", value: 100, unit: "家", flow: true, approx: "more_than" });
    const b = fig(1, { metric: "高新技术企业", metric_key: "高新技术企业", text: "1100家", value: 1100, unit: "家", stock: true, period: "2011..2015" });
    const l = fig(2, { metric: "高新技术企业", metric_key: "高新技术企业", text: "1306家", value: 1306, unit: "家", stock: true });
    const [p] = link([t, l], [b]);
    expect(p).toMatchObject({ verdict: "no_report", derived_verdict: "met", derived: { value: 206, unit: "家", formula: "1306家 − 1100家 = 206家", level: l.ref, base: b.ref } });
  });

  it("derives nothing where a same-kind outcome is stated, or from the wrong figures", () => {
    const stated = link([pm25Target(), base2015(), level2016(), fig(2, { text: "8%", value: 8, unit: "%", change: true })]);
    expect(stated[0]).toMatchObject({ verdict: "met", derived: null, derived_verdict: null });
    // No base for the year before; a base from another metric; a base from another place.
    expect(link([pm25Target(), level2016()])[0]!.derived).toBeNull();
    expect(link([pm25Target(), fig(1, { metric: "PM10平均浓度", metric_key: "PM10浓度", value: 80, period: "2015" }), level2016()])[0]!.derived).toBeNull();
    expect(link([pm25Target(), fig(1, { place: "130100", value: 38.8, period: "2015" }), level2016()])[0]!.derived).toBeNull();
    // The level must come from a later article than the plan; a multi-year level is no year's level.
    expect(link([pm25Target(), base2015(), fig(1, { value: 36.8 })])[0]!.derived).toBeNull();
    expect(link([pm25Target(), base2015(), fig(2, { value: 36.8, multiYear: true })])[0]!.derived).toBeNull();
    // An increment needs a total (达到…) as the later figure, not a level of unknown kind.
    const t = fig(1, { kind: "target", direction: "at_least", metric: "新增企业", metric_key: "企业", text: "100家", value: 100, unit: "家", flow: true });
    const b = fig(1, { metric: "企业", metric_key: "企业", value: 1100, unit: "家", stock: true, period: "2015" });
    expect(link([t, b, fig(2, { metric: "企业", metric_key: "企业", value: 1306, unit: "家" })])[0]!.derived).toBeNull();
  });

  it("gives the same result whatever order the figures come in", () => {
    const figures = [pm25Target(), base2015(), level2016(), fig(3, { value: 39.1, period: "2015", text: "39.1微克" })];
    const a = link(figures);
    expect(link([...figures].reverse())).toEqual(a);
    // The base from the target's own report wins over a later article's.
    expect(a[0]!.derived!.base).toBe(figures[1]!.ref);
    // Without it, the latest article dated no later than the level's.
    expect(link(figures.filter((_, i) => i !== 1))[0]!.derived).toMatchObject({ base: figures[3]!.ref, formula: "(39.1微克 − 36.8微克) ÷ 39.1微克 = 5.88%（下降）" });
  });

  it("knows which periods feed which", () => {
    expect(previousYear("2016")).toBe("2015");
    expect(previousYear("2016-H1")).toBeNull();
    expect(basePeriods("2021").slice(0, 3)).toEqual(["2020", "2019..2020", "2018..2020"]);
    expect(basePeriods("2021..2025")).toEqual([]);
    expect(nextYear("2016..2020")).toBe("2021");
    expect(nextYear("2015")).toBe("2016");
    expect(nextYear("2024-Q3")).toBeNull();
    expect(levelYear({ period: "2016..2020" })).toBe("2020");
    expect(levelYear({ period: "2001..2020" })).toBeNull();
  });
});

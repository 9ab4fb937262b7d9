/**
 * The linker on small hand-built groups: each case is one rule of link.ts, with the figure that
 * must be taken and the look-alike that must not.
 */
import { describe, expect, it } from "vitest";
import { figureMaker } from "../helpers/link-figures";
import { coverageOf, linkPromises, metricSimilarity, type LinkArticle, type LinkFigure } from "../../src/promises/link";

const fig = figureMaker({ unit: "%", change: true, metric: "生产总值", place: "保定" }, "%");
const target = (article: number, over: Partial<LinkFigure>) => fig(article, { kind: "target", direction: "at_least", ...over });
const plan: LinkArticle = { id: 1, published: "2016-01-25" };
const review: LinkArticle = { id: 2, published: "2017-01-20" };
const articles = (...list: LinkArticle[]) => new Map(list.map((a) => [a.id, a]));

function link(figures: LinkFigure[], list: LinkArticle[] = [plan, review]) {
  return linkPromises(figures, articles(...list), list.flatMap((a) => coverageOf(figures.filter((f) => f.article === a.id))));
}

describe("metricSimilarity", () => {
  it("renamed metrics share most characters; other indicators do not", () => {
    for (const [a, b] of [["实际利用外资", "实际使用外资"], ["市政路", "市政道路"], ["新增规模以上工业企业", "净增规上工业企业"], ["一般公共预算收入", "地方一般公共预算收入"], ["完成改厕", "改厕"], ["全省生产总值", "生产总值"]] as const) {
      expect(metricSimilarity(a, b), `${a}/${b}`).toBeGreaterThanOrEqual(0.75);
    }
    for (const [a, b] of [["规模以上工业增加值", "规模以上工业利润"], ["生产总值", "服务业增加值"], ["固定资产投资", "社会消费品零售总额"]] as const) {
      expect(metricSimilarity(a, b), `${a}/${b}`).toBeLessThan(0.75);
    }
  });
});

describe("linkPromises", () => {
  it("links a target to the later review's figure and judges it", () => {
    const t = target(1, { value: 7.5, approx: "about" });
    const o = fig(2, { value: 6.8 });
    const [p] = link([t, o]);
    expect(p).toMatchObject({ target: t.ref, outcome: o.ref, verdict: "missed", period: "2016", place: "保定" });
  });

  it("never takes a figure from an earlier article, a level for a rate, or a multi-year average", () => {
    const t = target(2, { value: 7.5, approx: "about" });
    const earlier = fig(1, { value: 8 });
    const level = fig(3, { value: 2955e8, unit: "元", change: false });
    const average = fig(3, { value: 6.8, multiYear: true });
    const [p] = link([t, earlier, level, average], [plan, review, { id: 3, published: "2018-01-10" }].map((a, i) => ({ ...a, id: [1, 2, 3][i]! })));
    expect(p!.outcome).toBeNull();
    // Article 3 reviews 2016 (its figures are about 2016) without a usable figure: no_report.
    expect(p!.verdict).toBe("no_report");
  });

  it("is pending while no later article covers the period", () => {
    const [p] = link([target(1, { value: 7 })], [plan]);
    expect(p).toMatchObject({ outcome: null, verdict: "pending" });
  });

  it("does not take a year-end total for an increment target", () => {
    const t = target(1, { value: 100, unit: "家", change: false, metric: "新增高新技术企业", flow: true });
    const total = fig(2, { value: 1306, unit: "家", change: false, metric: "高新技术企业", stock: true });
    expect(link([t, total])[0]!.outcome).toBeNull();
  });

  it("gives each reported metric to the target it names best (城镇 never takes 农村's figure)", () => {
    const town = target(1, { value: 8, metric: "城镇居民人均可支配收入" });
    const rural = target(1, { value: 9, metric: "农村居民人均可支配收入" });
    const ruralOut = fig(2, { value: 9.5, metric: "农村居民人均可支配收入" });
    const links = link([town, rural, ruralOut]);
    expect(links.find((l) => l.target === rural.ref)!.outcome).toBe(ruralOut.ref);
    expect(links.find((l) => l.target === town.ref)!.outcome).toBeNull();
  });

  it("pairs 分别 lists by position", () => {
    const m = "城乡居民人均可支配收入";
    const t1 = target(1, { value: 7.5, metric: m, listPos: 0, listSize: 2 });
    const t2 = target(1, { value: 8.5, metric: m, listPos: 1, listSize: 2 });
    const o1 = fig(2, { value: 8, metric: m, listPos: 0, listSize: 2 });
    const o2 = fig(2, { value: 9, metric: m, listPos: 1, listSize: 2 });
    const links = link([t1, t2, o1, o2]);
    expect(links.map((l) => [l.target, l.outcome])).toEqual([
      [t1.ref, o1.ref],
      [t2.ref, o2.ref],
    ]);
  });

  it("prefers the latest article and keeps the other candidates as evidence", () => {
    const t = target(1, { value: 7, approx: "about" });
    const first = fig(2, { value: 6.9 });
    const revised = fig(3, { value: 6.3 });
    const [p] = link([t, first, revised], [plan, review, { id: 3, published: "2017-03-01" }]);
    expect(p).toMatchObject({ outcome: revised.ref, evidence: [first.ref], verdict: "missed" });
  });

  it("orders undated articles by what they cover, never by id", () => {
    const undatedPlan = { id: 5, published: null };
    const undatedReview = { id: 4, published: null };
    const t = target(5, { value: 7 });
    const o = fig(4, { value: 7.2 });
    const [p] = link([t, o], [undatedPlan, undatedReview]);
    expect(p).toMatchObject({ outcome: o.ref, verdict: "met" });
  });

  it("uses metric keys when both figures have one", () => {
    const t = target(1, { value: 7, metric: "进出口总值", metric_key: "进出口总额" });
    const o = fig(2, { value: 10, metric: "外贸进出口", metric_key: "进出口总额" });
    const other = fig(2, { value: 3, metric: "进出口总值增速", metric_key: "其他" });
    expect(link([t, o, other])[0]).toMatchObject({ outcome: o.ref, verdict: "met" });
  });

  it("gives the same links whatever order the figures come in", () => {
    const figures = [target(1, { value: 7.5, approx: "about" }), fig(2, { value: 6.8 }), target(1, { value: 9, metric: "固定资产投资" }), fig(2, { value: 9.1, metric: "固定资产投资" })];
    const byTarget = (links: ReturnType<typeof link>) => [...links].sort((a, b) => (a.target < b.target ? -1 : 1));
    expect(byTarget(link([...figures].reverse()))).toEqual(byTarget(link(figures)));
  });
});

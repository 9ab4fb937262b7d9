/**
 * The verdict rule: hand cases at each boundary, then every promise of the dev gold
 * (test/fixtures/promises, copied from ../shared/promises/dev) recomputed from its gold values.
 */
import { describe, expect, it } from "vitest";
import { directionOf, judge, verdictOf, type Direction, type TargetMeasure } from "../../src/promises/verdict";
import { GOLD_PAIRS } from "./gold";

const pct = (value: number, approx?: TargetMeasure["approx"], value_max?: number): TargetMeasure => ({ value, unit: "%", approx, value_max });

describe("judge", () => {
  const rows: { target: TargetMeasure; direction: Direction; outcome: number; want: "met" | "missed"; why: string }[] = [
    { target: pct(5.5, "about"), direction: "at_least", outcome: 5, want: "met", why: "5% against 5.5%左右: inclusive tolerance" },
    { target: pct(5.5, "about"), direction: "at_least", outcome: 4.99, want: "missed", why: "just below the tolerance" },
    { target: pct(6, "more_than"), direction: "at_least", outcome: 6, want: "met", why: "6.0% against 6%以上" },
    { target: pct(6, "more_than"), direction: "at_least", outcome: 5.9, want: "missed", why: "以上 has no tolerance" },
    { target: pct(8), direction: "at_least", outcome: 7.6, want: "missed", why: "exact target" },
    { target: pct(3, "about"), direction: "at_most", outcome: 3.5, want: "met", why: "ceiling 3%左右 + 0.5 pp" },
    { target: pct(3, "about"), direction: "at_most", outcome: 3.6, want: "missed", why: "above the ceiling's tolerance" },
    { target: pct(4.5, "less_than"), direction: "at_most", outcome: 4.5, want: "met", why: "以内 is inclusive" },
    { target: pct(4.5, "less_than"), direction: "at_most", outcome: 4.6, want: "missed", why: "over the ceiling" },
    { target: pct(4.5, undefined, 5), direction: "at_least", outcome: 4.5, want: "met", why: "a range is met from its lower end" },
    { target: pct(4.5, undefined, 5), direction: "at_most", outcome: 5, want: "met", why: "an at_most range from its upper end" },
    { target: pct(4.5, undefined, 5), direction: "at_most", outcome: 5.1, want: "missed", why: "over the range's upper end" },
    { target: { value: 1000, unit: "家", approx: "about" }, direction: "at_least", outcome: 950, want: "met", why: "5% of a count target" },
    { target: { value: 1000, unit: "家", approx: "about" }, direction: "at_least", outcome: 949, want: "missed", why: "beyond 5%" },
    { target: pct(3), direction: "at_least", outcome: 5.8, want: "met", why: "a 下降3% target met by a 5.8% fall" },
  ];
  for (const r of rows) it(`${r.why}`, () => expect(judge(r.target, r.direction, r.outcome)).toBe(r.want));
});

describe("directionOf", () => {
  const rows: { metric: string; lead?: string; approx?: TargetMeasure["approx"]; want: Direction }[] = [
    { metric: "居民消费价格涨幅", lead: "居民消费价格涨幅控制在", approx: "about", want: "at_most" },
    { metric: "居民消费价格涨幅", lead: "居民消费价格涨幅", approx: "about", want: "at_most" },
    { metric: "城镇调查失业率", lead: "城镇调查失业率", approx: "about", want: "at_most" },
    { metric: "单位生产总值能耗", lead: "单位生产总值能耗下降", want: "at_least" },
    { metric: "煤炭消费总量", lead: "煤炭消费总量削减", want: "at_least" },
    { metric: "人口自然增长率", lead: "人口自然增长率控制在", want: "at_most" },
    { metric: "PM2.5平均浓度", lead: "PM2.5平均浓度下降", approx: "about", want: "at_least" },
    { metric: "生产总值", lead: "生产总值增长", approx: "about", want: "at_least" },
    { metric: "某指标", lead: "某指标", approx: "less_than", want: "at_most" },
  ];
  for (const r of rows) it(`${r.lead} → ${r.want}`, () => expect(directionOf(r)).toBe(r.want));
});

describe("verdictOf", () => {
  it("no outcome: no_report once a later article covers the period, else pending", () => {
    expect(verdictOf(pct(7, "about"), "at_least", null, true)).toBe("no_report");
    expect(verdictOf(pct(7, "about"), "at_least", null, false)).toBe("pending");
    expect(verdictOf(pct(7, "about"), "at_least", 6.4, false)).toBe("missed");
  });
});

describe("the dev gold, recomputed from its values", () => {
  const all = GOLD_PAIRS.flatMap((g) => g.promises.map((p) => ({ pair: g.file, p })));
  it("covers every promise of the five pairs", () => expect(all.length).toBe(53));
  for (const { pair, p } of all) {
    it(`${pair} ${p.id} ${p.metric} ${p.target_text} → ${p.verdict_strict}`, () => {
      const target = { value: p.target_value, value_max: p.target_value_max, unit: p.unit, approx: p.approx };
      const lead = p.target_clause.slice(0, p.target_clause.indexOf(p.target_text));
      expect(directionOf({ approx: p.approx, metric: p.metric, lead })).toBe(p.direction);
      const outcome = p.verdict_basis === "stated" ? (p.outcome_value ?? null) : null;
      // Every dev pair has its later report, so a promise without a stated outcome is no_report.
      expect(verdictOf(target, p.direction, outcome, true)).toBe(p.verdict_strict);
    });
  }
});

/**
 * The rule tables' own corpora (Duckling style): every example row beside every rule in
 * src/extract/rules/*.ts is executed here. A figure row must come out with exactly its text,
 * value, unit, value_max and approx; a negative row must yield no figure over its span.
 */
import { describe, expect, it } from "vitest";
import { extract } from "../../src/extract/index";
import { FIGURE_RULE_EXAMPLES } from "../../src/extract/rules/index";
import { isFigureExample } from "../../src/extract/rules/examples";
import { METRIC_KEY_RULES } from "../../src/extract/rules/metrickeys";
import { metricKey } from "../../src/extract/metrickeys";
import { METRIC_EXAMPLES } from "../../src/extract/rules/metric";

describe("figure rule examples", () => {
  it("every figure rule has examples", () => {
    for (const { rule, examples } of FIGURE_RULE_EXAMPLES) expect(examples.length, rule).toBeGreaterThan(0);
  });
  for (const { rule, examples } of FIGURE_RULE_EXAMPLES) {
    it(rule, () => {
      for (const ex of examples) {
        const figs = extract(ex.in).figures;
        if (isFigureExample(ex)) {
          const f = figs.find((x) => x.text === ex.text);
          expect(f, `${ex.in}: no figure ${ex.text} in ${JSON.stringify(figs.map((x) => x.text))}`).toBeDefined();
          expect({ in: ex.in, value: f?.value, unit: f?.unit, value_max: f?.value_max, approx: f?.approx }).toEqual({
            in: ex.in,
            value: ex.value,
            unit: ex.unit,
            value_max: ex.value_max,
            approx: ex.approx,
          });
        } else if (ex.not === undefined) {
          expect(figs.map((x) => x.text), ex.in).toEqual([]);
        } else {
          const a = ex.in.indexOf(ex.not);
          expect(a, `${ex.in} does not contain ${ex.not}`).toBeGreaterThanOrEqual(0);
          const b = a + ex.not.length;
          expect(figs.filter((x) => x.start < b && a < x.end).map((x) => x.text), ex.in).toEqual([]);
        }
      }
    });
  }
});

describe("metric key examples", () => {
  for (const r of METRIC_KEY_RULES) {
    it(r.key, () => {
      expect(r.examples.length).toBeGreaterThan(0);
      for (const ex of r.examples) expect({ in: ex.in, key: metricKey(ex.in) ?? null }).toEqual(ex);
      // Every alias names its own rule's key.
      for (const a of [r.key, ...r.aliases]) expect({ alias: a, key: metricKey(a) }).toEqual({ alias: a, key: r.key });
    });
  }
});

describe("metric rule examples", () => {
  for (const { rule, examples } of METRIC_EXAMPLES) {
    it(rule, () => {
      expect(examples.length).toBeGreaterThan(0);
      for (const ex of examples) {
        const f = extract(ex.in).figures.find((x) => x.text === ex.text);
        expect({ in: ex.in, text: f?.text, metric: f?.metric }).toEqual(ex);
      }
    });
  }
});

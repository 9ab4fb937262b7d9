/**
 * Every regular expression of the rule tables, by name, so that the ReDoS gate
 * (test/node/redos.test.ts, recheck) covers all of them.
 */
import * as numerals from "./numerals";
import * as units from "./units";
import * as approx from "./approx";
import * as notfigures from "./notfigures";
import * as markers from "./markers";
import * as noise from "./noise";
import * as facts from "./facts";
import * as metric from "./metric";
import * as metrickeys from "./metrickeys";
import * as places from "./places";
import * as sections from "./sections";
import { TRADITIONAL_PROBE_RE } from "../normalise";
import type { Example } from "./examples";

function collect(prefix: string, mod: Record<string, unknown>, out: Record<string, RegExp>): void {
  for (const [k, v] of Object.entries(mod)) {
    if (v instanceof RegExp) out[`${prefix}.${k}`] = v;
    else if (v && typeof v === "object" && !Array.isArray(v)) {
      for (const [kk, vv] of Object.entries(v as Record<string, unknown>)) if (vv instanceof RegExp) out[`${prefix}.${k}.${kk}`] = vv;
    } else if (Array.isArray(v)) {
      v.forEach((item, i) => {
        if (item instanceof RegExp) out[`${prefix}.${k}[${i}]`] = item;
        else if (item && typeof item === "object") {
          for (const [kk, vv] of Object.entries(item as Record<string, unknown>)) {
            if (vv instanceof RegExp) out[`${prefix}.${k}[${i}].${kk}`] = vv;
          }
        }
      });
    }
  }
}

export const ALL_RULE_PATTERNS: Readonly<Record<string, RegExp>> = (() => {
  const out: Record<string, RegExp> = {};
  collect("numerals", numerals, out);
  collect("units", units, out);
  collect("approx", approx, out);
  collect("notfigures", notfigures, out);
  collect("markers", markers, out);
  collect("noise", noise, out);
  collect("facts", facts, out);
  collect("metric", metric, out);
  collect("metrickeys", metrickeys, out);
  collect("places", places, out);
  collect("sections", sections, out);
  out["normalise.TRADITIONAL_PROBE_RE"] = TRADITIONAL_PROBE_RE;
  return out;
})();

/**
 * Every figure rule's examples, by rule, for the corpus test (test/extract/rules.test.ts): each
 * table's rows are executed against `extract()` there.
 */
export const FIGURE_RULE_EXAMPLES: readonly { rule: string; examples: readonly Example[] }[] = [
  ...units.UNIT_RULES.map((r) => ({ rule: `units ${r.forms[0]}`, examples: r.examples })),
  ...units.SUPPLIED_UNIT_RULES.map((r) => ({ rule: `supplied unit ${r.unit}`, examples: r.examples })),
  ...approx.PREFIX_APPROX.map((r, i) => ({ rule: `approx prefix[${i}] ${r.approx}`, examples: r.examples })),
  ...approx.SUFFIX_APPROX.map((r, i) => ({ rule: `approx suffix[${i}] ${r.approx}`, examples: r.examples })),
  ...notfigures.NOT_FIGURE_RULES.map((r) => ({ rule: `not a figure: ${r.name}`, examples: r.examples })),
  { rule: "counted small numerals", examples: notfigures.COUNT_LEAD_EXAMPLES },
  { rule: "ranges", examples: numerals.RANGE_EXAMPLES },
  { rule: "a bare number sharing the unit of the figure joined after it", examples: units.PARALLEL_UNIT_EXAMPLES },
];

/**
 * The verdict rule (README "Promises", ../shared/promises/README.md "Verdict rule"), pure.
 *
 * - direction: `at_least` (more is better; the size of a 下降/削减 target too: 能耗下降3% is met by a
 *   fall of 3% or more) or `at_most` (a ceiling: 控制在…以内/左右, 不超过, `less_than` targets,
 *   consumer prices, unemployment);
 * - `about` (左右) targets get a tolerance: 0.5 percentage points when the unit is %, else 5% of
 *   the target; a range is met from its lower end (at_most: its upper end plus the tolerance);
 *   `more_than` (以上, 超过, 突破) is met at the value itself; every limit is inclusive;
 * - the outcome's own qualifier is ignored (超1000家 counts as 1000).
 */
import type { Approx } from "../extract/types";
import { CEILING_CUES, CEILING_METRICS, includesAny } from "./rules";

export type Direction = "at_least" | "at_most";
export type Verdict = "met" | "missed" | "pending" | "no_report";
export const VERDICTS = ["met", "missed", "pending", "no_report"] as const satisfies readonly Verdict[];

/** What the rule needs of a target figure. */
export interface TargetMeasure {
  value: number;
  value_max?: number | null;
  unit: string;
  approx?: Approx | null;
}

/** Floating-point slack so 5.5 − 0.5 ≥ 5 holds (limits are inclusive). */
const EPSILON = 1e-9;

/**
 * A target's direction from its qualifier, its metric and the words of its clause before the
 * figure (`lead`: 居民消费价格涨幅控制在 for 居民消费价格涨幅控制在3%左右).
 */
export function directionOf(target: { approx?: Approx | null; metric?: string | null; lead?: string | null }): Direction {
  if (target.approx === "less_than") return "at_most";
  if (target.metric && includesAny(target.metric, CEILING_METRICS)) return "at_most";
  if (target.lead && includesAny(target.lead, CEILING_CUES)) return "at_most";
  return "at_least";
}

/** Tolerance of an `about` target at `value`: 0.5 pp for %, else 5% of the value. */
export function tolerance(target: TargetMeasure, value: number): number {
  if (target.approx !== "about") return 0;
  return target.unit === "%" ? 0.5 : 0.05 * Math.abs(value);
}

/** Met or missed, for an outcome number (its own qualifier already dropped). */
export function judge(target: TargetMeasure, direction: Direction, outcome: number): "met" | "missed" {
  if (direction === "at_least") {
    const threshold = target.value - tolerance(target, target.value);
    return outcome >= threshold - EPSILON ? "met" : "missed";
  }
  const ceiling = target.value_max ?? target.value;
  return outcome <= ceiling + tolerance(target, ceiling) + EPSILON ? "met" : "missed";
}

/**
 * The promise's verdict: judged when an outcome is linked; `no_report` when a later article of
 * the place covers the period without the metric; otherwise `pending`.
 */
export function verdictOf(target: TargetMeasure, direction: Direction, outcome: number | null, coveredLater: boolean): Verdict {
  if (outcome !== null) return judge(target, direction, outcome);
  return coveredLater ? "no_report" : "pending";
}

/**
 * Derived outcomes, pure: where a later report gives only a level for the promise's period and an
 * earlier article gave the level of the period before, the change is worked out from the two
 * (../shared/promises/README.md, verdict basis `derived`):
 * - a rate target (PM2.5浓度下降5%, 增长7%): (level − base) ÷ base, as a rise or a fall in % —
 *   PM2.5 38.8 → 36.8 微克/立方米 is a fall of 5.15%;
 * - an increment target (新增高新技术企业100家): year-end total (达到…) − the previous year-end
 *   total — 达到1306家 after 达到1100家 is 206 added.
 * It is kept apart from the same-kind outcome (`derived`, `derived_verdict`): a figure the report
 * states is evidence, a derived one is arithmetic on two figures the linker chose.
 *
 * The level comes from a later article than the target's, for the same place, period and metric
 * (linked as outcomes are: equal keys or similar names); the base is the same measure (metric and
 * unit) at the end of the year before (that year, or a review span ending then: 五年来…达到1100家),
 * preferably from the target's own article (a year-N report reviews year N−1), else the latest
 * article no later than the level's. Only promises of a single year. In a 分别 list the level and
 * the base are the same item of a list as long (城乡居民收入分别增长9.5%和11%: urban with urban).
 */
import { judge, type Direction } from "./verdict";

/** What derivation needs of a figure (a subset of the linker's LinkFigure). */
export interface DeriveFigure {
  ref: string;
  article: number;
  seq: number;
  kind: "reported" | "target";
  text: string;
  value: number;
  value_max?: number | null;
  unit: string;
  approx?: "more_than" | "less_than" | "about" | null;
  change: boolean;
  flow: boolean;
  /** A level reached or a running total (达到…): an increment is worked out from two of them. */
  stock: boolean;
  multiYear: boolean;
  /** A target whose clause says it is a fall (下降, 降低 …). */
  falls: boolean;
  period: string | null;
  /** Position and size of the figure's 分别 list (城乡居民收入分别增长9.5%和11%), null outside one. */
  listPos: number | null;
  listSize: number | null;
}

export interface Derived {
  /** The change in the target's unit: % for a rate (a fall counts positive for a fall target), else the increment. */
  value: number;
  unit: string;
  /** How it was worked out, from the two figures as written: "(38.8微克 − 36.8微克) ÷ 38.8微克 = 5.15%（下降）". */
  formula: string;
  /** The later report's level for the period, and the earlier level it is compared with. */
  level: string;
  base: string;
}

export type DerivedVerdict = "met" | "missed";

/** Longest span whose end level counts as a year's level (a five-year review's 达到1100家 is end-2020's). */
const MAX_SPAN_YEARS = 10;

/**
 * The year whose end a level figure gives the level at: its year, or for a span of years
 * (2016..2020: a five-year review's 达到1100家) the span's last year. Null for other periods.
 */
export function levelYear(f: { period: string | null }): string | null {
  if (!f.period) return null;
  if (/^\d{4}$/.test(f.period)) return f.period;
  const m = /^(\d{4})\.\.(\d{4})$/.exec(f.period);
  return m && Number(m[2]) - Number(m[1]) < MAX_SPAN_YEARS ? m[2]! : null;
}

/** The year before a single-year period (2016 → 2015), or null. */
export function previousYear(period: string): string | null {
  return /^\d{4}$/.test(period) ? String(Number(period) - 1) : null;
}

/** The periods whose levels can be the base for a promise of `period`: the year before, and spans ending then. */
export function basePeriods(period: string): string[] {
  const previous = previousYear(period);
  if (!previous) return [];
  const end = Number(previous);
  return [previous, ...Array.from({ length: MAX_SPAN_YEARS - 1 }, (_, i) => `${end - i - 1}..${end}`)];
}

/** The single-year period whose derived outcomes may use the levels of `period` (2015 → 2016, 2016..2020 → 2021). */
export function nextYear(period: string): string | null {
  const end = /^\d{4}$/.test(period) ? period : /^\d{4}\.\.(\d{4})$/.exec(period)?.[1];
  return end ? String(Number(end) + 1) : null;
}

/** Rounded for display and storage: 4 decimals for rates, whole units stay whole. */
const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;
const show = (v: number) => String(round(v, 2));

/** The same item of a 分别 list as long, or both outside one. */
const sameItem = (a: DeriveFigure, b: DeriveFigure) => a.listSize === b.listSize && a.listPos === b.listPos;

/** A figure that can be a level: reported, not a change, not a flow, one period. */
export const isLevel = (f: DeriveFigure) => f.kind === "reported" && !f.change && !f.flow && !f.multiYear;

/**
 * The derived outcome of target `t` from candidate `levels` (ordered best first: the latest
 * article first, as outcomes are) and `bases` (levels of the year before, same place), or null.
 * `sameMeasure(a, b)` says whether two figures name the same metric; `published(article)` is an
 * article's date (YYYY-MM-DD) or null. The choice depends on content only, never on input order.
 */
export function deriveOutcome<F extends DeriveFigure>(
  t: F,
  levels: F[],
  bases: F[],
  sameMeasure: (a: F, b: F) => boolean,
  published: (article: number) => string | null,
): Derived | null {
  const rate = t.change && t.unit === "%";
  const increment = !t.change && t.flow;
  if (!rate && !increment) return null;
  for (const level of levels) {
    // An increment is a year-end total minus the previous one: the later figure must say it is a total.
    if (!isLevel(level) || !sameItem(level, t) || (increment && (level.unit !== t.unit || !level.stock))) continue;
    const levelDate = published(level.article);
    // The base was known when the level was reported: the target's or the level's own article, or one dated no later.
    const known = (b: F) => {
      if (b.article === t.article || b.article === level.article) return true;
      const d = published(b.article);
      return d !== null && levelDate !== null && d <= levelDate;
    };
    const rank = (b: F) => [b.article === t.article ? 0 : 1, published(b.article) ?? "", `${b.text}\u0000${String(b.seq).padStart(6, "0")}`, b.article] as const;
    const base = bases
      .filter((b) => isLevel(b) && b.unit === level.unit && b.ref !== level.ref && sameItem(b, level) && known(b) && sameMeasure(level, b) && (!rate || b.value > 0))
      .sort((a, b) => {
        const [x, y] = [rank(a), rank(b)];
        if (x[0] !== y[0]) return x[0] - y[0];
        if (x[1] !== y[1]) return x[1] < y[1] ? 1 : -1;
        if (x[2] !== y[2]) return x[2] < y[2] ? -1 : 1;
        return x[3] - y[3];
      })[0];
    if (!base) continue;
    if (increment) {
      const value = level.value - base.value;
      return { value, unit: t.unit, formula: `${level.text} − ${base.text} = ${show(value)}${t.unit}`, level: level.ref, base: base.ref };
    }
    const rise = ((level.value - base.value) / base.value) * 100;
    const value = round(t.falls ? -rise : rise, 4);
    const formula = t.falls
      ? `(${base.text} − ${level.text}) ÷ ${base.text} = ${show(value)}%（下降）`
      : `(${level.text} − ${base.text}) ÷ ${base.text} = ${show(value)}%（增长）`;
    return { value, unit: "%", formula, level: level.ref, base: base.ref };
  }
  return null;
}

/** The derived outcome's verdict under the same rule as a stated one (verdict.ts). */
export function derivedVerdict(t: DeriveFigure, direction: Direction, d: Derived | null): DerivedVerdict | null {
  return d ? judge(t, direction, d.value) : null;
}

/**
 * One extracted article as linker input, the same way for the pipeline and the dev-pair scorer.
 * A figure's place is its own (its GB/T 2260 code when the extractor gives one, else its place
 * key), else the article's primary place, as src/pipeline/store.ts files it. The facets the
 * linker needs from the text (the clause's words before the figure, its 分别 slot) are read here,
 * once, while the text is at hand.
 */
import { SUFFIX_APPROX } from "../extract/rules/approx";
import { LIST_SEPARATORS } from "../extract/rules/metric";
import type { Figure, Summary } from "../extract/types";
import { placeKey } from "../places";
import { toSimplified } from "../text/script";
import type { LinkFigure } from "./link";
import { FALL_CUES, FLOW_CUES, includesAny, LIST_CUES, MULTI_YEAR_CUES, STOCK_CUES } from "./rules";
import { directionOf } from "./verdict";

/**
 * Stand-in until the extractor gives every figure its period (issue 12, "sections"): a target is
 * about its report's year, a reported figure about the year before (a January work report's
 * review). Removed when Figure.period lands.
 */
export function fallbackPeriod(f: Figure, published: string | null): string | null {
  const year = Number(published?.slice(0, 4));
  if (!Number.isInteger(year) || year < 1000) return null;
  return String(f.kind === "target" ? year : year - 1);
}

/** The place a figure is filed under (null when neither it nor its article has one). */
export function figurePlace(f: Figure, mainPlace: string | null): string | null {
  return f.place_code ?? ((f.place && placeKey(f.place)) || mainPlace);
}

const CLAUSE_BREAKS = "，,；;。：:！!？?\n";
/** A clause lead longer than this is cut: the cues sit next to the figure. */
const MAX_LEAD = 80;

const hasClauseBreak = (s: string) => [...s].some((c) => CLAUSE_BREAKS.includes(c));

/** The figure's comma clause up to the figure (居民消费价格涨幅控制在 for …控制在3%左右), simplified. */
export function clauseLead(text: string, start: number): string {
  let i = start;
  while (i > 0 && start - i < MAX_LEAD && !CLAUSE_BREAKS.includes(text[i - 1]!)) i--;
  return toSimplified(text.slice(i, start));
}

export function linkFiguresOf(article: number, text: string, summary: Summary, published: string | null, mainPlace: string | null): LinkFigure[] {
  const figures = summary.figures;
  // A list: the figure whose clause says 分别 and the figures right after it with the same
  // metric, unit, change-ness and kind, nothing but connectors between them (和, 、, 左右); or such
  // figures joined by a bare 和/、 without 分别 (城乡居民人均可支配收入完成2.57万元和1.68万元: two
  // figures of one measure side by side are two items, never one figure said twice).
  const slots = new Map<number, { pos: number; size: number }>();
  const leads = figures.map((f) => clauseLead(text, f.start));
  const sameMeasure = (a: Figure, b: Figure) => a.metric === b.metric && a.unit === b.unit && (a.change ?? false) === (b.change ?? false) && a.kind === b.kind;
  // The extractor's own words: its list separators, after the qualifier an item may carry (8%以上和9%).
  const joined = (a: Figure, b: Figure) => {
    const between = text.slice(a.end, b.start);
    const qualifier = SUFFIX_APPROX.map((r) => r.re.exec(between)?.[0]).find(Boolean) ?? "";
    const joiner = between.slice(qualifier.length);
    return joiner.length === 1 && LIST_SEPARATORS.includes(joiner);
  };
  for (let i = 0; i < figures.length; i++) {
    if (slots.has(i)) continue;
    const cued = includesAny(leads[i]!, LIST_CUES);
    let j = i + 1;
    while (j < figures.length && sameMeasure(figures[i]!, figures[j]!) && (cued ? !hasClauseBreak(text.slice(figures[j - 1]!.end, figures[j]!.start)) : joined(figures[j - 1]!, figures[j]!))) j++;
    if (j - i > 1) for (let k = i; k < j; k++) slots.set(k, { pos: k - i, size: j - i });
  }
  return figures.map((f, seq) => {
    const lead = leads[seq]!;
    const flow = includesAny(`${f.metric ?? ""}${lead}`, FLOW_CUES);
    return {
      ref: `${article}:${seq}`,
      article,
      seq,
      kind: f.kind,
      text: f.text,
      value: f.value,
      value_max: f.value_max ?? null,
      unit: f.unit,
      approx: f.approx ?? null,
      metric: f.metric ?? null,
      metric_key: f.metric_key ?? null,
      change: f.change ?? false,
      place: figurePlace(f, mainPlace),
      period: f.period ?? fallbackPeriod(f, published),
      direction: f.kind === "target" ? directionOf({ approx: f.approx, metric: f.metric, lead }) : null,
      flow,
      stock: !flow && includesAny(lead, STOCK_CUES),
      multiYear: includesAny(lead, MULTI_YEAR_CUES),
      falls: f.kind === "target" && (f.change ?? false) && includesAny(lead, FALL_CUES),
      listPos: slots.get(seq)?.pos ?? null,
      listSize: slots.get(seq)?.size ?? null,
    };
  });
}

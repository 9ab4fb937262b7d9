/**
 * The linker, pure: target figures (promises) ↔ reported figures (outcomes) of the same place and
 * period from later articles. The caller hands in every figure of the (place, period) groups it
 * relinks and the later coverage of those places; the result depends only on that content, never
 * on the order rows arrived in, so relinking is idempotent and order-independent.
 *
 * A candidate outcome of a target:
 * - is `reported` (the review part of a later report), same place, same period, from a LATER
 *   article: later by published date when both articles have one, else a review of the period is
 *   later than the plan of it;
 * - is the same kind of quantity: same unit after magnitudes (亿元 = 万元 = 元; % ≠ 个百分点), the
 *   same change-ness (a rate with a rate, a level with a level), not a total for an increment
 *   (达到1306家 against 新增100家), not a multi-year figure (年均, 累计, 四年来);
 * - names the same metric: equal metric keys, or (when a key is missing) most characters shared
 *   (Dice ≥ 0.75 after place prefixes and leading verbs: 实际利用外资 / 实际使用外资, 市政路 / 市政道路), each reported metric going to the target metric
 *   it shares most with (so 城镇居民… never takes 农村居民…'s figure when both are promised);
 * - in a 分别 list, pairs by position with a list of the same length.
 * Several candidates: the latest article wins (a later revision), then the closest metric, then
 * the first in the text; the others are kept as evidence.
 */
import type { Approx, Kind } from "../extract/types";
import { deriveOutcome, derivedVerdict, isLevel, levelYear, previousYear, type Derived, type DerivedVerdict } from "./derive";
import { METRIC_PREFIXES, METRIC_VERBS } from "./rules";
import { isMultiYear, periodEnd } from "../extract/periodformat";
import { verdictOf, type Direction, type Verdict } from "./verdict";

/**
 * A figure as the linker sees it; `ref` is the caller's handle ("article:seq"). The facets at the
 * end are read from the figure's clause when its article is extracted (inputs.ts), so linking
 * needs no article text.
 */
export interface LinkFigure {
  ref: string;
  article: number;
  /** Position in its article's summary. */
  seq: number;
  kind: Kind;
  text: string;
  value: number;
  value_max?: number | null;
  unit: string;
  approx?: Approx | null;
  metric?: string | null;
  metric_key?: string | null;
  change: boolean;
  /** Place identity (a GB/T 2260 code, else the place key). */
  place: string | null;
  period: string | null;
  /** Targets: at_least / at_most (verdict.ts directionOf). */
  direction: Direction | null;
  /** Counts what was added in the period (新增…). */
  flow: boolean;
  /** A level reached or running total (达到…, 累计…) and not a flow. */
  stock: boolean;
  /** A figure over several years (年均, 四年来, 累计): never one year's outcome. */
  multiYear: boolean;
  /** A target whose clause says it is a fall (下降5%): a derived change counts the fall (derive.ts). */
  falls: boolean;
  /** Slot in a 分别 list (城乡居民人均可支配收入分别增长8%和9%): position and length. */
  listPos: number | null;
  listSize: number | null;
}

export interface LinkArticle {
  id: number;
  /** YYYY-MM-DD, or null when the article does not say. */
  published: string | null;
}

/** A later article of a place reviewing up to `reviewedEnd` (YYYY-MM, see periodEnd). */
export interface Coverage {
  article: number;
  place: string;
  reviewedEnd: string;
}

export interface PromiseLink {
  target: string;
  place: string;
  period: string;
  metric: string;
  metric_key: string | null;
  direction: Direction;
  verdict: Verdict;
  outcome: string | null;
  evidence: string[];
  /** Worked out from two levels when no same-kind outcome is stated (derive.ts), with its own verdict. */
  derived: Derived | null;
  derived_verdict: DerivedVerdict | null;
}

/** Dice coefficient of the characters two metric names share, after place prefixes and verbs. */
const MIN_SIMILARITY = 0.75;

function bareMetric(metric: string): string {
  let m = metric;
  for (const list of [METRIC_PREFIXES, METRIC_VERBS]) {
    for (const p of list) if (m.startsWith(p) && m.length > p.length + 1) m = m.slice(p.length);
  }
  return m;
}

export function metricSimilarity(a: string, b: string): number {
  const x = [...bareMetric(a)];
  const y = [...bareMetric(b)];
  if (!x.length || !y.length) return 0;
  const counts = new Map<string, number>();
  for (const c of x) counts.set(c, (counts.get(c) ?? 0) + 1);
  let shared = 0;
  for (const c of y) {
    const n = counts.get(c) ?? 0;
    if (n > 0) {
      shared++;
      counts.set(c, n - 1);
    }
  }
  return (2 * shared) / (x.length + y.length);
}

/** How closely a figure's metric names another's: 1 for equal keys, 0 for no match. */
function metricScore(t: LinkFigure, c: LinkFigure): number {
  if (t.metric_key && c.metric_key) return t.metric_key === c.metric_key ? 1 : 0;
  if (!t.metric || !c.metric) return 0;
  const s = metricSimilarity(t.metric, c.metric);
  return s >= MIN_SIMILARITY ? s : 0;
}

/** B is later than A: by published dates when both have one; else B's review follows A's plan. */
function later(b: LinkArticle | undefined, a: LinkArticle | undefined): boolean {
  if (!a || !b || a.id === b.id) return false;
  return a.published && b.published ? b.published > a.published : true;
}

function eligible(t: LinkFigure, c: LinkFigure): boolean {
  if (c.unit !== t.unit || c.change !== t.change) return false;
  if (c.multiYear || (c.period !== null && isMultiYear(c.period))) return false;
  if (t.flow && c.stock) return false;
  return t.listSize === c.listSize && t.listPos === c.listPos;
}

/** Deterministic order of content, for ties (never the arrival order of articles). */
const contentKey = (f: LinkFigure) => `${f.metric ?? ""}\u0000${f.text}\u0000${String(f.seq).padStart(6, "0")}`;

/**
 * Every promise of the given figures. `figures` must hold all figures of each (place, period)
 * group being linked; `coverage` the later reviews of those places (for no_report vs pending);
 * `context` the figures of the year before each group, read only as bases of derived outcomes.
 */
export function linkPromises(figures: LinkFigure[], articles: Map<number, LinkArticle>, coverage: Coverage[], context: LinkFigure[] = []): PromiseLink[] {
  const groups = new Map<string, { targets: LinkFigure[]; reported: LinkFigure[] }>();
  // Levels by (place, year whose end they give), the bases a derived outcome compares with.
  const levels = new Map<string, LinkFigure[]>();
  for (const f of [...figures, ...context]) {
    const year = levelYear(f);
    if (!f.place || !year || !isLevel(f)) continue;
    const key = `${f.place}\u0000${year}`;
    levels.set(key, [...(levels.get(key) ?? []), f]);
  }
  const publishedOf = (article: number) => articles.get(article)?.published ?? null;
  // Candidates best first: the latest article (a later revision), then the closest metric, then the text.
  const latestFirst = (p: { c: LinkFigure; score: number }, q: { c: LinkFigure; score: number }) => {
    const pa = publishedOf(p.c.article) ?? "";
    const qa = publishedOf(q.c.article) ?? "";
    if (pa !== qa) return pa < qa ? 1 : -1;
    if (p.score !== q.score) return q.score - p.score;
    const pk = contentKey(p.c);
    const qk = contentKey(q.c);
    return pk < qk ? -1 : pk > qk ? 1 : 0;
  };
  const sameMeasure = (a: LinkFigure, b: LinkFigure) => metricScore(a, b) > 0;
  for (const f of figures) {
    if (!f.place || !f.period) continue;
    const key = `${f.place}\u0000${f.period}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { targets: [], reported: [] }));
    if (f.kind === "target") {
      if (f.metric) g.targets.push(f);
    } else g.reported.push(f);
  }

  const out: PromiseLink[] = [];
  for (const { targets, reported } of groups.values()) {
    // Per target article: each reported metric goes to the target(s) it names best.
    const byArticle = new Map<number, LinkFigure[]>();
    for (const t of targets) byArticle.set(t.article, [...(byArticle.get(t.article) ?? []), t]);
    for (const [articleId, ts] of byArticle) {
      const article = articles.get(articleId);
      const pairs: { t: LinkFigure; c: LinkFigure; score: number }[] = [];
      for (const t of ts) {
        for (const c of reported) {
          if (!later(articles.get(c.article), article)) continue;
          const score = metricScore(t, c);
          if (score > 0 && eligible(t, c)) pairs.push({ t, c, score });
        }
      }
      const best = new Map<string, number>();
      for (const p of pairs) best.set(p.c.ref, Math.max(best.get(p.c.ref) ?? 0, p.score));
      const period = ts[0]!.period!;
      const place = ts[0]!.place!;
      const end = periodEnd(period);
      const covered = end !== null && coverage.some((v) => v.place === place && v.reviewedEnd >= end && later(articles.get(v.article), article));
      for (const t of ts.sort((a, b) => a.seq - b.seq)) {
        const candidates = pairs
          .filter((p) => p.t === t && p.score >= best.get(p.c.ref)!)
          .sort(latestFirst)
          .map((p) => p.c);
        const outcome = candidates[0] ?? null;
        const direction = t.direction ?? "at_least";
        const previous = previousYear(period);
        // Levels of the period from later articles, ordered as outcomes are (latest article, closest metric, text).
        const derived =
          outcome || !previous
            ? null
            : deriveOutcome(
                t,
                reported
                  .filter((c) => isLevel(c) && !isMultiYear(c.period ?? "") && later(articles.get(c.article), article))
                  .map((c) => ({ c, score: metricScore(t, c) }))
                  .filter((p) => p.score > 0)
                  .sort(latestFirst)
                  .map((p) => p.c),
                levels.get(`${place}\u0000${previous}`) ?? [],
                sameMeasure,
                publishedOf,
              );
        out.push({
          target: t.ref,
          place,
          period,
          metric: t.metric!,
          metric_key: t.metric_key ?? null,
          direction,
          verdict: verdictOf(t, direction, outcome ? outcome.value : null, covered || outcome !== null),
          outcome: outcome?.ref ?? null,
          evidence: candidates.slice(1).map((c) => c.ref),
          derived,
          derived_verdict: derivedVerdict(t, direction, derived),
        });
      }
    }
  }
  return out;
}

/** Coverage of one article: per place, the latest period end its reported figures review. */
export function coverageOf(figures: LinkFigure[]): Coverage[] {
  const ends = new Map<string, { article: number; end: string }>();
  for (const f of figures) {
    if (f.kind !== "reported" || !f.place || !f.period) continue;
    const end = periodEnd(f.period);
    if (!end) continue;
    const key = `${f.article}\u0000${f.place}`;
    const prev = ends.get(key);
    if (!prev || end > prev.end) ends.set(key, { article: f.article, end });
  }
  return [...ends.entries()].map(([key, v]) => ({ article: v.article, place: key.split("\u0000")[1]!, reviewedEnd: v.end }));
}

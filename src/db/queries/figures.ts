/**
 * Figures list. `place` matches a figure attributed to the place (figures.place_key: the figure's
 * own place, else its article's main place) OR any figure of an article that names the place.
 */
import { and, eq, gte, lte, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import { articles, figures } from "../schema";
import { listConditions, placeFilterOf, placeNameOf, setFilters } from "./common";
import { type BatchRead, inBatch, listRead, type Page, type Phase } from "./page";
import { armLimit, idsIn, type Plan, placeKeyMatch, placeRowCheck } from "./plan";
import { containsAny, metricFilterKey, scriptVariants } from "./text";
import type { FigureFilter, FigureItem, FigureRef } from "./types";

/**
 * The figure's sentence, cut from its article's text (figures store only its span, see schema):
 * read for the rows served only, never stored twice.
 */
const sentence = sql<string | null>`(SELECT substr(st.text, ${figures.sentenceAt} + 1, ${figures.sentenceChars}) FROM articles AS st WHERE st.id = ${figures.articleId})`;

export const figureFields = {
  id: figures.id,
  articleId: figures.articleId,
  seq: figures.seq,
  text: figures.text,
  start: figures.start,
  end: figures.end,
  value: figures.value,
  valueMax: figures.valueMax,
  unit: figures.unit,
  approx: figures.approx,
  metric: figures.metric,
  metricKey: figures.metricKey,
  change: figures.change,
  kind: figures.kind,
  sentence,
  period: figures.period,
  placeKey: figures.placeKey,
  published: figures.published,
};

type FigureRow = { [K in Exclude<keyof typeof figureFields, "sentence">]: (typeof figures.$inferSelect)[K] } & { sentence: string | null };

export function figureRef(r: FigureRow): FigureRef {
  return {
    id: r.id,
    place: r.placeKey,
    seq: r.seq,
    text: r.text,
    value: r.value,
    value_max: r.valueMax,
    unit: r.unit,
    approx: r.approx,
    metric: r.metric,
    metric_key: r.metricKey,
    change: r.change,
    kind: r.kind,
    sentence: r.sentence,
    period: r.period,
    start: r.start,
    end: r.end,
  };
}

/**
 * A figure matches a metric filter when its metric contains the term in any script form, or,
 * when the term names a known indicator, when its metric key is that indicator's key (so
 * `metric=地区生产总值` also finds GDP and 全省生产总值).
 */
export function metricCondition(metric: string, column: { metric: SQLWrapper; key: SQLWrapper } = { metric: figures.metric, key: figures.metricKey }): SQL {
  const contains = containsAny(column.metric, scriptVariants(metric));
  const key = metricFilterKey(metric);
  return key ? sql`(${column.key} = ${key} OR ${contains})` : contains;
}

/**
 * Every filter condition of a figures query (without the paging phase). With a driver in `plan`
 * its set is read through the article-id list; otherwise every set filter is a per-row check.
 */
export function figureConditions(f: FigureFilter, plan: Plan = {}): SQL[] {
  const out = listConditions({ id: figures.id, articleId: figures.articleId, published: figures.published }, f, plan);
  const driver = plan.driver;
  if (f.place !== undefined) {
    const pf = placeFilterOf(f.place);
    // Driven: the set's figures and those filed under the place, each by its index (an OR would
    // leave SQLite walking figures_published past every row, for a set of a few articles).
    out.push(
      driver?.set === "place"
        ? sql`${figures.id} IN (SELECT id FROM figures WHERE ${idsIn(figures.articleId, driver.ids)} UNION ALL SELECT id FROM figures WHERE ${placeKeyMatch(figures.placeKey, pf)})`
        : sql`(${placeKeyMatch(figures.placeKey, pf, true)} OR ${placeRowCheck(figures.articleId, pf)})`,
    );
  }
  // With a driver, its id list must stay the access path: `+kind` keeps figures_kind out of the race.
  if (f.kind) out.push(driver ? sql`+${figures.kind} = ${f.kind}` : eq(figures.kind, f.kind));
  if (f.unit) out.push(eq(figures.unit, f.unit));
  if (f.change !== undefined) out.push(eq(figures.change, f.change));
  if (f.min !== undefined) out.push(gte(figures.value, f.min));
  if (f.max !== undefined) out.push(lte(figures.value, f.max));
  if (f.metric) {
    out.push(metricCondition(f.metric));
    if (driver?.set === "metric") out.push(idsIn(figures.articleId, driver.ids));
  }
  return out;
}

/** The ids of one arm of one phase of a figures page (exported for EXPLAIN QUERY PLAN tests). */
export function figureIdsQuery(d1: D1Database, f: FigureFilter, phase: Phase, take: number, plan: Plan = {}) {
  return drizzle(d1)
    .select({ id: figures.id })
    .from(figures)
    .where(and(...figureConditions(f, plan), phase.where))
    .orderBy(...phase.orderBy)
    .limit(armLimit(plan, take));
}

function figureItem(r: FigureRow & { title: string | null }): FigureItem {
  return { ...figureRef(r), article_id: r.articleId, title: r.title, published: r.published, place_name: placeNameOf(r.placeKey) };
}

/** One page of figures, newest article first (published DESC, id DESC; undated last): one batch. */
export async function listFigures(d1: D1Database, f: FigureFilter = {}): Promise<Page<FigureItem>> {
  return (await inBatch(d1, figuresRead(d1, f)))[0];
}

/** listFigures as statements for a batch shared with other reads. */
export function figuresRead(d1: D1Database, f: FigureFilter): BatchRead<Page<FigureItem>> {
  return listRead(d1, f, setFilters(f), {
    published: figures.published,
    id: figures.id,
    ids: (phase, plan, take) => figureIdsQuery(d1, f, phase, take, plan),
    rows: (ids, order, take) =>
      drizzle(d1)
        .select({ ...figureFields, title: articles.title })
        .from(figures)
        .innerJoin(articles, eq(articles.id, figures.articleId))
        .where(sql`${figures.id} IN (${ids})`)
        .orderBy(...order)
        .limit(take),
    item: (r: FigureRow & { title: string | null }) => figureItem(r),
  });
}

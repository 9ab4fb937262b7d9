/** Articles list and one article's full summary. `place` = articles that name the place. */
import { and, eq, getTableColumns, type SQL, sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import { type ArticleErrorCode, articlePlaces, articles, figures, goals, places } from "../schema";
import { iso, listConditions, placeFilterOf, setFilters } from "./common";
import { armLimit, idsIn, type Plan, placeRowCheck } from "./plan";
import { figureFields, figureRef } from "./figures";
import { goalFiguresColumn, goalFiguresOf } from "./goals";
import { type BatchRead, inBatch, listRead, type Page, type Phase } from "./page";
import type { ArticleFilter, ArticleItem, ArticleSummary, PlaceRef } from "./types";

export function articleConditions(f: ArticleFilter, plan: Plan = {}): SQL[] {
  const out = listConditions({ id: articles.id, articleId: articles.id, published: articles.published }, f, plan);
  if (f.place !== undefined) {
    out.push(plan.driver?.set === "place" ? idsIn(articles.id, plan.driver.ids) : placeRowCheck(articles.id, placeFilterOf(f.place)));
  }
  if (f.status) out.push(eq(articles.status, f.status));
  return out;
}

const articleFields = {
  id: articles.id,
  status: articles.status,
  error: articles.error,
  errorCode: articles.errorCode,
  attempts: articles.attempts,
  title: articles.title,
  published: articles.published,
  source: articles.source,
  url: articles.url,
  receivedAt: articles.receivedAt,
  extractedAt: articles.extractedAt,
  figureCount: sql<number>`(SELECT count(*) FROM figures AS cf WHERE cf.article_id = "articles"."id")`,
  goalCount: sql<number>`(SELECT count(*) FROM goals AS cg WHERE cg.article_id = "articles"."id")`,
};

/** The ids of one arm of one phase of an articles page (exported for EXPLAIN QUERY PLAN tests). */
export function articleIdsQuery(d1: D1Database, f: ArticleFilter, phase: Phase, take: number, plan: Plan = {}) {
  return drizzle(d1)
    .select({ id: articles.id })
    .from(articles)
    .where(and(...articleConditions(f, plan), phase.where))
    .orderBy(...phase.orderBy)
    .limit(armLimit(plan, take));
}

/** The places of the articles `ids` selects (a subquery), in each article's own order: a statement for a batch. */
export function articlePlacesQuery(d1: D1Database, ids: SQL) {
  return drizzle(d1)
    // Unique column names: a D1 batch gives rows as objects keyed by name.
    .select({ articleId: articlePlaces.articleId, key: articlePlaces.placeKey, written: articlePlaces.name, name: sql<string>`${places.name}`.as("place_name") })
    .from(articlePlaces)
    .innerJoin(places, eq(places.key, articlePlaces.placeKey))
    .where(sql`${articlePlaces.articleId} IN (${ids})`)
    .orderBy(articlePlaces.articleId, sql`${articlePlaces}.rowid`);
}

/** articlePlacesQuery's rows by article id. */
export function placesByArticle(rows: Awaited<ReturnType<typeof articlePlacesQuery>>): Map<number, PlaceRef[]> {
  const out = new Map<number, PlaceRef[]>();
  for (const r of rows) {
    const p = { key: r.key, name: r.name, written: r.written };
    const list = out.get(r.articleId);
    if (list) list.push(p);
    else out.set(r.articleId, [p]);
  }
  return out;
}

type ArticleRow = {
  id: number;
  status: ArticleItem["status"];
  error: string | null;
  errorCode: ArticleErrorCode | null;
  attempts: number;
  title: string | null;
  published: string | null;
  source: string | null;
  url: string | null;
  receivedAt: number;
  extractedAt: number | null;
  figureCount: number;
  goalCount: number;
};

function articleItem(r: ArticleRow, placeList: PlaceRef[]): ArticleItem {
  return {
    id: r.id,
    status: r.status,
    error: r.error,
    error_code: r.errorCode,
    attempts: r.attempts,
    title: r.title,
    published: r.published,
    source: r.source,
    url: r.url,
    received_at: iso(r.receivedAt)!,
    extracted_at: iso(r.extractedAt),
    places: placeList,
    figure_count: Number(r.figureCount),
    goal_count: Number(r.goalCount),
  };
}

/** One page of articles, newest first (published DESC, id DESC; undated, e.g. not yet extracted, last): one batch. */
export async function listArticles(d1: D1Database, f: ArticleFilter = {}): Promise<Page<ArticleItem>> {
  return (await inBatch(d1, articlesRead(d1, f)))[0];
}

/** listArticles as statements for a batch shared with other reads. */
export function articlesRead(d1: D1Database, f: ArticleFilter): BatchRead<Page<ArticleItem>> {
  return listRead(d1, f, setFilters(f), {
    published: articles.published,
    id: articles.id,
    ids: (phase, plan, take) => articleIdsQuery(d1, f, phase, take, plan),
    rows: (ids, order, take) => drizzle(d1).select(articleFields).from(articles).where(sql`${articles.id} IN (${ids})`).orderBy(...order).limit(take),
    followUps: (ids) => [articlePlacesQuery(d1, ids)],
    context: ([placeRows]) => placesByArticle(placeRows as Awaited<ReturnType<typeof articlePlacesQuery>>),
    item: (r: ArticleRow, placeMap) => articleItem(r, placeMap.get(r.id) ?? []),
  });
}

/** Everything known about one article (facts, status/error, text, places, figures, goals with figures) in one batch; null if absent. */
export async function getArticleSummary(d1: D1Database, id: number): Promise<ArticleSummary | null> {
  const [summary] = await inBatch(d1, articleSummaryRead(d1, id));
  return summary;
}

/** getArticleSummary as statements for a batch shared with other reads. */
export function articleSummaryRead(d1: D1Database, id: number): BatchRead<ArticleSummary | null> {
  const db = drizzle(d1);
  const rowQuery = summaryRowQuery(d1, id);
  const placeQuery = articlePlacesQuery(d1, sql`${id}`);
  const figureQuery = db.select(figureFields).from(figures).where(eq(figures.articleId, id)).orderBy(figures.seq);
  const goalQuery = db.select({ ...getTableColumns(goals), figures: goalFiguresColumn }).from(goals).where(eq(goals.articleId, id)).orderBy(goals.seq);
  return {
    items: [rowQuery, placeQuery, figureQuery, goalQuery],
    decode: (results) => {
      const [[row], placeRows, figRows, goalRows] = results as [
        Awaited<typeof rowQuery>,
        Awaited<typeof placeQuery>,
        Awaited<typeof figureQuery>,
        Awaited<typeof goalQuery>,
      ];
      return row ? summaryOf(id, row, placeRows, figRows, goalRows) : null;
    },
  };
}

/** The article row with everything a summary shows. */
function summaryRowQuery(d1: D1Database, id: number) {
  return drizzle(d1)
    .select({
      ...articleFields,
      encoding: articles.encoding,
      declaredCharset: articles.declaredCharset,
      format: articles.format,
      extractorVersion: articles.extractorVersion,
      metaTitle: articles.metaTitle,
      metaSource: articles.metaSource,
      metaPublished: articles.metaPublished,
      metaPlace: articles.metaPlace,
      text: articles.text,
      warnings: articles.warnings,
    })
    .from(articles)
    .where(eq(articles.id, id));
}

function summaryOf(
  id: number,
  row: Awaited<ReturnType<typeof summaryRowQuery>>[number],
  placeRows: Awaited<ReturnType<typeof articlePlacesQuery>>,
  figRows: Parameters<typeof figureRef>[0][],
  goalRows: ((typeof goals.$inferSelect) & { figures: string })[],
): ArticleSummary {
  const placeMap = placesByArticle(placeRows);
  return {
    ...articleItem(row, placeMap.get(id) ?? []),
    encoding: row.encoding,
    declared_charset: row.declaredCharset,
    format: row.format,
    extractor_version: row.extractorVersion,
    warnings: row.warnings ? (JSON.parse(row.warnings) as string[]) : [],
    meta: { title: row.metaTitle, source: row.metaSource, published: row.metaPublished, place: row.metaPlace },
    text: row.text,
    figures: figRows.map(figureRef),
    goals: goalRows.map((g) => ({
      id: g.id,
      place: g.placeKey,
      seq: g.seq,
      text: g.text,
      deadline: g.deadline,
      actor: g.actor,
      period: g.period,
      start: g.start,
      end: g.end,
      figures: goalFiguresOf(g.figures),
    })),
  };
}

/** Articles list and one article's full summary. `place` = articles that name the place. */
import { and, eq, getTableColumns, type SQL, sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import { type ArticleErrorCode, articles, figures, goals } from "../schema";
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

/**
 * An article's places as a column of its own row (the `articles` row of the statement it is
 * selected in), in the article's own order: a list of articles is then one statement, as a
 * follow-up statement by the page's ids ran the page's whole id query a second time.
 */
export const articlePlacesColumn = sql<string>`(SELECT json_group_array(json_object('at', ap.rowid, 'key', ap.place_key, 'name', pl.name, 'written', ap.name))
  FROM article_places AS ap JOIN places AS pl ON pl.key = ap.place_key WHERE ap.article_id = "articles"."id")`;

/** articlePlacesColumn's value as place refs, in the article's order (json_group_array keeps no order). */
export function articlePlacesOf(json: string | null): PlaceRef[] {
  const rows = JSON.parse(json ?? "[]") as (PlaceRef & { at: number })[];
  rows.sort((a, b) => a.at - b.at);
  return rows.map((r) => ({ key: r.key, name: r.name, written: r.written }));
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
  places: articlePlacesColumn,
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
  places: string;
};

function articleItem(r: ArticleRow): ArticleItem {
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
    places: articlePlacesOf(r.places),
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
    item: articleItem,
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
  const figureQuery = db.select(figureFields).from(figures).where(eq(figures.articleId, id)).orderBy(figures.seq);
  const goalQuery = db.select({ ...getTableColumns(goals), figures: goalFiguresColumn }).from(goals).where(eq(goals.articleId, id)).orderBy(goals.seq);
  return {
    items: [rowQuery, figureQuery, goalQuery],
    decode: (results) => {
      const [[row], figRows, goalRows] = results as [Awaited<typeof rowQuery>, Awaited<typeof figureQuery>, Awaited<typeof goalQuery>];
      return row ? summaryOf(row, figRows, goalRows) : null;
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
  row: Awaited<ReturnType<typeof summaryRowQuery>>[number],
  figRows: Parameters<typeof figureRef>[0][],
  goalRows: ((typeof goals.$inferSelect) & { figures: string })[],
): ArticleSummary {
  return {
    ...articleItem(row),
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

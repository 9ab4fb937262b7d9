/**
 * What the feeds and pages show beyond the lists, read through the same conditions as the lists:
 * articles for the article feed, goals and figures grouped by Asia/Shanghai day and place for the
 * digest (feeds and the home page), the places of the OPML and a place's display name. Only
 * `extracted` articles appear. Filters arrive parsed (src/filter.ts).
 *
 * Dates: an article's day and feed order come from `received_at` (when jiyao got it; never
 * rewritten, so a re-extraction does not move it to another day); its pubDate is `published`
 * (Beijing time) when known, else `received_at`.
 */
import { and, count, desc, eq, getTableColumns, gte, lt, sql, type SQL } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import { BEIJING_OFFSET_MS, shanghaiDay, shanghaiDayStart } from "../../text/beijing";
import { articlePlaces, articles, figures, goals, places } from "../schema";
import { articleConditions, articlePlacesColumn, articlePlacesOf } from "./articles";
import { placeNameOf } from "./common";
import { figureConditions, figureFields, figureRef } from "./figures";
import { goalConditions, goalFields, goalFiguresColumn, goalFiguresOf } from "./goals";
import { type BatchRead, inBatch } from "./page";
import type { FeedFilter, FigureRef, PlaceRef } from "./types";

export interface FeedGoal {
  id: number;
  articleId: number;
  seq: number;
  text: string;
  deadline: string | null;
  actor: string | null;
  place: string | null;
  figures: FigureRef[];
}

/** A goal row with its figures, in the feed's shape. */
function feedGoal(g: { id: number; articleId: number; seq: number; text: string; deadline: string | null; actor: string | null; placeKey: string | null; figures: string }): FeedGoal {
  return { id: g.id, articleId: g.articleId, seq: g.seq, text: g.text, deadline: g.deadline, actor: g.actor, place: g.placeKey, figures: goalFiguresOf(g.figures) };
}

export interface FeedFigure extends FigureRef {
  articleId: number;
}

export interface FeedArticle {
  id: number;
  title: string | null;
  source: string | null;
  url: string | null;
  published: string | null;
  receivedAt: number;
  extractedAt: number | null;
  places: PlaceRef[];
  figures: FeedFigure[];
  goals: FeedGoal[];
}

/** Conditions on `figures` for the filter (place, metric, kind; keyword is applied to the article). */
function figureConds(f: FeedFilter): SQL[] {
  return figureConditions({ place: f.placeKey, metric: f.metric, kind: f.kind });
}

/** Conditions on `goals`; null when the filter excludes goals (kind=reported: goals are targets). */
function goalConds(f: FeedFilter): SQL[] | null {
  if (f.kind === "reported") return null;
  return goalConditions({ place: f.placeKey, metric: f.metric });
}

const extracted = eq(articles.status, "extracted");

/** The article has a figure (or goal) the filter keeps. */
function hasMatchingRows(f: FeedFilter): SQL | undefined {
  if (!f.placeKey && !f.metric && !f.kind) return undefined;
  const fig = sql`EXISTS (SELECT 1 FROM ${figures} WHERE ${figures.articleId} = ${articles.id} AND ${and(...figureConds(f)) ?? sql`1`})`;
  const gc = goalConds(f);
  if (!gc) return fig;
  const goal = sql`EXISTS (SELECT 1 FROM ${goals} WHERE ${goals.articleId} = ${articles.id} AND ${and(...gc) ?? sql`1`})`;
  return sql`(${fig} OR ${goal})`;
}

/** The figures of the articles `ids` selects (a subquery) that the filter keeps, in article and text order. */
function figuresOfArticles(d1: D1Database, ids: SQL, f: FeedFilter) {
  return drizzle(d1)
    .select(figureFields)
    .from(figures)
    .where(and(sql`${figures.articleId} IN (${ids})`, ...figureConds(f)))
    .orderBy(figures.articleId, figures.seq);
}

/**
 * The newest `limit` extracted articles matching the filter (received_at DESC, id DESC), with
 * their places (a column of each article's row) and the figures and goals the content filter
 * (metric, kind) keeps: one batch, those selecting by the page's ids as a subquery.
 */
export async function articleFeedData(d1: D1Database, f: FeedFilter): Promise<FeedArticle[]> {
  return (await inBatch(d1, articleFeedRead(d1, f)))[0];
}

/** articleFeedData as statements for a batch shared with other reads. */
export function articleFeedRead(d1: D1Database, f: FeedFilter): BatchRead<FeedArticle[]> {
  const db = drizzle(d1);
  const contentFilter: FeedFilter = { ...f, place: undefined, placeKey: undefined };
  // place: articles that name it (even without figures); metric/kind: articles with such a figure.
  const where = and(extracted, ...articleConditions({ q: f.q, place: f.placeKey }), hasMatchingRows(contentFilter));
  const newest = [desc(articles.receivedAt), desc(articles.id)];
  const ids = sql`SELECT id FROM (${db.select({ id: articles.id }).from(articles).where(where).orderBy(...newest).limit(f.limit)})`;
  const gc = goalConds(contentFilter);
  const goalWhere = gc ? and(sql`${goals.articleId} IN (${ids})`, ...gc) : undefined;
  return {
    items: [
      db
        .select({
          id: articles.id,
          title: articles.title,
          source: articles.source,
          url: articles.url,
          published: articles.published,
          receivedAt: articles.receivedAt,
          extractedAt: articles.extractedAt,
          places: articlePlacesColumn,
        })
        .from(articles)
        .where(where)
        .orderBy(...newest)
        .limit(f.limit),
      figuresOfArticles(d1, ids, contentFilter),
      ...(goalWhere
        ? [db.select({ ...getTableColumns(goals), figures: goalFiguresColumn }).from(goals).where(goalWhere).orderBy(goals.articleId, goals.seq)]
        : []),
    ],
    decode: (results) => {
      const [rows, figRows, goalRows = []] = results as [
        (Omit<FeedArticle, "places" | "figures" | "goals"> & { places: string })[],
        Awaited<ReturnType<typeof figuresOfArticles>>,
        ((typeof goals.$inferSelect) & { figures: string })[]?,
      ];
      const figs: FeedFigure[] = figRows.map((r) => ({ ...figureRef(r), articleId: r.articleId }));
      const feedGoals = goalRows.map(feedGoal);
      return rows.map((r) => ({
        ...r,
        places: articlePlacesOf(r.places),
        figures: figs.filter((x) => x.articleId === r.id),
        goals: feedGoals.filter((g) => g.articleId === r.id),
      }));
    },
  };
}

export interface DigestArticle {
  id: number;
  title: string | null;
  published: string | null;
}

export interface DigestPlace {
  /** Place key (null: not attributed to a place). */
  key: string | null;
  name: string;
  goals: FeedGoal[];
  figures: FeedFigure[];
}

export interface DigestDay {
  /** Asia/Shanghai day, YYYY-MM-DD. */
  day: string;
  /** Latest received_at and extracted_at of the day's articles (ms). */
  receivedAt: number;
  updatedAt: number;
  articles: Map<number, DigestArticle>;
  places: DigestPlace[];
  /** True when the day had more rows than one digest carries (DIGEST_MAX_ROWS). */
  truncated: boolean;
}

/** Most figures (and, separately, goals) one digest response reads. */
export const DIGEST_MAX_ROWS = 1000;

/** SQL for the Asia/Shanghai day of articles.received_at. */
const dayOfReceived = sql<string>`date(${articles.receivedAt} / 1000 + ${BEIJING_OFFSET_MS / 1000}, 'unixepoch')`;

/** The newest `limit` Asia/Shanghai days with matching rows (exported for plan tests). */
export function digestDaysQuery(d1: D1Database, f: FeedFilter) {
  const anyRows =
    hasMatchingRows(f) ??
    sql`(EXISTS (SELECT 1 FROM ${figures} WHERE ${figures.articleId} = ${articles.id}) OR EXISTS (SELECT 1 FROM ${goals} WHERE ${goals.articleId} = ${articles.id}))`;
  return drizzle(d1)
    .select({ day: sql<string>`${dayOfReceived}`.as("day") })
    .from(articles)
    .where(and(extracted, ...articleConditions({ q: f.q }), anyRows))
    .groupBy(dayOfReceived)
    .orderBy(desc(dayOfReceived))
    .limit(f.limit);
}

/** A bound of the digest window: epoch ms, or SQL computing it in the same statement. */
type Bound = number | SQL;

function digestWindow(f: FeedFilter, lo: Bound, hi: Bound) {
  return and(extracted, gte(articles.receivedAt, lo), lt(articles.receivedAt, hi), ...articleConditions({ q: f.q }));
}

/** The article columns a digest row carries (its article's entry in the day's list), named apart from the row's own (a D1 batch keys rows by column name). */
const digestArticle = {
  receivedAt: articles.receivedAt,
  title: articles.title,
  articlePublished: sql<string | null>`${articles.published}`.as("article_published"),
  extractedAt: articles.extractedAt,
};

/** Figures of the digest window [lo, hi) (ms of received_at), newest article first (exported for plan tests). */
export function digestFiguresQuery(d1: D1Database, f: FeedFilter, lo: Bound, hi: Bound) {
  return drizzle(d1)
    .select({ ...figureFields, ...digestArticle })
    .from(figures)
    .innerJoin(articles, eq(articles.id, figures.articleId))
    .where(and(digestWindow(f, lo, hi), ...figureConds(f)))
    .orderBy(desc(articles.receivedAt), desc(articles.id), figures.seq)
    .limit(DIGEST_MAX_ROWS + 1);
}

/** Goals of the digest window; null when the filter excludes goals (exported for plan tests). */
export function digestGoalsQuery(d1: D1Database, f: FeedFilter, lo: Bound, hi: Bound) {
  const gc = goalConds(f);
  if (!gc) return null;
  return drizzle(d1)
    .select({ ...goalFields, ...digestArticle, figures: goalFiguresColumn })
    .from(goals)
    .innerJoin(articles, eq(articles.id, goals.articleId))
    .where(and(digestWindow(f, lo, hi), ...gc))
    .orderBy(desc(articles.receivedAt), desc(articles.id), goals.seq)
    .limit(DIGEST_MAX_ROWS + 1);
}

/** What one database holds for a digest: its newest days, its figure and goal rows of those days and their articles. */
export interface DigestRows {
  /** The database's own newest `limit` days with rows (the days asked, when given). */
  days: string[];
  figures: (FeedFigure & { receivedAt: number })[];
  goals: (FeedGoal & { receivedAt: number })[];
  articles: { id: number; title: string | null; published: string | null; receivedAt: number; extractedAt: number | null }[];
}

/** Epoch ms of the start of an Asia/Shanghai day held as YYYY-MM-DD in SQL (shanghaiDayStart, in SQL). */
const dayStartSql = (day: SQL) => sql`(CAST(strftime('%s', ${day}) AS INTEGER) * 1000 - ${BEIJING_OFFSET_MS})`;

/**
 * One database's digest rows in one batch: its newest `limit` days with rows the filter keeps
 * (or the one day asked) and the rows of those days, at most DIGEST_MAX_ROWS + 1 figures and
 * goals each, newest article first, so the cap can be seen. The window is computed in SQL from
 * the days query, so nothing waits for the days to come back. Across shards a database's newest
 * days include every day of the newest over all shards that it has rows on (src/db/reads.ts
 * keeps those).
 */
export function digestRead(d1: D1Database, f: FeedFilter, onlyDay?: string): BatchRead<DigestRows> {
  const daysQuery = digestDaysQuery(d1, f);
  const newestDays = sql`SELECT day FROM (${daysQuery})`;
  const lo = onlyDay ? shanghaiDayStart(onlyDay) : dayStartSql(sql`(SELECT min(day) FROM (${newestDays}))`);
  const hi = onlyDay ? shanghaiDayStart(onlyDay) + 24 * 3600 * 1000 : sql`${dayStartSql(sql`(SELECT max(day) FROM (${newestDays}))`)} + ${24 * 3600 * 1000}`;
  const figureQuery = digestFiguresQuery(d1, f, lo, hi);
  const goalQuery = digestGoalsQuery(d1, f, lo, hi);
  return {
    items: [figureQuery, ...(goalQuery ? [goalQuery] : []), ...(onlyDay ? [] : [daysQuery])],
    decode: (results) => digestRowsOf(results, goalQuery !== null, onlyDay),
  };
}

function digestRowsOf(results: unknown[], withGoals: boolean, onlyDay: string | undefined): DigestRows {
  const figRows = results[0] as Awaited<ReturnType<typeof digestFiguresQuery>>;
  const goalRows = (withGoals ? results[1] : []) as Awaited<NonNullable<ReturnType<typeof digestGoalsQuery>>>;
  const dayRows = (onlyDay ? [] : results[results.length - 1]) as { day: string }[];
  const articleById = new Map<number, DigestRows["articles"][number]>();
  for (const r of [...figRows, ...goalRows]) {
    articleById.set(r.articleId, { id: r.articleId, title: r.title, published: r.articlePublished, receivedAt: r.receivedAt, extractedAt: r.extractedAt });
  }
  return {
    days: onlyDay ? [onlyDay] : dayRows.map((r) => r.day),
    figures: figRows.map((r) => ({ ...figureRef(r), articleId: r.articleId, receivedAt: r.receivedAt })),
    goals: goalRows.map((g) => ({ ...feedGoal(g), receivedAt: g.receivedAt })),
    articles: [...articleById.values()],
  };
}

/**
 * The digest of `days` from the rows of one database or of several merged (figures and goals
 * each newest article first): each day's goals and figures grouped by place (places with most
 * rows first). A capped read may end in the middle of a day: only complete days are kept (or the
 * newest alone, marked truncated).
 */
export function assembleDigest(days: string[], rows: DigestRows): DigestDay[] {
  if (!days.length) return [];
  let cutoff = -Infinity;
  let truncatedDay: string | null = null;
  for (const list of [rows.figures, rows.goals] as { receivedAt: number }[][]) {
    if (list.length > DIGEST_MAX_ROWS) {
      const lastDay = shanghaiDayStart(shanghaiDay(list[DIGEST_MAX_ROWS - 1]!.receivedAt));
      cutoff = Math.max(cutoff, lastDay);
    }
  }
  let keptDays = days;
  if (cutoff > -Infinity) {
    keptDays = days.filter((d) => shanghaiDayStart(d) >= cutoff + 24 * 3600 * 1000);
    if (!keptDays.length) {
      keptDays = [days[0]!];
      truncatedDay = days[0]!;
    }
  }
  const articleById = new Map(rows.articles.map((a) => [a.id, a]));
  const byDay = new Map<string, DigestDay>();
  for (const day of keptDays) {
    byDay.set(day, { day, receivedAt: 0, updatedAt: 0, articles: new Map(), places: [], truncated: day === truncatedDay });
  }
  function slot(receivedAt: number, articleId: number, key: string | null): DigestPlace | null {
    const d = byDay.get(shanghaiDay(receivedAt));
    if (!d) return null;
    const a = articleById.get(articleId);
    if (a && !d.articles.has(articleId)) {
      d.articles.set(articleId, { id: a.id, title: a.title, published: a.published });
      d.receivedAt = Math.max(d.receivedAt, a.receivedAt);
      d.updatedAt = Math.max(d.updatedAt, a.extractedAt ?? a.receivedAt);
    }
    let p = d.places.find((x) => x.key === key);
    if (!p) {
      p = { key, name: key === null ? "未注明地点" : (placeNameOf(key) ?? key), goals: [], figures: [] };
      d.places.push(p);
    }
    return p;
  }
  for (const { receivedAt, ...g } of rows.goals.slice(0, DIGEST_MAX_ROWS)) slot(receivedAt, g.articleId, g.place)?.goals.push(g);
  for (const { receivedAt, ...r } of rows.figures.slice(0, DIGEST_MAX_ROWS)) slot(receivedAt, r.articleId, r.place)?.figures.push(r);
  // Within a day: places with the most rows first, then by name (stable output = stable ETag).
  const out = [...byDay.values()].filter((d) => d.places.length);
  for (const d of out) {
    d.places.sort((a, b) => b.goals.length + b.figures.length - (a.goals.length + a.figures.length) || a.name.localeCompare(b.name));
  }
  return out;
}

/** The digest of one database: the newest `limit` days with matching rows, or one given day (the page a digest item links to). */
export async function digestData(d1: D1Database, f: FeedFilter, onlyDay?: string): Promise<DigestDay[]> {
  const [rows] = await inBatch(d1, digestRead(d1, f, onlyDay));
  return assembleDigest(rows.days, rows);
}

/**
 * The OPML's places (every place an article names, most articles first) and when the newest
 * extracted article changed (ms; 0 before any), in one D1 batch.
 */
export async function opmlPlaces(d1: D1Database): Promise<{ places: { key: string; name: string; articles: number }[]; updated: number }> {
  const db = drizzle(d1);
  const articleCount = count(articlePlaces.articleId);
  const [placeRows, [latest]] = await db.batch([
    db
      .select({ key: places.key, name: places.name, articles: articleCount })
      .from(places)
      .leftJoin(articlePlaces, eq(articlePlaces.placeKey, places.key))
      .groupBy(places.key)
      .orderBy(desc(articleCount), places.key),
    db.select({ t: sql<number | null>`max(coalesce(${articles.extractedAt}, ${articles.receivedAt}))` }).from(articles).where(extracted),
  ]);
  return { places: placeRows, updated: latest?.t ?? 0 };
}

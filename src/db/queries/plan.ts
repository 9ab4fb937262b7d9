/**
 * Choosing how a filtered list is read. The set filters (place, keyword, metric) each select a
 * set of articles. A SMALL set drives the query (its article ids are fetched first, then their
 * rows are sorted); when every set is LARGE, the query walks the (published, id) index in order
 * and checks each row, stopping after one page. SQLite cannot tell the two cases apart (FTS5
 * gives it no row estimates), so a capped probe per set decides: at most SET_CAP + 1 ids each.
 */
import { type SQL, type SQLWrapper, sql } from "drizzle-orm";
import { SQLiteAsyncDialect } from "drizzle-orm/sqlite-core";
import { charLength, FTS_MIN_CHARS, ftsPhrase, keywordTerms, likeContains, metricFilterKey, scriptVariants } from "./text";

const dialect = new SQLiteAsyncDialect();

/** Above this many articles a set is "large": walking the index finds a page sooner than sorting the set. */
export const SET_CAP = 400;

export type SetName = "place" | "q" | "metric";

export interface Plan {
  /** The set that drives the query, with its article ids (all of them, ≤ SET_CAP). */
  driver?: { set: SetName; ids: number[] };
}

/** The FTS5 MATCH string for the keyword terms of ≥3 characters ("" when none). */
export function keywordMatch(q: string): string {
  return keywordTerms(q)
    .filter((t) => charLength(t) >= FTS_MIN_CHARS)
    .map((t) => `(${scriptVariants(t).map(ftsPhrase).join(" OR ")})`)
    .join(" AND ");
}

/** LIKE conditions on article_search for the keyword terms under 3 characters (AND of ORs). */
export function keywordLikes(q: string, alias: string): SQL[] {
  return keywordTerms(q)
    .filter((t) => charLength(t) < FTS_MIN_CHARS)
    .map((t) => {
      const likes = scriptVariants(t).flatMap((v) => {
        const p = likeContains(v);
        return ["title", "body", "metrics"].map((col) => sql`${sql.raw(`${alias}.${col}`)} LIKE ${p} ESCAPE '\\'`);
      });
      return sql`(${sql.join(likes, sql` OR `)})`;
    });
}

/** The article_search WHERE clause for a keyword query (alias `s`), for the probe. */
function keywordWhere(q: string): SQL | undefined {
  const parts: SQL[] = [];
  const match = keywordMatch(q);
  if (match) parts.push(sql`article_search MATCH ${match}`);
  parts.push(...keywordLikes(q, "s"));
  return parts.length ? sql.join(parts, sql` AND `) : undefined;
}

/**
 * The keyword check when the keyword set does not drive: the MATCH part as one materialised list
 * (`+` keeps it from becoming the access path), the short terms as a per-row LIKE on the article's
 * search row. Measured at 50k articles, both beat a per-row MATCH.
 */
export function keywordRowCheck(articleId: SQLWrapper, q: string): SQL | undefined {
  const parts: SQL[] = [];
  const match = keywordMatch(q);
  if (match) parts.push(sql`+${articleId} IN (SELECT rowid FROM article_search WHERE article_search MATCH ${match})`);
  const likes = keywordLikes(q, "s");
  if (likes.length) parts.push(sql`EXISTS (SELECT 1 FROM article_search AS s WHERE s.rowid = ${articleId} AND ${sql.join(likes, sql` AND `)})`);
  return parts.length ? sql`(${sql.join(parts, sql` AND `)})` : undefined;
}

/** The metric's FTS5 MATCH on the metrics column, its key too (stored there beside the metrics); "" under 3 characters. */
export function metricMatch(metric: string): string {
  const term = metric.trim();
  if (charLength(term) < FTS_MIN_CHARS) return "";
  const key = metricFilterKey(term);
  const phrases = [...new Set([...scriptVariants(term), ...(key ? [key] : [])])];
  return `metrics : (${phrases.map(ftsPhrase).join(" OR ")})`;
}

/** Per-row check: the row's article names the place (primary-key lookup). */
export function placeRowCheck(articleId: SQLWrapper, key: string): SQL {
  return sql`EXISTS (SELECT 1 FROM article_places AS ap WHERE ap.article_id = ${articleId} AND ap.place_key = ${key})`;
}

/** `articleId IN (the driver's ids)` as one bound JSON parameter (D1 binds at most 100). */
export function idsIn(articleId: SQLWrapper, ids: number[]): SQL {
  return sql`${articleId} IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`;
}

/**
 * Probes the set filters present (one D1 batch) and returns the smallest set under SET_CAP as
 * the driver, or no driver (walk the index).
 */
export async function planFor(d1: D1Database, f: { placeKey?: string; q?: string; metric?: string }): Promise<Plan> {
  const probes: { set: SetName; stmt: D1PreparedStatement }[] = [];
  const cap = SET_CAP + 1;
  if (f.placeKey !== undefined) {
    probes.push({ set: "place", stmt: d1.prepare("SELECT article_id AS id FROM article_places WHERE place_key = ? LIMIT ?").bind(f.placeKey, cap) });
  }
  if (f.metric) {
    const match = metricMatch(f.metric);
    if (match) probes.push({ set: "metric", stmt: d1.prepare("SELECT rowid AS id FROM article_search WHERE article_search MATCH ? LIMIT ?").bind(match, cap) });
  }
  if (f.q) {
    const where = keywordWhere(f.q);
    if (where) {
      const { dialectSql, params } = render(sql`SELECT s.rowid AS id FROM article_search AS s WHERE ${where} LIMIT ${cap}`);
      probes.push({ set: "q", stmt: d1.prepare(dialectSql).bind(...params) });
    }
  }
  if (!probes.length) return {};
  const results = await d1.batch<{ id: number }>(probes.map((p) => p.stmt));
  let best: Plan["driver"];
  results.forEach((r, i) => {
    const ids = r.results.map((row) => row.id);
    if (ids.length <= SET_CAP && (!best || ids.length < best.ids.length)) best = { set: probes[i]!.set, ids };
  });
  return best ? { driver: best } : {};
}

function render(query: SQL): { dialectSql: string; params: unknown[] } {
  const built = dialect.sqlToQuery(query);
  return { dialectSql: built.sql, params: built.params };
}

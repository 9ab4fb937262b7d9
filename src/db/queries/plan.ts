/**
 * Choosing how a filtered list is read. The set filters (place, keyword, metric) each select a
 * set of articles. A SMALL set drives the query (its article ids are fetched first, then their
 * rows are sorted); when every set is LARGE, the query walks the (published, id) index in order
 * and checks each row, stopping after one page. SQLite cannot tell the two cases apart (FTS5
 * gives it no row estimates), so a capped probe per set decides: at most SET_CAP + 1 ids each.
 */
import { type SQL, type SQLWrapper, sql } from "drizzle-orm";
import { SQLiteAsyncDialect } from "drizzle-orm/sqlite-core";
import type { PlaceFilter } from "../../places";
import { keywordProbe, metricProbe } from "./search";

const dialect = new SQLiteAsyncDialect();

/** Above this many articles a set is "large": walking the index finds a page sooner than sorting the set. */
export const SET_CAP = 400;

export type SetName = "place" | "q" | "metric";

export interface Plan {
  /** The set that drives the query, with its article ids (all of them, ≤ SET_CAP). */
  driver?: { set: SetName; ids: number[] };
}

/**
 * A place-key column inside the filter's key ranges, or naming a stored place of that name. `+`
 * before the column (`plus`) keeps SQLite from using it as the access path.
 */
export function placeKeyMatch(col: SQLWrapper, pf: PlaceFilter, plus = false): SQL {
  const c = plus ? sql`+${col}` : sql`${col}`;
  const parts = pf.ranges.map(([from, to]) => sql`(${c} >= ${from} AND ${c} < ${to})`);
  parts.push(sql`${c} IN (SELECT key FROM places WHERE name = ${pf.name})`);
  return sql`(${sql.join(parts, sql` OR `)})`;
}

/** Per-row check: the row's article names the place or one under it (primary-key range). */
export function placeRowCheck(articleId: SQLWrapper, pf: PlaceFilter): SQL {
  return sql`EXISTS (SELECT 1 FROM article_places AS ap WHERE ap.article_id = ${articleId} AND ${placeKeyMatch(sql.raw("ap.place_key"), pf)})`;
}

/** `articleId IN (the driver's ids)` as one bound JSON parameter (D1 binds at most 100). */
export function idsIn(articleId: SQLWrapper, ids: number[]): SQL {
  return sql`${articleId} IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`;
}

/**
 * Probes the set filters present (one D1 batch) and returns the smallest set under SET_CAP as
 * the driver, or no driver (walk the index).
 */
export async function planFor(d1: D1Database, f: { place?: PlaceFilter; q?: string; metric?: string }): Promise<Plan> {
  const probes: { set: SetName; stmt: D1PreparedStatement }[] = [];
  const cap = SET_CAP + 1;
  if (f.place !== undefined) {
    const { dialectSql, params } = render(sql`SELECT DISTINCT article_id AS id FROM article_places WHERE ${placeKeyMatch(sql.raw("place_key"), f.place)} LIMIT ${cap}`);
    probes.push({ set: "place", stmt: d1.prepare(dialectSql).bind(...params) });
  }
  for (const [set, query] of [
    ["metric", f.metric ? metricProbe(f.metric, cap) : undefined],
    ["q", f.q ? keywordProbe(f.q, cap) : undefined],
  ] as const) {
    if (!query) continue;
    const { dialectSql, params } = render(query);
    probes.push({ set, stmt: d1.prepare(dialectSql).bind(...params) });
  }
  if (!probes.length) return {};
  // A probe's rows past SET_CAP mean a large set; a row with keep = 0 was a hit the keyword
  // check turned down (search.ts), so it counts toward that size but is not in the set.
  const results = await d1.batch<{ id: number; keep?: number }>(probes.map((p) => p.stmt));
  let best: Plan["driver"];
  results.forEach((r, i) => {
    if (r.results.length > SET_CAP) return;
    const ids = r.results.filter((row) => row.keep !== 0).map((row) => row.id);
    if (!best || ids.length < best.ids.length) best = { set: probes[i]!.set, ids };
  });
  return best ? { driver: best } : {};
}

function render(query: SQL): { dialectSql: string; params: unknown[] } {
  const built = dialect.sqlToQuery(query);
  return { dialectSql: built.sql, params: built.params };
}

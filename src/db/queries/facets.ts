/** Facets: places and the most common metrics, with counts. */
import { and, count, desc, eq, gt, sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import { articlePlaces, metricCounts, places } from "../schema";
import { placeFilterOf } from "./common";
import { placeKeyMatch } from "./plan";
import { type BatchRead, DEFAULT_LIMIT, inBatch } from "./page";
import type { Kind } from "../../extract/types";
import type { MetricFacet, PlaceFacet } from "./types";

/** Places by number of articles naming them (most first, then key). */
export async function listPlaces(d1: D1Database, opts: { limit?: number } = {}): Promise<PlaceFacet[]> {
  const [list] = await inBatch(d1, placesRead(d1, opts));
  return list;
}

/** listPlaces as a statement for a batch shared with other reads. */
export function placesRead(d1: D1Database, opts: { limit?: number } = {}): BatchRead<PlaceFacet[]> {
  const query = drizzle(d1)
    .select({ key: articlePlaces.placeKey, name: places.name, articles: count() })
    .from(articlePlaces)
    .innerJoin(places, eq(places.key, articlePlaces.placeKey))
    .groupBy(articlePlaces.placeKey)
    .orderBy(desc(count()), articlePlaces.placeKey)
    .limit(opts.limit ?? DEFAULT_LIMIT);
  return {
    items: [query],
    decode: ([rows]) => (rows as Awaited<typeof query>).map((r) => ({ key: r.key, name: r.name, articles: r.articles })),
  };
}

/**
 * Metrics by number of figures (most first, then metric), optionally for one place and/or kind.
 * Read from metric_counts (kept exact by triggers on figures), not by grouping every figure.
 */
export async function listMetrics(d1: D1Database, opts: MetricsFilter = {}): Promise<MetricFacet[]> {
  return (await inBatch(d1, metricsRead(d1, opts)))[0];
}

export interface MetricsFilter {
  place?: string;
  kind?: Kind;
  limit?: number;
}

/** listMetrics as a statement for a batch shared with other reads. */
export function metricsRead(d1: D1Database, opts: MetricsFilter): BatchRead<MetricFacet[]> {
  const limit = opts.limit ?? DEFAULT_LIMIT;
  const total = sql<number>`sum(${metricCounts.figures})`;
  const query = drizzle(d1)
    .select({ metric: metricCounts.metric, figures: total })
    .from(metricCounts)
    .where(
      and(
        gt(metricCounts.figures, 0),
        opts.place !== undefined ? placeKeyMatch(metricCounts.placeKey, placeFilterOf(opts.place)) : undefined,
        opts.kind ? eq(metricCounts.kind, opts.kind) : undefined,
      ),
    )
    .groupBy(metricCounts.metric)
    .orderBy(desc(total), metricCounts.metric)
    .limit(limit);
  return { items: [query], decode: ([rows]) => (rows as Awaited<typeof query>).map((r) => ({ metric: r.metric, figures: Number(r.figures) })) };
}

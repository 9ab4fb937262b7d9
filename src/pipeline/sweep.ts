/**
 * Finds the articles that need (re-)extraction and queues them: summaries from an older
 * extractor version (so a rule improvement reaches every stored article without re-posting),
 * and articles still `received` after STUCK_AFTER_MS (their queue message was lost or failed to
 * send). Used by the cron trigger and the admin endpoint. Every shard's table is walked, in pages
 * of ids (ids are allocated once, at ingest, so they order articles across shards), never more
 * per invocation than the platform allows; the answer says how far it got.
 */
import { and, eq, gt, isNull, lt, ne, or } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import { shardsOf } from "../db/router";
import { articles } from "../db/schema";
import { EXTRACTOR_VERSION } from "../extract";
import type { ExtractMessage } from "./messages";

export const STUCK_AFTER_MS = 5 * 60 * 1000;
/** Ids read per page: one sendBatch each (Queues accept at most 100 messages per sendBatch). */
export const SWEEP_PAGE = 100;
/**
 * Pages per invocation with one database. A page is one D1 query per shard and one queue send,
 * so with N shards SWEEP_PAGES / N pages run (one database: 20 pages, 20 queries, 20 sends; four
 * shards: 5 pages, 20 queries, 5 sends), well inside the free plan's 50 D1 queries (and 50
 * subrequests) per invocation. The rest is reached by calling again with `after` (the admin
 * endpoint's `cursor`), or by the next cron run for `stale`.
 */
export const SWEEP_PAGES = 20;

/**
 * What a sweep queues: `stale` (older extractor version, or stuck `received`; the cron's),
 * `failed` (articles whose extraction failed, dead-lettered ones included: after a fix that did
 * not change the version), or `all` (everything, forced).
 */
export const SWEEP_SCOPES = ["stale", "failed", "all"] as const;
export type SweepScope = (typeof SWEEP_SCOPES)[number];

export interface SweepResult {
  queued: number;
  /** The last id queued when the page budget ran out (pass it back as `after`); null when done. */
  next_cursor: string | null;
}

/**
 * Walks the matching articles in id order (keyset: `id > after`), queueing each page: every
 * shard's next SWEEP_PAGE ids, merged, the lowest SWEEP_PAGE of them (so no id at or below the
 * page's last is skipped in any shard).
 */
export async function sweep(env: Env, options: { scope?: SweepScope; after?: number } = {}): Promise<SweepResult> {
  const now = Date.now();
  const shards = shardsOf(env).all;
  const scope = options.scope ?? "stale";
  const due = {
    stale: or(
      and(ne(articles.status, "received"), or(isNull(articles.extractorVersion), lt(articles.extractorVersion, EXTRACTOR_VERSION))),
      and(eq(articles.status, "received"), lt(articles.receivedAt, now - STUCK_AFTER_MS)),
    ),
    failed: eq(articles.status, "failed"),
    all: undefined,
  }[scope];
  const pages = Math.max(1, Math.floor(SWEEP_PAGES / shards.length));
  let after = options.after ?? 0;
  let queued = 0;
  for (let page = 0; page < pages; page++) {
    const found = await Promise.all(
      shards.map((d1) =>
        drizzle(d1).select({ id: articles.id }).from(articles).where(and(gt(articles.id, after), due)).orderBy(articles.id).limit(SWEEP_PAGE),
      ),
    );
    const ids = found
      .flat()
      .map((r) => r.id)
      .sort((a, b) => a - b)
      .slice(0, SWEEP_PAGE);
    if (ids.length) {
      await env.EXTRACT_QUEUE.sendBatch(ids.map((articleId) => ({ body: { articleId, force: scope !== "stale" } satisfies ExtractMessage })));
    }
    queued += ids.length;
    if (found.every((rows) => rows.length < SWEEP_PAGE) && ids.length < SWEEP_PAGE) return { queued, next_cursor: null };
    after = ids[ids.length - 1]!;
  }
  return { queued, next_cursor: String(after) };
}

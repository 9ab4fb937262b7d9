/**
 * Finds the articles that need (re-)extraction and queues them: summaries from an older
 * extractor version (so a rule improvement reaches every stored article without re-posting),
 * and articles still `received` after STUCK_AFTER_MS (their queue message was lost or failed to
 * send). Used by the cron trigger and the admin endpoint.
 */
import { and, eq, isNull, lt, ne, or } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import { articles } from "../db/schema";
import { EXTRACTOR_VERSION } from "../extract";
import type { ExtractMessage } from "./messages";

export const STUCK_AFTER_MS = 5 * 60 * 1000;
/** Articles queued per sweep; the next sweep takes the rest. */
export const SWEEP_LIMIT = 1000;
/** Queues accept at most 100 messages per sendBatch. */
const SEND_BATCH = 100;

/**
 * What a sweep queues: `stale` (older extractor version, or stuck `received`; the cron's),
 * `failed` (articles whose extraction failed, dead-lettered ones included: after a fix that did
 * not change the version), or `all` (everything, forced).
 */
export const SWEEP_SCOPES = ["stale", "failed", "all"] as const;
export type SweepScope = (typeof SWEEP_SCOPES)[number];

export async function sweep(env: Env, options: { scope?: SweepScope } = {}): Promise<{ queued: number }> {
  const now = Date.now();
  const db = drizzle(env.DB);
  const scope = options.scope ?? "stale";
  const due = {
    stale: or(
      and(ne(articles.status, "received"), or(isNull(articles.extractorVersion), lt(articles.extractorVersion, EXTRACTOR_VERSION))),
      and(eq(articles.status, "received"), lt(articles.receivedAt, now - STUCK_AFTER_MS)),
    ),
    failed: eq(articles.status, "failed"),
    all: undefined,
  }[scope];
  const rows = await db.select({ id: articles.id }).from(articles).where(due).orderBy(articles.id).limit(SWEEP_LIMIT);
  for (let i = 0; i < rows.length; i += SEND_BATCH) {
    const batch = rows.slice(i, i + SEND_BATCH).map((r) => ({ body: { articleId: r.id, force: scope !== "stale" } satisfies ExtractMessage }));
    await env.EXTRACT_QUEUE.sendBatch(batch);
  }
  return { queued: rows.length };
}

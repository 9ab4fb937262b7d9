/**
 * Finds the articles that need (re-)extraction and queues them: summaries from an older
 * extractor version (so a rule improvement reaches every stored article without re-posting),
 * and articles still `received` after STUCK_AFTER_MS (their queue message was lost or failed to
 * send). Used by the cron trigger and the admin endpoint.
 */
import { and, inArray, isNull, lt, ne, or } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import { articles } from "../db/schema";
import { EXTRACTOR_VERSION } from "../extract";
import type { ExtractMessage } from "./messages";

export const STUCK_AFTER_MS = 5 * 60 * 1000;
/** Articles queued per sweep; the next sweep takes the rest. */
export const SWEEP_LIMIT = 1000;
/** Queues accept at most 100 messages per sendBatch. */
const SEND_BATCH = 100;

export interface SweepOptions {
  now?: number;
  version?: number;
  /** Queue every article, forcing re-extraction (admin only). */
  all?: boolean;
}

export async function sweep(env: Env, options: SweepOptions = {}): Promise<{ queued: number }> {
  const now = options.now ?? Date.now();
  const version = options.version ?? EXTRACTOR_VERSION;
  const db = drizzle(env.DB);
  const due = options.all
    ? undefined
    : or(
        and(ne(articles.status, "received"), or(isNull(articles.extractorVersion), lt(articles.extractorVersion, version))),
        and(inArray(articles.status, ["received"]), lt(articles.receivedAt, now - STUCK_AFTER_MS)),
      );
  const rows = await db.select({ id: articles.id }).from(articles).where(due).orderBy(articles.id).limit(SWEEP_LIMIT);
  for (let i = 0; i < rows.length; i += SEND_BATCH) {
    const batch = rows.slice(i, i + SEND_BATCH).map((r) => ({ body: { articleId: r.id, force: options.all } satisfies ExtractMessage }));
    await env.EXTRACT_QUEUE.sendBatch(batch);
  }
  return { queued: rows.length };
}

/**
 * Where an article lives once extracted, and the move that puts it there. Ingest stores every
 * article raw in the catch-all database (src/db/router.ts); the queue consumer extracts it and,
 * when its primary place's province maps to another shard, moves it:
 *
 *   1. the raw row is copied to the province shard under the same id (INSERT OR IGNORE);
 *   2. it is extracted there (rows and promise links in that shard's own batch);
 *   3. one catch-all batch records its home (`article_homes`: id, webhook id, content hash,
 *      binding) and deletes the raw row.
 *
 * Each step is idempotent and the raw row goes only in step 3, after the shard holds the article:
 * a failure anywhere leaves it in the catch-all (`failed`, retried by the queue) and a replayed
 * message repeats the steps without a second copy. Between 2 and 3 (one consumer invocation) the
 * article is in both databases, the catch-all's copy still `received`. The home row lets ingest
 * answer a replay or duplicate with the original id after the move.
 */
import { eq } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import { articleHomes, articles } from "../db/schema";
import { shardsOf } from "../db/router";
import { extract, EXTRACTOR_VERSION } from "../extract";
import { extractArticle, type ExtractResult, type Extractor } from "./extract-article";
import { filedAs } from "./store";
import { storageFailure } from "./failure";

/** The database holding article `id` now (the catch-all for a raw one), or null when none does. */
export async function homeOf(env: Env, id: number): Promise<D1Database | null> {
  const shards = shardsOf(env);
  const catchAll = shards.all[shards.map.catchAll]!;
  if (shards.all.length === 1) return catchAll;
  const db = drizzle(catchAll);
  const [raw] = await db.select({ id: articles.id }).from(articles).where(eq(articles.id, id)).limit(1);
  if (raw) return catchAll;
  const [home] = await db.select({ shard: articleHomes.shard }).from(articleHomes).where(eq(articleHomes.id, id)).limit(1);
  const index = home ? shards.map.bindings.indexOf(home.shard) : -1;
  return index < 0 ? null : shards.all[index]!;
}

/** Extracts article `id` where it is and moves it to its province's shard when that is another one. */
export async function extractAndPlace(env: Env, id: number, options: { force?: boolean; extractor?: Extractor } = {}): Promise<ExtractResult> {
  const shards = shardsOf(env);
  const catchAll = shards.all[shards.map.catchAll]!;
  let raw: typeof articles.$inferSelect | undefined;
  try {
    const home = await homeOf(env, id);
    if (!home) return { status: "missing" };
    // Already in its shard (re-extraction): extracted in place.
    if (home !== catchAll) return extractArticle(home, id, options);
    [raw] = await drizzle(catchAll).select().from(articles).where(eq(articles.id, id)).limit(1);
  } catch (e) {
    return { status: "failed", failure: storageFailure(e) };
  }
  if (!raw) return { status: "missing" };
  // A catch-all article already extracted by this version (no province, or a redelivery).
  if (!options.force && raw.status === "extracted" && raw.extractorVersion === EXTRACTOR_VERSION) return { status: "current" };
  const summary = (options.extractor ?? extract)(raw.text);
  const target = shards.indexOf(summary.errors.length ? null : filedAs(raw, summary).mainPlace);
  if (target === shards.map.catchAll) return extractArticle(catchAll, id, { ...options, extractor: () => summary });
  const shard = shards.all[target]!;
  try {
    await drizzle(shard).insert(articles).values(raw).onConflictDoNothing();
  } catch (e) {
    return { status: "failed", failure: storageFailure(e) };
  }
  const result = await extractArticle(shard, id, { ...options, extractor: () => summary });
  if (result.status === "failed" || result.status === "missing") return result;
  try {
    const db = drizzle(catchAll);
    await db.batch([
      db
        .insert(articleHomes)
        .values({ id, webhookId: raw.webhookId, contentHash: raw.contentHash, shard: shards.map.bindings[target]! })
        .onConflictDoUpdate({ target: articleHomes.id, set: { shard: shards.map.bindings[target]! } }),
      db.delete(articles).where(eq(articles.id, id)),
    ]);
  } catch (e) {
    return { status: "failed", failure: storageFailure(e) };
  }
  return result;
}

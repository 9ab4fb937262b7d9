/**
 * Where an article lives once extracted, and the moves that put it there. Ingest stores every
 * article raw in the catch-all database (src/db/router.ts); the queue consumer extracts it where
 * it is and, when its primary place's province maps to another shard (first extraction, or a
 * re-extraction whose place changed), moves it:
 *
 *   1. one batch in the new shard copies the row (same id) and writes its summary and promise
 *      links: the copy arrives whole or not at all;
 *   2. every other shard drops the article, its rows and links, relinking the groups it left
 *      (src/pipeline/remove.ts); the catch-all last, in one batch with its home record
 *      (`article_homes`: id, webhook id, content hash, binding), so ingest can always answer a
 *      replay or duplicate with the original id.
 *
 * The old copy goes only after the new shard holds the article: a failure anywhere leaves it
 * where it was (`failed`, retried by the queue). A retry after a crash between 1 and 2 repeats
 * the move (1 is idempotent: the copy is ignored, the summary replaced); a crash inside 2 leaves
 * the home record behind the article, and `locate` finds it by asking every shard and finishes
 * step 2. Step 2 asks every shard, so even a retry that moves the article elsewhere (a new
 * extractor version in between) leaves no copy behind. Between 1 and 2 (one consumer invocation)
 * the article is in two databases.
 *
 * Before any of its rows are written to a shard, the shard directory (src/db/directory.ts) of
 * every province its rows name records that shard, so that a `place` read asking only the
 * shards the directory lists never misses them. A write refused there fails the attempt before
 * the rows exist, and the queue retries it.
 */
import { eq } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import { articleHomes, articles } from "../db/schema";
import { shardsOf, type Shards } from "../db/router";
import { extract, EXTRACTOR_VERSION } from "../extract";
import { writeExtraction, type ArticleRow, type ExtractResult, type Extractor } from "./extract-article";
import { storageFailure } from "./failure";
import { removalStatements } from "./remove";
import { type ArticleMeta, filedAs, statement, storedPlaces, type BatchQuery } from "./store";
import { directoryEntries, directoryInserts } from "../db/directory";
import type { Summary } from "../extract/types";

interface Located {
  /** Index of the shard holding the article (src/db/router.ts). */
  index: number;
  row: ArticleRow;
  /** False when the home record does not point there (a move interrupted in step 2). */
  settled: boolean;
}

const readRow = async (d1: D1Database, id: number) => (await drizzle(d1).select().from(articles).where(eq(articles.id, id)).limit(1))[0];

/**
 * The shard holding article `id` and its row: the catch-all while raw, else its home record's
 * shard; failing both (an interrupted move), whichever shard has it. Null when none does.
 */
export async function locate(env: Env, id: number, shards: Shards = shardsOf(env)): Promise<Located | null> {
  const catchAll = shards.map.catchAll;
  const raw = await readRow(shards.all[catchAll]!, id);
  if (raw) return { index: catchAll, row: raw, settled: true };
  if (shards.all.length === 1) return null;
  const [home] = await drizzle(shards.all[catchAll]!).select({ shard: articleHomes.shard }).from(articleHomes).where(eq(articleHomes.id, id)).limit(1);
  const homeIndex = home ? shards.map.bindings.indexOf(home.shard) : -1;
  if (homeIndex >= 0) {
    const row = await readRow(shards.all[homeIndex]!, id);
    if (row) return { index: homeIndex, row, settled: true };
  }
  const found = await Promise.all(shards.all.map((d1, i) => (i === catchAll || i === homeIndex ? undefined : readRow(d1, id))));
  const index = found.findIndex(Boolean);
  return index < 0 ? null : { index, row: found[index]!, settled: false };
}

/** The database holding article `id` now (the catch-all for a raw one), or null when none does. */
export async function homeOf(env: Env, id: number): Promise<D1Database | null> {
  const shards = shardsOf(env);
  const at = await locate(env, id, shards);
  return at ? shards.all[at.index]! : null;
}

/** Extracts article `id` and leaves it, with its rows, in its province's shard alone. */
export async function extractAndPlace(env: Env, id: number, options: { force?: boolean; extractor?: Extractor } = {}): Promise<ExtractResult> {
  const shards = shardsOf(env);
  let at: Located | null;
  try {
    at = await locate(env, id, shards);
    if (at && !at.settled) await settle(shards, at.row, at.index);
  } catch (e) {
    return { status: "failed", failure: storageFailure(e) };
  }
  if (!at) return { status: "missing" };
  const { row, index: from } = at;
  if (!options.force && row.status === "extracted" && row.extractorVersion === EXTRACTOR_VERSION) return { status: "current" };
  const summary = (options.extractor ?? extract)(row.text);
  // A summary with stage errors is refused by writeExtraction wherever it would go.
  const to = summary.errors.length ? from : shards.indexOf(filedAs(row, summary).mainPlace);
  if (!summary.errors.length) {
    try {
      await recordInDirectory(shards, to, row, summary);
    } catch (e) {
      return { status: "failed", failure: storageFailure(e) };
    }
  }
  if (to === from) return writeExtraction(shards.all[from]!, row, summary);
  const target = shards.all[to]!;
  const result = await writeExtraction(target, row, summary, [drizzle(target).insert(articles).values(row).onConflictDoNothing()]);
  if (result.status !== "extracted") return result;
  try {
    await settle(shards, row, to, from);
  } catch (e) {
    return { status: "failed", failure: storageFailure(e) };
  }
  return result;
}

/**
 * The shard directory rows of the article's rows in shard `at`, written in each home (one batch
 * each) before those rows. Exported for tests that place rows in a shard of their choosing.
 */
export async function recordInDirectory(shards: Shards, at: number, row: ArticleMeta, summary: Summary): Promise<void> {
  if (shards.all.length === 1) return;
  const binding = shards.map.bindings[at]!;
  const entries = directoryEntries(shards, at, storedPlaces(row, summary));
  await Promise.all([...entries].map(([home, buckets]) => {
    const d1 = shards.all[home]!;
    return d1.batch(directoryInserts(d1, buckets, binding).map((q) => statement(d1, q)));
  }));
}

/**
 * Step 2 of a move: the article leaves every shard but `to` (with its rows and links), the
 * catch-all last and in one batch with the home record that points at `to` (or none, when `to`
 * is the catch-all). Shard `from` is known to hold it; the others are asked (one read each).
 */
async function settle(shards: Shards, row: ArticleRow, to: number, from?: number): Promise<void> {
  const catchAll = shards.map.catchAll;
  const others = shards.all.flatMap((d1, i) => (i === to || i === catchAll ? [] : [{ d1, known: i === from }]));
  await Promise.all(others.map(({ d1, known }) => removeFrom(d1, row.id, known ? "known" : "ask")));
  const catchAllDb = drizzle(shards.all[catchAll]!);
  const home: BatchQuery =
    to === catchAll
      ? catchAllDb.delete(articleHomes).where(eq(articleHomes.id, row.id))
      : catchAllDb
          .insert(articleHomes)
          .values({ id: row.id, webhookId: row.webhookId, contentHash: row.contentHash, shard: shards.map.bindings[to]! })
          .onConflictDoUpdate({ target: articleHomes.id, set: { shard: shards.map.bindings[to]! } });
  await removeFrom(shards.all[catchAll]!, row.id, to === catchAll ? "keep" : from === catchAll ? "known" : "ask", [home]);
}

/**
 * Removes article `id` from `d1` in one batch with `also`: `known` (it is there), `ask` (when
 * it is there), `keep` (only `also` runs).
 */
async function removeFrom(d1: D1Database, id: number, mode: "known" | "ask" | "keep", also: BatchQuery[] = []): Promise<void> {
  const present = mode === "known" || (mode === "ask" && (await d1.prepare("SELECT 1 FROM articles WHERE id = ?").bind(id).first()) !== null);
  const statements = [...(present ? await removalStatements(d1, id) : []), ...also];
  if (statements.length) await d1.batch(statements.map((q) => statement(d1, q)));
}

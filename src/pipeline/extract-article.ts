/**
 * One article through the extractor: load the raw text, run the pure `extract()`, plan its
 * promise links (src/promises/store.ts), write the summary rows and the links (store.ts, one
 * batch), relink once more if a concurrent extraction wrote into the same groups meanwhile.
 * Safe to repeat: rows are replaced, never duplicated.
 * A summary with stage errors is never stored: the attempt fails, so the article turns `failed`
 * and the queue retries it.
 */
import { eq, sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import { articles } from "../db/schema";
import { extract, EXTRACTOR_VERSION, type Summary } from "../extract";
import { stageFailure, storageFailure, type ArticleFailure } from "./failure";
import { promiseStatements, settleLinks } from "../promises/store";
import { filedAs, storeSummary, type BatchQuery } from "./store";

/** The extractor the pipeline runs; tests pass one with a failing stage. */
export type Extractor = (text: string) => Summary;

export type ExtractResult = { status: "extracted" | "current" | "missing" } | { status: "failed"; failure: ArticleFailure };

export async function extractArticle(
  d1: D1Database,
  articleId: number,
  options: { force?: boolean; extractor?: Extractor } = {},
): Promise<ExtractResult> {
  let row: ArticleRow | undefined;
  try {
    [row] = await drizzle(d1).select().from(articles).where(eq(articles.id, articleId)).limit(1);
  } catch (e) {
    return { status: "failed", failure: storageFailure(e) };
  }
  if (!row) return { status: "missing" };
  if (!options.force && row.status === "extracted" && row.extractorVersion === EXTRACTOR_VERSION) return { status: "current" };
  return writeExtraction(d1, row, (options.extractor ?? extract)(row.text));
}

export type ArticleRow = typeof articles.$inferSelect;

/**
 * Stores `summary` of the article `row` in `d1` with its promise links. `first` runs at the head
 * of the same batch: the placement's copy of the row into a new shard (src/pipeline/placement.ts),
 * so the row arrives there with its summary or not at all.
 */
export async function writeExtraction(d1: D1Database, row: ArticleRow, summary: Summary, first: BatchQuery[] = []): Promise<ExtractResult> {
  if (summary.errors.length) return { status: "failed", failure: stageFailure(summary.errors) };
  try {
    const article = { id: row.id, text: row.text, ...filedAs(row, summary) };
    const links = await promiseStatements(d1, article, summary, Date.now());
    await storeSummary(d1, row, summary, EXTRACTOR_VERSION, links.statements, first);
    await settleLinks(d1, article, summary, links, Date.now());
  } catch (e) {
    return { status: "failed", failure: storageFailure(e) };
  }
  return { status: "extracted" };
}

/**
 * Records a failed attempt on the raw article (kept intact) so the API shows why: the short
 * message and code are served, the detail only stored.
 */
export async function markFailed(d1: D1Database, articleId: number, failure: ArticleFailure): Promise<void> {
  // One statement: an earlier good summary stays served; only a never-extracted article turns `failed`.
  await drizzle(d1)
    .update(articles)
    .set({
      status: sql`CASE WHEN ${articles.status} = 'extracted' THEN 'extracted' ELSE 'failed' END`,
      error: failure.message.slice(0, 500),
      errorCode: failure.code,
      errorDetail: failure.detail.slice(0, 4000),
      attempts: sql`${articles.attempts} + 1`,
      extractorVersion: sql`CASE WHEN ${articles.status} = 'extracted' THEN ${articles.extractorVersion} ELSE ${EXTRACTOR_VERSION} END`,
    })
    .where(eq(articles.id, articleId));
}

/**
 * The dead-letter queue gave up on the article: the last real error and the article's own
 * attempt count stay (the dead-letter message's count is its own, not the article's), and the
 * message says that retries stopped. An article whose attempts never recorded an error (the
 * isolate was stopped, e.g. by the CPU limit, before it could) says so.
 */
export async function markGaveUp(d1: D1Database, articleId: number): Promise<void> {
  const db = drizzle(d1);
  const [row] = await db.select({ error: articles.error, errorCode: articles.errorCode, attempts: articles.attempts }).from(articles).where(eq(articles.id, articleId));
  if (!row || row.error?.startsWith(GAVE_UP)) return; // gone, or a redelivery of the same news
  const error = row.error
    ? `${GAVE_UP} after ${row.attempts} failed attempt(s). Last error: ${row.error}`
    : `${GAVE_UP}: the queue's retries ran out without an attempt recording an error (the Worker was stopped, e.g. by its CPU or memory limit).`;
  await db
    .update(articles)
    .set({
      status: sql`CASE WHEN ${articles.status} = 'extracted' THEN 'extracted' ELSE 'failed' END`,
      error: error.slice(0, 1000),
      errorCode: row.errorCode ?? "internal",
      extractorVersion: sql`CASE WHEN ${articles.status} = 'extracted' THEN ${articles.extractorVersion} ELSE ${EXTRACTOR_VERSION} END`,
    })
    .where(eq(articles.id, articleId));
}

const GAVE_UP = "Gave up";

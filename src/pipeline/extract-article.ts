/**
 * One article through the extractor: load the raw text, run the pure `extract()`, write the
 * summary rows (store.ts, one batch). Safe to repeat: rows are replaced, never duplicated.
 */
import { eq } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import { articles } from "../db/schema";
import { extract, EXTRACTOR_VERSION } from "../extract";
import { storeSummary } from "./store";

export type ExtractResult = "extracted" | "current" | "missing";

export async function extractArticle(
  d1: D1Database,
  articleId: number,
  options: { force?: boolean } = {},
): Promise<ExtractResult> {
  const [row] = await drizzle(d1).select().from(articles).where(eq(articles.id, articleId)).limit(1);
  if (!row) return "missing";
  if (!options.force && row.status === "extracted" && row.extractorVersion === EXTRACTOR_VERSION) return "current";
  await storeSummary(d1, row, extract(row.text), EXTRACTOR_VERSION);
  return "extracted";
}

/** Records a failed attempt on the raw article (kept intact) so the API shows why. */
export async function markFailed(d1: D1Database, articleId: number, error: string): Promise<void> {
  const db = drizzle(d1);
  const [row] = await db.select({ status: articles.status, attempts: articles.attempts }).from(articles).where(eq(articles.id, articleId));
  if (!row) return;
  await db
    .update(articles)
    // An earlier good summary stays served; only a never-extracted article turns `failed`.
    .set({ status: row.status === "extracted" ? "extracted" : "failed", error: error.slice(0, 2000), attempts: row.attempts + 1, extractorVersion: row.status === "extracted" ? undefined : EXTRACTOR_VERSION })
    .where(eq(articles.id, articleId));
}

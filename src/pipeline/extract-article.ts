/**
 * One article through the extractor: load the raw text, run the pure `extract()`, write the
 * summary rows (store.ts, one batch). Safe to repeat: rows are replaced, never duplicated.
 */
import { eq } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import { articles } from "../db/schema";
import { extract, EXTRACTOR_VERSION } from "../extract";
import type { Summary } from "../extract/types";
import { storeSummary } from "./store";

export type Extractor = (text: string) => Summary;

export type ExtractResult = "extracted" | "current" | "missing";

export async function extractArticle(
  d1: D1Database,
  articleId: number,
  options: { force?: boolean; extractor?: Extractor; version?: number } = {},
): Promise<ExtractResult> {
  const version = options.version ?? EXTRACTOR_VERSION;
  const [row] = await drizzle(d1).select().from(articles).where(eq(articles.id, articleId)).limit(1);
  if (!row) return "missing";
  if (!options.force && row.status === "extracted" && row.extractorVersion === version) return "current";
  const summary = (options.extractor ?? extract)(row.text);
  await storeSummary(d1, row, summary, version);
  return "extracted";
}

/** Records a failed attempt on the raw article (kept intact) so the API shows why. */
export async function markFailed(d1: D1Database, articleId: number, error: string, version = EXTRACTOR_VERSION): Promise<void> {
  const db = drizzle(d1);
  const [row] = await db.select({ status: articles.status, attempts: articles.attempts }).from(articles).where(eq(articles.id, articleId));
  if (!row) return;
  await db
    .update(articles)
    // An earlier good summary stays served; only a never-extracted article turns `failed`.
    .set({ status: row.status === "extracted" ? "extracted" : "failed", error: error.slice(0, 2000), attempts: row.attempts + 1, extractorVersion: row.status === "extracted" ? undefined : version })
    .where(eq(articles.id, articleId));
}

/**
 * Takes an article out of one database: its rows (figures, goals, places, keyword index) and its
 * promise links, relinking the (place, period) groups it took part in so the promises of the
 * articles that stay there no longer count its figures. The counterpart of storeSummary for an
 * article that moved to another shard (src/pipeline/placement.ts).
 */
import { eq, sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import { articlePlaces, articles, figures, goals } from "../db/schema";
import type { Summary } from "../extract/types";
import { promiseStatements } from "../promises/store";
import type { BatchQuery } from "./store";

/** What the article contributes to its groups once gone: nothing. */
const NOTHING: Summary = { title: null, published: null, source: null, places: [], figures: [], goals: [], warnings: [], errors: [] };

/** The statements (one batch) that remove article `id` from `d1` and relink what it touched there. */
export async function removalStatements(d1: D1Database, id: number): Promise<BatchQuery[]> {
  const db = drizzle(d1);
  // Relinked as if the article had no figures: its groups are read from its stored linker
  // input, its own promise rows and linker input deleted, the others' outcomes recomputed.
  const plan = await promiseStatements(d1, { id, text: "", published: null, mainPlace: null }, NOTHING, Date.now());
  return [
    ...plan.statements,
    db.delete(goals).where(eq(goals.articleId, id)),
    db.delete(figures).where(eq(figures.articleId, id)),
    db.delete(articlePlaces).where(eq(articlePlaces.articleId, id)),
    sql`DELETE FROM article_text_fts WHERE rowid = ${id}`,
    sql`DELETE FROM article_metric_fts WHERE rowid = ${id}`,
    db.delete(articles).where(eq(articles.id, id)),
  ];
}

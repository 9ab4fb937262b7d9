/** Conditions shared by the lists: place, keyword, published range, article. */
import { eq, gte, lte, type SQL, sql } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import { placeKey } from "../../places";
import { keywordCondition } from "./text";
import type { ListFilter } from "./types";

/** The place key of a `place` filter ("" = matches nothing). */
export function placeFilterKey(place: string): string {
  return placeKey(place);
}

export interface ListColumns {
  id: SQLiteColumn;
  articleId: SQLiteColumn;
  published: SQLiteColumn;
}

/** Keyword, published range and article conditions (place is table-specific). */
export function listConditions(cols: ListColumns, f: ListFilter): SQL[] {
  const out: SQL[] = [];
  if (f.article !== undefined) out.push(eq(cols.articleId, f.article));
  if (f.from) out.push(gte(cols.published, f.from));
  if (f.to) out.push(lte(cols.published, f.to));
  if (f.q) {
    const k = keywordCondition(cols.articleId, f.q);
    if (k) out.push(k);
  }
  return out;
}

/** `articleId IN (articles that list the place)`. */
export function articleMentions(articleId: SQLiteColumn, key: string): SQL {
  return sql`${articleId} IN (SELECT article_id FROM article_places WHERE place_key = ${key})`;
}

export function iso(ms: number | null): string | null {
  return ms === null ? null : new Date(ms).toISOString();
}

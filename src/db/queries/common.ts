/** Conditions shared by the lists: place, keyword, published range, article. */
import { eq, gte, lte, type SQL } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import { placeFilter, type PlaceFilter } from "../../places";
import { divisionByKey } from "../../places/gazetteer";
import { idsIn, type Plan, type Plans, plansFor, type SetFilters } from "./plan";
import { keywordRowCheck } from "./search";
import type { ListFilter } from "./types";

/** What a `place` filter matches: the place (name or code), everything under it, stored places of that name. */
export function placeFilterOf(place: string): PlaceFilter {
  return placeFilter(place);
}

export interface ListColumns {
  id: SQLiteColumn;
  articleId: SQLiteColumn;
  published: SQLiteColumn;
}

/** Keyword, published range and article conditions (place is table-specific). */
export function listConditions(cols: ListColumns, f: ListFilter, plan: Plan = {}): SQL[] {
  const out: SQL[] = [];
  if (f.article !== undefined) out.push(eq(cols.articleId, f.article));
  if (f.from) out.push(gte(cols.published, f.from));
  if (f.to) out.push(lte(cols.published, f.to));
  if (f.q) {
    const k =
      plan.driver?.set === "q" ? idsIn(cols.articleId, plan.driver.ids) : plan.keywordCheck ? plan.keywordCheck(cols.articleId) : keywordRowCheck(cols.articleId, f.q);
    if (k) out.push(k);
  }
  return out;
}

/** The set filters of a list, for its plans (none when one article is asked for: its rows are few). */
export function setFilters(f: ListFilter & { metric?: string }): SetFilters {
  if (f.article !== undefined) return {};
  return { place: f.place === undefined ? undefined : placeFilterOf(f.place), q: f.q, metric: f.metric };
}

/** The read plans of a list, decided inside its statements (plan.ts). */
export function planList(f: ListFilter & { metric?: string }): Plans {
  return plansFor(setFilters(f));
}

/**
 * The display name of a stored place key, as the pipeline names it in `places` (src/pipeline/store.ts):
 * a division's gazetteer name, else the name after the key's last "/" (220322/八里庙村, /经开区).
 * Computed, not joined: a figure's place need not be one its own article names, and the `places`
 * row of that key is then another article's, perhaps in another shard.
 */
export function placeNameOf(key: string | null): string | null {
  if (key === null) return null;
  const d = divisionByKey(key);
  if (d) return d.name;
  return key.slice(key.lastIndexOf("/") + 1) || null;
}

export function iso(ms: number | null): string | null {
  return ms === null ? null : new Date(ms).toISOString();
}

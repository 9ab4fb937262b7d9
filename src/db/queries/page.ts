/**
 * Keyset pagination over (published DESC, id DESC), NULL published last. The cursor is opaque:
 * base64url of JSON `[published, id]` of the last row served, `[published, id, shard]` when the
 * list was merged from several shards (src/db/reads.ts: ids are per database, so the shard's
 * position breaks ties). The lists take the decoded key and
 * a limit the caller has validated (the API's zod schemas, the feed filter): nothing here
 * checks request input again.
 *
 * After a cursor the walk runs in two phases so each is one ordered index range: rows WITH a
 * published date (published, id descending), then rows WITHOUT one (id descending); the first
 * page is one phase (the index's order, NULLs last). The phases go to D1 as ONE statement: each
 * phase asks for limit + 1 ids and the page's rows select by those ids as a subquery, what a row
 * carries of other tables (a goal's figures, an article's places) a JSON column of its own, so a
 * list is one query per database (the bound of issue 16: one query or batch per shard; listRead).
 */
import { and, desc, isNotNull, isNull, lt, lte, or, type SQL, type SQLWrapper, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { drizzle } from "drizzle-orm/d1";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import { type Plan, plannedIds, plansFor, type SetFilters } from "./plan";

/** Page sizes of every list, feed and facet: the one pair the request parsers check against. */
export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 200;

export interface CursorKey {
  published: string | null;
  id: number;
  /** Position of the row's shard in a merged list (absent with one database). */
  shard?: number;
}

function b64url(s: string): string {
  const bytes = new TextEncoder().encode(s);
  let bin = "";
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

export function encodeCursor(key: CursorKey): string {
  return b64url(JSON.stringify(key.shard === undefined ? [key.published, key.id] : [key.published, key.id, key.shard]));
}

/** The key inside a cursor, or null when it is not one of ours. */
export function decodeCursor(cursor: string): CursorKey | null {
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(cursor)) return null;
  try {
    const bin = atob(cursor.replace(/-/g, "+").replace(/_/g, "/"));
    const v: unknown = JSON.parse(new TextDecoder().decode(Uint8Array.from(bin, (c) => c.charCodeAt(0))));
    if (!Array.isArray(v) || v.length < 2 || v.length > 3) return null;
    const [published, id, shard] = v;
    if (!(published === null || (typeof published === "string" && published.length <= 64))) return null;
    if (!Number.isSafeInteger(id) || (id as number) < 0) return null;
    if (v.length === 3 && !(Number.isInteger(shard) && shard >= 0 && shard < 1000)) return null;
    return v.length === 3 ? { published, id: id as number, shard: shard as number } : { published, id: id as number };
  } catch {
    return null;
  }
}

export interface Phase {
  where: SQL;
  orderBy: SQL[];
}

/**
 * The phases still to walk after `after`. The first page is one phase: (published DESC, id DESC)
 * is the published index's own order read backwards, NULLs last. After a cursor the dated and
 * undated rows are two ranges of it, so two phases. `datedOnly` drops the undated rows (a
 * from/to filter can never match a NULL published).
 */
export function phases(published: SQLiteColumn, id: SQLiteColumn, after?: CursorKey, datedOnly = false): Phase[] {
  const dated: Phase = { where: isNotNull(published), orderBy: [desc(published), desc(id)] };
  const undated: Phase = { where: isNull(published), orderBy: [desc(id)] };
  if (!after) return datedOnly ? [dated] : [{ where: sql`1`, orderBy: [desc(published), desc(id)] }];
  if (after.published === null) return datedOnly ? [] : [{ ...undated, where: and(isNull(published), lt(id, after.id))! }];
  const rest = datedOnly ? [] : [undated];
  return [
    {
      ...dated,
      where: and(
        isNotNull(published),
        lte(published, after.published),
        or(lt(published, after.published), lt(id, after.id)),
      )!,
    },
    ...rest,
  ];
}

export interface Page<T> {
  items: T[];
  /** Each item's sort key, in order (what a merge across shards sorts by). */
  keys: CursorKey[];
  /** Key of the last row served when there is a next page (encodeCursor makes it the API's cursor); null on the last page. */
  next: CursorKey | null;
}

export interface PageFilter {
  cursor?: CursorKey;
  limit?: number;
  from?: string;
  to?: string;
}

/** The phases a page still reads (a from/to filter never matches an undated row). */
export function pagePhases(published: SQLiteColumn, id: SQLiteColumn, f: PageFilter): Phase[] {
  return phases(published, id, f.cursor, Boolean(f.from || f.to));
}

/**
 * The page from each phase's rows (each phase read with limit + 1, in order): the first
 * limit + 1 rows, the extra one only telling whether a next page exists.
 */
export function pageOf<T extends { id: number; published: string | null }>(phaseRows: T[][], limit: number): Page<T> {
  const rows = phaseRows.flat().slice(0, limit + 1);
  const items = rows.slice(0, limit);
  const keys = items.map((r) => ({ published: r.published, id: r.id }));
  return { items, keys, next: rows.length > limit && items.length ? keys[keys.length - 1]! : null };
}

/** `SELECT id` of every phase's rows (a superset of the page's): what the page's follow-up reads select by. */
export function phaseIds(idQueries: SQLWrapper[]): SQL {
  return sql.join(idQueries.map((q) => sql`SELECT id FROM (${q})`), sql` UNION ALL `);
}

/**
 * A read as its statements and the decoding of their results, so that the reads one request
 * needs of a database (a page's article and its promises; the home page's digest and places)
 * share one batch: `inBatch(d1, a, b)`.
 */
export interface BatchRead<T> {
  items: BatchItem<"sqlite">[];
  decode(results: unknown[]): T;
}

/** Runs the reads in one D1 batch and decodes each. */
export async function inBatch<T extends unknown[]>(d1: D1Database, ...reads: { [K in keyof T]: BatchRead<T[K]> }): Promise<T> {
  const results = await inOneBatch(d1, reads.flatMap((r) => r.items));
  let at = 0;
  return reads.map((r) => r.decode(results.slice(at, (at += r.items.length)))) as T;
}

/** Runs the statements as one D1 batch (one round trip); none: no query at all. */
export async function inOneBatch(d1: D1Database, items: BatchItem<"sqlite">[]): Promise<unknown[]> {
  if (!items.length) return [];
  return drizzle(d1).batch(items as [BatchItem<"sqlite">, ...BatchItem<"sqlite">[]]);
}


/** What a list is read by: its table's columns and the statements it builds (see listRead). */
export interface ListSpec<Row, T> {
  published: SQLiteColumn;
  id: SQLiteColumn;
  /** One arm of one phase: `SELECT id …` in the phase's order, `take` rows. */
  ids(phase: Phase, plan: Plan, take: number): SQLWrapper;
  /** The page's rows selected by `ids` (a subquery), in the list's order, `take` rows. */
  rows(ids: SQL, order: SQL[], take: number): BatchItem<"sqlite">;
  item(row: Row): T;
}

/**
 * A page of a list as one statement: the ids of every plan's arm of every phase (plan.ts; the
 * plans decided by the statement itself) and the rows of those ids in the list's order (both
 * phases: the undated rows last).
 */
export function listRead<Row extends { id: number; published: string | null }, T>(
  d1: D1Database,
  f: PageFilter,
  sets: SetFilters,
  spec: ListSpec<Row, T>,
): BatchRead<Page<T>> {
  const limit = f.limit ?? DEFAULT_LIMIT;
  const phases = pagePhases(spec.published, spec.id, f);
  if (!phases.length) return { items: [], decode: () => ({ items: [], keys: [], next: null }) };
  const order = [sql`${spec.published} IS NULL`, desc(spec.published), desc(spec.id)];
  const ids = plannedIds(plansFor(sets), phases, (phase, plan) => spec.ids(phase, plan, limit + 1));
  return {
    items: [spec.rows(ids, order, limit + 1)],
    decode: ([rows]) => {
      const page = pageOf([rows as Row[]], limit);
      return { ...page, items: page.items.map((r) => spec.item(r)) };
    },
  };
}

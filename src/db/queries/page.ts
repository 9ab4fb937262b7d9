/**
 * Keyset pagination over (published DESC, id DESC), NULL published last. The cursor is opaque:
 * base64url of JSON `[published, id]` of the last row served, `[published, id, shard]` when the
 * list was merged from several shards (src/db/reads.ts: ids are per database, so the shard's
 * position breaks ties). The lists take the decoded key and
 * a limit the caller has validated (the API's zod schemas, the feed filter): nothing here
 * checks request input again.
 *
 * The walk runs in two phases so each is one ordered index range: rows WITH a published date
 * (published, id descending), then rows WITHOUT one (id descending).
 */
import { and, desc, isNotNull, isNull, lt, lte, or, type SQL } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";

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
 * The phases still to walk after `after` (all of them without a cursor). `datedOnly` drops the
 * undated phase (a from/to filter can never match a NULL published).
 */
export function phases(published: SQLiteColumn, id: SQLiteColumn, after?: CursorKey, datedOnly = false): Phase[] {
  const dated: Phase = { where: isNotNull(published), orderBy: [desc(published), desc(id)] };
  const undated: Phase = { where: isNull(published), orderBy: [desc(id)] };
  if (!after) return datedOnly ? [dated] : [dated, undated];
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

/**
 * Runs `fetch` phase by phase until `limit + 1` rows are in hand; the extra row only tells
 * whether a next page exists.
 */
export async function paginate<T extends { id: number; published: string | null }>(
  published: SQLiteColumn,
  id: SQLiteColumn,
  f: { cursor?: CursorKey; limit?: number; from?: string; to?: string },
  fetch: (phase: Phase, take: number) => Promise<T[]>,
): Promise<Page<T>> {
  const limit = f.limit ?? DEFAULT_LIMIT;
  const rows: T[] = [];
  for (const phase of phases(published, id, f.cursor, Boolean(f.from || f.to))) {
    rows.push(...(await fetch(phase, limit + 1 - rows.length)));
    if (rows.length > limit) break;
  }
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  const keys = items.map((r) => ({ published: r.published, id: r.id }));
  return { items, keys, next: rows.length > limit && last ? keys[keys.length - 1]! : null };
}


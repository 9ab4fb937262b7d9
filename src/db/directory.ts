/**
 * The shard directory: which shards hold rows of a place, so that a read with `place` asks
 * those and no others. A place's rows are not all in its province's shard: an article lives in
 * its primary place's province, and its figures, goals, promises and places can be of another
 * province (a 四川 report's figures of 浙江省).
 *
 * Rows are filed under place keys (src/places); a `place` filter matches keys in its ranges (a
 * province and what lies under it: codes nest by prefix) or keys whose `places` row has the
 * filter's name. So the directory has three kinds of bucket:
 *
 *   "13"      rows whose key starts with province 13's two digits      home: province 13's shard
 *   "/"       rows whose key starts with no province (/经开区)           home: the catch-all
 *   "=经开区"  `places` rows of that name that the name's own filter's    home: each home of that
 *             ranges do not cover (220322/八里庙村, /经开区)               filter's route (below)
 *
 * A bucket's home shard holds the directory rows (bucket, shard) of every OTHER shard with rows
 * of it. A read routes its filter to the homes of its ranges' buckets (the catch-all when it has
 * none), reads there the directory and the page in one batch, and then the shards listed that
 * it has not read (beside the home, when this isolate has seen them listed: src/db/reads.ts):
 * with an empty directory the home's answer is complete.
 *
 * Kept correct by ordering: the queue consumer writes an article's directory rows before its
 * rows (src/pipeline/placement.ts), so no reader meets rows the directory does not list. Entries
 * are never removed: when a move or removal takes the last rows of a bucket out of a shard, its
 * entry stays and costs one extra shard read. Removing it would need to know that no
 * extraction is about to write rows of that bucket into that shard, which one database cannot
 * tell another (the writer's entry, already present, would not be written again).
 */
import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import { placeFilter, type PlaceFilter } from "../places";
import { type BatchRead } from "./queries/page";
import type { Shards } from "./router";
import { shardDirectory } from "./schema";

/** The bucket of a stored place key: its province's two digits, or "/" for a key of no province. */
export function keyBucket(key: string): string {
  return /^\d\d/.test(key) ? key.slice(0, 2) : "/";
}

const nameBucket = (name: string) => `=${name}`;

/** The home shard of a key bucket. */
function homeOf(shards: Shards, bucket: string): number {
  return bucket === "/" ? shards.map.catchAll : (shards.map.provinces.get(bucket) ?? shards.map.catchAll);
}

/**
 * The home shards of a place filter, each with the buckets read there; null when the filter's
 * keys have no one bucket (a range of one digit, which spans provinces: read every shard).
 */
export function routeOf(shards: Shards, pf: PlaceFilter): Map<number, string[]> | null {
  const route = new Map<number, Set<string>>();
  const add = (home: number, bucket: string) => (route.get(home) ?? route.set(home, new Set()).get(home)!).add(bucket);
  for (const [from] of pf.ranges) {
    if (/^\d(?!\d)/.test(from)) return null;
    const bucket = keyBucket(from);
    add(homeOf(shards, bucket), bucket);
  }
  if (!route.size) route.set(shards.map.catchAll, new Set());
  for (const buckets of route.values()) buckets.add(nameBucket(pf.name));
  return new Map([...route].map(([home, buckets]) => [home, [...buckets]]));
}

/**
 * The directory rows an article's rows in shard `at` need, by home shard (none at `at` itself):
 * the bucket of every key its rows are filed under, and the name bucket of each of its `places`
 * rows that its name's filter does not reach by range.
 */
export function directoryEntries(shards: Shards, at: number, stored: { keys: string[]; places: { key: string; name: string }[] }): Map<number, string[]> {
  const out = new Map<number, Set<string>>();
  const add = (home: number, bucket: string) => {
    if (home !== at) (out.get(home) ?? out.set(home, new Set()).get(home)!).add(bucket);
  };
  for (const key of stored.keys) add(homeOf(shards, keyBucket(key)), keyBucket(key));
  for (const { key, name } of stored.places) {
    const pf = placeFilter(name);
    if (pf.ranges.some(([from, to]) => key >= from && key < to)) continue;
    const route = routeOf(shards, pf);
    // A name whose filter reads every shard needs no entry.
    for (const home of route?.keys() ?? []) add(home, nameBucket(name));
  }
  return new Map([...out].map(([home, buckets]) => [home, [...buckets]]));
}

/** Bucket rows per statement: two bound values each, under D1's 100. */
const ROWS_PER_INSERT = 50;

/** Statements recording in `d1` (a home) that shard `binding` holds rows of `buckets` (idempotent). */
export function directoryInserts(d1: D1Database, buckets: string[], binding: string) {
  const db = drizzle(d1);
  const out = [];
  for (let i = 0; i < buckets.length; i += ROWS_PER_INSERT) {
    const rows = buckets.slice(i, i + ROWS_PER_INSERT).map((bucket) => ({ bucket, shard: binding }));
    out.push(db.insert(shardDirectory).values(rows).onConflictDoNothing());
  }
  return out;
}

/** The shards (bindings) a home's directory lists for each of `buckets`: a statement for the read's batch. */
export function directoryRead(d1: D1Database, buckets: string[]): BatchRead<{ bucket: string; shard: string }[]> {
  const query = drizzle(d1)
    .select({ bucket: shardDirectory.bucket, shard: shardDirectory.shard })
    .from(shardDirectory)
    .where(sql`${shardDirectory.bucket} IN (SELECT value FROM json_each(${JSON.stringify(buckets)}))`);
  return { items: [query], decode: ([rows]) => rows as { bucket: string; shard: string }[] };
}

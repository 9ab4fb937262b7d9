/**
 * The reads the routes make, each run on the shards it needs (src/db/router.ts) and merged: the
 * one place that knows there may be several databases. With one database every read is the
 * query of src/db/queries itself, unchanged.
 *
 * Across shards: a list asks every shard for one page after the cursor and k-way merges them by
 * the list's sort key (published DESC, undated last, id DESC) with the shard's position as the
 * last tie-breaker (ids are per database); the cursor carries that position, and a shard after
 * the cursor's shard resumes at the cursor's own (published, id) rather than past it. Facets are
 * summed over shards' full counts; the article feed and digest merge on received_at; a row by id
 * is read from every shard and the first that has it wins.
 *
 * Each read is one D1 batch per shard (the queries compose their statements: BatchRead), so a
 * request makes one query per shard. A read with `place` asks the place's home shards (its
 * province's, src/db/directory.ts) for their shard directory and the answer in one batch, then
 * only the other shards the directory lists: a place's rows are not all in its province's shard
 * (an article of one province gives figures of another), and the directory says where the rest are.
 */
import {
  articleFeedRead,
  articlesRead,
  assembleDigest,
  type ArticleFilter,
  type ArticleSummary,
  type BatchRead,
  type CursorKey,
  DEFAULT_LIMIT,
  type DigestDay,
  digestRead,
  type DigestRows,
  type FeedArticle,
  type FeedFilter,
  type FigureFilter,
  figuresRead,
  articleSummaryRead,
  getArticleSummary,
  goalsRead,
  inBatch,
  type GoalFilter,
  metricsRead,
  type MetricsFilter,
  placesRead,
  type MetricFacet,
  opmlPlaces,
  type Page,
  type PlaceFacet,
} from "./queries";
import { articlePromisesRead, type ArticlePromises, getPromise, type PromiseFilter, promisesRead, reachedRead, type ReachedFilter } from "./queries/promises";
import { placeFilter, type PlaceFilter } from "../places";
import { shanghaiDay } from "../text/beijing";
import { directoryRead, routeOf } from "./directory";
import { bindingOnce } from "./params";
import { shardsOf } from "./router";

/** Sort order of merged lists: published DESC (undated last), id DESC, shard ASC. */
export function compareKeys(a: CursorKey, b: CursorKey): number {
  if (a.published !== b.published) {
    if (a.published === null) return 1;
    if (b.published === null) return -1;
    return a.published < b.published ? 1 : -1;
  }
  return b.id - a.id || (a.shard ?? 0) - (b.shard ?? 0);
}

/** The cursor as shard `s` reads it: after the key, or from the key itself for a later shard (its row of that key comes after the cursor's). */
function shardCursor(key: CursorKey | undefined, s: number): CursorKey | undefined {
  if (!key) return undefined;
  const from = key.shard !== undefined && s > key.shard;
  return { published: key.published, id: from ? key.id + 1 : key.id };
}

/** A shard's answer and the shard's position in the map. */
export interface ShardPart<T> {
  s: number;
  value: T;
}

/** One page merged from the shards' pages after the cursor (each read with shardCursor). */
export function mergePages<T>(parts: ShardPart<Page<T>>[], limit: number): Page<T> {
  const rows = parts.flatMap(({ s, value: p }) => p.items.map((item, i) => ({ item, key: { ...p.keys[i]!, shard: s } })));
  rows.sort((a, b) => compareKeys(a.key, b.key));
  const taken = rows.slice(0, limit);
  const more = rows.length > limit || parts.some((p) => p.value.next !== null);
  return { items: taken.map((r) => r.item), keys: taken.map((r) => r.key), next: more && taken.length ? taken[taken.length - 1]!.key : null };
}

/** Facets from every shard's complete counts, summed, most first then by name (as SQLite orders text). */
function sumFacets<T>(lists: T[][], id: (t: T) => string, count: (t: T) => number, add: (t: T, n: number) => T, limit: number): T[] {
  const byId = new Map<string, T>();
  for (const t of lists.flat()) {
    const seen = byId.get(id(t));
    byId.set(id(t), seen ? add(seen, count(t)) : t);
  }
  return [...byId.values()].sort((a, b) => count(b) - count(a) || (id(a) < id(b) ? -1 : id(a) > id(b) ? 1 : 0)).slice(0, limit);
}

/** A limit no facet reaches: each shard gives all its counts, since a place can lead the sum without leading any shard. */
const EVERY = Number.MAX_SAFE_INTEGER;

/** The first shard's answer that is not null. */
async function firstFound<T>(dbs: D1Database[], get: (d1: D1Database) => Promise<T | null>): Promise<T | null> {
  return (await Promise.all(dbs.map(get))).find((x) => x !== null) ?? null;
}

/** A shard's read: its statements for one batch (built from the shard's position, for its cursor). */
type ShardRead<T> = (d1: D1Database, s: number) => BatchRead<T>;

/** Runs `read` on shard `s` as one batch. */
async function runOn<T>(d1: D1Database, s: number, read: ShardRead<T>): Promise<ShardPart<T>> {
  return { s, value: (await inBatch(d1, read(d1, s)))[0] };
}

/** Places facets of every shard summed (one list: itself). */
function sumPlaces(lists: PlaceFacet[][], limit = DEFAULT_LIMIT): PlaceFacet[] {
  if (lists.length === 1) return lists[0]!;
  return sumFacets(lists, (p) => p.key, (p) => p.articles, (p, n) => ({ ...p, articles: p.articles + n }), limit);
}

/**
 * The digest from every shard's digest rows: the newest `limit` days over all shards and those
 * days' rows merged in the digest's order. Each shard read its own newest days and their rows:
 * every day of the merged newest that a shard has rows on is among its own newest, and its other
 * days are older than all of them, so dropping those leaves exactly the rows one database reads.
 */
function mergeDigest(parts: DigestRows[], limit: number): DigestDay[] {
  if (parts.length === 1) return assembleDigest(parts[0]!.days, parts[0]!);
  const days = [...new Set(parts.flatMap((p) => p.days))].sort().reverse().slice(0, limit);
  const kept = new Set(days);
  const order = <R extends { receivedAt: number; articleId: number; seq: number }>(rows: (R & { s: number })[]) =>
    rows.filter((r) => kept.has(shanghaiDay(r.receivedAt))).sort((a, b) => b.receivedAt - a.receivedAt || b.articleId - a.articleId || a.s - b.s || a.seq - b.seq);
  return assembleDigest(days, {
    days,
    figures: order(parts.flatMap((p, s) => p.figures.map((r) => ({ ...r, s })))).map(({ s: _, ...r }) => r),
    goals: order(parts.flatMap((p, s) => p.goals.map((r) => ({ ...r, s })))).map(({ s: _, ...r }) => r),
    articles: parts.flatMap((p) => p.articles),
  });
}

/**
 * Per home database, per bucket, the shards its directory was seen to list (in this isolate):
 * directory entries are never removed, so a place read asks those beside the home instead of
 * after it. One round trip then, unless the directory has gained a shard since.
 */
const listedByHome = new WeakMap<D1Database, Map<string, Set<string>>>();
function seenListed(home: D1Database): Map<string, Set<string>> {
  return listedByHome.get(home) ?? listedByHome.set(home, new Map()).get(home)!;
}

export type Reads = ReturnType<typeof readsOf>;

export function readsOf(env: Env) {
  const shards = shardsOf(env);
  // Each value bound once per statement: the plans repeat a filter in every arm and phase (params.ts).
  const dbs = shards.all.map(bindingOnce);
  const one = dbs.length === 1 ? dbs[0]! : undefined;

  /**
   * `read` on the shards a read needs, one batch each, in shard order: every shard; or, for a
   * place (its filter), the homes of its route with their directory in the same batch, and the
   * shards those directories list: beside the homes when they listed them before, else after. A
   * binding a directory names that the map no longer has holds nothing this deployment serves,
   * so it is not read.
   */
  async function onShards<T>(place: PlaceFilter | undefined, read: ShardRead<T>): Promise<ShardPart<T>[]> {
    const route = place === undefined ? null : routeOf(shards, place);
    if (!route) return Promise.all(dbs.map((d1, s) => runOn(d1, s, read)));
    const indexOf = (bindings: Iterable<string>) => [...bindings].map((b) => shards.map.bindings.indexOf(b)).filter((s) => s >= 0 && !route.has(s));
    // Shards these directories listed before are read beside them (entries are never removed).
    const early = [...new Set(indexOf([...route].flatMap(([s, buckets]) => buckets.flatMap((b) => [...(seenListed(dbs[s]!).get(b) ?? [])]))))];
    const [homes, known] = await Promise.all([
      Promise.all(
        [...route].map(async ([s, buckets]) => {
          const d1 = dbs[s]!;
          const [listed, value] = await inBatch(d1, directoryRead(d1, buckets), read(d1, s));
          for (const { bucket, shard } of listed) (seenListed(d1).get(bucket) ?? seenListed(d1).set(bucket, new Set()).get(bucket)!).add(shard);
          return { part: { s, value }, listed };
        }),
      ),
      Promise.all(early.map((s) => runOn(dbs[s]!, s, read))),
    ]);
    const others = [...new Set(indexOf(homes.flatMap((h) => h.listed.map((l) => l.shard))))].filter((s) => !early.includes(s));
    const more = await Promise.all(others.map((s) => runOn(dbs[s]!, s, read)));
    return [...homes.map((h) => h.part), ...known, ...more].sort((a, b) => a.s - b.s);
  }

  /** A list merged from the shards it needs, each read after the cursor as that shard sees it. */
  async function list<F extends { cursor?: CursorKey; limit?: number }, T>(
    f: F,
    place: string | undefined,
    read: (d1: D1Database, f: F) => BatchRead<Page<T>>,
  ): Promise<Page<T>> {
    if (one) return (await runOn(one, 0, (d1) => read(d1, f))).value;
    const parts = await onShards(place === undefined ? undefined : placeFilter(place), (d1, s) => read(d1, { ...f, cursor: shardCursor(f.cursor, s) }));
    return mergePages(parts, f.limit ?? DEFAULT_LIMIT);
  }

  /** The shards' answers of a read by a place filter (every shard without one); one database: its answer. */
  const values = async <T>(place: string | undefined, read: ShardRead<T>): Promise<T[]> =>
    (await onShards(one || place === undefined ? undefined : placeFilter(place), read)).map((p) => p.value);

  return {
    shards: dbs.length,
    figures: (f: FigureFilter) => list(f, f.place, figuresRead),
    goals: (f: GoalFilter) => list(f, f.place, goalsRead),
    articles: (f: ArticleFilter) => list(f, f.place, articlesRead),
    promises: (f: PromiseFilter) => list(f, f.place, promisesRead),
    article: (id: number) => firstFound(dbs, (d1) => getArticleSummary(d1, id)),
    promise: (id: number) => firstFound(dbs, (d1) => getPromise(d1, id)),
    /**
     * An article and the promises it takes part in (its page), one batch per shard: ids are unique
     * across shards and links stay in a shard, so only the article's own shard has any.
     */
    async articlePage(id: number): Promise<{ article: ArticleSummary | null; promises: ArticlePromises }> {
      const parts = await Promise.all(dbs.map((d1) => inBatch(d1, articleSummaryRead(d1, id), articlePromisesRead(d1, id))));
      return {
        article: parts.map(([a]) => a).find((a) => a !== null) ?? null,
        promises: { targets: parts.flatMap(([, p]) => p.targets), outcomes: parts.flatMap(([, p]) => p.outcomes) },
      };
    },

    async places(o: { limit?: number }): Promise<PlaceFacet[]> {
      const lists = await Promise.all(dbs.map(async (d1) => (await inBatch(d1, placesRead(d1, one ? o : { limit: EVERY })))[0]));
      return sumPlaces(lists, o.limit);
    },

    async metrics(o: MetricsFilter): Promise<MetricFacet[]> {
      const lists = await values(o.place, (d1) => metricsRead(d1, one ? o : { ...o, limit: EVERY }));
      if (lists.length === 1 && one) return lists[0]!;
      return sumFacets(lists, (m) => m.metric, (m) => m.figures, (m, n) => ({ ...m, figures: m.figures + n }), o.limit ?? DEFAULT_LIMIT);
    },

    async reachedPromises(f: ReachedFilter) {
      const lists = await values(f.place, (d1) => reachedRead(d1, f));
      if (one) return lists[0]!;
      const rows = lists.flatMap((l, s) => l.map((p) => ({ p, s })));
      rows.sort((a, b) => b.p.reached_at - a.p.reached_at || b.p.id - a.p.id || a.s - b.s);
      return rows.slice(0, f.limit).map((r) => r.p);
    },

    async articleFeed(f: FeedFilter): Promise<FeedArticle[]> {
      const lists = await values(f.placeKey, (d1) => articleFeedRead(d1, f));
      if (one) return lists[0]!;
      const rows = lists.flatMap((l, s) => l.map((a) => ({ a, s })));
      rows.sort((x, y) => y.a.receivedAt - x.a.receivedAt || y.a.id - x.a.id || x.s - y.s);
      return rows.slice(0, f.limit).map((r) => r.a);
    },

    /** The newest `limit` days with rows over the shards it needs (or one given day) and those days' rows, one batch per shard. */
    async digest(f: FeedFilter, onlyDay?: string): Promise<DigestDay[]> {
      return mergeDigest(await values(f.placeKey, (d1) => digestRead(d1, f, onlyDay)), f.limit);
    },

    /** The home page: the digest and the places facet, one batch per shard (every shard: the facet is national). */
    async home(f: FeedFilter, onlyDay: string | undefined, places: { limit: number }): Promise<{ days: DigestDay[]; places: PlaceFacet[] }> {
      const parts = await Promise.all(
        dbs.map((d1) => inBatch(d1, digestRead(d1, f, onlyDay), placesRead(d1, one ? places : { limit: EVERY }))),
      );
      return { days: mergeDigest(parts.map(([d]) => d), f.limit), places: sumPlaces(parts.map(([, p]) => p), places.limit) };
    },

    async opml() {
      const parts = await Promise.all(dbs.map((d1) => opmlPlaces(d1)));
      if (parts.length === 1) return parts[0]!;
      const places = sumFacets(parts.map((p) => p.places), (p) => p.key, (p) => p.articles, (p, n) => ({ ...p, articles: p.articles + n }), EVERY);
      return { places, updated: Math.max(...parts.map((p) => p.updated)) };
    },
  };
}

/**
 * Reads merged across shards (src/db/reads.ts), through real HTTP against real local D1s. The
 * corpus articles and report excerpts are stored and extracted by the real pipeline, spread
 * round-robin over the layout's shards (each recorded in the shard directory of the provinces
 * it names, as the queue consumer records it; the `sharded` project has four; `one` has one, where
 * the same expectations hold trivially). Article ids come from disjoint ranges per shard, as one
 * allocator would give them; figure, goal and promise ids collide across shards, so equal sort
 * keys must be ordered by shard and cursors must carry it.
 *
 * Expected answers are computed from each shard on its own (every page of the one-database
 * query), then ordered by the documented rule: published DESC (undated last), id DESC, shard ASC.
 */
import { SELF } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { type CursorKey, listArticles, listFigures, listGoals, listMetrics, listPlaces, type Page } from "../../src/db/queries";
import { listPromises } from "../../src/db/queries/promises";
import { shardsOf } from "../../src/db/router";
import { storeIncoming } from "../../src/ingest/store";
import { extract } from "../../src/extract";
import { extractArticle } from "../../src/pipeline/extract-article";
import { recordInDirectory } from "../../src/pipeline/placement";
import { CORPUS } from "../helpers/corpus";
import r1 from "../fixtures/reports/2026_内蒙古自治区_政府工作报告.txt?raw";
import r2 from "../fixtures/reports/2026_山东省_政府工作报告.txt?raw";
import r3 from "../fixtures/reports/2026_广西壮族自治区_政府工作报告.txt?raw";
import r4 from "../fixtures/reports/2026_江苏省_政府工作报告.txt?raw";
import r5 from "../fixtures/reports/2026_河南省_政府工作报告.txt?raw";
import r6 from "../fixtures/reports/保定市_2003_report.txt?raw";
import r7 from "../fixtures/reports/河北省_2020_report.txt?raw";
import r8 from "../fixtures/reports/高阳县_2010_report.txt?raw";

const TEXTS = [...CORPUS.map((a) => a.text), r1, r2, r3, r4, r5, r6, r7, r8];
const dbs = shardsOf(env).all;
const BASE = Date.UTC(2026, 10, 20, 2, 0);

beforeAll(async () => {
  // Disjoint article id ranges per shard (sqlite_sequence), as one allocator would give.
  for (const [s, d1] of dbs.entries()) await d1.prepare("INSERT INTO sqlite_sequence (name, seq) VALUES ('articles', ?)").bind(s * 1000).run();
  for (const [i, text] of TEXTS.entries()) {
    const d1 = dbs[i % dbs.length]!;
    // Two articles share each received minute, so the feeds' merge meets equal times.
    const out = await storeIncoming(d1, `merge-${i}`, new TextEncoder().encode(text), { text, encoding: "utf-8", declaredCharset: null, format: "plain", meta: { url: null, title: null, source: null, published: null, place: null } }, BASE + Math.floor(i / 2) * 60_000);
    if (out.kind !== "created") throw new Error(`seeding ${i}: ${out.kind}`);
    // Its shard recorded in the directory of every province it names, as the consumer does.
    await recordInDirectory(shardsOf(env), i % dbs.length, { id: out.id, text, metaTitle: null, metaSource: null, metaPublished: null, metaPlace: null }, extract(text));
    const r = await extractArticle(d1, out.id);
    if (r.status !== "extracted") throw new Error(`extracting ${i}: ${JSON.stringify(r)}`);
  }
});

async function getJson(path: string): Promise<any> {
  const res = await SELF.fetch(`https://jiyao.test${path}`);
  expect(res.status, path).toBe(200);
  return res.json();
}

/** Every item of a list, walked page by page over HTTP with `limit`. */
async function walk(path: string, limit: number): Promise<unknown[]> {
  const items: unknown[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const sep = path.includes("?") ? "&" : "?";
    const body: { items: unknown[]; next_cursor: string | null } = await getJson(`${path}${sep}limit=${limit}${cursor ? `&cursor=${cursor}` : ""}`);
    items.push(...body.items);
    cursor = body.next_cursor;
    if (++pages > 500) throw new Error(`${path}: no end after 500 pages`);
  } while (cursor);
  return items;
}

/** The documented merge order, written out here independently of src/db/reads.ts. */
function byRule(a: { key: CursorKey; s: number }, b: { key: CursorKey; s: number }): number {
  const pa = a.key.published;
  const pb = b.key.published;
  if (pa !== pb) return pa === null ? 1 : pb === null ? -1 : pa < pb ? 1 : -1;
  return b.key.id - a.key.id || a.s - b.s;
}

/** What the merged list must be: every shard's whole list, ordered by the rule. */
async function expected<F>(list: (d1: D1Database, f: F & { cursor?: CursorKey; limit?: number }) => Promise<Page<unknown>>, f: F): Promise<unknown[]> {
  const rows: { item: unknown; key: CursorKey; s: number }[] = [];
  for (const [s, d1] of dbs.entries()) {
    let cursor: CursorKey | undefined;
    do {
      const page = await list(d1, { ...f, cursor, limit: 200 });
      page.items.forEach((item, i) => rows.push({ item, key: page.keys[i]!, s }));
      cursor = page.next ?? undefined;
    } while (cursor);
  }
  return rows.sort(byRule).map((r) => r.item);
}

describe(`reads over ${dbs.length} shard(s)`, () => {
  it("the seed spread over every shard, with colliding figure ids", async () => {
    for (const d1 of dbs) {
      const n = await d1.prepare("SELECT count(*) AS n FROM articles WHERE status = 'extracted'").first<{ n: number }>();
      expect(n!.n).toBeGreaterThan(0);
    }
    if (dbs.length > 1) {
      const firsts = await Promise.all(dbs.map((d1) => d1.prepare("SELECT min(id) AS id FROM figures").first<{ id: number }>()));
      expect(new Set(firsts.map((r) => r!.id)).size).toBe(1);
    }
  });

  const lists = [
    ["/v1/figures", listFigures],
    ["/v1/goals", listGoals],
    ["/v1/articles", listArticles],
    ["/v1/promises", listPromises],
  ] as const;
  for (const [path, list] of lists) {
    it(`${path}: pages walked to the end are every shard's rows in merge order (limit 7 and 200)`, async () => {
      const want = await expected(list as any, {});
      expect(want.length).toBeGreaterThan(path === "/v1/promises" ? 0 : 10);
      expect(await walk(path, 7)).toEqual(want);
      expect(await walk(path, 200)).toEqual(want);
    });
  }

  it("with place and metric filters, the same holds", async () => {
    const places: { items: { key: string; name: string }[] } = await getJson("/v1/places?limit=3");
    expect(places.items.length).toBeGreaterThan(0);
    for (const p of places.items) {
      expect(await walk(`/v1/figures?place=${encodeURIComponent(p.key)}`, 5)).toEqual(await expected(listFigures, { place: p.key }));
      expect(await walk(`/v1/articles?place=${encodeURIComponent(p.key)}`, 3)).toEqual(await expected(listArticles, { place: p.key }));
      expect(await walk(`/v1/goals?place=${encodeURIComponent(p.key)}`, 4)).toEqual(await expected(listGoals, { place: p.key }));
    }
    expect(await walk("/v1/figures?metric=生产总值&kind=target", 3)).toEqual(await expected(listFigures, { metric: "生产总值", kind: "target" as const }));
  });

  it("facets are the shards' counts summed, most first then by key", async () => {
    const sum = <T>(lists: T[][], id: (t: T) => string, n: (t: T) => number) => {
      const m = new Map<string, { id: string; n: number; t: T }>();
      for (const t of lists.flat()) {
        const e = m.get(id(t));
        if (e) e.n += n(t);
        else m.set(id(t), { id: id(t), n: n(t), t });
      }
      return [...m.values()].sort((a, b) => b.n - a.n || (a.id < b.id ? -1 : 1));
    };
    const places = sum(await Promise.all(dbs.map((d1) => listPlaces(d1, { limit: 200 }))), (p) => p.key, (p) => p.articles);
    expect((await getJson("/v1/places?limit=200")).items).toEqual(places.slice(0, 200).map((e) => ({ ...e.t, articles: e.n })));
    expect((await getJson("/v1/places?limit=2")).items).toEqual(places.slice(0, 2).map((e) => ({ ...e.t, articles: e.n })));
    const facetQueries: { kind?: "target"; place?: string }[] = [{}, { kind: "target" }, { place: places[0]!.id }];
    for (const q of facetQueries) {
      const metrics = sum(await Promise.all(dbs.map((d1) => listMetrics(d1, { ...q, limit: 200 }))), (m) => m.metric, (m) => m.figures);
      const qs = new URLSearchParams({ ...(q as Record<string, string>), limit: "10" });
      expect((await getJson(`/v1/metrics?${qs}`)).items).toEqual(metrics.slice(0, 10).map((e) => ({ metric: e.id, figures: e.n })));
    }
  });

  it("an article is found by id whichever shard holds it", async () => {
    for (const [s, d1] of dbs.entries()) {
      const row = await d1.prepare("SELECT id FROM articles ORDER BY id LIMIT 1").first<{ id: number }>();
      const a = await getJson(`/v1/articles/${row!.id}`);
      expect(a.id).toBe(row!.id);
      expect(a.id).toBeGreaterThan(s * 1000);
    }
  });

  it("/feed.json is the newest extracted articles of all shards by arrival, /digest.json every shard's rows of the day", async () => {
    const feed = await getJson("/feed.json?limit=200");
    const arrivals: { id: number; t: number }[] = [];
    for (const d1 of dbs) {
      const { results } = await d1.prepare("SELECT id, received_at AS t FROM articles WHERE status = 'extracted'").all<{ id: number; t: number }>();
      arrivals.push(...results);
    }
    arrivals.sort((a, b) => b.t - a.t || b.id - a.id);
    expect(feed.items.map((i: { url: string }) => Number(i.url.split("/").pop()))).toEqual(arrivals.map((a) => a.id));
    // All articles arrived on one Beijing day: its digest item lists every shard's articles that have rows, and no other.
    const digest = await getJson("/digest.json");
    expect(digest.items).toHaveLength(1);
    const listed = new Set([...(digest.items[0].content_html as string).matchAll(/\/articles\/(\d+)"/g)].map((m) => Number(m[1])));
    const withRows: number[] = [];
    for (const d1 of dbs) {
      const { results } = await d1
        .prepare("SELECT id FROM articles a WHERE EXISTS (SELECT 1 FROM figures f WHERE f.article_id = a.id) OR EXISTS (SELECT 1 FROM goals g WHERE g.article_id = a.id)")
        .all<{ id: number }>();
      withRows.push(...results.map((r) => r.id));
    }
    expect([...listed].sort()).toEqual(withRows.sort());
  });
});

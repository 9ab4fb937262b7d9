/**
 * Four databases answer exactly as one (issue 16's bar). The same texts — the corpus, report
 * excerpts of 26 provinces, the promise report pairs (test/fixtures): places in all 31 mainland
 * provinces and one article for the catch-all — are posted through the real webhook into both
 * layouts in one run: the `sharded` project's four shards (DB, DB_NORTH, DB_EAST, DB_SOUTH) and,
 * beside them, a fifth database served as the whole deployment (`SHARDS="*=DB_ONE"`, the same
 * Worker module called with that env). Both are extracted by the
 * real queue consumer: the webhook sends to a queue no consumer reads and the test delivers
 * each message to `worker.queue` with the layout's env, at a clock it sets, so arrival and
 * extraction times are the same in both. Then every list is walked to its end over HTTP, with
 * and without `place` (a province, a city, a code, a zone of the catch-all), and compared item
 * by item with the facets, `/feed.json` and `/digest.json`.
 *
 * Article ids are the same in both layouts (both take them from the catch-all's AUTOINCREMENT
 * in posting order). Figure, goal and promise ids are not: each database numbers its own rows,
 * so the same figure is id 812 in one database and id 37 in its shard. Those items are compared
 * by their stable key (article id and seq; a promise by its target figure's) with their ids
 * left out, and since the lists order rows of equal `published` by id, each run of equal
 * `published` is compared as a set keyed that way (the runs themselves must come in the same
 * order and be of the same size).
 */
import { applyD1Migrations, createExecutionContext, createMessageBatch, getQueueResult, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { shardsOf } from "../../src/db/router";
import worker from "../../src/index";
import type { ExtractMessage } from "../../src/pipeline/messages";
import { setClock } from "../helpers/clock";
import { SETTLE_MS } from "../helpers/wait";
import { signatureHeaders } from "../helpers/webhook";

const byName = (files: Record<string, string>) => Object.entries(files).sort(([a], [b]) => (a < b ? -1 : 1));
// 河北省's 2020 report is both a report excerpt and a promise fixture: posted once (a duplicate
// would burn an AUTOINCREMENT id in one database but not in a catch-all it has moved out of,
// and the layouts' ids would part).
const TEXTS: [string, string][] = dedupe([
  ...byName(import.meta.glob("../fixtures/corpus/*.txt", { query: "?raw", import: "default", eager: true })),
  ...byName(import.meta.glob("../fixtures/reports/*.txt", { query: "?raw", import: "default", eager: true })),
  // Report pairs in year order (promise linking runs either way; the order only fixes the ids).
  ...byName(import.meta.glob("../fixtures/promises/*.txt", { query: "?raw", import: "default", eager: true })),
  ...byName(import.meta.glob("../fixtures/shards/*.txt", { query: "?raw", import: "default", eager: true })),
]);

function dedupe(files: [string, string][]): [string, string][] {
  const seen = new Set<string>();
  return files.filter(([, text]) => !seen.has(text) && Boolean(seen.add(text)));
}

if (!env.DB_ONE || !env.EXTRACT_QUEUE_HELD) throw new Error("equivalence.test.ts runs in the `sharded` project (vitest.config.ts gives it DB_ONE and EXTRACT_QUEUE_HELD)");
const sharded: Env = { ...env, EXTRACT_QUEUE: env.EXTRACT_QUEUE_HELD };
const single: Env = { ...env, SHARDS: "*=DB_ONE", EXTRACT_QUEUE: env.EXTRACT_QUEUE_HELD };
const layouts = { single, sharded };
type Layout = keyof typeof layouts;

async function serve(layout: Layout, req: Request): Promise<Response> {
  const ctx = createExecutionContext();
  const res = await worker.fetch(req, layouts[layout], ctx);
  await waitOnExecutionContext(ctx);
  return res;
}

async function deliver(layout: Layout, articleId: number): Promise<void> {
  const batch = createMessageBatch<ExtractMessage>("jiyao-extract", [{ id: `m${articleId}`, timestamp: new Date(Date.now()), attempts: 1, body: { articleId } }]);
  const ctx = createExecutionContext();
  await worker.queue(batch, layouts[layout], ctx);
  const result = await getQueueResult(batch, ctx);
  if (result.explicitAcks.length !== 1) throw new Error(`${layout}: article ${articleId} was not extracted (${JSON.stringify(result)})`);
}

async function getJson(layout: Layout, path: string): Promise<any> {
  const res = await serve(layout, new Request(`https://jiyao.test${path}`));
  expect(res.status, `${layout} ${path}`).toBe(200);
  return res.json();
}

/** Every item of a list, following `next_cursor` to the end. */
async function walk(layout: Layout, path: string, limit: number): Promise<any[]> {
  const items: any[] = [];
  let cursor: string | null = null;
  for (let pages = 0; pages === 0 || cursor; pages++) {
    if (pages > 1000) throw new Error(`${layout} ${path}: no end after 1000 pages`);
    const sep = path.includes("?") ? "&" : "?";
    const body: { items: any[]; next_cursor: string | null } = await getJson(layout, `${path}${sep}limit=${limit}${cursor ? `&cursor=${cursor}` : ""}`);
    items.push(...body.items);
    cursor = body.next_cursor;
  }
  return items;
}

// ---- Comparing lists whose row ids are per database ---------------------------------------------

/** A figure as a layout-independent value: without its row id. */
const figure = ({ id: _id, ...rest }: any) => rest;
/** A promise's figure without its row id (figure_id). */
const promiseFigure = (f: any) => (f ? (({ figure_id: _f, ...rest }) => rest)(f) : f);

const stable = {
  figures: { key: (f: any) => `${f.article_id}:${f.seq}`, value: figure },
  goals: { key: (g: any) => `${g.article_id}:${g.seq}`, value: (g: any) => ({ ...figure(g), figures: g.figures.map(figure) }) },
  articles: { key: (a: any) => String(a.id), value: (a: any) => a },
  promises: {
    key: (p: any) => `${p.target.article_id}:${p.target.seq}`,
    value: ({ id: _id, ...p }: any) => ({
      ...p,
      target: promiseFigure(p.target),
      outcome: promiseFigure(p.outcome),
      evidence: p.evidence.map(promiseFigure),
      derived: p.derived && { ...p.derived, level: promiseFigure(p.derived.level), base: promiseFigure(p.derived.base) },
    }),
  },
} as const;
type ListName = keyof typeof stable;

/** The list as runs of equal `published`, each run keyed by the stable key (a key twice is a failure). */
function runs(name: ListName, items: any[]): { published: string | null; items: Record<string, unknown> }[] {
  const out: { published: string | null; items: Record<string, unknown> }[] = [];
  const seen = new Set<string>();
  for (const item of items) {
    const published = name === "promises" ? item.target.published : item.published;
    const key = stable[name].key(item);
    if (seen.has(key)) throw new Error(`${name}: ${key} listed twice`);
    seen.add(key);
    if (out[out.length - 1]?.published !== published) out.push({ published, items: {} });
    out[out.length - 1]!.items[key] = stable[name].value(item);
  }
  return out;
}

async function sameList(name: ListName, query: string, limit: number): Promise<number> {
  const path = `/v1/${name}${query}`;
  const [one, four] = await Promise.all([walk("single", path, limit), walk("sharded", path, limit)]);
  expect(four.length, path).toBe(one.length);
  const [a, b] = [runs(name, one), runs(name, four)];
  expect(b.map((r) => r.published), `${path}: runs of published`).toEqual(a.map((r) => r.published));
  for (const [i, run] of a.entries()) expect(b[i]!.items, `${path}: published ${run.published}`).toEqual(run.items);
  return one.length;
}

// ---- Seeding both layouts -----------------------------------------------------------------------

const BASE = Date.UTC(2026, 10, 20, 1, 0);
const posted: number[] = [];

beforeAll(async () => {
  await applyD1Migrations(env.DB_ONE!, env.TEST_MIGRATIONS);
  for (const [i, [name, text]] of TEXTS.entries()) {
    // Three texts every 7 hours: the feeds meet equal arrival times across shards, the digest several days.
    setClock(BASE + Math.floor(i / 3) * 7 * 3600_000);
    const body = JSON.stringify({ text });
    const ids: number[] = [];
    for (const layout of ["single", "sharded"] as const) {
      const headers = { "content-type": "application/json", ...(await signatureHeaders(body, { id: `eq-${i}` })) };
      const res = await serve(layout, new Request("https://jiyao.test/v1/articles", { method: "POST", headers, body }));
      const answer = (await res.json()) as { id: number };
      expect(res.status, `${layout} ${name}`).toBe(201);
      ids.push(answer.id);
      await deliver(layout, answer.id);
    }
    expect(ids[1], `${name}: the same id in both layouts`).toBe(ids[0]);
    posted.push(ids[0]!);
  }
}, 4 * SETTLE_MS);

const PLACES = [
  "河北省", // a province of DB_NORTH: 河北省's reports, 保定市 and 高阳县 under it
  "保定市", // a city
  "扬州", // a city written short (江苏: DB_EAST)
  "340602", // a district by code (杜集区, 安徽: DB_EAST)
  "440000", // a province by code (广东: DB_SOUTH)
  "经开区", // a zone the gazetteer does not place: its article is in the catch-all
  "北京", // named by reports of other provinces too
  "浙江省", // DB_EAST, and two figures of 四川's report in DB_SOUTH (浙江省投入财政帮扶资金…): a place's rows may lie in any shard
];

describe("one database and four shards give the same answers", () => {
  it("every article is in exactly one shard, the same ids as in the one database", async () => {
    const count = async (d1: D1Database) => (await d1.prepare("SELECT id FROM articles WHERE status = 'extracted' ORDER BY id").all<{ id: number }>()).results.map((r) => r.id);
    const one = await count(env.DB_ONE!);
    expect(one).toEqual(posted);
    const per = await Promise.all(shardsOf(sharded).all.map(count));
    expect(per.reduce((n, ids) => n + ids.length, 0)).toBe(one.length);
    expect(per.flat().sort((x, y) => x - y)).toEqual(one);
    expect(per.every((ids) => ids.length > 0), "every shard holds articles").toBe(true);
  });

  for (const name of ["figures", "goals", "articles", "promises"] as const) {
    it(`/v1/${name}: every page to the end, without and with place`, async () => {
      expect(await sameList(name, "", name === "figures" ? 97 : 23)).toBeGreaterThan(name === "figures" ? 1000 : 10);
      const found = [];
      for (const place of PLACES) found.push(await sameList(name, `?place=${encodeURIComponent(place)}`, 11));
      // Most of the places have rows of each list (promises: only 河北省's and 保定市's report pairs make them).
      expect(found.filter((n) => n > 0).length, `${name}: places with rows`).toBeGreaterThanOrEqual(name === "promises" ? 2 : 5);
    });
  }

  it("/v1/figures and /v1/goals with metric and keyword filters", async () => {
    await sameList("figures", `?metric=${encodeURIComponent("生产总值")}`, 13);
    await sameList("figures", `?q=${encodeURIComponent("增长")}&kind=target`, 29);
    await sameList("goals", `?metric=${encodeURIComponent("收入")}&place=${encodeURIComponent("河北省")}`, 5);
  });

  it("/v1/places and /v1/metrics, without and with place", async () => {
    const places = await getJson("single", "/v1/places?limit=200");
    expect(places.items.length).toBeGreaterThan(20);
    expect(await getJson("sharded", "/v1/places?limit=200")).toEqual(places);
    expect(await getJson("sharded", "/v1/places?limit=7")).toEqual(await getJson("single", "/v1/places?limit=7"));
    for (const q of ["", ...PLACES.map((p) => `place=${encodeURIComponent(p)}`), "kind=target"]) {
      const path = `/v1/metrics?limit=200${q ? `&${q}` : ""}`;
      expect(await getJson("sharded", path), path).toEqual(await getJson("single", path));
    }
  });

  it("/feed.json and /digest.json, without and with place", async () => {
    for (const feed of ["/feed.json", "/digest.json"]) {
      for (const q of ["", ...PLACES.map((p) => `place=${encodeURIComponent(p)}`)]) {
        const path = `${feed}?limit=200${q ? `&${q}` : ""}`;
        const one = await getJson("single", path);
        if (!q) expect(one.items.length, path).toBeGreaterThan(feed === "/feed.json" ? 50 : 1);
        expect(await getJson("sharded", path), path).toEqual(one);
      }
    }
  });
});

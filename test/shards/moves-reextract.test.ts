/**
 * A re-extraction that changes an article's province moves it (src/pipeline/placement.ts): a
 * report pair of one city (保定市, shard DB_NORTH) posted to the real webhook and extracted by
 * the real consumer; then the later report is re-extracted by an "older extractor" that files it
 * under 河南省 (DB_SOUTH), and brought back by the real cron sweep (stale version) and the real
 * admin endpoint. After every move the article, its figures, goals, places, keyword rows and
 * promise links are in exactly one shard; the shard it left relinked the earlier report's
 * promises without it and the shard it came back to relinked them with it (the same promises as
 * before the moves); replays of the original delivery answer the original id and store nothing.
 * Under the `one` project (one database) every shard is the same one and nothing moves.
 */
import { createExecutionContext, createMessageBatch, createScheduledController, getQueueResult, waitOnExecutionContext } from "cloudflare:test";
import { env, exports } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { shardsOf } from "../../src/db/router";
import { EXTRACTOR_VERSION, extract } from "../../src/extract";
import worker from "../../src/index";
import { handleQueue } from "../../src/pipeline/consumer";
import type { ExtractMessage } from "../../src/pipeline/messages";
import t2015 from "../fixtures/promises/保定市_2015.txt?raw";
import t2016 from "../fixtures/promises/保定市_2016.txt?raw";
import r5 from "../fixtures/reports/2026_河南省_政府工作报告.txt?raw";
import { eventually } from "../helpers/wait";
import { postJson } from "../helpers/webhook";

const shards = shardsOf(env);
const sharded = shards.all.length > 1;
const NORTH = sharded ? shards.map.bindings.indexOf("DB_NORTH") : shards.map.catchAll;
const SOUTH = sharded ? shards.map.bindings.indexOf("DB_SOUTH") : shards.map.catchAll;

/** An extractor from before a place rule changed: it files the article under 河南省 first. */
const HENAN = extract(r5).places[0]!;
const olderExtractor = (text: string) => {
  const s = extract(text);
  return { ...s, places: [HENAN, ...s.places] };
};

/** Article ids far above any other test file's: the local queue is shared by the run. */
const ID_BASE = 3_000_000;

/** Per shard, how many rows of each kind belong to article `id`. */
async function rowsOf(id: number) {
  const count = (d1: D1Database, sql: string) => d1.prepare(sql).bind(id).first<{ n: number }>().then((r) => r!.n);
  return Promise.all(
    shards.all.map(async (d1) => ({
      articles: await count(d1, "SELECT count(*) AS n FROM articles WHERE id = ?"),
      figures: await count(d1, "SELECT count(*) AS n FROM figures WHERE article_id = ?"),
      goals: await count(d1, "SELECT count(*) AS n FROM goals WHERE article_id = ?"),
      places: await count(d1, "SELECT count(*) AS n FROM article_places WHERE article_id = ?"),
      text_index: await count(d1, "SELECT count(*) AS n FROM article_text_fts WHERE rowid = ?"),
      link_input: await count(d1, "SELECT count(*) AS n FROM promise_figures WHERE article_id = ?"),
      coverage: await count(d1, "SELECT count(*) AS n FROM promise_coverage WHERE article_id = ?"),
      promises: await count(
        d1,
        "SELECT count(*) AS n FROM promises WHERE ?1 IN (target_article_id, outcome_article_id) OR evidence LIKE '%[' || ?1 || ',%' OR derived LIKE '%[' || ?1 || ',%'",
      ),
    })),
  );
}

type Rows = Awaited<ReturnType<typeof rowsOf>>[number];
const NONE: Rows = { articles: 0, figures: 0, goals: 0, places: 0, text_index: 0, link_input: 0, coverage: 0, promises: 0 };

/** The article is whole in shard `index` and has no row anywhere else. */
async function expectOnlyIn(id: number, index: number, text: string) {
  const per = await rowsOf(id);
  const summary = extract(text);
  expect(per[index]).toMatchObject({ articles: 1, figures: summary.figures.length, goals: summary.goals.length, text_index: 1 });
  per.forEach((rows, i) => {
    if (i !== index) expect(rows, `article ${id} in ${shards.map.bindings[i]}`).toEqual(NONE);
  });
  const home = await shards.all[shards.map.catchAll]!.prepare("SELECT shard FROM article_homes WHERE id = ?").bind(id).first<{ shard: string }>();
  expect(home?.shard ?? null).toBe(index === shards.map.catchAll ? null : shards.map.bindings[index]);
  return per[index]!;
}

/** The promises of a shard without row ids, run tokens or times. */
async function promisesIn(index: number) {
  const { results } = await shards.all[index]!.prepare(
    `SELECT target_article_id, target_seq, place, period, metric, direction, verdict, outcome_article_id, outcome_seq, evidence, derived, derived_verdict
       FROM promises ORDER BY target_article_id, target_seq`,
  ).all();
  return results;
}

/** Delivers extraction messages to the consumer with the given extractor, as the queue would. */
async function deliverWith(extractor: typeof extract, ...bodies: ExtractMessage[]) {
  const batch = createMessageBatch<ExtractMessage>(
    "jiyao-sharded-extract",
    bodies.map((body, i) => ({ id: `move-${i}`, timestamp: new Date(0), attempts: 1, body })),
  );
  const ctx = createExecutionContext();
  await handleQueue(batch, env, ctx, extractor);
  return getQueueResult(batch, ctx);
}

async function articleCounts() {
  return Promise.all(shards.all.map(async (d1) => (await d1.prepare("SELECT count(*) AS n FROM articles").first<{ n: number }>())!.n));
}

let earlier: number;
let later: number;
let promisesBefore: Record<string, unknown>[];

beforeAll(async () => {
  const catchAll = shards.all[shards.map.catchAll]!;
  // Ids start above ID_BASE (AUTOINCREMENT never goes below the highest id ever used).
  await catchAll.prepare("INSERT INTO articles (id, webhook_id, content_hash, raw_hash, text, encoding, format, received_at) VALUES (?, 'base', 'base', 'base', '', 'utf-8', 'plain', 0)").bind(ID_BASE).run();
  await catchAll.prepare("DELETE FROM articles WHERE id = ?").bind(ID_BASE).run();
  const ids: number[] = [];
  for (const [text, id] of [
    [t2015, "move-2015"],
    [t2016, "move-2016"],
  ] as const) {
    const res = await postJson({ text }, { id });
    expect(res.status).toBe(201);
    ids.push(((await res.json()) as { id: number }).id);
  }
  [earlier, later] = ids as [number, number];
  await eventually(async () => {
    for (const [id, text] of [
      [earlier, t2015],
      [later, t2016],
    ] as const)
      await expectOnlyIn(id, NORTH, text);
  });
  promisesBefore = await promisesIn(NORTH);
});

describe.runIf(sharded)("re-extraction that changes the province", () => {
  it("the pair starts in one shard with promises linked across it", async () => {
    // The later report settles the earlier one's targets: the test below can tell a relink.
    expect(promisesBefore.filter((p) => p.outcome_article_id === later).length).toBeGreaterThan(0);
  });

  it("moves the article with its rows and links, relinking both shards; the cron sweep brings it back", async () => {
    const { explicitAcks } = await deliverWith(olderExtractor, { articleId: later, force: true });
    expect(explicitAcks).toEqual(["move-0"]);
    const moved = await expectOnlyIn(later, SOUTH, t2016);
    expect(moved.link_input).toBeGreaterThan(0);
    // The shard it left relinked the earlier report's promises without it.
    const without = await promisesIn(NORTH);
    expect(without.length).toBeGreaterThan(0);
    expect(JSON.stringify(without)).not.toContain(`[${later},`);
    expect(without.some((p) => p.outcome_article_id === later)).toBe(false);
    expect(without).not.toEqual(promisesBefore);
    await expectOnlyIn(earlier, NORTH, t2015);
    // A redelivery of the same message moves nothing and writes nothing new.
    await deliverWith(olderExtractor, { articleId: later });
    await expectOnlyIn(later, SOUTH, t2016);

    // The stored summary is from an older extractor version: the real cron sweep queues it, and
    // the real consumer (the current extractor) files it under 保定市 again.
    await shards.all[SOUTH]!.prepare("UPDATE articles SET extractor_version = ? WHERE id = ?").bind(EXTRACTOR_VERSION - 1, later).run();
    const ctx = createExecutionContext();
    await worker.scheduled(createScheduledController({ cron: "*/5 * * * *" }), env, ctx);
    await waitOnExecutionContext(ctx);
    await eventually(() => expectOnlyIn(later, NORTH, t2016));
    // Back in the shard of its pair: the same promises as before either move.
    expect(await promisesIn(NORTH)).toEqual(promisesBefore);
    expect(await promisesIn(SOUTH)).toEqual([]);
  });

  it("the admin re-extraction reaches an article in any shard and moves it back", async () => {
    await deliverWith(olderExtractor, { articleId: later, force: true });
    await expectOnlyIn(later, SOUTH, t2016);
    const res = await exports.default.fetch("https://jiyao.test/v1/admin/reextract?scope=all", { method: "POST", headers: { authorization: `Bearer ${env.ADMIN_TOKEN}` } });
    expect(res.status).toBe(202);
    // Both articles, from two shards, in one call.
    expect(await res.json()).toEqual({ queued: 2, next_cursor: null, done: true });
    await eventually(() => expectOnlyIn(later, NORTH, t2016));
    await expectOnlyIn(earlier, NORTH, t2015);
    expect(await promisesIn(NORTH)).toEqual(promisesBefore);
  });


  it("an article whose place is no longer known moves to the catch-all, and back", async () => {
    const placeless = (text: string) => ({ ...extract(text), places: [] });
    await deliverWith(placeless, { articleId: earlier, force: true });
    await expectOnlyIn(earlier, shards.map.catchAll, t2015);
    // Its promises left DB_NORTH with it.
    expect((await promisesIn(NORTH)).some((p) => p.target_article_id === earlier)).toBe(false);
    const replay = await postJson({ text: t2015 }, { id: "move-2015" });
    expect(await replay.json()).toMatchObject({ id: earlier, status: "extracted", replay: true });
    const res = await exports.default.fetch("https://jiyao.test/v1/admin/reextract?scope=all", { method: "POST", headers: { authorization: `Bearer ${env.ADMIN_TOKEN}` } });
    expect(await res.json()).toEqual({ queued: 2, next_cursor: null, done: true });
    await eventually(() => expectOnlyIn(earlier, NORTH, t2015));
    expect(await promisesIn(NORTH)).toEqual(promisesBefore);
  });
});

describe("replays after re-extraction", () => {
  it("replays of the original deliveries answer the original ids after the moves, storing nothing", async () => {
    const before = await articleCounts();
    const homes = await shards.all[shards.map.catchAll]!.prepare("SELECT * FROM article_homes ORDER BY id").all();
    for (const [text, webhookId, id] of [
      [t2015, "move-2015", earlier],
      [t2016, "move-2016", later],
    ] as const) {
      const replay = await postJson({ text }, { id: webhookId });
      expect(replay.status).toBe(200);
      expect(await replay.json()).toMatchObject({ id, status: "extracted", replay: true });
      const dup = await postJson({ text }, { id: `${webhookId}-again` });
      expect(dup.status).toBe(200);
      expect(await dup.json()).toMatchObject({ id, duplicate_of: id });
    }
    expect(await articleCounts()).toEqual(before);
    expect((await shards.all[shards.map.catchAll]!.prepare("SELECT * FROM article_homes ORDER BY id").all()).results).toEqual(homes.results);
  });
});

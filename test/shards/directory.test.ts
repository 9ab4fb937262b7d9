/**
 * The shard directory never loses rows (src/db/directory.ts): whatever a fault or a move leaves,
 * every shard holding rows of a province is listed in that province's shard, so a `place` read,
 * which asks the province's shard and the shards it lists, finds every row. Checked from the
 * rows themselves: each shard's place keys (figures, goals, article places, promises) against
 * the directories, and a place read over HTTP against every shard's matching rows counted
 * directly. Faults are real D1 failures (a trigger that RAISEs), the consumer driven directly.
 */
import { createExecutionContext, createMessageBatch, getQueueResult } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { shardsOf } from "../../src/db/router";
import worker from "../../src/index";
import { extract } from "../../src/extract";
import { handleQueue } from "../../src/pipeline/consumer";
import type { ExtractMessage } from "../../src/pipeline/messages";
import r4 from "../fixtures/reports/2026_江苏省_政府工作报告.txt?raw";
import r5 from "../fixtures/reports/2026_河南省_政府工作报告.txt?raw";
import sichuan from "../fixtures/shards/2026_四川省_政府工作报告.txt?raw";

const shards = shardsOf(env);
const sharded = shards.all.length > 1;
const bindings = shards.map.bindings;
const catchAll = shards.all[shards.map.catchAll]!;
const EAST = bindings.indexOf("DB_EAST");
const SOUTH = bindings.indexOf("DB_SOUTH");

/** Ids far above any other test file's: the local queue is shared by the run. */
const ID_BASE = 6_000_000;

async function insertReceived(from: number, texts: string[]): Promise<number[]> {
  const results = await catchAll.batch<{ id: number }>(
    texts.map((text, i) =>
      catchAll
        .prepare("INSERT INTO articles (id, webhook_id, content_hash, raw_hash, text, encoding, format, status, received_at) VALUES (?, ?, ?, ?, ?, 'utf-8', 'plain', 'received', 0) RETURNING id")
        .bind(ID_BASE + from + i, `directory_${from + i}`, `dir_hash_${from + i}`, `dir_raw_${from + i}`, text),
    ),
  );
  return results.map((r) => r.results[0]!.id);
}

async function deliver(ids: number[], attempts: number, body: Partial<ExtractMessage> = {}, extractor?: typeof extract) {
  const batch = createMessageBatch<ExtractMessage>(
    "jiyao-sharded-extract",
    ids.map((articleId) => ({ id: `d${articleId}-${attempts}`, timestamp: new Date(0), attempts, body: { articleId, ...body } })),
  );
  const ctx = createExecutionContext();
  await handleQueue(batch, env, ctx, extractor);
  const result = await getQueueResult(batch, ctx);
  return { acked: result.explicitAcks.length, retried: result.retryMessages.length };
}

/**
 * Every (province, shard) whose rows the directory must list: each shard's place keys that start
 * with a province whose shard is another, and the province's shard's directory rows.
 */
async function expectDirectoryCovers(): Promise<void> {
  const missing: string[] = [];
  for (const [s, d1] of shards.all.entries()) {
    const { results } = await d1
      .prepare(
        `SELECT DISTINCT substr(k, 1, 2) AS province FROM (
           SELECT place_key AS k FROM figures UNION SELECT place_key FROM goals
           UNION SELECT place_key FROM article_places UNION SELECT place FROM promises) WHERE k GLOB '[0-9][0-9]*'`,
      )
      .all<{ province: string }>();
    for (const { province } of results) {
      const home = shards.indexOf(`${province}0000`);
      if (home === s) continue;
      const listed = await shards.all[home]!.prepare("SELECT 1 FROM shard_directory WHERE bucket = ? AND shard = ?").bind(province, bindings[s]).first();
      if (!listed) missing.push(`${bindings[s]} holds rows of ${province}, not listed in ${bindings[home]}`);
    }
  }
  expect(missing).toEqual([]);
}

/** Figures a place read must give: over every shard, those filed under the province or of an article naming it. */
async function figuresOfProvince(province: string): Promise<number> {
  const [from, to] = [province, `${province}\uffff`];
  let n = 0;
  for (const d1 of shards.all) {
    const row = await d1
      .prepare(
        `SELECT count(*) AS n FROM figures f WHERE (f.place_key >= ?1 AND f.place_key < ?2)
           OR EXISTS (SELECT 1 FROM article_places ap WHERE ap.article_id = f.article_id AND ap.place_key >= ?1 AND ap.place_key < ?2)`,
      )
      .bind(from, to)
      .first<{ n: number }>();
    n += row!.n;
  }
  return n;
}

/** The figures list with `place`, walked to its end through the Worker. */
async function placeRead(place: string): Promise<number> {
  let n = 0;
  let cursor: string | null = null;
  do {
    const ctx = createExecutionContext();
    const res = await worker.fetch(new Request(`https://jiyao.test/v1/figures?place=${encodeURIComponent(place)}&limit=200${cursor ? `&cursor=${cursor}` : ""}`), env, ctx);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { items: unknown[]; next_cursor: string | null };
    n += body.items.length;
    cursor = body.next_cursor;
  } while (cursor);
  return n;
}

/** An extractor from before a place rule changed: it files the article under 河南省 (DB_SOUTH). */
const HENAN = extract(r5).places[0]!;
const olderExtractor = (text: string) => {
  const s = extract(text);
  return { ...s, places: [HENAN, ...s.places] };
};

describe.runIf(sharded)("the shard directory", () => {
  it("is written before the rows: a province shard refusing it keeps the article out of every shard until it takes it", async () => {
    // 四川's report is filed in DB_SOUTH and gives figures of 浙江省, whose shard is DB_EAST.
    expect(extract(sichuan).figures.some((f) => f.place_code?.startsWith("33"))).toBe(true);
    const [id] = await insertReceived(0, [sichuan]);
    await shards.all[EAST]!.exec("CREATE TRIGGER fault_directory BEFORE INSERT ON shard_directory BEGIN SELECT RAISE(ABORT, 'directory refuses writes'); END");
    for (const attempts of [1, 2]) {
      expect(await deliver([id!], attempts)).toEqual({ acked: 0, retried: 1 });
      const south = await shards.all[SOUTH]!.prepare("SELECT count(*) AS n FROM articles WHERE id = ?").bind(id).first<{ n: number }>();
      expect(south!.n, "no row in DB_SOUTH before its directory entry").toBe(0);
      expect(await catchAll.prepare("SELECT status FROM articles WHERE id = ?").bind(id).first()).toEqual({ status: "failed" });
      await expectDirectoryCovers();
    }
    await shards.all[EAST]!.exec("DROP TRIGGER fault_directory");
    expect(await deliver([id!], 3)).toEqual({ acked: 1, retried: 0 });
    expect(await shards.all[EAST]!.prepare("SELECT shard FROM shard_directory WHERE bucket = '33'").all()).toMatchObject({ results: [{ shard: "DB_SOUTH" }] });
    await expectDirectoryCovers();
    const expected = await figuresOfProvince("33");
    expect(expected).toBeGreaterThan(0);
    expect(await placeRead("浙江省")).toBe(expected);
  });

  it("keeps every shard that holds rows listed through a move and back (a stale entry costs a read, never a row)", async () => {
    const [id] = await insertReceived(100, [r4]);
    // Filed under 河南省 by an older extractor: 江苏's rows are in DB_SOUTH.
    expect(await deliver([id!], 1, {}, olderExtractor)).toEqual({ acked: 1, retried: 0 });
    expect(await shards.all[SOUTH]!.prepare("SELECT count(*) AS n FROM figures WHERE article_id = ?").bind(id).first()).not.toEqual({ n: 0 });
    await expectDirectoryCovers();
    const before = await figuresOfProvince("32");
    expect(before).toBeGreaterThan(0);
    expect(await placeRead("江苏省")).toBe(before);

    // Re-extracted by today's extractor: it moves to DB_EAST, 江苏's own shard, leaving DB_SOUTH.
    expect(await deliver([id!], 1, { force: true })).toEqual({ acked: 1, retried: 0 });
    expect(await shards.all[EAST]!.prepare("SELECT status FROM articles WHERE id = ?").bind(id).first()).toEqual({ status: "extracted" });
    expect(await shards.all[SOUTH]!.prepare("SELECT count(*) AS n FROM figures WHERE article_id = ?").bind(id).first()).toEqual({ n: 0 });
    await expectDirectoryCovers();
    expect(await placeRead("江苏省")).toBe(await figuresOfProvince("32"));

    // And back under 河南省, the entry already there.
    expect(await deliver([id!], 1, { force: true }, olderExtractor)).toEqual({ acked: 1, retried: 0 });
    await expectDirectoryCovers();
    expect(await placeRead("江苏省")).toBe(await figuresOfProvince("32"));
  });
});

/**
 * Faults of the move into a province shard (src/pipeline/placement.ts), with real D1 failures
 * as in test/faults: SQLite triggers that RAISE(ABORT) make a chosen database refuse chosen
 * writes, and the queue consumer is driven directly. Checked after every delivery: the article
 * is whole in exactly one database (raw in the catch-all until its shard holds it), or, in the
 * one state a crash can leave, whole in its new shard with the catch-all's raw copy still there;
 * a retry always ends with exactly one copy, its rows complete, its home record right.
 */
import { createExecutionContext, createMessageBatch, getQueueResult } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { shardsOf } from "../../src/db/router";
import { extract } from "../../src/extract";
import { backoffSeconds, handleQueue } from "../../src/pipeline/consumer";
import type { ExtractMessage } from "../../src/pipeline/messages";
import { filedAs } from "../../src/pipeline/store";
import r2 from "../fixtures/reports/2026_山东省_政府工作报告.txt?raw";
import r4 from "../fixtures/reports/2026_江苏省_政府工作报告.txt?raw";
import r5 from "../fixtures/reports/2026_河南省_政府工作报告.txt?raw";
import { CORPUS } from "../helpers/corpus";
import { recordingBatch } from "../helpers/queue";
import { postJson } from "../helpers/webhook";

const shards = shardsOf(env);
const sharded = shards.all.length > 1;
const CATCH_ALL = shards.map.catchAll;
const EAST = shards.map.bindings.indexOf("DB_EAST");
const SOUTH = shards.map.bindings.indexOf("DB_SOUTH");
const catchAll = shards.all[CATCH_ALL]!;

/** Article ids far above any other test file's: the local queue is shared by the run. */
const ID_BASE = 4_000_000;

const meta = (text: string) => ({ id: 0, text, metaTitle: null, metaSource: null, metaPublished: null, metaPlace: null });
const shardOfText = (text: string) => shards.indexOf(filedAs(meta(text), extract(text)).mainPlace);

/** Texts the extractor files under a province of DB_EAST (安徽, 山东, 江苏 …), each with its own dateline. */
const EAST_TEXTS = [...CORPUS.map((a) => a.text), r2, r4]
  .map((t, n) => `第${n}号 ${2000 + n}年${(n % 12) + 1}月1日讯\n\n${t}`)
  .filter((t) => sharded && shardOfText(t) === EAST)
  .slice(0, 6);

/** An extractor from before a place rule changed: it files the article under 河南省 (DB_SOUTH). */
const HENAN = extract(r5).places[0]!;
const olderExtractor = (text: string) => {
  const s = extract(text);
  return { ...s, places: [HENAN, ...s.places] };
};

async function insertReceived(from: number, texts: string[]): Promise<number[]> {
  const results = await catchAll.batch<{ id: number }>(
    texts.map((text, i) =>
      catchAll
        .prepare(
          "INSERT INTO articles (id, webhook_id, content_hash, raw_hash, text, encoding, format, status, received_at) VALUES (?, ?, ?, ?, ?, 'utf-8', 'plain', 'received', 0) RETURNING id",
        )
        .bind(ID_BASE + from + i, `shardfault_${from + i}`, `hash_${from + i}`, `raw_${from + i}`, text),
    ),
  );
  return results.map((r) => r.results[0]!.id);
}

/** Delivers one message per article (attempt `attempts`) to the consumer; returns who was acked and retried. */
async function deliver(ids: number[], attempts: number, body: Partial<ExtractMessage> = {}, extractor?: typeof extract) {
  const batch = createMessageBatch<ExtractMessage>(
    "jiyao-sharded-extract",
    ids.map((articleId) => ({ id: `f${articleId}-${attempts}`, timestamp: new Date(0), attempts, body: { articleId, ...body } })),
  );
  const { view, delays } = recordingBatch(batch);
  const ctx = createExecutionContext();
  await handleQueue(view, env, ctx, extractor);
  const result = await getQueueResult(batch, ctx);
  const idOf = (msgId: string) => Number(msgId.slice(1, msgId.indexOf("-")));
  return { acked: result.explicitAcks.map(idOf).sort(), retried: result.retryMessages.map((r) => idOf(r.msgId)).sort(), delays: result.retryMessages.map((r) => delays.get(r.msgId)) };
}

/** Per shard: the article's row (status, error code, text) and counts of its rows. */
async function where(id: number) {
  return Promise.all(
    shards.all.map(async (d1) => {
      const row = await d1.prepare("SELECT status, error_code, error_detail, text FROM articles WHERE id = ?").bind(id).first<{ status: string; error_code: string | null; error_detail: string | null; text: string }>();
      const n = async (sql: string) => (await d1.prepare(sql).bind(id).first<{ n: number }>())!.n;
      return {
        row,
        figures: await n("SELECT count(*) AS n FROM figures WHERE article_id = ?"),
        goals: await n("SELECT count(*) AS n FROM goals WHERE article_id = ?"),
        index: await n("SELECT count(*) AS n FROM article_text_fts WHERE rowid = ?"),
        links: await n("SELECT count(*) AS n FROM promise_figures WHERE article_id = ?"),
      };
    }),
  );
}

const homeOf = async (id: number) => (await catchAll.prepare("SELECT shard FROM article_homes WHERE id = ?").bind(id).first<{ shard: string }>())?.shard ?? null;

/** Whole (extracted, every row) in shard `index` only, its home record pointing there. */
async function expectOnlyIn(id: number, index: number, text: string) {
  const per = await where(id);
  const s = extract(text);
  expect(per[index]!.row, `article ${id}`).toMatchObject({ status: "extracted", error_code: null, text });
  expect(per[index]).toMatchObject({ figures: s.figures.length, goals: s.goals.length, index: 1 });
  per.forEach((p, i) => {
    if (i !== index) expect(p, `article ${id} in ${shards.map.bindings[i]}`).toEqual({ row: null, figures: 0, goals: 0, index: 0, links: 0 });
  });
  expect(await homeOf(id)).toBe(index === CATCH_ALL ? null : shards.map.bindings[index]);
}

const figureIds = async (d1: D1Database, ids: number[]) => (await d1.prepare(`SELECT id, article_id, seq FROM figures WHERE article_id IN (${ids.join(",")}) ORDER BY id`).all()).results;

beforeAll(() => {
  if (sharded) expect(EAST_TEXTS.length, "texts filed under DB_EAST").toBeGreaterThanOrEqual(3);
});

describe.runIf(sharded)("a province shard that refuses writes", () => {
  it("keeps the articles raw in the catch-all while it refuses, and takes each exactly once after", async () => {
    const ids = await insertReceived(0, EAST_TEXTS);
    await shards.all[EAST]!.exec("CREATE TRIGGER fault_east BEFORE INSERT ON articles BEGIN SELECT RAISE(ABORT, 'shard refuses writes'); END");
    for (const attempts of [1, 2, 3]) {
      const { acked, retried, delays } = await deliver(ids, attempts);
      expect(acked).toEqual([]);
      expect(retried).toEqual([...ids].sort());
      expect(delays.every((d) => d === backoffSeconds(attempts))).toBe(true);
      for (const [i, id] of ids.entries()) {
        const per = await where(id);
        // Raw and intact in the catch-all, the failure recorded there; in no other database.
        expect(per[CATCH_ALL]!.row).toMatchObject({ status: "failed", error_code: "storage_failed", text: EAST_TEXTS[i] });
        expect(per[CATCH_ALL]!.row!.error_detail).toContain("shard refuses writes");
        per.forEach((p, s) => {
          if (s !== CATCH_ALL) expect(p.row, `article ${id} in ${shards.map.bindings[s]}`).toBeNull();
        });
        expect(await homeOf(id)).toBeNull();
      }
    }
    await shards.all[EAST]!.exec("DROP TRIGGER fault_east");
    expect(await deliver(ids, 4)).toMatchObject({ acked: [...ids].sort(), retried: [] });
    for (const [i, id] of ids.entries()) await expectOnlyIn(id, EAST, EAST_TEXTS[i]!);

    // Redelivered (at-least-once queues): nothing moves or is rewritten.
    const before = await figureIds(shards.all[EAST]!, ids);
    expect(await deliver(ids, 1)).toMatchObject({ acked: [...ids].sort(), retried: [] });
    expect(await figureIds(shards.all[EAST]!, ids)).toEqual(before);
    // A replay of an original delivery answers its id from the home record, storing nothing.
    const replay = await postJson({ text: EAST_TEXTS[0] }, { id: "shardfault_0" });
    expect(replay.status).toBe(200);
    expect(await replay.json()).toMatchObject({ id: ids[0], status: "extracted", replay: true });
    for (const [i, id] of ids.entries()) await expectOnlyIn(id, EAST, EAST_TEXTS[i]!);
  });

  it("a crash between the copy into the shard and the catch-all's delete is finished by the retry", async () => {
    const texts = EAST_TEXTS.slice(0, 3).map((t) => `重发 ${t}`);
    const ids = await insertReceived(100, texts);
    // The catch-all refuses the delete: the shard's batch (copy and summary) has committed, the
    // move's second step fails, as if the Worker had died between the two.
    await catchAll.exec("CREATE TRIGGER fault_catch_all BEFORE DELETE ON articles BEGIN SELECT RAISE(ABORT, 'crash before the delete'); END");
    const first = await deliver(ids, 1);
    expect(first).toMatchObject({ acked: [], retried: [...ids].sort() });
    for (const [i, id] of ids.entries()) {
      const per = await where(id);
      expect(per[EAST]).toMatchObject({ row: { status: "extracted", text: texts[i] }, figures: extract(texts[i]!).figures.length, index: 1 });
      expect(per[CATCH_ALL]!.row).toMatchObject({ status: "failed", text: texts[i] });
      expect(await homeOf(id)).toBeNull();
    }
    await catchAll.exec("DROP TRIGGER fault_catch_all");
    // The retry repeats the move: the copy is ignored, the summary replaced, the raw row goes.
    expect(await deliver(ids, 2)).toMatchObject({ acked: [...ids].sort(), retried: [] });
    for (const [i, id] of ids.entries()) await expectOnlyIn(id, EAST, texts[i]!);
    const before = await figureIds(shards.all[EAST]!, ids);
    expect(await deliver(ids, 3)).toMatchObject({ acked: [...ids].sort(), retried: [] });
    expect(await figureIds(shards.all[EAST]!, ids)).toEqual(before);
    for (const [i, id] of ids.entries()) await expectOnlyIn(id, EAST, texts[i]!);
  });

  it("a crash after leaving the old shard but before the home record moves is finished by the retry", async () => {
    const text = `再发 ${EAST_TEXTS[0]}`;
    const [id] = await insertReceived(200, [text]);
    expect(await deliver([id!], 1)).toMatchObject({ acked: [id], retried: [] });
    await expectOnlyIn(id!, EAST, text);
    // Re-extracted by an extractor that files it under 河南省 while the catch-all refuses to
    // rewrite its home record: the article is already in DB_SOUTH alone, the record says DB_EAST.
    await catchAll.exec("CREATE TRIGGER fault_home BEFORE UPDATE ON article_homes BEGIN SELECT RAISE(ABORT, 'crash before the home record'); END");
    expect(await deliver([id!], 1, { force: true }, olderExtractor)).toMatchObject({ acked: [], retried: [id] });
    const per = await where(id!);
    expect(per.map((p) => p.row?.status ?? null)).toEqual(shards.all.map((_, i) => (i === SOUTH ? "extracted" : null)));
    expect(await homeOf(id!)).toBe("DB_EAST");
    // Ingest still answers a replay with the original id.
    const replay = await postJson({ text }, { id: "shardfault_200" });
    expect(await replay.json()).toMatchObject({ id, replay: true });
    await catchAll.exec("DROP TRIGGER fault_home");
    // The redelivered message (not forced, nothing left to extract) finds the article by asking
    // every shard and finishes the move.
    expect(await deliver([id!], 2, { force: false }, olderExtractor)).toMatchObject({ acked: [id], retried: [] });
    expect(await homeOf(id!)).toBe("DB_SOUTH");
    const moved = await where(id!);
    expect(moved.map((p) => p.row?.status ?? null)).toEqual(shards.all.map((_, i) => (i === SOUTH ? "extracted" : null)));
    expect(moved[SOUTH]).toMatchObject({ figures: extract(text).figures.length, index: 1 });
  });
});

import { createExecutionContext, createMessageBatch, createScheduledController, getQueueResult, waitOnExecutionContext } from "cloudflare:test";
import { env, exports } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { EXTRACTOR_VERSION } from "../../src/extract";
import worker from "../../src/index";
import { backoffSeconds } from "../../src/pipeline/consumer";
import type { ExtractMessage } from "../../src/pipeline/messages";
import { STUCK_AFTER_MS } from "../../src/pipeline/sweep";
import { BEFORE_MIDNIGHT, setClock } from "../helpers/clock";
import { CORPUS } from "../helpers/corpus";
import { eventually } from "../helpers/wait";
import { postJson } from "../helpers/webhook";

const A001 = CORPUS.find((a) => a.name.startsWith("001"))!;

async function article(id: number) {
  return env.DB.prepare("SELECT status, error, error_code, error_detail, attempts, extractor_version, title, source, published FROM articles WHERE id = ?").bind(id).first<Record<string, unknown>>();
}

async function figureRows(id: number) {
  const r = await env.DB.prepare("SELECT seq, text, start, end, value, value_max, unit, approx, metric, change, kind, place_key FROM figures WHERE article_id = ? ORDER BY seq").bind(id).all();
  return r.results;
}

async function postAndWait(text: string, meta: Record<string, string> = {}): Promise<number> {
  const res = await postJson({ text, ...meta });
  expect(res.status).toBe(201);
  const { id } = (await res.json()) as { id: number };
  await eventually(async () => expect((await article(id))!.status).toBe("extracted"));
  return id;
}

async function deliver(queue: string, ...bodies: ExtractMessage[]) {
  const batch = createMessageBatch<ExtractMessage>(
    queue,
    bodies.map((body, i) => ({ id: `m${i}-${Date.now()}`, timestamp: new Date(), attempts: 1, body })),
  );
  const ctx = createExecutionContext();
  await worker.queue(batch, env, ctx);
  return getQueueResult(batch, ctx);
}

async function runCron(cronEnv: Env = env) {
  const ctx = createExecutionContext();
  await worker.scheduled(createScheduledController({ cron: "*/5 * * * *" }), cronEnv, ctx);
  await waitOnExecutionContext(ctx);
}

beforeEach(async () => {
  await env.DB.exec("DROP TRIGGER IF EXISTS fail_figures");
  await env.DB.exec("DELETE FROM articles");
});

describe("extraction pipeline", () => {
  it("backs off exponentially between retries, capped at five minutes", () => {
    expect([1, 2, 3, 4, 5, 10].map(backoffSeconds)).toEqual([5, 10, 20, 40, 80, 300]);
  });

  it("extracts a posted article off the request path into rows that hold the gold figures", async () => {
    const id = await postAndWait(A001.text, { place: "杜集区" });
    const row = await article(id);
    expect(row).toMatchObject({ status: "extracted", error: null, extractor_version: EXTRACTOR_VERSION, source: "淮北日报", published: "2020-01-10" });
    const rows = await figureRows(id);
    for (const g of A001.gold.figures) {
      expect(rows, g.text).toContainEqual(expect.objectContaining({ text: g.text, value: g.value, unit: g.unit }));
    }
    for (const r of rows) expect(A001.text.slice(r.start as number, r.end as number)).toBe(r.text);
    expect(rows.find((r) => r.text === "12亿元")).toMatchObject({ kind: "reported", place_key: "340602" });
  });

  it("leaves the same rows when a message is delivered again", async () => {
    const id = await postAndWait(A001.text);
    const before = await figureRows(id);
    const result = await deliver("jiyao-extract", { articleId: id, force: true }, { articleId: id, force: true });
    expect(result.explicitAcks).toHaveLength(2);
    expect(await figureRows(id)).toEqual(before);
    for (const table of ["article_text_fts", "article_metric_fts"]) {
      const dup = await env.DB.prepare(`SELECT count(*) AS n FROM ${table} WHERE rowid = ?`).bind(id).first<{ n: number }>();
      expect(dup!.n, table).toBe(1);
    }
  });

  it("marks a D1 failure `failed`, keeps the raw text, retries with backoff, and recovers", async () => {
    const res = await postJson({ text: A001.text });
    const { id } = (await res.json()) as { id: number };
    await eventually(async () => expect((await article(id))!.status).toBe("extracted"));
    await env.DB.exec("DELETE FROM figures; UPDATE articles SET status = 'received', extractor_version = NULL");
    // A real D1 error inside the write batch.
    await env.DB.exec("CREATE TRIGGER fail_figures BEFORE INSERT ON figures BEGIN SELECT RAISE(ABORT, 'forced failure'); END");
    const failed = await deliver("jiyao-extract", { articleId: id });
    expect(failed.explicitAcks).toHaveLength(0);
    expect(failed.retryMessages).toHaveLength(1);
    // Readers see a stable code and a short message; the D1 message is kept for operators only.
    expect(await article(id)).toMatchObject({ status: "failed", attempts: 1, error_code: "storage_failed", error: "The summary could not be written to the database." });
    expect(String((await article(id))!.error_detail)).toContain("forced failure");
    const served = await (await exports.default.fetch(`http://jiyao.test/v1/articles/${id}`)).text();
    expect(served).not.toMatch(/D1_ERROR|SQLITE|forced failure/);
    expect(JSON.parse(served)).toMatchObject({ status: "failed", error_code: "storage_failed", attempts: 1 });
    expect(await figureRows(id)).toHaveLength(0);
    const raw = await env.DB.prepare("SELECT text FROM articles WHERE id = ?").bind(id).first<{ text: string }>();
    expect(raw!.text).toBe(A001.text);

    await env.DB.exec("DROP TRIGGER fail_figures");
    const ok = await deliver("jiyao-extract", { articleId: id });
    expect(ok.explicitAcks).toHaveLength(1);
    expect(await article(id)).toMatchObject({ status: "extracted", error: null, error_code: null, error_detail: null });
    expect((await figureRows(id)).length).toBeGreaterThan(40);
  });

  it("records a dead-lettered message on the article, which stays visible", async () => {
    const res = await postJson({ text: A001.text });
    const { id } = (await res.json()) as { id: number };
    await eventually(async () => expect((await article(id))!.status).toBe("extracted"));
    await env.DB.exec("UPDATE articles SET status = 'received'");
    const result = await deliver("jiyao-extract-dlq", { articleId: id });
    expect(result.explicitAcks).toHaveLength(1);
    expect(await article(id)).toMatchObject({ status: "failed" });
    expect(String((await article(id))!.error)).toMatch(/^Gave up/);
  });

  it("re-extracts summaries of an older extractor version when the cron runs", async () => {
    const id = await postAndWait(A001.text);
    const before = await figureRows(id);
    await env.DB.prepare("UPDATE articles SET extractor_version = ? WHERE id = ?").bind(EXTRACTOR_VERSION - 1, id).run();
    await env.DB.exec("UPDATE figures SET metric = 'stale'");
    await runCron();
    await eventually(async () => expect((await article(id))!.extractor_version).toBe(EXTRACTOR_VERSION));
    expect(await figureRows(id)).toEqual(before);
  });

  it("queues articles stuck in `received` for more than STUCK_AFTER_MS when the cron runs, but not younger ones", async () => {
    // The sweep reads the test's clock (helpers/clock.ts), so the threshold is exact to the millisecond.
    setClock(BEFORE_MIDNIGHT);
    const now = Date.now();
    const rows: [string, string, number][] = [
      ["stuck", A001.text, now - STUCK_AFTER_MS - 1],
      ["at-threshold", CORPUS[2]!.text, now - STUCK_AFTER_MS],
      ["fresh", CORPUS[3]!.text, now],
    ];
    const insert = env.DB.prepare("INSERT INTO articles (webhook_id, content_hash, raw_hash, text, encoding, format, status, received_at) VALUES (?1, ?1, ?1, ?2, 'utf-8', 'plain', 'received', ?3)");
    const ids = (await env.DB.batch(rows.map((r) => insert.bind(...r)))).map((r) => r.meta.last_row_id);
    // The real queue, recording what the sweep sends.
    const sent: number[] = [];
    const queue = {
      send: (m: ExtractMessage) => (sent.push(m.articleId), env.EXTRACT_QUEUE.send(m)),
      sendBatch: (ms: { body: ExtractMessage }[]) => (sent.push(...ms.map((m) => m.body.articleId)), env.EXTRACT_QUEUE.sendBatch(ms)),
    };
    await runCron({ ...env, EXTRACT_QUEUE: queue as unknown as Queue });
    expect(sent).toEqual([ids[0]]);
    await eventually(async () => {
      const r = await env.DB.prepare("SELECT webhook_id, status FROM articles ORDER BY id").all();
      expect(r.results).toEqual([{ webhook_id: "stuck", status: "extracted" }, { webhook_id: "at-threshold", status: "received" }, { webhook_id: "fresh", status: "received" }]);
    });
  });

  it("re-extracts on demand through the authenticated admin endpoint", async () => {
    const id = await postAndWait(A001.text);
    const url = "http://jiyao.test/v1/admin/reextract?scope=all";
    const anon = await exports.default.fetch(url, { method: "POST" });
    expect(anon.status).toBe(401);
    expect(await anon.json()).toMatchObject({ code: "unauthorized" });
    const wrong = await exports.default.fetch(url, { method: "POST", headers: { authorization: "Bearer nope" } });
    expect(wrong.status).toBe(401);
    await env.DB.exec("UPDATE figures SET metric = 'stale'");
    const ok = await exports.default.fetch(url, { method: "POST", headers: { authorization: `Bearer ${env.ADMIN_TOKEN}` } });
    expect(ok.status).toBe(202);
    expect(await ok.json()).toEqual({ queued: 1, next_cursor: null, done: true });
    await eventually(async () => expect((await figureRows(id)).some((r) => r.metric === "stale")).toBe(false));
    const bad = await exports.default.fetch("http://jiyao.test/v1/admin/reextract?scope=everything", { method: "POST", headers: { authorization: `Bearer ${env.ADMIN_TOKEN}` } });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ code: "invalid_parameter", parameter: "scope" });
  });

  it("retries failed (dead-lettered) articles on demand, which the version sweep leaves alone", async () => {
    const res = await postJson({ text: A001.text });
    const { id } = (await res.json()) as { id: number };
    await eventually(async () => expect((await article(id))!.status).toBe("extracted"));
    await env.DB.exec("UPDATE articles SET status = 'received'");
    await deliver("jiyao-extract-dlq", { articleId: id });
    expect(await article(id)).toMatchObject({ status: "failed", extractor_version: EXTRACTOR_VERSION });
    const admin = (scope: string) =>
      exports.default.fetch(`http://jiyao.test/v1/admin/reextract?scope=${scope}`, { method: "POST", headers: { authorization: `Bearer ${env.ADMIN_TOKEN}` } });
    expect(await (await admin("stale")).json()).toEqual({ queued: 0, next_cursor: null, done: true });
    expect(await (await admin("failed")).json()).toEqual({ queued: 1, next_cursor: null, done: true });
    await eventually(async () => expect(await article(id)).toMatchObject({ status: "extracted", error: null }));
  });
});

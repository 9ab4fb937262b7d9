/**
 * The re-extraction sweep (cron and admin, src/pipeline/sweep.ts) over every shard: articles
 * spread over the layout's databases (article i in shard i mod shards), of every state, walked
 * in keyset pages through the real admin endpoint and the real cron handler. A queue binding
 * that records stands in for the queue (as in test/faults), so each message can be counted:
 * every due article in every shard is queued exactly once, nothing else is, and one invocation
 * stays within its D1 query budget.
 */
import { createExecutionContext, createScheduledController, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { shardsOf } from "../../src/db/router";
import { EXTRACTOR_VERSION } from "../../src/extract";
import worker from "../../src/index";
import type { ExtractMessage } from "../../src/pipeline/messages";
import { STUCK_AFTER_MS, SWEEP_PAGE, SWEEP_PAGES } from "../../src/pipeline/sweep";
import { BEFORE_MIDNIGHT, setClock } from "../helpers/clock";

const shards = shardsOf(env);
const N = 1234;
/** Article ids far above any other test file's: nothing else may extract them. */
const ID_BASE = 5_000_000;
const NOW = BEFORE_MIDNIGHT;

/** Article i's state by i mod 5: stuck `received`, fresh `received`, stale version, current, failed. */
const STATES = [
  { status: "received", version: null, receivedAt: NOW - STUCK_AFTER_MS - 1 },
  { status: "received", version: null, receivedAt: NOW - 1000 },
  { status: "extracted", version: EXTRACTOR_VERSION - 1, receivedAt: 0 },
  { status: "extracted", version: EXTRACTOR_VERSION, receivedAt: 0 },
  { status: "failed", version: EXTRACTOR_VERSION, receivedAt: 0 },
] as const;
const idsWhere = (states: number[]) => Array.from({ length: N }, (_, i) => i).filter((i) => states.includes(i % 5)).map((i) => ID_BASE + i);

/** The Worker's env with a queue that records what it is sent. */
function recording(into: ExtractMessage[]): Env {
  const queue = { send: async (m: ExtractMessage) => void into.push(m), sendBatch: async (ms: { body: ExtractMessage }[]) => void into.push(...ms.map((m) => m.body)) };
  return { ...env, EXTRACT_QUEUE: queue } as unknown as Env;
}

/** Calls the admin endpoint with each answer's cursor until done; returns the answers and what was queued. */
async function walk(scope: string) {
  const sent: ExtractMessage[] = [];
  const answers: { queued: number; next_cursor: string | null; done: boolean }[] = [];
  let cursor: string | null = null;
  do {
    const req = new Request(`https://jiyao.test/v1/admin/reextract?scope=${scope}${cursor ? `&cursor=${cursor}` : ""}`, {
      method: "POST",
      headers: { authorization: `Bearer ${env.ADMIN_TOKEN}` },
    });
    const res = await worker.fetch!(req as Parameters<NonNullable<typeof worker.fetch>>[0], recording(sent), createExecutionContext());
    expect(res.status).toBe(202);
    const body = (await res.json()) as (typeof answers)[number];
    answers.push(body);
    cursor = body.next_cursor;
    expect(answers.length).toBeLessThan(20);
  } while (cursor);
  return { answers, sent };
}

beforeAll(async () => {
  await Promise.all(
    shards.all.map(async (d1, s) => {
      const rows = Array.from({ length: N }, (_, i) => i).filter((i) => i % shards.all.length === s);
      const statements = rows.map((i) => {
        const st = STATES[i % 5]!;
        return d1
          .prepare(
            "INSERT INTO articles (id, webhook_id, content_hash, raw_hash, text, encoding, format, status, extractor_version, received_at) VALUES (?, ?, ?, ?, '', 'utf-8', 'plain', ?, ?, ?)",
          )
          .bind(ID_BASE + i, `sweep_${i}`, `hash_${i}`, `raw_${i}`, st.status, st.version, st.receivedAt);
      });
      for (let i = 0; i < statements.length; i += 200) await d1.batch(statements.slice(i, i + 200));
    }),
  );
});

describe(`the sweep over ${shards.all.length} shard(s)`, () => {
  const perCall = SWEEP_PAGE * Math.floor(SWEEP_PAGES / shards.all.length);

  it("scope=all queues every article of every shard once, forced, a bounded number per call", async () => {
    const { answers, sent } = await walk("all");
    expect(answers.slice(0, -1).every((a) => a.queued === perCall && !a.done)).toBe(true);
    expect(answers.at(-1)).toEqual({ queued: N % perCall, next_cursor: null, done: true });
    expect(answers.length).toBe(Math.ceil(N / perCall));
    expect(sent.map((m) => m.articleId)).toEqual(idsWhere([0, 1, 2, 3, 4]));
    expect(sent.every((m) => m.force === true)).toBe(true);
  });

  it("scope=failed queues the failed articles of every shard and only those", async () => {
    const { sent } = await walk("failed");
    expect(sent.map((m) => m.articleId)).toEqual(idsWhere([4]));
  });

  it("the cron queues stuck and stale articles of every shard, unforced", async () => {
    setClock(NOW);
    const sent: ExtractMessage[] = [];
    const ctx = createExecutionContext();
    await worker.scheduled!(createScheduledController({ cron: "*/5 * * * *" }), recording(sent), ctx);
    await waitOnExecutionContext(ctx);
    const due = idsWhere([0, 2]);
    // Within one invocation's budget (SWEEP_PAGES / shards pages); more would wait for the next run.
    expect(sent.map((m) => m.articleId)).toEqual(due.slice(0, perCall));
    expect(sent.every((m) => m.force === false)).toBe(true);
    // Every shard holds some of them.
    expect(new Set(sent.map((m) => (m.articleId - ID_BASE) % shards.all.length)).size).toBe(shards.all.length);
  });
});

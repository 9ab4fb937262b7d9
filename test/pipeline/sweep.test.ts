/**
 * The admin re-extraction walks the whole table in keyset pages, a bounded number per call, and
 * says how far it got: 2,500 articles are all reached, each queued once, through the real queue.
 */
import { env, exports } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { SWEEP_PAGE, SWEEP_PAGES } from "../../src/pipeline/sweep";
import { eventually, SETTLE_MS } from "../helpers/wait";

const N = 2500;

async function admin(query: string) {
  return exports.default.fetch(`http://jiyao.test/v1/admin/reextract?${query}`, { method: "POST", headers: { authorization: `Bearer ${env.ADMIN_TOKEN}` } });
}

/** N small articles, every third one `failed`, none extracted yet (extracted_at NULL). */
async function insertMany(): Promise<void> {
  await env.DB.exec("DELETE FROM articles");
  await env.DB.prepare(
    `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
     INSERT INTO articles (webhook_id, content_hash, raw_hash, text, encoding, format, status, received_at)
     SELECT 'w' || i, 'h' || i, 'r' || i, '第' || i || '篇：财政收入' || i || '亿元。', 'utf-8', 'plain', CASE WHEN i % 3 = 0 THEN 'failed' ELSE 'received' END, 0 FROM n`,
  )
    .bind(N)
    .run();
}

async function count(where: string): Promise<number> {
  return (await env.DB.prepare(`SELECT count(*) AS n FROM articles WHERE ${where}`).first<{ n: number }>())!.n;
}

/** Calls the endpoint with each answer's cursor until it says done; returns every answer. */
async function walk(scope: string) {
  const answers: { queued: number; next_cursor: string | null; done: boolean }[] = [];
  let cursor: string | null = null;
  do {
    const res = await admin(`scope=${scope}${cursor ? `&cursor=${cursor}` : ""}`);
    expect(res.status).toBe(202);
    const body = (await res.json()) as (typeof answers)[number];
    answers.push(body);
    cursor = body.next_cursor;
    expect(answers.length).toBeLessThan(10);
  } while (cursor);
  return answers;
}

beforeEach(insertMany);

describe("POST /v1/admin/reextract over 2,500 articles", { timeout: 3 * SETTLE_MS }, () => {
  it("scope=all reaches every article, a bounded page budget per call", async () => {
    const answers = await walk("all");
    const perCall = SWEEP_PAGE * SWEEP_PAGES;
    expect(answers).toEqual([
      { queued: perCall, next_cursor: String(perCall), done: false },
      { queued: N - perCall, next_cursor: null, done: true },
    ]);
    // N queued in total and every one of the N extracted: each was queued exactly once.
    await eventually(async () => expect(await count("extracted_at IS NOT NULL")).toBe(N), 2 * SETTLE_MS);
    expect(await count("status = 'extracted'")).toBe(N);
  });

  it("scope=failed reaches every failed article and only those", async () => {
    const failed = await count("status = 'failed'");
    expect(failed).toBe(Math.floor(N / 3));
    const answers = await walk("failed");
    expect(answers.reduce((n, a) => n + a.queued, 0)).toBe(failed);
    expect(answers.at(-1)).toMatchObject({ done: true, next_cursor: null });
    await eventually(async () => expect(await count("status = 'extracted'")).toBe(failed));
    expect(await count("status = 'received' AND extracted_at IS NULL")).toBe(N - failed);
  });

  it("refuses a cursor it did not issue", async () => {
    for (const bad of ["0", "-1", "abc", "1e3", "0x10", "9".repeat(20)]) {
      const res = await admin(`scope=all&cursor=${bad}`);
      expect(res.status, bad).toBe(400);
      expect(await res.json()).toMatchObject({ code: "invalid_parameter", parameter: "cursor" });
    }
    expect(await count("extracted_at IS NOT NULL")).toBe(0);
  });
});

/**
 * The queue consumer's D1 queries per invocation, counted on the real bindings (a batch is one,
 * as the free plan's 50 queries per Worker invocation count them): a full batch of real reports,
 * as wrangler.toml's `max_batch_size` delivers it, must stay inside that 50 in both layouts, or
 * a free-plan consumer fails every batch and its articles go to the dead-letter queue (10 a
 * batch made 56 queries on one database and 96 on four shards).
 */
import { createExecutionContext, createMessageBatch, getQueueResult } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import wrangler from "../../wrangler.toml?raw";
import { shardsOf } from "../../src/db/router";
import { handleQueue } from "../../src/pipeline/consumer";
import type { ExtractMessage } from "../../src/pipeline/messages";
import r1 from "../fixtures/reports/2026_山东省_政府工作报告.txt?raw";
import r2 from "../fixtures/reports/2026_江苏省_政府工作报告.txt?raw";
import r3 from "../fixtures/reports/2026_河南省_政府工作报告.txt?raw";
import r4 from "../fixtures/reports/2026_内蒙古自治区_政府工作报告.txt?raw";
import r5 from "../fixtures/reports/2026_广西壮族自治区_政府工作报告.txt?raw";
import r6 from "../fixtures/reports/河北省_2020_report.txt?raw";
import { CORPUS } from "../helpers/corpus";
import { countedD1 } from "../helpers/d1-count";

const FREE_PLAN_QUERIES = 50;
/** The largest batch a consumer is configured to take (wrangler.toml, every environment). */
const BATCH = Math.max(...[...wrangler.matchAll(/max_batch_size\s*=\s*(\d+)/g)].map((m) => Number(m[1])));
/** Ids far above any other test file's: the local queue is shared by the run. */
const ID_BASE = 5_000_000;

const shards = shardsOf(env);
const catchAll = shards.all[shards.map.catchAll]!;

async function insertReceived(texts: string[]): Promise<number[]> {
  const results = await catchAll.batch<{ id: number }>(
    texts.map((text, i) =>
      catchAll
        .prepare("INSERT INTO articles (id, webhook_id, content_hash, raw_hash, text, encoding, format, status, received_at) VALUES (?, ?, ?, ?, ?, 'utf-8', 'plain', 'received', 0) RETURNING id")
        .bind(ID_BASE + i, `budget_${i}`, `budget_hash_${i}`, `budget_raw_${i}`, text),
    ),
  );
  return results.map((r) => r.results[0]!.id);
}

describe(`consumer queries per invocation over ${shards.all.length} database(s)`, () => {
  it(`a full batch (${BATCH}) of reports and articles stays within the free plan's ${FREE_PLAN_QUERIES}`, async () => {
    // Long reports first: they carry the most figures, places and promise groups.
    const texts = [r1, r2, r3, r4, r5, r6, ...CORPUS.map((a) => a.text)].slice(0, BATCH).map((t, n) => `第${n}号 ${2010 + n}年1月${n + 1}日讯\n\n${t}`);
    expect(texts).toHaveLength(BATCH);
    const ids = await insertReceived(texts);
    let queries = 0;
    const counted: Record<string, unknown> = { ...env };
    for (const name of shards.map.bindings) counted[name] = countedD1((env as unknown as Record<string, D1Database>)[name]!, () => queries++);
    const batch = createMessageBatch<ExtractMessage>(
      "jiyao-extract",
      ids.map((articleId) => ({ id: `b${articleId}`, timestamp: new Date(0), attempts: 1, body: { articleId } })),
    );
    const ctx = createExecutionContext();
    await handleQueue(batch, counted as unknown as Env, ctx);
    const result = await getQueueResult(batch, ctx);
    expect(result.retryMessages).toEqual([]);
    expect(result.explicitAcks).toHaveLength(BATCH);
    console.log(`consumer: ${queries} D1 queries for ${BATCH} articles over ${shards.all.length} database(s)`);
    expect(queries).toBeLessThanOrEqual(FREE_PLAN_QUERIES);
  });
});

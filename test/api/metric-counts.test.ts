/**
 * metric_counts (read by the metrics facet) must equal grouping the figures themselves, whatever
 * happens to the figures: extraction, re-extraction, edits, deletion of an article.
 */
import { env, exports } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { listMetrics } from "../../src/db/queries";
import { extractArticle } from "../../src/pipeline/extract-article";
import { seedCorpus, type Seeded } from "../helpers/seed";

let seeded: Seeded[];
beforeAll(async () => {
  seeded = await seedCorpus();
});

async function grouped(where = "1 = 1", ...binds: unknown[]) {
  const { results } = await env.DB.prepare(
    `SELECT coalesce(metric_key, metric) AS metric, count(*) AS figures FROM figures WHERE metric IS NOT NULL AND ${where} GROUP BY 1 ORDER BY figures DESC, metric LIMIT 200`,
  )
    .bind(...binds)
    .all<{ metric: string; figures: number }>();
  return results;
}

async function expectExact() {
  expect(await listMetrics(env.DB, { limit: 200 })).toEqual(await grouped());
  expect(await listMetrics(env.DB, { kind: "target", limit: 200 })).toEqual(await grouped("kind = 'target'"));
  // 高邮 is 高邮市 (321084): its rows and those of the places under it.
  expect(await listMetrics(env.DB, { place: "高邮", limit: 200 })).toEqual(await grouped("place_key >= ? AND place_key < ?", "321084", "321084\uffff"));
}

describe("metric counts", () => {
  it("match the figures after extraction, through the API too", async () => {
    const all = await grouped();
    expect(all.length).toBeGreaterThan(20);
    await expectExact();
    const res = await exports.default.fetch("http://jiyao.test/v1/metrics?limit=200");
    expect(((await res.json()) as { items: unknown[] }).items).toEqual(all);
  });

  it("stay exact through re-extraction, edits and deletion", async () => {
    for (const a of seeded) expect(await extractArticle(env.DB, a.id, { force: true })).toEqual({ status: "extracted" });
    await expectExact();
    await env.DB.exec("UPDATE figures SET metric = 'edited' WHERE seq % 3 = 0");
    await env.DB.exec("UPDATE figures SET kind = 'target' WHERE seq % 5 = 0");
    await env.DB.exec("UPDATE figures SET metric_key = NULL WHERE seq % 4 = 1");
    await env.DB.exec("UPDATE figures SET metric_key = '地区生产总值' WHERE seq % 7 = 2");
    await expectExact();
    await env.DB.prepare("DELETE FROM articles WHERE id = ?").bind(seeded[1]!.id).run();
    await expectExact();
    const none = await env.DB.prepare("SELECT count(*) AS n FROM metric_counts WHERE figures < 0").first<{ n: number }>();
    expect(none!.n).toBe(0);
  });
});

/**
 * Queries per shard per request (issue 16: at most one query, a D1 batch counting as one, per
 * shard per request, within the free plan's 50 per invocation), counted on the real bindings
 * (test/helpers/d1-count.ts) while the Worker answers real requests. And a `place` that lies in
 * one province reads that province's shard only; a place of no province reads the catch-all.
 * Runs in both projects: `one` counts the one database, `sharded` each of the four.
 */
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { shardsOf } from "../../src/db/router";
import { CORPUS } from "../helpers/corpus";
import { countedGet } from "../helpers/d1-count";
import { eventually } from "../helpers/wait";
import { postJson } from "../helpers/webhook";
import r1 from "../fixtures/reports/2026_内蒙古自治区_政府工作报告.txt?raw";
import r2 from "../fixtures/reports/2026_山东省_政府工作报告.txt?raw";
import r3 from "../fixtures/reports/2026_广西壮族自治区_政府工作报告.txt?raw";
import r7 from "../fixtures/reports/河北省_2020_report.txt?raw";
import p2019 from "../fixtures/promises/河北省_2019.txt?raw";

const TEXTS = [...CORPUS.map((a) => a.text), r1, r2, r3, p2019, r7];
const shards = shardsOf(env);

beforeAll(async () => {
  for (const [i, text] of TEXTS.entries()) expect((await postJson({ text }, { id: `count-${i}` })).status).toBe(201);
  await eventually(async () => {
    const counts = await Promise.all(shards.all.map((d1) => d1.prepare("SELECT count(*) AS n FROM articles WHERE status = 'extracted'").first<{ n: number }>()));
    const done = counts.reduce((n, r) => n + r!.n, 0);
    if (done < TEXTS.length) throw new Error(`${done} of ${TEXTS.length} extracted`);
  });
});

async function first(path: string): Promise<any> {
  const r = await countedGet(env, path);
  return JSON.parse(r.body);
}

const table: string[] = [];

describe(`queries per shard per request over ${shards.all.length} shard(s)`, () => {
  it("measures every endpoint", async () => {
    const figures = await first("/v1/figures?limit=5");
    const article = (await first("/v1/articles?limit=1")).items[0].id;
    const promises = await first("/v1/promises?limit=1");
    const paths = [
      "/v1/figures",
      "/v1/figures?limit=5&cursor=" + figures.next_cursor,
      "/v1/figures?place=河北省",
      "/v1/figures?q=增长",
      "/v1/figures?metric=生产总值",
      "/v1/goals",
      "/v1/goals?place=河北省",
      "/v1/articles",
      "/v1/articles?place=河北省",
      "/v1/articles?q=增长",
      "/v1/promises",
      "/v1/promises?place=河北省",
      `/v1/articles/${article}`,
      `/v1/promises/${promises.items[0]?.id ?? 1}`,
      "/v1/places",
      "/v1/metrics",
      "/v1/metrics?place=河北省",
      "/feed.json",
      "/feed.json?place=河北省",
      "/digest.json",
      "/digest.json?place=河北省",
      "/opml.xml",
      "/v1/figures.csv?limit=5",
    ];
    for (const path of paths) {
      const r = await countedGet(env, encodeURI(path).replace(/%25/g, "%"));
      expect(r.status, path).toBe(200);
      table.push(`${path.padEnd(40)} ${r.queries.join(" ")}`);
    }
    console.log(`queries per shard (${shards.map.bindings.join(" ")}):\n${table.join("\n")}`);
  });
});

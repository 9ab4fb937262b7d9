/**
 * Queries per shard per request (issue 16: at most one query, a D1 batch counting as one, per
 * shard per request, within the free plan's 50 per invocation), counted on the real bindings
 * (test/helpers/d1-count.ts) while the Worker answers real requests, with no statement binding
 * more parameters than D1 takes (100; the local D1 takes more). And a `place` reads its
 * province's shard and only the other shards that hold its rows (the shard directory,
 * src/db/directory.ts): its province's shard alone when no other does.
 * Runs in both projects: `one` counts the one database, `sharded` each of the four.
 */
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { keywordTerms, MAX_TERMS } from "../../src/db/queries";
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
import sichuan from "../fixtures/shards/2026_四川省_政府工作报告.txt?raw";

const TEXTS = [...CORPUS.map((a) => a.text), r1, r2, r3, p2019, r7, sichuan];
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
  return JSON.parse((await countedGet(env, path)).body);
}

/**
 * The bound per endpoint: one query or batch per shard, a list filtered by place, keyword or
 * metric included (its probes and the choice of plan are inside its statements,
 * src/db/queries/plan.ts), a keyword query of the most terms the API takes and every filter at
 * once after a cursor included: each distinct value is bound once per statement
 * (src/db/params.ts), where binding it at each use in every arm and phase passed D1's 100
 * parameters. A CSV export streams its pages, one batch each.
 */
const ONE = 1;
/** Most parameters D1 binds in one statement. */
const D1_MAX_PARAMS = 100;
/** Keyword queries of MAX_TERMS terms, in both scripts and mixed: two or three forms a term, short and long. */
const MANY = ["增长 發展 经济 建設 项目", "高質量发展 基础设施建設 經濟社會 重点项目 增長"];

describe(`queries per shard per request over ${shards.all.length} shard(s)`, () => {
  it("every endpoint reads each shard at most once (a batch is one)", async () => {
    const figures = await first("/v1/figures?limit=5");
    const hebei = await first(`/v1/goals?limit=3&place=${encodeURIComponent("河北省")}`);
    const article = (await first("/v1/articles?limit=1")).items[0].id;
    const promise = (await first("/v1/promises?limit=1")).items[0].id;
    for (const q of MANY) expect(keywordTerms(q), q).toHaveLength(MAX_TERMS);
    // The many-term queries find rows (every term's check ran), and page on: after a cursor a
    // list reads two phases, each with its arms' keyword checks.
    const many = await first(`/v1/figures?limit=2&q=${encodeURIComponent(MANY[1]!)}`);
    expect(many.items.length, MANY[1]).toBeGreaterThan(0);
    expect(many.next_cursor, MANY[1]).toBeTruthy();
    // Every set filter at once, after a cursor: each arm of each phase checks the others.
    const all = `/v1/figures?limit=1&place=河北省&metric=生产总值&kind=reported&q=${encodeURIComponent(MANY[0]!)}`;
    const allNext = (await first(all)).next_cursor;
    expect(allNext, all).toBeTruthy();
    const cases: [string, number][] = [
      ["/v1/figures", ONE],
      [`/v1/figures?limit=5&cursor=${figures.next_cursor}`, ONE],
      ["/v1/figures?kind=target&from=2020-01-01", ONE],
      ["/v1/figures?place=河北省", ONE],
      ["/v1/figures?q=增长", ONE],
      ["/v1/figures?metric=生产总值", ONE],
      ["/v1/figures?place=河北省&q=增长&metric=生产总值", ONE],
      ...MANY.flatMap((q): [string, number][] => [
        [`/v1/figures?q=${q}`, ONE],
        [`/v1/figures?place=河北省&metric=生产总值&kind=reported&q=${q}`, ONE],
        [`/v1/goals?q=${q}&metric=生产总值`, ONE],
        [`/v1/articles?q=${q}&place=河北省`, ONE],
        [`/v1/promises?q=${q}`, ONE],
        [`/feed.json?q=${q}&metric=生产总值`, ONE],
        [`/digest.json?q=${q}`, ONE],
      ]),
      [`/v1/figures?limit=2&q=${MANY[1]}&cursor=${many.next_cursor}`, ONE],
      [`${decodeURIComponent(all)}&cursor=${allNext}`, ONE],
      [`/v1/figures?place=朝阳区&metric=生产总值&kind=reported&unit=亿元&change=false&min=1&max=1000000000000&from=2001-01-01&to=2030-12-31&q=${MANY[1]}&cursor=${allNext}`, ONE],
      [`/v1/goals?place=朝阳区&metric=生产总值&deadline=2025&actor=河北&q=${MANY[1]}&cursor=${hebei.next_cursor}`, ONE],
      ["/v1/goals", ONE],
      ["/v1/goals?place=河北省", ONE],
      [`/v1/goals?place=河北省&limit=3&cursor=${hebei.next_cursor}`, ONE],
      ["/v1/articles", ONE],
      ["/v1/articles?place=河北省", ONE],
      ["/v1/articles?q=增长", ONE],
      ["/v1/promises", ONE],
      ["/v1/promises?place=河北省", ONE],
      [`/v1/articles/${article}`, ONE],
      [`/v1/promises/${promise}`, ONE],
      ["/v1/places", ONE],
      ["/v1/metrics", ONE],
      ["/v1/metrics?place=河北省", ONE],
      ["/feed.json", ONE],
      ["/feed.json?place=河北省", ONE],
      ["/digest.json", ONE],
      ["/digest.json?place=河北省&kind=target", ONE],
      ["/promises.json", ONE],
      ["/opml.xml", ONE],
      [`/articles/${article}`, ONE],
      ["/", ONE],
    ];
    const table: string[] = [];
    const over: string[] = [];
    for (const [path, bound] of cases) {
      const r = await countedGet(env, encodeURI(path));
      expect(r.status, path).toBe(200);
      table.push(`${path.padEnd(44)} ${r.queries.join(" ")}  (${r.params} parameters)`);
      if (Math.max(...r.queries) > bound) over.push(`${path}: ${r.queries.join(" ")} (bound ${bound})`);
      if (r.params > D1_MAX_PARAMS) over.push(`${path}: a statement binds ${r.params} parameters (D1 takes ${D1_MAX_PARAMS})`);
      // Every shard is read, except by a place (below).
      if (!path.includes("place=")) expect(Math.min(...r.queries), `${path}: every shard read`).toBeGreaterThan(0);
    }
    console.log(`queries per shard (${shards.map.bindings.join(" ")}):\n${table.join("\n")}`);
    expect(over).toEqual([]);
  });

  /**
   * The shards that hold rows of a province, found by asking each for rows under its code (the
   * place filter's key range), beside its own shard, which is always read.
   */
  async function holders(province: string): Promise<number[]> {
    const [from, to] = [province, `${province}\uffff`];
    const found = await Promise.all(
      shards.all.map(async (d1) => {
        const q = (table: string, col: string) => d1.prepare(`SELECT 1 FROM ${table} WHERE ${col} >= ? AND ${col} < ? LIMIT 1`).bind(from, to);
        const rows = await d1.batch([q("figures", "place_key"), q("goals", "place_key"), q("article_places", "place_key"), q("promises", "place")]);
        return rows.some((r) => r.results.length > 0);
      }),
    );
    const home = shards.indexOf(`${province}0000`);
    return shards.all.map((_, s) => s).filter((s) => s === home || found[s]);
  }

  it("a read with place asks its province's shard and only the shards holding its rows", async () => {
    const seen: string[] = [];
    let alone = 0;
    for (const [name, province] of [["河北省", "13"], ["450000", "45"], ["内蒙古", "15"], ["山东省", "37"], ["北京", "11"], ["浙江省", "33"]] as const) {
      const expected = await holders(province);
      if (expected.length === 1) alone++;
      for (const path of [`/v1/figures?place=${name}`, `/v1/goals?place=${name}&limit=3`, `/v1/articles?place=${name}`, `/v1/promises?place=${name}`, `/v1/metrics?place=${name}&_=uncached`, `/feed.json?place=${name}`, `/digest.json?place=${name}`]) {
        const r = await countedGet(env, encodeURI(path));
        expect(r.status, path).toBe(200);
        seen.push(`${path.padEnd(36)} ${r.queries.join(" ")}  (rows in ${expected.map((s) => shards.map.bindings[s]).join(" ")})`);
        expect(r.queries.flatMap((n, s) => (n > 0 ? [s] : [])), path).toEqual(expected);
        expect(Math.max(...r.queries), path).toBe(1);
      }
    }
    console.log(`place reads per shard (${shards.map.bindings.join(" ")}):\n${seen.join("\n")}`);
    // With four shards, provinces whose rows are all in their own shard are read there alone, and
    // 浙江省 (DB_EAST) also in DB_SOUTH, where 四川's report gives two of its figures.
    if (shards.all.length > 1) {
      expect(alone, "places read from one shard").toBeGreaterThan(0);
      expect((await holders("33")).map((s) => shards.map.bindings[s]), "浙江省's rows").toEqual(["DB_EAST", "DB_SOUTH"]);
    }
  });
});

/**
 * GET /v1/promises and /v1/promises/{id} over report pairs posted through the real webhook and
 * extracted by the real queue consumer. Expected values come from the pair's gold file.
 */
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import t2015 from "../fixtures/promises/保定市_2015.txt?raw";
import t2016 from "../fixtures/promises/保定市_2016.txt?raw";
import h2019 from "../fixtures/promises/河北省_2019.txt?raw";
import h2020 from "../fixtures/promises/河北省_2020.txt?raw";
import { get, getJson, walk } from "../api/http";
import { readCsv } from "../helpers/csv";
import { eventually, SETTLE_MS } from "../helpers/wait";
import { postJson } from "../helpers/webhook";
import { GOLD_PAIRS } from "./gold";

const BAODING = GOLD_PAIRS.find((g) => g.file === "保定市_2015_2016")!;
const HEBEI = GOLD_PAIRS.find((g) => g.file === "河北省_2019_2020")!;

beforeAll(async () => {
  await env.DB.exec("DELETE FROM articles");
  for (const [text, id, meta] of [
    [t2016, "api-bd-2016", {}],
    [t2015, "api-bd-2015", {}],
    [h2019, "api-hb-2019", { place: "河北省" }],
    [h2020, "api-hb-2020", { place: "河北省" }],
  ] as const) {
    expect((await postJson({ text, ...meta }, { id })).status).toBe(201);
  }
  await eventually(async () => {
      const r = await env.DB.prepare("SELECT count(*) AS n FROM articles WHERE status = 'extracted'").first<{ n: number }>();
      expect(r!.n).toBe(4);
    });
}, 2 * SETTLE_MS);

describe("GET /v1/promises", () => {
  it("answers a place and period with the gold's targets, outcomes and verdicts", async () => {
    const { items } = await getJson("/v1/promises?place=保定市&period=2015");
    expect(items).toHaveLength(BAODING.promises.length);
    const byValue = new Map(items.map((p: any) => [p.target.value, p]));
    for (const g of BAODING.promises) {
      const p: any = byValue.get(g.target_value);
      expect(p, g.id).toMatchObject({ place: "保定市", period: "2015", direction: g.direction, verdict: g.verdict_strict });
      expect(p.outcome.value).toBe(g.outcome_value);
      expect(p.target.sentence).toContain(g.target_text.replace(/左右$/, ""));
      expect(Object.keys(p).sort()).toEqual(["derived", "derived_verdict", "direction", "evidence", "id", "metric", "metric_key", "outcome", "period", "place", "place_code", "target", "verdict"]);
      expect(Object.keys(p.target).sort()).toEqual(["approx", "article_id", "change", "figure_id", "metric", "published", "sentence", "seq", "text", "unit", "value", "value_max"]);
    }
  });

  it("finds the gold's stated promises of a province, matched on target value and position", async () => {
    const { items } = await walk("/v1/promises?place=河北&period=2019&limit=5");
    const stated = HEBEI.promises.filter((g) => g.verdict_basis === "stated");
    let right = 0;
    const starts = new Map<number, number>();
    for (const i of items) starts.set(i.id, (await env.DB.prepare("SELECT start FROM figures WHERE id = ?").bind(i.target.figure_id).first<{ start: number }>())!.start);
    for (const g of stated) {
      // Found as the scorer finds it: the target value at a figure inside the gold target clause.
      const p = items.find((i: any) => i.target.value === g.target_value && starts.get(i.id)! >= g.target_index && starts.get(i.id)! < g.target_index + g.target_clause.length);
      if (p && p.outcome?.value === g.outcome_value && p.verdict === g.verdict_strict) right++;
    }
    // The linker's dev score on this pair (npm run promises:score): all but the renamed 外贸进出口.
    expect(right).toBeGreaterThanOrEqual(stated.length - 1);
  });

  it("filters by metric (written or key), verdict and keyword, and pages without repeats", async () => {
    const gdp = await getJson("/v1/promises?metric=生产总值&period=2015");
    expect(gdp.items.map((p: any) => p.metric)).toEqual(["生产总值"]);
    const missed = await getJson("/v1/promises?verdict=missed");
    expect(missed.items.length).toBeGreaterThan(0);
    expect(missed.items.every((p: any) => p.verdict === "missed")).toBe(true);
    const all = await walk("/v1/promises?limit=3");
    expect(all.pages).toBeGreaterThan(1);
    expect(new Set(all.items.map((p: any) => p.id)).size).toBe(all.items.length);
    const total = await env.DB.prepare("SELECT count(*) AS n FROM promises").first<{ n: number }>();
    expect(all.items).toHaveLength(total!.n);
    const none = await getJson("/v1/promises?q=不存在的关键词组合");
    expect(none.items).toEqual([]);
  });

  it("answers one promise by id, 404 for an unknown one, 400 for bad parameters", async () => {
    const { items } = await getJson("/v1/promises?place=保定市&period=2015&limit=1");
    const one = await getJson(`/v1/promises/${items[0].id}`);
    expect(one).toEqual(items[0]);
    const missing = await get("/v1/promises/999999");
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ code: "not_found" });
    for (const [query, parameter] of [["period=去年", "period"], ["verdict=maybe", "verdict"], ["cursor=zzz!", "cursor"], ["limit=0", "limit"]] as const) {
      const res = await get(`/v1/promises?${query}`);
      expect(res.status, query).toBe(400);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
      expect(await res.json()).toMatchObject({ code: "invalid_parameter", parameter });
    }
  });

  it("answers CSV (Accept: text/csv or .csv) with a byte-order mark, one flattened row per promise", async () => {
    const json = await walk("/v1/promises?place=保定市&limit=2");
    for (const res of [await get("/v1/promises.csv?place=保定市"), await get("/v1/promises?place=保定市&limit=2", { headers: { accept: "text/csv" } })]) {
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toMatch(/^text\/csv; charset=utf-8/);
      const { header, rows } = await readCsv(res);
      expect(header!.slice(0, 8)).toEqual(["id", "place", "place_code", "metric", "metric_key", "period", "direction", "verdict"]);
      // Every page, not just the first: the cursor walk of the JSON list gives the same promises.
      expect(rows.map((r) => Number(r[0]))).toEqual(json.items.map((p: any) => p.id));
      const col = (name: string) => header!.indexOf(name);
      for (const r of rows) {
        const p = json.items.find((i: any) => i.id === Number(r[0]));
        expect(r[col("target_sentence")]).toBe(p.target.sentence);
        expect(Number(r[col("target_value")])).toBe(p.target.value);
        expect(r[col("outcome_value")]).toBe(p.outcome ? String(p.outcome.value) : "");
      }
    }
    const bad = await get("/v1/promises.csv?verdict=maybe");
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ code: "invalid_parameter", parameter: "verdict" });
  });

  it("is in the OpenAPI document", async () => {
    const doc = await getJson("/openapi.json");
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/v1/promises", "/v1/promises/{id}"]));
    expect(doc.components.schemas.Promise.properties.verdict.enum).toEqual(["met", "missed", "pending", "no_report"]);
  });
});

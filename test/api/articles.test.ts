import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { type Seeded, seedCorpus } from "../helpers/seed";
import { get, getJson, walk } from "./http";

let seeded: Seeded[];
const article = (prefix: string) => seeded.find((a) => a.name.startsWith(prefix))!;

/** The place keys the pipeline stored for an article (sorted). */
async function storedPlaceKeys(id: number): Promise<string[]> {
  const { results } = await env.DB.prepare("SELECT place_key FROM article_places WHERE article_id = ? ORDER BY place_key").bind(id).all<{ place_key: string }>();
  return results.map((r) => r.place_key).sort();
}

beforeAll(async () => {
  seeded = await seedCorpus();
});

describe("GET /v1/articles", () => {
  it("lists articles with status, places and counts; filters by place, q, status, dates", async () => {
    const all = await getJson("/v1/articles");
    expect(all.items.length).toBe(seeded.length);
    const a003 = all.items.find((a: any) => a.id === article("003").id);
    const counts = await env.DB.prepare("SELECT (SELECT count(*) FROM figures WHERE article_id = ?1) AS f, (SELECT count(*) FROM goals WHERE article_id = ?1) AS g").bind(a003.id).first<{ f: number; g: number }>();
    expect(a003).toMatchObject({ status: "extracted", published: "2021-10-01", figure_count: counts!.f, goal_count: counts!.g });
    // Places: exactly what the pipeline stored for 003 (the extractor's places), which name 高邮市 and 邗江区 (by code).
    const stored003 = await storedPlaceKeys(a003.id);
    expect(stored003).toEqual(expect.arrayContaining(["321084", "321003"]));
    expect(a003.places.map((p: any) => p.key).sort()).toEqual(stored003);
    expect(a003.received_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);

    const q = await getJson(`/v1/articles?q=${encodeURIComponent("专精特新")}`);
    expect(q.items.map((a: any) => a.id)).toContain(article("001").id);
    // 004's 經開區 names no division: it is found by its name. 002's 经开区 is 徐州经济技术开发区 (320371),
    // found by that name, its code, and its city (徐州市 320300).
    const p = await getJson(`/v1/articles?place=${encodeURIComponent("經開區")}`);
    expect(p.items.map((a: any) => a.id)).toEqual([article("004").id]);
    expect(p.items.every((a: any) => a.places.some((pl: any) => pl.key === "/经开区"))).toBe(true);
    for (const place of ["徐州经济技术开发区", "320371", "徐州市", "江苏省"]) {
      const z = await getJson(`/v1/articles?place=${encodeURIComponent(place)}`);
      expect(z.items.map((a: any) => a.id), place).toContain(article("002").id);
    }
    const d = await getJson(`/v1/articles?from=2021-01-01`);
    expect(d.items.map((a: any) => a.id)).toContain(article("003").id);
    expect(d.items.every((a: any) => a.published >= "2021-01-01")).toBe(true);
    const s = await getJson(`/v1/articles?status=failed`);
    expect(s.items).toEqual([]);
  });

  it("walks every article once with limit=2", async () => {
    const { items } = await walk("/v1/articles?limit=2");
    expect(items.map((a: any) => a.id).sort()).toEqual(seeded.map((a) => a.id).sort());
  });

  it("shows a received (not yet extracted) or failed article with its error", async () => {
    const row = await env.DB.prepare(
      "INSERT INTO articles (webhook_id, content_hash, raw_hash, text, encoding, format, url, status, error, received_at) VALUES ('w-x','c-x','r-x','正文','gbk','html','https://example.gov.cn/a','failed','extractor crashed', 1763604000000) RETURNING id",
    ).first<{ id: number }>();
    const body = await getJson(`/v1/articles/${row!.id}`);
    expect(body).toMatchObject({ id: row!.id, status: "failed", error: "extractor crashed", text: "正文", encoding: "gbk", format: "html", url: "https://example.gov.cn/a", title: null, figures: [], goals: [] });
    const failed = await getJson(`/v1/articles?status=failed`);
    expect(failed.items.map((a: any) => a.id)).toEqual([row!.id]);
  });
});

describe("GET /v1/articles/{id}", () => {
  it("returns the full summary: facts, text, places, figures, goals with their figures", async () => {
    const a = article("003");
    const body = await getJson(`/v1/articles/${a.id}`);
    expect(body).toMatchObject({ id: a.id, status: "extracted", error: null, published: "2021-10-01", encoding: "utf-8", text: a.text });
    const rows = await env.DB.prepare("SELECT text FROM figures WHERE article_id = ? ORDER BY seq").bind(a.id).all<{ text: string }>();
    expect(body.figures.map((f: any) => f.text)).toEqual(rows.results.map((r) => r.text));
    expect(body.figures.map((f: any) => f.text)).toEqual(expect.arrayContaining(["18个", "90%"]));
    const goal2025 = body.goals.find((g: any) => g.text.includes("垃圾分类集中处理率达90%"));
    expect(goal2025).toMatchObject({ deadline: "到2025年", actor: "高邮" });
    expect(goal2025.figures.map((f: any) => f.text)).toEqual(["90%"]);
    for (const g of body.goals) for (const f of g.figures) expect(body.figures.map((x: any) => x.id)).toContain(f.id);
    const stored = await storedPlaceKeys(a.id);
    expect(stored).toContain("321084");
    expect(body.places.map((p: any) => p.key).sort()).toEqual(stored);
  });

  it("404 problem for a missing article, 400 for a bad id", async () => {
    const missing = await get("/v1/articles/999999");
    expect(missing.status).toBe(404);
    expect(missing.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    expect(await missing.json()).toMatchObject({ code: "not_found", status: 404 });
    const bad = await get("/v1/articles/abc");
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ code: "invalid_parameter", parameter: "id" });
  });
});

describe("facets", () => {
  it("GET /v1/places counts articles per place key (杜集区 and 杜集 together, by code)", async () => {
    const body = await getJson("/v1/places");
    const n = await env.DB.prepare("SELECT count(*) AS n FROM article_places WHERE place_key = '340602'").first<{ n: number }>();
    expect(n!.n).toBeGreaterThanOrEqual(2);
    expect(body.items.find((p: any) => p.key === "340602")).toMatchObject({ name: "杜集区", articles: n!.n });
    expect(body.items.map((p: any) => p.articles)).toEqual([...body.items.map((p: any) => p.articles)].sort((x, y) => y - x));
  });

  it("GET /v1/metrics lists the most common metrics first, filterable by place and kind", async () => {
    const body = await getJson("/v1/metrics?limit=3");
    const top = await env.DB.prepare("SELECT coalesce(metric_key, metric) AS metric, count(*) AS n FROM figures WHERE metric IS NOT NULL GROUP BY 1 ORDER BY n DESC, metric LIMIT 1").first<{ metric: string; n: number }>();
    expect(body.items[0]).toEqual({ metric: top!.metric, figures: top!.n });
    expect(body.items.length).toBe(3);
    const dj = await getJson(`/v1/metrics?place=${encodeURIComponent("杜集区")}&kind=reported&limit=200`);
    expect(dj.items.find((m: any) => m.metric === "财政收入")?.figures).toBeGreaterThanOrEqual(2);
  });
});

import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { type Seeded, seedCorpus } from "../helpers/seed";
import { get, getJson, walk } from "./http";

let seeded: Seeded[];
const article = (prefix: string) => seeded.find((a) => a.name.startsWith(prefix))!;

beforeAll(async () => {
  seeded = await seedCorpus();
});

describe("GET /v1/articles", () => {
  it("lists articles with status, places and counts; filters by place, q, status, dates", async () => {
    const all = await getJson("/v1/articles");
    expect(all.items.length).toBe(seeded.length);
    const a003 = all.items.find((a: any) => a.id === article("003").id);
    expect(a003).toMatchObject({ status: "extracted", published: "2021-10-01", figure_count: 22, goal_count: 17 });
    expect(a003.places.map((p: any) => p.key)).toEqual(expect.arrayContaining(["扬州", "高邮", "邗江"]));
    expect(a003.received_at).toMatch(/^2026-11-20T02:03:00/);

    const q = await getJson(`/v1/articles?q=${encodeURIComponent("专精特新")}`);
    expect(q.items.map((a: any) => a.id)).toContain(article("001").id);
    const p = await getJson(`/v1/articles?place=${encodeURIComponent("經開區")}`);
    expect(p.items.map((a: any) => a.id).sort()).toEqual([article("002").id, article("004").id].sort());
    const d = await getJson(`/v1/articles?from=2021-01-01`);
    expect(d.items.map((a: any) => a.id)).toEqual([article("003").id]);
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
    expect(body).toMatchObject({ id: a.id, status: "extracted", error: null, title: a.gold.title, published: "2021-10-01", encoding: "utf-8", text: a.text });
    expect(body.figures.map((f: any) => f.text)).toEqual(a.gold.figures.map((f) => f.text));
    expect(body.goals.map((g: any) => g.text)).toEqual(a.gold.goals.map((g) => g.text));
    expect(body.goals.map((g: any) => g.figures.map((f: any) => f.text))).toEqual(a.gold.goals.map((g) => g.figures));
    expect(body.places.map((p: any) => p.written)).toEqual(a.gold.places);
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
  it("GET /v1/places counts articles per place key", async () => {
    const body = await getJson("/v1/places");
    const jk = body.items.find((p: any) => p.key === "经开");
    expect(jk).toMatchObject({ name: "经开区", articles: 2 });
    expect(body.items.find((p: any) => p.key === "杜集")).toMatchObject({ articles: 2 });
  });

  it("GET /v1/metrics lists the most common metrics first, filterable by place and kind", async () => {
    const body = await getJson("/v1/metrics?limit=3");
    expect(body.items[0]).toEqual({ metric: "重大产业项目", figures: 4 });
    expect(body.items.length).toBe(3);
    const dj = await getJson(`/v1/metrics?place=${encodeURIComponent("杜集区")}&kind=reported&limit=200`);
    expect(dj.items.find((m: any) => m.metric === "财政收入")).toEqual({ metric: "财政收入", figures: 2 });
  });
});

import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { type Seeded, seedCorpus } from "../helpers/seed";
import { get, getJson, walk } from "./http";

let seeded: Seeded[];
const article = (prefix: string) => seeded.find((a) => a.name.startsWith(prefix))!;

beforeAll(async () => {
  seeded = await seedCorpus();
});

describe("GET /v1/figures", () => {
  it("metric=财政收入 returns 12亿元 (reported) and 57.3% (change), with article facts and sentence", async () => {
    const body = await getJson(`/v1/figures?metric=${encodeURIComponent("财政收入")}`);
    const a001 = article("001");
    const facts = await getJson(`/v1/articles/${a001.id}`);
    const byText = Object.fromEntries(body.items.map((f: any) => [f.text, f]));
    expect(Object.keys(byText)).toEqual(expect.arrayContaining(["12亿元", "57.3%"]));
    expect(body.items.every((f: any) => f.metric.includes("财政收入"))).toBe(true);
    expect(byText["12亿元"]).toMatchObject({
      article_id: a001.id,
      title: facts.title,
      published: facts.published,
      place: "340602",
      place_name: "杜集区",
      value: 1200000000,
      unit: "元",
      kind: "reported",
      change: false,
      metric: "财政收入",
    });
    // The gold seed carries no sentences; the real pipeline fills them.
    expect(byText["12亿元"]).toHaveProperty("sentence");
    if (byText["12亿元"].sentence !== null) expect(byText["12亿元"].sentence).toContain("12亿元");
    expect(byText["57.3%"]).toMatchObject({ value: 57.3, unit: "%", change: true, kind: "reported" });
    expect(body.next).toBeNull();
  });

  it("traditional input for metric works (財政收入)", async () => {
    const simplified = await getJson(`/v1/figures?metric=${encodeURIComponent("财政收入")}`);
    const body = await getJson(`/v1/figures?metric=${encodeURIComponent("財政收入")}`);
    expect(body.items).toEqual(simplified.items);
    expect(body.items.map((f: any) => f.text)).toEqual(expect.arrayContaining(["12亿元", "57.3%"]));
  });

  it("a short metric substring works (收入)", async () => {
    const body = await getJson(`/v1/figures?metric=${encodeURIComponent("收入")}&change=true`);
    expect(body.items.map((f: any) => f.metric)).toEqual(expect.arrayContaining(["财政收入", "城镇居民人均可支配收入"]));
    expect(body.items.every((f: any) => f.change === true)).toBe(true);
  });

  it("kind=target&place=高邮 returns the targets of the article naming 高邮, including the 到2025年 ones", async () => {
    const body = await getJson(`/v1/figures?kind=target&place=${encodeURIComponent("高邮")}&limit=200`);
    const texts = body.items.map((f: any) => f.text);
    expect(texts).toEqual(expect.arrayContaining(["18个", "90%"]));
    expect(body.items.every((f: any) => f.kind === "target" && f.article_id === article("003").id)).toBe(true);
    expect(body.items.find((f: any) => f.text === "90%")).toMatchObject({ value: 90, unit: "%", kind: "target" });
  });

  it("place accepts any written form (杜集区, 杜集) and unit/min/max/from/to filter", async () => {
    const a = await getJson(`/v1/figures?place=${encodeURIComponent("杜集区")}&unit=${encodeURIComponent("元")}&min=1000000000`);
    const b = await getJson(`/v1/figures?place=${encodeURIComponent("杜集")}&unit=${encodeURIComponent("元")}&min=1000000000`);
    expect(a.items.map((f: any) => f.text)).toEqual(expect.arrayContaining(["12亿元", "15.2亿元"]));
    expect(a.items.every((f: any) => f.unit === "元" && f.value >= 1e9)).toBe(true);
    expect(b.items).toEqual(a.items);
    const c = await getJson(`/v1/figures?from=2021-01-01&to=2021-12-31&max=2`);
    expect(c.items.length).toBeGreaterThan(0);
    expect(c.items.every((f: any) => f.published >= "2021-01-01" && f.published <= "2021-12-31" && f.value <= 2)).toBe(true);
  });

  it("q=专精特新 finds figures of article 001; a 2-character keyword (财政) works", async () => {
    const a = await getJson(`/v1/figures?q=${encodeURIComponent("专精特新")}&limit=200`);
    expect(a.items.some((f: any) => f.article_id === article("001").id)).toBe(true);
    const b = await getJson(`/v1/figures?q=${encodeURIComponent("财政")}&limit=200`);
    expect(new Set(b.items.map((f: any) => f.article_id))).toEqual(new Set([article("001").id])); // only 001's text says 财政
  });

  it("keyword input with FTS syntax is quoted, not interpreted", async () => {
    for (const q of ['"', "dev-q", "a OR b", "NEAR(x y)", "%_", "*"]) {
      const res = await get(`/v1/figures?q=${encodeURIComponent(q)}`);
      expect(res.status, q).toBe(200);
    }
  });

  it("pagination walks every figure exactly once (across dated and undated articles)", async () => {
    const total = (await env.DB.prepare("SELECT count(*) AS n FROM figures").first<{ n: number }>())!.n;
    expect(total).toBeGreaterThan(20);
    const { items, pages } = await walk("/v1/figures?limit=7");
    const ids = items.map((f: any) => f.id);
    expect(ids.length).toBe(total);
    expect(new Set(ids).size).toBe(total);
    expect(pages).toBe(Math.ceil(total / 7));
    // newest first, undated last
    const published = items.map((f: any) => f.published);
    const firstNull = published.indexOf(null);
    expect(published.slice(firstNull).every((p: any) => p === null)).toBe(true);
    expect([...published.slice(0, firstNull)].sort().reverse()).toEqual(published.slice(0, firstNull));
  });

  it("a date-filtered walk covers the dated rows exactly once", async () => {
    const n = (await env.DB.prepare("SELECT count(*) AS n FROM figures WHERE published >= '2020-01-01'").first<{ n: number }>())!.n;
    const { items } = await walk("/v1/figures?from=2020-01-01&limit=9");
    expect(items.length).toBe(n);
    expect(new Set(items.map((f: any) => f.id)).size).toBe(n);
  });

  it("pages carry next_cursor, next and a Link header", async () => {
    const res = await get("/v1/figures?limit=2&kind=reported");
    const body: any = await res.json();
    expect(body.next_cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(body.next).toContain(`cursor=${body.next_cursor}`);
    expect(body.next).toContain("kind=reported");
    expect(res.headers.get("link")).toBe(`<${body.next}>; rel="next"`);
  });
});

/**
 * Metric keys through the whole pipeline: articles that write the same indicator three ways
 * (全省生产总值, GDP, 地区生产总值) are posted to the real webhook, extracted by the real consumer,
 * and the API, the metrics facet and the feeds find them under one key.
 */
import { env, exports } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { eventually } from "../helpers/wait";
import { postJson } from "../helpers/webhook";

const ARTICLES = [
  "全省经济运行情况\n2024年，全省生产总值增长5.2%，社会消费品零售总额增长4%。",
  "光明区上半年经济成绩单\n上半年，光明区GDP为614.71亿元，规上工业增加值增长7.5%。",
  "高阳县政府工作报告\n今年主要目标是：地区生产总值增长6%，社消零增长5%，城镇调查失业率控制在5.5%左右。",
];
const enc = encodeURIComponent;
const get = (path: string) => exports.default.fetch(`http://jiyao.test${path}`);

interface FigureOut { text: string; metric: string | null }

beforeAll(async () => {
  for (const [i, text] of ARTICLES.entries()) {
    const res = await postJson({ text }, { id: `metric-key-${i}` });
    expect(res.status).toBe(201);
  }
  await eventually(async () => {
    const r = await env.DB.prepare("SELECT count(*) AS n FROM articles WHERE status = 'extracted'").first<{ n: number }>();
    if ((r?.n ?? 0) < ARTICLES.length) throw new Error("extraction still running");
  });
});

describe("metric keys", () => {
  it("are stored on the figures", async () => {
    const { results } = await env.DB.prepare("SELECT metric FROM figures WHERE metric_key = '地区生产总值'").all<{ metric: string }>();
    expect(results.map((r) => r.metric).sort()).toEqual(["光明区GDP", "地区生产总值", "生产总值"].sort());
  });

  it("a metric filter that names an indicator finds every alias of it", async () => {
    for (const term of ["GDP", "地区生产总值", "全省生产总值"]) {
      const res = await get(`/v1/figures?metric=${enc(term)}`);
      expect(res.status).toBe(200);
      const items = ((await res.json()) as { items: FigureOut[] }).items;
      expect(items.map((f) => f.text).sort(), term).toEqual(["5.2%", "614.71亿元", "6%"].sort());
    }
    // A term that names no indicator still matches the metric as written.
    const res = await get(`/v1/figures?metric=${enc("零售")}`);
    expect(((await res.json()) as { items: FigureOut[] }).items.map((f) => f.text)).toEqual(["4%"]);
  });

  it("the metrics facet groups aliases under their key", async () => {
    const res = await get("/v1/metrics?limit=50");
    const items = ((await res.json()) as { items: { metric: string; figures: number }[] }).items;
    expect(items).toContainEqual({ metric: "地区生产总值", figures: 3 });
    expect(items).toContainEqual({ metric: "社会消费品零售总额", figures: 2 });
    expect(items.map((i) => i.metric)).not.toContain("GDP");
  });

  it("feeds filter by the key too", async () => {
    const res = await get(`/feed.json?metric=${enc("GDP")}`);
    expect(res.status).toBe(200);
    const feed = (await res.json()) as { items: unknown[] };
    expect(feed.items.length).toBe(3);
  });
});

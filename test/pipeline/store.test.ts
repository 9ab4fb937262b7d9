import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { storeGoldCorpus } from "../helpers/seed";

describe("storeSummary", () => {
  it("writes facts, figures, goals, links, places and the search row in one batch", async () => {
    const seeded = await storeGoldCorpus();
    const total = seeded.reduce((n, a) => n + a.gold.figures.length, 0);
    const figs = await env.DB.prepare("SELECT count(*) AS n FROM figures").first<{ n: number }>();
    expect(figs!.n).toBe(total);
    const a001 = seeded.find((a) => a.name.startsWith("001"))!;
    const row = await env.DB.prepare("SELECT status, title, source, published FROM articles WHERE id = ?").bind(a001.id).first();
    expect(row).toEqual({ status: "extracted", title: "强化使命担当 奋力决战决胜", source: "淮北日报", published: "2020-01-10" });
    const fin = await env.DB.prepare("SELECT value, unit, kind, place_key FROM figures WHERE article_id = ? AND text = '12亿元'").bind(a001.id).first();
    expect(fin).toEqual({ value: 1200000000, unit: "元", kind: "reported", place_key: "340602" });
    const goals = await env.DB.prepare("SELECT count(*) AS n FROM goals").first<{ n: number }>();
    expect(goals!.n).toBe(seeded.reduce((n, a) => n + a.gold.goals.length, 0));
    const links = await env.DB.prepare("SELECT count(*) AS n FROM goal_figures").first<{ n: number }>();
    expect(links!.n).toBeGreaterThan(0);
    const hit = await env.DB.prepare("SELECT rowid FROM article_text_fts WHERE article_text_fts MATCH ?").bind('"专精" AND "精特"').all();
    expect(hit.results.map((r) => r.rowid)).toContain(a001.id);
    const metric = await env.DB.prepare("SELECT rowid FROM article_metric_fts WHERE article_metric_fts MATCH ?").bind('"财政" AND "政收"').all();
    expect(metric.results.map((r) => r.rowid)).toContain(a001.id);
  });
});

/** The query layer called directly (as the feeds and pages do). */
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { getArticleSummary, listArticles, listFigures, listGoals, listMetrics, listPlaces } from "../../src/db/queries";
import { type Seeded, seedCorpus } from "../helpers/seed";

let seeded: Seeded[];
const byName = (p: string) => seeded.find((a) => a.name.startsWith(p))!;

beforeAll(async () => {
  seeded = await seedCorpus();
});

describe("query layer", () => {
  it("lists figures by metric", async () => {
    const page = await listFigures(env.DB, { metric: "财政收入" });
    expect(page.items.map((f) => f.text)).toEqual(expect.arrayContaining(["12亿元", "57.3%"]));
    expect(page.items.every((f) => f.metric?.includes("财政收入"))).toBe(true);
    expect(page.next).toBeNull();
  });

  it("finds goals for a place named in a round-up, not its neighbours'", async () => {
    const page = await listGoals(env.DB, { place: "高邮市" });
    expect(page.items.filter((g) => g.deadline === "到2025年").length).toBe(2);
    expect(page.items.every((g) => g.actor === null || g.actor.includes("高邮") || g.place === "高邮")).toBe(true);
    expect(page.items.find((g) => g.deadline === "到2025年")?.figures[0]).toBeTruthy();
  });

  it("gets an article summary; lists articles by keyword (FTS and short LIKE)", async () => {
    const s = await getArticleSummary(env.DB, byName("003").id);
    const n = await env.DB.prepare("SELECT count(*) AS n FROM figures WHERE article_id = ?").bind(byName("003").id).first<{ n: number }>();
    expect(s?.figures.length).toBe(n!.n);
    expect(s?.figure_count).toBe(n!.n);
    expect(s?.goals.some((g) => g.figures.length > 0)).toBe(true);
    expect(await getArticleSummary(env.DB, 987654)).toBeNull();
    const fts = (await listArticles(env.DB, { q: "专精特新" })).items.map((a) => a.id);
    expect(fts).toContain(byName("001").id);
    expect(fts).not.toContain(byName("003").id);
    expect((await listArticles(env.DB, { q: "财政" })).items.map((a) => a.id)).toEqual([byName("001").id]);
  });

  it("facets match the stored rows", async () => {
    const places = await listPlaces(env.DB);
    const top = await env.DB.prepare("SELECT place_key AS key, count(*) AS n FROM article_places GROUP BY place_key ORDER BY n DESC, key LIMIT 1").first<{ key: string; n: number }>();
    expect(places[0]).toMatchObject({ key: top!.key, articles: top!.n });
    const metrics = await listMetrics(env.DB, { limit: 5 });
    const topMetric = await env.DB.prepare("SELECT coalesce(metric_key, metric) AS metric, count(*) AS n FROM figures WHERE metric IS NOT NULL GROUP BY 1 ORDER BY n DESC, metric LIMIT 1").first<{ metric: string; n: number }>();
    expect(metrics[0]).toEqual({ metric: topMetric!.metric, figures: topMetric!.n });
    expect(metrics.length).toBe(5);
  });
});

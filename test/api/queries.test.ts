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
    expect(page.items.map((f) => f.text).sort()).toEqual(["12亿元", "57.3%"]);
    expect(page.next_cursor).toBeNull();
  });

  it("finds goals for a place named in a round-up", async () => {
    const page = await listGoals(env.DB, { place: "高邮市" });
    expect(page.items.length).toBe(5);
    expect(page.items.every((g) => g.actor === "高邮")).toBe(true);
    expect(page.items.find((g) => g.deadline === "到2025年")?.figures[0]).toBeTruthy();
  });

  it("gets an article summary and lists", async () => {
    const s = await getArticleSummary(env.DB, byName("003").id);
    expect(s?.figures.length).toBe(byName("003").gold.figures.length);
    expect(s?.goals[0]?.figures.length).toBeGreaterThan(0);
    expect((await listArticles(env.DB, { q: "专精特新" })).items.map((a) => a.id)).toContain(byName("001").id);
    expect((await listArticles(env.DB, { q: "专精特新" })).items.map((a) => a.id)).not.toContain(byName("003").id);
    expect((await listArticles(env.DB, { q: "财政" })).items.map((a) => a.id)).toEqual([byName("001").id]);
    expect((await listPlaces(env.DB)).length).toBeGreaterThan(5);
    expect((await listMetrics(env.DB))[0]!.metric).toBe("重大产业项目");
  });
});

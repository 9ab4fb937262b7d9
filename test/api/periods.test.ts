/** Periods of figures and goals are stored and served: GET /v1/goals and /v1/figures carry `period`. */
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { type Seeded, seedCorpus } from "../helpers/seed";
import { getJson, walk } from "./http";

let seeded: Seeded[];

beforeAll(async () => {
  seeded = await seedCorpus();
});

describe("period in the API", () => {
  it("a 到2025年 goal and its figures are about 2025", async () => {
    const body = await getJson(`/v1/goals?deadline=2025`);
    const by2025 = body.items.filter((g: any) => g.deadline === "到2025年");
    expect(by2025.length).toBe(2);
    for (const g of by2025) {
      expect(g.period).toBe("2025");
      expect(g.figures.every((f: any) => f.period === "2025")).toBe(true);
    }
  });

  it("every served figure's period is the stored one, and the stored ones are normalised", async () => {
    const id = seeded.find((a) => a.name.startsWith("003"))!.id;
    const { items } = await walk(`/v1/figures?limit=200`);
    const { results } = await env.DB.prepare("SELECT id, period FROM figures").all<{ id: number; period: string | null }>();
    const stored = new Map(results.map((r) => [r.id, r.period]));
    expect(items.length).toBe(results.length);
    for (const f of items) expect(f.period).toBe(stored.get(f.id));
    expect(results.some((r) => r.period !== null)).toBe(true);
    for (const r of results) if (r.period !== null) expect(r.period).toMatch(/^[0-9]{4}(?:-H[12]|-Q[1-4]|-[0-9]{2}(?:\.\.[0-9]{2})?|\.\.[0-9]{4})?$/);
    const article = await getJson(`/v1/articles/${id}`);
    expect(article.goals.find((g: any) => g.deadline === "到2025年").period).toBe("2025");
  });
});

import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { type Seeded, seedCorpus } from "../helpers/seed";
import { getJson, walk } from "./http";

let seeded: Seeded[];
const article = (prefix: string) => seeded.find((a) => a.name.startsWith(prefix))!;

/** Ids of the stored goals matching a condition (ascending). */
async function storedGoalIds(where: string, ...binds: unknown[]): Promise<number[]> {
  const { results } = await env.DB.prepare(`SELECT id FROM goals WHERE ${where} ORDER BY id`).bind(...binds).all<{ id: number }>();
  return results.map((r) => r.id);
}

beforeAll(async () => {
  seeded = await seedCorpus();
});

describe("GET /v1/goals", () => {
  it("place=高邮 returns 高邮's goals (not 邗江's) with deadlines and figures", async () => {
    const body = await getJson(`/v1/goals?place=${encodeURIComponent("高邮")}`);
    expect(body.items.length).toBeGreaterThan(0);
    expect(body.items.every((g: any) => g.actor === null || g.actor.includes("高邮") || g.place === "高邮")).toBe(true);
    expect(body.items.some((g: any) => g.actor === "邗江")).toBe(false);
    const by2025 = body.items.filter((g: any) => g.deadline === "到2025年");
    expect(by2025.map((g: any) => g.figures.map((f: any) => f.text)).sort()).toEqual([["18个"], ["90%"]]);
    const f90 = by2025.flatMap((g: any) => g.figures).find((f: any) => f.text === "90%");
    expect(f90).toMatchObject({ value: 90, unit: "%", kind: "target", metric: "垃圾分类集中处理率" });
    expect(body.items[0]).toMatchObject({ article_id: article("003").id, published: "2021-10-01", actor: "高邮" });
  });

  it("deadline=2025 and actor filters", async () => {
    const a = await getJson(`/v1/goals?deadline=2025`);
    // Exactly the stored goals whose deadline names 2025 (among them 003's two 到2025年 goals).
    const stored2025 = await storedGoalIds("deadline LIKE '%2025%'");
    expect((await storedGoalIds("deadline = '到2025年' AND article_id = ?", article("003").id)).length).toBe(2);
    expect(a.items.map((g: any) => g.id).sort((x: number, y: number) => x - y)).toEqual(stored2025);
    expect(a.items.every((g: any) => g.deadline.includes("2025"))).toBe(true);
    const b = await getJson(`/v1/goals?actor=${encodeURIComponent("金山桥街道")}`);
    expect(b.items.length).toBeGreaterThan(0);
    expect(b.items.every((g: any) => g.actor.includes("金山桥"))).toBe(true);
    const c = await getJson(`/v1/goals?actor=${encodeURIComponent("高邮市")}&deadline=${encodeURIComponent("每年")}`);
    expect(c.items.map((g: any) => g.id).sort((x: number, y: number) => x - y)).toEqual(await storedGoalIds("actor LIKE '%高邮%' AND deadline LIKE '%每年%'"));
    expect(c.items.some((g: any) => g.text.includes("每年招引实施20亿元以上重大项目5个以上"))).toBe(true);
    expect(c.items.every((g: any) => g.actor.includes("高邮") && g.deadline.includes("每年"))).toBe(true);
  });

  it("metric and q filters", async () => {
    const a = await getJson(`/v1/goals?metric=${encodeURIComponent("重大产业项目")}`);
    expect(a.items.length).toBeGreaterThan(0);
    expect(a.items.every((g: any) => g.figures.some((f: any) => f.metric?.includes("重大产业项目")))).toBe(true);
    const b = await getJson(`/v1/goals?q=${encodeURIComponent("垃圾分类")}`);
    expect(new Set(b.items.map((g: any) => g.article_id))).toEqual(new Set([article("003").id]));
  });

  it("pagination walks every goal exactly once", async () => {
    const total = (await env.DB.prepare("SELECT count(*) AS n FROM goals").first<{ n: number }>())!.n;
    expect(total).toBeGreaterThan(10);
    const { items } = await walk("/v1/goals?limit=4");
    const ids = items.map((g: any) => g.id);
    expect(ids.length).toBe(total);
    expect(new Set(ids).size).toBe(total);
  });
});

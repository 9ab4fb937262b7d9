/**
 * The main filters run on indexes — no full `SCAN` of figures, goals or articles — in both read
 * plans: walking the (published, id) index with per-row checks (large sets), and driving from a
 * small set of article ids (see src/db/queries/plan.ts).
 */
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { articlesQuery, figuresQuery, goalsQuery, phases, type Plan, planFor } from "../../src/db/queries";
import { articles, figures, goals } from "../../src/db/schema";
import { placeFilter } from "../../src/places";
import { seedCorpus } from "../helpers/seed";

async function plan(q: { toSQL(): { sql: string; params: unknown[] } }): Promise<string[]> {
  const { sql, params } = q.toSQL();
  const res = await env.DB.prepare(`EXPLAIN QUERY PLAN ${sql}`).bind(...params).all<{ detail: string }>();
  return res.results.map((r) => r.detail);
}

/** Full table scans: `SCAN figures` (or an alias) without an index. */
function fullScans(details: string[]): string[] {
  return details.filter(
    (d) => /^SCAN (figures|goals|articles|article_places|goal_figures|mf|gf|ap)\b/.test(d) && !/USING (COVERING )?INDEX|INTEGER PRIMARY KEY/.test(d),
  );
}

type F = { place?: string; q?: string; metric?: string; kind?: "target" | "reported"; from?: string; to?: string; deadline?: string };
const FIGURE_FILTERS: F[] = [
  {},
  { place: "高邮" },
  { kind: "target" },
  { from: "2020-01-01", to: "2020-12-31" },
  { metric: "财政收入" },
  { metric: "收入" },
  { q: "专精特新" },
  { q: "财政" },
  { kind: "target", place: "高邮" },
  { kind: "target", metric: "重大产业项目" },
  { place: "杜集", q: "专精特新", from: "2019-01-01" },
];

/** Both plans for a filter: walk (no driver) and, when a set filter is present, the probed driver. */
async function plans(f: F): Promise<[string, Plan][]> {
  const driven = await planFor(env.DB, { place: f.place === undefined ? undefined : placeFilter(f.place), q: f.q, metric: f.metric });
  return [["walk", {}], ...(driven.driver ? [[`driver:${driven.driver.set}`, driven] as [string, Plan]] : [])];
}

beforeAll(async () => {
  await seedCorpus();
});

describe("EXPLAIN QUERY PLAN", () => {
  it("figures: place, kind, published range, metric, keyword", async () => {
    const phase = phases(figures.published, figures.id)[0]!;
    for (const f of FIGURE_FILTERS) {
      for (const [name, p] of await plans(f)) {
        const details = await plan(figuresQuery(env.DB, f, phase, 51, p));
        expect(fullScans(details), `${name} ${JSON.stringify(f)}\n${details.join("\n")}`).toEqual([]);
        if (name === "walk" && !f.kind) expect(details.join("\n"), JSON.stringify(f)).toMatch(/figures USING INDEX figures_published/);
      }
    }
  });

  it("the corpus's small sets drive the query", async () => {
    expect((await planFor(env.DB, { place: placeFilter("高邮") })).driver?.set).toBe("place");
    expect((await planFor(env.DB, { q: "专精特新", metric: "财政收入" })).driver?.set).toBe("metric");
  });

  it("goals and articles: place, published range, keyword, metric, deadline", async () => {
    const gp = phases(goals.published, goals.id)[0]!;
    for (const f of [{}, { place: "高邮" }, { from: "2021-01-01" }, { q: "重大项目" }, { metric: "重大产业项目" }, { deadline: "2025" }] as F[]) {
      for (const [name, p] of await plans(f)) {
        const details = await plan(goalsQuery(env.DB, f, gp, 51, p));
        expect(fullScans(details), `${name} ${JSON.stringify(f)}\n${details.join("\n")}`).toEqual([]);
      }
    }
    const ap = phases(articles.published, articles.id)[0]!;
    for (const f of [{}, { place: "杜集" }, { from: "2021-01-01" }, { q: "专精特新" }] as F[]) {
      for (const [name, p] of await plans(f)) {
        const details = await plan(articlesQuery(env.DB, f, ap, 51, p));
        expect(fullScans(details), `${name} ${JSON.stringify(f)}\n${details.join("\n")}`).toEqual([]);
      }
    }
  });
});

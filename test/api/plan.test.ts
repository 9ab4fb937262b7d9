/** The main filters run on indexes: no full `SCAN <table>` of figures, goals or articles. */
import { env } from "cloudflare:workers";
import { figures, goals, articles } from "../../src/db/schema";
import { describe, expect, it } from "vitest";
import { articlesQuery, figuresQuery, goalsQuery, phases } from "../../src/db/queries";
import { seedCorpus } from "../helpers/seed";

async function plan(q: { toSQL(): { sql: string; params: unknown[] } }): Promise<string[]> {
  const { sql, params } = q.toSQL();
  const res = await env.DB.prepare(`EXPLAIN QUERY PLAN ${sql}`).bind(...params).all<{ detail: string }>();
  return res.results.map((r) => r.detail);
}

/** A full table scan: `SCAN figures` (or an alias of it) without an index. */
function fullScans(details: string[]): string[] {
  return details.filter((d) => /^SCAN (figures|goals|articles|article_places|pf|pa|pg|ga|ap)\b/.test(d) && !/USING (COVERING )?INDEX|INTEGER PRIMARY KEY/.test(d));
}

const dated = (col: typeof figures.published | typeof goals.published | typeof articles.published, id: typeof figures.id | typeof goals.id | typeof articles.id) =>
  phases(col, id)[0]!;

describe("EXPLAIN QUERY PLAN", () => {
  it("figures: place, kind, published range, metric, keyword use indexes", async () => {
    await seedCorpus();
    const phase = dated(figures.published, figures.id);
    const filters = [{}, { place: "高邮" }, { kind: "target" as const }, { from: "2020-01-01", to: "2020-12-31" }, { metric: "财政收入" }, { q: "专精特新" }, { kind: "target" as const, place: "高邮" }, { kind: "target" as const, metric: "重大产业项目" }];
    for (const f of filters) {
      const details = await plan(figuresQuery(env.DB, f, phase, 51));
      expect(fullScans(details), `${JSON.stringify(f)}\n${details.join("\n")}`).toEqual([]);
    }
  });

  it("goals and articles: place, published range, keyword use indexes", async () => {
    const gp = dated(goals.published, goals.id);
    for (const f of [{}, { place: "高邮" }, { from: "2021-01-01" }, { q: "重大项目" }, { metric: "重大产业项目" }]) {
      const details = await plan(goalsQuery(env.DB, f, gp, 51));
      expect(fullScans(details), `${JSON.stringify(f)}\n${details.join("\n")}`).toEqual([]);
    }
    const ap = dated(articles.published, articles.id);
    for (const f of [{}, { place: "杜集" }, { from: "2021-01-01" }, { q: "专精特新" }]) {
      const details = await plan(articlesQuery(env.DB, f, ap, 51));
      expect(fullScans(details), `${JSON.stringify(f)}\n${details.join("\n")}`).toEqual([]);
    }
  });
});

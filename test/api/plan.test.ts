/**
 * The main filters run on indexes — no full `SCAN` of figures, goals or articles — in both read
 * plans: walking the (published, id) index with per-row checks (large sets), and driving from a
 * small set of article ids (see src/db/queries/plan.ts). Each plan is an arm of the page's
 * statement, behind the probes' CTEs; its guard decides which one runs.
 */
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { sql, type SQLWrapper } from "drizzle-orm";
import { SQLiteAsyncDialect } from "drizzle-orm/sqlite-core";
import { articleIdsQuery, figureIdsQuery, goalIdsQuery, phases, type Plan, plansFor } from "../../src/db/queries";
import { articles, figures, goals } from "../../src/db/schema";
import { placeFilter } from "../../src/places";
import { seedCorpus } from "../helpers/seed";

const dialect = new SQLiteAsyncDialect();

/** The plan of one arm, run as the statement runs it: behind the probes' CTEs. */
async function plan(arm: SQLWrapper, f: F): Promise<string[]> {
  const built = dialect.sqlToQuery(sql`${plansFor(sets(f)).with ?? sql``}SELECT id FROM (${arm})`);
  const res = await env.DB.prepare(`EXPLAIN QUERY PLAN ${built.sql}`).bind(...built.params).all<{ detail: string }>();
  return res.results.map((r) => r.detail);
}

const sets = (f: F) => ({ place: f.place === undefined ? undefined : placeFilter(f.place), q: f.q, metric: f.metric });

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

/** Every plan of a filter: the walk (no driver) and one driven by each set filter present. */
function plans(f: F): [string, Plan][] {
  return plansFor(sets(f)).arms.map((p) => [p.driver ? `driver:${p.driver.set}` : "walk", p]);
}

/** The driver the statement takes on this database (its guards evaluated on the probes). */
async function taken(f: F): Promise<string | undefined> {
  const plans = plansFor(sets(f));
  const guards = plans.arms.map((p, i) => sql`${p.when ?? sql`1`} AS ${sql.raw(`a${i}`)}`);
  const built = dialect.sqlToQuery(sql`${plans.with ?? sql``}SELECT ${sql.join(guards, sql`, `)}`);
  const row = (await env.DB.prepare(built.sql).bind(...built.params).first<Record<string, number>>())!;
  const on = plans.arms.filter((_, i) => row[`a${i}`] === 1);
  expect(on, "exactly one plan is taken").toHaveLength(1);
  return on[0]!.driver?.set;
}

beforeAll(async () => {
  await seedCorpus();
});

describe("EXPLAIN QUERY PLAN", () => {
  it("figures: place, kind, published range, metric, keyword", async () => {
    const phase = phases(figures.published, figures.id)[0]!;
    for (const f of FIGURE_FILTERS) {
      for (const [name, p] of plans(f)) {
        const details = await plan(figureIdsQuery(env.DB, f, phase, 51, p), f);
        expect(fullScans(details), `${name} ${JSON.stringify(f)}\n${details.join("\n")}`).toEqual([]);
        if (name === "walk" && !f.kind) expect(details.join("\n"), JSON.stringify(f)).toMatch(/figures USING (COVERING )?INDEX figures_published/);
      }
    }
  });

  it("the corpus's small sets drive the query", async () => {
    expect(await taken({ place: "高邮" })).toBe("place");
    expect(await taken({ q: "专精特新", metric: "财政收入" })).toBe("metric");
    expect(await taken({ kind: "target" })).toBeUndefined();
  });

  it("goals and articles: place, published range, keyword, metric, deadline", async () => {
    const gp = phases(goals.published, goals.id)[0]!;
    for (const f of [{}, { place: "高邮" }, { from: "2021-01-01" }, { q: "重大项目" }, { metric: "重大产业项目" }, { deadline: "2025" }] as F[]) {
      for (const [name, p] of plans(f)) {
        const details = await plan(goalIdsQuery(env.DB, f, gp, 51, p), f);
        expect(fullScans(details), `${name} ${JSON.stringify(f)}\n${details.join("\n")}`).toEqual([]);
      }
    }
    const ap = phases(articles.published, articles.id)[0]!;
    for (const f of [{}, { place: "杜集" }, { from: "2021-01-01" }, { q: "专精特新" }] as F[]) {
      for (const [name, p] of plans(f)) {
        const details = await plan(articleIdsQuery(env.DB, f, ap, 51, p), f);
        expect(fullScans(details), `${name} ${JSON.stringify(f)}\n${details.join("\n")}`).toEqual([]);
      }
    }
  });
});

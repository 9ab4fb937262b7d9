/** The feed queries run on indexes: no full SCAN of figures or goals (articles are walked by index). */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { digestDaysQuery, digestFiguresQuery, digestGoalsQuery, type FeedFilter } from "../../src/db/queries";

async function plan(q: { toSQL(): { sql: string; params: unknown[] } }): Promise<string[]> {
  const { sql, params } = q.toSQL();
  const res = await env.DB.prepare(`EXPLAIN QUERY PLAN ${sql}`).bind(...params).all<{ detail: string }>();
  return res.results.map((r) => r.detail);
}

const FILTERS: FeedFilter[] = [
  { limit: 50 },
  { limit: 50, placeKey: "340602", place: "杜集区" },
  { limit: 50, kind: "target" },
  { limit: 50, metric: "财政收入" },
  { limit: 50, q: "专精特新" },
  { limit: 50, placeKey: "经开区", place: "经开区", kind: "target" },
];

describe("digest query plans", () => {
  for (const f of FILTERS) {
    it(JSON.stringify(f), async () => {
      const lo = Date.UTC(2026, 0, 1);
      const hi = Date.UTC(2026, 1, 1);
      const plans = [await plan(digestDaysQuery(env.DB, f)), await plan(digestFiguresQuery(env.DB, f, lo, hi))];
      const g = digestGoalsQuery(env.DB, f, lo, hi);
      if (g) plans.push(await plan(g));
      for (const p of plans) {
        const scans = p.filter((d) => /^SCAN (figures|goals|articles)\b/.test(d) && !/USING (COVERING )?INDEX|INTEGER PRIMARY KEY/.test(d));
        expect(scans, p.join("\n")).toEqual([]);
      }
    });
  }
});

/** A digest reads at most DIGEST_MAX_ROWS figures: it keeps whole days only (or the newest day, marked partial). */
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { DIGEST_MAX_ROWS, digestData } from "../../src/db/queries";
import { fetchFeed } from "./helpers";

// Noon in Beijing on 2026-11-01, -02, -03.
const noon = (d: number) => Date.UTC(2026, 10, d, 4, 0);

async function article(id: number, receivedAt: number, figures: number) {
  await env.DB.prepare(
    "INSERT INTO articles (id, webhook_id, content_hash, raw_hash, text, encoding, format, status, title, received_at, extracted_at) VALUES (?, ?, ?, ?, '正文', 'utf-8', 'plain', 'extracted', ?, ?, ?)",
  )
    .bind(id, `cap-${id}`, `cap-${id}`, `cap-${id}`, `文章${id}`, receivedAt, receivedAt + 1000)
    .run();
  await env.DB.prepare(
    `INSERT INTO figures (article_id, seq, text, start, "end", value, unit, metric, kind, place_key)
     SELECT ?, value, value || '个', 0, 1, value, '个', '项目', 'reported', '杜集' FROM json_each(?)`,
  )
    .bind(id, JSON.stringify(Array.from({ length: figures }, (_, i) => i)))
    .run();
}

beforeAll(async () => {
  await env.DB.prepare("INSERT INTO places (key, name) VALUES ('杜集', '杜集区')").run();
  await article(1, noon(1), 10);
  await article(2, noon(2), 600);
  await article(3, noon(3), 600);
});

describe("digest row cap", () => {
  it("drops the day the cap cut into, keeping whole days", async () => {
    expect(DIGEST_MAX_ROWS).toBe(1000);
    const days = await digestData(env.DB, { limit: 50 });
    expect(days.map((d) => [d.day, d.truncated, d.places[0]!.figures.length])).toEqual([["2026-11-03", false, 600]]);
    // The feed shows the same (limit is not part of an item's id).
    const feed = await fetchFeed("/digest.xml?limit=3");
    expect(feed.items.map((i) => i.id)).toEqual(["tag:jiyao,2026:digest:2026-11-03"]);
  });

  it("marks the newest day partial when it alone is over the cap", async () => {
    await article(4, noon(3) + 60_000, 600);
    const days = await digestData(env.DB, { limit: 50 });
    expect(days.map((d) => [d.day, d.truncated])).toEqual([["2026-11-03", true]]);
    expect(days[0]!.places[0]!.figures.length).toBe(DIGEST_MAX_ROWS);
    const feed = await fetchFeed("/digest.json");
    expect(feed.items[0]!.html).toContain("仅列出一部分");
  });
});

/**
 * /promises.xml|.atom|.json over a report pair posted through the real webhook and queue,
 * parsed with feedsmith (a real feed parser, test/feed/helpers.ts).
 */
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import t2015 from "../fixtures/promises/保定市_2015.txt?raw";
import t2016 from "../fixtures/promises/保定市_2016.txt?raw";
import { fetchFeed, get, VARIANTS } from "../feed/helpers";
import { eventually, SETTLE_MS } from "../helpers/wait";
import { postJson } from "../helpers/webhook";
import { GOLD_PAIRS } from "./gold";

const GOLD = GOLD_PAIRS.find((g) => g.file === "保定市_2015_2016")!;
const LABEL = { met: "完成", missed: "未完成", no_report: "未报告" } as const;

beforeAll(async () => {
  await env.DB.exec("DELETE FROM articles");
  expect((await postJson({ text: t2015 }, { id: "feed-2015" })).status).toBe(201);
  expect((await postJson({ text: t2016 }, { id: "feed-2016" })).status).toBe(201);
  await eventually(async () => expect((await env.DB.prepare("SELECT count(*) AS n FROM articles WHERE status = 'extracted'").first<{ n: number }>())!.n).toBe(2));
}, 2 * SETTLE_MS);

describe("promise feeds", () => {
  for (const ext of VARIANTS) {
    it(`/promises.${ext}: one item per reached verdict, with target and outcome`, async () => {
      const feed = await fetchFeed(`/promises.${ext}`);
      // The 2016 report's own targets are pending: not news yet.
      expect(feed.items).toHaveLength(GOLD.promises.length);
      for (const g of GOLD.promises) {
        const item = feed.items.find((i) => i.title.includes(g.metric) && i.title.includes(g.target_text.replace(/左右$/, "")));
        expect(item, g.id).toBeDefined();
        expect(item!.title.endsWith(`：${LABEL[g.verdict_strict as keyof typeof LABEL]}`), item!.title).toBe(true);
        expect(item!.categories).toContain(LABEL[g.verdict_strict as keyof typeof LABEL]);
        expect(item!.html).toContain("结果");
      }
      expect(new Set(feed.items.map((i) => i.id)).size).toBe(feed.items.length);
      expect(feed.self).toBe(`http://jiyao.test/promises.${ext}`);
    });
  }

  it("filters by place, metric and verdict, each with its own title", async () => {
    const missed = await fetchFeed("/promises.xml?place=保定市&verdict=missed");
    expect(missed.items.map((i) => i.title)).toEqual([expect.stringContaining("生产总值")]);
    expect(missed.title).toContain("未完成");
    expect((await fetchFeed("/promises.atom?metric=固定资产投资")).items).toHaveLength(1);
    // A province's feed holds its cities' verdicts; a place without promises has none.
    const province = (await fetchFeed("/promises.json?place=河北省")).items.map((i) => i.id);
    expect(province).toEqual((await fetchFeed("/promises.json?place=保定市")).items.map((i) => i.id));
    expect(province.length).toBeGreaterThan(0);
    expect((await fetchFeed("/promises.json?place=广东省")).items).toHaveLength(0);
  });

  it("answers 304 to its own ETag and 400 problems for bad filters", async () => {
    const first = await get("/promises.xml");
    const etag = first.headers.get("etag")!;
    expect((await get("/promises.xml", { headers: { "if-none-match": etag } })).status).toBe(304);
    for (const [q, parameter] of [["verdict=pending", "verdict"], ["limit=0", "limit"], ["place=%20", "place"]] as const) {
      const res = await get(`/promises.xml?${q}`);
      expect(res.status, q).toBe(400);
      expect(await res.json()).toMatchObject({ code: "invalid_parameter", parameter });
    }
  });
});

/** /places/:place, the scorecard page, over a report pair posted through the real webhook and queue. */
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import t2015 from "../fixtures/promises/保定市_2015.txt?raw";
import t2016 from "../fixtures/promises/保定市_2016.txt?raw";
import { get } from "../api/http";
import { eventually, SETTLE_MS } from "../helpers/wait";
import { postJson } from "../helpers/webhook";
import { GOLD_PAIRS } from "./gold";

const GOLD = GOLD_PAIRS.find((g) => g.file === "保定市_2015_2016")!;

beforeAll(async () => {
  await env.DB.exec("DELETE FROM articles");
  expect((await postJson({ text: t2015 }, { id: "page-2015" })).status).toBe(201);
  expect((await postJson({ text: t2016 }, { id: "page-2016" })).status).toBe(201);
  await eventually(async () => expect((await env.DB.prepare("SELECT count(*) AS n FROM articles WHERE status = 'extracted'").first<{ n: number }>())!.n).toBe(2));
}, 2 * SETTLE_MS);

describe("/places/:place", () => {
  it("shows each promise with target, outcome, verdict badge and links to both sentences, and a chart per metric", async () => {
    const res = await get(`/places/${encodeURIComponent("保定市")}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-security-policy")).toContain("default-src 'none'");
    const html = await res.text();
    expect(html.startsWith("<!DOCTYPE html>")).toBe(true);
    const period = html.slice(html.indexOf(`data-period="${GOLD.period}"`));
    const rows = [...period.slice(0, period.indexOf("</section>")).matchAll(/<tr id="promise-(\d+)" data-verdict="([a-z_]+)">(.*?)<\/tr>/g)];
    expect(rows.map((r) => r[2]).sort()).toEqual(GOLD.promises.map((g) => g.verdict_strict).sort());
    for (const r of rows) expect([...r[3]!.matchAll(/href="\/articles\/\d+#f-\d+"/g)]).toHaveLength(2);
    expect(html).toContain('class="badge verdict-missed"');
    // One chart per metric; the 2015 metrics have a target and an outcome bar for 2015.
    const charts = [...html.matchAll(/<svg class="chart" id="promise-chart-\d+"[^>]*data-bars="(\d+)"/g)];
    expect(charts.length).toBeGreaterThanOrEqual(GOLD.promises.length);
    expect(charts.some((c) => Number(c[1]) >= 2)).toBe(true);
    expect(html).toContain('href="/promises.xml?place=');
  });

  it("answers an empty scorecard for a place without promises and a 400 page for a bad place", async () => {
    const empty = await get(`/places/${encodeURIComponent("广东省")}`);
    expect(empty.status).toBe(200);
    expect(await empty.text()).toContain("还没有这个地方的目标");
    const bad = await get(`/places/${encodeURIComponent("长".repeat(51))}`);
    expect(bad.status).toBe(400);
    expect(bad.headers.get("content-type")).toContain("text/html");
  });
});

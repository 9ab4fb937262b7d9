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

/** The opening tag of the element with this id. */
function tagWithId(html: string, id: string): string {
  const m = new RegExp(`<[a-z]+ [^>]*id="${id}"[^>]*>`).exec(html);
  if (!m) throw new Error(`no element #${id}`);
  return m[0];
}

/** The <li> with this id, up to its end. */
function itemWithId(html: string, id: string): string {
  const at = html.indexOf(`<li id="${id}"`);
  if (at < 0) throw new Error(`no item #${id}`);
  return html.slice(at, html.indexOf("</li>", at));
}

describe("/articles/:id marks promises", () => {
  it("marks the targets of the plan with their verdict and outcome, and the review's outcomes with their promise and target", async () => {
    const { items } = await (await get(`/v1/promises?${new URLSearchParams({ place: "保定市", period: GOLD.period })}`)).json<any>();
    expect(items).toHaveLength(GOLD.promises.length);
    const targetArticle = items[0].target.article_id;
    expect(new Set(items.map((p: any) => p.target.article_id))).toEqual(new Set([targetArticle]));
    const plan = await (await get(`/articles/${targetArticle}`)).text();
    expect(plan).toContain("承诺与兑现");
    for (const p of items) {
      const mark = tagWithId(plan, `f-${p.target.seq}`);
      expect(mark, p.metric).toContain(`data-promise="${p.id}"`);
      expect(mark).toContain(`data-verdict="${p.verdict}"`);
      expect(mark).toMatch(/class="figure kind-target promise"/);
      const li = itemWithId(plan, `promise-target-${p.target.seq}`);
      expect(li).toContain(`class="badge verdict-${p.verdict}"`);
      expect(li).toContain(`href="/places/${encodeURIComponent(p.place_code ?? p.place)}#promise-${p.id}"`);
      if (p.outcome) expect(li).toContain(`href="/articles/${p.outcome.article_id}#f-${p.outcome.seq}"`);
      else expect(li).not.toContain("promise-outcome");
    }
    const judged = items.filter((p: any) => p.outcome);
    expect(judged.length).toBeGreaterThan(0);

    // The later report: its figures that settled the plan's promises point back to them.
    const reviewArticle = judged[0].outcome.article_id;
    expect(reviewArticle).not.toBe(targetArticle);
    const review = await (await get(`/articles/${reviewArticle}`)).text();
    for (const p of judged) {
      const mark = tagWithId(review, `f-${p.outcome.seq}`);
      expect(mark.match(/data-outcome-of="([\d ]+)"/)?.[1]?.split(" ")).toContain(String(p.id));
      const li = itemWithId(review, `promise-outcome-${p.id}`);
      expect(li).toContain(`class="badge verdict-${p.verdict}"`);
      expect(li).toContain(`href="/articles/${targetArticle}#f-${p.target.seq}"`);
      expect(li).toContain(`#promise-${p.id}"`);
    }
    // A reported figure that settles no promise carries no mark.
    const outcomeSeqs = new Set(judged.map((p: any) => p.outcome.seq));
    const plain = [...review.matchAll(/<mark class="figure kind-reported" id="f-(\d+)"/g)].map((m) => Number(m[1]));
    expect(plain.length).toBeGreaterThan(0);
    expect(plain.some((s) => outcomeSeqs.has(s))).toBe(false);
  });

  it("has no promise section on an article without promises", async () => {
    const res = await postJson({ text: "会议强调，要抓好各项工作落实。\n" }, { id: "page-none" });
    const { id } = await res.json<{ id: number }>();
    await eventually(async () => expect((await env.DB.prepare("SELECT status FROM articles WHERE id = ?").bind(id).first<{ status: string }>())!.status).toBe("extracted"));
    const html = await (await get(`/articles/${id}`)).text();
    expect(html).toContain("<h1>");
    expect(html).not.toContain("承诺与兑现");
    expect(html).not.toContain("data-promise");
  });
});

import { env, exports } from "cloudflare:workers";
import { decodeHTML } from "entities";
import { beforeAll, describe, expect, it } from "vitest";
import { placeNameOf } from "../../src/db/queries/common";
import { type Seeded, seedCorpus } from "../helpers/seed";
import { HOSTILE_TEXT, storeHostile } from "../feed/hostile";

const BASE = "http://jiyao.test";
const enc = encodeURIComponent;
let seeded: Seeded[];
let hostileId: number;
const article = (prefix: string) => seeded.find((a) => a.name.startsWith(prefix))!;

async function page(path: string, status = 200): Promise<string> {
  const res = await exports.default.fetch(`${BASE}${path}`);
  const body = await res.text();
  expect(res.status, `${path}: ${body.slice(0, 200)}`).toBe(status);
  expect(res.headers.get("content-type")).toBe("text/html; charset=UTF-8");
  // Every page, error pages included, forbids scripts and framing.
  expect(res.headers.get("content-security-policy")).toMatch(/default-src 'none'.*frame-ancestors 'none'/);
  expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  return body;
}

/** The inner HTML of the article text block. */
function articleTextHtml(html: string): string {
  const m = /<div class="article-text" lang="zh-CN">([\s\S]*?)<\/div>/.exec(html);
  expect(m).not.toBeNull();
  return m![1]!;
}

interface StoredFigure {
  seq: number;
  text: string;
  start: number;
  end: number;
  kind: string;
  metric: string | null;
}

/** The figures the pipeline stored for an article, in seq order. */
async function storedFigures(id: number): Promise<StoredFigure[]> {
  const { results } = await env.DB.prepare("SELECT seq, text, start, \"end\", kind, metric FROM figures WHERE article_id = ? ORDER BY seq").bind(id).all<StoredFigure>();
  return results;
}

beforeAll(async () => {
  seeded = await seedCorpus();
  hostileId = await storeHostile(Date.UTC(2026, 10, 21, 20, 0));
});

describe("/ (digest page)", () => {
  it("lists the days, places, goals and figures, with landmarks, a filter form and feed links", async () => {
    const html = await page("/");
    expect(html).toMatch(/^<!DOCTYPE html><html lang="zh-CN">/);
    for (const landmark of ["<header", "<main id=\"main\"", "<footer", 'aria-label="主导航"', 'role="search"']) expect(html).toContain(landmark);
    expect(html).toContain('<section class="day" id="day-2026-11-20"');
    expect(html).toContain('<section class="day" id="day-2026-11-22"');
    for (const a of ["001", "002", "003"]) expect(html).toContain(`href="/articles/${article(a).id}"`);
    expect(html).toContain('data-place="340602"'); // 杜集区
    expect(html).toContain('data-place="320371001"'); // 金山桥街道
    expect(html).toContain("<td class=\"num\">12亿元</td>");
    expect(html).toContain('<link rel="alternate" type="application/rss+xml" title="每日汇总（RSS）" href="/digest.xml"/>');
    expect(html).toContain('<a href="/feed.xml" type="application/rss+xml" data-feed="rss">');
    // Every form control has a label.
    for (const name of ["place", "metric", "kind", "q"]) expect(html).toMatch(new RegExp(`<label>[^<]*<(input|select) name="${name}"`));
  });

  it("filters like the feeds and links the filtered feeds", async () => {
    // A province finds the targets of the places under it (002's streets of 徐州经济技术开发区).
    const html = await page(`/?place=${enc("江蘇省")}&kind=target`);
    expect(html).toContain("<title>纪要 · 江苏省 · 目标</title>");
    const q = `?place=${enc("江苏省")}&amp;kind=target`;
    expect(html).toContain(`href="/digest.xml${q}"`);
    expect(html).toContain(`href="/feed.atom${q}"`);
    expect(html).toContain('<input name="place" value="江苏省"');
    expect(html).toContain('<option value="target" selected="">');
    expect(html).not.toContain(">财政收入</a>");
    expect(html).toContain("税收");
  });

  it("shows one day, as a digest item links to", async () => {
    const html = await page("/?day=2026-11-22");
    expect(html).toContain('<section class="day" id="day-2026-11-22"');
    expect(html).not.toContain('id="day-2026-11-20"');
    expect(html).toContain("只显示 2026-11-22");
    await page("/?day=2026-13-45", 400);
    await page("/?day=yesterday", 400);
    expect(await page("/?day=2020-01-01")).toContain("没有符合条件的目标或数字。");
  });

  it("answers 400 as HTML for a bad filter and shows an empty state", async () => {
    const bad = await page("/?kind=nope", 400);
    expect(bad).toContain("kind must be target or reported");
    const empty = await page(`/?q=${enc("没有这个词语")}`);
    expect(empty).toContain("没有符合条件的目标或数字。");
  });
});

describe("/articles/:id", () => {
  it("marks every figure and goal at its stored offsets and keeps the text intact", async () => {
    for (const prefix of ["001", "002", "003"]) {
      const a = article(prefix);
      const html = await page(`/articles/${a.id}`);
      const inner = articleTextHtml(html);
      // Removing the marks gives back exactly the stored text.
      expect(decodeHTML(inner.replace(/<\/?mark[^>]*>/g, ""))).toBe(a.text);
      // Every figure the pipeline stored is marked once, at its stored offsets, with its kind and metric
      // (a tracked promise also carries its promise's data attributes, test/promises/page.test.ts).
      const stored = await storedFigures(a.id);
      expect(stored.length).toBeGreaterThan(0);
      const figureMarks = [...inner.matchAll(/<mark class="figure kind-(\w+)(?: promise)?" id="f-(\d+)" title="([^"]*)" data-metric="[^"]*" data-kind="\w+" data-start="(\d+)" data-end="(\d+)"[^>]*>([^<]*)<\/mark>/g)];
      expect(figureMarks.map((m) => Number(m[2])).sort((x, y) => x - y)).toEqual(stored.map((f) => f.seq));
      for (const m of figureMarks) {
        const [, kind, seq, title, start, end, text] = m;
        const f = stored.find((x) => x.seq === Number(seq))!;
        expect(Number(start)).toBe(f.start);
        expect(Number(end)).toBe(f.end);
        expect(decodeHTML(text!)).toBe(f.text);
        expect(a.text.slice(f.start, f.end)).toBe(f.text);
        expect(kind).toBe(f.kind);
        expect(decodeHTML(title!)).toContain(f.metric ?? "未注明指标");
      }
      // Every stored goal has its anchor.
      const goalSeqs = (await env.DB.prepare("SELECT seq FROM goals WHERE article_id = ? ORDER BY seq").bind(a.id).all<{ seq: number }>()).results.map((g) => g.seq);
      const goalStarts = [...inner.matchAll(/<mark class="goal" id="g-(\d+)"/g)].map((m) => Number(m[1]));
      expect(goalStarts.sort((x, y) => x - y)).toEqual(goalSeqs);
    }
  });

  it("shows the 12亿元 of 001 on the words 财政收入 with its facts and summary table", async () => {
    const a = article("001");
    const html = await page(`/articles/${a.id}`);
    const inner = articleTextHtml(html);
    const at = a.text.indexOf("12亿元");
    expect(inner).toContain(`title="财政收入 · 实际" data-metric="财政收入" data-kind="reported" data-start="${at}" data-end="${at + 4}">12亿元</mark>`);
    expect(html).toContain("<dt>来源</dt><dd>淮北日报</dd>");
    expect(html).toContain('<time datetime="2020-01-10">2020-01-10</time>');
    expect(html).toContain('<a href="/?place=%E6%9D%9C%E9%9B%86%E5%8C%BA">杜集区</a>');
    const f = (await storedFigures(a.id)).find((x) => x.start === at);
    expect(f).toMatchObject({ text: "12亿元", metric: "财政收入", kind: "reported" });
    expect(html).toContain(`<a href="#f-${f!.seq}">12亿元</a>`);
    expect(html).toContain('<aside aria-label="摘要">');
  });

  it("keeps a crafted article inert", async () => {
    const html = await page(`/articles/${hostileId}`);
    expect(html).not.toMatch(/<(script|img|svg|b)[\s>]/i);
    expect(html).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;]]&gt;");
    expect(html).toContain("<title>&lt;script&gt;alert(&quot;t&quot;)&lt;/script&gt;]]&gt;标题");
    const inner = articleTextHtml(html);
    expect(decodeHTML(inner.replace(/<\/?mark[^>]*>/g, ""))).toBe(HOSTILE_TEXT.replace(/[\u0001\u000B]/g, ""));
    expect(inner).toContain('data-metric="财政&lt;script&gt;alert(&quot;m&quot;)&lt;/script&gt;]]&gt;"');
    const digest = await page("/");
    expect(digest).not.toMatch(/<(script|img|svg)[\s>]/i);
  });

  it("shows a not yet extracted article's text with its status", async () => {
    const row = await env.DB.prepare(
      "INSERT INTO articles (webhook_id, content_hash, raw_hash, text, encoding, format, status, received_at) VALUES ('w-r','c-r','r-r','等待提取的正文<b>','utf-8','plain','received', 1763604000000) RETURNING id",
    ).first<{ id: number }>();
    const html = await page(`/articles/${row!.id}`);
    expect(html).toContain("已收到，等待提取");
    expect(html).toContain("等待提取的正文&lt;b&gt;");
    expect(articleTextHtml(html)).not.toContain("<mark");
  });

  it("404s for unknown or malformed ids", async () => {
    await page("/articles/999999", 404);
    await page("/articles/abc", 404);
    await page("/articles/0", 404);
  });
});

describe("/metrics/:metric", () => {
  it("draws one bar per place with targets and reported told apart, and lists every figure", async () => {
    const html = await page(`/metrics/${enc("项目")}`);
    const charts = [...html.matchAll(/<svg class="chart"[\s\S]*?<\/svg>/g)].map((m) => m[0]);
    expect(charts.length).toBeGreaterThan(0);
    const rows = [...html.matchAll(/<tr data-unit="([^"]*)" data-change="(\w+)"><td class="place">([^<]*)<\/td>/g)];
    const groups = [...html.matchAll(/<figure class="chart-group" data-unit="([^"]*)" data-change="(\w+)">([\s\S]*?)<\/figure>/g)];
    expect(groups.length).toBe(charts.length);
    for (const [, unit, change, body] of groups) {
      const places = new Set(rows.filter((r) => r[1] === unit && r[2] === change).map((r) => r[3]));
      const bars = [...body!.matchAll(/<rect class="bar (target|reported)" data-place="([^"]*)"/g)];
      expect(bars.length).toBe(places.size);
      expect(new Set(bars.map((b) => b[2]))).toEqual(places);
    }
    // The 个 chart has one bar per place of the stored 项目 figures counted in 个 (杜集区 among them).
    const unitGe = groups.find((g) => g[1] === "个")!;
    expect(unitGe).toBeDefined();
    const { results } = await env.DB.prepare(
      `SELECT DISTINCT f.place_key AS key FROM figures f
       WHERE (f.metric LIKE '%项目%' OR f.metric LIKE '%項目%') AND f.unit = '个' AND f.change = ?`,
    ).bind(unitGe[2] === "true" ? 1 : 0).all<{ key: string | null }>();
    // Each place as the page names it: the key's name (gazetteer, else after its last "/").
    const expected = [...new Set(results.map((r) => (r.key === null ? "未注明地点" : (placeNameOf(r.key) ?? r.key))))].sort();
    expect(expected).toContain("杜集区");
    expect([...unitGe[3]!.matchAll(/data-place="([^"]*)"/g)].map((m) => m[1]).sort()).toEqual(expected);
    expect(html).toContain('class="bar target"');
    expect(html).toContain('class="bar reported"');
    expect(html).toContain('stroke-dasharray="5 3"');
  });

  it("matches traditional script, filters by kind and escapes the metric", async () => {
    const trad = await page(`/metrics/${enc("財政收入")}`);
    expect(trad).toContain("12亿元");
    const targets = await page(`/metrics/${enc("项目")}?kind=target`);
    expect(targets).not.toContain('class="bar reported"');
    const evil = await page(`/metrics/${enc("<script>")}`);
    expect(evil).not.toContain("<script>");
    expect(evil).toContain("指标：&lt;script&gt;");
    await page(`/metrics/${enc("长".repeat(41))}`, 400);
  });
});

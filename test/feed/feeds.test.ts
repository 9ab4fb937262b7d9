import { env } from "cloudflare:workers";
import { parseRssFeed } from "feedsmith";
import { app } from "../../src/app";
import { placeNameOf } from "../../src/db/queries/common";
import { beforeAll, describe, expect, it } from "vitest";
import { setClock } from "../helpers/clock";
import { type Seeded, seedCorpus } from "../helpers/seed";
import { BASE, fetchFeed, get, parseOpml, RFC822, VARIANTS } from "./helpers";

let seeded: Seeded[];
const article = (prefix: string) => seeded.find((a) => a.name.startsWith(prefix))!;
const RECEIVED = Date.UTC(2026, 10, 20, 2, 0);
const enc = encodeURIComponent;

async function count(query: string, ...binds: unknown[]): Promise<number> {
  return (await env.DB.prepare(query).bind(...binds).first<{ n: number }>())!.n;
}

/** The place names the pipeline stored for an article (sorted). */
async function storedPlaceNames(id: number): Promise<string[]> {
  const { results } = await env.DB.prepare("SELECT p.name FROM article_places ap JOIN places p ON p.key = ap.place_key WHERE ap.article_id = ?").bind(id).all<{ name: string }>();
  return results.map((r) => r.name).sort();
}

/**
 * What the pipeline stored for the extracted articles received on 2026-11-20 (Beijing time): goal and
 * figure counts, the places those rows are attributed to (sorted names; 未注明地点 when none), and
 * the latest arrival among articles that have rows.
 */
async function dayRows(): Promise<{ goals: number; figures: number; places: string[]; latest: number }> {
  const lo = Date.UTC(2026, 10, 19, 16, 0);
  const hi = lo + 24 * 3600 * 1000;
  const inDay = "SELECT id FROM articles WHERE status = 'extracted' AND received_at >= ?1 AND received_at < ?2";
  const goals = await count(`SELECT count(*) AS n FROM goals WHERE article_id IN (${inDay})`, lo, hi);
  const figures = await count(`SELECT count(*) AS n FROM figures WHERE article_id IN (${inDay})`, lo, hi);
  const { results } = await env.DB.prepare(
    `SELECT DISTINCT r.place_key AS key FROM
       (SELECT place_key FROM goals WHERE article_id IN (${inDay}) UNION ALL SELECT place_key FROM figures WHERE article_id IN (${inDay})) r`,
  ).bind(lo, hi).all<{ key: string | null }>();
  const latest = await count(
    `SELECT max(received_at) AS n FROM articles WHERE id IN (${inDay})
       AND (EXISTS (SELECT 1 FROM goals WHERE article_id = articles.id) OR EXISTS (SELECT 1 FROM figures WHERE article_id = articles.id))`,
    lo,
    hi,
  );
  return { goals, figures, places: [...new Set(results.map((r) => placeLabel(r.key)))].sort(), latest };
}

beforeAll(async () => {
  seeded = await seedCorpus(RECEIVED);
});

describe("article feeds", () => {
  for (const ext of VARIANTS) {
    it(`/feed.${ext}: one item per article, newest first, stable guids, dates, places, figures`, async () => {
      const feed = await fetchFeed(`/feed.${ext}`);
      expect(feed.self).toBe(`${BASE}/feed.${ext}`);
      expect(feed.items.map((i) => i.id)).toEqual([...seeded].reverse().map((a) => `tag:jiyao,2026:article:${a.id}`));
      const a001 = feed.items.find((i) => i.id.endsWith(`:${article("001").id}`))!;
      expect(a001.title).toBe("强化使命担当 奋力决战决胜");
      expect(a001.url).toBe(`${BASE}/articles/${article("001").id}`);
      // 2020-01-10 in Beijing = 2020-01-09T16:00Z.
      expect(new Date(a001.date).toISOString()).toBe("2020-01-09T16:00:00.000Z");
      expect(a001.categories).toEqual(["杜集区"]);
      expect(a001.html).toContain("<td>财政收入</td><td>12亿元</td><td>实际</td>");
      expect(a001.html).toMatch(/<td>57\.3%<\/td><td>实际<\/td><td>增减<\/td>|<td>57\.3%<\/td><td>实际<\/td><td>—<\/td>/);
      // Undated article: dated when received.
      const a000 = feed.items.find((i) => i.id.endsWith(`:${article("000").id}`))!;
      expect(a000.date).toBe(RECEIVED);
      const a003 = feed.items.find((i) => i.id.endsWith(`:${article("003").id}`))!;
      // Categories are the places the pipeline stored for 003 (among them 高邮市 and 邗江区).
      const places003 = await storedPlaceNames(article("003").id);
      expect(places003).toEqual(expect.arrayContaining(["高邮市", "邗江区"]));
      expect([...a003.categories].sort()).toEqual(places003);
      const goals003 = await count("SELECT count(*) AS n FROM goals WHERE article_id = ?", article("003").id);
      expect(goals003).toBeGreaterThan(0);
      expect(a003.html).toContain(`<h3>目标（${goals003}）</h3>`);
      expect(a003.html).toMatch(/期限：/);
    });
  }

  it("RSS follows the rules that matter: guid isPermaLink=false, RFC 822 dates, atom:link self, channel basics", async () => {
    const res = await get("/feed.xml?place=" + enc("杜集区"));
    const xml = await res.text();
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>/);
    expect(xml).toContain('xmlns:atom="http://www.w3.org/2005/Atom"');
    expect(xml).toContain(`<atom:link href="${BASE}/feed.xml?place=${enc("杜集区")}" rel="self" type="application/rss+xml"/>`);
    const feed = parseRssFeed(xml);
    expect(feed.title?.trim()).toBe("纪要 · 杜集区");
    expect(feed.link?.trim()).toBe(`${BASE}/?place=${enc("杜集区")}`);
    expect(feed.description).toBeTruthy();
    expect(feed.lastBuildDate).toMatch(RFC822);
    expect(feed.items?.length).toBe(2);
    for (const item of feed.items ?? []) {
      expect(item.guid?.isPermaLink).toBe(false);
      expect(item.pubDate).toMatch(RFC822);
      expect(item.title?.trim() || item.description?.trim()).toBeTruthy();
    }
    expect(xml.match(/<guid isPermaLink="false">/g)?.length).toBe(2);
  });

  it("Atom has a feed author and ids that are IRIs; JSON Feed names its authors", async () => {
    const atom = await (await get("/feed.atom")).text();
    expect(atom).toMatch(/<author>\s*<name>纪要 jiyao<\/name>\s*<\/author>/);
    for (const m of atom.matchAll(/<id>([^<]*)<\/id>/g)) expect(m[1]).toMatch(/^tag:jiyao,2026:[^\s]+$/);
    const json = JSON.parse(await (await get("/feed.json")).text());
    expect(json.authors).toEqual([{ name: "纪要 jiyao" }]);
  });

  it("filters by place, kind, metric (traditional too), q and limit, each with its own title and self link", async () => {
    const ids = async (path: string) => (await fetchFeed(path)).items.map((i) => Number(i.id.split(":").pop()));
    // 004's 經開區 names no division; 002's 经开区 is 徐州经济技术开发区 (320371), also found by its
    // code and its province (江苏省, with 003's 扬州市).
    expect(await ids(`/feed.json?place=${enc("經開區")}`)).toEqual([article("004").id]);
    expect(await ids("/feed.json?place=320371")).toEqual([article("002").id]);
    expect(await ids(`/feed.json?place=${enc("江苏省")}`)).toEqual([article("003").id, article("002").id]);
    expect((await ids("/feed.json?kind=target")).sort()).toEqual([article("002").id, article("003").id].sort());
    expect(await ids(`/feed.json?metric=${enc("財政")}`)).toEqual([article("001").id]);
    expect(await ids(`/feed.atom?q=${enc("秸秆禁烧")}`)).toEqual([article("001").id]);
    expect(await ids("/feed.xml?limit=2")).toEqual([article("004").id, article("003").id]);

    const f = await fetchFeed(`/feed.atom?place=${enc("杜集")}&kind=reported`);
    expect(f.title).toBe("纪要 · 杜集区 · 实际");
    expect(f.self).toBe(`${BASE}/feed.atom?place=${enc("杜集")}&kind=reported`);
    expect(f.items.map((i) => i.id)).toEqual([`tag:jiyao,2026:article:${article("001").id}`]);

    // Content follows the filter: only target figures in a kind=target feed.
    const t = await fetchFeed("/feed.json?kind=target");
    const a003 = t.items.find((i) => i.id.endsWith(`:${article("003").id}`))!;
    expect(a003.html).not.toContain("<td>实际</td>");
    expect(a003.html).toContain("<td>目标</td>");
  });

  it("answers 400 problems for bad filter values", async () => {
    for (const q of ["limit=0", "limit=201", "limit=abc", "kind=goal", `place=${enc("(qū)")}`, `q=${"长".repeat(101)}`]) {
      const res = await get(`/feed.xml?${q}`);
      expect(res.status, q).toBe(400);
      expect(res.headers.get("content-type")).toBe("application/problem+json; charset=utf-8");
      const body = (await res.json()) as { code: string; parameter: string };
      expect(body.code).toBe("invalid_parameter");
      expect(q.startsWith(body.parameter)).toBe(true);
    }
    expect((await get("/digest.json?limit=500")).status).toBe(400);
  });

  it("an empty result is a valid empty feed in every format", async () => {
    for (const name of ["feed", "digest"]) {
      for (const ext of VARIANTS) {
        const feed = await fetchFeed(`/${name}.${ext}?place=${enc("不存在的地方")}`);
        expect(feed.items).toEqual([]);
        expect(feed.title).toContain("不存在的地方");
      }
    }
    const json = JSON.parse((await fetchFeed(`/feed.json?q=${enc("没有这个词语")}`)).raw);
    expect(json.items).toEqual([]);
  });
});

describe("digest feeds", () => {
  for (const ext of VARIANTS) {
    it(`/digest.${ext}: one item per Asia/Shanghai day, goals and figures grouped by place`, async () => {
      const feed = await fetchFeed(`/digest.${ext}`);
      expect(feed.self).toBe(`${BASE}/digest.${ext}`);
      expect(feed.items.length).toBe(1);
      const day = feed.items[0]!;
      expect(day.id).toBe("tag:jiyao,2026:digest:2026-11-20");
      expect(day.url).toBe(`${BASE}/?day=2026-11-20`);
      // The day's counts are the rows the pipeline stored for the articles received that day.
      const rows = await dayRows();
      expect(rows.goals).toBeGreaterThan(0);
      expect(rows.figures).toBeGreaterThan(0);
      expect(day.title).toBe(`2026-11-20 纪要：${rows.places.length} 个地方，${rows.goals} 个目标，${rows.figures} 个数字`);
      // 001's figures are filed under its place; 002's goals and figures under the streets they name.
      expect(rows.places).toEqual(expect.arrayContaining(["杜集区", "金山桥街道"]));
      expect([...day.categories].sort()).toEqual(rows.places);
      expect(day.html).toContain("<h3>杜集区</h3>");
      expect(day.html).toContain("<td>财政收入</td><td>12亿元</td><td>实际</td>");
      expect(day.html).toContain("<td>税收</td><td>12亿元</td><td>目标</td>");
      expect(day.html).toContain(`${BASE}/articles/${article("001").id}#f-`);
      // Dated at the day's latest arrival with rows (articles without goals or figures do not count).
      expect(day.date).toBe(rows.latest);
      expect(day.date).toBeGreaterThanOrEqual(RECEIVED);
    });
  }

  it("filters the digest: 徐州经济技术开发区 targets", async () => {
    const zone = "徐州经济技术开发区";
    const feed = await fetchFeed(`/digest.xml?place=${enc(zone)}&kind=target`);
    expect(feed.title).toBe(`纪要每日汇总 · ${zone} · 目标`);
    expect(feed.items.length).toBe(1);
    expect(feed.items[0]!.id).toBe(`tag:jiyao,2026:digest:2026-11-20?place=${enc(zone)}&kind=target`);
    expect(feed.items[0]!.url).toBe(`${BASE}/?place=${enc(zone)}&kind=target&day=2026-11-20`);
    // Its places are those of the stored target rows the filter keeps: rows attributed to the zone
    // or a place under it (320371…), and rows of articles naming it (goals only when their actor is
    // unknown or is the zone).
    const { results } = await env.DB.prepare(
      `SELECT DISTINCT r.place_key AS key FROM (
         SELECT f.place_key, f.article_id, NULL AS actor, 0 AS goal FROM figures f WHERE f.kind = 'target'
         UNION ALL SELECT g.place_key, g.article_id, g.actor, 1 AS goal FROM goals g
       ) r JOIN articles a ON a.id = r.article_id AND a.status = 'extracted'
       WHERE (r.place_key >= '320371' AND r.place_key < '320371\uffff')
         OR (r.article_id IN (SELECT article_id FROM article_places WHERE place_key >= '320371' AND place_key < '320371\uffff')
         AND (r.goal = 0 OR r.actor IS NULL OR r.actor LIKE '%徐州经济技术开发%'))`,
    ).all<{ key: string | null }>();
    const expected = [...new Set(results.map((r) => placeLabel(r.key)))].sort();
    // The article about 经开区 files its targets under the streets that set them.
    expect(expected).toContain("金山桥街道");
    expect([...feed.items[0]!.categories].sort()).toEqual(expected);
    expect(feed.items[0]!.html).not.toContain("财政收入");
    expect(feed.items[0]!.html).toContain("<td>税收</td><td>12亿元</td><td>目标</td>");
    const reported = await fetchFeed(`/digest.json?place=${enc(zone)}&kind=reported`);
    expect(reported.items).toEqual([]);
  });
});

describe("HTTP", () => {
  for (const path of ["/feed.xml", "/feed.atom", "/feed.json", "/digest.xml", "/digest.atom", "/digest.json", "/opml.xml"]) {
    it(`${path}: ETag from content, Last-Modified, 304 round trips, HEAD, Cache-Control`, async () => {
      const first = await get(path);
      expect(first.status).toBe(200);
      const body = await first.text();
      const etag = first.headers.get("etag")!;
      const lastModified = first.headers.get("last-modified")!;
      expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
      expect(Date.parse(lastModified)).toBeGreaterThan(0);
      expect(first.headers.get("cache-control")).toMatch(/max-age=\d+/);
      expect(first.headers.get("content-type")).toMatch(/; charset=utf-8$/);

      const again = await get(path);
      expect(again.headers.get("etag")).toBe(etag);
      expect(await again.text()).toBe(body);

      const inm = await get(path, { headers: { "if-none-match": etag } });
      expect(inm.status).toBe(304);
      expect(await inm.text()).toBe("");
      expect(inm.headers.get("etag")).toBe(etag);
      const weak = await get(path, { headers: { "if-none-match": `"other", W/${etag}` } });
      expect(weak.status).toBe(304);
      const ims = await get(path, { headers: { "if-modified-since": lastModified } });
      expect(ims.status).toBe(304);
      const stale = await get(path, { headers: { "if-none-match": '"stale"', "if-modified-since": lastModified } });
      expect(stale.status).toBe(200);
      const older = await get(path, { headers: { "if-modified-since": new Date(Date.parse(lastModified) - 1000).toUTCString() } });
      expect(older.status).toBe(200);

      const head = await get(path, { method: "HEAD" });
      expect(head.status).toBe(200);
      expect(head.headers.get("etag")).toBe(etag);
      expect(await head.text()).toBe("");
    });
  }

  it("the ETag changes with the content (a filter), not with time", async () => {
    const a = (await get("/feed.xml")).headers.get("etag");
    const b = (await get("/feed.xml?kind=target")).headers.get("etag");
    expect(a).not.toBe(b);
    // A day and a second later on the Worker's clock (helpers/clock.ts): the same validators.
    const before = await Promise.all(["/feed.xml", "/digest.xml", "/opml.xml"].map((p) => get(p)));
    setClock(Date.now() + 24 * 3600 * 1000 + 1000);
    const after = await Promise.all(["/feed.xml", "/digest.xml", "/opml.xml"].map((p) => get(p)));
    for (const [i, res] of after.entries()) {
      expect(res.headers.get("etag")).toBe(before[i]!.headers.get("etag"));
      expect(res.headers.get("last-modified")).toBe(before[i]!.headers.get("last-modified"));
    }
  });
});

describe("discovery", () => {
  it("uses PUBLIC_BASE_URL for links when it is set", async () => {
    const res = await app.fetch(new Request(`${BASE}/feed.atom?kind=target`), { ...env, PUBLIC_BASE_URL: "https://jiyao.example/" });
    const xml = await res.text();
    expect(xml).toContain('<link href="https://jiyao.example/feed.atom?kind=target" rel="self"');
    expect(xml).toContain("https://jiyao.example/articles/");
    expect(xml).not.toContain(BASE);
  });

  it("/opml.xml lists the digest and one digest feed per known place", async () => {
    const res = await get("/opml.xml");
    expect(res.headers.get("content-type")).toBe("text/x-opml; charset=utf-8");
    const opml = parseOpml(await res.text());
    const outlines = opml.body?.outlines ?? [];
    // One outline per place the pipeline stored.
    const { results } = await env.DB.prepare("SELECT name FROM places").all<{ name: string }>();
    expect(results.map((r) => r.name)).toContain("杜集区");
    expect(outlines.length).toBe(results.length + 1);
    expect(outlines[0]).toMatchObject({ text: "纪要 · 全部地方", xmlUrl: `${BASE}/digest.xml` });
    expect(outlines.slice(1).map((o) => o.text).sort()).toEqual(results.map((r) => `纪要 · ${r.name}`).sort());
    const dj = outlines.find((o) => o.text === "纪要 · 杜集区")!;
    expect(dj.type).toBe("rss");
    expect(dj.xmlUrl).toBe(`${BASE}/digest.xml?place=${enc("杜集区")}`);
    expect(new Set(outlines.map((o) => o.xmlUrl)).size).toBe(outlines.length);
    // Every listed feed answers.
    const feed = await fetchFeed(dj.xmlUrl!.slice(BASE.length));
    expect(feed.items.length).toBe(1);
  });
});

/** A digest's heading for a row's place key: the key's name (gazetteer, else after its last "/"). */
function placeLabel(key: string | null): string {
  return key === null ? "未注明地点" : (placeNameOf(key) ?? key);
}

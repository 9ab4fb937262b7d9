/**
 * Feeds: /feed.{xml,atom,json} (one item per extracted article), /digest.{xml,atom,json} (one item
 * per Asia/Shanghai day, goals and figures grouped by place) and /opml.xml (the digest, and one
 * digest per place).
 * Filters: place, metric, kind, q, limit (src/filter.ts); the rows come from src/db/queries. HEAD is served by hono from GET.
 */
import { Hono } from "hono";
import type { AppEnv } from "../app-env";
import { readsOf } from "../db/reads";
import { filterLabel, filterQuery, parseFeedFilter } from "../filter";
import { baseUrl, cachedResponse, CONTENT_TYPES } from "./http";
import { articleEntry, digestEntry, toAtom, toJsonFeed, toOpml, toRss, type FeedDoc } from "./render";

type Format = "rss" | "atom" | "json";
const EXT: Record<Format, string> = { rss: "xml", atom: "atom", json: "json" };

export const feedRoutes = new Hono<AppEnv>();

function selfUrls(base: string, name: "feed" | "digest", query: string) {
  return {
    rss: `${base}/${name}.${EXT.rss}${query}`,
    atom: `${base}/${name}.${EXT.atom}${query}`,
    json: `${base}/${name}.${EXT.json}${query}`,
  };
}

function serialize(doc: FeedDoc, format: Format): string {
  return format === "rss" ? toRss(doc) : format === "atom" ? toAtom(doc) : toJsonFeed(doc);
}

for (const format of ["rss", "atom", "json"] as const) {
  feedRoutes.get(`/feed.${EXT[format]}`, async (c) => {
    const f = parseFeedFilter((k) => c.req.query(k));
    const base = baseUrl(c.env, c.req.raw);
    const query = filterQuery(f);
    const reads = readsOf(c.env);
    const label = filterLabel(f);
    const rows = await reads.articleFeed(f);
    const items = rows.map((a) => articleEntry(a, base));
    const doc: FeedDoc = {
      title: label ? `纪要 · ${label}` : "纪要 · 最新文章",
      description: `地方政府新闻中的目标与数字，每篇文章一条${label ? `（${label}）` : ""}。`,
      homeUrl: `${base}/${filterQuery(f, false)}`,
      self: selfUrls(base, "feed", query),
      id: `tag:jiyao,2026:feed${query}`,
      updated: Math.max(0, ...items.map((e) => e.updated)),
      items,
    };
    return cachedResponse(c.req.raw, serialize(doc, format), CONTENT_TYPES[format], doc.updated);
  });

  feedRoutes.get(`/digest.${EXT[format]}`, async (c) => {
    const f = parseFeedFilter((k) => c.req.query(k));
    const base = baseUrl(c.env, c.req.raw);
    const query = filterQuery(f);
    const reads = readsOf(c.env);
    const label = filterLabel(f);
    const days = await reads.digest(f);
    const idQuery = filterQuery(f, false);
    const items = days.map((d) => {
      const page = new URLSearchParams(idQuery.slice(1));
      page.set("day", d.day);
      return digestEntry(d, base, idQuery, `${base}/?${page}`);
    });
    const doc: FeedDoc = {
      title: label ? `纪要每日汇总 · ${label}` : "纪要每日汇总",
      description: `每天（北京时间）一条：当天的目标与数字，按地方分组${label ? `（${label}）` : ""}。`,
      homeUrl: `${base}/${idQuery}`,
      self: selfUrls(base, "digest", query),
      id: `tag:jiyao,2026:digest${query}`,
      updated: Math.max(0, ...items.map((e) => e.updated)),
      items,
    };
    return cachedResponse(c.req.raw, serialize(doc, format), CONTENT_TYPES[format], doc.updated);
  });
}

feedRoutes.get("/opml.xml", async (c) => {
  const base = baseUrl(c.env, c.req.raw);
  const { places: placeList, updated } = await readsOf(c.env).opml();
  // The all-places digest first (OPML needs at least one outline, even before any article).
  const outlines = [
    { text: "纪要 · 全部地方", xmlUrl: `${base}/digest.xml`, htmlUrl: `${base}/` },
    ...placeList.map((p) => {
      const q = `?${new URLSearchParams({ place: p.name })}`;
      return { text: `纪要 · ${p.name}`, xmlUrl: `${base}/digest.xml${q}`, htmlUrl: `${base}/${q}` };
    }),
  ];
  const body = toOpml("纪要：各地每日汇总", outlines, updated);
  return cachedResponse(c.req.raw, body, CONTENT_TYPES.opml, updated);
});

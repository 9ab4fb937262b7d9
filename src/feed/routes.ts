/**
 * Feeds: /feed.{xml,atom,json} (one item per extracted article), /digest.{xml,atom,json} (one item
 * per Asia/Shanghai day, goals and figures grouped by place) and /opml.xml (the digest, and one
 * digest per place).
 * Filters: place, metric, kind, q, limit (see ./filter.ts). HEAD is served by hono from GET.
 */
import { Hono } from "hono";
import type { AppEnv } from "../app";
import { articleFeedData, digestData, knownPlaces, placeDisplayName } from "./data";
import { filterQuery, isFiltered, parseFeedFilter, type FeedFilter } from "./filter";
import { baseUrl, cachedResponse } from "./http";
import { articleEntry, digestEntry, toAtom, toJsonFeed, toOpml, toRss, type FeedDoc } from "./render";
import { KIND_LABEL } from "./text";

export const CONTENT_TYPES = {
  rss: "application/rss+xml; charset=utf-8",
  atom: "application/atom+xml; charset=utf-8",
  json: "application/feed+json; charset=utf-8",
  opml: "text/x-opml; charset=utf-8",
} as const;

type Format = "rss" | "atom" | "json";
const EXT: Record<Format, string> = { rss: "xml", atom: "atom", json: "json" };

export const feedRoutes = new Hono<AppEnv>();

/** The human title of a filter: 杜集区 · 目标 · 指标“财政” · 关键词“…”. */
export async function filterLabel(d1: D1Database, f: FeedFilter): Promise<string> {
  const parts: string[] = [];
  if (f.placeKey) parts.push((await placeDisplayName(d1, f.placeKey)) ?? f.place!);
  if (f.kind) parts.push(KIND_LABEL[f.kind]);
  if (f.metric) parts.push(`指标“${f.metric}”`);
  if (f.q) parts.push(`关键词“${f.q}”`);
  return parts.join(" · ");
}

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
    const [label, rows] = await Promise.all([filterLabel(c.env.DB, f), articleFeedData(c.env.DB, f)]);
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
    const [label, days] = await Promise.all([filterLabel(c.env.DB, f), digestData(c.env.DB, f)]);
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
  const placeList = await knownPlaces(c.env.DB);
  const latest = await c.env.DB.prepare("SELECT max(coalesce(extracted_at, received_at)) AS t FROM articles WHERE status = 'extracted'").first<{ t: number | null }>();
  // The all-places digest first (OPML needs at least one outline, even before any article).
  const outlines = [
    { text: "纪要 · 全部地方", xmlUrl: `${base}/digest.xml`, htmlUrl: `${base}/` },
    ...placeList.map((p) => {
      const q = `?${new URLSearchParams({ place: p.name })}`;
      return { text: `纪要 · ${p.name}`, xmlUrl: `${base}/digest.xml${q}`, htmlUrl: `${base}/${q}` };
    }),
  ];
  const body = toOpml("纪要：各地每日汇总", outlines, latest?.t ?? 0);
  return cachedResponse(c.req.raw, body, CONTENT_TYPES.opml, latest?.t ?? 0);
});

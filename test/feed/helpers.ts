/** Feed test helpers: fetch through the real Worker entry, parse with feedsmith (a real feed parser). */
import { exports } from "cloudflare:workers";
import { parseAtomFeed, parseJsonFeed, parseOpml, parseRssFeed } from "feedsmith";
import { expect } from "vitest";

export const BASE = "http://jiyao.test";

export function get(path: string, init?: RequestInit): Promise<Response> {
  return exports.default.fetch(`${BASE}${path}`, init);
}

/** Characters XML 1.0 forbids, and lone surrogates. */
export const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** RFC 822 date as RSS 2.0 wants it (4-digit year allowed, as the W3C validator does). */
export const RFC822 = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} (GMT|[+-]\d{4})$/;

export interface Parsed {
  title: string;
  items: { id: string; title: string; url: string; date: number; categories: string[]; html: string }[];
  self: string | undefined;
  raw: string;
}

const clean = (s: string | undefined) => (s ?? "").trim();

export async function fetchFeed(path: string): Promise<Parsed> {
  const res = await get(path);
  const raw = await res.text();
  expect(res.status, `${path}: ${raw.slice(0, 300)}`).toBe(200);
  expect(raw).not.toMatch(XML_INVALID);
  const type = res.headers.get("content-type") ?? "";
  if (path.includes(".xml")) {
    expect(type).toBe("application/rss+xml; charset=utf-8");
    const feed = parseRssFeed(raw);
    return {
      title: clean(feed.title),
      self: feed.atom?.links?.find((l) => l.rel === "self")?.href,
      raw,
      items: (feed.items ?? []).map((i) => ({
        id: clean(i.guid?.value),
        title: clean(i.title),
        url: clean(i.link),
        date: Date.parse(i.pubDate ?? ""),
        categories: (i.categories ?? []).map((c) => clean(c.name)),
        html: clean(i.description),
      })),
    };
  }
  if (path.includes(".atom")) {
    expect(type).toBe("application/atom+xml; charset=utf-8");
    const feed = parseAtomFeed(raw);
    return {
      title: clean(feed.title?.value),
      self: feed.links?.find((l) => l.rel === "self")?.href,
      raw,
      items: (feed.entries ?? []).map((e) => ({
        id: clean(e.id),
        title: clean(e.title?.value),
        url: clean(e.links?.find((l) => (l.rel ?? "alternate") === "alternate")?.href),
        date: Date.parse(e.published ?? e.updated ?? ""),
        categories: (e.categories ?? []).map((c) => clean(c.term)),
        html: clean(e.content?.value),
      })),
    };
  }
  expect(type).toBe("application/feed+json; charset=utf-8");
  const json = JSON.parse(raw);
  // JSON Feed 1.1 required fields.
  expect(json.version).toBe("https://jsonfeed.org/version/1.1");
  expect(typeof json.title).toBe("string");
  expect(Array.isArray(json.items)).toBe(true);
  for (const item of json.items) {
    expect(typeof item.id).toBe("string");
    expect(typeof item.content_html === "string" || typeof item.content_text === "string").toBe(true);
  }
  const feed = parseJsonFeed(json);
  return {
    title: clean(feed.title),
    self: feed.feed_url,
    raw,
    items: (feed.items ?? []).map((i) => ({
      id: i.id ?? "",
      title: i.title ?? "",
      url: i.url ?? "",
      date: Date.parse(i.date_published ?? ""),
      categories: i.tags ?? [],
      html: i.content_html ?? "",
    })),
  };
}

export { parseOpml };
export const VARIANTS = ["xml", "atom", "json"] as const;

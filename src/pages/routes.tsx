/**
 * Pages people read, server-rendered with hono/jsx (no client script): the digest (/), one article
 * with its figures and goals highlighted (/articles/:id) and a metric across places (/metrics/:metric).
 * Bad filters answer an HTML page with status 400 (the feeds answer problem JSON).
 */
import { Hono, type Context } from "hono";
import { html } from "hono/html";
import { secureHeaders } from "hono/secure-headers";
import type { Child } from "hono/jsx";
import type { AppEnv } from "../app-env";
import { hasControlChars } from "../db/queries";
import { readsOf } from "../db/reads";
import { type FeedFilter, filterLabel, filterQuery, parseFeedFilter } from "../filter";
import { Problem } from "../problems";
import type { FeedLinks } from "./layout";
import { ArticlePage, DigestPage, ErrorPage, MetricPage } from "./views";

export const pageRoutes = new Hono<AppEnv>();

/** Days of digest the home page shows unless `limit` says otherwise. */
export const PAGE_DAYS = 7;
const PAGE_CACHE = "public, max-age=60";

function feedLinks(title: string, name: "feed" | "digest", query: string): FeedLinks {
  return { title, rss: `/${name}.xml${query}`, atom: `/${name}.atom${query}`, json: `/${name}.json${query}` };
}

/** An HTML response with the doctype (standards mode). */
export function render(c: Context<AppEnv>, node: Child, status: 200 | 400 | 404 = 200) {
  return c.html(html`<!DOCTYPE html>${node}`, status);
}

/**
 * The pages run no script and load nothing from elsewhere: a strict Content-Security-Policy makes
 * any markup that slipped through escaping inert, and framing is refused.
 */
export const pageSecurity = secureHeaders({
  contentSecurityPolicy: {
    defaultSrc: ["'none'"],
    styleSrc: ["'unsafe-inline'"],
    imgSrc: ["'self'", "data:"],
    formAction: ["'self'"],
    baseUri: ["'none'"],
    frameAncestors: ["'none'"],
  },
  crossOriginResourcePolicy: false,
});
for (const path of ["/", "/articles/*", "/metrics/*"]) pageRoutes.use(path, pageSecurity);

pageRoutes.onError((err, c) => {
  if (err instanceof Problem && err.status < 500) {
    return render(c, <ErrorPage status={err.status} title={err.title} detail={err.message} />, err.status as 400);
  }
  throw err;
});

pageRoutes.get("/", async (c) => {
  const parsed = parseFeedFilter((k) => c.req.query(k));
  const f: FeedFilter = { ...parsed, limit: c.req.query("limit") ? parsed.limit : PAGE_DAYS };
  const q = filterQuery({ ...f, limit: 50 });
  const rawDay = c.req.query("day");
  const day = rawDay?.trim() || undefined;
  if ((rawDay !== undefined && hasControlChars(rawDay)) || (day !== undefined && !isCalendarDay(day))) {
    throw new Problem("invalid_parameter", "day must be a date that exists, YYYY-MM-DD", { parameter: "day" });
  }
  const label = filterLabel(f);
  const { days, places } = await readsOf(c.env).home(f, day, { limit: 200 });
  const feeds = [feedLinks(label ? `每日汇总 · ${label}` : "每日汇总", "digest", q), feedLinks(label ? `文章 · ${label}` : "文章", "feed", q)];
  c.header("cache-control", PAGE_CACHE);
  return render(c, <DigestPage filter={f} label={label} days={days} places={places} feeds={feeds} pageDays={f.limit} day={day} />);
});

/** YYYY-MM-DD naming a day that exists (2024-02-29 yes, 2024-02-30 no). */
function isCalendarDay(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const t = Date.parse(`${s}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().startsWith(s);
}

pageRoutes.get("/articles/:id", async (c) => {
  const raw = c.req.param("id");
  const id = /^[1-9]\d{0,15}$/.test(raw) ? Number(raw) : NaN;
  const page = Number.isSafeInteger(id) ? await readsOf(c.env).articlePage(id) : null;
  const a = page?.article;
  if (!page || !a) return render(c, <ErrorPage status={404} title="找不到这篇文章" detail={`没有编号为 ${raw} 的文章。`} />, 404);
  const place = a.places[0];
  const feeds = place ? [feedLinks(`每日汇总 · ${place.name}`, "digest", `?${new URLSearchParams({ place: place.name })}`)] : [];
  c.header("cache-control", PAGE_CACHE);
  return render(c, <ArticlePage a={a} feeds={feeds} promises={page.promises} />);
});

pageRoutes.get("/metrics/:metric", async (c) => {
  const metric = c.req.param("metric").trim();
  const f = parseFeedFilter((k) => (k === "metric" ? metric : k === "kind" ? c.req.query("kind") : undefined));
  if (!f.metric) throw new Problem("invalid_parameter", "metric must not be empty", { parameter: "metric" });
  const page = await readsOf(c.env).figures({ metric: f.metric, kind: f.kind, limit: 200 });
  const q = filterQuery({ ...f, limit: 50 });
  const feeds = [feedLinks(`每日汇总 · 指标“${f.metric}”`, "digest", q)];
  c.header("cache-control", PAGE_CACHE);
  return render(c, <MetricPage metric={f.metric} kind={f.kind} items={page.items} more={page.next !== null} feeds={feeds} />);
});

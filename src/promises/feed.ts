/**
 * Promise feeds: /promises.xml (RSS 2.0), /promises.atom, /promises.json (JSON Feed 1.1), one
 * item per verdict as it is reached (met / missed / no_report), newest first; filters `place`
 * (name or code, as /v1/promises), `metric`, `verdict`, `limit` — subscribe to 保定市's missed
 * targets with /promises.xml?place=保定市&verdict=missed. Rendered by the feed module's writers.
 */
import { Hono } from "hono";
import type { AppEnv } from "../app-env";
import { REACHED_VERDICTS, type PromiseFigure, type PromiseItem } from "../db/queries/promises";
import { readsOf } from "../db/reads";
import { baseUrl, cachedResponse, CONTENT_TYPES } from "../feed/http";
import { toAtom, toJsonFeed, toRss, type FeedDoc, type FeedEntry } from "../feed/render";
import { esc } from "../feed/text";
import { DEFAULT_LIMIT, hasControlChars, MAX_LIMIT } from "../db/queries";
import { placeKey } from "../places";
import { Problem } from "../problems";
import { VERDICT_LABEL, withQualifier } from "./labels";


interface PromiseFeedFilter {
  place?: string;
  metric?: string;
  verdict?: (typeof REACHED_VERDICTS)[number];
  limit: number;
}

function bad(parameter: string, detail: string): never {
  throw new Problem("invalid_parameter", detail, { parameter });
}

function parseFilter(get: (k: string) => string | undefined): PromiseFeedFilter {
  const f: PromiseFeedFilter = { limit: DEFAULT_LIMIT };
  const rawPlace = get("place");
  const place = rawPlace?.trim();
  if (rawPlace !== undefined && place !== undefined) {
    if (!place || place.length > 50 || hasControlChars(rawPlace) || placeKey(place) === "") bad("place", "place must be a place name or code (at most 50 characters)");
    f.place = place;
  }
  const rawMetric = get("metric");
  const metric = rawMetric?.trim();
  if (rawMetric !== undefined && metric !== undefined) {
    if (!metric || metric.length > 100 || hasControlChars(rawMetric)) bad("metric", "metric must be 1 to 100 characters");
    f.metric = metric;
  }
  const verdict = get("verdict");
  if (verdict !== undefined) {
    if (!(REACHED_VERDICTS as readonly string[]).includes(verdict)) bad("verdict", `verdict must be one of ${REACHED_VERDICTS.join(", ")}`);
    f.verdict = verdict as PromiseFeedFilter["verdict"];
  }
  const limit = get("limit");
  if (limit !== undefined) {
    const n = Number(limit);
    if (!/^\d+$/.test(limit) || n < 1 || n > MAX_LIMIT) bad("limit", `limit must be an integer from 1 to ${MAX_LIMIT}`);
    f.limit = n;
  }
  return f;
}

function query(f: PromiseFeedFilter): string {
  const q = new URLSearchParams();
  if (f.place) q.set("place", f.place);
  if (f.metric) q.set("metric", f.metric);
  if (f.verdict) q.set("verdict", f.verdict);
  if (f.limit !== DEFAULT_LIMIT) q.set("limit", String(f.limit));
  const s = q.toString();
  return s ? `?${s}` : "";
}

function entry(p: PromiseItem & { reached_at: number }, base: string): FeedEntry {
  const article = (f: PromiseFigure) => `${base}/articles/${f.article_id}`;
  const verdict = VERDICT_LABEL[p.verdict];
  const outcome = p.outcome ? `，实际 ${withQualifier(p.outcome)}` : "";
  const quote = (label: string, f: PromiseFigure) =>
    `<p>${label}（${esc(f.published ?? "日期不详")}）：${esc(f.sentence ?? f.text)} <a href="${esc(article(f))}">原文</a></p>`;
  return {
    // A verdict that changes is a new item: the id names the verdict.
    id: `tag:jiyao,2026:promise:${p.id}:${p.verdict}`,
    title: `${p.place} ${p.period} ${p.metric} 目标 ${withQualifier(p.target)}${outcome}：${verdict}`,
    url: `${base}/v1/promises/${p.id}`,
    published: p.reached_at,
    updated: p.reached_at,
    categories: [p.place, p.metric_key ?? p.metric, verdict],
    html: [
      `<p><strong>${esc(verdict)}</strong> · ${esc(p.place)} · ${esc(p.period)} · ${esc(p.metric)}</p>`,
      quote("目标", p.target),
      p.outcome ? quote("结果", p.outcome) : "<p>此后的报告回顾了这一时期，但没有给出这项指标的数字。</p>",
    ].join(""),
    summary: `${p.metric} 目标 ${withQualifier(p.target)}${outcome}：${verdict}`,
  };
}

export const promiseFeedRoutes = new Hono<AppEnv>();

const FORMATS = { rss: { ext: "xml", render: toRss }, atom: { ext: "atom", render: toAtom }, json: { ext: "json", render: toJsonFeed } } as const;

for (const [format, { ext, render }] of Object.entries(FORMATS) as [keyof typeof FORMATS, (typeof FORMATS)[keyof typeof FORMATS]][]) {
  promiseFeedRoutes.get(`/promises.${ext}`, async (c) => {
    const f = parseFilter((k) => c.req.query(k));
    const base = baseUrl(c.env, c.req.raw);
    const q = query(f);
    const items = (await readsOf(c.env).reachedPromises(f)).map((p) => entry(p, base));
    const label = [f.place, f.metric && `指标“${f.metric}”`, f.verdict && VERDICT_LABEL[f.verdict]].filter(Boolean).join(" · ");
    const doc: FeedDoc = {
      title: label ? `纪要 · 承诺 · ${label}` : "纪要 · 承诺兑现",
      description: `目标与此后报告的结果：每个评定一条${label ? `（${label}）` : ""}。`,
      homeUrl: `${base}/v1/promises${q}`,
      self: { rss: `${base}/promises.xml${q}`, atom: `${base}/promises.atom${q}`, json: `${base}/promises.json${q}` },
      id: `tag:jiyao,2026:promises${q}`,
      updated: Math.max(0, ...items.map((e) => e.updated)),
      items,
    };
    return cachedResponse(c.req.raw, render(doc), CONTENT_TYPES[format], doc.updated);
  });
}

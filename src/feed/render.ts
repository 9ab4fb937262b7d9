/**
 * Feed documents: one neutral shape (`FeedDoc`) rendered as RSS 2.0, Atom 1.0 and JSON Feed 1.1
 * by feedsmith, plus the HTML content of each item (every value escaped here).
 */
import { generateAtomFeed, generateJsonFeed, generateOpml, generateRssFeed } from "feedsmith";
import type { DigestDay, FeedArticle, FeedFigure, FeedGoal, FigureRef } from "../db/queries";
import { publishedInstant, shanghaiDayStart } from "../text/beijing";
import { esc, KIND_LABEL, xmlSafe } from "./text";

export interface FeedEntry {
  /** Stable id (RSS guid, Atom id, JSON Feed id); never a URL, so isPermaLink="false". */
  id: string;
  title: string;
  url: string;
  published: number;
  updated: number;
  categories: string[];
  html: string;
  summary: string;
}

export interface FeedDoc {
  title: string;
  description: string;
  /** The HTML page with the same content. */
  homeUrl: string;
  /** Self URLs per format. */
  self: { rss: string; atom: string; json: string };
  /** Feed-level id (Atom). */
  id: string;
  /** Latest change of any item (ms); 0 for an empty feed. */
  updated: number;
  items: FeedEntry[];
}

export const GENERATOR = "jiyao";
export const AUTHOR = "纪要 jiyao";

function figureTable(figs: (FigureRef & { articleId?: number })[], articleLink?: (id: number) => string): string {
  if (!figs.length) return "";
  const head = `<tr><th>指标</th><th>数值（原文）</th><th>类型</th><th>变化</th>${articleLink ? "<th>文章</th>" : ""}</tr>`;
  const rows = figs
    .map((f) => {
      const link = articleLink && f.articleId !== undefined ? `<td><a href="${esc(articleLink(f.articleId))}#f-${f.seq}">原文</a></td>` : "";
      return `<tr><td>${esc(f.metric ?? "—")}</td><td>${esc(f.text)}</td><td>${esc(KIND_LABEL[f.kind])}</td><td>${f.change ? "增减" : "—"}</td>${link}</tr>`;
    })
    .join("");
  return `<table><thead>${head}</thead><tbody>${rows}</tbody></table>`;
}

function goalList(gs: FeedGoal[], articleLink?: (id: number) => string): string {
  if (!gs.length) return "";
  const items = gs
    .map((g) => {
      const facts = [g.deadline ? `期限：${esc(g.deadline)}` : "", g.actor ? `主体：${esc(g.actor)}` : ""].filter(Boolean).join(" · ");
      const link = articleLink ? ` <a href="${esc(articleLink(g.articleId))}#g-${g.seq}">原文</a>` : "";
      return `<li>${esc(g.text)}${facts ? `<br><small>${facts}</small>` : ""}${link}</li>`;
    })
    .join("");
  return `<ul>${items}</ul>`;
}

/** The moment an article is dated at: published (Beijing time) or, when unknown, received. */
export function articleDate(a: { published: string | null; receivedAt: number }): number {
  return publishedInstant(a.published) ?? a.receivedAt;
}

export function articleEntry(a: FeedArticle, base: string): FeedEntry {
  const url = `${base}/articles/${a.id}`;
  const facts = [a.source, a.published, a.places.map((p) => p.name).join("、")].filter(Boolean).map(esc).join(" · ");
  const parts = [
    facts ? `<p>${facts}</p>` : "",
    a.goals.length ? `<h3>目标（${a.goals.length}）</h3>${goalList(a.goals)}` : "",
    a.figures.length ? `<h3>数字（${a.figures.length}）</h3>${figureTable(a.figures)}` : "",
    `<p><a href="${esc(url)}">原文与标注</a></p>`,
  ];
  const summary = `${a.goals.length} 个目标，${a.figures.length} 个数字`;
  return {
    id: `tag:jiyao,2026:article:${a.id}`,
    title: a.title ?? `文章 ${a.id}`,
    url,
    published: articleDate(a),
    updated: a.extractedAt ?? a.receivedAt,
    categories: a.places.map((p) => p.name),
    html: parts.join(""),
    summary,
  };
}

export function digestEntry(d: DigestDay, base: string, filterQuery: string, pageUrl: string): FeedEntry {
  const link = (id: number) => `${base}/articles/${id}`;
  const goalCount = d.places.reduce((n, p) => n + p.goals.length, 0);
  const figCount = d.places.reduce((n, p) => n + p.figures.length, 0);
  const sections = d.places.map(
    (p) =>
      `<h3>${esc(p.name)}</h3>${p.goals.length ? `<h4>目标</h4>${goalList(p.goals, link)}` : ""}${p.figures.length ? `<h4>数字</h4>${figureTable(p.figures, link)}` : ""}`,
  );
  const articleList = [...d.articles.values()]
    .map((a) => `<li><a href="${esc(link(a.id))}">${esc(a.title ?? `文章 ${a.id}`)}</a>${a.published ? ` <small>${esc(a.published)}</small>` : ""}</li>`)
    .join("");
  const summary = `${d.places.length} 个地方，${goalCount} 个目标，${figCount} 个数字`;
  return {
    id: `tag:jiyao,2026:digest:${d.day}${filterQuery}`,
    title: `${d.day} 纪要：${summary}`,
    url: pageUrl,
    // Dated at the end of the day so far (the latest arrival), in Beijing time.
    published: Math.max(d.receivedAt, shanghaiDayStart(d.day)),
    updated: d.updatedAt,
    categories: d.places.map((p) => p.name),
    html: `${sections.join("")}${d.truncated ? "<p>（当天内容较多，仅列出一部分。）</p>" : ""}<h3>文章</h3><ul>${articleList}</ul>`,
    summary,
  };
}

export function toRss(doc: FeedDoc): string {
  return xmlSafe(
    generateRssFeed({
      // Readers render RSS channel text as HTML: the filter echoed in it is escaped as text.
      title: esc(doc.title),
      link: doc.homeUrl,
      description: esc(doc.description),
      language: "zh-CN",
      generator: GENERATOR,
      lastBuildDate: doc.updated ? new Date(doc.updated) : undefined,
      ttl: 15,
      atom: { links: [{ href: doc.self.rss, rel: "self", type: "application/rss+xml" }] },
      items: doc.items.map((e) => ({
        title: e.title,
        link: e.url,
        description: e.html,
        guid: { value: e.id, isPermaLink: false },
        pubDate: new Date(e.published),
        categories: e.categories.map((name) => ({ name })),
      })),
    }),
  );
}

export function toAtom(doc: FeedDoc): string {
  return xmlSafe(
    generateAtomFeed({
      id: doc.id,
      title: { value: doc.title, type: "text" },
      subtitle: { value: doc.description, type: "text" },
      updated: new Date(doc.updated),
      generator: { text: GENERATOR },
      // RFC 4287 §4.1.1: a feed has an author unless every entry has one.
      authors: [{ name: AUTHOR }],
      links: [
        { href: doc.self.atom, rel: "self", type: "application/atom+xml" },
        { href: doc.homeUrl, rel: "alternate", type: "text/html" },
      ],
      entries: doc.items.map((e) => ({
        id: e.id,
        title: { value: e.title, type: "text" },
        updated: new Date(e.updated),
        published: new Date(e.published),
        links: [{ href: e.url, rel: "alternate", type: "text/html" }],
        categories: e.categories.map((term) => ({ term })),
        summary: { value: e.summary, type: "text" },
        content: { value: e.html, type: "html" },
      })),
    }),
  );
}

/** Drops XML-invalid characters from every string (JSON could carry them, readers choke on them). */
function cleanStrings(_key: string, value: unknown): unknown {
  return typeof value === "string" ? xmlSafe(value) : value;
}

export function toJsonFeed(doc: FeedDoc): string {
  const feed = generateJsonFeed({
    title: doc.title,
    home_page_url: doc.homeUrl,
    feed_url: doc.self.json,
    description: doc.description,
    language: "zh-CN",
    authors: [{ name: AUTHOR }],
    items: doc.items.map((e) => ({
      id: e.id,
      url: e.url,
      title: e.title,
      content_html: e.html,
      summary: e.summary,
      date_published: new Date(e.published),
      date_modified: new Date(e.updated),
      tags: e.categories,
    })),
  }) as Record<string, unknown>;
  // feedsmith leaves out an empty `items`; JSON Feed requires the key.
  return JSON.stringify({ ...feed, items: feed.items ?? [] }, cleanStrings);
}

export function toOpml(title: string, outlines: { text: string; xmlUrl: string; htmlUrl: string }[], updated: number): string {
  return xmlSafe(
    generateOpml({
      head: { title, ...(updated ? { dateModified: new Date(updated) } : {}) },
      body: { outlines: outlines.map((o) => ({ text: o.text, title: o.text, type: "rss", xmlUrl: o.xmlUrl, htmlUrl: o.htmlUrl })) },
    }),
  );
}

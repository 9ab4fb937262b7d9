/** A crafted article: markup, CDATA terminators, control characters, a lone surrogate. */
import { env } from "cloudflare:workers";
import { drizzle } from "drizzle-orm/d1";
import { articles } from "../../src/db/schema";
import type { Summary } from "../../src/extract/types";
import { storeSummary } from "../../src/pipeline/store";

export const HOSTILE_TITLE = '<script>alert("t")</script>]]>\u0001标题\uD800';
export const HOSTILE_TEXT = '杜集区<script>alert(1)</script>]]>\u0001 财政收入达12亿元<img src=x onerror=alert(2)>，年内完成<b>20家</b>。\u000B';

/** Stores the hostile article through the real storeSummary; returns its id. */
export async function storeHostile(receivedAt: number): Promise<number> {
  const [row] = await drizzle(env.DB)
    .insert(articles)
    .values({ webhookId: "hostile", contentHash: "hostile", rawHash: "hostile", text: HOSTILE_TEXT, encoding: "utf-8", format: "plain", receivedAt })
    .returning({ id: articles.id });
  const fig = HOSTILE_TEXT.indexOf("12亿元");
  const goal = HOSTILE_TEXT.indexOf("年内完成");
  const goalText = HOSTILE_TEXT.slice(goal, HOSTILE_TEXT.indexOf("。", goal));
  const summary: Summary = {
    title: HOSTILE_TITLE,
    published: null,
    source: "<i>来源</i>]]>\u0001",
    places: [
      { name: "杜集区", code: "340602", written: "杜集区" },
      { name: "<svg onload=alert(3)>", code: null, written: "<svg onload=alert(3)>" },
    ],
    figures: [
      { text: "12亿元", start: fig, end: fig + 4, value: 1.2e9, unit: "元", metric: '财政<script>alert("m")</script>]]>\u0001', kind: "reported" },
    ],
    goals: [{ text: goalText, start: goal, end: goal + goalText.length, figures: [], deadline: "年内<script>", actor: "]]>\u0001<a href=javascript:alert(4)>" }],
    warnings: [],
    errors: [],
  };
  await storeSummary(env.DB, { id: row!.id, text: HOSTILE_TEXT, metaTitle: null, metaSource: null, metaPublished: null, metaPlace: null }, summary, 1);
  return row!.id;
}


/**
 * Seeds the test file's D1 with the five corpus articles, stored and summarised.
 * For now the summaries are the GOLD annotations written through the real `storeSummary`
 * (offsets located in the text); once the pipeline lands this posts through the real webhook
 * and waits for the queue instead. Callers only rely on the returned ids and the gold.
 */
import { drizzle } from "drizzle-orm/d1";
import { env } from "cloudflare:workers";
import { articles } from "../../src/db/schema";
import type { Summary } from "../../src/extract/types";
import { storeSummary } from "../../src/pipeline/store";
import { CORPUS, type Gold, type SeedArticle } from "./corpus";

function locate(text: string, needle: string, from: number): number {
  const at = text.indexOf(needle, from);
  return at >= 0 ? at : text.indexOf(needle);
}

/** The gold annotation as a Summary (offsets found by searching the text in order). */
export function goldSummary(text: string, gold: Gold): Summary {
  let cursor = 0;
  const figures = gold.figures.map((f) => {
    const start = Math.max(0, locate(text, f.text, cursor));
    cursor = start + f.text.length;
    return { ...f, start, end: start + f.text.length };
  });
  cursor = 0;
  const goals = gold.goals.map((g) => {
    const start = Math.max(0, locate(text, g.text, cursor));
    cursor = start + 1;
    return { ...g, start, end: start + g.text.length };
  });
  return { title: gold.title, published: gold.published, source: gold.source, places: gold.places, figures, goals, warnings: [] };
}

export interface Seeded extends SeedArticle {
  id: number;
}

/** Stores the corpus; `receivedAt` of article i is `base + i` minutes, so order is stable. */
export async function seedCorpus(base = Date.UTC(2026, 10, 20, 2, 0)): Promise<Seeded[]> {
  const db = drizzle(env.DB);
  const out: Seeded[] = [];
  for (const [i, a] of CORPUS.entries()) {
    const [row] = await db
      .insert(articles)
      .values({
        webhookId: `seed-${a.name}`,
        contentHash: `seed-${a.name}`,
        rawHash: `seed-${a.name}`,
        text: a.text,
        encoding: "utf-8",
        format: "plain",
        receivedAt: base + i * 60_000,
      })
      .returning({ id: articles.id });
    const meta = { id: row!.id, metaTitle: null, metaSource: null, metaPublished: null, metaPlace: null };
    await storeSummary(env.DB, meta, goldSummary(a.text, a.gold), 1);
    out.push({ ...a, id: row!.id });
  }
  return out;
}

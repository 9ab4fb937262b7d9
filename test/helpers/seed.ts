/**
 * Seeds the test file's D1 with the five corpus articles the way production does: each is
 * signed and posted to the real webhook, the real queue delivers it to the real consumer, and
 * the real extractor's summary is stored. `storeGoldCorpus` instead writes the GOLD
 * annotations through `storeSummary` (for tests of the storage itself).
 */
import { env } from "cloudflare:workers";
import { drizzle } from "drizzle-orm/d1";
import { articles } from "../../src/db/schema";
import type { Summary } from "../../src/extract/types";
import { storeSummary } from "../../src/pipeline/store";
import { CORPUS, type Gold, type SeedArticle } from "./corpus";
import { eventually } from "./wait";
import { postJson } from "./webhook";

export interface Seeded extends SeedArticle {
  id: number;
}

/**
 * Posts the corpus and waits until every article is extracted. Article i is then dated as
 * received at `base + i` minutes, so tests see a stable order and day.
 */
export async function seedCorpus(base = Date.UTC(2026, 10, 20, 2, 0)): Promise<Seeded[]> {
  const out: Seeded[] = [];
  for (const [i, a] of CORPUS.entries()) {
    const res = await postJson({ text: a.text }, { id: `seed-${a.name}` });
    if (res.status !== 201) throw new Error(`seeding ${a.name}: ${res.status} ${await res.text()}`);
    const { id } = (await res.json()) as { id: number };
    await env.DB.prepare("UPDATE articles SET received_at = ? WHERE id = ?").bind(base + i * 60_000, id).run();
    out.push({ ...a, id });
  }
  await eventually(async () => {
    const r = await env.DB.prepare("SELECT count(*) AS n FROM articles WHERE status = 'extracted'").first<{ n: number }>();
    if ((r?.n ?? 0) < out.length) throw new Error(`extraction still running: ${r?.n ?? 0} of ${out.length} extracted`);
  });
  return out;
}

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
  return { title: gold.title, published: gold.published, source: gold.source, places: gold.places.map((p) => ({ name: p, code: null, written: p })), figures, goals, warnings: [], errors: [] };
}

/** Stores the corpus rows directly with the gold summaries (no webhook, no queue, no extractor). */
export async function storeGoldCorpus(base = Date.UTC(2026, 10, 20, 2, 0)): Promise<Seeded[]> {
  const db = drizzle(env.DB);
  const out: Seeded[] = [];
  for (const [i, a] of CORPUS.entries()) {
    const [row] = await db
      .insert(articles)
      .values({ webhookId: `gold-${a.name}`, contentHash: `gold-${a.name}`, rawHash: `gold-${a.name}`, text: a.text, encoding: "utf-8", format: "plain", receivedAt: base + i * 60_000 })
      .returning({ id: articles.id });
    const meta = { id: row!.id, text: a.text, metaTitle: null, metaSource: null, metaPublished: null, metaPlace: null };
    await storeSummary(env.DB, meta, goldSummary(a.text, a.gold), 1);
    out.push({ ...a, id: row!.id });
  }
  return out;
}

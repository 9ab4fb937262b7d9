/**
 * Raw first: the accepted article is written before anything else runs. Deduplication rests on
 * two unique indexes (webhook id, content hash), so two concurrent posts of the same article
 * cannot both insert: the loser's INSERT does nothing and it answers with the winner's id.
 */
import { eq } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import { articles } from "../db/schema";
import type { IncomingArticle } from "./parse";

export type IngestOutcome =
  | { kind: "created"; id: number }
  | { kind: "replay"; id: number; status: string }
  | { kind: "duplicate"; id: number; status: string };

async function sha256Hex(data: Uint8Array | string): Promise<string> {
  const bytes = typeof data === "string" ? new TextEncoder().encode(data) : data;
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  return Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * The dedup form of a text: NFKC (full-width and half-width forms alike), line breaks and runs
 * of white space folded, so a re-crawl that only re-wraps or re-spaces the page is the same article.
 */
export function normaliseForHash(text: string): string {
  return text.normalize("NFKC").replace(/\s+/g, " ").trim();
}

export async function findByWebhookId(d1: D1Database, webhookId: string) {
  const [row] = await drizzle(d1)
    .select({ id: articles.id, status: articles.status })
    .from(articles)
    .where(eq(articles.webhookId, webhookId))
    .limit(1);
  return row ?? null;
}

export async function storeIncoming(
  d1: D1Database,
  webhookId: string,
  rawBody: Uint8Array,
  article: IncomingArticle,
  now = Date.now(),
): Promise<IngestOutcome> {
  const db = drizzle(d1);
  const contentHash = await sha256Hex(normaliseForHash(article.text));
  const [inserted] = await db
    .insert(articles)
    .values({
      webhookId,
      contentHash,
      rawHash: await sha256Hex(rawBody),
      text: article.text,
      encoding: article.encoding,
      format: article.format,
      url: article.meta.url,
      metaTitle: article.meta.title,
      metaSource: article.meta.source,
      metaPublished: article.meta.published,
      metaPlace: article.meta.place,
      receivedAt: now,
    })
    .onConflictDoNothing()
    .returning({ id: articles.id });
  if (inserted) return { kind: "created", id: inserted.id };

  // Lost a race or a repeat: the same delivery (webhook id) first, then the same content.
  const replay = await findByWebhookId(d1, webhookId);
  if (replay) return { kind: "replay", id: replay.id, status: replay.status };
  const [dup] = await db
    .select({ id: articles.id, status: articles.status })
    .from(articles)
    .where(eq(articles.contentHash, contentHash))
    .limit(1);
  if (dup) return { kind: "duplicate", id: dup.id, status: dup.status };
  throw new Error("insert was ignored but no conflicting article was found");
}

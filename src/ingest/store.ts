/**
 * Raw first: the accepted article is written before anything else runs. Deduplication rests on
 * two unique indexes (webhook id, content hash), so two concurrent posts of the same article
 * cannot both insert: the loser's INSERT does nothing and it answers with the winner's id.
 */
import { eq, sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import { articleHomes, articles } from "../db/schema";
import { Problem } from "../problems";
import type { IncomingArticle } from "./parse";

/** D1's limit on one row (and on one string or BLOB): https://developers.cloudflare.com/d1/platform/limits/ */
export const D1_MAX_ROW_BYTES = 2_000_000;
/**
 * Kept free for what is written beside the text later: the resolved title, source and date, the
 * error of a failed attempt (at most 2,000 characters), the FTS row's title and metric names.
 */
export const LATER_WRITES_RESERVE = 65_536;
/** Most bytes the ingest-time values of one article row may take (text, metadata, keys, hashes). */
export const MAX_STORED_BYTES = D1_MAX_ROW_BYTES - LATER_WRITES_RESERVE;

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

/** UTF-8 length of `s` without encoding it. */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Bytes of the string columns one article row holds at ingest (hashes are 64 hex characters each). */
export function storedBytes(webhookId: string, article: IncomingArticle): number {
  const { meta } = article;
  const strings = [webhookId, article.text, article.encoding, article.declaredCharset, article.format, meta.url, meta.title, meta.source, meta.published, meta.place];
  return strings.reduce((sum, s) => sum + (s ? utf8Length(s) : 0), 2 * 64);
}

/**
 * Refuses an article whose row would not fit in D1 (413 `text_too_large`). The body limit counts
 * bytes as sent; a GBK body grows by about half when stored as UTF-8, so this is checked on what
 * will be stored. (An insert over D1's limit would fail on every retry: 503 forever.)
 */
export function checkStorable(webhookId: string, article: IncomingArticle): void {
  const bytes = storedBytes(webhookId, article);
  if (bytes > MAX_STORED_BYTES) {
    throw new Problem(
      "text_too_large",
      `The article takes ${bytes} bytes as UTF-8 with its metadata; at most ${MAX_STORED_BYTES} can be stored in one row. Split it.`,
      { limit: MAX_STORED_BYTES, size: bytes },
    );
  }
}

/**
 * The article a delivery created: still raw here, or moved to its province's shard (its home
 * record; it moved once extracted, so that is its status).
 */
export async function findByWebhookId(d1: D1Database, webhookId: string) {
  const db = drizzle(d1);
  const [row] = await db.select({ id: articles.id, status: articles.status }).from(articles).where(eq(articles.webhookId, webhookId)).limit(1);
  if (row) return row;
  const [home] = await db.select({ id: articleHomes.id }).from(articleHomes).where(eq(articleHomes.webhookId, webhookId)).limit(1);
  return home ? { id: home.id, status: "extracted" as const } : null;
}

/** The article with this content, here or moved (see findByWebhookId). */
async function findByContentHash(d1: D1Database, contentHash: string) {
  const db = drizzle(d1);
  const [row] = await db.select({ id: articles.id, status: articles.status }).from(articles).where(eq(articles.contentHash, contentHash)).limit(1);
  if (row) return row;
  const [home] = await db.select({ id: articleHomes.id }).from(articleHomes).where(eq(articleHomes.contentHash, contentHash)).limit(1);
  return home ? { id: home.id, status: "extracted" as const } : null;
}

/**
 * Stores the raw article in the catch-all database (`d1`), unless its delivery or its content is
 * already stored here or was moved from here: one statement, so a move committing meanwhile can
 * neither be missed nor let a second copy in.
 */
export async function storeIncoming(
  d1: D1Database,
  webhookId: string,
  rawBody: Uint8Array,
  article: IncomingArticle,
  now = Date.now(),
): Promise<IngestOutcome> {
  const db = drizzle(d1);
  const contentHash = await sha256Hex(normaliseForHash(article.text));
  const m = article.meta;
  const inserted = await db.get<{ id: number } | undefined>(sql`
    INSERT INTO ${articles} (webhook_id, content_hash, raw_hash, text, encoding, declared_charset, format, url, meta_title, meta_source, meta_published, meta_place, received_at)
    SELECT ${webhookId}, ${contentHash}, ${await sha256Hex(rawBody)}, ${article.text}, ${article.encoding}, ${article.declaredCharset}, ${article.format},
      ${m.url}, ${m.title}, ${m.source}, ${m.published}, ${m.place}, ${now}
    WHERE NOT EXISTS (SELECT 1 FROM ${articleHomes} WHERE ${articleHomes.webhookId} = ${webhookId} OR ${articleHomes.contentHash} = ${contentHash})
    ON CONFLICT DO NOTHING
    RETURNING id`);
  if (inserted) return { kind: "created", id: inserted.id };

  // Lost a race or a repeat: the same delivery (webhook id) first, then the same content.
  const replay = await findByWebhookId(d1, webhookId);
  if (replay) return { kind: "replay", id: replay.id, status: replay.status };
  const dup = await findByContentHash(d1, contentHash);
  if (dup) return { kind: "duplicate", id: dup.id, status: dup.status };
  throw new Error("insert was ignored but no conflicting article was found");
}

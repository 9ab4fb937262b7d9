/**
 * POST /v1/articles — the signed webhook. Order matters: size and signature headers are checked
 * before the body is read, the signature before the body is parsed, and the article is stored
 * (raw first) before extraction is queued. A refused request stores nothing.
 */
import { Hono } from "hono";
import type { AppEnv } from "../app-env";
import { shardsOf } from "../db/router";
import { Problem } from "../problems";
import { checkDeclaredLength, maxBodyBytes, readBody } from "./body";
import { parseArticle } from "./parse";
import { checkHeaders, MAX_SIGNATURE_HEADER, MAX_SIGNATURES, MAX_WEBHOOK_ID, parseSecrets, verifySignature, type SignatureHeaders } from "./signature";
import { checkStorable, findByWebhookId, storeIncoming } from "./store";

const SIGNATURE_DETAIL = {
  missing_signature: "Sign the request with Standard Webhooks: webhook-id, webhook-timestamp and webhook-signature headers.",
  stale_timestamp: "webhook-timestamp is not within 5 minutes of the server's clock.",
  bad_signature: "No signature in webhook-signature verifies with a configured secret.",
  duplicate_signature_header: "A webhook-id, webhook-timestamp or webhook-signature header was sent more than once (they arrive joined with \", \"); send each once.",
  too_many_signatures: `webhook-signature lists more than ${MAX_SIGNATURES} signatures or is longer than ${MAX_SIGNATURE_HEADER} characters.`,
  invalid_webhook_id: `webhook-id must be 1 to ${MAX_WEBHOOK_ID} printable ASCII characters without spaces.`,
} as const;

export const ingestRoutes = new Hono<AppEnv>();

ingestRoutes.post("/articles", async (c) => {
  const req = c.req.raw;
  const limit = maxBodyBytes(c.env.MAX_BODY_BYTES);
  checkDeclaredLength(req, limit);

  const sig: SignatureHeaders = {
    id: req.headers.get("webhook-id"),
    timestamp: req.headers.get("webhook-timestamp"),
    signature: req.headers.get("webhook-signature"),
  };
  const headerFailure = checkHeaders(sig, Math.floor(Date.now() / 1000));
  if (headerFailure) throw new Problem(headerFailure, SIGNATURE_DETAIL[headerFailure]);

  const body = await readBody(req, limit);
  if (!(await verifySignature(sig, body, parseSecrets(c.env.WEBHOOK_SECRETS)))) {
    throw new Problem("bad_signature", SIGNATURE_DETAIL.bad_signature);
  }
  const webhookId = sig.id!;
  // Nothing is decompressed: a compressed body is refused for what it is, not as undecodable text.
  const contentEncoding = req.headers.get("content-encoding")?.trim().toLowerCase();
  if (contentEncoding && contentEncoding !== "identity") {
    throw new Problem("unsupported_encoding", `Content-Encoding "${contentEncoding.slice(0, 40)}" is not accepted; send the body uncompressed.`);
  }

  // A repeated delivery is answered before parsing: same answer, nothing written.
  // Raw articles go to the catch-all database, and so do the replay and duplicate checks.
  const shards = shardsOf(c.env);
  const catchAll = shards.all[shards.map.catchAll]!;
  const seen = await findByWebhookId(catchAll, webhookId);
  if (seen) return c.json({ id: seen.id, status: seen.status, replay: true }, 200);

  const article = parseArticle(body, req.headers.get("content-type"), new URL(req.url).searchParams);
  checkStorable(webhookId, article);
  let outcome;
  try {
    outcome = await storeIncoming(catchAll, webhookId, body, article);
  } catch (e) {
    console.error("ingest: storing failed", e);
    throw new Problem("storage_unavailable", "The article could not be stored; nothing was kept. Retry the delivery.");
  }
  switch (outcome.kind) {
    case "replay":
      return c.json({ id: outcome.id, status: outcome.status, replay: true }, 200);
    case "duplicate":
      return c.json({ id: outcome.id, status: outcome.status, duplicate_of: outcome.id }, 200);
    case "created":
      // Stored: from here on nothing is lost. If queueing fails, the cron finds the article
      // still `received` and queues it again.
      try {
        await c.env.EXTRACT_QUEUE.send({ articleId: outcome.id });
      } catch (e) {
        console.error("ingest: queueing failed; the cron sweep will retry", e);
      }
      c.header("Location", `/v1/articles/${outcome.id}`);
      return c.json({ id: outcome.id, status: "received", encoding: article.encoding }, 201);
  }
});

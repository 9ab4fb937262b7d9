/**
 * Standard Webhooks signing and the Content-Type for the Node-side scripts that post files (post,
 * the storage bench): the MAC covers "id.timestamp." and then the body bytes exactly as sent.
 */
import { createHmac } from "node:crypto";
import { extname } from "node:path";
import { decodeBytes } from "../../src/ingest/decode.ts";

export function sign(secret: string, id: string, timestamp: number, body: Uint8Array): string {
  const key = Buffer.from(secret.replace(/^whsec_/, ""), "base64");
  return `v1,${createHmac("sha256", key).update(`${id}.${timestamp}.`).update(body).digest("base64")}`;
}

/** The three signature headers for `body`, stamped with the current time (when the request is sent). */
export function signedHeaders(secret: string, id: string, body: Uint8Array): Record<string, string> {
  const timestamp = Math.floor(Date.now() / 1000);
  return { "webhook-id": id, "webhook-timestamp": String(timestamp), "webhook-signature": sign(secret, id, timestamp, body) };
}

/**
 * The Content-Type a file is posted with: `.html`/`.htm` as text/html, `.json` as JSON, else
 * text/plain, declaring the charset detected (a BOM is left for the server to read).
 */
export function contentType(file: string, bytes: Uint8Array): string {
  const ext = extname(file).toLowerCase();
  const type = ext === ".html" || ext === ".htm" ? "text/html" : ext === ".json" ? "application/json" : "text/plain";
  const hasBom = (bytes[0] === 0xef && bytes[1] === 0xbb) || bytes[0] === 0xff || bytes[0] === 0xfe;
  const decoded = decodeBytes(bytes);
  return decoded.ok && !hasBom ? `${type}; charset=${decoded.encoding}` : type;
}

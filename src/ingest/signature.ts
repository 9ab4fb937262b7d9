/**
 * Standard Webhooks verification (https://www.standardwebhooks.com): `webhook-signature` holds
 * space-separated `v1,<base64 HMAC-SHA256 of "id.timestamp.body">`; the secret is `whsec_<base64>`.
 *
 * Done with WebCrypto rather than the `standardwebhooks` package because the package signs a JS
 * string, and bodies here are raw bytes in any charset (GBK, Big5): the MAC must cover the bytes
 * exactly as received. The Node-side `post` command signs with the package, so both
 * implementations are checked against each other.
 *
 * Cost is bounded before the body is read: the headers' lengths and the number of signatures are
 * capped (a sender sends one, two during its own key rotation), and the MAC over the body is
 * computed once per configured secret, never once per candidate signature: each candidate is then
 * compared with it in constant time. So a forged post costs at most `secrets` MACs however many
 * signatures it lists.
 */

/** Accepted clock skew between the sender and us, both directions. */
export const TOLERANCE_SECONDS = 5 * 60;
/** Most `webhook-signature` entries looked at (Standard Webhooks senders send one or two). */
export const MAX_SIGNATURES = 10;
/** Longest `webhook-signature` header: MAX_SIGNATURES entries of `v1,` + 44 base64 chars, with room for other versions. */
export const MAX_SIGNATURE_HEADER = 1024;
/** Longest `webhook-id` (it is stored with the article as its idempotency key). */
export const MAX_WEBHOOK_ID = 256;

export type SignatureFailure =
  | "missing_signature"
  | "stale_timestamp"
  | "bad_signature"
  | "duplicate_signature_header"
  | "too_many_signatures"
  | "invalid_webhook_id";

export interface SignatureHeaders {
  id: string | null;
  timestamp: string | null;
  signature: string | null;
}

/** Signs `data` with `key`; the one seam of the verifier, so a test can count the MACs computed. */
export type MacFunction = (key: CryptoKey, data: Uint8Array) => Promise<ArrayBuffer>;
const hmacSign: MacFunction = (key, data) => crypto.subtle.sign("HMAC", key, data);

function base64ToBytes(b64: string): Uint8Array | null {
  try {
    const bin = atob(b64);
    const out = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  } catch {
    return null;
  }
}

const keyCache = new Map<string, Promise<CryptoKey | null>>();

/** Imports a `whsec_…` secret once per isolate; null when the secret is not valid base64. */
function hmacKey(secret: string): Promise<CryptoKey | null> {
  let key = keyCache.get(secret);
  if (!key) {
    const raw = base64ToBytes(secret.trim().replace(/^whsec_/, ""));
    key = raw && raw.length > 0
      ? crypto.subtle.importKey("raw", raw, { name: "HMAC", hash: "SHA-256" }, false, ["sign"])
      : Promise.resolve(null);
    keyCache.set(secret, key);
  }
  return key;
}

/** Equal lengths and bytes, in time that depends only on the length. */
function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

/** The configured secrets (comma-separated; several at once during a rotation). */
export function parseSecrets(value: string | undefined): string[] {
  return (value ?? "").split(",").map((s) => s.trim()).filter(Boolean);
}

/** The entries of `webhook-signature` (space-separated). */
function signatureEntries(header: string): string[] {
  return header.split(" ").filter(Boolean);
}

/**
 * Checks the headers' shape and the timestamp window, before the body is read. A header sent
 * twice reaches the Worker joined with ", " (Fetch's Headers); it is refused rather than misread.
 */
export function checkHeaders(h: SignatureHeaders, nowSeconds: number): SignatureFailure | null {
  if (!h.id || !h.timestamp || !h.signature) return "missing_signature";
  if (h.id.includes(", ") || h.timestamp.includes(", ") || /,\s/.test(h.signature)) return "duplicate_signature_header";
  if (h.id.length > MAX_WEBHOOK_ID || /[^\x21-\x7e]/.test(h.id)) return "invalid_webhook_id";
  if (h.signature.length > MAX_SIGNATURE_HEADER || signatureEntries(h.signature).length > MAX_SIGNATURES) return "too_many_signatures";
  if (!/^\d{1,12}$/.test(h.timestamp)) return "stale_timestamp";
  return Math.abs(nowSeconds - Number(h.timestamp)) > TOLERANCE_SECONDS ? "stale_timestamp" : null;
}

/**
 * True when any `v1,` signature matches the MAC of `id.timestamp.` + body under any secret.
 * Expects headers that passed `checkHeaders`; computes one MAC per secret.
 */
export async function verifySignature(h: SignatureHeaders, body: Uint8Array, secrets: string[], mac: MacFunction = hmacSign): Promise<boolean> {
  if (!h.id || !h.timestamp || !h.signature) return false;
  const candidates = signatureEntries(h.signature)
    .slice(0, MAX_SIGNATURES)
    .filter((s) => s.startsWith("v1,"))
    .map((s) => base64ToBytes(s.slice(3)))
    .filter((b): b is Uint8Array => b !== null && b.length === 32);
  if (candidates.length === 0) return false;
  const prefix = new TextEncoder().encode(`${h.id}.${h.timestamp}.`);
  const signed = new Uint8Array(prefix.length + body.length);
  signed.set(prefix);
  signed.set(body, prefix.length);
  for (const secret of secrets) {
    const key = await hmacKey(secret);
    if (!key) continue;
    const expected = new Uint8Array(await mac(key, signed));
    // Every candidate is compared (no early exit on the first match) so timing says nothing about which one matched.
    let matched = false;
    for (const candidate of candidates) matched = constantTimeEqual(expected, candidate) || matched;
    if (matched) return true;
  }
  return false;
}

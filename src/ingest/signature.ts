/**
 * Standard Webhooks verification (https://www.standardwebhooks.com): `webhook-signature` holds
 * space-separated `v1,<base64 HMAC-SHA256 of "id.timestamp.body">`; the secret is `whsec_<base64>`.
 *
 * Done with WebCrypto rather than the `standardwebhooks` package because the package signs a JS
 * string, and bodies here are raw bytes in any charset (GBK, Big5): the MAC must cover the bytes
 * exactly as received. `crypto.subtle.verify` compares in constant time. The Node-side `post`
 * command signs with the package, so both implementations are checked against each other.
 */

/** Accepted clock skew between the sender and us, both directions. */
export const TOLERANCE_SECONDS = 5 * 60;

export type SignatureFailure = "missing_signature" | "stale_timestamp" | "bad_signature";

export interface SignatureHeaders {
  id: string | null;
  timestamp: string | null;
  signature: string | null;
}

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
      ? crypto.subtle.importKey("raw", raw, { name: "HMAC", hash: "SHA-256" }, false, ["verify"])
      : Promise.resolve(null);
    keyCache.set(secret, key);
  }
  return key;
}

/** The configured secrets (comma-separated; several at once during a rotation). */
export function parseSecrets(value: string | undefined): string[] {
  return (value ?? "").split(",").map((s) => s.trim()).filter(Boolean);
}

/** Checks the headers' shape and the timestamp window, before the body is read. */
export function checkHeaders(h: SignatureHeaders, nowSeconds: number): SignatureFailure | null {
  if (!h.id || !h.timestamp || !h.signature) return "missing_signature";
  if (!/^\d{1,12}$/.test(h.timestamp)) return "stale_timestamp";
  return Math.abs(nowSeconds - Number(h.timestamp)) > TOLERANCE_SECONDS ? "stale_timestamp" : null;
}

/** True when any `v1,` signature verifies under any secret, over `id.timestamp.` + body bytes. */
export async function verifySignature(h: SignatureHeaders, body: Uint8Array, secrets: string[]): Promise<boolean> {
  if (!h.id || !h.timestamp || !h.signature) return false;
  const prefix = new TextEncoder().encode(`${h.id}.${h.timestamp}.`);
  const signed = new Uint8Array(prefix.length + body.length);
  signed.set(prefix);
  signed.set(body, prefix.length);
  const candidates = h.signature
    .split(" ")
    .filter((s) => s.startsWith("v1,"))
    .map((s) => base64ToBytes(s.slice(3)))
    .filter((b): b is Uint8Array => b !== null && b.length === 32);
  for (const secret of secrets) {
    const key = await hmacKey(secret);
    if (!key) continue;
    for (const mac of candidates) {
      if (await crypto.subtle.verify("HMAC", key, mac, signed)) return true;
    }
  }
  return false;
}

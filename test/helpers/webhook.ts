/**
 * Signs and posts like a real publisher, through the Worker's real fetch handler. Text bodies are
 * signed by the `standardwebhooks` package (independent of the Worker's verifier); byte bodies
 * (GBK, Big5) by a plain WebCrypto HMAC here, since the package only signs JS strings.
 */
import { exports } from "cloudflare:workers";
import { Webhook } from "standardwebhooks";

/** The two secrets configured for tests (vitest.config.ts): first = current, second = previous. */
export const SECRET = "whsec_dGVzdC1zZWNyZXQtb25lLTAxMjM0NTY3ODk=";
export const OLD_SECRET = "whsec_dGVzdC1zZWNyZXQtdHdvLTAxMjM0NTY3ODk=";
export const WRONG_SECRET = "whsec_d3Jvbmctc2VjcmV0LW5vdC1jb25maWd1cmVk";

let counter = 0;
export const newId = () => `msg_${Date.now().toString(36)}_${(counter++).toString(36)}`;

export interface PostOptions {
  contentType?: string;
  id?: string;
  /** Seconds since the epoch; default now. */
  timestamp?: number;
  secret?: string;
  query?: Record<string, string>;
  /** Replace the computed signature header. */
  signature?: string;
  headers?: Record<string, string>;
}

async function signBytes(secret: string, id: string, ts: number, body: Uint8Array): Promise<string> {
  const raw = Uint8Array.from(atob(secret.replace(/^whsec_/, "")), (c) => c.charCodeAt(0));
  const key = await crypto.subtle.importKey("raw", raw, { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  const prefix = new TextEncoder().encode(`${id}.${ts}.`);
  const data = new Uint8Array([...prefix, ...body]);
  const mac = new Uint8Array(await crypto.subtle.sign("HMAC", key, data));
  return `v1,${btoa(String.fromCharCode(...mac))}`;
}

export async function signatureHeaders(body: Uint8Array | string, o: PostOptions = {}): Promise<Record<string, string>> {
  const id = o.id ?? newId();
  const ts = o.timestamp ?? Math.floor(Date.now() / 1000);
  const secret = o.secret ?? SECRET;
  const signature =
    o.signature ??
    (typeof body === "string" ? new Webhook(secret).sign(id, new Date(ts * 1000), body) : await signBytes(secret, id, ts, body));
  return { "webhook-id": id, "webhook-timestamp": String(ts), "webhook-signature": signature };
}

export async function post(body: Uint8Array | string, o: PostOptions = {}): Promise<Response> {
  const url = new URL("http://jiyao.test/v1/articles");
  for (const [k, v] of Object.entries(o.query ?? {})) url.searchParams.set(k, v);
  return exports.default.fetch(url, {
    method: "POST",
    headers: { "content-type": o.contentType ?? "application/json", ...(await signatureHeaders(body, o)), ...o.headers },
    body,
  });
}

export const postJson = (obj: unknown, o: PostOptions = {}) => post(JSON.stringify(obj), { contentType: "application/json", ...o });

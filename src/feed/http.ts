/**
 * HTTP caching for generated documents: a strong ETag from the body bytes (SHA-256), Last-Modified
 * from the newest item, conditional requests answered 304 without a body (RFC 9110 §13: an
 * If-None-Match present means If-Modified-Since is ignored), a short shared max-age.
 */
import { Problem } from "../problems";

export const CACHE_CONTROL = "public, max-age=300";

/** Media types of the generated documents (the article, digest and promise feeds, the OPML). */
export const CONTENT_TYPES = {
  rss: "application/rss+xml; charset=utf-8",
  atom: "application/atom+xml; charset=utf-8",
  json: "application/feed+json; charset=utf-8",
  opml: "text/x-opml; charset=utf-8",
} as const;

async function etagOf(body: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(body)));
  let bin = "";
  for (const b of digest.subarray(0, 18)) bin += String.fromCharCode(b);
  return `"${btoa(bin).replace(/\+/g, "-").replace(/\//g, "_")}"`;
}

function matchesEtag(header: string, etag: string): boolean {
  if (header.trim() === "*") return true;
  const strip = (t: string) => t.trim().replace(/^W\//, "");
  return header.split(",").some((t) => strip(t) === strip(etag));
}

/** The document as a response (or a 304 when the client's copy is current). */
export async function cachedResponse(req: Request, body: string, contentType: string, lastModified: number): Promise<Response> {
  const etag = await etagOf(body);
  const headers = new Headers({ "content-type": contentType, etag, "cache-control": CACHE_CONTROL, vary: "Accept-Encoding" });
  // HTTP dates have second precision; round down so If-Modified-Since of our own value matches.
  const lastModSecs = Math.floor(lastModified / 1000);
  if (lastModified > 0) headers.set("last-modified", new Date(lastModSecs * 1000).toUTCString());
  const inm = req.headers.get("if-none-match");
  const ims = req.headers.get("if-modified-since");
  let notModified = false;
  if (inm !== null) notModified = matchesEtag(inm, etag);
  else if (ims !== null && lastModified > 0) {
    const since = Date.parse(ims);
    notModified = !Number.isNaN(since) && lastModSecs * 1000 <= since;
  }
  if (notModified) {
    headers.delete("content-type");
    return new Response(null, { status: 304, headers });
  }
  return new Response(body, { status: 200, headers });
}

/**
 * Absolute base URL for links (feeds, `Link` headers, `next`): PUBLIC_BASE_URL when set. A
 * deployment sets REQUIRE_PUBLIC_BASE_URL (wrangler.toml `[env.production]`), so its links never
 * come from the request's Host (a cached feed would hand them to every reader); only `wrangler
 * dev` and the tests fall back to the request's origin.
 */
export function baseUrl(env: Env, req: Request): string {
  const configured = (env.PUBLIC_BASE_URL ?? "").trim().replace(/\/+$/, "");
  if (configured && /^https?:\/\/[^/?#\s]+(\/[^?#\s]*)?$/.test(configured)) return configured;
  if (configured || env.REQUIRE_PUBLIC_BASE_URL === "true") {
    throw new Problem("misconfigured", "PUBLIC_BASE_URL must be set to the deployment's http(s) URL (wrangler.toml [env.production] vars).");
  }
  return new URL(req.url).origin;
}

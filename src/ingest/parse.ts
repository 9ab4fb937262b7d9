/**
 * The accepted body formats → one `IncomingArticle`:
 *   application/json  {"text": "...", "url"?, "title"?, "source"?, "published"?, "place"?}
 *   text/plain        the article itself; metadata in query parameters
 *   text/html         a page, turned into text (see html.ts); metadata in query parameters
 * The charset parameter is honoured; without it, decode.ts detects (BOM, UTF-8, GB18030/Big5).
 */
import { Problem } from "../problems";
import { decodeBytes, supportedCharset } from "./decode";
import { htmlToText, sniffMetaCharset } from "./html";

export interface ArticleMetadata {
  url: string | null;
  title: string | null;
  source: string | null;
  published: string | null;
  place: string | null;
}

export interface IncomingArticle {
  text: string;
  encoding: string;
  format: "json" | "plain" | "html";
  meta: ArticleMetadata;
}

const META_FIELDS = ["url", "title", "source", "published", "place"] as const;
const MAX_META_LENGTH = 2000;
/** A place is a name (杜集区, 經開區), not markup or a sentence. */
const MAX_PLACE_LENGTH = 40;
const CONTROL = /[\u0000-\u001f\u007f]/;
const PUBLISHED = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

function parseContentType(header: string | null): { type: string; charset: string | null } {
  const [type = "", ...params] = (header ?? "").split(";");
  let charset: string | null = null;
  for (const p of params) {
    const [k, v] = p.split("=");
    if (k?.trim().toLowerCase() === "charset" && v) charset = v.trim().replace(/^"|"$/g, "");
  }
  return { type: type.trim().toLowerCase(), charset };
}

function decode(bytes: Uint8Array, charset: string | null): { text: string; encoding: string } {
  const d = decodeBytes(bytes, charset);
  if (!d.ok) throw new Problem(d.code, d.detail);
  return { text: d.text, encoding: d.encoding };
}

/** Validates one metadata value (from JSON or a query parameter). */
function metaValue(name: (typeof META_FIELDS)[number], value: unknown): string | null {
  if (value === undefined || value === null || value === "") return null;
  if (typeof value !== "string") throw new Problem("malformed", `"${name}" must be a string.`, { parameter: name });
  const v = value.trim();
  if (v.length > MAX_META_LENGTH) throw new Problem("malformed", `"${name}" is longer than ${MAX_META_LENGTH} characters.`, { parameter: name });
  if (CONTROL.test(v)) throw new Problem("malformed", `"${name}" contains control characters.`, { parameter: name });
  if (name === "place" && (v.length > MAX_PLACE_LENGTH || /[<>"'&;/\\]/.test(v))) {
    throw new Problem("malformed", `"place" must be a place name of at most ${MAX_PLACE_LENGTH} characters, without markup.`, { parameter: name });
  }
  if (name === "published" && !PUBLISHED.test(v)) {
    throw new Problem("malformed", `"published" must be an ISO 8601 date or date-time (YYYY-MM-DD…), got "${v}".`, { parameter: name });
  }
  if (name === "url") {
    let ok = false;
    try {
      ok = ["http:", "https:"].includes(new URL(v).protocol);
    } catch {}
    if (!ok) throw new Problem("malformed", `"url" must be an absolute http(s) URL.`, { parameter: name });
  }
  return v || null;
}

function metadata(source: Record<string, unknown>): ArticleMetadata {
  const m = {} as ArticleMetadata;
  for (const k of META_FIELDS) m[k] = metaValue(k, source[k]);
  return m;
}

function requireText(text: unknown): string {
  if (typeof text !== "string") throw new Problem("malformed", 'The JSON body needs a "text" string.', { parameter: "text" });
  if (text.trim() === "") throw new Problem("empty_text", "The article text is empty.", { parameter: "text" });
  return text;
}

export async function parseArticle(bytes: Uint8Array, contentType: string | null, query: URLSearchParams): Promise<IncomingArticle> {
  const { type, charset } = parseContentType(contentType);
  const queryMeta = () => metadata(Object.fromEntries(query));
  switch (type) {
    case "application/json": {
      const { text: raw, encoding } = decode(bytes, charset);
      let body: unknown;
      try {
        body = JSON.parse(raw);
      } catch (e) {
        throw new Problem("malformed", `The body is not valid JSON: ${(e as Error).message}`);
      }
      if (typeof body !== "object" || body === null || Array.isArray(body)) {
        throw new Problem("malformed", "The JSON body must be an object.");
      }
      const obj = body as Record<string, unknown>;
      return { text: requireText(obj.text), encoding, format: "json", meta: metadata(obj) };
    }
    case "text/plain": {
      const { text, encoding } = decode(bytes, charset);
      return { text: requireText(text), encoding, format: "plain", meta: queryMeta() };
    }
    case "text/html": {
      // A page's own <meta charset> is used when the header has none and we can decode it.
      const sniffed = sniffMetaCharset(bytes);
      const { text: html, encoding } = decode(bytes, charset ?? (sniffed && supportedCharset(sniffed) ? sniffed : null));
      const { text, title } = await htmlToText(html);
      const meta = queryMeta();
      return { text: requireText(text), encoding, format: "html", meta: { ...meta, title: meta.title ?? title } };
    }
    default:
      throw new Problem(
        "unsupported_media_type",
        `Content-Type "${type || "(none)"}" is not accepted; send application/json, text/plain or text/html.`,
      );
  }
}

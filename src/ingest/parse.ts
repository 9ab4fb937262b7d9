/**
 * The accepted body formats → one `IncomingArticle`:
 *   application/json  {"text": "...", "url"?, "title"?, "source"?, "published"?, "place"?}
 *   text/plain        the article itself; metadata in query parameters
 *   text/html         a page, turned into text (see html.ts); metadata in query parameters
 * The charset parameter is honoured; without it, decode.ts detects (BOM, UTF-8, GB18030/Big5).
 *
 * Text and metadata are normalised the same way (text.ts): invisible format characters (bidi
 * overrides, zero-width characters) are removed so they cannot make look-alike places or defeat
 * deduplication, and lone surrogates (only JSON escapes can make them) are refused.
 */
import { Problem } from "../problems";
import { decodeBytes, supportedCharset } from "./decode";
import { htmlToText, sniffMetaCharset } from "./html";
import { hasLoneSurrogate, stripInvisible } from "./text";

export interface ArticleMetadata {
  url: string | null;
  title: string | null;
  source: string | null;
  published: string | null;
  place: string | null;
}

export interface IncomingArticle {
  text: string;
  /** The charset the text was decoded with. */
  encoding: string;
  /** The charset the sender declared (Content-Type or `<meta charset>`, normalised); null when detected. */
  declaredCharset: string | null;
  format: "json" | "plain" | "html";
  meta: ArticleMetadata;
}

const META_FIELDS = ["url", "title", "source", "published", "place"] as const;
const MAX_META_LENGTH = 2000;
/** A place is a name (杜集区, 經開區), not markup or a sentence. */
const MAX_PLACE_LENGTH = 40;
const CONTROL = /[\u0000-\u001f\u007f]/;
const CONTROL_ALL = /[\u0000-\u001f\u007f]/g;
const PUBLISHED = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):?(\d{2}))?)?$/;

/** An ISO 8601 date or date-time that names a real day and time (2024-02-30 and 25:00 are refused). */
function isRealDate(v: string): boolean {
  const m = PUBLISHED.exec(v);
  if (!m) return false;
  const [y, mo, d, h = 0, mi = 0, s = 0, oh = 0, om = 0] = m.slice(1).map((x) => (x === undefined ? undefined : Number(x)));
  const day = new Date(Date.UTC(y!, mo! - 1, d!));
  return day.getUTCFullYear() === y && day.getUTCMonth() === mo! - 1 && day.getUTCDate() === d && h! <= 23 && mi! <= 59 && s! <= 59 && oh! <= 14 && om! <= 59;
}

function parseContentType(header: string | null): { type: string; charset: string | null } {
  const [type = "", ...params] = (header ?? "").split(";");
  let charset: string | null = null;
  for (const p of params) {
    const [k, v] = p.split("=");
    if (k?.trim().toLowerCase() === "charset" && v) charset = v.trim().replace(/^"|"$/g, "");
  }
  return { type: type.trim().toLowerCase(), charset };
}

function decode(bytes: Uint8Array, charset: string | null): { text: string; encoding: string; declaredCharset: string | null } {
  const d = decodeBytes(bytes, charset);
  if (!d.ok) throw new Problem(d.code, d.detail);
  return { text: d.text, encoding: d.encoding, declaredCharset: d.declared };
}

/** Validates one metadata value (from JSON or a query parameter). */
function metaValue(name: (typeof META_FIELDS)[number], value: unknown): string | null {
  if (value === undefined || value === null || value === "") return null;
  if (typeof value !== "string") throw new Problem("malformed", `"${name}" must be a string.`, { parameter: name });
  if (hasLoneSurrogate(value)) throw new Problem("malformed", `"${name}" contains a lone surrogate (an unpaired \\uD800–\\uDFFF escape).`, { parameter: name });
  const v = stripInvisible(value).trim();
  if (v.length > MAX_META_LENGTH) throw new Problem("malformed", `"${name}" is longer than ${MAX_META_LENGTH} characters.`, { parameter: name });
  if (CONTROL.test(v)) throw new Problem("malformed", `"${name}" contains control characters.`, { parameter: name });
  if (name === "place" && (v.length > MAX_PLACE_LENGTH || /[<>"'&;/\\]/.test(v))) {
    throw new Problem("malformed", `"place" must be a place name of at most ${MAX_PLACE_LENGTH} characters, without markup.`, { parameter: name });
  }
  if (name === "published" && !isRealDate(v)) {
    throw new Problem("malformed", `"published" must be a real ISO 8601 date or date-time (YYYY-MM-DD…), got "${v.slice(0, 40)}".`, { parameter: name });
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

function requireText(value: unknown): string {
  if (typeof value !== "string") throw new Problem("malformed", 'The JSON body needs a "text" string.', { parameter: "text" });
  if (hasLoneSurrogate(value)) throw new Problem("malformed", 'The "text" contains a lone surrogate (an unpaired \\uD800–\\uDFFF escape).', { parameter: "text" });
  const text = stripInvisible(value);
  if (text.trim() === "") throw new Problem("empty_text", "The article text is empty.", { parameter: "text" });
  return text;
}

export function parseArticle(bytes: Uint8Array, contentType: string | null, query: URLSearchParams): IncomingArticle {
  const { type, charset } = parseContentType(contentType);
  const queryMeta = () => metadata(Object.fromEntries(query));
  switch (type) {
    case "application/json": {
      const { text: raw, encoding, declaredCharset } = decode(bytes, charset);
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
      return { text: requireText(obj.text), encoding, declaredCharset, format: "json", meta: metadata(obj) };
    }
    case "text/plain": {
      const { text, encoding, declaredCharset } = decode(bytes, charset);
      return { text: requireText(text), encoding, declaredCharset, format: "plain", meta: queryMeta() };
    }
    case "text/html": {
      // A page's <meta charset> is weaker than the header: when the bytes are not valid in it,
      // the charset is detected instead (and the meta's claim still recorded).
      const sniffed = charset ? null : sniffMetaCharset(bytes);
      const metaCharset = sniffed ? supportedCharset(sniffed) : null;
      const fromMeta = metaCharset ? decodeBytes(bytes, metaCharset) : null;
      const { text: html, encoding, declaredCharset } = fromMeta?.ok
        ? { text: fromMeta.text, encoding: fromMeta.encoding, declaredCharset: fromMeta.declared }
        : { ...decode(bytes, charset), ...(metaCharset ? { declaredCharset: metaCharset } : {}) };
      const { text, title } = htmlToText(html);
      const meta = queryMeta();
      // The page's own <title> is not the poster's metadata: cleaned, never a reason to refuse.
      const pageTitle = title === null ? null : stripInvisible(title).replace(CONTROL_ALL, " ").slice(0, MAX_META_LENGTH).trim() || null;
      return { text: requireText(text), encoding, declaredCharset, format: "html", meta: { ...meta, title: meta.title ?? pageTitle } };
    }
    default:
      throw new Problem(
        "unsupported_media_type",
        `Content-Type "${type || "(none)"}" is not accepted; send application/json, text/plain or text/html.`,
      );
  }
}

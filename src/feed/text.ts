/**
 * Text helpers shared by the feeds and the pages: XML-safe text, HTML escaping, Beijing-time
 * dates and the Chinese labels of kinds.
 */

/** Characters XML 1.0 cannot carry (C0 controls except tab/LF/CR, U+FFFE/U+FFFF) and lone surrogates. */
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** `s` without characters that make XML invalid (crawled pages carry control characters). */
export function xmlSafe(s: string): string {
  return s.replace(XML_INVALID, "");
}

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** HTML-escapes text for element content and quoted attributes (and drops XML-invalid characters). */
export function esc(s: string | number | null | undefined): string {
  if (s === null || s === undefined) return "";
  return xmlSafe(String(s)).replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

/** Beijing time: China has no daylight saving, so a fixed +08:00. */
export const BEIJING_OFFSET_MS = 8 * 3600 * 1000;

/**
 * A stored `published` value as an instant. Chinese sources give Beijing time without saying so:
 * `2020-01-10` is midnight in Beijing (2020-01-09T16:00Z); a date-time without offset is +08:00.
 */
export function publishedInstant(published: string | null | undefined): number | null {
  if (!published) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(published.trim());
  if (!m) return null;
  const [, y, mo, d, h = "0", mi = "0", s = "0", zone] = m;
  if (zone) {
    const t = Date.parse(published.trim().replace(" ", "T"));
    return Number.isNaN(t) ? null : t;
  }
  const t = Date.UTC(+y!, +mo! - 1, +d!, +h, +mi, +s) - BEIJING_OFFSET_MS;
  return Number.isNaN(t) ? null : t;
}

/** The Asia/Shanghai calendar day (YYYY-MM-DD) of an instant. */
export function shanghaiDay(ms: number): string {
  return new Date(ms + BEIJING_OFFSET_MS).toISOString().slice(0, 10);
}

/** First instant (ms) of an Asia/Shanghai day. */
export function shanghaiDayStart(day: string): number {
  const [y, m, d] = day.split("-").map(Number);
  return Date.UTC(y!, m! - 1, d!) - BEIJING_OFFSET_MS;
}

/** Beijing date-time for display: 2026-11-20 10:00. */
export function beijingDateTime(ms: number): string {
  return new Date(ms + BEIJING_OFFSET_MS).toISOString().slice(0, 16).replace("T", " ");
}

export const KIND_LABEL = { target: "目标", reported: "实际" } as const;

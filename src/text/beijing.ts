/**
 * Beijing time (Asia/Shanghai): the day a digest groups articles by, and how dates are shown.
 * Used by the digest query (src/db/queries/feed.ts), the feeds and the pages.
 */

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

/**
 * User text → safe SQL conditions: script variants (traditional/simplified), FTS5 phrases and LIKE
 * patterns. User input is ALWAYS a bound parameter; MATCH strings are built from quoted phrases only.
 */
import { type SQL, type SQLWrapper, sql } from "drizzle-orm";
import { metricKey } from "../../extract/metrickeys";
import { toSimplified, toTraditional } from "../../text/script";

/** The term as typed, its simplified form and a traditional form (unique, non-empty). */
export function scriptVariants(term: string): string[] {
  const t = term.trim();
  if (!t) return [];
  const simplified = toSimplified(t);
  return [...new Set([t, simplified, toTraditional(simplified)])];
}

/** The canonical metric key a filter term names (GDP, 全省生产总值 -> 地区生产总值), if any. */
export function metricFilterKey(metric: string): string | undefined {
  return metricKey(toSimplified(metric.trim()));
}

/** D1 rejects LIKE/GLOB patterns longer than 50 bytes. */
export const LIKE_MAX_BYTES = 50;
/** Whitespace-separated keyword terms are ANDed; more than this many is refused (400), never cut. */
export const MAX_TERMS = 5;

/** C0 and C1 control characters (NUL included, which D1 cannot bind): never part of a filter. */
const CONTROL_CHARS = /[\u0000-\u001F\u007F-\u009F]/;

export function hasControlChars(s: string): boolean {
  return CONTROL_CHARS.test(s);
}

export function charLength(s: string): number {
  return [...s].length;
}

/** An FTS5 phrase: the input in double quotes, inner quotes doubled, so no MATCH syntax survives. */
export function ftsPhrase(term: string): string {
  return `"${term.replaceAll('"', '""')}"`;
}

/** `%term%` with LIKE wildcards escaped (use with ESCAPE '\'). */
export function likeContains(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function fitsLike(pattern: string): boolean {
  return new TextEncoder().encode(pattern).length <= LIKE_MAX_BYTES;
}

/**
 * `column` contains one of `variants` (case-insensitive for ASCII, as LIKE is). A variant without
 * ASCII letters has no case to fold: a plain `instr`, several times faster than LIKE on long
 * texts. Otherwise LIKE while the pattern fits D1's 50-byte limit, `instr` of `lower` beyond it.
 */
export function containsAny(column: SQLWrapper, variants: string[]): SQL {
  const parts = variants.map((v) => {
    if (!/[A-Za-z]/.test(v)) return sql`instr(${column}, ${v}) > 0`;
    const pattern = likeContains(v);
    return fitsLike(pattern)
      ? sql`${column} LIKE ${pattern} ESCAPE '\\'`
      : sql`instr(lower(${column}), lower(${v})) > 0`;
  });
  return sql`(${sql.join(parts, sql` OR `)})`;
}

/** Splits a keyword query into terms (whitespace-separated; the API and feeds refuse more than MAX_TERMS). */
export function keywordTerms(q: string): string[] {
  return q.trim().split(/\s+/).filter(Boolean);
}

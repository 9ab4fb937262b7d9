/**
 * The one filter of the feeds and the pages (`place`, `metric`, `kind`, `q`, `limit`): parsed
 * from a query string (a bad value is a 400 `invalid_parameter` problem naming the parameter),
 * written back as a canonical query string, and named for a title (杜集区 · 目标 · 指标“财政”).
 */
import { DEFAULT_LIMIT, type FeedFilter, hasControlChars, keywordTerms, MAX_LIMIT, MAX_TERMS } from "./db/queries";
import { placeNameOf } from "./db/queries/common";
import { KIND_LABEL } from "./feed/text";
import { placeKey, placeName } from "./places";
import { Problem } from "./problems";

export type { FeedFilter };

const MAX_TEXT = { place: 40, metric: 40, q: 100 } as const;

function bad(parameter: string, detail: string): never {
  throw new Problem("invalid_parameter", detail, { parameter });
}

function text(get: (k: string) => string | undefined, name: keyof typeof MAX_TEXT): string | undefined {
  const raw = get(name);
  if (raw === undefined) return undefined;
  if (hasControlChars(raw)) bad(name, `${name} must not contain control characters`);
  const v = raw.trim();
  if (!v) return undefined;
  if ([...v].length > MAX_TEXT[name]) bad(name, `${name} must be at most ${MAX_TEXT[name]} characters`);
  return v;
}

/** Parses the filter; `get` returns the first value of a query parameter. */
export function parseFeedFilter(get: (k: string) => string | undefined): FeedFilter {
  const f: FeedFilter = { limit: DEFAULT_LIMIT };
  const place = text(get, "place");
  if (place !== undefined) {
    const name = placeName(place);
    if (!name) bad("place", "place is not a place name");
    f.place = name;
    // The queries resolve it through the gazetteer (a province finds its counties' rows).
    f.placeKey = placeKey(name).startsWith("/") ? name : placeKey(name);
  }
  const metric = text(get, "metric");
  if (metric !== undefined) f.metric = metric;
  const rawKind = get("kind");
  if (rawKind !== undefined && hasControlChars(rawKind)) bad("kind", "kind must be target or reported");
  const kind = rawKind?.trim();
  if (kind) {
    if (kind !== "target" && kind !== "reported") bad("kind", "kind must be target or reported");
    f.kind = kind;
  }
  const q = text(get, "q");
  if (q !== undefined) {
    if (keywordTerms(q).length > MAX_TERMS) bad("q", `q must have at most ${MAX_TERMS} space-separated terms`);
    f.q = q;
  }
  const rawLimit = get("limit");
  if (rawLimit !== undefined && hasControlChars(rawLimit)) bad("limit", `limit must be an integer from 1 to ${MAX_LIMIT}`);
  const limit = rawLimit?.trim();
  if (limit) {
    if (!/^\d{1,4}$/.test(limit) || +limit < 1 || +limit > MAX_LIMIT) {
      bad("limit", `limit must be an integer from 1 to ${MAX_LIMIT}`);
    }
    f.limit = +limit;
  }
  return f;
}

/** The filter as a canonical query string ("" when unfiltered); default limit left out. */
export function filterQuery(f: FeedFilter, withLimit = true): string {
  const p = new URLSearchParams();
  if (f.place) p.set("place", f.place);
  if (f.metric) p.set("metric", f.metric);
  if (f.kind) p.set("kind", f.kind);
  if (f.q) p.set("q", f.q);
  if (withLimit && f.limit !== DEFAULT_LIMIT) p.set("limit", String(f.limit));
  const s = p.toString();
  return s ? `?${s}` : "";
}

/** The human title of a filter: 杜集区 · 目标 · 指标“财政” · 关键词“…” ("" when unfiltered). */
export function filterLabel(f: FeedFilter): string {
  const parts: string[] = [];
  if (f.placeKey) parts.push(placeNameOf(f.placeKey) ?? f.place!);
  if (f.kind) parts.push(KIND_LABEL[f.kind]);
  if (f.metric) parts.push(`指标“${f.metric}”`);
  if (f.q) parts.push(`关键词“${f.q}”`);
  return parts.join(" · ");
}

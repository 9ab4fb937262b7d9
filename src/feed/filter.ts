/**
 * The feed and page filters (`place`, `metric`, `kind`, `q`, `limit`) parsed from a query string.
 * A bad value is a 400 `invalid_parameter` problem naming the parameter.
 */
import { placeKey, placeName } from "../places";
import { Problem } from "../problems";
import { type FigureKind, hasControlChars, keywordTerms, MAX_TERMS } from "../db/queries";

export const FEED_DEFAULT_LIMIT = 50;
export const FEED_MAX_LIMIT = 200;

export interface FeedFilter {
  /** Place as given (display form, simplified); `placeKey` is its storage key when it names one division (130628), else the name. */
  place?: string;
  placeKey?: string;
  metric?: string;
  kind?: FigureKind;
  q?: string;
  limit: number;
}

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
  const f: FeedFilter = { limit: FEED_DEFAULT_LIMIT };
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
  if (rawLimit !== undefined && hasControlChars(rawLimit)) bad("limit", `limit must be an integer from 1 to ${FEED_MAX_LIMIT}`);
  const limit = rawLimit?.trim();
  if (limit) {
    if (!/^\d{1,4}$/.test(limit) || +limit < 1 || +limit > FEED_MAX_LIMIT) {
      bad("limit", `limit must be an integer from 1 to ${FEED_MAX_LIMIT}`);
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
  if (withLimit && f.limit !== FEED_DEFAULT_LIMIT) p.set("limit", String(f.limit));
  const s = p.toString();
  return s ? `?${s}` : "";
}

export function isFiltered(f: FeedFilter): boolean {
  return Boolean(f.place || f.metric || f.kind || f.q);
}

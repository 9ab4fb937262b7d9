/**
 * Types of the query layer. Filters use the API's query-parameter names; results are exactly the
 * API's JSON shape (snake_case), so the API, feeds and pages can pass them through unchanged.
 */
import type { ArticleErrorCode, ArticleStatus } from "../schema";

export type FigureKind = "reported" | "target";

/** Common to every list: keyword, published range (inclusive YYYY-MM-DD), paging. */
export interface ListFilter {
  /** Place as written or its key (杜集区, 杜集, 經開區); normalised with placeKey(). */
  place?: string;
  /** Keywords in the article title/text/metrics (whitespace = AND; <3 chars falls back to LIKE). */
  q?: string;
  /** Article published date from (inclusive), YYYY-MM-DD. */
  from?: string;
  /** Article published date to (inclusive), YYYY-MM-DD. */
  to?: string;
  /** Only rows of this article. */
  article?: number;
  /** Opaque cursor from a previous page's `next_cursor`. */
  cursor?: string;
  /** Page size, 1..200 (default 50). */
  limit?: number;
}

export interface FigureFilter extends ListFilter {
  /** Substring of the metric, traditional or simplified. */
  metric?: string;
  kind?: FigureKind;
  /** Exact unit (元, %, 个 ...). */
  unit?: string;
  change?: boolean;
  /** value >= min */
  min?: number;
  /** value <= max */
  max?: number;
}

export interface GoalFilter extends ListFilter {
  /** Substring of the actor (place suffixes ignored: 高邮市 finds 高邮). */
  actor?: string;
  /** Substring of the deadline as written (2025, 年内, 十四五). */
  deadline?: string;
  /** Goals with at least one figure whose metric contains this. */
  metric?: string;
}

export interface ArticleFilter extends ListFilter {
  status?: ArticleStatus;
}

/** A figure inside a goal or an article summary. */
export interface FigureRef {
  id: number;
  /** Place key (杜集). */
  place: string | null;
  seq: number;
  text: string;
  value: number;
  value_max: number | null;
  unit: string;
  approx: "more_than" | "less_than" | "about" | null;
  metric: string | null;
  /** Canonical key of the metric (地区生产总值 for GDP); null when no rule knows it. */
  metric_key: string | null;
  change: boolean;
  kind: FigureKind;
  sentence: string | null;
  /** Period the figure is about (2025, 2022-H1, 2021..2025). */
  period: string | null;
  start: number;
  end: number;
}

/** What a listed figure or goal says about its article. */
export interface ArticleContext {
  article_id: number;
  title: string | null;
  published: string | null;
  /** Display name of `place` (杜集区). */
  place_name: string | null;
}

/** A figure as listed: the figure's fields, its sentence and its article's facts. */
export type FigureItem = FigureRef & ArticleContext;

export interface GoalItem extends ArticleContext {
  id: number;
  place: string | null;
  seq: number;
  text: string;
  deadline: string | null;
  actor: string | null;
  /** The deadline as a period (2025, 2021..2025). */
  period: string | null;
  start: number;
  end: number;
  figures: FigureRef[];
}

export interface PlaceRef {
  key: string;
  /** Display name (simplified). */
  name: string;
  /** As the article writes it (only in an article's own list). */
  written?: string;
}

export interface ArticleItem {
  id: number;
  status: ArticleStatus;
  /** Why the last attempt failed (short, for readers) and its stable code; null when it did not. */
  error: string | null;
  error_code: ArticleErrorCode | null;
  /** Failed extraction attempts so far. */
  attempts: number;
  title: string | null;
  published: string | null;
  source: string | null;
  url: string | null;
  /** ISO 8601 date-times. */
  received_at: string;
  extracted_at: string | null;
  places: PlaceRef[];
  figure_count: number;
  goal_count: number;
}

export interface ArticleSummary extends ArticleItem {
  encoding: string;
  /** The charset the sender declared (null when detected); differs from `encoding` when that one was mojibake. */
  declared_charset: string | null;
  format: string;
  extractor_version: number | null;
  /** What the extractor capped or skipped in this article. */
  warnings: string[];
  /** Metadata as the poster sent it. */
  meta: { title: string | null; source: string | null; published: string | null; place: string | null };
  /** The stored article text (as received, decoded). */
  text: string;
  figures: FigureRef[];
  /** Goals with their figures (the same objects as in `figures`). */
  goals: Omit<GoalItem, "article_id" | "title" | "published" | "place_name">[];
}

export interface PlaceFacet {
  key: string;
  name: string;
  articles: number;
}

export interface MetricFacet {
  metric: string;
  figures: number;
}

/**
 * Types of the query layer. Filters use the API's query-parameter names and take values the
 * caller has already validated (src/api/schemas.ts, src/filter.ts); results are exactly the API's
 * JSON shape (snake_case), so the API, feeds and pages can pass them through unchanged.
 */
import type { z } from "@hono/zod-openapi";
import type { Kind } from "../../extract/types";
import type * as shapes from "../../shapes";
import type { ArticleStatus } from "../schema";
import type { CursorKey } from "./page";

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
  /** Where the previous page ended (its `next`; the API decodes its `cursor` parameter to it). */
  cursor?: CursorKey;
  /** Page size, 1..200 (default 50). */
  limit?: number;
}

export interface FigureFilter extends ListFilter {
  /** Substring of the metric, traditional or simplified. */
  metric?: string;
  kind?: Kind;
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

// Results: the JSON shapes of src/shapes.ts, inferred (defined once, documented by OpenAPI).
/** A figure inside a goal or an article summary. */
export type FigureRef = z.infer<typeof shapes.FigureRef>;
/** A figure as listed: the figure's fields, its sentence and its article's facts. */
export type FigureItem = z.infer<typeof shapes.Figure>;
export type GoalItem = z.infer<typeof shapes.Goal>;
export type PlaceRef = z.infer<typeof shapes.PlaceRef>;
export type ArticleItem = z.infer<typeof shapes.Article>;
export type ArticleSummary = z.infer<typeof shapes.ArticleSummary>;
export type PlaceFacet = z.infer<typeof shapes.PlaceFacet>;
export type MetricFacet = z.infer<typeof shapes.MetricFacet>;
export type PromiseFigure = z.infer<typeof shapes.PromiseFigure>;
export type PromiseItem = z.infer<typeof shapes.PromiseItem>;
export type DerivedOutcome = z.infer<typeof shapes.DerivedOutcome>;

/** The feeds' and pages' filter, as src/filter.ts parses it (one article list or digest). */
export interface FeedFilter {
  /** Place as given (display form, simplified); `placeKey` is its storage key when it names one division (130628), else the name. */
  place?: string;
  placeKey?: string;
  metric?: string;
  kind?: Kind;
  q?: string;
  /** Articles (article feed) or days (digest), 1..MAX_LIMIT. */
  limit: number;
}

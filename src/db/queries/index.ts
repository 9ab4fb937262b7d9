/**
 * The shared read/query layer (API, feeds, pages). Every function takes the raw D1 binding
 * (`env.DB`) and returns the API's JSON shape (snake_case, types in ./types.ts), so callers can
 * serialise results as they are. Filters use the API's parameter names (place, q, from, to, …).
 *
 * Lists page by an opaque cursor over (published DESC, id DESC), undated rows last; a bad cursor
 * or limit throws `Problem("invalid_parameter", …, { parameter })`, rendered by app.onError.
 * Each list first probes its set filters (place, keyword, metric) to pick a read plan (plan.ts).
 *
 *   listFigures(d1, FigureFilter)      → Page<FigureItem>
 *   listGoals(d1, GoalFilter)          → Page<GoalItem>       (each with its figures)
 *   listArticles(d1, ArticleFilter)    → Page<ArticleItem>    (status, error, places, counts)
 *   getArticleSummary(d1, id)          → ArticleSummary | null (text, figures, goals with figures)
 *   listPlaces(d1, { limit })          → PlaceFacet[]          (articles per place key)
 *   listMetrics(d1, { place, kind, limit }) → MetricFacet[]    (figures per metric)
 *
 * Building blocks for other queries (the feeds use them inside EXISTS): `figureConditions(f)`,
 * `goalConditions(f)`, `articleConditions(f)` return drizzle SQL conditions; without a `plan`
 * argument every set filter is a per-row check. `figuresQuery`/`goalsQuery`/`articlesQuery`
 * return the drizzle select of one page phase (for EXPLAIN QUERY PLAN).
 */
export { articleConditions, articlesQuery, getArticleSummary, listArticles, placesOfArticles } from "./articles";
export { listMetrics, listPlaces } from "./facets";
export { figureConditions, figureFields, figureRef, figuresQuery, listFigures, metricCondition } from "./figures";
export { figuresOfGoals, goalConditions, goalFields, goalsQuery, listGoals } from "./goals";
export { type CursorKey, DEFAULT_LIMIT, decodeCursor, encodeCursor, MAX_LIMIT, type Page, type Phase, phases } from "./page";
export { type Plan, planFor, SET_CAP } from "./plan";
export { ftsPhrase, hasControlChars, keywordTerms, likeContains, MAX_TERMS, scriptVariants } from "./text";
export type * from "./types";

/**
 * The one read layer: every read of the API, feeds and pages is here. Every function takes the
 * raw D1 binding (`env.DB`) and input its caller has already validated (the API's zod schemas,
 * src/filter.ts; nothing here answers HTTP), and returns the API's JSON shape (snake_case, the
 * types inferred from src/shapes.ts), so callers can serialise results as they are. Filters use
 * the API's parameter names (place, q, from, to, …).
 *
 * Lists page by keyset over (published DESC, id DESC), undated rows last: they take the decoded
 * cursor key and return the next one (`next`). A list's page (both phases) and the reads that
 * follow it go to D1 as one batch, with the probes of its place, keyword or metric filters and the
 * choice of read plan inside its statements (plan.ts). An article, a promise, the feeds and the
 * digest are one batch each.
 *
 *   listFigures(d1, FigureFilter)      → Page<FigureItem>
 *   listGoals(d1, GoalFilter)          → Page<GoalItem>       (each with its figures)
 *   listArticles(d1, ArticleFilter)    → Page<ArticleItem>    (status, error, places, counts)
 *   getArticleSummary(d1, id)          → ArticleSummary | null (text, figures, goals with figures)
 *   listPlaces(d1, { limit })          → PlaceFacet[]          (articles per place key)
 *   listMetrics(d1, { place, kind, limit }) → MetricFacet[]    (figures per metric)
 *   listPromises(d1, PromiseFilter)    → Page<PromiseItem>     (./promises.ts)
 *   articleFeedData(d1, FeedFilter)    → FeedArticle[]         (the article feeds)
 *   digestData(d1, FeedFilter, day?)   → DigestDay[]           (digest feeds and the home page)
 *   opmlPlaces(d1)                                             (the OPML)
 *
 * Building blocks for other queries (the feeds use them inside EXISTS): `figureConditions(f)`,
 * `goalConditions(f)`, `articleConditions(f)` return drizzle SQL conditions; without a `plan`
 * argument every set filter is a per-row check. `figureIdsQuery`/`goalIdsQuery`/`articleIdsQuery`
 * return the drizzle select of one plan's ids in one page phase (for EXPLAIN QUERY PLAN).
 */
export { articleConditions, articleIdsQuery, articleSummaryRead, articlesRead, getArticleSummary, listArticles } from "./articles";
export { listMetrics, listPlaces, metricsRead, type MetricsFilter, placesRead } from "./facets";
export { articleFeedData, articleFeedRead, assembleDigest, DIGEST_MAX_ROWS, digestData, digestRead, type DigestRows, digestDaysQuery, digestFiguresQuery, digestGoalsQuery, type DigestDay, type FeedArticle, type FeedFigure, type FeedGoal, opmlPlaces } from "./feed";
export { figureConditions, figureFields, figureIdsQuery, figureRef, figuresRead, listFigures, metricCondition } from "./figures";
export { goalConditions, goalFields, goalFiguresColumn, goalFiguresOf, goalIdsQuery, goalsRead, listGoals } from "./goals";
export { type BatchRead, type CursorKey, DEFAULT_LIMIT, inBatch, decodeCursor, encodeCursor, MAX_LIMIT, type Page, type Phase, phases } from "./page";
export { type Plan, type Plans, plansFor, SET_CAP } from "./plan";
export { ftsPhrase, hasControlChars, keywordTerms, likeContains, MAX_TERMS, scriptVariants } from "./text";
export type * from "./types";

/**
 * The shared read/query layer (API, feeds, pages). Every function takes the raw D1 binding
 * (`env.DB`) and returns the API's JSON shape (snake_case), so callers can serialise results as is.
 * Lists page by an opaque cursor over (published DESC, id DESC), undated rows last; a bad cursor
 * or limit throws `Problem("invalid_parameter", …, { parameter })`, rendered by app.onError.
 */
export { listArticles, getArticleSummary, articlesQuery, articleConditions, placesOfArticles } from "./articles";
export { listPlaces, listMetrics } from "./facets";
export { listFigures, figuresQuery, figureConditions, metricCondition } from "./figures";
export { listGoals, goalsQuery, goalConditions, figuresOfGoals } from "./goals";
export { DEFAULT_LIMIT, MAX_LIMIT, decodeCursor, encodeCursor, phases, type Page, type Phase, type CursorKey } from "./page";
export { planFor, SET_CAP, type Plan } from "./plan";
export { scriptVariants, ftsPhrase, likeContains } from "./text";
export type * from "./types";

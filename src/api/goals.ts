/** GET /v1/goals (JSON pages, or CSV with `Accept: text/csv`) and GET /v1/goals.csv */
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../app-env";
import { csvHeaders, csvStream, CSV_PAGE_SIZE, wantsCsv, type CsvColumn } from "../csv";
import type { GoalFilter, GoalItem } from "../db/queries";
import { type Reads, readsOf } from "../db/reads";
import { csvContent, csvRoute } from "./csv";
import { pageBody } from "./page";
import { Goal, GoalQuery, pageOf, problemResponses } from "./schemas";

export const goalsRoute = createRoute({
  method: "get",
  path: "/v1/goals",
  tags: ["goals"],
  summary: "Goals (what a place promised, by when), each with its figures",
  description:
    "`place` matches goals attributed to the place and, in articles naming it, goals whose actor is that place. " +
    "`deadline` is a substring of the deadline as written (2025, 年内, 十四五). With `Accept: text/csv`, the list as /v1/goals.csv writes it.",
  request: { query: GoalQuery },
  responses: {
    200: { description: "A page of goals (JSON), or every matching goal (CSV)", content: { "application/json": { schema: pageOf(Goal, "GoalPage") }, ...csvContent } },
    ...problemResponses,
  },
});

export const goalsCsvRoute = csvRoute("/v1/goals.csv", "goals", "Goals as CSV, one row per goal with its figures flattened", GoalQuery);

/**
 * CSV columns: the goal, its article's facts, and its figures flattened: their ids (space
 * separated) and one `metric text` line per figure (a multi-line cell in a spreadsheet).
 */
export const GOAL_COLUMNS: CsvColumn<GoalItem>[] = [
  ...(["id", "article_id", "title", "published", "place", "place_name", "seq", "text", "deadline", "actor", "period", "start", "end"] as const).map((name) => ({
    name,
    value: (g: GoalItem) => g[name],
  })),
  { name: "figure_count", value: (g) => g.figures.length },
  { name: "figure_ids", value: (g) => g.figures.map((f) => f.id).join(" ") },
  { name: "figures", value: (g) => g.figures.map((f) => (f.metric ? `${f.metric} ${f.text}` : f.text)).join("\n") },
];

const goalsCsv = (reads: Reads, f: GoalFilter) => csvStream(GOAL_COLUMNS, (cursor) => reads.goals({ ...f, cursor, limit: CSV_PAGE_SIZE }), f.cursor);

export function addGoalRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(goalsCsvRoute, (c) => c.body(goalsCsv(readsOf(c.env), c.req.valid("query")), 200, csvHeaders("goals.csv")));
  app.openapi(goalsRoute, async (c) => {
    const f = c.req.valid("query");
    if (wantsCsv(c.req.header("accept"))) return c.body(goalsCsv(readsOf(c.env), f), 200, csvHeaders("goals.csv"));
    return c.json(pageBody(c, await readsOf(c.env).goals(f)), 200);
  });
}

import { createRoute, type OpenAPIHono, type z } from "@hono/zod-openapi";
import type { AppEnv } from "../app-env";
import { csvHeaders, csvStream, CSV_PAGE_SIZE, wantsCsv, type CsvColumn } from "../csv";
import type { FigureFilter, FigureItem } from "../db/queries";
import { type Reads, readsOf } from "../db/reads";
import { csvContent, csvRoute } from "./csv";
import { pageBody } from "./page";
import { Figure, FigureQuery, pageOf, problemResponses } from "./schemas";

export const figuresRoute = createRoute({
  method: "get",
  path: "/v1/figures",
  tags: ["figures"],
  summary: "Figures (reported results and targets), newest article first",
  description:
    "Each figure with its article (id, title, published), place, value in base units, unit, metric and the sentence it came from. " +
    "`place` matches figures attributed to the place and figures of articles naming it. With `Accept: text/csv`, the list as /v1/figures.csv writes it.",
  request: { query: FigureQuery },
  responses: {
    200: { description: "A page of figures (JSON), or every matching figure (CSV)", content: { "application/json": { schema: pageOf(Figure, "FigurePage") }, ...csvContent } },
    ...problemResponses,
  },
});

export const figuresCsvRoute = csvRoute("/v1/figures.csv", "figures", "Figures as CSV, one row per figure", FigureQuery);

/** CSV columns: the figure, its article's facts, its sentence. */
export const FIGURE_COLUMNS: CsvColumn<FigureItem>[] = (
  ["id", "article_id", "title", "published", "place", "place_name", "seq", "kind", "metric", "metric_key", "text", "value", "value_max", "unit", "approx", "change", "period", "sentence", "start", "end"] as const
).map((name) => ({ name, value: (f) => f[name] }));

const filterOf = ({ change, ...q }: z.output<typeof FigureQuery>): FigureFilter => ({ ...q, change: change === undefined ? undefined : change === "true" });

const figuresCsv = (reads: Reads, f: FigureFilter) => csvStream(FIGURE_COLUMNS, (cursor) => reads.figures({ ...f, cursor, limit: CSV_PAGE_SIZE }), f.cursor);

export function addFigureRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(figuresCsvRoute, (c) => c.body(figuresCsv(readsOf(c.env), filterOf(c.req.valid("query"))), 200, csvHeaders("figures.csv")));
  app.openapi(figuresRoute, async (c) => {
    const f = filterOf(c.req.valid("query"));
    if (wantsCsv(c.req.header("accept"))) return c.body(figuresCsv(readsOf(c.env), f), 200, csvHeaders("figures.csv"));
    return c.json(pageBody(c, await readsOf(c.env).figures(f)), 200);
  });
}

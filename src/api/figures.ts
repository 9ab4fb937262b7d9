/** GET /v1/figures */
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../app-env";
import { readsOf } from "../db/reads";
import { pageBody } from "./page";
import { Figure, FigureQuery, pageOf, problemResponses } from "./schemas";

export const figuresRoute = createRoute({
  method: "get",
  path: "/v1/figures",
  tags: ["figures"],
  summary: "Figures (reported results and targets), newest article first",
  description:
    "Each figure with its article (id, title, published), place, value in base units, unit, metric and the sentence it came from. " +
    "`place` matches figures attributed to the place and figures of articles naming it.",
  request: { query: FigureQuery },
  responses: {
    200: { description: "A page of figures", content: { "application/json": { schema: pageOf(Figure, "FigurePage") } } },
    ...problemResponses,
  },
});

export function addFigureRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(figuresRoute, async (c) => {
    const { change, ...q } = c.req.valid("query");
    const page = await readsOf(c.env).figures({ ...q, change: change === undefined ? undefined : change === "true" });
    return c.json(pageBody(c, page), 200);
  });
}

/** GET /v1/goals */
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../app-env";
import { readsOf } from "../db/reads";
import { pageBody } from "./page";
import { Goal, GoalQuery, pageOf, problemResponses } from "./schemas";

export const goalsRoute = createRoute({
  method: "get",
  path: "/v1/goals",
  tags: ["goals"],
  summary: "Goals (what a place promised, by when), each with its figures",
  description:
    "`place` matches goals attributed to the place and, in articles naming it, goals whose actor is that place. " +
    "`deadline` is a substring of the deadline as written (2025, 年内, 十四五).",
  request: { query: GoalQuery },
  responses: {
    200: { description: "A page of goals", content: { "application/json": { schema: pageOf(Goal, "GoalPage") } } },
    ...problemResponses,
  },
});

export function addGoalRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(goalsRoute, async (c) => c.json(pageBody(c, await readsOf(c.env).goals(c.req.valid("query"))), 200));
}

/** GET /v1/articles and GET /v1/articles/{id} (POST /v1/articles is the webhook ingest, src/ingest). */
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../app-env";
import { readsOf } from "../db/reads";
import { Problem as ProblemError } from "../problems";
import { pageBody } from "./page";
import { Article, ArticleParams, ArticleQuery, ArticleSummary, pageOf, Problem, problemResponses } from "./schemas";

export const articlesRoute = createRoute({
  method: "get",
  path: "/v1/articles",
  tags: ["articles"],
  summary: "Articles with their status and places, newest first (undated last)",
  request: { query: ArticleQuery },
  responses: {
    200: { description: "A page of articles", content: { "application/json": { schema: pageOf(Article, "ArticlePage") } } },
    ...problemResponses,
  },
});

export const articleRoute = createRoute({
  method: "get",
  path: "/v1/articles/{id}",
  tags: ["articles"],
  summary: "One article: status/error, stored text, places, figures and goals with their figures",
  request: { params: ArticleParams },
  responses: {
    200: { description: "The article's full summary", content: { "application/json": { schema: ArticleSummary } } },
    ...problemResponses,
    404: { description: "No such article", content: { "application/problem+json": { schema: Problem } } },
  },
});

export function addArticleRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(articlesRoute, async (c) => c.json(pageBody(c, await readsOf(c.env).articles(c.req.valid("query"))), 200));
  app.openapi(articleRoute, async (c) => {
    const { id } = c.req.valid("param");
    const summary = await readsOf(c.env).article(id);
    if (!summary) throw new ProblemError("not_found", `No article ${id}`);
    return c.json(summary, 200);
  });
}

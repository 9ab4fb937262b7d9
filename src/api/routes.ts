/**
 * The Summary API (mounted at "/"): /v1 query routes, /openapi.json (OpenAPI 3.1 generated from
 * the same zod schemas that validate the requests) and /docs (Scalar reference page).
 */
import { OpenAPIHono } from "@hono/zod-openapi";
import { Scalar } from "@scalar/hono-api-reference";
import { cors } from "hono/cors";
import type { AppEnv } from "../app-env";
import { addArticleRoutes } from "./articles";
import { addFacetRoutes } from "./facets";
import { addFigureRoutes } from "./figures";
import { addGoalRoutes } from "./goals";
import { problemHook } from "./hook";
import { addPromiseRoutes } from "./promises";

export const apiRoutes = new OpenAPIHono<AppEnv>({ defaultHook: problemHook });

// Read-only CORS so a browser notebook can query; preflights only ever allow GET/HEAD.
const readCors = cors({ origin: "*", allowMethods: ["GET", "HEAD", "OPTIONS"], exposeHeaders: ["Link"], maxAge: 86400 });
for (const path of ["/v1/figures", "/v1/figures.csv", "/v1/goals", "/v1/goals.csv", "/v1/articles", "/v1/articles/*", "/v1/places", "/v1/metrics", "/v1/promises", "/v1/promises.csv", "/v1/promises/*", "/openapi.json"]) {
  apiRoutes.on(["GET", "HEAD", "OPTIONS"], path, readCors);
}

addFigureRoutes(apiRoutes);
addGoalRoutes(apiRoutes);
addArticleRoutes(apiRoutes);
addFacetRoutes(apiRoutes);
addPromiseRoutes(apiRoutes);

apiRoutes.doc31("/openapi.json", {
  openapi: "3.1.0",
  info: {
    title: "jiyao Summary API",
    version: "1",
    description: "Figures and goals extracted from Chinese local-government news: which places promised what, by when, and what they reported.",
  },
});

// The reference page loads Scalar's JS from its CDN (cdn.jsdelivr.net) in the reader's browser:
// acceptable for a docs page; self-hosting it would add a 4 MB static asset (notes/libs.md §5).
apiRoutes.get("/docs", Scalar({ url: "/openapi.json", pageTitle: "jiyao Summary API" }));

/** GET /v1/places and GET /v1/metrics: facets with counts, for a user who does not know what to ask. */
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppEnv } from "../app";
import { listMetrics, listPlaces } from "../db/queries";
import { FacetQuery, MetricFacet, MetricFacetQuery, PlaceFacet, problemResponses } from "./schemas";

export const placesRoute = createRoute({
  method: "get",
  path: "/v1/places",
  tags: ["facets"],
  summary: "Places by number of articles naming them",
  request: { query: FacetQuery },
  responses: {
    200: { description: "Places", content: { "application/json": { schema: z.object({ items: z.array(PlaceFacet) }) } } },
    ...problemResponses,
  },
});

export const metricsRoute = createRoute({
  method: "get",
  path: "/v1/metrics",
  tags: ["facets"],
  summary: "The most common metrics by number of figures (optionally for a place and kind)",
  request: { query: MetricFacetQuery },
  responses: {
    200: { description: "Metrics", content: { "application/json": { schema: z.object({ items: z.array(MetricFacet) }) } } },
    ...problemResponses,
  },
});

export function addFacetRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(placesRoute, async (c) => c.json({ items: await listPlaces(c.env.DB, c.req.valid("query")) }, 200));
  app.openapi(metricsRoute, async (c) => c.json({ items: await listMetrics(c.env.DB, c.req.valid("query")) }, 200));
}

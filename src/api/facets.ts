/** GET /v1/places and GET /v1/metrics: facets with counts, for a user who does not know what to ask. */
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { cache } from "hono/cache";
import type { AppEnv } from "../app-env";
import { readsOf } from "../db/reads";
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
  summary: "The most common metrics by number of figures, aliases grouped under their metric key (optionally for a place and kind)",
  request: { query: MetricFacetQuery },
  responses: {
    200: { description: "Metrics", content: { "application/json": { schema: z.object({ items: z.array(MetricFacet) }) } } },
    ...problemResponses,
  },
});

/** Facets aggregate the whole store (tens of ms at 50k articles), so answers are cached for a
 * minute in the Workers Cache API (a no-op on *.workers.dev hosts; works on a custom domain). */
export const FACET_MAX_AGE = 60;

export function addFacetRoutes(app: OpenAPIHono<AppEnv>) {
  const facetCache = cache({ cacheName: "jiyao-facets", cacheControl: `public, max-age=${FACET_MAX_AGE}`, wait: false, onCacheNotAvailable: false });
  app.use("/v1/places", facetCache);
  app.use("/v1/metrics", facetCache);
  app.openapi(placesRoute, async (c) => c.json({ items: await readsOf(c.env).places(c.req.valid("query")) }, 200));
  app.openapi(metricsRoute, async (c) => c.json({ items: await readsOf(c.env).metrics(c.req.valid("query")) }, 200));
}

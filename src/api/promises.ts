/** GET /v1/promises and GET /v1/promises/{id}: targets linked to what the place later reported. */
import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../app-env";
import { readsOf } from "../db/reads";
import { PROMISE_VERDICTS } from "../db/schema";
import { placeKey } from "../places";
import { csvHeaders, wantsCsv } from "../csv";
import { Problem as ProblemError } from "../problems";
import { promisesCsv } from "../promises/csv";
import { csvContent, csvRoute } from "./csv";
import { pageBody } from "./page";
import { common, keywords, pageOf, plain, Problem, problemResponses, PromiseItem } from "./schemas";

/** Periods as figures carry them: 2016, 2024-H1, 2024-Q3, 2024-05, 2024-01..10, 2021..2025. */
const PERIOD = /^\d{4}(?:-(?:H[12]|Q[1-4]|(?:0[1-9]|1[0-2])(?:\.\.(?:0[1-9]|1[0-2]))?)|\.\.\d{4})?$/;

export const PromiseQuery = z.object({
  place: plain(50)
    .refine((s) => placeKey(s) !== "", "not a place name or code")
    .optional()
    .openapi({ description: "Place name or key (保定市, 保定), or GB/T 2260 code (130600: the city and every place under it)", example: "保定市" }),
  metric: plain(100).optional().openapi({ description: "Canonical metric key, or a substring of the metric as written", example: "生产总值" }),
  period: plain(30).refine((s) => PERIOD.test(s), "expected a period: 2016, 2024-H1, 2024-Q3, 2021..2025").optional().openapi({ description: "The promise's period exactly: a year (2016) or a span (2021..2025)", example: "2016" }),
  verdict: z.enum(PROMISE_VERDICTS).optional().openapi({ description: "met, missed, pending or no_report" }),
  q: keywords.optional().openapi({ description: "Keywords in the target article (as /v1/figures)", example: "政府工作报告" }),
  cursor: common.cursor,
  limit: common.limit,
});

const PromiseParams = z.object({
  id: z.coerce.number().int().min(1).openapi({ param: { name: "id", in: "path" }, example: 1, description: "Promise id" }),
});

export const promisesRoute = createRoute({
  method: "get",
  path: "/v1/promises",
  tags: ["promises"],
  summary: "Promises: each target with what the same place later reported, and a verdict",
  description:
    "A promise is a target figure with its place, metric and period; its outcome is the reported figure of the same place, metric, " +
    "kind of quantity and period from a later article's review. Verdicts: met, missed (the rule in README \"Promises\"), " +
    "no_report (a later review of the period has no figure for the metric), pending (none yet).",
  request: { query: PromiseQuery },
  responses: {
    200: {
      description: "A page of promises; with `Accept: text/csv` (or at /v1/promises.csv) every matching promise as CSV, UTF-8 with a byte-order mark",
      content: { "application/json": { schema: pageOf(PromiseItem, "PromisePage") }, ...csvContent },
    },
    ...problemResponses,
  },
});

export const promiseRoute = createRoute({
  method: "get",
  path: "/v1/promises/{id}",
  tags: ["promises"],
  summary: "One promise with its target, outcome and evidence",
  request: { params: PromiseParams },
  responses: {
    200: { description: "The promise", content: { "application/json": { schema: PromiseItem } } },
    ...problemResponses,
    404: { description: "No such promise", content: { "application/problem+json": { schema: Problem } } },
  },
});

export const promisesCsvRoute = csvRoute("/v1/promises.csv", "promises", "Promises as CSV, one row per promise with the target and outcome flattened", PromiseQuery);

export function addPromiseRoutes(app: OpenAPIHono<AppEnv>) {
  // Before the {id} route.
  app.openapi(promisesCsvRoute, (c) => c.body(promisesCsv(readsOf(c.env), c.req.valid("query")), 200, csvHeaders("promises.csv")));
  app.openapi(promisesRoute, async (c) => {
    if (wantsCsv(c.req.header("accept"))) return c.body(promisesCsv(readsOf(c.env), c.req.valid("query")), 200, csvHeaders("promises.csv"));
    return c.json(pageBody(c, await readsOf(c.env).promises(c.req.valid("query"))), 200);
  });
  app.openapi(promiseRoute, async (c) => {
    const { id } = c.req.valid("param");
    const p = await readsOf(c.env).promise(id);
    if (!p) throw new ProblemError("not_found", `No promise ${id}`);
    return c.json(p, 200);
  });
}

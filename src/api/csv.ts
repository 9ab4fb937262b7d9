/**
 * The `.csv` twin of a list route (/v1/figures.csv, /v1/goals.csv, /v1/promises.csv): the same
 * query schema, so the same validation and the same problem documents, answered as CSV
 * (src/csv.ts). The JSON route answers CSV too when asked with `Accept: text/csv`.
 */
import { createRoute, z } from "@hono/zod-openapi";
import { problemResponses } from "./schemas";

export const CSV_DESCRIPTION =
  "Every matching item from `cursor` on as CSV (not paged: `limit` is checked but the whole list is written, read page by page as the client takes it), " +
  "UTF-8 with a byte-order mark, a header row, one row per item, RFC 4180 quoting; text that starts like a spreadsheet formula gets a leading apostrophe";

export const csvContent = { "text/csv": { schema: z.string().openapi({ description: CSV_DESCRIPTION }) } } as const;

/** A query schema as createRoute takes it (an object schema, refinements allowed). */
type QuerySchema = NonNullable<NonNullable<Parameters<typeof createRoute>[0]["request"]>["query"]>;

export function csvRoute<Q extends QuerySchema>(path: string, tag: string, summary: string, query: Q) {
  return createRoute({
    method: "get",
    path,
    tags: [tag],
    summary,
    description: `${CSV_DESCRIPTION}. The same filters and errors as the JSON list.`,
    request: { query },
    responses: {
      200: { description: "The list as CSV", content: csvContent },
      ...problemResponses,
    },
  });
}

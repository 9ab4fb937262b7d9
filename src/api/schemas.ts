/**
 * zod 4 schemas: they validate the requests AND generate the OpenAPI 3.1 document, so the two
 * cannot drift. The response shapes are src/shapes.ts (the query layer's types are inferred from
 * them); re-exported here for the routes.
 */
import { z } from "@hono/zod-openapi";
import { decodeCursor, DEFAULT_LIMIT, hasControlChars, keywordTerms, MAX_LIMIT, MAX_TERMS } from "../db/queries";
import { ARTICLE_STATUSES } from "../db/schema";
import { placeName } from "../places";
import { Kind } from "../shapes";

export { Article, ArticleSummary, Figure, Goal, MetricFacet, PlaceFacet, PromiseItem } from "../shapes";

// ---- request parameters ----------------------------------------------------------------------

const isoDay = (name: "from" | "to") =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date YYYY-MM-DD")
    .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), "not a calendar date")
    .optional()
    .openapi({ description: `Article published date ${name === "from" ? "on or after" : "on or before"} (YYYY-MM-DD)`, example: name === "from" ? "2020-01-01" : "2021-12-31" });

/** Text: no control characters (NUL would reach D1), trimmed, 1..max characters. */
export const plain = (max: number) =>
  z.string().refine((s) => !hasControlChars(s), "must not contain control characters").pipe(z.string().trim().min(1).max(max));

/** Keyword terms: plain text of at most MAX_TERMS space-separated terms. */
export const keywords = plain(100).refine((s) => keywordTerms(s).length <= MAX_TERMS, `at most ${MAX_TERMS} space-separated terms`);

const text = (max: number, description: string, example: string) => plain(max).optional().openapi({ description, example });

/** Whole numbers in plain decimal only: 0x10, 1e2, +5 and 5.0 are refused, not coerced. */
const wholeNumber = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d{1,16}$/, "expected a whole number in decimal digits")
    .pipe(z.coerce.number<string>().int().min(min).max(max));

/** A decimal number (-1.5, 1200000000); no hex, exponent or Infinity. */
const decimal = z
  .string()
  .regex(/^-?\d{1,20}(\.\d{1,20})?$/, "expected a decimal number")
  .pipe(z.coerce.number<string>());

/** Parameters every list shares (place, keywords, dates, cursor, limit). */
export const common = {
  place: plain(50)
    .refine((s) => placeName(s) !== "", "not a place name")
    .optional()
    .openapi({ description: "Place as written or its key (杜集区, 杜集, 經開區 all work)", example: "高邮" }),
  q: keywords
    .optional()
    .openapi({
      description: `Keywords in the article title, text or metrics; spaces separate terms (all must match, at most ${MAX_TERMS}). Terms under 3 characters also work`,
      example: "专精特新",
    }),
  from: isoDay("from"),
  to: isoDay("to"),
  // Decoded here, once: the query layer takes the key.
  cursor: z
    .string()
    .transform((s, ctx) => decodeCursor(s) ?? (ctx.addIssue({ code: "custom", message: "not a cursor this API issued" }), z.NEVER))
    .optional()
    .openapi({ description: "Opaque cursor from a previous page's `next_cursor`" }),
  limit: wholeNumber(1, MAX_LIMIT)
    .default(DEFAULT_LIMIT)
    .openapi({ description: `Page size (1–${MAX_LIMIT})`, example: DEFAULT_LIMIT }),
};

const metric = text(100, "Substring of the metric (traditional or simplified input); a term that names a known indicator (GDP, 全省生产总值) also finds every figure with that metric key (地区生产总值)", "财政收入");
const kind = Kind.optional().openapi({ description: "reported (done) or target (promised)" });

/** from ≤ to, reported on `to`. */
function rangeOk<T extends { from?: string; to?: string }>(o: T, ctx: z.RefinementCtx) {
  if (o.from && o.to && o.from > o.to) ctx.addIssue({ code: "custom", path: ["to"], message: "to is before from" });
}

export const FigureQuery = z
  .object({
    ...common,
    metric,
    kind,
    unit: text(20, "Exact unit: 元, %, 个, 家 …", "元"),
    change: z.enum(["true", "false"]).optional().openapi({ description: "true = changes (增长, 下降); false = levels" }),
    min: decimal.optional().openapi({ description: "value ≥ min (base units: 12亿元 = 1200000000)" }),
    max: decimal.optional().openapi({ description: "value ≤ max" }),
  })
  .superRefine(rangeOk);

export const GoalQuery = z
  .object({
    ...common,
    actor: text(50, "Substring of the committing body or place (高邮市 finds 高邮)", "高邮"),
    deadline: text(30, "Substring of the deadline as written", "2025"),
    metric: text(100, "Goals with a figure whose metric contains this, or whose metric key is the indicator this names", "重大产业项目"),
  })
  .superRefine(rangeOk);

export const ArticleQuery = z
  .object({
    ...common,
    status: z.enum(ARTICLE_STATUSES).optional().openapi({ description: "received, extracted or failed" }),
  })
  .superRefine(rangeOk);

export const FacetQuery = z.object({ limit: common.limit });
export const MetricFacetQuery = z.object({ place: common.place, kind, limit: common.limit });

export const ArticleParams = z.object({
  id: z
    .string()
    .regex(/^[1-9]\d{0,15}$/, "expected a positive whole number in decimal digits")
    .pipe(z.coerce.number<string>().int().max(Number.MAX_SAFE_INTEGER))
    .openapi({ param: { name: "id", in: "path" }, example: 1, description: "Article id" }),
});

// ---- responses ---------------------------------------------------------------------------------

export const Problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.string().openapi({ example: "invalid_parameter" }),
    detail: z.string(),
    parameter: z.string().optional().openapi({ description: "The offending request parameter" }),
    instance: z.string().optional(),
    errors: z.array(z.object({ parameter: z.string(), detail: z.string() })).optional(),
  })
  .openapi("Problem");

/** A page of `item`: `next_cursor` (opaque) and `next` (the same request for the next page). */
export function pageOf<T extends z.ZodType>(item: T, name: string) {
  return z
    .object({
      items: z.array(item),
      next_cursor: z.string().nullable(),
      next: z.string().nullable().openapi({ description: "URL of the next page; null on the last page" }),
    })
    .openapi(name);
}

export const problemResponses = {
  400: { description: "Invalid parameter (RFC 9457 problem)", content: { "application/problem+json": { schema: Problem } } },
} as const;

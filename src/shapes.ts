/**
 * The JSON shapes jiyao answers with, defined once: zod schemas that the API's OpenAPI document is
 * generated from, and (through `z.infer`) the types the query layer (src/db/queries) returns, so
 * the served rows, the documented schema and the TypeScript types cannot drift apart.
 */
import { z } from "@hono/zod-openapi";
import { ARTICLE_ERROR_CODES, ARTICLE_STATUSES, PROMISE_VERDICTS } from "./db/schema";
import { APPROXES, KINDS } from "./extract/types";

export const Kind = z.enum(KINDS);

export const FigureRef = z
  .object({
    id: z.number().int(),
    place: z.string().nullable(),
    seq: z.number().int(),
    text: z.string().openapi({ example: "12亿元" }),
    value: z.number().openapi({ example: 1200000000 }),
    value_max: z.number().nullable(),
    unit: z.string().openapi({ example: "元" }),
    approx: z.enum(APPROXES).nullable(),
    metric: z.string().nullable().openapi({ example: "财政收入" }),
    metric_key: z.string().nullable().openapi({ example: "一般公共预算收入", description: "Canonical key of the metric (GDP, 全省生产总值 -> 地区生产总值); null when no rule knows it" }),
    change: z.boolean(),
    kind: Kind,
    sentence: z.string().nullable(),
    period: z.string().nullable().openapi({ example: "2025", description: "Period the figure is about: 2025, 2022-H1, 2024-Q3, 2024-01..10, 2021..2025" }),
    start: z.number().int(),
    end: z.number().int(),
  })
  .openapi("FigureRef");

/** What a listed figure or goal says about its article. */
const articleFacts = {
  article_id: z.number().int(),
  title: z.string().nullable(),
  published: z.string().nullable().openapi({ example: "2020-01-10" }),
  /** Display name of `place` (杜集区). */
  place_name: z.string().nullable(),
};

/** A figure as listed: the figure's fields, its sentence and its article's facts. */
export const Figure = FigureRef.extend(articleFacts).openapi("Figure");

/** A goal inside an article summary (its article's facts are the summary's own). */
export const GoalBase = z.object({
  id: z.number().int(),
  place: z.string().nullable(),
  seq: z.number().int(),
  text: z.string(),
  deadline: z.string().nullable().openapi({ example: "到2025年" }),
  actor: z.string().nullable().openapi({ example: "高邮" }),
  period: z.string().nullable().openapi({ example: "2025", description: "The deadline as a period (see Figure.period)" }),
  start: z.number().int(),
  end: z.number().int(),
  figures: z.array(FigureRef),
});
export const Goal = GoalBase.extend(articleFacts).openapi("Goal");

export const PlaceRef = z
  .object({ key: z.string(), name: z.string().openapi({ description: "Display name (simplified)" }), written: z.string().optional().openapi({ description: "As the article writes it (only in an article's own list)" }) })
  .openapi("PlaceRef");

export const Article = z
  .object({
    id: z.number().int(),
    status: z.enum(ARTICLE_STATUSES),
    error: z.string().nullable().openapi({ description: "Why the last extraction attempt failed (short message)" }),
    error_code: z.enum(ARTICLE_ERROR_CODES).nullable().openapi({ description: "Stable code of `error`" }),
    attempts: z.number().int().openapi({ description: "Failed extraction attempts so far" }),
    title: z.string().nullable(),
    published: z.string().nullable(),
    source: z.string().nullable(),
    url: z.string().nullable(),
    received_at: z.string(),
    extracted_at: z.string().nullable(),
    places: z.array(PlaceRef),
    figure_count: z.number().int(),
    goal_count: z.number().int(),
  })
  .openapi("Article");

export const ArticleSummary = Article.extend({
  encoding: z.string().openapi({ description: "Charset the body was decoded with" }),
  declared_charset: z.string().nullable().openapi({ description: "Charset the sender declared; differs from encoding when the declared one decoded to mojibake; null when detected" }),
  format: z.string(),
  extractor_version: z.number().int().nullable(),
  warnings: z.array(z.string()).openapi({ description: "What the extractor capped or skipped" }),
  meta: z.object({ title: z.string().nullable(), source: z.string().nullable(), published: z.string().nullable(), place: z.string().nullable() }),
  text: z.string(),
  figures: z.array(FigureRef),
  goals: z.array(GoalBase),
}).openapi("ArticleSummary");

export const PlaceFacet = z.object({ key: z.string(), name: z.string(), articles: z.number().int() }).openapi("PlaceFacet");
export const MetricFacet = z.object({ metric: z.string(), figures: z.number().int() }).openapi("MetricFacet");

/** A promise's target or outcome: a listed figure's own facts and its article's (derived, not mirrored). */
export const PromiseFigure = Figure.pick({
  article_id: true,
  seq: true,
  text: true,
  value: true,
  value_max: true,
  unit: true,
  approx: true,
  change: true,
  metric: true,
  sentence: true,
  published: true,
})
  .extend({ figure_id: z.number().int() })
  .openapi("PromiseFigure");

export const DerivedOutcome = z
  .object({
    value: z.number().openapi({ example: 5.1546, description: "In the target's unit: % for a rate target (a fall counts positive for a 下降 target), else the increment (base units)" }),
    unit: z.string().openapi({ example: "%" }),
    formula: z.string().openapi({ example: "(38.8微克/立方米 − 36.8微克/立方米) ÷ 38.8微克/立方米 = 5.15%（下降）" }),
    level: PromiseFigure.openapi({ description: "The later report's level for the promise's period" }),
    base: PromiseFigure.openapi({ description: "The level at the end of the year before" }),
  })
  .openapi("DerivedOutcome");

export const PromiseItem = z
  .object({
    id: z.number().int(),
    place: z.string().openapi({ example: "保定市" }),
    place_code: z.string().nullable().openapi({ example: "130600" }),
    metric: z.string().openapi({ example: "生产总值" }),
    metric_key: z.string().nullable(),
    period: z.string().openapi({ example: "2015" }),
    direction: z.enum(["at_least", "at_most"]).openapi({ description: "at_least: more is better; at_most: a ceiling (prices, unemployment, 控制在…以内)" }),
    verdict: z.enum(PROMISE_VERDICTS),
    target: PromiseFigure,
    outcome: PromiseFigure.nullable().openapi({ description: "What a later article's review reported for the same place, metric and period" }),
    evidence: z.array(PromiseFigure).openapi({ description: "Other candidate outcomes (earlier revisions, repeats)" }),
    derived: DerivedOutcome.nullable().openapi({
      description:
        "When no same-kind outcome is stated: the change worked out from the later report's level for the period and the level of the year before " +
        "(PM2.5 38.8 → 36.8 微克/立方米 against 下降5%; 达到1306家 after 达到1100家 against 新增100家). `outcome` and `verdict` stay the stated link",
    }),
    derived_verdict: z.enum(["met", "missed"]).nullable().openapi({ description: "The verdict rule applied to `derived.value`; null without a derived outcome" }),
  })
  .openapi("Promise");

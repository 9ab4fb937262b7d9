/**
 * D1 schema (drizzle). `npm run db:generate` turns changes here into a migration in drizzle/.
 *
 * Data path: an accepted webhook becomes one `articles` row (raw text first, status `received`);
 * the queue consumer adds the extracted rows (`figures`, `goals`, `goal_figures`,
 * `article_places`, the keyword index rows of src/db/grams.ts) in one batch and marks the article
 * `extracted`. goal_figures, promise_figures and promise_coverage are WITHOUT ROWID (drizzle/0017),
 * as metric_counts is (0009): drizzle cannot declare it, so a change here that makes drizzle-kit
 * rebuild one of them must keep it in its migration.
 * `published` and `place_key` are copied onto figures and goals so the query API can filter
 * them through one index without joining articles; a place filter reads a key range (a province
 * and everything under it).
 */
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { APPROXES, KINDS } from "../extract/types";

export const ARTICLE_STATUSES = ["received", "extracted", "failed"] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];
/** Why an extraction attempt failed (src/pipeline/failure.ts builds them). */
export const ARTICLE_ERROR_CODES = ["extraction_failed", "storage_failed", "internal"] as const;
export type ArticleErrorCode = (typeof ARTICLE_ERROR_CODES)[number];

export const articles = sqliteTable(
  "articles",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** Standard Webhooks `webhook-id` of the delivery that created the row (idempotency key). */
    webhookId: text("webhook_id").notNull(),
    /** SHA-256 (hex) of the normalised text: the same article under a new webhook id is a duplicate. */
    contentHash: text("content_hash").notNull(),
    /** SHA-256 (hex) of the request body bytes exactly as received. */
    rawHash: text("raw_hash").notNull(),
    /** The decoded article text as received (HTML already turned into text, invisible format characters removed). Never rewritten. */
    text: text("text").notNull(),
    /** Encoding the body was decoded with: utf-8, gbk, gb18030, big5. */
    encoding: text("encoding").notNull(),
    /**
     * The charset the sender declared (Content-Type or `<meta charset>`), null when detected.
     * Differs from `encoding` when the declared one decoded to mojibake (src/ingest/decode.ts).
     */
    declaredCharset: text("declared_charset"),
    /** Body format: json, plain or html. */
    format: text("format").notNull(),
    url: text("url"),
    /** Metadata as the poster sent it (may be null); extraction fills the resolved facts below. */
    metaTitle: text("meta_title"),
    metaSource: text("meta_source"),
    metaPublished: text("meta_published"),
    metaPlace: text("meta_place"),
    status: text("status", { enum: ARTICLE_STATUSES }).notNull().default("received"),
    /** Why the last extraction attempt failed, for readers: a short message (no D1 internals). */
    error: text("error"),
    /** Stable machine-readable cause of `error`. */
    errorCode: text("error_code", { enum: ARTICLE_ERROR_CODES }),
    /** The raw cause (D1 message, stage exception) for operators; never served. */
    errorDetail: text("error_detail"),
    /** Failed extraction attempts so far (the queue retries; the dead-letter consumer keeps it). */
    attempts: integer("attempts").notNull().default(0),
    /** JSON array of the extractor's warnings (capped or skipped input); null when none. */
    warnings: text("warnings"),
    extractorVersion: integer("extractor_version"),
    /** Resolved article facts: poster metadata wins, the extractor fills what it did not send. */
    title: text("title"),
    published: text("published"),
    source: text("source"),
    receivedAt: integer("received_at").notNull(),
    extractedAt: integer("extracted_at"),
  },
  (t) => [
    uniqueIndex("articles_webhook_id").on(t.webhookId),
    uniqueIndex("articles_content_hash").on(t.contentHash),
    index("articles_status_received").on(t.status, t.receivedAt),
    index("articles_extractor_version").on(t.extractorVersion),
    index("articles_published").on(t.published),
  ],
);

/**
 * One place, keyed by its GB/T 2260 code (130628), or for a village or zone by its division's key
 * and its name (220322/八里庙村), or "/" and the name for a place outside the divisions data
 * (see src/places/index.ts). Codes nest by prefix, so a place's descendants are one key range.
 */
export const places = sqliteTable(
  "places",
  {
    key: text("key").primaryKey(),
    /** The division's simplified full name (高阳县), or the name as written for other places. */
    name: text("name").notNull(),
    /** GB/T 2260 code; null for villages, zones and places outside the divisions data. */
    code: text("code"),
    /** The key of the division that holds it (130600 for 130628); null for a province or when unknown. */
    parentKey: text("parent_key"),
    /** 1 province, 2 prefecture, 3 county, 4 town; null below them or outside the data. */
    level: integer("level"),
  },
  (t) => [index("places_name").on(t.name)],
);

export const articlePlaces = sqliteTable(
  "article_places",
  {
    articleId: integer("article_id").notNull().references(() => articles.id, { onDelete: "cascade" }),
    placeKey: text("place_key").notNull().references(() => places.key),
    /** The place as the article writes it. */
    name: text("name").notNull(),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.placeKey] }), index("article_places_place").on(t.placeKey, t.articleId)],
);

export const figures = sqliteTable(
  "figures",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    articleId: integer("article_id").notNull().references(() => articles.id, { onDelete: "cascade" }),
    /** Position of the figure in the article's summary (0-based). */
    seq: integer("seq").notNull(),
    text: text("text").notNull(),
    start: integer("start").notNull(),
    end: integer("end").notNull(),
    value: real("value").notNull(),
    valueMax: real("value_max"),
    unit: text("unit").notNull(),
    approx: text("approx", { enum: APPROXES }),
    metric: text("metric"),
    /** Canonical key of the metric (src/extract/metrickeys.ts: 地区生产总值 for GDP / 全省生产总值); null when no rule knows it. */
    metricKey: text("metric_key"),
    change: integer("change", { mode: "boolean" }).notNull().default(false),
    kind: text("kind", { enum: KINDS }).notNull(),
    /**
     * The sentence the figure came from, as a span of the article's text (not a copy): its first
     * character and its length, in characters (code points, the units of SQLite's substr), where
     * start/end are UTF-16 offsets. Null when the extractor gave no sentence.
     */
    sentenceAt: integer("sentence_at"),
    sentenceChars: integer("sentence_chars"),
    /** Period the figure is about, normalised (2025, 2022-H1, 2024-01..10, 2021..2025). */
    period: text("period"),
    placeKey: text("place_key"),
    published: text("published"),
  },
  // No index on metric or metric_key (nor on goals.deadline): those filters are substring
  // matches, LIKE '%…%' (the key's equality is ORed with one), which no b-tree serves; the metric
  // filter's small sets come from article_metric_fts. None on
  // kind: each kind is about half the figures, so walking figures_published and checking kind
  // finds a page as soon. figures_published is on `published` alone: every index ends in the
  // rowid, which `id` is, so it gives the (published, id) order without holding id twice.
  // figures_place only serves the place driver's key ranges (those rows are sorted after), so it
  // holds no date. The same for goals, articles and promises_period.
  (t) => [
    uniqueIndex("figures_article_seq").on(t.articleId, t.seq),
    index("figures_place").on(t.placeKey),
    index("figures_published").on(t.published),
  ],
);

export const goals = sqliteTable(
  "goals",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    articleId: integer("article_id").notNull().references(() => articles.id, { onDelete: "cascade" }),
    seq: integer("seq").notNull(),
    text: text("text").notNull(),
    start: integer("start").notNull(),
    end: integer("end").notNull(),
    deadline: text("deadline"),
    actor: text("actor"),
    /** The deadline as a period (see figures.period). */
    period: text("period"),
    placeKey: text("place_key"),
    published: text("published"),
  },
  (t) => [
    uniqueIndex("goals_article_seq").on(t.articleId, t.seq),
    index("goals_place").on(t.placeKey),
    index("goals_published").on(t.published),
  ],
);

/**
 * Figures per (metric, kind, place), kept exact by triggers on `figures` (drizzle/0003): the
 * metrics facet reads these few rows instead of grouping every figure. The table is WITHOUT
 * ROWID (drizzle/0009; drizzle cannot declare it): a change here that makes drizzle-kit rebuild
 * the table must keep that in its migration.
 */
export const metricCounts = sqliteTable(
  "metric_counts",
  {
    metric: text("metric").notNull(),
    kind: text("kind", { enum: KINDS }).notNull(),
    /** "" when the figure has no place. */
    placeKey: text("place_key").notNull().default(""),
    figures: integer("figures").notNull(),
  },
  // Keyed place first: the facet of one place (and kind) is one range of the key; the facet of
  // every place reads the whole table either way.
  (t) => [primaryKey({ columns: [t.placeKey, t.kind, t.metric] })],
);

export const goalFigures = sqliteTable(
  "goal_figures",
  {
    goalId: integer("goal_id").notNull().references(() => goals.id, { onDelete: "cascade" }),
    figureId: integer("figure_id").notNull().references(() => figures.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.goalId, t.figureId] }), index("goal_figures_figure").on(t.figureId)],
);

/**
 * Promise tracking (src/promises). `promise_figures` is the linker's view of every figure that
 * can take part (it has a place and a period): the facets read from its clause when its article
 * was extracted, indexed by (place, period) so relinking a group reads only that group.
 * `place` is the linker's place identity (a GB/T 2260 code, else the place key).
 */
export const promiseFigures = sqliteTable(
  "promise_figures",
  {
    articleId: integer("article_id").notNull().references(() => articles.id, { onDelete: "cascade" }),
    /** The figure's `figures.seq` in its article. */
    seq: integer("seq").notNull(),
    place: text("place").notNull(),
    period: text("period").notNull(),
    direction: text("direction", { enum: ["at_least", "at_most"] }),
    flow: integer("flow", { mode: "boolean" }).notNull(),
    stock: integer("stock", { mode: "boolean" }).notNull(),
    multiYear: integer("multi_year", { mode: "boolean" }).notNull(),
    /** A target whose clause says it is a fall (下降5%): derived outcomes count the fall. */
    falls: integer("falls", { mode: "boolean" }).notNull().default(false),
    listPos: integer("list_pos"),
    listSize: integer("list_size"),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.seq] }), index("promise_figures_group").on(t.place, t.period)],
);

/** Per place, how far each article's review reaches (YYYY-MM): a later review without the metric is `no_report`. */
export const promiseCoverage = sqliteTable(
  "promise_coverage",
  {
    place: text("place").notNull(),
    articleId: integer("article_id").notNull().references(() => articles.id, { onDelete: "cascade" }),
    reviewedEnd: text("reviewed_end").notNull(),
    published: text("published"),
  },
  (t) => [primaryKey({ columns: [t.place, t.articleId] }), index("promise_coverage_reach").on(t.place, t.reviewedEnd)],
);

export const PROMISE_VERDICTS = ["met", "missed", "pending", "no_report"] as const;

/**
 * One promise per target figure, with its outcome figure and verdict. Figures are addressed by
 * (article, seq) because an article's figure rows are replaced on re-extraction; the row itself
 * is upserted on its target, so its id stays while the target does.
 */
export const promises = sqliteTable(
  "promises",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    targetArticleId: integer("target_article_id").notNull().references(() => articles.id, { onDelete: "cascade" }),
    targetSeq: integer("target_seq").notNull(),
    place: text("place").notNull(),
    period: text("period").notNull(),
    /** YYYY-MM the period ends in (src/extract/periodformat.ts), for coverage and open-promise lookups. */
    periodEnd: text("period_end"),
    metric: text("metric").notNull(),
    metricKey: text("metric_key"),
    direction: text("direction", { enum: ["at_least", "at_most"] }).notNull(),
    verdict: text("verdict", { enum: PROMISE_VERDICTS }).notNull(),
    outcomeArticleId: integer("outcome_article_id").references(() => articles.id, { onDelete: "set null" }),
    outcomeSeq: integer("outcome_seq"),
    /** Other candidate outcomes, JSON [[article_id, seq], …]. */
    evidence: text("evidence").notNull().default("[]"),
    /**
     * Worked out from two levels when no same-kind outcome is stated (src/promises/derive.ts):
     * JSON {value, unit, formula, level: [article_id, seq], base: [article_id, seq]}, or null.
     */
    derived: text("derived"),
    derivedVerdict: text("derived_verdict", { enum: ["met", "missed"] }),
    /** The target article's published date (YYYY-MM-DD) or null. */
    published: text("published"),
    /** When the current verdict was first reached (ms); kept while relinking gives the same verdict. */
    reachedAt: integer("reached_at").notNull(),
  },
  (t) => [
    uniqueIndex("promises_target").on(t.targetArticleId, t.targetSeq),
    index("promises_group").on(t.place, t.period),
    /** Open promises of a place up to a period end: the groups a new review's coverage can settle. */
    index("promises_open").on(t.place, t.verdict, t.periodEnd),
    index("promises_verdict").on(t.verdict, t.reachedAt),
    index("promises_outcome").on(t.outcomeArticleId),
    index("promises_period").on(t.period),
  ],
);

/**
 * In the catch-all database: where each article moved once its province was known
 * (src/pipeline/placement.ts), with the keys ingest deduplicates on, so a replay or duplicate
 * is answered with the original id after the raw row has left. Empty with one database.
 */
export const articleHomes = sqliteTable(
  "article_homes",
  {
    /** The article's id (the same in its shard: ids are allocated here, at ingest). */
    id: integer("id").primaryKey(),
    webhookId: text("webhook_id").notNull(),
    contentHash: text("content_hash").notNull(),
    /** The D1 binding of its shard (wrangler.toml SHARDS). */
    shard: text("shard").notNull(),
  },
  (t) => [uniqueIndex("article_homes_webhook_id").on(t.webhookId), uniqueIndex("article_homes_content_hash").on(t.contentHash)],
);

/**
 * The shard directory (src/db/directory.ts): in the home shard of a bucket (a province, or the
 * catch-all for keys of no province and for place names), the other shards that hold rows of
 * it, so that a `place` read asks those and no others. Written by the queue consumer before the
 * rows; never needed with one database.
 */
export const shardDirectory = sqliteTable(
  "shard_directory",
  {
    /** A province's two digits, "/" (keys of no province), or "=" and a stored place's name. */
    bucket: text("bucket").notNull(),
    /** The D1 binding (wrangler.toml SHARDS) that holds rows of the bucket. */
    shard: text("shard").notNull(),
  },
  (t) => [primaryKey({ columns: [t.bucket, t.shard] })],
);

/**
 * Promises list and one promise (src/promises links them; see the `promises` table). Each item
 * carries its target figure, its outcome figure (or null) and the other candidate outcomes as
 * evidence. Paged like the other lists: published (of the target article) DESC, id DESC.
 */
import { and, Column, eq, is, or, type SQL, sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import { alias } from "drizzle-orm/sqlite-core";
import { placeFilter } from "../../places";
import { placeKeyMatch } from "./plan";
import { figures, promises } from "../schema";
import { placeNameOf } from "./common";
import { type BatchRead, type CursorKey, DEFAULT_LIMIT, inBatch, pageOf, pagePhases, type Page, type Phase, phaseIds } from "./page";
import { keywordRowCheck } from "./search";
import { metricCondition } from "./figures";
import type { DerivedOutcome, PromiseFigure, PromiseItem } from "./types";

export type { DerivedOutcome, PromiseFigure, PromiseItem };

export interface PromiseFilter {
  place?: string;
  metric?: string;
  period?: string;
  verdict?: (typeof promises.$inferSelect)["verdict"];
  q?: string;
  cursor?: CursorKey;
  limit?: number;
}

/** promises.derived as stored (src/promises/store.ts). */
interface StoredDerived {
  value: number;
  unit: string;
  formula: string;
  level: [number, number];
  base: [number, number];
}

const storedDerived = (r: { derived: string | null }): StoredDerived | null => (r.derived ? (JSON.parse(r.derived) as StoredDerived) : null);

/** A GB/T 2260 code (6 digits, or 9 for towns and streets). */
const isCode = (s: string) => /^\d{6}(\d{3})?$/.test(s);

function conditions(f: PromiseFilter): SQL[] {
  const out: SQL[] = [];
  if (f.place !== undefined) {
    // The same place match as every other list: the place, everything under it, stored places of that name.
    out.push(placeKeyMatch(promises.place, placeFilter(f.place.trim())));
  }
  if (f.metric) out.push(or(eq(promises.metricKey, f.metric), metricCondition(f.metric, { metric: promises.metric, key: promises.metricKey }))!);
  if (f.period) out.push(eq(promises.period, f.period));
  if (f.verdict) out.push(eq(promises.verdict, f.verdict));
  if (f.q) {
    const k = keywordRowCheck(promises.targetArticleId, f.q);
    if (k) out.push(k);
  }
  return out;
}

const target = alias(figures, "t");
const outcome = alias(figures, "o");

const figureColumns = (t: typeof target | typeof outcome) => figureFieldsOf(t);

/**
 * The columns of a promise row's target and outcome, named `t_…` and `o_…`: a D1 batch gives its
 * rows as objects keyed by column name, so the two figures' columns (and the promise's own id)
 * must not share names.
 */
function prefixed<T extends Record<string, unknown>>(fields: T, prefix: string): T {
  return Object.fromEntries(
    Object.entries(fields).map(([k, v]) => [k, (is(v, Column) ? sql`${v}`.mapWith(v) : sql`${v as SQL}`).as(`${prefix}_${k}`)]),
  ) as unknown as T;
}

const figureFieldsOf = (t: typeof target | typeof outcome) => ({
  id: t.id,
  articleId: t.articleId,
  seq: t.seq,
  text: t.text,
  value: t.value,
  valueMax: t.valueMax,
  unit: t.unit,
  approx: t.approx,
  change: t.change,
  metric: t.metric,
  // Figures store their sentence as a span of the article's text (see the schema).
  sentence: sql<string | null>`(SELECT substr(st.text, ${t.sentenceAt} + 1, ${t.sentenceChars}) FROM articles AS st WHERE st.id = ${t.articleId})`,
  published: t.published,
});

type FigureRow = { [K in Exclude<keyof ReturnType<typeof figureColumns>, "sentence">]: (typeof figures.$inferSelect)[K] } & { sentence: string | null };
type NullableFigureRow = { [K in keyof FigureRow]: FigureRow[K] | null };

function promiseFigure(r: FigureRow): PromiseFigure {
  return {
    figure_id: r.id,
    article_id: r.articleId,
    seq: r.seq,
    text: r.text,
    value: r.value,
    value_max: r.valueMax,
    unit: r.unit,
    approx: r.approx,
    change: r.change,
    metric: r.metric,
    sentence: r.sentence,
    published: r.published,
  };
}

function select(d1: D1Database) {
  return drizzle(d1)
    .select({
      id: promises.id,
      place: promises.place,
      metric: promises.metric,
      metricKey: promises.metricKey,
      period: promises.period,
      direction: promises.direction,
      verdict: promises.verdict,
      evidence: promises.evidence,
      derived: promises.derived,
      derivedVerdict: promises.derivedVerdict,
      published: promises.published,
      target: prefixed(figureColumns(target), "t"),
      outcome: prefixed(figureColumns(outcome), "o"),
    })
    .from(promises)
    .innerJoin(target, and(eq(target.articleId, promises.targetArticleId), eq(target.seq, promises.targetSeq)))
    .leftJoin(outcome, and(eq(outcome.articleId, promises.outcomeArticleId), eq(outcome.seq, promises.outcomeSeq)));
}

type Row = Awaited<ReturnType<ReturnType<typeof select>["where"]>>[number];

/** The ids of the promises the filter and phase select (what a page's evidence read selects by). */
function idsSelect(d1: D1Database) {
  return drizzle(d1)
    .select({ id: promises.id })
    .from(promises)
    .innerJoin(target, and(eq(target.articleId, promises.targetArticleId), eq(target.seq, promises.targetSeq)));
}

/**
 * The evidence figures of the promises `promiseIds` selects (a subquery) and the figures of their
 * derived outcomes: a statement for the page's batch (evidenceMap keys them "article:seq").
 */
function evidenceQuery(d1: D1Database, promiseIds: SQL) {
  const refs = sql`WITH ep AS (SELECT evidence, derived FROM promises WHERE id IN (${promiseIds}))
    SELECT e.value ->> 0, e.value ->> 1 FROM ep, json_each(ep.evidence) AS e
    UNION ALL SELECT ep.derived ->> '$.level[0]', ep.derived ->> '$.level[1]' FROM ep WHERE ep.derived IS NOT NULL
    UNION ALL SELECT ep.derived ->> '$.base[0]', ep.derived ->> '$.base[1]' FROM ep WHERE ep.derived IS NOT NULL`;
  return drizzle(d1)
    .select(figureColumns(target))
    .from(target)
    .where(sql`(${target.articleId}, ${target.seq}) IN (${refs})`);
}

function evidenceMap(found: Awaited<ReturnType<typeof evidenceQuery>>): Map<string, PromiseFigure> {
  return new Map(found.map((f) => [`${f.articleId}:${f.seq}`, promiseFigure(f)]));
}

function item(r: Row, evidence: Map<string, PromiseFigure>): PromiseItem {
  // drizzle gives a left-joined object with no match as null.
  const o = r.outcome as NullableFigureRow | null;
  return {
    id: r.id,
    place: placeNameOf(r.place) ?? r.place,
    place_code: isCode(r.place) ? r.place : null,
    metric: r.metric,
    metric_key: r.metricKey,
    period: r.period,
    direction: r.direction,
    verdict: r.verdict,
    target: promiseFigure(r.target as FigureRow),
    outcome: o === null || o.id === null ? null : promiseFigure(o as FigureRow),
    evidence: (JSON.parse(r.evidence) as [number, number][]).flatMap(([a, s]) => evidence.get(`${a}:${s}`) ?? []),
    ...derivedOf(r, evidence),
  };
}

/** The derived outcome with its two figures (none when a figure is gone: the next relink rewrites it). */
function derivedOf(r: Row, figures: Map<string, PromiseFigure>): Pick<PromiseItem, "derived" | "derived_verdict"> {
  const d = storedDerived(r);
  const level = d && figures.get(d.level.join(":"));
  const base = d && figures.get(d.base.join(":"));
  if (!d || !level || !base || !r.derivedVerdict) return { derived: null, derived_verdict: null };
  return { derived: { value: d.value, unit: d.unit, formula: d.formula, level, base }, derived_verdict: r.derivedVerdict };
}

/** One page of promises, newest target article first (undated last), with their evidence: one batch. */
export async function listPromises(d1: D1Database, f: PromiseFilter = {}): Promise<Page<PromiseItem>> {
  return (await inBatch(d1, promisesRead(d1, f)))[0];
}

/** listPromises as statements for a batch shared with other reads. */
export function promisesRead(d1: D1Database, f: PromiseFilter): BatchRead<Page<PromiseItem>> {
  const where = conditions(f);
  const limit = f.limit ?? DEFAULT_LIMIT;
  const phases = pagePhases(promises.published, promises.id, f);
  if (!phases.length) return { items: [], decode: () => ({ items: [], keys: [], next: null }) };
  const inPhase = (phase: Phase) => and(...where, phase.where);
  const pageQueries = phases.map((phase) => select(d1).where(inPhase(phase)).orderBy(...phase.orderBy).limit(limit + 1));
  const ids = phaseIds(phases.map((phase) => idsSelect(d1).where(inPhase(phase)).orderBy(...phase.orderBy).limit(limit + 1)));
  const evidence = evidenceQuery(d1, ids);
  return {
    items: [evidence, ...pageQueries],
    decode: ([evidenceRows, ...phaseRows]) => {
      const page = pageOf(phaseRows as Row[][], limit);
      const found = evidenceMap(evidenceRows as Awaited<typeof evidence>);
      return { next: page.next, keys: page.keys, items: page.items.map((r) => item(r, found)) };
    },
  };
}

export async function getPromise(d1: D1Database, id: number): Promise<PromiseItem | null> {
  const [[row], found] = await drizzle(d1).batch([select(d1).where(eq(promises.id, id)).limit(1), evidenceQuery(d1, sql`${id}`)]);
  return row ? item(row, evidenceMap(found)) : null;
}

/** Verdicts a feed announces: the ones reached (pending is not news). */
export const REACHED_VERDICTS = ["met", "missed", "no_report"] as const;

/** Promises whose verdict was reached, latest first (the promise feeds), with when it was reached. */
export async function reachedPromises(d1: D1Database, f: ReachedFilter): Promise<(PromiseItem & { reached_at: number })[]> {
  return (await inBatch(d1, reachedRead(d1, f)))[0];
}

export type ReachedFilter = Pick<PromiseFilter, "place" | "metric"> & { verdict?: (typeof REACHED_VERDICTS)[number]; limit: number };

/** reachedPromises as statements for a batch shared with other reads. */
export function reachedRead(d1: D1Database, f: ReachedFilter): BatchRead<(PromiseItem & { reached_at: number })[]> {
  const verdicts = f.verdict ? [f.verdict] : [...REACHED_VERDICTS];
  const latest = (fields: { id: typeof promises.id; reachedAt?: typeof promises.reachedAt }) =>
    drizzle(d1)
      .select(fields)
      .from(promises)
      .where(and(...conditions({ place: f.place, metric: f.metric }), sql`${promises.verdict} IN (SELECT value FROM json_each(${JSON.stringify(verdicts)}))`))
      .orderBy(sql`${promises.reachedAt} DESC`, sql`${promises.id} DESC`)
      .limit(f.limit);
  const ids = sql`SELECT id FROM (${latest({ id: promises.id })})`;
  const latestQuery = latest({ id: promises.id, reachedAt: promises.reachedAt });
  const fullQuery = select(d1).where(sql`${promises.id} IN (${ids})`);
  const evidenceRows = evidenceQuery(d1, ids);
  return {
    items: [latestQuery, fullQuery, evidenceRows],
    decode: (results) => {
      const [rows, full, found] = results as [Awaited<typeof latestQuery>, Awaited<typeof fullQuery>, Awaited<typeof evidenceRows>];
      const evidence = evidenceMap(found);
      const byId = new Map(full.map((r) => [r.id, r]));
      return rows.flatMap((r) => {
        const row = byId.get(r.id);
        return row ? [{ ...item(row, evidence), reached_at: r.reachedAt! }] : [];
      });
    },
  };
}

/** Promises one article page marks at most (an article holds a few hundred figures at most). */
const MAX_ARTICLE_PROMISES = 1000;

export interface ArticlePromises {
  /** The promises of the article's own targets, in text order. */
  targets: PromiseItem[];
  /** The earlier promises the article's reported figures are the outcome of, in the order of those figures. */
  outcomes: PromiseItem[];
}

/**
 * The promises an article takes part in, for its page's marks: its targets' promises (judged or
 * not) and the promises whose outcome is one of its figures. Both by index (promises_target,
 * promises_outcome).
 */
export function articlePromisesRead(d1: D1Database, articleId: number): BatchRead<ArticlePromises> {
  const ofArticle = or(eq(promises.targetArticleId, articleId), eq(promises.outcomeArticleId, articleId));
  const ids = sql`SELECT id FROM promises WHERE ${ofArticle} ORDER BY id LIMIT ${MAX_ARTICLE_PROMISES}`;
  const rowQuery = select(d1).where(ofArticle).orderBy(promises.id).limit(MAX_ARTICLE_PROMISES);
  const found = evidenceQuery(d1, ids);
  return {
    items: [rowQuery, found],
    decode: (results) => {
      const [rows, evidenceRows] = results as [Awaited<typeof rowQuery>, Awaited<typeof found>];
      const evidence = evidenceMap(evidenceRows);
      const items = rows.map((r) => item(r, evidence));
      return {
        targets: items.filter((p) => p.target.article_id === articleId).sort((a, b) => a.target.seq - b.target.seq),
        outcomes: items.filter((p) => p.outcome?.article_id === articleId).sort((a, b) => a.outcome!.seq - b.outcome!.seq),
      };
    },
  };
}

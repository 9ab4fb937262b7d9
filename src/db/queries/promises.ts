/**
 * Promises list and one promise (src/promises links them; see the `promises` table). Each item
 * carries its target figure, its outcome figure (or null) and the other candidate outcomes as
 * evidence. Paged like the other lists: published (of the target article) DESC, id DESC.
 */
import { and, eq, or, type SQL, sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import { alias } from "drizzle-orm/sqlite-core";
import { placeFilter } from "../../places";
import { placeKeyMatch } from "./plan";
import { figures, promises } from "../schema";
import { placeNameOf } from "./common";
import { type CursorKey, paginate, type Page, type Phase } from "./page";
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

const figureColumns = (t: typeof target | typeof outcome) => ({
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
      target: figureColumns(target),
      outcome: figureColumns(outcome),
    })
    .from(promises)
    .innerJoin(target, and(eq(target.articleId, promises.targetArticleId), eq(target.seq, promises.targetSeq)))
    .leftJoin(outcome, and(eq(outcome.articleId, promises.outcomeArticleId), eq(outcome.seq, promises.outcomeSeq)));
}

type Row = Awaited<ReturnType<ReturnType<typeof select>["where"]>>[number];

/** The evidence figures of the rows and the figures of their derived outcomes, keyed "article:seq". */
async function evidenceFigures(d1: D1Database, rows: Row[]): Promise<Map<string, PromiseFigure>> {
  const refs = rows.flatMap((r) => {
    const d = storedDerived(r);
    return [...(JSON.parse(r.evidence) as [number, number][]), ...(d ? [d.level, d.base] : [])];
  });
  const out = new Map<string, PromiseFigure>();
  if (!refs.length) return out;
  const found = await drizzle(d1)
    .select(figureColumns(target))
    .from(target)
    .where(sql`(${target.articleId}, ${target.seq}) IN (SELECT value ->> 0, value ->> 1 FROM json_each(${JSON.stringify(refs)}))`);
  for (const f of found) out.set(`${f.articleId}:${f.seq}`, promiseFigure(f));
  return out;
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

/** One page of promises, newest target article first (undated last). */
export async function listPromises(d1: D1Database, f: PromiseFilter = {}): Promise<Page<PromiseItem>> {
  const where = conditions(f);
  const page = await paginate(promises.published, promises.id, f, async (phase: Phase, take: number) =>
    select(d1)
      .where(and(...where, phase.where))
      .orderBy(...phase.orderBy)
      .limit(take),
  );
  const evidence = await evidenceFigures(d1, page.items);
  return { next: page.next, keys: page.keys, items: page.items.map((r) => item(r, evidence)) };
}

export async function getPromise(d1: D1Database, id: number): Promise<PromiseItem | null> {
  const [row] = await select(d1).where(eq(promises.id, id)).limit(1);
  if (!row) return null;
  return item(row, await evidenceFigures(d1, [row]));
}

/** Verdicts a feed announces: the ones reached (pending is not news). */
export const REACHED_VERDICTS = ["met", "missed", "no_report"] as const;

/** Promises whose verdict was reached, latest first (the promise feeds), with when it was reached. */
export async function reachedPromises(
  d1: D1Database,
  f: Pick<PromiseFilter, "place" | "metric"> & { verdict?: (typeof REACHED_VERDICTS)[number]; limit: number },
): Promise<(PromiseItem & { reached_at: number })[]> {
  const verdicts = f.verdict ? [f.verdict] : [...REACHED_VERDICTS];
  const rows = await drizzle(d1)
    .select({ reachedAt: promises.reachedAt, id: promises.id })
    .from(promises)
    .where(and(...conditions({ place: f.place, metric: f.metric }), sql`${promises.verdict} IN (SELECT value FROM json_each(${JSON.stringify(verdicts)}))`))
    .orderBy(sql`${promises.reachedAt} DESC`, sql`${promises.id} DESC`)
    .limit(f.limit);
  if (!rows.length) return [];
  const full = await select(d1).where(sql`${promises.id} IN (SELECT value FROM json_each(${JSON.stringify(rows.map((r) => r.id))}))`);
  const evidence = await evidenceFigures(d1, full);
  const byId = new Map(full.map((r) => [r.id, r]));
  return rows.flatMap((r) => {
    const row = byId.get(r.id);
    return row ? [{ ...item(row, evidence), reached_at: r.reachedAt }] : [];
  });
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
export async function articlePromises(d1: D1Database, articleId: number): Promise<ArticlePromises> {
  const rows = await select(d1)
    .where(or(eq(promises.targetArticleId, articleId), eq(promises.outcomeArticleId, articleId)))
    .orderBy(promises.id)
    .limit(MAX_ARTICLE_PROMISES);
  const evidence = await evidenceFigures(d1, rows);
  const items = rows.map((r) => item(r, evidence));
  return {
    targets: items.filter((p) => p.target.article_id === articleId).sort((a, b) => a.target.seq - b.target.seq),
    outcomes: items.filter((p) => p.outcome?.article_id === articleId).sort((a, b) => a.outcome!.seq - b.outcome!.seq),
  };
}

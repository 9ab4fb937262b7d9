/**
 * Writes one article's summary as rows, in ONE D1 batch (a transaction): the previous rows of
 * the article are replaced, never duplicated, so a redelivered queue message or a re-extraction
 * after a rule change leaves exactly one copy.
 */
import { eq, SQL, sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import { SQLiteAsyncDialect } from "drizzle-orm/sqlite-core";
import { articlePlaces, articles, figures, goals, places } from "../db/schema";
import type { Figure, Summary } from "../extract/types";
import { divisionsNamed, placeKey, placeName, subPlaceKey } from "../places";
import { divisionByKey, gazetteer, type Division } from "../places/gazetteer";
import { codePointOffsets } from "../text/code-points";
import { gramColumns } from "../db/grams";
import { figurePlace } from "../promises/inputs";

const dialect = new SQLiteAsyncDialect();

/** Drizzle builds each statement; D1's own batch runs them as one transaction. (drizzle's
 * `db.batch` cannot carry raw `sql` statements on D1, which the FTS and link inserts need.) */
/** A statement of a batch: a drizzle query or raw `sql`. */
export type BatchQuery = { toSQL(): { sql: string; params: unknown[] } } | SQL;

export function statement(d1: D1Database, query: BatchQuery): D1PreparedStatement {
  const built = query instanceof SQL ? dialect.sqlToQuery(query) : query.toSQL();
  return d1.prepare(built.sql).bind(...built.params);
}

/** D1 binds at most 100 parameters per statement; multi-row inserts are chunked below it. */
const MAX_PARAMS = 100;

/** Rows in groups whose bound values (one per column given) stay within MAX_PARAMS. */
function chunk<T extends object>(rows: T[]): T[][] {
  const columns = rows[0] ? Object.keys(rows[0]).length : 1;
  const size = Math.max(1, Math.floor(MAX_PARAMS / columns));
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

/** The stored article fields the summary is merged with (poster metadata wins). */
export interface ArticleMeta {
  id: number;
  /** The text the summary was extracted from (figures' sentences are stored as spans of it). */
  text: string;
  metaTitle: string | null;
  metaSource: string | null;
  metaPublished: string | null;
  metaPlace: string | null;
}

/** YYYY-MM-DD from a poster's date (ISO date or date-time), or null. */
export function dayOf(value: string | null | undefined): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value ?? "");
  return m ? `${m[1]}-${m[2]}-${m[3]}` : null;
}

interface StoredPlace {
  key: string;
  name: string;
  written: string;
  code: string | null;
  parentKey: string | null;
  level: number | null;
}

/** A division's row: its key, code, parent and level from the gazetteer. */
function divisionPlace(d: Division, written: string): StoredPlace {
  const parent = d.parent >= 0 ? gazetteer().divisions[d.parent] : undefined;
  return { key: d.key, name: d.name, written, code: d.code, parentKey: parent?.key ?? null, level: d.level };
}

/**
 * The article's places: the poster's first (resolved through the gazetteer when it names one
 * division, else kept as written), then the extractor's; unique by key.
 */
function articlePlaceList(meta: ArticleMeta, summary: Summary): StoredPlace[] {
  const seen = new Set<string>();
  const out: StoredPlace[] = [];
  const push = (p: StoredPlace) => {
    if (!p.key || seen.has(p.key)) return;
    seen.add(p.key);
    out.push(p);
  };
  // A name alone (the poster's, or a summary place without code or parent) is resolved through
  // the gazetteer when it means one division, else kept as written.
  const byName = (name: string, written: string) => {
    const ds = divisionsNamed(name);
    if (ds.length === 1) push(divisionPlace(ds[0] as Division, written));
    else if (placeName(name)) push({ key: placeKey(name), name: placeName(name), written, code: null, parentKey: null, level: null });
  };
  if (meta.metaPlace) byName(meta.metaPlace, meta.metaPlace);
  for (const p of summary.places) {
    const d = p.code ? divisionByKey(p.code) : undefined;
    if (d) push(divisionPlace(d, p.written));
    else if (p.parent_code) push({ key: subPlaceKey(p.name, p.parent_code), name: placeName(p.name), written: p.written, code: null, parentKey: p.parent_code, level: null });
    else byName(p.name, p.written);
  }
  return out;
}

/** The article's resolved date and primary place key, as its rows are filed (for the promise linker). */
export function filedAs(meta: ArticleMeta, summary: Summary): { published: string | null; mainPlace: string | null } {
  return { published: dayOf(meta.metaPublished) ?? summary.published, mainPlace: articlePlaceList(meta, summary)[0]?.key ?? null };
}

/** Figure indexes (seq) that a goal lists: figures inside the goal's span whose text it names. */
function goalFigureSeqs(goal: Summary["goals"][number], all: Figure[]): number[] {
  const wanted = new Set(goal.figures);
  const seqs: number[] = [];
  all.forEach((f, seq) => {
    if (f.start >= goal.start && f.end <= goal.end && wanted.has(f.text)) seqs.push(seq);
  });
  return seqs;
}

/**
 * A figure's sentence as its span of the text, in characters (see figures.sentence_at). Any
 * occurrence of the sentence spells the same characters; the one ending the search before the
 * figure is the extractor's own. A sentence that is not in the text breaks the extractor's
 * contract (verbatim sentences), so it fails the extraction rather than storing a wrong span.
 */
function sentenceSpan(text: string, chars: (utf16: number) => number, f: Figure): { sentenceAt: number | null; sentenceChars: number | null } {
  if (f.sentence === undefined) return { sentenceAt: null, sentenceChars: null };
  const at = text.lastIndexOf(f.sentence, f.start);
  if (at < 0) throw new Error(`figure ${JSON.stringify(f.text)} at ${f.start}: its sentence is not in the article text`);
  const from = chars(at);
  return { sentenceAt: from, sentenceChars: chars(at + f.sentence.length) - from };
}

/** The rows an article's summary is stored as (before ids): its places, figures and goals. */
function summaryRows(meta: ArticleMeta, summary: Summary) {
  const published = dayOf(meta.metaPublished) ?? summary.published;
  const placeList = articlePlaceList(meta, summary);
  const mainPlace = placeList[0]?.key ?? null;
  const id = meta.id;
  const chars = codePointOffsets(meta.text);
  const figureRows = summary.figures.map((f, seq) => ({
    articleId: id,
    seq,
    text: f.text,
    start: f.start,
    end: f.end,
    value: f.value,
    valueMax: f.value_max ?? null,
    unit: f.unit,
    approx: f.approx ?? null,
    metric: f.metric ?? null,
    metricKey: f.metric_key ?? null,
    change: f.change ?? false,
    kind: f.kind,
    ...sentenceSpan(meta.text, chars, f),
    // The figure's place: its division's code, else the listed village or zone of that name.
    // The poster's place stands for the article's own (primary) place when it was given.
    placeKey:
      meta.metaPlace && f.place === summary.places[0]?.name
        ? mainPlace
        : (f.place_code ?? placeList.find((p) => p.name === f.place)?.key ?? mainPlace),
    period: f.period ?? null,
    published,
  }));
  const goalFigureLinks = summary.goals.map((g) => goalFigureSeqs(g, summary.figures));
  const goalRows = summary.goals.map((g, seq) => ({
    articleId: id,
    seq,
    text: g.text,
    start: g.start,
    end: g.end,
    deadline: g.deadline ?? null,
    actor: g.actor ?? null,
    period: g.period ?? null,
    // A goal belongs where its figures are (金山桥街道's goals in an article about 经开区).
    placeKey: figureRows[goalFigureLinks[seq]?.[0] ?? -1]?.placeKey ?? mainPlace,
    published,
  }));
  return { published, placeList, mainPlace, figureRows, goalFigureLinks, goalRows };
}

/**
 * Every place an article's stored rows name, for the shard directory (src/db/directory.ts): the
 * keys its places, figures, goals and promise inputs are filed under, and its `places` rows
 * (key and name, which a place filter also matches by name).
 */
export function storedPlaces(meta: ArticleMeta, summary: Summary): { keys: string[]; places: { key: string; name: string }[] } {
  const { placeList, mainPlace, figureRows, goalRows } = summaryRows(meta, summary);
  const keys = new Set<string>(placeList.map((p) => p.key));
  for (const r of [...figureRows, ...goalRows]) if (r.placeKey) keys.add(r.placeKey);
  for (const f of summary.figures) {
    const k = figurePlace(f, mainPlace);
    if (k) keys.add(k);
  }
  return { keys: [...keys], places: placeList.map((p) => ({ key: p.key, name: p.name })) };
}

/**
 * `extra`: statements run in the same batch before the article leaves `received` (promise
 * links); `first`: statements run before everything (the copy of the article row into its new
 * shard, src/pipeline/placement.ts, so the row and its summary arrive together or not at all).
 */
export async function storeSummary(
  d1: D1Database,
  meta: ArticleMeta,
  summary: Summary,
  extractorVersion: number,
  extra: SQL[] = [],
  first: BatchQuery[] = [],
): Promise<void> {
  const db = drizzle(d1);
  const id = meta.id;
  const title = meta.metaTitle ?? summary.title;
  const source = meta.metaSource ?? summary.source;
  const { published, placeList, figureRows, goalFigureLinks, goalRows } = summaryRows(meta, summary);

  const statements: BatchQuery[] = [
    ...first,
    // Children first (goal_figures go with goals and figures through ON DELETE CASCADE).
    db.delete(goals).where(eq(goals.articleId, id)),
    db.delete(figures).where(eq(figures.articleId, id)),
    db.delete(articlePlaces).where(eq(articlePlaces.articleId, id)),
    sql`DELETE FROM article_text_fts WHERE rowid = ${id}`,
    sql`DELETE FROM article_metric_fts WHERE rowid = ${id}`,
  ];
  for (const p of placeList) {
    statements.push(
      db
        .insert(places)
        .values({ key: p.key, name: p.name, code: p.code, parentKey: p.parentKey, level: p.level })
        .onConflictDoUpdate({ target: places.key, set: { name: sql`excluded.name`, code: sql`excluded.code`, parentKey: sql`excluded.parent_key`, level: sql`excluded.level` } }),
    );
  }
  if (placeList.length) {
    statements.push(db.insert(articlePlaces).values(placeList.map((p) => ({ articleId: id, placeKey: p.key, name: p.written }))));
  }
  for (const rows of chunk(figureRows)) statements.push(db.insert(figures).values(rows));
  for (const rows of chunk(goalRows)) statements.push(db.insert(goals).values(rows));
  goalFigureLinks.forEach((figSeqs, goalSeq) => {
    for (const figSeq of figSeqs) {
      statements.push(
        sql`INSERT INTO goal_figures (goal_id, figure_id)
          SELECT g.id, f.id FROM goals g, figures f
          WHERE g.article_id = ${id} AND g.seq = ${goalSeq} AND f.article_id = ${id} AND f.seq = ${figSeq}`,
      );
    }
  });
  // The keyword indexes (src/db/grams.ts): the grams of the title and text, and of the metrics
  // when there are any. Metric keys are searchable beside the metrics as written (a search for
  // 地区生产总值 finds GDP).
  const [g1, g2, g3] = gramColumns([title ?? "", meta.text], 3);
  statements.push(sql`INSERT INTO article_text_fts (rowid, g1, g2, g3) VALUES (${id}, ${g1}, ${g2}, ${g3})`);
  const metrics = [...new Set(summary.figures.flatMap((f) => [f.metric, f.metric_key]).filter((m): m is string => !!m))];
  if (metrics.length) statements.push(sql`INSERT INTO article_metric_fts (rowid, grams) VALUES (${id}, ${gramColumns(metrics, 1)[0]})`);
  statements.push(...extra);
  statements.push(
    db
      .update(articles)
      .set({
        status: "extracted",
        error: null,
        errorCode: null,
        errorDetail: null,
        warnings: summary.warnings.length ? JSON.stringify(summary.warnings) : null,
        extractorVersion,
        title,
        source,
        published,
        extractedAt: Date.now(),
      })
      .where(eq(articles.id, id)),
  );
  await d1.batch(statements.map((q) => statement(d1, q)));
}

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
import { placeKey, placeName } from "../places";

const dialect = new SQLiteAsyncDialect();

/** Drizzle builds each statement; D1's own batch runs them as one transaction. (drizzle's
 * `db.batch` cannot carry raw `sql` statements on D1, which the FTS and link inserts need.) */
function statement(d1: D1Database, query: { toSQL(): { sql: string; params: unknown[] } } | SQL): D1PreparedStatement {
  const built = query instanceof SQL ? dialect.sqlToQuery(query) : query.toSQL();
  return d1.prepare(built.sql).bind(...built.params);
}

/** D1 binds at most 100 parameters per statement; multi-row inserts are chunked below it. */
const MAX_PARAMS = 100;

function chunk<T>(rows: T[], columns: number): T[][] {
  const size = Math.max(1, Math.floor(MAX_PARAMS / columns));
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

/** The stored article fields the summary is merged with (poster metadata wins). */
export interface ArticleMeta {
  id: number;
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

/** The article's places: the poster's first, then the extractor's; unique by key. */
function articlePlaceList(meta: ArticleMeta, summary: Summary): { key: string; name: string; written: string }[] {
  const seen = new Set<string>();
  const out: { key: string; name: string; written: string }[] = [];
  for (const written of [meta.metaPlace, ...summary.places]) {
    if (!written) continue;
    const key = placeKey(written);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    out.push({ key, name: placeName(written), written });
  }
  return out;
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

export async function storeSummary(d1: D1Database, meta: ArticleMeta, summary: Summary, extractorVersion: number): Promise<void> {
  const db = drizzle(d1);
  const id = meta.id;
  const title = meta.metaTitle ?? summary.title;
  const source = meta.metaSource ?? summary.source;
  const published = dayOf(meta.metaPublished) ?? summary.published;
  const placeList = articlePlaceList(meta, summary);
  const mainPlace = placeList[0]?.key ?? null;

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
    sentence: f.sentence ?? null,
    placeKey: (f.place && placeKey(f.place)) || mainPlace,
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
    // A goal belongs where its figures are (金山桥街道's goals in an article about 经开区).
    placeKey: figureRows[goalFigureLinks[seq]?.[0] ?? -1]?.placeKey ?? mainPlace,
    published,
  }));

  const statements: Parameters<typeof statement>[1][] = [
    // Children first (goal_figures go with goals and figures through ON DELETE CASCADE).
    db.delete(goals).where(eq(goals.articleId, id)),
    db.delete(figures).where(eq(figures.articleId, id)),
    db.delete(articlePlaces).where(eq(articlePlaces.articleId, id)),
    sql`DELETE FROM article_search WHERE rowid = ${id}`,
  ];
  for (const p of placeList) {
    // The display name is the fullest form seen: 杜集区 over 杜集.
    statements.push(
      db
        .insert(places)
        .values({ key: p.key, name: p.name })
        .onConflictDoUpdate({ target: places.key, set: { name: sql`excluded.name` }, setWhere: sql`length(excluded.name) > length(${places.name})` }),
    );
  }
  if (placeList.length) {
    statements.push(db.insert(articlePlaces).values(placeList.map((p) => ({ articleId: id, placeKey: p.key, name: p.written }))));
  }
  for (const rows of chunk(figureRows, 15)) statements.push(db.insert(figures).values(rows));
  for (const rows of chunk(goalRows, 9)) statements.push(db.insert(goals).values(rows));
  goalFigureLinks.forEach((figSeqs, goalSeq) => {
    for (const figSeq of figSeqs) {
      statements.push(
        sql`INSERT INTO goal_figures (goal_id, figure_id)
          SELECT g.id, f.id FROM goals g, figures f
          WHERE g.article_id = ${id} AND g.seq = ${goalSeq} AND f.article_id = ${id} AND f.seq = ${figSeq}`,
      );
    }
  });
  // Metric keys are searchable beside the metrics as written (a search for 地区生产总值 finds GDP).
  const metrics = [...new Set(summary.figures.flatMap((f) => [f.metric, f.metric_key]).filter(Boolean))].join(" ");
  statements.push(
    sql`INSERT INTO article_search (rowid, title, body, metrics)
      SELECT id, ${title ?? ""}, text, ${metrics} FROM articles WHERE id = ${id}`,
  );
  statements.push(
    db
      .update(articles)
      .set({ status: "extracted", error: null, extractorVersion, title, source, published, extractedAt: Date.now() })
      .where(eq(articles.id, id)),
  );
  await d1.batch(statements.map((q) => statement(d1, q)));
}

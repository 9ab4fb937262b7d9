/**
 * Incremental, idempotent linking in D1. When an article is extracted, `promiseStatements`
 * reads the (place, period) groups its figures touch (before and after this extraction) and
 * the groups whose pending/no_report promises its review coverage may change, relinks each
 * group as a whole with the pure linker, and returns the statements that write the result. The
 * pipeline runs them in the same batch as the article's rows (src/pipeline/store.ts), so an
 * article leaves `received` with its links written.
 *
 * A group's result depends only on what is stored in it, never on arrival order, so replays,
 * re-extraction and either posting order give the same promises; rows are upserted on their
 * target, keeping their ids.
 */
import { sql, type SQL } from "drizzle-orm";
import type { Summary } from "../extract/types";
import { linkFiguresOf } from "./inputs";
import { coverageOf, linkPromises, type Coverage, type LinkArticle, type LinkFigure, type PromiseLink } from "./link";
import { periodEnd } from "./period";

/** What the pipeline resolved for the article (store.ts: poster metadata first). */
export interface LinkedArticle {
  id: number;
  text: string;
  published: string | null;
  mainPlace: string | null;
}

/** D1 binds at most 100 parameters per statement. */
const ROWS_PER_INSERT = { figures: 9, coverage: 20, promises: 6 };

function chunk<T>(rows: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

interface StoredFigureRow {
  article_id: number;
  seq: number;
  kind: "reported" | "target";
  text: string;
  value: number;
  value_max: number | null;
  unit: string;
  approx: "more_than" | "less_than" | "about" | null;
  metric: string | null;
  change: number;
  published: string | null;
  place: string;
  period: string;
  metric_key: string | null;
  direction: "at_least" | "at_most" | null;
  flow: number;
  stock: number;
  multi_year: number;
  list_pos: number | null;
  list_size: number | null;
}

const groupKey = (place: string, period: string) => `${place}\u0000${period}`;

/** Reads what relinking needs; counts the rows read (for the bench). */
async function readGroups(d1: D1Database, articleId: number, newCoverage: Coverage[], newGroups: Set<string>) {
  const [oldGroups, oldCoverage] = await d1.batch<{ place: string; period: string; reviewed_end?: string }>([
    d1.prepare("SELECT DISTINCT place, period FROM promise_figures WHERE article_id = ?").bind(articleId),
    d1.prepare("SELECT place, reviewed_end FROM promise_coverage WHERE article_id = ?").bind(articleId),
  ]);
  const groups = new Set(newGroups);
  for (const g of oldGroups!.results) groups.add(groupKey(g.place, g.period));
  // Coverage this article gains or loses can turn earlier promises of its places from pending
  // to no_report or back: their groups are relinked too.
  const reach = new Map<string, string>();
  for (const c of [...newCoverage.map((c) => ({ place: c.place, end: c.reviewedEnd })), ...oldCoverage!.results.map((c) => ({ place: c.place, end: c.reviewed_end! }))]) {
    if (!reach.has(c.place) || c.end > reach.get(c.place)!) reach.set(c.place, c.end);
  }
  const reads: D1PreparedStatement[] = [...reach].map(([place, end]) =>
    d1.prepare("SELECT DISTINCT place, period FROM promises WHERE place = ? AND period_end <= ? AND verdict IN ('pending', 'no_report')").bind(place, end),
  );
  let rowsRead = oldGroups!.results.length + oldCoverage!.results.length;
  if (reads.length) {
    for (const r of await d1.batch<{ place: string; period: string }>(reads)) {
      rowsRead += r.results.length;
      for (const g of r.results) groups.add(groupKey(g.place, g.period));
    }
  }

  const list = [...groups].map((k) => k.split("\u0000") as [string, string]);
  const figureReads = list.map(([place, period]) =>
    d1
      .prepare(
        `SELECT pf.article_id, pf.seq, pf.place, pf.period, pf.metric_key, pf.direction, pf.flow, pf.stock, pf.multi_year, pf.list_pos, pf.list_size,
                f.kind, f.text, f.value, f.value_max, f.unit, f.approx, f.metric, f.change, f.published
           FROM promise_figures pf JOIN figures f ON f.article_id = pf.article_id AND f.seq = pf.seq
          WHERE pf.place = ? AND pf.period = ? AND pf.article_id != ?`,
      )
      .bind(place, period, articleId),
  );
  const places = [...new Set(list.map(([place]) => place))];
  const coverageReads = places.map((place) =>
    d1.prepare("SELECT place, article_id, reviewed_end, published FROM promise_coverage WHERE place = ? AND article_id != ?").bind(place, articleId),
  );
  const results = figureReads.length || coverageReads.length ? await d1.batch<Record<string, unknown>>([...figureReads, ...coverageReads]) : [];
  const figures = results.slice(0, figureReads.length).flatMap((r) => r.results as unknown as StoredFigureRow[]);
  const coverage = results.slice(figureReads.length).flatMap((r) => r.results as unknown as { place: string; article_id: number; reviewed_end: string; published: string | null }[]);
  rowsRead += figures.length + coverage.length;
  return { groups: list, figures, coverage, rowsRead };
}

function fromRow(r: StoredFigureRow): LinkFigure {
  return {
    ref: `${r.article_id}:${r.seq}`,
    article: r.article_id,
    seq: r.seq,
    kind: r.kind,
    text: r.text,
    value: r.value,
    value_max: r.value_max,
    unit: r.unit,
    approx: r.approx,
    metric: r.metric,
    metric_key: r.metric_key,
    change: !!r.change,
    place: r.place,
    period: r.period,
    direction: r.direction,
    flow: !!r.flow,
    stock: !!r.stock,
    multiYear: !!r.multi_year,
    listPos: r.list_pos,
    listSize: r.list_size,
  };
}

const refParts = (ref: string) => ref.split(":").map(Number) as [number, number];

export interface PromisePlan {
  statements: SQL[];
  /** Rows read from D1 to plan them, and the promises written (for the bench and tests). */
  rowsRead: number;
  links: PromiseLink[];
}

/** The statements that store the article's linker input and relink every group it touches. */
export async function promiseStatements(d1: D1Database, article: LinkedArticle, summary: Summary, now: number): Promise<PromisePlan> {
  const mine = linkFiguresOf(article.id, article.text, summary, article.published, article.mainPlace).filter(
    (f): f is LinkFigure & { place: string; period: string } => f.place !== null && f.period !== null,
  );
  const myCoverage = coverageOf(mine);
  const { groups, figures, coverage, rowsRead } = await readGroups(d1, article.id, myCoverage, new Set(mine.map((f) => groupKey(f.place, f.period))));

  const articles = new Map<number, LinkArticle>([[article.id, { id: article.id, published: article.published }]]);
  for (const f of figures) articles.set(f.article_id, { id: f.article_id, published: f.published });
  for (const c of coverage) articles.set(c.article_id, { id: c.article_id, published: c.published });
  const allCoverage: Coverage[] = [...myCoverage, ...coverage.map((c) => ({ article: c.article_id, place: c.place, reviewedEnd: c.reviewed_end }))];
  const links = linkPromises([...mine, ...figures.map(fromRow)], articles, allCoverage);

  const run = crypto.randomUUID();
  const statements: SQL[] = [
    sql`DELETE FROM promise_figures WHERE article_id = ${article.id}`,
    sql`DELETE FROM promise_coverage WHERE article_id = ${article.id}`,
  ];
  for (const rows of chunk(mine, ROWS_PER_INSERT.figures)) {
    statements.push(
      sql`INSERT INTO promise_figures (article_id, seq, place, period, metric_key, direction, flow, stock, multi_year, list_pos, list_size) VALUES ${sql.join(
        rows.map((f) => sql`(${f.article}, ${f.seq}, ${f.place}, ${f.period}, ${f.metric_key ?? null}, ${f.direction}, ${f.flow ? 1 : 0}, ${f.stock ? 1 : 0}, ${f.multiYear ? 1 : 0}, ${f.listPos}, ${f.listSize})`),
        sql`, `,
      )}`,
    );
  }
  for (const rows of chunk(myCoverage, ROWS_PER_INSERT.coverage)) {
    statements.push(
      sql`INSERT INTO promise_coverage (place, article_id, reviewed_end, published) VALUES ${sql.join(
        rows.map((c) => sql`(${c.place}, ${c.article}, ${c.reviewedEnd}, ${article.published})`),
        sql`, `,
      )}`,
    );
  }
  for (const rows of chunk(links, ROWS_PER_INSERT.promises)) {
    statements.push(
      sql`INSERT INTO promises (target_article_id, target_seq, place, period, period_end, metric, metric_key, direction, verdict, outcome_article_id, outcome_seq, evidence, published, reached_at, link_run)
        VALUES ${sql.join(
          rows.map((l) => {
            const [ta, ts] = refParts(l.target);
            const [oa, os] = l.outcome ? refParts(l.outcome) : [null, null];
            return sql`(${ta}, ${ts}, ${l.place}, ${l.period}, ${periodEnd(l.period)}, ${l.metric}, ${l.metric_key}, ${l.direction}, ${l.verdict}, ${oa}, ${os}, ${JSON.stringify(l.evidence.map(refParts))}, ${articles.get(ta)?.published ?? null}, ${now}, ${run})`;
          }),
          sql`, `,
        )}
        ON CONFLICT (target_article_id, target_seq) DO UPDATE SET
          place = excluded.place, period = excluded.period, period_end = excluded.period_end, metric = excluded.metric,
          metric_key = excluded.metric_key, direction = excluded.direction, outcome_article_id = excluded.outcome_article_id,
          outcome_seq = excluded.outcome_seq, evidence = excluded.evidence, published = excluded.published,
          reached_at = CASE WHEN promises.verdict = excluded.verdict THEN promises.reached_at ELSE excluded.reached_at END,
          verdict = excluded.verdict, link_run = excluded.link_run`,
    );
  }
  // Promises of the relinked groups that this run did not write no longer exist (their target
  // figure left the group), and this article's old targets elsewhere are gone with it.
  for (const [place, period] of groups) statements.push(sql`DELETE FROM promises WHERE place = ${place} AND period = ${period} AND link_run != ${run}`);
  statements.push(sql`DELETE FROM promises WHERE target_article_id = ${article.id} AND link_run != ${run}`);
  return { statements, rowsRead, links };
}

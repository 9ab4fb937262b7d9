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
import { SQLiteAsyncDialect } from "drizzle-orm/sqlite-core";
import type { Approx, Kind, Summary } from "../extract/types";
import { linkFiguresOf } from "./inputs";
import { coverageOf, linkPromises, type Coverage, type LinkArticle, type LinkFigure, type PromiseLink } from "./link";
import { basePeriods, nextYear } from "./derive";
import { periodEnd } from "../extract/periodformat";

const dialect = new SQLiteAsyncDialect();

/** What the pipeline resolved for the article (store.ts: poster metadata first). */
export interface LinkedArticle {
  id: number;
  text: string;
  published: string | null;
  mainPlace: string | null;
}

/** D1 binds at most 100 parameters per statement. */
const ROWS_PER_INSERT = { figures: 9, coverage: 20, promises: 5 };

function chunk<T>(rows: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

interface StoredFigureRow {
  article_id: number;
  seq: number;
  kind: Kind;
  text: string;
  value: number;
  value_max: number | null;
  unit: string;
  approx: Approx | null;
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
  falls: number;
  list_pos: number | null;
  list_size: number | null;
}

const groupKey = (place: string, period: string) => `${place}\u0000${period}`;

/** D1's own count of rows its statements scanned. */
const rowsReadOf = (results: D1Result[]) => results.reduce((n, r) => n + Number(r.meta?.rows_read ?? 0), 0);

/**
 * Figures of each group other than the article's: count and newest figure id. An article's
 * figures are rewritten with new ids (AUTOINCREMENT) in the batch that rewrites its
 * promise_figures rows, so a later write changes one or the other.
 */
function fingerprintReads(d1: D1Database, groups: [string, string][], articleId: number): D1PreparedStatement[] {
  return groups.map(([place, period]) =>
    d1
      .prepare(
        "SELECT count(*) AS n, max(f.id) AS m FROM promise_figures pf JOIN figures f ON f.article_id = pf.article_id AND f.seq = pf.seq WHERE pf.place = ? AND pf.period = ? AND pf.article_id != ?",
      )
      .bind(place, period, articleId),
  );
}

/** Reads what relinking needs. */
async function readGroups(d1: D1Database, articleId: number, newCoverage: Coverage[], newGroups: Set<string>) {
  const first = await d1.batch<{ place: string; period?: string; reviewed_end?: string }>([
    d1.prepare("SELECT DISTINCT place, period FROM promise_figures WHERE article_id = ?").bind(articleId),
    d1.prepare("SELECT place, reviewed_end FROM promise_coverage WHERE article_id = ?").bind(articleId),
  ]);
  let rowsRead = rowsReadOf(first);
  const groups = new Set(newGroups);
  for (const g of first[0]!.results) groups.add(groupKey(g.place, g.period!));
  // A level this article gives (or gave) for a year is the base of the next year's derived outcomes.
  for (const k of [...groups]) {
    const [place, period] = k.split("\u0000") as [string, string];
    const next = nextYear(period);
    if (next) groups.add(groupKey(place, next));
  }
  // Coverage this article gains can turn earlier pending promises of its places into no_report;
  // coverage it loses (a re-extraction) can turn no_report back into pending. Those groups are
  // relinked too.
  const reachOf = (list: { place: string; end: string }[]) => {
    const m = new Map<string, string>();
    for (const c of list) if (!m.has(c.place) || c.end > m.get(c.place)!) m.set(c.place, c.end);
    return m;
  };
  const newReach = reachOf(newCoverage.map((c) => ({ place: c.place, end: c.reviewedEnd })));
  const oldReach = reachOf(first[1]!.results.map((c) => ({ place: c.place, end: c.reviewed_end! })));
  const reads: D1PreparedStatement[] = [];
  for (const [place, end] of newReach) {
    reads.push(d1.prepare("SELECT DISTINCT place, period FROM promises WHERE place = ? AND verdict = 'pending' AND period_end <= ?").bind(place, end));
  }
  for (const [place, end] of oldReach) {
    const now = newReach.get(place);
    if (now === undefined || end > now) {
      reads.push(d1.prepare("SELECT DISTINCT place, period FROM promises WHERE place = ? AND verdict = 'no_report' AND period_end <= ?").bind(place, end));
    }
  }
  if (reads.length) {
    const found = await d1.batch<{ place: string; period: string }>(reads);
    rowsRead += rowsReadOf(found);
    for (const r of found) for (const g of r.results) groups.add(groupKey(g.place, g.period));
  }

  const list = [...groups].sort().map((k) => k.split("\u0000") as [string, string]);
  // Coverage matters from the earliest period end among a place's groups on.
  const earliest = new Map<string, string>();
  for (const [place, period] of list) {
    const end = periodEnd(period) ?? "";
    if (!earliest.has(place) || end < earliest.get(place)!) earliest.set(place, end);
  }
  // The year before each group, read only as the bases of derived outcomes (not relinked).
  const context = [...new Set(list.flatMap(([place, period]) => basePeriods(period).map((p) => groupKey(place, p)).filter((k) => !groups.has(k))))]
    .sort()
    .map((k) => k.split("\u0000") as [string, string]);
  const watched = [...list, ...context];
  const figureReads = watched.map(([place, period]) =>
    d1
      .prepare(
        `SELECT f.id AS rid, pf.article_id, pf.seq, pf.place, pf.period, f.metric_key, pf.direction, pf.flow, pf.stock, pf.multi_year, pf.falls, pf.list_pos, pf.list_size,
                f.kind, f.text, f.value, f.value_max, f.unit, f.approx, f.metric, f.change, f.published
           FROM promise_figures pf JOIN figures f ON f.article_id = pf.article_id AND f.seq = pf.seq
          WHERE pf.place = ? AND pf.period = ? AND pf.article_id != ?`,
      )
      .bind(place, period, articleId),
  );
  const coverageReads = [...earliest].map(([place, end]) =>
    d1.prepare("SELECT place, article_id, reviewed_end, published FROM promise_coverage WHERE place = ? AND reviewed_end >= ? AND article_id != ?").bind(place, end, articleId),
  );
  const results = figureReads.length || coverageReads.length ? await d1.batch<Record<string, unknown>>([...figureReads, ...coverageReads]) : [];
  rowsRead += rowsReadOf(results);
  const perGroup = results.slice(0, figureReads.length).map((r) => r.results as unknown as (StoredFigureRow & { rid: number })[]);
  const figures = perGroup.slice(0, list.length).flat();
  const contextFigures = perGroup.slice(list.length).flat();
  const coverage = results.slice(figureReads.length).flatMap((r) => r.results as unknown as { place: string; article_id: number; reviewed_end: string; published: string | null }[]);
  const fingerprint = perGroup.map((rows) => `${rows.length}:${rows.reduce((m, r) => Math.max(m, r.rid), 0)}`).join(" ");
  return { groups: list, watched, figures, contextFigures, coverage, rowsRead, fingerprint };
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
    falls: !!r.falls,
    listPos: r.list_pos,
    listSize: r.list_size,
  };
}

const refParts = (ref: string) => ref.split(":").map(Number) as [number, number];

/** The stored form of a derived outcome: its figures as [article_id, seq] like `evidence`. */
const derivedJson = (l: PromiseLink) =>
  l.derived ? JSON.stringify({ value: l.derived.value, unit: l.derived.unit, formula: l.derived.formula, level: refParts(l.derived.level), base: refParts(l.derived.base) }) : null;

export interface PromisePlan {
  statements: SQL[];
  /** The (place, period) groups relinked, and what their other articles' figures were when read. */
  groups: [string, string][];
  /** The groups read: the relinked ones and the years before them (derived outcomes' bases), in `fingerprint` order. */
  watched: [string, string][];
  fingerprint: string;
  /** D1 rows scanned to plan them, and the promises written (for the bench and tests). */
  rowsRead: number;
  links: PromiseLink[];
}

/** The statements that store the article's linker input and relink every group it touches. */
export async function promiseStatements(d1: D1Database, article: LinkedArticle, summary: Summary, now: number): Promise<PromisePlan> {
  const mine = linkFiguresOf(article.id, article.text, summary, article.published, article.mainPlace).filter(
    (f): f is LinkFigure & { place: string; period: string } => f.place !== null && f.period !== null,
  );
  const myCoverage = coverageOf(mine);
  const { groups, watched, figures, contextFigures, coverage, rowsRead, fingerprint } = await readGroups(d1, article.id, myCoverage, new Set(mine.map((f) => groupKey(f.place, f.period))));

  const articles = new Map<number, LinkArticle>([[article.id, { id: article.id, published: article.published }]]);
  for (const f of [...figures, ...contextFigures]) articles.set(f.article_id, { id: f.article_id, published: f.published });
  for (const c of coverage) articles.set(c.article_id, { id: c.article_id, published: c.published });
  const allCoverage: Coverage[] = [...myCoverage, ...coverage.map((c) => ({ article: c.article_id, place: c.place, reviewedEnd: c.reviewed_end }))];
  const links = linkPromises([...mine, ...figures.map(fromRow)], articles, allCoverage, contextFigures.map(fromRow));

  const statements: SQL[] = [
    sql`DELETE FROM promise_figures WHERE article_id = ${article.id}`,
    sql`DELETE FROM promise_coverage WHERE article_id = ${article.id}`,
  ];
  for (const rows of chunk(mine, ROWS_PER_INSERT.figures)) {
    statements.push(
      sql`INSERT INTO promise_figures (article_id, seq, place, period, direction, flow, stock, multi_year, falls, list_pos, list_size) VALUES ${sql.join(
        rows.map((f) => sql`(${f.article}, ${f.seq}, ${f.place}, ${f.period}, ${f.direction}, ${f.flow ? 1 : 0}, ${f.stock ? 1 : 0}, ${f.multiYear ? 1 : 0}, ${f.falls ? 1 : 0}, ${f.listPos}, ${f.listSize})`),
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
      sql`INSERT INTO promises (target_article_id, target_seq, place, period, period_end, metric, metric_key, direction, verdict, outcome_article_id, outcome_seq, evidence, derived, derived_verdict, published, reached_at)
        VALUES ${sql.join(
          rows.map((l) => {
            const [ta, ts] = refParts(l.target);
            const [oa, os] = l.outcome ? refParts(l.outcome) : [null, null];
            return sql`(${ta}, ${ts}, ${l.place}, ${l.period}, ${periodEnd(l.period)}, ${l.metric}, ${l.metric_key}, ${l.direction}, ${l.verdict}, ${oa}, ${os}, ${JSON.stringify(l.evidence.map(refParts))}, ${derivedJson(l)}, ${l.derived_verdict}, ${articles.get(ta)?.published ?? null}, ${now})`;
          }),
          sql`, `,
        )}
        ON CONFLICT (target_article_id, target_seq) DO UPDATE SET
          place = excluded.place, period = excluded.period, period_end = excluded.period_end, metric = excluded.metric,
          metric_key = excluded.metric_key, direction = excluded.direction, outcome_article_id = excluded.outcome_article_id,
          outcome_seq = excluded.outcome_seq, evidence = excluded.evidence, derived = excluded.derived,
          derived_verdict = excluded.derived_verdict, published = excluded.published,
          reached_at = CASE WHEN promises.verdict = excluded.verdict THEN promises.reached_at ELSE excluded.reached_at END,
          verdict = excluded.verdict`,
    );
  }
  // Promises of the relinked groups that this run did not write no longer exist (their target
  // figure left the group), and this article's old targets elsewhere are gone with it. What a
  // run wrote is its links' targets, bound as one JSON list per statement.
  for (const [place, period] of groups) {
    const written = links.filter((l) => l.place === place && l.period === period).map((l) => refParts(l.target));
    statements.push(
      sql`DELETE FROM promises WHERE place = ${place} AND period = ${period}
        AND (target_article_id, target_seq) NOT IN (SELECT value ->> 0, value ->> 1 FROM json_each(${JSON.stringify(written)}))`,
    );
  }
  const mySeqs = links.map((l) => refParts(l.target)).filter(([a]) => a === article.id).map(([, s]) => s);
  statements.push(sql`DELETE FROM promises WHERE target_article_id = ${article.id} AND target_seq NOT IN (SELECT value FROM json_each(${JSON.stringify(mySeqs)}))`);
  return { statements, groups, watched, fingerprint, rowsRead, links };
}

/**
 * After the article's batch: if another article wrote figures into one of its groups between
 * this plan's reads and its batch (concurrent consumers), neither may have seen the other, so the
 * groups are relinked once more from what is now stored. Returns whether it relinked.
 */
export async function settleLinks(d1: D1Database, article: LinkedArticle, summary: Summary, plan: PromisePlan, now: number): Promise<boolean> {
  if (!plan.watched.length) return false;
  const counts = await d1.batch<{ n: number; m: number | null }>(fingerprintReads(d1, plan.watched, article.id));
  const fingerprint = counts.map((r) => `${r.results[0]?.n ?? 0}:${r.results[0]?.m ?? 0}`).join(" ");
  if (fingerprint === plan.fingerprint) return false;
  const again = await promiseStatements(d1, article, summary, now);
  await d1.batch(
    again.statements.map((q) => {
      const built = dialect.sqlToQuery(q);
      return d1.prepare(built.sql).bind(...built.params);
    }),
  );
  return true;
}

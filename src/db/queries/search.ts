/**
 * Keyword and metric search over the two bigram indexes (src/db/grams.ts, drizzle/0017):
 * `article_text_fts` (the grams of the title and text) and `article_metric_fts` (of the
 * article's metrics and metric keys), both contentless with detail=none, so they hold no text and
 * no positions. A term's grams all being in an article does not put them side by side, so every
 * hit is checked against the article's own columns (title, text, its figures' metrics and keys),
 * the substring test the positional index answered.
 *
 * A term is looked up in the indexes when each of its forms has a gram (two letters or digits in
 * a row); others (一, 5.3, which no gram holds whole) are checked on every article that has an
 * index row. A term of three or more characters searches only its forms of three or more, as it
 * did when the index was of trigrams, so every answer stays what it was. User input is always
 * bound; MATCH strings are built from quoted one-token phrases only.
 */
import { type SQL, type SQLWrapper, sql } from "drizzle-orm";
import { grams } from "../grams";
import { Memo, rendered, renderedText } from "./render";
import { charLength, containsAny, ftsPhrase, keywordTerms, metricFilterKey, scriptVariants } from "./text";

interface Term {
  /** The script forms searched for (the typed term, simplified, traditional). */
  variants: string[];
  /** FTS5 MATCH string (variants ORed, each an AND of its grams); "" when a form has no gram. */
  match: string;
}

/** Forms of a term this long or longer drop their shorter forms (what the trigram index found). */
const LONG_TERM_CHARS = 3;

/** The grams of `s`, each as a one-token phrase, ANDed; "" when it has none. */
function gramMatch(s: string): string {
  return grams(s).map(ftsPhrase).join(" AND ");
}

/** A search term: its forms and, when every form has a gram, the MATCH of their grams. */
function term(t: string): Term {
  const forms = scriptVariants(t);
  return lookup(charLength(t) < LONG_TERM_CHARS ? forms : forms.filter((v) => charLength(v) >= LONG_TERM_CHARS));
}

function lookup(variants: string[]): Term {
  const matches = variants.map(gramMatch);
  return { variants, match: matches.every(Boolean) ? matches.map((m) => `(${m})`).join(" OR ") : "" };
}

/**
 * The article `a` (an alias of articles) contains the term: in its title, its text or a figure's
 * metric. Correlated lookups here are scalar subqueries or carry LIMIT 1, never a bare EXISTS:
 * SQLite turns a bare correlated EXISTS into a join and first builds a Bloom filter from every
 * row that passes the LIKE — a scan of every article's text (or every figure) per query.
 */
function inArticle(a: string, variants: string[]): SQL {
  const col = (c: string) => sql.raw(`${a}.${c}`);
  return sql`(${containsAny(col("title"), variants)} OR ${containsAny(col("text"), variants)} OR ${inMetrics(col("id"), variants)})`;
}

/** A figure of the article has a metric or a metric key containing the term (both are indexed). */
function inMetrics(articleId: SQLWrapper, variants: string[]): SQL {
  return sql`EXISTS (SELECT 1 FROM figures AS km WHERE km.article_id = ${articleId}
    AND (${containsAny(sql`km.metric`, variants)} OR ${containsAny(sql`km.metric_key`, variants)}) LIMIT 1)`;
}

/**
 * `id` is a candidate of the term: its title and text, or its metrics, have every gram. Two IN
 * lists ORed, not one UNION: SQLite materialises each list once without sorting them together,
 * and skips the second while the first answers.
 */
function candidate(id: SQL, t: Term): SQL {
  return sql`(${id} IN (SELECT rowid FROM article_text_fts WHERE article_text_fts MATCH ${t.match})
    OR ${id} IN (SELECT rowid FROM article_metric_fts WHERE article_metric_fts MATCH ${t.match}))`;
}

/** The article has keyword index rows (it has been extracted; the short-term check needs this). */
function indexed(articleId: SQLWrapper): SQL {
  return sql`EXISTS (SELECT 1 FROM article_text_fts WHERE rowid = ${articleId})`;
}

/** Every term checked in one lookup of the article's row. */
function articleCheck(articleId: SQLWrapper, terms: Term[]): SQL {
  const checks = terms.map((t) => inArticle("ka", t.variants));
  return sql`(SELECT ${sql.join(checks, sql` AND `)} FROM articles AS ka WHERE ka.id = ${articleId})`;
}

/** A keyword query as the plans of one statement read it (plan.ts). */
export interface KeywordSearch {
  /** A CTE the probe and the row check read (`k_q AS MATERIALIZED (…)`), if any. */
  cte?: SQL;
  /** `SELECT id, keep` of up to `cap` matching articles (see keywordSearch). */
  probe: SQL;
  /** The row's article matches the query. */
  rowCheck(articleId: SQLWrapper): SQL;
}

/** The CTE of the candidates of a query of several long terms. */
const CANDIDATES = sql.raw("k_q");

/** `SELECT id` of the term's candidates (each once or more): the articles whose title and text, or metrics, have every gram. */
function hits(t: Term): SQL {
  return sql`SELECT id FROM (SELECT rowid AS id FROM article_text_fts WHERE article_text_fts MATCH ${t.match}
    UNION ALL SELECT rowid FROM article_metric_fts WHERE article_metric_fts MATCH ${t.match})`;
}

/**
 * The keyword query as one statement reads it, or undefined when it has no terms. The probe
 * takes up to `cap` candidates, articles whose index rows have every long term's grams. When
 * `cap` come back the set is large and nothing is checked (the plan walks the index and checks
 * each row); otherwise each is checked on its article and `keep` says whether it matches.
 *
 * - Several long terms: their candidates are one CTE, each term's hits from both indexes
 *   INTERSECTed, that the probe and every row check read. Each index lookup then runs once per
 *   statement, and the intersection is of sorted lists: with each term's lists materialised
 *   for an IN test of every hit of the first term, in the probe and again in the walk, a
 *   five-term query took 20 lookups per shard and 1.5–2× the time (measured on the API bench's
 *   four shards, in workerd's SQLite).
 * - One long term: its hits are streamed (UNION ALL then DISTINCT, so reading stops at `cap`)
 *   and a row check reads its two lists, the second only when the first misses: for a common
 *   term (工作, in most articles) that is less than one set of all its hits (measured, 1.1–1.8×).
 * - Short terms only: articles are scanned and checked.
 */
export function keywordSearch(q: string, cap: number): KeywordSearch | undefined {
  // Rendered once per query and cap: every shard's statement, and every arm of it, embeds them.
  return searches.get(`${cap}\u0000${q}`, () => {
    const search = buildSearch(q, cap);
    if (!search) return undefined;
    const checks = new Memo<SQL>(8);
    return {
      cte: search.cte && rendered(search.cte),
      probe: rendered(search.probe),
      rowCheck: (articleId) => checks.get(renderedText(articleId), () => rendered(search.rowCheck(articleId))),
    };
  });
}

const searches = new Memo<KeywordSearch | undefined>(64);

function buildSearch(q: string, cap: number): KeywordSearch | undefined {
  const terms = keywordTerms(q).map(term);
  if (!terms.length) return undefined;
  const looked = terms.filter((t) => t.match);
  const check = articleCheck(sql`u.id`, terms);
  const probeOf = (u: SQL) => sql`WITH u AS MATERIALIZED (${u})
    SELECT u.id AS id, CASE WHEN (SELECT count(*) FROM u) >= ${cap} THEN 1 ELSE coalesce(${check}, 0) END AS keep FROM u`;
  if (looked.length > 1) {
    return {
      cte: sql`${CANDIDATES} AS MATERIALIZED (${sql.join(looked.map(hits), sql` INTERSECT `)})`,
      probe: probeOf(sql`SELECT id FROM ${CANDIDATES} LIMIT ${cap}`),
      // `+` keeps the candidates from becoming the access path.
      rowCheck: (articleId) => sql`(+${articleId} IN (SELECT id FROM ${CANDIDATES}) AND ${articleCheck(articleId, terms)})`,
    };
  }
  const rowCheck = (articleId: SQLWrapper) => keywordCheck(articleId, terms);
  if (looked.length === 1) return { probe: probeOf(sql`SELECT DISTINCT id FROM (${hits(looked[0]!)}) LIMIT ${cap}`), rowCheck };
  return { probe: sql`SELECT a.id AS id, 1 AS keep FROM articles AS a WHERE ${indexed(sql`a.id`)} AND ${articleCheck(sql`a.id`, terms)} LIMIT ${cap}`, rowCheck };
}

/**
 * The keyword check on each row when the statement has no keyword CTE (promises; a list of one
 * article's rows; a query of one long term): each long term's candidates as materialised lists
 * (`+` keeps them from becoming the access path), then one look at the row's article for the
 * terms that need it. Measured at 50k articles, this beats a per-row MATCH.
 */
export function keywordRowCheck(articleId: SQLWrapper, q: string): SQL | undefined {
  const terms = keywordTerms(q).map(term);
  return terms.length ? keywordCheck(articleId, terms) : undefined;
}

function keywordCheck(articleId: SQLWrapper, terms: Term[]): SQL {
  const parts: SQL[] = [];
  for (const t of terms) if (t.match) parts.push(candidate(sql`+${articleId}`, t));
  if (!terms.some((t) => t.match)) parts.push(indexed(articleId));
  parts.push(articleCheck(articleId, terms));
  return sql`(${sql.join(parts, sql` AND `)})`;
}

/**
 * `SELECT id, keep` of up to `cap` articles whose metric index has the grams of the term or of
 * the key the term names, or undefined when a form has no gram (no probe: the metric filter is
 * then a per-row check). As with keywords: when `cap` hits come back the set is large and nothing
 * is checked; otherwise `keep` says whether a figure's metric (or metric key) holds the term.
 */
export function metricProbe(metric: string, cap: number): SQL | undefined {
  const m = metric.trim();
  const key = metricFilterKey(m);
  const t = lookup([...new Set([...scriptVariants(m), ...(key ? [key] : [])])]);
  if (!t.match) return undefined;
  return sql`WITH u AS MATERIALIZED (SELECT rowid AS id FROM article_metric_fts WHERE article_metric_fts MATCH ${t.match} LIMIT ${cap})
    SELECT u.id AS id, CASE WHEN (SELECT count(*) FROM u) >= ${cap} THEN 1 ELSE ${inMetrics(sql`u.id`, t.variants)} END AS keep FROM u`;
}

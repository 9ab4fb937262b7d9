/**
 * Choosing how a filtered list is read. The set filters (place, keyword, metric) each select a
 * set of articles. A SMALL set drives the query (its article ids are fetched first, then their
 * rows are sorted); when every set is LARGE, the query walks the (published, id) index in order
 * and checks each row, stopping after one page. SQLite cannot tell the two cases apart (FTS5
 * gives it no row estimates), so a capped probe per set decides: at most SET_CAP + 1 ids each.
 *
 * The probes and the choice run inside the page's own statements (issue 16: one query per shard
 * per request): each set's probe is a materialised CTE, and each way of reading the page (walk,
 * or driven by one set) is an arm of a UNION ALL guarded by a condition on the probes' sizes.
 * The guard is the arm's LIMIT (armLimit), which SQLite evaluates once, before the arm's loop:
 * an arm not taken reads nothing. The filters' checks repeat in each arm and phase; the read
 * layer binds each of their values once per statement (src/db/params.ts), which keeps the
 * statement within the 100 parameters D1 binds.
 */
import { type SQL, type SQLWrapper, sql } from "drizzle-orm";
import type { PlaceFilter } from "../../places";
import { type KeywordSearch, keywordSearch, metricProbe } from "./search";

/** Above this many articles a set is "large": walking the index finds a page sooner than sorting the set. */
export const SET_CAP = 400;

export type SetName = "place" | "q" | "metric";
/** The order sets are considered in: on equal sizes the first drives. */
const SETS: SetName[] = ["place", "metric", "q"];

/** One way of reading a list. */
export interface Plan {
  /** The set that drives the query, with a SELECT of its article ids (≤ SET_CAP of them). */
  driver?: { set: SetName; ids: SQL };
  /** When this plan is the one taken: a condition on the probes alone (none: always). */
  when?: SQL;
  /** The keyword check on a row, reading the statement's keyword CTE (none: the statement has none). */
  keywordCheck?: KeywordSearch["rowCheck"];
}

/**
 * An arm's LIMIT: `take`, or 0 when its plan is not the one taken. The guard goes in the LIMIT,
 * not the WHERE: SQLite skips a loop whose LIMIT is 0, but checks a subquery term of the WHERE
 * on every row (a false guard there still walks the whole index). drizzle's `.limit()` is typed
 * for numbers and renders SQL as given.
 */
export function armLimit(plan: Plan, take: number): number {
  return plan.when ? (sql`CASE WHEN ${plan.when} THEN ${sql.raw(String(take))} ELSE 0 END` as unknown as number) : take;
}

/** The plans of a list: the CTEs its guards and drivers read (none without set filters) and the plans, exactly one of which is taken. */
export interface Plans {
  with?: SQL;
  arms: Plan[];
}

export interface SetFilters {
  place?: PlaceFilter;
  q?: string;
  metric?: string;
}

/**
 * A place-key column inside the filter's key ranges, or naming a stored place of that name. `+`
 * before the column (`plus`) keeps SQLite from using it as the access path.
 */
export function placeKeyMatch(col: SQLWrapper, pf: PlaceFilter, plus = false): SQL {
  const c = plus ? sql`+${col}` : sql`${col}`;
  // A name that many divisions share (城关镇 names 88) would be an OR past SQLite's expression
  // depth: its ranges go in as one JSON parameter, read with json_each, whatever their number.
  const parts =
    pf.ranges.length <= MAX_INLINE_RANGES
      ? pf.ranges.map(([from, to]) => sql`(${c} >= ${from} AND ${c} < ${to})`)
      : [sql`EXISTS (SELECT 1 FROM json_each(${JSON.stringify(pf.ranges)}) AS r WHERE ${c} >= json_extract(r.value, '$[0]') AND ${c} < json_extract(r.value, '$[1]'))`];
  parts.push(sql`${c} IN (SELECT key FROM places WHERE name = ${pf.name})`);
  return sql`(${sql.join(parts, sql` OR `)})`;
}

/** Up to this many key ranges are written out (each can use the index); more go through json_each. */
const MAX_INLINE_RANGES = 8;

/** Per-row check: the row's article names the place or one under it (primary-key range). */
export function placeRowCheck(articleId: SQLWrapper, pf: PlaceFilter): SQL {
  return sql`EXISTS (SELECT 1 FROM article_places AS ap WHERE ap.article_id = ${articleId} AND ${placeKeyMatch(sql.raw("ap.place_key"), pf)})`;
}

/** `articleId IN (the driver's ids)`. */
export function idsIn(articleId: SQLWrapper, ids: SQL): SQL {
  return sql`${articleId} IN (${ids})`;
}

/**
 * Each set filter present, with its capped probe: `SELECT id[, keep]` (keep = 0: a hit the
 * keyword check turned down, search.ts); and the keyword query's CTE and row check.
 */
function probesOf(f: SetFilters): { probes: { set: SetName; probe: SQL }[]; keyword?: KeywordSearch } {
  const cap = SET_CAP + 1;
  const keyword = f.q ? keywordSearch(f.q, cap) : undefined;
  const probes: Record<SetName, SQL | undefined> = {
    place: f.place && sql`SELECT DISTINCT article_id AS id, 1 AS keep FROM article_places WHERE ${placeKeyMatch(sql.raw("place_key"), f.place)} LIMIT ${cap}`,
    metric: f.metric ? metricProbe(f.metric, cap) : undefined,
    q: keyword?.probe,
  };
  return { probes: SETS.flatMap((set) => (probes[set] ? [{ set, probe: probes[set] }] : [])), keyword };
}

/**
 * The plans of a list with these set filters, decided in SQL: probe `p_<set>` (a CTE) is small
 * when it returned at most SET_CAP rows; the smallest small set (by kept ids; on a tie the first
 * in SETS) drives, and with no small set the walk is taken. Every arm checks the keyword query
 * (when it does not drive) on the keyword CTE that its probe read.
 */
export function plansFor(f: SetFilters): Plans {
  const { probes, keyword } = probesOf(f);
  if (!probes.length) return { arms: [{}] };
  const cte = (set: SetName) => sql.raw(`p_${set}`);
  const size = (set: SetName) => sql`(SELECT count(*) FROM ${cte(set)})`;
  const kept = (set: SetName) => sql`(SELECT count(*) FROM ${cte(set)} WHERE keep <> 0)`;
  const small = (set: SetName) => sql`${size(set)} <= ${sql.raw(String(SET_CAP))}`;
  const keywordCheck = keyword?.rowCheck;
  const arms: Plan[] = probes.map(({ set }, i) => {
    // Beaten by an earlier small set as small or smaller, or a later one strictly smaller.
    const beaten = probes.filter((_, j) => j !== i).map((o, j) => sql`(${small(o.set)} AND ${kept(o.set)} ${sql.raw(j < i ? "<=" : "<")} ${kept(set)})`);
    const when = sql.join([small(set), ...beaten.map((b) => sql`NOT ${b}`)], sql` AND `);
    return { driver: { set, ids: sql`SELECT id FROM ${cte(set)} WHERE keep <> 0` }, when: sql`(${when})`, keywordCheck };
  });
  arms.unshift({ when: sql`NOT (${sql.join(probes.map(({ set }) => small(set)), sql` OR `)})`, keywordCheck });
  const ctes = [...(keyword?.cte ? [keyword.cte] : []), ...probes.map(({ set, probe }) => sql`${cte(set)} AS MATERIALIZED (${probe})`)];
  return { with: sql`WITH ${sql.join(ctes, sql`, `)} `, arms };
}

/**
 * `SELECT id` of every arm's rows of every phase (`select(phase, plan)` gives one arm's id
 * select): the ids a page's rows select by, with the plans' CTEs in front. Each phase's
 * arms are a compound of their own: D1 allows at most 5 terms in one compound SELECT, and a
 * phase has at most 4 arms (the walk and one per set).
 */
export function plannedIds<P>(plans: Plans, phases: P[], select: (phase: P, plan: Plan) => SQLWrapper): SQL {
  const arms = (phase: P) => sql.join(plans.arms.map((plan) => sql`SELECT id FROM (${select(phase, plan)})`), sql` UNION ALL `);
  const perPhase = phases.map((phase) => (plans.arms.length === 1 ? arms(phase) : sql`SELECT id FROM (${arms(phase)})`));
  return sql`${plans.with ?? sql``}${sql.join(perPhase, sql` UNION ALL `)}`;
}

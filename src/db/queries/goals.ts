/**
 * Goals list, each with its figures. `place` matches goals attributed to the place (goals.place_key,
 * the article's main place) OR goals of an article naming the place whose actor is that place or
 * unnamed (so place=高邮 finds 高邮's goals in a 扬州 round-up, not 邗江's).
 */
import { and, eq, type SQL, sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import { placeStem } from "../../places";
import { articles, figures, goalFigures, goals } from "../schema";
import { listConditions, placeFilterOf, placeNameOf, setFilters } from "./common";
import { figureFields, figureRef, metricCondition } from "./figures";
import { type BatchRead, inBatch, listRead, type Page, type Phase } from "./page";
import { armLimit, idsIn, type Plan, placeKeyMatch, placeRowCheck } from "./plan";
import { containsAny, scriptVariants } from "./text";
import type { FigureRef, GoalFilter, GoalItem } from "./types";

export function goalConditions(f: GoalFilter, plan: Plan = {}): SQL[] {
  const out = listConditions({ id: goals.id, articleId: goals.articleId, published: goals.published }, f, plan);
  const driver = plan.driver;
  if (f.place !== undefined) {
    const pf = placeFilterOf(f.place);
    // Driven: as for figures (figures.ts), the set's goals and those filed under the place by index.
    const actorOk = sql`(${goals.actor} IS NULL OR ${containsAny(goals.actor, scriptVariants(placeStem(f.place)))})`;
    out.push(
      driver?.set === "place"
        ? sql`${goals.id} IN (SELECT id FROM goals WHERE ${idsIn(goals.articleId, driver.ids)} AND ${actorOk} UNION ALL SELECT id FROM goals WHERE ${placeKeyMatch(goals.placeKey, pf)})`
        : sql`(${placeKeyMatch(goals.placeKey, pf, true)} OR (${placeRowCheck(goals.articleId, pf)} AND ${actorOk}))`,
    );
  }
  if (f.actor) out.push(containsAny(goals.actor, scriptVariants(placeStem(f.actor) || f.actor)));
  if (f.deadline) out.push(containsAny(goals.deadline, scriptVariants(f.deadline)));
  if (f.metric) {
    out.push(
      sql`EXISTS (SELECT 1 FROM goal_figures AS gf JOIN figures AS mf ON mf.id = gf.figure_id
        WHERE gf.goal_id = ${goals.id} AND ${metricCondition(f.metric, { metric: sql`mf.metric`, key: sql`mf.metric_key` })})`,
    );
    if (driver?.set === "metric") out.push(idsIn(goals.articleId, driver.ids));
  }
  return out;
}

/** The columns of a goal row, for every query that lists goals. */
export const goalFields = {
  id: goals.id,
  articleId: goals.articleId,
  seq: goals.seq,
  text: goals.text,
  start: goals.start,
  end: goals.end,
  deadline: goals.deadline,
  actor: goals.actor,
  period: goals.period,
  placeKey: goals.placeKey,
  published: goals.published,
};

/** The ids of one arm of one phase of a goals page (exported for EXPLAIN QUERY PLAN tests). */
export function goalIdsQuery(d1: D1Database, f: GoalFilter, phase: Phase, take: number, plan: Plan = {}) {
  return drizzle(d1)
    .select({ id: goals.id })
    .from(goals)
    .where(and(...goalConditions(f, plan), phase.where))
    .orderBy(...phase.orderBy)
    .limit(armLimit(plan, take));
}

/**
 * A goal's figures as a column of its own row (the `goals` row of the statement it is selected
 * in), in figure order: every goal read is then one statement. A follow-up statement by the page's
 * ids ran the page's whole id query a second time (half of a goals ?metric page's time a shard).
 */
export const goalFiguresColumn = goalFiguresSql();

/**
 * Written with table-qualified names throughout: drizzle leaves columns unqualified in a
 * one-table select, and inside this subquery "id" would be the figure's, not the goal's.
 */
function goalFiguresSql(): SQL<string> {
  const col = (table: string, column: string) => sql.raw(`"${table}"."${column}"`);
  const fields: [string, SQL][] = [
    ...(
      [
        ["id", "id"], ["articleId", "article_id"], ["seq", "seq"], ["text", "text"], ["start", "start"], ["end", "end"],
        ["value", "value"], ["valueMax", "value_max"], ["unit", "unit"], ["approx", "approx"], ["metric", "metric"],
        ["metricKey", "metric_key"], ["change", "change"], ["kind", "kind"], ["period", "period"], ["placeKey", "place_key"],
        ["published", "published"],
      ] as const
    ).map(([key, column]): [string, SQL] => [key, col("figures", column)]),
    ["sentence", figureFields.sentence],
  ];
  const pairs = sql.join(fields.map(([key, value]) => sql`${sql.raw(`'${key}'`)}, ${value}`), sql`, `);
  return sql<string>`(SELECT json_group_array(json_object(${pairs})) FROM goal_figures JOIN figures ON ${col("figures", "id")} = ${col("goal_figures", "figure_id")} WHERE ${col("goal_figures", "goal_id")} = ${col("goals", "id")})`;
}

type FigureRow = Parameters<typeof figureRef>[0];

/** goalFiguresColumn's value as figure refs, in article and figure order (json_group_array keeps no order). */
export function goalFiguresOf(json: string | null): FigureRef[] {
  const rows = JSON.parse(json ?? "[]") as (Omit<FigureRow, "change"> & { change: number | boolean })[];
  rows.sort((a, b) => a.articleId - b.articleId || a.seq - b.seq);
  return rows.map((r) => figureRef({ ...r, change: !!r.change }));
}

/** One page of goals with their figures, newest article first (published DESC, id DESC; undated last): one batch. */
export async function listGoals(d1: D1Database, f: GoalFilter = {}): Promise<Page<GoalItem>> {
  return (await inBatch(d1, goalsRead(d1, f)))[0];
}

type GoalRow = (typeof goals.$inferSelect) & { title: string | null; figures: string };

/** listGoals as statements for a batch shared with other reads. */
export function goalsRead(d1: D1Database, f: GoalFilter): BatchRead<Page<GoalItem>> {
  return listRead(d1, f, setFilters(f), {
    published: goals.published,
    id: goals.id,
    ids: (phase, plan, take) => goalIdsQuery(d1, f, phase, take, plan),
    rows: (ids, order, take) =>
      drizzle(d1)
        .select({ ...goalFields, title: articles.title, figures: goalFiguresColumn })
        .from(goals)
        .innerJoin(articles, eq(articles.id, goals.articleId))
        .where(sql`${goals.id} IN (${ids})`)
        .orderBy(...order)
        .limit(take),
    item: (r: Pick<GoalRow, keyof typeof goalFields | "title" | "figures">) => ({
      id: r.id,
      article_id: r.articleId,
      title: r.title,
      published: r.published,
      place: r.placeKey,
      place_name: placeNameOf(r.placeKey),
      seq: r.seq,
      text: r.text,
      deadline: r.deadline,
      actor: r.actor,
      period: r.period,
      start: r.start,
      end: r.end,
      figures: goalFiguresOf(r.figures),
    }),
  });
}

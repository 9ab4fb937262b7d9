/**
 * A database written before drizzle/0017 (trigram keyword indexes, promises.link_run, rowid key
 * tables, the (published, id) and (place_key, published) indexes) migrates in place: the corpus
 * and a report pair go through the real pipeline, the database is put back into the 0016 shape
 * with the same rows (the keyword indexes filled the way 0016's pipeline filled them), 0017 runs,
 * and every answer is what it was; a re-extraction afterwards relinks the promises as before.
 */
import { createExecutionContext, createMessageBatch, getQueueResult } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { getArticleSummary, listArticles, listFigures, listGoals, listMetrics } from "../../src/db/queries";
import { listPromises } from "../../src/db/queries/promises";
import worker from "../../src/index";
import type { ExtractMessage } from "../../src/pipeline/messages";
import t2015 from "../fixtures/promises/保定市_2015.txt?raw";
import t2016 from "../fixtures/promises/保定市_2016.txt?raw";
import { type Seeded, seedCorpus } from "../helpers/seed";
import { eventually } from "../helpers/wait";
import { postJson } from "../helpers/webhook";

/** Keyword queries of every path: long and two-character terms, one character, ASCII case, script forms, metrics. */
const KEYWORDS = ["专精特新", "財政收入", "财政", "收入", "财", "重大项目 2025", "GDP", "gdp", "5%", "生产总值", "保定"];
const METRICS = ["财政收入", "地区生产总值", "收入", "GDP"];

/** drizzle/0012's key tables, with rowids. */
const OLD_TABLES: [string, string, string[]][] = [
  [
    "goal_figures",
    "CREATE TABLE goal_figures (goal_id integer NOT NULL, figure_id integer NOT NULL, PRIMARY KEY(goal_id, figure_id), FOREIGN KEY (goal_id) REFERENCES goals(id) ON DELETE cascade, FOREIGN KEY (figure_id) REFERENCES figures(id) ON DELETE cascade)",
    ["CREATE INDEX goal_figures_figure ON goal_figures (figure_id)"],
  ],
  [
    "promise_figures",
    "CREATE TABLE promise_figures (article_id integer NOT NULL, seq integer NOT NULL, place text NOT NULL, period text NOT NULL, direction text, flow integer NOT NULL, stock integer NOT NULL, multi_year integer NOT NULL, list_pos integer, list_size integer, falls integer DEFAULT false NOT NULL, PRIMARY KEY(article_id, seq), FOREIGN KEY (article_id) REFERENCES articles(id) ON DELETE cascade)",
    ["CREATE INDEX promise_figures_group ON promise_figures (place, period)"],
  ],
  [
    "promise_coverage",
    "CREATE TABLE promise_coverage (place text NOT NULL, article_id integer NOT NULL, reviewed_end text NOT NULL, published text, PRIMARY KEY(place, article_id), FOREIGN KEY (article_id) REFERENCES articles(id) ON DELETE cascade)",
    ["CREATE INDEX promise_coverage_reach ON promise_coverage (place, reviewed_end)"],
  ],
];
const OLD_INDEXES: [string, string][] = [
  ["figures_place", "CREATE INDEX figures_place ON figures (place_key, published)"],
  ["figures_published", "CREATE INDEX figures_published ON figures (published, id)"],
  ["goals_place", "CREATE INDEX goals_place ON goals (place_key, published)"],
  ["goals_published", "CREATE INDEX goals_published ON goals (published, id)"],
  ["articles_published", "CREATE INDEX articles_published ON articles (published, id)"],
  ["promises_period", "CREATE INDEX promises_period ON promises (period, id)"],
];

async function run(sql: string, ...params: unknown[]): Promise<void> {
  await env.DB.prepare(sql).bind(...params).run();
}

async function answers(ids: number[]) {
  const summaries = await Promise.all(ids.map((id) => getArticleSummary(env.DB, id)));
  const figures = (await listFigures(env.DB, { limit: 200 })).items;
  const goals = (await listGoals(env.DB, { limit: 200 })).items;
  const keywords: Record<string, number[]> = {};
  for (const q of KEYWORDS) keywords[q] = (await listArticles(env.DB, { q, limit: 200 })).items.map((a) => a.id);
  const byMetric: Record<string, number[]> = {};
  for (const m of METRICS) byMetric[m] = (await listFigures(env.DB, { metric: m, limit: 200 })).items.map((f) => f.id);
  const metrics = await listMetrics(env.DB, { limit: 200 });
  const promises = (await listPromises(env.DB, { limit: 200 })).items;
  return { summaries, figures, goals, keywords, byMetric, metrics, promises };
}

let deliveries = 0;
async function reextract(articleId: number) {
  const batch = createMessageBatch<ExtractMessage>("jiyao-extract", [{ id: `reextract-${++deliveries}`, timestamp: new Date(0), attempts: 1, body: { articleId, force: true } }]);
  const ctx = createExecutionContext();
  await worker.queue(batch, env, ctx);
  return getQueueResult(batch, ctx);
}

let ids: number[];
let pair: number[];
let before: Awaited<ReturnType<typeof answers>>;

beforeAll(async () => {
  const seeded: Seeded[] = await seedCorpus();
  pair = [];
  for (const [text, id] of [
    [t2015, "rows-bd-2015"],
    [t2016, "rows-bd-2016"],
  ] as const) {
    const res = await postJson({ text }, { id });
    expect(res.status).toBe(201);
    pair.push(((await res.json()) as { id: number }).id);
  }
  await eventually(async () => {
    const r = await env.DB.prepare("SELECT count(*) AS n FROM articles WHERE status = 'extracted'").first<{ n: number }>();
    expect(r!.n).toBe(seeded.length + 2);
  });
  ids = [...seeded.map((a) => a.id), ...pair];
  before = await answers(ids);

  // The 0016 shape, with the same rows.
  await run("DROP TABLE article_text_fts");
  await run("DROP TABLE article_metric_fts");
  await run("CREATE VIRTUAL TABLE article_text_fts USING fts5(title, body, tokenize='trigram', detail='none', content='', contentless_delete=1)");
  await run("CREATE VIRTUAL TABLE article_metric_fts USING fts5(metrics, tokenize='trigram', detail='none', content='', contentless_delete=1)");
  await run("INSERT INTO article_text_fts (rowid, title, body) SELECT id, coalesce(title, ''), text FROM articles WHERE status = 'extracted'");
  await run(
    `INSERT INTO article_metric_fts (rowid, metrics)
     SELECT article_id, group_concat(m, ' ') FROM (SELECT DISTINCT article_id, m FROM (SELECT article_id, metric AS m FROM figures UNION ALL SELECT article_id, metric_key FROM figures) WHERE m IS NOT NULL)
     GROUP BY article_id`,
  );
  await run("ALTER TABLE promises ADD COLUMN link_run text NOT NULL DEFAULT 'before-0017'");
  await run("CREATE INDEX promises_metric_key ON promises (metric_key)");
  for (const [table, create, indexes] of OLD_TABLES) {
    await run(`CREATE TABLE ${table}_rows AS SELECT * FROM ${table}`);
    await run(`DROP TABLE ${table}`);
    await run(create);
    const cols = (await env.DB.prepare(`SELECT name FROM pragma_table_info('${table}_rows')`).all<{ name: string }>()).results.map((c) => c.name).join(", ");
    await run(`INSERT INTO ${table} (${cols}) SELECT ${cols} FROM ${table}_rows`);
    await run(`DROP TABLE ${table}_rows`);
    for (const q of indexes) await run(q);
  }
  for (const [name, create] of OLD_INDEXES) {
    await run(`DROP INDEX ${name}`);
    await run(create);
  }
  const old = await env.DB.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE sql LIKE '%WITHOUT ROWID%' AND name IN ('goal_figures', 'promise_figures', 'promise_coverage')").first<{ n: number }>();
  expect(old!.n).toBe(0);

  const m = env.TEST_MIGRATIONS.find((x) => x.name.includes("_storage_rows"));
  if (!m) throw new Error("migration _storage_rows not found");
  for (const q of m.queries) await run(q);
});

describe("drizzle/0017 on an existing database", () => {
  it("answers every article, list, keyword, metric and promise query as before", async () => {
    expect(before.promises.length).toBeGreaterThan(0);
    expect(before.keywords["财政"]!.length).toBeGreaterThan(0);
    expect(await answers(ids)).toEqual(before);
  });

  it("leaves the new shape: bigram indexes, no link_run, WITHOUT ROWID key tables, no helper tables", async () => {
    const schema = await env.DB.prepare("SELECT name, sql FROM sqlite_schema").all<{ name: string; sql: string | null }>();
    const sqlOf = (name: string) => schema.results.find((r) => r.name === name)?.sql ?? "";
    expect(sqlOf("article_text_fts")).toMatch(/unicode61/);
    expect(sqlOf("article_metric_fts")).toMatch(/unicode61/);
    expect(sqlOf("promises")).not.toMatch(/link_run/);
    for (const t of ["goal_figures", "promise_figures", "promise_coverage"]) expect(sqlOf(t), t).toMatch(/WITHOUT ROWID/);
    expect(schema.results.filter((r) => /^fts_|_rows$|promises_metric_key/.test(r.name))).toEqual([]);
  });

  it("relinks the promises of a re-extracted report as before", async () => {
    for (const id of pair) expect((await reextract(id)).explicitAcks).toHaveLength(1);
    // The same promises (ids kept: rows are upserted on their target); the figures are new rows.
    const noFigureIds = (items: unknown) => JSON.parse(JSON.stringify(items, (k, v) => (k === "figure_id" ? undefined : v)));
    expect(noFigureIds((await listPromises(env.DB, { limit: 200 })).items)).toEqual(noFigureIds(before.promises));
  });
});

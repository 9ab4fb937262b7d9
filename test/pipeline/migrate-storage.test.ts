/**
 * A database written before the storage migrations (drizzle/0007 sentence spans, 0008 contentless
 * keyword index, 0009 indexes and metric_counts WITHOUT ROWID) migrates in place: the corpus goes
 * through the real pipeline, the database is put back into the old shape with the same rows
 * (sentences as copies, one positional FTS table filled the way the old pipeline filled it, the
 * old indexes and metric_counts), the three migrations run, and every answer is what it was.
 */
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { getArticleSummary, listArticles, listFigures, listMetrics } from "../../src/db/queries";
import { type Seeded, seedCorpus } from "../helpers/seed";

const MINE = ["_sentence_spans", "_article_search_contentless", "_storage_indexes"];
/** Then the later migration that rebuilds the keyword index in today's form (bigrams), from the 0016 shape. */
const LATER = ["_storage_rows"];
/** The indexes and the metric_counts table as drizzle/0000 and 0002 created them. */
const OLD_INDEXES = [
  "CREATE INDEX figures_metric ON figures (metric)",
  "CREATE INDEX figures_kind ON figures (kind, published)",
  "CREATE INDEX goals_deadline ON goals (deadline)",
];
const OLD_METRIC_COUNTS =
  "CREATE TABLE metric_counts (metric text NOT NULL, kind text NOT NULL, place_key text DEFAULT '' NOT NULL, figures integer NOT NULL, PRIMARY KEY(metric, kind, place_key))";
/** The keyword index as drizzle/0001 created it. */
const OLD_FTS = "CREATE VIRTUAL TABLE article_search USING fts5(title, body, metrics, tokenize='trigram')";

async function answers(seeded: Seeded[]) {
  const summaries = await Promise.all(seeded.map((a) => getArticleSummary(env.DB, a.id)));
  const figures = (await listFigures(env.DB, { limit: 200 })).items;
  const byMetric = (await listFigures(env.DB, { metric: "财政收入", limit: 200 })).items.map((f) => f.id);
  const keywords: Record<string, number[]> = {};
  for (const q of ["专精特新", "財政收入", "财政", "重大项目 2025"]) keywords[q] = (await listArticles(env.DB, { q, limit: 200 })).items.map((a) => a.id);
  const metrics = [await listMetrics(env.DB, { limit: 200 }), await listMetrics(env.DB, { place: "杜集", kind: "reported" })];
  return { summaries, figures, byMetric, keywords, metrics };
}

async function run(sql: string, ...params: unknown[]): Promise<void> {
  await env.DB.prepare(sql).bind(...params).run();
}

let seeded: Seeded[];
let before: Awaited<ReturnType<typeof answers>>;
let broken: { figure: number; article: number };

beforeAll(async () => {
  seeded = await seedCorpus();
  before = await answers(seeded);
  const sentences = await env.DB.prepare(
    "SELECT f.id, substr(a.text, f.sentence_at + 1, f.sentence_chars) AS sentence FROM figures f JOIN articles a ON a.id = f.article_id",
  ).all<{ id: number; sentence: string | null }>();

  // The old shape, with the same rows.
  await run("DROP TABLE article_text_fts");
  await run("DROP TABLE article_metric_fts");
  await run(OLD_FTS);
  await run(
    `INSERT INTO article_search (rowid, title, body, metrics)
     SELECT a.id, coalesce(a.title, ''), a.text, coalesce((SELECT group_concat(m, ' ') FROM (SELECT DISTINCT m FROM (SELECT metric AS m FROM figures WHERE article_id = a.id UNION ALL SELECT metric_key FROM figures WHERE article_id = a.id) WHERE m IS NOT NULL)), '')
     FROM articles AS a WHERE a.status = 'extracted'`,
  );
  await run("ALTER TABLE figures DROP COLUMN sentence_at");
  await run("ALTER TABLE figures DROP COLUMN sentence_chars");
  await run("ALTER TABLE figures ADD COLUMN sentence text");
  await env.DB.batch(sentences.results.map((s) => env.DB.prepare("UPDATE figures SET sentence = ? WHERE id = ?").bind(s.sentence, s.id)));
  for (const q of OLD_INDEXES) await run(q);
  await run("CREATE TABLE metric_counts_rows AS SELECT * FROM metric_counts");
  await run("DROP TABLE metric_counts");
  await run(OLD_METRIC_COUNTS);
  await run("CREATE INDEX metric_counts_place ON metric_counts (place_key, kind)");
  await run("INSERT INTO metric_counts (metric, kind, place_key, figures) SELECT metric, kind, place_key, figures FROM metric_counts_rows");
  await run("DROP TABLE metric_counts_rows");
  // One stored sentence that is not in its article's text (never written by a verbatim extractor).
  const f = sentences.results.find((s) => s.sentence !== null)!;
  await run("UPDATE figures SET sentence = 'not in the text' WHERE id = ?", f.id);
  const row = await env.DB.prepare("SELECT article_id FROM figures WHERE id = ?").bind(f.id).first<{ article_id: number }>();
  broken = { figure: f.id, article: row!.article_id };

  // What drizzle/0017 removes, so that it runs after the three as on a database of that age.
  await run("ALTER TABLE promises ADD COLUMN link_run text NOT NULL DEFAULT ''");
  await run("CREATE INDEX promises_metric_key ON promises (metric_key)");

  for (const name of [...MINE, ...LATER]) {
    const m = env.TEST_MIGRATIONS.find((x) => x.name.includes(name));
    if (!m) throw new Error(`migration ${name} not found`);
    for (const q of m.queries) await run(q);
  }
});

describe("storage migrations on an existing database", () => {
  it("answer every figure, sentence and keyword query as before", async () => {
    const after = await answers(seeded);
    const fix = <T extends { id: number; sentence: string | null }>(figs: T[]) =>
      figs.map((x) => (x.id === broken.figure ? { ...x, sentence: null } : x));
    expect(after.figures).toEqual(fix(before.figures));
    expect(after.byMetric).toEqual(before.byMetric);
    expect(after.keywords).toEqual(before.keywords);
    expect(after.metrics).toEqual(before.metrics);
    expect(before.metrics[1]!.length).toBeGreaterThan(0);
    for (const [i, s] of after.summaries.entries()) {
      const b = before.summaries[i]!;
      expect({ ...s, extractor_version: null }).toEqual({ ...b, extractor_version: null, figures: fix(b.figures), goals: b.goals.map((g) => ({ ...g, figures: fix(g.figures) })) });
    }
  });

  it("a sentence not found in the text is dropped and its article queued for re-extraction", async () => {
    const a = await env.DB.prepare("SELECT extractor_version FROM articles WHERE id = ?").bind(broken.article).first<{ extractor_version: number | null }>();
    expect(a!.extractor_version).toBeNull();
    const others = await env.DB.prepare("SELECT count(*) AS n FROM articles WHERE id <> ? AND extractor_version IS NULL").bind(broken.article).first<{ n: number }>();
    expect(others!.n).toBe(0);
    const f = await env.DB.prepare("SELECT sentence_at, sentence_chars FROM figures WHERE id = ?").bind(broken.figure).first();
    expect(f).toEqual({ sentence_at: null, sentence_chars: null });
  });

  it("leaves no old index behind; metric_counts is WITHOUT ROWID and still kept by the triggers", async () => {
    const old = await env.DB.prepare(
      "SELECT name FROM sqlite_schema WHERE name IN ('article_search', 'figures_metric', 'figures_kind', 'goals_deadline', 'metric_counts_place', 'metric_counts_copy')",
    ).all();
    expect(old.results).toEqual([]);
    const t = await env.DB.prepare("SELECT sql FROM sqlite_schema WHERE name = 'metric_counts'").first<{ sql: string }>();
    expect(t!.sql).toMatch(/WITHOUT ROWID/);
    const f = await env.DB.prepare("SELECT metric, kind, coalesce(place_key, '') AS place FROM figures WHERE metric IS NOT NULL LIMIT 1").first<{ metric: string; kind: string; place: string }>();
    const count = () => env.DB.prepare("SELECT figures FROM metric_counts WHERE metric = ? AND kind = ? AND place_key = ?").bind(f!.metric, f!.kind, f!.place).first<{ figures: number }>();
    const n = (await count())!.figures;
    await run("DELETE FROM figures WHERE id = (SELECT id FROM figures WHERE metric = ? AND kind = ? AND coalesce(place_key, '') = ? LIMIT 1)", f!.metric, f!.kind, f!.place);
    expect((await count())!.figures).toBe(n - 1);
  });
});

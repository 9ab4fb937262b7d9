/**
 * Building blocks for the synthetic corpora of the API and feed benchmarks: a seeded RNG, the
 * places the articles are spread over, the corpus gold (test/fixtures/corpus/*.gold.json) the rows
 * are made from, and a writer that bulk-loads rows into a local D1 file with node:sqlite.
 *
 * Each bench keeps its own generator loop (sizes, dates, how figures and goals are chosen), since
 * those shape what it measures; the tables and columns the rows land in are written only here.
 * Bulk loading through node:sqlite in one transaction takes seconds, where `wrangler d1 execute
 * --file` with the same rows as INSERT statements takes minutes for the API bench's corpus.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { DatabaseSync, StatementSync } from "node:sqlite";
import { placeKey, placeName } from "../../src/places/index.ts";
import { gramColumns } from "../../src/db/grams.ts";
import { codePointOffsets } from "../../src/text/code-points.ts";
// One definition of the gold files' shape, shared with the tests. Type-only, so tsx never loads
// that module's Vite `?raw` imports.
import type { Gold, GoldFigure } from "../../test/helpers/corpus.ts";

export type { Gold, GoldFigure };

/** 40 real place names of the corpus's region, so place filters and facets see realistic keys. */
export const PLACES = [
  "杜集区", "相山区", "烈山区", "濉溪县", "经开区", "高邮市", "邗江区", "广陵区", "江都区", "宝应县",
  "仪征市", "扬州市", "淮北市", "沛县", "丰县", "铜山区", "鼓楼区", "云龙区", "泉山区", "贾汪区",
  "睢宁县", "新沂市", "邳州市", "徐州市", "宿迁市", "沭阳县", "泗阳县", "泗洪县", "宿城区", "宿豫区",
  "大庙街道", "金山桥街道", "金龙湖街道", "徐庄镇", "东环街道", "大黄山街道", "萧县", "砀山县", "灵璧县", "泗县",
];

/** Deterministic PRNG (mulberry32): the same seed gives the same corpus and the same requests. */
export function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `pick(xs)`: a uniformly chosen element, drawn from `rand`. */
export function picker(rand: () => number): <T>(xs: readonly T[]) => T {
  return (xs) => xs[Math.floor(rand() * xs.length)]!;
}

/** The corpus gold files, in file-name order (so row i is the same gold on every run). */
export function golds(): Gold[] {
  const dir = join(import.meta.dirname, "..", "..", "test", "fixtures", "corpus");
  return readdirSync(dir)
    .filter((f) => f.endsWith(".gold.json"))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(dir, f), "utf8")) as Gold);
}

/** The sentence a synthetic figure stands in: the place, the metric and the figure's own text. */
export function figureSentence(place: string, f: GoldFigure): string {
  return `${place}${f.metric}${f.kind === "target" ? "力争达到" : "达到"}${f.text}。`;
}

export interface ArticleRow {
  id: number;
  title: string;
  text: string;
  published: string | null;
  source: string | null;
  receivedAt: number;
  extractedAt: number;
  /** Place names the article is indexed under (repeats are ignored). */
  places: string[];
  /** Metrics of its figures, for the search index. */
  metrics: string[];
}
export interface FigureRow {
  articleId: number;
  seq: number;
  figure: GoldFigure;
  start: number;
  /** Its sentence, which must be in the article's text (stored as its span, as the pipeline does). */
  sentence: string;
  place: string;
  published: string | null;
}
export interface GoalRow {
  articleId: number;
  seq: number;
  text: string;
  start: number;
  deadline: string | null;
  actor: string | null;
  place: string;
  published: string | null;
  figureIds: number[];
}

/**
 * Writes synthetic rows as the extraction pipeline would (articles, places, figures, goals, their
 * links and the FTS row) into a local D1 file that already has the migrations applied. Figure and
 * goal ids are assigned here, in insertion order. One transaction; `finish()` commits, runs
 * ANALYZE (so the query planner sees the bench's data, as it would after D1's own optimize) and
 * closes.
 */
export class SyntheticWriter {
  figures = 0;
  goals = 0;
  readonly #db: DatabaseSync;
  readonly #ins: Record<"article" | "place" | "articlePlace" | "figure" | "goal" | "link" | "textSearch" | "metricSearch" | "directory", StatementSync>;
  /** The last article's text (its figures follow it) and its code-point offsets. */
  #text = "";
  #chars: (utf16: number) => number = (i) => i;

  private constructor(db: DatabaseSync) {
    this.#db = db;
    this.#ins = {
      article: db.prepare(
        `INSERT INTO articles (id, webhook_id, content_hash, raw_hash, text, encoding, format, status, extractor_version, title, published, source, received_at, extracted_at)
         VALUES (?, ?, ?, ?, ?, 'utf-8', 'plain', 'extracted', 1, ?, ?, ?, ?, ?)`,
      ),
      place: db.prepare("INSERT OR IGNORE INTO places (key, name) VALUES (?, ?)"),
      articlePlace: db.prepare("INSERT OR IGNORE INTO article_places (article_id, place_key, name) VALUES (?, ?, ?)"),
      figure: db.prepare(
        `INSERT INTO figures (id, article_id, seq, text, start, "end", value, value_max, unit, approx, metric, change, kind, sentence_at, sentence_chars, place_key, published)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      goal: db.prepare(
        `INSERT INTO goals (id, article_id, seq, text, start, "end", deadline, actor, place_key, published) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      link: db.prepare("INSERT OR IGNORE INTO goal_figures (goal_id, figure_id) VALUES (?, ?)"),
      textSearch: db.prepare("INSERT INTO article_text_fts (rowid, g1, g2, g3) VALUES (?, ?, ?, ?)"),
      metricSearch: db.prepare("INSERT INTO article_metric_fts (rowid, grams) VALUES (?, ?)"),
      directory: db.prepare("INSERT OR IGNORE INTO shard_directory (bucket, shard) VALUES (?, ?)"),
    };
    db.exec("BEGIN");
  }

  /** node:sqlite is imported lazily: it is still flagged experimental and warns when loaded. */
  static async open(file: string): Promise<SyntheticWriter> {
    const { DatabaseSync } = await import("node:sqlite");
    return new SyntheticWriter(new DatabaseSync(file));
  }

  places(names: readonly string[]): void {
    for (const p of names) this.#ins.place.run(placeKey(p), placeName(p));
  }

  article(a: ArticleRow): void {
    const hash = `bench-${a.id}`;
    this.#ins.article.run(a.id, hash, hash, hash, a.text, a.title, a.published, a.source, a.receivedAt, a.extractedAt);
    for (const p of a.places) this.#ins.articlePlace.run(a.id, placeKey(p), p);
    this.#ins.textSearch.run(a.id, ...gramColumns([a.title, a.text], 3));
    const metrics = [...new Set(a.metrics)].filter(Boolean);
    if (metrics.length) this.#ins.metricSearch.run(a.id, gramColumns(metrics, 1)[0]!);
    this.#text = a.text;
    this.#chars = codePointOffsets(a.text);
  }

  /** Returns the new figure's id. */
  figure(r: FigureRow): number {
    const f = r.figure;
    const id = ++this.figures;
    const at = this.#text.indexOf(r.sentence);
    if (at < 0) throw new Error(`figure ${id}: its sentence is not in article ${r.articleId}'s text`);
    const sentenceAt = this.#chars(at);
    this.#ins.figure.run(id, r.articleId, r.seq, f.text, r.start, r.start + f.text.length, f.value, f.value_max ?? null, f.unit, f.approx ?? null,
      f.metric, f.change ? 1 : 0, f.kind, sentenceAt, this.#chars(at + r.sentence.length) - sentenceAt, placeKey(r.place), r.published);
    return id;
  }

  goal(r: GoalRow): number {
    const id = ++this.goals;
    this.#ins.goal.run(id, r.articleId, r.seq, r.text, r.start, r.start + r.text.length, r.deadline, r.actor, placeKey(r.place), r.published);
    for (const fid of r.figureIds) this.#ins.link.run(id, fid);
    return id;
  }

  /** A shard directory row (src/db/directory.ts): `shard` holds rows of `bucket`. */
  directory(bucket: string, shard: string): void {
    this.#ins.directory.run(bucket, shard);
  }

  finish(): void {
    this.#db.exec("COMMIT");
    this.#db.exec("ANALYZE");
    this.#db.close();
  }
}

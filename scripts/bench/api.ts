/**
 * Summary API latency (issues 7 and 16): 50,000 synthetic articles made from the corpus gold
 * (varied places and dates) in a fresh local D1, then p50/p95 of the main queries over real HTTP
 * against `wrangler dev`; then the same 50,000 spread over the four databases of wrangler.toml's
 * [env.sharded] (article i in shard i mod 4, ids from one allocator) and the same queries.
 * Goals: p95 < 50 ms locally on one database; national p95 < 80 ms on four shards.
 *
 * The local D1, bulk load and server are scripts/lib/dev-server.ts and synthetic.ts; this file
 * holds the corpus shape, the queries and the table. `wrangler dev` listens on 127.0.0.1:8791
 * (BENCH_API_PORT=<n> for another, beside another checkout's bench).
 * `npm run bench -- api` or `npx tsx scripts/bench/api.ts`
 * (BENCH_API_KEEP=1 keeps the seeded database directory; BENCH_API_LAYOUT=one or sharded runs one layout;
 * BENCH_API_SEEDED=<a kept directory> serves its databases instead of seeding anew, ~90 s less a run:
 * keep and reuse a directory of the same layout, made by the same code; BENCH_API_ONLY=<regex> times
 * the queries whose names match, BENCH_API_RUNS=<n> each that many times).
 */
import { copyFileSync, existsSync, readFileSync, rmSync } from "node:fs";
import { join, relative } from "node:path";
import { directoryEntries } from "../../src/db/directory.ts";
import { parseShardMap, type Shards } from "../../src/db/router.ts";
import { placeKey, placeName } from "../../src/places/index.ts";
import { LocalWorker } from "../lib/dev-server.ts";
import { figureSentence, golds, picker, PLACES, rng, SyntheticWriter } from "../lib/synthetic.ts";

const ARTICLES = 50_000;
const PORT = Number(process.env.BENCH_API_PORT || 8791);
const WARMUP = 5;
/** BENCH_API_RUNS=<n> times more requests per query (the p95 of 60 is the third slowest). */
const RUNS = Number(process.env.BENCH_API_RUNS || 60);

/** Named by 100 articles and in 50 titles (all with figures): exercises the small-set read plan. */
const RARE_PLACE = "测试镇";
const RARE_WORD = "稀有词条";
/** The most terms a keyword query takes, typed in traditional, simplified and mixed script (two or three forms each). */
const MANY_TERMS = "重大產業項目 民生工程 新增总部企业 税收 项目總投資";

/**
 * Each article takes one gold's own figures and goals (goals linked to their figures), a main
 * place plus up to two others, and a date over eight years (5 % undated).
 */
async function load(files: string[], bindings: string[], shardMap?: Shards["map"]): Promise<{ figures: number; goals: number }> {
  const writers = await Promise.all(files.map((f) => SyntheticWriter.open(f)));
  // Four shards: each article's shard recorded in the directory of the places it names, as the
  // queue consumer does (src/pipeline/placement.ts).
  const recorded = new Set<string>();
  const record = (w: number, names: string[]) => {
    if (!shardMap) return;
    const at = shardMap.bindings.indexOf(bindings[w]!);
    const stored = { keys: names.map(placeKey), places: names.map((n) => ({ key: placeKey(n), name: placeName(n) })) };
    for (const [home, buckets] of directoryEntries({ map: shardMap } as Shards, at, stored)) {
      for (const bucket of buckets) {
        const key = `${home}\u0000${bucket}\u0000${at}`;
        if (recorded.has(key)) continue;
        recorded.add(key);
        writers[bindings.indexOf(shardMap.bindings[home]!)]!.directory(bucket, bindings[w]!);
      }
    }
  };
  const rand = rng(7);
  const pick = picker(rand);
  const corpus = golds();
  for (const w of writers) w.places([...PLACES, RARE_PLACE]);
  const day0 = Date.UTC(2018, 0, 1);
  for (let id = 1; id <= ARTICLES; id++) {
    const db = writers[id % writers.length]!;
    const gold = corpus[id % corpus.length]!;
    const main = pick(PLACES);
    const others = [pick(PLACES), pick(PLACES), ...(id % 500 === 1 ? [RARE_PLACE] : [])].filter((p) => p !== main);
    const published = rand() < 0.05 ? null : new Date(day0 + Math.floor(rand() * 8 * 365) * 86_400_000).toISOString().slice(0, 10);
    const lines = gold.figures.map((f) => figureSentence(main, f));
    const title = `${gold.title ?? main + "工作动态"}(${main}${id}${id % 1000 === 3 ? RARE_WORD : ""})`;
    const text = `${title}\n${lines.join("")}${gold.goals.map((g) => `${g.text}。`).join("")}`;
    db.article({
      id, title, text, published, source: gold.source, receivedAt: day0 + id * 60_000, extractedAt: day0 + id * 60_000 + 1000,
      places: [main, ...others], metrics: gold.figures.map((f) => f.metric),
    });
    record(id % writers.length, [main, ...others]);
    const idOf = new Map<string, number>();
    gold.figures.forEach((f, seq) => {
      idOf.set(f.text, db.figure({ articleId: id, seq, figure: f, start: seq * 10, sentence: lines[seq]!, place: main, published }));
    });
    gold.goals.forEach((g, seq) => {
      const actor = g.actor ? placeName(pick([main, ...others])) : null;
      const figureIds = g.figures.map((t) => idOf.get(t)).filter((fid) => fid !== undefined);
      db.goal({ articleId: id, seq, text: g.text, start: seq * 20, deadline: g.deadline ?? null, actor, place: main, published, figureIds });
    });
  }
  for (const w of writers) w.finish();
  return { figures: writers.reduce((n, w) => n + w.figures, 0), goals: writers.reduce((n, w) => n + w.goals, 0) };
}

/**
 * Each local D1 file (migrated, empty, under `dir`) replaced by its namesake under `from`, a
 * directory an earlier run kept: the file names are wrangler's, from the database ids, so the
 * same layout names the same files. Its WAL and shared-memory files go with it.
 */
function reuse(from: string, dir: string, files: string[]): void {
  for (const file of files) {
    const source = join(from, relative(dir, file));
    if (!existsSync(source)) throw new Error(`BENCH_API_SEEDED: ${source} is missing (a directory kept from a run of this layout?)`);
    for (const suffix of ["", "-wal", "-shm"]) {
      rmSync(file + suffix, { force: true });
      if (existsSync(source + suffix)) copyFileSync(source + suffix, file + suffix);
    }
  }
}

/** The SHARDS map of a wrangler.toml environment. */
function shardMapOf(environment: string): Shards["map"] {
  const toml = readFileSync(join(import.meta.dirname, "..", "..", "wrangler.toml"), "utf8");
  const vars = toml.slice(toml.indexOf(`[env.${environment}.vars]`));
  return parseShardMap(/SHARDS = "([^"]*)"/.exec(vars)![1]!);
}

const LAYOUTS = [
  { name: "one database", bindings: ["DB"] },
  { name: "four shards", env: "sharded", bindings: ["DB", "DB_NORTH", "DB_EAST", "DB_SOUTH"] },
];

/** BENCH_API_LAYOUT=one or =sharded runs that layout alone. */
export default async function run(): Promise<void> {
  const only = process.env.BENCH_API_LAYOUT;
  for (const layout of LAYOUTS) if (!only || (layout.env ?? "one") === only) await runLayout(layout);
}

async function runLayout(layout: (typeof LAYOUTS)[number]): Promise<void> {
  const t0 = performance.now();
  const w = LocalWorker.create("jiyao-bench-api-", layout);
  try {
    const seeded = process.env.BENCH_API_SEEDED;
    if (seeded) {
      reuse(seeded, w.dir, Object.values(w.d1Files));
      console.log(`${layout.name}: the databases seeded in ${seeded}`);
    } else {
      const counts = await load(layout.bindings.map((b) => w.d1Files[b]!), layout.bindings, layout.env ? shardMapOf(layout.env) : undefined);
      console.log(
        `${layout.name}: seeded ${ARTICLES} articles, ${counts.figures} figures, ${counts.goals} goals in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
      );
    }
    const base = await w.serve(PORT);

    const rand = rng(11);
    const pick = picker(rand);
    const enc = encodeURIComponent;
    const metrics = ["财政收入", "重大产业项目", "新增国家高新技术企业", "垃圾分类集中处理率", "外贸进出口", "税收"];
    const year = () => 2018 + Math.floor(rand() * 8);
    // a cursor deep in the walk: page 5 of the unfiltered figures
    let deep = "/v1/figures?limit=50";
    for (let i = 0; i < 4; i++) {
      const next = new URL(((await (await fetch(`${base}${deep}`)).json()) as { next: string }).next);
      deep = next.pathname + next.search;
    }

    const cases: [string, () => string][] = [
      ["figures (no filter)", () => "/v1/figures"],
      ["figures ?place", () => `/v1/figures?place=${enc(pick(PLACES))}`],
      ["figures ?kind=target&place", () => `/v1/figures?kind=target&place=${enc(pick(PLACES))}`],
      ["figures ?metric (≥3 chars, FTS)", () => `/v1/figures?metric=${enc(pick(metrics))}`],
      ["figures ?metric=收入 (short)", () => `/v1/figures?metric=${enc("收入")}`],
      ["figures ?from&to (one year)", () => { const y = year(); return `/v1/figures?from=${y}-01-01&to=${y}-12-31`; }],
      ["figures ?kind&from&to&min", () => { const y = year(); return `/v1/figures?kind=reported&from=${y}-03-01&to=${y}-05-31&min=100`; }],
      ["figures ?q (FTS)", () => `/v1/figures?q=${enc(pick(["专精特新", "重大产业项目", "垃圾分类", "高新技术企业"]))}`],
      ["figures ?q=财政 (short, LIKE)", () => `/v1/figures?q=${enc("财政")}`],
      ["figures page 5 (cursor)", () => deep],
      ["figures ?place (rare, 100 articles)", () => `/v1/figures?place=${enc(RARE_PLACE)}`],
      ["figures ?q (rare, 50 articles)", () => `/v1/figures?q=${enc(RARE_WORD)}`],
      ["figures ?q (5 terms, mixed scripts)", () => `/v1/figures?q=${enc(MANY_TERMS)}`],
      ["goals ?place", () => `/v1/goals?place=${enc(pick(PLACES))}`],
      ["goals ?deadline=2025", () => "/v1/goals?deadline=2025"],
      ["goals ?metric", () => `/v1/goals?metric=${enc(pick(["重大产业项目", "新增总部企业", "垃圾分类集中处理率"]))}`],
      ["articles ?place", () => `/v1/articles?place=${enc(pick(PLACES))}`],
      ["articles ?q", () => `/v1/articles?q=${enc("专精特新")}`],
      ["articles ?q (5 terms, mixed scripts)", () => `/v1/articles?q=${enc(MANY_TERMS)}`],
      ["articles/{id}", () => `/v1/articles/${1 + Math.floor(rand() * ARTICLES)}`],
      ["places facet (cached 60 s)", () => "/v1/places"],
      ["places facet (uncached)", () => `/v1/places?_=${rand()}`],
      ["metrics facet (cached 60 s)", () => "/v1/metrics"],
      ["metrics facet (uncached)", () => `/v1/metrics?_=${rand()}`],
      ["metrics facet ?place (uncached)", () => `/v1/metrics?place=${enc(pick(PLACES))}&_=${rand()}`],
    ];
    const goal = layout.env ? 80 : 50;
    console.log(`${layout.name}: ${RUNS} sequential requests each (after ${WARMUP} warm-up), wrangler dev on loopback; goal p95 < ${goal} ms`);
    console.log(`${"query".padEnd(36)} ${"p50 ms".padStart(8)} ${"p95 ms".padStart(8)} ${"items".padStart(7)}`);
    const decoder = new TextDecoder();
    let worst = 0;
    const only = process.env.BENCH_API_ONLY ? new RegExp(process.env.BENCH_API_ONLY) : undefined;
    for (const [name, paths] of cases.filter(([name]) => !only || only.test(name))) {
      const r = await w.time(paths, { warmup: WARMUP, runs: RUNS });
      // items per response: a list's length, 1 for a single object
      const items = r.bodies.reduce((n, b) => n + ((JSON.parse(decoder.decode(b)) as { items?: unknown[] }).items?.length ?? 1), 0) / RUNS;
      worst = Math.max(worst, r.p95);
      console.log(`${name.padEnd(36)} ${r.p50.toFixed(1).padStart(8)} ${r.p95.toFixed(1).padStart(8)} ${items.toFixed(0).padStart(7)}${r.p95 >= goal ? "  (over goal)" : ""}`);
    }
    console.log(`${layout.name}: worst p95 ${worst.toFixed(1)} ms ${worst < goal ? "(within goal)" : `(OVER the ${goal} ms goal)`}`);
  } finally {
    // BENCH_API_KEEP=1 keeps the seeded local D1 for poking at plans (prints where).
    await w.close(!!process.env.BENCH_API_KEEP);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run();

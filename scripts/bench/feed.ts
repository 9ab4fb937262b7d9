/**
 * Feed and page latency (issues 6 and 8): 10,000 synthetic extracted articles (corpus gold figures
 * and goals, 40 places, 100 arrivals a day over 100 days) in a fresh local D1, then p50/p95 of
 * every feed variant (and the pages) over real HTTP against `wrangler dev`.
 *
 * The local D1, bulk load and server are scripts/lib/dev-server.ts and synthetic.ts; this file
 * holds the corpus shape, the requests and the table. `wrangler dev` listens on 127.0.0.1:8792.
 * `npm run bench -- feed` or `npx tsx scripts/bench/feed.ts`.
 */
import { placeName } from "../../src/places/index.ts";
import { LocalWorker } from "../lib/dev-server.ts";
import { figureSentence, golds, picker, PLACES, rng, SyntheticWriter } from "../lib/synthetic.ts";

const ARTICLES = 10_000;
const PER_DAY = 100;
const FIGURES_PER_ARTICLE = 8;
const GOALS_PER_ARTICLE = 2;
const PORT = 8792;
const WARMUP = 3;
const RUNS = 30;

/**
 * Every article has the same number of figures (cycled from one gold with figures) and goals
 * (cycled from all golds), so feed entries have a steady size; two places; published the day
 * before arrival (10 % undated). Spans are the figures' real offsets in the text.
 */
async function load(file: string): Promise<{ figures: number; goals: number }> {
  const db = await SyntheticWriter.open(file);
  const corpus = golds().filter((g) => g.figures.length);
  const allGoals = corpus.flatMap((g) => g.goals);
  const rand = rng(6);
  const pick = picker(rand);
  db.places(PLACES);
  const day0 = Date.UTC(2026, 7, 1, 0, 0);
  for (let id = 1; id <= ARTICLES; id++) {
    const gold = corpus[id % corpus.length]!;
    const main = pick(PLACES);
    const other = pick(PLACES);
    const received = day0 + Math.floor((id - 1) / PER_DAY) * 86_400_000 + ((id - 1) % PER_DAY) * 600_000;
    const published = rand() < 0.1 ? null : new Date(received - 86_400_000).toISOString().slice(0, 10);
    const figs = Array.from({ length: FIGURES_PER_ARTICLE }, (_, i) => gold.figures[(id + i) % gold.figures.length]!);
    const goals = allGoals.length ? Array.from({ length: GOALS_PER_ARTICLE }, (_, i) => allGoals[(id * 3 + i) % allGoals.length]!) : [];
    const lines = figs.map((f) => figureSentence(main, f));
    const title = `${gold.title ?? "工作动态"}（${main}${id}）`;
    let text = `${title}\n`;
    const figRows = figs.map((f, seq) => {
      // the figure's text ends just before the sentence's closing "。"
      const start = text.length + lines[seq]!.length - 1 - f.text.length;
      text += lines[seq];
      return { articleId: id, seq, figure: f, start, sentence: lines[seq]!, place: main, published };
    });
    const goalRows = goals.map((g, seq) => {
      const start = text.length;
      text += `${g.text}。`;
      return { articleId: id, seq, text: g.text, start, deadline: g.deadline ?? null, actor: g.actor ? placeName(main) : null, place: main, published, figureIds: [] };
    });
    db.article({ id, title, text, published, source: gold.source, receivedAt: received, extractedAt: received + 2000, places: [main, other], metrics: figs.map((f) => f.metric) });
    for (const r of figRows) db.figure(r);
    for (const r of goalRows) db.goal(r);
  }
  db.finish();
  return { figures: db.figures, goals: db.goals };
}

export default async function run(): Promise<void> {
  const t0 = performance.now();
  const w = LocalWorker.create("jiyao-bench-feed-");
  try {
    const seed = await load(w.d1File);
    console.log(
      `seeded ${ARTICLES} articles (${PER_DAY}/day), ${seed.figures} figures, ${seed.goals} goals in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );
    const base = await w.serve(PORT);

    const rand = rng(12);
    const pick = picker(rand);
    const enc = encodeURIComponent;
    const etag = (await fetch(`${base}/feed.xml`)).headers.get("etag") ?? "";
    const cases: [string, () => string, (() => Record<string, string>)?, number?][] = [
      ["/feed.xml", () => "/feed.xml"],
      ["/feed.atom", () => "/feed.atom"],
      ["/feed.json", () => "/feed.json"],
      ["/feed.xml?limit=200", () => "/feed.xml?limit=200"],
      ["/feed.xml?place", () => `/feed.xml?place=${enc(pick(PLACES))}`],
      ["/feed.xml?place&kind=target", () => `/feed.xml?place=${enc(pick(PLACES))}&kind=target`],
      ["/feed.xml?metric", () => `/feed.xml?metric=${enc(pick(["财政收入", "重大产业项目", "税收", "垃圾分类"]))}`],
      ["/feed.xml?q", () => `/feed.xml?q=${enc(pick(["专精特新", "重大产业项目", "垃圾分类"]))}`],
      ["/feed.xml 304 (If-None-Match)", () => "/feed.xml", () => ({ "if-none-match": etag }), 304],
      ["/digest.xml (cap 1000 rows)", () => "/digest.xml"],
      ["/digest.json", () => "/digest.json"],
      ["/digest.xml?limit=1", () => "/digest.xml?limit=1"],
      ["/digest.atom?place", () => `/digest.atom?place=${enc(pick(PLACES))}`],
      ["/digest.xml?place&kind=target", () => `/digest.xml?place=${enc(pick(PLACES))}&kind=target`],
      ["/opml.xml", () => "/opml.xml"],
      ["page /", () => "/"],
      ["page /?place", () => `/?place=${enc(pick(PLACES))}`],
      ["page /articles/:id", () => `/articles/${1 + Math.floor(rand() * ARTICLES)}`],
      ["page /metrics/财政收入", () => `/metrics/${enc("财政收入")}`],
    ];
    console.log(`${RUNS} sequential requests each (after ${WARMUP} warm-up), wrangler dev on loopback`);
    console.log(`${"request".padEnd(34)} ${"p50 ms".padStart(8)} ${"p95 ms".padStart(8)} ${"KB".padStart(8)}`);
    for (const [name, path, headers, expect] of cases) {
      const r = await w.time(path, { warmup: WARMUP, runs: RUNS, headers, expect });
      const kb = r.bodies.reduce((n, b) => n + b.byteLength, 0) / RUNS / 1024;
      console.log(`${name.padEnd(34)} ${r.p50.toFixed(1).padStart(8)} ${r.p95.toFixed(1).padStart(8)} ${kb.toFixed(1).padStart(8)}`);
    }
  } finally {
    await w.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run();

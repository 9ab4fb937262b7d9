/**
 * Summary API latency (issue 7): 50,000 synthetic articles made from the corpus gold (varied
 * places and dates) in a fresh local D1, then p50/p95 of the main queries over real HTTP
 * against `wrangler dev`. Goal: p95 < 50 ms locally.
 *
 * Steps: migrations through `wrangler d1 migrations apply --local --persist-to <tmp>`; the rows
 * are bulk-loaded straight into that local D1 file with node:sqlite (one transaction, seconds,
 * where `wrangler d1 execute --file` of ~1.2 M INSERTs takes many minutes); the Worker is bundled
 * once (`wrangler deploy --dry-run`) and `wrangler dev --no-bundle` on 127.0.0.1:8791 serves it;
 * requests are timed with fetch; the server is stopped at the end.
 * Only loopback traffic. `npm run bench -- api` or `npx tsx scripts/bench/api.ts`
 * (BENCH_API_KEEP=1 keeps the seeded database directory).
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { placeKey, placeName } from "../../src/places.ts";

const ROOT = join(import.meta.dirname, "..", "..");
const ARTICLES = 50_000;
const PORT = 8791;
const BASE = `http://127.0.0.1:${PORT}`;
const WARMUP = 5;
const RUNS = 60;

interface GoldFigure {
  text: string;
  value: number;
  value_max?: number;
  unit: string;
  approx?: string;
  metric: string;
  change?: boolean;
  kind: "reported" | "target";
}
interface Gold {
  title: string | null;
  source: string | null;
  figures: GoldFigure[];
  goals: { text: string; figures: string[]; deadline?: string; actor?: string }[];
}

const PLACES = [
  "杜集区", "相山区", "烈山区", "濉溪县", "经开区", "高邮市", "邗江区", "广陵区", "江都区", "宝应县",
  "仪征市", "扬州市", "淮北市", "沛县", "丰县", "铜山区", "鼓楼区", "云龙区", "泉山区", "贾汪区",
  "睢宁县", "新沂市", "邳州市", "徐州市", "宿迁市", "沭阳县", "泗阳县", "泗洪县", "宿城区", "宿豫区",
  "大庙街道", "金山桥街道", "金龙湖街道", "徐庄镇", "东环街道", "大黄山街道", "萧县", "砀山县", "灵璧县", "泗县",
];

/** Named by 100 articles and in 50 titles (all with figures): exercises the small-set read plan. */
const RARE_PLACE = "测试镇";
const RARE_WORD = "稀有词条";

/** Deterministic PRNG (mulberry32). */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function golds(): Gold[] {
  const dir = join(ROOT, "test", "fixtures", "corpus");
  return readdirSync(dir)
    .filter((f) => f.endsWith(".gold.json"))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(dir, f), "utf8")) as Gold);
}

function findSqlite(dir: string): string {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) {
      const found = findSqlite(p);
      if (found) return found;
    } else if (name.endsWith(".sqlite") && name !== "metadata.sqlite") return p;
  }
  return "";
}

function sh(args: string[], env: NodeJS.ProcessEnv = {}) {
  execFileSync("npx", args, { cwd: ROOT, env: { ...process.env, CI: "true", ...env }, stdio: ["ignore", "ignore", "inherit"] });
}

/** Bulk-loads the synthetic corpus into the local D1 file; returns counts and one sample id. */
async function load(file: string): Promise<{ figures: number; goals: number }> {
  const { DatabaseSync } = await import("node:sqlite");
  const db = new DatabaseSync(file);
  const rand = rng(7);
  const corpus = golds();
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)]!;
  const ins = {
    article: db.prepare(
      `INSERT INTO articles (id, webhook_id, content_hash, raw_hash, text, encoding, format, status, extractor_version, title, published, source, received_at, extracted_at)
       VALUES (?, ?, ?, ?, ?, 'utf-8', 'plain', 'extracted', 1, ?, ?, ?, ?, ?)`,
    ),
    place: db.prepare("INSERT OR IGNORE INTO places (key, name) VALUES (?, ?)"),
    articlePlace: db.prepare("INSERT OR IGNORE INTO article_places (article_id, place_key, name) VALUES (?, ?, ?)"),
    figure: db.prepare(
      `INSERT INTO figures (id, article_id, seq, text, start, "end", value, value_max, unit, approx, metric, change, kind, sentence, place_key, published)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    goal: db.prepare(
      `INSERT INTO goals (id, article_id, seq, text, start, "end", deadline, actor, place_key, published) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    link: db.prepare("INSERT OR IGNORE INTO goal_figures (goal_id, figure_id) VALUES (?, ?)"),
    search: db.prepare("INSERT INTO article_search (rowid, title, body, metrics) VALUES (?, ?, ?, ?)"),
  };
  for (const p of [...PLACES, RARE_PLACE]) ins.place.run(placeKey(p), placeName(p));
  let figureId = 0;
  let goalId = 0;
  const day0 = Date.UTC(2018, 0, 1);
  db.exec("BEGIN");
  for (let id = 1; id <= ARTICLES; id++) {
    const gold = corpus[id % corpus.length]!;
    const main = pick(PLACES);
    const others = [pick(PLACES), pick(PLACES), ...(id % 500 === 1 ? [RARE_PLACE] : [])].filter((p) => p !== main);
    const published = rand() < 0.05 ? null : new Date(day0 + Math.floor(rand() * 8 * 365) * 86_400_000).toISOString().slice(0, 10);
    const lines = gold.figures.map((f) => `${main}${f.metric}${f.kind === "target" ? "力争达到" : "达到"}${f.text}。`);
    const goalLines = gold.goals.map((g) => `${g.text}。`);
    const title = `${gold.title ?? main + "工作动态"}(${main}${id}${id % 1000 === 3 ? RARE_WORD : ""})`;
    const text = `${title}\n${lines.join("")}${goalLines.join("")}`;
    ins.article.run(id, `bench-${id}`, `bench-${id}`, `bench-${id}`, text, title, published, gold.source, day0 + id * 60_000, day0 + id * 60_000 + 1000);
    for (const p of [main, ...others]) ins.articlePlace.run(id, placeKey(p), p);
    const key = placeKey(main);
    const seqOf = new Map<string, number>();
    gold.figures.forEach((f, seq) => {
      figureId++;
      seqOf.set(f.text, figureId);
      const sentence = lines[seq]!;
      ins.figure.run(figureId, id, seq, f.text, seq * 10, seq * 10 + f.text.length, f.value, f.value_max ?? null, f.unit, f.approx ?? null, f.metric, f.change ? 1 : 0, f.kind, sentence, key, published);
    });
    gold.goals.forEach((g, seq) => {
      goalId++;
      const actor = g.actor ? placeName(pick([main, ...others])) : null;
      ins.goal.run(goalId, id, seq, g.text, seq * 20, seq * 20 + g.text.length, g.deadline ?? null, actor, key, published);
      for (const t of g.figures) {
        const fid = seqOf.get(t);
        if (fid) ins.link.run(goalId, fid);
      }
    });
    ins.search.run(id, title, text, [...new Set(gold.figures.map((f) => f.metric))].join(" "));
  }
  db.exec("COMMIT");
  db.exec("ANALYZE");
  db.close();
  return { figures: figureId, goals: goalId };
}

async function waitUp(child: ChildProcess): Promise<void> {
  const until = Date.now() + 90_000;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited with ${child.exitCode}`);
    try {
      const res = await fetch(`${BASE}/healthz`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error("wrangler dev did not come up within 90 s");
}

function pct(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** Times `paths()` (a fresh path per run, so places/metrics vary); throws on a non-200. */
async function time(paths: () => string): Promise<{ p50: number; p95: number; items: number }> {
  const ms: number[] = [];
  let items = 0;
  for (let i = 0; i < WARMUP + RUNS; i++) {
    const path = paths();
    const t0 = performance.now();
    const res = await fetch(`${BASE}${path}`);
    const body = await res.text();
    const t1 = performance.now();
    if (res.status !== 200) throw new Error(`${path} → ${res.status} ${body.slice(0, 300)}`);
    if (i >= WARMUP) {
      ms.push(t1 - t0);
      items += (JSON.parse(body) as { items?: unknown[] }).items?.length ?? 1;
    }
  }
  ms.sort((a, b) => a - b);
  return { p50: pct(ms, 50), p95: pct(ms, 95), items: items / RUNS };
}

export default async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "jiyao-bench-api-"));
  let child: ChildProcess | undefined;
  try {
    const t0 = performance.now();
    sh(["wrangler", "d1", "migrations", "apply", "DB", "--local", "--persist-to", dir]);
    const file = findSqlite(join(dir, "v3", "d1"));
    if (!file) throw new Error(`no local D1 file under ${dir}`);
    const counts = await load(file);
    console.log(
      `seeded ${ARTICLES} articles, ${counts.figures} figures, ${counts.goals} goals in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );

    // Serve a bundle made up front (`--no-bundle`): `wrangler dev` watches its sources and would
    // restart mid-run whenever someone edits src/.
    sh(["wrangler", "deploy", "--dry-run", "--outdir", join(dir, "dist")]);
    child = spawn(
      "npx",
      [
        "wrangler", "dev", join(dir, "dist", "index.js"), "--no-bundle", "--config", join(ROOT, "wrangler.toml"),
        "--ip", "127.0.0.1", "--port", String(PORT), "--persist-to", dir, "--inspector-port", "0",
        "--show-interactive-dev-session=false", "--log-level", "warn",
      ],
      { cwd: ROOT, env: { ...process.env, CI: "true" }, stdio: ["ignore", "ignore", "inherit"], detached: true },
    );
    await waitUp(child);

    const rand = rng(11);
    const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)]!;
    const enc = encodeURIComponent;
    const metrics = ["财政收入", "重大产业项目", "新增国家高新技术企业", "垃圾分类集中处理率", "外贸进出口", "税收"];
    const year = () => 2018 + Math.floor(rand() * 8);
    // a cursor deep in the walk: page 5 of the unfiltered figures
    let deep = "/v1/figures?limit=50";
    for (let i = 0; i < 4; i++) {
      const next = new URL(((await (await fetch(`${BASE}${deep}`)).json()) as { next: string }).next);
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
      ["goals ?place", () => `/v1/goals?place=${enc(pick(PLACES))}`],
      ["goals ?deadline=2025", () => "/v1/goals?deadline=2025"],
      ["goals ?metric", () => `/v1/goals?metric=${enc(pick(["重大产业项目", "新增总部企业", "垃圾分类集中处理率"]))}`],
      ["articles ?place", () => `/v1/articles?place=${enc(pick(PLACES))}`],
      ["articles ?q", () => `/v1/articles?q=${enc("专精特新")}`],
      ["articles/{id}", () => `/v1/articles/${1 + Math.floor(rand() * ARTICLES)}`],
      ["places facet (cached 60 s)", () => "/v1/places"],
      ["places facet (uncached)", () => `/v1/places?_=${rand()}`],
      ["metrics facet (cached 60 s)", () => "/v1/metrics"],
      ["metrics facet (uncached)", () => `/v1/metrics?_=${rand()}`],
      ["metrics facet ?place (uncached)", () => `/v1/metrics?place=${enc(pick(PLACES))}&_=${rand()}`],
    ];
    console.log(`${RUNS} sequential requests each (after ${WARMUP} warm-up), wrangler dev on loopback; goal p95 < 50 ms`);
    console.log(`${"query".padEnd(36)} ${"p50 ms".padStart(8)} ${"p95 ms".padStart(8)} ${"items".padStart(7)}`);
    let worst = 0;
    for (const [name, paths] of cases) {
      const r = await time(paths);
      worst = Math.max(worst, r.p95);
      console.log(`${name.padEnd(36)} ${r.p50.toFixed(1).padStart(8)} ${r.p95.toFixed(1).padStart(8)} ${r.items.toFixed(0).padStart(7)}${r.p95 >= 50 ? "  (over goal)" : ""}`);
    }
    console.log(`worst p95 ${worst.toFixed(1)} ms ${worst < 50 ? "(within goal)" : "(OVER the 50 ms goal)"}`);
  } finally {
    if (child?.pid && child.exitCode === null) {
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {
        // already gone
      }
      await new Promise((r) => setTimeout(r, 500));
    }
    // BENCH_API_KEEP=1 keeps the seeded local D1 for poking at plans (prints where).
    if (process.env.BENCH_API_KEEP) console.log(`kept ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run();

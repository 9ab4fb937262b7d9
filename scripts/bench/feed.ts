/**
 * Feed and page latency (issues 6 and 8): 10,000 synthetic extracted articles (corpus gold figures
 * and goals, 40 places, 100 arrivals a day over 100 days) in a fresh local D1, then p50/p95 of
 * every feed variant (and the pages) over real HTTP against `wrangler dev`.
 *
 * Steps: `wrangler d1 migrations apply --local --persist-to <tmp>`; the rows as multi-row INSERTs
 * in one SQL file through `wrangler d1 execute DB --local --persist-to <tmp> --file`; `wrangler dev`
 * on 127.0.0.1:8792 serves it; sequential fetches are timed; the server (our child's process
 * group only) is stopped and the temp dir removed at the end. Loopback only, bounded time.
 * `npm run bench -- feed` or `npx tsx scripts/bench/feed.ts`.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { placeKey, placeName } from "../../src/places.ts";

const ROOT = join(import.meta.dirname, "..", "..");
const ARTICLES = 10_000;
const PER_DAY = 100;
const FIGURES_PER_ARTICLE = 8;
const GOALS_PER_ARTICLE = 2;
const PORT = 8792;
const BASE = `http://127.0.0.1:${PORT}`;
const WARMUP = 3;
const RUNS = 30;
const ROWS_PER_INSERT = 200;
const MAX_STATEMENT_BYTES = 60_000;

const PLACES = [
  "杜集区", "相山区", "烈山区", "濉溪县", "经开区", "高邮市", "邗江区", "广陵区", "江都区", "宝应县",
  "仪征市", "扬州市", "淮北市", "沛县", "丰县", "铜山区", "鼓楼区", "云龙区", "泉山区", "贾汪区",
  "睢宁县", "新沂市", "邳州市", "徐州市", "宿迁市", "沭阳县", "泗阳县", "泗洪县", "宿城区", "宿豫区",
  "大庙街道", "金山桥街道", "金龙湖街道", "徐庄镇", "东环街道", "大黄山街道", "萧县", "砀山县", "灵璧县", "泗县",
];

interface GoldFigure {
  text: string;
  value: number;
  unit: string;
  metric: string;
  change?: boolean;
  kind: "reported" | "target";
}
interface Gold {
  title: string | null;
  source: string | null;
  figures: GoldFigure[];
  goals: { text: string; deadline?: string; actor?: string }[];
}

function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const q = (v: string | number | null | undefined): string =>
  v === null || v === undefined ? "NULL" : typeof v === "number" ? String(v) : `'${v.replace(/'/g, "''")}'`;

/** The synthetic corpus as SQL (multi-row INSERTs). */
function seedSql(): { sql: string; figures: number; goals: number } {
  const dir = join(ROOT, "test", "fixtures", "corpus");
  const golds = readdirSync(dir)
    .filter((f) => f.endsWith(".gold.json"))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(dir, f), "utf8")) as Gold)
    .filter((g) => g.figures.length);
  const allGoals = golds.flatMap((g) => g.goals);
  const rand = rng(6);
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)]!;
  const rows: Record<string, string[]> = { articles: [], places: [], article_places: [], figures: [], goals: [], article_search: [] };
  for (const p of PLACES) rows.places!.push(`(${q(placeKey(p))}, ${q(placeName(p))})`);
  const day0 = Date.UTC(2026, 7, 1, 0, 0);
  let figureId = 0;
  let goalId = 0;
  for (let id = 1; id <= ARTICLES; id++) {
    const gold = golds[id % golds.length]!;
    const main = pick(PLACES);
    const other = pick(PLACES);
    const received = day0 + Math.floor((id - 1) / PER_DAY) * 86_400_000 + ((id - 1) % PER_DAY) * 600_000;
    const published = rand() < 0.1 ? null : new Date(received - 86_400_000).toISOString().slice(0, 10);
    const figs = Array.from({ length: FIGURES_PER_ARTICLE }, (_, i) => gold.figures[(id + i) % gold.figures.length]!);
    const goals = allGoals.length ? Array.from({ length: GOALS_PER_ARTICLE }, (_, i) => allGoals[(id * 3 + i) % allGoals.length]!) : [];
    const lines = figs.map((f) => `${main}${f.metric}${f.kind === "target" ? "力争达到" : "达到"}${f.text}。`);
    const title = `${gold.title ?? "工作动态"}（${main}${id}）`;
    let text = `${title}\n`;
    const figRows = figs.map((f, seq) => {
      const start = text.length + lines[seq]!.length - 1 - f.text.length;
      text += lines[seq];
      return { f, seq, start };
    });
    const goalRows = goals.map((g, seq) => {
      const start = text.length;
      text += `${g.text}。`;
      return { g, seq, start };
    });
    const key = placeKey(main);
    rows.articles!.push(
      `(${id}, 'bench-${id}', 'bench-${id}', 'bench-${id}', ${q(text)}, 'utf-8', 'plain', 'extracted', 1, ${q(title)}, ${q(published)}, ${q(gold.source)}, ${received}, ${received + 2000})`,
    );
    rows.article_places!.push(`(${id}, ${q(key)}, ${q(main)})`);
    if (placeKey(other) !== key) rows.article_places!.push(`(${id}, ${q(placeKey(other))}, ${q(other)})`);
    for (const { f, seq, start } of figRows) {
      figureId++;
      rows.figures!.push(
        `(${figureId}, ${id}, ${seq}, ${q(f.text)}, ${start}, ${start + f.text.length}, ${f.value}, ${q(f.unit)}, ${q(f.metric)}, ${f.change ? 1 : 0}, ${q(f.kind)}, ${q(lines[seq]!)}, ${q(key)}, ${q(published)})`,
      );
    }
    for (const { g, seq, start } of goalRows) {
      goalId++;
      rows.goals!.push(`(${goalId}, ${id}, ${seq}, ${q(g.text)}, ${start}, ${start + g.text.length}, ${q(g.deadline)}, ${q(g.actor ? placeName(main) : null)}, ${q(key)}, ${q(published)})`);
    }
    rows.article_search!.push(`(${id}, ${q(title)}, ${q(text)}, ${q([...new Set(figs.map((f) => f.metric))].join(" "))})`);
  }
  const columns: Record<string, string> = {
    places: "places (key, name)",
    articles:
      "articles (id, webhook_id, content_hash, raw_hash, text, encoding, format, status, extractor_version, title, published, source, received_at, extracted_at)",
    article_places: "article_places (article_id, place_key, name)",
    figures: 'figures (id, article_id, seq, text, start, "end", value, unit, metric, change, kind, sentence, place_key, published)',
    goals: 'goals (id, article_id, seq, text, start, "end", deadline, actor, place_key, published)',
    article_search: "article_search (rowid, title, body, metrics)",
  };
  const out: string[] = [];
  for (const table of ["places", "articles", "article_places", "figures", "goals", "article_search"]) {
    const list = rows[table]!;
    // D1 caps one statement at 100 KB: cut by size as well as by row count.
    let batch: string[] = [];
    let size = 0;
    const flush = () => {
      if (batch.length) out.push(`INSERT INTO ${columns[table]} VALUES ${batch.join(",\n")};`);
      batch = [];
      size = 0;
    };
    for (const row of list) {
      const bytes = Buffer.byteLength(row);
      if (batch.length >= ROWS_PER_INSERT || size + bytes > MAX_STATEMENT_BYTES) flush();
      batch.push(row);
      size += bytes + 2;
    }
    flush();
  }
  out.push("ANALYZE;");
  return { sql: out.join("\n"), figures: figureId, goals: goalId };
}

function sh(args: string[]) {
  execFileSync("npx", args, { cwd: ROOT, env: { ...process.env, CI: "true" }, stdio: ["ignore", "ignore", "inherit"], timeout: 600_000 });
}

async function waitUp(child: ChildProcess): Promise<void> {
  const until = Date.now() + 90_000;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${BASE}/healthz`)).ok) return;
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

async function time(path: () => string, headers: () => Record<string, string> = () => ({}), expect = 200) {
  const ms: number[] = [];
  let bytes = 0;
  for (let i = 0; i < WARMUP + RUNS; i++) {
    const p = path();
    const t0 = performance.now();
    const res = await fetch(`${BASE}${p}`, { headers: headers() });
    const body = await res.arrayBuffer();
    const t1 = performance.now();
    if (res.status !== expect) throw new Error(`${p} → ${res.status} ${new TextDecoder().decode(body).slice(0, 300)}`);
    if (i >= WARMUP) {
      ms.push(t1 - t0);
      bytes += body.byteLength;
    }
  }
  ms.sort((a, b) => a - b);
  return { p50: pct(ms, 50), p95: pct(ms, 95), kb: bytes / RUNS / 1024 };
}

export default async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "jiyao-bench-feed-"));
  let child: ChildProcess | undefined;
  try {
    const t0 = performance.now();
    sh(["wrangler", "d1", "migrations", "apply", "DB", "--local", "--persist-to", dir]);
    const seed = seedSql();
    const file = join(dir, "seed.sql");
    writeFileSync(file, seed.sql);
    sh(["wrangler", "d1", "execute", "DB", "--local", "--persist-to", dir, "--file", file]);
    console.log(
      `seeded ${ARTICLES} articles (${PER_DAY}/day), ${seed.figures} figures, ${seed.goals} goals in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );

    child = spawn(
      "npx",
      ["wrangler", "dev", "--ip", "127.0.0.1", "--port", String(PORT), "--persist-to", dir, "--inspector-port", "0", "--show-interactive-dev-session=false", "--log-level", "warn"],
      { cwd: ROOT, env: { ...process.env, CI: "true", CLOUDFLARE_CF_FETCH_ENABLED: "false" }, stdio: ["ignore", "ignore", "inherit"], detached: true },
    );
    await waitUp(child);

    const rand = rng(12);
    const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)]!;
    const enc = encodeURIComponent;
    const etag = (await fetch(`${BASE}/feed.xml`)).headers.get("etag") ?? "";
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
    for (const [name, path, headers, status] of cases) {
      const r = await time(path, headers, status);
      console.log(`${name.padEnd(34)} ${r.p50.toFixed(1).padStart(8)} ${r.p95.toFixed(1).padStart(8)} ${r.kb.toFixed(1).padStart(8)}`);
    }
  } finally {
    if (child?.pid && child.exitCode === null) {
      const exited = new Promise((r) => child!.once("exit", r));
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {
        // already gone
      }
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    }
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run();

/**
 * `npm run load -- [--posts 10000] [--connections 50] [--readers 50] [--reads 5000]
 *                  [--restart true] [--port 8794] [--catchup-timeout 600] [--keep]`
 *
 * Load and fault proof, loopback only. Builds a snapshot bundle of the Worker (so edits to src/
 * during the run cannot hot-reload it), applies the migrations to a FRESH local D1 in a temporary
 * directory, starts `wrangler dev` on 127.0.0.1:--port with its own secret and admin token, then:
 *
 *  1. posts --posts signed webhooks at --connections concurrent connections: new articles (corpus
 *     text made unique by an inserted place/date/number line), exact replays of an earlier
 *     delivery (same webhook-id, headers and bytes), the same text under a new id (re-wrapped with
 *     CRLF, extra spaces and full-width digits, which the content hash folds), and forged posts (wrong secret, tampered body,
 *     stale timestamp, no signature). A failed delivery (connection refused, 5xx) is retried with
 *     the same webhook-id and bytes, like a real publisher;
 *  2. while the first half is posted, --readers concurrent readers hit the API, feeds and pages
 *     (at most --reads requests; a route answering 404 is skipped with a note);
 *  3. at half-way the Worker is killed (SIGKILL of wrangler and workerd) and started again on the
 *     same persistence directory; queue messages in flight are lost with it (the local queue is in
 *     memory). An exit nobody asked for (a crash, another process killing it) is restarted the
 *     same way and reported as unplanned;
 *  4. waits until every accepted article is `extracted`, triggering the cron handler
 *     (/cdn-cgi/handler/scheduled) every 20 s; the cron re-queues articles stuck in `received`
 *     for more than 5 minutes, so a run with a restart takes at least that long;
 *  5. stops the Worker and checks the database: every accepted post has exactly one row with the
 *     id it was answered with, no extra rows, unique content hashes, every replay and duplicate
 *     answered 200 with the original id, every forged post 401 and stored nothing, every article
 *     `extracted`, one FTS row per article, figures unique per (article, seq).
 *
 * Prints requests/s and p50/p99 latencies and ends with one line
 * `accepted=N lost=N duplicated=N rps=N p99_ms=N`; exits 1 when a check fails.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createHmac, randomBytes } from "node:crypto";
import { createWriteStream, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { decodeBytes } from "../src/ingest/decode.ts";

const { values: opt } = parseArgs({
  options: {
    posts: { type: "string", default: "10000" },
    connections: { type: "string", default: "50" },
    readers: { type: "string", default: "50" },
    reads: { type: "string", default: "5000" },
    restart: { type: "string", default: "true" },
    port: { type: "string", default: "8794" },
    "catchup-timeout": { type: "string", default: "600" },
    keep: { type: "boolean", default: false },
  },
});
const POSTS = Number(opt.posts);
const CONNECTIONS = Number(opt.connections);
const READERS = Number(opt.readers);
const READS = Number(opt.reads);
const RESTART = opt.restart !== "false";
const PORT = Number(opt.port);
const CATCHUP_TIMEOUT_MS = Number(opt["catchup-timeout"]) * 1000;
if (!(POSTS > 0 && CONNECTIONS > 0 && PORT >= 8794 && PORT <= 8799)) {
  console.error("load: --posts and --connections must be positive; --port must be 8794-8799");
  process.exit(2);
}

const ROOT = resolve(import.meta.dirname, "..");
const BIN = join(ROOT, "node_modules", ".bin");
const WRANGLER = join(BIN, "wrangler");
const ORIGIN = `http://127.0.0.1:${PORT}`;
const TMP = mkdtempSync(join(tmpdir(), "jiyao-load-"));
const STATE = join(TMP, "state");
const CONFIG = join(TMP, "wrangler.toml");
const SECRET = `whsec_${randomBytes(32).toString("base64")}`;
const WRONG_SECRET = `whsec_${randomBytes(32).toString("base64")}`;
const ADMIN_TOKEN = randomBytes(16).toString("hex");
const CHILD_ENV = {
  ...process.env,
  PATH: `${BIN}:${process.env.PATH}`,
  WRANGLER_SEND_METRICS: "false",
  CLOUDFLARE_CF_FETCH_ENABLED: "false",
  NO_COLOR: "1",
};
const log = createWriteStream(join(TMP, "wrangler.log"));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const started = Date.now();
const say = (s: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(1).padStart(6)}s] ${s}`);

// ---- the Worker -------------------------------------------------------------------------------

function run(cmd: string, args: string[], extraEnv: Record<string, string> = {}): string {
  const r = spawnSync(cmd, args, { cwd: ROOT, env: { ...CHILD_ENV, ...extraEnv }, encoding: "utf8", maxBuffer: 512 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed (${r.status}):\n${r.stderr}\n${r.stdout}`.slice(0, 4000));
  return r.stdout;
}

/** A snapshot bundle and a config pointing at it, so nobody's edits reload the Worker mid-run. */
function prepare(): void {
  run(WRANGLER, ["deploy", "--dry-run", "--outdir", join(TMP, "dist")]);
  const toml = readFileSync(join(ROOT, "wrangler.toml"), "utf8")
    .replace(/^main\s*=.*$/m, 'main = "dist/index.js"\nno_bundle = true')
    .replace(/^migrations_dir\s*=.*$/m, `migrations_dir = ${JSON.stringify(join(ROOT, "drizzle"))}`);
  writeFileSync(CONFIG, toml);
  run(WRANGLER, ["d1", "migrations", "apply", "DB", "--local", "--persist-to", STATE, "-c", CONFIG], { CI: "true" });
}

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once("error", fail);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => ok(port));
    });
  });
}

let worker: ChildProcess | null = null;
let shuttingDown = false;
let recovering: Promise<void> | null = null;
const unplanned: string[] = [];

async function waitPortFree(): Promise<void> {
  for (let i = 0; i < 100; i++) {
    try {
      await fetch(`${ORIGIN}/healthz`);
    } catch {
      return;
    }
    await sleep(100);
  }
}

async function startWorker(): Promise<void> {
  const inspector = await freePort();
  const args = ["dev", "-c", CONFIG, "--ip", "127.0.0.1", "--port", String(PORT), "--inspector-port", String(inspector),
    "--persist-to", STATE, "--var", `WEBHOOK_SECRETS:${SECRET}`, "--var", `ADMIN_TOKEN:${ADMIN_TOKEN}`,
    "--show-interactive-dev-session=false", "--log-level", "warn"];
  const child = spawn(WRANGLER, args, { cwd: TMP, env: CHILD_ENV, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout!.pipe(log, { end: false });
  child.stderr!.pipe(log, { end: false });
  worker = child;
  // An exit we did not ask for (a crash, or another process killing it) is a fault too: restart
  // on the same state like a supervisor would, and count it.
  child.once("exit", (code, signal) => {
    if (worker !== child || shuttingDown) return;
    unplanned.push(`${code ?? signal} at ${((Date.now() - started) / 1000).toFixed(0)} s`);
    say(`wrangler dev exited unexpectedly (${code ?? signal}); restarting it on the same state`);
    worker = null;
    try {
      process.kill(-child.pid!, "SIGKILL");
    } catch {}
    restarting = true;
    recovering = (async () => {
      await waitPortFree();
      await startWorker();
      restarting = false;
      say("wrangler dev answering again after the unplanned exit");
    })();
  });
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited (${child.exitCode}); see ${join(TMP, "wrangler.log")}`);
    try {
      const r = await fetch(`${ORIGIN}/healthz`);
      if (r.ok) return;
    } catch {}
    if (Date.now() > deadline) throw new Error(`wrangler dev did not answer within 60 s; see ${join(TMP, "wrangler.log")}`);
    await sleep(200);
  }
}

/** Stops wrangler dev and its workerd (the whole process group). */
async function stopWorker(signal: NodeJS.Signals = "SIGTERM"): Promise<void> {
  const child = worker;
  worker = null;
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise<void>((r) => child.once("exit", () => r()));
  try {
    process.kill(-child.pid!, signal);
  } catch {}
  const t = setTimeout(() => {
    try {
      process.kill(-child.pid!, "SIGKILL");
    } catch {}
  }, 10_000);
  await gone;
  clearTimeout(t);
  // workerd may outlive wrangler by a moment: wait until the port is free again.
  await waitPortFree();
}

function killNow(): void {
  if (worker?.pid) {
    try {
      process.kill(-worker.pid, "SIGKILL");
    } catch {}
  }
}
process.on("exit", killNow);
for (const sig of ["SIGINT", "SIGTERM"] as const) process.on(sig, () => process.exit(130));

function d1(sql: string): Record<string, unknown>[] {
  const out = run(WRANGLER, ["d1", "execute", "DB", "--local", "--persist-to", STATE, "-c", CONFIG, "--json", "--command", sql]);
  const parsed = JSON.parse(out) as { results: Record<string, unknown>[] }[];
  return parsed.flatMap((p) => p.results);
}

// ---- the workload -----------------------------------------------------------------------------

const CORPUS = readdirSync(join(ROOT, "test/fixtures/corpus"))
  .filter((f) => f.endsWith(".txt"))
  .sort()
  .map((f) => {
    const d = decodeBytes(new Uint8Array(readFileSync(join(ROOT, "test/fixtures/corpus", f))));
    return d.ok ? d.text : "";
  })
  .filter((t) => t.trim().length > 0);
const PLACES = ["杜集区", "高邮市", "相山区", "烈山区", "濉溪县", "南山区", "福田区", "余杭区", "江宁区", "天河区", "武侯区", "雁塔区"];

type Kind = "new" | "replay" | "duplicate" | "forged";
interface Delivery {
  kind: Kind;
  webhookId: string;
  body: Buffer;
  contentType: string;
  headers: Record<string, string>;
  /** For replays and duplicates: the delivery they repeat. */
  of?: Accepted;
}
interface Accepted {
  webhookId: string;
  id: number;
  body: Buffer;
  contentType: string;
  headers: Record<string, string>;
  text: string;
}
interface Outcome {
  d: Delivery;
  status: number;
  json: Record<string, unknown> | null;
  attempts: number;
}

function sign(secret: string, id: string, ts: number, body: Buffer): string {
  const mac = createHmac("sha256", Buffer.from(secret.replace(/^whsec_/, ""), "base64")).update(`${id}.${ts}.`).update(body).digest("base64");
  return `v1,${mac}`;
}

function signed(webhookId: string, body: Buffer, secret = SECRET, ts = Math.floor(Date.now() / 1000)): Record<string, string> {
  return { "webhook-id": webhookId, "webhook-timestamp": String(ts), "webhook-signature": sign(secret, webhookId, ts, body) };
}

const RUN = randomBytes(4).toString("hex");
let serial = 0;
const accepted: Accepted[] = [];
const texts = new Map<string, string>();

function newArticle(n: number): { text: string; body: Buffer; contentType: string } {
  const base = CORPUS[n % CORPUS.length]!;
  const place = PLACES[n % PLACES.length]!;
  const day = new Date(Date.UTC(2020, 0, 1) + (n % 2000) * 86_400_000).toISOString().slice(0, 10);
  const [y, m, d] = day.split("-").map(Number);
  const line = `${place}融媒体中心${y}年${m}月${d}日讯（第${RUN}-${n}号）`;
  const text = `${line}\n\n${base}`;
  if (n % 3 === 0) {
    return { text, body: Buffer.from(text), contentType: `text/plain; charset=utf-8` };
  }
  const body = Buffer.from(JSON.stringify({ text, title: `${place}动态 ${n}`, place, published: day, source: "负载测试" }));
  return { text, body, contentType: "application/json" };
}

/** The next delivery of the mix: 60% new, 15% replay, 10% duplicate text, 15% forged. */
function nextDelivery(): Delivery {
  const n = serial++;
  const r = (n * 7919) % 100;
  const webhookId = `msg_load_${RUN}_${n}`;
  if (r < 15 && accepted.length) {
    const of = accepted[(n * 31) % accepted.length]!;
    // The exact first delivery (headers and bytes); re-signed only when its timestamp nears the 5-minute window.
    const fresh = Math.floor(Date.now() / 1000) - Number(of.headers["webhook-timestamp"]) < 240;
    return { kind: "replay", webhookId: of.webhookId, body: of.body, contentType: of.contentType, headers: fresh ? of.headers : signed(of.webhookId, of.body), of };
  }
  if (r < 25 && accepted.length) {
    const of = accepted[(n * 17) % accepted.length]!;
    // Same article re-wrapped and re-encoded: CRLF line ends, doubled spaces, full-width digits,
    // all of which the content hash folds (white space runs, NFKC).
    const text = `  ${of.text.replace(/\n/g, "\r\n ").replace(/[0-9]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))}\n\n`;
    const body = Buffer.from(JSON.stringify({ text }));
    return { kind: "duplicate", webhookId, body, contentType: "application/json", headers: signed(webhookId, body), of };
  }
  if (r < 40) {
    const { body, contentType } = newArticle(1_000_000 + n);
    const how = n % 4;
    const headers =
      how === 0 ? signed(webhookId, body, WRONG_SECRET)
      : how === 1 ? signed(webhookId, Buffer.concat([body, Buffer.from(" ")]))
      : how === 2 ? signed(webhookId, body, SECRET, Math.floor(Date.now() / 1000) - 3600)
      : {};
    return { kind: "forged", webhookId, body, contentType, headers };
  }
  const { text, body, contentType } = newArticle(n);
  texts.set(webhookId, text);
  return { kind: "new", webhookId, body, contentType, headers: signed(webhookId, body) };
}

const postLatencies: number[] = [];
let retries = 0;
let failedAttempts = 0;
let gapRetries = 0;
let restarting = false;

/** One delivery, retried like a publisher (same id and bytes, fresh signature) on errors and 5xx. */
async function deliver(d: Delivery): Promise<Outcome> {
  const giveUp = Date.now() + 180_000;
  for (let attempt = 1, wait = 200; ; attempt++, wait = Math.min(wait * 2, 3000)) {
    const headers = attempt === 1 || d.kind === "forged" ? d.headers : signed(d.webhookId, d.body);
    const t0 = performance.now();
    try {
      const res = await fetch(`${ORIGIN}/v1/articles`, { method: "POST", headers: { "content-type": d.contentType, ...headers }, body: d.body });
      const text = await res.text();
      postLatencies.push(performance.now() - t0);
      if (res.status < 500 || Date.now() > giveUp) {
        let json: Record<string, unknown> | null = null;
        try {
          json = JSON.parse(text);
        } catch {}
        return { d, status: res.status, json, attempts: attempt };
      }
      failedAttempts++;
    } catch {
      failedAttempts++;
      if (restarting) gapRetries++;
      if (Date.now() > giveUp) return { d, status: 0, json: null, attempts: attempt };
    }
    retries++;
    await sleep(wait);
  }
}

function pct(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]! : NaN;
}
const ms = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : "n/a");

// ---- read phase -------------------------------------------------------------------------------

const READ_PATHS = ["/v1/figures", "/v1/figures?kind=target&limit=50", "/v1/goals", "/v1/articles", "/v1/articles?q=%E8%B4%A2%E6%94%BF%E6%94%B6%E5%85%A5",
  "/v1/places", "/v1/metrics", "/feed.xml", "/feed.json", "/digest.xml", "/opml.xml", "/"];
const readLatencies = new Map<string, number[]>();
const readErrors = new Map<string, string[]>();
const readError = (path: string, what: string) => readErrors.set(path, [...(readErrors.get(path) ?? []), what]);
let readsDone = 0;
let readersStop = false;

async function reader(paths: string[], i: number): Promise<void> {
  for (let k = i; !readersStop && readsDone < READS; k += READERS) {
    const path = paths[k % paths.length]!;
    readsDone++;
    const t0 = performance.now();
    try {
      const res = await fetch(ORIGIN + path);
      await res.arrayBuffer();
      if (res.status !== 200 && res.status !== 304) readError(path, String(res.status));
      else readLatencies.get(path)!.push(performance.now() - t0);
    } catch (e) {
      readError(path, (e as Error).message);
    }
  }
}

// ---- main ---------------------------------------------------------------------------------------

async function main(): Promise<number> {
  say(`temporary state in ${TMP}; ${POSTS} posts at ${CONNECTIONS} connections, ${READERS} readers, restart=${RESTART}`);
  prepare();
  await startWorker();
  say(`wrangler dev answering on ${ORIGIN} (fresh D1)`);

  const readPaths: string[] = [];
  for (const p of READ_PATHS) {
    const r = await fetch(ORIGIN + p);
    await r.arrayBuffer();
    if (r.status === 404) say(`read phase: ${p} answers 404, skipped (route not there yet)`);
    else if (r.status >= 500) say(`read phase: ${p} answers ${r.status} on an empty database (kept: counted as errors)`);
    if (r.status !== 404) {
      readPaths.push(p);
      readLatencies.set(p, []);
    }
  }

  const outcomes: Outcome[] = [];
  let issued = 0;
  const restartAt = RESTART ? Math.floor(POSTS / 2) : Infinity;
  let restartInfo = "not run (--restart false)";
  let restartPromise: Promise<void> | null = null;
  let readersDone: Promise<unknown> = Promise.resolve();
  const doRestart = async () => {
    // The read phase ends here: readers finish their requests before the Worker goes down.
    readersStop = true;
    await readersDone;
    await recovering;
    restarting = true;
    const t0 = Date.now();
    const before = failedAttempts;
    say(`restart: SIGKILL wrangler dev + workerd at post ${issued}`);
    await stopWorker("SIGKILL");
    await sleep(1000);
    await startWorker();
    restarting = false;
    const gap = (Date.now() - t0) / 1000;
    restartInfo = `Worker down ${gap.toFixed(1)} s; ${failedAttempts - before} failed attempts while down were retried with the same webhook-id`;
    say(`restart: answering again after ${gap.toFixed(1)} s`);
  };

  const t0 = performance.now();
  readersDone = Promise.all(Array.from({ length: readPaths.length ? READERS : 0 }, (_, i) => reader(readPaths, i)));
  const readT0 = performance.now();
  let readT1 = 0;
  readersDone.then(() => (readT1 = performance.now()));
  const posters = Array.from({ length: CONNECTIONS }, async () => {
    while (issued < POSTS) {
      if (issued >= restartAt && !restartPromise) restartPromise = doRestart();
      const d = nextDelivery();
      issued++;
      const o = await deliver(d);
      outcomes.push(o);
      if (d.kind === "new" && (o.status === 201 || (o.status === 200 && o.json?.replay))) {
        accepted.push({ webhookId: d.webhookId, id: Number(o.json!.id), body: d.body, contentType: d.contentType, headers: d.headers, text: texts.get(d.webhookId)! });
      }
      if (outcomes.length % 1000 === 0) say(`${outcomes.length} deliveries answered`);
    }
  });
  await Promise.all(posters);
  const postSeconds = (performance.now() - t0) / 1000;
  if (restartPromise) await restartPromise;
  readersStop = true;
  await readersDone;
  const readSeconds = ((readT1 || performance.now()) - readT0) / 1000;
  say(`post phase done: ${outcomes.length} deliveries in ${postSeconds.toFixed(1)} s`);

  // ---- catch-up: every accepted article extracted -------------------------------------------
  const newOk = outcomes.filter((o) => o.d.kind === "new" && (o.status === 201 || (o.status === 200 && o.json?.replay)));
  const catchT0 = Date.now();
  let lastCron = 0;
  let crons = 0;
  let counts: Record<string, number> = {};
  for (;;) {
    counts = Object.fromEntries(d1("SELECT status, count(*) AS n FROM articles GROUP BY status").map((r) => [r.status as string, Number(r.n)]));
    const pending = (counts.received ?? 0) + (counts.failed ?? 0);
    if (pending === 0) break;
    if (Date.now() - catchT0 > CATCHUP_TIMEOUT_MS) {
      say(`catch-up: gave up after ${CATCHUP_TIMEOUT_MS / 1000} s with ${JSON.stringify(counts)}`);
      break;
    }
    if (Date.now() - lastCron > 20_000) {
      await recovering;
      const r = await fetch(`${ORIGIN}/cdn-cgi/handler/scheduled?cron=${encodeURIComponent("*/5 * * * *")}`).catch(() => new Response(null, { status: 599 }));
      await r.arrayBuffer();
      lastCron = Date.now();
      crons++;
      say(`catch-up: ${JSON.stringify(counts)}; cron triggered (${r.status}); stuck \`received\` articles are re-queued once 5 minutes old`);
    }
    await sleep(3000);
  }
  const catchSeconds = (Date.now() - catchT0) / 1000;
  say(`catch-up: ${JSON.stringify(counts)} after ${catchSeconds.toFixed(1)} s, ${crons} cron trigger(s)`);
  shuttingDown = true;
  await stopWorker("SIGTERM");

  // ---- checks against the database ---------------------------------------------------------
  const rows = d1("SELECT id, webhook_id, content_hash, status FROM articles");
  const byWebhook = new Map(rows.map((r) => [String(r.webhook_id), r]));
  const byId = new Map(rows.map((r) => [Number(r.id), r]));
  const problems: string[] = [];
  const note = (s: string) => problems.length < 30 && problems.push(s);

  let lost = 0;
  let notExtracted = 0;
  const acceptedIds = new Set<number>();
  for (const o of newOk) {
    const id = Number(o.json!.id);
    const row = byWebhook.get(o.d.webhookId);
    if (!row || Number(row.id) !== id) {
      lost++;
      note(`accepted ${o.d.webhookId} as ${id} but the row is ${row ? `id ${row.id}` : "missing"}`);
    } else if (row.status !== "extracted") {
      notExtracted++;
      note(`article ${id} ended ${row.status}`);
    }
    acceptedIds.add(id);
  }
  const newRefused = outcomes.filter((o) => o.d.kind === "new" && !newOk.includes(o));
  for (const o of newRefused) note(`new ${o.d.webhookId} answered ${o.status} ${JSON.stringify(o.json)}`);

  let badReplays = 0;
  let badDuplicates = 0;
  for (const o of outcomes) {
    if (o.d.kind === "replay" && !(o.status === 200 && o.json?.replay === true && o.json.id === o.d.of!.id)) {
      badReplays++;
      note(`replay of ${o.d.webhookId} (id ${o.d.of!.id}) answered ${o.status} ${JSON.stringify(o.json)}`);
    }
    if (o.d.kind === "duplicate" && !(o.status === 200 && o.json?.duplicate_of === o.d.of!.id && !byWebhook.has(o.d.webhookId))) {
      badDuplicates++;
      note(`duplicate text of ${o.d.of!.id} under ${o.d.webhookId} answered ${o.status} ${JSON.stringify(o.json)}`);
    }
  }
  const forged = outcomes.filter((o) => o.d.kind === "forged");
  let forgedStored = 0;
  let forgedNot401 = 0;
  for (const o of forged) {
    if (o.status !== 401) forgedNot401++, note(`forged ${o.d.webhookId} answered ${o.status}`);
    if (byWebhook.has(o.d.webhookId)) forgedStored++, note(`forged ${o.d.webhookId} was stored`);
  }
  const extraRows = rows.filter((r) => !acceptedIds.has(Number(r.id))).length;
  const hashDupes = rows.length - new Set(rows.map((r) => r.content_hash)).size;
  const figureDupes = Number(d1("SELECT count(*) AS n FROM (SELECT article_id, seq FROM figures GROUP BY 1, 2 HAVING count(*) > 1)")[0]!.n);
  const fts = d1("SELECT (SELECT count(*) FROM article_search) AS fts, (SELECT count(*) FROM articles WHERE status = 'extracted') AS extracted");
  const ftsExtra = Number(fts[0]!.fts) - Number(fts[0]!.extracted);
  const figuresTotal = Number(d1("SELECT count(*) AS n FROM figures")[0]!.n);
  const orphanFigures = Number(d1("SELECT count(*) AS n FROM figures WHERE article_id NOT IN (SELECT id FROM articles)")[0]!.n);
  const emptyExtracted = Number(d1("SELECT count(*) AS n FROM articles a WHERE status = 'extracted' AND NOT EXISTS (SELECT 1 FROM figures f WHERE f.article_id = a.id)")[0]!.n);
  const duplicated = extraRows + hashDupes + figureDupes + Math.max(0, ftsExtra) + badDuplicates;
  void byId;

  // ---- report --------------------------------------------------------------------------------
  const byKind = (k: Kind) => outcomes.filter((o) => o.d.kind === k).length;
  const answered = postLatencies.length;
  const rps = outcomes.length / postSeconds;
  console.log("");
  console.log(`posts: ${outcomes.length} deliveries (new ${byKind("new")}, replay ${byKind("replay")}, duplicate text ${byKind("duplicate")}, forged ${byKind("forged")}) in ${postSeconds.toFixed(1)} s at ${CONNECTIONS} connections`);
  console.log(`       ${rps.toFixed(0)} deliveries/s; ${answered} HTTP answers, ${retries} retries (${failedAttempts} failed attempts)`);
  console.log(`       latency p50 ${ms(pct(postLatencies, 50))} ms, p99 ${ms(pct(postLatencies, 99))} ms, max ${ms(Math.max(...postLatencies))} ms`);
  if (READERS > 0 && readsDone > 0) console.log(`reads: ${readsDone} requests by ${READERS} readers in ${readSeconds.toFixed(1)} s while posting (${(readsDone / readSeconds).toFixed(0)}/s)`);
  else console.log("reads: skipped (--readers 0 or --reads 0)");
  for (const p of READERS > 0 && readsDone > 0 ? readPaths : []) {
    const l = readLatencies.get(p)!;
    console.log(`       ${p.padEnd(44)} n=${String(l.length).padStart(5)} p50 ${ms(pct(l, 50)).padStart(7)} ms  p99 ${ms(pct(l, 99)).padStart(7)} ms  errors ${readErrors.get(p)?.length ?? 0}${readErrors.get(p) ? ` (${[...new Set(readErrors.get(p))].join(", ")})` : ""}`);
  }
  console.log(`restart: ${restartInfo}`);
  if (unplanned.length) console.log(`unplanned: wrangler dev exited ${unplanned.length} time(s) without being asked (${unplanned.join("; ")}); restarted on the same state each time`);
  console.log(`catch-up: all accepted articles extracted ${notExtracted ? "NOT " : ""}after ${catchSeconds.toFixed(1)} s (${crons} cron trigger(s)); final ${JSON.stringify(counts)}`);
  console.log(`database: ${rows.length} articles, ${figuresTotal} figures; extra rows ${extraRows}, duplicate content hashes ${hashDupes}, duplicate figures ${figureDupes}, FTS rows beyond articles ${ftsExtra}, orphan figures ${orphanFigures}, extracted without figures ${emptyExtracted}`);
  console.log(`answers: new refused ${newRefused.length}, bad replays ${badReplays}, bad duplicates ${badDuplicates}, forged not 401 ${forgedNot401}, forged stored ${forgedStored}`);
  for (const p of problems) console.log(`  ! ${p}`);
  const ok = lost === 0 && duplicated === 0 && notExtracted === 0 && newRefused.length === 0 && badReplays === 0 && forgedNot401 === 0 && forgedStored === 0 && orphanFigures === 0;
  console.log(`state: ${opt.keep ? TMP : "removed"}; result: ${ok ? "PASS" : "FAIL"}`);
  console.log(`accepted=${newOk.length} lost=${lost + notExtracted} duplicated=${duplicated} rps=${rps.toFixed(0)} p99_ms=${pct(postLatencies, 99).toFixed(0)}`);
  return ok ? 0 : 1;
}

let code = 1;
try {
  code = await main();
} catch (e) {
  console.error("load: failed:", e instanceof Error ? e.message : e);
  console.error(`wrangler log: ${join(TMP, "wrangler.log")}`);
  opt.keep = true;
} finally {
  shuttingDown = true;
  // (assigned inside a callback, which narrowing cannot see)
  await (recovering as Promise<void> | null)?.catch(() => {});
  await stopWorker("SIGTERM").catch(() => killNow());
  log.end();
  if (!opt.keep) rmSync(TMP, { recursive: true, force: true });
}
process.exit(code);

#!/usr/bin/env node
/**
 * Browser test of the pages (npm run test:browser): starts what `npm start` runs on port 8793 with a fresh
 * --persist-to temp dir, posts the seed articles through the signed webhook (`npm run post`),
 * waits until the queue has extracted them, then drives Debian's Chromium via playwright-core:
 *   - the digest (/) lists the articles,
 *   - the article page shows the 12亿元 mark on the right words (财政收入 … 12亿元),
 *   - the metric page draws one bar per place,
 *   - a place's promise scorecard (/places/保定市, from a report pair) shows verdicts and charts,
 *   - the pair's article pages mark the plan's judged targets and the review's outcomes, linked both ways.
 * Screenshots go to test-results/. wrangler is stopped at the end, pass or fail.
 * Prints `N passed, N failed` last and exits non-zero on any failure.
 */
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { chromium } from "playwright-core";

const ROOT = resolve(import.meta.dirname, "../..");
const PORT = Number(process.env.BROWSER_TEST_PORT ?? 8793);
const BASE = `http://127.0.0.1:${PORT}`;
const RESULTS = join(ROOT, "test-results");
const CORPUS = join(ROOT, "test/fixtures/corpus");
/** A report pair (year N with its targets, N+1 reporting them) for the promise scorecard. */
const PAIR = ["保定市_2015.txt", "保定市_2016.txt"].map((f) => join(ROOT, "test/fixtures/promises", f));
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

let passed = 0;
let failed = 0;
const log = (...a) => console.log(...a);

async function check(name, fn) {
  try {
    await fn();
    passed++;
    log(`ok - ${name}`);
  } catch (e) {
    failed++;
    log(`not ok - ${name}\n  ${String(e?.stack ?? e).split("\n").slice(0, 4).join("\n  ")}`);
  }
}

function assert(cond, message) {
  if (!cond) throw new Error(message);
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function freePort() {
  return new Promise((res, rej) => {
    const s = createServer();
    s.once("error", rej);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => res(port));
    });
  });
}

async function waitFor(what, fn, timeoutMs, everyMs = 500) {
  const until = Date.now() + timeoutMs;
  let last;
  while (Date.now() < until) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (e) {
      if (e?.fatal) throw e;
      last = e;
    }
    await sleep(everyMs);
  }
  throw new Error(`timed out waiting for ${what}${last ? `: ${last.message}` : ""}`);
}

const env = { ...process.env, CLOUDFLARE_CF_FETCH_ENABLED: "false", WRANGLER_SEND_METRICS: "false", NO_COLOR: "1", CI: "true" };
const persist = mkdtempSync(join(tmpdir(), "jiyao-browser-"));
let server;
let serverLog = "";
let browser;

async function stopServer() {
  if (!server || server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise((r) => server.once("exit", r));
  try {
    process.kill(-server.pid, "SIGTERM"); // the process group of our own `npm start` only
  } catch {}
  const done = await Promise.race([exited.then(() => true), sleep(8000).then(() => false)]);
  if (!done) {
    try {
      process.kill(-server.pid, "SIGKILL");
    } catch {}
    await Promise.race([exited, sleep(3000)]);
  }
}

async function main() {
  mkdirSync(RESULTS, { recursive: true });

  // Fresh local D1 in the temp dir: migrations first (npm start migrates the default state only).
  const migrate = spawnSync("npx", ["wrangler", "d1", "migrations", "apply", "DB", "--local", "--persist-to", persist], {
    cwd: ROOT,
    env,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
  if (migrate.status !== 0) throw new Error(`migrations failed:\n${migrate.stdout}\n${migrate.stderr}`);

  // What `npm start` does (dev vars, local migrations, wrangler dev), with our port, a fresh
  // --persist-to (npm start always uses the default local state) and a free inspector port.
  const devVars = spawnSync("node", ["scripts/dev-vars.mjs"], { cwd: ROOT, env, encoding: "utf8" });
  if (devVars.status !== 0) throw new Error(`dev-vars failed: ${devVars.stderr}`);
  const inspector = await freePort();
  server = spawn("npx", ["wrangler", "dev", "--ip", "127.0.0.1", "--port", String(PORT), "--persist-to", persist, "--inspector-port", String(inspector)], {
    cwd: ROOT,
    env,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  server.stdout.on("data", (d) => (serverLog += d));
  server.stderr.on("data", (d) => (serverLog += d));
  await waitFor(
    "wrangler dev",
    async () => {
      if (server.exitCode !== null) throw Object.assign(new Error(`wrangler dev exited with ${server.exitCode}`), { fatal: true });
      return (await fetch(`${BASE}/healthz`)).ok;
    },
    90_000,
  );
  log(`# server up on ${BASE} (persist ${persist})`);

  // Post the seed articles through the signed webhook.
  const files = [...readdirSync(CORPUS).filter((f) => f.endsWith(".txt")).sort().map((f) => join(CORPUS, f)), ...PAIR];
  const post = spawnSync("npm", ["run", "--silent", "post", "--", "--url", BASE, ...files], { cwd: ROOT, env, encoding: "utf8" });
  log(post.stdout.trim());
  if (post.status !== 0) throw new Error(`npm run post failed:\n${post.stderr}`);
  const ids = new Map();
  for (const line of post.stdout.trim().split("\n")) {
    const [file, status, id] = line.split("\t");
    if (!/^2\d\d$/.test(status) || !/^\d+$/.test(id)) throw new Error(`post: ${line}`);
    const name = file.split("/").pop();
    ids.set(/^\d{3}_/.test(name) ? name.slice(0, 3) : name, Number(id));
  }
  assert(ids.size === files.length, `expected ${files.length} ids, got ${ids.size}`);

  // Wait until the queue consumer has extracted every article.
  const summaries = new Map();
  await waitFor(
    "extraction",
    async () => {
      for (const [name, id] of ids) {
        if (summaries.has(name)) continue;
        const res = await fetch(`${BASE}/v1/articles/${id}`);
        if (!res.ok) return false;
        const a = await res.json();
        if (a.status === "failed") throw Object.assign(new Error(`article ${id} failed: ${a.error}`), { fatal: true });
        if (a.status === "extracted") summaries.set(name, a);
      }
      return summaries.size === ids.size;
    },
    90_000,
    1000,
  );
  log(`# ${summaries.size} articles extracted`);

  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "zh-CN", javaScriptEnabled: false });
  const page = await context.newPage();

  await check("digest lists the extracted articles, grouped by day and place, with feed links", async () => {
    const res = await page.goto(`${BASE}/`);
    assert(res.status() === 200, `status ${res.status()}`);
    const withRows = [...summaries.values()].filter((a) => a.figures.length + a.goals.length > 0);
    assert(withRows.length >= 3, `only ${withRows.length} articles have figures or goals`);
    for (const a of withRows) {
      const n = await page.locator(`section.day a.article-link[href="/articles/${a.id}"]`).count();
      assert(n >= 1, `article ${a.id} (${a.title}) not listed`);
    }
    const days = await page.locator("section.day").count();
    assert(days >= 1, "no day sections");
    const places = await page.locator("section.day section.place h3").allTextContents();
    assert(places.length >= 2, `places: ${places.join(",")}`);
    assert((await page.locator('link[rel="alternate"][type="application/rss+xml"]').count()) >= 1, "no <link rel=alternate>");
    assert((await page.locator('nav.subscribe a[href="/digest.xml"]').count()) === 1, "no subscribe button");
    // The filter form works without JavaScript.
    await page.selectOption('select[name="kind"]', "target");
    await Promise.all([page.waitForURL(/kind=target/), page.click('form.filters button[type="submit"]')]);
    assert((await page.locator('nav.subscribe a[href*="/digest.xml?kind=target"]').count()) === 1, "filtered feed link missing");
    await page.goto(`${BASE}/`);
    await page.screenshot({ path: join(RESULTS, "digest.png"), fullPage: true });
  });

  await check("article page shows the 12亿元 mark on the right words", async () => {
    const a = summaries.get("001");
    const fig = a.figures.find((f) => f.text === "12亿元");
    assert(fig, "extractor found no 12亿元 in 001");
    const res = await page.goto(`${BASE}/articles/${a.id}`);
    assert(res.status() === 200, `status ${res.status()}`);
    const mark = page.locator(`mark#f-${fig.seq}`);
    await mark.scrollIntoViewIfNeeded();
    assert(await mark.isVisible(), "mark not visible");
    assert((await mark.textContent()) === "12亿元", `mark text ${await mark.textContent()}`);
    const title = await mark.getAttribute("title");
    assert(title.includes(fig.metric ?? "未注明指标"), `title ${title}`);
    const start = Number(await mark.getAttribute("data-start"));
    assert(start === fig.start, `mark at ${start}, figure at ${fig.start}`);
    // The rendered text is the stored text, and the mark sits right after 财政收入.
    const shown = await page.locator(".article-text").textContent();
    assert(shown === a.text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, ""), "rendered text differs from the stored text");
    assert(shown.slice(fig.start, fig.end) === "12亿元", "offsets do not point at 12亿元");
    assert(/财政收入[^。]{0,12}$/.test(shown.slice(Math.max(0, fig.start - 20), fig.start)), `words before: ${shown.slice(fig.start - 20, fig.start)}`);
    const bg = await mark.evaluate((el) => getComputedStyle(el).backgroundColor);
    assert(bg && bg !== "rgba(0, 0, 0, 0)", "mark has no highlight");
    // The summary table links to the mark.
    assert((await page.locator(`aside a[href="#f-${fig.seq}"]`).count()) === 1, "no table link to the mark");
    await page.screenshot({ path: join(RESULTS, "article.png"), fullPage: false });
    await mark.screenshot({ path: join(RESULTS, "article-mark.png") });
  });

  await check("metric page draws one bar per place", async () => {
    const res = await page.goto(`${BASE}/metrics/${encodeURIComponent("项目")}`);
    assert(res.status() === 200, `status ${res.status()}`);
    const groups = page.locator("figure.chart-group");
    const n = await groups.count();
    assert(n >= 1, "no chart");
    let widest = 0;
    for (let i = 0; i < n; i++) {
      const g = groups.nth(i);
      const unit = await g.getAttribute("data-unit");
      const change = await g.getAttribute("data-change");
      const bars = await g.locator("svg rect.bar").evaluateAll((els) => els.map((e) => e.getAttribute("data-place")));
      const rows = await page
        .locator(`table.metric-table tr[data-unit="${unit}"][data-change="${change}"] td.place`)
        .allTextContents();
      const places = new Set(rows);
      assert(bars.length === places.size, `unit ${unit}: ${bars.length} bars for ${places.size} places`);
      assert(new Set(bars).size === bars.length && bars.every((b) => places.has(b)), `unit ${unit}: bars ${bars} vs places ${[...places]}`);
      for (const box of await g.locator("svg rect.bar").evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height))) {
        assert(box > 0, "a bar is not drawn");
      }
      widest = Math.max(widest, bars.length);
    }
    assert(widest >= 2, "no chart compares two or more places");
    await page.screenshot({ path: join(RESULTS, "metric.png"), fullPage: true });
  });

  await checkScorecard(page);
  await checkArticleMarks(page, ids.get("保定市_2015.txt"));
}

async function checkArticleMarks(page, planId) {
  await check("article pages mark judged targets and the outcomes of earlier promises, linked both ways", async () => {
    await page.goto(`${BASE}/places/${encodeURIComponent("保定市")}`);
    const promised = await page.locator('section.period[data-period="2015"] tr[data-verdict]').evaluateAll((els) => els.map((e) => [e.id.replace("promise-", ""), e.getAttribute("data-verdict")]));
    assert(promised.length === 3, `${promised.length} promises for 2015`);
    const res = await page.goto(`${BASE}/articles/${planId}`);
    assert(res.status() === 200, `status ${res.status()}`);
    for (const [id, verdict] of promised) {
      const li = page.locator(`ul.promise-targets li[data-promise="${id}"]`);
      assert((await li.count()) === 1, `promise ${id} not listed on the plan's page`);
      assert((await li.getAttribute("data-verdict")) === verdict, `promise ${id}: ${await li.getAttribute("data-verdict")} ≠ ${verdict}`);
      assert(await li.locator(`.badge.verdict-${verdict}`).isVisible(), `promise ${id}: no visible ${verdict} badge`);
      const mark = page.locator(`mark[data-promise="${id}"]`);
      assert(await mark.isVisible(), `promise ${id}: its target is not marked in the text`);
      const border = await mark.evaluate((el) => getComputedStyle(el).borderBottomStyle);
      assert(border === "dotted", `promise ${id}: the mark is not told apart (${border})`);
    }
    // Plan → outcome: the outcome link lands on the review's marked figure, which links back.
    const [id] = promised.find(([, v]) => v === "missed") ?? promised[0];
    const outcomeLink = page.locator(`ul.promise-targets li[data-promise="${id}"] a.promise-outcome`);
    const href = await outcomeLink.getAttribute("href");
    await Promise.all([page.waitForURL((u) => u.pathname === href.split("#")[0]), outcomeLink.click()]);
    const outcomeMark = page.locator(`mark#${href.split("#")[1]}`);
    assert(await outcomeMark.isVisible(), `no mark at ${href}`);
    assert(((await outcomeMark.getAttribute("data-outcome-of")) ?? "").split(" ").includes(id), `the outcome mark does not name promise ${id}`);
    const back = page.locator(`li#promise-outcome-${id}`);
    assert(await back.locator(".badge").isVisible(), "no verdict badge beside the outcome");
    assert((await back.locator("a.promise-target").getAttribute("href")).startsWith(`/articles/${planId}#f-`), "the outcome does not link its target");
    await page.screenshot({ path: join(RESULTS, "article-outcomes.png"), fullPage: false });
    // Outcome → the promise's scorecard row.
    await Promise.all([page.waitForURL(/\/places\//), back.locator("a.promise-link").click()]);
    assert(await page.locator(`tr#promise-${id}`).isVisible(), `scorecard row of promise ${id} not shown`);
  });
}

async function checkScorecard(page) {
  await check("place scorecard shows each promise's verdict and a target-vs-outcome chart", async () => {
    const res = await page.goto(`${BASE}/places/${encodeURIComponent("保定市")}`);
    assert(res.status() === 200, `status ${res.status()}`);
    const rows = page.locator('section.period[data-period="2015"] tr[data-verdict]');
    const verdicts = (await rows.evaluateAll((els) => els.map((e) => e.getAttribute("data-verdict")))).sort();
    assert(JSON.stringify(verdicts) === JSON.stringify(["met", "met", "missed"]), `2015 verdicts ${verdicts}`);
    for (let i = 0; i < (await rows.count()); i++) {
      const links = rows.nth(i).locator('a[href^="/articles/"]');
      assert((await links.count()) === 2, "a promise row does not link its target and its outcome");
      assert(await rows.nth(i).locator(".badge").isVisible(), "no visible verdict badge");
    }
    const charts = page.locator("figure.chart-group svg.chart");
    assert((await charts.count()) >= 3, `${await charts.count()} charts`);
    const heights = await page.locator("figure.chart-group svg rect.bar").evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height));
    assert(heights.length >= 6 && heights.every((h) => h > 0), `bars ${heights}`);
    // The target link lands on the marked figure in the article.
    const target = rows.first().locator('a[href^="/articles/"]').first();
    const href = await target.getAttribute("href");
    await page.goto(`${BASE}${href}`);
    assert(await page.locator(`mark#${href.split("#")[1]}`).isVisible(), `no mark at ${href}`);
    await page.goto(`${BASE}/places/${encodeURIComponent("保定市")}`);
    await page.screenshot({ path: join(RESULTS, "scorecard.png"), fullPage: true });
  });
}

// Interrupted (Ctrl-C, CI timeout): still stop our wrangler and remove the temp dir.
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.once(signal, async () => {
    log(`# ${signal}: stopping wrangler`);
    if (browser) await browser.close().catch(() => {});
    await stopServer();
    rmSync(persist, { recursive: true, force: true });
    process.exit(130);
  });
}

try {
  await main();
} catch (e) {
  failed++;
  log(`not ok - setup\n  ${String(e?.stack ?? e)}`);
  if (serverLog) log(`# server log (tail):\n${serverLog.slice(-3000)}`);
} finally {
  if (browser) await browser.close().catch(() => {});
  await stopServer();
  rmSync(persist, { recursive: true, force: true });
}
log(`${passed} passed, ${failed} failed`);
process.exit(failed || passed === 0 ? 1 : 0);

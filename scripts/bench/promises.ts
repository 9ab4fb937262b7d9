/**
 * Promise linking cost per article (issue 15) at 50,000 stored articles: a local D1 seeded with
 * synthetic work reports (42 places × 25 years, each article 8 targets for its year and 8
 * reported figures for the year before, their promise rows and coverage), then the real report
 * texts of test/fixtures/promises extracted and linked one by one through the local D1 proxy,
 * as the queue consumer does. Prints, per article, the time to plan the links (D1 reads + the
 * pure linker), the D1 rows those reads scanned (D1's own `rows_read`), the groups relinked and
 * the time of the write batch.
 * `npm run bench -- promises` or `npx tsx scripts/bench/promises.ts`
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { getPlatformProxy } from "wrangler";
import { extract } from "../../src/extract/index.ts";
import { EXTRACTOR_VERSION } from "../../src/extract/index.ts";
import { placeKey } from "../../src/places/index.ts";
import { periodEnd } from "../../src/extract/periodformat.ts";
import { promiseStatements } from "../../src/promises/store.ts";
import { storeSummary } from "../../src/pipeline/store.ts";
import { LocalWorker } from "../lib/dev-server.ts";
import { percentile } from "../lib/stats.ts";
import { picker, PLACES, rng } from "../lib/synthetic.ts";

const ARTICLES = 50_000;
const YEARS = 25;
const FIRST_YEAR = 2001;
const METRICS = ["生产总值", "一般公共预算收入", "固定资产投资", "社会消费品零售总额", "规模以上工业增加值", "居民人均可支配收入", "城镇新增就业", "进出口总值"];
const SAMPLES = "test/fixtures/promises";
/** Each sample text is linked this many times (the first is new, the others re-extractions). */
const ROUNDS = 3;

async function seed(file: string): Promise<{ figures: number; promises: number }> {
  const { DatabaseSync } = await import("node:sqlite");
  const db = new DatabaseSync(file);
  const rand = rng(15);
  const pick = picker(rand);
  const places = [...PLACES, "保定市", "河北省"].map(placeKey);
  const ins = {
    article: db.prepare(
      `INSERT INTO articles (id, webhook_id, content_hash, raw_hash, text, encoding, format, status, extractor_version, title, published, received_at, extracted_at)
       VALUES (?, ?, ?, ?, '', 'utf-8', 'plain', 'extracted', 1, ?, ?, ?, ?)`,
    ),
    figure: db.prepare(
      `INSERT INTO figures (article_id, seq, text, start, "end", value, unit, approx, metric, change, kind, place_key, published)
       VALUES (?, ?, ?, ?, ?, ?, '%', ?, ?, 1, ?, ?, ?)`,
    ),
    link: db.prepare("INSERT INTO promise_figures (article_id, seq, place, period, direction, flow, stock, multi_year) VALUES (?, ?, ?, ?, ?, 0, 0, 0)"),
    coverage: db.prepare("INSERT INTO promise_coverage (place, article_id, reviewed_end, published) VALUES (?, ?, ?, ?)"),
    promise: db.prepare(
      `INSERT INTO promises (target_article_id, target_seq, place, period, period_end, metric, direction, verdict, published, reached_at)
       VALUES (?, ?, ?, ?, ?, ?, 'at_least', ?, ?, 0)`,
    ),
  };
  let figures = 0;
  let promises = 0;
  db.exec("BEGIN");
  for (let id = 1; id <= ARTICLES; id++) {
    const place = pick(places);
    const year = FIRST_YEAR + Math.floor(rand() * YEARS);
    const published = `${year}-01-${String(1 + Math.floor(rand() * 28)).padStart(2, "0")}`;
    ins.article.run(id, `b-${id}`, `b-${id}`, `b-${id}`, `${place}${year}年政府工作报告`, published, id, id);
    ins.coverage.run(place, id, periodEnd(String(year - 1))!, published);
    let seq = 0;
    for (const [kind, period] of [["reported", String(year - 1)], ["target", String(year)]] as const) {
      for (const metric of METRICS) {
        const value = Math.round(rand() * 100) / 10;
        const text = `${value}%`;
        ins.figure.run(id, seq, text, seq * 20, seq * 20 + text.length, value, kind === "target" ? "about" : null, metric, kind, place, published);
        ins.link.run(id, seq, place, period, kind === "target" ? "at_least" : null);
        if (kind === "target") {
          ins.promise.run(id, seq, place, period, periodEnd(period), metric, year === FIRST_YEAR + YEARS - 1 ? "pending" : "met", published);
          promises++;
        }
        seq++;
        figures++;
      }
    }
  }
  db.exec("COMMIT");
  db.exec("ANALYZE");
  db.close();
  return { figures, promises };
}

export default async function run(): Promise<void> {
  const t0 = performance.now();
  const w = LocalWorker.create("jiyao-bench-promises-");
  try {
    const counts = await seed(w.d1File);
    console.log(`seeded ${ARTICLES} articles, ${counts.figures} figures, ${counts.promises} promises in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const proxy = await getPlatformProxy<Env>({ configPath: "wrangler.toml", persist: { path: join(w.dir, "v3") }, remoteBindings: false });
    try {
      const d1 = proxy.env.DB;
      const texts = readdirSync(SAMPLES).filter((f) => f.endsWith(".txt")).sort();
      const plan: number[] = [];
      const write: number[] = [];
      const rows: number[] = [];
      const groups: number[] = [];
      let id = ARTICLES;
      const ids = new Map<string, number>();
      for (let round = 0; round < ROUNDS; round++) {
        for (const name of texts) {
          const text = readFileSync(join(SAMPLES, name), "utf8");
          if (!ids.has(name)) {
            ids.set(name, ++id);
            await d1
              .prepare("INSERT INTO articles (id, webhook_id, content_hash, raw_hash, text, encoding, format, received_at) VALUES (?, ?, ?, ?, ?, 'utf-8', 'plain', 0)")
              .bind(id, `s-${name}`, `s-${name}`, `s-${name}`, text)
              .run();
          }
          const articleId = ids.get(name)!;
          const summary = extract(text);
          // The file name says the place, as a poster's `place` would.
          const mainPlace = placeKey(name.split("_")[0]!);
          const p0 = performance.now();
          const links = await promiseStatements(d1, { id: articleId, text, published: summary.published, mainPlace }, summary, 0);
          const p1 = performance.now();
          await storeSummary(d1, { id: articleId, text, metaTitle: null, metaSource: null, metaPublished: null, metaPlace: name.split("_")[0]! }, summary, EXTRACTOR_VERSION, links.statements);
          const p2 = performance.now();
          if (round > 0) {
            plan.push(p1 - p0);
            write.push(p2 - p1);
            rows.push(links.rowsRead);
            groups.push(links.groups.length);
          }
        }
      }
      for (const xs of [plan, write, rows, groups]) xs.sort((a, b) => a - b);
      const fmt = (xs: number[], digits = 1) => `p50 ${percentile(xs, 50).toFixed(digits)}, p95 ${percentile(xs, 95).toFixed(digits)}, max ${xs[xs.length - 1]!.toFixed(digits)}`;
      console.log(`promise linking per article at ${ARTICLES} stored articles (${texts.length} real reports × ${ROUNDS - 1} re-links after a first pass, local D1 proxy):`);
      console.log(`  plan (D1 reads + pure linker): ${fmt(plan)} ms`);
      console.log(`  D1 rows read: ${fmt(rows, 0)}; (place, period) groups relinked: ${fmt(groups, 0)}`);
      console.log(`  the article's write batch with its links: ${fmt(write)} ms`);
    } finally {
      await proxy.dispose();
    }
  } finally {
    await w.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run();

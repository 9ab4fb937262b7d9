/**
 * npm run promises:score -- [--gold DIR] [--oracle place,period,kind] [--swap] [--json] [--verbose]
 *
 * Scores promise linking on report pairs with gold (default test/fixtures/promises, a copy of
 * ../shared/promises/dev): both reports go through extract() and the linker exactly as the
 * pipeline feeds them, and each gold promise is looked up by its target (value + position inside
 * its target clause). Prints found / outcome right / verdict (strict) right.
 *
 * --oracle replaces extraction output by what the gold's section limits say, to measure what each
 * extraction gap costs: `place` files every figure under the pair's place, `period` gives the
 * target report's plan figures the pair's year and the outcome report's review figures the same
 * year (other figures the years around it), `kind` makes plan figures targets and review figures
 * reported. --swap gives the outcome report the lower article id (posting order must not matter).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { extract } from "../src/extract/index";
import type { Summary } from "../src/extract/types";
import { placeKey } from "../src/places";
import { coverageOf, linkPromises, type LinkArticle, type LinkFigure, type PromiseLink } from "../src/promises/link";
import { linkFiguresOf } from "../src/promises/inputs";
import type { GoldPair } from "../test/promises/gold-shape";


export interface PairScore {
  pair: string;
  promises: number;
  found: number;
  outcomeRight: number;
  verdictRight: number;
  /** Gold promises whose verdict is derived from two levels; of those found, derived value and verdict right; derived where the gold derives none. */
  derivedGold: number;
  derivedRight: number;
  derivedSpurious: number;
  misses: string[];
}

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a), Math.abs(b));

function figuresFor(article: number, text: string, summary: Summary, g: GoldPair, role: "target" | "outcome", oracle: Set<string>): LinkFigure[] {
  const published = summary.published;
  const main = summary.places[0] ? placeKey(summary.places[0].code ?? summary.places[0].name) : null;
  const year = Number(g.period);
  return linkFiguresOf(article, text, summary, published, main).map((f) => {
    const start = summary.figures[f.seq]!.start;
    // The gold's section limit: plan from target_plan_start in the target report, review up to
    // outcome_review_end in the outcome report.
    const inPlan = role === "target" ? start >= g.target_plan_start : start >= g.outcome_review_end;
    const planYear = role === "target" ? year : year + 1;
    return {
      ...f,
      place: oracle.has("place") ? placeKey(g.place) : f.place,
      period: oracle.has("period") ? String(inPlan ? planYear : planYear - 1) : f.period,
      kind: oracle.has("kind") ? (inPlan ? "target" : "reported") : f.kind,
    };
  });
}

export function scorePair(name: string, g: GoldPair, texts: { target: string; outcome: string }, oracle: Set<string>, swap = false): PairScore {
  const ids = swap ? { target: 2, outcome: 1 } : { target: 1, outcome: 2 };
  const ts = extract(texts.target);
  const os = extract(texts.outcome);
  const figures = [...figuresFor(ids.target, texts.target, ts, g, "target", oracle), ...figuresFor(ids.outcome, texts.outcome, os, g, "outcome", oracle)];
  const articles = new Map<number, LinkArticle>([
    [ids.target, { id: ids.target, published: ts.published }],
    [ids.outcome, { id: ids.outcome, published: os.published }],
  ]);
  const links = linkPromises(figures, articles, coverageOf(figures));
  const byRef = new Map(figures.map((f) => [f.ref, f]));
  const summaryOf = (ref: string) => (ref.startsWith(`${ids.target}:`) ? ts : os);
  const startOf = (ref: string) => summaryOf(ref).figures[byRef.get(ref)!.seq]!.start;

  const score: PairScore = { pair: name, promises: g.promises.length, found: 0, outcomeRight: 0, verdictRight: 0, derivedGold: 0, derivedRight: 0, derivedSpurious: 0, misses: [] };
  for (const p of g.promises) {
    const link: PromiseLink | undefined = links.find((l) => {
      const f = byRef.get(l.target)!;
      if (f.article !== ids.target || !close(f.value, p.target_value)) return false;
      const s = startOf(l.target);
      return s >= p.target_index && s < p.target_index + p.target_clause.length;
    });
    const label = `${name} ${p.id} ${p.metric} ${p.target_text}`;
    if (!link) {
      const fig = ts.figures.find((f) => close(f.value, p.target_value) && f.start >= p.target_index && f.start < p.target_index + p.target_clause.length);
      const why = !fig ? "no such figure extracted" : `figure kind=${fig.kind} place=${figures.find((x) => x.article === ids.target && ts.figures[x.seq] === fig)?.place ?? "-"} period=${figures.find((x) => x.article === ids.target && ts.figures[x.seq] === fig)?.period ?? "-"} metric=${fig.metric ?? "-"}`;
      score.misses.push(`${label}: not found (${why})`);
      continue;
    }
    score.found++;
    if (p.verdict_basis === "derived") score.derivedGold++;
    if (p.derived && link.derived) {
      if (close(link.derived.value, p.derived.value) && link.derived_verdict === p.verdict) score.derivedRight++;
      else score.misses.push(`${label}: derived ${link.derived.formula} ${link.derived_verdict} (gold ${p.derived.value} ${p.verdict})`);
    } else if (link.derived) {
      score.derivedSpurious++;
      score.misses.push(`${label}: derived ${link.derived.formula} where the gold derives none`);
    } else if (p.derived) score.misses.push(`${label}: no derived outcome (gold ${p.derived.value} ${p.verdict})`);
    const want = p.verdict_basis === "stated" ? (p.outcome_value ?? null) : null;
    const got = link.outcome ? byRef.get(link.outcome)!.value : null;
    const outcomeOk = want === null ? got === null : got !== null && close(got, want);
    if (outcomeOk) score.outcomeRight++;
    if (link.verdict === p.verdict_strict) score.verdictRight++;
    if (!outcomeOk || link.verdict !== p.verdict_strict) {
      const o = link.outcome ? byRef.get(link.outcome)! : null;
      score.misses.push(`${label}: outcome ${o ? `${o.metric} ${o.text}` : "none"} (gold ${p.outcome_text ?? "none"}${p.verdict_basis !== "stated" ? `, basis ${p.verdict_basis}` : ""}), verdict ${link.verdict} (gold ${p.verdict_strict})`);
    }
  }
  return score;
}

export function scoreDir(dir: string, oracle: Set<string>, swap = false): { pairs: PairScore[]; total: Omit<PairScore, "pair" | "misses"> } {
  const pairs = readdirSync(dir)
    .filter((f) => f.endsWith(".gold.json"))
    .sort()
    .map((f) => {
      const g = JSON.parse(readFileSync(join(dir, f), "utf8")) as GoldPair;
      const texts = { target: readFileSync(join(dir, g.target_report), "utf8"), outcome: readFileSync(join(dir, g.outcome_report), "utf8") };
      return scorePair(f.replace(/\.gold\.json$/, ""), g, texts, oracle, swap);
    });
  const total = { promises: 0, found: 0, outcomeRight: 0, verdictRight: 0, derivedGold: 0, derivedRight: 0, derivedSpurious: 0 };
  for (const p of pairs) {
    total.derivedGold += p.derivedGold;
    total.derivedRight += p.derivedRight;
    total.derivedSpurious += p.derivedSpurious;
    total.promises += p.promises;
    total.found += p.found;
    total.outcomeRight += p.outcomeRight;
    total.verdictRight += p.verdictRight;
  }
  return { pairs, total };
}

const pct = (n: number, d: number) => (d ? ((100 * n) / d).toFixed(1) : "0.0");

function main(argv: string[]): number {
  let dir = "test/fixtures/promises";
  const oracle = new Set<string>();
  let json = false;
  let verbose = false;
  let swap = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--gold") dir = argv[++i] ?? dir;
    else if (a === "--oracle") for (const o of (argv[++i] ?? "").split(",")) oracle.add(o);
    else if (a === "--json") json = true;
    else if (a === "--verbose") verbose = true;
    else if (a === "--swap") swap = true;
    else {
      console.error("usage: npm run promises:score -- [--gold DIR] [--oracle place,period,kind] [--swap] [--json] [--verbose]");
      return 2;
    }
  }
  const { pairs, total } = scoreDir(dir, oracle, swap);
  if (json) {
    console.log(JSON.stringify({ pairs, total }, null, 2));
    return 0;
  }
  for (const p of pairs) {
    console.log(`${p.pair}: ${p.promises} promises, found ${p.found}, outcome right ${p.outcomeRight}, verdict right ${p.verdictRight}`);
    if (verbose) for (const m of p.misses) console.log(`  ${m}`);
  }
  console.log(
    `total${oracle.size ? ` (oracle: ${[...oracle].join(",")})` : ""}: ${total.promises} promises, found ${pct(total.found, total.promises)}%, ` +
      `outcome right ${pct(total.outcomeRight, total.found)}% of found, verdict right ${pct(total.verdictRight, total.found)}% of found ` +
      `(${pct(total.verdictRight, total.promises)}% of all)`,
  );
  console.log(`derived outcomes: ${total.derivedRight} of ${total.derivedGold} found gold derivations right (value and verdict), ${total.derivedSpurious} where the gold derives none`);
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = main(process.argv.slice(2));

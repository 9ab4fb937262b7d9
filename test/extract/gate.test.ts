/**
 * Regression gate: the extractor over the five gold articles must stay at or above the quality
 * bar of issue 4 and at or above the numbers it reaches today (FLOOR). The scoring is written
 * here from ANNOTATION.md's definitions (figure match = same value and same unit or text; metric
 * ok when one contains the other; goal match by containment or bigram Jaccard >= 0.4).
 */
import { describe, expect, it } from "vitest";
import { extract } from "../../src/extract/index";
import type { Figure, Goal, Summary } from "../../src/extract/types";
import { CORPUS, type GoldFigure, type GoldGoal } from "../helpers/corpus";

/** Issue 4's bar. */
const BAR = { figP: 0.95, figR: 0.95, metric: 0.85, kind: 0.95, approx: 0.95, goalR: 0.85, goalP: 0.8, meta: 0.9 };
/** What the extractor reaches now (raise these when it improves). */
// goalP: the first-round gold of 003 keeps two promises per goal (…均迈上百亿台阶,装备制造开票突破280亿元);
// the second-round convention (ANNOTATION.md, issue 12: one goal per promise) splits them, as the
// seventeen-page gate (test/node/gold.test.ts) scores; 27 of the 29 predicted goals match here.
const FLOOR = { figP: 1, figR: 1, metric: 0.93, kind: 1, approx: 1, goalR: 1, goalP: 0.93, meta: 1 };

const sameNumber = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

function pairFigures(gold: GoldFigure[], pred: Figure[]): [GoldFigure, Figure][] {
  const taken = new Set<number>();
  const out: [GoldFigure, Figure][] = [];
  for (const g of gold) {
    const j = pred.findIndex((p, k) => !taken.has(k) && sameNumber(g.value, p.value) && (g.unit === p.unit || g.text === p.text));
    if (j >= 0) {
      taken.add(j);
      out.push([g, pred[j] as Figure]);
    }
  }
  return out;
}

function bigramSet(s: string): Set<string> {
  const t = s.replace(/\s+/g, "");
  const out = new Set<string>();
  for (let i = 0; i + 1 < t.length; i++) out.add(t.slice(i, i + 2));
  return out;
}

function similar(a: string, b: string): boolean {
  if (a.includes(b) || b.includes(a)) return true;
  const A = bigramSet(a);
  const B = bigramSet(b);
  if (!A.size || !B.size) return false;
  let both = 0;
  for (const x of A) if (B.has(x)) both++;
  return both / (A.size + B.size - both) >= 0.4;
}

function goalHits(gold: GoldGoal[], pred: Goal[]): number {
  const taken = new Set<number>();
  let hits = 0;
  for (const g of gold) {
    const j = pred.findIndex((p, k) => !taken.has(k) && similar(g.text, p.text));
    if (j >= 0) {
      taken.add(j);
      hits++;
    }
  }
  return hits;
}

const metricOk = (g?: string, p?: string) => !!g && !!p && (p.includes(g) || (g.includes(p) && p.length >= 2));

function score(): Record<keyof typeof BAR, number> {
  const t = { gold: 0, pred: 0, matched: 0, metric: 0, kind: 0, approx: 0, gg: 0, pg: 0, mg: 0, meta: 0, metaN: 0 };
  for (const { text, gold } of CORPUS) {
    const s: Summary = extract(text);
    const pairs = pairFigures(gold.figures, s.figures);
    t.gold += gold.figures.length;
    t.pred += s.figures.length;
    t.matched += pairs.length;
    for (const [g, p] of pairs) {
      if (metricOk(g.metric, p.metric)) t.metric++;
      if (g.kind === p.kind) t.kind++;
      if ((g.approx ?? null) === (p.approx ?? null)) t.approx++;
    }
    const goals = s.goals.filter((g) => g.figures.length > 0);
    t.gg += gold.goals.length;
    t.pg += goals.length;
    t.mg += goalHits(gold.goals, goals);
    for (const k of ["title", "published", "source"] as const) {
      t.metaN++;
      const gv = gold[k] ?? null;
      const pv = s[k] ?? null;
      if ((gv === null && pv === null) || (gv !== null && pv !== null && String(gv).trim() === String(pv).trim())) t.meta++;
    }
  }
  const r = (a: number, b: number) => (b ? a / b : 1);
  return {
    figP: r(t.matched, t.pred),
    figR: r(t.matched, t.gold),
    metric: r(t.metric, t.matched),
    kind: r(t.kind, t.matched),
    approx: r(t.approx, t.matched),
    goalR: r(t.mg, t.gg),
    goalP: r(t.mg, t.pg),
    meta: r(t.meta, t.metaN),
  };
}

describe("regression gate over the gold corpus", () => {
  const got = score();
  for (const k of Object.keys(BAR) as (keyof typeof BAR)[]) {
    it(`${k} >= max(bar ${BAR[k]}, floor ${FLOOR[k]})`, () => {
      expect(got[k]).toBeGreaterThanOrEqual(Math.max(BAR[k], FLOOR[k]) - 1e-9);
    });
  }

  it("every figure and goal text is the original text at its offsets", () => {
    for (const { text } of CORPUS) {
      const s = extract(text);
      for (const f of s.figures) expect(text.slice(f.start, f.end)).toBe(f.text);
      for (const g of s.goals) expect(text.slice(g.start, g.end)).toBe(g.text);
    }
  });

  it("finds the places of each article", () => {
    const expected: Record<string, string[]> = { "001": ["杜集区"], "002": ["经开区", "徐庄镇"], "003": ["广陵区", "江都区"], "004": ["經開區"] };
    for (const { name, text } of CORPUS) {
      const places = extract(text).places;
      for (const p of expected[name] ?? []) expect(places, name).toContain(p);
    }
  });
});

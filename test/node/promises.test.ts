/**
 * Promise-linking gate over the dev report pairs (test/fixtures/promises, copied from
 * ../shared/promises/dev): both reports of each pair go through extract() and the linker as the
 * pipeline feeds them (scripts/promises-score.ts), scored against the gold. FLOOR holds what
 * main reaches; raise it when a change improves it, never lower it.
 * `oracle` scores the linker alone: place, period and kind taken from the gold's section limits.
 * Run: npx tsx --test test/node/promises.test.ts
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { scoreDir } from "../../scripts/promises-score";

const DIR = "test/fixtures/promises";
/** found: share of gold promises found; outcome, verdict: shares of the found ones right. */
const FLOOR = {
  extracted: { found: 1, outcome: 1, verdict: 1 },
  oracle: { found: 1, outcome: 1, verdict: 1 },
};

function rates(oracle: string[], swap = false) {
  const { total } = scoreDir(DIR, new Set(oracle), swap);
  return { found: total.found / total.promises, outcome: total.outcomeRight / total.found, verdict: total.verdictRight / total.found };
}

test("linking the extractor's output stays at or above the floor", () => {
  const got = rates([]);
  for (const k of ["found", "outcome", "verdict"] as const) assert.ok(got[k] >= FLOOR.extracted[k], `${k} ${got[k].toFixed(3)} < floor ${FLOOR.extracted[k]}`);
});

test("the linker on gold places, periods and kinds stays at or above the floor", () => {
  const got = rates(["place", "period", "kind"]);
  for (const k of ["found", "outcome", "verdict"] as const) assert.ok(got[k] >= FLOOR.oracle[k], `${k} ${got[k].toFixed(3)} < floor ${FLOOR.oracle[k]}`);
});

test("the order the two reports arrive in changes nothing", () => {
  const a = scoreDir(DIR, new Set(["place", "period", "kind"]));
  const b = scoreDir(DIR, new Set(["place", "period", "kind"]), true);
  assert.deepEqual(b.pairs, a.pairs);
});

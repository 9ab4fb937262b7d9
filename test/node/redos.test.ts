/**
 * ReDoS gate (Node only: recheck does not run in workerd). Every RegExp exported by the
 * extractor's rule tables must be reported `safe` by recheck.
 * Run: npx tsx --test test/node/redos.test.ts
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { check } from "recheck";
import { ALL_RULE_PATTERNS } from "../../src/extract/rules/index";

const entries = Object.entries(ALL_RULE_PATTERNS);

test("the rule tables export patterns", () => {
  assert.ok(entries.length >= 40, `only ${entries.length} patterns exported`);
});

for (const [name, re] of entries) {
  test(`recheck: ${name} is safe`, async () => {
    const flags = re.flags.replace(/[gy]/g, "");
    // No wall-clock limit anywhere and a fixed seed, so a loaded machine cannot change the
    // verdict: the overall timeout (default 10 s) would turn into `unknown`, the fuzzer's attack
    // and incubation timeouts (1 s, 250 ms) count a slow run on a busy core as a successful attack
    // (`vulnerable`, seen for safe patterns), and an unseeded fuzzer draws other strings each run.
    // The analysis stays bounded by recheck's step limits (attackLimit, incubationLimit).
    const diag = await check(re.source, flags, { timeout: null, attackTimeout: null, incubationTimeout: null, randomSeed: 0 });
    assert.equal(diag.status, "safe", `${name} /${re.source}/${re.flags}: ${diag.status}${"attack" in diag && diag.attack ? ` attack=${JSON.stringify(diag.attack.pattern)}` : ""}`);
  });
}

/**
 * The extract command line: UTF-8, GBK and Big5 inputs, --out files, bad paths and undecodable
 * files (message on stderr, non-zero exit, other files still processed).
 * Run: npx tsx --test test/node/cli.test.ts
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const run = (args: string[]) => spawnSync("npx", ["tsx", "scripts/extract.ts", ...args], { encoding: "utf8" });

test("writes DIR/NAME.json for each file, decoding GBK and Big5", () => {
  const out = mkdtempSync(join(tmpdir(), "extract-"));
  const r = run(["--out", out, "test/fixtures/corpus/001_0471c23c1b65a733.txt", "test/fixtures/extract/gbk_report.txt", "test/fixtures/extract/big5_traditional.txt"]);
  assert.equal(r.status, 0, r.stderr);
  const s1 = JSON.parse(readFileSync(join(out, "001_0471c23c1b65a733.json"), "utf8"));
  assert.equal(s1.source, "淮北日报");
  assert.equal(s1.figures.length, 54);
  const gbk = JSON.parse(readFileSync(join(out, "gbk_report.json"), "utf8"));
  assert.equal(gbk.title, "全区经济稳步增长");
  assert.equal(gbk.published, "2021-03-02");
  assert.deepEqual(gbk.figures.map((f: { text: string }) => f.text), ["120家", "15%", "2000人"]);
  assert.equal(gbk.goals.length, 1);
  const big5 = JSON.parse(readFileSync(join(out, "big5_traditional.json"), "utf8"));
  assert.equal(big5.source, "某某日報");
  assert.equal(big5.figures.length, 3);
});

test("bad paths and undecodable files: stderr, exit 1, others still written", () => {
  const out = mkdtempSync(join(tmpdir(), "extract-"));
  const r = run(["--out", out, "/nonexistent/x.txt", "test/fixtures/extract/bad_utf16.txt", "test/fixtures/extract/gbk_report.txt"]);
  assert.equal(r.status, 1);
  assert.ok(r.stderr.includes("/nonexistent/x.txt"), r.stderr);
  assert.ok(r.stderr.includes("bad_utf16.txt"), r.stderr);
  assert.ok(existsSync(join(out, "gbk_report.json")));
});

test("without --out prints one JSON summary per file", () => {
  const r = run(["test/fixtures/extract/gbk_report.txt"]);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(JSON.parse(r.stdout).figures.length, 3);
});

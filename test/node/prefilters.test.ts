/**
 * The shortcuts the text-level stages take before a rule (a word every match holds, a label no
 * longer than METADATA_HEAD, `\s` by code unit) must never change a rule's answer. Each is checked
 * on the rule's own examples and on every line of the fixture corpus and reports, so a rule
 * edited without its shortcut fails here.
 * Run: npx tsx --test test/node/prefilters.test.ts
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import {
  PLAN_LEAD,
  PLAN_LEAD_WORDS,
  REPORT_YEAR_EXAMPLES,
  REPORT_YEAR_RE,
  REPORT_YEAR_WORDS,
  BULLETIN_YEAR_EXAMPLES,
  BULLETIN_YEAR_RE,
  BULLETIN_YEAR_WORDS,
  REVIEW_LEAD,
  REVIEW_LEAD_AFTER,
  REVIEW_LEAD_WORDS,
  WORK_REPORT_RE,
  WORK_REPORT_WORDS,
} from "../../src/extract/rules/sections";
import { METADATA_HEAD, METADATA_ROW_RE, SOURCE_RE, SOURCE_WORDS } from "../../src/extract/rules/facts";
import { isSpaceCode } from "../../src/extract/text";

const DIRS = ["test/fixtures/corpus", "test/fixtures/reports"];
const LINES: string[] = DIRS.flatMap((d) =>
  readdirSync(d)
    .filter((f) => f.endsWith(".txt"))
    .flatMap((f) => readFileSync(join(d, f), "utf8").split("\n")),
);

const global = (re: RegExp) => new RegExp(re.source, re.flags.replace(/[gy]/g, "") + "g");
const matches = (re: RegExp, s: string) => [...s.matchAll(global(re))].map((m) => m[0]);

test("the fixture lines are there", () => {
  assert.ok(LINES.length > 500, `only ${LINES.length} lines`);
});

const WORDS: [string, RegExp, readonly string[], string[]][] = [
  ["PLAN_LEAD", PLAN_LEAD.re, PLAN_LEAD_WORDS, PLAN_LEAD.examples],
  ["REVIEW_LEAD", REVIEW_LEAD.re, REVIEW_LEAD_WORDS, REVIEW_LEAD.examples],
  ["WORK_REPORT_RE", WORK_REPORT_RE, WORK_REPORT_WORDS, ["2026年山东省政府工作报告", "在山东省第十四届人民代表大会第四次会议上"]],
  ["REPORT_YEAR_RE", REPORT_YEAR_RE, REPORT_YEAR_WORDS, REPORT_YEAR_EXAMPLES.map((e) => e.in)],
  ["BULLETIN_YEAR_RE", BULLETIN_YEAR_RE, BULLETIN_YEAR_WORDS, BULLETIN_YEAR_EXAMPLES.map((e) => e.in)],
  ["SOURCE_RE", SOURCE_RE, SOURCE_WORDS, ["来源:淮北日报 2020/01/10", "來源：人民網", "稿源: 扬州日报-扬州网", "转自:新华网", "轉自：中央社"]],
];
for (const [name, re, words, examples] of WORDS) {
  test(`every ${name} match holds one of its words`, () => {
    let seen = 0;
    for (const s of [...examples, ...LINES]) {
      for (const m of matches(re, s)) {
        seen++;
        assert.ok(words.some((w) => m.includes(w)), `${name} matched ${JSON.stringify(m)} without ${words.join("/")}`);
      }
    }
    assert.ok(seen >= examples.length, `${name}: ${seen} matches`);
  });
}

test("a review lead starts a paragraph or follows one of REVIEW_LEAD_AFTER", () => {
  for (const s of [...REVIEW_LEAD.examples, ...LINES]) {
    for (const m of s.matchAll(global(REVIEW_LEAD.re))) {
      assert.ok(m.index === 0 || REVIEW_LEAD_AFTER.includes(s[m.index - 1] as string), JSON.stringify(s.slice(Math.max(0, m.index - 5), m.index + 10)));
    }
  }
});

test("every METADATA_ROW_RE label is shorter than METADATA_HEAD", () => {
  const labels = /^\^\((.*)\)$/.exec(METADATA_ROW_RE.source)?.[1]?.split("|") ?? [];
  assert.ok(labels.length > 5, METADATA_ROW_RE.source);
  for (const l of labels) {
    assert.match(l, /^[\u4e00-\u9fff]+$/, `label ${l} is not a plain word`);
    assert.ok(l.length < METADATA_HEAD, l);
  }
});

test("isSpaceCode is a regex's \\s and what trim() removes, for every code unit", () => {
  for (let c = 0; c < 65536; c++) {
    const ch = String.fromCharCode(c);
    assert.equal(isSpaceCode(c), /\s/.test(ch), `U+${c.toString(16)}`);
    assert.equal(isSpaceCode(c), ch.trim() === "", `U+${c.toString(16)} trim`);
  }
});

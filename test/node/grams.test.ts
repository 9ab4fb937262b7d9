/**
 * The keyword index's grams (src/db/grams.ts): bigrams of letters and digits only, ASCII folded,
 * astral characters whole, and a text as large as D1 stores spread over the index columns within
 * D1's 2,000,000-byte limit per value, every gram kept.
 * Run: npx tsx --test test/node/grams.test.ts
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { gramColumns, grams } from "../../src/db/grams.ts";

test("bigrams inside runs of letters and digits, none across punctuation or space", () => {
  assert.deepEqual(grams("财政收入，增长5%").sort(), ["增长", "收入", "政收", "财政", "长5"].sort());
  assert.deepEqual(grams("GDP 5.3").sort(), ["dp", "gd"]);
  assert.deepEqual(grams("一"), []);
  assert.deepEqual(grams("𠀀𠀁中").sort(), ["𠀀𠀁", "𠀁中"].sort());
  assert.deepEqual(grams("财政财政").sort(), ["财政", "政财"].sort());
});

test("one row's columns hold the grams of the title and the text once each", () => {
  const [g1, g2, g3] = gramColumns(["财政 收入", "财政收入增长"], 3);
  assert.deepEqual(g1!.split(" ").sort(), ["增长", "收入", "政收", "财政", "入增"].sort());
  assert.equal(g2, "");
  assert.equal(g3, "");
});

test("a text of D1's largest size, every gram distinct, fits three columns under the value limit", () => {
  // 640,000 CJK characters (1.92 MB of UTF-8) whose adjacent pairs are all distinct.
  const chars: string[] = [];
  for (let i = 0; chars.length < 640_000; i++) chars.push(String.fromCodePoint(0x4e00 + (i % 800)), String.fromCodePoint(0x4e00 + 800 + Math.floor(i / 800)));
  const text = chars.join("");
  const columns = gramColumns([text], 3);
  const bytes = columns.map((c) => new TextEncoder().encode(c).length);
  for (const b of bytes) assert.ok(b <= 2_000_000, `${b} bytes`);
  const all = columns.flatMap((c) => (c ? c.split(" ") : []));
  assert.equal(new Set(all).size, all.length);
  assert.equal(all.length, new Set(grams(text)).size);
  assert.throws(() => gramColumns([text], 1), /do not fit 1 index columns/);
});

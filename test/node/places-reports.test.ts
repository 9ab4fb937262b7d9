/**
 * Places over real government work reports (issue 12's bar): extraction never fails, every place
 * of every summary and every figure's place is a division of the gazetteer (or a village or zone
 * filed under one), and a report whose file name names a place has that place first.
 * Runs over test/fixtures/reports (short excerpts of ../shared/reports, so CI has them) and over
 * ../shared/reports itself when that folder is beside the repository.
 * Run: npx tsx --test test/node/places-reports.test.ts
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { extract } from "../../src/extract/index";
import { gazetteer } from "../../src/places/gazetteer";

const g = gazetteer();
const divisionNames = new Set(g.divisions.map((d) => d.name));
const keys = new Set(g.divisions.map((d) => d.key));

/** The place a file name names: 2026_山东省_政府工作报告.txt, 保定市_2003_report.txt. */
function namedPlace(file: string): string | undefined {
  return file.split(/[_.]/).find((part) => divisionNames.has(part));
}

function check(dir: string): void {
  const files = readdirSync(dir).filter((f) => f.endsWith(".txt"));
  assert.ok(files.length > 0, `no reports in ${dir}`);
  const problems: string[] = [];
  for (const f of files) {
    const s = extract(readFileSync(join(dir, f), "utf8"));
    for (const e of s.errors) problems.push(`${f}: ${e.stage} failed: ${e.message}`);
    for (const p of s.places) {
      const ok = p.code ? keys.has(p.code) && divisionNames.has(p.name) : !!p.parent_code && keys.has(p.parent_code);
      if (!ok) problems.push(`${f}: place ${JSON.stringify(p)} is not a division nor under one`);
    }
    for (const fig of s.figures) {
      if (fig.place === undefined) continue;
      if (!(fig.place_code ? keys.has(fig.place_code) : s.places.some((p) => p.name === fig.place && p.parent_code)))
        problems.push(`${f}: figure ${fig.text} has place ${fig.place} (${fig.place_code})`);
    }
    const named = namedPlace(f);
    if (named && s.places[0]?.name !== named) problems.push(`${f}: primary place ${s.places[0]?.name} is not ${named}`);
  }
  assert.deepEqual(problems, []);
}

test("places over the report excerpts in the fixtures", () => check("test/fixtures/reports"));

const SHARED = "../shared/reports";
test("places over every shared report", { skip: existsSync(SHARED) ? false : `${SHARED} is absent (CI clones only the repository)` }, () => check(SHARED));

/**
 * Properties over random and mutated corpus text: extract never throws and no stage fails, every figure and goal
 * text is the original substring at its offsets, every value is finite, value <= value_max.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { extract } from "../../src/extract/index";
import type { Summary } from "../../src/extract/types";
import { CORPUS } from "../helpers/corpus";

function check(text: string, s: Summary): void {
  for (const f of s.figures) {
    if (text.slice(f.start, f.end) !== f.text) throw new Error(`figure text ${JSON.stringify(f.text)} != slice at ${f.start}`);
    if (!Number.isFinite(f.value)) throw new Error(`value ${f.value}`);
    if (f.value_max !== undefined && !(Number.isFinite(f.value_max) && f.value <= f.value_max)) throw new Error(`range ${f.value}..${f.value_max}`);
    if (f.sentence !== undefined && !text.includes(f.sentence)) throw new Error("sentence not verbatim");
  }
  for (const g of s.goals) {
    if (text.slice(g.start, g.end) !== g.text) throw new Error(`goal text ${JSON.stringify(g.text)} != slice`);
  }
  if (!Array.isArray(s.warnings) || !Array.isArray(s.places)) throw new Error("shape");
  // No stage may fail on any input (a failure is not a warning: the pipeline fails the article).
  if (s.errors.length) throw new Error(`stage failed: ${JSON.stringify(s.errors)}`);
}

/** Pieces that exercise the rules: numerals, units, markers, brackets, quotes, noise. */
const PIECES = [
  "12", "1,100", "3.5", "万", "亿", "萬", "億", "两", "一千", "百亿", "七八十", "3-5", "2～3", "10至15",
  "个", "家", "元", "万元", "亿元", "%", "％", "个百分点", "余", "多", "以上", "以内", "左右", "不少于", "突破", "约",
  "力争", "确保", "将", "要", "计划", "年内", "每年", "到2025年", "“十四五”期末", "预计全年", "同比增长",
  "(jīng)", "(men)", "(2022—2025)", "(区)", "(", ")", "“", "”", "、", ",", "，", "。", ";", "\n", " ", "\u3000",
  "來源:", "来源:淮北日报 2020/01/10", "责任编辑:", "10阅读", "0514-87863284", "經", "區", "項", "戶", "畝",
  "𠮶", "\ud800", "\udc00", "街道", "区", "县", "市", "镇", "第", "前", "强", "号", "级",
];

const pieceText = fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }).map((xs) => xs.join(""));

describe("extract properties", { timeout: 60_000 }, () => {
  it("holds on arbitrary strings", () => {
    fc.assert(fc.property(fc.string({ maxLength: 300, unit: "grapheme" }), (s) => check(s, extract(s))), { numRuns: 300 });
    fc.assert(fc.property(fc.string({ maxLength: 200, unit: "binary" }), (s) => check(s, extract(s))), { numRuns: 300 });
  });

  it("holds on strings built from rule pieces", () => {
    fc.assert(fc.property(pieceText, (s) => check(s, extract(s))), { numRuns: 1000 });
  });

  it("holds on mutated corpus text", () => {
    const texts = CORPUS.map((c) => c.text);
    const mutated = fc
      .tuple(
        fc.constantFrom(...texts),
        fc.array(fc.tuple(fc.nat(), fc.nat({ max: 40 }), fc.oneof(pieceText, fc.string({ maxLength: 8 }))), { maxLength: 8 }),
      )
      .map(([t, edits]) => {
        let s = t;
        for (const [at, del, ins] of edits) {
          const i = at % (s.length + 1);
          s = s.slice(0, i) + ins + s.slice(i + del);
        }
        return s;
      });
    fc.assert(fc.property(mutated, (s) => check(s, extract(s))), { numRuns: 150 });
  });

  it("never throws on odd input", () => {
    const odd: unknown[] = ["", " ", "\n".repeat(1000), "9".repeat(5000), "万亿".repeat(3000), "經(".repeat(2000), null, undefined, 42];
    for (const x of odd) expect(() => extract(x as string)).not.toThrow();
    for (const x of odd.filter((o) => typeof o === "string")) expect(extract(x as string).errors).toEqual([]);
    expect(extract(null as unknown as string).errors).toEqual([{ stage: "input", message: "input is not a string" }]);
  });
});

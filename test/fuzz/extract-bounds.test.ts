/**
 * The extractor on adversarial text, without a clock: random mixes of the tokens its rules react
 * to around a figure, repeated to 16k and 64k characters. The 16k text is both a prefix and a
 * suffix of the 64k one, so an extractor whose every decision reads a bounded window finds the
 * same shapes in both: the longest figure, figure sentence and goal may not grow with the input
 * (a span that does is an unbounded scan, the shape of a superlinear rule), the figure and goal
 * counts grow at most with it (and stop at MAX_FIGURES), and the output is the same on every call
 * (no state carried between calls, e.g. a module-scope /g regex's lastIndex). All deterministic:
 * nothing here depends on how fast the machine is. How long such mixes take (256k against 32k,
 * which a quadratic rule makes 64x) is measured by `npm run bench -- extract`, never in a test.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { extract } from "../../src/extract";
import { MAX_FIGURES } from "../../src/extract/figures";
import { runs } from "./common";
import { repeatUnit, ruleMix } from "./tokens";

const longest = (xs: string[]) => xs.reduce((m, x) => Math.max(m, x.length), 0);

function shape(text: string) {
  const s = extract(text);
  return {
    summary: s,
    figure: longest(s.figures.map((f) => f.text)),
    sentence: longest(s.figures.map((f) => f.sentence ?? "")),
    goal: longest(s.goals.map((g) => g.text)),
    figures: s.figures.length,
    goals: s.goals.length,
  };
}

describe("hostile input: extractor output is bounded", () => {
  it("on random mixes of rule tokens, spans do not grow with the input, counts grow at most with it, output is the same every call", () => {
    fc.assert(
      fc.property(ruleMix, (unit) => {
        const small = shape(repeatUnit(unit, 16_000));
        const large = shape(repeatUnit(unit, 64_000));
        const what = `unit ${JSON.stringify(unit)}`;
        expect(large.figure, `${what}: longest figure`).toBeLessThanOrEqual(small.figure);
        expect(large.sentence, `${what}: longest figure sentence`).toBeLessThanOrEqual(small.sentence);
        expect(large.goal, `${what}: longest goal`).toBeLessThanOrEqual(small.goal);
        // Four times the text: at most four times the rows (plus the two ends), never past the cap.
        expect(large.figures, `${what}: figures`).toBeLessThanOrEqual(Math.min(MAX_FIGURES, 4 * small.figures + 8));
        expect(large.goals, `${what}: goals`).toBeLessThanOrEqual(Math.min(MAX_FIGURES, 4 * small.goals + 8));
        // Pure: the same text gives the same summary, after another text was extracted in between.
        expect(extract(repeatUnit(unit, 16_000)), `${what}: second call`).toEqual(small.summary);
      }),
      { numRuns: Math.min(runs(20), 100) },
    );
  });
});

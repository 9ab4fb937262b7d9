import { describe, expect, it } from "vitest";
import { segments } from "../../src/pages/highlight";

const join = (segs: { text: string }[]) => segs.map((s) => s.text).join("");

describe("segments", () => {
  it("keeps the text whole and marks figures inside goals", () => {
    const text = "今年完成投资12亿元，新增企业20家。";
    const segs = segments(text, [{ seq: 0, start: 6, end: 10 }, { seq: 1, start: 15, end: 18 }], [{ seq: 0, start: 0, end: 18 }]);
    expect(join(segs)).toBe(text);
    expect(segs.filter((s) => s.figure !== null).map((s) => s.text)).toEqual(["12亿元", "20家"]);
    expect(segs.find((s) => s.figure === 0)!.goals).toEqual([0]);
    expect(segs[0]!.goalStarts).toEqual([0]);
  });

  it("never splits a figure: a goal boundary inside it moves to its edge; overlapping figures are clipped", () => {
    const text = "甲乙丙丁戊己庚辛";
    const segs = segments(text, [{ seq: 0, start: 2, end: 5 }, { seq: 1, start: 3, end: 7 }, { seq: 2, start: 3, end: 4 }], [
      { seq: 0, start: 0, end: 3 },
      { seq: 1, start: 4, end: 8 },
    ]);
    expect(join(segs)).toBe(text);
    const f0 = segs.find((s) => s.figure === 0)!;
    expect(f0.text).toBe("丙丁戊");
    expect(f0.goals).toEqual([0, 1]);
    expect(segs.find((s) => s.figure === 1)!.text).toBe("己庚");
    expect(segs.some((s) => s.figure === 2)).toBe(false);
  });

  it("ignores out-of-range spans and never cuts a surrogate pair", () => {
    const text = "𠮶餸12亿元";
    const segs = segments(text, [{ seq: 0, start: 1, end: 3 }, { seq: 1, start: 50, end: 60 }, { seq: 2, start: 3, end: 2 }], []);
    expect(join(segs)).toBe(text);
    expect(segs.find((s) => s.figure === 0)!.text).toBe("𠮶餸");
    expect(segments("", [{ seq: 0, start: 0, end: 1 }], [])).toEqual([]);
  });
});

/**
 * Splits an article's text into segments for highlighting its figures and goals in place.
 * Offsets are UTF-16 indexes into the stored text (as `String.prototype.slice` uses them).
 *
 * Overlaps: figures are atomic (a figure is never split; a figure overlapping an earlier one is
 * clipped to what is left, or left out of the text when nothing is). Goals may overlap each other
 * and figures: a goal boundary falling inside a figure moves to the figure's edge, and a goal is
 * drawn as one or more consecutive segments, each wrapped in its own goal mark.
 */

export interface Span {
  seq: number;
  start: number;
  end: number;
}

export interface Segment {
  text: string;
  start: number;
  end: number;
  /** The figure this segment is (the whole figure), if any. */
  figure: number | null;
  /** Goals (seq) covering the segment, in order. */
  goals: number[];
  /** Goals (seq) that start at this segment (for anchors). */
  goalStarts: number[];
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;

/** A valid span inside the text (integer, in range, not splitting a surrogate pair) or null. */
function clampSpan(text: string, s: Span): Span | null {
  if (!Number.isInteger(s.start) || !Number.isInteger(s.end)) return null;
  let start = Math.max(0, Math.min(s.start, text.length));
  let end = Math.max(0, Math.min(s.end, text.length));
  if (start > 0 && isHigh(text.charCodeAt(start - 1)) && start < text.length && !isHigh(text.charCodeAt(start))) start -= 1;
  if (end > 0 && end < text.length && isHigh(text.charCodeAt(end - 1))) end += 1;
  return end > start ? { seq: s.seq, start, end } : null;
}

export function segments(text: string, figureSpans: Span[], goalSpans: Span[]): Segment[] {
  // Figures: sorted, non-overlapping.
  const figs: Span[] = [];
  for (const raw of [...figureSpans].sort((a, b) => a.start - b.start || a.end - b.end)) {
    const s = clampSpan(text, raw);
    if (!s) continue;
    const prev = figs[figs.length - 1];
    if (prev && s.start < prev.end) {
      if (s.end <= prev.end) continue;
      s.start = prev.end;
    }
    figs.push(s);
  }
  const inside = (pos: number) => figs.find((f) => f.start < pos && pos < f.end);
  const goals: Span[] = [];
  for (const raw of goalSpans) {
    const s = clampSpan(text, raw);
    if (!s) continue;
    const a = inside(s.start);
    if (a) s.start = a.start;
    const b = inside(s.end);
    if (b) s.end = b.end;
    goals.push(s);
  }
  const cuts = new Set<number>([0, text.length]);
  for (const s of [...figs, ...goals]) {
    cuts.add(s.start);
    cuts.add(s.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    const fig = figs.find((f) => f.start === start && f.end === end) ?? null;
    const covering = goals.filter((g) => g.start <= start && end <= g.end);
    out.push({
      text: text.slice(start, end),
      start,
      end,
      figure: fig ? fig.seq : null,
      goals: covering.map((g) => g.seq),
      goalStarts: covering.filter((g) => g.start === start).map((g) => g.seq),
    });
  }
  return out;
}

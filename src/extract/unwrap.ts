/**
 * Hard line wraps joined: a text copied out of a PDF or a fixed-width page breaks every line at
 * the same width, mid-sentence and mid-figure (…年均增长 / 10%以上). Left so, a figure's clause, its
 * metric and its plan section are cut at the wrap, and a line that ends without punctuation looks
 * like a heading. A wrapped text is recognised by its lines: many of them fill one width (in
 * display columns: a CJK character takes two, a digit or Latin letter one) and end without a
 * sentence end. Each such full line is joined to the next unless the next is blank or opens a
 * numbered heading (HEADING_FORMS). A text whose lines are paragraphs is returned as it is.
 */
import { applyEdits, type Edited } from "./edits";
import { HEADING_FORMS } from "./rules/sections";
import { LINE_END_MARKS, MIN_WRAPPED_LINES, MIN_WRAP_SHARE, MIN_WRAP_WIDTH, WRAP_SLACK } from "./rules/noise";

/** Average line length (UTF-16 units) above which a text cannot be hard-wrapped: no need to look. */
const MAX_WRAPPED_AVERAGE = 120;

const ENDS = new Set(Array.from(LINE_END_MARKS, (c) => c.charCodeAt(0)));

/** Display columns: two for CJK and full-width forms, one for the rest. */
function columns(s: string, from: number, to: number): number {
  let w = 0;
  for (let i = from; i < to; i++) w += s.charCodeAt(i) >= 0x2e80 ? 2 : 1;
  return w;
}

const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0d || c === 0x3000 || c === 0xa0;

interface WrapLine {
  start: number;
  /** Start of the line's text (leading white space excluded). */
  first: number;
  /** End of the line's text (trailing white space excluded); the line break is at or after it. */
  end: number;
  /** Index of the line break after the line (s.length for the last line). */
  br: number;
  width: number;
}

/** Calls `f` with each non-blank line: its start, text start and end (white space trimmed), and its line break. */
function forEachLine(s: string, f: (start: number, first: number, end: number, br: number) => void): void {
  for (let start = 0; start <= s.length; ) {
    const nl = s.indexOf("\n", start);
    const br = nl === -1 ? s.length : nl;
    let end = br;
    while (end > start && isSpace(s.charCodeAt(end - 1))) end--;
    let first = start;
    while (first < end && isSpace(s.charCodeAt(first))) first++;
    if (end > first) f(start, first, end, br);
    if (nl === -1) break;
    start = nl + 1;
  }
}

/** Long enough to fill a wrap width (a UTF-16 unit takes at most two columns) and open at the end. */
const isOpen = (s: string, start: number, end: number) => 2 * (end - start) >= MIN_WRAP_WIDTH && !ENDS.has(s.charCodeAt(end - 1));

/** Enough lines could be full for the text to be wrapped. */
function enoughOpenLines(s: string): boolean {
  let lines = 0;
  let open = 0;
  forEachLine(s, (start, _first, end) => {
    lines++;
    if (isOpen(s, start, end)) open++;
  });
  return open >= MIN_WRAPPED_LINES && open >= MIN_WRAP_SHARE * lines;
}

export function unwrapLines(s: string): Edited {
  // Too few lines, or too long on average: counted only until there are enough (more breaks
  // never make a text fail this test again), not over the whole text.
  const tooFew = (breaks: number) => breaks < MIN_WRAPPED_LINES || s.length / (breaks + 1) > MAX_WRAPPED_AVERAGE;
  let breaks = 0;
  for (let i = s.indexOf("\n"); i !== -1 && tooFew(breaks); i = s.indexOf("\n", i + 1)) breaks++;
  if (tooFew(breaks)) return { text: s, map: null };

  // Lines, and which of them could be full: long enough and open at the end. A first pass only
  // counts them (most texts stop there, having allocated nothing and read no character's width).
  if (!enoughOpenLines(s)) return { text: s, map: null };
  const lines: WrapLine[] = [];
  const open: WrapLine[] = [];
  forEachLine(s, (start, first, end, br) => {
    const l: WrapLine = { start, first, end, br, width: 0 };
    lines.push(l);
    if (isOpen(s, start, end)) open.push(l);
  });
  for (const l of open) l.width = columns(s, l.start, l.end);
  // The wrap width: the width whose band (it and the WRAP_SLACK columns below) holds the most
  // open lines; the widest such band on a tie.
  const counts = new Map<number, number>();
  for (const l of open) if (l.width >= MIN_WRAP_WIDTH) counts.set(l.width, (counts.get(l.width) ?? 0) + 1);
  let width = 0;
  let best = 0;
  for (const w of counts.keys()) {
    let c = 0;
    for (let d = 0; d <= WRAP_SLACK; d++) c += counts.get(w - d) ?? 0;
    if (c > best || (c === best && w > width)) [width, best] = [w, c];
  }
  if (best < MIN_WRAPPED_LINES || best < MIN_WRAP_SHARE * lines.length) return { text: s, map: null };
  const full = (l: WrapLine) => l.width >= width - WRAP_SLACK && l.width <= width && !ENDS.has(s.charCodeAt(l.end - 1));

  const edits: number[] = [];
  for (let k = 0; k + 1 < lines.length; k++) {
    const l = lines[k] as WrapLine;
    const next = lines[k + 1] as WrapLine;
    // Joined only to the very next line (no blank line between) that does not open a heading.
    if (!full(l) || l.br === s.length || next.start !== l.br + 1) continue;
    const head = s.slice(next.first, Math.min(next.end, next.first + 8));
    if (HEADING_FORMS.some((f) => f.re.test(head))) continue;
    edits.push(l.end, next.first, -1);
  }
  return applyEdits(s, edits);
}

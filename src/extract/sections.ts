/**
 * Stage: sections. Finds the headings of a document (一、 (一) 1. 第一, 第X部分, short unnumbered
 * lines), their level and scope (until a heading of the same or a higher level), and whether each
 * stretch of text is a plan (figures are targets), a review (figures are reported) or neither
 * (sentence cues alone decide). Leads inside a paragraph (主要预期目标为:, 过去一年,) switch the
 * innermost open section. Each stretch also carries the section's period (三、2026年工作安排 ->
 * 2026; 一、过去五年工作回顾 -> the five reviewed years).
 *
 * `headingOf` is the one answer to "is this line a heading?" for every stage.
 */
import type { Normalised } from "./normalise";
import {
  HEADING_FORMS,
  PART_LEVEL,
  PLAIN_LEVEL,
  ANNEX_LINE_RE,
  MAX_PLAIN_HEADING,
  MAX_HEADING,
  PLAIN_HEADING_RE,
  PLAN_HEADING,
  REVIEW_HEADING,
  PLAN_HEADING_WEAK,
  REVIEW_HEADING_WEAK,
  IMPERATIVE_HEADING,
  RESULT_HEADING,
  PLAN_LEAD,
  PLAN_LEAD_WORDS,
  REVIEW_LEAD_AT,
  REVIEW_LEAD_AFTER,
  REVIEW_LEAD_WORDS,
  REPORT_YEAR_RE,
  REPORT_YEAR_WORDS,
  BULLETIN_YEAR_RE,
  BULLETIN_YEAR_WORDS,
  WORK_REPORT_RE,
  WORK_REPORT_WORDS,
} from "./rules/sections";
import { timeIn, type Period } from "./timewords";
import { edges, filtered, firstChars } from "./scan";
import { isIdeograph } from "./text";

/**
 * By code unit, bit k: HEADING_FORMS[k] can open with it (every form is anchored at the line's
 * start; the characters are read from its source, scan.ts edges). One lookup of a line's first
 * character picks the forms to try: most lines open with none of them.
 */
const HEADING_OPEN = new Uint8Array(65536);
if (HEADING_FORMS.length > 8) throw new RangeError("HEADING_OPEN holds the bits of at most 8 heading forms");
HEADING_FORMS.forEach((f, k) => {
  const first = edges(f.re).first;
  for (let c = 0; c < 65536; c++) if (!first || first[c]) HEADING_OPEN[c] = (HEADING_OPEN[c] as number) | (1 << k);
});
// The other line rules behind their character filters (scan.ts): an anchored rule runs only on a
// line that opens with a character it can start with, the others only where a needed character occurs.
const ANNEX_LINE = filtered(ANNEX_LINE_RE);
const PLAIN_HEADING = filtered(PLAIN_HEADING_RE);

const holdsAny = (s: string, words: readonly string[]) => words.some((w) => s.includes(w));

export type Mode = "plan" | "review" | null;

export interface Heading {
  /** The heading's words (without its number), within the body text. */
  start: number;
  end: number;
  level: number;
}

/**
 * The heading a line opens, if any: a numbered form (its words run to the first sentence end,
 * so run-in headings such as (一)经济增长迈出坚实步伐。抓好… count) or a short unnumbered line
 * without sentence punctuation. `line` is the trimmed line text; offsets are within it.
 */
export function headingOf(line: string): { level: number; start: number; end: number } | null {
  const forms = HEADING_OPEN[line.charCodeAt(0)] ?? 0;
  for (let k = 0; forms >> k; k++) {
    if (!((forms >> k) & 1)) continue;
    const form = HEADING_FORMS[k] as (typeof HEADING_FORMS)[number];
    const m = form.re.exec(line);
    if (!m) continue;
    const start = m[0].length;
    let end = start;
    const max = Math.min(line.length, start + MAX_HEADING);
    while (end < max && !isStop(line.charCodeAt(end))) end++;
    if (end === start) return null;
    return { level: form.level, start, end };
  }
  if (line.length <= MAX_PLAIN_HEADING && PLAIN_HEADING.test(line) && cjkCount(line) >= 2) return { level: PLAIN_LEVEL, start: 0, end: line.length };
  return null;
}

function cjkCount(t: string): number {
  let k = 0;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (isIdeograph(c)) k++;
  }
  return k;
}

const endsWithColon = (t: string) => t.endsWith(":") || t.endsWith("：");

/** 。！？!? end a run-in heading. */
const isStop = (c: number) => c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 0x21 || c === 0x3f;

/** True when line `line` is a heading and nothing else (a run-in heading's paragraph is not). */
export function onHeadingLine(n: Normalised, line: number): boolean {
  const l = n.lines[line];
  if (!l || l.masked) return false;
  const t = n.body.slice(l.start, l.end).trim();
  const h = t ? headingOf(t) : null;
  return !!h && h.end >= t.length;
}

/** A stretch of body text from `pos` on, up to the next scope. */
export interface Scope {
  pos: number;
  mode: Mode;
  period?: Period;
}

export interface Sections {
  /** Sorted by `pos`; the first starts at 0. */
  scopes: Scope[];
  headings: Heading[];
  /** The year `今年` means: a work report's own year, else the published year. */
  year?: number;
  /** A 政府工作报告 (or an NPC report): its unsectioned targets default to `year`. */
  report: boolean;
}

interface Open {
  level: number;
  mode: Mode;
  period?: Period;
}

/** A review lead counts within this many chars of its paragraph's start (its first sentences). */
const MAX_LEAD_AT = 60;
/** How many lines from the top are read for the report's year. */
const HEAD_LINES = 20;

export function readSections(n: Normalised, published: string | null): Sections {
  const s = n.body;
  const ref = referenceYear(n, published);
  const report = ref.report;
  let year = ref.year;
  const scopes: Scope[] = [{ pos: 0, mode: null }];
  const headings: Heading[] = [];
  const stack: Open[] = [{ level: -1, mode: null }];
  const emit = (pos: number) => {
    const top = stack[stack.length - 1] as Open;
    const last = scopes[scopes.length - 1] as Scope;
    const sc: Scope = { pos, mode: top.mode };
    if (top.period) sc.period = top.period;
    if (last.pos === pos) scopes[scopes.length - 1] = sc;
    else if (last.mode !== sc.mode || last.period?.period !== sc.period?.period) scopes.push(sc);
  };
  let afterAnnex = false;
  // A plan lead inside a quoted paragraph (news quoting a report: “…主要预期目标是:…”) holds for
  // that paragraph only; the mode before it comes back at the next line.
  let restore: Open | undefined;
  // The line before was body text cut off mid-sentence (a hard-wrapped page: …全省人民在党中央、国务院 /
  // 全面建设小康社会 / 道路上迈出坚实的第一步。): a short line after it goes on with that sentence.
  let cutOff = false;
  for (const l of n.lines) {
    if (l.masked) continue;
    let a = l.start;
    while (a < l.end && s.charCodeAt(a) <= 32) a++;
    if (a >= l.end) continue;
    let z = l.end;
    while (z > a && s.charCodeAt(z - 1) <= 32) z--;
    const continues = cutOff;
    cutOff = z - a > MAX_PLAIN_HEADING && isIdeograph(s.charCodeAt(z - 1));
    if (restore) {
      const top = stack[stack.length - 1] as Open;
      top.mode = restore.mode;
      if (restore.period) top.period = restore.period;
      else delete top.period;
      restore = undefined;
      emit(a);
    }
    const text = s.slice(a, Math.min(l.end, a + 400)).trimEnd();
    let h = headingOf(text);
    // An annex's title line (after 附件1) opens a top-level part that carries on the mode of the
    // section before it unless its own words say otherwise (ANNEX_LINE_RE).
    const annexMarker = ANNEX_LINE.test(text);
    const annexTitle = !!h && h.level === PLAIN_LEVEL && afterAnnex && !annexMarker;
    afterAnnex = annexMarker;
    if (annexMarker) h = null;
    else if (h && annexTitle) h = { ...h, level: 0 };
    // A plain line whose own words name a plan or a review (2026年重点工作 / “十四五”时期工作回顾)
    // is one of the report's parts: the numbered headings after it ((一)…) sit under it.
    else if (h && h.level === PLAIN_LEVEL && (REVIEW_HEADING.re.test(text) || PLAN_HEADING.re.test(text))) h = { ...h, level: PART_LEVEL };
    else if (h && h.level === PLAIN_LEVEL && continues) h = null;
    let bodyFrom = 0;
    if (h) {
      const carried = annexTitle ? (stack[stack.length - 1] as Open) : undefined;
      let sibling: Open | undefined;
      // Another plain line closes a part too (阔步迈上新征程 after 2022年政府工作回顾: the next
      // story of a news page), unless it leads into a list (重点抓好八个方面工作:).
      const closesPart = h.level === PLAIN_LEVEL && !endsWithColon(text);
      while (stack.length > 1 && ((stack[stack.length - 1] as Open).level >= h.level || (closesPart && (stack[stack.length - 1] as Open).level === PART_LEVEL))) {
        const closed = stack.pop() as Open;
        if (closed.level === h.level) sibling = closed;
      }
      const parent = carried ?? (stack[stack.length - 1] as Open);
      const words = text.slice(h.start, h.end);
      const own: Mode = REVIEW_HEADING.re.test(words)
        ? "review"
        : PLAN_HEADING.re.test(words)
          ? "plan"
          : parent.mode !== "plan" && REVIEW_HEADING_WEAK.re.test(words)
            ? "review"
            : parent.mode !== "review" && PLAN_HEADING_WEAK.re.test(words)
              ? "plan"
              : null;
      // A report's parts after its plan part are its tasks (二、2009年主要目标 / 三、千方百计促进
      //经济增长): a heading of the same level without cues of its own carries the plan on.
      const tasks = report && sibling?.mode === "plan" && !RESULT_HEADING.re.test(words);
      const mode: Mode = own ?? parent.mode ?? (tasks || (h.level <= 1 && IMPERATIVE_HEADING.re.test(words) && !RESULT_HEADING.re.test(words)) ? "plan" : null);
      const t = timeIn(words, year);
      // No date anywhere above: a report's first dated plan or review heading gives its year.
      if (year === undefined && own && t && t.period.length === 4) year = Number(t.period) + (own === "review" ? 1 : 0);
      let period = t ?? (own === null || own === parent.mode ? parent.period : undefined);
      if (!period && mode && year !== undefined && report) period = { period: String(mode === "review" ? year - 1 : year), text: "" };
      const open: Open = { level: h.level, mode };
      if (period) open.period = period;
      stack.push(open);
      headings.push({ start: a + h.start, end: a + h.end, level: h.level });
      emit(a);
      bodyFrom = h.end;
      if (h.end >= text.length) continue;
    }
    // Leads in the paragraph: a review opener at its start, a plan lead anywhere.
    const top = stack[stack.length - 1] as Open;
    const body = bodyFrom ? text.slice(bodyFrom) : text;
    const rl = reviewLead(body);
    if (rl) {
      const t = timeIn(rl[0], year);
      if (top.mode !== "review" || t) {
        top.mode = "review";
        if (t) top.period = t;
        else delete top.period;
        emit(a + bodyFrom);
      }
    }
    const pl = holdsAny(body, PLAN_LEAD_WORDS) ? PLAN_LEAD.re.exec(body) : null;
    if (pl) {
      // The lead's own sentence names its time: 今年经济社会发展主要目标是 / “十五五”时期…目标.
      let k = pl.index;
      while (k > 0 && !isStop(body.charCodeAt(k - 1))) k--;
      const t = timeIn(body.slice(k, pl.index + pl[0].length), year);
      if (top.mode !== "plan" || t) {
        if (body[0] === "“" && !restore) restore = { ...top };
        top.mode = "plan";
        if (t) top.period = t;
        else if (report && year !== undefined && !top.period) top.period = { period: String(year), text: "" };
        emit(a + bodyFrom + k);
      }
    }
  }
  const out: Sections = { scopes, headings, report };
  // (Scopes before the first dated heading resolve nothing relative; those after use `year`.)
  if (year !== undefined) out.year = year;
  return out;
}

/** The characters a review lead can start with (REVIEW_LEAD_AT's first characters; null: any). */
const LEAD_FIRST = firstChars(REVIEW_LEAD_AT);
/** Per REVIEW_LEAD_AFTER character, its next position in the opening reviewLead reads (reused). */
const AFTER_NEXT = new Int32Array(REVIEW_LEAD_AFTER.length);

/**
 * The leftmost REVIEW_LEAD match starting in the first MAX_LEAD_AT characters of `body`, if any.
 * A lead opens the paragraph or follows 。!！, so the rule is tried at those positions only,
 * in order (the first to match is the leftmost), instead of at every character. The sentence
 * ends are found by native searches of the paragraph's opening, each character's next one kept
 * (a loop reading every code unit of every opening cost several times more); a paragraph
 * without REVIEW_LEAD_WORDS (half of them) is passed over by one search.
 */
function reviewLead(body: string): RegExpExecArray | null {
  if (!holdsAny(body, REVIEW_LEAD_WORDS)) return null;
  const w = body.length > MAX_LEAD_AT ? body.slice(0, MAX_LEAD_AT) : body;
  for (let j = 0; j < AFTER_NEXT.length; j++) AFTER_NEXT[j] = w.indexOf(REVIEW_LEAD_AFTER[j] as string);
  for (let k = 0; k < w.length; ) {
    if (!LEAD_FIRST || LEAD_FIRST[w.charCodeAt(k)]) {
      REVIEW_LEAD_AT.lastIndex = k;
      const m = REVIEW_LEAD_AT.exec(body);
      if (m) return m;
    }
    // The next sentence end at or after k: a lead may start right after it.
    let next = w.length;
    for (let j = 0; j < AFTER_NEXT.length; j++) {
      let at = AFTER_NEXT[j] as number;
      if (at >= 0 && at < k) AFTER_NEXT[j] = at = w.indexOf(REVIEW_LEAD_AFTER[j] as string, k);
      if (at >= 0 && at < next) next = at;
    }
    k = next + 1;
  }
  return null;
}

/** A work report's own year (title, subtitle, first plan heading), a bulletin's year (its title), else the published year. */
function referenceYear(n: Normalised, published: string | null): { year?: number; report: boolean } {
  let report = false;
  let count = 0;
  for (const l of n.lines) {
    if (l.masked) continue;
    if (++count > HEAD_LINES) break;
    const t = n.simp.slice(l.start, Math.min(l.end, l.start + 200));
    if (holdsAny(t, WORK_REPORT_WORDS) && WORK_REPORT_RE.test(t)) report = true;
    const m = holdsAny(t, REPORT_YEAR_WORDS) ? REPORT_YEAR_RE.exec(t) : null;
    if (m) return { year: Number(m[1] ?? m[2]), report: true };
    const b = holdsAny(t, BULLETIN_YEAR_WORDS) ? BULLETIN_YEAR_RE.exec(t) : null;
    if (b) return { year: Number(b[1]), report };
  }
  const py = published ? Number(published.slice(0, 4)) : NaN;
  if (Number.isFinite(py)) return { year: py, report };
  return { report };
}

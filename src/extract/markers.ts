/**
 * Stage: goal markers. Finds the forward-looking words of the body (力争, 确保, 计划, 到2025年,
 * 年内, 将 as the future tense, 要 as a modal) with the short subject written before them
 * (广陵将, 高邮计划), in one pass; kind.ts decides from them, goals.ts reads actors from them.
 */
import type { Normalised } from "./normalise";
import {
  GOAL_MARKER_RE,
  MARKER_VETO_BEFORE_RE,
  JIANG_FUTURE_AFTER_RE,
  JIANG_VETO_BEFORE_RE,
  JIANG_VETO_AFTER_RE,
  YAO_VETO_BEFORE_RE,
  YAO_VETO_AFTER_RE,
  TIME_SUBJECT_RE,
  SUBJECT_TAIL_RE,
  SUBJECT_LEAD_RE,
  SUBJECT_WORDS_RE,
  ADVERBIAL_LEAD_RE,
  NOT_SUBJECT_RE,
} from "./rules/markers";
import { clausePrefixLen } from "./text";
import { alphabet, filtered, scanner } from "./scan";

export interface Marker {
  pos: number;
  end: number;
  word: string;
  /** Subject written before 将/计划/要 in its clause (广陵, 我们), for goal actors. */
  subject?: string;
  /** Where the subject starts in the body text. */
  subjectStart?: number;
}

interface Subject {
  text: string;
  /** Start within the paragraph string the subject was read from. */
  start: number;
}

function withSubject(m: Marker, subj: Subject | undefined, paraStart: number): Marker {
  if (subj) {
    m.subject = subj.text;
    m.subjectStart = paraStart + subj.start;
  }
  return m;
}

/** Markers per document are capped (real articles hold a few hundred); hostile input stays linear. */
export const MAX_MARKERS = 20000;
const MARKER_SCAN = scanner(GOAL_MARKER_RE);
// The vetoes of a marker's few characters around it behind the scanner's filters (most are
// settled by the character next to the marker, with no substring made).
const MARKER_VETO_BEFORE = filtered(MARKER_VETO_BEFORE_RE);
const JIANG_FUTURE_AFTER = filtered(JIANG_FUTURE_AFTER_RE);
const JIANG_VETO_BEFORE = filtered(JIANG_VETO_BEFORE_RE);
const JIANG_VETO_AFTER = filtered(JIANG_VETO_AFTER_RE);
const YAO_VETO_BEFORE = filtered(YAO_VETO_BEFORE_RE);
const YAO_VETO_AFTER = filtered(YAO_VETO_AFTER_RE);

const JIANG = "将".charCodeAt(0);

/** The characters a GOAL_MARKER_RE match can hold: after any other, a scan may start afresh. */
const MARKER_HELD = alphabet(GOAL_MARKER_RE);

/**
 * The markers of each line, found when a line's markers are first asked for: kind.ts asks for
 * the lines that hold figures and goals.ts for the few lines before a goal, so most of a long
 * text is never scanned. A line's markers are the ones a scan of the whole body assigns to it
 * (each marker to the line it starts on, every context read from the whole body). The caps of
 * MAX_MARKERS hold over the lines read.
 */
export class LineMarkers {
  private readonly byLine: (Marker[] | undefined)[] = [];
  private readonly budget = { words: MAX_MARKERS, all: 2 * MAX_MARKERS };
  private modals: number[] | undefined;
  constructor(private readonly n: Normalised) {}

  of(li: number): Marker[] {
    const lines = this.n.lines;
    if (li < 0 || li >= lines.length) return [];
    if (!MARKER_HELD && this.byLine.length === 0) this.readAll();
    let ms = this.byLine[li];
    if (!ms) {
      const s = this.n.body;
      const a = li === 0 ? 0 : (lines[li - 1] as { end: number }).end + 1;
      const b = li === lines.length - 1 ? s.length : (lines[li] as { end: number }).end + 1;
      this.modals ??= modalPositions(s);
      this.byLine[li] = ms = findMarkers(s, a, b, this.budget, this.modals);
    }
    return ms;
  }

  /** Every line's markers from one scan of the body (when the rule's characters are not known, no line can be read alone). */
  private readAll(): void {
    const lines = this.n.lines;
    for (let li = 0; li < lines.length; li++) this.byLine[li] = [];
    let li = 0;
    for (const m of findMarkers(this.n.body, 0, this.n.body.length, this.budget, modalPositions(this.n.body))) {
      while (li < lines.length - 1 && (lines[li] as { end: number }).end < m.pos) li++;
      (this.byLine[li] as Marker[]).push(m);
    }
  }
}

/**
 * The positions of 将 and 要 in `s`, in order: native searches for the two characters (several
 * times faster than reading every character in a loop), merged.
 */
function modalPositions(s: string): number[] {
  const out: number[] = [];
  let jiang = s.indexOf("将");
  let yao = s.indexOf("要");
  while (jiang >= 0 || yao >= 0) {
    if (yao < 0 || (jiang >= 0 && jiang < yao)) {
      out.push(jiang);
      jiang = s.indexOf("将", jiang + 1);
    } else {
      out.push(yao);
      yao = s.indexOf("要", yao + 1);
    }
  }
  return out;
}

/** Markers of every line (see LineMarkers). */
export function findAllMarkers(n: Normalised): LineMarkers {
  return new LineMarkers(n);
}

/**
 * Forward-looking markers of `s` (simplified body text) that start in [a, b), each read in the
 * context of all of `s`; `budget` caps how many are still taken (and counts those taken);
 * `modals` holds the positions of 将 and 要 in `s` (modalPositions).
 */
export function findMarkers(s: string, a: number, b: number, budget: { words: number; all: number }, modals: readonly number[]): Marker[] {
  const words: Marker[] = [];
  let m: RegExpExecArray | null;
  // A match can start before `a` and hold it: the scan starts after the last character before
  // `a` that no match holds, in step with a scan of the whole text.
  let from = a;
  while (from > 0 && (!MARKER_HELD || MARKER_HELD[s.charCodeAt(from - 1)] === 1)) from--;
  for (; budget.words > 0 && (m = MARKER_SCAN.next(s, from, b)) !== null; from = m.index + (m[0].length || 1)) {
    if (m.index < a) continue;
    if ((m[0] === "争取" || m[0].startsWith("计划")) && MARKER_VETO_BEFORE.test(s, Math.max(0, m.index - 3), m.index)) continue;
    words.push(withSubject({ pos: m.index, end: m.index + m[0].length, word: m[0] }, subjectBefore(s, m.index), 0));
    budget.words--;
    budget.all--;
  }
  // 将 and 要, in text order.
  const modal: Marker[] = [];
  const para = s;
  let lo = 0;
  let hi = modals.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((modals[mid] as number) < a) lo = mid + 1;
    else hi = mid;
  }
  for (let k = lo; k < modals.length && (modals[k] as number) < b && budget.all > 0; k++) {
    const i = modals[k] as number;
    const isJiang = s.charCodeAt(i) === JIANG;
    // The 3 characters before it and the 6 after it, read in place by the filtered rules.
    const b3 = Math.max(0, i - 3);
    if (isJiang) {
      if (JIANG_VETO_AFTER.test(para, i + 1, i + 7) || JIANG_VETO_BEFORE.test(para, b3, i)) continue;
      const subj = subjectBefore(para, i);
      const pl = clausePrefixLen(para, i);
      // 今年将新增…: a time word before 将 makes it the future tense too.
      const timed = TIME_SUBJECT_RE.test(para.slice(i - pl, i).trim());
      if (!subj && !timed && !JIANG_FUTURE_AFTER.test(para, i + 1, i + 7)) continue;
      if (subj === undefined && pl === 0) continue; // 将产业发展放在… (= 把)
      modal.push(withSubject({ pos: i, end: i + 1, word: "将" }, subj, 0));
      budget.all--;
    } else {
      if (YAO_VETO_BEFORE.test(para, b3, i) || YAO_VETO_AFTER.test(para, i + 1, i + 7)) continue;
      const pl = clausePrefixLen(para, i);
      if (pl > 8) continue;
      modal.push(withSubject({ pos: i, end: i + 1, word: "要" }, subjectBefore(para, i), 0));
      budget.all--;
    }
  }
  // Both lists are in text order: merged, a rule's word before a modal at the same position
  // (what a stable sort of the two, in this order, gives).
  const out: Marker[] = [];
  let w = 0;
  let k = 0;
  while (w < words.length || k < modal.length) {
    if (k >= modal.length || (w < words.length && (words[w] as Marker).pos <= (modal[k] as Marker).pos)) out.push(words[w++] as Marker);
    else out.push(modal[k++] as Marker);
  }
  return out;
}


/** The short subject right before a marker in its clause: 广陵将, 高邮计划, 大庙街道将, 我们将. */
function subjectBefore(s: string, i: number): Subject | undefined {
  const n = clausePrefixLen(s, i);
  if (n === 0 || n > 8) return undefined;
  const raw = s.slice(i - n, i);
  const lead = raw.length - raw.trimStart().length;
  // Trailing time words and adverbs belong to the predicate: 晋江今年还将 -> 晋江.
  const trimmed = raw.trim().replace(SUBJECT_TAIL_RE, "");
  // …and so do leading ones (今年阜南县计划 -> 阜南县).
  const skip = SUBJECT_LEAD_RE.exec(trimmed)?.[0].length ?? 0;
  const subj = trimmed.slice(skip);
  if (subj.length < 2 || !SUBJECT_WORDS_RE.test(subj)) return undefined;
  if (ADVERBIAL_LEAD_RE.test(subj) || NOT_SUBJECT_RE.test(subj)) return undefined;
  return { text: subj, start: i - n + lead + skip };
}


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
} from "./rules/markers";
import { clausePrefixLen } from "./text";
import { scanner } from "./scan";

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

/** Markers of every line, found in one pass over the body (masked lines are blank there). */
export function findAllMarkers(n: Normalised): Marker[][] {
  const all = findMarkers(n.body, 0, n.body.length);
  const byLine: Marker[][] = n.lines.map(() => []);
  let li = 0;
  for (const m of all) {
    while (li < n.lines.length - 1 && (n.lines[li] as { end: number }).end < m.pos) li++;
    (byLine[li] as Marker[]).push(m);
  }
  return byLine;
}

/** Forward-looking markers in [a, b) of `s` (simplified body text). */
export function findMarkers(s: string, a: number, b: number): Marker[] {
  const words: Marker[] = [];
  const para = a === 0 && b === s.length ? s : s.slice(a, b);
  let m: RegExpExecArray | null;
  for (let from = 0; (m = MARKER_SCAN.next(para, from)) !== null; from = m.index + (m[0].length || 1)) {
    const before = para.slice(Math.max(0, m.index - 3), m.index);
    if ((m[0] === "争取" || m[0].startsWith("计划")) && MARKER_VETO_BEFORE_RE.test(before)) continue;
    words.push(withSubject({ pos: a + m.index, end: a + m.index + m[0].length, word: m[0] }, subjectBefore(para, m.index), a));
    if (words.length >= MAX_MARKERS) break;
  }
  // 将 and 要, in text order: two native searches for the two characters, merged.
  const modal: Marker[] = [];
  let jiang = para.indexOf("将");
  let yao = para.indexOf("要");
  while (words.length + modal.length < 2 * MAX_MARKERS && (jiang >= 0 || yao >= 0)) {
    const isJiang = yao < 0 || (jiang >= 0 && jiang < yao);
    const i = isJiang ? jiang : yao;
    if (isJiang) jiang = para.indexOf("将", i + 1);
    else yao = para.indexOf("要", i + 1);
    const before = para.slice(Math.max(0, i - 3), i);
    const after = para.slice(i + 1, i + 7);
    if (isJiang) {
      if (JIANG_VETO_AFTER_RE.test(after) || JIANG_VETO_BEFORE_RE.test(before)) continue;
      const subj = subjectBefore(para, i);
      // 今年将新增…: a time word before 将 makes it the future tense too.
      const timed = TIME_SUBJECT_RE.test(para.slice(i - clausePrefixLen(para, i), i).trim());
      if (!subj && !timed && !JIANG_FUTURE_AFTER_RE.test(after)) continue;
      if (subj === undefined && clausePrefixLen(para, i) === 0) continue; // 将产业发展放在… (= 把)
      modal.push(withSubject({ pos: a + i, end: a + i + 1, word: "将" }, subj, a));
    } else {
      if (YAO_VETO_BEFORE_RE.test(before) || YAO_VETO_AFTER_RE.test(after)) continue;
      const pl = clausePrefixLen(para, i);
      if (pl > 8) continue;
      modal.push(withSubject({ pos: a + i, end: a + i + 1, word: "要" }, subjectBefore(para, i), a));
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
  const subj = raw.trim().replace(SUBJECT_TAIL_RE, "");
  if (subj.length < 2 || !/^[\u4e00-\u9fff]+$/.test(subj)) return undefined;
  // A conjunction or preposition opens an adverbial, not a subject: 并在年底前完成…, 在年内…
  if (/^(?:[并且还再也又在于对把从向和与及]|按照|根据|依据|为了|通过|经过|围绕|对照)/.test(subj)) return undefined;
  if (/[0-9]|始终|牢牢|必须|一定|切实|坚决|全力|努力|千方百计|要|确保|力争|全年|目标|锚定|完成|各项|同时|并且|进一步|计划|将|每年|年内/.test(subj)) return undefined;
  return { text: subj, start: i - n + lead };
}


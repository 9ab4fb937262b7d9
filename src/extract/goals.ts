/**
 * Stage 5: goals. Each comma clause holding target figures is a goal; adjacent comma clauses of
 * one sentence that both hold target figures share a goal unless the later one opens with its own
 * marker (力争3-5家企业成功上市 is a new commitment). A leading clause that is only a deadline
 * (到2025年,) is kept with the goal. Deadline as written; actor = the subject before the marker.
 */
import type { Goal } from "./types";
import type { Attributed, Marker } from "./attribution";
import type { Normalised } from "./normalise";
import { origStart, origEnd } from "./normalise";
import { DEADLINE_RE } from "./rules/markers";
import { ACTOR_SUFFIX_RE, ADMIN_SUFFIXES, PLACE_RE } from "./rules/facts";
import { isMajorEnd, isClauseEnd } from "./text";

const OWN_MARKER_RE = /^(?:力争|确保|争取|计划|到20[0-9]{2}年|年内|每年)/;
/** A clause that only states when: 到2025年, 到“十四五”期末, 年内, 今年底, 2024年底前. */
const DEADLINE_ONLY_RE =
  /^(?:力争|确保|争取|计划)?(?:到|至)?(?:20[0-9]{2}年(?:底|末)?前?|“?十[一二三四五六七八九]五”?(?:期末|末|内|期间)?|年内|今年(?:底|内)?|年底前)$/;
const MAX_GOAL = 160;

export function buildGoals(n: Normalised, figs: Attributed[], markers: Marker[][], figText: (f: Attributed) => string): Goal[] {
  const s = n.body;
  const groups: { start: number; end: number; figs: Attributed[]; para: number }[] = [];
  for (const f of figs) {
    if (f.kind !== "target") continue;
    const last = groups[groups.length - 1];
    if (last && f.clauseStart <= last.end) { last.figs.push(f); continue; }
    // Adjacent clause of the same sentence, separated by a comma only.
    if (last && last.para === f.paragraph && f.clauseStart === last.end + 1 && !isMajorEnd(s[last.end] as string)) {
      const head = s.slice(f.clauseStart, f.clauseStart + 8);
      if (!OWN_MARKER_RE.test(head) && f.clauseEnd - last.start <= MAX_GOAL) {
        last.end = f.clauseEnd;
        last.figs.push(f);
        continue;
      }
    }
    groups.push({ start: f.clauseStart, end: f.clauseEnd, figs: [f], para: f.paragraph });
  }
  const goals: Goal[] = [];
  for (const g of groups) {
    let start = g.start;
    // Keep a deadline-only clause before it: 到2025年,高邮将打造…
    if (start >= 2 && isClauseEnd(s[start - 1] as string) && !isMajorEnd(s[start - 1] as string)) {
      let k = start - 1;
      while (k > 0 && start - k < 14 && !isClauseEnd(s[k - 1] as string)) k--;
      if (DEADLINE_ONLY_RE.test(s.slice(k, start - 1).trim())) start = k;
    }
    while (start < g.end && /\s/.test(s[start] as string)) start++;
    const simpText = s.slice(start, g.end);
    const os = origStart(n, start);
    const oe = origEnd(n, g.end);
    const goal: Goal = { text: n.original.slice(os, oe), start: os, end: oe, figures: g.figs.map(figText) };
    const dl = DEADLINE_RE.exec(simpText);
    if (dl) goal.deadline = n.original.slice(origStart(n, start + dl.index), origEnd(n, start + dl.index + dl[0].length));
    const actor = actorFor(n, markers, g.para, g.end);
    if (actor) goal.actor = actor;
    goals.push(goal);
  }
  return goals;
}

/** The subject of the last marker before the goal in its paragraph or the ones before it. */
function actorFor(n: Normalised, markers: Marker[][], para: number, pos: number): string | undefined {
  for (let p = para; p >= 0 && para - p < 6; p--) {
    const ms = markers[p] ?? [];
    for (let i = ms.length - 1; i >= 0; i--) {
      const m = ms[i] as Marker;
      if (m.pos > pos || !m.subject || m.subjectStart === undefined) continue;
      // Generic subjects name no one in particular (区 alone, 我们, 全区上下); 区发改委 does.
      if (/^(?:我们|我|我区|我市|我县|(?:全[区市县镇]|各[级地])(?:上下)?|[区市县])$/.test(m.subject)) continue;
      if (!actorLike(n, m.subject)) continue;
      return cleanAt(n, m.subjectStart, m.subjectStart + m.subject.length);
    }
    // A heading line that names a place: 大庙街道 / ——访…广陵区委书记.
    const line = n.lines[p];
    if (line && p < para && !line.masked) {
      const t = n.clean.slice(line.start, line.end).trim();
      if (t.length > 0 && t.length <= 30 && !/[。,，;；:：0-9]/.test(t)) {
        const re = new RegExp(PLACE_RE.source, "g");
        const m = re.exec(t);
        if (m && m[1]) return m[1];
      }
    }
  }
  return undefined;
}

/**
 * A place or body (see ACTOR_SUFFIX_RE), a name the text also writes with an administrative
 * suffix, or a two-character name (the usual short form of a county or district: 高邮, 邗江).
 */
function actorLike(n: Normalised, subject: string): boolean {
  return subject.length === 2 || ACTOR_SUFFIX_RE.test(subject) || ADMIN_SUFFIXES.some((suffix) => n.body.includes(subject + suffix));
}

function cleanAt(n: Normalised, a: number, b: number): string {
  return n.clean.slice(a, b).trim();
}

/**
 * Stage: goals. One goal per promise: the target figures of one comma clause form a goal, and
 * each comma clause with a predicate of its own is its own goal (地区生产总值增长4.5%—5% |
 * 固定资产投资增长5%); a clause that is only another object of the previous verb
 * (…重点项目200项左右,总投资3000亿元以上) stays with it, and parallel objects joined by 、 or 和
 * share their clause's goal, unless an item opens with an action verb of its own (ITEM_VERB_RE). The first item of a list keeps its lead (主要目标是:…), and a clause
 * that only states when (到2025年,) is kept with its goal.
 *
 * Deadline: the goal's own words (年内, 到2025年, 十四五期末), else its list's lead (今年…目标是:
 * / 2018年…预期目标是: / a paragraph opened by 今年,); actor = the subject before the marker.
 */
import type { Figure, Goal } from "./types";
import type { Attributed } from "./attribution";
import type { LineMarkers, Marker } from "./markers";
import type { Normalised } from "./normalise";
import { origStart, origEnd } from "./normalise";
import { DEADLINE_ONLY_RE, DEADLINE_RE, FRAMING_CLAUSE_RE, GENERIC_SUBJECT_RE, GOAL_PREDICATE_RE, ITEM_VERB_RE, LEAD_DEADLINE_RE } from "./rules/markers";
import { ACTOR_SUFFIX_RE, ADMIN_SUFFIXES, HAS_DIGIT_RE, HEADING_ZONE_RE, PLACE_RE } from "./rules/facts";
import { findNames } from "../places/gazetteer";
import { endAt, isClauseEnd } from "./text";
import { onHeadingLine } from "./sections";
import { deadlinePeriod } from "./periods";
import { filtered, isSpaceAt } from "./scan";

const MAX_GOAL = 160;

// The per-goal rules behind the scanner's filters: most calls are settled by a table lookup.
const DEADLINE_ONLY = filtered(DEADLINE_ONLY_RE);
const DEADLINE = filtered(DEADLINE_RE);
const GOAL_PREDICATE = filtered(GOAL_PREDICATE_RE);
const FRAMING_CLAUSE = filtered(FRAMING_CLAUSE_RE);
/** A list lead (今年经济社会发展主要目标是:) is kept with the first item when this short. */
const MAX_LEAD = 40;
/** A paragraph's opening time word (今年,… / “2018年…) is its lead's deadline when this close to its start. */
const OPENING = 2;

interface Group {
  start: number;
  end: number;
  figs: Attributed[];
  para: number;
}

/** `figure(f)` is the output Figure of `f` (its text and period); `year` resolves 今年 in deadlines. */
export function buildGoals(n: Normalised, figs: Attributed[], markers: LineMarkers, figure: (f: Attributed) => Figure, year: number | undefined): Goal[] {
  const s = n.body;
  const groups: Group[] = [];
  for (const f of figs) {
    if (f.kind !== "target") continue;
    const last = groups[groups.length - 1];
    if (last && f.clauseStart <= last.end) {
      // An item with its own action verb after 、 is its own promise (…800家、培育…1.8万家).
      const prev = last.figs[last.figs.length - 1] as Attributed;
      const own = prev.end <= f.start ? ITEM_VERB_RE.exec(s.slice(prev.outerEnd, f.start)) : null;
      if (!own) { last.figs.push(f); continue; }
      const cut = prev.outerEnd + own[0].indexOf("、");
      groups.push({ start: cut + 1, end: last.end, figs: [f], para: f.paragraph });
      last.end = cut;
      continue;
    }
    // The next comma clause of the same sentence joins only when it has no predicate of its own
    // (高于10万元的占80% has one after its first figure) and names no standard indicator of its
    // own (城镇新增就业120万人，城镇调查失业率5%左右: two promises).
    if (last && last.para === f.paragraph && f.clauseStart === last.end + 1 && (endAt(s, last.end) & 4) === 0) {
      // The clause before only framed this one (聚焦13个产业集群,细分培育30条以上产业链): one goal.
      if (framing(s, last) && f.clauseEnd - last.start <= MAX_GOAL) {
        last.end = f.clauseEnd;
        last.figs.push(f);
        continue;
      }
      const ownIndicator = f.metricKey !== undefined && !last.figs.some((g) => g.metricKey === f.metricKey);
      if (!ownIndicator && !GOAL_PREDICATE.test(s.slice(f.clauseStart, f.clauseEnd)) && f.clauseEnd - last.start <= MAX_GOAL) {
        last.end = f.clauseEnd;
        last.figs.push(f);
        continue;
      }
    }
    groups.push({ start: f.clauseStart, end: f.clauseEnd, figs: [f], para: f.paragraph });
  }
  // A framing clause whose next clause has no target figure still frames it: the goal runs on
  // to that clause's end (依托50家龙头企业,打造区域公共品牌).
  for (const g of groups) {
    if (!framing(s, g) || (endAt(s, g.end) & 5) !== 1) continue;
    let k = g.end + 1;
    while (k < s.length && k - g.start < MAX_GOAL && (endAt(s, k) & 1) === 0) k++;
    g.end = k;
  }
  const goals: Goal[] = [];
  // The leads in force: the paragraph's opening time word, and the time word of the list lead
  // (the sentence ending in a colon) until that sentence ends. One forward scan.
  let scanned = 0;
  let leadPara = -1;
  let paraDeadline: [number, number] | undefined;
  let listDeadline: [number, number] | undefined;
  const actors = new Map<string, boolean>();
  const headingPlaces = new Map<number, string | undefined>();
  for (const g of groups) {
    const line = n.lines[g.para] as { start: number; end: number };
    if (leadPara !== g.para) {
      leadPara = g.para;
      paraDeadline = opening(s, line.start);
      listDeadline = undefined;
      scanned = line.start;
    }
    // The last colon or 。 since the last goal decides (a colon's lead holds until a 。): read
    // back to it, not forward over every character.
    for (let i = g.start - 1, from = Math.max(scanned, line.start); i >= from; i--) {
      const c = s.charCodeAt(i);
      if (c === 0x3a || c === 0xff1a) { listDeadline = colonLead(s, i); break; }
      if (c === 0x3002) { listDeadline = undefined; break; }
    }
    scanned = Math.max(scanned, g.start);
    const leadDeadline = listDeadline ?? paraDeadline;
    let start = g.start;
    // End bits by code unit (endAt): 1 a clause end, 4 a major (semicolon or sentence) end.
    if (start >= 2 && (endAt(s, start - 1) & 5) === 1) {
      let k = start - 1;
      while (k > 0 && start - k < MAX_LEAD && (endAt(s, k - 1) & 1) === 0) k--;
      const prevClause = s.slice(k, start - 1).trim();
      // Keep a deadline-only clause before it (到2025年,高邮将打造…) and a list's lead (…目标是:).
      if (DEADLINE_ONLY.test(prevClause) || ((s[start - 1] === ":" || s[start - 1] === "：") && isClauseEnd(s[k - 1] ?? "\n"))) start = k;
    }
    while (start < g.end && isSpaceAt(s, start)) start++;
    const simpText = s.slice(start, g.end);
    const os = origStart(n, start);
    const oe = origEnd(n, g.end);
    const goal: Goal = { text: n.original.slice(os, oe), start: os, end: oe, figures: g.figs.map((f) => figure(f).text) };
    const dl = DEADLINE.exec(simpText);
    if (dl) goal.deadline = n.original.slice(origStart(n, start + dl.index), origEnd(n, start + dl.index + dl[0].length));
    else if (leadDeadline) goal.deadline = n.original.slice(origStart(n, leadDeadline[0]), origEnd(n, leadDeadline[1]));
    const actor = actorFor(n, markers, g.para, g.end, actors, headingPlaces);
    if (actor) goal.actor = actor;
    const period = deadlinePeriod(goal.deadline, year) ?? figure(g.figs[0] as Attributed).period;
    if (period) goal.period = period;
    goals.push(goal);
  }
  return goals;
}

/** Whether group `g` is one clause that only frames the next (FRAMING_CLAUSE_RE, no predicate after the verb). */
function framing(s: string, g: Group): boolean {
  const clause = s.slice(g.start, g.end);
  const m = FRAMING_CLAUSE.exec(clause);
  return !!m && !GOAL_PREDICATE.test(clause.slice(m[0].length));
}

/** The time word that opens a paragraph (今年,洪畴镇将… / 2018年我县…), as a body span. */
function opening(s: string, at: number): [number, number] | undefined {
  while (at < s.length && s.charCodeAt(at) <= 32) at++;
  const m = LEAD_DEADLINE_RE.exec(s.slice(at, at + OPENING + 12));
  return m && m.index <= OPENING ? [at + m.index, at + m.index + m[0].length] : undefined;
}

/** The time word of the sentence that ends in the colon at `i` (今年经济社会发展主要目标是:). */
function colonLead(s: string, i: number): [number, number] | undefined {
  let k = i;
  // By code unit (s[k] of a CJK character is a new string): 。 \n ; ；
  while (k > 0 && i - k < MAX_LEAD * 2) {
    const c = s.charCodeAt(k - 1);
    if (c === 0x3002 || c === 0x0a || c === 0x3b || c === 0xff1b) break;
    k--;
  }
  const m = LEAD_DEADLINE_RE.exec(s.slice(k, i));
  return m ? [k + m.index, k + m.index + m[0].length] : undefined;
}

/** The subject of the last marker before the goal in its paragraph or the ones before it. */
function actorFor(n: Normalised, markers: LineMarkers, para: number, pos: number, actors: Map<string, boolean>, headingPlaces: Map<number, string | undefined>): string | undefined {
  for (let p = para; p >= 0 && para - p < 6; p--) {
    const ms = markers.of(p);
    for (let i = ms.length - 1; i >= 0; i--) {
      const m = ms[i] as Marker;
      if (m.pos > pos || !m.subject || m.subjectStart === undefined) continue;
      // Generic subjects name no one in particular (区 alone, 我们, 全区上下); 区发改委 does.
      // Both answers are kept per subject: goals of a paragraph ask about the same markers.
      let like = actors.get(m.subject);
      if (like === undefined) actors.set(m.subject, (like = !GENERIC_SUBJECT_RE.test(m.subject) && actorLike(n, m.subject)));
      if (!like) continue;
      return cleanAt(n, m.subjectStart, m.subjectStart + m.subject.length);
    }
    if (p < para) {
      // Goals of one paragraph look at the same lines before it: each line is read once.
      let place = headingPlaces.get(p);
      if (place === undefined && !headingPlaces.has(p)) headingPlaces.set(p, (place = headingPlace(n, p)));
      if (place) return place;
    }
  }
  return undefined;
}

/** The place a heading line names: 大庙街道 / ——访…广陵区委书记. */
function headingPlace(n: Normalised, p: number): string | undefined {
  const line = n.lines[p];
  if (!line || !onHeadingLine(n, p)) return undefined;
  const raw = n.clean.slice(line.start, line.end);
  const lead = raw.length - raw.trimStart().length;
  const t = raw.trim();
  if (HAS_DIGIT_RE.test(t)) return undefined;
  PLACE_RE.lastIndex = 0;
  const m = PLACE_RE.exec(t);
  const name = m?.[1];
  if (!m || !name) return undefined;
  // A zone keeps its suffix guess (经开区 is no division); anything else must be a name the
  // gazetteer knows ending there (大庙街道, 广陵区), not a suffix met by chance (扎实推进乡村振兴).
  if (HEADING_ZONE_RE.test(name)) return name;
  const simp = n.simp.slice(line.start + lead, line.start + lead + t.length);
  const end = m.index + name.length;
  const hit = findNames(simp).find((h) => h.end === end && h.start >= m.index);
  return hit ? t.slice(hit.start, end) : undefined;
}

/**
 * A place or body (see ACTOR_SUFFIX_RE), a name the text also writes with an administrative
 * suffix, or a name the gazetteer knows as a whole (the short form of a county: 高邮, 邗江) —
 * not any two characters (人均, 强化, 但是 were actors).
 */
function actorLike(n: Normalised, subject: string): boolean {
  if (ACTOR_SUFFIX_RE.test(subject) || writtenWithSuffix(n.body, subject)) return true;
  // Subjects are read from the body, the simplified text the gazetteer is written in.
  return findNames(subject).some((h) => h.start === 0 && h.end === subject.length);
}

/**
 * Whether `s` writes `name` followed by one of ADMIN_SUFFIXES: one pass over the occurrences of
 * the name (a search of the whole text per suffix read it ten times).
 */
function writtenWithSuffix(s: string, name: string): boolean {
  for (let i = s.indexOf(name); i >= 0; i = s.indexOf(name, i + 1)) {
    const after = i + name.length;
    if (ADMIN_SUFFIXES.some((suffix) => s.startsWith(suffix, after))) return true;
  }
  return false;
}

function cleanAt(n: Normalised, a: number, b: number): string {
  return n.clean.slice(a, b).trim();
}

/**
 * Kind (reported / target) of one figure, decided in one place from its section and its sentence.
 * - In a plan section every figure is a target unless its sentence reports a result before it
 *   (预计全年实现…, 去年…, 已…, 截至…) after the last goal marker.
 * - In a review section every figure is reported unless a goal marker of its own sentence
 *   governs it (…明年将新增…); the weak markers of a plan (每年, 年内, 到2025年) do not count there,
 *   nor a marker of an earlier clause when the figure's own clause compares with the year before,
 *   nor an aim named as a noun in an earlier clause (把…作为奋斗目标，…), nor 争取 as "secured"
 *   (争取国家资金…).
 * - Elsewhere goal markers govern their paragraph (ANNOTATION.md: a marker governs the clauses
 *   under it), and the most recent cue wins: a result cue (上半年, 已, 截至…) standing in the
 *   sentence after the last marker makes it reported.
 */
import type { Kind } from "./types";
import type { Marker } from "./markers";
import type { Mode } from "./sections";
import { REPORTED_CLAUSE_RE, PLAN_REPORTED_RE, YEAR_ON_YEAR_RE, AIM_NOUN_RE, SECURED_AFTER_RE, COMMITTED_BOUND_RE, PARTITIVE_AFTER_RE, WEAK_MARKER_RE, FROM_LEVEL_BEFORE_RE, TO_LEVEL_AFTER_RE } from "./rules/markers";
import { clausePrefixLen } from "./text";
import { filtered } from "./scan";

// The per-figure rules behind the scanner's filters: most calls are settled by a table lookup.
const YEAR_ON_YEAR = filtered(YEAR_ON_YEAR_RE);
const SECURED_AFTER = filtered(SECURED_AFTER_RE);
const COMMITTED_BOUND = filtered(COMMITTED_BOUND_RE);
const PARTITIVE_AFTER = filtered(PARTITIVE_AFTER_RE);
const FROM_LEVEL_BEFORE = filtered(FROM_LEVEL_BEFORE_RE);
const TO_LEVEL_AFTER = filtered(TO_LEVEL_AFTER_RE);

export interface KindInput {
  /** Simplified, masked body text. */
  s: string;
  start: number;
  end: number;
  clauseStart: number;
  clauseEnd: number;
  sentenceStart: number;
  /** The goal markers of the figure's paragraph, by position. */
  markers: Marker[];
  mode: Mode;
}

const REPORTED_G = new RegExp(REPORTED_CLAUSE_RE.source, "g");
const PLAN_REPORTED_G = new RegExp(PLAN_REPORTED_RE.source, "g");

export function kindOf(k: KindInput): Kind {
  const { s, markers, mode } = k;
  let target = false;
  let lastMarker = -1;
  const measured = mode === "review" && YEAR_ON_YEAR.test(s, k.clauseStart, k.start);
  for (const mk of markers) {
    if (mk.pos > k.clauseEnd) break;
    if (mode === "review" && (mk.pos < k.sentenceStart || WEAK_MARKER_RE.test(mk.word))) continue;
    if (mode === "review" && mk.pos < k.clauseStart && (measured || AIM_NOUN_RE.test(mk.word))) continue;
    if (mode === "review" && mk.word === "争取" && SECURED_AFTER.test(s, mk.end, mk.end + 16)) continue;
    if (mk.pos < k.start || (mk.pos >= k.clauseStart && mk.pos < k.clauseEnd)) {
      target = true;
      if (mk.pos < k.start) lastMarker = mk.pos;
    }
  }
  if (mode === "plan") target = true;
  if (target && lastMarker < k.clauseStart) {
    // A marker in the figure's own clause governs its time words: 力争上半年…增长7%以上.
    const lastReported = lastReportedCue(mode === "plan" ? PLAN_REPORTED_G : REPORTED_G, s, k, lastMarker);
    // …but a floor or ceiling written on the figure is a commitment: 上半年新开工项目不少于25个.
    const committed = COMMITTED_BOUND.test(s, Math.max(k.clauseStart, k.start - 4), k.start);
    if (lastReported > lastMarker && !committed) target = false;
  }
  // A part of an existing set: 7个百亿项目中…部分开服.
  if (target && lastMarker < k.clauseStart && PARTITIVE_AFTER.test(s, k.end, k.end + 10)) target = false;
  // The starting level of a from–to change: 由目前的11家增至22家.
  if (target && FROM_LEVEL_BEFORE.test(s, Math.max(k.clauseStart, k.start - 10), k.start) && TO_LEVEL_AFTER.test(s, k.end, k.end + 6)) target = false;
  return target ? "target" : "reported";
}

/** Position of the last result cue in the sentence before the figure that no marker's own clause holds; -1 if none. */
function lastReportedCue(re: RegExp, s: string, k: KindInput, lastMarker: number): number {
  const lead = s.slice(k.sentenceStart, k.start);
  re.lastIndex = 0;
  let last = -1;
  for (let m = re.exec(lead); m; m = re.exec(lead)) {
    // A cue inside the marker's own clause is governed by it: 确保一季度新开工项目20个以上.
    const cue = k.sentenceStart + m.index;
    if (lastMarker < 0 || lastMarker < cue - clausePrefixLen(s, cue)) last = cue;
  }
  return last;
}

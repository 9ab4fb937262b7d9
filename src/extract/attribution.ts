/**
 * Stage 4: attribution. For each raw figure: metric, change, kind (reported / target), sentence
 * and place. Kind follows the scope of goal markers over a paragraph (ANNOTATION.md: a marker
 * governs the clauses under it), with clause-level overrides for reported results.
 */
import type { Kind } from "./types";
import type { RawFigure } from "./figures";
import type { Normalised } from "./normalise";
import {
  GOAL_MARKER_RE,
  MARKER_VETO_BEFORE_RE,
  JIANG_FUTURE_AFTER_RE,
  JIANG_VETO_BEFORE_RE,
  JIANG_VETO_AFTER_RE,
  YAO_VETO_BEFORE_RE,
  YAO_VETO_AFTER_RE,
  REPORTED_CLAUSE_RE,
  PARTITIVE_AFTER_RE,
  CHANGE_RE,
  CHANGE_TO_LEVEL_RE,
  COMMITTED_BOUND_RE,
  CHANGE_AFTER_RE,
  TIME_SUBJECT_RE,
  SUBJECT_TAIL_RE,
  PLAN_HEADING_RE,
  REVIEW_HEADING_RE,
  HEADING_LINE_RE,
} from "./rules/markers";
import { metricKey } from "./metrickeys";
import { METRIC_PLACE_LEAD_RE, METRIC_SUBJECT_RE, METRIC_LEAD_RE, METRIC_TAIL_RE, METRIC_AFTER_STOP_RE, METRIC_MAX } from "./rules/metric";
import { MONEY_UNITS } from "./rules/units";
import { DURATION_UNITS } from "./rules/notfigures";
import { boundsBy, isClauseEnd, isCjk } from "./text";

export interface Attributed extends RawFigure {
  metric?: string;
  /** Canonical key of the metric (metrickeys.ts), read from the simplified metric. */
  metricKey?: string;
  change?: boolean;
  kind: Kind;
  clauseStart: number;
  clauseEnd: number;
  sentenceStart: number;
  sentenceEnd: number;
  paragraph: number;
}

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

const JIANG_YAO_RE = /将|要/g;

/** Markers per document are capped (real articles hold a few hundred); hostile input stays linear. */
export const MAX_MARKERS = 20000;
const MARKER_RE_G = new RegExp(GOAL_MARKER_RE.source, "g");

/** Markers of every line, found in one pass over the body (masked lines are blank there). */
function findAllMarkers(n: Normalised): Marker[][] {
  const all = findMarkers(n.body, 0, n.body.length);
  const byLine: Marker[][] = n.lines.map(() => []);
  let li = 0;
  for (const m of all) {
    while (li < n.lines.length - 1 && (n.lines[li] as { end: number }).end < m.pos) li++;
    (byLine[li] as Marker[]).push(m);
  }
  // Paragraphs under a plan heading (三、2024年重点工作) start with a marker of their own.
  let planSection = false;
  n.lines.forEach((l, i) => {
    if (l.masked) return;
    const t = n.body.slice(l.start, l.end).trim();
    if (!t) return;
    if (HEADING_LINE_RE.test(t)) {
      planSection = PLAN_HEADING_RE.test(t) && !REVIEW_HEADING_RE.test(t);
      return;
    }
    if (planSection) (byLine[i] as Marker[]).unshift({ pos: l.start, end: l.start, word: "" });
  });
  return byLine;
}

/** Forward-looking markers in [a, b) of `s` (simplified body text). */
export function findMarkers(s: string, a: number, b: number): Marker[] {
  const out: Marker[] = [];
  const para = a === 0 && b === s.length ? s : s.slice(a, b);
  const re = MARKER_RE_G;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(para)) !== null) {
    const before = para.slice(Math.max(0, m.index - 3), m.index);
    if ((m[0] === "争取" || m[0].startsWith("计划")) && MARKER_VETO_BEFORE_RE.test(before)) continue;
    out.push(withSubject({ pos: a + m.index, end: a + m.index + m[0].length, word: m[0] }, subjectBefore(para, m.index), a));
    if (out.length >= MAX_MARKERS) break;
  }
  const jy = JIANG_YAO_RE;
  jy.lastIndex = 0;
  while (out.length < 2 * MAX_MARKERS && (m = jy.exec(para)) !== null) {
    const i = m.index;
    const before = para.slice(Math.max(0, i - 3), i);
    const after = para.slice(i + 1, i + 7);
    if (m[0] === "将") {
      if (JIANG_VETO_AFTER_RE.test(after) || JIANG_VETO_BEFORE_RE.test(before)) continue;
      const subj = subjectBefore(para, i);
      // 今年将新增…: a time word before 将 makes it the future tense too.
      const timed = TIME_SUBJECT_RE.test(para.slice(i - clausePrefixLen(para, i), i).trim());
      if (!subj && !timed && !JIANG_FUTURE_AFTER_RE.test(after)) continue;
      if (subj === undefined && clausePrefixLen(para, i) === 0) continue; // 将产业发展放在… (= 把)
      out.push(withSubject({ pos: a + i, end: a + i + 1, word: "将" }, subj, a));
    } else {
      if (YAO_VETO_BEFORE_RE.test(before) || YAO_VETO_AFTER_RE.test(after)) continue;
      const pl = clausePrefixLen(para, i);
      if (pl > 8) continue;
      out.push(withSubject({ pos: a + i, end: a + i + 1, word: "要" }, subjectBefore(para, i), a));
    }
  }
  out.sort((x, y) => x.pos - y.pos);
  return out;
}

function clausePrefixLen(s: string, i: number): number {
  let k = i;
  while (k > 0 && i - k < 40 && !isClauseEnd(s[k - 1] as string)) k--;
  return i - k;
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

export function attribute(n: Normalised, raws: RawFigure[]): { figures: Attributed[]; markers: Marker[][] } {
  const s = n.body;
  const c = n.clean;
  const markersByLine = findAllMarkers(n);
  const out: Attributed[] = [];
  let li = 0;
  for (let k = 0; k < raws.length; k++) {
    const f = raws[k] as RawFigure;
    while (li < n.lines.length - 1 && (n.lines[li] as { end: number }).end < f.start) li++;
    const [clauseStart, clauseEnd] = boundsBy(s, f.start, f.end, 1);
    const [sentenceStart, sentenceEnd] = boundsBy(s, f.start, f.end, 2);
    const prev = out[out.length - 1];
    // Kind.
    const markers = markersByLine[li] ?? [];
    // The most recent cue wins: a goal marker of the paragraph (or of the figure's own clause)
    // makes it a target, unless a result cue (上半年, 已, 截至…) stands in its sentence after the
    // last marker: 各地要高度重视。全市上半年完成投资120亿元，增长8% -> reported.
    let target = false;
    let lastMarker = -1;
    for (const mk of markers) {
      if (mk.pos < f.start || (mk.pos >= clauseStart && mk.pos < clauseEnd)) {
        target = true;
        if (mk.pos < f.start) lastMarker = mk.pos;
      }
      if (mk.pos > clauseEnd) break;
    }
    // A marker in the figure's own clause governs its time words: 力争上半年…增长7%以上.
    if (target && lastMarker < clauseStart) {
      const lead = s.slice(sentenceStart, f.start);
      const rr = new RegExp(REPORTED_CLAUSE_RE.source, "g");
      let lastReported = -1;
      for (let m = rr.exec(lead); m; m = rr.exec(lead)) {
        // A cue inside the marker's own clause is governed by it: 确保一季度新开工项目20个以上，完成投资35亿元.
        const cue = sentenceStart + m.index;
        if (lastMarker < 0 || lastMarker < cue - clausePrefixLen(s, cue)) lastReported = cue;
      }
      // …but a floor or ceiling written on the figure is a commitment: 上半年新开工项目不少于25个.
      const committed = COMMITTED_BOUND_RE.test(s.slice(Math.max(clauseStart, f.start - 4), f.start));
      if (lastReported > lastMarker && !committed) target = false;
      if (PARTITIVE_AFTER_RE.test(s.slice(f.end, f.end + 10))) target = false;
    }
    const kind: Kind = target ? "target" : "reported";
    // Metric.
    // Rules match simplified text; the metric is then written back in the article's script.
    const { metric, change } = metricFor(n.simp, s, f, clauseStart, clauseEnd, prev, raws[k + 1]);
    const a: Attributed = {
      ...f,
      kind,
      clauseStart,
      clauseEnd,
      sentenceStart,
      sentenceEnd,
      paragraph: li,
    };
    if (metric) a.metric = metric;
    if (change) a.change = true;
    // Implied unit: borrow a money unit from a figure of the same sentence, else 元.
    if (a.implied) {
      const near = raws.find((r) => r !== f && r.unitSimp && MONEY_UNITS.has(r.unitSimp) && Math.abs(r.start - f.start) < 120);
      a.unit = near ? near.unit : "元";
      a.unitSimp = near ? near.unitSimp : "元";
      if (!a.approx && a.level) a.approx = "more_than";
    }
    out.push(a);
  }
  // Shared subject of a list: 城镇、农村居民人均可支配收入…分别增长8.1%、8.6%.
  distributeLists(out, n.simp);
  for (const a of out) {
    const key = a.metric ? metricKey(a.metric) : undefined;
    if (key) a.metricKey = key;
  }
  if (n.simp !== n.written) {
    const back = backMap(n);
    for (const a of out) if (a.metric) a.metric = [...a.metric].map((ch) => back.get(ch) ?? ch).join("");
  }
  return { figures: out, markers: markersByLine };
}

/** Simplified char -> the traditional char this document writes for it (經 for 经). */
function backMap(n: Normalised): Map<string, string> {
  const m = new Map<string, string>();
  const s = n.simp;
  const c = n.written;
  for (let i = 0; i < s.length; i++) {
    const a = s.charCodeAt(i);
    if (a !== c.charCodeAt(i) && !m.has(s[i] as string)) m.set(s[i] as string, c[i] as string);
  }
  return m;
}

function stripQuotes(t: string): string {
  return t.replace(/[“”‘’"'「」『』《》\s]|各类|各项|各种/g, "");
}

function peel(t: string): { core: string; tail: string } {
  let core = t.replace(METRIC_SUBJECT_RE, "").replace(METRIC_PLACE_LEAD_RE, "");
  let tail = "";
  for (let guard = 0; guard < 8; guard++) {
    const m = METRIC_LEAD_RE.exec(core);
    if (!m) break;
    core = core.slice(m[0].length);
  }
  for (let guard = 0; guard < 8; guard++) {
    const m = METRIC_TAIL_RE.exec(core);
    if (!m) break;
    tail = m[0] + tail;
    core = core.slice(0, core.length - m[0].length);
  }
  return { core, tail };
}

function metricFor(
  c: string,
  s: string,
  f: RawFigure,
  clauseStart: number,
  clauseEnd: number,
  prev: Attributed | undefined,
  next: RawFigure | undefined,
): { metric?: string; change?: boolean } {
  // After the figure: 1200个贫困户, 5个养老服务指导中心建成, 不低于1亿元的工业技改奖补资金.
  let ap = f.outerEnd;
  if (next && next.start === ap && next.end <= clauseEnd) ap = next.outerEnd; // 6处300余亩低效用地盘活
  if (s[ap] === "的") ap++;
  let np = "";
  if (isCjk(s[ap]) || s[ap] === "“") {
    const win = c.slice(ap, Math.min(clauseEnd, ap + METRIC_MAX + 4));
    let cut = win.length;
    const stop = METRIC_AFTER_STOP_RE.exec(win.replace(/^“[^”]{0,12}”/, (q) => "\u0000".repeat(q.length)));
    if (stop) cut = stop.index;
    for (let i = 0; i < cut; i++) {
      const ch = win[i] as string;
      if (/[0-9、]/.test(ch)) { cut = i; break; }
    }
    np = stripQuotes(win.slice(0, cut));
  }
  // Before the figure, from the clause start or the previous figure of the same clause.
  let segStart = clauseStart;
  if (prev && prev.end > clauseStart && prev.end <= f.start) {
    segStart = prev.outerEnd;
    if (c[segStart] === "、" || c[segStart] === "和" || c[segStart] === "及") segStart++;
  }
  let before = c.slice(Math.max(segStart, f.start - 40), f.outerStart);
  const deng = before.lastIndexOf("等");
  if (deng >= 0 && deng < before.length - 2) before = before.slice(deng + 1);
  const { core, tail } = peel(stripQuotes(before));
  const change =
    (CHANGE_RE.test(tail) && !CHANGE_TO_LEVEL_RE.test(tail)) ||
    (core.length === 0 && CHANGE_RE.test(before) && !CHANGE_TO_LEVEL_RE.test(before)) ||
    CHANGE_AFTER_RE.test(s.slice(f.outerEnd, f.outerEnd + 4));
  if (DURATION_UNITS.has(f.unitSimp)) {
    // 连续三年获评全省舆情工作先进单位, 秸秆禁烧连续6年实现“零火点”: the phrase around the duration.
    const rest = stripQuotes(c.slice(f.outerEnd, Math.min(clauseEnd, f.outerEnd + METRIC_MAX))).replace(/^(?:实现|保持|获评|被评为|荣获)?/, (w) => (core.replace(/连续|累计/g, "") ? "" : w));
    const m = (core.replace(/连续|累计/g, "") + rest).slice(0, METRIC_MAX);
    if (m.length >= 2) return { metric: m, change };
  }
  if (f.implied && core.length >= 2) return { metric: core.slice(-METRIC_MAX), change };
  if (np.length >= 2 && !(f.unitSimp === "%" && core.length >= 2)) return { metric: np.slice(0, METRIC_MAX), change };
  if (core.length >= 2) return { metric: core.slice(-METRIC_MAX), change };
  if (prev && prev.metric && prev.sentenceEnd >= f.start) {
    return { metric: prev.metric, change: change || (!!prev.change && core.length === 0) };
  }
  if (np.length >= 2) return { metric: np.slice(0, METRIC_MAX), change };
  return { change };
}

/** What joins the items of a list: 城镇、农村居民 / 城镇和农村居民 / 8.1%、8.6% / 5.6%和7.9%. */
const LIST_SEPARATORS = "、和及与";

function distributeLists(figs: Attributed[], c: string): void {
  for (let i = 0; i + 1 < figs.length; i++) {
    const a = figs[i] as Attributed;
    const b = figs[i + 1] as Attributed;
    if (!LIST_SEPARATORS.includes(c[a.outerEnd] as string) || b.start !== a.outerEnd + 1 || !a.metric) continue;
    const lead = c.slice(a.clauseStart, a.start);
    if (!lead.includes("分别")) continue;
    const parts = a.metric.split(/[、和及与]/);
    if (parts.length < 2) continue;
    const lastPart = parts[parts.length - 1] as string;
    const group: Attributed[] = [a];
    for (let j = i + 1; j < figs.length && group.length < parts.length; j++) {
      const g = figs[j] as Attributed;
      const p = group[group.length - 1] as Attributed;
      if (g.start !== p.outerEnd + 1 || !LIST_SEPARATORS.includes(c[p.outerEnd] as string)) break;
      group.push(g);
    }
    if (group.length !== parts.length) continue;
    group.forEach((g, k) => {
      const head = parts[k] as string;
      g.metric = k === parts.length - 1 ? lastPart : head + (lastPart.length > head.length ? lastPart.slice(head.length) : "");
      g.change = a.change;
    });
  }
}

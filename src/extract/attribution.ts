/**
 * Stage 4: attribution. For each raw figure: metric, change, sentence, list distribution and
 * implied units; its kind comes from kind.ts (section mode, goal markers, sentence cues).
 */
import type { Kind } from "./types";
import type { RawFigure } from "./figures";
import type { Normalised } from "./normalise";
import { CHANGE_RE, CHANGE_TO_LEVEL_RE, CHANGE_AFTER_RE } from "./rules/markers";
import { findAllMarkers, type LineMarkers } from "./markers";
import { kindOf } from "./kind";
import type { Sections, Mode } from "./sections";
import { metricKey } from "./metrickeys";
import { METRIC_PLACE_LEAD_RE, METRIC_SUBJECT_RE, METRIC_LEAD_RE, METRIC_TAIL_RE, METRIC_COMPARE_TAIL_RE, METRIC_AFTER_STOP_RE, QUOTED_NAME_LEAD_RE, DURATION_ADVERB_RE, DURATION_VERB_RE, METRIC_MEASURE_ALT_RE, COUNT_VERB_RE, COUNT_OUTCOME_RE, ATTRIBUTE_METRICS, ATTRIBUTE_OWNER_UNITS, TOTAL_METRICS, INCREMENT_VERB_RE, ENUMERATION_LEAD_RE, METRIC_MAX, LIST_MEASURE_WORDS, LIST_MODIFIER_MAX, LIST_SEPARATORS, LIST_SPLIT_RE, LIST_MEASURE_ENDS, METRIC_STRIP_RE, METRIC_ASPECT_RE, PAIRED_LIST_HEADS, ORDINAL_LIST_HEAD_RE } from "./rules/metric";
import { MONEY_UNITS } from "./rules/units";
import { DURATION_UNITS } from "./rules/notfigures";
import { boundsBy, endAt, MAX_SCAN } from "./text";
import { isDigit } from "./numbers";
import { filtered, neededChars, nextIndexOf, scanner, type Filtered } from "./scan";

/** The per-figure rules behind the scanner's filters: most calls are settled by a table lookup. */
// The tail rule is a big end-anchored alternation with look-behinds: searched for near the end only.
const TAIL = filtered(METRIC_TAIL_RE, { fromEnd: true });
const COMPARE_TAIL = filtered(METRIC_COMPARE_TAIL_RE);
const LEAD = filtered(METRIC_LEAD_RE);
const CHANGE = filtered(CHANGE_RE);
const CHANGE_TO_LEVEL = filtered(CHANGE_TO_LEVEL_RE);
const CHANGE_AFTER = filtered(CHANGE_AFTER_RE);
const SUBJECT = filtered(METRIC_SUBJECT_RE);
const PLACE_LEAD = filtered(METRIC_PLACE_LEAD_RE);
/** The stop-word alternation is tried only where a stop word can start (the leftmost match, as exec finds it). */
const AFTER_STOP = scanner(METRIC_AFTER_STOP_RE);

/** `t.replace(re, "")` for a rule anchored at the start (^): the text after its match. */
function dropLead(re: Filtered, t: string): string {
  const m = re.exec(t);
  return m ? t.slice(m[0].length) : t;
}

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

export function attribute(n: Normalised, raws: RawFigure[], sections: Sections): { figures: Attributed[]; markers: LineMarkers } {
  const s = n.body;
  const c = n.clean;
  const markersByLine = findAllMarkers(n);
  const scopes = sections.scopes;
  const out: Attributed[] = [];
  let li = 0;
  let si = 0;
  const bounds = new BoundsInOrder(s);
  // The body is folded (normalise.ts): its full-width brackets and bars are ASCII. Figures are
  // in text order, so each is found by forward searches that serve every figure up to it.
  const closes = nextIndexOf(s, ")");
  const bars = nextIndexOf(s, "|");
  // A text with no table bar (most) has no cell to cut a figure's words at.
  const hasBars = bars(0) >= 0;
  for (let k = 0; k < raws.length; k++) {
    const f = raws[k] as RawFigure;
    while (li < n.lines.length - 1 && (n.lines[li] as { end: number }).end < f.start) li++;
    bounds.of(f.start, f.end);
    const { clauseStart, clauseEnd, sentenceStart, sentenceEnd } = bounds;
    // A figure in a bracketed aside (255.28亿元（占规上工业比重为62.0%），同比增长12.5%) lends
    // neither its metric nor its clause to the figures after the bracket.
    let prev = out[out.length - 1];
    if (prev && out.length > 1 && foundBefore(closes, prev.outerEnd, f.start) < f.start) prev = out[out.length - 2];
    while (si + 1 < scopes.length && (scopes[si + 1] as { pos: number }).pos <= f.start) si++;
    const mode: Mode = scopes[si]?.mode ?? null;
    const kind = kindOf({ s, start: f.start, end: f.end, clauseStart, clauseEnd, sentenceStart, markers: markersByLine.of(li), mode });
    // Metric.
    // Rules match simplified text; the metric is then written back in the article's script.
    const own = metricFor(n.simp, s, f, clauseStart, clauseEnd, prev, raws[k + 1], hasBars ? bars : null);
    const change = own.change;
    // The set of metric names is asked last: hashing the new metric string is the dearest test.
    const named = own.metric && prev?.metric && prev.sentenceEnd >= f.start ? ownerOf(own.metric, prev, f) : own.metric;
    const metric = named && named.charCodeAt(2) === 0x4e86 ? named.replace(METRIC_ASPECT_RE, "$1") : named; // 了
    // Every field written in one order (optional ones as undefined): one hidden class for all
    // figures. A spread of the raw figure plus later additions made a shape per combination of
    // optional fields, and building them was a tenth of extract()'s time.
    const a: Attributed = {
      start: f.start,
      end: f.end,
      value: f.value,
      valueMax: f.valueMax,
      unit: f.unit,
      unitSimp: f.unitSimp,
      approx: f.approx,
      implied: f.implied,
      level: f.level,
      outerStart: f.outerStart,
      outerEnd: f.outerEnd,
      metric: metric || undefined,
      metricKey: undefined,
      change: change ? true : undefined,
      kind,
      clauseStart,
      clauseEnd,
      sentenceStart,
      sentenceEnd,
      paragraph: li,
    };
    // Implied unit: borrow a money unit from a figure of the same sentence, else 元.
    if (a.implied) {
      const near = moneyUnitNear(raws, k);
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
  if (out.some((a) => a.metric) && n.simp !== n.written) {
    const back = backMap(n, out);
    if (back.size > 0) for (const a of out) if (a.metric) a.metric = writeBack(a.metric, back);
  }
  return { figures: out, markers: markersByLine };
}

/** The attribute word (总投资, 产值) that ends a phrase, if any: the longest first. */
function attributeEnding(phrase: string): string | undefined {
  let best: string | undefined;
  for (const a of ATTRIBUTE_METRICS) if (phrase.endsWith(a) && (!best || a.length > best.length)) best = a;
  return best;
}

/**
 * An attribute or a total of the things counted just before (重点项目200项，总投资3000亿元 /
 * 新增企业27户，总数达到312户) is theirs: it takes their metric first.
 */
function ownerOf(metric: string, prev: Attributed, f: RawFigure): string {
  const owner = prev.metric as string;
  // The units are tested first: hashing the metric string is the dearer test.
  if (ATTRIBUTE_OWNER_UNITS.has(prev.unitSimp) && MONEY_UNITS.has(f.unitSimp) && ATTRIBUTE_METRICS.has(metric)) return owner + metric;
  if (prev.unitSimp === f.unitSimp && TOTAL_METRICS.has(metric)) return owner.replace(INCREMENT_VERB_RE, "") + metric;
  return metric;
}

/** A closing bracket between two figures: the first was an aside. */
/** Within this many characters a figure's money unit lends itself to a figure without one. */
const UNIT_LENDING_SPAN = 120;

/**
 * The first figure (in text order) within UNIT_LENDING_SPAN of raws[k] that has a money unit.
 * raws are in text order, so only the window around k is read (a scan of every figure for every
 * implied unit was quadratic in a long report).
 */
function moneyUnitNear(raws: RawFigure[], k: number): RawFigure | undefined {
  const at = raws[k]!.start;
  let j = k;
  while (j > 0 && at - raws[j - 1]!.start < UNIT_LENDING_SPAN) j--;
  for (; j < raws.length && raws[j]!.start - at < UNIT_LENDING_SPAN; j++) {
    const r = raws[j]!;
    if (j !== k && r.unitSimp && MONEY_UNITS.has(r.unitSimp)) return r;
  }
  return undefined;
}

/** The position `next` finds from `from` when it is before `to`, else `to`. */
function foundBefore(next: (from: number) => number, from: number, to: number): number {
  const at = next(from);
  return at >= 0 && at < to ? at : to;
}

/**
 * Clause and sentence bounds (boundsBy with bits 1 and 2) for figures in text order. A figure
 * inside the bounds found for the one before, when those bounds stopped at real ends (not at
 * MAX_SCAN) within its own reach and the earlier figure's own text holds no end (1,100 holds a
 * comma), has the same bounds: the scans would pass the same characters. Figures share
 * sentences, so most bounds are not scanned; a sentence's scan gives its figure's clause bounds
 * on the way (the first clause end it meets each way), so a clause is scanned on its own only
 * in a sentence already known. The bounds of the last figure asked for are the four fields (no
 * pair allocated per figure).
 */
class BoundsInOrder {
  clauseStart = 0;
  clauseEnd = 0;
  sentenceStart = 0;
  sentenceEnd = 0;
  private known = false;
  private prevStart = 0;
  private prevEnd = 0;
  constructor(private readonly s: string) {}

  /** Whether the bounds [a, b) by `bit` found for the figure before are the figure [start, end)'s too. */
  private same(a: number, b: number, bit: number, start: number, end: number): boolean {
    const s = this.s;
    let same =
      this.known && start >= this.prevEnd && end <= b && start < b &&
      a >= start - MAX_SCAN && (a === 0 || (endAt(s, a - 1) & bit) !== 0) &&
      b <= end + MAX_SCAN && (b === s.length || (endAt(s, b) & bit) !== 0);
    for (let i = this.prevStart; same && i < this.prevEnd; i++) if (endAt(s, i) & bit) same = false;
    return same;
  }

  /** Sets the four fields to the bounds of the figure [start, end). */
  of(start: number, end: number): void {
    const s = this.s;
    const sameClause = this.same(this.clauseStart, this.clauseEnd, 1, start, end);
    const sameSentence = this.same(this.sentenceStart, this.sentenceEnd, 2, start, end);
    this.prevStart = start;
    this.prevEnd = end;
    this.known = true;
    if (!sameSentence) {
      // Sentence ends are clause ends too: the first clause end met before the sentence's is the clause's.
      let a = start;
      let ca = -1;
      const aMin = Math.max(0, start - MAX_SCAN);
      for (; a > aMin; a--) {
        const e = endAt(s, a - 1);
        if (e & 2) break;
        if (e & 1 && ca < 0) ca = a;
      }
      let b = end;
      let cb = -1;
      const bMax = Math.min(s.length, end + MAX_SCAN);
      for (; b < bMax; b++) {
        const e = endAt(s, b);
        if (e & 2) break;
        if (e & 1 && cb < 0) cb = b;
      }
      this.sentenceStart = a;
      this.sentenceEnd = b;
      if (!sameClause) {
        this.clauseStart = ca >= 0 ? ca : a;
        this.clauseEnd = cb >= 0 ? cb : b;
      }
    } else if (!sameClause) {
      const [a, b] = boundsBy(s, start, end, 1);
      this.clauseStart = a;
      this.clauseEnd = b;
    }
  }
}

/**
 * Simplified code unit -> the character this document writes for it first (經 for 经, ， for the
 * folded ,), for the code units of the figures' metrics only: the text is read once, and a
 * position is compared only when its character is one a metric holds.
 */
function backMap(n: Normalised, figs: Attributed[]): Map<number, string> {
  const need = NEED;
  const wanted: number[] = [];
  // When simplify changed nothing (simp is clean), written and simp differ only where the
  // full-width fold did, and the fold writes ASCII (normalise.ts): only a metric's ASCII
  // characters can have another written form, and a metric without any needs no pass at all.
  const foldOnly = n.simp === n.clean;
  for (const f of figs) {
    const t = f.metric;
    if (!t) continue;
    for (let i = 0; i < t.length; i++) {
      const a = t.charCodeAt(i);
      if (need[a] || (foldOnly && a >= 0x80)) continue;
      need[a] = 1;
      wanted.push(a);
    }
  }
  const m = new Map<number, string>();
  const s = n.simp;
  const c = n.written;
  if (foldOnly) {
    // The fold writes ASCII only from its full-width form (U+FF01–FF5E, 0xFEE0 above it) and a
    // space only from U+3000 or U+00A0 (normalise.ts): the first place the document writes a
    // wanted character otherwise is the first of those forms in the written text, one native
    // search each (a read of the simplified text's every occurrence of a digit was not).
    for (const a of wanted) {
      const forms = a === 0x20 ? "\u3000\u00a0" : a >= 0x21 && a <= 0x7e ? String.fromCharCode(a + 0xfee0) : "";
      let first = -1;
      for (let k = 0; k < forms.length; k++) {
        const i = c.indexOf(forms[k] as string);
        if (i >= 0 && (first < 0 || i < first)) first = i;
      }
      if (first >= 0) m.set(a, c[first] as string);
    }
  } else if (wanted.length > 0) {
    // Converted text: a character goes back to its other form only where the document writes
    // that form at least as often as the simplified one. A simplified page that links to its
    // 繁體中文 edition writes 体 everywhere else, and its metrics keep 体.
    const balance = BALANCE;
    for (let i = 0; i < s.length; i++) {
      const a = s.charCodeAt(i);
      if (!need[a]) continue;
      if (c.charCodeAt(i) === a) {
        balance[a] = (balance[a] as number) - 1;
        continue;
      }
      balance[a] = (balance[a] as number) + 1;
      if (!m.has(a)) m.set(a, c[i] as string);
    }
    for (const a of wanted) {
      if ((balance[a] as number) < 0) m.delete(a);
      balance[a] = 0;
    }
  }
  for (const a of wanted) need[a] = 0;
  return m;
}

/** backMap's table of wanted code units, kept zero between calls (64 KB is not cleared per document). */
const NEED = new Uint8Array(0x10000);
/** backMap's count, per wanted code unit, of other forms written less same forms; kept zero between calls. */
const BALANCE = new Int32Array(0x10000);

/** A metric in the article's script: each simplified character the document writes otherwise, written back. */
function writeBack(metric: string, back: Map<number, string>): string {
  let out = "";
  let from = 0;
  for (let i = 0; i < metric.length; i++) {
    const a = metric.charCodeAt(i);
    // Surrogates are never converted (normalise keeps them as written).
    if (a >= 0xd800 && a <= 0xdfff) continue;
    const w = back.get(a);
    if (w === undefined) continue;
    out += metric.slice(from, i) + w;
    from = i + 1;
  }
  return from === 0 ? metric : out + metric.slice(from);
}

/** The characters a match of METRIC_STRIP_RE needs: a phrase with none of them is returned as it is, with no regex call. */
const STRIP_NEEDS = neededChars(METRIC_STRIP_RE);

function stripQuotes(t: string): string {
  if (STRIP_NEEDS) {
    let any = false;
    for (let i = 0; i < t.length && !any; i++) any = STRIP_NEEDS[t.charCodeAt(i)] === 1;
    if (!any) return t;
  }
  return t.replace(METRIC_STRIP_RE, "");
}

/** The noun phrase before a figure, without its subject when that leaves one (新增信贷投入预计达到 keeps it). */
function peel(t: string): { core: string; tail: string } {
  const lead = dropLead(SUBJECT, t);
  const p = peelFrom(lead);
  // With no subject dropped, peeling the whole phrase again would give the same answer.
  return p.core.length >= 2 || lead === t ? p : peelFrom(t);
}

function peelFrom(t: string): { core: string; tail: string } {
  let core = dropLead(PLACE_LEAD, t);
  let tail = "";
  for (let guard = 0; guard < 8; guard++) {
    const m = LEAD.exec(core);
    if (!m) break;
    core = core.slice(m[0].length);
  }
  for (let guard = 0; guard < 8; guard++) {
    const m = TAIL.exec(core) ?? COMPARE_TAIL.exec(core);
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
  bars: ((from: number) => number) | null,
): { metric?: string; change?: boolean } {
  // After the figure: 1200个贫困户, 5个养老服务指导中心建成, 不低于1亿元的工业技改奖补资金.
  // In a table row (服务时长 | 2小时 | 活动日期 | …) a figure's cell ends at the next bar.
  const cellEnd = bars ? foundBefore(bars, f.outerEnd, clauseEnd) : clauseEnd;
  let ap = f.outerEnd;
  if (next && next.start === ap && next.end <= cellEnd) ap = next.outerEnd; // 6处300余亩低效用地盘活
  // By code unit: s[i] of a CJK character is a new one-character string.
  let at = s.charCodeAt(ap);
  const alt = at === 0xff08 || at === 0x28 ? METRIC_MEASURE_ALT_RE.exec(s.slice(ap, ap + 4)) : null; // （ (
  if (alt) at = s.charCodeAt((ap += alt[0].length));
  if (at === 0x7684) at = s.charCodeAt(++ap); // 的
  const win = (at >= 0x3400 && at <= 0x9fff) || at === 0x201c ? c.slice(ap, Math.min(cellEnd, ap + METRIC_MAX + 4)) : ""; // CJK (isCjk) or “
  let np = win ? nounAfter(win) : "";
  // Before the figure, from the clause start or the previous figure of the same clause.
  let segStart = clauseStart;
  if (prev && prev.end > clauseStart && prev.end <= f.start) {
    segStart = prev.outerEnd;
    const sc = c.charCodeAt(segStart);
    if (sc === 0x3001 || sc === 0x548c || sc === 0x53ca) segStart++; // 、 和 及
  }
  const from = Math.max(segStart, f.start - 40);
  let before = bars ? cellBefore(c.slice(from, f.outerStart)) : c.slice(from, f.outerStart);
  // A count after an enumeration (涞源、曲阳、唐县等17个有河道的县城) counts what follows it: the
  // members named before 等 are no metric; a verb or 有 opening the phrase after is passed over and
  // a modifier joins its noun without 的 (河道县城, 国家重点生态功能区县), as the gold writes them.
  // With no noun after it, the members are what is counted (新增企业技术中心、重点实验室等250家).
  if (isCount(f) && before.endsWith("等")) {
    const lead = np.length < 2 ? ENUMERATION_LEAD_RE.exec(win) : null;
    if (lead) {
      const rest = win.slice(lead[0].length);
      np = nounAfter(rest);
      if (np && rest[np.length] === "的") np += nounAfter(rest.slice(np.length + 1));
    }
    if (np.length >= 2) return { metric: np.slice(0, METRIC_MAX) };
  }
  // The words after the last 等 (when two or more follow it), quotes stripped: one read back
  // finds the 等 and whether the words kept hold a character METRIC_STRIP_RE needs.
  let strip = !STRIP_NEEDS;
  let i = before.length - 1;
  for (; i >= 0; i--) {
    const ch = before.charCodeAt(i);
    if (ch === 0x7b49) break; // 等
    if (STRIP_NEEDS?.[ch] === 1) strip = true;
  }
  if (i >= 0 && i < before.length - 2) before = before.slice(i + 1);
  else for (; i >= 0 && !strip; i--) strip = STRIP_NEEDS?.[before.charCodeAt(i)] === 1;
  const { core, tail } = peel(strip ? before.replace(METRIC_STRIP_RE, "") : before);
  const change =
    (CHANGE.test(tail) && !CHANGE_TO_LEVEL.test(tail)) ||
    (core.length === 0 && CHANGE.test(before) && !CHANGE_TO_LEVEL.test(before)) ||
    CHANGE_AFTER.test(s, f.outerEnd, f.outerEnd + 4);
  if (DURATION_UNITS.has(f.unitSimp)) {
    // 连续三年获评全省舆情工作先进单位, 秸秆禁烧连续6年实现“零火点”: the phrase around the duration.
    const bare = core.replace(DURATION_ADVERB_RE, "");
    const after = stripQuotes(c.slice(f.outerEnd, Math.min(cellEnd, f.outerEnd + METRIC_MAX)));
    const rest = bare ? after.replace(DURATION_VERB_RE, "") : after;
    const m = (bare + rest).slice(0, METRIC_MAX);
    if (m.length >= 2) return { metric: m, change };
  }
  if (f.implied && core.length >= 2) return { metric: core.slice(-METRIC_MAX), change };
  // An attribute written before the amount that qualifies a noun (总投资150亿元的弘元新材料项目)
  // is what the amount measures; the noun after it is what it belongs to.
  if (c.charCodeAt(f.outerEnd) === 0x7684 && MONEY_UNITS.has(f.unitSimp)) { // 的
    const attribute = attributeEnding(core);
    if (attribute) return { metric: attribute, change };
  }
  if (np.length >= 2 && !(f.unitSimp === "%" && core.length >= 2)) return { metric: ((isCount(f) && COUNT_VERB_RE.test(core) ? core : "") + np).slice(0, METRIC_MAX), change };
  if (core.length >= 2) return { metric: core.slice(-METRIC_MAX), change };
  if (core.length === 0 && isCount(f)) {
    const verb = COUNT_OUTCOME_RE.exec(win);
    if (verb) return { metric: (verb[0] + nounAfter(win.slice(verb[0].length))).slice(0, METRIC_MAX), change };
  }
  if (prev && prev.metric && prev.sentenceEnd >= f.start) {
    return { metric: prev.metric, change: change || (!!prev.change && core.length === 0) };
  }
  if (np.length >= 2) return { metric: np.slice(0, METRIC_MAX), change };
  return { change };
}

const isAsciiLetter = (c: number) => (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a;

/** The noun phrase that opens `win` (the text after a figure), up to a stop word, a number or a list 、. */
function nounAfter(win: string): string {
  let cut = win.length;
  // A quoted name first (“…”) is masked so that no stop word inside it cuts the phrase.
  const stop = AFTER_STOP.find(win.charCodeAt(0) === 0x201c ? win.replace(QUOTED_NAME_LEAD_RE, (q) => "\u0000".repeat(q.length)) : win, 0);
  if (stop >= 0) cut = stop;
  // A bracketed alternative (县（市、区）) is one word: its 、 does not end the noun.
  for (let i = 0, depth = 0; i < cut; i++) {
    const ch = win.charCodeAt(i);
    if (ch === 0xff08 || ch === 0x28) depth++; // （ (
    else if ((ch === 0xff09 || ch === 0x29) && depth > 0) depth--; // ） )
    else if (depth === 0 && ch === 0x3001) { cut = i; break; } // 、
    else if (depth === 0 && isDigit(ch)) {
      // A number starts the next figure, unless letters follow it: a term (5G工厂, 4K超高清, 3D打印).
      let j = i + 1;
      while (j < cut && isDigit(win.charCodeAt(j))) j++;
      if (!isAsciiLetter(win.charCodeAt(j))) { cut = i; break; }
      i = j;
    }
  }
  return stripQuotes(win.slice(0, cut));
}

/** A table cell's bar at s[i], by code unit (| or ｜). */
const isBarAt = (s: string, i: number) => s.charCodeAt(i) === 0x7c || s.charCodeAt(i) === 0xff5c;

/** A count of things (个, 条, 所), not an amount of money or a rate. */
const isCount = (f: RawFigure) => f.unitSimp !== "%" && !f.unitSimp.endsWith("元");


/** The text before a figure within its table cell; a figure alone in its cell takes the cell before as its label. */
function cellBefore(t: string): string {
  let e = t.length;
  while (e > 0 && t[e - 1] === " ") e--;
  const alone = isBarAt(t, e - 1);
  if (alone) e--;
  let a = e;
  while (a > 0 && !isBarAt(t, a - 1)) a--;
  return alone || a > 0 ? t.slice(a, e) : t;
}

/** The last item's words from its first measure word on (二氧化硫排放量 -> 排放量), if any. */
function sharedTail(lastPart: string): string | undefined {
  let at = -1;
  let word = "";
  for (const w of LIST_MEASURE_WORDS) {
    const i = lastPart.indexOf(w, 1);
    if (i >= 0 && (at < 0 || i < at || (i === at && w.length > word.length))) [at, word] = [i, w];
  }
  return at >= 0 ? lastPart.slice(at) : undefined;
}

/**
 * An item's metric from the measure the last item writes: a short modifier takes the last item's
 * words after its own (城镇 + 农村居民收入 -> 城镇居民收入), a whole noun the shared measure
 * (化学需氧量 + 排放量) unless it ends in a measure word of its own (营业总收入).
 */
function sharedMeasure(head: string, lastPart: string, tail: string | undefined): string {
  // The modifier reading needs the last item to hold a word of its own between its modifier and
  // the tail (农村 + 居民人均可支配 + 收入); 镍产量 or 天然气产量 is a noun and its measure (黄金产量).
  const own = tail ? lastPart.length - tail.length : lastPart.length;
  if (head.length <= LIST_MODIFIER_MAX && own >= head.length + 2) return head + lastPart.slice(head.length);
  return tail && !LIST_MEASURE_WORDS.some((w) => head.endsWith(w)) && !LIST_MEASURE_ENDS.includes(head.slice(-1)) ? head + tail : head;
}


/**
 * The noun list of the clause before figure `i`'s (same sentence, no figure in it), peeled as a
 * metric is: what a bare 分别 clause after it refers to.
 */
function clauseBefore(figs: Attributed[], i: number, c: string): string | undefined {
  const a = figs[i] as Attributed;
  const end = a.clauseStart - 1;
  if (end <= a.sentenceStart || (endAt(c, end) & 5) !== 1) return undefined;
  let k = end;
  while (k > a.sentenceStart && end - k < METRIC_MAX * 2 && (endAt(c, k - 1) & 1) === 0) k--;
  if (k > a.sentenceStart && (endAt(c, k - 1) & 1) === 0) return undefined;
  const prev = figs[i - 1];
  if (prev && prev.end > k) return undefined;
  const core = peel(c.slice(k, end)).core;
  return core.length >= 2 ? core : undefined;
}

/** A list separator (LIST_SEPARATORS) at c[i], by code unit: c[i] of a CJK character is a new string. */
const LIST_SEPARATOR_CODES = [...LIST_SEPARATORS].map((ch) => ch.charCodeAt(0));
const isListSepAt = (c: string, i: number): boolean => LIST_SEPARATOR_CODES.includes(c.charCodeAt(i));

/** The figures from `i` on joined by list separators (8.1%、8.6% / 8.1%和8.6%). */
function listFrom(figs: Attributed[], i: number, c: string): Attributed[] {
  const group: Attributed[] = [figs[i] as Attributed];
  for (let j = i + 1; j < figs.length; j++) {
    const g = figs[j] as Attributed;
    const p = group[group.length - 1] as Attributed;
    if (g.start !== p.outerEnd + 1 || !isListSepAt(c, p.outerEnd)) break;
    group.push(g);
  }
  return group;
}

function distributeLists(figs: Attributed[], c: string): void {
  for (let i = 0; i + 1 < figs.length; i++) {
    const a = figs[i] as Attributed;
    const b = figs[i + 1] as Attributed;
    if (b.start !== a.outerEnd + 1 || !isListSepAt(c, a.outerEnd)) continue;
    const lead = c.slice(a.clauseStart, a.start);
    if (!lead.includes("分别")) continue;
    const full = peel(lead).core;
    let list = a.metric;
    if (full === "") {
      // 财政总收入30.9亿元，其中地方财政收入17.3亿元，分别增长13.3%、8.6%: a list with no subject of
      // its own takes, item by item, the metrics of as many figures before it in the sentence.
      const group = listFrom(figs, i, c);
      const before = figs.slice(0, i).filter((f) => f.sentenceStart === a.sentenceStart && f.metric && !f.change);
      if (group.length >= 2 && before.length >= group.length) {
        const named = before.slice(-group.length);
        group.forEach((g, k) => { g.metric = (named[k] as Attributed).metric; });
        i += group.length - 1;
        continue;
      }
      // 引进省外资金、技术、人才，分别增长29%、23.6%和63.9%: the clause before names the items.
      list = clauseBefore(figs, i, c) ?? list;
    } else if (a.metric && full.length > a.metric.length && full.endsWith(a.metric)) {
      // The list itself, not the metric cut to METRIC_MAX (生产安全事故起数、死亡人数、受伤人数、直接经济损失).
      list = full;
    }
    if (!list) continue;
    const parts = list.split(LIST_SPLIT_RE);
    if (parts.length < 2) {
      const pair = PAIRED_LIST_HEADS[list.slice(0, 2)];
      const two = pair ? listFrom(figs, i, c) : [];
      if (pair && two.length === 2) {
        two.forEach((g, k) => {
          g.metric = pair[k] + list.slice(2);
          g.change = a.change;
        });
        i++;
      }
      continue;
    }
    const lastPart = parts[parts.length - 1] as string;
    const group: Attributed[] = [a];
    for (let j = i + 1; j < figs.length && group.length < parts.length; j++) {
      const g = figs[j] as Attributed;
      const p = group[group.length - 1] as Attributed;
      if (g.start !== p.outerEnd + 1 || !isListSepAt(c, p.outerEnd)) break;
      group.push(g);
    }
    if (group.length !== parts.length) continue;
    const tail = sharedTail(lastPart);
    // 第一、二、三产业增加值: each numeral with the 第 of the first and the words of the last.
    const ordinal = (parts[0] as string).startsWith("第") && parts.every((p, k) => ORDINAL_LIST_HEAD_RE.test(k === parts.length - 1 ? p.slice(0, 1) : p));
    group.forEach((g, k) => {
      const head = parts[k] as string;
      const last = k === parts.length - 1;
      g.metric = ordinal ? `第${last ? lastPart.slice(0, 1) : head.slice(-1)}${lastPart.slice(1)}` : last ? lastPart : sharedMeasure(head, lastPart, tail);
      g.change = a.change;
    });
  }
}

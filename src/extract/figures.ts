/**
 * Stage 3: figures. Finds numeric tokens in `body`, reads the range, 余/多, unit and approximation
 * around each, and drops what ANNOTATION.md says is not a figure (dates, names, labels, ranks,
 * thresholds, 一 as an article, quoted slogans). Offsets here are clean-text indexes.
 */
import type { Approx } from "./types";
import { parseNumber, type ParsedNumber } from "./numbers";
import { NUMBER_RE, NUMBER_SCAN_RE, NUMBER_AT_RE, CN_NUMERAL_FIRST_RE, CN_NUMERAL_NEXT_RE, CN_NUMERAL_MAX, RANGE_SEP_RE, INNER_MORE_RE, CN_PERCENT_RE } from "./rules/numerals";
import { UNIT_FORMS, PARALLEL_JOINS, SUPPLIED_UNIT_RULES, IMPLIED_UNIT_FRAME_RE, IMPLIED_UNIT_AFTER_RE, BARE_MONEY_BEFORE_RE, BARE_MONEY_AFTER_RE } from "./rules/units";
import { PREFIX_APPROX, SUFFIX_APPROX, type ApproxRule } from "./rules/approx";
import { NOT_FIGURE_RULES, DURATION_LEAD_RE, DURATION_UNITS, AT_LEAST_LEAD_RE, LIST_TOTAL_LEAD_RE, COUNT_VERB_LEAD_RE, COUNTED_UNITS, SETTLEMENT_THRESHOLD_RE, MAX_QUOTE_LEN, QUOTE_OPENERS } from "./rules/notfigures";
import { endAt, insideQuote } from "./text";
import { firstChars, edges, classChars, filtered, type Filtered } from "./scan";
import { bitsOf, hasBit, newBits, setBit } from "../text/bits";

export interface RawFigure {
  /** [start, end) in clean text. */
  start: number;
  end: number;
  value: number;
  valueMax?: number;
  unit: string;
  /** Simplified form of the unit (for money checks). */
  unitSimp: string;
  approx?: Approx;
  implied?: boolean;
  /** A level reached (迈上百亿台阶): more_than unless written otherwise. */
  level?: boolean;
  /** Where the approximation words around it end/start (for metric cut). */
  outerStart: number;
  outerEnd: number;
}

const isD = (c: number) => c >= 48 && c <= 57;

const isYear = (v: number) => Number.isInteger(v) && v >= 1900 && v <= 2100;

/**
 * 12 significant digits (0.1 + 0.2 -> 0.3). toPrecision is slow, and most values need none:
 * integers below 1e12, and a value that is the nearest double to a decimal k / 1e4 with |k| <
 * 1e12 (12.5, 0.35), which has at most 12 significant digits and so comes back from
 * toPrecision(12) as itself.
 */
function round(v: number): number {
  if (Number.isInteger(v) && v !== 0 && Math.abs(v) < 1e12) return v;
  const k = Math.round(v * 1e4);
  // k / 1e4 is correctly rounded: equal to v only when v is the nearest double to that decimal.
  if (v !== 0 && Math.abs(k) < 1e12 && k / 1e4 === v) return v;
  return Number(v.toPrecision(12));
}

/** A unit form as matchUnit reports it; built once per form, so a match allocates nothing. */
interface UnitMatch {
  form: string;
  money: boolean;
  unit?: string;
  /** Characters that must not follow the form (项目 is a noun, not 项): a few, read by code unit. */
  notFollowedBy: string;
  /** The form's second code unit (NaN for a one-character form). */
  second: number;
}

/**
 * Unit forms indexed by the code unit of their first character (longest first within each
 * bucket): a number key and no one-character string per lookup (a CJK character read as s[i] is
 * a new string each time).
 */
const UNITS_BY_FIRST = new Map<number, UnitMatch[]>();
for (const { form, rule } of UNIT_FORMS) {
  const k = form.charCodeAt(0);
  const list = UNITS_BY_FIRST.get(k) ?? [];
  list.push({ form, money: !!rule.money, unit: rule.unit, notFollowedBy: rule.notFollowedBy ?? "", second: form.charCodeAt(1) });
  UNITS_BY_FIRST.set(k, list);
}
const UNIT_LISTS = [...UNITS_BY_FIRST.values()];

/** A rule that is one character class, as a table (tested by a lookup, not a regex call per figure). */
function oneClass(re: RegExp): Uint8Array {
  const t = classChars(re);
  if (!t) throw new Error(`${re} must be one character class`);
  return t;
}

/**
 * What readFigure asks of the character after a number, as one table by code unit: the low
 * byte is 1 + the index in UNIT_LISTS of the unit forms starting with it (0 for none), and the
 * bits above say whether a figure may go on with it (FOLLOWS), it is a range separator
 * (RANGE_SEP), 余/多 (INNER_MORE) or joins a bare number to the next (PARALLEL_JOIN). Most of
 * these are asked of one character in turn: one table holds them in one cache line, not four.
 */
const CHAR_AT = new Uint16Array(0x10000);
const UNIT_LIST = 0xff;
const FOLLOWS = 0x100;
const RANGE_SEP = 0x200;
const INNER_MORE = 0x400;
const PARALLEL_JOIN = 0x800;
{
  const mark = (c: number, bit: number) => (CHAR_AT[c] = (CHAR_AT[c] as number) | bit);
  if (UNIT_LISTS.length > 254) throw new RangeError("too many unit first characters for a byte of the table");
  [...UNITS_BY_FIRST.keys()].forEach((c, k) => mark(c, k + 1));
  // A figure goes on with a unit, 余/多, a range separator or a parallel join.
  for (const c of ["余", "餘", "多", "-", "~", "—", "–", "至", "到", " ", ...PARALLEL_JOINS]) mark(c.charCodeAt(0), FOLLOWS);
  for (const k of UNITS_BY_FIRST.keys()) mark(k, FOLLOWS);
  const rangeSep = oneClass(RANGE_SEP_RE);
  const innerMore = oneClass(INNER_MORE_RE);
  for (let c = 0; c < 0x10000; c++) {
    if (rangeSep[c]) mark(c, RANGE_SEP);
    if (innerMore[c]) mark(c, INNER_MORE);
  }
  for (const c of PARALLEL_JOINS) mark(c.charCodeAt(0), PARALLEL_JOIN);
}
/**
 * The code units with any CHAR_AT bit, as bits (8 KB): most characters after a number have
 * none, and this is read first, so the 128 KB table is read (and warmed) only for the few that do.
 */
const CHAR_ANY = bitsOf(CHAR_AT);
/** CHAR_AT's bits of the code unit s[i] (0 past either end: NaN reads bit 0 of U+0000's word, which has none). */
const charAt = (s: string, i: number): number => {
  const c = s.charCodeAt(i);
  return hasBit(CHAR_ANY, c) === 0 ? 0 : (CHAR_AT[c] as number);
};

/** Up to two 万/亿 at `from` followed by a unit: where the unit starts and the magnitude (万元 -> 1e4). */
/**
 * The unit of the Arabic figure joined right after `pos` (和1.2个百分点, 、20平方米), with its
 * magnitude and where the unit starts, or null.
 */
function parallelUnit(body: string, pos: number): { unit: UnitMatch; mag: number; at: number } | null {
  // Across bare numbers to the first with a unit (提高20.9、36.2、54个百分点), a few at most.
  for (let hop = 0; hop < MAX_PARALLEL_HOPS; hop++) {
    if (!(charAt(body, pos) & PARALLEL_JOIN)) return null;
    // An Arabic number only (a Chinese numeral after 和 is a word more often than a figure).
    if (!isD(body.charCodeAt(pos + 1))) return null;
    // Its end by a sticky test (lastIndex), the number parsed in place.
    NUMBER_AT_RE.lastIndex = pos + 1;
    if (!NUMBER_AT_RE.test(body)) return null;
    const next = NUMBER_AT_RE.lastIndex;
    const tail = magnitudeThenUnit(body, next);
    const unit = tail ? matchUnit(body, tail.pos) : null;
    // The magnitude written in the joined number (3.5万人) or between it and the unit.
    const written = parseNumber(body, pos + 1, next)?.magnitude ?? 1;
    if (tail && unit) return { unit, mag: written * tail.mag, at: tail.pos };
    pos = next;
  }
  return null;
}
/** How many bare numbers a list may hold before the one that writes the unit. */
const MAX_PARALLEL_HOPS = 6;

function magnitudeThenUnit(body: string, from: number): { pos: number; mag: number } | null {
  let k = from;
  let mag = 1;
  // By code unit (body[k] of a CJK character is a new string): 万 萬 1e4, 亿 億 1e8.
  for (let c = body.charCodeAt(k); k < from + 2 && (c === 0x4e07 || c === 0x842c || c === 0x4ebf || c === 0x5104); c = body.charCodeAt(++k)) {
    mag *= c === 0x4e07 || c === 0x842c ? 1e4 : 1e8;
  }
  return matchUnit(body, k) ? { pos: k, mag } : null;
}

/** Whether code unit c is one of `t`'s (a handful: a loop, not a hash). */
function heldIn(t: string, c: number): boolean {
  for (let i = 0; i < t.length; i++) if (t.charCodeAt(i) === c) return true;
  return false;
}

function matchUnit(s: string, pos: number): UnitMatch | null {
  const at = charAt(s, pos) & UNIT_LIST;
  if (!at) return null;
  const next = s.charCodeAt(pos + 1);
  for (const u of UNIT_LISTS[at - 1] as UnitMatch[]) {
    // Its first code unit is s[pos] (the bucket); the second settles most forms without a call.
    if (u.form.length === 1 || (u.second === next && s.startsWith(u.form, pos))) {
      // Past the end charCodeAt is NaN, which equals no code unit.
      if (u.notFollowedBy !== "" && heldIn(u.notFollowedBy, s.charCodeAt(pos + u.form.length))) continue;
      return u;
    }
  }
  return null;
}

/**
 * The code units the figure scan stops at, as bits (8 KB): those a number can start with, and the
 * quote openers. The scan reads every character of the body before a figure, so it notes the last
 * quote opener on its way, and a figure with none within MAX_QUOTE_LEN before it is in no quote
 * without insideQuote reading back (most figures are in none). The scan is its own loop, not the
 * shared scanner's `find`: that one serves every stage's scanners, so nothing of it is inlined here.
 */
const NUMBER_FIRST = firstChars(NUMBER_SCAN_RE);
if (!NUMBER_FIRST) throw new Error("NUMBER_SCAN_RE needs a first-character filter");
const SCAN_STOP = bitsOf(NUMBER_FIRST);
/** The quote openers alone, as bits too (read only where the scan stops). */
const QUOTE_OPENER = newBits(0x10000);
for (const q of QUOTE_OPENERS) {
  if (NUMBER_FIRST[q.charCodeAt(0)]) throw new Error(`quote opener ${q} starts a number`);
  setBit(SCAN_STOP, q.charCodeAt(0));
  setBit(QUOTE_OPENER, q.charCodeAt(0));
}
/** The scan skips the numbers and figures it reads: no unit may hold a quote opener it would miss. */
for (const { form } of UNIT_FORMS) for (const q of QUOTE_OPENERS) if (form.includes(q)) throw new Error(`unit ${form} holds a quote opener`);

/**
 * A Chinese numeral's characters (CN_NUMERAL_FIRST_RE / CN_NUMERAL_NEXT_RE) as tables. At a
 * first character NUMBER_RE's Arabic alternative (a digit first) cannot match and its Chinese one
 * always does, greedily, with nothing after it: the match is the run of numeral characters, at
 * most CN_NUMERAL_MAX. Half the numbers of a text are Chinese (一 in 进一步), and reading the run
 * by table spares each a call of the long alternation.
 */
const CN_FIRST = oneClass(CN_NUMERAL_FIRST_RE);
const CN_NEXT = oneClass(CN_NUMERAL_NEXT_RE);
if (!NUMBER_RE.source.includes(`|${CN_NUMERAL_FIRST_RE.source}${CN_NUMERAL_NEXT_RE.source}{0,${CN_NUMERAL_MAX - 1}}|`)) {
  throw new Error("NUMBER_RE's Chinese numeral is no longer CN_NUMERAL_FIRST_RE then CN_NUMERAL_NEXT_RE");
}

/** Where nextNumber's number ends. */
let numberEnd = -1;
/** The last quote opener nextNumber passed (set by findFigures before its scan). */
let lastQuote = -1;

/**
 * The start of the leftmost number at or after `from` (NUMBER_SCAN_RE's match there), -1 for
 * none; its end in numberEnd. Notes each quote opener it passes in lastQuote.
 */
function nextNumber(body: string, from: number): number {
  for (let i = from; i < body.length; i++) {
    const c = body.charCodeAt(i);
    if (hasBit(SCAN_STOP, c) === 0) continue;
    if (hasBit(QUOTE_OPENER, c) === 1) {
      lastQuote = i;
      continue;
    }
    if (CN_FIRST[c] === 1) {
      const max = Math.min(body.length, i + CN_NUMERAL_MAX);
      let k = i + 1;
      while (k < max && CN_NEXT[body.charCodeAt(k)] === 1) k++;
      numberEnd = k;
      return i;
    }
    NUMBER_AT_RE.lastIndex = i;
    // A sticky test leaves lastIndex at the match's end.
    if (NUMBER_AT_RE.test(body)) {
      numberEnd = NUMBER_AT_RE.lastIndex;
      return i;
    }
  }
  numberEnd = -1;
  return -1;
}

const AT_LEAST_LEAD = filtered(AT_LEAST_LEAD_RE);
const LIST_TOTAL_LEAD = filtered(LIST_TOTAL_LEAD_RE);
const COUNT_VERB_LEAD = filtered(COUNT_VERB_LEAD_RE);
const DURATION_LEAD = filtered(DURATION_LEAD_RE);

/**
 * Which rules of a table can match a window, from one character: bit k of `at[EDGE_CLASS[c]]` is
 * set when rule k's pattern can match a window whose edge character (its first for a pattern
 * anchored at the start, its last for one anchored at the end) is c; `empty` holds the bits of
 * the rules that can match an empty window. A rule without that window, or one whose edge the
 * reader cannot name, has its bit everywhere. Most figures are settled by these lookups: the
 * regexes run (on a slice) only for the rules whose bits survive.
 */
interface EdgeMask {
  /** Rule bits by character class (EDGE_CLASS). */
  at: Int32Array;
  empty: number;
}

/** A table's rule bits by character, before the characters all tables treat alike become one class. */
function edgeBits(patterns: readonly (RegExp | undefined)[], side: "first" | "last"): { at: Int32Array; empty: number } {
  if (patterns.length > 31) throw new RangeError("edgeMask takes at most 31 rules");
  const at = new Int32Array(0x10000);
  let empty = 0;
  patterns.forEach((re, k) => {
    const bit = 1 << k;
    const e = re ? edges(re) : null;
    const table = e ? e[side] : null;
    if (!e || e.empty) empty |= bit;
    if (!table) {
      for (let c = 0; c < 0x10000; c++) at[c] = (at[c] as number) | bit;
      return;
    }
    for (let c = 0; c < 0x10000; c++) if (table[c]) at[c] = (at[c] as number) | bit;
  });
  return { at, empty };
}

/**
 * The edge tables of the not-figure and approximation rules as one byte table of classes
 * (characters every table treats alike) and one small table of bits by class per rule table:
 * the four lookups per figure then read one 64 KB table, not four of 256 KB each, and far fewer
 * of its lines are cold after the other stages ran.
 */
function edgeMasks(tables: { at: Int32Array; empty: number }[]): { cls: Uint8Array; masks: EdgeMask[] } {
  // Classes refined one table at a time: a character's class after table i is its class before
  // and its bits in table i (numeric keys: no string built per character).
  let cls = new Uint16Array(0x10000);
  let rows: number[][] = [[]];
  for (const t of tables) {
    const next = new Uint16Array(0x10000);
    const classOf = new Map<number, number>();
    const nextRows: number[][] = [];
    for (let c = 0; c < 0x10000; c++) {
      const bits = t.at[c] as number;
      const key = (cls[c] as number) * 0x100000000 + (bits >>> 0);
      let k = classOf.get(key);
      if (k === undefined) {
        k = nextRows.length;
        classOf.set(key, k);
        nextRows.push([...(rows[cls[c] as number] as number[]), bits]);
      }
      next[c] = k;
    }
    cls = next;
    rows = nextRows;
  }
  if (rows.length > 256) throw new RangeError("edgeMasks: the rules treat more than 256 classes of characters apart");
  return { cls: Uint8Array.from(cls), masks: tables.map((t, i) => ({ at: Int32Array.from(rows, (r) => r[i] as number), empty: t.empty })) };
}

/** The rules of a table whose pattern can match body[a, b), by that window's `side` character. */
function maskOf(m: EdgeMask, body: string, a: number, b: number, side: "first" | "last"): number {
  if (b <= a) return m.empty;
  return m.at[EDGE_CLASS[body.charCodeAt(side === "first" ? a : b - 1)] as number] as number;
}

// The not-figure rules: a rule excludes a figure only if its own text (self), the window before
// and the window after all match, so a rule one of whose windows cannot match is skipped.
const {
  cls: EDGE_CLASS,
  masks: [NF_SELF_FIRST, NF_SELF_LAST, NF_BEFORE, NF_AFTER, SUFFIX_MASK, PREFIX_MASK],
} = edgeMasks([
  edgeBits(NOT_FIGURE_RULES.map((r) => r.self), "first"),
  edgeBits(NOT_FIGURE_RULES.map((r) => r.self), "last"),
  edgeBits(NOT_FIGURE_RULES.map((r) => r.before), "last"),
  edgeBits(NOT_FIGURE_RULES.map((r) => r.after), "first"),
  edgeBits(SUFFIX_APPROX.map((r) => r.re), "first"),
  edgeBits(PREFIX_APPROX.map((r) => r.re), "last"),
]) as { cls: Uint8Array; masks: [EdgeMask, EdgeMask, EdgeMask, EdgeMask, EdgeMask, EdgeMask] };

/**
 * The approximation rules' regexes behind the scanner's filters too: a rule whose edge
 * character passed runs only when the window also holds a character every match needs (至少
 * before a figure is rare, a CJK character before it is not). Results are the regexes' own.
 */
const SUFFIX_TESTS = SUFFIX_APPROX.map((r) => filtered(r.re));
const PREFIX_TESTS = PREFIX_APPROX.map((r) => filtered(r.re));

/** The first approximation rule (in order) of `rules` whose pattern (`tests`) matches body[a, b), with its match. */
function firstApprox(rules: readonly ApproxRule[], tests: readonly Filtered[], mask: EdgeMask, side: "first" | "last", body: string, a: number, b: number): { approx: Approx; m: RegExpExecArray } | undefined {
  let run = maskOf(mask, body, a, b, side);
  if (run === 0) return undefined;
  for (let k = 0; run !== 0; k++, run >>>= 1) {
    if (!(run & 1)) continue;
    const m = (tests[k] as Filtered).exec(body, a, b);
    if (m) return { approx: (rules[k] as ApproxRule).approx, m };
  }
  return undefined;
}

/** A not-figure rule that excludes the figure body[start, end). */
function notFigure(body: string, start: number, end: number, unitSimp: string): boolean {
  // The words around the figure, past one space that sets it off (超 50 亿元、百亿元大项目).
  const before = beforeSpace(body, start);
  const after = pastSpace(body, end);
  const b8 = Math.max(0, before - 8);
  const a8 = Math.min(body.length, after + 8);
  let run =
    maskOf(NF_SELF_FIRST, body, start, end, "first") &
    maskOf(NF_SELF_LAST, body, start, end, "last") &
    maskOf(NF_BEFORE, body, b8, before, "last") &
    maskOf(NF_AFTER, body, after, a8, "first");
  if (run === 0) return false;
  const selfText = body.slice(start, end);
  const before8 = body.slice(b8, before);
  const after8 = body.slice(after, a8);
  for (let k = 0; run !== 0; k++, run >>>= 1) {
    if (!(run & 1)) continue;
    const r = NOT_FIGURE_RULES[k] as (typeof NOT_FIGURE_RULES)[number];
    if (r.self && !r.self.test(selfText)) continue;
    if (r.before && !r.before.test(before8)) continue;
    if (r.after && !r.after.test(after8)) continue;
    if (r.countsPass && COUNTED_UNITS.has(unitSimp) && (unitSimp === "%" || unitSimp === "成" || !SETTLEMENT_THRESHOLD_RE.test(after8))) continue;
    if (!r.self && !r.before && !r.after) continue;
    return true;
  }
  return false;
}

export function findFigures(body: string, clean: string): RawFigure[] {
  const out: RawFigure[] = [];
  let m: RegExpExecArray | null;
  let from = 0;
  lastQuote = -MAX_QUOTE_LEN - 1;
  // Most numbers (一 in 进一步, 三 in 三农) are no figure by the character after them: the scan
  // reports where each ends, and readFigure slices the number's text only past that test.
  for (let start = nextNumber(body, from); start >= 0; start = nextNumber(body, from)) {
    const numEnd = numberEnd;
    from = start + (numEnd - start || 1);
    // Never start inside a number (12|34, 1.|5, 1,|100): skip to the end of the digit run.
    const p = body.charCodeAt(start - 1);
    if (start > 0 && (isD(p) || p === 46 || (p === 44 && isD(body.charCodeAt(start - 2))))) {
      let k = start;
      while (k < body.length && (isD(body.charCodeAt(k)) || body.charCodeAt(k) === 46 || body.charCodeAt(k) === 44)) k++;
      from = Math.max(k, start + 1);
      continue;
    }
    const f = readFigure(body, clean, start, numEnd, out);
    if (f) {
      out.push(f);
      if (out.length >= MAX_FIGURES) break;
      if (from < f.end) from = f.end;
    }
  }
  // 百分之五十 -> 50 %.
  if (body.includes("百分之")) {
    const pre = new RegExp(CN_PERCENT_RE.source, "g");
    while ((m = pre.exec(body)) !== null) {
      const inner = (m[1] ?? "").split("点");
      const int = parseNumber(inner[0] ?? "");
      if (!int) continue;
      let v = int.value;
      if (inner[1]) v = Number(`${v}.${[...inner[1]].map((c) => "零一二三四五六七八九".indexOf(c) === -1 ? 0 : "零一二三四五六七八九".indexOf(c)).join("")}`);
      const start = m.index;
      const end = start + m[0].length;
      if (out.some((f) => f.start < end && start < f.end) || insideQuote(body, start, end, MAX_QUOTE_LEN)) continue;
      const approx = approxAround(body, start, end);
      out.push({ start, end, value: round(v), unit: "%", unitSimp: "%", outerStart: start, outerEnd: end, ...(approx ? { approx } : {}) });
    }
    out.sort((a, b) => a.start - b.start);
  }
  return out;
}

function approxAround(body: string, start: number, end: number): Approx | undefined {
  const after = pastSpace(body, end);
  return firstApprox(SUFFIX_APPROX, SUFFIX_TESTS, SUFFIX_MASK, "first", body, after, Math.min(body.length, after + 3))?.approx ?? prefixApprox(body, start);
}

/** The approximation written before the figure starting at `start` (约, 近, 超过). */
function prefixApprox(body: string, start: number): Approx | undefined {
  const before = beforeSpace(body, start);
  return firstApprox(PREFIX_APPROX, PREFIX_TESTS, PREFIX_MASK, "last", body, Math.max(0, before - 6), before)?.approx;
}

/** An ASCII character: a digit, a letter, % (text that spaces itself from CJK: 增长 5% 左右). */
const isAsciiAt = (body: string, i: number) => body.charCodeAt(i) < 0x80;

/** `end`, or past the one space after it when the figure ends in an ASCII character (5% 左右). */
function pastSpace(body: string, end: number): number {
  return body.charCodeAt(end) === 0x20 && isAsciiAt(body, end - 1) && body.charCodeAt(end + 1) !== 0x20 ? end + 1 : end;
}

/** `start`, or before the one space before it when the figure starts with an ASCII digit (超过 280 亿元). */
function beforeSpace(body: string, start: number): number {
  return body.charCodeAt(start - 1) === 0x20 && isAsciiAt(body, start) && body.charCodeAt(start - 2) !== 0x20 ? start - 1 : start;
}

/** Items of the 、-list that ends at `at` within its clause: 食品、钢铁、医药等 -> 3. */
function listItemsBefore(body: string, at: number): number {
  let n = 1;
  for (let i = at - 1; i >= Math.max(0, at - MAX_LIST_SCAN); i--) {
    if (body.charCodeAt(i) === 0x3001) n++; // 、
    else if (endAt(body, i) & 1) break;
  }
  return n;
}
const MAX_LIST_SCAN = 80;

/** A number body[a, b) with 万/亿 in it (a figure even with nothing after it: 发放贷款1.2亿). */
function hasBig(body: string, a: number, b: number): boolean {
  for (let i = a; i < b; i++) {
    const c = body.charCodeAt(i);
    if (c === 0x4e07 || c === 0x842c || c === 0x4ebf || c === 0x5104) return true;
  }
  return false;
}

/** Figures per document are capped: no article has more; hostile input stays linear. */
export const MAX_FIGURES = 5000;

/** The figure of the number body[start, numEnd), if it is one. */
function readFigure(body: string, clean: string, start: number, numEnd: number, prev: RawFigure[]): RawFigure | null {
  if (!(charAt(body, numEnd) & FOLLOWS) && !hasBig(body, start, numEnd)) return null;
  // A magnitude standing alone as an amount (突破万亿元, NUMBER_RE admits it only there) is one of
  // it. Any other number is parsed where it stands, with no substring.
  const c0 = body.charCodeAt(start);
  const bareMagnitude = c0 === 0x4e07 || c0 === 0x4ebf; // 万 亿
  let num: ParsedNumber | null = bareMagnitude ? parseNumber(`一${body.slice(start, numEnd)}`) : parseNumber(body, start, numEnd);
  if (!num) return null;
  let pos = numEnd;
  let valueMax: number | undefined = num.valueMax;
  // Range: 3-5家, 2~3个, 10至15个; with the unit written twice: 3家至5家.
  const numPos = pos;
  const firstUnit = matchUnit(body, pos);
  let sepAt = firstUnit ? pos + firstUnit.form.length : pos;
  // Arabic ranges are written spaced too (4.5% - 5%, 3 ～ 5个): one space either side of the separator.
  const spaced = !num.chinese && body.charCodeAt(sepAt) === 0x20 && charAt(body, sepAt + 1) & RANGE_SEP;
  if (spaced) sepAt++;
  if (charAt(body, sepAt) & RANGE_SEP) {
    const secondAt = !num.chinese && body.charCodeAt(sepAt + 1) === 0x20 ? sepAt + 2 : sepAt + 1;
    NUMBER_AT_RE.lastIndex = secondAt;
    const found = NUMBER_AT_RE.test(body);
    const secondEnd = found ? NUMBER_AT_RE.lastIndex : secondAt;
    const unitRepeated = !firstUnit || body.startsWith(firstUnit.form, secondEnd);
    if (found && unitRepeated) {
      const second = parseNumber(body, secondAt, secondEnd);
      if (second && second.chinese === num.chinese) {
        let lo = num.value;
        if (num.magnitude === 1 && second.magnitude > 1 && !num.chinese) lo *= second.magnitude;
        if (second.value >= lo) {
          valueMax = second.value;
          num = { ...num, value: lo, magnitude: Math.max(num.magnitude, second.magnitude) };
          pos = secondEnd;
        }
      }
    }
  }
  let approx: Approx | undefined;
  // 500 余场: one space between an Arabic number and 余/多 too.
  const inner = !num.chinese && body.charCodeAt(pos) === 0x20 && charAt(body, pos + 1) & INNER_MORE ? pos + 1 : pos;
  if (charAt(body, inner) & INNER_MORE) {
    // 500余场; 10余万元, 两千多万元 (a magnitude after 余/多).
    const tail = magnitudeThenUnit(body, inner + 1);
    if (tail) {
      approx = "more_than";
      pos = tail.pos;
      if (tail.mag > 1) {
        num = { ...num, value: num.value * tail.mag, magnitude: num.magnitude * tail.mag };
        if (valueMax !== undefined) valueMax *= tail.mag;
      }
    }
  }
  // 1234 亿元, 12 家: one space between an Arabic number and its magnitude or unit.
  if (!num.chinese && body.charCodeAt(pos) === 0x20 && !matchUnit(body, pos)) {
    const tail = magnitudeThenUnit(body, pos + 1);
    if (tail) {
      pos = tail.pos;
      if (tail.mag > 1) {
        num = { ...num, value: num.value * tail.mag, magnitude: num.magnitude * tail.mag };
        if (valueMax !== undefined) valueMax *= tail.mag;
      }
    }
  }
  // Most figures end where the number does: the unit found there already is the one.
  const unit = pos === numPos ? firstUnit : matchUnit(body, pos);
  let unitText: string;
  let unitSimp: string;
  let parallel: ReturnType<typeof parallelUnit>;
  let implied = false;
  let level = false;
  let end: number;
  if (unit) {
    end = pos + unit.form.length;
    unitText = unit.unit ?? clean.slice(pos, end);
    unitSimp = unit.unit ?? unit.form;
    if (unitText === "％") unitText = "%";
  } else if (!num.chinese && (parallel = parallelUnit(body, pos))) {
    // 提高0.1和1.2个百分点: the unit (and magnitude) of the figure joined after it; the text is the number.
    end = pos;
    unitText = parallel.unit.unit ?? clean.slice(parallel.at, parallel.at + parallel.unit.form.length);
    unitSimp = parallel.unit.unit ?? parallel.unit.form;
    if (unitText === "％") unitText = "%";
    // Its magnitude only when this number has none (1409万、1305万人次 is 1409万).
    if (parallel.mag > 1 && num.magnitude === 1) num = { ...num, value: num.value * parallel.mag, magnitude: parallel.mag };
  } else {
    // A magnitude with no unit: a level (迈上百亿台阶, approx more_than) or a bare amount of
    // money (发放贷款1.2亿); the unit is borrowed later from a money figure beside it, else 元.
    if (num.magnitude < 1e4) return null;
    const before = body.slice(Math.max(0, start - 3), start);
    const after = body.slice(pos, pos + 3);
    const supplied = SUPPLIED_UNIT_RULES.find((r) => r.after.test(body.slice(pos, pos + 6)));
    const isLevel = IMPLIED_UNIT_FRAME_RE.test(before) && IMPLIED_UNIT_AFTER_RE.test(after);
    const isBareMoney =
      !num.chinese && BARE_MONEY_BEFORE_RE.test(body.slice(Math.max(0, start - 14), start)) && BARE_MONEY_AFTER_RE.test(after);
    if (!isLevel && !isBareMoney && !supplied) return null;
    end = pos;
    if (supplied && !isLevel && !isBareMoney) {
      unitText = supplied.unit;
      unitSimp = supplied.unit;
    } else {
      if (isLevel) level = true;
      unitText = "";
      unitSimp = "";
      implied = true;
    }
  }
  // Years and year ranges: 2020年, 2020-2022年, 2021—2025年 (a deadline, not a figure). The
  // cheap tests first: every test below only drops the number, so their order changes nothing.
  if (unitSimp === "年" && !num.chinese && isYear(num.value) && (valueMax === undefined || isYear(valueMax))) return null;
  // Overlap guard.
  const last = prev[prev.length - 1];
  if (last && last.end > start) return null;
  // Not-figure rules, on the 8 characters before, the figure's own text and the 8 after.
  if (notFigure(body, start, end, unitSimp)) return null;
  if (num.chinese) {
    const b8 = Math.max(0, start - 8);
    // 一 + measure word is an article (一名市领导, 一批, 再组织一次), unless it is counted (至少打造一个).
    const atLeast = AT_LEAST_LEAD.test(body, b8, start);
    if (numEnd - start === 1 && (c0 === 0x4e00 || c0 === 0x58f9) && !atLeast) return null; // 一 壹
    // A list's total counts what the list does not name (白石山等五处); 食品、…、纺织等七个 names all seven.
    const listTotal = LIST_TOTAL_LEAD.test(body, b8, start) && num.value > listItemsBefore(body, start - 1);
    const counted = COUNTED_UNITS.has(unitSimp) && COUNT_VERB_LEAD.test(body, b8, start);
    if (num.small && num.value < 10 && !valueMax && !atLeast && !listTotal && !counted) {
      if (!(DURATION_UNITS.has(unitSimp) && DURATION_LEAD.test(body, Math.max(0, start - 4), start)) && unitSimp !== "成") return null;
    }
    // A Chinese numeral glued to a preceding CJK word is often part of a name (三次产业, 四好农村路).
  }
  // A quoted slogan or name: insideQuote reads back only when the scan passed a quote opener
  // within MAX_QUOTE_LEN (it read every character before `start` but those of numbers and of
  // figures, which hold none).
  if (lastQuote >= start - MAX_QUOTE_LEN && insideQuote(body, start, end, MAX_QUOTE_LEN)) return null;
  const outerStart = start;
  let outerEnd = end;
  const after = pastSpace(body, end);
  // The suffix read once: approxAround reads it first too (and the prefix only when it is none).
  const suffix = firstApprox(SUFFIX_APPROX, SUFFIX_TESTS, SUFFIX_MASK, "first", body, after, Math.min(body.length, after + 3));
  if (suffix) outerEnd = after + suffix.m[0].length;
  const approxFinal = approx ?? suffix?.approx ?? prefixApprox(body, start);
  // Every field in one order, optional ones as undefined: one hidden class for all raw figures.
  const f: RawFigure = {
    start,
    end,
    value: round(num.value),
    valueMax: valueMax !== undefined ? round(Math.max(valueMax, num.value)) : undefined,
    unit: unitText,
    unitSimp,
    approx: approxFinal || undefined,
    implied: implied || undefined,
    level: level || undefined,
    outerStart,
    outerEnd,
  };
  if (!Number.isFinite(f.value) || (f.valueMax !== undefined && !Number.isFinite(f.valueMax))) return null;
  return f;
}

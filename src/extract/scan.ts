/**
 * A first-character filter for rule regexes. irregexp tries a pattern at every position of the
 * text; a rule such as GOAL_MARKER_RE can only start a match on a dozen characters, so a table
 * lookup per character finds the few positions worth trying, and the pattern runs (sticky) there
 * only. The table is read from the pattern's own source, so a rule edited in rules/*.ts keeps its
 * filter without anyone writing it twice; a source this reader does not follow, or a pattern that
 * can match the empty string, gets no filter and runs as before. Results are the regex's own:
 * the filter only skips positions where no match can start.
 */

import { bitsOf, hasBit } from "../text/bits";

const ALL = 0x10000;

/** A set of UTF-16 code units as [lo, hi] intervals (overlaps allowed). */
type Chars = [number, number][];

/** Characters of the `\s` class (ECMAScript WhiteSpace and LineTerminator). */
const SPACE: Chars = [[9, 13], [32, 32], [0xa0, 0xa0], [0x1680, 0x1680], [0x2000, 0x200a], [0x2028, 0x2029], [0x202f, 0x202f], [0x205f, 0x205f], [0x3000, 0x3000], [0xfeff, 0xfeff]];
const WORD: Chars = [[48, 57], [65, 90], [95, 95], [97, 122]];
const DIGIT: Chars = [[48, 57]];
const LINE_ENDS: Chars = [[10, 10], [13, 13], [0x2028, 0x2029]];

class Unsupported extends Error {}

function complement(cs: Chars): Chars {
  const sorted = [...cs].sort((x, y) => x[0] - y[0]);
  const out: Chars = [];
  let from = 0;
  for (const [lo, hi] of sorted) {
    if (lo > from) out.push([from, lo - 1]);
    from = Math.max(from, hi + 1);
  }
  if (from < ALL) out.push([from, ALL - 1]);
  return out;
}

const one = (c: number): Chars => [[c, c]];

/**
 * What a pattern (or a part of it) tells about its matches: the characters a match can start
 * with, whether it can be empty, and `need`: a set of characters of which every match holds at
 * least one (null when the reader cannot name one).
 */
interface Part {
  first: Chars;
  empty: boolean;
  need: Chars | null;
  /** The characters a match can end with. */
  last: Chars;
  /** The most code units a match can hold (Infinity when unbounded). */
  max: number;
  /** Per group of first characters, the most code units a match starting with one can hold. */
  reach: [Chars, number][];
}

const size = (cs: Chars) => cs.reduce((n, [lo, hi]) => n + hi - lo + 1, 0);

/** Reads a pattern source: the first characters of each alternative and whether it can be empty. */
class Reader {
  private i = 0;
  private depth = 0;
  /** Every top-level alternative starts with ^: irregexp tries position 0 only, no filter helps. */
  anchored = true;
  /** Every top-level alternative ends with $: a match ends at the end of the input. */
  anchoredEnd = true;
  /** Every character a match can hold (what look-arounds read is not held). */
  readonly alphabet: Chars = [];
  private lookDepth = 0;
  constructor(private readonly src: string, private readonly dotAll: boolean) {}

  read(): Part {
    const r = this.alternation();
    if (this.i !== this.src.length) throw new Unsupported();
    return r;
  }

  private alternation(): Part {
    const first: Chars = [];
    let empty = false;
    let need: Chars | null = [];
    const last: Chars = [];
    let max = 0;
    const reach: [Chars, number][] = [];
    for (;;) {
      const seq = this.sequence();
      first.push(...seq.first);
      last.push(...seq.last);
      empty ||= seq.empty;
      max = Math.max(max, seq.max);
      reach.push(...seq.reach);
      // A match of the alternation is a match of one branch: it holds one of that branch's needs.
      need = need && seq.need ? need.concat(seq.need) : null;
      if (this.src[this.i] !== "|") return { first, empty, need, last, max, reach };
      this.i++;
    }
  }

  private sequence(): Part {
    const first: Chars = [];
    let empty = true;
    // Every term of the sequence is in the match: the smallest need among them serves.
    let need: Chars | null = null;
    if (this.depth === 0 && this.src[this.i] !== "^") this.anchored = false;
    const terms: Part[] = [];
    let endsWithEnd = false;
    let max = 0;
    while (this.i < this.src.length && this.src[this.i] !== "|" && this.src[this.i] !== ")") {
      const at = this.i;
      const term = this.term();
      endsWithEnd = this.src[at] === "$" && this.i === at + 1;
      terms.push(term);
      max += term.max;
      if (empty) first.push(...term.first);
      empty &&= term.empty;
      if (term.need && (!need || size(term.need) < size(need))) need = term.need;
    }
    if (this.depth === 0 && !endsWithEnd) this.anchoredEnd = false;
    // The last characters: of the last term, and of the ones before it while those can be empty.
    const last: Chars = [];
    for (let k = terms.length - 1; k >= 0; k--) {
      last.push(...(terms[k] as Part).last);
      if (!(terms[k] as Part).empty) break;
    }
    // A match starting in term k matched nothing in the terms before it, and holds at most the
    // terms after it besides.
    const reach: [Chars, number][] = [];
    let after = max;
    for (const term of terms) {
      after -= term.max;
      // Infinity - Infinity: the terms after an unbounded one are unbounded too.
      if (Number.isNaN(after)) after = Infinity;
      for (const [cs, n] of term.reach) reach.push([cs, n + after]);
      if (!term.empty) break;
    }
    return { first, empty, need, last, max, reach };
  }

  private term(): Part {
    const atom = this.atom();
    const q = this.quantifier();
    // An atom that can match nothing but the empty string adds nothing however often it repeats.
    const more = atom.max === 0 || q.times === 1 ? 0 : atom.max * (q.times - 1);
    const max = atom.max + more;
    const reach = atom.reach.map(([cs, n]): [Chars, number] => [cs, n + more]);
    return { first: atom.first, empty: atom.empty || q.zero, need: q.zero ? null : atom.need, last: atom.last, max, reach };
  }

  /** Reads a quantifier if one follows: whether it allows zero repetitions, and the most it allows. */
  private quantifier(): { zero: boolean; times: number } {
    const c = this.src[this.i];
    let zero = false;
    let times = 1;
    if (c === "*" || c === "?") { zero = true; times = c === "?" ? 1 : Infinity; this.i++; }
    else if (c === "+") { times = Infinity; this.i++; }
    else if (c === "{") {
      const m = /^\{([0-9]+)(?:,([0-9]*))?\}/.exec(this.src.slice(this.i));
      if (!m) throw new Unsupported();
      zero = Number(m[1]) === 0;
      times = m[2] === undefined ? Number(m[1]) : m[2] === "" ? Infinity : Number(m[2]);
      this.i += m[0].length;
    } else return { zero, times };
    if (this.src[this.i] === "?") this.i++;
    return { zero, times };
  }

  private atom(): Part {
    const src = this.src;
    const c = src[this.i] as string;
    const none: Chars = [];
    if (c === "^" || c === "$") { this.i++; return { first: none, empty: true, need: null, last: none, max: 0, reach: [] }; }
    if (c === "(") {
      this.i++;
      let look = false;
      if (src.startsWith("?:", this.i)) this.i += 2;
      else if (src.startsWith("?=", this.i) || src.startsWith("?!", this.i)) { this.i += 2; look = true; }
      else if (src.startsWith("?<=", this.i) || src.startsWith("?<!", this.i)) { this.i += 3; look = true; }
      else if (src.startsWith("?<", this.i)) {
        const close = src.indexOf(">", this.i);
        if (close < 0) throw new Unsupported();
        this.i = close + 1;
      } else if (src[this.i] === "?") throw new Unsupported();
      this.depth++;
      if (look) this.lookDepth++;
      const inner = this.alternation();
      if (look) this.lookDepth--;
      this.depth--;
      if (src[this.i] !== ")") throw new Unsupported();
      this.i++;
      // A look-around consumes nothing: the match's first character comes after it.
      return look ? { first: none, empty: true, need: null, last: none, max: 0, reach: [] } : inner;
    }
    if (c === "[") return this.consume(this.charClass());
    if (c === ".") {
      this.i++;
      return this.consume(this.dotAll ? [[0, ALL - 1]] : complement(LINE_ENDS));
    }
    if (c === "\\") {
      const e = this.escape(false);
      if (e === "boundary") return { first: none, empty: true, need: null, last: none, max: 0, reach: [] };
      return this.consume(typeof e === "number" ? one(e) : e);
    }
    if (c === ")" || c === "|" || c === "*" || c === "+" || c === "?" || c === "{" || c === "}" || c === "]") throw new Unsupported();
    this.i++;
    return this.consume(one(c.charCodeAt(0)));
  }

  /** An atom that consumes one character of `cs`. */
  private consume(cs: Chars): Part {
    if (this.lookDepth === 0) this.alphabet.push(...cs);
    return { first: cs, empty: false, need: cs, last: cs, max: 1, reach: [[cs, 1]] };
  }

  /** An escape at `this.i` (the backslash): one character, a class, or "boundary" for \b and \B. */
  private escape(inClass: boolean): number | Chars | "boundary" {
    const src = this.src;
    const e = src[this.i + 1];
    if (e === undefined) throw new Unsupported();
    this.i += 2;
    switch (e) {
      case "d": return DIGIT;
      case "D": return complement(DIGIT);
      case "s": return SPACE;
      case "S": return complement(SPACE);
      case "w": return WORD;
      case "W": return complement(WORD);
      case "n": return 10;
      case "r": return 13;
      case "t": return 9;
      case "f": return 12;
      case "v": return 11;
      case "0": if (/[0-9]/.test(src[this.i] ?? "")) throw new Unsupported(); return 0;
      case "b": if (inClass) return 8; return "boundary";
      case "B": if (inClass) throw new Unsupported(); return "boundary";
      case "u": case "x": {
        const len = e === "u" ? 4 : 2;
        const hex = src.slice(this.i, this.i + len);
        if (hex.length !== len || !/^[0-9a-fA-F]+$/.test(hex)) throw new Unsupported();
        this.i += len;
        return parseInt(hex, 16);
      }
      default:
        // Back references, \c, \k, \p and other letters mean more than one character.
        if (/[0-9A-Za-z]/.test(e)) throw new Unsupported();
        return e.charCodeAt(0);
    }
  }

  private charClass(): Chars {
    const src = this.src;
    this.i++;
    const negate = src[this.i] === "^";
    if (negate) this.i++;
    const out: Chars = [];
    for (;;) {
      const c = src[this.i];
      if (c === undefined) throw new Unsupported();
      if (c === "]") { this.i++; break; }
      let lo: number;
      if (c === "\\") {
        const e = this.escape(true);
        if (e === "boundary") throw new Unsupported();
        if (typeof e !== "number") { out.push(...e); continue; }
        lo = e;
      } else {
        lo = c.charCodeAt(0);
        this.i++;
      }
      if (src[this.i] === "-" && src[this.i + 1] !== "]" && src[this.i + 1] !== undefined) {
        this.i++;
        let hi: number;
        if (src[this.i] === "\\") {
          const e = this.escape(true);
          if (typeof e !== "number") throw new Unsupported();
          hi = e;
        } else {
          hi = src.charCodeAt(this.i);
          this.i++;
        }
        if (hi < lo) throw new Unsupported();
        out.push([lo, hi]);
      } else out.push([lo, lo]);
    }
    return negate ? complement(out) : out;
  }
}

/** With the i flag, a character also matches its other ASCII case (the non-unicode rule). */
function foldCase(t: Uint8Array): void {
  const size = t.length;
  for (let c = 65; c <= 90; c++) if (t[c] || t[c + 32]) t[c] = t[c + 32] = 1;
  for (let c = 128; c < size; c++) {
    if (!t[c]) continue;
    const ch = String.fromCharCode(c);
    if (ch.toUpperCase() !== ch || ch.toLowerCase() !== ch) throw new Unsupported();
  }
}

/** Filters wider than this many characters are not worth a table lookup per position. */
const MAX_FIRST = 2048;

/** A set of characters as a table by code unit; with the i flag, ASCII letters in both cases. */
function table(cs: Chars, ignoreCase: boolean): Uint8Array {
  const t = new Uint8Array(ALL);
  for (const [lo, hi] of cs) t.fill(1, lo, hi + 1);
  if (ignoreCase) foldCase(t);
  return t;
}

/** What the reader knows of a pattern, as tables by code unit. */
interface Known {
  /** Every character a match can hold. */
  alphabet: Uint8Array;
  first: Uint8Array;
  count: number;
  /** Every alternative starts with ^ / ends with $. */
  anchored: boolean;
  anchoredEnd: boolean;
  need: Uint8Array | null;
  last: Uint8Array;
  /** The most code units a match can hold (Infinity when unbounded). */
  max: number;
  /** Per group of first characters, the most code units a match starting with one can hold. */
  reach: [Chars, number][];
}

/**
 * What the reader knows of `re` (no g or y flag): the characters a match can start and end with,
 * whether every alternative is anchored at the start (then only position 0 is tried) or at the
 * end, and the characters of which every match holds one (null when none is known); null when
 * the reader does not follow the source or the pattern can match the empty string.
 */
function readPattern(re: RegExp): Known | null {
  if (re.unicode || re.multiline || re.global || re.sticky || re.flags.includes("v")) return null;
  try {
    const reader = new Reader(re.source, re.dotAll);
    const r = reader.read();
    if (r.empty) return null;
    const i = re.ignoreCase;
    return { alphabet: table(reader.alphabet, i), first: table(r.first, i), count: size(r.first), anchored: reader.anchored, anchoredEnd: reader.anchoredEnd, need: r.need ? table(r.need, i) : null, last: table(r.last, i), max: r.max, reach: r.reach };
  } catch (e) {
    if (e instanceof Unsupported) return null;
    throw e;
  }
}

const plain = (re: RegExp) => (re.global || re.sticky ? new RegExp(re.source, re.flags.replace(/[gy]/g, "")) : re);

/**
 * `re.exec(s)` for a pattern (no g or y flag) whose every match ends at the end of the input ($)
 * and is of bounded length. irregexp does not anchor a search at the end: an end-anchored
 * alternation (METRIC_TAIL_RE, with look-behinds that keep irregexp from dispatching on the
 * first character) is tried at every start position of its input. A match starting at p holds
 * exactly s.length - p code units, and a table by first character gives the most a match
 * starting with it can hold, so the regex runs (sticky) only at the few positions where a match
 * starting there could reach the end: 增长 is tried only two from the end. The leftmost position
 * that matches gives the match a search of the whole input gives. Null when the pattern is not
 * so bounded or gains nothing from it (see below).
 */
function tailExec(re: RegExp, r: Known): ((s: string) => RegExpExecArray | null) | null {
  // Bounded by what a byte table holds (rule tails are a few characters). A pattern anchored at
  // the start is tried at position 0 only already, and one whose matches can start with most
  // characters would run at most positions: neither gains.
  if (!r.anchoredEnd || r.anchored || r.count > MAX_FIRST || r.max > 255 || re.ignoreCase) return null;
  // 0: no match starts with this character; else the most code units such a match holds.
  const reach = new Uint8Array(ALL);
  for (const [cs, n] of r.reach) for (const [lo, hi] of cs) for (let c = lo; c <= hi; c++) if ((reach[c] as number) < n) reach[c] = n;
  const sticky = new RegExp(re.source, re.flags + "y");
  const max = r.max;
  return (s) => {
    const n = s.length;
    for (let p = n > max ? n - max : 0; p < n; p++) {
      if ((reach[s.charCodeAt(p)] as number) < n - p) continue;
      sticky.lastIndex = p;
      const m = sticky.exec(s);
      if (m) return m;
    }
    return null;
  };
}

/** The characters a match of `re` can start with, or null when every position must be tried. */
export function firstChars(re: RegExp): Uint8Array | null {
  const r = readPattern(plain(re));
  // A filter that lets most of the CJK block through saves nothing.
  return r && !r.anchored && r.count <= MAX_FIRST ? r.first : null;
}

/** The characters of which every match of `re` holds one, or null when none is known. */
export function neededChars(re: RegExp): Uint8Array | null {
  return readPattern(plain(re))?.need ?? null;
}

/** The characters a match of `re` can end with when every match ends at the end of the input ($), else null. */
export function lastChars(re: RegExp): Uint8Array | null {
  const r = readPattern(plain(re));
  return r && r.anchoredEnd ? r.last : null;
}

/**
 * `(s) => patterns.some((re) => re.test(s))` for a list of rules (at most 32, no g or y flag),
 * with one pass over the string first: per character, tables give the patterns that can start a
 * match there (an anchored one only at position 0) and the patterns that need it; a pattern
 * anchored at the end needs the string's last character among its last characters. Only the
 * patterns that pass run; a pattern the reader does not follow always runs. The answer is the
 * patterns' own.
 */
export function anyMatch(patterns: readonly RegExp[]): (s: string) => boolean {
  if (patterns.length > 32) throw new RangeError("anyMatch takes at most 32 patterns");
  for (const re of patterns) if (re.global || re.sticky) throw new RangeError(`anyMatch: ${re} has a g or y flag (test would move lastIndex)`);
  const anywhere = new Int32Array(ALL);
  const atStart = new Int32Array(ALL);
  const needs = new Int32Array(ALL);
  const atEnd = new Int32Array(ALL).fill(-1);
  let always = 0;
  let needless = 0;
  patterns.forEach((re, k) => {
    const r = readPattern(re);
    const bit = 1 << k;
    if (!r) { always |= bit; needless |= bit; return; }
    const t = r.anchored ? atStart : anywhere;
    for (let c = 0; c < ALL; c++) if (r.first[c]) t[c] = (t[c] as number) | bit;
    if (!r.need) needless |= bit;
    else for (let c = 0; c < ALL; c++) if (r.need[c]) needs[c] = (needs[c] as number) | bit;
    if (r.anchoredEnd) for (let c = 0; c < ALL; c++) if (!r.last[c]) atEnd[c] = (atEnd[c] as number) & ~bit;
  });
  for (let c = 0; c < ALL; c++) atStart[c] = (atStart[c] as number) | (anywhere[c] as number);
  // The four tables by character as classes of characters the rules treat alike (in the group
  // of anyMatch lists, see ClassGroup) and four small tables by class: a line's characters then
  // read 64 KB spread over all the lists, not 1 MB per list.
  // Row 0: the characters no rule names (most of them), without a key made for each.
  const rowOf = new Map<string, number>([["0,0,0,-1", 0]]);
  const rowAt = new Uint8Array(ALL);
  const rows: [number, number, number, number][] = [[0, 0, 0, -1]];
  for (let c = 0; c < ALL; c++) {
    if (anywhere[c] === 0 && needs[c] === 0 && atStart[c] === 0 && atEnd[c] === -1) continue;
    const row: [number, number, number, number] = [anywhere[c] as number, needs[c] as number, atStart[c] as number, atEnd[c] as number];
    const key = row.join();
    let k = rowOf.get(key);
    if (k === undefined) {
      k = rows.length;
      if (k > 255) throw new RangeError("anyMatch: the rules treat more than 256 classes of characters apart");
      rowOf.set(key, k);
      rows.push(row);
    }
    rowAt[c] = k;
  }
  const { group, labelOf } = joinGroup(listGroups, rowAt);
  const cls = group.cls;
  const byRow = (f: number) => Int32Array.from(labelOf, (r) => (rows[r] as number[])[f] as number);
  const t = { anywhere: byRow(0), needs: byRow(1), atStart: byRow(2), atEnd: byRow(3) };
  group.rules.push((splitFrom, before, classes) => {
    t.anywhere = grown(t.anywhere, splitFrom, before, classes);
    t.needs = grown(t.needs, splitFrom, before, classes);
    t.atStart = grown(t.atStart, splitFrom, before, classes);
    t.atEnd = grown(t.atEnd, splitFrom, before, classes);
  });
  return (s) => {
    const n = s.length;
    if (n === 0) return patterns.some((re) => re.test(s));
    const { anywhere: classAnywhere, needs: classNeeds, atStart: classAtStart, atEnd: classAtEnd } = t;
    const k0 = cls[s.charCodeAt(0)] as number;
    let start = always | (classAtStart[k0] as number);
    let need = needless | (classNeeds[k0] as number);
    for (let i = 1; i < n; i++) {
      const k = cls[s.charCodeAt(i)] as number;
      start |= classAnywhere[k] as number;
      need |= classNeeds[k] as number;
    }
    let run = start & need & (classAtEnd[cls[s.charCodeAt(n - 1)] as number] as number);
    for (let k = 0; run !== 0; k++, run >>>= 1) if (run & 1 && (patterns[k] as RegExp).test(s)) return true;
    return false;
  };
}

/**
 * One rule (no g or y flag) behind the same filters as anyMatch, for `test` and `exec` from the
 * start of a string: the regex runs only when the string holds a character a match can start
 * with (at position 0 when anchored), one it needs, and ends with one a match can end with (when
 * anchored at the end). Results are the regex's own. With `fromEnd`, for a big end-anchored
 * alternation, the regex runs only at the positions near the end where a match could start
 * (see tailExec; it throws when the rule is not one that this serves).
 */
export interface Filtered {
  /**
   * The rule on `s`, or on the window s.slice(a, b) (0 <= a; b past the end reads to the end):
   * the filters read the window in place, and the window is sliced only for a regex call, so
   * a per-figure window that no match can fit costs no substring.
   */
  test(s: string, a?: number, b?: number): boolean;
  exec(s: string, a?: number, b?: number): RegExpExecArray | null;
}

/** s.slice(a, b) for filtered()'s windows, without a copy for the whole string. */
const windowOf = (s: string, a: number, b: number): string => (a === 0 && b === s.length ? s : s.slice(a, b));

/**
 * Characters in classes shared by the rules of a group: two characters share a class when every
 * rule of the group treats them alike. Each rule keeps what it needs to know by class (a few
 * hundred bytes), so the rules that test one line (the heading forms, a figure's window rules;
 * the chrome lines of normalise and the furniture lines of the facts right after it) read one
 * table by character between them, not one 64 KB table each: far fewer cold cache lines per line
 * tested inside a whole extraction. A rule that would split a group past 256 classes (a test
 * making a filter of every rule pattern) opens the next group.
 */
interface ClassGroup {
  cls: Uint8Array;
  classes: number;
  /** Per rule: copies its entry of class splitFrom[x] to the new class before + x. */
  rules: ((splitFrom: readonly number[], before: number, classes: number) => void)[];
}
const newGroup = (): ClassGroup => ({ cls: new Uint8Array(ALL), classes: 1, rules: [] });

/**
 * Splits the classes of `g` by a new rule's label of each character (0–255): each class splits by
 * label (the first part keeps its number) and the rules before it extend their tables to the
 * parts split off. Returns the label of each class, or null (and `g` as it was) when the group
 * would pass 256 classes. The caller adds its rule's `extend` to `g.rules`.
 */
function refine(g: ClassGroup, labels: Uint8Array): Uint8Array | null {
  const before = g.classes;
  let classes = before;
  const next = new Uint8Array(ALL);
  let width = 1;
  for (let c = 0; c < ALL; c++) if ((labels[c] as number) >= width) width = (labels[c] as number) + 1;
  const part = new Int32Array(before * width).fill(-1);
  const kept = new Uint8Array(before);
  const splitFrom: number[] = [];
  for (let c = 0; c < ALL; c++) {
    const k = g.cls[c] as number;
    const slot = k * width + (labels[c] as number);
    let j = part[slot] as number;
    if (j < 0) {
      if (!kept[k]) { kept[k] = 1; j = k; }
      else { j = classes++; splitFrom.push(k); }
      if (j > 255) return null;
      part[slot] = j;
    }
    next[c] = j;
  }
  g.cls.set(next);
  g.classes = classes;
  for (const extend of g.rules) extend(splitFrom, before, classes);
  const labelOf = new Uint8Array(classes);
  for (let c = 0; c < ALL; c++) labelOf[next[c] as number] = labels[c] as number;
  return labelOf;
}

/** refine() in the kind's current group, opening the next one when it is full; the group and the labels by class. */
function joinGroup(current: { group: ClassGroup }, labels: Uint8Array): { group: ClassGroup; labelOf: Uint8Array } {
  let labelOf = refine(current.group, labels);
  if (!labelOf) {
    // A rule alone has at most 256 labels.
    current.group = newGroup();
    labelOf = refine(current.group, labels) as Uint8Array;
  }
  return { group: current.group, labelOf };
}

/** Grows a table by class to `classes` entries, the split-off classes copying their origin's. */
function grown<T extends Uint8Array | Int32Array>(t: T, splitFrom: readonly number[], before: number, classes: number): T {
  const out = new (t.constructor as new (n: number) => T)(classes);
  out.set(t);
  splitFrom.forEach((k, x) => { out[before + x] = t[k] as number; });
  return out;
}

/** The groups of filtered() rules and of anyMatch() lists. */
const filterGroups = { group: newGroup() };
const listGroups = { group: newGroup() };

/**
 * A table by character of a caller's own (values 0–255) as classes in the group of the anyMatch
 * lists: `byClass.t[cls[c]]` is `labels[c]`. A pass over text that runs right before the lists
 * test its lines (normalise's paragraph scan before the chrome lines) then warms the table
 * they read instead of a 64 KB table of its own.
 */
export function listClasses(labels: Uint8Array): { cls: Uint8Array; byClass: { t: Uint8Array } } {
  const { group, labelOf } = joinGroup(listGroups, labels);
  const byClass = { t: labelOf };
  group.rules.push((splitFrom, before, classes) => { byClass.t = grown(byClass.t, splitFrom, before, classes); });
  return { cls: group.cls, byClass };
}

export function filtered(re: RegExp, opts: { fromEnd?: boolean } = {}): Filtered {
  if (re.global || re.sticky) throw new RangeError(`filtered: ${re} has a g or y flag`);
  const r = readPattern(re);
  const tail = opts.fromEnd && r ? tailExec(re, r) : null;
  if (opts.fromEnd && !tail) throw new RangeError(`filtered: ${re} is not an end-anchored rule of bounded length`);
  if (tail) {
    // The tail search reads only the last characters (and its table covers the first ones).
    const last = (r as Known).last;
    const ends = (s: string, a: number, b: number) => b > a && last[s.charCodeAt(b - 1)] === 1;
    return {
      test: (s, a = 0, b = s.length) => ends(s, a, (b = Math.min(b, s.length))) && tail(windowOf(s, a, b)) !== null,
      exec: (s, a = 0, b = s.length) => (ends(s, a, (b = Math.min(b, s.length))) ? tail(windowOf(s, a, b)) : null),
    };
  }
  if (!r) return { test: (s, a = 0, b = s.length) => re.test(windowOf(s, a, Math.min(b, s.length))), exec: (s, a = 0, b = s.length) => re.exec(windowOf(s, a, Math.min(b, s.length))) };
  // Bits per character: 1 a match can start here, 2 a match needs it, 4 a match can end with it.
  const bits = new Uint8Array(ALL);
  for (let c = 0; c < ALL; c++) bits[c] = (r.first[c] ? 1 : 0) | (!r.need || r.need[c] ? 2 : 0) | (!r.anchoredEnd || r.last[c] ? 4 : 0);
  const { group, labelOf } = joinGroup(filterGroups, bits);
  const rule = { byClass: labelOf };
  group.rules.push((splitFrom, before, classes) => { rule.byClass = grown(rule.byClass, splitFrom, before, classes); });
  const cls = group.cls;
  const anchored = r.anchored;
  /** Whether a match may fit s[a, b) (b within s). */
  const may = (s: string, a: number, b: number): boolean => {
    // A pattern the reader follows cannot match the empty string (readPattern).
    if (b <= a) return false;
    const t = rule.byClass;
    if (!((t[cls[s.charCodeAt(b - 1)] as number] as number) & 4)) return false;
    if (anchored) {
      if (!((t[cls[s.charCodeAt(a)] as number] as number) & 1)) return false;
      for (let i = a; i < b; i++) if ((t[cls[s.charCodeAt(i)] as number] as number) & 2) return true;
      return false;
    }
    let seen = 0;
    for (let i = a; i < b && seen !== 3; i++) seen |= (t[cls[s.charCodeAt(i)] as number] as number) & 3;
    return seen === 3;
  };
  return {
    test: (s, a = 0, b = s.length) => may(s, a, (b = Math.min(b, s.length))) && re.test(windowOf(s, a, b)),
    exec: (s, a = 0, b = s.length) => (may(s, a, (b = Math.min(b, s.length))) ? re.exec(windowOf(s, a, b)) : null),
  };
}

/** A rule regex with its filter: `next` finds the leftmost match at or after a position. */
export interface Scanner {
  /**
   * The leftmost match starting at `from` or later, as the regex with the g flag would find it;
   * null when none starts before `until` (default: the end of `s`).
   */
  next(s: string, from: number, until?: number): RegExpExecArray | null;
  /**
   * The same match's start (-1 for none) with its end in `end`, without building the match (no
   * array, no substring: a caller that rejects most matches by the character after them slices
   * only the ones it keeps).
   */
  find(s: string, from: number, until?: number): number;
  end: number;
}

/**
 * The source's top-level alternatives (split at each | outside groups and classes).
 */
function alternatives(src: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let inClass = false;
  let from = 0;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (c === "\\") i++;
    else if (inClass) inClass = c !== "]";
    else if (c === "[") inClass = true;
    else if (c === "(") depth++;
    else if (c === ")") depth--;
    else if (c === "|" && depth === 0) {
      out.push(src.slice(from, i));
      from = i + 1;
    }
  }
  out.push(src.slice(from));
  return out;
}

/** Where the group opening at src[i] closes (past its ")"), or -1. */
function groupEnd(src: string, i: number): number {
  let depth = 0;
  let inClass = false;
  for (; i < src.length; i++) {
    const c = src[i];
    if (c === "\\") i++;
    else if (inClass) inClass = c !== "]";
    else if (c === "[") inClass = true;
    else if (c === "(") depth++;
    else if (c === ")" && --depth === 0) return i + 1;
  }
  return -1;
}

/** Where the one-character atom at src[i] (a character, an escape, a class or .) ends, or -1 for any other. */
function oneCharAtomEnd(src: string, i: number): number {
  const c = src[i];
  if (c === undefined || "()|*+?{}^$".includes(c)) return -1;
  if (c === "[") {
    // The first ] not escaped closes it ([] and [^] too, as in a non-unicode pattern).
    for (let k = src[i + 1] === "^" ? i + 2 : i + 1; k < src.length; k++) {
      if (src[k] === "\\") k++;
      else if (src[k] === "]") return k + 1;
    }
    return -1;
  }
  if (c !== "\\") return i + 1;
  const e = src[i + 1];
  // \b and \B consume nothing; a back reference or \k names more than one character.
  if (e === undefined || e === "b" || e === "B" || e === "k" || (e >= "0" && e <= "9")) return -1;
  if (e === "u") return i + 6;
  if (e === "x") return i + 4;
  if (e === "c") return i + 3;
  return i + 2;
}

/**
 * The scanner's table by code unit: bit 1 where a match can start (firstChars), bit 2 where
 * every match starting with that character has a second one, and bit 4 on the characters that
 * can be that second. Read per top-level alternative: when its first term (past the look-arounds
 * before it) is one unquantified character or class and the rest of it cannot match the empty
 * string, the rest's first characters can follow; a first character that starts any other
 * alternative (a group, a quantified atom, a match that can end after it) keeps bit 2 clear and
 * is tried as before. A position whose next character cannot follow is skipped without a regex
 * call: 年 in 年度, 计 in 统计, 十 in 十分 (a sticky test of a long alternation with look-behinds is
 * the dearest part of a scan).
 */
function scanTable(re: RegExp, first: Uint8Array): Uint8Array {
  const t = Uint8Array.from(first);
  if (re.ignoreCase || re.multiline || re.unicode || re.dotAll || re.flags.includes("v")) return t;
  const checked = new Uint8Array(ALL);
  const unchecked = new Uint8Array(ALL);
  const fill = (into: Uint8Array, cs: Chars, bit: number) => {
    for (const [lo, hi] of cs) for (let c = lo; c <= hi; c++) into[c] = (into[c] as number) | bit;
  };
  for (const alt of alternatives(re.source)) {
    let i = 0;
    while (alt.startsWith("(?=", i) || alt.startsWith("(?!", i) || alt.startsWith("(?<=", i) || alt.startsWith("(?<!", i)) {
      i = groupEnd(alt, i);
      if (i < 0) return t;
    }
    const end = oneCharAtomEnd(alt, i);
    const starts = end > i ? partOf(alt.slice(i, end)) : null;
    // An alternative whose first characters are not known apart: every one is tried as before.
    if (!starts) return t;
    const next = alt[end];
    const quantified = next !== undefined && "*+?{".includes(next);
    const rest = quantified || end === alt.length ? null : partOf(alt.slice(end));
    if (rest && !rest.empty && !rest.anchored) {
      fill(checked, starts.first, 1);
      fill(t, rest.first, 4);
    } else fill(unchecked, starts.first, 1);
  }
  for (let c = 0; c < ALL; c++) if (first[c] && checked[c] && !unchecked[c]) t[c] = (t[c] as number) | 2;
  return t;
}

/** What the reader reads of a piece of a pattern source (no flags), or null when it does not follow it. */
function partOf(src: string): { first: Chars; empty: boolean; anchored: boolean } | null {
  try {
    const reader = new Reader(src, false);
    const r = reader.read();
    return { first: r.first, empty: r.empty, anchored: reader.anchored };
  } catch {
    // A piece cut from a source need not stand alone (a stray bracket): not read.
    return null;
  }
}

export function scanner(re: RegExp): Scanner {
  const first = firstChars(re);
  const flags = re.flags.replace(/[gy]/g, "");
  const global = new RegExp(re.source, flags + "g");
  if (!first) {
    return {
      end: -1,
      next(s, from, until = s.length) {
        global.lastIndex = from;
        const m = global.exec(s);
        return m && m.index < until ? m : null;
      },
      find(s, from, until) {
        const m = this.next(s, from, until);
        this.end = m ? m.index + m[0].length : -1;
        return m ? m.index : -1;
      },
    };
  }
  const sticky = new RegExp(re.source, flags + "y");
  const at = scanTable(re, first);
  // The first characters also as bits (8 KB, not 64 KB): the scan reads this per character, and
  // far fewer of its cache lines are cold after the other stages ran; the byte table is read at
  // the few positions that pass.
  const starts = bitsOf(first);
  // Past the end charCodeAt is NaN, which indexes nothing: a match that needs a second character has none there.
  const may = (s: string, i: number): boolean => {
    const c = s.charCodeAt(i);
    if (hasBit(starts, c) === 0) return false;
    return ((at[c] as number) & 2) === 0 || ((at[s.charCodeAt(i + 1)] as number) & 4) !== 0;
  };
  return {
    end: -1,
    next(s, from, until = s.length) {
      const end = Math.min(until, s.length);
      for (let i = from; i < end; i++) {
        if (!may(s, i)) continue;
        sticky.lastIndex = i;
        const m = sticky.exec(s);
        if (m) return m;
      }
      return null;
    },
    find(s, from, until = s.length) {
      const end = Math.min(until, s.length);
      for (let i = from; i < end; i++) {
        if (!may(s, i)) continue;
        sticky.lastIndex = i;
        // A sticky test leaves lastIndex at the match's end.
        if (sticky.test(s)) {
          this.end = sticky.lastIndex;
          return i;
        }
      }
      this.end = -1;
      return -1;
    },
  };
}

/**
 * What the first and last characters of a string tell about whether `re` (no g or y flag) can
 * match it: `first` the characters a match can start with when every match starts at the start
 * of the input (^), `last` the characters it can end with when every match ends at its end ($),
 * each null when not anchored so (or not known); `empty` false only when no empty string matches.
 * A caller may skip the regex when the string's first or last character is not in the table.
 */
export interface Edges {
  first: Uint8Array | null;
  last: Uint8Array | null;
  empty: boolean;
}

export function edges(re: RegExp): Edges {
  const r = readPattern(plain(re));
  if (!r) return { first: null, last: null, empty: true };
  return { first: r.anchored ? r.first : null, last: r.anchoredEnd ? r.last : null, empty: false };
}

/**
 * The characters a match of `re` can hold (what its look-arounds read aside), or null when the
 * reader does not follow it. A character outside it is never inside a match: a scan may start
 * afresh right after one and find the matches a scan of the whole text finds from there.
 */
export function alphabet(re: RegExp): Uint8Array | null {
  return readPattern(plain(re))?.alphabet ?? null;
}

/**
 * `(from) => s.indexOf(ch, from)` for positions that mostly move forward (figures in text
 * order): the last answer serves every position up to it, so the text is searched about once
 * (a scan of the gap between each two figures read most of it).
 */
export function nextIndexOf(s: string, ch: string): (from: number) => number {
  let searchedFrom = -1;
  let found = -1;
  return (from) => {
    if (searchedFrom < 0 || from < searchedFrom || (found >= 0 && from > found)) {
      searchedFrom = from;
      found = s.indexOf(ch, from);
    }
    return found;
  };
}

/**
 * The characters `re` matches when its whole source is one character class (`[-~至到]`), as a
 * table: a sticky test of it at a position is a lookup of the character there. Null otherwise.
 */
export function classChars(re: RegExp): Uint8Array | null {
  if (!/^\[(?:[^\]\\]|\\.)*\]$/.test(re.source)) return null;
  return readPattern(plain(re))?.first ?? null;
}

/** `/\s/.test(c)` for the character at a code unit, as a table lookup (no one-character string). */
const SPACE_AT = table(SPACE, false);
export const isSpaceAt = (s: string, i: number): boolean => SPACE_AT[s.charCodeAt(i)] === 1;

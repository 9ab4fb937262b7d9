/**
 * Time words. Reads them (2025年, 今年, 上半年, 前三季度, 1—10月, 十四五时期, 过去五年)
 * and normalises them: a year (2025), a half (2022-H1), a quarter (2024-Q3), a month span
 * (2024-01..10), a month (2024-10) or a span of years (2021..2025). Relative words resolve
 * against the reference year (the report's own year, else the published year).
 * periods.ts gives them to figures and goals; sections.ts to headings and leads.
 */
import { TIME_RULES, TIME_RULE_EXACT, TIME_WORD_RE, REL_YEAR } from "./rules/sections";
import { parseNumber } from "./numbers";
import { alphabet, firstChars, scanner } from "./scan";

export interface Period {
  /** Normalised: 2025, 2022-H1, 2024-Q3, 2024-01..10, 2021..2025. */
  period: string;
  /** As written (今年, 十四五时期); empty when inferred from a section or the report's year. */
  text: string;
}

const CN_DIGIT: Readonly<Record<string, number>> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 两: 2 };
const two = (m: number) => (m < 10 ? "0" + m : String(m));

function small(x: string | undefined): number {
  if (!x) return NaN;
  const d = Number(x);
  if (Number.isInteger(d)) return d;
  if (CN_DIGIT[x] !== undefined) return CN_DIGIT[x] as number;
  return parseNumber(x)?.value ?? NaN;
}

/**
 * The characters each rule's match can start with (null: any): a word is tried only against the
 * rules that can start with its first character, in the rules' order, not a dozen regexes a word.
 */
const RULE_FIRST = TIME_RULES.map((r) => firstChars(r.re));

/**
 * One time word (a whole match of TIME_WORD_RE) as a period. `year` is the reference year;
 * `onYear` a year written right before it (2024年上半年). Undefined when it cannot be resolved.
 */
export function resolveTime(word: string, year: number | undefined, onYear?: number): string | undefined {
  const c0 = word.charCodeAt(0);
  for (let i = 0; i < TIME_RULES.length; i++) {
    const first = RULE_FIRST[i];
    if (first && !first[c0]) continue;
    const m = (TIME_RULE_EXACT[i] as RegExp).exec(word);
    if (!m) continue;
    const rule = TIME_RULES[i] as (typeof TIME_RULES)[number];
    const y = onYear ?? year;
    switch (rule.kind) {
      case "plan": {
        const start = 1956 + 5 * (9 + (CN_DIGIT[m[1] as string] ?? 0));
        return `${start}..${start + 4}`;
      }
      case "year-span":
        return `${m[1]}..${m[2]}`;
      case "year":
        return m[1];
      case "since-year":
        return year === undefined ? undefined : `${m[1]}..${year}`;
      case "past-years": {
        const k = small(m[1] ?? m[2]);
        if (year === undefined || !(k >= 1 && k <= 20)) return undefined;
        return k === 1 ? String(year - 1) : `${year - k}..${year - 1}`;
      }
      case "next-years": {
        const k = small(m[1]);
        if (year === undefined || !(k >= 1 && k <= 20)) return undefined;
        return `${year}..${year + k - 1}`;
      }
      case "half":
        return y === undefined ? undefined : `${y}-H${m[1] === "上" ? 1 : 2}`;
      case "quarters-to":
        return y === undefined ? undefined : `${y}-01..${two(3 * small(m[1]))}`;
      case "quarter":
        return y === undefined ? undefined : `${y}-Q${small(m[1])}`;
      case "months":
        return y === undefined ? undefined : `${y}-${two(Number(m[1]))}..${two(Number(m[2]))}`;
      case "month":
        return y === undefined ? undefined : `${y}-${two(Number(m[1]))}`;
      case "rel-year": {
        const off = REL_YEAR[m[0]];
        return year === undefined || off === undefined ? undefined : String(year + off);
      }
    }
  }
  return undefined;
}

export interface TimeWord {
  start: number;
  end: number;
  period: string;
}

/** Every resolvable time word of `s`, in one pass; a half, quarter or month takes a year written just before it. */
export function timeWords(s: string, year: number | undefined, from = 0, to = s.length): TimeWord[] {
  const out: TimeWord[] = [];
  const re = TIME_WORD_RE;
  re.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s)) !== null && m.index < to) {
    if (m[0].length === 0) { re.lastIndex++; continue; }
    take(out, m, year);
  }
  return out;
}

/**
 * resolveTime's answers within one text (null for none), by the word and the year written
 * before it: a text's time words recur (今年, 2024年, 上半年), each rule regex is run once.
 */
type Resolved = Map<string, string | null>;

function resolveIn(resolved: Resolved, word: string, year: number | undefined, onYear: number | undefined): string | undefined {
  const key = onYear === undefined ? word : `${onYear}\u0000${word}`;
  const known = resolved.get(key);
  if (known !== undefined) return known ?? undefined;
  const p = resolveTime(word, year, onYear);
  resolved.set(key, p ?? null);
  return p;
}

/** Adds the match `m` to the words before it: a word of its own, joined to a year just before it, or nothing when it does not resolve. */
function take(out: TimeWord[], m: RegExpExecArray, year: number | undefined, resolved?: Resolved): void {
  const prev = out[out.length - 1];
  const onYear = prev && prev.end === m.index && prev.period.length === 4 ? Number(prev.period) : undefined;
  const p = resolved ? resolveIn(resolved, m[0], year, onYear) : resolveTime(m[0], year, onYear);
  if (p === undefined) return;
  if (onYear !== undefined && prev) out[out.length - 1] = { start: prev.start, end: m.index + m[0].length, period: p };
  else out.push({ start: m.index, end: m.index + m[0].length, period: p });
}

const TIME_SCAN = scanner(TIME_WORD_RE);

/**
 * Code units after which a scan may start afresh: sentence and line ends that no time word
 * holds (no word spans them, so a scan from just after one is in step with a scan of the whole
 * text). None when the rules are not read (then every word is read).
 */
const RESTART = new Uint8Array(0x10000);
{
  const held = alphabet(TIME_WORD_RE);
  if (held) for (const c of "。！？!?\n\r") if (!held[c.charCodeAt(0)]) RESTART[c.charCodeAt(0)] = 1;
}

/**
 * The time words of a text read on demand, in text order, as timeWords(s, year) gives them:
 * periods.ts reads only the sentences that hold figures and the openings of their paragraphs,
 * not the whole text (the alternation of every time rule, tried at every position, was the
 * stage's cost). `words` holds the words read so far.
 */
export class TimeWordReader {
  readonly words: TimeWord[] = [];
  /** Where the scan stands, in step with a scan of the whole text. */
  private at = 0;
  private readonly resolved: Resolved = new Map();
  private all: TimeWord[] | undefined;
  constructor(private readonly s: string, private readonly year: number | undefined) {}

  /** Reads every word that starts before `pos`, each complete (a word just after it that joins the last one is read too). */
  readTo(pos: number): void {
    const words = this.words;
    for (;;) {
      const last = words[words.length - 1];
      // A match at the last word's end may still join it (2024年 + 上半年).
      const limit = Math.max(pos, last ? last.end + 1 : 0);
      if (this.at >= limit) return;
      const m = TIME_SCAN.next(this.s, this.at, limit);
      if (!m) { this.at = limit; return; }
      this.at = m.index + (m[0].length || 1);
      if (m[0].length > 0) take(words, m, this.year, this.resolved);
    }
  }

  /**
   * Skips the words before `pos` that are not read yet, from the last restart point at or
   * before it: they are never read. Positions only move forward, so each character is looked
   * at once here.
   */
  skipTo(pos: number): void {
    for (let x = Math.min(pos, this.s.length); x > this.at; x--) {
      if (RESTART[this.s.charCodeAt(x - 1)]) { this.at = x; return; }
    }
  }

  /**
   * The first word of the paragraph opening at `lineStart` when it starts within `lead`
   * characters of it (a line start follows a line end, where a scan may start afresh), else
   * undefined; read on its own, whatever has been read.
   */
  openingWord(lineStart: number, lead: number): TimeWord | undefined {
    const s = this.s;
    if (lineStart > 0 && !RESTART[s.charCodeAt(lineStart - 1)]) {
      // Not a restart point (the rules hold line ends): the words of the whole text.
      this.all ??= timeWords(s, this.year);
      const w = this.all.find((x) => x.start >= lineStart);
      return w && w.start - lineStart <= lead ? w : undefined;
    }
    const out: TimeWord[] = [];
    let from = lineStart;
    // The first word that resolves, then the words that join it.
    for (;;) {
      const last = out[out.length - 1];
      const limit = last ? last.end + 1 : lineStart + lead + 1;
      const m = TIME_SCAN.next(s, from, limit);
      if (!m) break;
      from = m.index + (m[0].length || 1);
      if (m[0].length === 0) continue;
      const n = out.length;
      take(out, m, this.year, this.resolved);
      // A word of its own after the first, or one that does not join it: the first is complete.
      if (last && (out.length !== n || out[n - 1] === last)) break;
    }
    return out[0];
  }
}

/** The first time word of a short text (a heading, a lead), as a Period. */
export function timeIn(text: string, year: number | undefined): Period | undefined {
  const w = timeWords(text, year)[0];
  return w ? { period: w.period, text: text.slice(w.start, w.end) } : undefined;
}

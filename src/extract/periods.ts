/**
 * Stage: periods. Gives each figure the period it is about, normalised beside the words it was
 * read from (see timewords.ts):
 * 1. the last time word before it in its own sentence (2025年…, 今年…, 上半年…, 到2025年…), passing
 *    over a base it is compared with (比上年增长8%), unless it is that base's own level (由上年的15%);
 * 2. else the time word that opens its paragraph (2025年,全省… / 五年来,…);
 * 3. else its section's period (三、2026年工作安排 -> 2026; a review section -> the reviewed year);
 * 4. else, for a target, the reference year (a report's own year, else the published year).
 * A goal's period is its deadline's, else its first figure's.
 */
import type { Normalised } from "./normalise";
import type { Attributed } from "./attribution";
import type { Scope, Sections } from "./sections";
import { origStart, origEnd } from "./normalise";
import { TimeWordReader, timeIn, type Period, type TimeWord } from "./timewords";
import { periodEnd } from "./periodformat";
import { SAME_YEAR, TIME_BASE_LEAD_RE, TIME_BASE_RATIO_LEAD, TIME_BASE_RATIO_AFTER_RE, TIME_BASE_START_RE } from "./rules/sections";

/** A time word this close to its paragraph's start opens the paragraph. */
const PARAGRAPH_LEAD = 12;

export function periodsOf(n: Normalised, figs: Attributed[], sections: Sections): (Period | undefined)[] {
  const s = n.body;
  const year = sections.year;
  // Only the words of the figures' sentences and of their paragraphs' openings are read.
  const reader = new TimeWordReader(s, year);
  const words = reader.words;
  const out: (Period | undefined)[] = [];
  let w = -1;
  let si = 0;
  let openingOf = -1;
  let opening: TimeWord | undefined;
  const scopes = sections.scopes;
  for (const f of figs) {
    reader.skipTo(f.sentenceStart);
    reader.readTo(f.start);
    while (w + 1 < words.length && (words[w + 1] as { end: number }).end <= f.start) w++;
    while (si + 1 < scopes.length && (scopes[si + 1] as { pos: number }).pos <= f.start) si++;
    const own = ownWord(s, words, w, f.sentenceStart, f.start, f.kind === "target" ? year : undefined);
    const scope = scopes[si];
    const reviewed = reviewedYear(scope, sections, year);
    if (own) {
      out.push({ period: periodOf(s, own, reviewed), text: n.original.slice(origStart(n, own.start), origEnd(n, own.end)) });
      continue;
    }
    // The paragraph's first time word (read once per paragraph).
    const line = n.lines[f.paragraph];
    if (line && openingOf !== f.paragraph) {
      openingOf = f.paragraph;
      opening = reader.openingWord(line.start, PARAGRAPH_LEAD);
    }
    const first = line ? opening : undefined;
    const lead = line && first && first.end <= f.start && first.start - line.start <= PARAGRAPH_LEAD && !isBase(s, first) && !isPast(s, first, f.kind === "target" ? year : undefined) ? first : undefined;
    if (lead) {
      out.push({ period: periodOf(s, lead, reviewed), text: n.original.slice(origStart(n, lead.start), origEnd(n, lead.end)) });
      continue;
    }
    if (scope?.period && (scope.mode === null || (scope.mode === "plan") === (f.kind === "target"))) {
      out.push(scope.period);
      continue;
    }
    if (year !== undefined && f.kind === "target") out.push({ period: String(year), text: "" });
    else if (year !== undefined && sections.report && scope?.mode === "review") out.push({ period: String(year - 1), text: "" });
    else out.push(undefined);
  }
  return out;
}

/** A time word opening with one of these is a deadline (到2025年, 至2027年). */
const DEADLINE_LEADS = "到至";

/**
 * A time over before a target's reference year, and not its deadline: “十四五”批复的6个基地 and
 * 在2000年的基础上翻一番 in a later plan name a time, not the target's period.
 */
function isPast(s: string, word: TimeWord, targetYear: number | undefined): boolean {
  if (targetYear === undefined || DEADLINE_LEADS.includes(s[word.start] as string)) return false;
  const end = periodEnd(word.period);
  return end !== null && Number(end.slice(0, 4)) < targetYear;
}

/**
 * The year a review scope is about, which its 全年/当年 mean (当年投资996.3亿元): its own year, or
 * under a heading with no year ((一)经济形势回升向好) the year before the report's; else undefined.
 */
function reviewedYear(scope: Scope | undefined, sections: Sections, year: number | undefined): string | undefined {
  if (scope?.mode !== "review") return undefined;
  if (scope.period?.period.length === 4) return scope.period.period;
  return sections.report && year !== undefined ? String(year - 1) : undefined;
}

/** A word's period, where 全年/当年 of a review is the reviewed year. */
function periodOf(s: string, word: TimeWord, reviewed: string | undefined): string {
  return reviewed !== undefined && SAME_YEAR.has(s.slice(word.start, word.end)) ? reviewed : word.period;
}

/** A time word that a figure is compared with (比上年, 是2005年的, 由2020年的), not its period. */
function isBase(s: string, w: TimeWord): boolean {
  if (s[w.start - 1] === TIME_BASE_RATIO_LEAD) return TIME_BASE_RATIO_AFTER_RE.test(s.slice(w.end, w.end + 3));
  return TIME_BASE_LEAD_RE.test(s.slice(Math.max(0, w.start - 3), w.start)) && !TIME_BASE_START_RE.test(s.slice(w.end, w.end + 2));
}

/**
 * The figure's own time word: the last one before it in its sentence (`words[w]`), passing over
 * bases and, for a target, words of a time over before its reference year, except a base whose
 * level the figure is (由上年的15%, 从2020年的82.4岁: the figure follows the word at once, after 的
 * or not).
 */
function ownWord(s: string, words: readonly TimeWord[], w: number, sentenceStart: number, figStart: number, targetYear: number | undefined): TimeWord | undefined {
  for (let j = w; j >= 0; j--) {
    const word = words[j] as TimeWord;
    if (word.start < sentenceStart) return undefined;
    if (isPast(s, word, targetYear)) continue;
    if (!isBase(s, word)) return word;
    if (j === w && s[word.start - 1] !== TIME_BASE_RATIO_LEAD && (figStart === word.end || (s[word.end] === "的" && figStart === word.end + 1))) return word;
  }
  return undefined;
}

/** A goal's period from its deadline as written (年内, 到2025年, 十四五期末). */
export function deadlinePeriod(deadline: string | undefined, year: number | undefined): string | undefined {
  return deadline ? timeIn(deadline, year)?.period : undefined;
}

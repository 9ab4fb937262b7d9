/**
 * Stage: periods. Gives each figure the period it is about, normalised beside the words it was
 * read from (see timewords.ts):
 * 1. the last time word before it in its own sentence (2025年…, 今年…, 上半年…, 到2025年…);
 * 2. else the time word that opens its paragraph (2025年,全省… / 五年来,…);
 * 3. else its section's period (三、2026年工作安排 -> 2026; a review section -> the reviewed year);
 * 4. else, for a target, the reference year (a report's own year, else the published year).
 * A goal's period is its deadline's, else its first figure's.
 */
import type { Normalised } from "./normalise";
import type { Attributed } from "./attribution";
import type { Sections } from "./sections";
import { origStart, origEnd } from "./normalise";
import { TimeWordReader, timeIn, type Period, type TimeWord } from "./timewords";
import { SAME_YEAR } from "./rules/sections";

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
    const own = words[w];
    const scope = scopes[si];
    if (own && own.start >= f.sentenceStart) {
      const text = n.original.slice(origStart(n, own.start), origEnd(n, own.end));
      // 全年/当年 in a review is the reviewed year: 当年投资996.3亿元.
      const same = scope?.mode === "review" && scope.period?.period.length === 4 && SAME_YEAR.has(n.body.slice(own.start, own.end));
      out.push({ period: same ? (scope.period as Period).period : own.period, text });
      continue;
    }
    // The paragraph's first time word (read once per paragraph).
    const line = n.lines[f.paragraph];
    if (line && openingOf !== f.paragraph) {
      openingOf = f.paragraph;
      opening = reader.openingWord(line.start, PARAGRAPH_LEAD);
    }
    const first = line ? opening : undefined;
    const lead = line && first && first.end <= f.start && first.start - line.start <= PARAGRAPH_LEAD ? first : undefined;
    if (lead) {
      out.push({ period: lead.period, text: n.original.slice(origStart(n, lead.start), origEnd(n, lead.end)) });
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

/** A goal's period from its deadline as written (年内, 到2025年, 十四五期末). */
export function deadlinePeriod(deadline: string | undefined, year: number | undefined): string | undefined {
  return deadline ? timeIn(deadline, year)?.period : undefined;
}

/**
 * Segmentation helpers over the normalised text: sentence and clause bounds, quotes. All scans
 * are bounded by `MAX_SCAN` so that the work per figure stays constant on hostile input.
 */

export const MAX_SCAN = 200;

/** Sentence ends: 。！？!? and line breaks. */
export const isSentenceEnd = (c: string) => c === "。" || c === "！" || c === "？" || c === "!" || c === "?" || c === "\n" || c === "\r";
/** Clause ends: sentence ends plus , ; : and their full-width forms (already folded). */
export const isClauseEnd = (c: string) => isSentenceEnd(c) || c === "," || c === "，" || c === ";" || c === "；" || c === ":" || c === "：";

/** 1 = clause end, 2 = sentence end (also a clause end), 4 = semicolon (major) end. */
const END = new Uint8Array(65536);
for (const c of "。！？!?\n\r") END[c.charCodeAt(0)] = 1 | 2 | 4;
for (const c of ";；") END[c.charCodeAt(0)] = 1 | 4;
for (const c of ",，:：") END[c.charCodeAt(0)] = 1;

/**
 * The END bits of the code unit s[i] (0 past either end): isClauseEnd (1), isSentenceEnd (2) and
 * a semicolon or sentence end (4), read without the one-character string s[i] allocates for CJK.
 */
export const endAt = (s: string, i: number): number => END[s.charCodeAt(i)] ?? 0;

/** Fast bounds by the END table: bit 1 clause, 2 sentence. */
export function boundsBy(s: string, start: number, end: number, bit: number, limit = MAX_SCAN): [number, number] {
  let a = start;
  const aMin = Math.max(0, start - limit);
  while (a > aMin && ((END[s.charCodeAt(a - 1)] as number) & bit) === 0) a--;
  let b = end;
  const bMax = Math.min(s.length, end + limit);
  while (b < bMax && ((END[s.charCodeAt(b)] as number) & bit) === 0) b++;
  return [a, b];
}

export function boundsAround(
  s: string,
  start: number,
  end: number,
  isEnd: (c: string) => boolean,
  limit = MAX_SCAN,
): [number, number] {
  let a = start;
  const aMin = Math.max(0, start - limit);
  while (a > aMin && !isEnd(s[a - 1] as string)) a--;
  let b = end;
  const bMax = Math.min(s.length, end + limit);
  while (b < bMax && !isEnd(s[b] as string)) b++;
  return [a, b];
}

/**
 * True when [start, end) sits inside a “…” quote of at most `maxLen` characters (a slogan or name:
 * “冲刺100天”); a longer quote is someone's speech, whose figures count.
 */
export function insideQuote(s: string, start: number, end: number, maxLen: number): boolean {
  const aMin = Math.max(0, start - maxLen);
  let open = -1;
  // One pass back serves both kinds of quote: the ASCII double quotes (which open and close
  // alike) since the line began count only when no curly quote or line break comes first.
  let quotes = 0;
  let firstStraight = -1;
  // By code unit: “ U+201C, 「 U+300C, 『 U+300E open; ” U+201D, 」 U+300D, 』 U+300F close.
  for (let i = start - 1; i >= aMin; i--) {
    const c = s.charCodeAt(i);
    if (c === 0x201d || c === 0x300d || c === 0x300f || c === 10) return false;
    if (c === 0x201c || c === 0x300c || c === 0x300e) { open = i; break; }
    if (c === 0x22) {
      quotes++;
      firstStraight = i;
    }
  }
  if (open < 0) return quotes % 2 === 1 && closedOnLine(s, end, firstStraight + maxLen + 2);
  const bMax = Math.min(s.length, open + maxLen + 2);
  for (let i = end; i < bMax; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x201d || c === 0x300d || c === 0x300f) return true;
    if (c === 0x201c || c === 0x300c || c === 0x300e || c === 10) return false;
  }
  return false;
}

/**
 * Inside ASCII double quotes ("十个严禁"): with an odd number of them since the line began
 * (within maxLen) before the span, one after it on the line before `until`.
 */
function closedOnLine(s: string, end: number, until: number): boolean {
  const bMax = Math.min(s.length, until);
  for (let i = end; i < bMax; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x22) return true;
    if (c === 10) return false;
  }
  return false;
}

/** A regex's `\s` (and what trim() cuts), by code unit: WhiteSpace and LineTerminator. */
export function isSpaceCode(c: number): boolean {
  return (c >= 9 && c <= 13) || c === 32 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

export const isCjk = (c: string | undefined) => !!c && c >= "\u3400" && c <= "\u9fff";
/** A CJK unified ideograph (U+4E00–9FFF), by code unit. */
export const isIdeograph = (c: number) => c >= 0x4e00 && c <= 0x9fff;

/** Length of the clause text right before `i` (at most 40 chars). */
export function clausePrefixLen(s: string, i: number): number {
  let k = i;
  while (k > 0 && i - k < 40 && (endAt(s, k - 1) & 1) === 0) k--;
  return i - k;
}

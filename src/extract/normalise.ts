/**
 * Stage 1: normalise. Builds, from the original text:
 * - `clean`: markup left in the text taken out (./markup.ts), hard line wraps joined (./unwrap.ts),
 *   pinyin brackets stripped, full-width ASCII folded, still in the article's script
 *   (metrics, places and titles are cut from it);
 * - `simp`: `clean` converted to simplified characters (opencc t2cn), same UTF-16 length, so one
 *   offset map serves both;
 * - `body`: `simp` with site-chrome lines and word-for-word repeated paragraphs blanked out
 *   (replaced by spaces of the same length), where figures are searched;
 * - `map`: clean index -> original index (null when the two are the same).
 */
import { toSimplified } from "../text/script";
import {
  CHROME_LINE_RES,
  CHROME_NOTICE_RES,
  MIN_DUP_PARAGRAPH,
  PARAGRAPH_ENDS,
  RELATED_HEADER_RE,
  MAX_LINK_LINE,
  PINYIN_BRACKET_RE,
  PINYIN_SYLLABLE_RE,
  TONE_MARK_RE,
} from "./rules/noise";
import { applyEdits, composeMaps, unitBuffer, unitsToString, type Edited } from "./edits";
import { stripMarkup } from "./markup";
import { unwrapLines } from "./unwrap";
import { anyMatch, listClasses } from "./scan";

/** Whether a line is site chrome by CHROME_LINE_RES (one pass over the line picks the rules to run). */
const isChromeLine = anyMatch(CHROME_LINE_RES);
/** Whether it is a notice (CHROME_NOTICE_RES): asked only of a paragraph of sentences that is chrome by the rest. */
const isNoticeLine = anyMatch(CHROME_NOTICE_RES);

/** Frequent characters that exist only in traditional script: a cheap test before running opencc. */
export const TRADITIONAL_PROBE_RE =
  /[們個這來時說為會經發區國產業學對開關過還實現與萬億兩項戶畝餘進場廣東並從後點當幾體麼華動書記長門問間頭電話機應將專務縣鄉鎮黨屆議員際數據處計劃]/;

/** The probe as a table (a large non-Latin1 class is slow in irregexp: ~50 chars/µs). */
const PROBE = new Uint8Array(65536);
for (const ch of TRADITIONAL_PROBE_RE.source.slice(1, -1)) PROBE[ch.charCodeAt(0)] = 1;

export function looksTraditional(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (PROBE[s.charCodeAt(i)]) return true;
  return false;
}

/**
 * A paragraph of sentences (clauses, then a full stop): navigation (CHROME_NAV_RES) never
 * matches one as a whole. A page flattened to one line opens with a paragraph that holds its
 * breadcrumb, headline and date line and then its first sentence (首页 > 新闻中心 … 发布时间：…
 * 近日，…新增企业50家。): masked as a navigation line, its figures were lost. (An
 * advertisement's clauses end in ！.)
 */
function isProse(t: string): boolean {
  return t.charCodeAt(t.length - 1) === 0x3002 && t.includes(",");
}

export interface Line {
  /** [start, end) in clean/simp/body, without the newline. */
  start: number;
  end: number;
  masked: boolean;
  chrome: boolean;
  dup: boolean;
  /** The first copy of a paragraph that is repeated later (its figures carry `dup`). */
  repeated?: boolean;
}

export interface Normalised {
  original: string;
  /** The article's own characters with markup and pinyin stripped (not folded, not converted): titles, metrics, places. */
  written: string;
  clean: string;
  simp: string;
  body: string;
  map: Uint32Array | null;
  lines: Line[];
  warnings: string[];
}

/** Toneless pinyin brackets that mark a document as annotated even without tone marks. */
const MIN_TONELESS_PINYIN = 3;

function isToneless(s: string): boolean {
  return !TONE_MARK_RE.test(s);
}

/** A CJK ideograph (the unified blocks with extension A, and the compatibility block). */
const isHan = (c: number): boolean => (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff);

/** Strip pinyin brackets; returns the stripped text and its map (null if nothing stripped). */
function stripPinyin(text: string): Edited {
  // The brackets stripped if the document is annotated (toned, or toneless and a valid
  // syllable), as applyEdits reads them: from, to, -1.
  const edits: number[] = [];
  let toned = 0;
  let syllables = 0;
  // The brackets in text order, found by indexOf (a native search, far faster than the rule
  // scanning every character); the rule is tried (sticky) at each bracket after a CJK character.
  // A match holds no opening bracket but its first, so this finds the matches a global scan would.
  let round = text.indexOf("(");
  let wide = text.indexOf("（");
  while (round >= 0 || wide >= 0) {
    let at: number;
    if (wide < 0 || (round >= 0 && round < wide)) {
      at = round;
      round = text.indexOf("(", round + 1);
    } else {
      at = wide;
      wide = text.indexOf("（", wide + 1);
    }
    // The character before is tested first: most brackets follow no ideograph and cost no regex.
    if (!isHan(text.charCodeAt(at - 1))) continue;
    PINYIN_BRACKET_RE.lastIndex = at;
    // test, not exec: the match's end is lastIndex, and no match array is built per bracket.
    if (!PINYIN_BRACKET_RE.test(text)) continue;
    const end = PINYIN_BRACKET_RE.lastIndex;
    const body = text.slice(at + 1, end - 1);
    const tl = isToneless(body);
    const syllable = tl && PINYIN_SYLLABLE_RE.test(body);
    if (!tl) toned++;
    else if (syllable) syllables++;
    if (!tl || syllable) edits.push(at, end, -1);
  }
  // A document is pinyin-annotated when it has toned brackets, or several toneless ones that are
  // all valid syllables (區(qu)委…項(xiang)目…企業(ye)); a lone (de) may be an abbreviation.
  if (toned === 0 && syllables < MIN_TONELESS_PINYIN) return { text, map: null };
  return applyEdits(text, edits);
}

/** What a folded code unit becomes: full-width ASCII (U+FF01–FF5E) its ASCII, the ideographic and no-break spaces a space. */
const halfWidth = (c: number): number => (c >= 0xff01 ? c - 0xfee0 : 0x20);

/**
 * Traditional -> simplified by character, keeping UTF-16 length (index i of the output is index
 * i of the input). opencc converts each distinct BMP character once, the first time it is seen
 * (module-level table, 0 for a character not converted yet), so a document costs one pass plus
 * one opencc call over its new characters. Phrase-level choices do not matter for the rules,
 * which match characters. Characters whose conversion is not one BMP unit (嗰 -> 𠮶) are kept as written.
 */
const SIMP = new Uint16Array(65536);

export function simplify(clean: string): string {
  if (!looksTraditional(clean)) return clean;
  const units = new Uint16Array(clean.length);
  for (let i = 0; i < clean.length; i++) units[i] = clean.charCodeAt(i);
  return simplifyUnits(units, clean.length) ? unitsToString(units, clean.length, true) : clean;
}

/** Converts units[0, n) to simplified in place (one pass once its characters are known); whether any changed. */
function simplifyUnits(units: Uint16Array, n: number): boolean {
  let changed = false;
  let unknown: number[] | undefined;
  for (let i = 0; i < n; i++) {
    const c = units[i] as number;
    if (c < 0x3400 || c > 0xfaff) continue;
    const s = SIMP[c] as number;
    if (s === 0) (unknown ??= []).push(i);
    else if (s !== c) {
      units[i] = s;
      changed = true;
    }
  }
  return unknown ? convertNew(units, unknown) || changed : changed;
}

/** Converts the characters at `at` (not in SIMP yet) by one opencc call, learning them; whether any changed. */
function convertNew(units: Uint16Array, at: readonly number[]): boolean {
  const chars = [...new Set(at.map((i) => units[i] as number))];
  const conv = toSimplified(chars.map((c) => String.fromCharCode(c)).join("\n")).split("\n");
  chars.forEach((c, k) => {
    const out = conv[k];
    SIMP[c] = out !== undefined && out.length === 1 ? out.charCodeAt(0) : c;
  });
  let changed = false;
  for (const i of at) {
    const c = units[i] as number;
    if (SIMP[c] !== c) {
      units[i] = SIMP[c] as number;
      changed = true;
    }
  }
  return changed;
}

/**
 * What scanParagraphs reads per code unit: 1 traditional-only (the probe), 2 a paragraph end
 * (PARAGRAPH_ENDS, in both widths), 4 a line break, 8 folded by halfWidth, 16 a surrogate.
 */
const SCAN = new Uint8Array(65536);
for (let c = 0; c < 65536; c++) SCAN[c] = PROBE[c] as number;
for (const ch of PARAGRAPH_ENDS) SCAN[ch.charCodeAt(0)] = (SCAN[ch.charCodeAt(0)] as number) | 2;
SCAN[10] = 4;
for (let c = 0xff01; c <= 0xff5e; c++) SCAN[c] = (SCAN[c] as number) | 8;
SCAN[0x3000] = SCAN[0xa0] = 8;
for (let c = 0xd800; c <= 0xdfff; c++) SCAN[c] = 16;
/** SCAN as classes shared with the chrome and furniture lines (scan.ts listClasses). */
const SCAN_CLASSES = listClasses(SCAN);

interface Scanned {
  /** Paragraph bounds, [start, end) pairs in order. */
  bounds: number[];
  /** Whether a code unit was folded (the units differ from the text). */
  folded: boolean;
  /** Whether the text holds a traditional-only character (the probe of looksTraditional). */
  traditional: boolean;
  /** Whether it holds a surrogate (for unitsToString). */
  surrogates: boolean;
}

/**
 * One pass over the text: its paragraph bounds (a line break ends one and is in neither, a
 * sentence end followed by a space or tab, once folded, ends one and is in it), the probe, and
 * its units folded (full-width ASCII and wide spaces by halfWidth) into `units`. Folding and
 * converting to simplified change neither a break nor where a space is, so the bounds hold for
 * clean, simp and body. Every unit is copied: Chinese text folds a unit every few (each ，：（）),
 * and one native decode of the units is far cheaper than joining the slices between them.
 */
function scanParagraphs(t: string, units: Uint16Array): Scanned {
  const bounds: number[] = [];
  const n = t.length;
  let start = 0;
  let probe = 0;
  let folded = false;
  let surrogates = false;
  const cls = SCAN_CLASSES.cls;
  const byClass = SCAN_CLASSES.byClass.t;
  for (let i = 0; i < n; i++) {
    const c = t.charCodeAt(i);
    units[i] = c;
    // One table read per character (and a small one by class); almost all are 0.
    const k = byClass[cls[c] as number] as number;
    if (k === 0) continue;
    probe |= k & 1;
    if (k & 4) {
      bounds.push(start, i);
      start = i + 1;
      continue;
    }
    if (k & 16) surrogates = true;
    if (k & 8) {
      units[i] = halfWidth(c);
      folded = true;
    }
    if (k & 2) {
      const d = t.charCodeAt(i + 1);
      if (d === 32 || d === 9 || d === 0x3000 || d === 0xa0) {
        bounds.push(start, i + 1);
        start = i + 1;
      }
    }
  }
  bounds.push(start, n);
  return { bounds, folded, traditional: probe !== 0, surrogates };
}

export function normalise(original: string): Normalised {
  const warnings: string[] = [];
  const unmarked = stripMarkup(original);
  const unwrapped = unwrapLines(unmarked.text);
  const stripped = stripPinyin(unwrapped.text);
  const map = composeMaps(composeMaps(unmarked.map, unwrapped.map), stripped.map);
  const n = stripped.text.length;
  const units = unitBuffer(n);
  const { bounds, folded, traditional, surrogates } = scanParagraphs(stripped.text, units);
  const clean = folded ? unitsToString(units, n, surrogates) : stripped.text;
  let simp = clean;
  try {
    // The units are clean's: converted in place, they are simp's.
    if (traditional && simplifyUnits(units, n)) simp = unitsToString(units, n, surrogates);
  } catch {
    warnings.push("traditional-to-simplified conversion failed; matched the text as written");
  }
  if (simp.length !== clean.length) simp = clean;

  // Lines: chrome and duplicates.
  const lines: Line[] = [];
  // Earlier paragraphs by length (their text, their line): a copy has its original's length, so
  // a paragraph is compared only with the few of its length, never hashed (hashing reads it all).
  const seen = new Map<number, { t: string; line: number }[]>();
  let inLinks = false;
  let anyMasked = false;
  for (let k = 0; k < bounds.length; k += 2) {
    const start = bounds[k] as number;
    const end = bounds[k + 1] as number;
    const raw = simp.slice(start, end);
    const t = raw.trim();
    let chrome = false;
    let dup = false;
    if (t.length > 0 && t.length <= 300) {
      // A paragraph of sentences is a notice's or no chrome (isProse); most lines match neither list.
      chrome = isChromeLine(t) && (!isProse(t) || isNoticeLine(t));
      if (RELATED_HEADER_RE.test(t)) { chrome = true; inLinks = true; }
      else if (inLinks && t.length <= MAX_LINK_LINE) chrome = true;
      else inLinks = false;
    } else if (t.length > 0) inLinks = false;
    if (!chrome && t.length >= MIN_DUP_PARAGRAPH && t.length <= 20000) {
      const same = seen.get(t.length);
      const first = same?.find((p) => p.t === t);
      if (first) {
        dup = true;
        const fl = lines[first.line];
        if (fl) fl.repeated = true;
      } else if (same) same.push({ t, line: lines.length });
      else seen.set(t.length, [{ t, line: lines.length }]);
    }
    const masked = chrome || dup;
    if (masked) anyMasked = true;
    lines.push({ start, end, masked, chrome, dup });
  }
  let body = simp;
  if (anyMasked) {
    const parts: string[] = [];
    let from = 0;
    for (const l of lines) {
      if (!l.masked) continue;
      parts.push(simp.slice(from, l.start), " ".repeat(l.end - l.start));
      from = l.end;
    }
    parts.push(simp.slice(from));
    body = parts.join("");
    const dups = lines.filter((l) => l.dup).length;
    if (dups) warnings.push(`skipped ${dups} repeated paragraph(s)`);
  }
  return { original, written: stripped.text, clean, simp, body, map, lines, warnings };
}

/** Original offset of a clean start index. */
export function origStart(n: Normalised, i: number): number {
  return n.map ? (n.map[i] ?? n.original.length) : i;
}

/** Original offset of a clean end index (includes the pinyin bracket of the last character). */
export function origEnd(n: Normalised, j: number): number {
  return n.map ? (n.map[j] ?? n.original.length) : j;
}

/** Index of the line holding body offset `pos` (binary search over the lines). */
export function lineAt(n: Normalised, pos: number): number {
  let lo = 0;
  let hi = n.lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((n.lines[mid] as { start: number }).start <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

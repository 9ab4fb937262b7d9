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
  MIN_DUP_PARAGRAPH,
  PARAGRAPH_ENDS,
  RELATED_HEADER_RE,
  MAX_LINK_LINE,
  PINYIN_BRACKET_RE,
  PINYIN_SYLLABLE_RE,
  TONE_MARK_RE,
} from "./rules/noise";
import { composeMaps, unitsToString } from "./edits";
import { stripMarkup } from "./markup";
import { unwrapLines } from "./unwrap";
import { anyMatch, listClasses } from "./scan";

/** Whether a line is site chrome by CHROME_LINE_RES (one pass over the line picks the rules to run). */
const isChromeLine = anyMatch(CHROME_LINE_RES);

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

/** Strip pinyin brackets; returns the stripped text and its map (null if nothing stripped). */
function stripPinyin(text: string): { text: string; map: Uint32Array | null } {
  const hits: [number, number, boolean][] = [];
  let toned = 0;
  let syllables = 0;
  // The brackets in text order, found by indexOf (a native search, far faster than the rule
  // scanning every character); the rule is tried at each bracket not inside the last match,
  // which gives the matches a global scan would.
  let round = text.indexOf("(");
  let wide = text.indexOf("（");
  let after = 0;
  while (round >= 0 || wide >= 0) {
    let at: number;
    if (wide < 0 || (round >= 0 && round < wide)) {
      at = round;
      round = text.indexOf("(", round + 1);
    } else {
      at = wide;
      wide = text.indexOf("（", wide + 1);
    }
    if (at < after) continue;
    PINYIN_BRACKET_RE.lastIndex = at;
    const m = PINYIN_BRACKET_RE.exec(text);
    if (!m) continue;
    after = at + m[0].length;
    const prevCh = text.charCodeAt(m.index - 1);
    if (!((prevCh >= 0x3400 && prevCh <= 0x9fff) || (prevCh >= 0xf900 && prevCh <= 0xfaff))) continue;
    const body = m[1] ?? "";
    const tl = isToneless(body);
    if (!tl) toned++;
    else if (PINYIN_SYLLABLE_RE.test(body)) syllables++;
    hits.push([m.index, m.index + m[0].length, tl]);
  }
  // A document is pinyin-annotated when it has toned brackets, or several toneless ones that are
  // all valid syllables (區(qu)委…項(xiang)目…企業(ye)); a lone (de) may be an abbreviation.
  if (toned === 0 && syllables < MIN_TONELESS_PINYIN) return { text, map: null };
  const parts: string[] = [];
  const map = new Uint32Array(text.length + 1);
  let out = 0;
  let from = 0;
  for (const [s, e, tl] of hits) {
    if (tl && !PINYIN_SYLLABLE_RE.test(text.slice(s + 1, e - 1))) continue;
    for (let i = from; i < s; i++) map[out++] = i;
    parts.push(text.slice(from, s));
    from = e;
  }
  for (let i = from; i < text.length; i++) map[out++] = i;
  parts.push(text.slice(from));
  map[out] = text.length;
  return { text: parts.join(""), map: map.subarray(0, out + 1) };
}

/** What a folded code unit becomes: full-width ASCII (U+FF01–FF5E) its ASCII, the ideographic and no-break spaces a space. */
const halfWidth = (c: number): string => (c >= 0xff01 ? String.fromCharCode(c - 0xfee0) : " ");

/**
 * `text` with its code units at `at` (ascending; found by the paragraph scan) folded; same length.
 * The text between them is sliced and joined: the work is by folded unit, and most texts have few.
 */
function foldFullWidth(text: string, at: readonly number[]): string {
  if (at.length === 0) return text;
  const parts: string[] = [];
  let from = 0;
  for (const i of at) {
    // (An ASCII character's string is the engine's cached one: nothing allocated per fold.)
    parts.push(text.slice(from, i), halfWidth(text.charCodeAt(i)));
    from = i + 1;
  }
  parts.push(text.slice(from));
  return parts.join("");
}

/**
 * Traditional -> simplified by character, keeping UTF-16 length (index i of the output is index
 * i of the input). opencc converts each distinct BMP character once, the first time it is seen
 * (module-level table), so a document costs one pass plus one opencc call over its new
 * characters. Phrase-level choices do not matter for the rules, which match characters.
 * Characters whose conversion is not one BMP unit (嗰 -> 𠮶) are kept as written.
 */
const SIMP = new Uint16Array(65536);
const KNOWN = new Uint8Array(65536);

export function simplify(clean: string): string {
  return looksTraditional(clean) ? toSimplifiedUnits(clean, true) : clean;
}

/** simplify() once the probe has found traditional characters; `surrogates` as for unitsToString. */
function toSimplifiedUnits(clean: string, surrogates: boolean): string {
  const n = clean.length;
  const pending: number[] = [];
  for (let i = 0; i < n; i++) {
    const c = clean.charCodeAt(i);
    if (c < 0x3400 || c > 0xfaff || KNOWN[c]) continue;
    KNOWN[c] = 2; // queued
    pending.push(c);
  }
  if (pending.length) {
    const src = pending.map((c) => String.fromCharCode(c)).join("\n");
    const conv = toSimplified(src).split("\n");
    pending.forEach((c, k) => {
      const out = conv[k];
      SIMP[c] = out !== undefined && out.length === 1 ? out.charCodeAt(0) : c;
      KNOWN[c] = 1;
    });
  }
  let changed = -1;
  for (let i = 0; i < n; i++) {
    const c = clean.charCodeAt(i);
    if (c >= 0x3400 && c <= 0xfaff && SIMP[c] !== c) { changed = i; break; }
  }
  if (changed < 0) return clean;
  const buf = new Uint16Array(n);
  for (let i = 0; i < n; i++) {
    const c = clean.charCodeAt(i);
    buf[i] = c >= 0x3400 && c <= 0xfaff ? (SIMP[c] as number) : c;
  }
  return unitsToString(buf, n, surrogates);
}

/**
 * What scanParagraphs reads per code unit: 1 traditional-only (the probe), 2 a paragraph end
 * (PARAGRAPH_ENDS, in both widths), 4 a line break, 8 folded by foldFullWidth, 16 a surrogate.
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
  /** Indexes of the code units foldFullWidth folds. */
  folds: number[];
  /** Whether the text holds a traditional-only character (the probe of looksTraditional). */
  traditional: boolean;
  /** Whether it holds a surrogate (for unitsToString). */
  surrogates: boolean;
}

/**
 * One pass over the text before folding: its paragraph bounds (a line break ends one and is in
 * neither, a sentence end followed by a space or tab, once folded, ends one and is in it), the
 * units to fold, and the probe. Folding and converting to simplified change neither a break nor
 * where a space is, so the bounds hold for clean, simp and body.
 */
function scanParagraphs(t: string): Scanned {
  const bounds: number[] = [];
  const folds: number[] = [];
  const n = t.length;
  let start = 0;
  let probe = 0;
  let surrogates = false;
  const cls = SCAN_CLASSES.cls;
  const byClass = SCAN_CLASSES.byClass.t;
  for (let i = 0; i < n; i++) {
    // One table read per character (and a small one by class); almost all are 0.
    const k = byClass[cls[t.charCodeAt(i)] as number] as number;
    if (k === 0) continue;
    probe |= k & 1;
    if (k & 4) {
      bounds.push(start, i);
      start = i + 1;
      continue;
    }
    if (k & 16) surrogates = true;
    if (k & 8) folds.push(i);
    if (k & 2) {
      const d = t.charCodeAt(i + 1);
      if (d === 32 || d === 9 || d === 0x3000 || d === 0xa0) {
        bounds.push(start, i + 1);
        start = i + 1;
      }
    }
  }
  bounds.push(start, n);
  return { bounds, folds, traditional: probe !== 0, surrogates };
}

export function normalise(original: string): Normalised {
  const warnings: string[] = [];
  const unmarked = stripMarkup(original);
  const unwrapped = unwrapLines(unmarked.text);
  const stripped = stripPinyin(unwrapped.text);
  const map = composeMaps(composeMaps(unmarked.map, unwrapped.map), stripped.map);
  const { bounds, folds, traditional, surrogates } = scanParagraphs(stripped.text);
  const clean = foldFullWidth(stripped.text, folds);
  let simp = clean;
  try {
    if (traditional) simp = toSimplifiedUnits(clean, surrogates);
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
      chrome = isChromeLine(t);
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

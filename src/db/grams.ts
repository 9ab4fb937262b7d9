/**
 * What the keyword indexes hold (drizzle/0017): each article's distinct BIGRAMS, two adjacent
 * letters or digits (\p{L}\p{N}) inside a run of them, as space-separated tokens of a contentless
 * FTS5 table with detail=none (unicode61 tokenizer, diacritics kept: it only folds case, as the
 * trigram index did). A term is found by ANDing its own bigrams, and every hit is checked against
 * the article (src/db/queries/search.ts), so the index only has to hold a superset.
 *
 * Bigrams rather than FTS5's trigram tokenizer: Chinese text repeats far fewer distinct pairs
 * than triples, and grams across punctuation or white space (which no search term's grams are)
 * are left out, so the index is a third of the trigram one on the shared texts; and two-character
 * terms (财政, 教育), which a trigram index cannot find, are looked up instead of scanned.
 *
 * The grams are written by the pipeline, once per extraction, in one pass over the text.
 */

/** Letters and digits: the characters grams are made of. */
const GRAM_CHAR = /[\p{L}\p{N}]/u;

/** Per BMP code point, filled as characters are first met: 0 not yet known, 1 a gram character, 2 not. */
const bmpClass = new Uint8Array(0x10000);

function isGramChar(c: number): boolean {
  if (c >= 0x10000) return GRAM_CHAR.test(String.fromCodePoint(c));
  let k = bmpClass[c]!;
  if (k === 0) {
    k = GRAM_CHAR.test(String.fromCharCode(c)) ? 1 : 2;
    bmpClass[c] = k;
  }
  return k === 1;
}

/**
 * D1 refuses a bound value over 2,000,000 bytes. A text of that size holds at most ~645,000
 * Chinese characters, so at most that many distinct grams of 7 bytes with their separator
 * (4.5 MB): the text index spreads them over three columns of at most this many bytes.
 */
const MAX_VALUE_BYTES = 1_900_000;

/**
 * A set of grams, each a pair of code points, in an open-addressing table of two Int32Arrays
 * (no string and no boxed number per character; 0 marks an empty slot: U+0000 is no letter).
 */
class GramSet {
  first: Int32Array;
  second: Int32Array;
  size = 0;

  /** `expected`: about how many grams will come (a text's length bounds them), to size the table once. */
  constructor(expected: number) {
    let slots = 64;
    while (slots < expected) slots *= 2;
    this.first = new Int32Array(slots);
    this.second = new Int32Array(slots);
  }

  add(a: number, b: number): void {
    const mask = this.first.length - 1;
    let i = (Math.imul(a, 0x9e3779b1) ^ b) & mask;
    while (this.first[i] !== 0) {
      if (this.first[i] === a && this.second[i] === b) return;
      i = (i + 1) & mask;
    }
    this.first[i] = a;
    this.second[i] = b;
    if (++this.size * 2 > this.first.length) this.grow();
  }

  private grow(): void {
    const [first, second] = [this.first, this.second];
    this.first = new Int32Array(first.length * 2);
    this.second = new Int32Array(first.length * 2);
    this.size = 0;
    for (let i = 0; i < first.length; i++) if (first[i] !== 0) this.add(first[i]!, second[i]!);
  }

  /** Each gram as its text. */
  texts(): string[] {
    const out: string[] = [];
    for (let i = 0; i < this.first.length; i++) if (this.first[i] !== 0) out.push(String.fromCodePoint(this.first[i]!, this.second[i]!));
    return out;
  }

  /**
   * The grams as space-separated text in `count` values of at most MAX_VALUE_BYTES of UTF-8
   * each, written as UTF-16 units into one buffer (no string per gram).
   */
  columns(count: number): string[] {
    const out: string[] = [];
    // A gram is at most 5 units with its separator, and at least 3 bytes of a value.
    const units = new Uint16Array(Math.min(this.size, Math.ceil(MAX_VALUE_BYTES / 3)) * 5);
    let n = 0;
    let bytes = 0;
    const put = (c: number) => {
      if (c < 0x10000) units[n++] = c;
      else {
        units[n++] = 0xd800 + ((c - 0x10000) >> 10);
        units[n++] = 0xdc00 + ((c - 0x10000) & 0x3ff);
      }
    };
    for (let i = 0; i < this.first.length; i++) {
      const a = this.first[i]!;
      if (a === 0) continue;
      const b = this.second[i]!;
      const size = utf8Bytes(a) + utf8Bytes(b) + 1;
      if (bytes + size > MAX_VALUE_BYTES) {
        out.push(decode(units, n));
        n = 0;
        bytes = 0;
      }
      if (n) units[n++] = 0x20;
      put(a);
      put(b);
      bytes += size;
    }
    out.push(decode(units, n));
    if (out.length > count) throw new Error(`${this.size} distinct grams do not fit ${count} index columns`);
    while (out.length < count) out.push("");
    return out;
  }
}

const utf16 = new TextDecoder("utf-16le");

/** The first `n` UTF-16 units of `units` as a string. */
function decode(units: Uint16Array, n: number): string {
  return utf16.decode(units.subarray(0, n));
}

const utf8Bytes = (c: number) => (c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4);

/**
 * Adds the grams of `s` to `into`: one pass over the UTF-16 units. ASCII letters are lower-cased,
 * as the tokenizer folds them.
 */
function addGrams(s: string, into: GramSet): void {
  let prev = 0;
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c >= 0xd800 && c < 0xdc00 && i + 1 < s.length) {
      const low = s.charCodeAt(i + 1);
      if (low >= 0xdc00 && low < 0xe000) {
        c = (c - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
        i++;
      }
    }
    if (c >= 0x41 && c <= 0x5a) c += 0x20;
    if (isGramChar(c)) {
      if (prev !== 0) into.add(prev, c);
      prev = c;
    } else prev = 0;
  }
}

/** The distinct bigrams of `s`. */
export function grams(s: string): string[] {
  const set = new GramSet(s.length);
  addGrams(s, set);
  return set.texts();
}

/** The grams of `parts` (title and text; metrics) as the `count` column values of one index row. */
export function gramColumns(parts: string[], count: number): string[] {
  const set = new GramSet(parts.reduce((n, p) => n + p.length, 0) / 2);
  for (const p of parts) addGrams(p, set);
  return set.columns(count);
}

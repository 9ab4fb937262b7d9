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

/** A run of letters and digits: the characters grams are made of. */
const GRAM_RUN = /[\p{L}\p{N}]+/gu;

/** A term or text needs at least this many characters in one run to have a gram. */
export const GRAM_CHARS = 2;

/** The distinct bigrams of `s` (in order of first appearance). */
export function grams(s: string, into: Set<string> = new Set()): Set<string> {
  for (const m of s.matchAll(GRAM_RUN)) {
    const run = m[0];
    let prev = "";
    for (const ch of run) {
      if (prev) into.add(prev + ch);
      prev = ch;
    }
  }
  return into;
}

/**
 * D1 refuses a bound value over 2,000,000 bytes. A text of that size holds at most ~645,000
 * Chinese characters, so at most that many distinct grams of 7 bytes with their separator
 * (4.5 MB): the text index spreads them over three columns of at most this many bytes.
 */
const MAX_VALUE_BYTES = 1_900_000;

/** UTF-8 length of a gram (two code points). */
function utf8Bytes(g: string): number {
  let n = 0;
  for (const ch of g) {
    const c = ch.codePointAt(0)!;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
}

/** The grams of `parts` (title and text; metrics) as the `count` column values of one index row. */
export function gramColumns(parts: string[], count: number): string[] {
  const all = new Set<string>();
  for (const p of parts) grams(p, all);
  const columns: string[][] = [[]];
  let bytes = 0;
  for (const g of all) {
    const size = utf8Bytes(g) + 1;
    if (bytes + size > MAX_VALUE_BYTES) {
      columns.push([]);
      bytes = 0;
    }
    columns[columns.length - 1]!.push(g);
    bytes += size;
  }
  if (columns.length > count) throw new Error(`${all.size} distinct grams do not fit ${count} index columns`);
  while (columns.length < count) columns.push([]);
  return columns.map((c) => c.join(" "));
}

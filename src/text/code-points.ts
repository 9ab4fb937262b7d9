/**
 * UTF-16 offsets (JavaScript's string indexes, the extractor's `start`/`end`) → code-point
 * offsets (SQLite's `substr` and `length` on text count characters). They differ only after a
 * character outside the BMP (a surrogate pair), so one scan per text finds the pairs and each
 * offset is then a binary search.
 */
export function codePointOffsets(text: string): (utf16: number) => number {
  const pairs: number[] = [];
  for (const m of text.matchAll(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g)) pairs.push(m.index);
  return (utf16) => {
    // pairs starting before `utf16` each count two units as one character
    let lo = 0;
    let hi = pairs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (pairs[mid]! < utf16) lo = mid + 1;
      else hi = mid;
    }
    return utf16 - lo;
  };
}

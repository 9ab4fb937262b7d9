/**
 * Place keys: one key per locality however it is written, so the feed, the API and the pages
 * group 杜集区 with 杜集 and 經(jīng)開區(qū) with 经开区. The key is the simplified name without
 * pinyin brackets, spaces and its administrative suffix (kept when stripping it would leave a
 * single character, as in 沛县).
 */
import { toSimplified } from "./text/script";

/** Pinyin in ASCII brackets after a character: (jīng), (qū), (men). */
const PINYIN_BRACKET = /\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6}\)/g;

/** Administrative suffixes, longest first (a suffix is only removed once). */
const ADMIN_SUFFIXES = ["特别行政区", "自治区", "自治州", "自治县", "街道", "新区", "地区", "省", "市", "区", "县", "镇", "乡", "村"];

/** The display form: simplified, pinyin removed, whitespace trimmed. */
export function placeName(raw: string): string {
  return toSimplified(raw.replace(PINYIN_BRACKET, "")).replace(/\s+/g, "");
}

/** The grouping key for a place name ("" when nothing is left). */
export function placeKey(raw: string): string {
  const name = placeName(raw);
  for (const suffix of ADMIN_SUFFIXES) {
    if (name.endsWith(suffix) && name.length - suffix.length >= 2) return name.slice(0, -suffix.length);
  }
  return name;
}

/**
 * Places in storage and queries. A place is stored under its key: the division's GB/T 2260 code
 * (130628), or for a village or zone its division's key and its name (220322/八里庙村), or for a
 * place the gazetteer does not know "/" and its name (/经开区). Codes nest by prefix (13 ⊃ 1306 ⊃
 * 130628 ⊃ 130628101 ⊃ 130628/…), so a place's rows and all its descendants' rows lie in one key
 * range: `place=河北省` reads the range of 13, and finds 保定市's and 高阳县's rows.
 */
import { toSimplified } from "../text/script";
import { divisionByKey, gazetteer, type Division } from "./gazetteer";

/** Pinyin in ASCII brackets after a character: (jīng), (qū), (men). */
const PINYIN_BRACKET = /\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6}\)/g;
const CODE_RE = /^[0-9]{6}(?:[0-9]{3})?$/;

/** Administrative suffixes, longest first (a suffix is only removed once). */
const ADMIN_SUFFIXES = ["特别行政区", "自治区", "自治州", "自治县", "街道", "新区", "地区", "省", "市", "区", "县", "镇", "乡", "村"];

/** The display form: simplified, pinyin removed, whitespace trimmed. */
export function placeName(raw: string): string {
  return toSimplified(raw.replace(PINYIN_BRACKET, "")).replace(/\s+/g, "");
}

/**
 * The name without its administrative suffix (杜集区 → 杜集; kept when one character would be
 * left, as in 沛县): how a goal's actor may write a place. Not a key: 朝阳区 and 朝阳市 share it.
 */
export function placeStem(raw: string): string {
  const name = placeName(raw);
  for (const suffix of ADMIN_SUFFIXES) {
    if (name.endsWith(suffix) && name.length - suffix.length >= 2) return name.slice(0, -suffix.length);
  }
  return name;
}

/** The divisions a written name or code can mean (full names first, then short forms). */
export function divisionsNamed(raw: string): Division[] {
  const g = gazetteer();
  const name = placeName(raw);
  if (CODE_RE.test(name)) {
    const d = divisionByKey(name);
    return d ? [d] : [];
  }
  const entries = g.names.get(name) ?? [];
  const full = entries.filter((e) => !(e & 1));
  return (full.length ? full : entries).map((e) => g.divisions[e >> 1] as Division);
}

/**
 * The storage key of a place as a poster or an article writes it: the division's key when the
 * name (or code) means exactly one division, else "/" + the name as written (simplified).
 * "" when nothing is left.
 */
export function placeKey(raw: string): string {
  const name = placeName(raw);
  if (!name) return "";
  if (CODE_RE.test(name) || name.includes("/")) return name;
  const ds = divisionsNamed(name);
  return ds.length === 1 ? (ds[0] as Division).key : `/${name}`;
}

/** The key of a village or zone under its division (220322/八里庙村), or of a division. */
export function subPlaceKey(name: string, parentKey: string | null | undefined): string {
  return `${parentKey ?? ""}/${placeName(name)}`;
}

/** The key prefix that a place's descendants share: 13 for 130000, 1306 for 130600. */
export function keyPrefix(key: string): string {
  if (/^[0-9]{6}$/.test(key)) return key.endsWith("0000") ? key.slice(0, 2) : key.endsWith("00") ? key.slice(0, 4) : key;
  return key;
}

/** What a `place` filter matches: key ranges [from, to) and the name itself (places not in the gazetteer). */
export interface PlaceFilter {
  ranges: [string, string][];
  /** The simplified name: matched against stored places' names (a zone, a village, a poster's place). */
  name: string;
}

/** Above every character a key holds (keys are digits, "/" and CJK names). */
const KEY_END = "\uffff";

/**
 * The filter of a written place or code: every division it can mean (朝阳区 is Beijing's and
 * Changchun's) with all that lies under it, plus stored places of that name.
 */
export function placeFilter(raw: string): PlaceFilter {
  const name = placeName(raw);
  const ranges: [string, string][] = [];
  const keys = CODE_RE.test(name) || name.startsWith("/") || name.includes("/") ? [name] : divisionsNamed(name).map((d) => d.key);
  for (const k of keys) {
    const p = keyPrefix(k);
    ranges.push([p, p + KEY_END]);
  }
  return { ranges, name };
}

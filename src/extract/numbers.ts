/**
 * Stage 2: numbers. Parses one numeric token (Arabic, Chinese or mixed) to a value; reports the
 * magnitude written, and ranges like 七八十 (70–80). Never throws; returns null when the token is
 * not a well-formed number (十四五, 一一).
 */
import { CN_DIGITS, CN_SMALL_UNITS, MAGNITUDES } from "./rules/numerals";

export interface ParsedNumber {
  value: number;
  valueMax?: number;
  /** 10000 for 1.9万, 1e8 for 12亿, 1 when none. */
  magnitude: number;
  chinese: boolean;
  /** Chinese numeral with no 百/千/万/亿 (三, 十五, 两): words more than counts. */
  small: boolean;
}

/** An ASCII digit, by code unit. */
export const isDigit = (c: number) => c >= 48 && c <= 57;

/**
 * The numeral tables by code unit, open-addressed in typed arrays: `get(c)` is the value of the
 * character with code unit c, or -1. A lookup of s[i] in a Record keys it by a one-character
 * string (for a CJK character allocated and hashed on every read); a Map keyed by number still
 * hashes on every read.
 */
function byCode(t: Readonly<Record<string, number>>): (c: number) => number {
  const size = 32;
  const entries = Object.entries(t);
  // Half full at most: a probe ends at an empty slot within a few steps.
  if (entries.length > size / 2) throw new RangeError("numeral table too big for its code table");
  const keys = new Int32Array(size).fill(-1);
  const values = new Float64Array(size);
  for (const [k, v] of entries) {
    if (v < 0) throw new RangeError("numeral values are not negative");
    let h = k.charCodeAt(0) & (size - 1);
    while (keys[h] !== -1) h = (h + 1) & (size - 1);
    keys[h] = k.charCodeAt(0);
    values[h] = v;
  }
  // NaN (a read past the end) hashes to slot 0 and equals no key.
  return (c) => {
    for (let h = c & (size - 1); ; h = (h + 1) & (size - 1)) {
      const k = keys[h] as number;
      if (k === c) return values[h] as number;
      if (k === -1) return -1;
    }
  };
}
const DIGIT = byCode(CN_DIGITS);
const SMALL_UNIT = byCode(CN_SMALL_UNITS);
const MAGNITUDE = byCode(MAGNITUDES);

/** Powers of ten that are exact doubles. */
const TEN = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/**
 * Number() of s[from, end) (digits, commas dropped, at most one point) without building the
 * string, or NaN where that is not sure to be Number()'s own answer. With at most 15 digits the
 * digits make an exact integer, and one exact double divided by an exact power of ten is rounded
 * once: the double nearest the decimal, which is what Number() reads. Anything else (an empty
 * part, a second point, more digits) is left to Number().
 */
function digitsValue(s: string, from: number, end: number): number {
  let v = 0;
  let digits = 0;
  let point = -1;
  for (let i = from; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c === 44) continue;
    if (c === 46) {
      if (point >= 0 || digits === 0) return NaN;
      point = digits;
      continue;
    }
    v = v * 10 + (c - 48);
    digits++;
  }
  if (digits === 0 || digits > 15 || point === digits) return NaN;
  return point < 0 ? v : v / (TEN[digits - point] as number);
}

/**
 * The numbers below read the token s[from, to) in place (0 <= from <= to <= s.length): the
 * figure scan parses every number it meets, and a substring per number was most of the cost.
 */
export function parseArabic(s: string, from = 0, to = s.length): ParsedNumber | null {
  let i = from;
  let comma = false;
  for (let c = s.charCodeAt(i); i < to && (isDigit(c) || c === 44 || c === 46); c = s.charCodeAt(++i)) if (c === 44) comma = true;
  let value = digitsValue(s, from, i);
  if (Number.isNaN(value)) {
    // The digits and point, thousands separators dropped (one slice, not a string grown per digit).
    const numStr = comma ? s.slice(from, i).split(",").join("") : s.slice(from, i);
    value = Number(numStr);
  }
  if (!Number.isFinite(value)) return null;
  let magnitude = 1;
  let lastMag = 1;
  for (let m = i < to ? MAGNITUDE(s.charCodeAt(i)) : -1; m >= 0; m = i < to ? MAGNITUDE(s.charCodeAt(i)) : -1) {
    value *= m;
    magnitude *= m;
    lastMag = m;
    i++;
  }
  if (i < to) {
    // 3万4000: the tail counts in units of the next smaller section.
    const tail = Number(s.slice(i, to));
    if (!Number.isFinite(tail)) return null;
    const scale = lastMag >= 1e8 ? 1e4 : 1;
    value += tail * scale;
  }
  return { value, magnitude, chinese: false, small: false };
}

export function parseChinese(s: string, from = 0, to = s.length): ParsedNumber | null {
  // 七八十 / 三五个: two adjacent different digits followed by an optional unit -> range.
  const n = to - from;
  const d0 = n > 0 ? DIGIT(s.charCodeAt(from)) : -1;
  const d1 = n > 1 ? DIGIT(s.charCodeAt(from + 1)) : -1;
  if (d0 >= 0 && d1 >= 0 && n <= 3 && d1 === d0 + 1) {
    let unit = 1;
    if (n === 3) {
      const c = s.charCodeAt(from + 2);
      unit = SMALL_UNIT(c);
      if (unit < 0) unit = MAGNITUDE(c);
      if (unit < 0) return null;
    }
    return { value: d0 * unit, valueMax: d1 * unit, magnitude: unit, chinese: true, small: false };
  }
  let total = 0;
  let section = 0;
  let digit = -1;
  let magnitude = 1;
  let hasBig = false;
  let prevWasDigit = false;
  let unitBefore = 0; // the unit char right before the current digit (一千一 -> 千)
  let lastUnit = 0;
  // By code unit: a surrogate, like any character outside the tables, makes it no number.
  for (let i = from; i < to; i++) {
    const ch = s.charCodeAt(i);
    const d = DIGIT(ch);
    if (d >= 0) {
      if (prevWasDigit && !(digit === 0 || d === 0)) return null; // 十四五, 一一
      if (digit > 0 && d === 0) section += 0;
      digit = d === 0 && digit > 0 ? digit : d;
      unitBefore = prevWasDigit ? 0 : lastUnit;
      if (d === 0) unitBefore = 0;
      prevWasDigit = true;
      continue;
    }
    prevWasDigit = false;
    const su = SMALL_UNIT(ch);
    if (su >= 0) {
      section += (digit < 0 ? 1 : digit) * su;
      digit = -1;
      if (su >= 100) hasBig = true;
      magnitude = su;
      lastUnit = su;
      continue;
    }
    const big = MAGNITUDE(ch);
    if (big >= 1e4) {
      const sec = section + (digit > 0 ? digit : 0);
      if (sec === 0 && total === 0) return null;
      if (big === 1e8) total = (total + sec) * big;
      else total += (sec === 0 ? 1 : sec) * big;
      section = 0;
      digit = -1;
      hasBig = true;
      magnitude = big;
      lastUnit = big;
      continue;
    }
    return null;
  }
  // 一千一 = 1100, 三万五 = 35000: a bare trailing digit counts in tenths of the unit before it.
  if (digit > 0) section += unitBefore >= 100 ? (digit * unitBefore) / 10 : digit;
  const value = total + section;
  if (!Number.isFinite(value)) return null;
  return { value, magnitude, chinese: true, small: !hasBig };
}

export function parseNumber(s: string, from = 0, to = s.length): ParsedNumber | null {
  if (to <= from) return null;
  return isDigit(s.charCodeAt(from)) ? parseArabic(s, from, to) : parseChinese(s, from, to);
}

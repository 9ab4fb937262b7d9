/**
 * Numeral rules (Duckling `Numeral/ZH` style): tables as data, examples beside each entry.
 * Matching runs on the normalised text (full-width folded, pinyin stripped, traditional
 * characters converted to simplified), so only simplified forms are strictly needed here, but
 * the traditional forms are kept in the classes for text that skipped conversion.
 */
import type { Example } from "./examples";

/** Digit characters. 两万人 -> 2, 〇 -> 0, 兩萬 -> 2. */
export const CN_DIGITS: Readonly<Record<string, number>> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 兩: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};

/** Small units inside a section: 三千五百 -> 3500, 十五 -> 15. */
export const CN_SMALL_UNITS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };

/** Section magnitudes: 二十万亿 -> 20 * 1e4 * 1e8, 3万4000 -> 34000, 12亿元 -> 1.2e9. */
export const MAGNITUDES: Readonly<Record<string, number>> = {
  十: 10, 百: 100, 千: 1000, 万: 1e4, 萬: 1e4, 亿: 1e8, 億: 1e8,
};

/**
 * One numeric token. Examples: 12 / 1,100 / 57.3 / 1.9万 / 3万4000 / 7636万 / 百亿 / 二十万亿 /
 * 一千 / 三万 / 七八十.
 * - Arabic: at most 16 digits, optional thousands groups, optional decimals, optional magnitude
 *   chars and a tail of up to 4 digits (3万4000). The look-behind keeps a match from starting in
 *   the middle of a digit run, which keeps the scan linear on long digit strings
 *   (the `(\d+)(万|亿)` trap of notes/libs.md §6).
 * - Chinese: must start with a digit or 十/百/千 (a bare 万/亿 is not a number: 万有文旅, 亿元以上),
 *   except a magnitude standing alone as an amount of money after a level word (突破万亿元, 超亿元).
 */
export const NUMBER_RE =
  /(?<![0-9.]|[0-9],)(?:[0-9]{1,16}(?:,[0-9]{3}){0,5}(?:\.[0-9]{1,8})?(?:(?:[万萬亿億]|[千百](?![瓦米克]))(?:[万萬亿億]|[千百](?![瓦米克]))?(?:[0-9]{1,4}(?![0-9]))?)?|[零〇一二两兩三四五六七八九十百千][零〇一二两兩三四五六七八九十百千万萬亿億]{0,11}|(?<=突破|超过|达到|迈上|跨上|站上|逾|超|达|近)(?:万亿|亿|万)(?=元|美元))/g;

/**
 * NUMBER_RE without the look-behind, for scanning (the caller skips matches that start inside a
 * digit run, which is cheaper than a look-behind tried at every position), and anchored (sticky)
 * for the second number of a range.
 */
export const NUMBER_SCAN_RE = new RegExp(NUMBER_RE.source.replace("(?<![0-9.]|[0-9],)", ""), "g");
export const NUMBER_AT_RE = new RegExp(NUMBER_RE.source.replace("(?<![0-9.]|[0-9],)", ""), "y");

/**
 * NUMBER_RE's Chinese numeral (its second alternative, as written there): a first character,
 * then up to CN_NUMERAL_MAX - 1 more. figures.ts reads a Chinese numeral by these tables
 * without a regex call, and checks at load time that NUMBER_RE still writes them so.
 */
export const CN_NUMERAL_FIRST_RE = /[零〇一二两兩三四五六七八九十百千]/;
export const CN_NUMERAL_NEXT_RE = /[零〇一二两兩三四五六七八九十百千万萬亿億]/;
export const CN_NUMERAL_MAX = 12;

/**
 * Range separators between two numbers: 3-5家, 2～3个 (folded to 2~3个), 10至15个, 3—5年, 10到15个.
 */
export const RANGE_SEP_RE = /[-~—–至到]/y;

/**
 * Ranges as the rule reads them: one separator between two numbers of one kind, the unit after
 * the second or after both; between Arabic numbers one space either side of it too (tables and
 * typeset reports write 4.5% - 5%). Not across two spaces, nor a Chinese numeral's spaced dash.
 */
export const RANGE_EXAMPLES: readonly Example[] = [
  { in: "新建3-5家", text: "3-5家", value: 3, unit: "家", value_max: 5 },
  { in: "增长4.5%—5%", text: "4.5%—5%", value: 4.5, unit: "%", value_max: 5 },
  { in: "10至15个", text: "10至15个", value: 10, unit: "个", value_max: 15 },
  { in: "地区生产总值增长4.5% - 5%", text: "4.5% - 5%", value: 4.5, unit: "%", value_max: 5 },
  { in: "新建3 ～ 5个产业园", text: "3 ～ 5个", value: 3, unit: "个", value_max: 5 },
  { in: "增长6 -6.5%", text: "6 -6.5%", value: 6, unit: "%", value_max: 6.5 },
  { in: "增长6  -  6.5%", text: "6.5%", value: 6.5, unit: "%" },
];

/** 余/多 written inside the figure: 500余场, 1.9万余名, 三万多张, 600多张. */
export const INNER_MORE_RE = /[余餘多]/y;

/** Chinese percentage: 百分之五十 -> 50 %, 百分之十二点五 -> 12.5 %. */
export const CN_PERCENT_RE = /百分之([零〇一二两三四五六七八九十百]{1,6}(?:点[零〇一二三四五六七八九]{1,4})?)/g;

/** 九成 -> 90 %, 七成五 is left alone. */
export const CN_TENTHS_RE = /(?<![零〇一二两三四五六七八九十])([一二三四五六七八九])成(?![立为员功果本绩熟])/g;

/**
 * The tokens the extractor's rules react to (numerals, units, markers, brackets, deadlines,
 * punctuation), for hostile repeated text: shared by the bounded-output property
 * (test/fuzz/extract-bounds.test.ts) and the timing of the same mixes in the bench
 * (scripts/bench/extract.ts). Node and workerd both load it.
 */
import fc from "fast-check";

export const RULE_TOKENS = [
  "0", "1", "9", "12", "3.5", ".", ",", "，", "、", "%", "％", "万", "亿", "万亿", "千", "百", "十", "一", "二", "三", "四", "五", "两", "零",
  "元", "万元", "亿元", "个", "家", "项", "吨", "公里", "平方米", "倍", "成", "增长", "下降", "同比", "约", "近", "超过", "以上", "左右", "不少于",
  "力争", "确保", "到", "年", "2025年", "年底", "年内", "每年", "目标", "完成", "实现", "新增", "（", "）", "(", ")", "《", "》", "“", "”",
  "。", "；", "：", "\n", " ", "第", "号", "区", "县", "市", "镇", "十四五", "經", "開", "區", "億", "萬", "-", "—", "~", "至", "到2025年达到",
  "<p>", "</p>", "<br>", "<", ">", '"', "<script>", "<!--", "-->", "&amp;", "&ldquo;", "&", ";",
];

/** `unit` repeated in whole copies to at least `size` characters: a smaller size is a prefix and a suffix of a larger one. */
export function repeatUnit(unit: string, size: number): string {
  return unit.repeat(Math.ceil(size / unit.length));
}

/**
 * A repeating unit: rule tokens around at least one figure (a numeral and a unit), so every case
 * gives the extractor figures to find, attribute and group.
 */
export const ruleMix = fc
  .tuple(
    fc.array(fc.constantFrom(...RULE_TOKENS), { maxLength: 5 }),
    fc.constantFrom("12", "3.5", "两", "一千", "1,100", "十四", "萬"),
    fc.constantFrom("万元", "亿元", "%", "个", "家", "吨", "倍", "个百分点", "元"),
    fc.array(fc.constantFrom(...RULE_TOKENS), { maxLength: 3 }),
  )
  .map(([a, n, u, b]) => [...a, n, u, ...b].join(""));

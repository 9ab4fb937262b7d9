/**
 * The extractor's worst case on adversarial text stays linear: random mixes of the tokens its
 * rules react to (numerals, units, markers, brackets, deadlines, punctuation) are repeated to
 * 32k and 256k characters; eight times the text should take ~8× the time, a quadratic rule 64×
 * (seconds at this size). The bound is 24× plus 100 ms (coarse timers, JIT, a busy machine; best
 * of two runs each). Inside workerd, timers advance during synchronous work.
 * The bench (scripts/bench/extract.ts) measures fixed hostile inputs at 1 MB vs 10 MB.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { extract } from "../../src/extract";
import { runs } from "./common";

const TOKENS = [
  "0", "1", "9", "12", "3.5", ".", ",", "，", "、", "%", "％", "万", "亿", "万亿", "千", "百", "十", "一", "二", "三", "四", "五", "两", "零",
  "元", "万元", "亿元", "个", "家", "项", "吨", "公里", "平方米", "倍", "成", "增长", "下降", "同比", "约", "近", "超过", "以上", "左右", "不少于",
  "力争", "确保", "到", "年", "2025年", "年底", "年内", "每年", "目标", "完成", "实现", "新增", "（", "）", "(", ")", "《", "》", "“", "”",
  "。", "；", "：", "\n", " ", "第", "号", "区", "县", "市", "镇", "十四五", "經", "開", "區", "億", "萬", "-", "—", "~", "至", "到2025年达到",
];

function time(fn: () => void): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

describe("hostile input: extractor timing", () => {
  it("stays linear on random mixes of rule tokens", { timeout: 120_000 }, () => {
    for (let i = 0; i < 3; i++) extract("财政收入12亿元，增长5.5%。力争到2025年新增企业20家。"); // warm-up
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...TOKENS), { minLength: 1, maxLength: 8 }), (parts) => {
        const unit = parts.join("");
        const small = unit.repeat(Math.ceil(32_000 / unit.length));
        const large = unit.repeat(Math.ceil(256_000 / unit.length));
        // Best of two each: a GC pause or a busy machine must not look like a quadratic rule.
        const best = (s: string) => Math.min(time(() => extract(s)), time(() => extract(s)));
        const ts = best(small);
        const tl = best(large);
        expect(tl, `unit ${JSON.stringify(unit)}: 32k ${ts.toFixed(1)} ms, 256k ${tl.toFixed(1)} ms`).toBeLessThan(24 * ts + 100);
      }),
      { numRuns: Math.min(runs(12), 60) },
    );
  });
});

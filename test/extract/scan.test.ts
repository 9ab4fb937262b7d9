/**
 * The first-character filter (src/extract/scan.ts): a scanner finds exactly the matches of its
 * regex run with the g flag (and, by find, their spans), for every rule pattern it can filter, on
 * the corpus and on random mixes of rule tokens; and the filter it reads from a source is the
 * characters a match can start with. The needed characters (every match holds one) hold for
 * every match of every rule pattern, and anyMatch answers what `patterns.some((re) => re.test(s))` answers; a filtered
 * rule's exec and test are the regex's own (the last characters of an end-anchored rule too).
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { ALL_RULE_PATTERNS } from "../../src/extract/rules/index";
import { alphabet, anyMatch, classChars, edges, filtered, firstChars, lastChars, listClasses, neededChars, scanner } from "../../src/extract/scan";
import { INNER_MORE_RE, RANGE_SEP_RE } from "../../src/extract/rules/numerals";
import { CHROME_LINE_RES } from "../../src/extract/rules/noise";
import { RULE_TOKENS } from "../fuzz/tokens";
import { CORPUS } from "../helpers/corpus";

function globalMatches(re: RegExp, s: string): string[] {
  const g = new RegExp(re.source, re.flags.replace(/[gy]/g, "") + "g");
  const out: string[] = [];
  for (let m = g.exec(s); m; m = g.exec(s)) {
    out.push(`${m.index}:${m[0]}:${m.slice(1).join("|")}`);
    if (m[0].length === 0) g.lastIndex++;
  }
  return out;
}

function scannedMatches(re: RegExp, s: string): string[] {
  const sc = scanner(re);
  const out: string[] = [];
  for (let m = sc.next(s, 0); m; m = sc.next(s, m.index + (m[0].length || 1))) out.push(`${m.index}:${m[0]}:${m.slice(1).join("|")}`);
  return out;
}

/** The same walk by `find` (start and end only): `start:end`. */
function foundSpans(re: RegExp, s: string): string[] {
  const sc = scanner(re);
  const out: string[] = [];
  for (let i = sc.find(s, 0); i >= 0; i = sc.find(s, i + (sc.end - i || 1))) out.push(`${i}:${sc.end}`);
  expect(sc.end).toBe(-1);
  return out;
}
function spans(re: RegExp, s: string): string[] {
  const g = new RegExp(re.source, re.flags.replace(/[gy]/g, "") + "g");
  const out: string[] = [];
  for (let m = g.exec(s); m; m = g.exec(s)) {
    out.push(`${m.index}:${m.index + m[0].length}`);
    if (m[0].length === 0) g.lastIndex++;
  }
  return out;
}

const chars = (t: Uint8Array | null) => (t ? [...t.keys()].filter((c) => t[c]).map((c) => String.fromCharCode(c)).join("") : null);

describe("first characters read from a source", () => {
  it.each([
    [/力争|确保|到20[0-9]{2}年/, "到力确"],
    [/(?<!完成)计划(?!单)/, "计"],
    [/(?<=20[0-9]{2})年前/, "年"],
    [/a?b*c/, "abc"],
    [/(?:热线|电话)[:：]?/, "热电"],
    [/E-?mail/i, "Ee"],
    [/[0-3]x|\d/, "0123456789"],
    [/\u4e00\u4e8c/, "一"],
  ])("%s starts with %s", (re, want) => {
    expect(chars(firstChars(re))).toBe([...want].sort().join(""));
  });

  it.each([
    [/x?/, "can match the empty string"],
    [/^abc|^def/, "anchored at the start"],
    [/[^x]y/, "starts with almost any character"],
    [/(a)\1/, "a back reference"],
    [/\p{L}/u, "unicode mode"],
  ])("%s has no filter (%s)", (re) => {
    expect(firstChars(re)).toBeNull();
  });
});

describe("scanner = the regex with the g flag", () => {
  const filtered = Object.entries(ALL_RULE_PATTERNS).filter(([, re]) => firstChars(re) !== null);

  it("filters most rule patterns not anchored at the start (an anchored one is tried at position 0 only)", () => {
    const unanchored = Object.values(ALL_RULE_PATTERNS).filter((re) => edges(re).first === null);
    expect(unanchored.length).toBeGreaterThan(Object.keys(ALL_RULE_PATTERNS).length / 3);
    expect(filtered.length).toBeGreaterThan(0.9 * unanchored.length);
  });

  it("on the corpus, for every filtered rule pattern", () => {
    for (const [name, re] of filtered) {
      for (const doc of CORPUS) {
        expect(scannedMatches(re, doc.text), name).toEqual(globalMatches(re, doc.text));
        expect(foundSpans(re, doc.text), name).toEqual(spans(re, doc.text));
      }
    }
  });

  it("on random mixes of rule tokens", () => {
    const text = fc.array(fc.constantFrom(...RULE_TOKENS, "记者", "来源：", "2024年3月5日在", "会议上", "E-mail", "(jīng)"), { maxLength: 60 }).map((xs) => xs.join(""));
    for (const [name, re] of filtered) {
      fc.assert(fc.property(text, (s) => { expect(scannedMatches(re, s), name).toEqual(globalMatches(re, s)); }), { numRuns: 40 });
    }
  });
});

describe("needed characters read from a source", () => {
  it.each([
    [/力争|确保/, "力确"],
    [/^(?![^\n]*x)[^\n]*?[|｜>][^|｜>\n]{1,12}[|｜>]/, ">|｜"],
    [/(?<![0-9])[0-9]{1,12}\s{0,3}(?:阅读|点击)/, "阅点"],
    [/(?:^|\s)(?:首页|首頁)/, "首"],
    [/a?b+c*/, "b"],
    [/E-?mail/i, "Ee"],
  ])("every match of %s holds one of %s", (re, want) => {
    expect(chars(neededChars(re))).toBe([...want].sort().join(""));
  });

  it.each([[/x?/], [/a|b?/], [/(?=a)/], [/(a)\1/]])("%s needs nothing the reader can name", (re) => {
    expect(neededChars(re)).toBeNull();
  });

  const needing = Object.entries(ALL_RULE_PATTERNS).map(([name, re]) => [name, re, neededChars(re)] as const).filter(([, , t]) => t !== null);
  it("every match of every rule pattern on the corpus holds a needed character", () => {
    expect(needing.length).toBeGreaterThan(Object.keys(ALL_RULE_PATTERNS).length / 2);
    for (const [name, re, need] of needing) {
      const g = new RegExp(re.source, re.flags.replace(/[gy]/g, "") + "g");
      for (const doc of CORPUS) {
        for (let m = g.exec(doc.text); m; m = g.exec(doc.text)) {
          if (m[0].length === 0) { g.lastIndex++; continue; }
          expect([...m[0]].some((c) => need![c.charCodeAt(0)] === 1), `${name}: ${m[0]}`).toBe(true);
        }
      }
    }
  });
});

describe("anyMatch = some(test)", () => {
  const some = (res: readonly RegExp[]) => (s: string) => res.some((re) => re.test(s));
  const lists: [string, RegExp[]][] = [
    ["CHROME_LINE_RES", CHROME_LINE_RES],
  ];
  const plain = Object.values(ALL_RULE_PATTERNS).filter((re) => !re.global && !re.sticky);
  for (let i = 0; i < plain.length; i += 32) lists.push([`rule patterns ${i}..${i + 31}`, plain.slice(i, i + 32)]);

  it("on every line of the corpus", () => {
    for (const [name, res] of lists) {
      const fast = anyMatch(res);
      const slow = some(res);
      for (const doc of CORPUS) for (const line of doc.text.split("\n")) expect(fast(line), `${name}: ${line}`).toBe(slow(line));
    }
  });

  it("lists made first answer the same once the lists made after them split the shared character classes", () => {
    const made = lists.map(([name, res]) => [name, anyMatch(res), some(res)] as const);
    for (const [name, fast, slow] of made) for (const doc of CORPUS) for (const line of doc.text.split("\n").slice(0, 80)) expect(fast(line), `${name}: ${line}`).toBe(slow(line));
  });

  it("a caller's table as list classes reads back its own value for every character, also after later lists split the classes", () => {
    const labels = new Uint8Array(65536);
    for (let c = 0; c < 65536; c++) labels[c] = (c * 2654435761) >>> 29;
    const { cls, byClass } = listClasses(labels);
    anyMatch(CHROME_LINE_RES);
    anyMatch(plain.slice(0, 32));
    for (let c = 0; c < 65536; c++) if (byClass.t[cls[c] as number] !== labels[c]) expect(`${c}: ${byClass.t[cls[c] as number]}`).toBe(`${c}: ${labels[c]}`);
  });

  it("each pattern alone, on random mixes of rule tokens", () => {
    const text = fc.array(fc.constantFrom(...RULE_TOKENS, "记者", "来源：", "首页 | ", "> ", "10阅读", "电话:0", "E-mail", "", " "), { maxLength: 30 }).map((xs) => xs.join(""));
    for (const re of plain) {
      const fast = anyMatch([re]);
      fc.assert(fc.property(text, (s) => { expect(fast(s), String(re)).toBe(re.test(s)); }), { numRuns: 30 });
    }
  });

  it("refuses a pattern whose test would move lastIndex", () => {
    expect(() => anyMatch([/x/g])).toThrow(RangeError);
  });
});

describe("last characters of a rule anchored at the end", () => {
  it.each([
    [/(?:第|前|排名)$/, "前名第"],
    [/(?:至|到)$/, "到至"],
    [/年(?:来|间)?$/, "年来间"],
    [/(?:a|b(?<=b))$/, "ab"],
  ])("%s ends with one of %s", (re, want) => {
    expect(chars(lastChars(re))).toBe([...want].sort().join(""));
  });

  it.each([[/ab/], [/a$|b/], [/x?$/]])("%s is not anchored at the end (or can be empty)", (re) => {
    expect(lastChars(re)).toBeNull();
  });
});

describe("filtered = the regex", () => {
  const plain = Object.entries(ALL_RULE_PATTERNS).filter(([, re]) => !re.global && !re.sticky);
  const show = (m: RegExpExecArray | null) => (m ? `${m.index}:${m.slice(0).join("|")}` : null);

  it("exec and test on short windows of every corpus line", () => {
    for (const [name, re] of plain) {
      const f = filtered(re);
      for (const doc of CORPUS) {
        for (const line of doc.text.split("\n").slice(0, 60)) {
          for (let i = 0; i < line.length; i += 7) {
            const w = line.slice(Math.max(0, i - 8), i + 8);
            expect(show(f.exec(w)), `${name}: ${w}`).toBe(show(re.exec(w)));
            expect(f.test(w), `${name}: ${w}`).toBe(re.test(w));
          }
        }
      }
    }
  });

  it("rules made first answer the same once the rules made after them split the shared character classes", () => {
    // All made before any is tried: each rule's bits by class are then the ones copied into the
    // classes later rules split off (and the rules span more than one group of 256 classes).
    const made = plain.map(([name, re]) => [name, re, filtered(re)] as const);
    for (const [name, re, f] of made) {
      for (const doc of CORPUS) {
        for (const line of doc.text.split("\n").slice(0, 30)) {
          for (let i = 0; i < line.length; i += 11) {
            const w = line.slice(Math.max(0, i - 8), i + 8);
            expect(show(f.exec(w)), `${name}: ${w}`).toBe(show(re.exec(w)));
          }
        }
      }
    }
  });

  const fromEnd = (re: RegExp) => {
    try {
      return filtered(re, { fromEnd: true });
    } catch (e) {
      if (e instanceof RangeError) return null;
      throw e;
    }
  };

  it("fromEnd: an end-anchored rule on every prefix of corpus lines (searched for near the end only)", () => {
    const ending = plain.flatMap(([name, re]) => {
      const f = fromEnd(re);
      return f ? [[name, re, f] as const] : [];
    });
    expect(ending.length).toBeGreaterThan(20);
    expect(ending.some(([name]) => name === "metric.METRIC_TAIL_RE")).toBe(true);
    for (const [name, re, f] of ending) {
      for (const doc of CORPUS) {
        for (const line of doc.text.split("\n").slice(0, 60)) {
          for (let i = 1; i <= line.length; i += 3) {
            const w = line.slice(0, i);
            expect(show(f.exec(w)), `${name}: ${w}`).toBe(show(re.exec(w)));
          }
        }
      }
    }
  });

  it.each([
    [/(?<=前缀)ab$/, "x前缀ab", "3:ab"],
    [/a{2,3}$/, "aaaaa", "2:aaa"],
    [/(?:增长|高于[^，]{0,6}?平均)$/, "增速高于全省平均", "2:高于全省平均"],
    [/(?:增长|高于[^，]{0,6}?平均)$/, "增速高于全省各市平均值", null],
    [/(?:(?:近|过去)?[一二三]{1,2}年|年)$/, "过去二三年", "0:过去二三年"],
  ])("fromEnd: %s on %s finds %s", (re, s, want) => {
    expect(show(filtered(re, { fromEnd: true }).exec(s))).toBe(want);
    expect(filtered(re, { fromEnd: true }).test(s)).toBe(want !== null);
    expect(show(re.exec(s))).toBe(want);
  });

  it.each([[/ab/], [/^a(?:b|c)$/], [/a+$/], [/(?:x|y)$/i]])("fromEnd refuses %s (not an end-anchored rule of bounded length it serves)", (re) => {
    expect(() => filtered(re, { fromEnd: true })).toThrow(RangeError);
  });

  it("on random mixes of rule tokens", () => {
    const text = fc.array(fc.constantFrom(...RULE_TOKENS, "第", "前", "增长到", "以上", "年来", "", " "), { maxLength: 20 }).map((xs) => xs.join(""));
    for (const [name, re] of plain) {
      const f = filtered(re);
      fc.assert(fc.property(text, (s) => { expect(show(f.exec(s)), name).toBe(show(re.exec(s))); }), { numRuns: 30 });
    }
  });
});

describe("edges, alphabet and one-class rules read from a source", () => {
  const plain = Object.entries(ALL_RULE_PATTERNS).filter(([, re]) => !re.global && !re.sticky);

  it("a window whose first or last character is outside a rule's edge table never matches it", () => {
    let skipped = 0;
    for (const [name, re] of plain) {
      const e = edges(re);
      if (!e.empty) expect(re.test(""), name).toBe(false);
      for (const doc of CORPUS) {
        for (const line of doc.text.split("\n").slice(0, 60)) {
          for (let i = 0; i < line.length; i += 5) {
            const w = line.slice(Math.max(0, i - 8), i + 8);
            if (!w) continue;
            const out = (e.first && !e.first[w.charCodeAt(0)]) || (e.last && !e.last[w.charCodeAt(w.length - 1)]);
            if (out) { skipped++; expect(re.test(w), `${name}: ${w}`).toBe(false); }
          }
        }
      }
    }
    expect(skipped).toBeGreaterThan(1000);
  });

  it("every match of every rule pattern on the corpus holds only characters of its alphabet", () => {
    for (const [name, re] of Object.entries(ALL_RULE_PATTERNS)) {
      const held = alphabet(re);
      if (!held) continue;
      const g = new RegExp(re.source, re.flags.replace(/[gy]/g, "") + "g");
      for (const doc of CORPUS) {
        for (let m = g.exec(doc.text); m; m = g.exec(doc.text)) {
          if (m[0].length === 0) { g.lastIndex++; continue; }
          for (const c of m[0]) expect(held[c.charCodeAt(0)], `${name}: ${m[0]}`).toBe(1);
        }
      }
    }
  });

  it("alphabets leave out what look-arounds read", () => {
    expect(chars(alphabet(/(?<!x)ab(?=c)/))).toBe("ab");
    expect(chars(alphabet(/[0-9]年/))?.length).toBe(11);
  });

  it("a one-class rule is its table; anything else has none", () => {
    for (const re of [RANGE_SEP_RE, INNER_MORE_RE]) {
      const t = classChars(re);
      expect(t).not.toBeNull();
      const plainRe = new RegExp(`^(?:${re.source})$`);
      for (let c = 0; c < 0x10000; c++) expect(t![c] === 1, String.fromCharCode(c)).toBe(plainRe.test(String.fromCharCode(c)));
    }
    expect(classChars(/[ab]c/)).toBeNull();
    expect(classChars(/a|[bc]/)).toBeNull();
  });
});

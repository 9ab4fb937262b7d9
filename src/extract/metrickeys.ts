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

/** Alias -> key, built once per isolate. */
const KEY_OF = new Map<string, string>();
for (const r of METRIC_KEY_RULES) {
  KEY_OF.set(r.key, r.key);
  for (const a of r.aliases) KEY_OF.set(a.toUpperCase(), r.key);
}

/**
 * The lengths aliases have, as a table: a suffix of any other length is no alias, so it is not
 * sliced and hashed (a metric is read at every suffix start).
 */
const ALIAS_LENGTH = new Uint8Array(256);
for (const k of KEY_OF.keys()) if (k.length < ALIAS_LENGTH.length) ALIAS_LENGTH[k.length] = 1;
const LONGEST_ALIAS = Math.max(...[...KEY_OF.keys()].map((k) => k.length));

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

function lookup(m: string): string | undefined {
  for (let i = 0; i < m.length; i++) {
    const len = m.length - i;
    if (len > LONGEST_ALIAS || (len < ALIAS_LENGTH.length && !ALIAS_LENGTH[len])) continue;
    const key = KEY_OF.get(m.slice(i));
    if (key !== undefined && (i === 0 || headIsLight(m.slice(0, i)))) return key;
  }
  return undefined;
}

/** The canonical key of a metric written in simplified characters (全省生产总值 -> 地区生产总值). */
export function metricKey(metric: string): string | undefined {
  let m = metric.trim().toUpperCase();
  for (let guard = 0; guard < 4; guard++) {
    const key = lookup(m);
    if (key !== undefined) return key;
    const t = METRIC_KEY_TAIL_RE.exec(m);
    if (!t || t[0].length >= m.length) return undefined;
    m = m.slice(0, m.length - t[0].length);
  }
  return undefined;
}

/**
 * Text edits that keep offsets: the stages before normalising (markup, hard line wraps) remove
 * or replace spans of the text as posted, and every later offset must still point into it.
 */

/** An edited text and its map: result index -> input index (null when nothing was edited). */
export interface Edited {
  text: string;
  map: Uint32Array | null;
}

/** UTF-16 units turned into a string at a time (an argument list, so kept well below engine limits). */
const CHUNK = 8192;

/**
 * `s` with its `edits` applied: triples (from, to, unit) in text order, each replacing s[from, to)
 * by the UTF-16 unit `unit`, or by nothing when it is -1. A replacement maps to the start of what it
 * replaces. Built as units and turned into a string in chunks: slicing the text between every two
 * edits would make a string per edit, and a page of markup has an edit every few characters.
 */
export function applyEdits(s: string, edits: readonly number[]): Edited {
  if (edits.length === 0) return { text: s, map: null };
  const units = new Uint16Array(s.length);
  const map = new Uint32Array(s.length + 1);
  let out = 0;
  let from = 0;
  for (let k = 0; k <= edits.length; k += 3) {
    const at = k < edits.length ? (edits[k] as number) : s.length;
    for (let i = from; i < at; i++) {
      units[out] = s.charCodeAt(i);
      map[out++] = i;
    }
    if (k === edits.length) break;
    const by = edits[k + 2] as number;
    if (by !== -1) {
      units[out] = by;
      map[out++] = at;
    }
    from = edits[k + 1] as number;
  }
  map[out] = s.length;
  const chunks: string[] = [];
  for (let i = 0; i < out; i += CHUNK) chunks.push(String.fromCharCode.apply(null, units.subarray(i, Math.min(out, i + CHUNK)) as unknown as number[]));
  return { text: chunks.join(""), map: map.subarray(0, out + 1) };
}

/** `outer` after `inner`: each index of the last text -> the first (null stands for the identity). */
export function composeMaps(outer: Uint32Array | null, inner: Uint32Array | null): Uint32Array | null {
  if (!outer || !inner) return inner ?? outer;
  const map = new Uint32Array(inner.length);
  for (let i = 0; i < inner.length; i++) map[i] = outer[inner[i] as number] as number;
  return map;
}

/**
 * Text edits that keep offsets: the stages before normalising (markup, hard line wraps) remove
 * or replace spans of the text as posted, and every later offset must still point into it.
 */

/** An edited text and its map: result index -> input index (null when nothing was edited). */
export interface Edited {
  text: string;
  map: Uint32Array | null;
}

/**
 * A native UTF-16 decoder: it copies the units into a string several times faster than
 * String.fromCharCode over argument lists of them. It keeps a leading U+FEFF (ignoreBOM) but would
 * turn a lone surrogate into U+FFFD, so units that may hold surrogates go by fromCharCode.
 */
const UTF16 = new TextDecoder("utf-16le", { fatal: false, ignoreBOM: true });

/**
 * The units of a text being built, reused from text to text (grown when one is longer): a
 * typed array's memory lies outside the engine's heap, and one allocated per text costs more
 * than filling it (its allocation counts toward the next garbage collection). Each user turns
 * it into a string (unitsToString) before the next takes it.
 */
let scratch = new Uint16Array(1 << 14);

/** The shared unit buffer, at least `n` units long. */
export function unitBuffer(n: number): Uint16Array {
  if (scratch.length < n) scratch = new Uint16Array(Math.max(n, 2 * scratch.length));
  return scratch;
}

/** UTF-16 units turned into a string at a time by fromCharCode (an argument list, so kept well below engine limits). */
const CHUNK = 8192;

/** units[0, n) as a string; `surrogates` when they may hold a surrogate (one unit in D800–DFFF). */
export function unitsToString(units: Uint16Array, n: number, surrogates: boolean): string {
  if (!surrogates) return UTF16.decode(units.subarray(0, n));
  const chunks: string[] = [];
  for (let i = 0; i < n; i += CHUNK) chunks.push(String.fromCharCode.apply(null, units.subarray(i, Math.min(n, i + CHUNK)) as unknown as number[]));
  return chunks.join("");
}

/**
 * `s` with its `edits` applied: triples (from, to, unit) in text order, each replacing s[from, to)
 * by the UTF-16 unit `unit`, or by nothing when it is -1. A replacement maps to the start of what it
 * replaces. Built as units and turned into a string at once: slicing the text between every two
 * edits would make a string per edit, and a page of markup has an edit every few characters.
 */
export function applyEdits(s: string, edits: readonly number[]): Edited {
  if (edits.length === 0) return { text: s, map: null };
  const units = unitBuffer(s.length);
  // The map's length is known from the edits: allocated once, at its size.
  let length = s.length + 1;
  for (let k = 0; k < edits.length; k += 3) length -= (edits[k + 1] as number) - (edits[k] as number) - ((edits[k + 2] as number) === -1 ? 0 : 1);
  const map = new Uint32Array(length);
  let out = 0;
  let from = 0;
  // Any surrogate among the units (high five bits 11011).
  let surrogate = 0;
  for (let k = 0; k <= edits.length; k += 3) {
    const at = k < edits.length ? (edits[k] as number) : s.length;
    for (let i = from; i < at; i++) {
      const c = s.charCodeAt(i);
      surrogate |= (c >> 11) === 0x1b ? 1 : 0;
      units[out] = c;
      map[out++] = i;
    }
    if (k === edits.length) break;
    const by = edits[k + 2] as number;
    if (by !== -1) {
      surrogate |= (by >> 11) === 0x1b ? 1 : 0;
      units[out] = by;
      map[out++] = at;
    }
    from = edits[k + 1] as number;
  }
  map[out] = s.length;
  return { text: unitsToString(units, out, surrogate !== 0), map };
}

/**
 * `outer` after `inner`: each index of the last text -> the first (null stands for the identity).
 * `inner` (the caller's own, fresh from applyEdits) is rewritten in place and returned.
 */
export function composeMaps(outer: Uint32Array | null, inner: Uint32Array | null): Uint32Array | null {
  if (!outer || !inner) return inner ?? outer;
  for (let i = 0; i < inner.length; i++) inner[i] = outer[inner[i] as number] as number;
  return inner;
}

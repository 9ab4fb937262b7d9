/**
 * Bit sets in Int32Arrays: a bit per code unit or per hash, read where a byte or word table per
 * entry would cost more cold cache lines (the prefilters of the scans and of the name matcher).
 * An index of NaN (charCodeAt past the end) reads and writes bit 0 of word 0.
 */

/** A bit set of `size` bits, all clear. */
export const newBits = (size: number): Int32Array => new Int32Array((size + 31) >> 5);

export const setBit = (bits: Int32Array, i: number): void => {
  bits[i >> 5] = (bits[i >> 5] as number) | (1 << (i & 31));
};

/** 1 when bit `i` is set, else 0 (a number, so that a branch-free loop can add it). */
export const hasBit = (bits: Int32Array, i: number): number => ((bits[i >> 5] as number) >>> (i & 31)) & 1;

/** The code units whose entry in a 64K table is non-zero, as bits (8 KB). */
export function bitsOf(table: ArrayLike<number>): Int32Array {
  const bits = newBits(0x10000);
  for (let c = 0; c < 0x10000; c++) if (table[c]) setBit(bits, c);
  return bits;
}

/**
 * Seeds of the random tests. `VITE_SEED=<n>` (vitest passes VITE_* variables into workerd as
 * import.meta.env; process.env there is not the shell's) fixes every fast-check property's seed
 * (test/setup.ts) and the faults' PRNG, so a failing run printed with its seed can be replayed:
 * `VITE_SEED=<seed> npx vitest run <file>`.
 */
const raw = (import.meta as { env?: Record<string, string | undefined> }).env?.VITE_SEED;

/** The seed from the environment, or undefined (fast-check then draws one and prints it on failure). */
export const SEED: number | undefined = raw === undefined || raw === "" ? undefined : Number(raw);
if (SEED !== undefined && !Number.isSafeInteger(SEED)) throw new Error(`VITE_SEED must be an integer, got ${JSON.stringify(raw)}`);

/** Deterministic PRNG (mulberry32): the same seed gives the same sequence. */
export function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Seeds of the random tests. `TEST_SEED=<n>` in the shell (passed in as a binding,
 * vitest.config.ts) fixes every fast-check property's seed (test/setup.ts) and the faults' PRNG,
 * so a failing run printed with its seed can be replayed: `TEST_SEED=<seed> npx vitest run <file>`.
 */
import { env } from "cloudflare:workers";

/** The seed from the environment, or undefined (fast-check then draws one and prints it on failure). */
export const SEED: number | undefined = env.TEST_SEED === "" ? undefined : Number(env.TEST_SEED);
if (SEED !== undefined && !Number.isSafeInteger(SEED)) throw new Error(`TEST_SEED must be an integer, got ${JSON.stringify(env.TEST_SEED)}`);

/** The seed of this run's fast-check properties: TEST_SEED, or one drawn and printed by vitest.config.ts. */
export const RUN_SEED: number = Number(env.RUN_SEED);

/** Deterministic PRNG (mulberry32): the same seed gives the same sequence. */
export function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

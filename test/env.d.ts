declare namespace Cloudflare {
  interface Env {
    TEST_MIGRATIONS: import("cloudflare:test").D1Migration[];
    /** Seed of every random test, from the shell's TEST_SEED (empty: fast-check draws one). */
    TEST_SEED: string;
    /** Seed of this run's fast-check properties: TEST_SEED or one drawn by vitest.config.ts. */
    RUN_SEED: string;
    /** Cases per fuzz property, from the shell's FUZZ_RUNS (empty: the `npm test` counts). */
    FUZZ_RUNS: string;
    /** The vitest project: "one" (one database) or "sharded" (DB plus DB_NORTH, DB_EAST, DB_SOUTH). */
    TEST_LAYOUT: string;
  }
}

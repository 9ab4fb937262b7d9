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
    /** `sharded` project only: a fifth database, the one-database layout of test/shards/equivalence.test.ts. */
    DB_ONE?: D1Database;
    /** `sharded` project only: a queue no consumer reads; the equivalence test delivers its messages itself. */
    EXTRACT_QUEUE_HELD?: Queue<import("../src/pipeline/messages").ExtractMessage>;
  }
}

import path from "node:path";
import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";

// Tests run inside workerd with the bindings of wrangler.toml and a fresh in-memory D1 per test
// file; the drizzle/ migrations are applied to every shard by test/apply-migrations.ts. Two
// projects: `one` (wrangler.toml's top level: one database, every test) and `sharded` (its
// [env.sharded]: four databases and their SHARDS map; the tests of test/shards, which exercise
// the merge — the rest would only re-run one database's code).
export default defineConfig(async () => {
  // One seed per run for every random test, printed before anything runs: a run that fails, or
  // never ends (a synchronous property cannot be interrupted), is replayed with TEST_SEED=<seed>.
  const runSeed = process.env.TEST_SEED || String(Math.floor(Math.random() * 2 ** 31));
  console.log(`vitest: fast-check properties use seed ${runSeed}; replay with TEST_SEED=${runSeed}`);
  const migrations = await readD1Migrations(path.join(import.meta.dirname, "drizzle"));
  const workers = (name: string, environment?: string, extra: { d1Databases?: Record<string, string>; queueProducers?: Record<string, { queueName: string }> } = {}) =>
    cloudflareTest({
      wrangler: { configPath: "./wrangler.toml", environment },
      miniflare: {
        ...extra,
        bindings: {
          TEST_MIGRATIONS: migrations,
          TEST_LAYOUT: name,
          WEBHOOK_SECRETS: "whsec_dGVzdC1zZWNyZXQtb25lLTAxMjM0NTY3ODk=,whsec_dGVzdC1zZWNyZXQtdHdvLTAxMjM0NTY3ODk=",
          ADMIN_TOKEN: "test-admin-token",
          // Random tests read these at run time (test/helpers/random.ts, test/fuzz/common.ts):
          // bindings, not import.meta.env, which the file-system module cache bakes into the
          // transformed module of the first run.
          TEST_SEED: process.env.TEST_SEED ?? "",
          RUN_SEED: runSeed,
          FUZZ_RUNS: process.env.FUZZ_RUNS ?? "",
        },
      },
    });
  const common = {
    setupFiles: ["./test/apply-migrations.ts", "./test/setup.ts"],
    // Hang guards, not speed goals: a loaded 2-core machine must never turn a slow run into a
    // failed one (waits on background work are bounded by test/helpers/wait.ts SETTLE_MS).
    testTimeout: 180_000,
    hookTimeout: 180_000,
  };
  return {
    test: {
      projects: [
        {
          plugins: [workers("one")],
          test: {
            ...common,
            name: "one",
            include: ["test/**/*.test.ts"],
            // test/node holds node:test files (recheck needs Node); test/browser drives Chromium;
            // the equivalence test compares two layouts and needs the `sharded` project's fifth database.
            exclude: ["test/browser/**", "test/node/**", "test/shards/equivalence.test.ts"],
          },
        },
        {
          // Beside the four shards, a fifth database and a queue with no consumer, so that
          // test/shards/equivalence.test.ts serves the same Worker as one database in the same run.
          plugins: [workers("sharded", "sharded", { d1Databases: { DB_ONE: "jiyao-one-layout" }, queueProducers: { EXTRACT_QUEUE_HELD: { queueName: "jiyao-held" } } })],
          test: { ...common, name: "sharded", include: ["test/shards/**/*.test.ts"] },
        },
      ],
    },
  };
});

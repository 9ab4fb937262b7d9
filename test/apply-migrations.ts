// Runs before each test file: applies drizzle/ migrations to that file's fresh in-memory D1, to
// every shard of the layout (idempotent through the d1_migrations table, the same one wrangler uses).
import { applyD1Migrations } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { shardsOf } from "../src/db/router";

for (const d1 of shardsOf(env).all) await applyD1Migrations(d1, env.TEST_MIGRATIONS);

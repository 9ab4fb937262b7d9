// Runs before each test file: applies drizzle/ migrations to that file's fresh in-memory D1
// (idempotent through the d1_migrations table, the same one wrangler uses).
import { applyD1Migrations } from "cloudflare:test";
import { env } from "cloudflare:workers";

await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);

// `npm run start:sharded -- --port N`: the Worker over four local D1 databases (wrangler.toml
// [env.sharded]: three province groups and the catch-all), persisted in .wrangler/sharded so it
// runs beside `npm start` in the same checkout without sharing a file. Applies the drizzle/
// migrations to every shard, then runs `wrangler dev` with the arguments given.
import { execFileSync, spawn } from "node:child_process";

const PERSIST = ".wrangler/sharded";
const BINDINGS = ["DB", "DB_NORTH", "DB_EAST", "DB_SOUTH"];
const env = { ...process.env, CI: "true" };

for (const b of BINDINGS) {
  execFileSync("npx", ["wrangler", "d1", "migrations", "apply", b, "--local", "--env", "sharded", "--persist-to", PERSIST], { stdio: "inherit", env });
}
const dev = spawn("npx", ["wrangler", "dev", "--env", "sharded", "--persist-to", PERSIST, ...process.argv.slice(2)], { stdio: "inherit", env });
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => dev.kill(sig));
dev.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));

/**
 * A fresh local D1 (and the other bindings of wrangler.toml) for Node-side benchmarks, through
 * wrangler's getPlatformProxy, with the drizzle/ migrations applied. Not a benchmark itself.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { getPlatformProxy } from "wrangler";

export interface LocalPlatform {
  env: Env;
  dispose(): Promise<void>;
}

export async function localPlatform(vars: Partial<Env> = {}): Promise<LocalPlatform> {
  const dir = mkdtempSync(join(tmpdir(), "jiyao-bench-"));
  const proxy = await getPlatformProxy<Env>({ configPath: "wrangler.toml", persist: { path: dir }, remoteBindings: false });
  const env = { ...proxy.env, ...vars } as Env;
  for (const file of readdirSync("drizzle").filter((f) => f.endsWith(".sql")).sort()) {
    for (const stmt of readFileSync(join("drizzle", file), "utf8").split("--> statement-breakpoint")) {
      const sql = stmt.replace(/^\s*--.*$/gm, "").trim();
      if (sql) await env.DB.prepare(sql).run();
    }
  }
  return {
    env,
    async dispose() {
      await proxy.dispose();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

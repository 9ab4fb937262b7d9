/**
 * A throw-away local Worker for the HTTP benchmarks: a fresh `--persist-to` directory with the
 * migrations applied, the path of its local D1 file (for bulk loading, see synthetic.ts), then
 * `wrangler dev` on a loopback port serving it, timed sequential fetches, and clean-up that stops
 * only our own child's process group. Loopback traffic only; every wait is bounded.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { percentile } from "./stats.ts";

const ROOT = join(import.meta.dirname, "..", "..");
/** CI=true keeps wrangler from prompting; no cf-object fetch, so nothing leaves the machine. */
const ENV = { ...process.env, CI: "true", CLOUDFLARE_CF_FETCH_ENABLED: "false" };

function npx(args: string[]): void {
  execFileSync("npx", args, { cwd: ROOT, env: ENV, stdio: ["ignore", "ignore", "inherit"], timeout: 600_000 });
}

/** wrangler keeps each local D1 as <persist>/v3/d1/<object>/<hash>.sqlite (beside metadata.sqlite). */
function sqliteFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sqliteFiles(p);
    return name.endsWith(".sqlite") && name !== "metadata.sqlite" ? [p] : [];
  });
}

/** Whether any process of the group `pgid` is still running (signal 0 only checks). */
function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

export interface Timing {
  /** Milliseconds from request to the end of the body, ascending. */
  ms: number[];
  p50: number;
  p95: number;
  /** The measured (post-warm-up) response bodies. */
  bodies: ArrayBuffer[];
}

export class LocalWorker {
  #child: ChildProcess | undefined;
  base = "";

  private constructor(
    /** The --persist-to directory (removed by close()). */
    readonly dir: string,
    /** The local D1 file of each binding, migrated and empty; load them before serve(). */
    readonly d1Files: Record<string, string>,
    /** The wrangler.toml environment served (undefined: the top level). */
    readonly env: string | undefined,
  ) {}

  /** The local D1 file of the `DB` binding. */
  get d1File(): string {
    return this.d1Files.DB!;
  }

  /**
   * A fresh persist directory (named `prefix`…) with the drizzle/ migrations applied to each
   * D1 binding (`DB`; an environment such as `sharded` names its own).
   */
  static create(prefix: string, { env, bindings = ["DB"] }: { env?: string; bindings?: string[] } = {}): LocalWorker {
    const dir = mkdtempSync(join(tmpdir(), prefix));
    try {
      const files: Record<string, string> = {};
      for (const b of bindings) {
        npx(["wrangler", "d1", "migrations", "apply", b, "--local", "--persist-to", dir, ...(env ? ["--env", env] : [])]);
        // Each binding's file is the one its migration created.
        const fresh = sqliteFiles(join(dir, "v3", "d1")).filter((f) => !Object.values(files).includes(f));
        if (fresh.length !== 1) throw new Error(`expected one new local D1 file for ${b} under ${dir}, found ${fresh.length}`);
        files[b] = fresh[0]!;
      }
      return new LocalWorker(dir, files, env);
    } catch (e) {
      rmSync(dir, { recursive: true, force: true });
      throw e;
    }
  }

  /**
   * Serves the Worker on 127.0.0.1:`port` and waits for /healthz. The bundle is made up front and
   * served with `--no-bundle`: `wrangler dev` otherwise watches the sources and would restart
   * mid-run whenever someone edits src/. `vars` override wrangler.toml's (e.g. WEBHOOK_SECRETS).
   */
  async serve(port: number, vars: Record<string, string> = {}): Promise<string> {
    const dist = join(this.dir, "dist");
    npx(["wrangler", "deploy", "--dry-run", "--outdir", dist]);
    this.#child = spawn(
      "npx",
      [
        "wrangler", "dev", join(dist, "index.js"), "--no-bundle", "--config", join(ROOT, "wrangler.toml"),
        "--ip", "127.0.0.1", "--port", String(port), "--persist-to", this.dir, "--inspector-port", "0",
        "--show-interactive-dev-session=false", "--log-level", "warn", ...(this.env ? ["--env", this.env] : []),
        ...Object.entries(vars).flatMap(([k, v]) => ["--var", `${k}:${v}`]),
      ],
      // detached: its own process group, so close() can stop npx, wrangler and workerd together.
      { cwd: ROOT, env: ENV, stdio: ["ignore", "ignore", "inherit"], detached: true },
    );
    this.base = `http://127.0.0.1:${port}`;
    const until = Date.now() + 90_000;
    while (Date.now() < until) {
      if (this.#child.exitCode !== null) throw new Error(`wrangler dev exited with ${this.#child.exitCode}`);
      try {
        if ((await fetch(`${this.base}/healthz`)).ok) return this.base;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 300));
    }
    throw new Error("wrangler dev did not come up within 90 s");
  }

  /**
   * Times `runs` sequential requests after `warmup` untimed ones, a fresh `path()` per request (so
   * places and metrics vary); throws on a status other than `expect`.
   */
  async time(
    path: () => string,
    { warmup, runs, headers = () => ({}), expect = 200 }: { warmup: number; runs: number; headers?: () => Record<string, string>; expect?: number },
  ): Promise<Timing> {
    const ms: number[] = [];
    const bodies: ArrayBuffer[] = [];
    for (let i = 0; i < warmup + runs; i++) {
      const p = path();
      const t0 = performance.now();
      const res = await fetch(`${this.base}${p}`, { headers: headers() });
      const body = await res.arrayBuffer();
      const t1 = performance.now();
      if (res.status !== expect) throw new Error(`${p} → ${res.status} ${new TextDecoder().decode(body).slice(0, 300)}`);
      if (i >= warmup) {
        ms.push(t1 - t0);
        bodies.push(body);
      }
    }
    ms.sort((a, b) => a - b);
    return { ms, p50: percentile(ms, 50), p95: percentile(ms, 95), bodies };
  }

  /**
   * Stops the server: the whole process group (npx, wrangler, workerd), waiting up to 10 s until
   * none of it is left, so the database files are closed when this returns. The directory stays.
   */
  async stop(): Promise<void> {
    const pid = this.#child?.pid;
    if (!pid) return;
    try {
      process.kill(-pid, "SIGTERM");
    } catch {
      return; // already gone
    }
    const until = Date.now() + 10_000;
    while (groupAlive(pid) && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
  }

  /** Stops the server and removes the directory unless `keep`. */
  async close(keep = false): Promise<void> {
    await this.stop();
    if (keep) console.log(`kept ${this.dir}`);
    else rmSync(this.dir, { recursive: true, force: true });
  }
}

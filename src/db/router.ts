/**
 * Which D1 database holds what. Articles live in the database of their primary place's province
 * (the first two digits of its GB/T 2260 code); articles with no resolvable place, and every
 * article before extraction, in the catch-all. The map is configuration (wrangler.toml `SHARDS`):
 *
 *   SHARDS = "*=DB"                                  one database for everything (the default)
 *   SHARDS = "11,12,13=DB_NORTH;31,32=DB_EAST;*=DB"  provinces sharing databases, DB the catch-all
 *
 * Each binding is listed once in the order first named, the catch-all included; a shard's
 * position in that list is the tie-breaker of merged cursors (src/db/reads.ts), so append new
 * bindings rather than reorder them.
 */
import { Problem } from "../problems";

export interface ShardMap {
  /** Binding names, each once. */
  bindings: string[];
  /** Province prefix (2 digits) → index into `bindings`. */
  provinces: Map<string, number>;
  /** Index of the catch-all binding. */
  catchAll: number;
}

/** Parses a SHARDS value; throws `misconfigured` with what is wrong. */
export function parseShardMap(spec: string): ShardMap {
  const bindings: string[] = [];
  const provinces = new Map<string, number>();
  let catchAll: number | undefined;
  const bad = (detail: string): never => {
    throw new Problem("misconfigured", `SHARDS: ${detail}`);
  };
  for (const part of spec.split(";").map((p) => p.trim()).filter(Boolean)) {
    const m = /^([\d,\s*]+)=\s*([A-Za-z_][A-Za-z0-9_]*)$/.exec(part);
    if (!m) bad(`"${part}" is not "codes=BINDING"`);
    const binding = m![2]!;
    let index = bindings.indexOf(binding);
    if (index < 0) index = bindings.push(binding) - 1;
    for (const code of m![1]!.split(",").map((c) => c.trim()).filter(Boolean)) {
      if (code === "*") {
        if (catchAll !== undefined) bad("more than one catch-all (*)");
        catchAll = index;
      } else if (/^[1-9]\d$/.test(code)) {
        if (provinces.has(code)) bad(`province ${code} is mapped twice`);
        provinces.set(code, index);
      } else {
        bad(`"${code}" is not a two-digit province code or *`);
      }
    }
  }
  if (catchAll === undefined) return bad("no catch-all (*=BINDING)");
  return { bindings, provinces, catchAll };
}

export interface Shards {
  map: ShardMap;
  /** The databases, in the map's binding order. */
  all: D1Database[];
  /** Index of the shard of a place code (GB/T 2260, or null/a non-code key: the catch-all). */
  indexOf(placeCode: string | null | undefined): number;
}

let cached: { spec: string; map: ShardMap } | undefined;

/** The shards of this deployment; a binding the map names but the Worker lacks is `misconfigured`. */
export function shardsOf(env: Env): Shards {
  const spec = env.SHARDS ?? "*=DB";
  if (cached?.spec !== spec) cached = { spec, map: parseShardMap(spec) };
  const map = cached.map;
  const all = map.bindings.map((name) => {
    const db = (env as unknown as Record<string, D1Database | undefined>)[name];
    if (!db) throw new Problem("misconfigured", `SHARDS names ${name}, which is not a D1 binding of this Worker`);
    return db;
  });
  return {
    map,
    all,
    indexOf(code) {
      if (!code || !/^\d{6}/.test(code)) return map.catchAll;
      return map.provinces.get(code.slice(0, 2)) ?? map.catchAll;
    },
  };
}

/**
 * Counting the round trips a request makes to each D1 database: the real bindings, wrapped so
 * that every statement run (`all`, `first`, `run`, `raw`), every `batch` and every `exec` adds
 * one to its database's count — a batch is one, as D1 bills and the free plan's 50 queries per
 * invocation count it — and every `bind` reports how many parameters it binds (D1 refuses more
 * than 100 in one statement; the local D1 does not). Nothing is answered by the wrapper; it
 * passes every call to the binding.
 */
import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import worker from "../../src/index";
import { shardsOf } from "../../src/db/router";

const RUNS = new Set(["all", "first", "run", "raw"]);

/** The real statement behind a wrapped one (what `batch` must be given). */
const unwrapped = new WeakMap<object, D1PreparedStatement>();

/** What a counted binding reports: each round trip, and the parameters of each statement bound. */
type Counter = { tick: () => void; bound?: (params: number) => void };

function countedStatement(stmt: D1PreparedStatement, counter: Counter): D1PreparedStatement {
  const wrapped = new Proxy(stmt, {
    get(target, key) {
      if (key === "bind") {
        return (...args: unknown[]) => {
          counter.bound?.(args.length);
          return countedStatement(target.bind(...args), counter);
        };
      }
      const value = Reflect.get(target, key, target);
      if (typeof value !== "function") return value;
      if (RUNS.has(key as string)) {
        return (...args: unknown[]) => {
          counter.tick();
          return value.apply(target, args);
        };
      }
      return value.bind(target);
    },
  });
  unwrapped.set(wrapped, stmt);
  return wrapped;
}

export function countedD1(d1: D1Database, tick: () => void, bound?: (params: number) => void): D1Database {
  const counter = { tick, bound };
  return new Proxy(d1, {
    get(target, key) {
      if (key === "prepare") return (query: string) => countedStatement(target.prepare(query), counter);
      if (key === "batch") {
        return (stmts: D1PreparedStatement[]) => {
          tick();
          return target.batch(stmts.map((s) => unwrapped.get(s) ?? s));
        };
      }
      const value = Reflect.get(target, key, target);
      if (typeof value !== "function") return value;
      if (key === "exec") {
        return (query: string) => {
          tick();
          return value.call(target, query);
        };
      }
      return value.bind(target);
    },
  });
}

/**
 * A GET through the Worker with every shard of `env` counted: status, body, the queries per shard
 * (in the map's order) and the most parameters one statement bound.
 */
export async function countedGet(env: Env, path: string): Promise<{ status: number; body: string; queries: number[]; params: number }> {
  const { map } = shardsOf(env);
  const queries = map.bindings.map(() => 0);
  let params = 0;
  const counted: Record<string, unknown> = { ...env };
  map.bindings.forEach((name, i) => {
    counted[name] = countedD1((env as unknown as Record<string, D1Database>)[name]!, () => queries[i]!++, (n) => (params = Math.max(params, n)));
  });
  const ctx = createExecutionContext();
  const res = await worker.fetch(new Request(`https://jiyao.test${path}`), counted as unknown as Env, ctx);
  const body = await res.text(); // read before counting ends: a CSV body reads its pages as it streams
  await waitOnExecutionContext(ctx);
  return { status: res.status, body, queries, params };
}

/**
 * Each distinct value bound once per statement. D1 binds at most 100 parameters in one
 * statement, and a list's statement repeats its filters in every read plan (arm) and paging
 * phase (src/db/queries/plan.ts, page.ts): bound at each use, a page with place, metric, kind and
 * a cursor passed 100 (a figures page with every filter bound 141). SQLite's numbered parameters
 * (`?N`, which D1 binds) let every use of a value share one, so a statement binds as many as its
 * request has distinct values, however often its plans repeat them.
 *
 * drizzle writes each parameter as a bare `?`; the wrapper renumbers them when the statement is
 * bound. Quoted text (string literals, quoted identifiers) is skipped: a `?` there is not a
 * parameter.
 */

/**
 * The positions of the bare `?` of `sql` (quoted text, string literals and quoted identifiers,
 * skipped: a `?` there is not a parameter); throws if the statement already numbers them.
 */
export function placeholders(sql: string): number[] {
  const at: number[] = [];
  for (let i = 0; i < sql.length; i++) {
    const c = sql[i]!;
    if (c === "'" || c === '"' || c === "`") {
      // To the closing quote; a doubled quote inside is the quote itself.
      let j = i + 1;
      while (j < sql.length && !(sql[j] === c && sql[j + 1] !== c)) j += sql[j] === c ? 2 : 1;
      i = j;
    } else if (c === "?") {
      if (/\d/.test(sql[i + 1] ?? "")) throw new Error("the statement already numbers its parameters");
      at.push(i);
    }
  }
  return at;
}

/** `sql` with its bare `?` numbered by distinct value, and those values in order. */
export function numberedOnce(sql: string, params: unknown[]): { sql: string; params: unknown[] } {
  const at = placeholders(sql);
  if (at.length !== params.length) throw new Error(`numberedOnce: ${params.length} parameters for ${at.length} placeholders`);
  const numberOf = new Map<unknown, number>();
  const values: unknown[] = [];
  let out = "";
  let from = 0;
  at.forEach((i, used) => {
    const value = params[used];
    // Values that bind alike share a number; objects (blobs) only with themselves.
    const key = value !== null && typeof value === "object" ? value : `${typeof value}:${String(value)}`;
    let n = numberOf.get(key);
    if (n === undefined) {
      n = values.push(value);
      numberOf.set(key, n);
    }
    out += `${sql.slice(from, i)}?${n}`;
    from = i + 1;
  });
  return { sql: out + sql.slice(from), params: values };
}

/** One wrapper per binding: what is kept per database (reads.ts) stays keyed by one object. */
const wrappers = new WeakMap<D1Database, D1Database>();

/** `d1` whose statements bind each distinct value once (numberedOnce) when they are bound. */
export function bindingOnce(d1: D1Database): D1Database {
  return wrappers.get(d1) ?? wrappers.set(d1, wrap(d1)).get(d1)!;
}

function wrap(d1: D1Database): D1Database {
  return new Proxy(d1, {
    get(target, key) {
      if (key === "prepare") {
        return (query: string) => {
          const stmt = target.prepare(query);
          return new Proxy(stmt, {
            get(s, k) {
              if (k === "bind") {
                return (...params: unknown[]) => {
                  const once = numberedOnce(query, params);
                  return target.prepare(once.sql).bind(...once.params);
                };
              }
              const value = Reflect.get(s, k, s);
              return typeof value === "function" ? value.bind(s) : value;
            },
          });
        };
      }
      const value = Reflect.get(target, key, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

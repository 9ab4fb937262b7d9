/**
 * A fragment rendered once. drizzle renders a statement by walking every chunk of its tree, and
 * a keyword query's fragments are most of a list statement's chunks (a five-term query: its
 * probe, candidates and row checks, four copies of each over four shards); rendered, a fragment
 * is its text in a few raw pieces between its parameters, cheap to embed again.
 */
import { type SQL, type SQLWrapper, sql } from "drizzle-orm";
import { SQLiteSyncDialect } from "drizzle-orm/sqlite-core";
import { placeholders } from "../params";

const dialect = new SQLiteSyncDialect();

/** `fragment` as raw text between its parameters: the same SQL, the same parameters in order. */
export function rendered(fragment: SQL): SQL {
  const { sql: text, params } = dialect.sqlToQuery(fragment);
  const chunks: SQL[] = [];
  let from = 0;
  placeholders(text).forEach((at, n) => {
    chunks.push(sql.raw(text.slice(from, at)), sql`${params[n]}`);
    from = at + 1;
  });
  chunks.push(sql.raw(text.slice(from)));
  return sql.join(chunks);
}

/** The text a column or expression renders as (a key for fragments built on it). */
export function renderedText(expr: SQLWrapper): string {
  return dialect.sqlToQuery(sql`${expr}`).sql;
}

/**
 * A bounded memo: keyword queries come from users, so at most `max` are kept, the oldest
 * dropped first.
 */
export class Memo<V> {
  #values = new Map<string, V>();
  constructor(private readonly max: number) {}

  get(key: string, make: () => V): V {
    if (this.#values.has(key)) return this.#values.get(key)!;
    const value = make();
    if (this.#values.size >= this.max) this.#values.delete(this.#values.keys().next().value!);
    this.#values.set(key, value);
    return value;
  }
}

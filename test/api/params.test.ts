/**
 * Each distinct value bound once per statement (src/db/params.ts): the renumbered statement
 * answers as the original does on the real local D1, binds each value once, leaves a `?` in
 * quoted text alone, and refuses a statement whose placeholders and parameters disagree. A
 * fragment rendered once (src/db/queries/render.ts) embeds as the same text and parameters.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { SQLiteSyncDialect } from "drizzle-orm/sqlite-core";
import { bindingOnce, numberedOnce } from "../../src/db/params";
import { rendered } from "../../src/db/queries/render";
import { articles } from "../../src/db/schema";

describe("numberedOnce", () => {
  it("shares a number between equal values, by type", async () => {
    const sql = "SELECT ? AS a, ? AS b, ? AS c, ? AS d, ? AS e, ? AS f";
    const params = ["x", 1, "x", "1", 1, null];
    const once = numberedOnce(sql, params);
    expect(once.sql).toBe("SELECT ?1 AS a, ?2 AS b, ?1 AS c, ?3 AS d, ?2 AS e, ?4 AS f");
    expect(once.params).toEqual(["x", 1, "1", null]);
    const [plain, numbered] = await Promise.all([
      env.DB.prepare(sql).bind(...params).first(),
      env.DB.prepare(once.sql).bind(...once.params).first(),
    ]);
    expect(numbered).toEqual(plain);
    expect(numbered).toEqual({ a: "x", b: 1, c: "x", d: "1", e: 1, f: null });
  });

  it("skips quoted text, doubled quotes included", async () => {
    const sql = `SELECT 'a?''?' AS "q?""x", ? AS v, json_extract('{"k?":1}', '$."k?"') AS j, ? AS w`;
    const once = numberedOnce(sql, ["v", "v"]);
    expect(once.sql).toBe(`SELECT 'a?''?' AS "q?""x", ?1 AS v, json_extract('{"k?":1}', '$."k?"') AS j, ?1 AS w`);
    expect(await env.DB.prepare(once.sql).bind(...once.params).first()).toEqual({ 'q?"x': "a?'?", v: "v", j: 1, w: "v" });
  });

  it("refuses placeholders and parameters that do not pair", () => {
    expect(() => numberedOnce("SELECT ?, ?", [1])).toThrow(/placeholders/);
    expect(() => numberedOnce("SELECT ?", [1, 2])).toThrow(/parameters for 1 placeholders/);
    expect(() => numberedOnce("SELECT ?1", [1])).toThrow(/already numbers/);
  });

  it("lets a statement use a value more often than D1 binds parameters", async () => {
    const uses = 150;
    const sql = `SELECT ? IN (${Array.from({ length: uses - 1 }, () => "?").join(", ")}) AS n`;
    await expect(env.DB.prepare(sql).bind(...Array.from({ length: uses }, () => 1)).first()).rejects.toThrow(/too many SQL variables/);
    const db = bindingOnce(env.DB);
    expect(await db.prepare(sql).bind(...Array.from({ length: uses }, () => 1)).first()).toEqual({ n: 1 });
    expect(bindingOnce(env.DB), "one wrapper per binding").toBe(db);
  });
});

describe("rendered", () => {
  it("embeds as the fragment's own text and parameters, a quoted ? left alone", () => {
    const dialect = new SQLiteSyncDialect();
    const fragment = sql`(${articles.id} IN (SELECT rowid FROM t WHERE x = ${"a?"} AND y = '?' AND z < ${3}) OR ${articles.title} = ${"b"})`;
    const statement = (f: ReturnType<typeof sql>) => dialect.sqlToQuery(sql`SELECT 1 FROM articles WHERE ${articles.status} = ${"ok"} AND ${f} LIMIT ${5}`);
    const once = rendered(fragment);
    expect(statement(once)).toEqual(statement(fragment));
    expect(statement(once).params).toEqual(["ok", "a?", 3, "b", 5]);
  });
});

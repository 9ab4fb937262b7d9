/**
 * POST /v1/admin/reextract — the cron sweep on demand: `?scope=stale` (default: older versions
 * and stuck articles), `failed` (retry every failed article) or `all` (re-extract everything).
 * One call queues at most SWEEP_PAGES pages of ids and answers `{queued, next_cursor, done}`;
 * call again with `&cursor=<next_cursor>` until `done`.
 * Bearer token from the ADMIN_TOKEN secret, compared in constant time; no token configured = closed.
 */
import { Hono } from "hono";
import { bearerAuth } from "hono/bearer-auth";
import { timingSafeEqual } from "hono/utils/buffer";
import type { AppEnv } from "../app";
import { Problem } from "../problems";
import { sweep, SWEEP_SCOPES, type SweepScope } from "./sweep";

export const adminRoutes = new Hono<AppEnv>();

adminRoutes.use(
  "*",
  bearerAuth({
    verifyToken: async (token, c) => {
      const expected = (c.env as Env).ADMIN_TOKEN;
      return Boolean(expected) && (await timingSafeEqual(token, expected));
    },
  }),
);

adminRoutes.post("/reextract", async (c) => {
  const scope = c.req.query("scope") ?? "stale";
  if (!(SWEEP_SCOPES as readonly string[]).includes(scope)) {
    throw new Problem("invalid_parameter", `"scope" must be one of ${SWEEP_SCOPES.join(", ")}.`, { parameter: "scope" });
  }
  const cursor = c.req.query("cursor");
  if (cursor !== undefined && !/^[1-9]\d{0,14}$/.test(cursor)) {
    throw new Problem("invalid_parameter", '"cursor" must be the next_cursor of an earlier answer.', { parameter: "cursor" });
  }
  const result = await sweep(c.env, { scope: scope as SweepScope, after: cursor === undefined ? 0 : Number(cursor) });
  return c.json({ ...result, done: result.next_cursor === null }, 202);
});

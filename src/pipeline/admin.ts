/**
 * POST /v1/admin/reextract — the cron sweep on demand: `?scope=stale` (default: older versions
 * and stuck articles), `failed` (retry every failed article) or `all` (re-extract everything).
 * One call queues at most SWEEP_PAGES pages of ids (SWEEP_PAGES / shards when sharded) and answers `{queued, next_cursor, done}`;
 * call again with `&cursor=<next_cursor>` until `done`.
 * Bearer token from the ADMIN_TOKEN secret, compared in constant time; no token configured = closed.
 */
import { Hono } from "hono";
import { timingSafeEqual } from "hono/utils/buffer";
import type { AppEnv } from "../app-env";
import { Problem, problemResponse } from "../problems";
import { sweep, SWEEP_SCOPES, type SweepScope } from "./sweep";

export const adminRoutes = new Hono<AppEnv>();

const CHALLENGE = { "www-authenticate": 'Bearer realm="jiyao admin"' };

/** `Authorization: Bearer <ADMIN_TOKEN>`; another scheme (Basic, Digest) gets its own 401 code. */
adminRoutes.use("*", async (c, next) => {
  const instance = c.req.path;
  const header = c.req.header("authorization")?.trim() ?? "";
  const [scheme = "", token = "", ...rest] = header.split(/\s+/);
  if (header && scheme.toLowerCase() !== "bearer") {
    return problemResponse("unsupported_auth_scheme", `Authorization uses ${scheme.slice(0, 20)}; send Authorization: Bearer <ADMIN_TOKEN>.`, { instance }, CHALLENGE);
  }
  const expected = c.env.ADMIN_TOKEN;
  if (!token || rest.length || !expected || !(await timingSafeEqual(token, expected))) {
    return problemResponse("unauthorized", "Send Authorization: Bearer <ADMIN_TOKEN>; the token was missing or wrong.", { instance }, CHALLENGE);
  }
  await next();
});

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

/**
 * POST /v1/admin/reextract — the cron sweep on demand: `?scope=stale` (default: older versions
 * and stuck articles), `failed` (retry every failed article) or `all` (re-extract everything).
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
  const { queued } = await sweep(c.env, { scope: scope as SweepScope });
  return c.json({ queued }, 202);
});

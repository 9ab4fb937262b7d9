/**
 * POST /v1/admin/reextract — the cron sweep on demand (`?all=true` re-extracts everything).
 * Bearer token from the ADMIN_TOKEN secret, compared in constant time; no token configured = closed.
 */
import { Hono } from "hono";
import { bearerAuth } from "hono/bearer-auth";
import { timingSafeEqual } from "hono/utils/buffer";
import type { AppEnv } from "../app";
import { Problem } from "../problems";
import { sweep } from "./sweep";

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
  const all = c.req.query("all");
  if (all !== undefined && all !== "true" && all !== "false") {
    throw new Problem("invalid_parameter", '"all" must be true or false.', { parameter: "all" });
  }
  const { queued } = await sweep(c.env, { all: all === "true" });
  return c.json({ queued }, 202);
});

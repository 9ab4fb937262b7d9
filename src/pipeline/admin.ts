import { Hono } from "hono";
import type { AppEnv } from "../app";

/** Placeholder until the admin routes land. */
export const adminRoutes = new Hono<AppEnv>();

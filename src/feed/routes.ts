import { Hono } from "hono";
import type { AppEnv } from "../app";

/** Placeholder until the feed routes land. */
export const feedRoutes = new Hono<AppEnv>();

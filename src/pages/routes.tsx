import { Hono } from "hono";
import type { AppEnv } from "../app";

/** Placeholder until the page routes land. */
export const pageRoutes = new Hono<AppEnv>();

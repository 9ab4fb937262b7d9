import { Hono } from "hono";
import type { AppEnv } from "../app";

/** Placeholder until the api routes land. */
export const apiRoutes = new Hono<AppEnv>();
